import datetime
import os
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource

from charters.factories import CharterPageFactory, ProgrammePageFactory
from communities.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    CommunityPartnerFactory,
    KitPageFactory,
)
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage
from home.factories import StandardPageFactory
from home.models import HomePage
from registrations.models import Registration
from staff.factories import (
    UserFactory,
    build_two_communities,
    coordinators_of,
    send_for_translation,
)
from staff.roles import COMMUNICATION, TRANSLATORS, setup_roles


def pytest_sessionfinish(session):
    """SQLite's write-ahead log outlives the test database pytest-django deletes: remove it,
    so that no test database is left behind."""
    database = getattr(settings, "TEST_DATABASE", None)
    if database is not None:
        for leftover in ("-wal", "-shm"):
            database.with_name(database.name + leftover).unlink(missing_ok=True)


@pytest.fixture(scope="session", autouse=True)
def _own_cache_key_space():
    """Test processes share one Redis database (xdist workers, other runs on the machine):
    each gets its own key prefix, so clearing its keys never touches another's."""
    caches = {**settings.CACHES}
    default = caches["default"] = {**caches["default"]}
    default["KEY_PREFIX"] = f"{default.get('KEY_PREFIX', 'test')}-{os.getpid()}"
    with override_settings(CACHES=caches):
        yield


# The paths of the signed links in both languages.
LINK_PATHS = {
    "cancel": "(?:fr/inscriptions/annuler|en/registrations/cancel)",
    "confirm": "(?:fr/inscriptions/confirmer|en/registrations/confirm)",
    "parent": "(?:fr/inscriptions/parent|en/registrations/parent)",
}


def email_links(message, name):
    """The paths of an email's signed links of one kind ('confirm', 'cancel', 'parent'), each
    of which must stand on the site's address."""
    pattern = rf"{re.escape(settings.SITE_URL)}(/{LINK_PATHS[name]}/[^/\s\"]+/)"
    return re.findall(pattern, message.body)


def clear_cache():
    """Delete this process's keys only; FLUSHDB (cache.clear()) would wipe the other
    processes' keys in the middle of their tests."""
    cache.delete_pattern("*")


@pytest.fixture(autouse=True)
def _clear_cache(_own_cache_key_space):
    """The cache is the real Redis: start every test from an empty key space."""
    clear_cache()
    yield
    clear_cache()


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


@pytest.fixture
def translate(locale_en):
    """Translate a page into English through wagtail-localize, as an editor would.

    Untranslated ancestors are translated first (wagtail-localize needs the parent's
    translation). Keyword arguments are the English texts typed in the translation editor;
    untranslated strings keep the French source text.
    """

    def _translate(page, **english_fields):
        page = page.specific
        for ancestor in page.get_ancestors()[1:]:
            if not ancestor.has_translation(locale_en):
                _translate(ancestor)
        source, _ = TranslationSource.update_or_create_from_instance(page)
        translation, _ = source.create_or_update_translation(
            locale_en, publish=False, fallback=True
        )
        translation = translation.get_latest_revision_as_object()
        for name, value in english_fields.items():
            setattr(translation, name, value)
        # wagtail-localize publishes on transaction commit, which a test never reaches.
        translation.save_revision().publish()
        translation.refresh_from_db()
        return translation

    return _translate


@pytest.fixture
def staff_site(home_page, translate, locale_en):
    """The two communities of `staff.factories.build_two_communities`, the English home page,
    the rescue event sent for translation (an English draft) and the staff roles."""
    pages = build_two_communities(home_page)
    pages["home"] = home_page
    pages["home_en"] = translate(home_page)
    # Sent for translation as Communication does it: an English draft, synced.
    send_for_translation(pages["rescue_event"], locale_en)
    pages["rescue_event_en"] = pages["rescue_event"].get_translation(locale_en)
    pages["rescue_en"] = pages["rescue"].get_translation(locale_en)
    setup_roles()
    return pages


# One member of each role on `staff_site`; a module building its own site overrides them.


@pytest.fixture
def communication(staff_site):
    return UserFactory(groups=[Group.objects.get(name=COMMUNICATION)])


@pytest.fixture
def rescue_coordinator(staff_site):
    return UserFactory(groups=[coordinators_of(staff_site["rescue"])])


@pytest.fixture
def translator(staff_site):
    return UserFactory(groups=[Group.objects.get(name=TRANSLATORS)])


