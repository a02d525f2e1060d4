from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import CommentPanelPlaceholder, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from pagecache.cache import kept_with_pages
from registrations.models import RegistrationFormMixin
from volunteers.forms import PROFILE_FIELDS, profile_fields

from .blocks import BodyBlock, KeyFigureBlock, LinkBlock
from .panels import SchedulePublishingPanel

# The hook through which other apps add to the home page's context: fn(home_page) -> dict.
HOME_PAGE_CONTEXT = "home_page_context"


def restricted_paths():
    """The tree paths of the pages with a view restriction (most sites have none). Wagtail reads
    every restriction each time it filters public pages or serves one; these are kept with the
    pages, and adding or removing a restriction purges them (see `pagecache.signals`)."""
    return kept_with_pages(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


class ListingQuerySet(PageQuerySet):
    def private_q(self):
        q = Q()
        for path in restricted_paths():
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])

    def in_listing(self, locale):
        """Live public pages of one language, with what their cards show, in constant queries."""
        return (
            self.live()
            .public()
            .filter(locale=locale)
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
        )


ListingManager = PageManager.from_queryset(ListingQuerySet)


class BasePage(RegistrationFormMixin, Page):
    """What every page of the site shares: a lead paragraph, a listing image, search, and a
    registration form (see `registrations.models.RegistrationFormMixin`)."""

    introduction = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("introduction"),
        help_text=_(
            "One or two sentences shown under the title and on cards that list this page."
        ),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("listing image"),
        help_text=_(
            "Shown on the cards that list this page, as decoration (the title names the link), "
            "and as the picture when the page is shared on social networks."
        ),
    )

    objects = ListingManager()

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    def route(self, request, path_components):
        """Wagtail's route reads two rows per level of the URL; one lookup by the whole path
        finds an ordinary page at once. Its own routes (feeds) and anything it does not find
        take Wagtail's way."""
        if path_components:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            target = Page.objects.filter(url_path=url_path).specific().first()
            if target is not None:
                return target.route(request, [])
        return super().route(request, path_components)

    def prepare_to_keep(self):
        super().prepare_to_keep()
        self.under_view_restriction  # noqa: B018 - a cached property, kept with the page

    @cached_property
    def under_view_restriction(self):
        """Whether a view restriction applies here: this page's or an ancestor's."""
        return any(self.path.startswith(path) for path in restricted_paths())

    def get_view_restrictions(self):
        # Wagtail reads the page's ancestors and their restrictions on every view.
        if not self.under_view_restriction:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def places_listings(self):
        """Which other pages show this page's places left (purged from the shared caches with
        it), as a filter of pages: its ancestors up to the home page, read off its tree path."""
        step = self.steplen
        return Q(path__in=[self.path[:end] for end in range(2 * step, len(self.path), step)])

    @property
    def listing_date(self):
        """The date a listing or a search result gives this page: when it was last published,
        unless its type has a date of its own."""
        return self.last_published_at

    def structured_data(self, request):
        """schema.org data search engines read of this page (JSON-LD), or None."""
        return None

    @property
    def registration_profile(self):
        """Joining the Volontaires de Paris asks for a volunteer profile."""
        return PROFILE_FIELDS if self.registration_purpose == "volunteer" else ()

    def registration_profile_fields(self):
        return profile_fields(self.locale_id)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    promote_panels = [*Page.promote_panels, FieldPanel("listing_image")]
    settings_panels = [SchedulePublishingPanel(), CommentPanelPlaceholder()]

    class Meta:
        abstract = True


class HomePage(BasePage):
    hero_title = models.CharField(
        max_length=160,
        verbose_name=_("hero title"),
        help_text=_("The large sentence at the top of the home page."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
        help_text=_(
            "A landscape photo beside the hero title, cropped to 4:3; people who cannot see it "
            "hear its alternative text from the image library."
        ),
    )
    hero_link = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=2,
        verbose_name=_("hero buttons"),
        help_text=_("Up to two calls to action under the hero title."),
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        blank=True,
        max_num=6,
        verbose_name=_("key figures"),
        help_text=_(
            "Figures from published sources only, e.g. “Près de 500” Volontaires inscrits."
        ),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Sections at the bottom of the home page, after the latest kits."),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_title"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_image"), FieldPanel("hero_link")],
            heading=_("Hero"),
        ),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "communities.CommunityIndexPage",
        "events.EventIndexPage",
        "events.ArrondissementIndexPage",
        "charters.CharterPage",
        "charters.ProgrammePage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # What the apps built on this one show here (their "home_page_context" hooks): the
        # page base knows none of their page types.
        for section in hooks.get_hooks(HOME_PAGE_CONTEXT):
            context.update(section(self))
        return context


