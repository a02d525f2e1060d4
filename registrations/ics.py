"""The `.ics` calendar file attached to an event's emails."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Ville de Paris//Volontaires de Paris//FR"


def event_uid(event, registration, domain):
    """Stable for one person at one event, in every language: a calendar updates, not adds."""
    return f"{event.translation_key}-{registration.pk}@{domain}"


def event_calendar(event, registration, *, url, domain, description=""):
    """A VCALENDAR with one VEVENT; times in UTC, so no VTIMEZONE is needed."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = Event()
    entry.add("uid", event_uid(event, registration, domain))
    entry.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    entry.add("dtstart", event.start.astimezone(datetime.UTC))
    entry.add("dtend", event.end.astimezone(datetime.UTC))
    entry.add("summary", event.title)
    entry.add("location", ", ".join(part for part in (event.venue, event.address) if part))
    entry.add("url", url)
    if description:
        entry.add("description", description)
    calendar.add_component(entry)
    return calendar.to_ical()
