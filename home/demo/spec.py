"""The demo content as the loader reads it from ``data/``, before it is saved.

Every translatable text is a ``Tr(fr, en)`` pair, so the English text sits next to the French
one. A page is a ``PageSpec``; the builder turns the same spec into the French field values
(saved on the page) and the English ones (given to wagtail-localize as string translations).
StreamField blocks get ids derived from the page key, so both languages share one structure.
"""

import re
import uuid
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from wagtail.models import Page

ID_NAMESPACE = uuid.UUID("6b0c1d2e-5f8a-4b7c-9d3e-2a1f0c9b8e7d")


class Tr(NamedTuple):
    """One text in French and in English."""

    fr: str
    en: str


@dataclass(frozen=True)
class PageRef:
    """Another demo page, by its key."""

    key: str


@dataclass(frozen=True)
class CourseRef:
    """A training course (``data/courses.yaml``), by its key."""

    key: str


@dataclass(frozen=True)
class ImageRef:
    """A generated image, by its key in ``images.IMAGES``."""

    key: str


class Stream(list):
    """A StreamField value: a list of ``(block type, value)`` pairs."""


class Items(list):
    """A ListBlock value: its items get stable ids, which wagtail-localize needs."""


@dataclass
class PageSpec:
    """A page of the demo tree. ``key`` is stable: it names the page in references and ids."""

    model: type[Page]
    key: str
    title: Tr
    slug: Tr
    fields: dict[str, Any] = field(default_factory=dict)
    children: list["PageSpec"] = field(default_factory=list)

    def walk(self):
        """This spec then its descendants, parents always before their children."""
        yield self
        for child in self.children:
            yield from child.walk()


class Unresolved(Exception):
    """A reference to a page that is not built yet."""


def block_id(*parts):
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(part) for part in parts)))


# An apostrophe after a letter, as typed in the sources: pages write it ’, as the interface
# does in both languages.
TYPED_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'")


def localise(value, lang, resolve, path):
    """The raw value of ``value`` in ``lang`` ("fr" or "en"), references turned into ids."""
    if isinstance(value, Tr):
        text = getattr(value, lang)
        return TYPED_APOSTROPHE.sub("’", text)
    if isinstance(value, PageRef | CourseRef | ImageRef):
        return resolve(value).pk
    if isinstance(value, Stream):
        return [
            {
                "type": block_type,
                "value": localise(block_value, lang, resolve, f"{path}/{index}"),
                "id": block_id(path, index),
            }
            for index, (block_type, block_value) in enumerate(value)
        ]
    if isinstance(value, Items):
        return [
            {
                "type": "item",
                "value": localise(item, lang, resolve, f"{path}/{index}"),
                "id": block_id(path, index),
            }
            for index, item in enumerate(value)
        ]
    if isinstance(value, dict):
        return {
            name: localise(item, lang, resolve, f"{path}/{name}") for name, item in value.items()
        }
    if isinstance(value, list):
        return [
            localise(item, lang, resolve, f"{path}/{index}") for index, item in enumerate(value)
        ]
    return value
