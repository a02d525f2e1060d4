"""What search engines and social networks read: absolute URLs and schema.org JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home.sites import site_url
from registrations.models import Window

register = template.Library()

PARIS_CITY_HALL = {
    "@type": "GovernmentOrganization",
    "name": "Ville de Paris",
    "url": "https://www.paris.fr",
}

# Escapes that keep JSON inert inside a <script> element (as Django's json_script does).
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def absolute_url(url):
    """The URL on the site's address (SITE_URL), as social networks and search engines
    require; an URL that already has a host (a media CDN) is kept."""
    return site_url(url) if url.startswith("/") else url


def _organization(page, request, site_settings):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Volontaires de Paris",
        "url": page.get_full_url(request),
        "parentOrganization": PARIS_CITY_HALL,
    }
    if site_settings is not None:
        if site_settings.press_email or site_settings.press_phone:
            contact = {"@type": "ContactPoint", "contactType": "press"}
            if site_settings.press_email:
                contact["email"] = site_settings.press_email
            if site_settings.press_phone:
                contact["telephone"] = site_settings.press_phone
            data["contactPoint"] = contact
        same_as = [block.value["url"] for block in site_settings.social_links]
        if same_as:
            data["sameAs"] = same_as
    return data


AVAILABILITY = {
    Window.OPEN: "https://schema.org/InStock",
    Window.NOT_OPEN_YET: "https://schema.org/PreOrder",
    Window.CLOSED: "https://schema.org/Discontinued",
}


def _availability(event, now):
    """Registration window as schema.org availability; a past event is no longer offered."""
    if event.is_past:
        return AVAILABILITY[Window.CLOSED]
    window, _opens = event.registration_window(now)
    return AVAILABILITY[window]


def _event(page, request):
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
        "availability": _availability(page, timezone.now()),
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


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """schema.org JSON-LD: the organisation on the home page, the event on an event page."""
    from events.models import EventPage
    from home.models import HomePage, SiteSettings

    request = context.get("request")
    if isinstance(page, HomePage):
        site_settings = SiteSettings.for_request(request) if request else None
        data = _organization(page, request, site_settings)
    elif isinstance(page, EventPage):
        data = _event(page, request)
    else:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(JSON_SCRIPT_ESCAPES)),
    )
