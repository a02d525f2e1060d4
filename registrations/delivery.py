"""Sending the outbox's emails: each exactly once as far as the receiving side can tell.

`queue_emails` writes outbox rows (`EmailDelivery`) in the caller's transaction; the always-on
worker (`manage.py send_emails`) sends what is due. Each attempt first takes the row for a
lease (`next_attempt_at` moved past the longest an attempt can last), so a worker that dies
mid-send leaves a row another worker takes over once the lease runs out, with no cron.
SMTP calls time out (EMAIL_TIMEOUT). A temporary failure is tried again after each of
`REGISTRATION_EMAIL_RETRY_DELAYS`; a permanent refusal (5xx for the recipient or the message)
stops at once and is shown to staff. Every attempt of one email carries the same Message-ID,
so a copy sent twice (a worker killed after the server took the message, before it said so)
is recognisable as the same message. Errors are recorded and logged without any address.
"""

import datetime
import logging
import re
import smtplib
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from home.sites import site_domain

from .emails import build_message
from .outbox import EmailDelivery

logger = logging.getLogger(__name__)

Status = EmailDelivery.Status
ADDRESS = re.compile(r"<?[^\s<>]+@[^\s<>]+>?")


def lease():
    """How long an attempt may hold its email: the SMTP exchange's few round trips, each
    bounded by EMAIL_TIMEOUT, with room to spare."""
    return datetime.timedelta(seconds=6 * settings.EMAIL_TIMEOUT)


def queue_emails(registrations, kind):
    """Record one email of `kind` per registration (once ever) and send it after commit."""
    for registration in registrations:
        delivery, created = EmailDelivery.objects.get_or_create(
            registration=registration, kind=kind
        )
        if created:
            send_after_commit(delivery)


def queue_email_again(registration, kind=EmailDelivery.Kind.SENT_AGAIN):
    """Record an email that may go more than once (the registration's own, a passport link)
    and send it after commit."""
    send_after_commit(EmailDelivery.objects.create(registration=registration, kind=kind))


def queue_registration_emails(registration):
    """What a new registration calls for: the person's email, and the organisers' notice."""
    kinds = [EmailDelivery.Kind.REGISTERED]
    refused = registration.status == registration.Status.NOT_ELIGIBLE
    if registration.parent_email:
        kinds.append(EmailDelivery.Kind.PARENT_REQUEST)
    if registration.page.specific.notify_email and not refused:
        kinds.append(EmailDelivery.Kind.NOTIFICATION)
    # A new registration has no email yet: no need to look for one.
    for delivery in EmailDelivery.objects.bulk_create(
        EmailDelivery(registration=registration, kind=kind) for kind in kinds
    ):
        send_after_commit(delivery)


def send_after_commit(delivery):
    """With REGISTRATION_EMAILS_SEND_AT_COMMIT (the tests), send as soon as the row commits;
    otherwise the worker finds it within its polling interval."""
    if settings.REGISTRATION_EMAILS_SEND_AT_COMMIT:
        transaction.on_commit(partial(deliver, delivery.pk), robust=True)


def claim(delivery_id=None):
    """Take one due email (that one, or the longest due, bulk emails last) for the lease; None
    if none is due.

    The lease starts the attempt: it is counted before sending, so an email that kills its
    worker every time is given up like any other failure.
    """
    now = timezone.now()
    with transaction.atomic():
        due = EmailDelivery.objects.due(now).order_by("bulk", "next_attempt_at", "pk")
        if delivery_id is not None:
            due = due.filter(pk=delivery_id)
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        delivery = due.first()  # SQLite: the IMMEDIATE transaction holds the write lock.
        if delivery is None:
            return None
        delivery.attempts += 1
        delivery.next_attempt_at = now + lease()
        delivery.save(update_fields=["attempts", "next_attempt_at"])
    return delivery


def deliver(delivery_id=None, persist=lambda write: write()):
    """Send one due email (that one, or the longest due); returns its status afterwards, or
    None when nothing was due. `persist` runs the write of the outcome: the worker's retries
    it through a database outage, since the email has gone by then."""
    delivery = claim(delivery_id)
    if delivery is None:
        return None
    try:
        status = send(delivery)
    except OSError as error:  # smtplib's errors, refusals, timeouts are all OSErrors.
        return persist(partial(record_failure, delivery, error))
    persist(partial(record, delivery, status))
    return status


def send(delivery):
    """One SMTP exchange; SENT, or CANCELLED when the email is no longer wanted."""
    delivery = EmailDelivery.objects.select_related("registration__page").get(pk=delivery.pk)
    message = build_message(delivery)
    if message is None:
        return Status.CANCELLED
    message.extra_headers["Message-ID"] = message_id(delivery)
    message.send()
    return Status.SENT


def message_id(delivery):
    """The same for every attempt of one email, and unique to it."""
    return f"<{delivery.created_at:%Y%m%d%H%M%S}.{delivery.pk}@{site_domain()}>"


def record(delivery, status, **fields):
    if status == Status.SENT:
        fields.update(sent_at=timezone.now(), last_error="")
    EmailDelivery.objects.filter(pk=delivery.pk).update(status=status, **fields)


def is_permanent(error):
    """A 5xx answer about the recipient or the message: trying again would change nothing.
    A refused login or sender is ours to fix, and is tried again."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return isinstance(error, smtplib.SMTPDataError) and error.smtp_code >= 500


def describe(error):
    """The error without any address the server may have quoted."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _message in error.recipients.values()})
        text = f"SMTPRecipientsRefused: {', '.join(map(str, codes))}"
    else:
        text = f"{type(error).__name__}: {error}"
    return ADDRESS.sub("<address>", text)[:300]


def record_failure(delivery, error):
    delays = settings.REGISTRATION_EMAIL_RETRY_DELAYS
    error_text = describe(error)
    if is_permanent(error) or delivery.attempts > len(delays):
        logger.error(
            "Email %s given up after %s attempts: %s", delivery.pk, delivery.attempts, error_text
        )
        record(delivery, Status.FAILED, last_error=error_text)
        return Status.FAILED
    logger.warning("Email %s failed (attempt %s): %s", delivery.pk, delivery.attempts, error_text)
    next_attempt_at = timezone.now() + datetime.timedelta(seconds=delays[delivery.attempts - 1])
    record(delivery, Status.PENDING, last_error=error_text, next_attempt_at=next_attempt_at)
    return Status.PENDING
