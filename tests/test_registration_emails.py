"""Registration emails: language, practical details, calendar file, signed confirm/cancel links,
the waiting list's freed places, reminders, the organisers' notice, escaping, and the emails
that end a registration (cancelled by staff, no place before the start)."""

import datetime
import io
import re
import time
from html import unescape
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from icalendar import Calendar

from charters.factories import CharterPageFactory
from events.factories import EventPageFactory
from home.sites import sync_default_site
from registrations.delivery import queue_emails, queue_registration_emails
from registrations.factories import RegistrationFactory
from registrations.models import Registration
from registrations.outbox import EmailDelivery
from tests.conftest import START, email_links
from tests.test_typography import NBSP


def t(message, language="fr", **values):
    """What a reader sees of `message` in `language`, spaces collapsed like `page_text`."""
    with translation.override(language):
        return " ".join((gettext(message) % values if values else gettext(message)).split())


def text(message):
    return " ".join(message.body.split())


def html_part(message):
    (html, mimetype), *_ = message.alternatives
    assert mimetype == "text/html"
    return html


def ics_event(message):
    (filename, content, mimetype), *_ = message.attachments
    assert filename == "event.ics"
    assert mimetype.startswith("text/calendar")
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    return vevent


def test_the_confirmation_email_is_in_french_with_the_details_and_a_calendar_file(event, register):
    registration = register(event)

    (message,) = mail.outbox
    assert message.to == ["camille.dupont@example.org"]
    assert "Forum des Volontaires" in message.subject
    html = html_part(message)
    assert '<html lang="fr">' in html
    # Paris time, French dates.
    for part in (message.body, html):
        assert "mardi 14 janvier 2031, 18h30" in part
        assert "21h00" in part
        assert "5 rue de Lobau, 75004 Paris" in part
        assert "http://testserver/fr/agenda/forum-des-volontaires/" in part
    (cancel,) = email_links(message, "cancel")
    assert cancel.startswith("/fr/")
    # The place is held until the address is confirmed, by this link.
    assert len(email_links(message, "confirm")) == 1

    vevent = ics_event(message)
    assert vevent.decoded("dtstart") == START
    assert vevent.decoded("dtend") == START + datetime.timedelta(hours=2, minutes=30)
    assert str(vevent["summary"]) == "Forum des Volontaires"
    assert "Salle des fêtes de l'Hôtel de Ville" in str(vevent["location"])
    assert str(vevent["url"]) == "http://testserver/fr/agenda/forum-des-volontaires/"
    assert str(vevent["uid"]) == f"{event.translation_key}-{registration.pk}@testserver"

    delivery = EmailDelivery.objects.get(registration=registration)
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.sent_at is not None


def test_the_confirmation_email_is_in_english_for_the_english_page(event, register, translate):
    english = translate(event, title="Volunteers' forum")

    registration = register(english)

    (message,) = mail.outbox
    assert "Volunteers' forum" in message.subject
    html = html_part(message)
    assert '<html lang="en">' in html
    assert "Tuesday 14 January 2031, 6:30 p.m. – 9 p.m." in message.body
    assert "Tuesday 14 January 2031" in html
    (cancel,) = email_links(message, "cancel")
    assert cancel.startswith("/en/")
    # The calendar entry of one person at one event is the same in both languages.
    assert (
        str(ics_event(message)["uid"]) == f"{event.translation_key}-{registration.pk}@testserver"
    )
    assert str(ics_event(message)["summary"]) == "Volunteers' forum"


def test_the_organisers_are_notified_without_the_persons_contact_details(event, register):
    event.notify_email = "participation-citoyenne@paris.fr"
    event.save_revision().publish()

    register(event)

    notice = next(m for m in mail.outbox if m.to == ["participation-citoyenne@paris.fr"])
    assert "Forum des Volontaires" in notice.subject
    assert "Camille Dupont" in notice.body
    assert "camille.dupont@example.org" not in notice.body
    assert "camille.dupont@example.org" not in html_part(notice)
    assert f"http://testserver/admin/forms/submissions/{event.pk}/" in notice.body
    assert len(mail.outbox) == 2


