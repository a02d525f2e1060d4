"""Serving a page that carries a registration form, and the admin list of its registrations."""

import csv
import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from wagtail.admin.views.mixins import Echo, list_to_str
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.log_actions import log

from home.ratelimit import refused_for_rate
from pagecache.cache import shared

from .models import Registration, RegistrationRefused

OUTCOME_PARAMETER = "registration"
OUTCOME_SALT = "registrations.outcome"
# Long enough to reload the confirmation page, short enough not to leave a lasting link.
OUTCOME_MAX_AGE = 60 * 60

EXPORT_REGISTRATIONS_ACTION = "registrations.export_registrations"


def serve_registration_page(page, request, *args, **kwargs):
    """GET: the page with its form, cacheable by anyone. POST: register, then redirect (PRG).

    Nothing here reads the session, the user or the CSRF token, so an anonymous GET sets no
    cookie and varies on nothing; `middleware.SameOriginCsrfViewMiddleware` guards the POST.
    """
    outcome = None
    status = 200
    if request.method == "POST":
        if not page.registration_enabled:
            return HttpResponseNotAllowed(["GET", "HEAD"])
        form = page.get_form(request.POST)
        if refused_for_rate(
            request,
            form,
            group="registrations",
            rate=settings.REGISTRATION_RATE_LIMIT,
            message=_("Too many registrations from your connection. Please try again later."),
        ):
            status = 429
        elif form.is_valid():
            try:
                outcome = page.register(form.cleaned_data)
            except RegistrationRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                outcome["to"] = masked_address(form.cleaned_data["email"])
                return redirect_to_outcome(page, request, outcome)
    else:
        form = None
        outcome = read_outcome(page, request.GET.get(OUTCOME_PARAMETER))

    context = page.get_context(request, *args, **kwargs)
    context.update(page.get_registration_context(request, form=form, outcome=outcome))
    response = TemplateResponse(
        request, page.get_template(request, *args, **kwargs), context, status=status
    )
    if request.method == "POST" or OUTCOME_PARAMETER in request.GET:
        # What one person typed or registered is for them alone, never for a shared cache.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    elif settings.SESSION_COOKIE_NAME not in request.COOKIES:
        # The same for every visitor without a session (not request.user: reading it would
        # add `Vary: Cookie`): shared caches keep it until a change purges it.
        shared(response)
    return response


def masked_address(email):
    """Enough of the address typed for its owner to spot a slip, in a link that may stay in
    the browser's history: its first letter and its domain."""
    local, _at, domain = email.rpartition("@")
    return f"{local[:1]}•••@{domain}"


def redirect_to_outcome(page, request, outcome):
    """Back to the page the form was posted to (its address, `request.path`)."""
    token = signing.dumps({**outcome, "page": page.translation_key.hex}, salt=OUTCOME_SALT)
    response = HttpResponseRedirect(f"{request.path}?{urlencode({OUTCOME_PARAMETER: token})}")
    response.status_code = 303  # See Other: the browser follows with a GET.
    add_never_cache_headers(response)
    return response


def read_outcome(page, token):
    """What a signed, recent token says to tell the visitor, if it is about this page."""
    if not token:
        return None
    try:
        outcome = signing.loads(token, salt=OUTCOME_SALT, max_age=OUTCOME_MAX_AGE)
    except signing.BadSignature:
        return None
    if outcome.pop("page", None) != page.translation_key.hex:
        return None
    return outcome


# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def paris_time(value):
    """What staff read in a spreadsheet: the time in Paris, to the second."""
    return timezone.localtime(value).replace(microsecond=0, tzinfo=None)


class RegistrationListView(SubmissionsListView):
    """Wagtail's submissions list, with a link to cancel each active registration until the event
    has ended. Exports are logged in the page's history; CSV cells cannot start a formula (XLSX
    is already safe). Both exports give Paris time; the CSV is the one French Excel opens as
    is: `;` between cells, and a byte-order mark that says UTF-8."""

    results_template_name = "registrations/admin/list_submissions.html"
    custom_value_preprocess = {
        **SubmissionsListView.custom_value_preprocess,
        datetime.datetime: {
            SubmissionsListView.FORMAT_CSV: lambda value: paris_time(value).isoformat(" "),
            SubmissionsListView.FORMAT_XLSX: paris_time,
        },
        str: {SubmissionsListView.FORMAT_CSV: neutralise_formula},
        # Checkboxes and multiple choices: the joined answers are one cell too.
        list: {
            SubmissionsListView.FORMAT_CSV: lambda value: neutralise_formula(list_to_str(value)),
            SubmissionsListView.FORMAT_XLSX: list_to_str,
        },
    }

    def stream_csv(self, queryset):
        # The rows stream once the view has returned, when the request's language is no longer
        # active: they are written in the staff member's language all the same.
        language = translation.get_language()

        def rows():
            with translation.override(language):
                yield "\ufeff"
                writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
                yield writer.writerow(
                    {field: self.get_heading(queryset, field) for field in self.list_export}
                )
                for item in queryset:
                    yield self.write_csv_row(writer, self.to_row_dict(item))

        return rows()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancellable"] = not self.form_page.is_past
        if not self.is_export and context["cancellable"]:
            # Wagtail builds one row per submission, in the same order.
            for submission, row in zip(context["submissions"], context["data_rows"], strict=True):
                if submission.status != Registration.Status.CANCELLED:
                    row["cancel"] = {
                        "url": reverse(
                            "registrations_cancel", args=[self.form_page.pk, submission.pk]
                        ),
                        "name": f"{submission.first_name} {submission.last_name}",
                    }
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            self.log_export(context["submissions"])
        return super().render_to_response(context, **response_kwargs)

    def log_export(self, submissions):
        data = {"format": self.request.GET["export"], "registrations": submissions.count()}
        period = self.filters.form.cleaned_data["date"] if self.filters.is_valid() else None
        if period and period.start:
            data["registered_from"] = period.start.date().isoformat()
        if period and period.stop:
            data["registered_until"] = period.stop.date().isoformat()
        log(self.form_page, EXPORT_REGISTRATIONS_ACTION, user=self.request.user, data=data)
