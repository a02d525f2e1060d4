"""The `.ics` calendar file attached to an event's emails."""

from events.ical import new_calendar, vevent


def event_calendar(event, registration, *, url, domain, description=""):
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
