"""The shared cache of anonymous pages, in the default cache (Redis).

A response goes in only when the view declared it shareable (`shared`: `Cache-Control: public,
s-maxage`), to a GET or HEAD without a session cookie, with status 200 and no cookie of its
own. Signed-link pages, the passport, form outcomes and errors never declare it.

Entries are keyed by path and query string under two generations, the site's and the path's:
purging a path (see `backends.PageCacheBackend`, called through wagtail.contrib.frontend_cache)
moves the path's generation on, so every query-string variant of it (the agenda's filters and
pages) goes at once; purging everything moves the site's. Entries of a former generation are
never read again, and expire.
"""

import hashlib
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

SAFE_METHODS = ("GET", "HEAD")


def shared(response):
    """Declare a response the same for every anonymous visitor: shared caches (this one, the
    reverse proxy) keep it until purged or for PAGE_CACHE_SECONDS; browsers ask again."""
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS)
    return response


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:32]


SITE_GENERATION = "pagecache:generation"
# The site's generation as the current request first read it (see `one_generation`).
_seen = ContextVar("pagecache_seen", default=None)


@contextmanager
def one_generation():
    """Around a request (`middleware`): the site's generation is read once, and everything the
    request keeps or reads with the pages is of that generation, or of the one its own purge
    started."""
    token = _seen.set({})
    try:
        yield
    finally:
        _seen.reset(token)


def _site_generation(read=None):
    """The site's generation: the request's, or `read` (just read with a path's), or read now."""
    seen = _seen.get()
    if seen is not None and "site" in seen:
        return seen["site"]
    generation = cache.get(SITE_GENERATION, "0") if read is None else read
    if seen is not None:
        seen["site"] = generation
    return generation


def _generation_key(path):
    return f"{SITE_GENERATION}:{_digest(path)}"


def cacheable_request(request):
    return (
        request.method in SAFE_METHODS
        and settings.PAGE_CACHE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith("/admin/")
    )


def shareable(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "s-maxage" in control
        and "private" not in control
        and "no-store" not in control
        and "cookie" not in response.get("Vary", "").lower()
    )


def entry_key(request):
    """One cache read for both generations."""
    path_key = _generation_key(request.path)
    generations = cache.get_many([SITE_GENERATION, path_key])
    return ":".join(
        [
            "pagecache:page",
            _digest(request.path),
            _site_generation(read=generations.get(SITE_GENERATION, "0")),
            generations.get(path_key, "0"),
            _digest(request.META.get("QUERY_STRING", "")),
        ]
    )


def _new_generations(keys):
    # One write for them all; a generation outlives the entries stored under the one before.
    generations = {key: uuid.uuid4().hex[:12] for key in keys}
    cache.set_many(generations, settings.PAGE_CACHE_SECONDS * 2)
    if SITE_GENERATION in generations and (seen := _seen.get()) is not None:
        seen["site"] = generations[SITE_GENERATION]


def purge_paths(paths):
    _new_generations([_generation_key(path) for path in paths])


def purge_site():
    _new_generations([SITE_GENERATION])


def fragment(request, name, compute, *parts):
    """What `compute()` returns for anonymous visitors of this address, kept with the pages
    (navigation, breadcrumbs, language links, footer): whatever changes them purges every page,
    so the site's generation is in the key. Staff previews and sessions compute it afresh."""
    if request is None or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return compute()
    return kept_with_pages(name, compute, *parts)


def kept_with_pages(name, compute, *parts):
    """What `compute()` returns, kept until the next change that purges every page (a page
    published, a setting or a snippet saved): it must depend on nothing else than `parts`.
    None is not kept: it is computed again next time."""
    seconds = settings.PAGE_CACHE_SECONDS
    if not seconds:
        return compute()
    key = ":".join(["pagecache:fragment", name, _site_generation(), _digest(repr(parts))])
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(key, value, seconds)
    return value
