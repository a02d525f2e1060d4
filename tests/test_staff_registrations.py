"""What staff do with a page's registrations in the Forms section, and how the page's history
records it: spreadsheet exports, cancelling one registration, deleting registrations."""

import datetime
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from events.models import EventPage
from registrations.admin_views import CANCEL_ACTION, DELETE_ACTION
from registrations.factories import RegistrationFactory
from registrations.models import Registration, RegistrationList
from registrations.views import EXPORT_REGISTRATIONS_ACTION
from staff.factories import (
    UserFactory,
    build_two_communities,
    coordinators_of,
)
from staff.roles import COMMUNICATION, TRANSLATORS, setup_roles


@pytest.fixture
def site(home_page):
    pages = build_two_communities(home_page)
    setup_roles()
    return pages


def staff_member(group):
    """A member of `group` who reads the admin in English, the source of its messages."""
    user = UserFactory(groups=[group])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def communication(site):
    return staff_member(Group.objects.get(name=COMMUNICATION))


@pytest.fixture
def rescue_coordinator(site):
    return staff_member(coordinators_of(site["rescue"]))


@pytest.fixture
def climate_coordinator(site):
    return staff_member(coordinators_of(site["climate"]))


def submissions_url(page, **params):
    url = reverse("wagtailforms:list_submissions", args=[page.pk])
    return f"{url}?{urlencode(params)}" if params else url


def cancel_url(registration, page=None):
    page_id = (page or registration.page).pk
    return reverse("registrations_cancel", args=[page_id, registration.pk])


def history_text(client, page, page_text):
    return page_text(client.get(reverse("wagtailadmin_pages:history", args=[page.pk])))


def assert_denied(response):
    """Wagtail sends a forbidden admin URL back to the dashboard."""
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def download(response):
    assert response.status_code == 200
    content = getattr(response, "streaming_content", None)
    return b"".join(content) if content is not None else response.content


# Exports


@pytest.mark.parametrize("role", ["communication", "rescue_coordinator"])
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_export_is_in_the_page_history_with_who_and_how_many(
    site, client, request, role, export_format, page_text
):
    user = request.getfixturevalue(role)
    event = site["rescue_event"]
    RegistrationFactory.create_batch(3, page=event)
    RegistrationFactory(page=site["climate_event"])
    client.force_login(user)

    download(client.get(submissions_url(event, export=export_format)))

    entry = PageLogEntry.objects.get(action=EXPORT_REGISTRATIONS_ACTION)
    assert entry.page_id == event.pk
    assert entry.user == user
    assert entry.data == {"format": export_format, "registrations": 3}
    # The history's row: the action, then who did it.
    history = history_text(client, event, page_text)
    assert f"3 registrations exported as {export_format.upper()} {user.username}" in history


def test_a_date_filtered_export_says_which_registration_dates(site, client, communication):
    event = site["rescue_event"]
    march = [RegistrationFactory(page=event) for _day in (1, 15)]
    RegistrationFactory(page=event)  # Registered today.
    for registration, day in zip(march, (1, 15), strict=True):
        Registration.objects.filter(pk=registration.pk).update(
            submit_time=timezone.make_aware(datetime.datetime(2025, 3, day, 12))
        )
    client.force_login(communication)

    filtered = {"date_from": "2025-03-01", "date_to": "2025-03-31"}
    content = download(client.get(submissions_url(event, export="csv", **filtered))).decode()

    assert content.count("volontaire") == 2  # The two addresses of March.
    entry = PageLogEntry.objects.get(action=EXPORT_REGISTRATIONS_ACTION)
    assert entry.data["registrations"] == 2
    assert entry.data["registered_from"] == "2025-03-01"
    assert entry.data["registered_until"] == "2025-03-31"
    download(client.get(submissions_url(event, export="xlsx", date_to="2025-03-10")))

    def history_in(language):
        exports = PageLogEntry.objects.filter(action=EXPORT_REGISTRATIONS_ACTION).order_by("pk")
        with translation.override(language):
            return [entry.message for entry in exports]

    assert history_in("en") == [
        "2 registrations exported as CSV, registered between 1 March 2025 and 31 March 2025",
        "1 registration exported as XLSX, registered until 10 March 2025",
    ]
    # French writes the first of the month as an ordinal.
    assert history_in("fr")[0] == (
        "2 inscriptions exportées en CSV, inscriptions du 1er mars 2025 au 31 mars 2025"
    )


