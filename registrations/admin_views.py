"""Admin views of registrations and their entries in Wagtail's page history.

- Cancelling one registration from the Forms section's list of a page.
- Deleting the selected registrations of that list (Wagtail's own view, restricted and logged).
- Exporting or erasing everything held about one email address (RGPD rights of access and
  erasure), for users allowed to view (export) or delete (erase) registrations.

Each of these, and each spreadsheet export, is logged in the history of the page concerned,
naming who did it; entries hold counts and registration numbers, never names or addresses.
"""

import datetime
import json

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import DeleteSubmissionsView, FormPagesListView
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page

from home.templatetags.date_tags import written_date

from .models import DRAW_ACTION, Registration, RegistrationList
from .rgpd import (
    ERASE_ACTION,
    EXPORT_ACTION,
    PURGE_ACTION,
    erase_personal_data,
    export_personal_data,
    held_about,
)
from .views import EXPORT_REGISTRATIONS_ACTION

CANCEL_ACTION = "registrations.cancel_registration"
DELETE_ACTION = "registrations.delete_registrations"
VIEW_PERMISSION = "registrations.view_registration"
ERASE_PERMISSION = "registrations.delete_registration"


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    confirm_erase = forms.BooleanField(
        required=False,
        label=_("I understand that erasing deletes these registrations for good."),
    )


class PersonalDataView(PermissionRequiredMixin, WagtailAdminTemplateMixin, View):
    permission_required = VIEW_PERMISSION
    page_title = _("Personal data")
    header_icon = "user"
    template_name = "registrations/admin/personal_data.html"

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


class FormsSectionMixin(WagtailAdminTemplateMixin):
    """A view reached from one page's list in the Forms section (`form_page`), which the
    breadcrumbs lead back to."""

    def get_page_subtitle(self):
        return self.form_page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        list_url = reverse("wagtailforms:list_submissions", args=[self.form_page.pk])
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailforms:index"), "label": _("Forms")},
            {"url": list_url, "label": self.get_page_subtitle()},
            {"url": "", "label": self.get_page_title()},
        ]


class CancelRegistrationView(FormsSectionMixin, TemplateView):
    """Cancel one registration of a page's list, after a confirmation, as the person's own
    cancel link does: a freed place goes to the waiting list, and whoever gets it is emailed.
    The person is emailed too."""

    template_name = "registrations/admin/cancel_registration.html"
    page_title = _("Cancel a registration")
    header_icon = "form"
    http_method_names = ["get", "post"]

    def dispatch(self, request, page_id, registration_id):
        # Those who may see the page's list, as for Wagtail's own submissions list.
        if not get_forms_for_user(request.user).filter(pk=page_id).exists():
            raise PermissionDenied
        self.form_page = get_object_or_404(Page, pk=page_id).specific
        self.registration = get_object_or_404(
            Registration.objects.for_page(self.form_page), pk=registration_id
        )
        self.list_url = reverse("wagtailforms:list_submissions", args=[self.form_page.pk])
        if self.form_page.is_past:
            # The person came, or not: telling them it was cancelled would be wrong.
            messages.error(
                request,
                gettext("This event has ended: its registrations can no longer be cancelled."),
            )
            return redirect(self.list_url)
        if self.registration.status == Registration.Status.CANCELLED:
            return self.already_cancelled()
        return super().dispatch(request, page_id, registration_id)

    def already_cancelled(self):
        messages.info(self.request, gettext("This registration is already cancelled."))
        return redirect(self.list_url)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            registration=self.registration, list_url=self.list_url, **kwargs
        )

    def post(self, request, page_id, registration_id):
        registration = self.registration
        with transaction.atomic():
            promoted = registration.cancel(by_staff=True)
            if promoted is not None:
                log(
                    self.form_page,
                    CANCEL_ACTION,
                    user=request.user,
                    data={"registration": registration.pk, "promoted": len(promoted)},
                )
        if promoted is None:  # A colleague confirmed it first, while this page was open.
            return self.already_cancelled()
        messages.success(
            request,
            gettext("The registration of %(name)s is cancelled; they are told by email.")
            % {"name": f"{registration.first_name} {registration.last_name}"},
        )
        return redirect(self.list_url)


class DeleteRegistrationsView(PermissionRequiredMixin, FormsSectionMixin, DeleteSubmissionsView):
    """Wagtail's "Delete selected submissions", for those who may erase personal data: others,
    coordinators among them, cancel instead. Places freed go to the waiting list, and whoever
    gets one is emailed; the page's history says how many, never whose."""

    permission_required = ERASE_PERMISSION
    template_name = "registrations/admin/delete_registrations.html"
    page_title = _("Delete registrations")
    header_icon = "bin"

    @property
    def form_page(self):
        return self.page  # Wagtail's name for it.

    def handle_delete(self, submissions):
        with transaction.atomic():
            RegistrationList.lock(self.page.translation_key)
            count = submissions.count()
            if not count:
                return
            submissions.delete()
            # The places they held are free: the waiting list gets them, as on a cancellation.
            promoted = self.page.give_free_places()
            log(
                self.page,
                DELETE_ACTION,
                user=self.request.user,
                data={"registrations": count, "promoted": len(promoted)},
            )
        messages.success(
            self.request,
            ngettext("%(count)s registration deleted.", "%(count)s registrations deleted.", count)
            % {"count": count},
        )


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def registration_admin_urls():
    return [
        path(
            "forms/submissions/<int:page_id>/cancel/<int:registration_id>/",
            CancelRegistrationView.as_view(),
            name="registrations_cancel",
        ),
        path("personal-data/", PersonalDataView.as_view(), name="registrations_personal_data"),
    ]


