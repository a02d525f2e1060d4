"""What search engines and social networks read: absolute URLs and schema.org JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from home.sites import site_url
from pagecache.cache import fragment

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


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """schema.org JSON-LD: the organisation on the home page, what other page types give
    (`BasePage.structured_data`: an event)."""
    from home.models import BasePage, HomePage, SiteSettings

    request = context.get("request")
    if isinstance(page, HomePage):
        # Kept with the pages: saving the settings purges them.
        data = fragment(
            request,
            "organization",
            lambda: _organization(
                page, request, SiteSettings.for_request(request) if request else None
            ),
            page.pk,
        )
    else:
        data = page.structured_data(request) if isinstance(page, BasePage) else None
    if not data:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(JSON_SCRIPT_ESCAPES)),
    )
