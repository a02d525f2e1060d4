"""What staff see: the registration tab and count, Wagtail's Forms listing and its export."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from events.factories import EventIndexPageFactory, EventPageFactory
from home.models import StandardPage
from registrations.factories import RegistrationFactory, RegistrationFormFieldFactory
from registrations.models import Registration, RegistrationFormField


@pytest.fixture
def event(home_page):
    return EventPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=10)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "password")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def test_the_edit_view_has_a_registration_tab_with_the_count(staff_client, event, locale_en):
    RegistrationFactory.create_batch(2, page=event)
    RegistrationFactory(page=event, status="waiting", confirmed_at=None)
    RegistrationFormFieldFactory(page=event, label="Votre arrondissement")

    response = staff_client.get(f"/admin/pages/{event.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Registration form" in html
    assert "3 registrations, in every language of this page." in html
    assert "(confirmed: 2, waiting list: 1)" in html
    # The editor's questions in an inline panel; the event's places in the same tab.
    assert 'value="Votre arrondissement"' in html
    assert 'name="waiting_list_enabled"' in html


def test_the_forms_section_lists_registrations_escaped_with_needs(staff_client, event):
    RegistrationFactory(
        page=event,
        last_name="<script>alert(1)</script>",
        accessibility_needs=["wheelchair", "sign_language"],
        accessibility_details="Boucle magnétique",
    )

    assert event.title in staff_client.get("/admin/forms/").content.decode()
    response = staff_client.get(f"/admin/forms/submissions/{event.pk}/")

    html = response.content.decode()
    assert "Accessibility needs" in html
    assert "Wheelchair access, Sign-language interpreter" in html
    assert "Boucle magnétique" in html
    assert "confirmed" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_the_csv_export_cannot_start_a_spreadsheet_formula(staff_client, event):
    RegistrationFactory(page=event, last_name='=HYPERLINK("http://evil.example")')

    response = staff_client.get(f"/admin/forms/submissions/{event.pk}/?export=csv")

    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in content
    assert ";=HYPERLINK" not in content


def test_a_ticked_answer_cannot_start_a_spreadsheet_formula_either(staff_client, event):
    RegistrationFormFieldFactory(
        page=event, label="Créneaux", field_type="checkboxes", choices="=1+1\nmatin"
    )
    RegistrationFactory(page=event, form_data={"creneaux": ["=1+1", "matin"]})

    response = staff_client.get(f"/admin/forms/submissions/{event.pk}/?export=csv")

    (row,) = read_csv(response)[1:]
    assert "'=1+1, matin" in row


def read_csv(response):
    """The rows as a spreadsheet program reads the file: UTF-8 after its byte-order mark, cells
    between `;`."""
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_export_opens_in_french_excel_with_paris_time(staff_client, event):
    registration = RegistrationFactory(
        page=event, first_name="Zoë", last_name="N’Diaye; Müller", email="zoe@example.org"
    )
    # 14 January 2031 at 17:30:05.123456 UTC: 18:30:05 in Paris (winter time).
    moment = datetime.datetime(2031, 1, 14, 17, 30, 5, 123456, tzinfo=datetime.UTC)
    Registration.objects.filter(pk=registration.pk).update(submit_time=moment)

    header, row = read_csv(staff_client.get(f"/admin/forms/submissions/{event.pk}/?export=csv"))

    cells = dict(zip(header, row, strict=True))
    assert cells["Registered at"] == "2031-01-14 18:30:05"
    # In the staff member's language (English here), though the file streams after the view.
    assert cells["Status"] == "confirmed"
    assert "Zoë" in row and "N’Diaye; Müller" in row


def test_the_xlsx_export_gives_paris_time_too(staff_client, event):
    registration = RegistrationFactory(page=event)
    moment = datetime.datetime(2031, 7, 14, 8, 0, 0, 999, tzinfo=datetime.UTC)
    Registration.objects.filter(pk=registration.pk).update(submit_time=moment)

    response = staff_client.get(f"/admin/forms/submissions/{event.pk}/?export=xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, row = ([cell.value for cell in line] for line in sheet.iter_rows(max_row=2))
    # 10:00 in Paris (summer time).
    assert dict(zip(header, row, strict=True))["Registered at"] == datetime.datetime(
        2031, 7, 14, 10, 0, 0
    )


def test_the_submissions_list_and_export_cost_the_same_queries_with_more_registrations(
    staff_client, event, translate, django_assert_max_num_queries
):
    list_url = f"/admin/forms/submissions/{event.pk}/"
    export_url = f"{list_url}?export=csv"
    RegistrationFactory(page=event)

    def load(url):
        response = staff_client.get(url)
        return b"".join(response.streaming_content) if response.streaming else response.content

    load(list_url)  # Warm up per-process caches (content types, site root paths).
    with CaptureQueriesContext(connection) as few_listed:
        load(list_url)
    with CaptureQueriesContext(connection) as few_exported:
        load(export_url)

    event_en = translate(event)
    RegistrationFactory.create_batch(8, page=event, accessibility_needs=["wheelchair"])
    RegistrationFactory.create_batch(6, page=event_en)
    RegistrationFactory.create_batch(3, page=event, status="cancelled")
    with django_assert_max_num_queries(len(few_listed)):
        listed = load(list_url).decode()
    with django_assert_max_num_queries(len(few_exported)):
        exported = load(export_url).decode()

    assert listed.count("Cancel registration</a>") == 15  # The active ones.
    assert exported.count("\n") == 1 + 18


def test_a_question_cannot_take_the_name_of_a_field_every_form_has(staff_client, home_page):
    page = home_page.add_child(instance=StandardPage(title="Genèse du programme", slug="genese"))
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": "",
            "body": streamfield([]),
            "registration_enabled": "on",
            "registration_intro": rich_text(""),
            "registration_thank_you": rich_text(""),
            "ask_accessibility_needs": "on",
            "form_fields": inline_formset(
                [{"label": "Email", "field_type": "email", "required": "on"}]
            ),
            "comments": inline_formset([]),
        }
    )

    response = staff_client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 200
    assert "Every form already asks this; please choose another label." in (
        response.content.decode()
    )
    assert not RegistrationFormField.objects.exists()


def test_the_forms_section_counts_each_pages_registrations_and_sorts_by_them(
    staff_client, event, home_page, page_text, translate
):
    quiet = EventPageFactory(parent=event.get_parent(), title="Atelier tranquille")
    RegistrationFactory.create_batch(3, page=event)
    RegistrationFactory(page=translate(event, title="Volunteers' forum"))  # Same list.
    RegistrationFactory(page=event, status=Registration.Status.CANCELLED)
    RegistrationFactory(page=quiet)

    def rows(ordering):
        html = staff_client.get("/admin/forms/", {"ordering": ordering}).content.decode()
        assert "Inscriptions" in html  # The column, in the admin's language.
        found = []
        for row in re.findall(r"<tr\b.*?</tr>", html, re.S)[1:]:
            title = re.search(r'<a href="/admin/forms/submissions/\d+/"[^>]*>\s*([^<]+?)\s*<', row)
            count = re.findall(r"<td[^>]*>\s*(\d+)\s*</td>", row)
            if title and title.group(1) in (event.title, quiet.title):
                found.append((title.group(1), count[-1]))
        return found

    assert rows("-registration_count") == [(event.title, "4"), (quiet.title, "1")]
    assert rows("registration_count") == [(quiet.title, "1"), (event.title, "4")]
