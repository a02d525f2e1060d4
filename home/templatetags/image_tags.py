"""Wagtail's {% picture %}, kept valid HTML when an original is smaller than the sizes asked,
and SVG images served as they are."""

from django import template
from django.utils.html import format_html, format_html_join
from wagtail.images.image_operations import FormatOperation
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

register = template.Library()


@register.simple_tag
def responsive_picture(image, spec, **attrs):
    """Like ``{% picture image spec attr=… %}``, with ``spec`` as one string.

    A small original (a 256 px pictogram asked at 400 and 800 px) yields renditions of the
    same width, which Wagtail lists as a lone srcset candidate next to ``sizes``: invalid HTML.
    Renditions of a width already listed are dropped, and ``sizes`` with them when one is left.
    """
    if not image:
        return ""
    if image.is_svg():
        # Drawn to scale to any size: the original itself, never rasterised.
        attrs = {key: value for key, value in attrs.items() if key != "sizes"}
        attrs.setdefault("alt", image.default_alt_text)
        return format_html(
            '<img src="{}" width="{}" height="{}" class="is-svg"{}>',
            image.file.url,
            int(image.width),
            int(image.height),
            format_html_join("", ' {}="{}"', attrs.items()),
        )
    renditions = get_renditions_or_not_found(image, Filter.expand_spec(spec))
    seen, unique = set(), {}
    for key, rendition in renditions.items():
        fmt = next((f for f in FormatOperation.supported_formats if f"format-{f}" in key), "")
        if (fmt, rendition.width) not in seen:
            seen.add((fmt, rendition.width))
            unique[key] = rendition
    picture = Picture(unique, attrs)
    groups = list(picture.formats.values()) or [picture.renditions]
    if all(len(group) < 2 for group in groups):
        attrs.pop("sizes", None)
    return picture
