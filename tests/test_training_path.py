"""« Toute mission proposée est systématiquement précédée d'une formation »: a mission takes
only people trained for it, provisionally those booked on a training before it."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage
from registrations.models import Registration
from registrations.outbox import EmailDelivery
from registrations.rgpd import erase_personal_data, export_personal_data
from tests.conftest import SAME_ORIGIN, form_data
from volunteers.factories import TrainingCourseFactory, TrainingRecordFactory
from volunteers.models import TrainingRecord

NOW = timezone.now()
CAMILLE = "camille.dupont@example.org"


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def course(locale_fr):
    return TrainingCourseFactory(name="Premiers secours")


@pytest.fixture
def training(agenda, course):
    return EventPageFactory(
        parent=agenda,
        title="Initiation aux premiers secours",
        kind=EventPage.Kind.TRAINING,
        training_course=course,
        start=NOW + datetime.timedelta(days=7),
        capacity=12,
    )


@pytest.fixture
def mission(agenda, training):
    """One place, a waiting list, and the first-aid training required first."""
    return EventPageFactory(
        parent=agenda,
        title="Poste de secours de la Course du cœur",
        kind=EventPage.Kind.MISSION,
        required_training=training,
        start=NOW + datetime.timedelta(days=14),
        capacity=1,
        waiting_list_enabled=True,
    )


def outcome(page_text, response, email=None):
    """The answer after the form's button; the echo of the address typed, when given, checked
    and blanked, so that two visitors' answers compare."""
    text = page_text(response).split("S’inscrire", 1)[-1]
    if email is not None:
        echo = f"{email[0]}•••@{email.split('@')[1]}"
        assert echo in text
        text = text.replace(echo, "(address)")
    return text


def mark_present(admin_client, training, *registrations):
    response = admin_client.post(
        reverse("staff_attendance", args=[training.pk]),
        {"attended": [registration.pk for registration in registrations]},
    )
    assert response.status_code == 302


def text_of(message):
    return " ".join(message.body.split())


def test_an_untrained_address_is_told_by_email_which_training_comes_first(
    client, mission, training, register, page_text
):
    other_session = EventPageFactory(
        parent=training.get_parent(),
        title="Initiation aux premiers secours (session du samedi)",
        kind=EventPage.Kind.TRAINING,
        training_course=training.training_course,
        start=NOW + datetime.timedelta(days=9),
        capacity=12,
    )
    full_session = EventPageFactory(
        parent=training.get_parent(),
        title="Session complète",
        kind=EventPage.Kind.TRAINING,
        training_course=training.training_course,
        start=NOW + datetime.timedelta(days=8),
        capacity=1,
        waiting_list_enabled=False,
    )
    register(full_session, email="someone.else@example.org")
    mail.outbox.clear()

    refused = register(mission)

    # No place is kept: the mission's only place is still free.
    assert refused.status == Registration.Status.NOT_ELIGIBLE
    assert mission.places_left() == 1
    (message,) = mail.outbox
    assert message.to == [CAMILLE]
    assert message.subject == "Une formation d’abord\u00a0: Poste de secours de la Course du cœur"
    body = text_of(message)
    assert "la formation « Premiers secours »" in body
    # The next sessions of the course with places left, soonest first, with their links.
    assert body.index(training.full_url) < body.index(other_session.full_url)
    assert full_session.full_url not in body
    assert "/inscriptions/annuler/" not in body and "/inscriptions/confirmer/" not in body


def test_the_page_answers_an_untrained_and_a_trained_address_alike(
    client, mission, page_text, django_capture_on_commit_callbacks
):
    TrainingRecordFactory(
        email="formee@example.org", course=mission.required_training.training_course
    )
    answers = []
    for email in ["formee@example.org", CAMILLE]:
        response = client.post(mission.url, form_data(mission, email=email), **SAME_ORIGIN)
        assert response.status_code == 303
        answers.append(outcome(page_text, client.get(response["Location"]), email))
        Registration.objects.filter(email="formee@example.org").update(status="cancelled")

    assert answers[0] == answers[1]
    assert "Confirmez votre adresse" in answers[0]


def test_a_mission_is_accepted_once_the_person_was_marked_present_at_a_session(
    admin_client, mission, training, register
):
    assert register(mission).status == Registration.Status.NOT_ELIGIBLE
    at_training = register(training)
    # Marked present as staff do it, on the training's attendance list.
    mark_present(admin_client, training, at_training)
    mail.outbox.clear()

    accepted = register(mission)

    assert accepted.status == Registration.Status.PENDING
    assert not accepted.provisional
    assert mission.places_left() == 0
    (message,) = mail.outbox
    assert "/inscriptions/confirmer/" in message.body
    assert "provisoire" not in message.body


def test_a_place_on_a_training_before_the_mission_gives_a_provisional_place(
    admin_client, client, mission, training, register, page_text
):
    at_training = register(training)
    mail.outbox.clear()

    provisional = register(mission)

    assert provisional.status == Registration.Status.PENDING
    assert provisional.provisional
    (message,) = mail.outbox
    assert "Votre place est provisoire jusqu’à ce que vous soyez noté présent à la formation " in (
        text_of(message)
    )
    # Staff see who is provisional on the mission's attendance list and registrations list.
    attendance = page_text(admin_client.get(reverse("staff_attendance", args=[mission.pk])))
    assert "provisoire : pas encore noté présent à la formation" in attendance.replace(
        "\u00a0", " "
    )
    listing = page_text(
        admin_client.get(reverse("wagtailforms:list_submissions", args=[mission.pk]))
    )
    assert "Formation" in listing and "provisoire" in listing

    # Marked present at the training: the place is no longer provisional.
    mark_present(admin_client, training, at_training)
    provisional.refresh_from_db()
    assert not provisional.provisional
    listing = page_text(
        admin_client.get(reverse("wagtailforms:list_submissions", args=[mission.pk]))
    )
    assert "provisoire" not in listing and "faite" in listing


