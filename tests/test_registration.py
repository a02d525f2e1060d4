"""Registering from a page: validation, duplicates, places and waiting list, windows, minors."""

import datetime
import html
import re
import zoneinfo

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from charters.factories import CharterPageFactory, ProgrammePageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from home.models import SiteSettings, StandardPage
from registrations.factories import RegistrationFactory, RegistrationFormFieldFactory
from registrations.models import Registration
from tests.conftest import SAME_ORIGIN, form_data


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def in_english(locale_en):
    """A published English copy of a page (texts untranslated): cheaper than wagtail-localize,
    and the messages asserted in English do not depend on the French catalogue's progress."""

    def _in_english(page):
        translation = page.copy_for_translation(locale_en, copy_parents=True)
        translation.save_revision().publish()
        translation.refresh_from_db()
        return translation

    return _in_english


@pytest.fixture
def event_fr(agenda):
    return EventPageFactory(parent=agenda, title="Forum des Volontaires", capacity=30)


@pytest.fixture
def event(event_fr, in_english):
    """The English page of the event; its French page shares its list."""
    return in_english(event_fr)


def in_french(message):
    with translation.override("fr"):
        return translation.gettext(message)


def widget_tag(html, field):
    return next(
        tag
        for tag in re.findall(r"<(?:input|textarea|select)\b[^>]*>", html)
        if f'id="id_{field}"' in tag
    )


def register(client, page, url=None, **overrides):
    """POST the form as a browser on this site does, and follow the redirect."""
    return client.post(url or page.url, form_data(page, **overrides), follow=True, **SAME_ORIGIN)


def test_a_visitor_registers_for_an_event_in_french(client, event_fr, page_text):
    event = event_fr
    response = client.post(
        event.url, form_data(event, email=" Camille.Dupont@Example.org "), **SAME_ORIGIN
    )

    # Post/Redirect/Get: a reload shows the confirmation and sends nothing twice.
    assert response.status_code == 303
    assert response["Location"].startswith(event.url + "?registration=")
    registration = Registration.objects.get()
    assert registration.page_id == event.pk
    assert registration.translation_key == event.translation_key
    assert registration.email == "camille.dupont@example.org"
    # The place is held until the address is confirmed, for REGISTRATION_HOLD_HOURS.
    assert registration.status == Registration.Status.PENDING
    assert registration.confirmed_at is None
    hold = registration.hold_until - registration.submit_time
    assert abs(hold - datetime.timedelta(hours=24)) < datetime.timedelta(minutes=1)

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    with translation.override("fr"):
        held = translation.ngettext(
            "One more step: your place is kept for %(hours)s hour. Confirm your email address "
            "with the link we have just sent you to have it; after that, it goes to someone else.",
            "One more step: your place is kept for %(hours)s hours. Confirm your email address "
            "with the link we have just sent you to have it; after that, it goes to someone else.",
            24,
        ) % {"hours": 24}
    assert " ".join(held.split()) in page_text(confirmation)
    assert confirmation["Content-Language"] == "fr"
    # What one person registered is for them only: never stored by a shared cache.
    assert "private" in confirmation["Cache-Control"]
    assert "no-store" in confirmation["Cache-Control"]


def recap(response):
    """The recap under the outcome: {label: text}, and the paragraphs after it."""
    markup = response.content.decode().split('class="registration__recap"', 1)[1]
    dl, after = markup.split("</dl>", 1)
    strip = lambda part: " ".join(html.unescape(re.sub(r"<[^>]+>", " ", part)).split())  # noqa: E731
    terms = [strip(term) for term in re.findall(r"<dt>(.*?)</dt>", dl, re.S)]
    details = [strip(detail) for detail in re.findall(r"<dd>(.*?)</dd>", dl, re.S)]
    return dict(zip(terms, details, strict=True)), after.split("</div>", 1)[0]


