from wagtail import hooks

from registrations.rgpd import PERSONAL_DATA_HOOK

from .models import TrainingRecord


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
    return {"trainings_done_elsewhere": data}
