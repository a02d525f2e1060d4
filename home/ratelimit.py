"""The per-client limit every public form applies (django-ratelimit, counted in the shared
cache)."""

from django_ratelimit.core import is_ratelimited


def refused_for_rate(request, form, *, group, rate, message):
    """Count this POST against `rate` for the client's address; once over it, validate the form
    (so that what was typed is shown again) and add `message` to it. True when refused."""
    if not is_ratelimited(request, group=group, key="ip", rate=rate, increment=True):
        return False
    form.is_valid()
    form.add_error(None, message)
    return True
