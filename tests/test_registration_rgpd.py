"""Personal data (RGPD): purge after retention, export and erasure by command and in the admin,
with Wagtail's history showing who did it."""

import datetime
import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from wagtail.models import PageLogEntry

from charters.factories import CharterPageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from registrations.factories import RegistrationFactory
from registrations.models import Registration
from registrations.outbox import EmailDelivery
from registrations.rgpd import ERASE_ACTION, EXPORT_ACTION
from staff.models import Attendance

EMAIL = "camille.dupont@example.org"
ADMIN_URL = "/admin/personal-data/"


def t(message, plural=None, count=None, **values):
    """`message` as the French admin shows it, spaces collapsed like `page_text`."""
    with translation.override("fr"):
        translated = ngettext(message, plural, count) if plural else gettext(message)
    if count is not None:
        values["count"] = count
    return " ".join((translated % values if values else translated).split())


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def charter(home_page):
    return CharterPageFactory(parent=home_page, title="Charte des Volontaires de Paris")


@pytest.fixture
def event(agenda):
    return EventPageFactory(parent=agenda, title="Forum des Volontaires", capacity=1)


@pytest.fixture
def held(event, charter):
    """Camille holds the event's only place and signed the charter; Sacha waits for a place;
    a child registered with Camille as parent."""
    return {
        "place": RegistrationFactory(page=event, email=EMAIL, last_name="Dupont"),
        "signature": RegistrationFactory(page=charter, email=EMAIL, last_name="Dupont"),
        "waiting": RegistrationFactory(
            page=event, email="sacha@example.org", status=Registration.Status.WAITING
        ),
        "child": RegistrationFactory(
            page=charter,
            first_name="Lou",
            email="lou@example.org",
            date_of_birth=datetime.date(2016, 5, 1),
            parent_name="Camille Dupont",
            parent_email=EMAIL,
            parent_consent=True,
        ),
        "someone_else": RegistrationFactory(page=charter, email="dominique@example.org"),
    }


def test_purge_anonymises_only_what_is_past_retention(agenda, charter, settings):
    settings.REGISTRATION_RETENTION_DAYS = 365
    old_event = EventPageFactory(parent=agenda, start=days_ago(400), end=days_ago(400))
    recent_event = EventPageFactory(parent=agenda, start=days_ago(100), end=days_ago(100))
    # Registered long ago for an event that ended recently: kept, retention runs from the end.
    kept_event = RegistrationFactory(page=recent_event, email="kept1@example.org")
    purged_event = RegistrationFactory(page=old_event, email="purged1@example.org")
    purged_signature = RegistrationFactory(page=charter, email="purged2@example.org")
    kept_signature = RegistrationFactory(page=charter, email="kept2@example.org")
    Registration.objects.update(submit_time=days_ago(500))
    Registration.objects.filter(pk=kept_signature.pk).update(submit_time=days_ago(100))
    EmailDelivery.objects.create(registration=purged_event, kind=EmailDelivery.Kind.REGISTERED)

    out = io.StringIO()
    call_command("purge_registrations", "--dry-run", stdout=out)
    assert "Registrations to anonymise: 2 (dry run: nothing changed)." in out.getvalue()
    assert Registration.objects.filter(email__startswith="purged").count() == 2

    call_command("purge_registrations", stdout=io.StringIO())

    for registration in (purged_event, purged_signature):
        registration.refresh_from_db()
        assert registration.first_name == registration.last_name == ""
        assert registration.email.endswith("@anonymised.invalid")
        assert registration.form_data == {}
    assert not EmailDelivery.objects.exists()
    for registration in (kept_event, kept_signature):
        registration.refresh_from_db()
        assert registration.first_name == "Camille"
        assert registration.email.startswith("kept")
    # The charter's count of signatories stays.
    assert charter.confirmed_registrations_count() == 2

    out = io.StringIO()
    call_command("purge_registrations", stdout=out)
    assert "Registrations anonymised: 0." in out.getvalue()
    call_command("purge_registrations", "--days", "30", stdout=io.StringIO())
    assert not Registration.objects.filter(email__startswith="kept").exists()


def mark_attended(registration):
    return Attendance.objects.create(
        registration=registration, attended=True, marked_at=days_ago(1)
    )


