from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Registrations")

    def ready(self):
        from wagtail.signals import page_published

        from .signals import give_new_places_to_the_waiting_list

        page_published.connect(give_new_places_to_the_waiting_list)
