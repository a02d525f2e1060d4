import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from communities.models import CommunityPage, PartnerAssociation
from events.models import EventPage
from home.paris import ARRONDISSEMENTS
from registrations.forms import HONEYPOT, validate_email_domain

# Far enough ahead for the review, a training session and volunteers to register.
MIN_NOTICE = datetime.timedelta(days=7)
MAX_PLACES = 500


class TrainingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, training):
        start = timezone.localtime(training.start)
        return f"{training.title} – {start:%d/%m/%Y %H:%M}"


class ProposalForm(forms.Form):
    """What an association tells us of a mission; each field maps to the draft mission or to
    the proposal (the contact, kept off the page)."""

    association = forms.ModelChoiceField(
        label=_("Your association, if it is already a partner"),
        queryset=PartnerAssociation.objects.none(),
        required=False,
        empty_label=_("Another association"),
    )
    association_name = forms.CharField(
        label=_("Name of the association"),
        help_text=_("Required if it is not in the list above."),
        max_length=200,
        required=False,
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=100)
    contact_email = forms.EmailField(
        label=_("Contact email"),
        max_length=254,
        validators=[validate_email_domain],
        help_text=_("We write to it once the mission is reviewed."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = forms.CharField(
        label=_("Contact phone (optional)"),
        max_length=30,
        required=False,
        validators=[
            RegexValidator(
                r"^\+?[0-9 .()-]{6,30}$", _("Enter a phone number, e.g. 01 42 76 40 40.")
            )
        ],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    title = forms.CharField(
        label=_("Title of the mission"),
        max_length=120,
        help_text=_("e.g. “Distribution de repas aux personnes isolées”."),
    )
    community = forms.ModelChoiceField(
        label=_("Community"), queryset=CommunityPage.objects.none(), empty_label=None
    )
    start = forms.DateTimeField(
        label=_("Starts at"),
        help_text=_("Paris time."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    end = forms.DateTimeField(
        label=_("Ends at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    venue = forms.CharField(label=_("Place"), max_length=200, help_text=_("e.g. “Mairie du 11e”"))
    address = forms.CharField(label=_("Address (optional)"), max_length=250, required=False)
    arrondissement = forms.TypedChoiceField(
        label=_("Arrondissement"),
        choices=[("", _("Outside Paris or across the city")), *ARRONDISSEMENTS],
        coerce=int,
        empty_value=None,
        required=False,
    )
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=MAX_PLACES)
    training = TrainingChoiceField(
        label=_("Training that precedes it"),
        help_text=_(
            "Every mission is preceded by a training: choose the session your volunteers will "
            "take first."
        ),
        queryset=EventPage.objects.none(),
        empty_label=None,
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=600,
        help_text=_("What the volunteers will do, and for whom."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the Ville de Paris keeps these details to review the mission and "
            "write to the contact about it; the mission, once published, shows the "
            "association’s name, never the contact’s."
        )
    )
    leave_blank = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = PartnerAssociation.objects.filter(locale=locale)
        self.fields["community"].queryset = CommunityPage.objects.in_listing(locale)
        self.fields["training"].queryset = (
            EventPage.objects.live()
            .filter(locale=locale, kind=EventPage.Kind.TRAINING, start__gt=timezone.now())
            .order_by("start")
        )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT):
            raise ValidationError(_("Your proposal could not be sent. Please try again."))
        if not cleaned_data.get("association") and not cleaned_data.get("association_name"):
            self.add_error("association_name", _("Give the name of your association."))
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and start < timezone.now() + MIN_NOTICE:
            self.add_error("start", _("Propose a mission at least a week ahead."))
        if start and end and end <= start:
            self.add_error("end", _("The mission must end after it starts."))
        training = cleaned_data.get("training")
        if training and start and training.end > start:
            self.add_error("training", _("The training must end before the mission starts."))
        return cleaned_data

    def mission(self):
        """The draft mission, in the default language, under its community."""
        data = self.cleaned_data
        default = Locale.get_default()
        association = data["association"]
        return EventPage(
            title=data["title"],
            kind=EventPage.Kind.MISSION,
            introduction=data["description"],
            start=data["start"],
            end=data["end"],
            venue=data["venue"],
            address=data["address"],
            arrondissement=data["arrondissement"],
            capacity=data["capacity"],
            community=data["community"].get_translation(default),
            required_training=data["training"].get_translation(default),
            proposed_by=association.get_translation(default) if association else None,
            live=False,
        )

    def proposer_name(self):
        association = self.cleaned_data["association"]
        return association.name if association else self.cleaned_data["association_name"]
