from django.middleware.csrf import REASON_BAD_ORIGIN, CsrfViewMiddleware

from pagecache.views import serve as page_view

REASON_CROSS_SITE = "Sec-Fetch-Site is cross-site."
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class SameOriginCsrfViewMiddleware(CsrfViewMiddleware):
    """Django's CSRF protection, plus a token-free path for the forms on public pages.

    A page carrying a form must stay cacheable, so it holds no CSRF cookie or token. Its POST
    is accepted when the browser proves it comes from this site: an `Origin` header matching the
    host (or CSRF_TRUSTED_ORIGINS), or else `Sec-Fetch-Site: same-origin`. A cross-site
    `Sec-Fetch-Site` or a foreign `Origin` is refused. Without either header, Django's token check
    applies as everywhere else; the admin and every other view keep the token check.

    `Sec-Fetch-Site: same-site` alone is not enough: it also covers sibling subdomains, which
    are not ours.
    """

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if request.method not in UNSAFE_METHODS or callback is not page_view:
            return super().process_view(request, callback, callback_args, callback_kwargs)
        if request.headers.get("Sec-Fetch-Site") == "cross-site":
            return self._reject(request, REASON_CROSS_SITE)
        if "HTTP_ORIGIN" in request.META:
            if self._origin_verified(request):
                return self._accept(request)
            return self._reject(request, REASON_BAD_ORIGIN % request.META["HTTP_ORIGIN"])
        if request.headers.get("Sec-Fetch-Site") == "same-origin":
            return self._accept(request)
        return super().process_view(request, callback, callback_args, callback_kwargs)