def test_after_registering_the_page_recaps_what_where_which_email_and_how_to_cancel(
    client, event_fr, in_english
):
    event_fr.venue, event_fr.address = "Hôtel de Ville", "Place de l'Hôtel de Ville, 75004 Paris"
    event_fr.save_revision().publish()
    response = register(client, event_fr, email="camille.dupont@example.org")

    items, after = recap(response)
    start = timezone.localtime(event_fr.start, zoneinfo.ZoneInfo("Europe/Paris"))
    assert items["Inscription à"].startswith("Forum des Volontaires")
    assert date_format(start, "j F Y", use_l10n=True) in items["Inscription à"]
    assert "Hôtel de Ville, Place de l'Hôtel de Ville, 75004 Paris" in items["Inscription à"]
    # Enough to spot a slip, not the whole address in a link that stays in the history.
    assert items["E-mail envoyé à"] == "c•••@example.org"
    assert "Pour annuler, suivez le lien à la fin de cet e-mail." in after
    assert 'href="/fr/passeport/"' in after

    english = in_english(event_fr)
    items, after = recap(register(client, english, email="dominique@example.org"))
    assert items["Email sent to"] == "d•••@example.org"
    assert "To cancel, follow the link at the end of that email." in after


def test_the_recap_is_the_same_whether_or_not_the_address_was_registered(client, event_fr):
    first = recap(register(client, event_fr, email="camille.dupont@example.org"))
    again = recap(register(client, event_fr, email="camille.dupont@example.org"))
    assert first == again


def test_an_english_visitor_registers_on_the_english_page(client, event_fr, translate, page_text):
    english = translate(event_fr, title="Volunteers' forum")

    response = register(client, english, first_name="")
    assert "This field is required." in page_text(response)
    assert Registration.objects.count() == 0

    response = register(client, english)
    assert response.redirect_chain[0][1] == 303
    assert response["Content-Language"] == "en"
    registration = Registration.objects.get()
    assert registration.page_id == english.pk
    # One list for the event in both languages.
    assert registration.translation_key == event_fr.translation_key
    assert registration.get_data()["language"] == "en"


def test_error_messages_are_in_the_page_language(client, event_fr, page_text):
    response = register(client, event_fr, first_name="")
    assert in_french("This field is required.") != "This field is required."
    assert in_french("This field is required.") in page_text(response)


def test_registering_twice_keeps_one_registration(client, event_fr, event, page_text):
    register(client, event_fr)

    response = register(client, event, email="CAMILLE.DUPONT@example.org", first_name="Cam")

    assert Registration.objects.count() == 1
    assert Registration.objects.get().first_name == "Camille"
    assert "One more step: your place is kept" in page_text(response)


