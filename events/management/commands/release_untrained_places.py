from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import EventPage
from registrations.models import Registration


class Command(BaseCommand):
    help = (
        "Settle the provisional mission places of people who registered before their training: "
        "confirmed once they are marked present at it, released to the waiting list (and the "
        "person told) when they were not, a day after the training or a day before the "
        "mission. Run it hourly from cron."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        provisional = (
            Registration.objects.active()
            .filter(provisional=True, page__in=EventPage.objects.filter(end__gt=now))
            .select_related("page")
        )
        settled = released = 0
        for registration in provisional:
            outcome = registration.page.specific.settle_provisional(registration, now)
            settled += outcome == "settled"
            released += outcome == "released"
        self.stdout.write(f"Provisional places confirmed: {settled}; released: {released}.")
