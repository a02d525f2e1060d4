"""Rendering the emails of a registration, in the language of the page registered on.

Each email is rendered from the registration when it is sent (see `delivery.send`), so the
outbox keeps no copy of what a citizen typed. Templates autoescape the HTML part.
"""

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail import hooks

from home.sites import site_domain, site_url

from . import tokens
from .outbox import EmailDelivery

Kind = EmailDelivery.Kind
# Emails that end a registration: no practical details, nothing left to confirm or cancel.
CLOSING_KINDS = {
    Kind.NEW_VERSION,
    Kind.CANCELLED_BY_STAFF,
    Kind.NO_PLACE,
    Kind.PREREQUISITE_LAPSED,
    Kind.PARENT_REFUSED,
    Kind.PARENT_NO_ANSWER,
}
# Emails about a registration ended by us, sent although it is cancelled.
ENDED_BY_US = {
    Kind.CANCELLED_BY_STAFF,
    Kind.PREREQUISITE_LAPSED,
    Kind.PARENT_REFUSED,
    Kind.PARENT_NO_ANSWER,
}
# Emails about the person, not about one registration: sent whatever its status.
ABOUT_THE_PERSON = {Kind.PASSPORT}
# The apps that send ABOUT_THE_PERSON emails give their link through this Wagtail hook:
# fn(delivery) returns {"url": …, "hours": …} in the active language.
PERSONAL_LINK_HOOK = "personal_email_link"
# Apps that send emails of their own kinds through the outbox build them through this Wagtail
# hook: fn() returns {kind: build(delivery)}, build returning the message or None when it is no
# longer wanted (mobilisation/wagtail_hooks.py).
OUTBOX_EMAIL_HOOK = "outbox_email_builders"


def compose(subject_template, body_template, context, recipient, headers=None):
    """An email from its templates: the subject on one line, the body as `.txt` and `.html`."""
    # One line, without the template's line breaks; French no-break spaces stay.
    subject = re.sub(r"[ \t\r\n]+", " ", render_to_string(subject_template, context)).strip()
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{body_template}.txt", context),
        to=[recipient],
        headers=headers,
    )
    message.attach_alternative(render_to_string(f"{body_template}.html", context), "text/html")
    return message


def link(name, registration, purpose):
    """An absolute signed link, in the active language."""
    return site_url(reverse(name, kwargs={"token": tokens.make_token(registration, purpose)}))


def needs_confirming(registration):
    """A place (or a registration) waiting for the address, or someone on a waiting list who
    can confirm it now and get a place later without another step."""
    Status = registration.Status
    if registration.awaits_parent:
        return False  # Only the parent's answer makes a child's registration count.
    return registration.status == Status.PENDING or (
        registration.status == Status.WAITING and registration.confirmed_at is None
    )


def build_message(delivery):
    """The email a delivery stands for, or None when it is no longer wanted."""
    for builders in hooks.get_hooks(OUTBOX_EMAIL_HOOK):
        build = builders().get(delivery.kind)
        if build:
            return build(delivery)
    registration = delivery.registration
    page = registration.page.specific
    Status = registration.Status
    if delivery.kind == Kind.NOTIFICATION:
        recipient = page.notify_email
    elif delivery.kind == Kind.PARENT_REQUEST:
        recipient = registration.parent_email if registration.awaits_parent else None
    elif delivery.kind in ABOUT_THE_PERSON:
        recipient = registration.email
    elif registration.status == Status.CANCELLED and delivery.kind not in ENDED_BY_US:
        recipient = None  # Cancelled before we got to write: nothing to say any more.
    else:
        recipient = registration.email
    if not recipient:
        return None

    refused = registration.status == Status.NOT_ELIGIBLE and delivery.kind not in ABOUT_THE_PERSON
    closing = delivery.kind in CLOSING_KINDS | ABOUT_THE_PERSON or refused
    with translation.override(page.locale.language_code):
        details = None if closing else page.registration_details()
        context = {
            "kind": delivery.kind,
            "registration": registration,
            "page": page,
            "page_url": page.get_full_url(),
            "event": details,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "refused": refused,
        }
        if refused or delivery.kind == Kind.PREREQUISITE_LAPSED:
            context["prerequisite"] = page.registration_prerequisite()
        elif registration.provisional and not closing:
            context["prerequisite_name"] = (page.registration_prerequisite() or {}).get("name")
        if delivery.kind == Kind.NOTIFICATION:
            context["admin_url"] = site_url(
                reverse("wagtailforms:list_submissions", args=[page.pk])
            )
            context["confirmed_count"] = page.confirmed_registrations_count()
            context["capacity"] = page.registration_capacity
        elif delivery.kind in ABOUT_THE_PERSON:
            (link_for,) = hooks.get_hooks(PERSONAL_LINK_HOOK)
            context["personal_link"] = link_for(delivery)
        elif delivery.kind == Kind.NEW_VERSION:
            context["accept_url"] = link("registrations:accept", registration, tokens.ACCEPT)
            context["version"] = page.registration_text_version()
        elif delivery.kind == Kind.PARENT_REQUEST:
            context["parent_url"] = link("registrations:parent", registration, tokens.PARENT)
        elif not closing:
            context["cancel_url"] = link("registrations:cancel", registration, tokens.CANCEL)
            if needs_confirming(registration):
                context["confirm_url"] = link(
                    "registrations:confirm", registration, tokens.CONFIRM
                )
        message = compose(
            "registrations/emails/subject.txt", "registrations/emails/message", context, recipient
        )
        holds_a_place = registration.status in (Status.CONFIRMED, Status.PENDING)
        for_the_person = delivery.kind not in (Kind.NOTIFICATION, Kind.PARENT_REQUEST)
        if details and for_the_person and holds_a_place:
            calendar = page.registration_calendar(
                registration,
                url=context["page_url"],
                domain=site_domain(),
                description=gettext("To cancel your registration: %(url)s")
                % {"url": context["cancel_url"]},
            )
            if calendar:
                message.attach(
                    "event.ics", calendar, "text/calendar; method=PUBLISH; charset=utf-8"
                )
    return message
