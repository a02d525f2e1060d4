from django.conf import settings
from wagtail import hooks

from registrations.emails import PERSONAL_LINK_HOOK
from registrations.rgpd import PERSONAL_DATA_HOOK

from .models import PassportLink, TrainingRecord
from .passport import link_url


@hooks.register(PERSONAL_DATA_HOOK)
def trainings_done_elsewhere(email, erase):
    records = TrainingRecord.objects.filter(email=email).select_related("course")
    data = [
        {
            "course": record.course.name,
            "completed_on": record.completed_on.isoformat(),
            "evidence": record.evidence,
        }
        for record in records
    ]
    if erase:
        records.delete()
        # Passport links open nothing once the data is gone; their rows go too.
        PassportLink.objects.filter(email=email).delete()
    return {"trainings_done_elsewhere": data}


@hooks.register(PERSONAL_LINK_HOOK)
def passport_link(delivery):
    return {"url": link_url(delivery.registration.email), "hours": settings.PASSPORT_LINK_HOURS}
