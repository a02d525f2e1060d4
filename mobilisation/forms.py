from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from communities.models import KitPage
from home.paris import ARRONDISSEMENTS
from volunteers.models import TrainingCourse

from .models import Activation

MESSAGE_MAX_LENGTH = 1000


def message_field(language_code):
    return f"message_{language_code}"


class ActivationForm(forms.ModelForm):
    """Starting an activation: what it is, where, what to tell volunteers in each language."""

    arrondissements = forms.TypedMultipleChoiceField(
        label=_("Arrondissements"),
        help_text=_("Volunteers who can act in one of them are alerted."),
        coerce=int,
        choices=ARRONDISSEMENTS,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Activation
        fields = ["crisis", "arrondissements", "kit", "training_course"]
        help_texts = {
            "kit": _("Linked from the alert, e.g. « Le Volontaire et la canicule »."),
            "training_course": _("Leave empty to alert every volunteer of these arrondissements."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        self.fields["kit"].queryset = KitPage.objects.live().filter(locale=default)
        self.fields["training_course"].queryset = TrainingCourse.objects.filter(locale=default)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
            self.fields[message_field(code)] = forms.CharField(
                label=_("Message (%(language)s)") % {"language": name},
                help_text=_("What volunteers are asked to do; sent with the alert."),
                max_length=MESSAGE_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
        # The messages after the arrondissements, before the kit.
        self.order_fields(
            ["crisis", "arrondissements"]
            + [message_field(code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        )

    def save(self, commit=True):
        self.instance.messages = {
            code: self.cleaned_data[message_field(code)]
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        }
        return super().save(commit)
