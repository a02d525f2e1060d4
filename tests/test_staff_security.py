"""The admin's sign-in under attack: a locked-out address after repeated failures, a limited
password reset. Each goes through the real login and reset forms."""

import ipaddress

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from staff.factories import PASSWORD, UserFactory


@pytest.fixture
def staff_member(db):
    return UserFactory(email="communication@paris.fr", is_superuser=True)


def sign_in(address, username, password):
    return Client(REMOTE_ADDR=address).post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )


def refusal(minutes):
    """The French refusal, spaces collapsed as `page_text` does."""
    with translation.override("fr"):
        text = ngettext(
            "For your account’s safety, no more attempts are accepted from your connection for "
            "%(minutes)s minute. Please try again later, or ask the Communication team.",
            "For your account’s safety, no more attempts are accepted from your connection for "
            "%(minutes)s minutes. Please try again later, or ask the Communication team.",
            minutes,
        ) % {"minutes": minutes}
    return " ".join(text.split())


def test_repeated_wrong_passwords_lock_the_address_out_even_with_the_right_one(
    staff_member, page_text
):
    for attempt in range(4):
        response = sign_in("192.0.2.20", staff_member.username, f"guess-{attempt}")
        assert response.status_code == 200  # The form again, with its error.
    locked = sign_in("192.0.2.20", staff_member.username, "guess-5")
    assert locked.status_code == 429
    assert refusal(15) in page_text(locked)

    # The right password does not get through from there any more…
    assert sign_in("192.0.2.20", staff_member.username, PASSWORD).status_code == 429
    # …but the person, from their own connection, still signs in.
    response = sign_in("198.51.100.4", staff_member.username, PASSWORD)
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


def test_behind_the_proxy_the_lockout_is_the_attackers_alone(staff_member, settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("127.0.0.1")]

    def through_proxy(visitor, password):
        return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=visitor).post(
            reverse("wagtailadmin_login"),
            {"username": staff_member.username, "password": password},
        )

    for attempt in range(5):
        through_proxy("203.0.113.9", f"guess-{attempt}")
    assert through_proxy("203.0.113.9", PASSWORD).status_code == 429
    assert through_proxy("192.0.2.30", PASSWORD).status_code == 302


def test_password_reset_requests_are_limited_per_address(staff_member, page_text):
    reset = reverse("wagtailadmin_password_reset")
    client = Client(REMOTE_ADDR="192.0.2.40")
    for _ in range(5):
        response = client.post(reset, {"email": staff_member.email})
        assert response.status_code == 302  # "Check your email".
    response = client.post(reset, {"email": staff_member.email})
    assert response.status_code == 429
    assert refusal(60) in page_text(response)
    assert len(mail.outbox) == 5
    # Someone else's connection still gets their reset email.
    assert (
        Client(REMOTE_ADDR="192.0.2.41").post(reset, {"email": staff_member.email}).status_code
        == 302
    )
