"""The email worker against real SMTP servers and real faults: every email arrives, and a copy
sent twice (a worker killed after the server took it) carries the same Message-ID.

The worker runs as its own process with the production settings, on the test database, which
these tests commit to (transactional tests)."""

import datetime
import logging
import random
import time
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from events.factories import EventIndexPageFactory, EventPageFactory
from registrations.delivery import deliver, message_id, queue_emails
from registrations.factories import RegistrationFactory
from registrations.outbox import EmailDelivery
from tests.smtp import HungServer, SmtpSink, Worker, free_port, wait_for

Status = EmailDelivery.Status
transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def event(home_page):
    return EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Forum")


@pytest.fixture
def queued(event, settings):
    """`queued(n)`: n registrations whose email waits in the outbox for the worker."""
    settings.REGISTRATION_EMAILS_SEND_AT_COMMIT = False

    def _queued(count=1, email="personne{}@example.org"):
        registrations = [
            RegistrationFactory(page=event, email=email.format(number)) for number in range(count)
        ]
        queue_emails(registrations, EmailDelivery.Kind.REGISTERED)
        return list(EmailDelivery.objects.order_by("pk"))

    return _queued


def statuses():
    return sorted(EmailDelivery.objects.values_list("status", flat=True))


def make_due_now():
    """What the retry delays or a lease would make due later, due now."""
    EmailDelivery.objects.filter(status=Status.PENDING).update(next_attempt_at=timezone.now())


@transactional
def test_the_worker_sends_each_email_once_and_stops_on_sigterm(queued):
    deliveries = queued(5)
    with SmtpSink() as sink, Worker(sink.port) as worker:
        wait_for(lambda: statuses() == [Status.SENT] * 5, message="5 emails sent")
        assert worker.stop() == 0

    assert sorted(sink.message_ids()) == sorted(message_id(d) for d in deliveries)
    assert sorted(m.recipients[0] for m in sink.messages) == [
        f"personne{n}@example.org" for n in range(5)
    ]
    assert set(EmailDelivery.objects.values_list("attempts", flat=True)) == {1}


@transactional
def test_while_the_mail_server_is_down_nothing_is_lost(queued):
    port = free_port()  # Nothing listens there yet: connections are refused.
    queued(3)
    with Worker(port) as worker:
        wait_for(lambda: EmailDelivery.objects.filter(attempts=1).count() == 3)
        assert statuses() == [Status.PENDING] * 3
        assert "ConnectionRefusedError" in EmailDelivery.objects.first().last_error
        with SmtpSink(port=port) as sink:
            make_due_now()  # The first retry delay, passed.
            wait_for(lambda: statuses() == [Status.SENT] * 3, message="sent once back up")
            worker.stop()
    assert len(sink.messages) == len(set(sink.message_ids())) == 3


@transactional
def test_a_hung_mail_server_costs_a_timeout_not_the_worker(queued):
    queued(2)
    with HungServer() as hung, Worker(hung.port, timeout=1) as worker:
        wait_for(lambda: EmailDelivery.objects.filter(attempts=1).count() == 2)
        assert "timed out" in EmailDelivery.objects.first().last_error
        make_due_now()
        wait_for(lambda: hung.connections and len(hung.connections) >= 3)
        # SIGTERM in the middle of a hung exchange: the worker stops within its timeout.
        started = time.monotonic()
        assert worker.stop(timeout=10) == 0
        assert time.monotonic() - started < 5

    make_due_now()
    with SmtpSink() as sink, Worker(sink.port) as worker:
        wait_for(lambda: statuses() == [Status.SENT] * 2)
        worker.stop()
    assert len(sink.messages) == len(set(sink.message_ids())) == 2


@transactional
def test_a_slow_mail_server_gets_each_email_once(queued):
    queued(3)
    with SmtpSink(data_delay=0.5) as sink, Worker(sink.port, timeout=2) as worker:
        wait_for(lambda: statuses() == [Status.SENT] * 3)
        worker.stop()
    assert len(sink.messages) == 3


