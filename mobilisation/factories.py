"""Test factories for crisis activations and the volunteers they call."""

import factory
from factory.django import DjangoModelFactory

from registrations.factories import RegistrationFactory

from .models import Activation


class VolunteerFactory(RegistrationFactory):
    """A confirmed member of the Volontaires de Paris who accepts crisis alerts; pass ``page``
    (a page whose registrations ask the volunteer profile) and, to narrow it, ``profile``."""

    profile = factory.LazyFunction(
        lambda: {"interests": [], "arrondissements": [], "availability": [], "crisis_alerts": True}
    )


class ActivationFactory(DjangoModelFactory):
    crisis = Activation.Crisis.HEATWAVE
    arrondissements = factory.LazyFunction(lambda: [11])
    messages = factory.LazyFunction(
        lambda: {
            "fr": "Rendez-vous auprès des personnes isolées de votre quartier.",
            "en": "Visit the isolated people of your neighbourhood.",
        }
    )

    class Meta:
        model = Activation
