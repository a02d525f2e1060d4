from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import ParagraphBlock


class CommitmentBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Commitment"))
    text = ParagraphBlock(required=False, label=_("Explanation"))

    class Meta:
        icon = "tick-inverse"
        label = _("Commitment")
        template = "components/blocks/commitment.html"
        description = _("One numbered commitment of the charter; numbers follow the order.")
        preview_value = {
            "title": "Un droit effectif à la participation citoyenne",
            "text": "<p>Garantir un droit effectif à la participation et à l'engagement "
            "citoyen à tous les Parisiennes et Parisiens, sans condition.</p>",
        }


class BenefitBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150, label=_("Benefit"))
    text = blocks.TextBlock(required=False, max_length=500, label=_("Details"))

    class Meta:
        icon = "pick"
        label = _("Benefit")
        template = "components/blocks/benefit.html"
        description = _("What holders of the card get.")
        preview_value = {
            "title": "Des visites insolites",
            "text": "Découvrir les coulisses de la Ville.",
        }


class ActivityBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("visit", _("Unusual visit")),
            ("workshop", _("Citizen workshop")),
            ("event", _("Event")),
        ],
        label=_("Kind"),
    )
    title = blocks.CharBlock(max_length=150, label=_("Title"))
    text = ParagraphBlock(required=False, label=_("Description"))
    page = blocks.PageChooserBlock(required=False, label=_("Page with more details"))

    class Meta:
        icon = "date"
        label = _("Activity")
        template = "components/blocks/activity.html"
        description = _("A kind of activity the programme offers, with a link to learn more.")
        preview_value = {"kind": "workshop", "title": "Les ateliers citoyens"}
