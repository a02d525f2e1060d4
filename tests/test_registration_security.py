"""Forgery protection without a cookie on cacheable pages, and the per-address rate limit."""

import pytest
from django.test import Client

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
