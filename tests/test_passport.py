"""The « Passeport parisien de l'engagement »: asked for by address, opened by a secret link,
showing a person's whole history, with an attestation, a calendar feed and their data."""

import datetime
import io
import json
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar
from pypdf import PdfReader

from charters.factories import CharterPageFactory
from communities.factories import CommunityIndexPageFactory, CommunityPageFactory
from events.factories import EventPageFactory
from events.models import EventPage
from home.factories import StandardPageFactory
from registrations import tokens
from registrations.factories import RegistrationFactory
from registrations.models import Registration
from staff.models import Attendance
from volunteers.factories import TrainingCourseFactory, TrainingRecordFactory
from volunteers.models import PassportLink

CAMILLE = "camille.dupont@example.org"
NOW = timezone.now()


@pytest.fixture
def ask_passport(client, django_capture_on_commit_callbacks):
    """Ask for a passport as a visitor does; the email goes on commit. Returns the page."""

    def _ask(email=CAMILLE, language="fr"):
        path = "/fr/passeport/" if language == "fr" else "/en/passport/"
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(path, {"email": email}, follow=True)

    return _ask


def passport_link(message):
    (url,) = re.findall(r"http://testserver(/(?:fr/passeport|en/passport)/[\w-]+/)", message.body)
    return url


def attend(registration, present=True):
    Attendance.objects.create(registration=registration, attended=present, marked_at=NOW)


@pytest.fixture
def history(home_page, register, translate):
    """Camille's history in three communities: a membership, a training and a mission done,
    an event to come, a charter signed, a first-aid course recorded by staff."""
    index = CommunityIndexPageFactory(parent=home_page)
    solidarity, climate, rescue = (
        CommunityPageFactory(parent=index, title=title)
        for title in ("Volontaires de la Solidarité", "Volontaires du Climat", "Paris qui sauve")
    )
    course = TrainingCourseFactory(name="Aller vers les personnes sans-abri")
    training = EventPageFactory(
        parent=solidarity,
        title="Formation à l’aller vers",
        kind=EventPage.Kind.TRAINING,
        training_course=course,
        start=NOW - datetime.timedelta(days=30, hours=3),
        end=NOW - datetime.timedelta(days=30),
    )
    mission = EventPageFactory(
        parent=solidarity,
        title="Nuit de la Solidarité",
        kind=EventPage.Kind.MISSION,
        required_training=training,
        start=NOW - datetime.timedelta(days=20, hours=4),
        end=NOW - datetime.timedelta(days=20, hours=0, minutes=30),
    )
    planting = EventPageFactory(
        parent=climate,
        title="Plantation de forêt",
        start=NOW + datetime.timedelta(days=10),
        end=NOW + datetime.timedelta(days=10, hours=3),
        capacity=20,
    )
    charter = CharterPageFactory(parent=home_page, title="Charte des Volontaires")
    registrations = {
        "membership": register(rescue),
        # Registered before trainings were required of missions: no page refuses them.
        "training": RegistrationFactory(page=training, email=CAMILLE, last_name="Dupont"),
        "planting": register(planting),
        "charter": register(charter),
    }
    registrations["mission"] = RegistrationFactory(page=mission, email=CAMILLE, last_name="Dupont")
    attend(registrations["training"])
    attend(registrations["mission"])
    TrainingRecordFactory(
        email=CAMILLE, evidence="Certificat PSC1", course__name="Premiers secours"
    )
    mail.outbox.clear()
    return {
        "registrations": registrations,
        "pages": {"rescue": rescue, "planting": planting, "mission": mission, "charter": charter},
    }


def test_the_answer_is_the_same_whether_or_not_the_address_is_known(
    history, ask_passport, page_text
):
    known = page_text(ask_passport(CAMILLE))
    unknown = page_text(ask_passport("personne@example.org"))

    assert known == unknown
    assert "Si cette adresse s’est inscrite chez nous, nous venons de lui envoyer" in known
    # Only the known address gets an email: the form cannot write to strangers.
    (message,) = mail.outbox
    assert message.to == [CAMILLE]
    assert message.subject == "Votre Passeport parisien de l’engagement"


def test_asking_again_at_once_sends_no_second_email(history, ask_passport):
    ask_passport()
    ask_passport()

    assert len(mail.outbox) == 1


