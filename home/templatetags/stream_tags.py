"""Keep StreamField rendering in constant queries whatever the number of blocks."""

from django import template
from django.db.models import prefetch_related_objects
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.images.models import AbstractImage

from pagecache.cache import fragment

register = template.Library()


def _images(value):
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _images(child.value)
    elif isinstance(value, StructValue):
        for child in value.values():
            yield from _images(child)
    elif isinstance(value, ListValue):
        for child in value:
            yield from _images(child)


@register.simple_tag
def prefetch_renditions(stream_value):
    """Fetch the renditions of every image in the stream in one query, before the blocks'
    {% picture %} tags would each run their own."""
    images = list(_images(stream_value))
    if images:
        prefetch_related_objects(images, "renditions")
    return ""


@register.simple_tag(takes_context=True)
def page_stream(context, page, field):
    """A page's StreamField, rendered once and kept with the pages (publishing purges them): a
    page that a change of its places left purged renders again without reading its images,
    documents and linked pages."""
    value = getattr(page, field)
    return fragment(
        context.get("request"),
        f"stream-{field}",
        lambda: value.render_as_block(context.flatten()),
        page.pk,
    )
