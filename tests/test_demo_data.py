"""The demo content's data files: every entry says where its facts come from, and every
reference between entries leads somewhere."""

import datetime

import pytest
import yaml

from home.demo import loader
from home.demo.images import IMAGES
from home.demo.spec import CourseRef, ImageRef, PageRef

DATA_FILES = sorted(path.stem for path in loader.DATA.glob("*.yaml") if path.stem != "sources")


def entries():
    for name in DATA_FILES:
        data = loader.read(name)
        yield from ((name, entry) for entry in (data if isinstance(data, list) else [data]))


def references(value):
    if isinstance(value, PageRef | ImageRef | CourseRef | loader.VenueRef):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from references(item)
    elif isinstance(value, list):
        for item in value:
            yield from references(item)


def test_every_entry_names_known_sources():
    codes = set(loader.read("sources"))
    for name, entry in entries():
        if name == "settings":
            continue  # One mapping, whose header names its sources.
        label = f"{name}: {entry.get('key') or entry.get('community')}"
        assert entry.get("sources"), f"{label} names no source"
        assert set(entry["sources"]) <= codes, f"{label} names an unknown source"


def test_every_reference_leads_to_an_entry():
    pages = [entry["key"] for entry in loader.page_entries()]
    assert len(pages) == len(set(pages)), "two pages share a key"
    known = {
        PageRef: set(pages),
        ImageRef: set(IMAGES),
        CourseRef: {entry["key"] for entry in loader.read("courses")},
        loader.VenueRef: {entry["key"] for entry in loader.read("venues")},
    }
    for name, entry in entries():
        for ref in references(entry):
            assert ref.key in known[type(ref)], f"{name}: {ref} leads nowhere"
    for group in loader.read("partners"):
        assert group["community"] in pages


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        # Paris is UTC+1 in winter, UTC+2 in summer.
        ("+20 days 18:30", datetime.date(2026, 12, 1), datetime.datetime(2026, 12, 21, 17, 30)),
        ("-3 days 09:00", datetime.date(2026, 7, 1), datetime.datetime(2026, 6, 28, 7, 0)),
        ("next 12-03 16:00", datetime.date(2026, 12, 3), datetime.datetime(2026, 12, 3, 15, 0)),
        ("next 12-03 16:00", datetime.date(2026, 12, 4), datetime.datetime(2027, 12, 3, 15, 0)),
        ("last 09-22 09:30", datetime.date(2026, 9, 22), datetime.datetime(2025, 9, 22, 7, 30)),
        ("last 09-22 09:30", datetime.date(2026, 9, 23), datetime.datetime(2026, 9, 22, 7, 30)),
    ],
)
def test_event_dates_are_read_relative_to_the_day_of_loading(text, today, expected):
    moment = yaml.load(f"!when '{text}'", Loader=loader.Loader).at(today)
    assert moment == expected.replace(tzinfo=datetime.UTC)