def test_a_cancelled_registration_lets_the_person_register_again(client, event):
    register(client, event)
    Registration.objects.get().cancel()

    register(client, event)

    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == ["cancelled", "pending_confirmation"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        pytest.param(
            {"first_name": "", "last_name": "", "email": "", "consent": None},
            "first_name",
            "This field is required.",
            id="empty",
        ),
        pytest.param(
            {"first_name": "a" * 10_000},
            "first_name",
            "Ensure this value has at most 100 characters (it has 10000).",
            id="too-long-name",
        ),
        pytest.param(
            {"email": "a" * 10_000 + "@example.org"},
            "email",
            "Ensure this value has at most 254 characters",
            id="too-long-email",
        ),
        pytest.param(
            {"email": "camille@example"}, "email", "Enter a valid email address.", id="bad-email"
        ),
        pytest.param(
            {"first_name": "<script>alert(1)</script>"},
            "first_name",
            "Use letters, spaces, hyphens and apostrophes only.",
            id="script-in-name",
        ),
        pytest.param(
            {"last_name": "Dupont 🎉"},
            "last_name",
            "Use letters, spaces, hyphens and apostrophes only.",
            id="emoji-in-name",
        ),
        pytest.param(
            {"accessibility_details": '<img src=x onerror="alert(1)">'},
            "accessibility_details",
            "Please remove the &lt; and &gt; signs: HTML is not accepted.",
            id="html-in-free-text",
        ),
        pytest.param(
            {"accessibility_details": "x" * 10_000},
            "accessibility_details",
            "Ensure this value has at most 500 characters (it has 10000).",
            id="too-long-free-text",
        ),
        pytest.param(
            {"accessibility_needs": "other"},
            "accessibility_details",
            "Please tell us what you need so we can prepare.",
            id="other-need-unexplained",
        ),
        pytest.param({"consent": None}, "consent", "This field is required.", id="no-consent"),
        pytest.param(
            {"first_name": "\u3164\u3164"},
            "first_name",
            "Use letters, spaces, hyphens and apostrophes only.",
            id="invisible-letters-in-name",
        ),
        pytest.param(
            {"email": "camille@[192.0.2.1]"},
            "email",
            "Enter an email address with a domain name, e.g. name@example.org.",
            id="ip-literal-email-domain",
        ),
    ],
)
def test_bad_input_gets_a_clear_error_and_stores_nothing(client, event, overrides, field, message):
    response = client.post(event.url, form_data(event, **overrides), **SAME_ORIGIN)

    assert response.status_code == 200
    html = response.content.decode()
    # The message next to the field, and in the summary at the top linking to it.
    assert re.search(f'id="id_{field}_error">[^<]*{re.escape(message)}', html)
    assert f'<a href="#id_{field}">' in html
    # The first field to correct is marked invalid and gets the focus.
    assert 'aria-invalid="true"' in widget_tag(html, field)
    # The summary takes the focus, so screen readers announce what to correct.
    assert re.search(r'<div class="registration__errors"[^>]*autofocus', html)
    assert Registration.objects.count() == 0
    assert "no-store" in response["Cache-Control"]


def test_the_form_keeps_what_was_typed_and_escapes_it(client, event):
    response = client.post(
        event.url,
        form_data(event, first_name='"><script>alert(1)</script>', email="camille@"),
        **SAME_ORIGIN,
    )

    html = response.content.decode()
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert "<script>alert(1)" not in html
    assert 'value="camille@"' in html
    assert 'value="Dupont"' in html
    assert Registration.objects.count() == 0


def test_names_in_any_script_with_accents_are_welcome(client, event):
    # "é" typed as "e" followed by a combining accent is stored as one letter.
    register(client, event, first_name="Zoé-Ève", last_name="Nguyễn d’Arc 李")

    registration = Registration.objects.get()
    assert registration.first_name == "Zoé-Ève"
    assert registration.last_name == "Nguyễn d’Arc 李"


def test_free_text_keeps_unicode_and_emoji(client, event):
    register(
        client,
        event,
        accessibility_needs=["wheelchair", "other"],
        accessibility_details="Boucle magnétique, s’il vous plaît 🙏",
    )

    registration = Registration.objects.get()
    assert registration.accessibility_needs == ["wheelchair", "other"]
    assert registration.accessibility_details == "Boucle magnétique, s’il vous plaît 🙏"


def test_a_form_posted_with_another_page_id_is_refused(client, event, event_fr, page_text):
    # E.g. the French page's form posted to the English page's address.
    response = client.post(event.url, form_data(event, form_page=event_fr.pk), **SAME_ORIGIN)

    assert "This form belongs to another page." in page_text(response)
    assert Registration.objects.count() == 0


def test_a_post_to_a_page_that_does_not_exist_stores_nothing(client, agenda, event):
    response = client.post(agenda.url + "no-such-event/", form_data(event), **SAME_ORIGIN)

    assert response.status_code == 404
    assert Registration.objects.count() == 0


def test_a_page_whose_form_is_off_shows_no_form_and_accepts_no_post(client, agenda):
    event = EventPageFactory(parent=agenda, registration_enabled=False)

    assert 'class="registration__form"' not in client.get(event.url).content.decode()
    assert client.post(event.url, form_data(event), **SAME_ORIGIN).status_code == 405
    assert Registration.objects.count() == 0


def test_the_honeypot_catches_robots(client, event, page_text):
    response = client.post(
        event.url, form_data(event, leave_blank="http://spam.example"), **SAME_ORIGIN
    )

    assert "Your registration could not be sent." in page_text(response)
    assert Registration.objects.count() == 0


def test_a_full_event_puts_newcomers_on_the_waiting_list(client, agenda, in_english, page_text):
    event = in_english(EventPageFactory(parent=agenda, capacity=2))
    RegistrationFactory.create_batch(2, page=event)
    assert "All places are taken: registering puts you on the waiting list." in page_text(
        client.get(event.url)
    )

    first = register(client, event, email="first@example.org")
    second = register(client, event, email="second@example.org")

    assert "you are number 1 on the waiting list" in page_text(first)
    assert "you are number 2 on the waiting list" in page_text(second)
    assert Registration.objects.confirmed().count() == 2
    waiting = list(Registration.objects.waiting().values_list("email", flat=True))
    assert waiting == ["first@example.org", "second@example.org"]


def test_a_full_event_without_waiting_list_refuses_clearly(client, agenda, in_english, page_text):
    event = in_english(EventPageFactory(parent=agenda, capacity=1, waiting_list_enabled=False))
    RegistrationFactory(page=event)

    assert "Sorry, there are no places left." in page_text(client.get(event.url))
    # A form from a page cached while places were left is refused, not overbooked.
    response = client.post(event.url, form_data(event), **SAME_ORIGIN)
    assert response.status_code == 200
    assert "Sorry, there are no places left." in page_text(response)
    assert Registration.objects.count() == 1


def test_the_french_and_english_pages_share_the_places(client, agenda, in_english, page_text):
    event = EventPageFactory(parent=agenda, capacity=1)
    english = in_english(event)

    register(client, event, email="fr@example.org")
    response = register(client, english, email="en@example.org")

    assert "you are number 1 on the waiting list" in page_text(response)
    assert Registration.objects.get(email="en@example.org").status == "waiting"


def test_cancelling_gives_the_place_to_the_first_on_the_waiting_list(agenda):
    event = EventPageFactory(parent=agenda, capacity=1)
    holder = RegistrationFactory(page=event)
    first = RegistrationFactory(page=event, status="waiting")  # Address confirmed meanwhile.
    second = RegistrationFactory(page=event, status="waiting", confirmed_at=None)
    assert second.waiting_position == 2

    promoted = holder.cancel()

    assert promoted == [first]
    first.refresh_from_db()
    holder.refresh_from_db()
    assert first.status == "confirmed" and first.confirmed_at is not None
    assert holder.status == "cancelled" and holder.cancelled_at is not None
    assert second.waiting_position == 1
    # Cancelling twice changes nothing, and says so.
    assert holder.cancel() is None


def test_before_the_window_the_form_says_when_it_opens(client, agenda, in_english, page_text):
    opens = timezone.now() + datetime.timedelta(days=2)
    event = in_english(EventPageFactory(parent=agenda, registration_opens_at=opens))

    response = client.get(event.url)
    paris = timezone.localtime(opens, zoneinfo.ZoneInfo("Europe/Paris"))
    with translation.override("en"):
        when = date_format(paris, "DATETIME_FORMAT")
    assert f"Registration opens on {when}." in page_text(response)
    assert 'class="registration__form"' not in response.content.decode()
    # A form from a page cached earlier is refused.
    response = client.post(event.url, form_data(event), **SAME_ORIGIN)
    assert "Registration opens on" in page_text(response)
    assert Registration.objects.count() == 0


def test_after_the_closing_date_registration_is_closed(client, agenda, in_english, page_text):
    closed = timezone.now() - datetime.timedelta(minutes=1)
    event = in_english(EventPageFactory(parent=agenda, registration_closes_at=closed))

    assert "Registration is closed." in page_text(client.get(event.url))
    response = client.post(event.url, form_data(event), **SAME_ORIGIN)
    assert "Registration is closed." in page_text(response)
    assert Registration.objects.count() == 0


