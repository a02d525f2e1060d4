from wagtail import hooks

from home.models import HOME_PAGE_CONTEXT
from pagecache.cache import kept_with_pages
from volunteers.forms import VOLUNTEER_INTERESTS_HOOK

from .models import CommunityPage, KitPage

LATEST_KITS = 3


@hooks.register(HOME_PAGE_CONTEXT)
def communities_and_latest_kits(home):
    return {
        "communities": CommunityPage.objects.in_listing(home.locale_id),
        "latest_kits": KitPage.objects.in_listing(home.locale_id).order_by("-publication_date")[
            :LATEST_KITS
        ],
    }


@hooks.register(VOLUNTEER_INTERESTS_HOOK)
def communities_of_interest(locale_id):
    """A volunteer's interests are communities, by their key shared by both languages; the
    choices are kept with the pages."""

    def choices():
        communities = (
            CommunityPage.objects.live().public().filter(locale_id=locale_id).order_by("path")
        )
        return [
            (key.hex, title) for key, title in communities.values_list("translation_key", "title")
        ]

    return kept_with_pages("interests", choices, locale_id)
