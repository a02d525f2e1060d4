from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.blocks import BodyBlock
from home.models import BasePage
from pagecache.cache import shared
from registrations.models import RoutableRegistrationPageMixin

from .blocks import KitBodyBlock
from .pdf import kit_pdf


@register_snippet
class PartnerAssociation(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(
        max_length=200,
        verbose_name=_("name"),
        help_text=_("The name the association is known by, shown on its communities’ pages."),
    )
    description = models.TextField(
        blank=True,
        max_length=500,
        verbose_name=_("description"),
        help_text=_("What the association does, in one or two sentences."),
    )
    website = models.URLField(
        blank=True,
        verbose_name=_("website"),
        help_text=_("The association’s own site, linked from its name; leave blank if none."),
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("partner association")
        verbose_name_plural = _("partner associations")

    def __str__(self):
        return self.name


class CommunityIndexPage(BasePage):
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Shown above the list of communities."),
    )

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["communities.CommunityPage"]

    class Meta:
        verbose_name = _("community index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["communities"] = CommunityPage.objects.in_listing(self.locale_id).child_of(self)
        return context


class CommunityPage(RoutableRegistrationPageMixin, BasePage):
    """One of the nine volunteer communities; its kits and events are its children."""

    COLOURS = [
        ("solidarity", _("Solidarity red")),
        ("climate", _("Climate blue")),
        ("green", _("Green")),
        ("cleanliness", _("Cleanliness teal")),
        ("street", _("Street orange")),
        ("company", _("Company purple")),
        ("rescue", _("Rescue crimson")),
        ("debate", _("Debate indigo")),
        ("sport", _("Sport gold")),
    ]

    motto = models.CharField(
        max_length=120,
        verbose_name=_("motto"),
        help_text=_("The community’s motto, e.g. “Agir contre la grande exclusion”."),
    )
    colour = models.CharField(
        max_length=20,
        choices=COLOURS,
        verbose_name=_("colour"),
        help_text=_("The community’s colour on cards and headers, from the site’s palette."),
    )
    pictogram = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pictogram"),
        help_text=_("A square, simple drawing; it is decorative, the name is always shown."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "What the community does and how to take part; its events, missions, kits and "
            "partners are listed after it automatically."
        ),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("motto", boost=2),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("motto"), FieldPanel("colour"), FieldPanel("pictogram")],
            heading=_("Identity"),
        ),
        FieldPanel("body"),
        InlinePanel("partners", label=_("Partner associations")),
    ]

    registration_purpose = "membership"

    parent_page_types = ["communities.CommunityIndexPage"]
    subpage_types = ["communities.KitPage", "events.EventPage"]

    class Meta:
        verbose_name = _("community")

    def upcoming_events(self):
        """The community's upcoming events in this page's language, through translation_key,
        so that an event linked to either language's community counts."""
        from events.models import EventPage

        return (
            EventPage.objects.in_listing(self.locale_id)
            .upcoming()
            .filter(community__translation_key=self.translation_key)
        )

    def get_context(self, request, *args, **kwargs):
        from events.models import EventPage

        context = super().get_context(request, *args, **kwargs)
        context["kits"] = KitPage.objects.in_listing(self.locale_id).child_of(self)
        # One query for both lists, with their images' renditions.
        upcoming = list(self.upcoming_events().select_related("proposed_by"))
        context["events"] = [e for e in upcoming if e.kind != EventPage.Kind.MISSION]
        missions = [e for e in upcoming if e.kind == EventPage.Kind.MISSION]
        context["missions"] = missions
        context["ical_url"] = self.get_url(request) + self.reverse_subpage("ical")
        # Each partner with the upcoming missions it proposed (in either language).
        proposed = {}
        for mission in missions:
            if mission.proposed_by:
                proposed.setdefault(mission.proposed_by.translation_key, []).append(mission)
        partners = [link.association for link in self.partners.select_related("association")]
        for association in partners:
            association.proposed_missions = proposed.get(association.translation_key, [])
        # Those with nothing to say but their name are listed together, not as empty entries.
        context["partners"] = [p for p in partners if p.description or p.proposed_missions]
        context["other_partners"] = [p for p in partners if p not in context["partners"]]
        return context

    @path("ical/", name="ical")
    def ical_feed(self, request):
        """The community's upcoming events, to subscribe to in a calendar application."""
        from events.ical import events_calendar_response

        return events_calendar_response(
            request, self.upcoming_events(), name=self.title, filename=f"{self.slug}.ics"
        )


class CommunityPartner(Orderable):
    page = ParentalKey(CommunityPage, on_delete=models.CASCADE, related_name="partners")
    association = models.ForeignKey(
        PartnerAssociation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("association"),
        help_text=_(
            "Chosen from the partner associations (Snippets); the page shows its name, "
            "description and website."
        ),
    )

    panels = [FieldPanel("association")]


class KitPage(RoutableRegistrationPageMixin, BasePage):
    """A practical guide for volunteers, e.g. « Le Volontaire et la canicule », and the same as
    a PDF to print or keep."""

    class Theme(models.TextChoices):
        HEATWAVE = "heatwave", _("Heatwave")
        WASTE = "waste", _("Waste")
        FOOD = "food", _("Food")
        MOBILITY = "mobility", _("Everyday mobility")
        PURCHASES = "purchases", _("Purchases")
        OTHER = "other", _("Other")

    summary = models.TextField(
        max_length=800,
        verbose_name=_("summary"),
        help_text=_("What the volunteer will know or be able to do after reading the kit."),
    )
    theme = models.CharField(
        max_length=20,
        choices=Theme.choices,
        verbose_name=_("theme"),
        help_text=_("Shown above the kit’s title, on its page and on the cards that list it."),
    )
    publication_date = models.DateField(
        verbose_name=_("publication date"),
        help_text=_("The date of this edition of the kit; the latest kits are listed first."),
    )
    body = StreamField(
        KitBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Steps, checklists and documents to download."),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("theme"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("theme"), FieldPanel("publication_date")],
            heading=_("About this kit"),
        ),
        FieldPanel("body"),
    ]

    parent_page_types = ["communities.CommunityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("kit")

    @property
    def listing_date(self):
        return self.publication_date

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The kit as a tagged PDF; the shared caches keep it until the kit is published
        again."""
        response = HttpResponse(kit_pdf(self, request), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.slug}.pdf"'
        return shared(response)
