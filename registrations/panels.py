from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class RegistrationCountPanel(Panel):
    """How many people registered on this page and its translations, by status."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Registrations"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "registrations/admin/count_panel.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            from .models import Registration

            context = super().get_context_data(parent_context)
            counts = dict(
                Registration.objects.for_page(self.instance)
                .values_list("status")
                .annotate(count=Count("pk"))
                .values_list("status", "count")
            )
            context["total"] = sum(counts.values())
            context["counts"] = [
                (label, counts[status])
                for status, label in Registration.Status.choices
                if counts.get(status)
            ]
            context["list_url"] = reverse("wagtailforms:list_submissions", args=[self.instance.pk])
            return context
