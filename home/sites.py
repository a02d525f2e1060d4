"""The site's one public address, `settings.SITE_URL`, behind every absolute URL.

Wagtail writes absolute page URLs (emails, feeds, canonical and hreflang links, the sitemap)
from its default Site's hostname and port; they are set from SITE_URL after every `migrate` and
by the demo command, so no absolute URL depends on the Host header of a request or on a value
typed in the admin's Sites screen.
"""

from django.conf import settings
from wagtail.models import Site

from volontaires.settings.base import site_address


def site_url(path=""):
    """An absolute URL on the site, e.g. site_url("/sitemap.xml")."""
    return settings.SITE_URL + path


def site_domain():
    """The site's host name, e.g. for calendar UIDs."""
    return site_address(settings.SITE_URL)[1]


def sync_default_site(**kwargs):
    """Give the default Site the hostname and port of SITE_URL (a post_migrate receiver)."""
    _scheme, hostname, port = site_address(settings.SITE_URL)
    Site.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port).update(
        hostname=hostname, port=port
    )
    Site.clear_site_root_paths_cache()