def test_what_a_citizen_typed_is_escaped_in_the_html_emails(
    event, django_capture_on_commit_callbacks
):
    """The form refuses markup in names; the emails escape it all the same."""
    event.notify_email = "participation-citoyenne@paris.fr"
    event.save_revision().publish()
    registration = RegistrationFactory(
        page=event, first_name='<script>alert("x")</script>', last_name="<b>Dupont</b>"
    )
    with django_capture_on_commit_callbacks(execute=True):
        queue_registration_emails(registration)
        queue_emails([registration], EmailDelivery.Kind.REMINDER)

    assert len(mail.outbox) == 3
    for message in mail.outbox:
        html = html_part(message)
        assert "<script>" not in html
        assert "<b>Dupont</b>" not in html
    notice = next(m for m in mail.outbox if m.to == ["participation-citoyenne@paris.fr"])
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b&gt;Dupont&lt;/b&gt;" in (
        html_part(notice)
    )
    greeting = html_part(mail.outbox[0])
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in greeting


@pytest.fixture
def charter(home_page):
    return CharterPageFactory(parent=home_page, title="Charte des Volontaires de Paris")


def test_signing_a_charter_counts_once_the_address_is_confirmed_and_the_link_works_once(
    charter, register, page_text
):
    registration = register(charter)
    assert registration.status == Registration.Status.PENDING
    (message,) = mail.outbox
    (confirm,) = email_links(message, "confirm")
    assert confirm in html_part(message)
    assert email_links(message, "cancel")

    csrf_client = Client(enforce_csrf_checks=True)
    # Opening the link (or a mail scanner prefetching it) changes nothing.
    page = csrf_client.get(confirm)
    assert page.status_code == 200
    assert "no-cache" in page["Cache-Control"]
    registration.refresh_from_db()
    assert registration.status == Registration.Status.PENDING

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    done = csrf_client.post(confirm, {"csrfmiddlewaretoken": token})
    assert done.status_code == 200
    assert t(
        "Thank you: your email address is confirmed and your registration for “%(title)s” "
        "now counts.",
        title=charter.title,
    ) in page_text(done)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    confirmed_at = registration.confirmed_at
    assert charter.confirmed_registrations_count() == 1

    again = csrf_client.post(confirm, {"csrfmiddlewaretoken": token})
    assert t("Your email address is already confirmed: there is nothing more to do.") in (
        page_text(again)
    )
    registration.refresh_from_db()
    assert registration.confirmed_at == confirmed_at


def test_a_tampered_or_misused_link_is_refused_with_a_clear_page(
    charter, register, client, page_text
):
    registration = register(charter)
    (confirm,) = email_links(mail.outbox[0], "confirm")
    (cancel,) = email_links(mail.outbox[0], "cancel")

    tampered = confirm.replace("/confirmer/", "/confirmer/x")
    other_id = re.sub(r"/confirmer/(\w+)", "/confirmer/WzIs", confirm)
    confirm_as_cancel = confirm.replace("/confirmer/", "/annuler/")
    for url in (tampered, other_id, confirm_as_cancel, cancel.replace("/annuler/", "/confirmer/")):
        response = client.post(url)
        assert response.status_code == 404, url
        assert t(
            "This link is not valid. Please check that you opened the whole link from the "
            "email we sent you."
        ) in page_text(response)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.PENDING

    # A month later the confirmation link has expired; cancelling still works.
    later = time.time() + 31 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
        expired = client.post(confirm)
        assert expired.status_code == 400
        with translation.override("fr"):
            expired_message = ngettext(
                "This confirmation link has expired: it was valid for %(days)s day.",
                "This confirmation link has expired: it was valid for %(days)s days.",
                30,
            ) % {"days": 30}
        assert " ".join(expired_message.split()) in page_text(expired)
        assert client.post(cancel).status_code == 200
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_a_cross_site_post_to_a_cancel_link_is_refused(event, register):
    registration = register(event)
    registration.confirm()
    (cancel,) = email_links(mail.outbox[0], "cancel")

    response = Client(enforce_csrf_checks=True).post(
        cancel, HTTP_ORIGIN="https://evil.example", HTTP_SEC_FETCH_SITE="cross-site"
    )

    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_cancelling_frees_the_place_for_the_first_waiting_person_who_is_told(
    event, register, django_capture_on_commit_callbacks, page_text
):
    first = register(event)
    second = register(event, first_name="Dominique", email="dominique@example.org")
    third = register(event, first_name="Sacha", email="sacha@example.org")
    assert [second.status, third.status] == [Registration.Status.WAITING] * 2
    waiting_email = mail.outbox[1]
    assert t(
        "All places for “%(title)s” are taken: you are number %(position)s on the waiting "
        "list. We will write to you if a place becomes free.",
        title=event.title,
        position=1,
    ) in text(waiting_email)
    assert not waiting_email.attachments  # No calendar entry without a place.
    (cancel,) = email_links(mail.outbox[0], "cancel")
    mail.outbox.clear()

    client = Client(enforce_csrf_checks=True)
    page = client.get(cancel)
    assert t("Cancel my registration") in page_text(page)
    first.refresh_from_db()
    assert first.status == Registration.Status.PENDING  # GET changes nothing.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(cancel, {"csrfmiddlewaretoken": token})

    assert t(
        "Your registration for “%(title)s” is cancelled. Thank you for letting us know.",
        title=event.title,
    ) in page_text(done)
    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert first.status == Registration.Status.CANCELLED
    # Dominique never confirmed her address: the place is held for her until she does.
    assert second.status == Registration.Status.PENDING and second.hold_until
    assert third.status == Registration.Status.WAITING
    (promoted,) = mail.outbox
    assert promoted.to == ["dominique@example.org"]
    assert promoted.subject == f"Une place pour vous{NBSP}: {event.title}"
    assert ics_event(promoted).decoded("dtstart") == START
    assert email_links(promoted, "cancel")
    assert email_links(promoted, "confirm")

    # The link goes on saying so, and frees nothing twice.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cancel, {"csrfmiddlewaretoken": token})
    third.refresh_from_db()
    assert third.status == Registration.Status.WAITING
    assert len(mail.outbox) == 1


