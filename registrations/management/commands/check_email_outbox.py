import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from registrations.outbox import EmailDelivery


class Command(BaseCommand):
    help = (
        "Health check of the email worker, for a supervisor or monitoring: fails (exit 1) when "
        "an email has been due for longer than --max-delay seconds, which only happens when no "
        "worker is sending. Prints the backlog and the emails given up in the last day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--max-delay", type=int, default=120)

    def handle(self, *args, max_delay, **options):
        now = timezone.now()
        due = EmailDelivery.objects.due(now)
        oldest = due.order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()
        failed = EmailDelivery.objects.filter(
            status=EmailDelivery.Status.FAILED, created_at__gte=now - datetime.timedelta(days=1)
        ).count()
        late = (now - oldest).total_seconds() if oldest else 0
        summary = (
            f"Emails due: {due.count()}. Oldest due for {late:.0f} s. Given up today: {failed}."
        )
        if late > max_delay:
            raise CommandError(f"{summary} No email worker seems to be sending.")
        self.stdout.write(summary)
