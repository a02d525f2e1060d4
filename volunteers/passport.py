"""The « Passeport parisien de l'engagement »: everything a person did, from their address.

Built from registrations and what pages say of themselves (`registration_details` for dates,
`training_course_id` for a training session), in a fixed number of queries however long the
history: the pages are fetched together, in the reader's language where translated.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, IntegerField, Q, When
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from home.paris import ARRONDISSEMENTS
from home.sites import site_url
from registrations import tokens
from registrations.delivery import queue_email_again
from registrations.models import Registration
from registrations.outbox import EmailDelivery

from .forms import Availability, interest_choices
from .models import PassportLink, TrainingCourse, TrainingRecord

# Asking again within this delay sends nothing more: the form cannot flood an address.
RESEND_INTERVAL = datetime.timedelta(minutes=15)


@dataclass
class Entry:
    registration: Registration
    page: Page
    details: dict | None
    cancel_token: str

    @property
    def attended(self):
        attendance = getattr(self.registration, "attendance", None)
        return bool(attendance and attendance.attended)

    @property
    def upcoming(self):
        return self.details is None or self.details["end"] >= timezone.now()

    @property
    def hours(self):
        """Time given: the event's duration, once marked present at it."""
        if not (self.details and self.attended):
            return datetime.timedelta()
        return self.details["end"] - self.details["start"]


def request_link(email, language):
    """Email a passport link to `email` if it has registered with us; nothing otherwise, and
    nothing more within RESEND_INTERVAL. Says nothing either way: the caller's answer must not
    tell whether the address is known."""
    registrations = Registration.objects.active().filter(email=email)
    recent = EmailDelivery.objects.filter(
        registration__email=email,
        kind=EmailDelivery.Kind.PASSPORT,
        created_at__gt=timezone.now() - RESEND_INTERVAL,
    )
    if recent.exists():
        return
    # The email is written in the language of one of the person's pages: the one they asked in
    # where there is one.
    registration = (
        registrations.annotate(
            asked_language=Case(
                When(page__locale__language_code=language, then=1),
                default=0,
                output_field=IntegerField(),
            )
        )
        .order_by("-asked_language", "-pk")
        .first()
    )
    if registration is not None:
        queue_email_again(registration, EmailDelivery.Kind.PASSPORT)


def link_url(email):
    """A new passport link, in the active language; issued when its email is written, so that
    the token exists only in that email."""
    token = PassportLink.issue(
        email,
        PassportLink.Purpose.PASSPORT,
        lifetime=datetime.timedelta(hours=settings.PASSPORT_LINK_HOURS),
    )
    return site_url(reverse("passport:show", kwargs={"token": token}))


def entries(email, locale):
    """The person's registrations that stand (not cancelled), each with its page in `locale`
    where translated, soonest first; those without a date first."""
    registrations = list(
        Registration.objects.active()
        .filter(email=email)
        .select_related("attendance")
        .order_by("submit_time", "pk")
    )
    keys = {registration.translation_key for registration in registrations}
    pages = Page.objects.filter(
        Q(translation_key__in=keys, locale=locale)
        | Q(pk__in=[registration.page_id for registration in registrations])
    ).specific()
    by_id, translated = {}, {}
    for page in pages:
        by_id[page.pk] = page
        if page.locale_id == locale.pk and page.live:
            translated[page.translation_key] = page
    result = []
    for registration in registrations:
        page = translated.get(registration.translation_key) or by_id[registration.page_id]
        result.append(
            Entry(
                registration=registration,
                page=page,
                details=page.registration_details(),
                cancel_token=tokens.make_token(registration, tokens.CANCEL),
            )
        )
    result.sort(
        key=lambda entry: (entry.details is not None, entry.details and entry.details["start"])
    )
    return result


def trainings(email, attended_entries, locale):
    """Training courses completed: sessions marked present, and those recorded by staff."""
    records = list(TrainingRecord.objects.filter(email=email).select_related("course"))
    sessions = [
        entry for entry in attended_entries if getattr(entry.page, "training_course_id", None)
    ]
    course_ids = {entry.page.training_course_id for entry in sessions}
    courses = {course.pk: course for course in TrainingCourse.objects.filter(pk__in=course_ids)}
    names = {
        course.translation_key: course.name
        for course in TrainingCourse.objects.filter(
            locale=locale,
            translation_key__in=[course.translation_key for course in courses.values()]
            + [record.course.translation_key for record in records],
        )
    }

    def name(course):
        return names.get(course.translation_key, course.name)

    done = [
        {"name": name(courses[entry.page.training_course_id]), "date": entry.details["start"]}
        for entry in sessions
    ]
    done += [
        {"name": name(record.course), "date": record.completed_on, "elsewhere": record.evidence}
        for record in records
    ]
    return done


def profile(all_entries, locale):
    """The volunteer profile given when the person last joined the Volontaires, with labels."""
    joined = [
        entry
        for entry in all_entries
        if entry.registration.profile
        and entry.registration.status == Registration.Status.CONFIRMED
    ]
    if not joined:
        return None
    answers = max(joined, key=lambda entry: entry.registration.submit_time).registration.profile
    interests = dict(interest_choices(locale.pk))
    arrondissements = dict(ARRONDISSEMENTS)
    availability = dict(Availability.choices)
    return {
        "interests": [
            interests[key] for key in answers.get("interests") or [] if key in interests
        ],
        "arrondissements": [arrondissements[n] for n in answers.get("arrondissements") or []],
        "availability": [availability[key] for key in answers.get("availability") or []],
        "crisis_alerts": bool(answers.get("crisis_alerts")),
    }


def passport(email, locale):
    """What the passport page, the attestation and the calendar feed show."""
    all_entries = entries(email, locale)
    dated = [entry for entry in all_entries if entry.details]
    attended = [entry for entry in dated if entry.attended]
    return {
        "email": email,
        "name": _name(all_entries),
        "commitments": [entry for entry in all_entries if not entry.details],
        "upcoming": [entry for entry in dated if entry.upcoming],
        "past": [entry for entry in dated if not entry.upcoming],
        "attended": [entry for entry in attended if not entry.upcoming],
        "trainings": trainings(email, attended, locale),
        "profile": profile(all_entries, locale),
        **_hours(sum((entry.hours for entry in attended), datetime.timedelta())),
    }


def _name(entries):
    """The name the person gave most recently."""
    if not entries:
        return ""
    latest = max(entries, key=lambda entry: entry.registration.submit_time).registration
    return f"{latest.first_name} {latest.last_name}"


def _hours(duration):
    """Hours to the half hour (2.5, 12), and the whole number that chooses the plural form."""
    hours = round(duration.total_seconds() / 1800) / 2
    if hours.is_integer():
        return {"hours": int(hours), "hours_plural": int(hours)}
    return {"hours": hours, "hours_plural": 2}
