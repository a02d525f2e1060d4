"""The shared cache of anonymous pages: hits cost no query, staff and forms bypass it, and
every change a visitor would see purges it, in both languages. The routing kept with the pages
follows every change too."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from communities.models import PartnerAssociation
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import ArrondissementIndexPage, ArrondissementPage
from home.factories import StandardPageFactory
from home.models import SiteSettings
from pagecache.cache import purge_paths
from registrations.models import Registration, RegistrationFormField

from .conftest import SAME_ORIGIN, email_links, form_data
from .test_queries import PAGE_MISS_BUDGET

HEADER = "X-Page-Cache"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_every_page_type_is_served_from_the_cache_with_no_query(
    site_pages, client, translate, django_assert_num_queries
):
    index = site_pages["home"].add_child(
        instance=ArrondissementIndexPage(title="Arrondissements", slug="arrondissements")
    )
    eleventh = index.add_child(
        instance=ArrondissementPage(title="11e arrondissement", slug="11e", number=11)
    )
    pages = {
        **site_pages,
        "arrondissements": index,
        "arrondissement": eleventh,
        "ical": site_pages["agenda"],
        "atom": eleventh,
        "event_en": translate(site_pages["event"], title="Engagement evening"),
    }
    feeds = {"ical": "ical/", "atom": "atom/"}
    for name, page in pages.items():
        url = page.url + feeds.get(name, "")
        first = visit(client, url)
        assert first[HEADER] == "miss", name
        assert first["Cache-Control"] == "public, max-age=0, s-maxage=600", name
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again[HEADER] == "hit", name
        assert again.content == first.content, name


def test_filtered_agenda_pages_are_cached_apart_and_purged_together(
    site_pages, client, django_assert_num_queries
):
    agenda = site_pages["agenda"].url
    training = visit(client, agenda + "?kind=training").content
    everything = visit(client, agenda).content
    assert training != everything
    with django_assert_num_queries(0):
        assert client.get(agenda + "?kind=training").content == training


@pytest.fixture
def event_fr_en(home_page, translate):
    agenda = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=agenda,
        title="Forum des Volontaires",
        start=timezone.now() + datetime.timedelta(days=20),
        capacity=2,
        waiting_list_enabled=False,
    )
    return {"fr": event, "en": translate(event, title="Volunteers' forum")}


def places(client, page_text, page):
    text = page_text(visit(client, page.url))
    if "plus de place" in text or "no places left" in text:
        return "full"
    for phrase in ("places restantes", "place restante", "places left", "place left"):
        if phrase in text:
            return text.split(phrase)[0].split()[-1] + " " + phrase
    raise AssertionError("no places shown")


def test_places_left_are_never_stale_in_either_language(
    event_fr_en, client, page_text, register, django_capture_on_commit_callbacks
):
    fr, en = event_fr_en["fr"], event_fr_en["en"]
    visitor = Client()
    assert places(visitor, page_text, fr) == "2 places restantes"
    assert places(visitor, page_text, en) == "2 places left"
    assert visit(visitor, en.url)[HEADER] == "hit"

    first = register(fr, email="premiere@example.org")  # A registration.
    assert places(visitor, page_text, fr) == "1 place restante"
    assert places(visitor, page_text, en) == "1 place left"

    register(en, email="second@example.org")
    assert places(visitor, page_text, fr) == "full"
    assert places(visitor, page_text, en) == "full"

    with django_capture_on_commit_callbacks(execute=True):  # A cancellation.
        first.cancel()
    assert places(visitor, page_text, fr) == "1 place restante"
    assert places(visitor, page_text, en) == "1 place left"


def test_an_expired_hold_frees_its_place_on_the_cached_pages(
    event_fr_en, client, page_text, register, django_capture_on_commit_callbacks, settings
):
    fr = event_fr_en["fr"]
    held = register(fr, email="jamais-confirme@example.org")
    visitor = Client()
    assert places(visitor, page_text, fr) == "1 place restante"
    Registration.objects.filter(pk=held.pk).update(hold_until=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("release_unconfirmed_places", verbosity=0)
    assert places(visitor, page_text, fr) == "2 places restantes"


def test_a_promotion_from_the_waiting_list_shows_on_the_cached_pages(
    event, client, page_text, register, django_capture_on_commit_callbacks
):
    event.capacity, event.waiting_list_enabled = 1, True
    event.save_revision().publish()
    taken = register(event, email="premiere@example.org")
    taken.confirm()
    register(event, email="attente@example.org")
    visitor = Client()
    text = page_text(visit(visitor, event.url))
    assert "liste d’attente" in text
    with django_capture_on_commit_callbacks(execute=True):
        event.capacity = 3
        event.save_revision().publish()  # Publishing more places promotes the first waiting.
    assert places(visitor, page_text, event) == "1 place restante"


def test_publishing_purges_the_page_and_every_page_listing_it(
    site_pages, client, page_text, django_capture_on_commit_callbacks
):
    event, agenda, home = site_pages["event"], site_pages["agenda"], site_pages["home"]
    for page in (event, agenda, home):
        visit(client, page.url)
    with django_capture_on_commit_callbacks(execute=True):
        event.title = "Soirée de l'engagement 2026"
        event.save_revision().publish()
    assert "Soirée de l'engagement 2026" in page_text(visit(client, event.url))
    assert "Soirée de l'engagement 2026" in page_text(visit(client, agenda.url))


def test_unpublishing_moving_and_deleting_purge(
    site_pages, client, page_text, django_capture_on_commit_callbacks
):
    standard, kit, mission = site_pages["standard"], site_pages["kit"], site_pages["mission"]
    for page in (standard, kit, mission, site_pages["home"]):
        visit(client, page.url)

    with django_capture_on_commit_callbacks(execute=True):
        standard.unpublish()
    assert client.get(standard.url).status_code == 404

    old_url = kit.url
    with django_capture_on_commit_callbacks(execute=True):
        kit.move(site_pages["home"], pos="last-child")
    kit.refresh_from_db()
    # Wagtail redirects the former address; the cached page is gone from it.
    assert client.get(old_url).status_code == 301
    assert visit(client, kit.url)[HEADER] == "miss"

    url = mission.url
    with django_capture_on_commit_callbacks(execute=True):
        mission.delete()
    assert client.get(url).status_code == 404


def test_site_settings_and_snippets_purge_every_page(
    site_pages, client, page_text, django_capture_on_commit_callbacks
):
    community = site_pages["community"]
    visit(client, community.url)
    with django_capture_on_commit_callbacks(execute=True):
        partner = PartnerAssociation.objects.get()
        partner.name = "Maraudes solidaires de Paris"
        partner.save()
    assert "Maraudes solidaires de Paris" in page_text(visit(client, community.url))

    with django_capture_on_commit_callbacks(execute=True):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.press_email = "presse.volontaires@paris.fr"
        settings.save()
    assert "presse.volontaires@paris.fr" in page_text(visit(client, community.url))


def test_a_page_made_private_leaves_the_cache_and_the_listings_and_comes_back(
    site_pages, client, page_text, django_capture_on_commit_callbacks
):
    kit, community = site_pages["kit"], site_pages["community"]
    visit(client, kit.url)
    assert "Le Volontaire et la canicule" in page_text(visit(client, community.url))

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=kit, restriction_type=PageViewRestriction.LOGIN
        )
    assert client.get(kit.url).status_code == 302  # to the login page
    assert "Le Volontaire et la canicule" not in page_text(visit(client, community.url))

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert visit(client, kit.url)[HEADER] == "miss"
    assert "Le Volontaire et la canicule" in page_text(visit(client, community.url))

    with django_capture_on_commit_callbacks(execute=True):  # On an ancestor: the kit's too.
        PageViewRestriction.objects.create(
            page=community, restriction_type=PageViewRestriction.PASSWORD, password="canicule"
        )
    assert client.get(kit.url).status_code == 200
    assert "mot de passe" in page_text(client.get(kit.url)).lower()


def test_staff_never_see_a_cached_page_and_leave_none_behind(site_pages, client, admin_user):
    page = site_pages["event"]
    visit(Client(), page.url)  # Cached for anonymous visitors.
    client.force_login(admin_user)
    response = visit(client, page.url)
    assert HEADER not in response
    assert "s-maxage" not in response.get("Cache-Control", "")
    assert visit(Client(), page.url)[HEADER] == "hit"


def test_a_form_on_a_cached_page_submits_and_shows_its_errors_to_that_visitor_only(
    site_pages, client, page_text, django_capture_on_commit_callbacks
):
    page = site_pages["event"]
    visit(client, page.url)
    visit(client, page.url)  # A hit: no CSRF token in it, none needed.
    bad = client.post(page.url, form_data(page, email="pas-une-adresse"), **SAME_ORIGIN)
    assert "Saisissez une adresse de courriel valide" in page_text(bad)
    assert "private" in bad["Cache-Control"] and HEADER not in bad
    assert "Saisissez une adresse" not in page_text(visit(Client(), page.url))

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(page.url, form_data(page), **SAME_ORIGIN)
    assert done.status_code == 303
    outcome = client.get(done["Location"])
    assert "private" in outcome["Cache-Control"] and HEADER not in outcome
    assert Registration.objects.filter(email="camille.dupont@example.org").exists()
    (message,) = mail.outbox
    (link,) = email_links(message, "confirm")
    assert HEADER not in client.get(link)  # Signed links are never cached.


def test_errors_and_the_passport_are_never_cached(site_pages, client):
    for url in ("/fr/cette-page-n-existe-pas/", "/fr/passeport/"):
        client.get(url)
        assert HEADER not in client.get(url)


def test_a_confirmed_signature_is_counted_on_the_cached_charter(
    site_pages, client, page_text, register, django_capture_on_commit_callbacks
):
    charter = site_pages["charter"]
    visitor = Client()
    assert "0 personne a signé" in page_text(visit(visitor, charter.url))
    signature = register(charter)
    with django_capture_on_commit_callbacks(execute=True):
        signature.confirm()
    assert "1 personne a signé" in page_text(visit(visitor, charter.url))


def test_a_purged_page_renders_again_with_its_navigation_from_the_fragment_cache(
    site_pages, client, django_assert_max_num_queries
):
    for page in site_pages.values():
        visit(client, page.url)
        purge_paths([page.url])
        with django_assert_max_num_queries(PAGE_MISS_BUDGET):
            assert visit(client, page.url)[HEADER] == "miss"


def test_the_fragments_follow_a_change_of_the_menu(
    site_pages, client, page_text, django_capture_on_commit_callbacks
):
    standard = site_pages["standard"]
    visit(client, site_pages["kit"].url)
    with django_capture_on_commit_callbacks(execute=True):
        standard.title, standard.show_in_menus = "Histoire du programme", True
        standard.save_revision().publish()
    html = visit(client, site_pages["kit"].url).content.decode()
    menu = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert "Histoire du programme" in menu


def test_a_registration_purges_its_event_and_the_listings_only_once_it_is_full(
    site_pages, client, page_text, register, django_capture_on_commit_callbacks
):
    """Listings show only whether an event is full; its page shows the places left, and the
    waiting list changes neither."""
    home, event, agenda = site_pages["home"], site_pages["event"], site_pages["agenda"]
    index = home.add_child(
        instance=ArrondissementIndexPage(title="Arrondissements", slug="arrondissements")
    )
    eleventh = index.add_child(
        instance=ArrondissementPage(title="11e arrondissement", slug="11e", number=11)
    )
    with django_capture_on_commit_callbacks(execute=True):
        event.arrondissement, event.capacity, event.waiting_list_enabled = 11, 2, True
        event.save_revision().publish()
    listings = [agenda, site_pages["community"], home, eleventh]
    others = [site_pages["kit"], site_pages["charter"], site_pages["mission"], index]

    def served():
        return {
            page.title: visit(client, page.url)[HEADER] for page in [event, *listings, *others]
        }

    served()
    register(event, email="premiere@example.org")
    assert served() == {
        event.title: "miss",
        **{page.title: "hit" for page in listings + others},
    }
    assert places(client, page_text, event) == "1 place restante"

    register(event, email="derniere@example.org")  # The last place.
    assert served() == {
        **{page.title: "miss" for page in [event, *listings]},
        **{page.title: "hit" for page in others},
    }
    assert "Complet — liste d’attente" in page_text(visit(client, agenda.url))

    register(event, email="en-attente@example.org")  # The waiting list.
    assert served() == {page.title: "hit" for page in [event, *listings, *others]}
    assert "Toutes les places sont prises" in page_text(visit(client, event.url))


def test_the_consent_text_links_the_privacy_notice_the_settings_name(
    site_pages, client, django_capture_on_commit_callbacks
):
    page, notice = site_pages["kit"], site_pages["standard"]
    assert "Lire la politique de confidentialité" not in visit(client, page.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.privacy_page = notice
        settings.save()
    html = visit(client, page.url).content.decode()
    assert f'<a href="{notice.url}">Lire la politique de confidentialité.</a>' in html


def test_a_page_published_where_there_was_none_is_found_at_once(site_pages, client):
    assert client.get("/fr/nouveautes/").status_code == 404
    assert client.get("/fr/nouveautes/").status_code == 404  # An address that is no page…
    StandardPageFactory(parent=site_pages["home"], slug="nouveautes", title="Nouveautés")
    assert visit(client, "/fr/nouveautes/")[HEADER] == "miss"  # …is never kept as such.


def test_saving_the_site_purges_every_page(site_pages, client, django_capture_on_commit_callbacks):
    page = site_pages["kit"]
    visit(client, page.url)
    assert visit(client, page.url)[HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        site = Site.objects.get(is_default_site=True)
        site.site_name = "Volontaires de Paris"
        site.save()
    assert visit(client, page.url)[HEADER] == "miss"


def test_a_registration_follows_the_published_places_and_questions_in_both_languages(
    event_fr_en, client, page_text, register, django_capture_on_commit_callbacks
):
    fr, en = event_fr_en["fr"], event_fr_en["en"]  # Two places, no waiting list.
    register(fr, email="premiere@example.org")
    register(en, email="second@example.org")
    full = client.post(en.url, form_data(en, email="third@example.org"), **SAME_ORIGIN)
    assert "Sorry, there are no places left." in page_text(full)

    with django_capture_on_commit_callbacks(execute=True):
        fr.capacity = 4
        fr.form_fields.add(
            RegistrationFormField(
                label="Votre arrondissement", field_type="singleline", required=True
            )
        )
        fr.save_revision().publish()

    # The English page, not synced yet, counts the French page's places.
    assert register(en, email="third@example.org").status == Registration.Status.PENDING
    refused = client.post(fr.url, form_data(fr, email="quatrieme@example.org"), **SAME_ORIGIN)
    assert "Votre arrondissement : Champ requis." in page_text(refused)
    fourth = register(fr, email="quatrieme@example.org", votre_arrondissement="11e")
    assert fourth.form_data == {"votre_arrondissement": "11e"}
    assert places(Client(), page_text, en) == "full"


def test_a_capacity_lowered_without_a_purge_still_holds_under_the_kept_routing(
    event_fr_en, client, page_text, register
):
    fr, en = event_fr_en["fr"], event_fr_en["en"]  # Two places, no waiting list.
    # Made now: made by the first email, they would purge everything.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    register(fr, email="premiere@example.org")
    for page in (fr, en):  # Both pages are now kept with the routing.
        assert visit(client, page.url)[HEADER] == "miss"
    # Changed in the database, its purge lost (Redis unreachable at that moment, a script):
    type(fr).objects.filter(pk=fr.pk).update(capacity=1)
    for page in (fr, en):
        refused = client.post(page.url, form_data(page, email="autre@example.org"), **SAME_ORIGIN)
        assert refused.status_code == 200
    assert Registration.objects.filter(email="autre@example.org").count() == 0
