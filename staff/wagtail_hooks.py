from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.models import GroupPagePermission

from events.models import EventPage

from .roles import TRANSLATORS
from .views import ATTENDANCE_ACTION, AttendanceView, can_mark_attendance
from .visibility import latest_registrations, undelivered_emails, upcoming_events


@hooks.register("filter_form_submissions_for_user")
def registrations_of_managed_pages(user, pages):
    """Registrations are for those who manage a page, not for those who translate it: editing
    English pages through the Traduction group shows no registration (an English page's list
    is also its French page's)."""
    if user.is_superuser:
        return pages
    managed_paths = (
        GroupPagePermission.objects.filter(
            group__user=user, permission__codename="change_page", page__isnull=False
        )
        .exclude(group__name=TRANSLATORS)
        .values_list("page__path", flat=True)
    )
    managed = Q(pk__in=[])
    for managed_path in managed_paths:
        managed |= Q(path__startswith=managed_path)
    return pages.filter(managed)


class EventsDashboardPanel(Component):
    """Upcoming events with their places, and the latest registrations this user may see."""

    name = "staff_events"
    order = 50
    template_name = "staff/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {
            "events": upcoming_events(self.user),
            "registrations": latest_registrations(self.user),
            "undelivered": undelivered_emails(self.user),
        }


@hooks.register("construct_homepage_panels")
def add_events_panel(request, panels):
    panels.append(EventsDashboardPanel(request.user))


@hooks.register("register_admin_urls")
def staff_urls():
    return [
        path("staff/attendance/<int:page_id>/", AttendanceView.as_view(), name="staff_attendance"),
    ]


class AttendanceMenuItem(ActionMenuItem):
    label = _("Attendance list")
    name = "action-attendance"
    icon_name = "clipboard-list"
    order = 90

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and isinstance(page, EventPage)
            and can_mark_attendance(context["request"].user, page)
        )

    def get_url(self, parent_context):
        return reverse("staff_attendance", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def attendance_menu_item():
    return AttendanceMenuItem()


class AttendanceFormatter(LogFormatter):
    """How many people were marked present or absent; the entry's data lists their
    registration numbers."""

    label = _("Mark attendance")

    def format_message(self, log_entry):
        present, absent = len(log_entry.data["present"]), len(log_entry.data["absent"])
        changes = []
        if present:
            changes.append(
                ngettext(
                    "%(count)s person marked present",
                    "%(count)s people marked present",
                    present,
                )
                % {"count": present}
            )
        if absent:
            changes.append(
                ngettext(
                    "%(count)s person marked absent", "%(count)s people marked absent", absent
                )
                % {"count": absent}
            )
        return _("Attendance list updated: %(changes)s") % {"changes": ", ".join(changes)}


@hooks.register("register_log_actions")
def attendance_log_action(actions):
    actions.register_action(ATTENDANCE_ACTION)(AttendanceFormatter)
