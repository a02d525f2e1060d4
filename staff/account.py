"""The admin's sign-in safeguards: the page an address locked out by django-axes gets, and
the password reset with a limit per address (each request sends an email, so an unlimited form
would let anyone flood a staff member's mailbox)."""

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited
from wagtail.admin.views.account import PasswordResetView

PASSWORD_RESETS_PER_HOUR = 5


def refused(request, minutes):
    # Rendered now: django-axes hands it back from a middleware, past template rendering.
    return render(request, "staff/refused.html", {"minutes": minutes}, status=429)


def locked_out(request, original_response, credentials):
    """django-axes' AXES_LOCKOUT_CALLABLE: its answer to a locked-out address."""
    return refused(request, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))


def password_reset(request, *args, **kwargs):
    if request.method == "POST" and is_ratelimited(
        request,
        group="password_reset",
        key="ip",
        rate=f"{PASSWORD_RESETS_PER_HOUR}/h",
        increment=True,
    ):
        return refused(request, 60)
    return PasswordResetView.as_view()(request, *args, **kwargs)
