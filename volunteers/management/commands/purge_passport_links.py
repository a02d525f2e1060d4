from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from volunteers.models import PassportLink


class Command(BaseCommand):
    help = (
        "Delete the passport links that no longer open anything (expired or closed): they "
        "name an email address. Run it daily from cron."
    )

    def handle(self, *args, **options):
        dead = PassportLink.objects.filter(
            Q(revoked_at__isnull=False) | Q(expires_at__lte=timezone.now())
        )
        deleted, _by_model = dead.delete()
        self.stdout.write(f"Passport links deleted: {deleted}.")
