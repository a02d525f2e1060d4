from wagtail import hooks

from home.models import HOME_PAGE_CONTEXT

from .models import EventPage

UPCOMING_EVENTS = 3


@hooks.register(HOME_PAGE_CONTEXT)
def upcoming_events(home):
    return {
        "upcoming_events": EventPage.objects.in_listing(home.locale).upcoming()[:UPCOMING_EVENTS]
    }
