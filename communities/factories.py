"""Test factories for the communities app: partner associations, communities and kits."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.factories import BodyBlockFactory, RichTextBlockFactory

from .blocks import ChecklistBlock, KitBodyBlock, StepBlock
from .models import (
    CommunityIndexPage,
    CommunityPage,
    CommunityPartner,
    KitPage,
    PartnerAssociation,
)


class PartnerAssociationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Association partenaire {n}")
    description = "Une association qui accompagne les Volontaires sur le terrain."
    website = "https://www.paris.fr"

    class Meta:
        model = PartnerAssociation


class CommunityIndexPageFactory(wagtail_factories.PageFactory):
    title = "Les communautés"
    slug = "communautes"
    introduction = "Neuf communautés pour agir selon ses envies."

    class Meta:
        model = CommunityIndexPage


class CommunityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Communauté {n}")
    motto = "Agir contre la grande exclusion"
    colour = "solidarity"
    introduction = "Les Volontaires de cette communauté agissent près de chez eux."
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)

    class Meta:
        model = CommunityPage


class CommunityPartnerFactory(DjangoModelFactory):
    """Links an association to a community: pass ``page``."""

    association = factory.SubFactory(PartnerAssociationFactory)

    class Meta:
        model = CommunityPartner


class StepBlockFactory(wagtail_factories.StructBlockFactory):
    title = factory.Sequence(lambda n: f"Étape {n}")
    text = factory.SubFactory(RichTextBlockFactory)

    class Meta:
        model = StepBlock


class ChecklistBlockFactory(wagtail_factories.StructBlockFactory):
    title = "À avoir chez soi"
    items = wagtail_factories.ListBlockFactory(wagtail_factories.CharBlockFactory)

    class Meta:
        model = ChecklistBlock


class KitBodyBlockFactory(BodyBlockFactory):
    steps = wagtail_factories.ListBlockFactory(StepBlockFactory)
    checklist = factory.SubFactory(ChecklistBlockFactory)

    class Meta:
        model = KitBodyBlock


class KitPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kit {n}")
    summary = "Savoir quoi faire, pas à pas."
    theme = KitPage.Theme.HEATWAVE
    publication_date = factory.Sequence(
        lambda n: datetime.date(2025, 6, 1) + datetime.timedelta(days=n)
    )
    body = wagtail_factories.StreamFieldFactory(KitBodyBlockFactory)

    class Meta:
        model = KitPage
