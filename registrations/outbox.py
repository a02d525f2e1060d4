"""The outbox: one row per email a registration calls for, written with the registration.

The row is created in the same transaction as what causes the email (a registration, a place
given from the waiting list, a reminder, registering again, staff cancelling, an event starting
with people still waiting), so a crash or an SMTP failure loses nothing: the email worker
(`registrations.delivery`) sends it and marks it sent, or records the failure and tries again
later.
Rows hold no copy of personal data: the email is rendered from the registration when sent.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EmailDeliveryQuerySet(models.QuerySet):
    def due(self, now=None):
        """Pending emails whose next attempt time has come."""
        return self.filter(
            status=EmailDelivery.Status.PENDING, next_attempt_at__lte=now or timezone.now()
        )


class EmailDelivery(models.Model):
    class Kind(models.TextChoices):
        REGISTERED = "registered", _("registration received")
        PROMOTED = "promoted", _("place given from the waiting list")
        REMINDER = "reminder", _("reminder the day before")
        NOTIFICATION = "notification", _("notification to the organisers")
        SENT_AGAIN = "sent_again", _("registration email sent again")
        CANCELLED_BY_STAFF = "cancelled_by_staff", _("cancellation by the organisers")
        NO_PLACE = "no_place", _("no place before the start")
        PREREQUISITE_LAPSED = "prerequisite_lapsed", _("place released: training not attended")
        PARENT_REQUEST = "parent_request", _("agreement asked of the parent")
        PARENT_AGREED = "parent_agreed", _("parent agreed")
        PARENT_REFUSED = "parent_refused", _("parent refused")
        PARENT_NO_ANSWER = "parent_no_answer", _("no answer from the parent")
        PASSPORT = "passport", _("link to the engagement passport")
        NEW_VERSION = "new_version", _("invitation to accept a new version")
        DRAWN = "drawn", _("drawn: a place")
        NOT_DRAWN = "not_drawn", _("not drawn: the waiting list")
        # Built by the app that sends them (OUTBOX_EMAIL_HOOK): alerts to many volunteers at
        # once, and the review of a mission an association proposed (about no registration).
        ALERT = "alert", _("crisis alert")
        PROPOSAL_PUBLISHED = "proposal_published", _("proposed mission published")
        PROPOSAL_REJECTED = "proposal_rejected", _("proposed mission rejected")

    class Status(models.TextChoices):
        PENDING = "pending", _("to send")
        SENT = "sent", _("sent")
        FAILED = "failed", _("given up")
        CANCELLED = "cancelled", _("no longer needed")

    # None for an email about no registration (a proposed mission's review).
    registration = models.ForeignKey(
        "registrations.Registration",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="email_deliveries",
        verbose_name=_("registration"),
    )
    kind = models.CharField(max_length=24, choices=Kind.choices, verbose_name=_("kind"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, verbose_name=_("status")
    )
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    last_error = models.CharField(max_length=300, blank=True, verbose_name=_("last error"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created at"))
    next_attempt_at = models.DateTimeField(default=timezone.now, verbose_name=_("next attempt at"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent at"))
    # Thousands of alerts queued at once must not delay a confirmation email: the worker sends
    # every due email of a single person first.
    bulk = models.BooleanField(default=False, verbose_name=_("sent in bulk"))

    objects = EmailDeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("email delivery")
        verbose_name_plural = _("email deliveries")
        constraints = [
            # Each email is due once per registration: sending reminders twice, or telling a
            # person twice that they got a place, is impossible even if a command runs twice.
            # Only registering again sends the registration's email again, asking for one's
            # passport sends its link again (both rate-limited), each new version of a charter
            # invites its signatories again (once per version), and each crisis activation
            # alerts its volunteers (once per activation).
            models.UniqueConstraint(
                fields=["registration", "kind"],
                condition=~Q(kind__in=["sent_again", "passport", "new_version", "alert"]),
                name="email_delivery_once_per_kind",
            )
        ]
        indexes = [models.Index(fields=["status", "bulk", "next_attempt_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.registration_id} ({self.get_status_display()})"
