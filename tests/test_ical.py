"""Calendar files: an .ics per event and the agenda's feed of upcoming events."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from icalendar import Calendar

from communities.factories import CommunityIndexPageFactory, CommunityPageFactory
from events.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def agenda(home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    EventPageFactory(
        parent=agenda,
        title="Soirée de l'engagement",
        venue="Hôtel de Ville",
        address="Place de l'Hôtel de Ville, 75004 Paris",
        start=timezone.now() + datetime.timedelta(days=3),
    )
    EventPageFactory(
        parent=agenda,
        title="Opération clean-tag",
        start=timezone.now() - datetime.timedelta(days=30),
    )
    return agenda


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.mark.django_db
def test_agenda_feed_lists_upcoming_events_only(client, agenda):
    calendar = parse(client.get(agenda.url + "ical/"))
    events = calendar.walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Soirée de l'engagement"]
    assert "Hôtel de Ville" in str(events[0]["location"])


@pytest.mark.django_db
def test_event_ics_has_its_times_in_utc_and_its_page_url(client, agenda):
    event = agenda.get_children().specific().get(title="Soirée de l'engagement")
    calendar = parse(client.get(event.url + "ical/"))
    (entry,) = calendar.walk("VEVENT")
    assert entry.decoded("dtstart") == event.start.replace(microsecond=0)
    assert entry.decoded("dtend") == event.end.replace(microsecond=0)
    assert str(entry["url"]).endswith(event.url)
    assert str(entry["uid"]).startswith(str(event.translation_key))


def summaries(response):
    return [str(event["summary"]) for event in parse(response).walk("VEVENT")]


@pytest.mark.django_db
def test_the_agenda_feed_honours_the_filters_it_is_linked_with(client, agenda):
    EventPageFactory(
        parent=agenda,
        title="Formation aux premiers secours",
        kind="training",
        arrondissement=11,
        start=timezone.now() + datetime.timedelta(days=5),
    )

    html = client.get(agenda.url + "?kind=training&arrondissement=11&page=1").content.decode()
    feed = f"{agenda.url}ical/?kind=training&amp;arrondissement=11"
    # Linked for calendar applications and for people, with the filters but not the page.
    assert (
        f'<link rel="alternate" type="text/calendar" title="S’abonner à ces événements (iCal)" href="{feed}">'
        in html
    )
    assert f'<a href="{feed}">S’abonner à ces événements (iCal)</a>' in html

    assert summaries(client.get(agenda.url + "ical/?kind=training&arrondissement=11")) == [
        "Formation aux premiers secours"
    ]
    assert summaries(client.get(agenda.url + "ical/?arrondissement=5")) == []


@pytest.mark.django_db
def test_each_community_has_a_feed_of_its_upcoming_events(client, agenda):
    index = CommunityIndexPageFactory(parent=agenda.get_parent())
    climate = CommunityPageFactory(parent=index, title="Volontaires du Climat")
    EventPageFactory(
        parent=climate,
        title="Plantation de forêt",
        community=climate,
        start=timezone.now() + datetime.timedelta(days=9),
    )

    html = client.get(climate.url).content.decode()
    assert f'href="{climate.url}ical/"' in html
    assert "S’abonner aux événements de cette communauté (iCal)" in html
    assert summaries(client.get(climate.url + "ical/")) == ["Plantation de forêt"]


def facts_links(client, page):
    """The links of an event page's practical information: {text: href}."""
    html = client.get(page.url).content.decode()
    facts = html.split('class="event-facts"', 1)[1].split("</section>", 1)[0]
    return {
        re.sub(r"<[^>]+>", "", text).strip(): href
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', facts, re.S)
    }


@pytest.mark.django_db
def test_an_upcoming_event_offers_its_ics_file_and_a_map_of_its_address(client, agenda, translate):
    event = agenda.get_children().specific().get(title="Soirée de l'engagement")
    links = facts_links(client, event)

    ics = links["Ajouter à mon agenda (fichier .ics)"]
    (entry,) = parse(client.get(ics)).walk("VEVENT")
    assert str(entry["summary"]) == "Soirée de l'engagement"
    assert str(entry["location"]) == "Hôtel de Ville, Place de l'Hôtel de Ville, 75004 Paris"
    map_url = urlsplit(links["Voir sur une carte (OpenStreetMap)"])
    assert map_url.netloc == "www.openstreetmap.org"
    assert parse_qs(map_url.query)["query"] == ["Place de l'Hôtel de Ville, 75004 Paris, France"]

    english = translate(event, title="Engagement evening")
    links = facts_links(client, english)
    (entry,) = parse(client.get(links["Add to my calendar (.ics file)"])).walk("VEVENT")
    assert str(entry["summary"]) == "Engagement evening"
    assert "See on a map (OpenStreetMap)" in links


@pytest.mark.django_db
def test_no_calendar_link_once_over_and_no_map_without_an_address(client, agenda):
    past = agenda.get_children().specific().get(title="Opération clean-tag")
    assert not any("agenda" in text for text in facts_links(client, past))

    unlocated = EventPageFactory(
        parent=agenda, address="", start=timezone.now() + datetime.timedelta(days=5)
    )
    links = facts_links(client, unlocated)
    assert "Ajouter à mon agenda (fichier .ics)" in links
    assert not any("carte" in text for text in links)
