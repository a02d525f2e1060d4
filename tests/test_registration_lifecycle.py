"""The registration lifecycle's turns: an editor raising the capacity, registering again with
an address already registered (a lost email, an expired confirmation link), a place freed too
late to be given."""

import datetime
import io
import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from charters.factories import CharterPageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage
from registrations import tokens
from registrations.factories import RegistrationFactory
from registrations.models import RESEND_INTERVAL, Registration
from registrations.outbox import EmailDelivery
from tests.conftest import SAME_ORIGIN, email_links, form_data

Status = Registration.Status
Kind = EmailDelivery.Kind


def t(message, language="fr", **values):
    """What a reader sees of `message` in `language`, spaces collapsed like `page_text`."""
    with translation.override(language):
        return " ".join((gettext(message) % values if values else gettext(message)).split())


def waiting(page, email):
    """Someone in line who confirmed their address: a place given to them is theirs at once."""
    return RegistrationFactory(page=page, email=email, status=Status.WAITING)


def emails_sent_longer_ago_than_the_resend_interval():
    EmailDelivery.objects.update(created_at=F("created_at") - RESEND_INTERVAL)


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
        assert message.subject == f"Une place pour vous\u00a0: {full_event.title}"
        assert email_links(message, "cancel")
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


def test_the_french_page_gives_the_places_once_whichever_language_is_published(
    full_event, publish, translate
):
    english = translate(full_event, title="Volunteers' forum")
    # One place and the second in line are on the English page: one list for both languages.
    holder = Registration.objects.confirmed().first()
    Registration.objects.filter(pk=holder.pk).update(page=english)
    Registration.objects.filter(email="second@example.org").update(page=english)

    # A translation published with more places (a translator's override) gives none.
    translate(full_event, title="Volunteers' forum", capacity=4)
    assert Registration.objects.confirmed().count() == 2
    assert not mail.outbox

    # The French page gives them, in order, each person told in their own language.
    publish(full_event, capacity=4)
    assert [message.to for message in mail.outbox] == [
        ["first@example.org"],
        ["second@example.org"],
    ]
    assert mail.outbox[0].subject == f"Une place pour vous\u00a0: {full_event.title}"
    assert mail.outbox[1].subject.endswith(": Volunteers' forum")

    # Publishing the translation once synced gives them no second time.
    full_event.refresh_from_db()
    assert translate(full_event, title="Volunteers' forum").capacity == 4
    assert Registration.objects.confirmed().count() == 4
    assert Registration.objects.get(email="third@example.org").waiting_position == 1
    assert len(mail.outbox) == 2


def test_a_translation_not_synced_yet_follows_the_french_places_and_dates(
    full_event, publish, translate, register, page_text
):
    english = translate(full_event, title="Volunteers' forum")

    publish(full_event, capacity=3)
    english.refresh_from_db()
    assert english.capacity == 2  # wagtail-localize copies it at the next sync only

    with translation.override("en"):
        assert "3 places" in page_text(register(english, email="newcomer@example.org"))
    # The newcomer waits behind the line; the place went to the first one waiting.
    assert Registration.objects.confirmed().count() == 3
    assert Registration.objects.get(email="newcomer@example.org").waiting_position == 3

    publish(full_event, registration_closes_at=timezone.now() - datetime.timedelta(minutes=1))
    with translation.override("en"):
        response = register(english, email="late@example.org")
    assert t("Registration is closed.", "en") in page_text(response)
    assert not Registration.objects.filter(email="late@example.org").exists()
    # What the page says agrees: the French closing date, and closed for search engines.
    assert "Closes on" in page_text(response)
    assert "Closes when the event starts" not in page_text(response)
    assert "https://schema.org/Discontinued" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "in_line_after", "newcomer_after"),
    [
        ({"capacity": 4}, [Status.CONFIRMED, Status.CONFIRMED, Status.WAITING], Status.WAITING),
        # No limit any more: everyone waiting gets in, then the newcomer.
        (
            {"capacity": None, "waiting_list_enabled": False},
            [Status.CONFIRMED, Status.CONFIRMED, Status.CONFIRMED],
            Status.PENDING,  # A place held until the newcomer confirms the address.
        ),
        # The waiting list switched off while people wait: they keep their turn; the newcomer
        # finds the event full.
        (
            {"capacity": 4, "waiting_list_enabled": False},
            [Status.CONFIRMED, Status.CONFIRMED, Status.WAITING],
            None,
        ),
    ],
)
def test_a_newcomer_never_overtakes_the_waiting_list(
    client, full_event, changes, in_line_after, newcomer_after
):
    # The change is saved; the promotion that follows publishing has not run yet.
    EventPage.objects.filter(pk=full_event.pk).update(**changes)

    client.post(full_event.url, form_data(full_event, email="newcomer@example.org"), **SAME_ORIGIN)

    after = statuses()
    in_line = ("first@example.org", "second@example.org", "third@example.org")
    assert [after[email] for email in in_line] == in_line_after
    assert after.get("newcomer@example.org") == newcomer_after
    if newcomer_after == Status.WAITING:
        assert Registration.objects.get(email="newcomer@example.org").waiting_position == 2


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


