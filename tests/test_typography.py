"""French and English typography of what visitors and staff read: a label and its colon in one
translated string (French "Nom : …" with a no-break space), each language's quotation marks,
plurals, dates and times as each language writes them, and French left on English pages
marked as French."""

import datetime
import html
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from communities.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    KitPageFactory,
)
from home.factories import DocumentFactory, StandardPageFactory
from registrations import tokens
from registrations.factories import RegistrationFactory
from tests.conftest import SAME_ORIGIN, form_data
from tests.test_queries import sql_of_a_cold_render

NBSP = "\u00a0"  # French: before a colon, inside « ».
NNBSP = "\u202f"  # French: before ; ? !


@pytest.fixture
def notified_event(event):
    """The forum (see conftest), its organisers told of each registration."""
    event.notify_email = "participation-citoyenne@paris.fr"
    event.save_revision().publish()
    return event


def emails():
    """The citizen's email and the organisers' notice: (body, HTML part) of each."""
    citizen, notice = (
        next(m for m in mail.outbox if m.to == [to])
        for to in ("camille.dupont@example.org", "participation-citoyenne@paris.fr")
    )
    return [(m.body, m.alternatives[0][0]) for m in (citizen, notice)]


def visible(response):
    """The page's markup with entities decoded; no-break spaces kept, unlike `page_text`."""
    return html.unescape(response.content.decode())


def test_french_emails_put_a_no_break_space_before_colons_and_inside_quotes(
    notified_event, register
):
    register(notified_event)

    (body, html_body), (notice, notice_html) = emails()
    assert f"Quand{NBSP}: mardi 14 janvier 2031, 18h30 – 21h00 (heure de Paris)" in body
    assert (
        f"Où{NBSP}: Salle des fêtes de l'Hôtel de Ville, 5 rue de Lobau, 75004 Paris, "
        "4e arrondissement"
    ) in body
    assert f"Merci pour votre inscription à «{NBSP}Forum des Volontaires{NBSP}»." in body
    assert re.search(
        f"jusqu’au [0-9]+ [a-zé]+ 20[0-9][0-9] à [0-9]+h[0-9]+{NBSP}: confirmez", body
    )
    assert f"Forum des Volontaires{NBSP}: http://testserver/fr/agenda/" in body
    assert f"<strong>Quand{NBSP}:</strong> mardi 14 janvier 2031, 18h30" in html_body
    assert re.search(
        f'Vous ne pouvez pas venir{NNBSP}\\? <a href="[^"]+">Annulez votre inscription</a> '
        "et votre place reviendra à une autre personne.",
        html_body,
    )
    for text in (notice, notice_html):
        assert f"Nom{NBSP}: Camille Dupont" in text
        assert f"Statut{NBSP}: " in text
        # One place: the singular.
        assert f"Inscriptions confirmées{NBSP}: 0 sur 1 place" in text
        assert "1 places" not in text


def test_english_emails_use_english_quotes_and_no_space_before_colons(
    notified_event, register, translate
):
    english = translate(notified_event, title="Volunteers forum")

    register(english)

    (body, html_body), (notice, notice_html) = emails()
    assert "When: Tuesday 14 January 2031, 6:30 p.m. – 9 p.m. (Paris time)" in body
    assert (
        "Where: Salle des fêtes de l'Hôtel de Ville, 5 rue de Lobau, 75004 Paris, "
        "4th arrondissement"
    ) in body
    assert "Thank you for registering for “Volunteers forum”." in body
    assert re.search(
        r"kept for you until [0-9]+ [A-Z][a-z]+ 20[0-9]{2}, [0-9:]+ [ap]\.m\.: ", body
    )
    assert "Volunteers forum: http://testserver/en/" in body
    assert "<strong>When:</strong> Tuesday 14 January 2031, 6:30 p.m." in html_body
    assert re.search(
        r'Can’t make it\? <a href="[^"]+">Cancel your registration</a>, and your place goes',
        html.unescape(html_body),
    )
    for text in (body, html_body, notice, notice_html):
        assert "«" not in text
        assert NBSP not in text
    for text in (notice, notice_html):
        assert "Name: Camille Dupont" in text
        assert "Confirmed: 0 of 1 place" in text
        assert "1 places" not in text


