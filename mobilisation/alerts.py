"""Starting and closing an activation, who it calls, and how they answer."""

from collections import Counter

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import log

from events.models import trained_emails
from home.sites import site_url
from registrations.emails import compose
from registrations.models import Registration
from registrations.outbox import EmailDelivery

from .models import ANSWER, ARRONDISSEMENT_NAMES, STOP, Alert

START_ACTION = "mobilisation.start"
CLOSE_ACTION = "mobilisation.close"
BATCH = 500


def volunteers(activation):
    """[(registration, arrondissements)] of the volunteers this activation calls: one per
    address (their latest registration), with crisis alerts on, able to act in at least one of
    its arrondissements (a volunteer who named none can act anywhere), and trained in its
    course when it names one."""
    wanted = set(activation.arrondissements)
    trained = trained_emails(activation.training_course) if activation.training_course else None
    candidates = (
        Registration.objects.confirmed()
        .filter(profile__crisis_alerts=True)
        .only("pk", "email", "profile")
        .order_by("-pk")
    )
    called, seen = [], set()
    for registration in candidates.iterator(chunk_size=2000):
        if registration.email in seen:
            continue
        seen.add(registration.email)
        if trained is not None and registration.email not in trained:
            continue
        theirs = set(registration.profile.get("arrondissements") or wanted) & wanted
        if theirs:
            called.append((registration, sorted(theirs)))
    return called


@transaction.atomic
def start(activation, user):
    """Alert every volunteer the activation calls, once: an alert and its email each, queued in
    bulk so that the worker still sends a confirmation email first. Returns how many."""
    called = volunteers(activation)
    deliveries = EmailDelivery.objects.bulk_create(
        [
            EmailDelivery(registration=registration, kind=EmailDelivery.Kind.ALERT, bulk=True)
            for registration, _arrondissements in called
        ],
        batch_size=BATCH,
    )
    Alert.objects.bulk_create(
        [
            Alert(
                activation=activation,
                registration=registration,
                delivery=delivery,
                arrondissements=arrondissements,
            )
            for (registration, arrondissements), delivery in zip(called, deliveries, strict=True)
        ],
        batch_size=BATCH,
    )
    log(activation, START_ACTION, user=user, data={"alerted": len(called)})
    return len(called)


@transaction.atomic
def close(activation, user):
    """Nobody else is alerted, and the links say the call is over. False if already closed."""
    closed = (
        type(activation)
        .objects.filter(pk=activation.pk, closed_at__isnull=True)
        .update(closed_at=timezone.now())
    )
    if closed:
        activation.refresh_from_db(fields=["closed_at"])
        log(activation, CLOSE_ACTION, user=user)
    return bool(closed)


def answer(alert, value):
    """Record the volunteer's answer while the activation is open; False once it is closed."""
    if not alert.activation.is_open:
        return False
    Alert.objects.filter(pk=alert.pk).update(answer=value, answered_at=timezone.now())
    alert.answer = value
    return True


def stop_alerts(email):
    """No more crisis alerts for this address, from any of its registrations."""
    with transaction.atomic():
        for registration in Registration.objects.select_for_update().filter(
            email=email, profile__crisis_alerts=True
        ):
            registration.profile["crisis_alerts"] = False
            registration.save(update_fields=["profile"])


def counts(activation):
    """Answers by arrondissement, as rows for the staff's table, and over all volunteers: a
    volunteer able to act in several arrondissements counts in each row, once in the total."""
    table = {number: Counter() for number in sorted(activation.arrondissements)}
    total = Counter()
    for arrondissements, value in activation.alerts.values_list("arrondissements", "answer"):
        total[value] += 1
        for number in arrondissements:
            table.setdefault(number, Counter())[value] += 1
    return [
        _row(ARRONDISSEMENT_NAMES.get(number, number), c) for number, c in table.items()
    ], _row(None, total)


def _row(label, counter):
    return {
        "label": label,
        "alerted": sum(counter.values()),
        "available": counter[Alert.Answer.AVAILABLE],
        "unavailable": counter[Alert.Answer.UNAVAILABLE],
        "no_answer": counter[""],
    }


def links(alert):
    """The alert email's signed links, absolute, in the active language."""

    def url(name, purpose):
        return site_url(reverse(name, kwargs={"token": alert.make_token(purpose)}))

    return {
        "available_url": url("mobilisation:available", ANSWER),
        "unavailable_url": url("mobilisation:unavailable", ANSWER),
        "stop_url": url("mobilisation:stop", STOP),
    }


def build_alert_email(delivery):
    """The alert email, in the language the volunteer joined in; None once the activation is
    closed or the volunteer stopped alerts before the worker got to it."""
    alert = Alert.objects.select_related("activation__kit", "registration__page__locale").get(
        delivery=delivery
    )
    activation, registration = alert.activation, alert.registration
    if not activation.is_open or not (registration.profile or {}).get("crisis_alerts"):
        return None
    language = registration.page.locale.language_code
    with translation.override(language):
        kit = activation.kit_in(registration.page.locale)
        context = {
            "alert": alert,
            "activation": activation,
            "registration": registration,
            "message": activation.message_in(language),
            "kit": kit,
            "kit_url": kit.get_full_url() if kit else None,
            "site_name": settings.WAGTAIL_SITE_NAME,
            **links(alert),
        }
        # One click in the mail client (RFC 8058), as well as the link in the email.
        return compose(
            "mobilisation/emails/subject.txt",
            "mobilisation/emails/alert",
            context,
            registration.email,
            headers={
                "List-Unsubscribe": f"<{context['stop_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def available_volunteers(activation, interests=None):
    """The alerts answered "available", with their volunteer; only those interested in one of
    `interests` (community keys) when given."""
    alerts = (
        activation.alerts.filter(answer=Alert.Answer.AVAILABLE)
        .select_related("registration")
        .order_by("registration__last_name", "registration__first_name", "pk")
    )
    if interests is None:
        return list(alerts)
    return [
        alert
        for alert in alerts
        if set(interests) & set((alert.registration.profile or {}).get("interests") or [])
    ]
