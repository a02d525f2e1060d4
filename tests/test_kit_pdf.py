"""A kit's PDF, made from the kit page itself in each language: tagged for screen readers
(PDF/UA), with its language, title and bookmarks, and new once the kit is published again."""

import io
import re

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from communities.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    KitBodyBlockFactory,
    KitPageFactory,
)
from home.factories import ImageFactory


@pytest.fixture
def kit(home_page):
    community = CommunityPageFactory(parent=CommunityIndexPageFactory(parent=home_page))
    return KitPageFactory(
        parent=community,
        title="Le Volontaire et la canicule",
        summary="Repérer les personnes fragiles pendant les fortes chaleurs.",
        body=KitBodyBlockFactory(
            **{
                "0__steps__0__title": "Prendre des nouvelles des voisins isolés",
                "1__checklist__title": "À emporter",
                "1__checklist__items__0": "Une bouteille d’eau",
                "2__figure__image": ImageFactory(),
                "2__figure__caption": "Un ventilateur",
            }
        ),
    )


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    return pdf, text


def fonts(pdf):
    """The fonts the PDF's pages use, without their subset prefix (ABCDEF+)."""
    return {
        str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1]
        for page in pdf.pages
        for font in page["/Resources"]["/Font"].values()
    }


def pdf_link(client, page):
    html = client.get(page.url).content.decode()
    (href,) = re.findall(r'<a class="document__link" href="([^"]+)">', html)
    return href


def test_the_kit_page_links_its_tagged_pdf_in_french(client, kit):
    url = pdf_link(client, kit)
    pdf, text = read(client, url)

    root = pdf.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert root["/Lang"] == "fr"
    assert pdf.metadata.title == "Le Volontaire et la canicule"
    assert [item.title for item in pdf.outline if not isinstance(item, list)] == [
        "Le Volontaire et la canicule"
    ]
    bookmarks = [item.title for item in pdf.outline[1]]
    assert "En bref" in bookmarks
    for words in (
        "VILLE DE PARIS – VOLONTAIRES DE PARIS",  # the issuer, in capitals
        "Repérer les personnes fragiles pendant les fortes chaleurs.",
        "Prendre des nouvelles des voisins isolés",
        "Une bouteille d’eau",
    ):
        assert words in text
    # The figure's image came from the media folder: an image object is in the file.
    assert any(page.images for page in pdf.pages)
    # The site's typeface, in its two weights, embedded from its static files; nothing else.
    names = fonts(pdf)
    assert len(names) == 2 and all(name.startswith("Source-Sans-3") for name in names), names


def test_in_english_from_the_translated_page(client, kit, translate):
    english = translate(kit, title="Volunteers and heatwaves", summary="Spotting people at risk.")
    pdf, text = read(client, pdf_link(client, english))
    assert pdf.trailer["/Root"]["/Lang"] == "en"
    assert pdf.metadata.title == "Volunteers and heatwaves"
    assert "CITY OF PARIS – VOLONTAIRES DE PARIS" in text and "Spotting people at risk." in text
    assert "In short" in [item.title for item in pdf.outline[1]]


def test_publishing_the_kit_again_gives_a_new_pdf_from_the_shared_caches(
    client, kit, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    url = pdf_link(client, kit)
    _pdf, before = read(client, url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        kit.summary = "Repérer et appeler les personnes isolées."
        kit.save_revision().publish()

    _pdf, after = read(client, url)
    assert "Repérer et appeler les personnes isolées." in after
    assert "Repérer et appeler" not in before


def test_with_production_static_files_the_pdf_embeds_the_collected_fonts(
    client, kit, settings, tmp_path
):
    """Production serves static files under hashed names from STATIC_ROOT: the PDF reads its
    fonts and wordmark from there."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        },
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    url = pdf_link(client, kit)
    pdf, text = read(client, url)
    assert "VILLE DE PARIS – VOLONTAIRES DE PARIS" in text
    names = fonts(pdf)
    assert len(names) == 2 and all(name.startswith("Source-Sans-3") for name in names), names
