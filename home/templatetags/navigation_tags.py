"""Header and footer navigation in the visitor's language, in a constant number of queries.

The translations of the site root (the home page in each language) are looked up once per
request, with the page's own, and shared by the language switcher, the main menu and the
breadcrumbs.
"""

from django import template
from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from pagecache.cache import fragment

from ..models import ListingQuerySet, SiteSettings

register = template.Library()


def _site(request):
    return Site.find_for_request(request) if request else None


def localized_homes(request, page=None):
    """Live translations of the site root by language code. The request's first call looks
    them up, and `page`'s translations in the same query (see `_page_translations`)."""
    if not hasattr(request, "_volontaires_homes"):
        request._volontaires_homes, request._volontaires_translations = {}, {}
        site = _site(request)
        if site:
            root_key = site.root_page.translation_key
            keys = {root_key}
            if isinstance(page, Page) and page.pk:
                keys.add(page.translation_key)
            found = {key: {} for key in keys}
            for p in Page.objects.live().filter(translation_key__in=keys).select_related("locale"):
                found[p.translation_key][p.locale.language_code] = p
            request._volontaires_homes = found[root_key]
            request._volontaires_translations = found
    return request._volontaires_homes


def _page_translations(request, page):
    """Live translations of a page, this page included, by language code; no query when the
    request's first `localized_homes` was for this page."""
    localized_homes(request, page)
    found = request._volontaires_translations.get(page.translation_key)
    if found is None:
        translations = Page.objects.live().filter(translation_key=page.translation_key)
        found = {p.locale.language_code: p for p in translations.select_related("locale")}
    found = dict(found)
    if all(p.pk != page.pk for p in found.values()):
        # A preview or a draft still links to itself.
        found[page.locale.language_code] = page
    return found


def _language_entry(code, current, url, full_url=None, translated=False):
    info = get_language_info(code)
    return {
        "code": code,
        "name": info["name_local"],
        "url": url,
        "full_url": full_url,
        "is_current": code == current,
        "is_translation": translated,
    }


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language in settings.LANGUAGES for the page or view being shown.

    A page links to its live translation, or to that language's home page when it has none.
    A view outside the page tree (search) links to the same view in the other language.
    A language with no home page at all is left out rather than linked to a dead end.
    """
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    return fragment(
        request,
        "languages",
        lambda: _language_links(request, page),
        request.get_full_path(),
        getattr(page, "pk", None),
    )


def _language_links(request, page):
    current = get_language()
    homes = localized_homes(request, page)  # The first to ask: with the page's translations.
    translations = {}
    if isinstance(page, Page):
        translations = _page_translations(request, page) if page.pk else {current: page}
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
            if request.GET:
                # The same view of the translation: archives, page number, filters.
                url = f"{url}?{request.GET.urlencode()}"
            links.append(
                _language_entry(code, current, url, target.get_full_url(request), translated=True)
            )
            continue
        match = getattr(request, "resolver_match", None)
        if page is None and match is not None and match.url_name not in (None, "wagtail_serve"):
            # The same view in that language, not a fallback to its home page.
            url = translate_url(request.get_full_path(), code)
            links.append(_language_entry(code, current, url, translated=True))
        elif code in homes:
            links.append(_language_entry(code, current, homes[code].get_url(request)))
    return links


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children shown in menus, in the current language, one query."""
    request = context.get("request")
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return fragment(
        request, "menu", lambda: _main_menu(request, current_path), get_language(), current_path
    )


def _main_menu(request, current_path):
    home = localized_homes(request).get(get_language()) if request else None
    if home is None:
        return []
    items = []
    # Public as the listings filter it: with the view restrictions kept with the pages.
    for item in ListingQuerySet(Page).child_of(home).live().public().in_menu():
        items.append(
            {
                "title": item.title,
                "url": item.get_url(request),
                "is_current": item.path == current_path,
                "is_ancestor": current_path.startswith(item.path) and item.path != current_path,
            }
        )
    return items


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the current language, for the site name link."""
    request = context.get("request")
    return fragment(request, "home", lambda: _home_url(request), get_language())


def _home_url(request):
    home = localized_homes(request).get(get_language()) if request else None
    if home is not None:
        return home.get_url(request)
    return f"/{get_language()}/"


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None):
    """The trail from the home page down to the page, the page itself excluded; one query.

    Outside the page tree (search, errors) the trail is the home page alone.
    """
    request = context.get("request")
    return fragment(
        request,
        "breadcrumbs",
        lambda: _breadcrumbs(request, page),
        get_language(),
        getattr(page, "pk", None),
    )


def _breadcrumbs(request, page):
    site = _site(request)
    if site is None:
        return []
    root_depth = site.root_page.depth
    if not isinstance(page, Page):
        home = localized_homes(request).get(get_language())
        return (
            [{"title": home.title, "url": home.get_url(request), "is_home": True}] if home else []
        )
    if page.depth <= root_depth:
        return []
    return [
        {"title": a.title, "url": a.get_url(request), "is_home": a.depth == root_depth}
        for a in page.get_ancestors().filter(depth__gte=root_depth)
    ]


@register.simple_tag
def index_page(model_label):
    """The live page of a listing type (e.g. "events.EventIndexPage") in the current language.

    For "see all" links from other pages; one query.
    """
    model = apps.get_model(model_label)
    return model.objects.live().filter(locale__language_code=get_language()).first()


@register.filter
def tel_uri(number):
    """A French phone number as written (« 01 42 76 49 61 ») as a tel: URI in E.164 form."""
    digits = "".join(c for c in number if c.isdigit() or c == "+")
    if len(digits) == 10 and digits.startswith("0"):
        digits = "+33" + digits[1:]
    return f"tel:{digits}"


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer, the same on every page of a language: rendered once and kept with the pages
    (saving the settings purges them)."""
    request = context["request"]
    return fragment(request, "footer", lambda: _site_footer(request), get_language())


def _site_footer(request):
    site_settings = SiteSettings.for_request(request)
    return render_to_string(
        "components/site_footer.html",
        {"site_settings": site_settings, "footer": _footer_pages(request, site_settings)},
        request=request,
    )


def _footer_pages(request, site_settings):
    """The footer links, the privacy and accessibility pages, in the visitor's language when
    translated.

    Like ``Page.localized`` (the translation, else the page itself), but one query for all.
    """
    ids = [block["value"] for block in site_settings.footer_links.raw_data if block["value"]]
    privacy_id = site_settings.privacy_page_id
    accessibility_id = site_settings.accessibility_page_id
    wanted = [*ids, *(pk for pk in (privacy_id, accessibility_id) if pk)]
    if not wanted:
        return {"links": [], "privacy": None, "accessibility": None}
    language = get_language()
    keys = Page.objects.filter(pk__in=wanted).values("translation_key")
    pages = list(
        Page.objects.filter(
            Q(pk__in=wanted) | Q(translation_key__in=keys, locale__language_code=language)
        ).select_related("locale")
    )
    by_id = {p.pk: p for p in pages}
    localized = {
        p.translation_key: p for p in pages if p.live and p.locale.language_code == language
    }

    def resolve(pk):
        original = by_id.get(pk)
        if original is None:
            return None
        page = localized.get(original.translation_key, original)
        if not page.live:
            return None
        return {"title": page.title, "url": page.get_url(request)}

    links = [link for link in map(resolve, ids) if link]
    return {
        "links": links,
        "privacy": resolve(privacy_id) if privacy_id else None,
        "accessibility": resolve(accessibility_id) if accessibility_id else None,
    }
