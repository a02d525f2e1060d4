"""A charter's signatures by version, and inviting the signatories of earlier versions to
accept the current one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from registrations.delivery import queue_email_again
from registrations.models import Registration
from registrations.outbox import EmailDelivery

from .models import CharterPage

INVITE_ACTION = "charters.invite_new_version"


def signatures_by_version(page):
    """[(version or None, count)], latest version first."""
    return list(
        page.get_submissions()
        .confirmed()
        .values_list("text_version")
        .annotate(count=Count("pk"))
        .order_by("-text_version")
    )


def to_invite(page, version):
    """Confirmed signatories of an earlier version not yet invited to accept this one."""
    earlier = page.get_submissions().confirmed().exclude(text_version__gte=version)
    return earlier.exclude(invited_version__gte=version)


def can_invite(user, page):
    """Those who publish the charter and see its registrations (Communication)."""
    return page.permissions_for_user(user).can_publish() and user.has_perm(
        "registrations.view_registration"
    )


class CharterVersionsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "charters/admin/versions.html"
    header_icon = "doc-full"
    page_title = _("Signatures by version")

    def dispatch(self, request, page_id):
        self.charter = get_object_or_404(CharterPage, pk=page_id)
        if not can_invite(request.user, self.charter):
            raise PermissionDenied
        self.version = self.charter.registration_text_version()
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.charter.title

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            charter=self.charter,
            current=self.version,
            versions=signatures_by_version(self.charter),
            to_invite=to_invite(self.charter, self.version).count(),
            **kwargs,
        )

    def post(self, request, page_id):
        with transaction.atomic():
            invited = list(to_invite(self.charter, self.version).select_for_update(of=("self",)))
            Registration.objects.filter(pk__in=[r.pk for r in invited]).update(
                invited_version=self.version
            )
            # One email each, through the outbox: the worker sends them at its own pace.
            for registration in invited:
                queue_email_again(registration, EmailDelivery.Kind.NEW_VERSION)
            if invited:
                log(
                    self.charter,
                    INVITE_ACTION,
                    user=request.user,
                    data={"version": self.version, "invited": len(invited)},
                )
        messages.success(
            request,
            ngettext(
                "%(count)s signatory invited to accept version %(version)s.",
                "%(count)s signatories invited to accept version %(version)s.",
                len(invited),
            )
            % {"count": len(invited), "version": self.version},
        )
        return redirect("charters_versions", self.charter.pk)
