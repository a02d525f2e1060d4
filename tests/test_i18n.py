"""The language switcher and what a visitor gets when a page has no translation."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from tests.test_pages_render import FRENCH


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])


def links(response):
    parser = _Links()
    parser.feed(response.content.decode())
    return parser.hrefs


@pytest.fixture
def home_page_en(home_page, translate):
    return translate(home_page, title="Volunteers of Paris", hero_title="Act for Paris")


@pytest.mark.parametrize("page_type", FRENCH)
def test_switcher_links_each_page_to_its_translation(client, site_pages, translate, page_type):
    page = site_pages[page_type]
    translation = translate(page, title=f"{page.title} (English)")
    assert translation.url != page.url

    french = client.get(page.url)
    assert french.status_code == 200
    assert translation.url in links(french)

    english = client.get(translation.url)
    assert english.status_code == 200
    assert page.url in links(english)


def test_an_untranslated_page_offers_the_english_home_page(client, site_pages, home_page_en):
    kit = site_pages["kit"]
    response = client.get(kit.url)
    assert response.status_code == 200
    assert home_page_en.url in links(response)
    assert client.get(home_page_en.url).status_code == 200


def test_an_untranslated_page_has_no_english_address(client, site_pages, home_page_en):
    kit = site_pages["kit"]
    english_path = "/en/" + kit.url.removeprefix("/fr/")
    assert client.get(english_path).status_code == 404


def test_without_any_english_content_pages_still_render(client, site_pages):
    for page in site_pages.values():
        response = client.get(page.url)
        assert response.status_code == 200
        # No English home page yet: no link may lead to an English dead end.
        for href in links(response):
            if href.startswith("/en/"):
                assert client.get(href).status_code == 200, href


def test_search_links_to_the_same_search_in_the_other_language(client, home_page_en):
    response = client.get("/fr/recherche/", {"q": "canicule"})
    assert response.status_code == 200
    assert "/en/search/?q=canicule" in links(response)


def test_addresses_are_written_in_their_language(client, home_page_en):
    assert client.get("/en/search/", {"q": "canicule"}).status_code == 200
    # Each language keeps its own words: the other language's are not found.
    assert client.get("/en/recherche/").status_code == 404
    assert client.get("/fr/search/").status_code == 404
    with translation.override("en"):
        cancel = reverse("registrations:cancel", kwargs={"token": "t"})
    with translation.override("fr"):
        confirm = reverse("registrations:confirm", kwargs={"token": "t"})
    assert (cancel, confirm) == ("/en/registrations/cancel/t/", "/fr/inscriptions/confirmer/t/")


@pytest.mark.parametrize(
    ("accept_language", "prefix"), [("fr-FR,fr", "/fr/"), ("en-GB,en", "/en/")]
)
def test_the_bare_address_redirects_to_the_visitor_language(
    client, home_page_en, accept_language, prefix
):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == prefix
    assert client.get(prefix).status_code == 200


def test_an_address_without_its_language_is_found_under_the_visitor_language(client, home_page):
    response = client.get("/recherche/", headers={"accept-language": "fr-FR,fr"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/recherche/"


def test_the_admin_says_not_found_itself_rather_than_sending_staff_to_the_public_site(
    admin_client, home_page
):
    response = admin_client.get("/admin/pages/999999/edit/")
    assert response.status_code == 404
    assert "Location" not in response
