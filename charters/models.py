from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.models import BasePage
from registrations.models import Registration

from .blocks import ActivityBlock, BenefitBlock, CommitmentBlock
from .panels import CharterVersionsPanel


class CharterPage(BasePage):
    """A charter: a preamble then numbered commitments that citizens can sign."""

    preamble = RichTextField(
        features=RICH_TEXT_FEATURES,
        verbose_name=_("preamble"),
        help_text=_("Why the charter exists and who drew it up."),
    )
    commitments = StreamField(
        [("commitment", CommitmentBlock())],
        blank=True,
        verbose_name=_("commitments"),
        help_text=_(
            "In order: they are numbered 1, 2, 3… on the page. Leave empty when the charter’s "
            "text is published elsewhere, and link it below."
        ),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("after the commitments"),
        help_text=_("Optional text under the commitments, e.g. what signing means."),
    )
    version = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1)],
        verbose_name=_("version"),
        help_text=_(
            "Raise it by one when you publish changed commitments (not for a typo): each "
            "signature records the version signed, and the signatories of earlier versions "
            "can then be invited to accept the new one."
        ),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("preamble"),
        index.SearchField("commitments"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("preamble"),
        FieldPanel("commitments"),
        FieldPanel("body"),
        FieldPanel("version"),
    ]
    registration_panels = [CharterVersionsPanel(), *BasePage.registration_panels]

    # Signatories count once their address is confirmed; the page shows how many have signed
    # its current version.
    registration_shows_count = True
    registration_purpose = "signature"

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("charter")

    def clean(self):
        super().clean()
        live = CharterPage.objects.filter(pk=self.pk).values_list("version", flat=True).first()
        if live is not None and not live <= self.version <= live + 1:
            raise ValidationError(
                {
                    "version": ValidationError(
                        _("The version is %(live)s: keep it, or raise it by one."),
                        params={"live": live},
                    )
                }
            )

    def registration_text_version(self):
        """The current version: the default language's page's, which a translation follows
        once synced."""
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if self.locale.language_code == language:
            return self.version
        default = (
            CharterPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=language
            )
            .values_list("version", flat=True)
            .first()
        )
        return default or self.version

    def confirmed_registrations_count(self):
        return (
            Registration.objects.for_page(self)
            .confirmed()
            .filter(text_version=self.registration_text_version())
            .count()
        )


class ProgrammePage(BasePage):
    """The Carte Citoyenne programme: what the card gives and the activities it opens."""

    minimum_age = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        verbose_name=_("minimum age"),
        help_text=_("The age from which one may join, if the programme sets one."),
    )
    benefits = StreamField(
        [("benefit", BenefitBlock())],
        blank=True,
        verbose_name=_("benefits"),
        help_text=_("What holders of the card get, e.g. “Des visites insolites”."),
    )
    activities = StreamField(
        [("activity", ActivityBlock())],
        blank=True,
        verbose_name=_("activities"),
        help_text=_("What the card opens: unusual visits, citizen workshops, events…"),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Shown after the benefits and activities, e.g. how to get the card."),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("benefits"),
        index.SearchField("activities"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("minimum_age"),
        FieldPanel("benefits"),
        FieldPanel("activities"),
        FieldPanel("body"),
    ]

    registration_purpose = "application"

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]

    def clean(self):
        super().clean()
        # A minimum age is checked, and a child's parent asked, only with the date of birth.
        if self.minimum_age and not self.ask_date_of_birth:
            raise ValidationError(
                {
                    "ask_date_of_birth": _(
                        "A programme open from a minimum age must ask the date of birth."
                    )
                }
            )

    class Meta:
        verbose_name = _("programme")
