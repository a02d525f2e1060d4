"""The legal pages state what the site settings hold, in both languages, and nothing in place of
what a deployment has not filled in: the legal notice, the privacy notice (RGPD article 13)
and the accessibility statement (the RGAA model)."""

import datetime

import pytest
from wagtail.models import Site

from home.factories import StandardPageFactory
from home.models import SiteSettings
from registrations.forms import consent_label


@pytest.fixture
def site_settings(home_page):
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def legal_page(home_page, translate):
    """A page of the given blocks, in French and in English."""

    def _legal_page(block_type):
        page = StandardPageFactory(parent=home_page, title=block_type)
        page.body = [(block_type, None)]
        page.save_revision().publish()
        return page, translate(page)

    return _legal_page


def test_the_legal_notice_shows_only_what_the_settings_hold(
    client, page_text, legal_page, site_settings
):
    page, english = legal_page("legal_notice")
    empty = page_text(client.get(page.url))
    for heading in ("Éditeur", "Directeur de la publication", "Hébergeur"):
        assert heading not in empty
    assert "sera indiqué" not in empty

    site_settings.publisher = "Ville de Paris\nPlace de l'Hôtel de Ville, 75004 Paris"
    site_settings.host = "Hébergeur public\n1 rue de l'Exemple, 75001 Paris"
    site_settings.save()
    text = page_text(client.get(page.url))
    assert "Éditeur Ville de Paris Place de l'Hôtel de Ville, 75004 Paris" in text
    assert "Hébergeur Hébergeur public 1 rue de l'Exemple, 75001 Paris" in text
    assert "Directeur de la publication" not in text
    assert "Publisher Ville de Paris" in page_text(client.get(english.url))


def test_the_privacy_notice_gives_the_contact_retention_rights_and_recourse(
    client, page_text, legal_page, site_settings, settings
):
    settings.REGISTRATION_RETENTION_DAYS = 200
    page, english = legal_page("data_protection")
    site_settings.publisher = "Ville de Paris"
    site_settings.dpo_contact = "Délégué à la protection des données, dpo@paris.fr"
    site_settings.save()

    response = client.get(page.url)
    text = page_text(response)
    assert "Responsable du traitement Ville de Paris" in text
    assert "Délégué à la protection des données, dpo@paris.fr" in text
    assert "Une inscription est conservée 200 jours après l’événement" in text
    assert 'href="/fr/passeport/"' in response.content.decode()
    assert "réclamation à la CNIL" in text
    # The consent of every form says the same delay.
    assert "200 jours" in str(consent_label(page))

    english_text = page_text(client.get(english.url))
    assert "A registration is kept for 200 days after the event" in english_text
    assert "lodge a complaint with the CNIL" in english_text

    site_settings.dpo_contact = ""
    site_settings.save()
    assert "Délégué" not in page_text(client.get(page.url))


def test_the_accessibility_statement_follows_the_rgaa_model_from_the_settings(
    client, page_text, legal_page, site_settings, home_page
):
    page, english = legal_page("accessibility_status")
    site_settings.accessibility_page = page
    site_settings.save()
    text = page_text(client.get(page.url))
    assert "Ce site est non conforme avec le référentiel général" in text
    assert "Aucun audit d’accessibilité n’a encore été réalisé." in text
    assert "Défenseur des droits" in text
    for heading in ("Contenus non accessibles", "Dérogations", "schéma pluriannuel"):
        assert heading not in text

    site_settings.accessibility_compliance = SiteSettings.Compliance.PARTIAL
    site_settings.accessibility_statement_date = datetime.date(2027, 3, 1)
    site_settings.accessibility_audit = "Audit réalisé par un prestataire : 82 % des critères."
    site_settings.accessibility_non_accessible = "Les cartes\n\nLes vidéos sans sous-titres"
    site_settings.accessibility_derogations = "Les archives antérieures à 2019"
    site_settings.accessibility_contact = "accessibilite@paris.fr"
    site_settings.accessibility_plan_url = "https://www.paris.fr/accessibilite"
    site_settings.save()

    response = client.get(page.url)
    text = page_text(response)
    assert "Ce site est partiellement conforme" in text
    assert "Cette déclaration a été établie le 1er mars 2027." in text
    assert "82 % des critères" in text
    assert "Contenus non accessibles Les cartes Les vidéos sans sous-titres" in text
    assert "Dérogations pour charge disproportionnée Les archives antérieures à 2019" in text
    assert "accessibilite@paris.fr" in text
    assert 'href="https://www.paris.fr/accessibilite"' in response.content.decode()
    # Every page's footer says the same status.
    assert "Accessibilité : partiellement conforme" in page_text(client.get(home_page.url))
    assert "This site is partially compliant" in page_text(client.get(english.url))
