"""Confirming an address and cancelling a registration from the signed links of the emails.

GET only shows a page with a button: mail scanners that open links change nothing. The POST
does it. These pages are never cached, so Django's usual CSRF token protects the button.
"""

from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache

from . import tokens

# Signed links are personal: no indexing, and the token never leaves the site in a Referer
# header. `same-origin`, not `no-referrer`: under the latter the browser posts the button's
# form with `Origin: null`, which Django's CSRF check rightly refuses.
PRIVATE_HEADERS = {"X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "same-origin"}


@method_decorator(never_cache, name="dispatch")
class RegistrationLinkView(View):
    purpose = None
    template_name = None
    http_method_names = ["get", "post"]

    def dispatch(self, request, token):
        try:
            self.registration = tokens.read_token(token, self.purpose)
        except tokens.ExpiredToken as expired:
            self.registration = expired.registration
            # Only a registration still waiting for its confirmation needs a new link (by
            # registering again on its page); a confirmed or cancelled one is shown as it is.
            if self.registration.status == self.registration.Status.PENDING:
                page = self.registration.page.specific
                return self.render({"error": "expired", "registered_page": page}, status=400)
        except tokens.InvalidToken:
            return self.render({"error": "invalid"}, status=404)
        self.registered_page = self.registration.page.specific
        return super().dispatch(request, token)

    def render(self, context, status=200):
        response = TemplateResponse(
            self.request, self.template_name, {"view": self, **context}, status=status
        )
        for header, value in PRIVATE_HEADERS.items():
            response[header] = value
        return response

    def get(self, request, token):
        return self.render(
            {"registration": self.registration, "registered_page": self.registered_page}
        )


class ConfirmView(RegistrationLinkView):
    purpose = tokens.CONFIRM
    template_name = "registrations/confirm.html"
    title = _("Confirm your email address")
    valid_days = tokens.MAX_AGE[tokens.CONFIRM].days

    def post(self, request, token):
        # A child's registration counts by their parent's answer, not by the child's click.
        confirmed = not self.registration.awaits_parent and self.registration.confirm()
        return self.render(
            {
                "registration": self.registration,
                "registered_page": self.registered_page,
                "done": True,
                "changed": confirmed,
            }
        )


class CancelView(RegistrationLinkView):
    purpose = tokens.CANCEL
    template_name = "registrations/cancel.html"
    title = _("Cancel your registration")

    def over(self):
        """Once the event is over, its registrations are a record: nothing to cancel."""
        if not self.registered_page.is_past:
            return None
        return self.render(
            {
                "registration": self.registration,
                "registered_page": self.registered_page,
                "error": "ended",
            },
            status=410,
        )

    def get(self, request, token):
        return self.over() or super().get(request, token)

    def post(self, request, token):
        if over := self.over():
            return over
        # Frees the place, whoever gets it is told by email; None if it was already cancelled
        # (a second click, or the other language's link).
        changed = self.registration.cancel() is not None
        return self.render(
            {
                "registration": self.registration,
                "registered_page": self.registered_page,
                "done": True,
                "changed": changed,
            }
        )


class ParentView(RegistrationLinkView):
    """A parent or guardian agrees to, or refuses, their child's registration (under 15:
    Loi Informatique et Libertés art. 45, RGPD art. 8)."""

    purpose = tokens.PARENT
    template_name = "registrations/parent.html"
    title = _("Your child’s registration")

    def post(self, request, token):
        answer = request.POST.get("answer")
        if answer == "agree":
            changed = self.registration.parent_agrees()
        elif answer == "refuse":
            changed = self.registration.parent_refuses()
        else:
            return self.get(request, token)
        self.registration.refresh_from_db()
        return self.render(
            {
                "registration": self.registration,
                "registered_page": self.registered_page,
                "done": answer,
                "changed": changed,
            }
        )


class AcceptVersionView(RegistrationLinkView):
    """A signatory accepts the current version of a charter they signed an earlier one of."""

    purpose = tokens.ACCEPT
    template_name = "registrations/accept.html"
    title = _("Accept the new version")

    def get(self, request, token):
        return self.render(self.context())

    def post(self, request, token):
        version = self.registered_page.registration_text_version()
        changed = self.registration.accept_version(version)
        return self.render(self.context(done=True, changed=changed))

    def context(self, **extra):
        return {
            "registration": self.registration,
            "registered_page": self.registered_page,
            "version": self.registered_page.registration_text_version(),
            **extra,
        }