@pytest.fixture
def site_pages(home_page):
    """One published page of each type, in French, where the demo content puts them."""
    community_index = CommunityIndexPageFactory(parent=home_page)
    community = CommunityPageFactory(
        parent=community_index,
        title="Solidarité",
        slug="solidarite",
        motto="Agir contre la grande exclusion",
    )
    CommunityPartnerFactory(
        page=community, association__name="Association des maraudes solidaires"
    )
    training = EventPageFactory(
        parent=community,
        training=True,
        title="Formation aux maraudes",
        start=timezone.now() + datetime.timedelta(days=3),
        community=community,
    )
    agenda = EventIndexPageFactory(parent=home_page)
    programme = ProgrammePageFactory(
        parent=home_page,
        benefits__0__benefit__title="Des visites insolites",
        activities__0__activity__title="Les ateliers citoyens",
    )
    pages = {
        "home": home_page,
        "standard": StandardPageFactory(
            parent=home_page,
            title="Genèse du programme",
            body__0__paragraph__value="<p>Le programme est né en 2015.</p>",
        ),
        "community_index": community_index,
        "community": community,
        "kit": KitPageFactory(
            parent=community,
            title="Le Volontaire et la canicule",
            summary="Repérer les personnes fragiles pendant les fortes chaleurs.",
            body__0__steps__0__title="Prendre des nouvelles des voisins isolés",
        ),
        "agenda": agenda,
        "event": EventPageFactory(
            parent=agenda,
            title="Soirée de l'engagement",
            venue="Salle des fêtes de l'Hôtel de Ville",
            programme__0__item__title="Conférence sur la résilience",
            community=community,
        ),
        "mission": EventPageFactory(
            parent=community,
            kind=EventPage.Kind.MISSION,
            title="Maraude de la Nuit de la Solidarité",
            community=community,
            required_training=training,
        ),
        "charter": CharterPageFactory(
            parent=home_page,
            title="Charte des Volontaires de Paris",
            commitments__0__commitment__title="Respecter les personnes accompagnées",
        ),
        "programme": programme,
    }
    return pages


class _TextExtractor(HTMLParser):
    """The text a reader sees: tags, scripts and styles dropped, entities decoded."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in {"script", "style", "template"}

    def handle_endtag(self, tag):
        self._skip -= tag in {"script", "style", "template"} and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


@pytest.fixture
def page_text():
    """Visible text of a response, whitespace collapsed, to assert what a visitor reads."""

    def _page_text(response):
        parser = _TextExtractor()
        parser.feed(response.content.decode())
        return " ".join(" ".join(parser.parts).split())

    return _page_text


DATABASE_FIXTURES = {"db", "transactional_db", "live_server"}


@pytest.fixture(scope="session", autouse=True)
def migrated_state(request, django_db_setup, django_db_blocker):
    """The test database as the migrations left it, taken before any test, to put back after
    a transactional test's flush (the browser tests need the whole of it). None when no test
    of the run uses the database: pytest-django then sets none up, and the connection is the
    development database's."""
    from django.db import connection

    if not any(
        item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames)
        for item in request.session.items
    ):
        yield None
        return
    with django_db_blocker.unblock():
        yield connection.creation.serialize_db_to_string()
        if connection.vendor == "postgresql":
            # A live server's request thread still on a browser's keep-alive socket holds its
            # persistent connection (CONN_MAX_AGE); end it, or the test database cannot be
            # dropped and stays behind.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


# A POST as a browser sends it from one of the site's own pages.
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


def form_data(page, **overrides):
    """A valid registration for `page`; an override of None leaves that field out."""
    data = {
        "first_name": "Camille",
        "last_name": "Dupont",
        "email": "camille.dupont@example.org",
        "consent": "on",
        "form_page": page.pk,
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


# 18:30 to 21:00 in Paris (UTC+1 in winter): 17:30 to 20:00 UTC.
START = datetime.datetime(2031, 1, 14, 17, 30, tzinfo=datetime.UTC)


@pytest.fixture
def event(home_page):
    """An upcoming forum at a fixed time, one place and a waiting list."""
    agenda = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(
        parent=agenda,
        title="Forum des Volontaires",
        start=START,
        end=START + datetime.timedelta(hours=2, minutes=30),
        venue="Salle des fêtes de l'Hôtel de Ville",
        address="5 rue de Lobau, 75004 Paris",
        capacity=1,
        waiting_list_enabled=True,
    )


@pytest.fixture
def register(client, django_capture_on_commit_callbacks):
    """Register from the page as a browser does; the emails go on commit. Returns that page's
    registration."""

    def _register(page, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(page.url, form_data(page, **overrides), **SAME_ORIGIN)
        errors = re.findall(
            r'<section class="registration".*?</section>', response.content.decode(), re.S
        )
        assert response.status_code == 303, errors
        email = form_data(page, **overrides)["email"]
        # The latest: an address may hold several on a page (one refused, one taken later).
        return Registration.objects.filter(
            translation_key=page.translation_key, email=email
        ).latest("pk")

    return _register
