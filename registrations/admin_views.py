"""Admin: export or erase everything held about one email address (RGPD rights of access and
erasure). Only users allowed to view (export) or delete (erase) registrations see it; each
export and erasure is logged in the history of the pages concerned, naming who did it."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter

from .rgpd import (
    ERASE_ACTION,
    EXPORT_ACTION,
    PURGE_ACTION,
    erase_personal_data,
    export_personal_data,
    held_about,
)

VIEW_PERMISSION = "registrations.view_registration"
ERASE_PERMISSION = "registrations.delete_registration"


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    confirm_erase = forms.BooleanField(
        required=False,
        label=_("I understand that erasing deletes these registrations for good."),
    )


class PersonalDataView(WagtailAdminTemplateMixin, View):
    page_title = _("Personal data")
    header_icon = "user"
    template_name = "registrations/admin/personal_data.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def render(self, form, registrations=None):
        context = self.get_context_data(
            form=form,
            registrations=registrations,
            can_erase=self.request.user.has_perm(ERASE_PERMISSION),
        )
        return self.render_to_response(context)

    def get(self, request):
        return self.render(PersonalDataForm())

    def post(self, request):
        form = PersonalDataForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        email = form.cleaned_data["email"]
        action = request.POST.get("action")
        if action == "export":
            data = export_personal_data(email, user=request.user)
            response = HttpResponse(
                json.dumps(data, ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
            return response
        if action == "erase":
            if not request.user.has_perm(ERASE_PERMISSION):
                raise PermissionDenied
            if not form.cleaned_data["confirm_erase"]:
                form.add_error("confirm_erase", _("Tick this box to erase."))
                return self.render(form, list(held_about(email)))
            count = erase_personal_data(email, user=request.user)
            messages.success(
                request,
                ngettext(
                    "%(count)s registration erased.", "%(count)s registrations erased.", count
                )
                % {"count": count},
            )
            return redirect("registrations_personal_data")
        return self.render(form, list(held_about(email)))


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def personal_data_urls():
    return [path("personal-data/", PersonalDataView.as_view(), name="registrations_personal_data")]


@hooks.register("register_admin_menu_item")
def personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data"), reverse("registrations_personal_data"), icon_name="user", order=850
    )


@hooks.register("register_permissions")
def registration_permissions():
    """Let administrators grant "view" (export) and "delete" (erase) in the group editor."""
    return Permission.objects.filter(
        content_type__app_label="registrations",
        codename__in=["view_registration", "delete_registration"],
    )


class RegistrationCountFormatter(LogFormatter):
    """The history says how many registrations, never whose."""

    def format_message(self, log_entry):
        count = (log_entry.data or {}).get("registrations", 0)
        return self.message % {"count": count}


@hooks.register("register_log_actions")
def personal_data_log_actions(actions):
    for action, label, message in [
        (
            EXPORT_ACTION,
            _("Export personal data"),
            _("Personal data exported (%(count)s registrations)"),
        ),
        (
            ERASE_ACTION,
            _("Erase personal data"),
            _("Personal data erased (%(count)s registrations)"),
        ),
        (
            PURGE_ACTION,
            _("Anonymise old registrations"),
            _("Old registrations anonymised (%(count)s)"),
        ),
    ]:
        actions.register_action(action)(
            type("Formatter", (RegistrationCountFormatter,), {"label": label, "message": message})
        )
