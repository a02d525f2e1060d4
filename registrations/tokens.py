"""Signed links in registration emails: confirm an address, cancel a registration, a parent's
answer to a child's registration, accept a charter's new version.

A token names a registration and a digest of its email address, signed with a salt per purpose,
so a confirmation token cannot cancel and a link stops working once the address is erased or
anonymised. Cancelling never expires (one can cancel until the event); confirming does.
"""

import datetime

from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

CONFIRM = "confirm"
CANCEL = "cancel"
# A parent's answer to a child's registration: signed for the parent's address.
PARENT = "parent"
# A signatory's acceptance of a charter's new version.
ACCEPT = "accept"
MAX_AGE = {
    CONFIRM: datetime.timedelta(days=30),
    CANCEL: None,
    PARENT: datetime.timedelta(days=30),
    ACCEPT: datetime.timedelta(days=90),
}


class InvalidToken(Exception):
    """Tampered, truncated or for another purpose."""


class ExpiredToken(InvalidToken):
    """Genuine but too old; names its registration, to point to where to register again."""

    def __init__(self, registration):
        super().__init__(registration)
        self.registration = registration


def _salt(purpose):
    return f"registrations.{purpose}"


def _email_digest(purpose, email):
    return salted_hmac(_salt(purpose), email).hexdigest()[:16]


def _address(registration, purpose):
    return registration.parent_email if purpose == PARENT else registration.email


def make_token(registration, purpose):
    return signing.dumps(
        [registration.pk, _email_digest(purpose, _address(registration, purpose))],
        salt=_salt(purpose),
    )


def read_token(token, purpose):
    """The registration the token names; raises InvalidToken or ExpiredToken."""
    salt = _salt(purpose)
    try:
        payload = signing.loads(token, salt=salt, max_age=MAX_AGE[purpose])
    except signing.SignatureExpired as error:
        # The signature is checked before the age: what the token says is genuine.
        raise ExpiredToken(_registration(signing.loads(token, salt=salt), purpose)) from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    return _registration(payload, purpose)


def _registration(payload, purpose):
    """The registration a genuine token names, if it still has the same email address."""
    from .models import Registration

    try:
        pk, digest = payload
    except (TypeError, ValueError) as error:
        raise InvalidToken from error
    registration = Registration.objects.select_related("page").filter(pk=pk).first()
    if registration is None or not constant_time_compare(
        digest, _email_digest(purpose, _address(registration, purpose))
    ):
        raise InvalidToken
    return registration
