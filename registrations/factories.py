"""Test factories for registrations."""

import factory
from django.utils import timezone

from .models import Registration, RegistrationFormField


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration; pass ``page``."""

    translation_key = factory.LazyAttribute(lambda registration: registration.page.translation_key)
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Martin {chr(ord('A') + n % 26)}")
    email = factory.Sequence(lambda n: f"volontaire{n}@example.org")
    form_data = factory.LazyFunction(dict)
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
    # A signature records the version of the charter signed.
    text_version = factory.LazyAttribute(
        lambda registration: registration.page.specific.registration_text_version()
    )

    class Meta:
        model = Registration


class RegistrationFormFieldFactory(factory.django.DjangoModelFactory):
    """An editor's extra question; pass ``page``."""

    label = "Votre arrondissement"
    field_type = "singleline"
    required = False

    class Meta:
        model = RegistrationFormField