def test_the_passport_shows_the_whole_history_in_french(history, ask_passport, client, page_text):
    ask_passport()
    response = client.get(passport_link(mail.outbox[0]))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    text = page_text(response)
    assert "Camille Dupont" in text
    # 3 h (the training) + 3 h 30 (the mission) where Camille was marked present.
    assert "6.5 heures d’engagement" in text or "6,5 heures d’engagement" in text
    upcoming = text.split("À venir", 1)[1].split("Communautés, chartes et programmes")[0]
    assert "Plantation de forêt" in upcoming and "Annuler « Plantation de forêt »" in upcoming
    commitments = text.split("Communautés, chartes et programmes", 1)[1].split("Formations")[0]
    assert "Paris qui sauve" in commitments and "Charte des Volontaires" in commitments
    trainings = text.split("Formations suivies", 1)[1].split("Passé")[0]
    assert "Aller vers les personnes sans-abri" in trainings
    assert "Premiers secours" in trainings and "Certificat PSC1" in trainings
    past = text.split("Passé", 1)[1].split("Votre passeport")[0]
    assert "Nuit de la Solidarité" in past and "présent" in past
    assert "Annuler" not in past  # What is over cannot be cancelled.


def test_the_passport_in_english_shows_the_english_pages(
    history, ask_passport, client, page_text, translate, locale_en
):
    translate(history["pages"]["rescue"].get_parent())
    translate(history["pages"]["rescue"], title="Paris Saves Lives")
    course = TrainingCourseFactory(name="Reaching out", locale=locale_en)
    course.translation_key = history["registrations"][
        "training"
    ].page.specific.training_course.translation_key
    course.save()

    ask_passport(language="en")
    link = passport_link(mail.outbox[0])
    text = page_text(client.get(link.replace("/fr/passeport/", "/en/passport/")))

    assert "Paris engagement passport" in text
    assert "Paris Saves Lives" in text and "Paris qui sauve" not in text
    assert "Reaching out" in text
    assert "6.5 hours of engagement" in text


