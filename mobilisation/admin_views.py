"""The staff's side: Communication starts and closes activations; every role that may see them
follows the answers live, each coordinator seeing the available volunteers of their own
community."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from communities.models import CommunityPage

from . import alerts
from .forms import ActivationForm
from .models import Activation


def own_communities(user):
    """Community keys (volunteer interests) of the pages the user edits; None for those who see
    every registration (Communication)."""
    if user.has_perm("registrations.view_registration"):
        return None
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    return {
        key.hex
        for key in CommunityPage.objects.filter(pk__in=editable.values("pk")).values_list(
            "translation_key", flat=True
        )
    }


class StartView(CreateView):
    """Creating an activation starts it: every volunteer it calls is alerted at once."""

    page_title = _("Start an activation")
    submit_button_label = _("Start and alert the volunteers")
    submit_button_active_label = _("Alerting…")
    inspect_url_name = None

    def save_instance(self):
        activation = self.form.save(commit=False)
        activation.started_by = self.request.user
        activation.save()
        self.alerted = alerts.start(activation, self.request.user)
        return activation

    def get_success_message(self, instance):
        return ngettext(
            "Activation started: %(count)s volunteer alerted.",
            "Activation started: %(count)s volunteers alerted.",
            self.alerted,
        ) % {"count": self.alerted}

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])


class FollowView(InspectView):
    """The activation's answers, live (the page refreshes its counts itself)."""

    template_name = "mobilisation/admin/follow.html"
    page_title = _("Follow the answers")
    close_url_name = None

    def get_context_data(self, **kwargs):
        activation = self.object
        rows, total = alerts.counts(activation)
        return super().get_context_data(
            activation=activation,
            rows=rows,
            total=total,
            available=alerts.available_volunteers(activation, own_communities(self.request.user)),
            can_close=activation.is_open and self.user_has_permission("add"),
            close_url_name=self.close_url_name,
            **kwargs,
        )


class CloseView(View):
    http_method_names = ["post"]
    permission_policy = None
    follow_url_name = None

    def post(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        activation = get_object_or_404(Activation, pk=pk)
        if alerts.close(activation, request.user):
            messages.success(request, _("Activation closed: its links now say the call is over."))
        return redirect(self.follow_url_name, pk)


class ActivationViewSet(ModelViewSet):
    model = Activation
    icon = "warning"
    menu_label = _("Crisis activations")
    add_to_admin_menu = True
    menu_order = 250
    inspect_view_enabled = True
    copy_view_enabled = False
    add_view_class = StartView
    inspect_view_class = FollowView
    list_display = [
        Column("__str__", label=_("Activation")),
        Column("arrondissement_list", label=_("Arrondissements")),
        DateColumn("started_at", label=_("Started at")),
        DateColumn("closed_at", label=_("Closed at")),
    ]

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(inspect_url_name=self.get_url_name("inspect"), **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(close_url_name=self.get_url_name("close"), **kwargs)

    def get_form_class(self, for_update=False):
        return ActivationForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "close/<int:pk>/",
                CloseView.as_view(
                    permission_policy=self.permission_policy,
                    follow_url_name=self.get_url_name("inspect"),
                ),
                name="close",
            ),
        ]
