"""Wagtail's page view, its routing kept with the pages.

On every request Wagtail finds the site (one query), the root page in the request's language
and the page at the path (three to five more). Both answers change only with what purges every
page (a page published, moved or deleted, a site or locale saved), so they are kept with the
pages and handed to Wagtail in the request attributes where it keeps them itself. A page's
own sub-routes (a feed, a PDF) and addresses that are no page are routed as Wagtail does,
with the site kept.

A page type can read, before its page is kept, what serving it would read on every request
(`prepare_to_keep()`): that is kept with it.
"""

from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .cache import fragment


def serve(request, path):
    host, port = request.get_host(), request.get_port()
    # One read for the site and the page at an address, the usual case.
    route = fragment(
        request, "route", lambda: route_at(request, path), host, port, get_language(), path
    )
    if route is None:
        request._wagtail_site = fragment(
            request, "site", lambda: Site.find_for_request(request), host, port
        )
    else:
        request._wagtail_site, page = route
        try:
            request._wagtail_route_for_request = page.route(request, [])
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def route_at(request, path):
    """(The site, the live page whose address is the whole of `path`) as Wagtail routes them,
    or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    route = Page.route_for_request(request, path)
    if route is None:
        return None
    page, components = route[0], [part for part in path.split("/") if part]
    # The site's root and its translations are at the same depth.
    if page.depth - site.root_page.depth != len(components):
        return None
    if hasattr(page, "prepare_to_keep"):
        page.prepare_to_keep()
    return site, page