def test_once_the_event_is_over_its_cancel_link_cancels_nothing(agenda, page_text):
    ended = EventPageFactory(
        parent=agenda,
        title="Forum passé",
        start=timezone.now() - datetime.timedelta(days=2),
        end=timezone.now() - datetime.timedelta(days=2) + datetime.timedelta(hours=2),
    )
    registration = RegistrationFactory(page=ended)
    with translation.override("fr"):
        link = reverse(
            "registrations:cancel", args=[tokens.make_token(registration, tokens.CANCEL)]
        )
    browser = Client(enforce_csrf_checks=True)

    page = browser.get(link)
    assert page.status_code == 410
    over = t(
        "“%(title)s” is over: its registrations can no longer be cancelled.", title="Forum passé"
    )
    assert over in page_text(page)
    assert t("Cancel my registration") not in page_text(page)
    # Even a POST made by hand changes nothing (CSRF checks off: the view itself refuses).
    assert Client().post(link).status_code == 410
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_raising_the_capacity_of_a_started_event_promotes_no_one(started_event, publish):
    publish(started_event, capacity=5)

    assert Registration.objects.get(email="late@example.org").status == Status.WAITING
    assert not mail.outbox


# Registering again with an address already registered.


@pytest.fixture
def charter(home_page):
    return CharterPageFactory(parent=home_page, title="Charte des Volontaires de Paris")


@pytest.fixture
def register(client, django_capture_on_commit_callbacks):
    """Register from the page as a browser does, following the redirect; emails are sent."""

    def _register(page, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url, form_data(page, **overrides), follow=True, **SAME_ORIGIN)

    return _register


def confirm(link):
    """Open a confirmation link and press its button, as the person does."""
    client = Client(enforce_csrf_checks=True)
    page = client.get(link)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    return client.post(link, {"csrfmiddlewaretoken": token})


