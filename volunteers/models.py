"""What a volunteer has done, beyond single registrations: the trainings that qualify them, and
the secret links to their engagement passport.

A training course ("Premiers secours", "Aller vers les personnes sans-abri") is what a mission
requires; each training event is a session of a course. A person is trained once staff marked
them present at a session, or recorded a course they completed elsewhere (`TrainingRecord`).
People are known by their email address: citizens have no account.
"""

import hashlib
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class TrainingCourse(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(
        max_length=200,
        verbose_name=_("name"),
        help_text=_("e.g. “Premiers secours”; every session of this training names it."),
    )
    description = models.TextField(
        blank=True,
        max_length=500,
        verbose_name=_("description"),
        help_text=_("What the training teaches, in one or two sentences."),
    )

    panels = [FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")

    def __str__(self):
        return self.name


class TrainingRecordQuerySet(models.QuerySet):
    def of(self, email, course):
        """Records of `course` (in any language) for `email`."""
        return self.filter(
            email=email.strip().lower(), course__translation_key=course.translation_key
        )


@register_snippet
class TrainingRecord(models.Model):
    """A course completed elsewhere (a first-aid certificate…), recorded by staff so that nobody
    is asked to take it twice. Who recorded it, and when, is in Wagtail's history of it."""

    email = models.EmailField(
        verbose_name=_("email"),
        help_text=_("The address the person registers with; stored in lower case."),
    )
    course = models.ForeignKey(
        TrainingCourse,
        on_delete=models.PROTECT,
        related_name="records",
        verbose_name=_("training course"),
    )
    completed_on = models.DateField(verbose_name=_("completed on"))
    evidence = models.CharField(
        max_length=200,
        verbose_name=_("evidence"),
        help_text=_("What was shown, e.g. “PSC1 certificate issued by the Red Cross”."),
    )

    objects = TrainingRecordQuerySet.as_manager()

    panels = [
        FieldPanel("email"),
        FieldPanel("course"),
        FieldPanel("completed_on"),
        FieldPanel("evidence"),
    ]

    class Meta:
        ordering = ["-completed_on", "-pk"]
        verbose_name = _("training done elsewhere")
        verbose_name_plural = _("trainings done elsewhere")
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.course} ({self.completed_on:%Y-%m-%d})"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


class PassportLinkQuerySet(models.QuerySet):
    def valid(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class PassportLink(models.Model):
    """A secret link to a person's engagement passport, or to their private calendar feed.

    The URL holds a random token and nothing else; only its SHA-256 is stored, so the table
    cannot be turned back into working links. A passport link expires after
    PASSPORT_LINK_HOURS; a calendar feed lasts until revoked. Either can be revoked, and
    neither touches the links of registration emails.
    """

    class Purpose(models.TextChoices):
        PASSPORT = "passport", _("passport")
        CALENDAR = "calendar", _("calendar feed")

    digest = models.CharField(max_length=64, unique=True, editable=False)
    email = models.EmailField(verbose_name=_("email"))
    purpose = models.CharField(max_length=10, choices=Purpose.choices, verbose_name=_("purpose"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created at"))
    expires_at = models.DateTimeField(null=True, blank=True, verbose_name=_("expires at"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("revoked at"))

    objects = PassportLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("passport link")
        verbose_name_plural = _("passport links")
        indexes = [models.Index(fields=["email", "purpose"])]

    def __str__(self):
        return f"{self.get_purpose_display()} #{self.pk}"

    @staticmethod
    def _digest(token):
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, email, purpose, lifetime=None):
        """A new link's token; the caller puts it in a URL, we keep only its digest."""
        token = secrets.token_urlsafe(32)
        cls.objects.create(
            digest=cls._digest(token),
            email=email,
            purpose=purpose,
            expires_at=timezone.now() + lifetime if lifetime else None,
        )
        return token

    @classmethod
    def find(cls, token, purpose):
        """The valid link of this purpose that `token` opens, or None."""
        if not token or len(token) > 100:
            return None
        return cls.objects.valid().filter(digest=cls._digest(token), purpose=purpose).first()

    def revoke(self):
        PassportLink.objects.filter(pk=self.pk).update(revoked_at=timezone.now())
