import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from events.models import EventPage
from registrations.models import Registration
from registrations.outbox import EmailDelivery
from registrations.tasks import queue_emails

# Events that started this recently: a missed run is made up for, and the first run does not
# write about events long past.
CATCH_UP = datetime.timedelta(days=1)


class Command(BaseCommand):
    help = (
        "Email everyone still on the waiting list of an event, training or mission that has "
        "started (within the last day) that no place became free for them. Run it hourly from "
        "cron; each registration gets this email once however often it runs."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        started = EventPage.objects.live().filter(start__lte=now, start__gt=now - CATCH_UP)
        # Once an event has started, a freed place goes to no one: the waiting list is closed.
        closed = {event.translation_key for event in started if not event.waiting_list_moves()}
        due = list(
            Registration.objects.waiting()
            .filter(translation_key__in=closed)
            .exclude(email_deliveries__kind=EmailDelivery.Kind.NO_PLACE)
        )
        with transaction.atomic():
            queue_emails(due, EmailDelivery.Kind.NO_PLACE)
        self.stdout.write(f"Waiting list emails queued: {len(due)}.")
