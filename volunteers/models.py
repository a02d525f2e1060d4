"""What a volunteer has done, beyond single registrations: the trainings that qualify them.

A training course ("Premiers secours", "Aller vers les personnes sans-abri") is what a mission
requires; each training event is a session of a course. A person is trained once staff marked
them present at a session, or recorded a course they completed elsewhere (`TrainingRecord`).
People are known by their email address: citizens have no account.
"""

from django.db import models
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
