"""Test factories for the events app: the agenda and its events, trainings and missions."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from home.factories import BodyBlockFactory

from .blocks import ProgrammeItemBlock, SpeakerBlock
from .models import EventIndexPage, EventPage


class ProgrammeItemBlockFactory(wagtail_factories.StructBlockFactory):
    time = datetime.time(17, 0)
    title = factory.Sequence(lambda n: f"Temps fort {n}")
    details = ""

    class Meta:
        model = ProgrammeItemBlock


class SpeakerBlockFactory(wagtail_factories.StructBlockFactory):
    name = "Service de la participation citoyenne"
    role = "Ville de Paris"

    class Meta:
        model = SpeakerBlock


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"
    introduction = "Les rendez-vous des Volontaires de Paris."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An upcoming event; pass ``start`` in the past for the archive."""

    title = factory.Sequence(lambda n: f"Événement {n}")
    kind = EventPage.Kind.EVENT
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    venue = "Hôtel de Ville"
    address = "Place de l'Hôtel de Ville, 75004 Paris"
    arrondissement = 4
    programme = wagtail_factories.StreamFieldFactory(
        {"item": factory.SubFactory(ProgrammeItemBlockFactory)}
    )
    speakers = wagtail_factories.StreamFieldFactory(
        {"speaker": factory.SubFactory(SpeakerBlockFactory)}
    )
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)

    class Meta:
        model = EventPage

    class Params:
        training = factory.Trait(kind=EventPage.Kind.TRAINING, title="Formation des Volontaires")
