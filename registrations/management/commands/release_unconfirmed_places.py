from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from registrations.models import Registration, RegistrationList


class Command(BaseCommand):
    help = (
        "Give the places held for addresses nobody confirmed in time to the waiting list "
        "(who is promoted is emailed). Run every few minutes from cron."
    )

    def handle(self, *args, **options):
        released = 0
        keys = Registration.objects.expired_holds().values_list("translation_key", flat=True)
        for translation_key in set(keys):
            page = Page.objects.filter(translation_key=translation_key).first().specific
            with transaction.atomic():
                RegistrationList.lock(translation_key)
                released += page.release_expired_holds()
                page.give_free_places()
        self.stdout.write(f"Places released: {released}.")
