"""The demo site on a live server, driven by Debian's Chromium through Playwright.

The demo content takes tens of seconds to build, so it is built once for the whole browser
package and served by pytest-django's live server; `live_server` itself is not used because
it pulls a transactional database that is flushed after every test.
"""

import os

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls there
# unless told that this thread only ever runs synchronous code, which is the case in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from pytest_django.live_server_helper import LiveServer  # noqa: E402
from wagtail.models import Collection  # noqa: E402

from home.sites import sync_default_site  # noqa: E402
from tests.smtp import SmtpSink, Worker  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ADMIN = ("browser-admin", "admin@example.org", "browser-admin-password")
SEARCH = {"fr": "/fr/recherche/", "en": "/en/search/"}
PASSPORT = {"fr": "/fr/passeport/", "en": "/en/passport/"}
PROPOSE = {
    "fr": "/fr/associations/proposer-une-mission/",
    "en": "/en/associations/propose-a-mission/",
}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def pytest_configure(config):
    # Registered by xdist too; repeated here so `-p no:xdist` runs keep --strict-markers.
    config.addinivalue_line("markers", "xdist_group(name): run these tests on one worker")


def pytest_collection_modifyitems(items):
    """One xdist worker runs the whole browser package (`--dist loadgroup`): one demo site,
    one browser. The database mark makes pytest-django create the test database."""
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.xdist_group("browser"))
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker, migrated_state):
    """The demo content, committed to the test database, then the migrated state restored
    (as Django's serialized rollback does) so later tests on this worker start clean."""
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            # The live server writes (registrations, renditions) while its other threads and
            # this one read: with SQLite's write-ahead log, readers never block the writer.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode=WAL")
        if not Collection.objects.exists():
            # Transactional tests that ran before on this worker left the database empty:
            # put back what the migrations made, as their serialized rollback does.
            connection.creation.deserialize_db_from_string(migrated_state)
        migrated = connection.creation.serialize_db_to_string()
        call_command("load_demo_content", verbosity=0)
        get_user_model().objects.create_superuser(*ADMIN)
        yield
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(migrated)


@pytest.fixture(scope="package")
def server(demo_site, django_db_blocker):
    """The live server's base URL, which is the site's address (SITE_URL) meanwhile. The server
    answers on 'localhost' only: any other host a page asks for is a third party."""
    with django_db_blocker.unblock():
        live = LiveServer("localhost")
        # The page cache on, as in production: the live server commits, so purges run.
        with override_settings(SITE_URL=live.url, PAGE_CACHE_SECONDS=600):
            sync_default_site()
            yield live.url
        sync_default_site()
        live.stop()


@pytest.fixture(scope="package", autouse=True)
def _renditions(urls, django_db_blocker):
    """Render every page once before the browser comes, so that image renditions exist:
    creating them inside the live server's concurrent requests is slow and locks SQLite."""
    client = Client()
    with django_db_blocker.unblock():
        for path in urls.values():
            client.get(path)
        if connection.vendor == "sqlite":
            # Each test runs in a transaction on this thread's connection (the django_db mark);
            # begun IMMEDIATE, as the settings ask, it would hold SQLite's write lock for the
            # whole test and the live server could not save a registration. The tests only
            # read, so a deferred transaction takes no lock.
            connection.ensure_connection()
            connection.transaction_mode = None


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh tab with no cookies, French as the browser's language. Whatever the test does
    there, the Content-Security-Policy must refuse nothing the site itself asked for."""
    context = browser.new_context(
        base_url=server, locale="fr-FR", viewport={"width": 1280, "height": 900}
    )
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    refused = []
    tab.on(
        "console",
        lambda message: "Content Security Policy" in message.text and refused.append(message.text),
    )
    yield tab
    context.close()
    assert not refused, "\n".join(refused)


@pytest.fixture
def mail(settings, server):
    """The SMTP server, and the worker sending the outbox to it; the live server only queues."""
    settings.REGISTRATION_EMAILS_SEND_AT_COMMIT = False
    with SmtpSink() as sink, Worker(sink.port, site_url=server):
        yield sink


@pytest.fixture(scope="package")
def urls(demo_site, django_db_blocker):
    """The path of one page of each type in each language, from the demo content."""
    from charters.models import CharterPage, ProgrammePage
    from communities.models import CommunityIndexPage, CommunityPage, KitPage
    from events.models import ArrondissementPage, EventIndexPage, EventPage
    from home.models import HomePage, StandardPage
    from registrations.factories import RegistrationFactory
    from volunteers.models import PassportLink

    types = {
        "home": HomePage,
        "standard": StandardPage,
        "community_index": CommunityIndexPage,
        "community": CommunityPage,
        "kit": KitPage,
        "charter": CharterPage,
        "programme": ProgrammePage,
        "agenda": EventIndexPage,
        "arrondissement": ArrondissementPage,
    }
    found = {}
    with django_db_blocker.unblock():
        for name, model in types.items():
            for language in ("fr", "en"):
                page = model.objects.live().filter(locale__language_code=language).first()
                found[name, language] = page.url
        now = timezone.now()
        for language in ("fr", "en"):
            # The next event open for registration: the one the journeys register for.
            event = (
                EventPage.objects.live()
                .filter(
                    locale__language_code=language,
                    registration_enabled=True,
                    registration_opens_at__lte=now,
                    registration_closes_at__gt=now,
                    allocation=EventPage.Allocation.FIRST_COME,
                )
                .order_by("start")
                .first()
            )
            found["event", language] = event.url
            found["search", language] = f"{SEARCH[language]}?q=canicule"
            found["404", language] = f"/{language}/cette-page-n-existe-pas/"
            found["passport_request", language] = PASSPORT[language]
            found["propose_mission", language] = PROPOSE[language]
            # A passport with a registration in it, opened by its secret link.
            email = f"passeport.{language}@example.org"
            RegistrationFactory(page=event, email=email, first_name="Dominique")
            token = PassportLink.issue(email, PassportLink.Purpose.PASSPORT)
            found["passport", language] = f"{PASSPORT[language]}{token}/"
    return found
