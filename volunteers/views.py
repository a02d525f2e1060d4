"""The engagement passport: asked for by email address, opened by the secret link emailed.

Every answer here is personal: never cached, never indexed, and the token never leaves the site
in a Referer header (`registrations.link_views.PRIVATE_HEADERS`).
"""

import json

from django import forms
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from icalendar import Calendar
from wagtail.models import Locale

from home.pdf import tagged_pdf
from home.ratelimit import refused_for_rate
from home.sites import site_domain, site_url
from registrations.forms import validate_email_domain
from registrations.link_views import PRIVATE_HEADERS
from registrations.models import Registration
from registrations.rgpd import erase_personal_data, export_personal_data

from .models import PassportLink
from .passport import passport, request_link

HOLDING = (Registration.Status.CONFIRMED, Registration.Status.PENDING)


def private(response):
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response


class PassportRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        validators=[validate_email_domain],
        help_text=_("The address you registered with."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


@method_decorator(never_cache, name="dispatch")
class PassportRequestView(View):
    """Type an address, get a link by email; the answer is the same whether or not we know
    the address."""

    template_name = "volunteers/request.html"

    def get(self, request):
        return self.render(PassportRequestForm(), sent="sent" in request.GET)

    def post(self, request):
        form = PassportRequestForm(request.POST)
        if refused_for_rate(
            request,
            form,
            group="passport",
            rate=settings.PASSPORT_RATE_LIMIT,
            message=_("Too many requests from your connection. Please try again later."),
        ):
            return self.render(form, status=429)
        if not form.is_valid():
            return self.render(form, status=400)
        with transaction.atomic():
            request_link(form.cleaned_data["email"], get_language())
        return redirect(f"{reverse('passport:request')}?sent=1", permanent=False)

    def render(self, form, sent=False, status=200):
        context = {"form": form, "sent": sent, "hours": settings.PASSPORT_LINK_HOURS}
        return private(TemplateResponse(self.request, self.template_name, context, status=status))


@method_decorator(never_cache, name="dispatch")
class PassportLinkView(View):
    """Views opened by a passport link: the token names the person."""

    purpose = PassportLink.Purpose.PASSPORT
    http_method_names = ["get", "post"]

    def dispatch(self, request, token):
        self.link = PassportLink.find(token, self.purpose)
        if self.link is None:
            return private(
                TemplateResponse(request, "volunteers/invalid_link.html", {}, status=404)
            )
        return super().dispatch(request, token)

    def data(self):
        return passport(self.link.email, Locale.get_active())


class PassportView(PassportLinkView):
    def get(self, request, token, calendar_url=None):
        context = {
            **self.data(),
            "token": token,
            "calendar_url": calendar_url,
            "has_calendar": PassportLink.objects.valid()
            .filter(email=self.link.email, purpose=PassportLink.Purpose.CALENDAR)
            .exists(),
        }
        return private(TemplateResponse(request, "volunteers/passport.html", context))

    def post(self, request, token):
        """The passport's buttons: a calendar feed, or closing this link."""
        action = request.POST.get("action")
        if action == "close":
            self.link.revoke()
            return private(TemplateResponse(request, "volunteers/closed.html", {}))
        if action in ("calendar", "stop_calendar"):
            PassportLink.objects.valid().filter(
                email=self.link.email, purpose=PassportLink.Purpose.CALENDAR
            ).update(revoked_at=timezone.now())
        if action == "calendar":
            feed = PassportLink.issue(self.link.email, PassportLink.Purpose.CALENDAR)
            url = site_url(reverse("passport:calendar", kwargs={"token": feed}))
            return self.get(request, token, calendar_url=url)
        return redirect("passport:show", token=token)


class AttestationView(PassportLinkView):
    """A tagged PDF (PDF/UA) of what the person did, in the language of the page."""

    def get(self, request, token):
        context = {**self.data(), "issued": timezone.localdate(), "site_url": site_url("/")}
        html = render_to_string("volunteers/attestation.html", context, request=request)
        response = HttpResponse(tagged_pdf(html), content_type="application/pdf")
        filename = "attestation-engagement.pdf" if get_language() == "fr" else "engagement.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return private(response)


class ExportView(PassportLinkView):
    """The personal data export staff give on request, self-service."""

    def get(self, request, token):
        data = export_personal_data(self.link.email)
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
        )
        response["Content-Disposition"] = 'attachment; filename="volontaires-de-paris.json"'
        return private(response)


class EraseView(PassportLinkView):
    """Erasure: the first click asks, the second erases, as the staff tool does."""

    def get(self, request, token):
        context = {"token": token, "title": _("Erase my data")}
        return private(TemplateResponse(request, "volunteers/erase.html", context))

    def post(self, request, token):
        erase_personal_data(self.link.email)
        context = {"done": True, "title": _("Erase my data")}
        return private(TemplateResponse(request, "volunteers/erase.html", context))


class CalendarFeedView(PassportLinkView):
    """The person's upcoming events, for a calendar application to subscribe to."""

    purpose = PassportLink.Purpose.CALENDAR
    http_method_names = ["get"]

    def get(self, request, token):
        calendar = Calendar()
        calendar.add("prodid", "-//Ville de Paris//Volontaires de Paris//FR")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", str(_("My Volontaires de Paris engagements")))
        for entry in self.data()["upcoming"]:
            if entry.registration.status not in HOLDING:
                continue  # Waiting lists are not in the calendar until a place comes.
            single = entry.page.registration_calendar(
                entry.registration, url=entry.page.full_url, domain=site_domain()
            )
            for event in Calendar.from_ical(single).walk("VEVENT"):
                calendar.add_component(event)
        response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
        return private(response)
