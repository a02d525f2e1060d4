from django.core.management.base import BaseCommand

from registrations.outbox import EmailDelivery
from registrations.tasks import enqueue


class Command(BaseCommand):
    help = (
        "Enqueue again the registration emails still waiting to be sent whose time has come, "
        "in case their task was lost (e.g. the server stopped between saving and enqueueing). "
        "Safe to run at any time, e.g. every 15 minutes from cron."
    )

    def handle(self, *args, **options):
        due = list(EmailDelivery.objects.due().values_list("pk", flat=True))
        for delivery_id in due:
            enqueue(delivery_id)
        self.stdout.write(f"Emails enqueued: {len(due)}.")
