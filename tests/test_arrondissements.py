"""A page per arrondissement: its upcoming events and the communities acting there, with an
iCal feed and an Atom feed, in both languages."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from communities.factories import CommunityIndexPageFactory, CommunityPageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import ArrondissementIndexPage, ArrondissementPage

ATOM = "{http://www.w3.org/2005/Atom}"
SOON = timezone.now() + datetime.timedelta(days=5)


@pytest.fixture
def eleventh(home_page):
    index = home_page.add_child(
        instance=ArrondissementIndexPage(title="Arrondissements", slug="arrondissements")
    )
    return index.add_child(
        instance=ArrondissementPage(title="11e arrondissement", slug="11e", number=11)
    )


@pytest.fixture
def events(home_page):
    communities = CommunityIndexPageFactory(parent=home_page)
    solidarity = CommunityPageFactory(parent=communities, title="Volontaires de la Solidarité")
    climate = CommunityPageFactory(parent=communities, title="Volontaires du Climat")
    agenda = EventIndexPageFactory(parent=home_page)
    return {
        "here": EventPageFactory(
            parent=agenda, title="Maraude", arrondissement=11, start=SOON, community=solidarity
        ),
        "elsewhere": EventPageFactory(
            parent=agenda, title="Plantation", arrondissement=20, start=SOON, community=climate
        ),
        "past": EventPageFactory(
            parent=agenda,
            title="Ancienne maraude",
            arrondissement=11,
            start=timezone.now() - datetime.timedelta(days=30),
        ),
    }


def test_the_page_lists_upcoming_events_there_and_the_communities_acting_there(
    client, eleventh, events, page_text
):
    text = page_text(client.get(eleventh.url))

    assert "Maraude" in text
    assert "Plantation" not in text and "Ancienne maraude" not in text
    acting = text.split("Communautés qui agissent ici", 1)[1].split("Rejoindre les Volontaires")[0]
    assert "Volontaires de la Solidarité" in acting and "Volontaires du Climat" not in acting
    assert "Mairie" not in text  # No town hall address given: nothing invented.


def test_the_town_hall_address_is_shown_once_editors_give_it(client, eleventh, page_text):
    eleventh.town_hall_address = "12 place Léon-Blum, 75011 Paris"
    eleventh.save_revision().publish()

    assert "Mairie : 12 place Léon-Blum, 75011 Paris" in page_text(client.get(eleventh.url))


def test_the_feeds_list_the_same_events_and_are_linked(client, eleventh, events):
    html = client.get(eleventh.url).content.decode()
    assert (
        f'type="text/calendar" title="S’abonner à ces événements (iCal)" href="{eleventh.url}ical/"'
        in html
    )
    assert (
        f'type="application/atom+xml" title="Suivre ces événements (flux Atom)" href="{eleventh.url}atom/"'
        in html
    )

    calendar = Calendar.from_ical(client.get(eleventh.url + "ical/").content)
    assert [str(event["summary"]) for event in calendar.walk("VEVENT")] == ["Maraude"]
    response = client.get(eleventh.url + "atom/")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.find(f"{ATOM}title").text == "11e arrondissement"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["Maraude"]
    assert entries[0].find(f"{ATOM}link").get("href") == events["here"].full_url


def test_the_english_page_lists_the_english_events(client, eleventh, events, translate):
    translate(eleventh.get_parent())
    english = translate(eleventh, title="11th arrondissement")
    translate(events["here"].get_parent())
    translate(events["here"], title="Outreach round")

    response = client.get(english.url)

    assert response.status_code == 200
    assert "Outreach round" in response.content.decode()


def test_the_query_count_does_not_grow_with_the_events(client, eleventh, events):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(eleventh.url).status_code == 200
        return len(captured)

    client.get(eleventh.url)
    before = queries()
    for number in range(6):
        EventPageFactory(
            parent=events["here"].get_parent(),
            title=f"Maraude {number}",
            arrondissement=11,
            start=SOON,
        )
    assert queries() == before
