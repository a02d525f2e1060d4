from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventPage
from registrations.models import RegistrationList


class Command(BaseCommand):
    help = (
        "Draw the places of the events allocated by lot whose applications have closed "
        "(each once, whatever the number of runs). Run it every few minutes from cron."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        # The French page governs both languages' shared list (EventPage.list_settings).
        due = (
            EventPage.objects.live()
            .filter(
                locale=Locale.get_default(),
                allocation=EventPage.Allocation.DRAW,
                registration_closes_at__lte=now,
                start__gt=now,
            )
            .exclude(
                translation_key__in=RegistrationList.objects.filter(drawn_at__isnull=False).values(
                    "translation_key"
                )
            )
        )
        drawn = 0
        for event in due:
            drawn += event.draw_lots() is not None
        self.stdout.write(f"Draws made: {drawn}.")
