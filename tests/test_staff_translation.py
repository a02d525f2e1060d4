"""Translation workflow: a changed French page synced to its English translation, what the
translator then sees, and what English visitors see meanwhile."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from staff.factories import UserFactory, build_two_communities, send_for_translation
from staff.roles import COMMUNICATION, TRANSLATORS, setup_roles


@pytest.fixture
def site(home_page, translate, locale_en, django_capture_on_commit_callbacks):
    pages = build_two_communities(home_page)
    pages["home_en"] = translate(home_page)
    pages["agenda_en"] = translate(pages["agenda"], title="Events", slug="events")
    # Sent for translation, translated, then published from the translation editor.
    translation = send_for_translation(
        pages["city_event"], locale_en, **{"Soirée de l'engagement": "Volunteering evening"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    pages["city_event_en"] = pages["city_event"].get_translation(locale_en)
    setup_roles()
    return pages


def english_translation(page, locale):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def untranslated_strings(translation):
    segments = translation.source.stringsegment_set.annotate_translation(translation.target_locale)
    return set(segments.filter(translation__isnull=True).values_list("string__data", flat=True))


def test_a_changed_french_page_shows_the_translator_what_changed(site, client):
    event, event_en = site["city_event"], site["city_event_en"]
    translation = english_translation(event, event_en.locale)
    before = untranslated_strings(translation)
    assert "Soirée de l'engagement" not in before  # Translated as "Volunteering evening".

    event.venue = "Salle des fêtes de la mairie du 4e"
    event.save_revision().publish()

    # « Sync translated pages », as Communication does it from the French page.
    client.force_login(UserFactory(groups=[Group.objects.get(name=COMMUNICATION)]))
    source = TranslationSource.objects.get_for_instance(event)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 302

    after = untranslated_strings(english_translation(event, event_en.locale))
    assert after - before == {"Salle des fêtes de la mairie du 4e"}
    assert "Hôtel de Ville" not in after  # The replaced venue's string left the source.
    assert StringTranslation.objects.filter(data="Volunteering evening").exists()

    # The English page waits for the translator: still the old venue, title kept.
    event_en.refresh_from_db()
    assert event_en.venue == "Hôtel de Ville"
    assert event_en.title == "Volunteering evening"

    # The translator's editor lists the new string as still to translate.
    client.force_login(UserFactory(groups=[Group.objects.get(name=TRANSLATORS)]))
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[event_en.pk])).content.decode()
    assert "Salle des f\\u00eates de la mairie du 4e" in editor or (
        "Salle des fêtes de la mairie du 4e" in editor
    )


def test_publishing_the_french_page_never_publishes_its_english_draft(site, client, locale_en):
    event = site["climate_event"]
    send_for_translation(event, locale_en)  # Not translated yet.
    event_en = event.get_translation(locale_en)
    assert not event_en.live

    event.title = "Atelier du Climat : nouvelle date"
    event.save_revision().publish()

    event_en.refresh_from_db()
    assert not event_en.live
    assert event_en.title == "Atelier du Climat"
    assert client.get(event_en.get_url()).status_code == 404  # Not served in English.


def test_english_agenda_lists_only_translated_events(site, client):
    response = client.get(site["agenda_en"].url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Volunteering evening" in text
    assert "Atelier du Climat" not in text  # Not translated: not in the English agenda.
    assert "Initiation aux gestes qui sauvent" not in text

    french = client.get(site["agenda"].url).content.decode()
    assert "Soirée de l&#x27;engagement" in french or "Soirée de l'engagement" in french