def test_a_training_booked_after_the_mission_gives_no_place(agenda, mission, register):
    late = EventPageFactory(
        parent=agenda,
        kind=EventPage.Kind.TRAINING,
        training_course=mission.required_training.training_course,
        start=mission.start + datetime.timedelta(days=1),
        capacity=10,
    )
    register(late)

    assert register(mission).status == Registration.Status.NOT_ELIGIBLE


def test_a_provisional_place_goes_to_the_waiting_list_when_the_person_missed_the_training(
    mission, training, register
):
    register(training)
    provisional = register(mission)
    TrainingRecordFactory(email="formee@example.org", course=training.training_course)
    waiting = register(mission, email="formee@example.org", first_name="Noa")
    assert waiting.status == Registration.Status.WAITING
    mail.outbox.clear()

    # The training took place yesterday; nobody marked Camille present. Staff still have the
    # day to mark the list: nothing moves yet.
    EventPage.objects.filter(pk=training.pk).update(
        start=timezone.now() - datetime.timedelta(hours=26),
        end=timezone.now() - datetime.timedelta(hours=23),
    )
    call_command("release_untrained_places", stdout=None)
    provisional.refresh_from_db()
    assert provisional.status == Registration.Status.PENDING

    # A day after the training: released, Camille told why, the place given to Noa.
    EventPage.objects.filter(pk=training.pk).update(
        start=timezone.now() - datetime.timedelta(hours=28),
        end=timezone.now() - datetime.timedelta(hours=25),
    )
    call_command("release_untrained_places", stdout=None)
    provisional.refresh_from_db()
    waiting.refresh_from_db()
    assert provisional.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.PENDING and waiting.hold_until  # Held for Noa.
    kinds = EmailDelivery.objects.values_list("registration__email", "kind")
    assert (CAMILLE, EmailDelivery.Kind.PREREQUISITE_LAPSED) in kinds
    assert ("formee@example.org", EmailDelivery.Kind.PROMOTED) in kinds


def test_the_release_email_says_why_in_the_persons_language(
    mission, training, register, translate, django_capture_on_commit_callbacks
):
    translate(training.get_parent())
    mission_en = translate(mission, title="First-aid post")
    register(training)
    provisional = register(mission_en)
    mail.outbox.clear()
    EventPage.objects.filter(pk=training.pk).update(
        start=timezone.now() - datetime.timedelta(days=3),
        end=timezone.now() - datetime.timedelta(days=2),
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("release_untrained_places", stdout=None)

    provisional.refresh_from_db()
    assert provisional.status == Registration.Status.CANCELLED
    (message,) = mail.outbox
    assert message.subject == "Provisional place released: First-aid post"
    assert "you were not marked present at it" in text_of(message)


def test_a_training_recorded_by_staff_counts_in_both_languages(
    mission, register, translate, page_text
):
    TrainingRecordFactory(email=CAMILLE, course=mission.required_training.training_course)
    translate(mission.get_parent())
    mission_en = translate(mission, title="First-aid post")

    accepted = register(mission_en)

    assert accepted.status == Registration.Status.PENDING and not accepted.provisional


def test_the_refusal_email_in_english_names_the_training(mission, register, translate, locale_en):
    translate(mission.get_parent())
    mission_en = translate(mission, title="First-aid post")
    english_course = mission.required_training.training_course.copy_for_translation(locale_en)
    english_course.name = "First aid"
    english_course.save()

    register(mission_en)

    (message,) = mail.outbox
    assert message.subject == "A training comes first: First-aid post"
    assert "the training “First aid” first" in text_of(message)


def test_registering_again_untrained_does_not_flood_the_address(mission, client):
    for _attempt in range(3):
        client.post(mission.url, form_data(mission), **SAME_ORIGIN)

    assert Registration.objects.filter(status=Registration.Status.NOT_ELIGIBLE).count() == 1
    assert EmailDelivery.objects.count() == 1


def test_the_mission_page_says_which_training_comes_first_and_how(client, mission, page_text):
    text = page_text(client.get(mission.url))

    assert "Formation préalable obligatoire Initiation aux premiers secours" in text
    assert "Tant que vous n’y êtes pas noté présent, votre place est provisoire" in text


def test_staff_record_a_training_done_elsewhere_and_it_confirms_a_provisional_place(
    admin_client, mission, training, register
):
    register(training)
    provisional = register(mission)
    assert provisional.provisional

    response = admin_client.post(
        reverse("wagtailsnippets_volunteers_trainingrecord:add"),
        {
            "email": " Camille.Dupont@Example.org ",
            "course": training.training_course.pk,
            "completed_on": "2026-05-30",
            "evidence": "Certificat PSC1 de la Croix-Rouge",
        },
    )

    assert response.status_code == 302
    provisional.refresh_from_db()
    assert not provisional.provisional


def test_trainings_done_elsewhere_are_exported_and_erased_with_the_personal_data(mission):
    TrainingRecordFactory(email=CAMILLE, course=mission.required_training.training_course)

    exported = export_personal_data(CAMILLE)
    assert exported["trainings_done_elsewhere"] == [
        {"course": "Premiers secours", "completed_on": "2026-06-01", "evidence": "Certificat PSC1"}
    ]
    erase_personal_data(CAMILLE)
    assert not TrainingRecord.objects.exists()
