"""Admin panels shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import PublishingPanel


class SchedulePublishingPanel(PublishingPanel):
    """Wagtail's publishing schedule (settings tab), each date saying what it does: staff
    schedule events and kits to go online and offline."""

    HELP_TEXTS = {
        "go_live_at": _(
            "Paris time. The page goes online then, once published or approved; leave blank "
            "to publish at once."
        ),
        "expire_at": _(
            "Paris time. The page goes offline then, e.g. when a call for volunteers ends; "
            "leave blank to keep it online."
        ),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Wagtail builds the two date panels itself, with the dialog's widgets: keep them.
        for child in self.children:
            child.help_text = self.HELP_TEXTS[child.field_name]
