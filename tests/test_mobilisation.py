"""Crisis activations: Communication alerts the volunteers of some arrondissements, each answers
from their email, staff follow the answers, and anyone can stop the alerts."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from home.factories import StandardPageFactory
from mobilisation import alerts
from mobilisation.factories import ActivationFactory, VolunteerFactory
from mobilisation.models import Activation, Alert
from registrations.delivery import claim, deliver, queue_emails
from registrations.factories import RegistrationFactory
from registrations.models import Registration
from registrations.outbox import EmailDelivery
from staff.factories import UserFactory, coordinators_of
from staff.models import Attendance
from staff.roles import COMMUNICATION
from volunteers.factories import TrainingCourseFactory, TrainingRecordFactory

from .conftest import SAME_ORIGIN

MESSAGE_FR = "Canicule : passez voir les personnes isolées de votre immeuble."
MESSAGE_EN = "Heatwave: check on the isolated people of your building."
LINK = r"http://testserver(/(?:fr|en)/mobilisation/[^/\s\"]+/(?:{})/)"


@pytest.fixture
def joined(staff_site, translate):
    """The page volunteers join from, in French and English, and another one in English."""
    page = StandardPageFactory(parent=staff_site["home"], title="Devenir Volontaire")
    other = StandardPageFactory(parent=staff_site["home"], title="Les Volontaires de Paris")
    return {
        "fr": page,
        "en": translate(page, title="Become a volunteer"),
        "other_en": translate(other, title="The Volontaires de Paris"),
    }


def volunteer(page, email, arrondissements=(), interests=(), alerts_on=True, **fields):
    return VolunteerFactory(
        page=page,
        email=email,
        profile={
            "interests": [community.translation_key.hex for community in interests],
            "arrondissements": list(arrondissements),
            "availability": ["weekends"],
            "crisis_alerts": alerts_on,
        },
        **fields,
    )


def send_all():
    """What the email worker does: send every due email."""
    while deliver() is not None:
        pass


def start_form(staff_site, **overrides):
    data = {
        "crisis": "heatwave",
        "arrondissements": ["11", "13"],
        "message_fr": MESSAGE_FR,
        "message_en": MESSAGE_EN,
        "kit": staff_site["climate_kit"].pk,
        "training_course": "",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


@pytest.fixture
def start(client, communication, staff_site):
    """Communication starts an activation from the admin; returns it once started."""

    def _start(**overrides):
        client.force_login(communication)
        response = client.post("/admin/activations/new/", start_form(staff_site, **overrides))
        assert response.status_code == 302, response.context["form"].errors
        return Activation.objects.latest("pk")

    return _start


def emails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def links(message, kind):
    words = {
        "available": "disponible|available",
        "unavailable": "indisponible|unavailable",
        "stop": "arreter-les-alertes|stop-alerts",
    }[kind]
    return re.findall(LINK.format(words), message.body)


def test_an_activation_alerts_each_matching_volunteer_once(joined, start, client, page_text):
    fr = joined["fr"]
    volunteer(fr, "onze@example.org", arrondissements=[11, 12])
    volunteer(fr, "treize@example.org", arrondissements=[13])
    volunteer(fr, "partout@example.org")  # Named no arrondissement: can act anywhere.
    volunteer(fr, "douze@example.org", arrondissements=[12])
    volunteer(fr, "sans-alertes@example.org", arrondissements=[11], alerts_on=False)
    volunteer(fr, "a-confirmer@example.org", arrondissements=[11], status="pending")
    # Joined twice (from two pages): alerted once, in the language of the latest.
    volunteer(fr, "deux-fois@example.org", arrondissements=[11])
    volunteer(joined["other_en"], "deux-fois@example.org", arrondissements=[11])

    activation = start()
    response = client.get(f"/admin/activations/inspect/{activation.pk}/")
    assert "Activation lancée : 4 volontaires alertés." in page_text(response)

    send_all()
    alerted = sorted(address for message in mail.outbox for address in message.to)
    assert alerted == [
        "deux-fois@example.org",
        "onze@example.org",
        "partout@example.org",
        "treize@example.org",
    ]
    (twice,) = emails_to("deux-fois@example.org")
    assert twice.subject == "Heatwave: the City calls on the Volontaires de Paris"

    # Starting is recorded with its outcome, by whom.
    entry = ModelLogEntry.objects.get(action="mobilisation.start")
    assert entry.object_id == str(activation.pk)
    assert entry.data == {"alerted": 4}
    assert activation.started_by.groups.filter(name=COMMUNICATION).exists()


def test_the_alert_says_where_what_to_read_and_how_to_answer_in_the_volunteers_language(
    joined, start, staff_site, translate
):
    kit_en = translate(staff_site["climate_kit"], title="Volunteers and heatwaves")
    volunteer(joined["fr"], "fr@example.org", arrondissements=[11], first_name="Ana")
    volunteer(joined["en"], "en@example.org", arrondissements=[13], first_name="Bo")
    start(message_fr="<script>alert(1)</script> Évitez l’effort à l’heure la plus chaude.")
    send_all()

    (french,) = emails_to("fr@example.org")
    assert french.subject == "Canicule\u00a0: la Ville appelle les Volontaires de Paris"
    assert "Bonjour Ana," in french.body
    assert "11e arrondissement" in french.body and "13e" not in french.body
    assert "<script>alert(1)</script> Évitez l’effort" in french.body  # Plain text, as typed.
    html = french.alternatives[0].content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert staff_site["climate_kit"].get_full_url() in french.body
    assert links(french, "available") and links(french, "unavailable")
    (stop,) = links(french, "stop")
    # One click from the mail client too (RFC 8058).
    assert french.extra_headers["List-Unsubscribe"] == f"<http://testserver{stop}>"
    assert french.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    (english,) = emails_to("en@example.org")
    assert "Hello Bo," in english.body and MESSAGE_EN in english.body
    assert "13th arrondissement" in english.body
    assert kit_en.get_full_url() in english.body
    assert all(url.startswith("/en/mobilisation/") for url in links(english, "available"))


def test_a_volunteer_answers_from_the_email_and_can_change_their_mind(joined, start, page_text):
    volunteer(joined["fr"], "onze@example.org", arrondissements=[11])
    start()
    send_all()
    (message,) = mail.outbox
    (available,) = links(message, "available")
    (unavailable,) = links(message, "unavailable")
    browser = Client(enforce_csrf_checks=True)

    # Opening the link (as a mail scanner does) records nothing.
    response = browser.get(available)
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert "Je suis disponible" in page_text(response)
    assert MESSAGE_FR in page_text(response)
    assert Alert.objects.get().answer == ""

    token = response.cookies["csrftoken"].value
    response = browser.post(available, {"csrfmiddlewaretoken": token}, **SAME_ORIGIN)
    assert "vous êtes compté parmi les volontaires disponibles" in page_text(response)
    assert Alert.objects.get().answer == Alert.Answer.AVAILABLE

    browser.post(unavailable, {"csrfmiddlewaretoken": token}, **SAME_ORIGIN)
    assert Alert.objects.get().answer == Alert.Answer.UNAVAILABLE


def test_staff_follow_the_counts_by_arrondissement_and_coordinators_see_their_own_volunteers(
    joined, start, client, staff_site, page_text
):
    rescue, climate = staff_site["rescue"], staff_site["climate"]
    onze = volunteer(joined["fr"], "onze@example.org", [11], [rescue], last_name="Onze")
    both = volunteer(joined["fr"], "both@example.org", [11, 13], [climate], last_name="Deux")
    volunteer(joined["fr"], "silent@example.org", [13])
    volunteer(joined["fr"], "busy@example.org", [13])
    activation = start()
    answers = {onze: "available", both: "available"}
    answers[Registration.objects.get(email="busy@example.org")] = "unavailable"
    for registration, value in answers.items():
        alerts.answer(Alert.objects.get(registration=registration), value)

    follow = f"/admin/activations/inspect/{activation.pk}/"
    text = page_text(client.get(follow))
    assert "11e arrondissement 2 2 0 0" in text
    assert "13e arrondissement 3 1 1 1" in text
    assert "Tous les volontaires (chacun compté une fois) 4 2 1 1" in text
    assert "Camille Onze" in text and "Camille Deux" in text  # Communication sees all.

    client.force_login(UserFactory(groups=[coordinators_of(rescue)]))
    text = page_text(client.get(follow))
    assert "Camille Onze" in text and "onze@example.org" in text
    assert "Camille Deux" not in text  # Interested in another community.
    assert "Clore l’activation" not in text  # Only Communication starts and closes.
    # Refused: Wagtail sends them back to the dashboard.
    assert client.post(f"/admin/activations/close/{activation.pk}/")["Location"] == "/admin/"
    assert client.get("/admin/activations/new/")["Location"] == "/admin/"
    assert not Activation.objects.filter(closed_at__isnull=False).exists()


def test_translators_see_no_activation(start, translator):
    activation = start()
    client = Client()
    client.force_login(translator)
    assert client.get(f"/admin/activations/inspect/{activation.pk}/").status_code == 302
    assert client.get("/admin/activations/").status_code == 302


def test_closing_stops_the_emails_not_sent_yet_and_the_links_say_so(
    joined, start, client, page_text
):
    volunteer(joined["fr"], "premier@example.org", [11])
    volunteer(joined["fr"], "second@example.org", [11])
    activation = start()
    deliver()  # The worker sent one email when the activation is closed.
    (sent,) = mail.outbox
    response = client.post(f"/admin/activations/close/{activation.pk}/")
    assert response.status_code == 302

    send_all()
    assert len(mail.outbox) == 1
    assert EmailDelivery.objects.filter(status=EmailDelivery.Status.CANCELLED).count() == 1
    (available,) = links(sent, "available")
    assert "Cet appel est terminé" in page_text(Client().get(available))
    response = Client().post(available, **SAME_ORIGIN)
    assert response.status_code == 410 and Alert.objects.filter(answer="").count() == 2
    assert ModelLogEntry.objects.filter(
        action="mobilisation.close", object_id=str(activation.pk)
    ).exists()
    text = page_text(client.get(f"/admin/activations/inspect/{activation.pk}/"))
    assert "Clôturée le" in text and "Clore l’activation" not in text


def test_stopping_alerts_takes_one_click_and_holds_for_the_next_activations(
    joined, start, page_text
):
    volunteer(joined["other_en"], "stop@example.org", [11])
    volunteer(joined["fr"], "stop@example.org", [11])
    start()
    send_all()
    (message,) = mail.outbox
    (stop,) = links(message, "stop")

    assert "Arrêter les alertes" in page_text(Client().get(stop))  # Opening it changes nothing.
    assert Registration.objects.filter(profile__crisis_alerts=True).count() == 2
    # The mail client's one-click unsubscribe: a POST with no cookie and no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        stop, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "vous ne recevrez plus d’alertes de crise" in page_text(response)
    assert not Registration.objects.filter(profile__crisis_alerts=True).exists()

    mail.outbox.clear()
    start()
    send_all()
    assert mail.outbox == []


def test_an_activation_can_call_only_the_volunteers_trained_in_a_course(joined, start, staff_site):
    course = TrainingCourseFactory(name="Premiers secours")
    TrainingRecordFactory(email="certifie@example.org", course=course)
    training = staff_site["rescue_event"]
    training.kind, training.training_course = "training", course
    training.save_revision().publish()
    present = RegistrationFactory(page=training, email="present@example.org")
    Attendance.objects.create(registration=present, attended=True, marked_at=timezone.now())
    absent = RegistrationFactory(page=training, email="absent@example.org")
    Attendance.objects.create(registration=absent, attended=False, marked_at=timezone.now())
    for address in ("certifie", "present", "absent", "jamais"):
        volunteer(joined["fr"], f"{address}@example.org", [11])

    activation = start(training_course=course.pk)

    assert sorted(alert.registration.email for alert in activation.alerts.all()) == [
        "certifie@example.org",
        "present@example.org",
    ]


def test_a_link_that_was_tampered_with_or_is_for_another_purpose_opens_nothing(
    joined, start, page_text
):
    volunteer(joined["fr"], "onze@example.org", [11])
    start()
    send_all()
    (message,) = mail.outbox
    (available,) = links(message, "available")
    (stop,) = links(message, "stop")
    token = available.split("/")[3]

    for path in (
        available.replace(token, token[:-2] + "xy"),
        stop.replace(stop.split("/")[3], token),  # An answer's token cannot stop alerts.
    ):
        response = Client().post(path, **SAME_ORIGIN)
        assert response.status_code == 404
        assert "Ce lien n’est pas valide" in page_text(response)
    assert Registration.objects.filter(profile__crisis_alerts=True).exists()
    # Erasing the volunteer's data erases the alert with its registration: the link dies.
    Registration.objects.all().delete()
    assert Client().get(available).status_code == 404


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("arrondissements", None, "Champ requis."),
        ("message_fr", "", "Champ requis."),
        ("message_en", "x" * 1001, "au plus 1000 caractères"),
        ("crisis", "tsunami", "Sélectionnez un choix valide."),
        ("arrondissements", ["21"], "Sélectionnez un choix valide."),
    ],
)
def test_a_bad_activation_form_says_what_is_wrong_and_alerts_nobody(
    joined, client, communication, staff_site, field, value, error
):
    volunteer(joined["fr"], "onze@example.org", [11])
    client.force_login(communication)
    response = client.post("/admin/activations/new/", start_form(staff_site, **{field: value}))
    assert response.status_code == 200
    assert error in " ".join(response.context["form"].errors[field])
    assert not Activation.objects.exists() and not Alert.objects.exists()


def test_a_unicode_message_reaches_the_volunteer_as_typed(joined, start):
    volunteer(joined["fr"], "onze@example.org", [11])
    start(message_fr="Crue de la Seine 🌊 : rendez-vous à l’Hôtel de Ville, 5 rue de Lobau.")
    send_all()
    (message,) = mail.outbox
    assert "Crue de la Seine 🌊 : rendez-vous à l’Hôtel de Ville" in message.body


def test_a_confirmation_email_goes_before_thousands_of_alerts(joined, staff_site):
    for number in range(30):
        volunteer(joined["fr"], f"v{number}@example.org", [11])
    alerts.start(ActivationFactory(), user=None)
    registration = RegistrationFactory(page=staff_site["rescue_event"], status="pending")
    queue_emails([registration], EmailDelivery.Kind.REGISTERED)
    assert claim().registration == registration


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_activation_to_2000_volunteers_sends_each_exactly_one_email(home_page, settings):
    """Through the real worker and a real SMTP server."""
    from tests.smtp import SmtpSink, Worker, wait_for

    settings.REGISTRATION_EMAILS_SEND_AT_COMMIT = False
    page = StandardPageFactory(parent=home_page)
    Registration.objects.bulk_create(
        VolunteerFactory.build(
            page=page,
            email=f"volontaire{number}@example.org",
            profile={"arrondissements": [number % 20 + 1], "crisis_alerts": True},
        )
        for number in range(2000)
    )
    activation = ActivationFactory(arrondissements=list(range(1, 21)))
    assert alerts.start(activation, user=None) == 2000

    # EMAIL_TIMEOUT as in production: on a loaded machine an exchange can outlast the tests'
    # usual second, and an email timed out after the server took it waits a minute to go again.
    with SmtpSink() as sink, Worker(sink.port, timeout=10) as worker:
        wait_for(lambda: len(sink.messages) >= 2000, timeout=300, message="2,000 alerts")
        # The worker records a sending once the server has taken it: stopped before then, it
        # would be sent again by the next worker.
        wait_for(
            lambda: not EmailDelivery.objects.exclude(status=EmailDelivery.Status.SENT).exists(),
            message="every alert recorded as sent",
        )
        worker.stop()
    recipients = [address for message in sink.messages for address in message.recipients]
    assert len(recipients) == 2000
    assert set(recipients) == {f"volontaire{number}@example.org" for number in range(2000)}


def test_the_coordinators_group_may_view_activations(staff_site):
    group = coordinators_of(staff_site["rescue"])
    assert group.permissions.filter(codename="view_activation").exists()
    assert not group.permissions.filter(codename="add_activation").exists()
    communication = Group.objects.get(name=COMMUNICATION)
    assert communication.permissions.filter(codename="add_activation").exists()
