"""Which registrations a staff member may see: those of the pages Wagtail's Forms section lists
for them (pages they may edit, see `wagtail_hooks.registrations_of_managed_pages`)."""

from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.models import Locale

from events.models import EventPage
from registrations.models import Registration
from registrations.outbox import EmailDelivery

DASHBOARD_EVENTS = 8
DASHBOARD_REGISTRATIONS = 10


def pages_with_visible_registrations(user):
    return get_forms_for_user(user)


def can_see_registrations(user, page):
    return pages_with_visible_registrations(user).filter(pk=page.pk).exists()


def upcoming_events(user, limit=DASHBOARD_EVENTS):
    """Upcoming live events whose registrations the user may see, with their counts by status:
    `confirmed_count`, `waiting_count`. Two queries whatever the number of events."""
    visible = pages_with_visible_registrations(user)
    events = list(
        EventPage.objects.live()
        # Both languages of an event share one list: show it once, in the source language.
        .filter(pk__in=visible.values("pk"), locale=Locale.get_default(), end__gte=timezone.now())
        .order_by("start")[:limit]
    )
    counts = {
        (key, status): count
        for key, status, count in Registration.objects.filter(
            translation_key__in=[event.translation_key for event in events]
        )
        .values_list("translation_key", "status")
        .annotate(count=Count("pk"))
        .values_list("translation_key", "status", "count")
    }
    for event in events:
        # Taken: confirmed, or held for an address still to confirm.
        event.confirmed_count = sum(
            counts.get((event.translation_key, status), 0)
            for status in (Registration.Status.CONFIRMED, Registration.Status.PENDING)
        )
        event.waiting_count = counts.get((event.translation_key, Registration.Status.WAITING), 0)
    return events


def _list_page(visible, translation_key_path):
    """The page whose submissions list the user may open (translations share one list)."""
    return Subquery(
        visible.filter(translation_key=OuterRef(translation_key_path))
        .order_by("pk")
        .values("pk")[:1]
    )


def latest_registrations(user, limit=DASHBOARD_REGISTRATIONS):
    """The newest registrations of the pages the user may see, each with `list_page_id`."""
    visible = pages_with_visible_registrations(user)
    return list(
        Registration.objects.filter(translation_key__in=visible.values("translation_key"))
        .annotate(list_page_id=_list_page(visible, "translation_key"))
        .select_related("page")
        .order_by("-submit_time", "-pk")[:limit]
    )


def undelivered_emails(user, limit=DASHBOARD_REGISTRATIONS):
    """Emails given up (a refused address, or every retry failed) for the registrations the
    user may see, newest first, each with `list_page_id`: someone should write or call."""
    visible = pages_with_visible_registrations(user)
    return list(
        EmailDelivery.objects.filter(
            status=EmailDelivery.Status.FAILED,
            registration__translation_key__in=visible.values("translation_key"),
        )
        .annotate(list_page_id=_list_page(visible, "registration__translation_key"))
        .select_related("registration__page")
        .order_by("-created_at", "-pk")[:limit]
    )