def test_reminders_go_once_the_day_before_to_confirmed_registrations(
    event, django_capture_on_commit_callbacks
):
    registered_long_ago = timezone.now() - datetime.timedelta(days=10)
    confirmed = RegistrationFactory(page=event)
    waiting = RegistrationFactory(page=event, status=Registration.Status.WAITING)
    cancelled = RegistrationFactory(page=event, status=Registration.Status.CANCELLED)
    Registration.objects.update(submit_time=registered_long_ago)
    later_event = EventPageFactory(
        parent=event.get_parent(), start=START + datetime.timedelta(days=3)
    )
    RegistrationFactory(page=later_event)
    Registration.objects.update(submit_time=registered_long_ago)

    the_day_before = START - datetime.timedelta(hours=20)
    with (
        mock.patch("django.utils.timezone.now", return_value=the_day_before),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_event_reminders", stdout=io.StringIO())
        call_command("send_event_reminders", stdout=io.StringIO())

    (reminder,) = mail.outbox
    assert reminder.to == [confirmed.email]
    assert "Forum des Volontaires" in reminder.subject
    assert "mardi 14 janvier 2031, 18h30" in reminder.body
    assert "Salle des fêtes de l'Hôtel de Ville" in reminder.body
    assert email_links(reminder, "cancel")
    assert ics_event(reminder).decoded("dtstart") == START
    assert not EmailDelivery.objects.filter(registration__in=[waiting, cancelled]).exists()


# Emails that end a registration: what happened, the page, and nothing left to confirm or cancel.


def assert_nothing_left_to_do(message):
    html = html_part(message)
    assert (
        not email_links(message, "cancel")
        and "/inscriptions/" not in html
        and "/registrations/" not in html
    )
    assert not message.attachments  # No calendar entry.


@pytest.mark.parametrize(
    "language, subject, intro, signature",
    [
        (
            "fr",
            f"Inscription annulée{NBSP}: Forum des Volontaires",
            f"Votre inscription à «{NBSP}Forum des Volontaires{NBSP}» a été annulée par l’équipe "
            "organisatrice.",
            "L’équipe des Volontaires de Paris, Ville de Paris",
        ),
        (
            "en",
            "Registration cancelled: Volunteers' forum",
            "Your registration for “Volunteers' forum” was cancelled by the organisers.",
            "The Volontaires de Paris team, City of Paris",
        ),
    ],
)
def test_staff_cancelling_tells_the_person_in_the_language_they_registered_in(
    event, translate, django_capture_on_commit_callbacks, language, subject, intro, signature
):
    page = event if language == "fr" else translate(event, title="Volunteers' forum")
    registration = RegistrationFactory(page=page, first_name="Camille")

    with django_capture_on_commit_callbacks(execute=True):
        registration.cancel(by_staff=True)

    (message,) = mail.outbox
    assert message.to == [registration.email]
    assert message.subject == subject
    html = html_part(message)
    assert f'<html lang="{language}">' in html
    page_line = f"{page.title}{NBSP if language == 'fr' else ''}: {page.full_url}"
    assert page_line in message.body
    for part in (message.body, unescape(html)):
        assert intro in part
        assert signature in part
        assert page.full_url in part
    assert "Quand" not in message.body and "When:" not in message.body  # Nothing to attend.
    assert_nothing_left_to_do(message)


def test_the_waiting_list_is_told_once_when_the_event_starts_without_a_place_for_them(
    event, translate, django_capture_on_commit_callbacks
):
    english = translate(event, title="Volunteers' forum")
    RegistrationFactory(page=event)  # The forum's one place.
    waiting = RegistrationFactory(page=event, status=Registration.Status.WAITING)
    waiting_en = RegistrationFactory(page=english, status=Registration.Status.WAITING)
    RegistrationFactory(page=event, status=Registration.Status.CANCELLED)
    # Started two days before: the first run after deploying writes about no such event.
    long_ago = EventPageFactory(
        parent=event.get_parent(),
        start=START - datetime.timedelta(days=2),
        capacity=1,
        waiting_list_enabled=True,
    )
    RegistrationFactory(page=long_ago, status=Registration.Status.WAITING)

    def run(at):
        out = io.StringIO()
        with (
            mock.patch("django.utils.timezone.now", return_value=at),
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command("send_no_place_emails", stdout=out)
        return out.getvalue()

    # Until the start a place can still free up.
    assert run(START - datetime.timedelta(minutes=5)) == "Waiting list emails queued: 0.\n"
    assert run(START + datetime.timedelta(minutes=30)) == "Waiting list emails queued: 2.\n"
    assert run(START + datetime.timedelta(hours=1, minutes=30)) == (
        "Waiting list emails queued: 0.\n"
    )

    sent = {message.to[0]: message for message in mail.outbox}
    assert sent.keys() == {waiting.email, waiting_en.email}
    french, english_message = sent[waiting.email], sent[waiting_en.email]
    assert french.subject == f"Aucune place libérée{NBSP}: Forum des Volontaires"
    assert (
        f"«{NBSP}Forum des Volontaires{NBSP}» a commencé et aucune place ne s’est libérée pour "
        "vous sur la liste d’attente. Nous en sommes désolés et espérons vous voir une prochaine "
        "fois."
    ) in french.body
    assert english_message.subject == "No place became free: Volunteers' forum"
    assert (
        "“Volunteers' forum” has started and no place on the waiting list became free for you."
    ) in english_message.body
    for message in (french, english_message):
        assert_nothing_left_to_do(message)


def test_finding_the_waiting_lists_to_tell_costs_the_same_however_many_events_started(
    event, translate, django_assert_max_num_queries
):
    def run():
        out = io.StringIO()
        with mock.patch(
            "django.utils.timezone.now", return_value=START + datetime.timedelta(minutes=30)
        ):
            call_command("send_no_place_emails", stdout=out)
        return out.getvalue()

    translate(event, title="Volunteers' forum")
    RegistrationFactory(page=event, status=Registration.Status.WAITING)
    with CaptureQueriesContext(connection) as one_event:
        assert run() == "Waiting list emails queued: 1.\n"

    # Four more events started at the same time, in both languages, one person waiting.
    for _number in range(4):
        english = translate(
            EventPageFactory(parent=event.get_parent(), start=START, capacity=1),
            title="Volunteers' workshop",
        )
    RegistrationFactory(page=english, status=Registration.Status.WAITING)
    with django_assert_max_num_queries(len(one_event)):
        assert run() == "Waiting list emails queued: 1.\n"


def test_email_links_are_on_the_site_address(event, register, settings):
    settings.SITE_URL = "https://volontaires.paris.fr"
    sync_default_site()

    register(event)

    (message,) = mail.outbox
    (cancel,) = email_links(message, "cancel")
    assert f"https://volontaires.paris.fr{event.url}" in message.body
    assert "testserver" not in message.body + html_part(message)
    assert str(ics_event(message)["url"]) == f"https://volontaires.paris.fr{event.url}"


def test_the_organisers_notice_says_the_persons_accessibility_needs(event, register):
    event.notify_email = "participation-citoyenne@paris.fr"
    event.ask_accessibility_needs = True
    event.save_revision().publish()

    register(
        event,
        accessibility_needs=["wheelchair", "sign_language"],
        accessibility_details="Boucle magnétique & place près de l’entrée",
    )

    notice = next(m for m in mail.outbox if m.to == ["participation-citoyenne@paris.fr"])
    needs = (
        "Accès en fauteuil roulant, Interprète en langue des signes — "
        "Boucle magnétique & place près de l’entrée"
    )
    assert f"Besoins d’accessibilité\u00a0: {needs}" in notice.body
    assert "Boucle magnétique &amp; place près de l’entrée" in html_part(notice)
