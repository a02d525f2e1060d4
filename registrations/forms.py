"""The public registration form, the form builder for editors' extra questions, the admin form."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm

from pagecache.cache import kept_with_pages

# Under this age a parent or guardian registers with the child (RGPD art. 8, French law: 15).
AGE_OF_DIGITAL_CONSENT = 15
HONEYPOT = "leave_blank"
MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")
NAME_PUNCTUATION = frozenset(" '’-.")
# Letters by Unicode's account that print nothing (Hangul fillers): a name of them is empty.
INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")


class AccessibilityNeed(models.TextChoices):
    WHEELCHAIR = "wheelchair", _("Wheelchair access")
    SIGN_LANGUAGE = "sign_language", _("Sign-language interpreter")
    EASY_READ = "easy_read", _("Easy-to-read documents")
    OTHER = "other", _("Something else (please say below)")


def validate_name(value):
    """Letters of any script with their accents, spaces, hyphens, apostrophes, dots."""
    allowed = all(unicodedata.category(c)[0] in "LM" or c in NAME_PUNCTUATION for c in value)
    if not allowed or not any(c.isalpha() and c not in INVISIBLE_LETTERS for c in value):
        raise ValidationError(
            _("Use letters, spaces, hyphens and apostrophes only."), code="invalid_name"
        )


def validate_email_domain(value):
    """A domain name, not an address in brackets (user@[192.0.2.1]): no mail service of a
    person is reached that way, and it only serves to probe or to abuse the form."""
    if value.rpartition("@")[2].startswith("["):
        raise ValidationError(
            _("Enter an email address with a domain name, e.g. name@example.org."),
            code="ip_domain",
        )


def validate_plain_text(value):
    """No markup and no control characters in free text."""
    if MARKUP.search(value):
        raise ValidationError(
            _("Please remove the < and > signs: HTML is not accepted."), code="markup"
        )
    if any(unicodedata.category(c) == "Cc" and c not in "\n\r\t" for c in value):
        raise ValidationError(_("Please remove the invisible characters."), code="control")


class NameField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=100, validators=[validate_name], **kwargs)

    def to_python(self, value):
        # One spelling per name: "é" typed as e + accent is stored as the single letter.
        return unicodedata.normalize("NFC", super().to_python(value))


class RegistrationForm(BaseForm):
    """The fields every registration form has; the form builder adds the editor's questions."""

    first_name = NameField(
        label=_("First name"), widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = NameField(
        label=_("Last name"), widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        validators=[validate_email_domain],
        help_text=_("We write to you at this address about your registration only."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
    )
    parent_name = forms.CharField(
        label=_("Parent or guardian’s full name"),
        required=False,
        max_length=200,
        validators=[validate_name],
        help_text=_("Required under 15."),
    )
    parent_email = forms.EmailField(
        label=_("Parent or guardian’s email"),
        required=False,
        max_length=254,
        validators=[validate_email_domain],
        help_text=_(
            "Required under 15: we ask your parent or guardian to agree to your registration "
            "by email, and it counts once they have."
        ),
    )
    accessibility_needs = forms.MultipleChoiceField(
        label=_("Accessibility needs (optional)"),
        required=False,
        choices=AccessibilityNeed.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("So that the organisers can welcome you; only they see it."),
    )
    accessibility_details = forms.CharField(
        label=_("Details of your needs (optional)"),
        required=False,
        max_length=500,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(label=_("I agree."))
    # Hidden from people; robots that fill every field give themselves away.
    leave_blank = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # The page the form was displayed on: a form posted to another page is refused.
    form_page = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.page
        self.fields["form_page"].initial = page.pk
        self.fields["consent"].label = page.registration_consent
        if not page.ask_date_of_birth:
            for name in ("date_of_birth", "parent_name", "parent_email"):
                del self.fields[name]
        if not page.ask_accessibility_needs:
            del self.fields["accessibility_needs"], self.fields["accessibility_details"]
        if page.registration_profile:
            self.fields.update(page.registration_profile_fields())
        # Who registers, then the editor's questions, then needs and consent.
        extra = [name for name in self.fields if name not in RESERVED_NAMES]
        self.order_fields([*RESERVED_NAMES[:6], *extra, *RESERVED_NAMES[6:]])

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born > today:
            raise ValidationError(_("The date of birth cannot be in the future."))
        age = age_on(born, today)
        if age > 120:
            raise ValidationError(_("Please check the year of birth."))
        minimum_age = getattr(self.page, "minimum_age", None)
        if minimum_age and age < minimum_age:
            raise ValidationError(
                _("Registration is open from the age of %(age)s.") % {"age": minimum_age}
            )
        return born

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT):
            raise ValidationError(_("Your registration could not be sent. Please try again."))
        if cleaned_data.get("form_page") not in (None, self.page.pk):
            raise ValidationError(
                _("This form belongs to another page. Please register from the page itself.")
            )
        born = cleaned_data.get("date_of_birth")
        if born and age_on(born, timezone.localdate()) < AGE_OF_DIGITAL_CONSENT:
            required = {
                "parent_name": _("Under 15, please give a parent or guardian’s name."),
                "parent_email": _("Under 15, please give a parent or guardian’s email."),
            }
            for name, message in required.items():
                if not cleaned_data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        else:
            # From 15 (or with no date of birth), nobody else's agreement is asked.
            cleaned_data.pop("parent_name", None)
            cleaned_data.pop("parent_email", None)
        needs = cleaned_data.get("accessibility_needs") or []
        if AccessibilityNeed.OTHER in needs and not cleaned_data.get("accessibility_details"):
            self.add_error(
                "accessibility_details", _("Please tell us what you need so we can prepare.")
            )
        return cleaned_data


RESERVED_NAMES = [
    "first_name",
    "last_name",
    "email",
    "date_of_birth",
    "parent_name",
    "parent_email",
    "accessibility_needs",
    "accessibility_details",
    "consent",
    HONEYPOT,
    "form_page",
]


def age_on(born, day):
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


# What the details are kept for, and for how long, by what registering does (the page's
# `registration_purpose`); the delays are those of `rgpd.expired_registrations`.
CONSENTS = {
    "place": _(
        "I agree that the Ville de Paris keeps the details I give here to manage my place and "
        "write to me about this event, for %(days)s days at most after it."
        " I can see, correct or erase them, or object, at any time by cancelling through the "
        "link in every email or by writing to the address in the privacy notice."
    ),
    "membership": _(
        "I agree that the Ville de Paris keeps the details I give here to count me as a member "
        "of this community and write to me about its events and missions, for %(days)s days at "
        "most after joining."
        " I can see, correct or erase them, or object, at any time by cancelling through the "
        "link in every email or by writing to the address in the privacy notice."
    ),
    "signature": _(
        "I agree that the Ville de Paris keeps the details I give here to count my signature of "
        "this charter, which is never published by name, for %(days)s days at most after "
        "signing."
        " I can see, correct or erase them, or object, at any time by cancelling through the "
        "link in every email or by writing to the address in the privacy notice."
    ),
    "application": _(
        "I agree that the Ville de Paris keeps the details I give here to process my application "
        "for the card and write to me about the activities it opens, for %(days)s days at most "
        "after applying."
        " I can see, correct or erase them, or object, at any time by cancelling through the "
        "link in every email or by writing to the address in the privacy notice."
    ),
    "volunteer": _(
        "I agree that the Ville de Paris keeps the details I give here to count me among the "
        "Volontaires de Paris and write to me about the programme’s events, trainings and "
        "missions, for %(days)s days at most after joining."
        " I can see, correct or erase them, or object, at any time by cancelling through the "
        "link in every email or by writing to the address in the privacy notice."
    ),
}


def consent_label(page):
    """The RGPD article 13 notice in short, linking to the full privacy notice."""
    from django.conf import settings

    from home.models import SiteSettings

    text = CONSENTS.get(page.registration_purpose, CONSENTS["volunteer"]) % {
        "days": settings.REGISTRATION_RETENTION_DAYS
    }

    def privacy_url():
        privacy_page = SiteSettings.for_site(page.get_site()).privacy_page
        return privacy_page.localized.url if privacy_page else ""

    # The same on every page of a language: kept with the pages, purged with them.
    url = kept_with_pages("privacy-url", privacy_url, get_language())
    if not url:
        return text
    return format_html('{} <a href="{}">{}</a>', text, url, _("Read the privacy notice."))


class RegistrationFormBuilder(FormBuilder):
    """Wagtail's form builder with length limits and plain text only."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.field_type in ("singleline", "multiline", "hidden"):
            options["validators"] = [validate_plain_text]
        return options

    def create_multiline_field(self, field, options):
        options["max_length"] = 2000
        return super().create_multiline_field(field, options)

    def create_hidden_field(self, field, options):
        options["max_length"] = 255
        return super().create_hidden_field(field, options)

    def create_email_field(self, field, options):
        options["max_length"] = 254
        options["validators"] = [validate_email_domain]
        return super().create_email_field(field, options)

    def create_number_field(self, field, options):
        # Wagtail's is unbounded: 400 digits or 1E+999 would be taken and stored.
        options.update(max_digits=15, decimal_places=4)
        return super().create_number_field(field, options)

    def create_url_field(self, field, options):
        options["max_length"] = 2000
        return super().create_url_field(field, options)

    def create_date_field(self, field, options):
        options["widget"] = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        return super().create_date_field(field, options)

    def get_form_class(self):
        return type("RegistrationForm", (RegistrationForm,), self.formfields)


class RegistrationPageAdminForm(WagtailAdminFormPageForm):
    """Editors' extra questions may not take the name of a field every form has."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        for form in formset.forms if formset else []:
            if form.cleaned_data.get("DELETE"):
                continue
            name = form.instance.clean_name or form.instance.get_field_clean_name()
            if name in RESERVED_NAMES:
                form.add_error(
                    "label",
                    _("Every form already asks this; please choose another label."),
                )
        return cleaned_data
