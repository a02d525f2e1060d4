"""Each role's boundaries, tested as its members would meet them: typing admin URLs. The
admin's other sections (settings, snippets, images, documents, reports…) are in the matrix of
test_staff_permissions.py."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    WorkflowPage,
)
from wagtail_localize.models import Translation

from registrations.factories import RegistrationFactory
from staff.factories import (
    PASSWORD,
    UserFactory,
    build_two_communities,
    coordinators_of,
    edit_form_data,
)
from staff.roles import (
    COMMUNICATION,
    DEMO_PASSWORD,
    WORKFLOW_NAME,
    create_demo_users,
    setup_roles,
)


def sign_in(client, username, password):
    """Sign in through the admin's login form, as a person does; True if it let them in."""
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def login(client, user):
    client.force_login(user)
    return client


def assert_denied(response):
    """Wagtail answers a forbidden admin URL with 403, or by sending back to the dashboard."""
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")
    else:
        assert response.status_code in (403, 404)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submissions_url(page):
    return reverse("wagtailforms:list_submissions", args=[page.pk])


# Setting up the roles


def test_setup_roles_creates_one_group_per_role_and_community(staff_site):
    # Besides Wagtail's own Editors and Moderators, which nobody is put in.
    assert set(
        Group.objects.exclude(name__in=["Editors", "Moderators"]).values_list("name", flat=True)
    ) == {
        "Communication",
        "Traduction",
        "Coordination – Paris qui Sauve",
        "Coordination – Volontaires du Climat",
    }
    workflow_pages = WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME)
    assert set(workflow_pages.values_list("page", flat=True)) == {
        staff_site["home"].pk,
        staff_site["home_en"].pk,
    }


@pytest.mark.parametrize("default_group", ["Editors", "Moderators"])
def test_wagtails_default_groups_go_with_their_rights_on_every_page(
    home_page, client, default_group
):
    """Wagtail's migrations give "Editors" and "Moderators" rights on the root: whoever is put
    in one sees and exports every registration of the site. setup_roles removes them."""
    pages = build_two_communities(home_page)
    RegistrationFactory(page=pages["climate_event"], last_name="Climatologue")
    member = UserFactory(groups=[Group.objects.get(name=default_group)])
    login(client, member)
    assert "Climatologue" in client.get(submissions_url(pages["climate_event"])).content.decode()

    setup_roles()

    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    response = client.get(submissions_url(pages["climate_event"]))
    # No group left, no admin: back to the login page.
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_setup_roles_runs_again_without_duplicating_anything(staff_site):
    def counts():
        return [
            model.objects.count()
            for model in (Group, GroupPagePermission, GroupCollectionPermission, WorkflowPage)
        ]

    before = counts()
    out = StringIO()
    call_command("setup_roles", stdout=out)
    assert counts() == before
    assert "4 roles are up to date." in out.getvalue()


def test_a_renamed_community_keeps_its_coordinators(staff_site):
    group = coordinators_of(staff_site["rescue"])
    staff_site["rescue"].title = "Paris qui Sauve des vies"
    staff_site["rescue"].save()
    setup_roles()
    group.refresh_from_db()
    assert group.name == "Coordination – Paris qui Sauve des vies"
    assert Group.objects.filter(name__startswith="Coordination").count() == 2


def test_setup_roles_needs_the_pages(db):
    with pytest.raises(CommandError, match="No home page yet"):
        call_command("setup_roles")


def test_demo_users_are_refused_without_debug(staff_site):
    with pytest.raises(ImproperlyConfigured):
        create_demo_users()


@override_settings(DEBUG=True)
def test_demo_users_log_in_with_the_documented_password_and_get_a_french_admin(staff_site, client):
    out = StringIO()
    call_command("setup_roles", "--demo-users", stdout=out)
    assert "coordination-paris-qui-sauve" in out.getvalue()
    assert sign_in(client, "coordination-paris-qui-sauve", DEMO_PASSWORD)
    response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Tableau de bord" in response.content.decode()
    assert sign_in(Client(), "communication", DEMO_PASSWORD)
    assert sign_in(Client(), "traduction", DEMO_PASSWORD)


def test_a_new_staff_member_gets_the_admin_in_french(staff_site, client):
    user = UserFactory(groups=[Group.objects.get(name=COMMUNICATION)])
    assert sign_in(client, user.username, PASSWORD)
    response = client.get(reverse("wagtailadmin_home"))
    assert '<html lang="fr"' in response.content.decode()
    assert "Tableau de bord" in response.content.decode()


# Coordinators of one community


def test_coordinator_edits_their_community_but_not_another(staff_site, client, rescue_coordinator):
    login(client, rescue_coordinator)
    for page in ("rescue", "rescue_kit", "rescue_event"):
        assert client.get(edit_url(staff_site[page])).status_code == 200, page
    for page in ("climate", "climate_kit", "climate_event", "city_event", "home"):
        assert_denied(client.get(edit_url(staff_site[page])))


def test_coordinator_cannot_change_another_community_by_posting(
    staff_site, client, rescue_coordinator
):
    climate_event = staff_site["climate_event"]
    data = edit_form_data(climate_event, rescue_coordinator, title="Modifié sans droit")
    login(client, rescue_coordinator)
    assert_denied(client.post(edit_url(climate_event), {**data, "action-publish": "1"}))
    assert_denied(client.post(edit_url(climate_event), {**data, "action-submit": "1"}))
    climate_event.refresh_from_db()
    assert climate_event.title == "Atelier du Climat"
    assert not climate_event.has_unpublished_changes
    add_url = reverse(
        "wagtailadmin_pages:add", args=["events", "eventpage", staff_site["climate"].pk]
    )
    assert_denied(client.get(add_url))