def test_registering_again_before_confirming_sends_a_new_confirmation_link(
    charter, register, page_text
):
    register(charter)
    (first_email,) = mail.outbox

    # At once (a double click, or someone trying to flood the address): nothing more is sent.
    register(charter)
    assert len(mail.outbox) == 1

    emails_sent_longer_ago_than_the_resend_interval()
    response = register(charter)
    register(charter)

    assert t(
        "One more step: confirm your email address with the link we have just sent you. Your "
        "registration counts once it is confirmed."
    ) in page_text(response)
    first_email, new_email = mail.outbox  # One new email for two submissions.
    assert new_email.to == ["camille.dupont@example.org"]
    assert new_email.subject == first_email.subject
    (new_link,) = email_links(new_email, "confirm")
    assert email_links(new_email, "cancel")
    registration = Registration.objects.get()  # Still one registration.
    assert list(registration.email_deliveries.values_list("kind", flat=True)) == [
        Kind.REGISTERED,
        Kind.SENT_AGAIN,
    ]

    confirm(new_link)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_an_expired_confirmation_link_says_how_to_get_a_new_one(charter, register, page_text):
    register(charter)
    (old_link,) = email_links(mail.outbox[0], "confirm")
    a_month_later = time.time() + 31 * 24 * 3600

    with mock.patch("django.core.signing.time.time", return_value=a_month_later):
        expired = Client().get(old_link)

    assert expired.status_code == 400
    assert "Ce lien de confirmation a expiré : il était valable 30 jours." in page_text(expired)
    assert t(
        "To get a new one, register again on the page below with the same email address: your "
        "registration is kept, and we send you a new link."
    ) in page_text(expired)
    assert f'href="{charter.url}"' in expired.content.decode()

    # A month after the first email, registering again sends a link that works.
    EmailDelivery.objects.update(created_at=F("created_at") - datetime.timedelta(days=31))
    register(charter)
    (new_link,) = email_links(mail.outbox[1], "confirm")
    assert confirm(new_link).status_code == 200
    assert Registration.objects.get().status == Status.CONFIRMED


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        (
            Status.CONFIRMED,
            "Your email address is already confirmed: there is nothing more to do.",
        ),
        (Status.CANCELLED, "This registration has been cancelled."),
    ],
)
def test_an_expired_link_of_a_registration_no_longer_pending_says_where_it_stands(
    charter, register, page_text, status, shown
):
    register(charter)
    (old_link,) = email_links(mail.outbox[0], "confirm")
    Registration.objects.update(status=status)
    a_month_later = time.time() + 31 * 24 * 3600

    with mock.patch("django.core.signing.time.time", return_value=a_month_later):
        response = Client().get(old_link)

    assert response.status_code == 200
    assert t(shown) in page_text(response)
    assert "expiré" not in page_text(response)
    assert Registration.objects.get().status == status


def test_registering_again_in_the_other_language_writes_in_that_language(
    charter, register, translate
):
    english = translate(charter, title="Charter of the Volontaires de Paris")
    register(charter)
    emails_sent_longer_ago_than_the_resend_interval()

    register(english)

    new_email = mail.outbox[1]
    assert "Charter of the Volontaires de Paris" in new_email.subject
    (new_link,) = email_links(new_email, "confirm")
    assert new_link.startswith("/en/")
    (html, _mimetype), *_ = new_email.alternatives
    assert '<html lang="en">' in html
    # Its next emails too: the person now reads this language.
    registration = Registration.objects.get()
    assert registration.page_id == english.pk
    assert registration.get_data()["language"] == "en"


def test_registering_again_sends_the_cancel_link_of_a_place_or_of_the_waiting_list_again(
    agenda, register, page_text
):
    event = EventPageFactory(parent=agenda, title="Forum des Volontaires", capacity=1)
    register(event)
    register(event, email="dominique@example.org", first_name="Dominique")
    first_place, first_waiting_list = mail.outbox
    emails_sent_longer_ago_than_the_resend_interval()
    mail.outbox.clear()

    holder = register(event, first_name="Someone", last_name="Else")
    in_line = register(event, email="dominique@example.org")

    place, waiting_list = mail.outbox
    assert place.to == ["camille.dupont@example.org"]
    assert email_links(place, "cancel")
    assert [name for name, *_ in place.attachments] == ["event.ics"]
    # Each hears what a newcomer would: nobody learns who is registered.
    newcomers_answer = t(
        "All places are taken: you are number %(position)s on the waiting list. We will write "
        "to you if a place becomes free.",
        position=2,
    )
    assert newcomers_answer in page_text(holder)
    assert place.subject == first_place.subject
    assert waiting_list.to == ["dominique@example.org"]
    assert waiting_list.subject == first_waiting_list.subject
    assert email_links(waiting_list, "cancel")
    assert newcomers_answer in page_text(in_line)
    # Whoever typed the address learns nothing of what the person had entered.
    assert "Camille" not in page_text(holder)
    assert Registration.objects.get(email="camille.dupont@example.org").first_name == "Camille"