def test_the_notice_counts_places_in_the_plural_beyond_one(notified_event, register):
    notified_event.capacity = 30
    notified_event.save_revision().publish()

    register(notified_event)

    (_citizen, (notice, _html)) = emails()
    assert f"Inscriptions confirmées{NBSP}: 0 sur 30 places" in notice


def cancel_url(registration, language):
    with translation.override(language):
        token = tokens.make_token(registration, tokens.CANCEL)
        return reverse("registrations:cancel", kwargs={"token": token})


def test_the_cancel_page_quotes_the_title_in_each_languages_style(client, event, translate):
    english = translate(event, title="Volunteers forum")
    french_registration = RegistrationFactory(page=event, email="camille@example.org")
    english_registration = RegistrationFactory(page=english, email="alex@example.org")

    french = visible(client.get(cancel_url(french_registration, "fr")))
    english = visible(client.get(cancel_url(english_registration, "en")))

    assert (
        f"Annuler l’inscription de camille@example.org à «{NBSP}Forum des Volontaires{NBSP}»"
        f"{NNBSP}?"
    ) in french
    assert f"Retour à «{NBSP}Forum des Volontaires{NBSP}»" in french
    assert "Cancel the registration of alex@example.org for “Volunteers forum”?" in english
    assert "Back to “Volunteers forum”" in english
    assert "«" not in english


def error_summary(response):
    """The items of the form's error summary, as read."""
    markup = visible(response)
    summary = re.search(r'<div class="registration__errors".*?</ul>', markup, re.S).group()
    items = re.findall(r"<li>(.*?)</li>", summary, re.S)
    return [re.sub(r"<[^>]+>", "", item).strip() for item in items]


def test_the_error_summary_reads_label_colon_error_in_each_language(client, event, translate):
    english = translate(event, title="Volunteers forum")

    french = client.post(event.url, form_data(event, first_name="", consent=None), **SAME_ORIGIN)
    in_english = client.post(
        english.url, form_data(english, first_name="", consent=None), **SAME_ORIGIN
    )

    labels = [item.partition(": ")[0] for item in error_summary(french)]
    assert labels == [f"Prénom{NBSP}", f"Consentement{NBSP}"]
    labels = [item.partition(": ")[0] for item in error_summary(in_english)]
    assert labels == ["First name", "Consent"]


def test_search_is_a_verb_on_buttons_and_a_noun_as_the_page_title(client, home_page, translate):
    translate(home_page)

    for path, noun, verb in (
        ("/fr/recherche/", "Recherche", "Rechercher"),
        ("/en/search/", "Search", "Search"),
    ):
        markup = visible(client.get(path))
        assert (
            re.search(r"<title>(.*?)</title>", markup).group(1) == f"{noun} – Volontaires de Paris"
        )
        assert re.search(r'<h1 class="page-header__title">(.*?)</h1>', markup).group(1) == noun
        buttons = re.findall(r'<button type="submit"[^>]*>(.*?)</button>', markup)
        assert buttons == [verb, verb]  # The header's and the page's.
        assert f'placeholder="{verb}"' in markup


def test_the_switcher_offers_the_same_search_not_a_home_page(client, home_page, translate):
    translate(home_page)

    markup = visible(client.get("/fr/recherche/", {"q": "canicule"}))

    assert "/en/search/?q=canicule" in markup
    assert "this page is not translated" not in markup


def test_event_times_read_as_each_language_writes_them(client, event, translate):
    event.registration_opens_at = datetime.datetime(2030, 12, 1, 15, 0, tzinfo=datetime.UTC)
    event.programme = [
        ("item", {"time": datetime.time(18, 30), "title": "Accueil", "details": ""})
    ]
    event.save_revision().publish()
    english = translate(event, title="Volunteers forum")

    french_text = visible(client.get(event.url))
    english_text = visible(client.get(english.url))

    assert "mardi 14 janvier 2031, 18h30</time> – <time" in french_text
    assert "21h00</time>" in french_text
    assert "Ouverture le 1er décembre 2030 à 16h00" in french_text
    assert ">18h30</time>" in french_text  # The programme.
    assert "Tuesday 14 January 2031, 6:30 p.m.</time> – <time" in english_text
    assert "9 p.m.</time>" in english_text
    assert "Opens on 1 December 2030, 4 p.m." in english_text
    assert ">6:30 p.m.</time>" in english_text