def test_registration_closes_when_the_event_starts_whatever_the_closing_date(
    client, agenda, in_english, page_text
):
    started = in_english(
        EventPageFactory(
            parent=agenda,
            start=timezone.now() - datetime.timedelta(minutes=5),
            registration_closes_at=timezone.now() + datetime.timedelta(days=1),
        )
    )

    assert "Registration is closed." in page_text(client.get(started.url))
    response = client.post(started.url, form_data(started), **SAME_ORIGIN)
    assert "Registration is closed." in page_text(response)
    assert Registration.objects.count() == 0


def test_a_charter_counts_signatories_once_their_address_is_confirmed(
    client, home_page, in_english, page_text
):
    charter = in_english(CharterPageFactory(parent=home_page))

    response = register(client, charter)
    signature = Registration.objects.get()
    assert signature.status == Registration.Status.PENDING
    assert "confirm your email address with the link we have just sent you" in page_text(response)
    assert "0 people have signed." in page_text(client.get(charter.url))

    assert signature.confirm() is True
    assert signature.confirm() is False
    assert "1 person has signed." in page_text(client.get(charter.url))
    # The count only: no name is ever shown.
    assert "Dupont" not in page_text(client.get(charter.url))


def test_signing_a_charter_costs_the_same_queries_however_many_have_signed(
    client, home_page, django_assert_max_num_queries
):
    """A charter has no places, so no waiting list to serve before each signature."""
    charter = CharterPageFactory(parent=home_page)

    def sign(email):
        response = client.post(charter.url, form_data(charter, email=email), **SAME_ORIGIN)
        assert response.status_code == 303

    sign("first@example.org")  # Creates the list's row, locked by each signature.
    # 22: one of them reads the page's language, to record the version signed.
    with django_assert_max_num_queries(22):
        sign("second@example.org")
    RegistrationFactory.create_batch(30, page=charter)
    with django_assert_max_num_queries(22):
        sign("third@example.org")

    assert Registration.objects.for_page(charter).count() == 33


@pytest.fixture
def carte_citoyenne(home_page, in_english):
    return in_english(
        ProgrammePageFactory(parent=home_page, minimum_age=7, ask_date_of_birth=True)
    )


def born_years_ago(years):
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=1)


def test_a_child_under_the_minimum_age_is_told_so(client, carte_citoyenne, page_text):
    response = register(client, carte_citoyenne, date_of_birth=born_years_ago(6).isoformat())

    assert "Registration is open from the age of 7." in page_text(response)
    assert Registration.objects.count() == 0


def test_under_15_a_parent_name_and_email_are_required_and_the_child_cannot_consent(
    client, carte_citoyenne
):
    born = born_years_ago(10).isoformat()
    response = client.post(
        carte_citoyenne.url, form_data(carte_citoyenne, date_of_birth=born), **SAME_ORIGIN
    )
    html = response.content.decode()
    assert "Under 15, please give a parent or guardian’s name." in html
    assert "Under 15, please give a parent or guardian’s email." in html
    assert 'name="parent_consent"' not in html  # No box for the child to tick.
    assert Registration.objects.count() == 0

    register(
        client,
        carte_citoyenne,
        date_of_birth=born,
        parent_name="Dominique Dupont",
        parent_email="parent@example.org",
        parent_consent="on",
    )
    registration = Registration.objects.get()
    assert registration.parent_email == "parent@example.org"
    assert registration.parent_consent is False  # Until the parent answers the email.
    assert registration.status == Registration.Status.PENDING


def test_from_15_no_parent_is_needed(client, carte_citoyenne):
    register(client, carte_citoyenne, date_of_birth=born_years_ago(15).isoformat())

    assert Registration.objects.get().parent_name == ""


