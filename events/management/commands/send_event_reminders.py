import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from events.models import EventPage
from registrations.delivery import queue_emails
from registrations.models import Registration
from registrations.outbox import EmailDelivery


class Command(BaseCommand):
    help = (
        "Email a reminder to everyone with a confirmed place at an event, training or mission "
        "starting within REGISTRATION_REMINDER_HOURS (24 by default). Run it hourly from cron; "
        "each registration gets one reminder however often it runs."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        lead = datetime.timedelta(hours=settings.REGISTRATION_REMINDER_HOURS)
        soon = EventPage.objects.live().filter(start__gt=now, start__lte=now + lead)
        registrations = (
            Registration.objects.confirmed()
            .filter(page__in=soon.values("pk"))
            .exclude(email_deliveries__kind=EmailDelivery.Kind.REMINDER)
            .select_related("page")
        )
        # Who registered within the lead time has just had the details: no reminder.
        starts = dict(soon.values_list("pk", "start"))
        due = [r for r in registrations if r.submit_time <= starts[r.page_id] - lead]
        with transaction.atomic():
            queue_emails(due, EmailDelivery.Kind.REMINDER)
        self.stdout.write(f"Reminders queued: {len(due)}.")
