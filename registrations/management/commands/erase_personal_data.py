from django.core.management.base import BaseCommand, CommandError

from registrations.rgpd import erase_personal_data, held_about


class Command(BaseCommand):
    help = (
        "Erase every registration naming one email address (as a participant or as a parent). "
        "Places held go to the waiting list. Logged in each page's history."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, email, interactive, **options):
        count = held_about(email).count()
        if interactive and count:
            answer = input(f"Registrations naming {email}: {count}. Type 'yes' to erase them: ")
            if answer != "yes":
                raise CommandError("Nothing erased.")
        erased = erase_personal_data(email)
        self.stdout.write(f"Registrations erased: {erased}.")
