"""The volunteer profile asked when joining the Volontaires de Paris (pages whose registration
purpose is "volunteer"): what the person is interested in, where and when they can take part,
and whether they want to be alerted in a crisis. Stored with the registration (`profile`)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home.paris import ARRONDISSEMENTS

# Apps whose pages a volunteer can be interested in register a function of this Wagtail hook:
# fn(locale_id) returns [(key, label)] (communities/wagtail_hooks.py).
VOLUNTEER_INTERESTS_HOOK = "volunteer_interests"

PROFILE_FIELDS = ("interests", "arrondissements", "availability", "crisis_alerts")


class Availability(models.TextChoices):
    WEEKDAYS = "weekdays", _("on weekdays")
    EVENINGS = "evenings", _("on weekday evenings")
    WEEKENDS = "weekends", _("at weekends")


def interest_choices(locale_id):
    return [choice for fn in hooks.get_hooks(VOLUNTEER_INTERESTS_HOOK) for choice in fn(locale_id)]


def profile_fields(locale_id):
    return {
        "interests": forms.MultipleChoiceField(
            label=_("Communities that interest you (optional)"),
            required=False,
            choices=interest_choices(locale_id),
            widget=forms.CheckboxSelectMultiple,
        ),
        "arrondissements": forms.TypedMultipleChoiceField(
            label=_("Where you can take part (optional)"),
            help_text=_("None ticked: anywhere in Paris."),
            required=False,
            coerce=int,
            choices=ARRONDISSEMENTS,
            widget=forms.CheckboxSelectMultiple,
        ),
        "availability": forms.MultipleChoiceField(
            label=_("When you are available (optional)"),
            required=False,
            choices=Availability.choices,
            widget=forms.CheckboxSelectMultiple,
        ),
        "crisis_alerts": forms.BooleanField(
            label=_(
                "Alert me when the City calls on volunteers in a crisis (a heatwave, a Seine "
                "flood)."
            ),
            required=False,
        ),
    }
