"""Wagtail's page view, its routing kept with the pages.

On every request Wagtail finds the site (one query), the root page in the request's language
and the page at the path (three to five more). Both answers change only with what purges every
page (a page published, moved or deleted, a site or locale saved), so they are kept with the
pages and handed to Wagtail in the request attributes where it keeps them itself. A page's
own sub-routes (a feed, a PDF) and addresses that are no page are routed as Wagtail does.

A page type can read, before its page is kept, what serving it would read on every request
(`prepare_to_keep()`): that is kept with it.
"""

from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .cache import fragment


def serve(request, path):
    site = fragment(
        request,
        "site",
        lambda: Site.find_for_request(request),
        request.get_host(),
        request.get_port(),
    )
    request._wagtail_site = site
    if site is not None:
        page = fragment(
            request, "page", lambda: page_at(request, path), site.pk, get_language(), path
        )
        if page is not None:
            try:
                request._wagtail_route_for_request = page.route(request, [])
            except Http404:
                request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def page_at(request, path):
    """The live page whose address is the whole of `path`, as Wagtail routes it, or None."""
    route = Page.route_for_request(request, path)
    if route is None:
        return None
    page, components = route[0], [part for part in path.split("/") if part]
    # The site's root and its translations are at the same depth.
    if page.depth - request._wagtail_site.root_page.depth != len(components):
        return None
    if hasattr(page, "prepare_to_keep"):
        page.prepare_to_keep()
    return page