def test_a_refused_export_logs_nothing(site, client, climate_coordinator):
    event = site["rescue_event"]
    RegistrationFactory(page=event, last_name="Secouriste")
    client.force_login(climate_coordinator)

    for export_format in ("csv", "xlsx"):
        response = client.get(submissions_url(event, export=export_format))
        assert_denied(response)
        assert b"Secouriste" not in response.content

    assert not PageLogEntry.objects.filter(action=EXPORT_REGISTRATIONS_ACTION).exists()


def test_browsing_the_list_logs_no_export(site, client, communication):
    RegistrationFactory(page=site["rescue_event"])
    client.force_login(communication)
    assert client.get(submissions_url(site["rescue_event"])).status_code == 200
    assert not PageLogEntry.objects.filter(action=EXPORT_REGISTRATIONS_ACTION).exists()


# Cancelling one registration


@pytest.fixture
def full_event(site):
    """The rescue event's two places taken, and Chloé first on its waiting list."""
    event = site["rescue_event"]
    return {
        "event": event,
        "alice": RegistrationFactory(page=event, first_name="Alice", last_name="<b>Aubert</b>"),
        "bruno": RegistrationFactory(page=event, first_name="Bruno", last_name="Bernard"),
        "chloe": RegistrationFactory(
            page=event,
            first_name="Chloé",
            last_name="Carpentier",
            email="chloe@example.org",
            status=Registration.Status.WAITING,
        ),
    }


def test_staff_cancel_a_registration_after_confirming_and_the_waiting_list_moves_up(
    full_event, client, rescue_coordinator, page_text, django_capture_on_commit_callbacks
):
    event, alice, chloe = full_event["event"], full_event["alice"], full_event["chloe"]
    client.force_login(rescue_coordinator)

    listing = client.get(submissions_url(event)).content.decode()
    assert f'href="{cancel_url(alice)}"' in listing
    assert 'aria-label="Cancel registration: Alice &lt;b&gt;Aubert&lt;/b&gt;"' in listing

    confirmation = client.get(cancel_url(alice))
    assert confirmation.status_code == 200
    assert "Cancel the registration of Alice <b>Aubert</b> (confirmed)?" in page_text(confirmation)
    assert "<b>Aubert</b>" not in confirmation.content.decode()
    alice.refresh_from_db()
    assert alice.status == Registration.Status.CONFIRMED  # Opening the page changes nothing.

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url(alice), follow=True)

    assert response.redirect_chain == [(submissions_url(event), 302)]
    assert (
        "The registration of Alice <b>Aubert</b> is cancelled; they are told by email."
        in page_text(response)
    )
    alice.refresh_from_db()
    chloe.refresh_from_db()
    assert alice.status == Registration.Status.CANCELLED
    assert chloe.status == Registration.Status.CONFIRMED
    # Alice learns what happened; Chloé is told, as when a participant cancels.
    sent = {message.to[0]: message.subject for message in mail.outbox}
    assert sent == {
        alice.email: "Inscription annulée\u00a0: Initiation aux gestes qui sauvent",
        "chloe@example.org": "Une place pour vous\u00a0: Initiation aux gestes qui sauvent",
    }
    entry = PageLogEntry.objects.get(action=CANCEL_ACTION)
    assert (entry.page_id, entry.user) == (event.pk, rescue_coordinator)
    assert entry.data == {"registration": alice.pk, "promoted": 1}
    history = history_text(client, event, page_text)
    assert (
        f"Registration no. {alice.pk} cancelled; 1 person on the waiting list got a place "
        f"{rescue_coordinator.username}"
    ) in history
    assert "Aubert" not in history

    # Cancelled: no link any more; a second click (or a colleague's) changes nothing.
    assert cancel_url(alice) not in client.get(submissions_url(event)).content.decode()
    again = client.post(cancel_url(alice), follow=True)
    assert again.redirect_chain == [(submissions_url(event), 302)]
    assert "This registration is already cancelled." in page_text(again)
    assert PageLogEntry.objects.filter(action=CANCEL_ACTION).count() == 1


