from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Attendance(models.Model):
    """Whether a registered person came, as marked on the event's attendance list.

    Later features (a mission that requires a training) read who completed what from here.
    Erasing a registration erases its attendance with it.
    """

    registration = models.OneToOneField(
        "registrations.Registration",
        on_delete=models.CASCADE,
        related_name="attendance",
        verbose_name=_("registration"),
    )
    attended = models.BooleanField(default=False, verbose_name=_("attended"))
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked by"),
    )
    marked_at = models.DateTimeField(verbose_name=_("marked at"))

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")

    def __str__(self):
        return f"{self.registration_id}: {self.attended}"
