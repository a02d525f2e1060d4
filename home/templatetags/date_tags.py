"""Dates and file sizes as each language writes them, where Django's formats (see site/formats)
fall short."""

import re

from django import template
from django.template.defaultfilters import date, filesizeformat
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


# French writes kilo-octets « Ko », where Django's catalogue gives the binary « Kio ».
FRENCH_SIZE_UNITS = {"Kio": "Ko", "Mio": "Mo", "Gio": "Go"}


@register.filter
def file_size(value):
    """Django's `filesizeformat`, with the units a French reader expects: "1,9 Ko"."""
    size = filesizeformat(value)
    if get_language() == "fr":
        number, _space, unit = size.rpartition("\xa0")
        size = f"{number}\xa0{FRENCH_SIZE_UNITS.get(unit, unit)}"
    return size
