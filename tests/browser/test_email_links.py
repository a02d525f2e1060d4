"""The links of real emails, opened and pressed in Chromium: registrations on the live server
are sent by the email worker (its own process) through a real SMTP server; the browser opens
the links they contain and presses their buttons."""

import re

import pytest
from django.db import connections
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from events.models import EventPage
from registrations.models import Registration
from tests.smtp import wait_for


def emails_to(sink, address, count=1):
    wait_for(
        lambda: len([m for m in sink.messages if m.recipients == [address]]) >= count,
        message=f"{count} email(s) to {address}",
    )
    return [m for m in sink.messages if m.recipients == [address]]


def text(message):
    return next(
        part.get_content() for part in message.walk() if part.get_content_type() == "text/plain"
    )


def link(message, server, words):
    (url,) = re.findall(rf"{re.escape(server)}/\w\w/{words}/[^\s]+/", text(message))
    return url


def committed(sql, params):
    """Write outside the test's transaction, so the live server sees it at once."""
    connection = connections.create_connection("default")
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    finally:
        connection.close()  # Or the test database could not be dropped at the end.


@pytest.fixture
def one_place_left(urls):
    """The journeys' event, with one place left and a waiting list."""
    event = EventPage.objects.get(url_path__endswith=urls["event", "fr"].removeprefix("/fr"))
    taken = Registration.objects.for_page(event).confirmed().count()
    before = (event.capacity, event.waiting_list_enabled)
    committed(
        "UPDATE events_eventpage SET capacity = %s, waiting_list_enabled = %s "
        "WHERE page_ptr_id = %s",
        [taken + 1, True, event.pk],
    )
    yield event
    committed(
        "UPDATE events_eventpage SET capacity = %s, waiting_list_enabled = %s "
        "WHERE page_ptr_id = %s",
        [*before, event.pk],
    )


def register(page, path, first_name, email):
    page.goto(path)
    form = page.locator("form.registration__form")
    form.locator("#id_first_name").fill(first_name)
    form.locator("#id_last_name").fill("Exemple")
    form.locator("#id_email").fill(email)
    form.locator("#id_consent").check()
    form.locator("button[type=submit]").click()
    return page.locator("#registration-outcome")


def test_a_freed_place_goes_to_the_first_waiting_through_the_cancel_link_of_a_real_email(
    page, server, urls, mail, one_place_left
):
    first, second = "alix.premier@example.org", "noa.second@example.org"
    expect(register(page, urls["event", "fr"], "Alix", first)).to_contain_text(
        "votre place vous est réservée"
    )
    expect(register(page, urls["event", "fr"], "Noa", second)).to_contain_text("liste d’attente")

    # Alix confirms her address, so the place held for her is hers.
    (registered,) = emails_to(mail, first)
    page.goto(link(registered, server, "inscriptions/confirmer"))
    page.get_by_role("button", name="Confirmer mon adresse e-mail").click()
    expect(page.locator(".registration-link")).to_contain_text(
        "votre adresse e-mail est confirmée"
    )

    # Then she cannot come: the cancel link of the same email frees the place.
    page.goto(link(registered, server, "inscriptions/annuler"))
    page.get_by_role("button", name="Annuler mon inscription").click()
    expect(page.locator(".registration-link")).to_contain_text("est annulée")

    # Noa, first in line, is told; her place waits for her to confirm her address.
    (_waiting, promoted) = emails_to(mail, second, count=2)
    assert "Une place pour vous" in promoted["Subject"]
    page.goto(link(promoted, server, "inscriptions/confirmer"))
    page.get_by_role("button", name="Confirmer mon adresse e-mail").click()
    expect(page.locator(".registration-link")).to_contain_text(
        "votre adresse e-mail est confirmée"
    )
    # One email per message: nothing sent twice.
    assert len(mail.message_ids()) == len(set(mail.message_ids()))


def test_joining_a_community_is_confirmed_with_the_link_of_a_real_email(page, server, urls, mail):
    address = f"sacha.{timezone.now():%H%M%S%f}@example.org"
    expect(register(page, urls["community", "en"], "Sacha", address)).to_contain_text(
        "confirm your email address"
    )

    (message,) = emails_to(mail, address)
    confirm = link(message, server, "registrations/confirm")
    page.goto(confirm)
    page.get_by_role("button", name="Confirm my email address").click()
    expect(page.locator(".registration-link")).to_contain_text("your email address is confirmed")
    # The test's own database snapshot predates the click: ask the site, as the person would.
    page.goto(confirm)
    expect(page.locator(".registration-link")).to_contain_text("already confirmed")


def test_a_volunteer_opens_their_passport_from_a_real_email_then_downloads_and_cancels(
    page, server, urls, mail
):
    address = f"lou.{timezone.now():%H%M%S%f}@example.org"
    expect(register(page, urls["event", "fr"], "Lou", address)).to_be_visible()
    emails_to(mail, address)

    # Asked for on the public page by address only...
    page.goto("/fr/passeport/")
    page.get_by_label("E-mail").fill(address)
    page.get_by_role("button", name="M’envoyer un lien").click()
    expect(page.get_by_role("status")).to_contain_text("nous venons de lui envoyer")

    # ...and opened from the email the worker sent through the SMTP server.
    (_registered, passport) = emails_to(mail, address, count=2)
    assert passport["Subject"] == "Votre Passeport parisien de l’engagement"
    page.goto(link(passport, server, "passeport"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Passeport parisien de l’engagement")
    expect(page.locator("main")).to_contain_text("Lou Exemple")

    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger mon attestation d’engagement (PDF)").click()
    pdf = PdfReader(download.value.path())
    assert "La Ville de Paris atteste que Lou Exemple" in pdf.pages[0].extract_text()

    page.locator(".passport__cancel button").first.click()
    expect(page.locator(".registration-link")).to_contain_text("est annulée")


def test_a_parent_agrees_to_a_childs_registration_through_a_real_email(page, server, urls, mail):
    stamp = f"{timezone.now():%H%M%S%f}"
    child, parent = f"leo.{stamp}@example.org", f"parent.{stamp}@example.org"
    page.goto(urls["programme", "fr"])
    form = page.locator("form.registration__form")
    form.locator("#id_first_name").fill("Léo")
    form.locator("#id_last_name").fill("Exemple")
    form.locator("#id_email").fill(child)
    born = timezone.localdate().replace(year=timezone.localdate().year - 11)
    form.locator("#id_date_of_birth").fill(born.isoformat())
    form.locator("#id_parent_name").fill("Dominique Exemple")
    form.locator("#id_parent_email").fill(parent)
    form.locator("#id_consent").check()
    form.locator("button[type=submit]").click()
    expect(page.locator("#registration-outcome")).to_be_visible()

    # The parent, not the child, gets the link that makes it count.
    (asked,) = emails_to(mail, parent)
    page.goto(link(asked, server, "inscriptions/parent"))
    page.get_by_role("button", name="J’accepte cette inscription").click()
    expect(page.locator(".registration-link")).to_contain_text("compte désormais")

    (_registered, told) = emails_to(mail, child, count=2)
    assert "Votre inscription compte" in told["Subject"]
