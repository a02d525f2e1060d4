"""The demo content command: the site it builds, in both languages, and that it is idempotent."""

import datetime
import html
import json
import re
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation

from charters.models import CharterPage, ProgrammePage
from communities.models import CommunityIndexPage, CommunityPage, KitPage, PartnerAssociation
from events.models import ArrondissementPage, EventIndexPage, EventPage
from home.models import HomePage, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db

# Seed 000: the nine communities and their mottos.
MOTTOS = {
    "Volontaires de la Solidarité": "Agir contre la grande exclusion",
    "Volontaires du Climat": "Agir face à l'urgence",
    "Végétalisons Paris": "Agir pour une Ville plus verte",
    "Volontaires de la Propreté": "Agir pour notre cadre de vie",
    "Signaleurs « Dans ma rue »": "Agir sur l'espace public",
    "Paris en Compagnie": "Agir pour nos aînés",
    "Paris qui Sauve": "Agir dans l'adversité",
    "Volontaires des Débats": "Agir pour la démocratie",
    "Team Paris": "Agir lors des grands événements sportifs",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The command's output, run once for the module and rolled back after it."""
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        output = StringIO()
        call_command("load_demo_content", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def fr(demo):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def en(demo):
    return Locale.objects.get(language_code="en")


def french(model, fr, **filters):
    return model.objects.live().filter(locale=fr, **filters)


def stream_text(stream):
    """The text a StreamField holds, whatever its blocks' templates."""
    return json.dumps(list(stream.raw_data), ensure_ascii=False)


def test_the_french_home_page_replaces_the_welcome_page(fr):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale == fr and home.live
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
    figures = {(block.value["figure"], block.value["label"]) for block in home.key_figures}
    assert ("Près de 500", "Volontaires de Paris inscrits depuis septembre 2019") in figures


def test_nine_communities_with_their_french_mottos(fr):
    index = french(CommunityIndexPage, fr).get()
    communities = CommunityPage.objects.child_of(index).live()
    # The seeds' mottos, with the typographic apostrophe the site writes.
    assert {page.title: page.motto for page in communities} == {
        title: motto.replace("'", "’") for title, motto in MOTTOS.items()
    }
    colours = {page.colour for page in communities}
    assert colours == {key for key, _label in CommunityPage.COLOURS}
    for page in communities:
        # Its title is the alt text: it names the community.
        assert page.title in page.pictogram.title


def test_solidarity_partners_come_from_the_seeds(fr):
    solidarity = french(CommunityPage, fr).get(title="Volontaires de la Solidarité")
    names = [link.association.name for link in solidarity.partners.all()]
    assert names[:3] == ["Entourage", "Le Carillon", "Secours Populaire"]
    assert {"Samu social", "Emmaüs", "Restos du cœur", "Secours catholique"} <= set(names)
    assert len(names) == 10


def test_every_page_has_a_live_english_translation(fr, en):
    french_pages = Page.objects.filter(locale=fr, depth__gt=1)
    english = {page.translation_key: page for page in Page.objects.filter(locale=en).specific()}
    assert french_pages.count() == len(english)
    for page in french_pages:
        assert english[page.translation_key].live, page.title

    home = HomePage.objects.get(locale=en)
    assert home.hero_title == "Acting for a more caring and more resilient city"
    # Links from English pages lead to English pages.
    assert [block.value["page"].locale for block in home.hero_link] == [en, en]
    for mission in EventPage.objects.filter(locale=en, kind=EventPage.Kind.MISSION):
        assert mission.community.locale == en and mission.required_training.locale == en
    assert CommunityIndexPage.objects.get(locale=en).title == "The communities"
    mottos = {page.motto for page in CommunityPage.objects.live().filter(locale=en)}
    assert len(mottos) == 9
    assert "Acting against severe exclusion" in mottos
    assert not mottos & {motto.replace("'", "’") for motto in MOTTOS.values()}


def test_agenda_has_upcoming_and_past_events(fr):
    upcoming = EventPage.objects.in_listing(fr).upcoming()
    past = EventPage.objects.in_listing(fr).past()
    assert upcoming.count() > past.count() > 0
    assert {EventPage.Kind.TRAINING, EventPage.Kind.MISSION} <= {e.kind for e in upcoming}

    agenda = french(EventIndexPage, fr).get()
    for event in EventPage.objects.live().filter(locale=fr):
        parent = event.get_parent().specific
        if isinstance(parent, CommunityPage):
            assert event.community_id == parent.pk, event.title
        else:
            assert parent.pk == agenda.pk and event.community is None, event.title


def test_soiree_de_l_engagement_keeps_the_press_release_programme(fr):
    soiree = french(EventPage, fr).get(title="Soirée de l’engagement")
    assert soiree.venue == "Hôtel de Ville" and soiree.arrondissement == 4
    assert soiree.start > timezone.now() and soiree.capacity
    assert soiree.registration_opens_at < soiree.registration_closes_at < soiree.start
    items = [(block.value["time"], block.value["title"]) for block in soiree.programme]
    times = [time.strftime("%H:%M") for time, _title in items]
    assert times == ["16:00", "17:00", "18:30", "19:00", "20:00"]
    assert items[1][1] == "Conférence : les Volontaires de Paris et la résilience"
    speech = soiree.programme[2].value["details"]
    assert speech.startswith("Discours de Patrick Bloche, Premier adjoint de la Maire de Paris")
    assert speech.endswith("de la prospective Paris 2030, de la résilience")


def test_events_at_a_venue_in_paris_carry_its_arrondissement(fr):
    located = {"Hôtel de Ville": 4, "Académie du Climat": 4}
    events = french(EventPage, fr).filter(venue__in=located)
    assert events.count() >= 3
    for event in events:
        assert event.arrondissement == located[event.venue], event.title


def test_every_mission_follows_its_training(fr):
    missions = french(EventPage, fr, kind=EventPage.Kind.MISSION)
    assert missions.count() >= 3
    assert missions.filter(title="Nuit de la Solidarité").exists()
    for mission in missions:
        training = mission.required_training
        assert training.kind == EventPage.Kind.TRAINING, mission.title
        assert training.start < mission.start, mission.title
        # Every session of the course counts: the training names its course.
        assert training.training_course is not None, mission.title


def test_a_page_per_arrondissement_in_both_languages_with_no_invented_contact(fr, en):
    for locale, eleventh in ((fr, "11e"), (en, "11th")):
        pages = ArrondissementPage.objects.live().filter(locale=locale)
        assert sorted(pages.values_list("number", flat=True)) == list(range(1, 21))
        assert pages.get(number=11).slug == eleventh
        assert not pages.exclude(town_hall_address="").exists()
    assert ArrondissementPage.objects.get(locale=fr, number=11).url == "/fr/arrondissements/11e/"


def test_the_carte_citoyenne_asks_the_date_of_birth_and_draws_its_visits(fr):
    card = french(ProgrammePage, fr).get()
    assert card.minimum_age == 7 and card.ask_date_of_birth
    visit = french(EventPage, fr, kind=EventPage.Kind.VISIT).get(
        title="Visite insolite de l’Hôtel de Ville"
    )
    assert visit.allocation == EventPage.Allocation.DRAW
    assert visit.registration_closes_at < visit.start


def test_kits_charters_and_the_carte_citoyenne(fr):
    climate = french(CommunityPage, fr).get(title="Volontaires du Climat")
    kits = KitPage.objects.child_of(climate).live().order_by("publication_date")
    assert kits[0].title == "Le Volontaire et la canicule"
    assert kits[0].publication_date == datetime.date(2019, 6, 1)
    # Its PDF is made from the page (tests/test_kit_pdf.py), not a hand-written sheet.
    assert not [block for block in kits[0].body if block.block_type == "document"]

    charters = {page.title: page for page in french(CharterPage, fr)}
    assert set(charters) == {
        "Charte parisienne de la participation citoyenne",
        "Charte des Volontaires de Paris",
    }
    # Seed 002 gives the charter's « dix engagements » only through its full text; seed 001's
    # three principles say what citizen participation is, not which commitments they are.
    participation = charters["Charte parisienne de la participation citoyenne"]
    assert not participation.commitments
    body = stream_text(participation.body)
    for principle in SEED_001_PRINCIPLES:
        assert principle in body
    assert "https://api-site-cdn.paris.fr/images/99956" in body
    assert "trois des dix" not in body
    volunteers = charters["Charte des Volontaires de Paris"]
    quoted = " ".join(block.value["text"].source for block in volunteers.commitments)
    for quote in SEED_000_QUOTES:
        assert quote in quoted

    card = french(ProgrammePage, fr).get()
    assert card.title == "Carte Citoyenne" and card.minimum_age == 7
    assert {block.value["kind"] for block in card.activities} == {"visit", "workshop", "event"}


def test_press_release_and_site_settings(fr):
    release = french(StandardPage, fr).get(
        title="Soirée de l’engagement : à la rencontre de celles et ceux qui agissent !"
    )
    assert release.date == datetime.date(2024, 11, 28) and release.show_press_contact
    assert "plus de 80\u00a0000 associations" in stream_text(release.body)

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert (settings.press_phone, settings.press_email) == ("01 42 76 49 61", "presse@paris.fr")
    assert settings.privacy_page.title == "Données personnelles"
    footer = {block.value.title for block in settings.footer_links}
    assert {"Données personnelles", "Mentions légales", "Carte Citoyenne"} <= footer
    assert "Déclaration d’accessibilité" in footer


SEED_001_PRINCIPLES = [
    "Un droit effectif à la participation citoyenne",
    "Une co-construction à chaque étape",
    "Recueillir la voix de tous",
]
SEED_000_QUOTES = [
    "toute mission proposée est systématiquement précédée d’une formation",
    "œuvrent pour l’intérêt général",
]

# What the seeds (the programme's source documents) say, which the demo must not contradict.
FIRST_KIT = "Le Volontaire et la canicule"  # seed 002: « premier kit », June 2019
ANNOUNCED_THEMES = ["déchets", "alimentation", "mobilité du quotidien", "achats"]  # seed 002
SOIREE = (12, 3, 16)  # seed 003: « le mardi 3 décembre », doors open at 16h
CLIMATE_GATHERING = (9, 22)  # seed 002: « organisée à l'Hôtel de Ville le 22 septembre »


def paris(moment):
    return timezone.localtime(moment, ZoneInfo("Europe/Paris"))


def test_the_kits_are_the_one_the_sources_published_and_the_themes_they_announced(fr, en):
    assert [kit.title for kit in KitPage.objects.live().filter(locale=fr)] == [FIRST_KIT]
    assert KitPage.objects.live().filter(locale=en).count() == 1
    climate = french(CommunityPage, fr).get(title="Volontaires du Climat")
    themes = stream_text(climate.body)
    assert all(theme in themes for theme in ANNOUNCED_THEMES)
    assert "thèmes annoncés" in themes


def test_the_soiree_is_on_the_next_3_december_and_its_press_release_links_to_it(fr, en):
    today = timezone.localdate()
    for locale in (fr, en):
        soiree = EventPage.objects.live().get(locale=locale, venue="Hôtel de Ville", capacity=500)
        start = paris(soiree.start)
        assert (start.month, start.day, start.hour) == SOIREE
        assert today <= start.date() <= today + datetime.timedelta(days=366)
        release = (
            soiree.get_parent()
            .get_parent()
            .get_children()
            .live()
            .get(
                slug__in=[
                    "soiree-de-l-engagement-communique",
                    "evening-of-engagement-press-release",
                ]
            )
        )
        links = [
            block.value["page"] for block in release.specific.body if block.block_type == "link"
        ]
        assert [page.pk for page in links] == [soiree.pk], locale


def test_the_climate_volunteers_gathering_took_place_on_22_september(fr):
    gathering = french(EventPage, fr).get(title="Rencontre des Volontaires du Climat")
    start = paris(gathering.start)
    assert (start.month, start.day) == CLIMATE_GATHERING
    assert gathering.start < timezone.now() and gathering.venue == "Hôtel de Ville"


def test_every_event_says_where_to_go(fr, en):
    events = EventPage.objects.live()
    assert events.filter(locale=fr).count() == events.filter(locale=en).count() > 10
    placeholders = ("communiqué", "given to registered", "à préciser", "to be announced")
    for event in events:
        assert event.venue and not any(p in event.venue.lower() for p in placeholders), event


def test_the_programme_history_tells_of_jemengage_paris(fr, en):
    page = french(StandardPage, fr).get(slug="jemengage-paris")
    body = json.dumps([block["value"] for block in page.body.raw_data], ensure_ascii=False)
    # Seed 004's figures (and seed 002's later one), and its date, which seed 002 gives as
    # March and seed 004 as April.
    for fact in ("483", "6\u00a0600", "15\u00a0000 euros", "11 janvier", "Ma ville je t’aide"):
        assert fact in body or fact in page.introduction, fact
    assert "printemps 2015" in page.introduction
    history = french(StandardPage, fr).get(slug="genese-du-programme")
    links = [block.value["page"] for block in history.body if block.block_type == "link"]
    assert page.pk in [link.pk for link in links]
    assert StandardPage.objects.live().filter(locale=en, slug="jemengage-paris").exists()
    # Seed 004 names a civil servant as its contact: nobody private is named on the site.
    assert not Page.objects.filter(title__icontains="Pène").exists()
    assert "Pène" not in body


def page_texts(page):
    texts = [page.title, getattr(page, "introduction", "")]
    for field in ("body", "key_figures"):
        if hasattr(page, field):
            texts.append(json.dumps(list(getattr(page, field).raw_data), ensure_ascii=False))
    return texts


def test_numbers_never_break_between_their_digits(fr):
    """French writes « 73 000 » with a no-break space, so that no line ends inside a number."""
    split = re.compile(r"\d \d{3}(?!\d)")
    for page in Page.objects.live().filter(locale=fr).specific():
        for text in page_texts(page):
            assert not split.search(text), (page.title, split.search(text).group())


def test_apostrophes_are_typographic_as_in_the_interface(fr):
    """The interface writes « l’engagement » and “What’s on”: the content does too, in both
    languages."""
    typed = re.compile(r"[^\W\d_]'")
    for page in Page.objects.live().exclude(depth=1).specific():
        for text in page_texts(page):
            assert not typed.search(text), (page.title, typed.search(text).group())


def test_running_again_duplicates_nothing_and_makes_an_admin_only_on_request(demo, fr):
    User = get_user_model()
    assert "No admin account created" in demo
    assert not User.objects.exists()

    def counts():
        return [
            Page.objects.count(),
            get_image_model().objects.count(),
            get_document_model().objects.count(),
            PartnerAssociation.objects.count(),
            Translation.objects.count(),
            StringTranslation.objects.count(),
            SiteSettings.objects.count(),
        ]

    before = counts()
    call_command("load_demo_content", "--create-admin", stdout=StringIO())
    assert counts() == before
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("admin")
    coordinator = User.objects.get(username="coordination-paris-qui-sauve")
    assert coordinator.check_password("volontaires-demo")
    assert [group.name for group in coordinator.groups.all()] == ["Coordination – Paris qui Sauve"]
    assert User.objects.get(username="communication").groups.get().name == "Communication"
    assert User.objects.get(username="traduction").groups.get().name == "Traduction"


def test_roles_are_set_up_for_the_nine_communities(demo):
    groups = Group.objects.filter(name__startswith="Coordination – ")
    assert sorted(group.name.removeprefix("Coordination – ") for group in groups) == sorted(MOTTOS)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_home_and_community_pages_answer_in_both_languages(client, fr, lang):
    locale = Locale.objects.get(language_code=lang)
    home = HomePage.objects.get(locale=locale)
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert home.hero_title in html.unescape(response.content.decode())

    climate = CommunityPage.objects.get(locale=fr, title="Volontaires du Climat")
    community = climate.get_translation(locale)
    assert community.url.startswith(f"/{lang}/")
    response = client.get(community.url)
    assert response.status_code == 200
    assert community.motto in html.unescape(response.content.decode())
