"""Places allocated by lot: people apply until registration closes, then a fair, recorded draw
gives the places; winners confirm in time or the next in draw order gets the place."""

import datetime
import io
from collections import Counter

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage
from registrations.draw import draw_order
from registrations.models import Registration, RegistrationList
from registrations.outbox import EmailDelivery
from tests.conftest import SAME_ORIGIN, email_links, form_data

APPLICANTS = [f"candidat{n}@example.org" for n in range(5)]


@pytest.fixture
def visit(home_page):
    """A Carte Citoyenne visit: 2 places drawn by lot when registration closes tomorrow."""
    agenda = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(
        parent=agenda,
        title="Visite insolite de l’Hôtel de Ville",
        kind=EventPage.Kind.VISIT,
        start=timezone.now() + datetime.timedelta(days=7),
        capacity=2,
        registration_closes_at=timezone.now() + datetime.timedelta(days=1),
        allocation=EventPage.Allocation.DRAW,
    )


def close_applications(visit):
    EventPage.objects.filter(pk=visit.pk).update(
        registration_closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )


def draw(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("draw_lots", stdout=io.StringIO())


@pytest.fixture
def applied(visit, register):
    registrations = [register(visit, email=email) for email in APPLICANTS]
    mail.outbox.clear()
    return registrations


def test_people_apply_until_the_draw_and_hold_no_place(client, visit, register, page_text):
    text = page_text(client.get(visit.url))
    assert "2 places, tirées au sort parmi les candidatures le" in text
    assert "Candidater au tirage au sort" in text

    application = register(visit)

    assert application.status == Registration.Status.APPLIED
    assert visit.places_left() == 2  # Nobody holds a place before the draw.
    (message,) = mail.outbox
    assert message.subject.startswith("Candidature enregistrée")
    assert "/inscriptions/confirmer/" not in message.body  # Winners confirm, after the draw.
    assert email_links(message, "cancel")  # Withdrawing is possible until then.


def test_one_application_per_address_in_both_languages(client, visit, register, translate):
    translate(visit.get_parent())
    english = translate(visit, title="Unusual visit of the Hôtel de Ville")
    register(visit)

    response = client.post(english.url, form_data(english), **SAME_ORIGIN)

    assert response.status_code == 303
    assert Registration.objects.filter(translation_key=visit.translation_key).count() == 1


def test_the_draw_gives_the_places_in_a_replayable_order_and_tells_everyone(
    visit, applied, django_capture_on_commit_callbacks
):
    close_applications(visit)
    draw(django_capture_on_commit_callbacks)

    record = RegistrationList.objects.get(translation_key=visit.translation_key)
    expected = draw_order([r.pk for r in applied], record.draw_seed)
    ranked = list(Registration.objects.order_by("draw_rank"))
    assert [r.pk for r in ranked] == expected  # Anyone can replay it from the seed.
    winners, others = ranked[:2], ranked[2:]
    assert all(r.status == Registration.Status.PENDING and r.hold_until for r in winners)
    assert all(r.status == Registration.Status.WAITING for r in others)
    # Everyone learns the outcome; winners get the link that confirms their place.
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == set(APPLICANTS)
    for winner in winners:
        message = by_address[winner.email]
        assert message.subject.startswith("Tiré au sort")
        assert email_links(message, "confirm")
    for position, other in enumerate(others, start=1):
        body = " ".join(by_address[other.email].body.split())
        assert f"vous êtes numéro {position} sur la liste d’attente" in body


def test_the_draw_is_recorded_in_the_page_history_and_never_run_again(
    visit, applied, django_capture_on_commit_callbacks
):
    close_applications(visit)
    draw(django_capture_on_commit_callbacks)
    ranks = dict(Registration.objects.values_list("pk", "draw_rank"))
    mail.outbox.clear()

    draw(django_capture_on_commit_callbacks)
    assert visit.draw_lots() is None

    assert dict(Registration.objects.values_list("pk", "draw_rank")) == ranks
    assert mail.outbox == []
    (entry,) = PageLogEntry.objects.filter(page=visit, action="registrations.draw")
    seed = RegistrationList.objects.get(translation_key=visit.translation_key).draw_seed
    assert entry.data["seed"] == seed and entry.data["places"] == 2
    assert entry.data["order"] == sorted(ranks, key=ranks.get)


def test_a_winner_who_does_not_confirm_in_time_passes_the_place_down_the_draw(
    visit, applied, django_capture_on_commit_callbacks
):
    close_applications(visit)
    draw(django_capture_on_commit_callbacks)
    first, second, third = Registration.objects.order_by("draw_rank")[:3]
    second.confirm()
    Registration.objects.filter(pk=first.pk).update(
        hold_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("release_unconfirmed_places", stdout=io.StringIO())

    first.refresh_from_db()
    third.refresh_from_db()
    assert first.status == Registration.Status.CANCELLED
    assert third.status == Registration.Status.PENDING  # The next in draw order.
    assert EmailDelivery.objects.filter(registration=third, kind="promoted").exists()


def test_an_applicant_who_withdraws_is_not_drawn(
    client, visit, applied, django_capture_on_commit_callbacks
):
    withdrawn = applied[0]
    withdrawn.cancel()
    close_applications(visit)

    draw(django_capture_on_commit_callbacks)

    withdrawn.refresh_from_db()
    assert withdrawn.draw_rank is None and withdrawn.status == Registration.Status.CANCELLED
    assert Registration.objects.exclude(draw_rank=None).count() == 4


def test_the_draw_is_fair():
    """Over many seeds, each of 6 applicants wins one of 2 places a third of the time, and is
    drawn first a sixth of the time."""
    runs = 12_000
    wins, firsts = Counter(), Counter()
    for seed in range(runs):
        order = draw_order(range(6), seed)
        wins.update(order[:2])
        firsts[order[0]] += 1

    for applicant in range(6):
        assert abs(wins[applicant] / runs - 1 / 3) < 0.02
        assert abs(firsts[applicant] / runs - 1 / 6) < 0.015


def test_a_draw_needs_a_closing_date_and_places(visit):
    visit.registration_closes_at = None
    visit.capacity = None

    with pytest.raises(ValidationError) as error:
        visit.full_clean()

    assert {"registration_closes_at", "capacity"} <= set(error.value.message_dict)
