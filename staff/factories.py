"""Test factories for the staff app: a small site with two communities, and staff users."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.blocks import StreamValue
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from communities.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    KitPageFactory,
)
from events.factories import EventIndexPageFactory, EventPageFactory

from .roles import COORDINATORS_PREFIX

PASSWORD = "staff-test-password"


class UserFactory(DjangoModelFactory):
    """A staff member; pass ``groups=[group]``."""

    username = factory.Sequence(lambda n: f"staff-{n}")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, groups):
        if create and groups:
            self.groups.set(groups)
            self.save()


def coordinators_of(community):
    return Group.objects.get(name=f"{COORDINATORS_PREFIX}{community.title}")


def build_two_communities(home_page):
    """Two communities, each with a kit and an event (the first with two places and a
    waiting list), and a city-wide event in the agenda; every StreamField is empty, so
    `edit_form_data` can post their edit forms."""
    index = CommunityIndexPageFactory(parent=home_page)
    rescue = CommunityPageFactory(parent=index, title="Paris qui Sauve", slug="paris-qui-sauve")
    climate = CommunityPageFactory(
        parent=index, title="Volontaires du Climat", slug="volontaires-du-climat"
    )
    start = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=10)
    agenda = EventIndexPageFactory(parent=home_page)
    return {
        "communities": index,
        "rescue": rescue,
        "rescue_kit": KitPageFactory(parent=rescue, title="Les gestes qui sauvent"),
        "rescue_event": EventPageFactory(
            parent=rescue,
            title="Initiation aux gestes qui sauvent",
            community=rescue,
            start=start,
            capacity=2,
            waiting_list_enabled=True,
        ),
        "climate": climate,
        "climate_kit": KitPageFactory(parent=climate, title="Le Volontaire et la canicule"),
        "climate_event": EventPageFactory(
            parent=climate,
            title="Atelier du Climat",
            community=climate,
            start=start + datetime.timedelta(days=1),
        ),
        "agenda": agenda,
        "city_event": EventPageFactory(
            parent=agenda, title="Soirée de l'engagement", start=start + datetime.timedelta(days=2)
        ),
    }


def send_for_translation(page, locale, user=None, **translated_strings):
    """What "Translate this page" does: a synced translation and an English draft (untranslated
    parents are copied). ``translated_strings`` maps French source texts to the translator's
    texts, entered as in the translation editor. Returns the Translation."""
    TranslationCreator(user, [locale]).create_translations(page)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    segments = translation.source.stringsegment_set.select_related("string", "context")
    for segment in segments.filter(string__data__in=translated_strings):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translated_strings[segment.string.data],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    return translation


def _post_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return str(value)


def edit_form_data(page, user, **changes):
    """The POST data of the page's admin edit form as it stands, with ``changes``: what a
    browser sends when the editor changes these fields and presses a button."""
    form = page.get_edit_handler().get_form_class()(instance=page, for_user=user)
    data = {}
    for name, field in form.fields.items():
        value = changes.get(name, form[name].value())
        widget_name = type(field.widget).__name__
        if isinstance(value, StreamValue):
            if len(value):
                raise ValueError(f"edit_form_data posts empty StreamFields only ({name}).")
            data[f"{name}-count"] = "0"
        elif widget_name == "CheckboxInput":
            if value:
                data[name] = "on"
        elif widget_name == "DraftailRichTextArea":
            data[name] = get_rich_text_editor_widget().format_value(value or "")
        else:
            data[name] = _post_value(value)
    for prefix, formset in form.formsets.items():
        if formset.forms:
            raise ValueError(f"edit_form_data posts empty inline panels only ({prefix}).")
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data
