"""Search finds a word's other forms in each language (PostgreSQL's stemming, SQLite's prefix
matching: this file runs on both), and each result says what it is and its date."""

import datetime
import re

import pytest
from django.db import connection

from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page, translate):
    """A page that says only « bénévoles » / "volunteers", and one that does not."""
    page = StandardPageFactory(
        parent=home_page,
        title="Agir ensemble",
        introduction="Les bénévoles de la Ville font vivre la vie associative.",
        date=datetime.date(2026, 3, 1),
    )
    StandardPageFactory(parent=home_page, title="Nous écrire", introduction="Un formulaire.")
    english = translate(
        page, title="Acting together", introduction="The City's volunteers act together."
    )
    return page, english


def results(client, url, query):
    html = client.get(url, {"q": query}).content.decode()
    return re.findall(
        r'<h3 class="search-result__title"><a href="[^"]*">([^<]*)</a></h3>\s*'
        r'<p class="search-result__meta">([^<]*)</p>',
        html,
    )


def test_the_singular_finds_the_plural_in_french_and_in_english(client, pages):
    assert [title for title, _meta in results(client, "/fr/recherche/", "bénévole")] == [
        "Agir ensemble"
    ]
    assert [title for title, _meta in results(client, "/en/search/", "volunteer")] == [
        "Acting together"
    ]
    assert results(client, "/fr/recherche/", "canicule") == []
    if connection.vendor == "postgresql":
        # French stemming proper, which English rules miss: the masculine finds the feminine.
        assert [title for title, _meta in results(client, "/fr/recherche/", "associatif")] == [
            "Agir ensemble"
        ]


def test_each_result_says_its_type_and_date(client, pages, home_page):
    EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page),
        title="Forum des bénévoles",
        start=datetime.datetime(2031, 1, 14, 17, 30, tzinfo=datetime.UTC),
    )
    found = dict(results(client, "/fr/recherche/", "bénévoles"))
    assert found["Agir ensemble"] == "Page standard · 1er mars 2026"
    assert found["Forum des bénévoles"] == "Événement · 14 janvier 2031"
