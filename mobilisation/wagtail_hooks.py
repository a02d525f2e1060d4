from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from registrations.emails import OUTBOX_EMAIL_HOOK
from registrations.outbox import EmailDelivery
from registrations.rgpd import PERSONAL_DATA_HOOK

from .admin_views import ActivationViewSet
from .alerts import CLOSE_ACTION, START_ACTION, build_alert_email
from .models import Alert


@hooks.register("register_admin_viewset")
def activations_viewset():
    return ActivationViewSet("activations")


@hooks.register(OUTBOX_EMAIL_HOOK)
def alert_emails():
    return {EmailDelivery.Kind.ALERT: build_alert_email}


class StartFormatter(LogFormatter):
    label = _("Start a crisis activation")

    def format_message(self, log_entry):
        return _("Activation started: %(alerted)s volunteers alerted") % log_entry.data


@hooks.register("register_log_actions")
def activation_log_actions(actions):
    actions.register_action(START_ACTION)(StartFormatter)
    actions.register_action(CLOSE_ACTION, _("Close a crisis activation"), _("Activation closed"))


@hooks.register(PERSONAL_DATA_HOOK)
def crisis_alerts(email, erase):
    """The alerts received and their answers; erasing the registrations erases them too."""
    alerts = Alert.objects.filter(registration__email=email).select_related("activation")
    data = [
        {
            "activation": str(alert.activation),
            "arrondissements": alert.arrondissements,
            "answer": alert.answer,
            "answered_at": alert.answered_at.isoformat() if alert.answered_at else None,
        }
        for alert in alerts.order_by("pk")
    ]
    if erase:
        alerts.delete()
    return {"crisis_alerts": data}
