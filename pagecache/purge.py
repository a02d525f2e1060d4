"""Purging the shared caches (ours and the reverse proxy) through wagtail.contrib.frontend_cache,
whose backends are our cache (`backends.PageCacheBackend`) and, when configured, the proxy."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page

from .cache import kept_with_pages, purge_site

PROXY = "proxy"


def purge_pages(pages, backends=None):
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge(backends=backends)


def purge_everything():
    purge_site()
    if PROXY in settings.WAGTAILFRONTENDCACHE:
        purge_pages(Page.objects.live().filter(depth__gt=1).specific(), backends=[PROXY])


def purge_everything_after_commit():
    # Robust: a purge that fails is logged; what caused it stays done.
    transaction.on_commit(purge_everything, robust=True)


def places_changed(translation_key, listings=True):
    """After commit: the pages of this list (every language) and, with `listings`, the pages
    listing them, which show only whether a list is full: a caller that knows it did not fill
    or open up leaves them. Which addresses those are changes only with what purges every
    page: they are kept with the pages, so a registration's purge reads no page."""

    def addresses():
        pages = list(Page.objects.live().filter(translation_key=translation_key).specific())
        listed = Q(pk__in=[])
        for page in pages if listings else []:
            listed |= page.places_listings()
        # The pages only: their feeds (`get_cached_paths`) show no places.
        urls = {page.get_full_url() for page in [*pages, *Page.objects.live().filter(listed)]}
        return sorted(urls - {None})

    def purge():
        urls = kept_with_pages("places-urls", addresses, translation_key, listings)
        # Now, not through a task as PurgeBatch does it: the page the visitor is sent to next
        # must show the new count, whatever task backend runs Wagtail's other work.
        for backend in get_backends().values():
            backend.purge_batch(urls)

    transaction.on_commit(purge, robust=True)
