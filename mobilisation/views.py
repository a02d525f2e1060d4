"""The signed links of alert emails: a volunteer answers whether they are available, or stops
crisis alerts. GET shows the page with its button (a mail scanner opening the link changes
nothing); the POST acts. Never cached, never indexed."""

from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from volunteers.views import private

from . import alerts
from .models import ANSWER, STOP, Alert


@method_decorator(never_cache, name="dispatch")
class AlertLinkView(View):
    purpose = None
    template_name = None
    http_method_names = ["get", "post"]

    def dispatch(self, request, token):
        self.alert = Alert.from_token(token, self.purpose)
        if self.alert is None:
            return self.render({"error": "invalid"}, status=404)
        return super().dispatch(request, token)

    def render(self, context, status=200):
        return private(
            TemplateResponse(
                self.request,
                self.template_name,
                {"view": self, "alert": getattr(self, "alert", None), **context},
                status=status,
            )
        )


class AnswerView(AlertLinkView):
    purpose = ANSWER
    template_name = "mobilisation/answer.html"
    title = _("Crisis alert")
    answer = None

    def get(self, request, token):
        return self.render(self.context())

    def post(self, request, token):
        done = alerts.answer(self.alert, self.answer)
        return self.render(self.context(done=done), status=200 if done else 410)

    def context(self, **extra):
        activation = self.alert.activation
        kit = activation.kit_in(self.alert.registration.page.locale)
        return {
            "activation": activation,
            "answer": self.answer,
            "message": activation.message_in(self.request.LANGUAGE_CODE),
            "kit": kit,
            **extra,
        }


# The mail client's one-click unsubscribe (RFC 8058) posts without a cookie or a CSRF token: the
# signed token in the URL is what proves the request comes from the email.
@method_decorator(csrf_exempt, name="dispatch")
class StopAlertsView(AlertLinkView):
    purpose = STOP
    template_name = "mobilisation/stop.html"
    title = _("Stop crisis alerts")

    def get(self, request, token):
        return self.render({})

    def post(self, request, token):
        alerts.stop_alerts(self.alert.registration.email)
        return self.render({"done": True})
