from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ProgrammeItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"), help_text=_("Paris time."))
    title = blocks.CharBlock(max_length=200, label=_("What happens"))
    details = blocks.TextBlock(required=False, max_length=600, label=_("Details"))

    class Meta:
        icon = "time"
        label = _("Programme item")
        template = "components/blocks/programme_item.html"
        description = _(
            "One moment of the programme, e.g. “17h : Conférence”; keep them in order."
        )
        preview_value = {
            "time": "17:00",
            "title": "Conférence : les Volontaires de Paris et la résilience",
        }


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, label=_("Name"))
    role = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Role"),
        help_text=_("The public role in which the speaker takes part."),
    )

    class Meta:
        icon = "user"
        label = _("Speaker")
        template = "components/blocks/speaker.html"
        description = _("A person speaking at the event, with their public role.")
        preview_value = {"name": "Service de la participation citoyenne", "role": "Ville de Paris"}