@transactional
def test_workers_killed_at_any_moment_lose_nothing_and_resend_under_the_same_message_id(
    queued,
):
    deliveries = queued(4)
    chance = random.Random(2026)
    with SmtpSink(data_delay=0.4) as sink:
        for _ in range(4):
            worker = Worker(sink.port, timeout=1)
            time.sleep(chance.uniform(1.0, 2.5))  # Start-up, then somewhere in an exchange.
            worker.kill()
        # No cron, no help: the new worker takes over once the dead ones' leases (six times
        # the 1 s SMTP timeout) run out.
        restarted = time.monotonic()
        with Worker(sink.port, timeout=1) as worker:
            wait_for(lambda: statuses() == [Status.SENT] * 4, timeout=60)
            recovered_in = time.monotonic() - restarted
            worker.stop()

    received = sink.message_ids()
    # Nothing lost; every copy is one of the four emails, recognisable by its Message-ID.
    assert set(received) == {message_id(d) for d in deliveries}
    duplicates = len(received) - len(set(received))
    print(
        f"kill -9 x4: 4 emails, {len(set(received))} delivered, {len(received)} copies, "
        f"{duplicates} duplicated under the same Message-ID, all sent {recovered_in:.1f} s "
        "after the restart"
    )


@transactional
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has no server connection to drop"
)
def test_a_dropped_database_connection_neither_stops_the_worker_nor_sends_twice(queued):
    queued(2)
    with SmtpSink(data_delay=1.5) as sink, Worker(sink.port, timeout=3) as worker:
        wait_for(lambda: len(sink.messages) == 1, message="the first email in flight")
        # Mid-exchange, the database server drops the worker's connection.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            assert cursor.fetchone() == (1,)
        wait_for(lambda: statuses() == [Status.SENT] * 2, timeout=60)
        assert worker.process.poll() is None  # Still running.
        worker.stop()
    assert len(sink.messages) == 2


@transactional
def test_a_refused_address_is_given_up_at_once_and_no_address_is_logged(queued):
    refused = "inconnu@example.org"
    queued(1, email=refused)
    with SmtpSink(refuse=[refused]) as sink, Worker(sink.port) as worker:
        wait_for(lambda: statuses() == [Status.FAILED])
        worker.stop()
    delivery = EmailDelivery.objects.get()
    assert delivery.attempts == 1
    assert delivery.last_error == "SMTPRecipientsRefused: 550"
    assert "given up" in worker.output
    assert refused not in worker.output
    assert sink.messages == []


def test_a_temporary_failure_is_tried_again_after_each_delay_then_given_up(
    queued, settings, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = (
        "127.0.0.1",
        free_port(),
        False,
    )
    settings.REGISTRATION_EMAIL_RETRY_DELAYS = [60]
    (delivery,) = queued(1)

    assert deliver(delivery.pk) == Status.PENDING
    delivery.refresh_from_db()
    assert delivery.next_attempt_at > timezone.now() + datetime.timedelta(seconds=55)
    assert deliver(delivery.pk) is None  # Not due yet.
    later = timezone.now() + datetime.timedelta(minutes=2)
    with (
        caplog.at_level(logging.WARNING, "registrations.delivery"),
        mock.patch("django.utils.timezone.now", return_value=later),
    ):
        assert deliver(delivery.pk) == Status.FAILED
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.status) == (2, Status.FAILED)
    assert "personne0@example.org" not in caplog.text


def test_the_health_check_fails_once_an_email_waits_for_no_worker(queued):
    (delivery,) = queued(1)
    call_command("check_email_outbox", "--max-delay", "120")  # Just queued: fine.
    EmailDelivery.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(minutes=5))
    with pytest.raises(Exception, match="No email worker"):
        call_command("check_email_outbox", "--max-delay", "120")
    deliver(delivery.pk)
    call_command("check_email_outbox", "--max-delay", "120")
    assert len(mail.outbox) == 1
