"""Every page type renders in French and in English with its content, and is found by search
in its own language only."""

import pytest
from wagtail.rich_text import RichText

from charters.factories import BenefitBlockFactory, CommitmentBlockFactory
from communities.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    CommunityPartnerFactory,
)

# Per page type: what a French visitor must read on the page, and the word that finds it.
FRENCH = {
    "home": (["Agir pour Paris, avec les Volontaires", "Solidarité"], "Agir"),
    "standard": (["Genèse du programme", "Le programme est né en 2015."], "Genèse"),
    "community_index": (
        ["Les communautés", "Solidarité", "Agir contre la grande exclusion"],
        "communautés",
    ),
    "community": (
        [
            "Solidarité",
            "Agir contre la grande exclusion",
            "Association des maraudes solidaires",
            "Le Volontaire et la canicule",
            "Maraude de la Nuit de la Solidarité",
        ],
        "Solidarité",
    ),
    "kit": (
        [
            "Le Volontaire et la canicule",
            "Repérer les personnes fragiles pendant les fortes chaleurs.",
            "Prendre des nouvelles des voisins isolés",
        ],
        "canicule",
    ),
    "agenda": (["Agenda", "Soirée de l'engagement"], "Agenda"),
    "event": (
        [
            "Soirée de l'engagement",
            "Salle des fêtes de l'Hôtel de Ville",
            "Conférence sur la résilience",
        ],
        "engagement",
    ),
    "charter": (
        ["Charte des Volontaires de Paris", "Respecter les personnes accompagnées"],
        "Charte",
    ),
    "programme": (
        ["La Carte Citoyenne", "Des visites insolites", "Les ateliers citoyens"],
        "Citoyenne",
    ),
}


def english_fields():
    """Per page type: what the translator types, and the word that finds the translation."""
    return {
        "home": (
            {"title": "Volunteers of Paris", "hero_title": "Act for Paris with the Volunteers"},
            "Volunteers",
        ),
        "standard": (
            {"title": "Origins of the programme", "introduction": "How the programme began."},
            "Origins",
        ),
        "community_index": (
            {"title": "The communities", "introduction": "Nine communities to act as you wish."},
            "communities",
        ),
        "community": (
            {"title": "Solidarity", "motto": "Acting against extreme exclusion"},
            "Solidarity",
        ),
        "kit": (
            {
                "title": "The Volunteer and the heatwave",
                "summary": "Spotting vulnerable people during hot spells.",
            },
            "heatwave",
        ),
        "agenda": (
            {"title": "Events calendar", "introduction": "Where the Volunteers meet."},
            "calendar",
        ),
        "event": (
            {"title": "Commitment evening", "venue": "City Hall reception room"},
            "Commitment",
        ),
        "charter": (
            {
                "title": "Charter of the Volunteers of Paris",
                "commitments": [
                    (
                        "commitment",
                        CommitmentBlockFactory(
                            title="Respect the people we support", text=RichText("")
                        ),
                    )
                ],
            },
            "Charter",
        ),
        "programme": (
            {
                "title": "The Citizen Card",
                "benefits": [("benefit", BenefitBlockFactory(title="Unusual visits"))],
            },
            "Citizen",
        ),
    }


def english_texts(fields):
    texts = []
    for value in fields.values():
        if isinstance(value, str):
            texts.append(value)
        else:
            texts.extend(block_value["title"] for _, block_value in value)
    return texts


def result_ids(response):
    return [page.pk for page in response.context["results"]]


@pytest.mark.parametrize("page_type", FRENCH)
def test_renders_in_french_with_its_content(client, site_pages, page_text, page_type):
    page = site_pages[page_type]
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.url.startswith("/fr/")
    assert '<html lang="fr"' in response.content.decode()
    text = page_text(response)
    for expected in FRENCH[page_type][0]:
        assert expected in text


@pytest.mark.parametrize("page_type", FRENCH)
def test_renders_in_english_through_its_translation(
    client, site_pages, translate, page_text, page_type
):
    fields, _ = english_fields()[page_type]
    translation = translate(site_pages[page_type], **fields)
    assert translation.url.startswith("/en/")
    response = client.get(translation.url)
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    text = page_text(response)
    for expected in english_texts(fields):
        assert expected in text


@pytest.mark.parametrize("page_type", FRENCH)
def test_search_finds_each_page_in_its_own_language_only(
    client, site_pages, translate, page_text, page_type
):
    page = site_pages[page_type]
    fields, english_word = english_fields()[page_type]
    translation = translate(page, **fields)
    french_word = FRENCH[page_type][1]

    response = client.get("/fr/recherche/", {"q": french_word})
    assert response.status_code == 200
    assert page.pk in result_ids(response)
    assert page.title in page_text(response)
    assert translation.pk not in result_ids(client.get("/fr/recherche/", {"q": english_word}))

    response = client.get("/en/search/", {"q": english_word})
    assert response.status_code == 200
    assert translation.pk in result_ids(response)
    assert translation.title in page_text(response)
    assert page.pk not in result_ids(client.get("/en/search/", {"q": french_word}))


def test_partners_with_nothing_but_a_name_are_listed_together(client, home_page, page_text):
    community = CommunityPageFactory(parent=CommunityIndexPageFactory(parent=home_page))
    CommunityPartnerFactory(page=community, association__name="Entourage")
    for name in ("Le Carillon", "Emmaüs"):
        CommunityPartnerFactory(
            page=community,
            association__name=name,
            association__description="",
            association__website="",
        )
    html = client.get(community.url).content.decode()
    items = html.split('class="partner-list"', 1)[1].split("</ul>", 1)[0]
    assert "Entourage" in items and "Le Carillon" not in items
    assert "Également partenaires\u00a0: " in html
    text = page_text(client.get(community.url))
    assert "Également partenaires : Le Carillon, Emmaüs." in text
