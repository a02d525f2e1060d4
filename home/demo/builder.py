"""Builds the demo site idempotently: French pages first, then their wagtail-localize translations.

Existing objects are found again (pages by parent and slug, snippets by name, images by title,
translations by translation key) and only saved when their content differs, so a second run
changes nothing.
"""

import json
from collections import defaultdict
from contextlib import contextmanager

from django.core.management.base import CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.signals import post_save
from modelcluster.models import get_serializable_data_for_fields
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.search import index
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

from communities.models import CommunityPartner, PartnerAssociation
from home.models import SiteSettings
from home.sites import sync_default_site
from volunteers.models import TrainingCourse

from . import loader
from .images import ensure_images
from .spec import CourseRef, ImageRef, Unresolved, localise

SITE_NAME = "Volontaires de Paris"


def _snapshot(instance):
    """Everything saved about ``instance``, to tell whether an update changes anything."""
    if hasattr(instance, "serializable_data"):
        data = instance.serializable_data()
    else:
        data = get_serializable_data_for_fields(instance)
    return json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True)


def _reload(page):
    """The page as saved, child relations included (refresh_from_db leaves those alone)."""
    return type(page).objects.get(pk=page.pk)


@contextmanager
def search_index_auto_update_disabled():
    """Like Wagtail's ``disable_reference_index_auto_update``, for the search index."""
    disconnected = [
        model
        for model in index.get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


class DemoBuilder:
    def __init__(self, today):
        self.today = today
        self.pages = {}
        self.counts = dict.fromkeys(
            (
                "images created",
                "snippets created",
                "pages created",
                "pages updated",
                "translations saved",
            ),
            0,
        )
        self.created = set()
        self.saved = {}

    def build(self):
        # A page is saved several times (created, revised, published, translated): index
        # each saved object once at the end rather than on every save.
        with disable_reference_index_auto_update(), search_index_auto_update_disabled():
            self.build_content()
        for instance in self.saved.values():
            if ReferenceIndex.is_indexed(type(instance)):
                ReferenceIndex.create_or_update_for_object(instance)
            if isinstance(instance, index.Indexed):
                index.insert_or_update_object(instance)
        return self.counts

    def mark_saved(self, instance):
        self.saved[(type(instance), instance.pk)] = instance

    def build_content(self):
        self.fr = Locale.objects.get_or_create(language_code="fr")[0]
        self.en = Locale.objects.get_or_create(language_code="en")[0]
        self.images, created_images = ensure_images()
        for image in created_images:
            self.mark_saved(image)
        self.counts["images created"] = len(created_images)
        self.associations = self.ensure_associations()
        self.courses = self.ensure_courses()

        tree = loader.site_tree(self.today)
        deferred = []
        home = self.build_subtree(tree, Page.get_first_root_node(), deferred)
        self.ensure_site_root(home)
        # Pages that link to pages built after them (the home page's buttons, for instance).
        for spec, parent in deferred:
            self.ensure_page(spec, parent, [])
        self.ensure_settings()
        self.counts["pages created"] = len(self.created)

        # Links between pages point to the English pages; those translated later are linked
        # on a second pass.
        relink = [spec for spec in tree.walk() if not self.translate(spec)]
        for spec in relink:
            self.translate(spec)

    # References and field values

    def resolve(self, ref):
        if isinstance(ref, CourseRef):
            return self.courses[ref.key]
        if isinstance(ref, ImageRef):
            return self.images[ref.key]
        if ref.key not in self.pages:
            raise Unresolved(ref.key)
        return self.pages[ref.key]

    def page_values(self, spec, lang, resolve=None):
        """Field values of ``spec`` in ``lang``, and the fields left out for now."""
        values = {
            "title": localise(spec.title, lang, None, spec.key),
            "slug": getattr(spec.slug, lang),
        }
        pending = []
        for name, value in spec.fields.items():
            if name == "partners":
                continue
            try:
                raw = localise(value, lang, resolve or self.resolve, f"{spec.key}/{name}")
            except Unresolved:
                pending.append(name)
                continue
            model_field = spec.model._meta.get_field(name)
            key = model_field.attname if isinstance(model_field, models.ForeignKey) else name
            values[key] = raw
        return values, pending

    # French pages

    def ensure_site_root(self, home):
        """Put the French home page at the default site's root, in place of Wagtail's welcome."""
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        if site.root_page_id != home.pk or site.site_name != SITE_NAME:
            welcome = site.root_page if site.root_page_id else None
            site.root_page = home
            site.site_name = SITE_NAME
            site.save()
            # Wagtail's "Welcome to your new Wagtail site!" page is a bare Page: nothing to keep.
            if welcome and welcome.pk != home.pk and welcome.specific_class is Page:
                welcome.delete()
        sync_default_site()  # Its address is SITE_URL's, whatever it was.

    def build_subtree(self, spec, parent, deferred):
        page = self.ensure_page(spec, parent, deferred)
        for child in spec.children:
            self.build_subtree(child, page, deferred)
        return page

    def ensure_page(self, spec, parent, deferred):
        """Create or update the French page of ``spec`` under ``parent``, then publish it."""
        values, pending = self.page_values(spec, "fr")
        page = Page.objects.child_of(parent).filter(slug=values["slug"]).first()
        if page is not None:
            if page.specific_class is not spec.model:
                raise CommandError(
                    f"{page.url_path} is a {page.specific_class.__name__}, "
                    f"not a {spec.model.__name__}: move or delete it, then run again."
                )
            page = page.specific
        if page is None:
            page = spec.model(locale=self.fr, **values)
            self.set_partners(page, spec)
            parent.add_child(instance=page)
            self.created.add(spec.key)
            changed = True
        elif pending:
            changed = False
        else:
            before = _snapshot(page)
            for name, value in values.items():
                setattr(page, name, value)
            self.set_partners(page, spec)
            changed = _snapshot(page) != before
        self.pages[spec.key] = page
        if pending:
            # Published once the pages it links to exist; created now to parent its children.
            deferred.append((spec, parent))
            return page
        if (
            changed
            or not page.live
            or page.live_revision_id is None
            or page.has_unpublished_changes
        ):
            page.save_revision().publish()
            self.pages[spec.key] = page = _reload(page)
            self.mark_saved(page)
            if spec.key not in self.created:
                self.counts["pages updated"] += 1
        return page

    def set_partners(self, page, spec):
        if "partners" not in spec.fields:
            return
        wanted = [self.associations[name].pk for name in spec.fields["partners"]]
        if [link.association_id for link in page.partners.all()] != wanted:
            page.partners = [
                CommunityPartner(association_id=pk, sort_order=index)
                for index, pk in enumerate(wanted)
            ]

    # Snippets and settings

    def ensure_associations(self):
        """Partner associations by name. Names are proper nouns: no translation needed."""
        result = {}
        for name in loader.partners():
            association = PartnerAssociation.objects.filter(locale=self.fr, name=name).first()
            if association is None:
                association = PartnerAssociation.objects.create(locale=self.fr, name=name)
                self.counts["snippets created"] += 1
                self.mark_saved(association)
            result[name] = association
        return result

    def ensure_courses(self):
        """Training courses by key, in French with their English translation."""
        result = {}
        for key, name, description in loader.courses():
            french = TrainingCourse.objects.filter(locale=self.fr, name=name.fr).first()
            if french is None:
                french = TrainingCourse.objects.create(
                    locale=self.fr, name=name.fr, description=description.fr
                )
                self.counts["snippets created"] += 1
                self.mark_saved(french)
            english = french.get_translation_or_none(self.en)
            if english is None:
                english = french.copy_for_translation(self.en)
                english.name, english.description = name.en, description.en
                english.save()
                self.mark_saved(english)
            result[key] = french
        return result

    def ensure_settings(self):
        site = Site.objects.get(is_default_site=True)
        settings = SiteSettings.for_site(site)
        before = _snapshot(settings)
        # What the seeds name (the publisher, the press office); the host and the data
        # protection officer are for the deployment to state, the audit for the City to commission.
        for name, value in loader.site_settings().items():
            setattr(settings, name, localise(value, "fr", self.resolve, f"settings/{name}"))
        settings.privacy_page = self.pages["privacy"]
        settings.accessibility_page = self.pages["accessibility"]
        if _snapshot(settings) != before:
            settings.save()
            self.mark_saved(settings)

    # English translations, through wagtail-localize

    def translate(self, spec):
        """Give wagtail-localize the English text of each segment, then save the translation.

        Segments without English text (proper names, identical in both languages) fall back to
        the French text when the translation is saved. Returns False when a page it links to
        has no English version yet.
        """
        page = self.pages[spec.key]
        untranslated = []

        def resolve_english(ref):
            target = self.resolve(ref)
            if isinstance(target, TrainingCourse):
                return target.get_translation(self.en)
            if not isinstance(target, Page):
                return target
            translation = target.get_translation_or_none(self.en)
            if translation is None:
                untranslated.append(ref)
            return translation or target

        english = type(page)(**self.page_values(spec, "en", resolve_english)[0])
        last_update = (
            TranslationSource.objects.filter(object_id=page.translation_key, locale=self.fr)
            .values_list("last_updated_at", flat=True)
            .first()
        )
        source, _created = TranslationSource.update_or_create_from_instance(page)
        changed = source.last_updated_at != last_update
        changed |= self.store_strings(source, english)
        changed |= self.store_overrides(source, english)
        translation, created = Translation.objects.get_or_create(
            source=source, target_locale=self.en
        )
        target = page.get_translation_or_none(self.en)
        stale = target is None or not target.live or target.has_unpublished_changes
        if changed or created or stale:
            # Published here rather than by save_target(publish=True), whose on_commit hook
            # never runs when the command is called inside a transaction (as in tests).
            translation.save_target(publish=False)
            target = page.get_translation(self.en)
            target.get_latest_revision().publish()
            self.mark_saved(_reload(target))
            self.counts["translations saved"] += 1
        return not untranslated

    def store_overrides(self, source, english):
        """Point the English page's links (page choosers, page foreign keys) at English pages.

        wagtail-localize copies such references from the French page unless a segment
        override says otherwise. True if any override changed.
        """
        wanted = {
            segment.path: json.dumps(segment.data, cls=DjangoJSONEncoder)
            for segment in extract_segments(english)
            if isinstance(segment, OverridableSegmentValue)
        }
        existing = {
            override.context_id: override
            for override in SegmentOverride.objects.filter(
                locale=self.en, context__object_id=source.object_id
            )
        }
        changed = False
        for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
            data_json = wanted.get(segment.context.path, segment.data_json)
            current = existing.get(segment.context_id)
            if json.loads(data_json) == segment.data:
                if current is not None:
                    current.delete()
                    changed = True
            elif current is None:
                SegmentOverride.objects.create(
                    locale=self.en, context=segment.context, data_json=data_json
                )
                changed = True
            elif current.data != json.loads(data_json):
                current.data_json = data_json
                current.has_error = False
                current.save()
                changed = True
        return changed

    def store_strings(self, source, english):
        """Store the English text of every French string segment; True if any changed."""
        french = defaultdict(list)
        for segment in (
            StringSegment.objects.filter(source=source)
            .select_related("string", "context")
            .order_by("order")
        ):
            french[segment.context.path].append(segment)
        english_strings = defaultdict(list)
        english_templates = {}
        for segment in extract_segments(english):
            if isinstance(segment, StringSegmentValue):
                english_strings[segment.path].append(segment.string.data)
            elif isinstance(segment, TemplateSegmentValue):
                english_templates[segment.path] = segment.template
        french_templates = {
            segment.context.path: segment.template.template
            for segment in TemplateSegment.objects.filter(source=source).select_related(
                "template", "context"
            )
        }
        shapes = {path: len(items) for path, items in french.items()}
        if shapes != {path: len(items) for path, items in english_strings.items()} or (
            french_templates != english_templates
        ):
            raise CommandError(
                f"The English text of “{source.object_repr}” does not have the same "
                "structure as the French text (blocks, paragraphs, list items or links)."
            )

        existing = {
            (item.translation_of_id, item.context_id): item
            for item in StringTranslation.objects.filter(
                locale=self.en, context__object_id=source.object_id
            )
        }
        changed = False
        for path, segments in french.items():
            for segment, text in zip(segments, english_strings[path], strict=True):
                if text == segment.string.data:
                    continue
                current = existing.get((segment.string_id, segment.context_id))
                if current is None:
                    StringTranslation.objects.create(
                        translation_of=segment.string,
                        locale=self.en,
                        context=segment.context,
                        data=text,
                        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                    )
                elif current.data != text:
                    current.data = text
                    current.has_error = False
                    current.save()
                else:
                    continue
                changed = True
        return changed
