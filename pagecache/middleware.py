import logging

from django.conf import settings
from django.core.cache import cache
from redis.exceptions import RedisError

from .cache import cacheable_request, entry_key, shareable

logger = logging.getLogger(__name__)
HEADER = "X-Page-Cache"
# A cache that cannot be reached costs speed, never a page.
CACHE_ERRORS = (RedisError, OSError)


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors from the shared cache, before any middleware that could read
    the database: a hit costs two cache reads and no query. Placed after WhiteNoise (static
    files) and before the session; the security headers are added on the way out, to hits
    too. When the cache is down, pages are served uncached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        try:
            key = entry_key(request)
            response = cache.get(key)
        except CACHE_ERRORS as error:
            logger.warning("Page cache unavailable: %s", error)
            return self.get_response(request)
        if response is not None:
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if shareable(response):
            try:
                cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            except CACHE_ERRORS as error:
                logger.warning("Page cache unavailable: %s", error)
            response[HEADER] = "miss"
        return response
