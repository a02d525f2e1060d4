"""The printable attendance list of an event, where staff tick who came."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from events.models import EventPage, confirm_trained
from registrations.models import Registration

from .models import Attendance
from .visibility import can_see_registrations

ATTENDANCE_ACTION = "staff.mark_attendance"


def can_mark_attendance(user, page):
    """Those who may edit the event's page and see its registrations (so not translators)."""
    return page.permissions_for_user(user).can_edit() and can_see_registrations(user, page)


class AttendanceView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "staff/attendance.html"
    header_icon = "clipboard-list"

    def dispatch(self, request, page_id):
        page = get_object_or_404(EventPage, pk=page_id)
        if not can_mark_attendance(request.user, page):
            raise PermissionDenied
        self.event = page
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Attendance list")

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_registrations(self):
        return (
            Registration.objects.for_page(self.event)
            .active()
            .select_related("attendance")
            .order_by("last_name", "first_name", "pk")
        )

    def get_context_data(self, **kwargs):
        registrations = list(self.get_registrations())
        for registration in registrations:
            attendance = getattr(registration, "attendance", None)
            registration.attended = bool(attendance and attendance.attended)
        return super().get_context_data(
            event=self.event,
            registrations=registrations,
            attended_count=sum(registration.attended for registration in registrations),
            **kwargs,
        )

    def post(self, request, page_id):
        ticked = set(request.POST.getlist("attended"))
        now = timezone.now()
        changed = {True: [], False: []}  # Registration numbers marked present, absent.
        with transaction.atomic():
            for registration in self.get_registrations().select_for_update(of=("self",)):
                attended = str(registration.pk) in ticked
                attendance = getattr(registration, "attendance", None)
                if attendance is None:
                    if not attended:
                        continue  # Nothing to record until someone is ticked.
                    attendance = Attendance(registration=registration)
                elif attendance.attended == attended:
                    continue  # Unchanged: keep who marked it and when.
                attendance.attended = attended
                attendance.marked_by = request.user
                attendance.marked_at = now
                attendance.save()
                changed[attended].append(registration.pk)
            if changed[True] or changed[False]:
                # Numbers, not names: the history keeps no personal data after an erasure.
                log(
                    self.event,
                    ATTENDANCE_ACTION,
                    user=request.user,
                    data={"present": changed[True], "absent": changed[False]},
                )
        if changed[True]:
            confirm_trained(Registration.objects.filter(pk__in=changed[True]).values("email"))
        # Translated now: the message is stored after the admin's language is no longer active.
        messages.success(request, gettext("Attendance saved."))
        return redirect("staff_attendance", self.event.pk)
