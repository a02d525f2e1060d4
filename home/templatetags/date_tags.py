"""Dates as each language writes them, where Django's formats (see site/formats) fall short."""

import re

from django import template
from django.template.defaultfilters import date
from django.utils.formats import get_format
from django.utils.translation import get_language

register = template.Library()

# A day number in a date format, unless escaped ("\j").
DAY = re.compile(r"(?<!\\)j")


@register.filter(expects_localtime=True)
def written_date(value, arg="DATE_FORMAT"):
    """Django's `date` filter, except that French writes the first of a month as an ordinal:
    "1er mars 2026", not "1 mars 2026"."""
    if get_language() == "fr" and getattr(value, "day", None) == 1:
        arg = DAY.sub(r"j\\e\\r", get_format(arg))
    return date(value, arg)