class StandardPage(BasePage):
    """A generic page: programme history, perspectives, press releases, legal notices."""

    date = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("date"),
        help_text=_("Shown for dated pages such as press releases; leave blank otherwise."),
    )
    show_press_contact = models.BooleanField(
        default=False,
        verbose_name=_("show the press contact"),
        help_text=_("Adds the press office contact from the site settings, for press releases."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The text of the page: headings, paragraphs, images, quotes, links, files."),
    )

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("show_press_contact")], heading=_("Press release")
        ),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage", "charters.ProgrammePage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    @property
    def listing_date(self):
        return self.date or super().listing_date


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Site-wide contacts and links. Labels come from page titles, so they follow the language."""

    press_email = models.EmailField(
        blank=True,
        verbose_name=_("press office email"),
        help_text=_("An institutional address only, never a person’s own address."),
    )
    press_phone = models.CharField(
        max_length=30,
        blank=True,
        verbose_name=_("press office phone"),
        help_text=_("As dialled in France, e.g. “01 42 76 49 61”; shown with the email."),
    )
    footer_links = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        blank=True,
        verbose_name=_("footer links"),
        help_text=_("Pages listed in the footer; each shows in the visitor’s language."),
    )
    social_links = StreamField(
        [
            (
                "link",
                blocks.StructBlock(
                    [
                        (
                            "network",
                            blocks.ChoiceBlock(
                                choices=[
                                    ("facebook", "Facebook"),
                                    ("instagram", "Instagram"),
                                    ("linkedin", "LinkedIn"),
                                    ("mastodon", "Mastodon"),
                                    ("youtube", "YouTube"),
                                ],
                                label=_("Network"),
                            ),
                        ),
                        (
                            "url",
                            blocks.URLBlock(
                                label=_("Address"),
                                help_text=_(
                                    "The full address of the account, "
                                    "e.g. “https://www.instagram.com/paris/”."
                                ),
                            ),
                        ),
                    ],
                    label=_("Account"),
                ),
            )
        ],
        blank=True,
        verbose_name=_("social networks"),
        help_text=_("The programme’s accounts, linked from the footer under “Follow us”."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice page"),
        help_text=_("Linked from every registration form and from the footer."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement page"),
        help_text=_(
            "The RGAA accessibility statement; the compliance status in every page’s footer "
            "links to it."
        ),
    )

    # What a deployment must state on its legal pages (shown there by the blocks of
    # `home.blocks`): an empty one shows nothing, never a placeholder.
    publisher = models.TextField(
        blank=True,
        verbose_name=_("publisher"),
        help_text=_(
            "Who publishes the site, with its postal address, as the legal notice states it."
        ),
    )
    publication_director = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("publication director"),
        help_text=_("The office (not a person’s name unless the law requires it)."),
    )
    host = models.TextField(
        blank=True,
        verbose_name=_("host"),
        help_text=_("The hosting provider’s name, address and telephone number."),
    )
    dpo_contact = models.TextField(
        blank=True,
        verbose_name=_("data protection officer’s contact"),
        help_text=_("The postal or email address where people exercise their rights."),
    )

    class Compliance(models.TextChoices):
        NONE = "none", _("not compliant")
        PARTIAL = "partial", _("partially compliant")
        FULL = "full", _("fully compliant")

    accessibility_compliance = models.CharField(
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.NONE,
        verbose_name=_("compliance with the RGAA"),
        help_text=_("“Not compliant” until an audit has measured it."),
    )
    accessibility_statement_date = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("date of the statement"),
        help_text=_("When the statement was drawn up or last brought up to date."),
    )
    accessibility_audit = models.TextField(
        blank=True,
        verbose_name=_("audit results"),
        help_text=_("Who audited, when, and the rate of RGAA criteria met; empty: no audit yet."),
    )
    accessibility_non_accessible = models.TextField(
        blank=True,
        verbose_name=_("non-accessible content"),
        help_text=_("One item per line: what fails, and why."),
    )
    accessibility_derogations = models.TextField(
        blank=True,
        verbose_name=_("derogations"),
        help_text=_("Content exempted for a disproportionate burden, one per line."),
    )
    accessibility_contact = models.CharField(
        max_length=254,
        blank=True,
        verbose_name=_("contact to report an accessibility problem"),
        help_text=_("An institutional email address or web form address."),
    )
    accessibility_plan_url = models.URLField(
        blank=True,
        verbose_name=_("multi-year accessibility plan"),
        help_text=_("The address of the published plan."),
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [FieldPanel("press_email"), FieldPanel("press_phone")],
                        heading=_("Press"),
                    ),
                    FieldPanel("privacy_page"),
                    FieldPanel("accessibility_page"),
                    FieldPanel("footer_links"),
                    FieldPanel("social_links"),
                ],
                heading=_("Contacts and links"),
            ),
            ObjectList(
                [
                    FieldPanel("publisher"),
                    FieldPanel("publication_director"),
                    FieldPanel("host"),
                    FieldPanel("dpo_contact"),
                ],
                heading=_("Legal notice and privacy"),
            ),
            ObjectList(
                [
                    FieldPanel("accessibility_compliance"),
                    FieldPanel("accessibility_statement_date"),
                    FieldPanel("accessibility_audit"),
                    FieldPanel("accessibility_non_accessible"),
                    FieldPanel("accessibility_derogations"),
                    FieldPanel("accessibility_contact"),
                    FieldPanel("accessibility_plan_url"),
                ],
                heading=_("Accessibility statement"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("site settings")

    @property
    def non_accessible_items(self):
        return _lines(self.accessibility_non_accessible)

    @property
    def derogation_items(self):
        return _lines(self.accessibility_derogations)


def _lines(text):
    """A multi-line setting as a list, blank lines left out."""
    return [line.strip() for line in text.splitlines() if line.strip()]
