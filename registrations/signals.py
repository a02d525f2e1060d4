"""Registrations following what editors publish."""

from .models import Registration, RegistrationFormMixin


def give_new_places_to_the_waiting_list(sender, instance, **kwargs):
    """Publishing may raise an event's capacity or lift it: the waiting list gets the new places
    in turn. Any publication counts (the admin, a workflow's approval, `publish_scheduled`, a
    translation): the list is shared, so publishing another language promotes no one twice.

    Wagtail also sends the signal when it schedules a page that is not live: the new capacity
    counts once the page goes live."""
    if (
        isinstance(instance, RegistrationFormMixin)
        and instance.has_places
        and instance.live
        and Registration.objects.for_page(instance).waiting().exists()
    ):
        instance.fill_places_from_waiting_list()
