"""What search engines read of an event: schema.org Event JSON-LD (see home.templatetags.seo_tags)."""

from django.utils import timezone
from django.utils.translation import get_language

from home.templatetags.seo_tags import PARIS_CITY_HALL
from registrations.models import Window

AVAILABILITY = {
    Window.OPEN: "https://schema.org/InStock",
    Window.NOT_OPEN_YET: "https://schema.org/PreOrder",
    Window.CLOSED: "https://schema.org/Discontinued",
}


def availability(event, now):
    """Registration window as schema.org availability; a past event is no longer offered."""
    if event.is_past:
        return AVAILABILITY[Window.CLOSED]
    window, _opens = event.registration_window(now)
    return AVAILABILITY[window]


def event_data(page, request):
    address = {"@type": "PostalAddress", "addressLocality": "Paris", "addressCountry": "FR"}
    if page.address:
        address["streetAddress"] = page.address
    if page.arrondissement:
        address["postalCode"] = f"750{page.arrondissement:02d}"
    url = page.get_full_url(request)
    offer = {
        "@type": "Offer",
        "url": url,
        "price": "0",
        "priceCurrency": "EUR",
        "availability": availability(page, timezone.now()),
    }
    opens_at = page.list_settings.registration_opens_at
    if opens_at:
        offer["validFrom"] = timezone.localtime(opens_at)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": url,
        "inLanguage": get_language(),
        "startDate": timezone.localtime(page.start),
        "endDate": timezone.localtime(page.end),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": page.venue, "address": address},
        "organizer": PARIS_CITY_HALL,
        "isAccessibleForFree": True,
        "offers": offer,
    }
    description = page.search_description or page.introduction
    if description:
        data["description"] = description
    if page.registration_capacity:
        data["maximumAttendeeCapacity"] = page.registration_capacity
    return data
