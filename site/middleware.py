from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware import locale
from django.urls import is_valid_path
from django.utils import translation


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, except that a 404 from a view outside the language prefixes stays a 404.

    Django redirects any unprefixed 404 to the same path under /fr/ or /en/, which suits a
    visitor who typed a public address without its language. But the admin's own "not found"
    (a deleted page's edit link, say) would go to /fr/admin/…, which the public site's
    catch-all page route answers with the public 404 page.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and is_valid_path(
            request.path_info, getattr(request, "urlconf", None)
        ):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's, with settings.ADMIN_CONTENT_SECURITY_POLICY for the admin's pages."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts
