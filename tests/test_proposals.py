"""Associations propose missions, as on jemengage.paris: a draft under the community chosen,
reviewed by Communication through the workflow, and the association told the outcome."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from communities.factories import CommunityPartnerFactory, PartnerAssociationFactory
from events.factories import EventPageFactory
from events.models import EventPage
from proposals.models import MissionProposal
from registrations.rgpd import erase_personal_data, export_personal_data

from .conftest import SAME_ORIGIN

FORM = {
    "fr": "/fr/associations/proposer-une-mission/",
    "en": "/en/associations/propose-a-mission/",
}
IN_A_MONTH = timezone.localtime() + datetime.timedelta(days=30)


@pytest.fixture
def proposable(staff_site, translate):
    """A partner association of the rescue community, and a training of it in a fortnight, in
    both languages."""
    rescue = staff_site["rescue"]
    association = PartnerAssociationFactory(name="Protection civile de Paris")
    CommunityPartnerFactory(page=rescue, association=association)
    training = EventPageFactory(
        parent=rescue,
        title="Formation aux premiers secours",
        kind=EventPage.Kind.TRAINING,
        community=rescue,
        start=IN_A_MONTH - datetime.timedelta(days=14),
    )
    return {
        "community": rescue,
        "association": association,
        "training": training,
        "training_en": translate(training, title="First-aid training"),
    }


def proposal_data(proposable, **overrides):
    data = {
        "association": proposable["association"].pk,
        "association_name": "",
        "contact_name": "Service bénévolat",
        "contact_email": "benevolat@protection-civile.example.org",
        "contact_phone": "01 42 76 40 40",
        "title": "Poste de secours du semi-marathon",
        "community": proposable["community"].pk,
        "start": f"{IN_A_MONTH:%Y-%m-%d} 08:00",
        "end": f"{IN_A_MONTH:%Y-%m-%d} 13:00",
        "venue": "Bois de Vincennes",
        "address": "",
        "arrondissement": "12",
        "capacity": "12",
        "training": proposable["training"].pk,
        "description": "Tenir un poste de secours le long du parcours.",
        "consent": "on",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


@pytest.fixture
def propose(client, django_capture_on_commit_callbacks):
    def _propose(data, language="fr"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(FORM[language], data, **SAME_ORIGIN)

    return _propose


def test_a_proposal_becomes_a_draft_mission_waiting_for_review(
    proposable, propose, client, page_text
):
    response = propose(proposal_data(proposable))
    assert response.status_code == 302
    assert "Rien n’est publié avant" in page_text(client.get(response["Location"]))

    proposal = MissionProposal.objects.get()
    mission = proposal.page.specific
    assert not mission.live and mission.get_parent().specific == proposable["community"]
    assert mission.kind == EventPage.Kind.MISSION
    assert mission.required_training.pk == proposable["training"].pk
    assert mission.proposed_by == proposable["association"]
    assert mission.arrondissement == 12 and mission.capacity == 12
    assert proposal.contact_email == "benevolat@protection-civile.example.org"
    assert proposal.language == "fr" and proposal.status == MissionProposal.Status.SUBMITTED
    # Submitted to the review workflow; nothing public meanwhile.
    state = WorkflowState.objects.get(object_id=str(mission.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Poste de secours" not in page_text(client.get(proposable["community"].url))
    assert mail.outbox == []


def test_an_english_proposal_goes_under_the_french_community_with_the_french_training(
    proposable, propose, staff_site
):
    data = proposal_data(
        proposable,
        association="",
        association_name="Secouristes du 12e",
        community=staff_site["rescue_en"].pk,
        training=proposable["training_en"].pk,
    )
    assert propose(data, "en").status_code == 302
    proposal = MissionProposal.objects.get()
    mission = proposal.page.specific
    assert mission.locale.language_code == "fr"
    assert mission.get_parent().pk == proposable["community"].pk
    assert mission.required_training.pk == proposable["training"].pk
    assert mission.proposed_by is None and proposal.association_name == "Secouristes du 12e"
    assert proposal.language == "en"


def review_url(mission, action):
    state = WorkflowState.objects.get(object_id=str(mission.pk))
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[mission.pk, action, state.current_task_state.pk],
    )


def test_rejected_the_association_learns_why_in_its_language(
    proposable, propose, client, communication, staff_site, django_capture_on_commit_callbacks
):
    data = proposal_data(
        proposable,
        association="",
        association_name="Secours & co",
        community=staff_site["rescue_en"].pk,
        training=proposable["training_en"].pk,
    )
    propose(data, "en")
    mission = MissionProposal.objects.get().page
    client.force_login(communication)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            review_url(mission, "reject"), {"comment": "Le parcours n'est pas encore fixé."}
        )

    proposal = MissionProposal.objects.get()
    assert proposal.status == MissionProposal.Status.REJECTED
    (message,) = mail.outbox
    assert message.to == ["benevolat@protection-civile.example.org"]
    assert message.subject == "Your mission “Poste de secours du semi-marathon” was not published"
    assert "Secours & co" in message.body and "will not be published as it stands" in message.body
    assert "Le parcours n'est pas encore fixé." in message.body
    assert "Le parcours n&#x27;est pas encore fixé." in message.alternatives[0].content
    mission.refresh_from_db()
    assert not mission.live


def test_approved_the_mission_is_published_with_its_association_and_the_contact_told(
    proposable, propose, client, communication, page_text, django_capture_on_commit_callbacks
):
    propose(proposal_data(proposable))
    mission = MissionProposal.objects.get().page
    client.force_login(communication)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review_url(mission, "approve"), {"comment": ""})

    mission.refresh_from_db()
    assert mission.live
    assert MissionProposal.objects.get().status == MissionProposal.Status.PUBLISHED
    (message,) = mail.outbox
    assert (
        message.subject
        == "Votre mission «\u00a0Poste de secours du semi-marathon\u00a0» est publiée"
    )
    assert mission.specific.get_full_url() in message.body

    client.logout()
    text = page_text(client.get(mission.url))
    assert "Proposée par Protection civile de Paris" in text
    community = page_text(client.get(proposable["community"].url))
    assert "Missions qu’elle propose : Poste de secours du semi-marathon" in community


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("title", "", "Champ requis."),
        ("title", "x" * 121, "au plus 120 caractères"),
        ("contact_email", "benevolat@", "Saisissez une adresse de courriel valide."),
        ("contact_phone", "<script>", "Saisissez un numéro de téléphone"),
        ("start", "31/02/2031", "Saisissez une date et une heure valides."),
        ("start", f"{timezone.localdate():%Y-%m-%d} 20:00", "au moins une semaine à l’avance"),
        ("end", f"{IN_A_MONTH:%Y-%m-%d} 07:00", "se terminer après son début"),
        ("capacity", "0", "supérieure ou égale à 1"),
        ("capacity", "501", "inférieure ou égale à 500"),
        ("arrondissement", "21", "Sélectionnez un choix valide"),
        ("association_name", "", "Indiquez le nom de votre association."),
        ("description", "é" * 601, "au plus 600 caractères"),
        ("consent", None, "Champ requis."),
    ],
)
def test_bad_input_is_refused_next_to_its_field_and_creates_nothing(
    proposable, propose, page_text, field, value, error
):
    overrides = {field: value}
    if field == "association_name":
        overrides["association"] = ""
    response = propose(proposal_data(proposable, **overrides))
    assert response.status_code == 400
    assert error in " ".join(response.context["form"].errors[field])
    assert error in page_text(response)
    assert not MissionProposal.objects.exists()
    assert not EventPage.objects.filter(title__startswith="Poste de secours").exists()


def test_a_training_after_the_mission_is_refused(proposable, propose):
    late = EventPageFactory(
        parent=proposable["community"],
        kind=EventPage.Kind.TRAINING,
        start=IN_A_MONTH + datetime.timedelta(days=1),
    )
    response = propose(proposal_data(proposable, training=late.pk))
    assert "La formation doit se terminer avant" in response.context["form"].errors["training"][0]


def test_markup_and_unicode_are_kept_as_text(proposable, propose, client, communication):
    title = "Secours <script>alert(1)</script> 🚑 Île-de-France"
    propose(proposal_data(proposable, title=title, description="<b>Gras</b> ? Non."))
    mission = MissionProposal.objects.get().page.specific
    assert mission.title == title and mission.introduction == "<b>Gras</b> ? Non."
    mission.save_revision().publish()
    html = client.get(mission.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "Secours &lt;script&gt;alert(1)&lt;/script&gt; 🚑 Île-de-France" in html


def test_a_bot_filling_the_hidden_field_or_sending_too_many_is_stopped(
    proposable, propose, settings
):
    settings.PROPOSAL_RATE_LIMIT = "1/h"
    response = propose(proposal_data(proposable, leave_blank="https://spam.example"))
    assert response.status_code == 400 and not MissionProposal.objects.exists()

    assert propose(proposal_data(proposable)).status_code == 429  # The bot's was the first.
    assert MissionProposal.objects.count() == 0


def test_the_contact_s_data_is_exported_and_erased_but_the_mission_stays(proposable, propose):
    propose(proposal_data(proposable))
    email = "benevolat@protection-civile.example.org"
    data = export_personal_data(email)
    (exported,) = data["mission_proposals"]
    assert exported["contact_name"] == "Service bénévolat"
    erase_personal_data(email)
    assert not MissionProposal.objects.exists()
    assert EventPage.objects.filter(title="Poste de secours du semi-marathon").exists()


def test_the_form_is_linked_from_every_page_s_footer(staff_site, client, page_text):
    html = client.get(staff_site["rescue_en"].url).content.decode()
    assert 'href="/en/associations/propose-a-mission/"' in html
