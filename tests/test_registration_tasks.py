"""Emails go through the database task queue and its worker; an SMTP failure loses nothing."""

import datetime
import io
import signal
import socket
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from events.factories import EventIndexPageFactory, EventPageFactory
from registrations.factories import RegistrationFactory
from registrations.models import Registration
from registrations.outbox import EmailDelivery
from registrations.tasks import deliver, queue_emails
from tests.conftest import SAME_ORIGIN, form_data

WORKER_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


@pytest.fixture
def event(home_page):
    return EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Forum")


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def run_worker():
    """`manage.py db_worker --batch`: run what is due, then exit (as cron or systemd would)."""

    def _run_worker():
        handlers = {number: signal.getsignal(number) for number in WORKER_SIGNALS}
        try:
            call_command(
                "db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO()
            )
        finally:  # The worker installs its own; pytest's must come back.
            for number, handler in handlers.items():
                signal.signal(number, handler)

    return _run_worker


@pytest.fixture
def closed_port():
    """A local TCP port nothing listens on: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def register(client, page):
    response = client.post(page.url, form_data(page), **SAME_ORIGIN)
    assert response.status_code == 303
    return Registration.objects.get()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_registration_is_saved_first_and_the_worker_sends_the_email(
    client, event, database_tasks, run_worker
):
    registration = register(client, event)

    assert mail.outbox == []
    delivery = EmailDelivery.objects.get(registration=registration)
    assert delivery.status == EmailDelivery.Status.PENDING
    assert DBTaskResult.objects.ready().count() == 1

    run_worker()

    (message,) = mail.outbox
    assert message.to == ["camille.dupont@example.org"]
    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.attempts == 1
    assert DBTaskResult.objects.successful().count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_smtp_failure_keeps_the_email_and_the_worker_retries_it_later(
    client, event, database_tasks, run_worker, settings, closed_port
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    settings.EMAIL_USE_TLS = False
    settings.REGISTRATION_EMAIL_RETRY_DELAYS = [60, 300]
    registration = register(client, event)

    run_worker()

    delivery = EmailDelivery.objects.get(registration=registration)
    assert delivery.status == EmailDelivery.Status.PENDING
    assert delivery.attempts == 1
    assert "ConnectionRefusedError" in delivery.last_error
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after >= timezone.now() + datetime.timedelta(seconds=50)
    # Not before its time.
    run_worker()
    delivery.refresh_from_db()
    assert delivery.attempts == 1

    # A minute later, the mail server is back.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    a_minute_later = timezone.now() + datetime.timedelta(seconds=61)
    with mock.patch("django.utils.timezone.now", return_value=a_minute_later):
        run_worker()

    (message,) = mail.outbox
    assert message.to == ["camille.dupont@example.org"]
    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.attempts == 2
    assert Registration.objects.get().status == Registration.Status.CONFIRMED


def test_after_the_last_retry_the_email_is_given_up_and_stays_recorded(
    event, settings, closed_port
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    settings.EMAIL_USE_TLS = False
    settings.REGISTRATION_EMAIL_RETRY_DELAYS = [60]
    registration = RegistrationFactory(page=event)
    queue_emails([registration], EmailDelivery.Kind.REGISTERED)
    delivery = EmailDelivery.objects.get()

    assert deliver(delivery.pk) == EmailDelivery.Status.PENDING
    assert deliver(delivery.pk) is None  # Not due yet.
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(minutes=2)
    ):
        assert deliver(delivery.pk) == EmailDelivery.Status.FAILED

    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert delivery.status == EmailDelivery.Status.FAILED


def test_send_pending_emails_sends_what_a_lost_task_left_behind(event):
    """The row was written but its task never enqueued (the process stopped in between)."""
    registration = RegistrationFactory(page=event)
    EmailDelivery.objects.create(registration=registration, kind=EmailDelivery.Kind.REGISTERED)

    call_command("send_pending_emails", stdout=io.StringIO())
    call_command("send_pending_emails", stdout=io.StringIO())

    (message,) = mail.outbox
    assert message.to == [registration.email]
    assert EmailDelivery.objects.get().status == EmailDelivery.Status.SENT
