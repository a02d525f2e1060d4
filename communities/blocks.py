from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import BodyBlock, ParagraphBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Step"))
    text = ParagraphBlock(required=False, label=_("Details"))

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "components/blocks/step.html"
        description = _("One thing to do, in order; steps are numbered automatically.")
        preview_value = {
            "title": "Repérer les personnes isolées de son entourage",
            "text": "<p>Prendre des nouvelles régulièrement pendant l'épisode de chaleur.</p>",
        }


class StepsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(StepBlock(), **kwargs)

    class Meta:
        icon = "list-ol"
        label = _("Steps")
        template = "components/blocks/steps.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Title"))
    items = blocks.ListBlock(blocks.CharBlock(max_length=200, label=_("Item")), label=_("Items"))

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "components/blocks/checklist.html"
        description = _("A list of things to check or to have at hand.")
        preview_value = {"title": "À avoir chez soi", "items": ["De l'eau", "Un thermomètre"]}


class KitBodyBlock(BodyBlock):
    steps = StepsBlock()
    checklist = ChecklistBlock()
