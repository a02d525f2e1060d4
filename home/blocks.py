"""StreamField blocks shared by every page type.

App-specific blocks (kit steps, charter commitments, programme items) live in each app's
own ``blocks.py`` and are added to ``BodyBlock`` there.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
        label=_("Level"),
        help_text=_("Use level 2 for sections and level 3 for sub-sections."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading.html"
        description = _("A section title, which also appears in the page outline.")
        preview_value = {"text": "Agir contre la grande exclusion", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "components/blocks/paragraph.html"
        description = _("Formatted text with links and lists.")
        preview_value = (
            "<p>Les Volontaires de Paris sont des citoyens engagés qui participent à la "
            "mise en œuvre concrète de projets dans leur ville.</p>"
        )


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("Image"),
        help_text=_(
            "The alternative text starts as the image’s own: adapt it to what the image says "
            "here. Tick “Image is decorative” only when it adds nothing to the text."
        ),
    )
    caption = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Caption"),
        help_text=_(
            "Shown under the image for everyone, e.g. the place, date or photographer; "
            "don’t repeat the alternative text."
        ),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/figure.html"
        description = _("An image with its alternative text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Source"),
        help_text=_("Who said or wrote it, e.g. a community or a volunteer’s first name."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote.html"
        description = _("A highlighted quotation and its source.")
        preview_value = {"quote": "Agir pour une Ville plus verte", "source": "Végétalisons Paris"}


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        max_length=30,
        label=_("Figure"),
        help_text=_("The number as it should be read, e.g. “Près de 500” or “9”."),
    )
    label = blocks.CharBlock(max_length=140, label=_("What it counts"))

    class Meta:
        icon = "pick"
        label = _("Key figure")
        template = "components/blocks/key_figure.html"
        description = _("A number and what it counts, taken from a published source.")
        preview_value = {"figure": "Près de 500", "label": "Volontaires de Paris inscrits"}


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "pick"
        label = _("Key figures")
        template = "components/blocks/key_figures.html"


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, label=_("Page of this site"))
    url = blocks.URLBlock(required=False, label=_("Or an external address"))
    text = blocks.CharBlock(
        max_length=80,
        label=_("Link text"),
        help_text=_(
            "Says where the link leads, e.g. “Découvrir les communautés”, never “Cliquez ici”."
        ),
    )

    class Meta:
        icon = "link"
        label = _("Link")
        template = "components/blocks/link.html"
        description = _("A call to action towards a page of this site or another site.")
        preview_value = {"url": "https://www.paris.fr", "text": "Paris.fr"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": _("Choose either a page or an external address.")}
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        max_length=150,
        label=_("Title"),
        help_text=_("Leave blank to use the document’s own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "components/blocks/document.html"
        description = _("A file to download, shown with its format and size.")


class SettingsBlock(blocks.StaticBlock):
    """A legal page's section whose facts come from the site settings, which a deployment
    fills: what is not filled in is left out, never shown as a placeholder."""


class LegalNoticeBlock(SettingsBlock):
    class Meta:
        icon = "info-circle"
        label = _("Legal notice: publisher, director, host")
        admin_text = _(
            "Shows the publisher, the publication director and the host set in the site settings."
        )
        template = "components/blocks/legal_notice.html"


class DataProtectionBlock(SettingsBlock):
    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["retention_days"] = settings.REGISTRATION_RETENTION_DAYS
        return context

    class Meta:
        icon = "lock"
        label = _("Privacy: controller, contact, retention, rights")
        admin_text = _(
            "Shows the controller and the data protection officer’s contact from the site "
            "settings, how long registrations are kept, and how to exercise one’s rights."
        )
        template = "components/blocks/data_protection.html"


class AccessibilityStatusBlock(SettingsBlock):
    class Meta:
        icon = "view"
        label = _("Accessibility statement")
        admin_text = _(
            "Shows the statement on the RGAA model from the site settings: compliance, audit, "
            "non-accessible content, derogations, contact and recourse."
        )
        template = "components/blocks/accessibility_status.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    link = LinkBlock()
    document = DocumentBlock()
    legal_notice = LegalNoticeBlock()
    data_protection = DataProtectionBlock()
    accessibility_status = AccessibilityStatusBlock()

    class Meta:
        template = "components/blocks/stream.html"
