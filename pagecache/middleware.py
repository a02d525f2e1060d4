from django.conf import settings
from django.core.cache import cache

from .cache import cacheable_request, entry_key, one_generation, shareable

HEADER = "X-Page-Cache"


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors from the shared cache, before any middleware that could read
    the database: a hit costs two cache reads and no query. Placed after WhiteNoise (static
    files) and before the session; the security headers are added on the way out, to hits
    too. A cache down or hung answers as a miss (settings.REDIS_OPTIONS): pages are then served
    uncached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_generation():
            return self._serve(request)

    def _serve(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = entry_key(request)
        response = cache.get(key)
        if response is not None:
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if shareable(response):
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response
