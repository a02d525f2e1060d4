from wagtail import hooks

from home.models import HOME_PAGE_CONTEXT
from volunteers.models import TrainingRecord

from .models import EventPage, confirm_trained

UPCOMING_EVENTS = 3


@hooks.register(HOME_PAGE_CONTEXT)
def upcoming_events(home):
    return {
        "upcoming_events": EventPage.objects.in_listing(home.locale_id).upcoming()[
            :UPCOMING_EVENTS
        ]
    }


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def training_done_elsewhere(request, instance):
    """A course recorded by staff confirms the provisional mission places it qualifies for."""
    if isinstance(instance, TrainingRecord):
        confirm_trained([instance.email])
