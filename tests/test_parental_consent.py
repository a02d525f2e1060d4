"""Under 15, a registration counts only once the parent agrees, through a link sent to the
parent's address (Loi Informatique et Libertés art. 45, RGPD art. 8)."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from charters.factories import ProgrammePageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from registrations.models import Registration
from tests.conftest import email_links

PARENT = "dominique.dupont@example.org"


def born_years_ago(years):
    today = timezone.localdate()
    return (today.replace(year=today.year - years) - datetime.timedelta(days=1)).isoformat()


CHILD = {
    "first_name": "Léo",
    "date_of_birth": born_years_ago(11),
    "parent_name": "Dominique Dupont",
    "parent_email": PARENT,
}


@pytest.fixture
def visit(home_page):
    """A visit open from 7, one place and a waiting list."""
    agenda = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(
        parent=agenda,
        title="Visite insolite de l’Hôtel de Ville",
        kind="visit",
        capacity=1,
        ask_date_of_birth=True,
    )


def parent_link(message):
    (link,) = email_links(message, "parent")
    return link


def mail_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_a_childs_registration_waits_for_the_parent_who_is_emailed_not_the_child(visit, register):
    child = register(visit, **CHILD)

    assert child.status == Registration.Status.PENDING and child.awaits_parent
    (to_child,) = mail_to("camille.dupont@example.org")
    (to_parent,) = mail_to(PARENT)
    # The child cannot make it count: no confirmation link for them.
    assert "/inscriptions/confirmer/" not in to_child.body
    assert "Nous avons demandé à votre parent" in " ".join(to_child.body.split())
    assert to_parent.subject.startswith("Votre accord est demandé")
    body = " ".join(to_parent.body.split())
    assert body.startswith("Bonjour Dominique Dupont,")
    assert "Léo Dupont s’est inscrit à « Visite insolite de l’Hôtel de Ville »" in body
    assert "/inscriptions/parent/" in parent_link(to_parent)


def test_the_parent_agrees_and_the_child_is_told(
    client, visit, register, page_text, django_capture_on_commit_callbacks
):
    child = register(visit, **CHILD)
    link = parent_link(mail_to(PARENT)[0])
    mail.outbox.clear()

    # Opening the link (a mail scanner does) changes nothing; the button does.
    assert "Léo Dupont s’est inscrit" in page_text(client.get(link))
    child.refresh_from_db()
    assert child.awaits_parent
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"answer": "agree"})

    assert "compte désormais" in page_text(response)
    child.refresh_from_db()
    assert child.status == Registration.Status.CONFIRMED
    assert child.parent_consent and child.parent_answered_at
    (told,) = mail.outbox
    assert told.to == ["camille.dupont@example.org"]
    assert "a accepté votre inscription" in " ".join(told.body.split())
    # A second click says it is done.
    assert "Vous avez accepté cette inscription" in page_text(
        client.post(link, {"answer": "refuse"})
    )


def test_the_parent_refuses_the_place_goes_to_the_waiting_list_and_the_child_is_told(
    client, visit, register, page_text, django_capture_on_commit_callbacks
):
    child = register(visit, **CHILD)
    waiting = register(
        visit, email="noa.martin@example.org", first_name="Noa", date_of_birth="1990-05-04"
    )
    assert waiting.status == Registration.Status.WAITING
    link = parent_link(mail_to(PARENT)[0])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"answer": "refuse"})

    assert "est annulée" in page_text(response)
    child.refresh_from_db()
    waiting.refresh_from_db()
    assert child.status == Registration.Status.CANCELLED and not child.parent_consent
    assert waiting.status == Registration.Status.PENDING  # Held for Noa to confirm.
    (told,) = mail_to("camille.dupont@example.org")
    assert "n’a pas accepté votre inscription" in " ".join(told.body.split())


def test_the_childs_own_confirmation_link_cannot_stand_for_the_parent(client, home_page, register):
    from registrations import tokens
    from registrations.emails import link

    community_like = ProgrammePageFactory(parent=home_page)
    child = register(community_like, **CHILD)
    # Even with a forged-looking confirmation link for the child's own address.
    response = client.post(link("registrations:confirm", child, tokens.CONFIRM))

    assert response.status_code == 200
    child.refresh_from_db()
    assert child.status == Registration.Status.PENDING and child.awaits_parent


def test_without_an_answer_in_time_the_registration_is_cancelled_and_the_child_told(
    visit, register, django_capture_on_commit_callbacks
):
    child = register(visit, **CHILD)
    Registration.objects.filter(pk=child.pk).update(
        hold_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("release_unconfirmed_places", stdout=None)

    child.refresh_from_db()
    assert child.status == Registration.Status.CANCELLED
    (told,) = mail.outbox
    assert told.to == ["camille.dupont@example.org"]
    assert "n’a pas répondu à temps" in " ".join(told.body.split())


def test_the_parent_link_is_refused_for_another_address_or_purpose(client, visit, register):
    register(visit, **CHILD)
    (cancel,) = email_links(mail_to("camille.dupont@example.org")[0], "cancel")
    token = cancel.rstrip("/").rsplit("/", 1)[-1]

    response = client.get(f"/fr/inscriptions/parent/{token}/")

    assert response.status_code == 404


def test_the_parent_is_asked_in_english_from_the_english_page(visit, register, translate):
    translate(visit.get_parent())
    english = translate(visit, title="Unusual visit of the Hôtel de Ville")

    register(english, **CHILD)

    (to_parent,) = mail_to(PARENT)
    assert to_parent.subject == "Your agreement is asked: Unusual visit of the Hôtel de Ville"
    assert "/en/registrations/parent/" in parent_link(to_parent)


def test_a_programme_open_from_a_minimum_age_must_ask_the_date_of_birth(home_page):
    carte = ProgrammePageFactory.build(minimum_age=7, ask_date_of_birth=False)

    with pytest.raises(ValidationError) as error:
        home_page.add_child(instance=carte)

    assert "ask_date_of_birth" in error.value.message_dict
