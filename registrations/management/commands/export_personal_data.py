import json

from django.core.management.base import BaseCommand

from registrations.rgpd import export_personal_data


class Command(BaseCommand):
    help = (
        "Print as JSON everything the registrations hold about one email address (as a "
        "participant or as a parent), for a data subject access request. Logged in each page's "
        "history."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        data = export_personal_data(email)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
