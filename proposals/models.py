"""Missions proposed by associations, as they did on jemengage.paris: the public form creates a
draft mission in the community chosen, submitted to the review workflow; nothing is published
without review. The proposal keeps the association's contact, off the page."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MissionProposal(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting review")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")

    page = models.OneToOneField(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="proposal",
        verbose_name=_("mission"),
    )
    association_name = models.CharField(max_length=200, verbose_name=_("association"))
    contact_name = models.CharField(max_length=100, verbose_name=_("contact"))
    contact_email = models.EmailField(verbose_name=_("contact’s email"))
    contact_phone = models.CharField(max_length=30, blank=True, verbose_name=_("contact’s phone"))
    # The language of the form: the decision is written to the contact in it.
    language = models.CharField(max_length=8, verbose_name=_("language"))
    submitted_at = models.DateTimeField(default=timezone.now, verbose_name=_("submitted at"))
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.SUBMITTED,
        verbose_name=_("status"),
    )
    reason = models.TextField(blank=True, verbose_name=_("reason given"))
    # The email telling the contact the decision (`proposals.review`).
    decision_email = models.OneToOneField(
        "registrations.EmailDelivery",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
        verbose_name=_("decision email"),
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("mission proposal")
        verbose_name_plural = _("mission proposals")

    def __str__(self):
        return f"{self.association_name} – {self.page.title}"
