"""Personal data held in registrations (RGPD): export, erase, and purge after retention.

Used by the admin views (`admin_views.py`) and the management commands, which log the same
audit entries in Wagtail's history of each page concerned. Entries hold counts, never the email
address or names, so the log itself keeps no personal data after an erasure.

A registration's attendance (`staff.Attendance`, whether the person came to the event) is part
of what is held: exported with it, and deleted with it (the foreign key cascades).
"""

import datetime
import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import get_page_models

from .models import Registration, RegistrationFormMixin

# Other apps that hold data about an address (trainings done elsewhere, in volunteers/)
# register a function of this Wagtail hook: fn(email, erase) returns {section: JSON data}
# and, with erase=True, deletes what it returned.
PERSONAL_DATA_HOOK = "personal_data"

EXPORT_ACTION = "registrations.export_personal_data"
ERASE_ACTION = "registrations.erase_personal_data"
PURGE_ACTION = "registrations.purge_registrations"
ANONYMISED_DOMAIN = "anonymised.invalid"  # RFC 2606: can never be a real address.


def held_about(email):
    """Registrations that name this address, as the person's or as a parent's."""
    email = email.strip().lower()
    return (
        Registration.objects.filter(Q(email=email) | Q(parent_email__iexact=email))
        .select_related("page__locale", "attendance")
        .prefetch_related("email_deliveries")
        .order_by("submit_time", "pk")
    )


def _held_elsewhere(email, erase=False):
    sections = {}
    for fn in hooks.get_hooks(PERSONAL_DATA_HOOK):
        sections.update(fn(email.strip().lower(), erase=erase))
    return sections


def _json_value(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def _attendance(registration):
    """Whether the person came, as staff marked it; None when nobody marked it."""
    attendance = getattr(registration, "attendance", None)
    if attendance is None:
        return None
    return {"attended": attendance.attended, "marked_at": _json_value(attendance.marked_at)}


def export_personal_data(email, user=None):
    """Everything held about `email`, JSON-serialisable; logs the export on each page."""
    registrations = list(held_about(email))
    data = {
        "email": email.strip().lower(),
        "exported_at": timezone.now().isoformat(),
        "registrations": [
            {
                "id": registration.pk,
                "page": {
                    "id": registration.page_id,
                    "title": registration.page.title,
                    "url": registration.page.full_url,
                    "language": registration.page.locale.language_code,
                },
                "registered_at": _json_value(registration.submit_time),
                "status": registration.status,
                "confirmed_at": _json_value(registration.confirmed_at),
                "cancelled_at": _json_value(registration.cancelled_at),
                "first_name": registration.first_name,
                "last_name": registration.last_name,
                "email": registration.email,
                "date_of_birth": _json_value(registration.date_of_birth),
                "parent_name": registration.parent_name,
                "parent_email": registration.parent_email,
                "parent_consent": registration.parent_consent,
                "accessibility_needs": registration.accessibility_needs,
                "accessibility_details": registration.accessibility_details,
                "answers": registration.form_data,
                "volunteer_profile": registration.profile,
                "attendance": _attendance(registration),
                "emails_sent": [
                    {
                        "kind": delivery.kind,
                        "status": delivery.status,
                        "sent_at": _json_value(delivery.sent_at),
                    }
                    for delivery in registration.email_deliveries.all()
                ],
            }
            for registration in registrations
        ],
        **_held_elsewhere(email),
    }
    _log_per_page(registrations, EXPORT_ACTION, user)
    return data


def erase_personal_data(email, user=None):
    """Delete every registration naming `email`; a place it held goes to the waiting list.

    Returns how many registrations were erased.
    """
    with transaction.atomic():
        registrations = list(held_about(email))
        for registration in registrations:
            registration.cancel()  # Frees an event place for the waiting list first.
        _log_per_page(registrations, ERASE_ACTION, user)
        Registration.objects.filter(pk__in=[r.pk for r in registrations]).delete()
        _held_elsewhere(email, erase=True)
    return len(registrations)


def expired_registrations(retention_days=None, now=None):
    """Registrations past retention: counted from the end of what they were for where the page
    type says when that is (`RegistrationFormMixin.ended_before`: events), else from
    registering."""
    days = settings.REGISTRATION_RETENTION_DAYS if retention_days is None else retention_days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    ended, dated = Q(pk__in=[]), Q(pk__in=[])
    for model in get_page_models():
        if not issubclass(model, RegistrationFormMixin):
            continue
        ended_pages = model.ended_before(cutoff)
        if ended_pages is not None:
            ended |= Q(page__in=ended_pages.values("pk"))
            dated |= Q(page__in=model.objects.values("pk"))
    return Registration.objects.filter(ended | (~dated & Q(submit_time__lt=cutoff))).exclude(
        email__endswith="@" + ANONYMISED_DOMAIN
    )


def anonymise(registrations, user=None):
    """Remove the personal data from old registrations; counts (charter signatories, how many
    came to an event) stay."""
    registrations = list(registrations.select_related("page"))
    with transaction.atomic():
        for registration in registrations:
            registration.email_deliveries.all().delete()
            Registration.objects.filter(pk=registration.pk).update(
                first_name="",
                last_name="",
                email=f"{registration.pk}@{ANONYMISED_DOMAIN}",
                date_of_birth=None,
                parent_name="",
                parent_email="",
                parent_consent=False,
                accessibility_needs=[],
                accessibility_details="",
                form_data={},
                profile={},
            )
        _log_per_page(registrations, PURGE_ACTION, user)
    return len(registrations)


def _log_per_page(registrations, action, user):
    counts = {}
    for registration in registrations:
        page = registration.page
        counts.setdefault(page.pk, [page, 0])[1] += 1
    for page, count in counts.values():
        # One uuid per entry: Wagtail's history shows one entry per uuid and action, and the
        # request's shared uuid would hide all pages but one.
        log(
            page.specific_deferred,
            action,
            user=user,
            uuid=uuid.uuid4(),
            data={"registrations": count},
        )
