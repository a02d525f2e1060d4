"""Test factories for the charters app."""

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from home.factories import RichTextBlockFactory

from .blocks import ActivityBlock, BenefitBlock, CommitmentBlock
from .models import CharterPage, ProgrammePage


class CommitmentBlockFactory(wagtail_factories.StructBlockFactory):
    title = factory.Sequence(lambda n: f"Engagement {n}")
    text = factory.SubFactory(RichTextBlockFactory)

    class Meta:
        model = CommitmentBlock


class BenefitBlockFactory(wagtail_factories.StructBlockFactory):
    title = factory.Sequence(lambda n: f"Avantage {n}")
    text = "Réservé aux titulaires de la carte."

    class Meta:
        model = BenefitBlock


class ActivityBlockFactory(wagtail_factories.StructBlockFactory):
    kind = "workshop"
    title = factory.Sequence(lambda n: f"Activité {n}")
    text = factory.SubFactory(RichTextBlockFactory)
    page = None

    class Meta:
        model = ActivityBlock


class CharterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Charte {n}")
    preamble = factory.LazyFunction(
        lambda: RichText("<p>Une charte élaborée avec les Parisiennes et les Parisiens.</p>")
    )
    commitments = wagtail_factories.StreamFieldFactory(
        {"commitment": factory.SubFactory(CommitmentBlockFactory)}
    )

    class Meta:
        model = CharterPage


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = "La Carte Citoyenne"
    slug = "carte-citoyenne"
    minimum_age = 7
    ask_date_of_birth = True
    benefits = wagtail_factories.StreamFieldFactory(
        {"benefit": factory.SubFactory(BenefitBlockFactory)}
    )
    activities = wagtail_factories.StreamFieldFactory(
        {"activity": factory.SubFactory(ActivityBlockFactory)}
    )

    class Meta:
        model = ProgrammePage