def test_once_registration_has_closed_registering_again_sends_nothing(agenda, register, page_text):
    event = EventPageFactory(parent=agenda)
    register(event)
    emails_sent_longer_ago_than_the_resend_interval()
    EventPage.objects.filter(pk=event.pk).update(
        registration_closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    response = register(event)

    assert t("Registration is closed.") in page_text(response)
    assert len(mail.outbox) == 1


def test_a_cancelled_person_registering_again_joins_the_end_of_the_line(
    full_event, register, page_text
):
    first = Registration.objects.get(email="first@example.org")
    first.cancel()

    register(full_event, email="first@example.org")

    again = Registration.objects.active().get(email="first@example.org")
    assert again.pk != first.pk
    assert again.waiting_position == 3
    (waiting_email,) = mail.outbox
    (cancel_link,) = email_links(waiting_email, "cancel")
    # The new cancel link is this registration's, not the cancelled one's.
    Client().post(cancel_link)
    again.refresh_from_db()
    assert again.status == Status.CANCELLED


# A place held for an address until it is confirmed.


def hold_runs_out():
    Registration.objects.filter(status=Status.PENDING).update(
        hold_until=timezone.now() - datetime.timedelta(minutes=1)
    )


@pytest.fixture
def one_place(agenda):
    return EventPageFactory(parent=agenda, title="Forum des Volontaires", capacity=1)


def test_a_place_nobody_confirms_goes_to_the_waiting_list_when_its_hold_runs_out(
    one_place, register, django_capture_on_commit_callbacks, page_text
):
    register(one_place, email="typo@exemple.org")  # A typo: nobody will ever confirm.
    register(one_place, email="waiting@example.org", first_name="Dominique")
    (typo_email, waiting_email) = mail.outbox
    assert statuses() == {
        "typo@exemple.org": Status.PENDING,
        "waiting@example.org": Status.WAITING,
    }
    (typo_link,) = email_links(typo_email, "confirm")
    # Dominique confirms her address while she waits.
    (waiting_link,) = email_links(waiting_email, "confirm")
    assert t(
        "Your email address is confirmed. You are number %(position)s on the waiting list for "
        "“%(title)s”: if a place becomes free, it is yours with nothing more to do, and we will "
        "write to you.",
        position=1,
        title="Forum des Volontaires",
    ) in page_text(confirm(waiting_link))
    mail.outbox.clear()

    hold_runs_out()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("release_unconfirmed_places", stdout=io.StringIO())

    assert statuses() == {
        "typo@exemple.org": Status.CANCELLED,
        "waiting@example.org": Status.CONFIRMED,
    }
    (promoted,) = mail.outbox  # Nothing to the unconfirmed address.
    assert promoted.to == ["waiting@example.org"]
    assert t(
        "Good news: a place has become free for “%(title)s” and it is yours. Your registration "
        "is confirmed.",
        title="Forum des Volontaires",
    ) in " ".join(promoted.body.split())
    # The late click finds the place gone, and says so.
    late = page_text(Client().get(typo_link))
    assert (
        t(
            "The time to confirm has run out: the place kept for you for “%(title)s” has gone to "
            "someone else. If places are left, you can register again on its page.",
            title="Forum des Volontaires",
        )
        in late
    )


def test_confirming_in_time_keeps_the_place(one_place, register):
    register(one_place)
    (link,) = email_links(mail.outbox[0], "confirm")

    confirm(link)
    hold_runs_out()
    call_command("release_unconfirmed_places", stdout=io.StringIO())

    registration = Registration.objects.get()
    assert (registration.status, registration.hold_until) == (Status.CONFIRMED, None)


def test_a_run_out_hold_is_free_for_the_next_one_even_before_the_cron_runs(
    one_place, register, page_text
):
    register(one_place, email="typo@exemple.org")
    assert one_place.places_left() == 0
    hold_runs_out()
    assert one_place.places_left() == 1

    response = register(one_place, email="next@example.org")

    assert statuses() == {"typo@exemple.org": Status.CANCELLED, "next@example.org": Status.PENDING}
    assert "you are number" not in page_text(response)


def test_a_place_given_from_the_waiting_list_to_an_unconfirmed_address_is_held_too(
    one_place, register, django_capture_on_commit_callbacks
):
    holder = RegistrationFactory(page=one_place)
    register(one_place, email="unconfirmed@example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        holder.cancel()

    promoted = Registration.objects.get(email="unconfirmed@example.org")
    assert promoted.status == Status.PENDING and promoted.hold_until > timezone.now()
    (email,) = mail.outbox
    assert email_links(email, "confirm")
    hold_runs_out()
    call_command("release_unconfirmed_places", stdout=io.StringIO())
    promoted.refresh_from_db()
    assert promoted.status == Status.CANCELLED