def test_when_two_staff_members_confirm_at_once_one_cancels_and_the_other_is_told(
    full_event,
    client,
    rescue_coordinator,
    communication,
    monkeypatch,
    page_text,
    django_capture_on_commit_callbacks,
):
    event, alice = full_event["event"], full_event["alice"]
    client.force_login(rescue_coordinator)
    colleague = Client()
    colleague.force_login(communication)
    lock = RegistrationList.lock

    def colleague_cancels_while_we_wait_for_the_lock(translation_key):
        monkeypatch.setattr(RegistrationList, "lock", lock)
        # Their request, inside ours: restore our admin language after it.
        with translation.override(translation.get_language()):
            colleague.post(cancel_url(alice))
        return lock(translation_key)

    # Both opened the confirmation page; the colleague's click took the list's lock first.
    monkeypatch.setattr(RegistrationList, "lock", colleague_cancels_while_we_wait_for_the_lock)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url(alice), follow=True)

    assert response.redirect_chain == [(submissions_url(event), 302)]
    assert "This registration is already cancelled." in page_text(response)
    assert "is cancelled; they are told by email" not in page_text(response)
    # One cancellation: logged once, under the colleague's name; Alice gets one email.
    entry = PageLogEntry.objects.get(action=CANCEL_ACTION)
    assert entry.user == communication
    assert [message.to for message in mail.outbox].count([alice.email]) == 1
    assert Registration.objects.confirmed().count() == 2  # Chloé has Alice's place, once.


@pytest.fixture
def ended(full_event):
    """The rescue event took place yesterday."""
    yesterday = timezone.now() - datetime.timedelta(days=1)
    EventPage.objects.filter(pk=full_event["event"].pk).update(
        start=yesterday, end=yesterday + datetime.timedelta(hours=2)
    )
    return full_event


def test_registrations_of_an_event_that_has_ended_can_no_longer_be_cancelled(
    ended, client, communication, page_text
):
    event, alice = ended["event"], ended["alice"]
    client.force_login(communication)

    listing = client.get(submissions_url(event))
    assert listing.status_code == 200
    assert "Alice" in page_text(listing)
    assert "/cancel/" not in listing.content.decode()

    # Typing the URL of the confirmation, or posting it, is refused with the reason.
    for method in (client.get, client.post):
        response = method(cancel_url(alice), follow=True)
        assert response.redirect_chain == [(submissions_url(event), 302)]
        assert "This event has ended: its registrations can no longer be cancelled." in (
            page_text(response)
        )

    alice.refresh_from_db()
    assert alice.status == Registration.Status.CONFIRMED
    assert not mail.outbox
    assert not PageLogEntry.objects.filter(action=CANCEL_ACTION).exists()


def test_registrations_of_a_page_without_dates_can_always_be_cancelled(
    site, client, communication
):
    kit = site["rescue_kit"]
    registration = RegistrationFactory(page=kit)
    client.force_login(communication)

    assert cancel_url(registration) in client.get(submissions_url(kit)).content.decode()
    client.post(cancel_url(registration))

    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_a_registration_without_a_waiting_list_behind_is_cancelled_and_logged(
    site, client, communication
):
    registration = RegistrationFactory(page=site["climate_event"], first_name="Zoé")
    client.force_login(communication)

    client.post(cancel_url(registration))

    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    with translation.override("en"):
        message = PageLogEntry.objects.get(action=CANCEL_ACTION).message
    assert message == f"Registration no. {registration.pk} cancelled"


def test_others_cannot_cancel_even_by_typing_the_url(
    site, full_event, client, climate_coordinator, rescue_coordinator
):
    alice = full_event["alice"]
    translator = UserFactory(groups=[Group.objects.get(name=TRANSLATORS)])
    for user in (climate_coordinator, translator):
        client.force_login(user)
        assert_denied(client.get(cancel_url(alice)))
        assert_denied(client.post(cancel_url(alice)))

    # Through a page the coordinator does see, a registration of another page is not found.
    climate_registration = RegistrationFactory(page=site["climate_event"])
    client.force_login(rescue_coordinator)
    url = cancel_url(climate_registration, page=alice.page)
    assert client.post(url, follow=True).status_code == 404

    assert not Registration.objects.filter(status=Registration.Status.CANCELLED).exists()
    assert not PageLogEntry.objects.filter(action=CANCEL_ACTION).exists()


