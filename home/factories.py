"""Test factories for the home app and the blocks every page type shares."""

import factory
import wagtail_factories
from wagtail import blocks
from wagtail.models import Collection

from .blocks import (
    BodyBlock,
    DocumentBlock,
    FigureBlock,
    HeadingBlock,
    KeyFigureBlock,
    LinkBlock,
    ParagraphBlock,
    QuoteBlock,
)
from .models import HomePage, StandardPage


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection, where the admin puts uploads by default."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Image {n}")


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="document.pdf", data=b"%PDF-1.4 test")


class RichTextBlockFactory(wagtail_factories.blocks.BlockFactory):
    """A rich text value from HTML, e.g. ``ParagraphBlockFactory(value="<p>…</p>")``."""

    value = factory.Sequence(lambda n: f"<p>Paragraphe {n}</p>")

    class Meta:
        model = blocks.RichTextBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return block_class().to_python(kwargs["value"])


class ParagraphBlockFactory(RichTextBlockFactory):
    class Meta:
        model = ParagraphBlock


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Sequence(lambda n: f"Intertitre {n}")
    level = "h2"

    class Meta:
        model = HeadingBlock


class FigureBlockFactory(wagtail_factories.StructBlockFactory):
    image = factory.SubFactory(
        wagtail_factories.ImageBlockFactory,
        decorative=False,
        image__image=factory.SubFactory(ImageFactory),
    )
    caption = factory.Sequence(lambda n: f"Légende {n}")

    class Meta:
        model = FigureBlock


class KeyFigureBlockFactory(wagtail_factories.StructBlockFactory):
    figure = "Près de 500"
    label = "Volontaires de Paris inscrits"

    class Meta:
        model = KeyFigureBlock


class QuoteBlockFactory(wagtail_factories.StructBlockFactory):
    quote = "Agir pour une Ville plus verte"
    source = "Végétalisons Paris"

    class Meta:
        model = QuoteBlock


class LinkBlockFactory(wagtail_factories.StructBlockFactory):
    """A link to an external address; pass ``page=…, url=""`` for a page of the site."""

    page = None
    url = "https://www.paris.fr"
    text = factory.Sequence(lambda n: f"Lien {n}")

    class Meta:
        model = LinkBlock


class DocumentBlockFactory(wagtail_factories.StructBlockFactory):
    document = factory.SubFactory(
        wagtail_factories.DocumentChooserBlockFactory,
        document=factory.SubFactory(DocumentFactory),
    )
    title = ""

    class Meta:
        model = DocumentBlock


class BodyBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    figure = factory.SubFactory(FigureBlockFactory)
    quote = factory.SubFactory(QuoteBlockFactory)
    link = factory.SubFactory(LinkBlockFactory)
    document = factory.SubFactory(DocumentBlockFactory)

    class Meta:
        model = BodyBlock


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Volontaires de Paris"
    slug = "accueil"
    hero_title = "Agir pour Paris, avec les Volontaires"
    key_figures = wagtail_factories.StreamFieldFactory(
        {"figure": factory.SubFactory(KeyFigureBlockFactory)}
    )

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    introduction = "Une page d'information du programme."
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)

    class Meta:
        model = StandardPage