def test_dates_of_kits_and_press_releases_sit_inside_their_sentence(client, home_page, translate):
    community = CommunityPageFactory(parent=CommunityIndexPageFactory(parent=home_page))
    kit = KitPageFactory(parent=community, publication_date=datetime.date(2026, 3, 1))
    release = StandardPageFactory(parent=home_page, date=datetime.date(2026, 3, 14))
    english_kit, english_release = translate(kit), translate(release)

    assert '<time datetime="2026-03-01">Édition du 1er mars 2026</time>' in visible(
        client.get(kit.url)
    )
    assert '<time datetime="2026-03-01">Edition of 1 March 2026</time>' in visible(
        client.get(english_kit.url)
    )
    assert '<time datetime="2026-03-14">Publié le 14 mars 2026</time>' in visible(
        client.get(release.url)
    )
    assert '<time datetime="2026-03-14">Published on 14 March 2026</time>' in visible(
        client.get(english_release.url)
    )


@pytest.fixture
def communities(home_page):
    index = CommunityIndexPageFactory(parent=home_page)
    return [
        CommunityPageFactory(parent=index, title=title, motto=motto)
        for title, motto in (
            ("Solidarité", "Agir contre la grande exclusion"),
            ("Climat", "Agir face à l'urgence"),
        )
    ]


def test_a_motto_left_in_french_is_marked_french_on_english_pages(
    client, home_page, communities, translate
):
    solidarity, climate = communities
    english_home = translate(home_page)
    left_french = translate(solidarity, title="Solidarity")
    translated = translate(climate, title="Climate", motto="Acting in the face of the emergency")

    assert '<p class="motto" lang="fr">Agir contre la grande exclusion</p>' in visible(
        client.get(left_french.url)
    )
    assert '<p class="motto">Acting in the face of the emergency</p>' in visible(
        client.get(translated.url)
    )
    index = visible(client.get(left_french.get_parent().url))
    assert '<p class="card__kicker" lang="fr">Agir contre la grande exclusion</p>' in index
    assert '<p class="card__kicker">Acting in the face of the emergency</p>' in index
    home = visible(client.get(english_home.url))
    assert '<p class="card__text" lang="fr">Agir contre la grande exclusion</p>' in home
    assert '<p class="card__text">Acting in the face of the emergency</p>' in home


def test_french_pages_need_no_lang_on_their_mottos(client, home_page, communities):
    markup = visible(client.get(communities[0].url))
    index = visible(client.get(communities[0].get_parent().url))
    home = visible(client.get(home_page.url))

    assert '<p class="motto">Agir contre la grande exclusion</p>' in markup
    assert 'lang="fr"' not in index.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'lang="fr"' not in home.split("<main", 1)[1].split("</main>", 1)[0]


def test_marking_the_mottos_costs_the_same_however_many_communities(
    client, communities, translate
):
    index = communities[0].get_parent()
    english_index = translate(communities[0]).get_parent()
    few = sql_of_a_cold_render(client, english_index.url)

    for community in [communities[1], *CommunityPageFactory.create_batch(3, parent=index)]:
        translate(community)

    assert len(sql_of_a_cold_render(client, english_index.url)) == len(few)


def test_a_document_size_is_written_as_each_language_writes_it(client, home_page, translate):
    document = DocumentFactory(file__data=b"%PDF-1.4 " + b"x" * 1936)
    document.file_size = document.file.size  # 1,945 bytes, as Wagtail records on upload
    document.save()
    page = StandardPageFactory(
        parent=home_page,
        body__0__document__document=document,
        body__0__document__title="La fiche",
    )
    english = translate(page)

    def meta(url):
        html = client.get(url).content.decode()
        return re.search(r'<span class="document__meta">([^<]*)</span>', html).group(1)

    assert meta(page.url) == f"PDF, 1,9{NBSP}Ko"
    assert meta(english.url) == f"PDF, 1.9{NBSP}KB"
