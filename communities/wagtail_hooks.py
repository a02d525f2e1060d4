from wagtail import hooks

from home.models import HOME_PAGE_CONTEXT

from .models import CommunityPage, KitPage

LATEST_KITS = 3


@hooks.register(HOME_PAGE_CONTEXT)
def communities_and_latest_kits(home):
    return {
        "communities": CommunityPage.objects.in_listing(home.locale),
        "latest_kits": KitPage.objects.in_listing(home.locale).order_by("-publication_date")[
            :LATEST_KITS
        ],
    }
