from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from home.demo.builder import DemoBuilder
from staff.roles import DEMO_PASSWORD, create_demo_users, setup_roles

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "admin"


class Command(BaseCommand):
    help = (
        "Build the demo site from the seed documents, in French and English: communities, "
        "kits, charters, the Carte Citoyenne, events dated from today, legal pages. "
        "Safe to run again: existing content is updated, nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--create-admin",
            action="store_true",
            help=(
                f"Create the local superuser {ADMIN_USERNAME!r} (password {ADMIN_PASSWORD!r}) "
                "and one account per staff role even when DEBUG is off. "
                "Never use this on a public server."
            ),
        )

    def handle(self, *args, create_admin=False, **options):
        with transaction.atomic():
            counts = DemoBuilder(timezone.localdate()).build()
            # Roles need the community pages: one coordination group per community.
            setup_roles()
        self.stdout.write(", ".join(f"{label}: {count}" for label, count in counts.items()))
        self.stdout.write(self.style.SUCCESS("Demo content is up to date."))

        if settings.DEBUG or create_admin:
            self.ensure_admin()
            usernames = create_demo_users(force=True)
            self.stdout.write(
                self.style.WARNING(
                    f"Local staff accounts, password {DEMO_PASSWORD!r} (for local use only): "
                    + ", ".join(usernames)
                )
            )
        else:
            self.stdout.write(
                "No admin account created: DEBUG is off (pass --create-admin to force it)."
            )

    def ensure_admin(self):
        """A superuser for local use; an existing account keeps its password."""
        User = get_user_model()
        if User.objects.filter(username=ADMIN_USERNAME).exists():
            self.stdout.write(f"Admin account {ADMIN_USERNAME!r} already exists (unchanged).")
            return
        User.objects.create_superuser(ADMIN_USERNAME, email="", password=ADMIN_PASSWORD)
        self.stdout.write(
            self.style.WARNING(
                f"Local admin account: {ADMIN_USERNAME} / {ADMIN_PASSWORD} at /admin/ "
                "(for local use only)."
            )
        )
