"""The navigation template tags: language switcher, menu, footer links, and what they cost."""

from html.parser import HTMLParser

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from home.factories import StandardPageFactory
from home.models import SiteSettings


class _LinkCollector(HTMLParser):
    """Links of the language switcher (by hreflang), hreflang alternates and footer links."""

    def __init__(self):
        super().__init__()
        self.switcher, self.alternates, self.footer = {}, {}, []
        self._nav = self._footer = 0
        self._footer_href = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and "language-switcher" in (attrs.get("class") or ""):
            self._nav = 1
        elif tag == "footer":
            self._footer = 1
        elif tag == "a" and self._nav and attrs.get("hreflang"):
            self.switcher[attrs["hreflang"]] = attrs["href"]
        elif tag == "a" and self._footer:
            self._footer_href = attrs["href"]
        elif tag == "link" and attrs.get("rel") == "alternate":
            self.alternates[attrs["hreflang"]] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "nav":
            self._nav = 0
        elif tag == "footer":
            self._footer = 0
        elif tag == "a":
            self._footer_href = None

    def handle_data(self, data):
        if self._footer_href and data.strip():
            self.footer.append((data.strip(), self._footer_href))


def links(response):
    assert response.status_code in (200, 404)
    collector = _LinkCollector()
    collector.feed(response.content.decode())
    return collector


@pytest.fixture
def page(home_page):
    return StandardPageFactory(parent=home_page, title="Genèse du programme", slug="genese")


def test_a_page_links_to_its_english_translation_and_back(client, page, translate):
    english = translate(page, title="Origins of the programme", slug="origins")

    french_links = links(client.get(page.url))
    assert french_links.switcher == {"fr": page.url, "en": english.url}
    assert french_links.alternates["en"].endswith(english.url)
    assert french_links.alternates["x-default"].endswith(page.url)

    english_links = links(client.get(english.url))
    assert english_links.switcher == {"fr": page.url, "en": english.url}


def test_the_switcher_keeps_the_query_string(client, page, translate):
    """The agenda's archive or a list's page number stays chosen in the other language."""
    english = translate(page, title="Origins of the programme")

    found = links(client.get(page.url, {"archives": "1"}))

    assert found.switcher["en"] == f"{english.url}?archives=1"
    assert found.alternates["en"].endswith(english.url)


def test_an_untranslated_page_links_to_the_english_home_page(client, home_page, page, translate):
    english_home = translate(home_page, title="Volunteers of Paris")

    found = links(client.get(page.url))

    assert found.switcher["en"] == english_home.url
    # Search engines are only told about real translations.
    assert "en" not in found.alternates


def test_a_draft_translation_is_not_linked(client, home_page, page, translate):
    english_home = translate(home_page)
    translate(page, title="Origins of the programme").unpublish()

    assert links(client.get(page.url)).switcher["en"] == english_home.url


def test_without_any_english_page_the_switcher_offers_no_dead_end(client, page):
    response = client.get(page.url)

    assert response.status_code == 200
    assert "en" not in links(response).switcher


def test_search_links_to_the_same_search_in_english(client, home_page, translate):
    translate(home_page)

    found = links(client.get("/fr/recherche/", {"q": "canicule"}))

    assert found.switcher["en"] == "/en/search/?q=canicule"


def test_a_missing_page_links_to_each_home_page(client, home_page, translate):
    english_home = translate(home_page)

    response = client.get("/fr/cette-page-nexiste-pas/")

    assert response.status_code == 404
    assert links(response).switcher == {"fr": home_page.url, "en": english_home.url}


def test_footer_links_show_the_page_in_the_visitors_language(client, home_page, translate):
    translated = StandardPageFactory(parent=home_page, title="Mentions légales")
    untranslated = StandardPageFactory(parent=home_page, title="Communiqué de presse")
    privacy = StandardPageFactory(parent=home_page, title="Données personnelles")
    english_home = translate(home_page)
    english_legal = translate(translated, title="Legal notice")
    english_privacy = translate(privacy, title="Personal data")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_links = [("page", translated), ("page", untranslated)]
    site_settings.privacy_page = privacy
    site_settings.save()

    footer = links(client.get(english_home.url)).footer

    assert ("Legal notice", english_legal.url) in footer
    # Not translated yet: the French page rather than no link.
    assert ("Communiqué de presse", untranslated.url) in footer
    assert ("Personal data", english_privacy.url) in footer
    assert "Mentions légales" not in [text for text, _ in footer]


def test_footer_compliance_status_links_to_the_accessibility_statement(
    client, home_page, translate
):
    statement = StandardPageFactory(parent=home_page, title="Déclaration d'accessibilité")
    english_home = translate(home_page)
    english_statement = translate(statement, title="Accessibility statement")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.accessibility_page = statement
    site_settings.save()

    assert ("Accessibilité\u00a0: non conforme", statement.url) in links(
        client.get(home_page.url)
    ).footer
    assert ("Accessibility: not compliant", english_statement.url) in links(
        client.get(english_home.url)
    ).footer


NAVIGATION = """{% load navigation_tags %}
{% language_links as languages %}{% for l in languages %}{{ l.url }}{% endfor %}
{% main_menu as menu %}{% for item in menu %}{{ item.url }}{% endfor %}
{% breadcrumbs page as crumbs %}{% for c in crumbs %}{{ c.url }}{% endfor %}
{% site_footer %}
"""


@pytest.mark.parametrize("size", [2, 20])
def test_header_and_footer_cost_the_same_whatever_the_content(
    home_page, translate, django_assert_max_num_queries, size
):
    translate(home_page)
    sections = [StandardPageFactory(parent=home_page, show_in_menus=True) for _ in range(size)]
    page = StandardPageFactory(parent=sections[0])
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_links = [("page", section) for section in sections]
    site_settings.save()
    template = engines["django"].from_string(NAVIGATION)
    request = RequestFactory().get(page.url)

    # Site, the home page's and the page's translations, view restrictions, menu, breadcrumbs,
    # settings, footer.
    with translation.override("fr"), django_assert_max_num_queries(7):
        output = template.render({"page": page}, request)

    assert output.count(sections[-1].url) == 2  # in the menu and in the footer


def test_the_menu_leaves_out_a_private_section_until_it_opens(
    client, home_page, settings, django_capture_on_commit_callbacks
):
    # The view restrictions kept with the pages, as in production.
    settings.PAGE_CACHE_SECONDS = 600
    StandardPageFactory(parent=home_page, show_in_menus=True, title="Rubrique publique")
    private = StandardPageFactory(parent=home_page, show_in_menus=True, title="Rubrique réservée")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    def menu():
        html = client.get(home_page.url).content.decode()
        return html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]

    assert "Rubrique publique" in menu()
    assert "Rubrique réservée" not in menu()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert "Rubrique réservée" in menu()
