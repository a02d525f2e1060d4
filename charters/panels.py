from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class CharterVersionsPanel(Panel):
    """Signatories per version of the charter, with a link to invite those of earlier ones."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Signatures by version"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "charters/admin/versions_panel.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            from .views import can_invite, signatures_by_version

            page = self.instance
            context = super().get_context_data(parent_context)
            context["current"] = page.registration_text_version()
            context["versions"] = signatures_by_version(page)
            if can_invite(self.request.user, page):
                context["versions_url"] = reverse("charters_versions", args=[page.pk])
            return context
