"""A full event says so wherever it is listed, and its form offers the waiting list by name."""

import re

import pytest
from django.core import mail

from communities.factories import CommunityIndexPageFactory, CommunityPageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from registrations.factories import RegistrationFactory
from registrations.models import Registration

FULL_FR = "Complet — liste d’attente"
FULL_EN = "Full — waiting list"


@pytest.fixture
def community(home_page):
    return CommunityPageFactory(parent=CommunityIndexPageFactory(parent=home_page))


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)


def event_with(agenda, community, *, capacity, taken, waiting_list=True, title):
    event = EventPageFactory(
        parent=agenda,
        community=community,
        title=title,
        capacity=capacity,
        waiting_list_enabled=waiting_list,
    )
    RegistrationFactory.create_batch(taken, page=event, status=Registration.Status.CONFIRMED)
    return event


def listed(client, url, title):
    """The markup of one event's item in a listing."""
    html = client.get(url).content.decode()
    (item,) = [
        item for item in re.findall(r"<article.*?</article>", html, re.S) if f">{title}<" in item
    ]
    return item


def test_a_full_event_says_so_in_every_listing_and_on_its_page(
    client, page_text, home_page, agenda, community
):
    full = event_with(agenda, community, capacity=2, taken=2, title="Forum complet")
    event_with(agenda, community, capacity=2, taken=1, title="Atelier ouvert")
    closed = event_with(
        agenda, community, capacity=1, taken=1, waiting_list=False, title="Visite sans attente"
    )

    for url in (agenda.url, community.url, home_page.url):
        assert FULL_FR in listed(client, url, "Forum complet"), url
        assert "Complet" not in listed(client, url, "Atelier ouvert"), url
    visit = listed(client, agenda.url, "Visite sans attente")
    assert "Complet" in visit and "liste d’attente" not in visit

    page = client.get(full.url).content.decode()
    facts = page.split('class="event-facts"', 1)[1].split("</section>", 1)[0]
    assert FULL_FR in facts
    button = re.search(r'<button type="submit" class="button">(.*?)</button>', page).group(1)
    assert button == "Rejoindre la liste d’attente"
    assert "Sorry" not in page_text(client.get(closed.url))


def test_in_english_too(client, agenda, community, translate):
    full = event_with(agenda, community, capacity=1, taken=1, title="Forum complet")
    english = translate(full, title="Full forum")
    english_agenda = english.get_parent()
    assert FULL_EN in listed(client, english_agenda.url, "Full forum")
    page = client.get(english.url).content.decode()
    assert "Join the waiting list</button>" in page


def test_an_event_with_places_left_keeps_its_register_button(client, agenda, community):
    event = event_with(agenda, community, capacity=3, taken=1, title="Atelier ouvert")
    assert '<button type="submit" class="button">S’inscrire</button>' in (
        client.get(event.url).content.decode()
    )


def test_the_waiting_list_email_does_not_promise_a_place_to_give_back(agenda, community, register):
    full = event_with(agenda, community, capacity=1, taken=1, title="Forum complet")
    registration = register(full, email="attente@example.org")
    assert registration.status == Registration.Status.WAITING
    (message,) = mail.outbox
    assert "reviendra à une autre personne" not in message.body
    html = message.alternatives[0][0]
    assert "reviendra à une autre personne" not in html
    assert "Vous ne pouvez pas venir\u202f? Annulez votre inscription\u00a0:" in message.body
