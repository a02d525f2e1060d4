"""The dashboard panel (places, waiting lists, latest registrations) and the attendance list."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from events.factories import EventPageFactory
from registrations.factories import RegistrationFactory
from registrations.models import Registration
from registrations.outbox import EmailDelivery
from staff.factories import (
    UserFactory,
    build_two_communities,
    coordinators_of,
)
from staff.models import Attendance
from staff.roles import TRANSLATORS, setup_roles
from staff.views import ATTENDANCE_ACTION


@pytest.fixture
def site(home_page, translate):
    pages = build_two_communities(home_page)
    pages["rescue_event_en"] = translate(pages["rescue_event"], title="First aid initiation")
    setup_roles()
    event = pages["rescue_event"]
    pages["alice"] = RegistrationFactory(page=event, first_name="Alice", last_name="Aubert")
    pages["bruno"] = RegistrationFactory(
        page=pages["rescue_event_en"], first_name="Bruno", last_name="Bernard"
    )
    pages["chloe"] = RegistrationFactory(
        page=event, first_name="Chloé", last_name="Carpentier", status="waiting"
    )
    RegistrationFactory(page=event, last_name="Annulé", status="cancelled")
    RegistrationFactory(page=pages["climate_event"], first_name="Zoé", last_name="Climat")
    return pages


@pytest.fixture
def rescue_coordinator(site):
    return UserFactory(groups=[coordinators_of(site["rescue"])])


def assert_denied(response):
    """Wagtail sends a forbidden admin URL back to the dashboard."""
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def attendance_url(page):
    return reverse("staff_attendance", args=[page.pk])


def test_dashboard_shows_places_and_waiting_list_of_the_users_events(
    site, client, rescue_coordinator, page_text
):
    client.force_login(rescue_coordinator)
    text = page_text(client.get(reverse("wagtailadmin_home")))
    assert "Initiation aux gestes qui sauvent" in text
    assert "2 / 2" in text  # Alice (French page) and Bruno (English page) share the places.
    assert "Atelier du Climat" not in text
    assert "Soirée de l'engagement" not in text
    # Latest registrations: their own pages' only.
    assert "Alice Aubert" in text and "Chloé Carpentier" in text
    assert "Zoé Climat" not in text


def test_dashboard_lists_the_emails_given_up_for_the_users_pages_only(
    site, client, rescue_coordinator, page_text
):
    refused = EmailDelivery.objects.create(
        registration=site["alice"],
        kind=EmailDelivery.Kind.REGISTERED,
        status=EmailDelivery.Status.FAILED,
        attempts=1,
        last_error="SMTPRecipientsRefused: 550",
    )
    EmailDelivery.objects.create(
        registration=Registration.objects.get(last_name="Climat"),
        kind=EmailDelivery.Kind.REGISTERED,
        status=EmailDelivery.Status.FAILED,
    )
    client.force_login(rescue_coordinator)

    text = page_text(client.get(reverse("wagtailadmin_home")))

    with translation.override("fr"):  # The admin's language for staff who chose none.
        assert translation.gettext("Emails not delivered") in text
        kind = refused.get_kind_display()
    assert f"Alice Aubert Initiation aux gestes qui sauvent {kind}" in text
    assert "SMTPRecipientsRefused: 550" in text
    assert "Zoé Climat" not in text


def test_dashboard_panel_costs_the_same_queries_with_more_events(site, client, rescue_coordinator):
    client.force_login(rescue_coordinator)
    url = reverse("wagtailadmin_home")
    client.get(url)  # Warm up per-process caches (content types, site root paths).
    with CaptureQueriesContext(connection) as few:
        client.get(url)

    start = timezone.now() + datetime.timedelta(days=20)
    for _event in range(6):
        event = EventPageFactory(
            parent=site["rescue"], community=site["rescue"], start=start, capacity=10
        )
        for _person in range(3):
            RegistrationFactory(page=event)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.content.decode().count(reverse("staff_attendance", args=[event.pk])) == 1
    assert len(many) <= len(few)


def test_attendance_list_lists_registered_people_with_their_status(
    site, client, rescue_coordinator, page_text
):
    client.force_login(rescue_coordinator)
    response = client.get(attendance_url(site["rescue_event"]))
    assert response.status_code == 200
    text = page_text(response)
    assert "Aubert Alice" in text and "Bernard Bruno" in text
    with translation.override("fr"):
        waiting = str(Registration.Status.WAITING.label)
    assert "Carpentier Chloé" in text and waiting in text
    assert "Annulé" not in text  # A cancelled place is not on the list.


@pytest.mark.parametrize(
    ("admin_language", "written"),
    [("fr", "01/03/2031 18h30"), ("en", "01/03/2031 6:30 p.m.")],
)
def test_attendance_list_writes_registration_times_day_first_in_both_admin_languages(
    site, client, rescue_coordinator, page_text, admin_language, written
):
    Registration.objects.filter(pk=site["alice"].pk).update(
        submit_time=datetime.datetime(2031, 3, 1, 17, 30, tzinfo=datetime.UTC)
    )
    profile = UserProfile.get_for_user(rescue_coordinator)
    profile.preferred_language = admin_language
    profile.save()
    client.force_login(rescue_coordinator)

    assert written in page_text(client.get(attendance_url(site["rescue_event"])))


def test_attendance_list_writes_the_first_of_the_month_as_french_does(
    site, client, rescue_coordinator, page_text
):
    event = site["rescue_event"]
    event.start = datetime.datetime(2031, 3, 1, 17, 30, tzinfo=datetime.UTC)  # 18h30 in Paris.
    event.end = event.start + datetime.timedelta(hours=2)
    event.save()
    client.force_login(rescue_coordinator)  # The admin speaks French by default.

    assert "1er mars 2031 à 18h30" in page_text(client.get(attendance_url(event)))


def test_marking_attendance_records_who_came_and_who_marked_it(site, client, rescue_coordinator):
    client.force_login(rescue_coordinator)
    url = attendance_url(site["rescue_event"])
    alice, bruno = site["alice"], site["bruno"]
    response = client.post(url, {"attended": [alice.pk, bruno.pk]})
    assert response.status_code == 302

    attendance = Attendance.objects.get(registration=alice)
    assert attendance.attended and attendance.marked_by == rescue_coordinator
    assert Attendance.objects.filter(attended=True).count() == 2

    client.post(url, {"attended": [alice.pk]})  # Bruno did not come after all.
    assert Attendance.objects.get(registration=alice).marked_at == attendance.marked_at
    assert not Attendance.objects.get(registration=bruno).attended
    page = client.get(url).content.decode()
    assert f'value="{alice.pk}" aria-labelledby="attendee-{alice.pk}" checked' in page
    assert f'value="{bruno.pk}" aria-labelledby="attendee-{bruno.pk}">' in page


def test_each_change_of_attendance_is_in_the_events_history(
    site, client, rescue_coordinator, page_text
):
    client.force_login(rescue_coordinator)
    event = site["rescue_event"]
    url = attendance_url(event)
    alice, bruno, chloe = site["alice"], site["bruno"], site["chloe"]

    client.post(url, {"attended": [alice.pk, bruno.pk]})
    client.post(url, {"attended": [alice.pk, bruno.pk]})  # Saved again: nothing changed.
    client.post(url, {"attended": [alice.pk, chloe.pk]})  # Bruno did not come, Chloé did.

    entries = PageLogEntry.objects.filter(action=ATTENDANCE_ACTION).order_by("pk")
    assert [(entry.page_id, entry.user) for entry in entries] == [
        (event.pk, rescue_coordinator)
    ] * 2
    # Who was marked, by registration number: no name in the log.
    assert [entry.data for entry in entries] == [
        {"present": [alice.pk, bruno.pk], "absent": []},
        {"present": [chloe.pk], "absent": [bruno.pk]},
    ]
    history = page_text(client.get(reverse("wagtailadmin_pages:history", args=[event.pk])))
    with translation.override("fr"):  # The admin's language; spaces collapsed like the text's.
        messages = [" ".join(entry.message.split()) for entry in entries]
    for message in messages:
        assert f"{message} {rescue_coordinator.username}" in history
    assert "Aubert" not in history and "Bernard" not in history
    with translation.override("en"):  # Fresh entries: each caches its message.
        assert [entry.message for entry in entries.all()] == [
            "Attendance list updated: 2 people marked present",
            "Attendance list updated: 1 person marked present, 1 person marked absent",
        ]


def test_attendance_list_costs_the_same_queries_with_more_people(
    site, client, rescue_coordinator, django_assert_max_num_queries
):
    client.force_login(rescue_coordinator)
    event = site["rescue_event"]
    url = attendance_url(event)
    client.get(url)  # Warm up per-process caches (content types, site root paths).
    with CaptureQueriesContext(connection) as few:
        client.get(url)

    for registration in RegistrationFactory.create_batch(12, page=event, status="waiting"):
        Attendance.objects.create(
            registration=registration, attended=True, marked_at=timezone.now()
        )
    with django_assert_max_num_queries(len(few)):
        response = client.get(url)
    assert response.content.decode().count('name="attended"') == 15


def test_attendance_is_for_those_who_edit_the_event(site, client, rescue_coordinator):
    client.force_login(rescue_coordinator)
    climate_url = attendance_url(site["climate_event"])
    assert_denied(client.get(climate_url))
    zoe = Registration.objects.get(last_name="Climat")
    assert_denied(client.post(climate_url, {"attended": [zoe.pk]}))
    assert not Attendance.objects.exists()

    client.force_login(UserFactory(groups=[Group.objects.get(name=TRANSLATORS)]))
    assert_denied(client.get(attendance_url(site["rescue_event_en"])))

    client.logout()
    assert client.get(attendance_url(site["rescue_event"])).status_code == 302


def test_attendance_list_is_in_the_events_action_menu(site, client, rescue_coordinator):
    client.force_login(rescue_coordinator)
    edit = reverse("wagtailadmin_pages:edit", args=[site["rescue_event"].pk])
    assert attendance_url(site["rescue_event"]) in client.get(edit).content.decode()
    kit_edit = reverse("wagtailadmin_pages:edit", args=[site["rescue_kit"].pk])
    assert "staff/attendance" not in client.get(kit_edit).content.decode()


def test_attendance_list_shows_the_accessibility_needs_when_the_event_asks_them(
    site, client, rescue_coordinator, page_text
):
    event = site["rescue_event"]
    client.force_login(rescue_coordinator)
    event.ask_accessibility_needs = False
    event.save_revision().publish()
    assert "Besoins d’accessibilité" not in page_text(client.get(attendance_url(event)))

    event.ask_accessibility_needs = True
    event.save_revision().publish()
    Registration.objects.filter(pk=site["alice"].pk).update(
        accessibility_needs=["wheelchair"], accessibility_details="Arrivée en avance"
    )
    text = page_text(client.get(attendance_url(event)))
    assert "Besoins d’accessibilité" in text
    assert "Accès en fauteuil roulant — Arrivée en avance" in text
