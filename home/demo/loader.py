"""Reads the demo content from the YAML files in ``data/`` into the specs the builder saves.

Each file's header says what it holds. The vocabulary:

- a mapping with exactly ``fr`` and ``en`` is a text in both languages (``Tr``);
- ``!page key``, ``!image key``, ``!course key`` refer to another demo page, a generated image
  (``images.IMAGES``) or a training course (``courses.yaml``); ``!venue key`` names a place of
  ``venues.yaml``, whose address and arrondissement the event takes;
- ``!when "+20 days 18:30"``, ``!when "next 12-03 16:00"`` and ``!when "last 09-22 09:30"``
  date an event relative to the day the content is loaded, in Paris time;
- a page's StreamField is a list of ``{block type: value}``, shaped by the model's blocks;
- ``sources`` names where each entry's facts come from, among the codes of ``sources.yaml``.
"""

import datetime
import zoneinfo
from functools import cache
from pathlib import Path
from typing import NamedTuple

import yaml
from django.apps import apps
from django.conf import settings
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField

from .spec import CourseRef, ImageRef, Items, PageRef, PageSpec, Stream, Tr

DATA = Path(__file__).parent / "data"

# Parents before children: a page's parent is in the same file or an earlier one.
PAGE_FILES = ["pages", "communities", "kits", "events", "arrondissements", "charters"]

# Pages that take places open registration four weeks ahead, until the day before.
REGISTRATION_OPENS = datetime.timedelta(days=28)
REGISTRATION_CLOSES = datetime.timedelta(days=1)

META = ("key", "type", "parent", "sources", "title", "slug")


class When(NamedTuple):
    """A moment written relative to the day the content is loaded."""

    text: str

    def at(self, today):
        """The aware UTC datetime this stands for, ``today`` being a Paris date."""
        rule, _, clock = self.text.rpartition(" ")
        hour, minute = (int(part) for part in clock.split(":"))
        if rule.endswith(" days"):
            day = today + datetime.timedelta(days=int(rule.removesuffix(" days")))
        else:
            # « next 12-03 »: the next 3 December, today included; « last 09-22 »: the last
            # 22 September before today. For events the sources date.
            direction, month_day = rule.split(" ")
            month, day_of_month = (int(part) for part in month_day.split("-"))
            day = datetime.date(today.year, month, day_of_month)
            if direction == "next" and day < today:
                day = day.replace(year=day.year + 1)
            elif direction == "last" and day >= today:
                day = day.replace(year=day.year - 1)
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        moment = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)
        return moment.astimezone(datetime.UTC)


class VenueRef(NamedTuple):
    key: str


class Loader(yaml.SafeLoader):
    """YAML with the demo's tags."""


for tag, kind in {
    "!page": PageRef,
    "!image": ImageRef,
    "!course": CourseRef,
    "!venue": VenueRef,
    "!when": When,
}.items():
    Loader.add_constructor(
        tag, lambda loader, node, kind=kind: kind(loader.construct_scalar(node))
    )


@cache
def read(name):
    with (DATA / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.load(file, Loader=Loader)


def texts(value):
    """``value`` with its ``{fr, en}`` mappings as ``Tr``."""
    if isinstance(value, dict):
        if value.keys() == {"fr", "en"}:
            return Tr(value["fr"], value["en"])
        return {name: texts(item) for name, item in value.items()}
    if isinstance(value, list):
        return [texts(item) for item in value]
    return value


def shaped(value, block):
    """A StreamField value, its streams and lists marked as such for ``spec.localise``."""
    if isinstance(block, StreamBlock):
        return Stream(
            (name, shaped(item, block.child_blocks[name]))
            for entry in value
            for name, item in entry.items()
        )
    if isinstance(block, ListBlock):
        return Items(shaped(item, block.child_block) for item in value)
    if isinstance(block, StructBlock) and isinstance(value, dict):
        return {name: shaped(item, block.child_blocks[name]) for name, item in value.items()}
    return value


def field_values(model, entry):
    values = {}
    for name, value in entry.items():
        value = texts(value)
        model_field = model._meta.get_field(name)
        if isinstance(model_field, StreamField):
            value = shaped(value, model_field.stream_block)
        values[name] = value
    return values


def venues():
    return {entry["key"]: entry for entry in read("venues")}


def event_fields(fields, today):
    """Dates resolved against ``today``, a venue reference expanded, the registration window."""
    for name, value in fields.items():
        if isinstance(value, When):
            fields[name] = value.at(today)
    if isinstance(fields.get("venue"), VenueRef):
        venue = venues()[fields["venue"].key]
        fields["venue"] = texts(venue["name"])
        fields.setdefault("address", venue.get("address") or "")
        fields.setdefault("arrondissement", venue.get("arrondissement"))
    if fields.get("capacity"):
        fields["registration_opens_at"] = fields["start"] - REGISTRATION_OPENS
        fields["registration_closes_at"] = fields["start"] - REGISTRATION_CLOSES
    return fields


def page_entries():
    for name in PAGE_FILES:
        yield from read(name)


def site_tree(today):
    """The whole demo tree, its events dated relative to ``today`` (a Paris date)."""
    specs = {}
    root = None
    for entry in page_entries():
        model = apps.get_model(entry["type"])
        fields = field_values(model, {k: v for k, v in entry.items() if k not in META})
        if any(isinstance(value, When) for value in fields.values()):
            fields = event_fields(fields, today)
        spec = PageSpec(
            model,
            entry["key"],
            title=texts(entry["title"]),
            slug=texts(entry["slug"]),
            fields=fields,
        )
        specs[spec.key] = spec
        if "parent" in entry:
            specs[entry["parent"]].children.append(spec)
        else:
            root = spec
    for group in read("partners"):
        specs[group["community"]].fields["partners"] = group["names"]
    return root


def courses():
    """Training courses: (key, name, description)."""
    return [
        (entry["key"], texts(entry["name"]), texts(entry["description"]))
        for entry in read("courses")
    ]


def partners():
    """The partner associations' names (proper nouns, the same in both languages)."""
    return list(dict.fromkeys(name for group in read("partners") for name in group["names"]))


def site_settings():
    """The site settings the demo fills in, the footer links shaped as a stream."""
    SiteSettings = apps.get_model("home", "SiteSettings")
    return field_values(SiteSettings, read("settings"))
