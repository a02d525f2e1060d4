from django.db.models import Q
from wagtail import hooks
from wagtail.models import get_page_models

from . import admin_views  # noqa: F401 - registers the RGPD admin view's hooks
from .models import Registration, RegistrationFormMixin


@hooks.register("filter_form_submissions_for_user")
def pages_with_a_form_or_registrations(user, pages):
    """Every page type can carry a form: Wagtail's Forms section lists the pages that do, and
    those that still hold registrations."""
    with_form = Q(pk__in=Registration.objects.values("page"))
    for model in get_page_models():
        if issubclass(model, RegistrationFormMixin):
            with_form |= Q(pk__in=model.objects.filter(registration_enabled=True).values("pk"))
    return pages.filter(with_form)
