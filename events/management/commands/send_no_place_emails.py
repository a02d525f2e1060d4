import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventPage
from registrations.delivery import queue_emails
from registrations.models import Registration
from registrations.outbox import EmailDelivery

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
        # Once an event has started, a freed place goes to no one: the waiting list, shared by
        # the page's translations, closes at the French page's start (EventPage.list_settings).
        started = EventPage.objects.live().filter(
            locale=Locale.get_default(), start__lte=now, start__gt=now - CATCH_UP
        )
        due = list(
            Registration.objects.waiting()
            .filter(translation_key__in=started.values("translation_key"))
            .exclude(email_deliveries__kind=EmailDelivery.Kind.NO_PLACE)
        )
        with transaction.atomic():
            queue_emails(due, EmailDelivery.Kind.NO_PLACE)
        self.stdout.write(f"Waiting list emails queued: {len(due)}.")
