"""The language of a text that a translation still shows as written in the source language.

wagtail-localize keeps the French text of whatever a translator leaves untranslated, so an
English page may show a French motto: that text needs its own lang attribute (WCAG 3.1.2).
Translated text, and proper names such as the communities' names, need none.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language

register = template.Library()


def _source_languages(pages, field):
    """For each page, the source language's code when its `field` reads as on the page of that
    language, else ""; one query, none when the visitor reads the source language."""
    source = settings.LANGUAGE_CODE
    if not pages or get_language() == source:
        return [""] * len(pages)
    texts = dict(
        type(pages[0])
        .objects.filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code=source,
        )
        .values_list("translation_key", field)
    )
    return [
        source if texts.get(page.translation_key) == getattr(page, field) else "" for page in pages
    ]


@register.simple_tag
def source_language(page, field):
    """`{% source_language page "motto" as motto_lang %}`: "fr" when the page shows its motto
    in French although the visitor reads another language, else ""."""
    return _source_languages([page], field)[0]


@register.simple_tag
def source_languages(pages, field):
    """The same for a listing, in one query: pairs to loop over with
    `{% for community, motto_lang in mottos %}`."""
    pages = list(pages)
    return list(zip(pages, _source_languages(pages, field), strict=True))
