"""What search engines and social networks read: canonical URLs, translations, Open Graph,
schema.org JSON-LD, the sitemap and robots.txt."""

import json
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from icalendar import Calendar
from wagtail.models import Site

from home.sites import sync_default_site
from volontaires.settings.base import site_address

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class _Head(HTMLParser):
    """The <link> and <meta> elements, and the JSON-LD scripts' contents."""

    def __init__(self):
        super().__init__()
        self.links, self.metas, self.json_ld = [], {}, []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and "property" in attrs:
            self.metas[attrs["property"]] = attrs["content"]
        self._in_json_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in_json_ld = False


def head(response):
    parser = _Head()
    parser.feed(response.content.decode())
    return parser


def link_hrefs(parsed, rel):
    return {link.get("hreflang"): link["href"] for link in parsed.links if link["rel"] == rel}


@pytest.fixture
def translated(site_pages, translate):
    """The French event and its English translation."""
    event = site_pages["event"]
    return event, translate(event, title="Commitment evening")


def test_canonical_url_and_alternates_between_translations(client, translated):
    french, english = translated
    for page in (french, english):
        parsed = head(client.get(page.url))
        assert link_hrefs(parsed, "canonical") == {None: page.full_url}
        assert link_hrefs(parsed, "alternate") == {
            "fr": french.full_url,
            "en": english.full_url,
            "x-default": french.full_url,
        }


def test_untranslated_page_announces_no_alternate(client, site_pages):
    parsed = head(client.get(site_pages["charter"].url))
    assert "en" not in link_hrefs(parsed, "alternate")


def test_open_graph_describes_the_page(client, translated):
    _french, english = translated
    metas = head(client.get(english.url)).metas
    assert metas["og:title"] == "Commitment evening"
    assert metas["og:url"] == english.full_url
    assert metas["og:locale"] == "en_GB"
    assert metas["og:type"]
    assert metas["og:site_name"] == "Volontaires de Paris"


def test_event_json_ld_has_location_and_offer(client, site_pages):
    event = site_pages["event"]
    (data,) = head(client.get(event.url)).json_ld
    assert data["@type"] == "Event"
    assert data["name"] == "Soirée de l'engagement"
    assert data["location"]["name"] == "Salle des fêtes de l'Hôtel de Ville"
    assert data["location"]["address"]["addressLocality"] == "Paris"
    assert data["offers"]["availability"].startswith("https://schema.org/")
    assert data["offers"]["price"] == "0"


def test_home_json_ld_names_the_organization(client, site_pages):
    (data,) = head(client.get(site_pages["home"].url)).json_ld
    assert data["@type"] == "Organization"
    assert data["name"] == "Volontaires de Paris"
    assert data["parentOrganization"]["name"] == "Ville de Paris"


def test_sitemap_lists_both_languages(client, site_pages, translate):
    english = translate(site_pages["kit"], title="Volunteers and heatwaves")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {
        element.text
        for element in ElementTree.fromstring(response.content).findall(
            "sm:url/sm:loc", SITEMAP_NS
        )
    }
    assert site_pages["kit"].full_url in locations
    assert english.full_url in locations
    assert site_pages["home"].full_url in locations


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_every_absolute_url_is_on_the_site_address_whatever_host_was_asked(
    client, settings, translated, site_pages
):
    """Behind a proxy, or reached as 127.0.0.1, the site still writes its one public address:
    canonical and hreflang links, Open Graph, JSON-LD, the sitemap, robots.txt, calendars."""
    settings.SITE_URL = "https://volontaires.paris.fr"
    sync_default_site()
    french, english = translated
    host = {"HTTP_HOST": "127.0.0.1:8000"}

    parsed = head(client.get(french.url, **host))
    assert link_hrefs(parsed, "canonical") == {None: f"https://volontaires.paris.fr{french.url}"}
    assert link_hrefs(parsed, "alternate")["en"].startswith("https://volontaires.paris.fr/en/")
    assert parsed.metas["og:url"] == link_hrefs(parsed, "canonical")[None]
    (event_data,) = parsed.json_ld
    assert event_data["url"] == link_hrefs(parsed, "canonical")[None]

    sitemap = ElementTree.fromstring(client.get("/sitemap.xml", **host).content)
    locations = [element.text for element in sitemap.findall("sm:url/sm:loc", SITEMAP_NS)]
    assert locations and all(url.startswith("https://volontaires.paris.fr/") for url in locations)
    robots = client.get("/robots.txt", **host).content.decode()
    assert "Sitemap: https://volontaires.paris.fr/sitemap.xml" in robots.splitlines()

    (vevent,) = Calendar.from_ical(client.get(f"{french.url}ical/", **host).content).walk("VEVENT")
    assert str(vevent["url"]) == link_hrefs(parsed, "canonical")[None]
    assert str(vevent["uid"]).endswith("@volontaires.paris.fr")


def test_migrating_gives_the_default_site_the_configured_address(settings, db):
    settings.SITE_URL = "https://volontaires.paris.fr"
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "volontaires.paris.fr",
        443,
        "https://volontaires.paris.fr",
    )


@pytest.mark.parametrize(
    "url", ["ftp://example.org", "https://example.org:8443", "http://example.org/fr/", "http://"]
)
def test_a_site_address_wagtail_cannot_write_is_refused_at_start(url):
    with pytest.raises(ImproperlyConfigured, match="SITE_URL"):
        site_address(url)