def test_coordinator_saves_a_draft_but_cannot_publish(staff_site, client, rescue_coordinator):
    kit = staff_site["rescue_kit"]
    login(client, rescue_coordinator)
    data = edit_form_data(kit, rescue_coordinator, title="Les gestes qui sauvent, 2e édition")
    client.post(edit_url(kit), {**data, "action-publish": "1"})
    kit.refresh_from_db()
    assert kit.title == "Les gestes qui sauvent"  # The live page is unchanged.
    assert_denied(client.post(reverse("wagtailadmin_pages:unpublish", args=[kit.pk])))
    assert kit.live

    response = client.post(edit_url(kit), data)
    assert response.status_code == 302
    kit.refresh_from_db()
    assert kit.has_unpublished_changes
    assert kit.get_latest_revision_as_object().title == "Les gestes qui sauvent, 2e édition"
    assert kit.title == "Les gestes qui sauvent"


def test_coordinator_leaves_english_pages_to_the_translators(
    staff_site, client, rescue_coordinator
):
    login(client, rescue_coordinator)
    assert_denied(client.get(edit_url(staff_site["rescue_en"])))
    assert_denied(client.get(edit_url(staff_site["rescue_event_en"])))


def test_coordinator_sees_only_their_community_registrations(
    staff_site, client, rescue_coordinator
):
    RegistrationFactory(page=staff_site["rescue_event"], last_name="Secouriste")
    RegistrationFactory(page=staff_site["climate_event"], last_name="Climatologue")
    login(client, rescue_coordinator)

    listing = client.get(reverse("wagtailforms:index"))
    assert listing.status_code == 200
    listing = listing.content.decode()
    assert "Initiation aux gestes qui sauvent" in listing
    assert "Atelier du Climat" not in listing
    assert "Soirée de l&#x27;engagement" not in listing

    own = client.get(submissions_url(staff_site["rescue_event"]))
    assert own.status_code == 200
    assert "Secouriste" in own.content.decode()
    for url in (
        submissions_url(staff_site["climate_event"]),
        submissions_url(staff_site["climate_event"]) + "?export=csv",
        submissions_url(staff_site["city_event"]),
        reverse("wagtailforms:delete_submissions", args=[staff_site["climate_event"].pk]),
    ):
        response = client.get(url)
        assert_denied(response)
        assert "Climatologue" not in response.content.decode()


# Communication


def test_communication_publishes_any_page(staff_site, client, communication):
    climate_event = staff_site["climate_event"]
    data = edit_form_data(climate_event, communication, title="Atelier du Climat (complet)")
    login(client, communication)
    response = client.post(edit_url(climate_event), {**data, "action-publish": "1"})
    assert response.status_code == 302
    climate_event.refresh_from_db()
    assert climate_event.title == "Atelier du Climat (complet)"
    assert climate_event.live and not climate_event.has_unpublished_changes
    assert client.get(edit_url(staff_site["rescue_event_en"])).status_code == 200


def test_communication_sees_every_registration(staff_site, client, communication):
    RegistrationFactory(page=staff_site["rescue_event"], last_name="Secouriste")
    RegistrationFactory(page=staff_site["climate_event"], last_name="Climatologue")
    login(client, communication)
    listing = client.get(reverse("wagtailforms:index")).content.decode()
    assert "Initiation aux gestes qui sauvent" in listing
    assert "Atelier du Climat" in listing
    assert (
        "Climatologue" in client.get(submissions_url(staff_site["climate_event"])).content.decode()
    )
    assert client.get(reverse("registrations_personal_data")).status_code == 200


# Translators


def test_translator_opens_and_saves_the_translation_editor(
    staff_site, client, translator, django_capture_on_commit_callbacks
):
    event_en = staff_site["rescue_event_en"]
    login(client, translator)
    response = client.get(edit_url(event_en))
    assert response.status_code == 200
    assert "js-translation-editor" in response.content.decode()

    translation = Translation.objects.get(
        source__object_id=staff_site["rescue_event"].translation_key, target_locale=event_en.locale
    )
    segment = translation.source.stringsegment_set.get(string__data="Hôtel de Ville")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, "value=City+Hall", content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 201)
    assert segment.string.translations.get(locale=event_en.locale).data == "City Hall"

    # Publishing is Communication's: the translator's work waits for them.
    assert_denied(client.post(edit_url(event_en), {"action": "publish"}))
    event_en.refresh_from_db()
    assert not event_en.live
    login(client, UserFactory(groups=[Group.objects.get(name=COMMUNICATION)]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(event_en), {"action": "publish"})
    assert response.status_code == 302
    event_en.refresh_from_db()
    assert event_en.live
    assert event_en.venue == "City Hall"


def test_translator_cannot_edit_french_pages(staff_site, client, translator):
    login(client, translator)
    for page in ("home", "rescue", "rescue_event", "climate_event"):
        assert_denied(client.get(edit_url(staff_site[page])))
    event = staff_site["rescue_event"]
    assert_denied(
        client.post(edit_url(event), edit_form_data(event, translator, title="Traduit ?"))
    )
    event.refresh_from_db()
    assert not event.has_unpublished_changes


def test_translator_never_sees_registrations(staff_site, client, translator):
    RegistrationFactory(page=staff_site["rescue_event"], last_name="Secouriste")
    RegistrationFactory(page=staff_site["rescue_event_en"], last_name="Rescuer")
    login(client, translator)
    listing = client.get(reverse("wagtailforms:index")).content.decode()
    assert "Initiation aux gestes qui sauvent" not in listing
    for page in ("rescue_event_en", "rescue_event"):
        assert_denied(client.get(submissions_url(staff_site[page])))
    assert "Secouriste" not in client.get(reverse("wagtailadmin_home")).content.decode()
