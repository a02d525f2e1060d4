"""Forgery protection without a cookie on cacheable pages, and the per-address rate limit."""

import ipaddress
import re

import pytest
from django.test import Client

from charters.factories import CharterPageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from registrations.models import Registration
from tests.conftest import form_data
from tests.test_registration import in_french


@pytest.fixture
def event(home_page):
    return EventPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=10)


@pytest.fixture
def browser():
    """A client that enforces CSRF protection as for a real browser, and has no cookie."""
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"HTTP_SEC_FETCH_SITE": "same-origin"}, id="sec-fetch-site"),
        pytest.param({"HTTP_ORIGIN": "http://testserver"}, id="origin"),
        pytest.param(
            {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"},
            id="both",
        ),
    ],
)
def test_a_same_site_post_from_the_cached_page_works_without_cookie(browser, event, headers):
    page = browser.get(event.url)
    assert not page.cookies

    response = browser.post(event.url, form_data(event), **headers)

    assert response.status_code == 303
    assert Registration.objects.count() == 1


def test_a_trusted_origin_is_accepted(browser, event, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://volontaires.paris.fr"]

    response = browser.post(
        event.url, form_data(event), HTTP_ORIGIN="https://volontaires.paris.fr"
    )

    assert response.status_code == 303
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"HTTP_SEC_FETCH_SITE": "cross-site"}, id="cross-site"),
        pytest.param(
            # A forged Origin cannot undo what the browser says about the request.
            {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
            id="cross-site-with-our-origin",
        ),
        pytest.param({"HTTP_ORIGIN": "https://evil.example"}, id="foreign-origin"),
        pytest.param(
            # Sibling subdomains are "same-site" but not ours.
            {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "https://autre.paris.fr"},
            id="same-site-sibling",
        ),
        pytest.param({"HTTP_ORIGIN": "null"}, id="opaque-origin"),
        pytest.param({}, id="no-proof-and-no-token"),
    ],
)
def test_a_post_from_another_site_is_refused(browser, event, headers):
    response = browser.post(event.url, form_data(event), **headers)

    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_without_origin_headers_django_token_still_works(browser, event):
    # Old browsers send neither header: a form holding Django's token is accepted.
    browser.get("/admin/login/")
    token = browser.cookies["csrftoken"].value

    response = browser.post(event.url, {**form_data(event), "csrfmiddlewaretoken": token})

    assert response.status_code == 303
    assert Registration.objects.count() == 1


def test_the_admin_keeps_the_token_check(browser, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "secret-password")

    response = browser.post(
        "/admin/login/",
        {"username": "editor", "password": "secret-password"},
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
    )

    assert response.status_code == 403


def test_submissions_are_limited_per_client_address(event, settings, page_text):
    settings.REGISTRATION_RATE_LIMIT = "3/d"
    same_origin = {"HTTP_SEC_FETCH_SITE": "same-origin"}
    for number in range(3):
        # A new client each time: the count lives in the shared cache, not in a cookie.
        response = Client(REMOTE_ADDR="192.0.2.10").post(
            event.url, form_data(event, email=f"person{number}@example.org"), **same_origin
        )
        assert response.status_code == 303

    response = Client(REMOTE_ADDR="192.0.2.10").post(
        event.url, form_data(event, email="person3@example.org"), **same_origin
    )
    assert response.status_code == 429
    message = in_french("Too many registrations from your connection. Please try again later.")
    assert message in page_text(response)
    assert "no-store" in response["Cache-Control"]
    assert Registration.objects.count() == 3

    response = Client(REMOTE_ADDR="192.0.2.11").post(
        event.url, form_data(event, email="neighbour@example.org"), **same_origin
    )
    assert response.status_code == 303
    assert Registration.objects.count() == 4


def test_behind_the_trusted_proxy_each_visitor_has_their_own_limit(event, settings):
    settings.REGISTRATION_RATE_LIMIT = "2/d"
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("127.0.0.1")]
    same_origin = {"HTTP_SEC_FETCH_SITE": "same-origin"}

    def post(forwarded_for, email, remote="127.0.0.1"):
        # nginx appends the address it received from: the visitor's is the last one.
        return Client(REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded_for).post(
            event.url, form_data(event, email=email), **same_origin
        )

    assert post("192.0.2.10", "a@example.org").status_code == 303
    assert post("192.0.2.10", "b@example.org").status_code == 303
    assert post("192.0.2.10", "c@example.org").status_code == 429
    # Another visitor through the same proxy is not the first one.
    assert post("192.0.2.11", "d@example.org").status_code == 303
    # A visitor who sends someone else's address is still counted as themselves: nginx
    # appends the address it received from after what the visitor wrote.
    assert post("192.0.2.10, 192.0.2.11", "e@example.org").status_code == 303
    assert post("203.0.113.5, 192.0.2.10", "f@example.org").status_code == 429
    # Sent straight to the site, not through the proxy, the header proves nothing.
    direct = post("198.51.100.7", "g@example.org", remote="192.0.2.10")
    assert direct.status_code == 429


def outcome_text(response):
    """What the answer to a registration says (the focused status message)."""
    html = response.content.decode()
    start = html.index('id="registration-outcome"')
    return " ".join(re.sub(r"<[^>]+>", " ", html[start : html.index("</div>", start)]).split())


@pytest.mark.parametrize(
    "kind", ["event with places", "full event with a waiting list", "charter to confirm"]
)
def test_the_answer_is_the_same_whether_or_not_the_address_was_registered(client, home_page, kind):
    """Anyone may type a neighbour's address: the page must not tell them whether that person
    registered (for an event about homelessness, say). Only the person's mailbox knows."""
    agenda = EventIndexPageFactory(parent=home_page)
    page = {
        "event with places": lambda: EventPageFactory(parent=agenda, capacity=10),
        "full event with a waiting list": lambda: EventPageFactory(
            parent=agenda, capacity=1, waiting_list_enabled=True
        ),
        "charter to confirm": lambda: CharterPageFactory(parent=home_page),
    }[kind]()
    same_origin = {"HTTP_SEC_FETCH_SITE": "same-origin"}

    def register(email, name):
        return client.post(
            page.url, form_data(page, email=email, first_name=name), follow=True, **same_origin
        )

    register("premier@example.org", "Premier")  # Takes the only place of the full event.
    register("voisine@example.org", "Voisine")
    known = outcome_text(register("voisine@example.org", "Quelqu'un"))
    unknown = outcome_text(register("inconnu@example.org", "Quelqu'un"))

    # Each answer echoes, masked, the address its visitor typed; nothing else differs.
    assert "v•••@example.org" in known and "i•••@example.org" in unknown
    assert known.replace("v•••@", "?•••@") == unknown.replace("i•••@", "?•••@")
    assert known  # An answer there is, and it is the newcomer's.
    assert "Voisine" not in known
