"""Calendar files: an .ics per event and the agenda's feed of upcoming events."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

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