def test_export_command_prints_everything_held_about_an_address(held, event, charter):
    attendance = mark_attended(held["place"])
    out = io.StringIO()
    call_command("export_personal_data", "Camille.Dupont@Example.org", stdout=out)

    data = json.loads(out.getvalue())
    assert data["email"] == EMAIL
    exported = {item["id"]: item for item in data["registrations"]}
    assert set(exported) == {held["place"].pk, held["signature"].pk, held["child"].pk}
    place = exported[held["place"].pk]
    assert place["page"]["title"] == "Forum des Volontaires"
    assert place["last_name"] == "Dupont"
    assert place["status"] == "confirmed"
    assert exported[held["child"].pk]["date_of_birth"] == "2016-05-01"
    # Whether the person came to the event, as staff marked it (not who marked it).
    assert place["attendance"] == {
        "attended": True,
        "marked_at": attendance.marked_at.isoformat(),
    }
    assert exported[held["signature"].pk]["attendance"] is None
    # Logged on each page, without the address.
    entries = PageLogEntry.objects.filter(action=EXPORT_ACTION)
    assert {entry.page_id for entry in entries} == {event.pk, charter.pk}
    assert EMAIL not in json.dumps([entry.data for entry in entries])


def test_erase_command_removes_everything_and_frees_the_place(
    held, event, django_capture_on_commit_callbacks
):
    mark_attended(held["place"])
    someone_elses = mark_attended(held["waiting"])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("erase_personal_data", EMAIL, "--no-input", stdout=io.StringIO())

    assert not Registration.objects.filter(email=EMAIL).exists()
    assert not Registration.objects.filter(parent_email=EMAIL).exists()
    assert Registration.objects.filter(email="dominique@example.org").exists()
    assert list(Attendance.objects.all()) == [someone_elses]
    held["waiting"].refresh_from_db()
    assert held["waiting"].status == Registration.Status.CONFIRMED
    (promoted,) = mail.outbox
    assert promoted.to == ["sacha@example.org"]
    entry = PageLogEntry.objects.get(action=ERASE_ACTION, page=event)
    assert entry.data == {"registrations": 1}
    assert entry.user is None


@pytest.fixture
def editor(django_user_model):
    """Can use the admin, but not manage registrations."""
    user = django_user_model.objects.create_user("editor", password="password")
    group = Group.objects.create(name="Editors without registrations")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def test_the_admin_view_refuses_users_who_cannot_manage_registrations(
    client, editor, held, page_text
):
    client.force_login(editor)

    # Wagtail turns a refusal into a redirect to the dashboard with a message.
    assert client.get(ADMIN_URL)["Location"] == "/admin/"
    response = client.post(ADMIN_URL, {"email": EMAIL, "action": "export"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert not PageLogEntry.objects.filter(action=EXPORT_ACTION).exists()
    assert t("Personal data") not in page_text(client.get("/admin/"))

    # Allowed to view registrations: may export, not erase.
    editor.groups.get().permissions.add(
        Permission.objects.get(
            codename="view_registration", content_type__app_label="registrations"
        )
    )
    assert client.get(ADMIN_URL).status_code == 200
    response = client.post(ADMIN_URL, {"email": EMAIL, "action": "erase", "confirm_erase": "on"})
    assert response["Location"] == "/admin/"
    assert Registration.objects.filter(email=EMAIL).count() == 2


def test_staff_export_and_erase_from_the_admin_and_the_history_says_who(
    client, admin_user, held, event, page_text
):
    held["place"].first_name = "<script>alert(1)</script>"
    held["place"].save()
    client.force_login(admin_user)

    found = client.post(ADMIN_URL, {"email": EMAIL, "action": "find"})
    html = found.content.decode()
    assert "Forum des Volontaires" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html

    export = client.post(ADMIN_URL, {"email": EMAIL, "action": "export"})
    assert export["Content-Type"].startswith("application/json")
    assert "attachment" in export["Content-Disposition"]
    assert len(json.loads(export.content)["registrations"]) == 3

    refused = client.post(ADMIN_URL, {"email": EMAIL, "action": "erase"})
    assert t("Tick this box to erase.") in page_text(refused)
    assert Registration.objects.filter(email=EMAIL).count() == 2

    erased = client.post(
        ADMIN_URL, {"email": EMAIL, "action": "erase", "confirm_erase": "on"}, follow=True
    )
    assert t("%(count)s registration erased.", "%(count)s registrations erased.", 3) in page_text(
        erased
    )
    assert not Registration.objects.filter(email=EMAIL).exists()
    for action in (EXPORT_ACTION, ERASE_ACTION):
        assert PageLogEntry.objects.get(action=action, page=event).user == admin_user
    history = page_text(client.get(f"/admin/pages/{event.pk}/history/"))
    assert (
        t(
            "Personal data erased (%(count)s registration)",
            "Personal data erased (%(count)s registrations)",
            1,
        )
        in history
    )
    assert (
        t(
            "Personal data exported (%(count)s registration)",
            "Personal data exported (%(count)s registrations)",
            1,
        )
        in history
    )