def test_the_attestation_is_a_tagged_pdf_of_the_persons_engagement(history, ask_passport, client):
    ask_passport()
    response = client.get(passport_link(mail.outbox[0]) + "attestation.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    pdf = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Attestation d’engagement" in text
    assert "La Ville de Paris atteste que Camille Dupont a participé" in text
    assert "Nuit de la Solidarité" in text and "Premiers secours" in text
    assert "Plantation de forêt" not in text  # Not done yet.
    # Tagged, with its language, as PDF/UA asks.
    root = pdf.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert root["/Lang"] == "fr"


def test_the_attestation_in_english(history, ask_passport, client):
    ask_passport()
    link = passport_link(mail.outbox[0]).replace("/fr/passeport/", "/en/passport/")
    pdf = PdfReader(io.BytesIO(client.get(link + "attestation.pdf").content))

    assert "The City of Paris certifies that Camille Dupont" in pdf.pages[0].extract_text()
    assert pdf.trailer["/Root"]["/Lang"] == "en"


def test_the_private_calendar_feed_lists_upcoming_places_until_stopped(
    history, ask_passport, client, page_text
):
    ask_passport()
    link = passport_link(mail.outbox[0])

    text = page_text(client.post(link, {"action": "calendar"}))
    (feed,) = re.findall(r"http://testserver(/fr/passeport/agenda/[\w-]+\.ics)", text)
    calendar = Calendar.from_ical(client.get(feed).content)

    assert [str(event["summary"]) for event in calendar.walk("VEVENT")] == ["Plantation de forêt"]
    client.post(link, {"action": "stop_calendar"})
    assert client.get(feed).status_code == 404


def test_the_data_export_is_self_service(history, ask_passport, client):
    ask_passport()
    response = client.get(passport_link(mail.outbox[0]) + "mes-donnees.json")

    data = json.loads(response.content)
    assert data["email"] == CAMILLE
    assert len(data["registrations"]) == 5
    assert data["trainings_done_elsewhere"][0]["evidence"] == "Certificat PSC1"


def test_erasure_asks_then_erases_like_the_staff_tool(history, ask_passport, client, page_text):
    ask_passport()
    link = passport_link(mail.outbox[0])

    assert "C’est définitif" in page_text(client.get(link + "effacer/"))
    assert Registration.objects.filter(email=CAMILLE).count() == 5  # Asked, not done.
    text = page_text(client.post(link + "effacer/"))

    assert "Vos données sont effacées" in text
    assert not Registration.objects.filter(email=CAMILLE).exists()
    assert not PassportLink.objects.exists()
    assert client.get(link).status_code == 404


def test_a_passport_link_expires_and_can_be_closed_without_touching_registration_links(
    history, ask_passport, client, page_text
):
    ask_passport()
    link = passport_link(mail.outbox[0])
    with translation.override("fr"):
        cancel = reverse(
            "registrations:cancel",
            kwargs={
                "token": tokens.make_token(history["registrations"]["planting"], tokens.CANCEL)
            },
        )

    # Closing it from the passport ends it; a new one works again.
    assert "Ce lien est fermé" in page_text(client.post(link, {"action": "close"}))
    assert client.get(link).status_code == 404
    PassportLink.objects.update(revoked_at=None, expires_at=timezone.now())
    assert "Demander un nouveau lien" in page_text(client.get(link))
    # The registration email's cancel link still works.
    assert client.get(cancel).status_code == 200


def test_the_url_holds_no_personal_data_and_only_a_digest_is_stored(history, ask_passport):
    ask_passport()
    link = passport_link(mail.outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[-1]

    assert "camille" not in link.lower() and "example" not in link
    assert not PassportLink.objects.filter(digest=token).exists()
    assert PassportLink.objects.get().email == CAMILLE


@pytest.mark.parametrize(
    ("email", "error"),
    [
        ("", "Champ requis."),
        ("pas-une-adresse", "Saisissez une adresse de courriel valide."),
        ("a" * 250 + "@example.org", "au plus 254 caractères"),
        ("<script>alert(1)</script>@example.org", "Saisissez une adresse de courriel valide."),
        ("camille@exämple.org", None),
    ],
)
def test_bad_addresses_are_told_next_to_the_field(client, home_page, email, error, page_text):
    response = client.post("/fr/passeport/", {"email": email})

    if error is None:  # Unicode domains are addresses too.
        assert response.status_code == 302
        return
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r'id="id_email_error">[^<]*' + re.escape(error), html)
    assert "<script>alert" not in html


def test_too_many_requests_from_one_connection_are_refused(client, home_page, settings, page_text):
    settings.PASSPORT_RATE_LIMIT = "2/h"
    for _attempt in range(2):
        client.post("/fr/passeport/", {"email": CAMILLE})

    response = client.post("/fr/passeport/", {"email": CAMILLE})

    assert response.status_code == 429
    assert "Trop de demandes depuis votre connexion" in page_text(response)


def test_the_passport_page_query_count_does_not_grow_with_the_history(
    history, ask_passport, client, register
):
    ask_passport()
    link = passport_link(mail.outbox[0])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(link).status_code == 200
        return len(captured)

    before = queries()
    community = history["pages"]["rescue"]
    for number in range(8):
        event = EventPageFactory(
            parent=community, title=f"Maraude {number}", capacity=30, kind=EventPage.Kind.EVENT
        )
        attend(register(event))
    assert queries() == before


def test_the_passport_shows_the_volunteer_profile_once_confirmed(
    history, ask_passport, client, page_text, register
):
    page = StandardPageFactory(parent=history["pages"]["charter"].get_parent())
    joined = register(
        page,
        interests=[history["pages"]["rescue"].translation_key.hex],
        arrondissements=["11"],
        availability=["weekends", "evenings"],
        crisis_alerts="on",
    )
    ask_passport()
    link = passport_link(mail.outbox[-1])
    assert "Votre profil de volontaire" not in page_text(client.get(link))  # Not confirmed.

    joined.confirm()
    text = page_text(client.get(link))

    profile = text.split("Votre profil de volontaire", 1)[1].split("Formations suivies")[0]
    assert "Communautés qui vous intéressent Paris qui sauve" in profile
    assert "11e arrondissement" in profile
    assert "le week-end, en soirée, en semaine" in profile
    assert "oui : la Ville peut faire appel à vous en cas de crise" in profile
    assert f"Volontaires de Paris (rejoint depuis « {page.title} »)" in text


def test_dead_links_are_purged_and_live_ones_kept(history, ask_passport, client):
    ask_passport()
    link = passport_link(mail.outbox[0])
    PassportLink.objects.create(digest="a" * 64, email=CAMILLE, purpose="passport", expires_at=NOW)
    PassportLink.objects.create(
        digest="b" * 64, email=CAMILLE, purpose="calendar", revoked_at=timezone.now()
    )

    call_command("purge_passport_links", stdout=io.StringIO())

    assert PassportLink.objects.count() == 1
    assert client.get(link).status_code == 200
