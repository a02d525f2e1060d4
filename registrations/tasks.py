"""Sending registration emails in the background, with retries.

`queue_emails` writes outbox rows (`EmailDelivery`) in the caller's transaction and enqueues a
task once it commits. The task sends one email; on an SMTP or network failure it records the
attempt and enqueues itself again later (django-tasks has no retries of its own), up to
`REGISTRATION_EMAIL_RETRY_DELAYS`. `send_pending_emails` re-enqueues rows whose task was lost.
"""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .emails import build_message
from .outbox import EmailDelivery

logger = logging.getLogger(__name__)

# While one task sends an email, the row is not due: another task or the sweeper skips it.
CLAIM = datetime.timedelta(minutes=10)


def queue_emails(registrations, kind):
    """Record one email of `kind` per registration (once ever) and send it after commit."""
    for registration in registrations:
        delivery, created = EmailDelivery.objects.get_or_create(
            registration=registration, kind=kind
        )
        if created:
            send_after_commit(delivery)


def queue_email_again(registration):
    """Record the registration's own email once more and send it after commit."""
    send_after_commit(
        EmailDelivery.objects.create(registration=registration, kind=EmailDelivery.Kind.SENT_AGAIN)
    )


def send_after_commit(delivery):
    """Enqueue the outbox row's task once the transaction that wrote it commits: a rollback
    leaves nothing to send."""
    transaction.on_commit(partial(enqueue, delivery.pk), robust=True)


def queue_registration_emails(registration):
    """What a new registration calls for: the person's email, and the organisers' notice."""
    kinds = [EmailDelivery.Kind.REGISTERED]
    if registration.page.specific.notify_email:
        kinds.append(EmailDelivery.Kind.NOTIFICATION)
    for kind in kinds:
        queue_emails([registration], kind)


def enqueue(delivery_id, run_after=None):
    """Enqueue the sending task; without deferred tasks, retries wait for the sweeper."""
    task_ = send_registration_email
    if run_after is not None:
        if not task_.get_backend().supports_defer:
            return
        task_ = task_.using(run_after=run_after)
    task_.enqueue(delivery_id)


@task()
def send_registration_email(delivery_id):
    return deliver(delivery_id)


def deliver(delivery_id):
    """Send one outbox email if it is due; returns the row's status afterwards."""
    now = timezone.now()
    claimed = (
        EmailDelivery.objects.due(now).filter(pk=delivery_id).update(next_attempt_at=now + CLAIM)
    )
    if not claimed:
        return None  # Sent, given up, erased, or being sent by another task.
    delivery = EmailDelivery.objects.select_related("registration__page").get(pk=delivery_id)
    message = build_message(delivery)
    Status = EmailDelivery.Status
    if message is None:
        EmailDelivery.objects.filter(pk=delivery_id).update(status=Status.CANCELLED)
        return Status.CANCELLED
    try:
        message.send()
    except OSError as error:  # smtplib.SMTPException and refused connections are OSErrors.
        return record_failure(delivery, error)
    EmailDelivery.objects.filter(pk=delivery_id).update(
        status=Status.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
    )
    return Status.SENT


def record_failure(delivery, error):
    delays = settings.REGISTRATION_EMAIL_RETRY_DELAYS
    attempts = delivery.attempts + 1
    error_text = f"{type(error).__name__}: {error}"[:300]
    if attempts > len(delays):
        logger.error("Email %s given up after %s attempts: %s", delivery, attempts, error_text)
        status, next_attempt_at = EmailDelivery.Status.FAILED, timezone.now()
    else:
        logger.warning("Email %s failed (attempt %s): %s", delivery, attempts, error_text)
        status = EmailDelivery.Status.PENDING
        next_attempt_at = timezone.now() + datetime.timedelta(seconds=delays[attempts - 1])
    EmailDelivery.objects.filter(pk=delivery.pk).update(
        status=status, attempts=attempts, last_error=error_text, next_attempt_at=next_attempt_at
    )
    if status == EmailDelivery.Status.PENDING:
        enqueue(delivery.pk, run_after=next_attempt_at)
    return status