def test_cancelling_needs_the_csrf_token(full_event, rescue_coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(rescue_coordinator)
    alice = full_event["alice"]

    assert client.post(cancel_url(alice)).status_code == 403

    alice.refresh_from_db()
    assert alice.status == Registration.Status.CONFIRMED


# Deleting registrations (Wagtail's "Delete selected submissions")


def delete_url(page, *registrations):
    url = reverse("wagtailforms:delete_submissions", args=[page.pk])
    selected = [("selected-submissions", registration.pk) for registration in registrations]
    return f"{url}?{urlencode(selected)}"


def test_coordinators_cancel_but_cannot_delete_even_by_typing_the_url(
    full_event, client, rescue_coordinator
):
    event, alice = full_event["event"], full_event["alice"]
    client.force_login(rescue_coordinator)

    listing = client.get(submissions_url(event)).content.decode()
    assert cancel_url(alice) in listing
    assert 'name="selected-submissions"' not in listing
    assert "Delete selected submissions" not in listing

    assert_denied(client.get(delete_url(event, alice)))
    assert_denied(client.post(delete_url(event, alice)))

    assert Registration.objects.filter(page=event).count() == 3
    alice.refresh_from_db()
    assert alice.status == Registration.Status.CONFIRMED
    assert not PageLogEntry.objects.filter(action=DELETE_ACTION).exists()


def test_communication_deletes_registrations_the_waiting_list_moves_up_and_history_counts(
    site, full_event, client, communication, page_text, django_capture_on_commit_callbacks
):
    event, alice, chloe = full_event["event"], full_event["alice"], full_event["chloe"]
    gone = RegistrationFactory(page=event, first_name="Dora", status=Registration.Status.CANCELLED)
    elsewhere = RegistrationFactory(page=site["climate_event"], first_name="Zoé")
    client.force_login(communication)

    listing = client.get(submissions_url(event)).content.decode()
    assert f'name="selected-submissions" class="select-submission" value="{alice.pk}"' in listing
    assert "Delete selected submissions" in listing

    # A registration of another page in the URL is not this list's: it is left alone.
    url = delete_url(event, alice, gone, elsewhere)
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    text = page_text(confirmation)
    assert "Delete these 2 registrations for good?" in text
    assert "Alice <b>Aubert</b> (confirmed)" in text and "Dora" in text
    assert "<b>Aubert</b>" not in confirmation.content.decode()
    assert "Zoé" not in text
    assert Registration.objects.filter(pk=alice.pk).exists()  # Opening the page deletes nothing.

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)

    assert response.redirect_chain == [(submissions_url(event), 302)]
    assert "2 registrations deleted." in page_text(response)
    assert not Registration.objects.filter(pk__in=[alice.pk, gone.pk]).exists()
    assert Registration.objects.filter(pk=elsewhere.pk).exists()
    chloe.refresh_from_db()
    assert chloe.status == Registration.Status.CONFIRMED  # Alice's place is hers.
    (promoted,) = mail.outbox
    assert promoted.to == ["chloe@example.org"]
    entry = PageLogEntry.objects.get(action=DELETE_ACTION)
    assert (entry.page_id, entry.user) == (event.pk, communication)
    assert entry.data == {"registrations": 2, "promoted": 1}
    history = history_text(client, event, page_text)
    assert (
        "2 registrations deleted; 1 person on the waiting list got a place "
        f"{communication.username}"
    ) in history
    assert "Aubert" not in history and "Dora" not in history


def test_deleting_needs_the_csrf_token(full_event, communication):
    client = Client(enforce_csrf_checks=True)
    client.force_login(communication)
    event, alice = full_event["event"], full_event["alice"]

    assert client.post(delete_url(event, alice)).status_code == 403

    assert Registration.objects.filter(pk=alice.pk).exists()
