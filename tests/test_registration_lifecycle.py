"""The registration lifecycle's turns: an editor raising the capacity, a place freed too late
to be given."""

import datetime
import io
import re
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage
from registrations import tokens
from registrations.factories import RegistrationFactory
from registrations.models import Registration
from registrations.outbox import EmailDelivery
from tests.conftest import SAME_ORIGIN, form_data

Status = Registration.Status
Kind = EmailDelivery.Kind


def t(message, language="fr", **values):
    """What a reader sees of `message` in `language`, spaces collapsed like `page_text`."""
    with translation.override(language):
        return " ".join((gettext(message) % values if values else gettext(message)).split())


def links(message, name):
    return re.findall(rf"http://localhost(/\w\w/inscriptions/{name}/[^/\s\"]+/)", message.body)


def waiting(page, email):
    return RegistrationFactory(page=page, email=email, status=Status.WAITING, confirmed_at=None)


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def full_event(agenda):
    """Two places, both taken, and three people waiting in line."""
    event = EventPageFactory(parent=agenda, title="Forum des Volontaires", capacity=2)
    RegistrationFactory.create_batch(2, page=event)
    for email in ("first@example.org", "second@example.org", "third@example.org"):
        waiting(event, email)
    return event


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Edit the page as it is in the database and publish it, as an editor does; the emails it
    queues are sent."""

    def _publish(page, **changes):
        page = page.specific_class.objects.get(pk=page.pk)
        for name, value in changes.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return _publish


def statuses():
    return dict(Registration.objects.values_list("email", "status"))


def test_raising_the_capacity_gives_the_new_places_to_the_waiting_list_in_order(
    full_event, publish
):
    publish(full_event, capacity=4)

    assert Registration.objects.confirmed().count() == 4
    promoted = [message.to for message in mail.outbox]
    assert promoted == [["first@example.org"], ["second@example.org"]]
    for message in mail.outbox:
        assert message.subject == t("A place is yours: %(title)s", title=full_event.title)
        assert links(message, "annuler")
    assert EmailDelivery.objects.filter(kind=Kind.PROMOTED).count() == 2
    third = Registration.objects.get(email="third@example.org")
    assert third.status == Status.WAITING
    assert third.waiting_position == 1

    # Publishing again, unchanged, gives nothing more.
    publish(full_event)
    assert Registration.objects.confirmed().count() == 4
    assert len(mail.outbox) == 2


def test_lowering_the_capacity_takes_no_place_back(full_event, publish):
    before = statuses()

    publish(full_event, capacity=1)

    assert statuses() == before
    assert Registration.objects.confirmed().count() == 2
    assert not mail.outbox


def test_lifting_the_limit_gives_everyone_waiting_a_place(full_event, publish):
    publish(full_event, capacity=None)

    assert Registration.objects.confirmed().count() == 5
    assert not Registration.objects.waiting().exists()
    assert len(mail.outbox) == 3


def test_a_scheduled_capacity_raise_gives_the_places_when_it_goes_live(
    full_event, publish, django_capture_on_commit_callbacks
):
    publish(full_event)  # A live revision, as every page published from the admin has.
    goes_live = timezone.now() + datetime.timedelta(hours=2)

    publish(full_event, capacity=3, go_live_at=goes_live)

    # Scheduled: the live page keeps its two places until then.
    assert EventPage.objects.get(pk=full_event.pk).capacity == 2
    assert Registration.objects.confirmed().count() == 2
    later = goes_live + datetime.timedelta(minutes=1)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert EventPage.objects.get(pk=full_event.pk).capacity == 3
    assert Registration.objects.get(email="first@example.org").status == Status.CONFIRMED
    assert Registration.objects.waiting().count() == 2
    (promoted,) = mail.outbox
    assert promoted.to == ["first@example.org"]


def test_publishing_the_translation_too_promotes_no_one_twice(full_event, publish, translate):
    english = translate(full_event, title="Volunteers' forum")
    assert english.capacity == 2

    publish(full_event, capacity=4)
    # The translation is updated from the French page, capacity included, and published.
    full_event.refresh_from_db()
    english = translate(full_event, title="Volunteers' forum")

    assert english.capacity == 4
    assert Registration.objects.confirmed().count() == 4
    assert EmailDelivery.objects.filter(kind=Kind.PROMOTED).count() == 2
    assert Registration.objects.get(email="third@example.org").waiting_position == 1


def test_a_newcomer_never_overtakes_the_waiting_list(client, full_event):
    # The capacity is saved; the promotion that follows publishing has not run yet.
    EventPage.objects.filter(pk=full_event.pk).update(capacity=4)

    client.post(full_event.url, form_data(full_event, email="newcomer@example.org"), **SAME_ORIGIN)

    after = statuses()
    in_line = ("first@example.org", "second@example.org", "third@example.org")
    assert [after[email] for email in in_line] == [
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITING,
    ]
    assert after["newcomer@example.org"] == Status.WAITING
    assert Registration.objects.get(email="newcomer@example.org").waiting_position == 2
    assert Registration.objects.confirmed().count() == 4


@pytest.fixture
def started_event(agenda):
    """Started ten minutes ago; its one place is taken and someone is waiting."""
    start = timezone.now() - datetime.timedelta(minutes=10)
    event = EventPageFactory(parent=agenda, start=start, capacity=1)
    RegistrationFactory(page=event, email="holder@example.org")
    waiting(event, "late@example.org")
    return event


def test_a_place_freed_once_the_event_has_started_goes_to_no_one(
    started_event, django_capture_on_commit_callbacks
):
    holder = Registration.objects.get(email="holder@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        assert holder.cancel() == []

    assert Registration.objects.get(email="late@example.org").status == Status.WAITING
    assert not mail.outbox


def test_the_cancel_page_promises_the_place_to_the_waiting_list_only_when_it_goes_there(
    client, full_event, started_event, page_text
):
    def cancel_page(registration):
        with translation.override("fr"):
            token = tokens.make_token(registration, tokens.CANCEL)
            return page_text(client.get(reverse("registrations:cancel", args=[token])))

    promise = t("Your place will go to the next person on the waiting list.")
    holder = Registration.objects.for_page(full_event).confirmed().first()
    assert promise in cancel_page(holder)
    assert promise not in cancel_page(Registration.objects.get(email="first@example.org"))
    assert promise not in cancel_page(Registration.objects.get(email="holder@example.org"))


def test_raising_the_capacity_of_a_started_event_promotes_no_one(started_event, publish):
    publish(started_event, capacity=5)

    assert Registration.objects.get(email="late@example.org").status == Status.WAITING
    assert not mail.outbox
