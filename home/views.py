from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from .sites import site_url

SEARCH_MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    """Wagtail search over live public pages of the current language only."""
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        locale = Locale.objects.get(language_code=get_language())
        results = Page.objects.live().public().filter(locale=locale).specific().search(query)
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(request, "search.html", {"query": query, "results": page})


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {site_url('/sitemap.xml')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")
