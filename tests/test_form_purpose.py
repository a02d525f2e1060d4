"""Every page carries a registration form, and each says what registering there does: a place,
joining a community, signing a charter, applying for the card, or joining the Volontaires."""

import re

import pytest

from tests.conftest import SAME_ORIGIN, form_data

# (page of `site_pages`, heading, purpose sentence, retention clause of the consent), in French.
PURPOSES = {
    "event": (
        "S’inscrire",
        "L’inscription vous garde une place",
        "pendant 365 jours au plus après celui-ci",
    ),
    "community": (
        "Rejoindre cette communauté",
        "vous en devenez membre",
        "au plus après mon adhésion",
    ),
    "charter": (
        "Signer",
        "nous comptons les signatures et ne publions jamais les noms",
        "au plus après ma signature",
    ),
    "programme": ("Demander la carte", "Votre demande de carte", "au plus après ma demande"),
    "home": (
        "Rejoindre les Volontaires de Paris",
        "vous devenez Volontaire de Paris",
        "au plus après mon adhésion",
    ),
    "standard": ("Rejoindre les Volontaires de Paris", "vous devenez Volontaire de Paris", None),
    "agenda": ("Rejoindre les Volontaires de Paris", "vous devenez Volontaire de Paris", None),
    "kit": ("Rejoindre les Volontaires de Paris", "vous devenez Volontaire de Paris", None),
}


def form_section(response):
    (section,) = re.findall(
        r'<section class="registration".*?</section>', response.content.decode(), re.S
    )
    return " ".join(re.sub(r"<[^>]+>", " ", section).split())


@pytest.mark.parametrize("name", PURPOSES)
def test_each_page_types_form_says_what_registering_does(client, site_pages, name):
    heading, purpose, retention = PURPOSES[name]
    page = site_pages[name]

    text = form_section(client.get(page.url))

    assert text.startswith(heading + " ")
    assert purpose in text
    if retention:
        assert retention in text.replace("\u00a0", " ")
    # A place is only ever mentioned where there is one.
    if name != "event":
        assert "après l’événement" not in text and "place" not in text


def test_the_purpose_is_said_in_english_too(client, site_pages, translate):
    translate(site_pages["community_index"])
    english = translate(site_pages["community"], title="Solidarity")

    text = form_section(client.get(english.url))

    assert text.startswith("Join this community ")
    assert "for 365 days at most after joining" in text


def test_joining_the_volunteers_from_any_page_registers(client, site_pages):
    page = site_pages["standard"]

    response = client.post(page.url, form_data(page), **SAME_ORIGIN)

    assert response.status_code == 303


def test_joining_the_volunteers_asks_a_profile_and_keeps_it(client, site_pages, register):
    page = site_pages["standard"]
    html = client.get(page.url).content.decode()
    community_key = site_pages["community"].translation_key.hex
    assert f'value="{community_key}"' in html  # The communities, to choose from.
    for name in ("interests", "arrondissements", "availability", "crisis_alerts"):
        assert f'name="{name}"' in html

    registration = register(
        page,
        interests=[community_key],
        arrondissements=["11", "20"],
        availability=["weekends"],
        crisis_alerts="on",
    )

    assert registration.profile == {
        "interests": [community_key],
        "arrondissements": [11, 20],
        "availability": ["weekends"],
        "crisis_alerts": True,
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [("interests", "not-a-community"), ("arrondissements", "21"), ("availability", "<b>")],
)
def test_a_profile_answer_that_is_not_offered_is_refused_next_to_its_field(
    client, site_pages, field, value
):
    page = site_pages["home"]

    response = client.post(page.url, form_data(page, **{field: [value]}), **SAME_ORIGIN)

    assert response.status_code == 200
    assert re.search(
        rf'id="id_{field}_error">[^<]*Sélectionnez un choix valide', response.content.decode()
    )


def test_pages_with_another_purpose_ask_no_profile(client, site_pages):
    for name in ("event", "community", "charter", "programme"):
        assert 'name="crisis_alerts"' not in client.get(site_pages[name].url).content.decode()
