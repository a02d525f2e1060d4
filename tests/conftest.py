import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from home.models import HomePage


@pytest.fixture(autouse=True)
def _clear_cache():
    """The cache is the real Redis: start every test from an empty key space."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locale_fr(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def locale_en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def home_page(locale_fr, locale_en):
    """The French home page at the root of the default site, as the demo content sets it up."""
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Volontaires de Paris",
            slug="accueil",
            hero_title="Agir pour Paris, avec les Volontaires",
            locale=locale_fr,
        )
    )
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    old_root.delete()
    return home
