"""Feeds of events: iCalendar files (one per event, the agenda's, a community's, an
arrondissement's) and Atom feeds for feed readers."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from icalendar import Calendar, Event

from home.sites import site_domain, site_url
from pagecache.cache import shared

PRODID = "-//Ville de Paris//Volontaires de Paris//FR"


def new_calendar(name=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def vevent(event, *, uid, url, description=""):
    """One event; times in UTC, so no VTIMEZONE is needed."""
    entry = Event()
    entry.add("uid", uid)
    entry.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    entry.add("dtstart", event.start.astimezone(datetime.UTC))
    entry.add("dtend", event.end.astimezone(datetime.UTC))
    entry.add("summary", event.title)
    entry.add("location", ", ".join(part for part in (event.venue, event.address) if part))
    entry.add("url", url)
    if description:
        entry.add("description", description)
    return entry


def registration_calendar(event, registration, *, url, domain, description=""):
    """The event as seen by one person: the UID is stable for that person at that event in
    every language, so a calendar updates the entry instead of adding another."""
    calendar = new_calendar()
    calendar.add_component(
        vevent(
            event,
            uid=f"{event.translation_key}-{registration.pk}@{domain}",
            url=url,
            description=description,
        )
    )
    return calendar.to_ical()


def event_uid(event, domain):
    """Stable across languages and edits, so a calendar updates the event instead of adding it."""
    return f"{event.translation_key}@{domain}"


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def events_calendar_response(request, events, *, name, filename):
    calendar = new_calendar(name)
    domain = site_domain()
    for event in events:
        calendar.add_component(
            vevent(
                event,
                uid=event_uid(event, domain),
                url=event.get_full_url(request),
                description=event.introduction,
            )
        )
    return shared(calendar_response(calendar, filename))


def events_atom_response(request, events, *, page):
    """An Atom feed of `events`, for a feed reader, in `page`'s language."""
    feed = Atom1Feed(
        title=page.title,
        link=page.get_full_url(request),
        description=page.introduction,
        language=page.locale.language_code,
        feed_url=site_url(request.get_full_path()),
    )
    for event in events:
        url = event.get_full_url(request)
        feed.add_item(
            title=event.title,
            link=url,
            description=event.introduction,
            unique_id=url,
            pubdate=event.first_published_at or event.start,
            updateddate=event.last_published_at or event.start,
        )
    return shared(
        HttpResponse(feed.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8")
    )
