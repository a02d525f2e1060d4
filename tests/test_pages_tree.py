"""Where an editor may create each page type, so the tree keeps the shape the site relies on."""

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from charters.models import CharterPage, ProgrammePage
from communities.models import CommunityIndexPage, CommunityPage, KitPage
from events.models import ArrondissementIndexPage, ArrondissementPage, EventIndexPage, EventPage
from home.models import HomePage, StandardPage

# The only places each page type may live, and what it may contain.
PARENTS = {
    HomePage: {Page},
    StandardPage: {HomePage, StandardPage, ProgrammePage},
    CommunityIndexPage: {HomePage},
    CommunityPage: {CommunityIndexPage},
    KitPage: {CommunityPage},
    CharterPage: {HomePage},
    ProgrammePage: {HomePage},
    EventIndexPage: {HomePage},
    EventPage: {EventIndexPage, CommunityPage},
    ArrondissementIndexPage: {HomePage},
    ArrondissementPage: {ArrondissementIndexPage},
}
CHILDREN = {
    HomePage: {
        StandardPage,
        CommunityIndexPage,
        EventIndexPage,
        ArrondissementIndexPage,
        CharterPage,
        ProgrammePage,
    },
    StandardPage: {StandardPage},
    CommunityIndexPage: {CommunityPage},
    CommunityPage: {KitPage, EventPage},
    KitPage: set(),
    CharterPage: set(),
    ProgrammePage: {StandardPage},
    EventIndexPage: {EventPage},
    EventPage: set(),
    ArrondissementIndexPage: {ArrondissementPage},
    ArrondissementPage: set(),
}


PAGE_TYPES = set(PARENTS)


class TestPageTree(WagtailPageTestCase):
    def test_every_page_type_of_the_site_is_covered(self):
        site_apps = {"home", "communities", "charters", "events"}
        declared = {model for model in get_page_models() if model._meta.app_label in site_apps}
        assert declared == PAGE_TYPES == set(CHILDREN)

    def test_allowed_parents(self):
        for child, parents in PARENTS.items():
            with self.subTest(child=child.__name__):
                self.assertAllowedParentPageTypes(child, parents)

    def test_allowed_children(self):
        for parent, children in CHILDREN.items():
            with self.subTest(parent=parent.__name__):
                self.assertAllowedSubpageTypes(parent, children)

    def test_creatable_exactly_where_allowed(self):
        for parent in {Page, *PAGE_TYPES}:
            for child in PAGE_TYPES:
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    if parent in PARENTS[child]:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

    def test_forbidden_places_an_editor_could_try(self):
        # The mistakes the rules exist to prevent, spelled out.
        self.assertCanNotCreateAt(HomePage, KitPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(EventIndexPage, KitPage)
        self.assertCanNotCreateAt(CommunityIndexPage, EventPage)
        self.assertCanNotCreateAt(EventPage, EventPage)
        self.assertCanNotCreateAt(CharterPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)
