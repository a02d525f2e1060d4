"""What purges the shared caches (ours and the reverse proxy), once the change is committed.

- Publishing, unpublishing, moving or deleting a page changes more than the page (menus,
  breadcrumbs, the listings of the home page, the agenda, communities and arrondissements), and
  so does saving a site setting or a snippet (the footer, partner associations): every page is
  purged. These are staff actions, a few a day.
- Adding or removing a view restriction takes pages out of public view: every page is purged.
- Saving a site or a locale changes how addresses route to pages (`views.serve`): every page
  is purged.
- Places left change with registrations: only the pages showing that list's places are
  purged (`places_changed`, called whenever a list is locked to change its places). Listings
  show only whether a list is full: a registration purges them when it takes the last place,
  and a registration that takes none (a waiting list, a draw) purges nothing.

Purging everything from our cache takes one write (`purge.purge_everything`).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move
from wagtail.snippets.models import get_snippet_models

from .purge import purge_everything_after_commit


def page_changed(**kwargs):
    purge_everything_after_commit()


# A moved page's former addresses, taken before the move, purged after it.
_moving = {}


def page_moving(instance, **kwargs):
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().descendant_of(instance, inclusive=True).specific())
    _moving[instance.pk] = batch


def page_moved(instance, **kwargs):
    batch = _moving.pop(instance.pk, None)
    if batch is not None:
        transaction.on_commit(batch.purge, robust=True)
    page_changed()


# What every page shows or depends on besides the pages: saving or deleting one purges them all.
SITE_WIDE = (BaseSiteSetting, PageViewRestriction, Site, Locale)


def setting_or_snippet_saved(sender, **kwargs):
    if issubclass(sender, SITE_WIDE) or sender in get_snippet_models():
        page_changed()


def deleted(sender, **kwargs):
    if issubclass(sender, (Page, *SITE_WIDE)) or sender in get_snippet_models():
        page_changed()


def connect():
    page_published.connect(page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(page_changed, dispatch_uid="pagecache-unpublished")
    pre_page_move.connect(page_moving, dispatch_uid="pagecache-moving")
    post_page_move.connect(page_moved, dispatch_uid="pagecache-moved")
    post_delete.connect(deleted, dispatch_uid="pagecache-deleted")
    post_save.connect(setting_or_snippet_saved, dispatch_uid="pagecache-saved")