@hooks.register("register_admin_urls", order=-1)
def delete_registrations_url():
    """Before Wagtail's own Forms URLs (order 0), so that its "Delete selected submissions" URL,
    `wagtailforms:delete_submissions`, however reached, is served by `DeleteRegistrationsView`."""
    return [
        path("forms/submissions/<int:page_id>/delete/", DeleteRegistrationsView.as_view()),
    ]


@hooks.register("register_admin_menu_item")
def personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data"), reverse("registrations_personal_data"), icon_name="user", order=850
    )


@hooks.register("register_permissions")
def registration_permissions():
    """Let administrators grant "view" (export) and "delete" (erase, and delete from the Forms
    section) in the group editor."""
    return Permission.objects.filter(
        content_type__app_label="registrations",
        codename__in=["view_registration", "delete_registration"],
    )


class RegistrationCountFormatter(LogFormatter):
    """The history says how many registrations, never whose. `message` is an
    `ngettext_lazy(singular, plural, "count")`."""

    def format_message(self, log_entry):
        return self.message % {"count": (log_entry.data or {}).get("registrations", 0)}


class RegistrationsExportFormatter(RegistrationCountFormatter):
    label = _("Export registrations")
    message = ngettext_lazy(
        "%(count)s registration exported as %(format)s",
        "%(count)s registrations exported as %(format)s",
        "count",
    )

    def format_message(self, log_entry):
        data = log_entry.data
        exported = self.message % {
            "count": data["registrations"],
            "format": data["format"].upper(),
        }
        start, end = (
            written_date(datetime.date.fromisoformat(data[bound])) if data.get(bound) else None
            for bound in ("registered_from", "registered_until")
        )
        if start and end:
            period = _("%(exported)s, registered between %(start)s and %(end)s")
        elif start:
            period = _("%(exported)s, registered since %(start)s")
        elif end:
            period = _("%(exported)s, registered until %(end)s")
        else:
            return exported
        return period % {"exported": exported, "start": start, "end": end}


class RegistrationCancelledFormatter(LogFormatter):
    """Names the registration by its number (the personal data export shows it), not by name."""

    label = _("Cancel a registration")

    def format_message(self, log_entry):
        data = log_entry.data
        promoted = data["promoted"]
        if not promoted:
            return _("Registration no. %(id)s cancelled") % {"id": data["registration"]}
        return ngettext(
            "Registration no. %(id)s cancelled; %(count)s person on the waiting list got a place",
            "Registration no. %(id)s cancelled; %(count)s people on the waiting list got a place",
            promoted,
        ) % {"id": data["registration"], "count": promoted}


class RegistrationsDeletedFormatter(LogFormatter):
    label = _("Delete registrations")

    def format_message(self, log_entry):
        count, promoted = log_entry.data["registrations"], log_entry.data["promoted"]
        deleted = ngettext(
            "%(count)s registration deleted", "%(count)s registrations deleted", count
        ) % {"count": count}
        if not promoted:
            return deleted
        return ngettext(
            "%(deleted)s; %(count)s person on the waiting list got a place",
            "%(deleted)s; %(count)s people on the waiting list got a place",
            promoted,
        ) % {"deleted": deleted, "count": promoted}


class PersonalDataExportFormatter(RegistrationCountFormatter):
    label = _("Export personal data")
    message = ngettext_lazy(
        "Personal data exported (%(count)s registration)",
        "Personal data exported (%(count)s registrations)",
        "count",
    )


class PersonalDataErasureFormatter(RegistrationCountFormatter):
    label = _("Erase personal data")
    message = ngettext_lazy(
        "Personal data erased (%(count)s registration)",
        "Personal data erased (%(count)s registrations)",
        "count",
    )


class PurgeFormatter(RegistrationCountFormatter):
    label = _("Anonymise old registrations")
    message = ngettext_lazy(
        "%(count)s old registration anonymised",
        "%(count)s old registrations anonymised",
        "count",
    )


class DrawFormatter(LogFormatter):
    """The draw's record: its seed and the registrations in the order drawn, to replay it
    (`registrations.draw.draw_order`)."""

    label = _("Draw places by lot")

    def format_message(self, log_entry):
        return ngettext(
            "Places drawn by lot among %(count)s application (seed %(seed)s, order %(order)s)",
            "Places drawn by lot among %(count)s applications (seed %(seed)s, order %(order)s)",
            len(log_entry.data["order"]),
        ) % {
            "count": len(log_entry.data["order"]),
            "seed": log_entry.data["seed"],
            "order": ", ".join(f"#{pk}" for pk in log_entry.data["order"]),
        }


@hooks.register("register_log_actions")
def registration_log_actions(actions):
    for action, formatter in [
        (EXPORT_REGISTRATIONS_ACTION, RegistrationsExportFormatter),
        (CANCEL_ACTION, RegistrationCancelledFormatter),
        (DELETE_ACTION, RegistrationsDeletedFormatter),
        (EXPORT_ACTION, PersonalDataExportFormatter),
        (ERASE_ACTION, PersonalDataErasureFormatter),
        (PURGE_ACTION, PurgeFormatter),
        (DRAW_ACTION, DrawFormatter),
    ]:
        actions.register_action(action)(formatter)


class FormPagesView(FormPagesListView):
    """Wagtail's Forms section, with each page's registrations (in every language, cancelled
    ones left out) counted in the same query, and sortable."""

    columns = [
        *FormPagesListView.columns,
        Column(
            "registration_count",
            label=_("Registrations"),
            sort_key="registration_count",
            width="10%",
        ),
    ]

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(registration_count=Registration.objects.active().count_per_page())
        )
