"""What an editor cannot save: the errors they get and the field they are shown on."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def training(agenda):
    return EventPageFactory(
        parent=agenda, training=True, start=timezone.now() + datetime.timedelta(days=5)
    )


def mission(agenda, **fields):
    """An unsaved mission, as the editor has filled the form."""
    return EventPageFactory.build(
        kind=EventPage.Kind.MISSION,
        title="Mission de nettoyage des tags",
        start=timezone.now() + datetime.timedelta(days=10),
        **fields,
    )


def save_errors(agenda, page):
    with pytest.raises(ValidationError) as caught:
        agenda.add_child(instance=page)
    with translation.override("en"):
        return {field: [str(m) for m in messages] for field, messages in caught.value}


def test_a_mission_without_training_is_refused(agenda):
    errors = save_errors(agenda, mission(agenda))
    assert errors["required_training"] == ["A mission is always preceded by a training."]
    assert not EventPage.objects.filter(kind=EventPage.Kind.MISSION).exists()


def test_a_mission_whose_training_comes_after_it_is_refused(agenda, training):
    early = mission(agenda, required_training=training)
    early.start = training.start - datetime.timedelta(days=1)
    early.end = early.start + datetime.timedelta(hours=3)
    errors = save_errors(agenda, early)
    assert errors["required_training"] == ["The training must take place before the mission."]


def test_a_mission_may_only_require_a_training(agenda):
    conference = EventPageFactory(
        parent=agenda,
        kind=EventPage.Kind.CONFERENCE,
        start=timezone.now() + datetime.timedelta(days=2),
    )
    errors = save_errors(agenda, mission(agenda, required_training=conference))
    assert errors["required_training"] == ["Choose an event of the kind “Training”."]


def test_a_mission_after_its_training_is_saved(agenda, training):
    page = agenda.add_child(instance=mission(agenda, required_training=training))
    assert EventPage.objects.get(pk=page.pk).required_training == training


def test_an_event_that_ends_before_it_starts_is_refused(agenda):
    start = timezone.now() + datetime.timedelta(days=3)
    page = EventPageFactory.build(start=start, end=start - datetime.timedelta(hours=1))
    errors = save_errors(agenda, page)
    assert errors["end"] == ["The event must end after it starts."]


def test_registration_that_closes_before_it_opens_is_refused(agenda):
    opens = timezone.now() + datetime.timedelta(days=1)
    page = EventPageFactory.build(
        registration_opens_at=opens, registration_closes_at=opens - datetime.timedelta(hours=1)
    )
    errors = save_errors(agenda, page)
    assert errors["registration_closes_at"] == ["Registration must close after it opens."]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"capacity": int("1" * 400)}, "capacity", "less than or equal to 100000"),
        ({"capacity": 100_001}, "capacity", "less than or equal to 100000"),
    ],
)
def test_absurd_numbers_are_refused_with_a_clear_error(agenda, fields, field, message):
    event = EventPageFactory.build(title="Forum", start=timezone.now(), **fields)
    errors = save_errors(agenda, event)
    assert any(message in text for text in errors[field])
