from django.conf import settings
from django.core.management.base import BaseCommand

from registrations.rgpd import anonymise, expired_registrations


class Command(BaseCommand):
    help = (
        "Anonymise the registrations kept longer than the retention period "
        "(REGISTRATION_RETENTION_DAYS, 365 by default): counted from the end of the event for "
        "events, from the registration for other pages. Names, email, answers and emails sent "
        "are erased; the count of registrations stays. Run it daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.REGISTRATION_RETENTION_DAYS,
            help="Retention period in days (default: %(default)s, REGISTRATION_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Say how many, change nothing.")

    def handle(self, *args, days, dry_run, **options):
        expired = expired_registrations(days)
        if dry_run:
            self.stdout.write(
                f"Registrations to anonymise: {expired.count()} (dry run: nothing changed)."
            )
            return
        count = anonymise(expired)
        self.stdout.write(f"Registrations anonymised: {count}.")
