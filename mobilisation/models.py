"""Crisis activations: the City calls on its volunteers in some arrondissements (a heatwave, a
Seine flood), and each answers whether they are available.

Volunteers are those who joined the Volontaires de Paris with crisis alerts on (their volunteer
profile, `Registration.profile`). Each gets one `Alert` per activation: an email through the
outbox, whose signed links record the answer or stop alerts altogether.
"""

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from home.paris import ARRONDISSEMENTS

ARRONDISSEMENT_NAMES = dict(ARRONDISSEMENTS)


class NamesArrondissements:
    """For a model whose `arrondissements` field holds arrondissement numbers."""

    def arrondissement_names(self):
        return [ARRONDISSEMENT_NAMES[number] for number in sorted(self.arrondissements)]


class Activation(NamesArrondissements, models.Model):
    class Crisis(models.TextChoices):
        HEATWAVE = "heatwave", _("heatwave")
        FLOOD = "flood", _("Seine flood")
        OTHER = "other", _("other crisis")

    crisis = models.CharField(max_length=10, choices=Crisis.choices, verbose_name=_("crisis"))
    # Arrondissement numbers (home.paris.ARRONDISSEMENTS).
    arrondissements = models.JSONField(default=list, verbose_name=_("arrondissements"))
    # {language code: the message in that language}, one per content language.
    messages = models.JSONField(default=dict, verbose_name=_("message"))
    kit = models.ForeignKey(
        "communities.KitPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("kit to read"),
    )
    training_course = models.ForeignKey(
        "volunteers.TrainingCourse",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("only volunteers trained in"),
    )
    started_at = models.DateTimeField(default=timezone.now, verbose_name=_("started at"))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    closed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("closed at"))

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("crisis activation")
        verbose_name_plural = _("crisis activations")

    def __str__(self):
        return f"{self.get_crisis_display().capitalize()} – {self.started_at:%d/%m/%Y}"

    @property
    def is_open(self):
        return self.closed_at is None

    @property
    def arrondissement_list(self):
        return ", ".join(str(name) for name in self.arrondissement_names())

    def kit_in(self, locale):
        """The kit to read in that language when translated, else as it is; None if none."""
        return self.kit and (self.kit.get_translation_or_none(locale) or self.kit)

    def message_in(self, language_code):
        return self.messages.get(language_code) or self.messages.get(settings.LANGUAGE_CODE, "")


class Alert(NamesArrondissements, models.Model):
    """One volunteer called by one activation, and their answer."""

    class Answer(models.TextChoices):
        AVAILABLE = "available", _("available")
        UNAVAILABLE = "unavailable", _("not available")

    activation = models.ForeignKey(
        Activation, on_delete=models.CASCADE, related_name="alerts", verbose_name=_("activation")
    )
    # The volunteer's registration, which holds their profile: erasing it erases the alert.
    registration = models.ForeignKey(
        "registrations.Registration",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("volunteer"),
    )
    delivery = models.OneToOneField(
        "registrations.EmailDelivery",
        null=True,
        on_delete=models.SET_NULL,
        related_name="alert",
        verbose_name=_("email"),
    )
    # Those of the activation's arrondissements the volunteer can act in.
    arrondissements = models.JSONField(default=list, verbose_name=_("arrondissements"))
    answer = models.CharField(
        max_length=12, choices=Answer.choices, blank=True, verbose_name=_("answer")
    )
    answered_at = models.DateTimeField(null=True, blank=True, verbose_name=_("answered at"))

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        constraints = [
            models.UniqueConstraint(
                fields=["activation", "registration"], name="alert_once_per_activation"
            )
        ]

    def __str__(self):
        return f"{self.activation} #{self.pk}"

    # The links of the alert email: signed for the alert and its volunteer's address, so that
    # they stop working once the address is erased. Answering and stopping alerts are separate
    # purposes: one link cannot stand in for the other.

    def make_token(self, purpose):
        return signing.dumps([self.pk, self._digest(purpose)], salt=_salt(purpose))

    def _digest(self, purpose):
        return salted_hmac(_salt(purpose), self.registration.email).hexdigest()[:16]

    @classmethod
    def from_token(cls, token, purpose):
        """The alert a genuine token names, or None."""
        try:
            pk, digest = signing.loads(token, salt=_salt(purpose))
            alert = cls.objects.select_related("activation", "registration").get(pk=pk)
        except (signing.BadSignature, TypeError, ValueError, cls.DoesNotExist):
            return None
        return alert if constant_time_compare(digest, alert._digest(purpose)) else None


ANSWER = "answer"
STOP = "stop"


def _salt(purpose):
    return f"mobilisation.{purpose}"
