from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from staff.roles import DEMO_PASSWORD, create_demo_users, setup_roles


class Command(BaseCommand):
    help = (
        "Create or update the staff's groups (Communication, one Coordination group per "
        "community, Traduction), their permissions and the « Relecture Communication » review "
        "workflow. Run it once the pages exist (after load_demo_content); safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help=(
                f"Also create one account per role, password {DEMO_PASSWORD!r}, when DEBUG is "
                "on. For local use only."
            ),
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Create the demo accounts even when DEBUG is off. Never on a public server.",
        )

    def handle(self, *args, demo_users=False, force=False, **options):
        try:
            groups = setup_roles()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        for name, group in groups.items():
            self.stdout.write(f"{name}: {group.page_permissions.count()} page permissions")
        self.stdout.write(self.style.SUCCESS(f"{len(groups)} roles are up to date."))

        if demo_users:
            if not (settings.DEBUG or force):
                raise CommandError("DEBUG is off: pass --force to create the demo accounts.")
            usernames = create_demo_users(force=True)
            self.stdout.write(
                self.style.WARNING(
                    f"Demo accounts (password {DEMO_PASSWORD!r}, local use only): "
                    + ", ".join(usernames)
                )
            )