def test_a_date_of_birth_in_the_future_is_refused(client, carte_citoyenne, page_text):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = register(client, carte_citoyenne, date_of_birth=tomorrow.isoformat())

    assert "The date of birth cannot be in the future." in page_text(response)
    assert Registration.objects.count() == 0


def test_editor_questions_are_asked_validated_and_stored(client, agenda, in_english, page_text):
    event = EventPageFactory(parent=agenda)
    RegistrationFormFieldFactory(page=event, label="Votre arrondissement", required=True)
    RegistrationFormFieldFactory(
        page=event, label="Atelier", field_type="dropdown", choices="Cuisine\nJardin"
    )
    # The translation carries the questions, under the same names.
    event = in_english(event)

    assert "Votre arrondissement" in page_text(client.get(event.url))
    response = register(client, event, atelier="Piscine")
    assert "This field is required." in page_text(response)
    assert "Select a valid choice. Piscine is not one of the available choices." in page_text(
        response
    )
    assert Registration.objects.count() == 0

    register(client, event, votre_arrondissement="11e", atelier="Jardin")
    assert Registration.objects.get().form_data == {
        "votre_arrondissement": "11e",
        "atelier": "Jardin",
    }


def test_an_editor_question_refuses_html_and_overlong_text(client, agenda, in_english, page_text):
    event = EventPageFactory(parent=agenda)
    RegistrationFormFieldFactory(page=event, label="Message", field_type="multiline")
    event = in_english(event)

    response = register(client, event, message="<b>bonjour</b>")
    assert "HTML is not accepted." in page_text(response)
    response = register(client, event, message="x" * 10_000)
    assert "at most 2000 characters" in page_text(response)
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("absurd", ["1" * 400, "1E+999", "-1e-999"])
def test_an_editor_number_question_refuses_absurd_numbers(
    client, agenda, in_english, page_text, absurd
):
    event = EventPageFactory(parent=agenda)
    RegistrationFormFieldFactory(page=event, label="Group size", field_type="number")
    event = in_english(event)

    response = register(client, event, group_size=absurd)

    assert response.status_code == 200
    assert "Ensure that there are no more than" in page_text(response)
    assert Registration.objects.count() == 0
    assert register(client, event, group_size="12").redirect_chain


def test_a_body_over_the_limit_gets_a_page_that_says_so_in_the_visitors_language(
    client, event_fr, settings, page_text
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(
        event_fr.url, form_data(event_fr, last_name="x" * 20_000), **SAME_ORIGIN
    )

    assert response.status_code == 400
    assert in_french("Request not understood") in page_text(response)
    assert Registration.objects.count() == 0


def test_the_consent_states_the_purpose_and_links_the_privacy_notice(
    client, event, home_page, in_english
):
    privacy = home_page.add_child(
        instance=StandardPage(title="Données personnelles", slug="donnees-personnelles")
    )
    settings = SiteSettings.for_site(home_page.get_site())
    settings.privacy_page = privacy
    settings.save()
    privacy_en = in_english(privacy)

    html = client.get(event.url).content.decode()
    assert "I agree that the Ville de Paris keeps the details I give here" in html
    assert "for 365 days at most" in html
    # The notice in the page's language.
    assert f'<a href="{privacy_en.url}">Read the privacy notice.</a>' in html


def test_an_anonymous_page_view_stays_cacheable(client, event, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        response = client.get(event.url)

    assert response.status_code == 200
    assert 'class="registration__form"' in response.content.decode()
    # No cookie, no token, nothing that varies per visitor: a CDN may serve it to everyone.
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "private" not in response.get("Cache-Control", "")


def test_every_page_type_carries_a_working_form(client, site_pages):
    for name, page in site_pages.items():
        assert 'class="registration__form"' in client.get(page.url).content.decode(), name
        data = form_data(page, email=f"{name}@example.org")
        if page.specific.ask_date_of_birth:
            data["date_of_birth"] = "1990-05-04"
        assert client.post(page.url, data, **SAME_ORIGIN).status_code == 303, name

    assert Registration.objects.count() == len(site_pages)
