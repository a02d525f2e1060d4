import datetime
import zoneinfo
from collections import namedtuple
from itertools import islice
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models, router
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import BasePage, ListingQuerySet
from home.paris import ARRONDISSEMENTS
from registrations.models import (
    Eligibility,
    Registration,
    RoutableRegistrationPageMixin,
    Window,
    uuid_param,
)
from registrations.outbox import EmailDelivery
from volunteers.models import TrainingRecord

from .blocks import ProgrammeItemBlock, SpeakerBlock
from .ical import events_atom_response, events_calendar_response, registration_calendar
from .seo import event_data

# Staff mark a training's attendance list within this delay; a provisional mission place waits
# for it (see EventPage.settle_provisional).
ATTENDANCE_MARKING_DELAY = datetime.timedelta(days=1)

# Emails say when in Paris time, wherever they are read.
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


# The fields of an event that decide who gets a place (see EventPage.list_settings).
LIST_SETTINGS = [
    "capacity",
    "allocation",
    "waiting_list_enabled",
    "start",
    "registration_opens_at",
    "registration_closes_at",
]
ListSettings = namedtuple("ListSettings", ["pk", *LIST_SETTINGS])
# The default language's page's, read under the list's lock on every registration: written
# out, as building the query with the ORM costs more CPU than running it.
LIST_SETTINGS_SQL = f"""
    SELECT event.page_ptr_id, {", ".join(f"event.{name}" for name in LIST_SETTINGS)}
    FROM events_eventpage event
    JOIN wagtailcore_page page ON page.id = event.page_ptr_id
    JOIN wagtailcore_locale locale ON locale.id = page.locale_id
    WHERE page.translation_key = %s AND locale.language_code = %s
"""


class EventQuerySet(ListingQuerySet):
    def in_listing(self, locale):
        """With each event's places taken, so that a listing says which are full."""
        return (
            super()
            .in_listing(locale)
            .annotate(places_taken=Registration.objects.holding_places().count_per_page())
        )

    def upcoming(self):
        """Events not yet over, soonest first."""
        return self.filter(end__gte=timezone.now()).order_by("start")

    def past(self):
        """The archive: most recent first."""
        return self.filter(end__lt=timezone.now()).order_by("-start")


EventManager = PageManager.from_queryset(EventQuerySet)


class EventIndexPage(RoutableRegistrationPageMixin, BasePage):
    """The agenda: every event of the site in this page's language."""

    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Shown above the agenda’s tabs, filters and events."),
    )
    per_page = models.PositiveSmallIntegerField(
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        verbose_name=_("events per page"),
        help_text=_("How many events each page of the agenda lists."),
    )

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("per_page")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("agenda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .filters import AgendaFilter

        archive = request.GET.get("archives") == "1"
        events = EventPage.objects.in_listing(self.locale_id).select_related("community")
        events = events.past() if archive else events.upcoming()
        filters = AgendaFilter(request.GET or None, events, locale=self.locale_id)
        context["archive"] = archive
        context["filters"] = filters
        # The calendar feed of what the filters select (the upcoming events only).
        query = request.GET.copy()
        for name in ("page", "archives"):
            query.pop(name, None)
        feed = self.get_url(request) + self.reverse_subpage("ical")
        context["ical_url"] = f"{feed}?{query.urlencode()}" if query else feed
        context["events"] = Paginator(filters.qs, self.per_page).get_page(request.GET.get("page"))
        return context

    @path("ical/", name="ical")
    def ical_feed(self, request):
        """Upcoming events of this language, to subscribe to in a calendar application; the
        agenda's filters (community, kind, arrondissement, month) apply."""
        from .filters import AgendaFilter

        events = EventPage.objects.in_listing(self.locale_id).upcoming()
        events = AgendaFilter(request.GET or None, events, locale=self.locale_id).qs
        return events_calendar_response(
            request, events, name=self.title, filename=f"{self.slug}.ics"
        )


class EventPage(RoutableRegistrationPageMixin, BasePage):
    class Kind(models.TextChoices):
        EVENT = "event", _("Event")
        TRAINING = "training", _("Training")
        MISSION = "mission", _("Mission")
        WORKSHOP = "workshop", _("Workshop")
        VISIT = "visit", _("Visit")
        CONFERENCE = "conference", _("Conference")

    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.EVENT,
        verbose_name=_("kind"),
        help_text=_(
            "Shown above the title; visitors filter the agenda by it. A mission names the "
            "training that precedes it."
        ),
    )
    start = models.DateTimeField(verbose_name=_("starts at"), help_text=_("Paris time."))
    end = models.DateTimeField(verbose_name=_("ends at"), help_text=_("Paris time."))
    venue = models.CharField(
        max_length=200, verbose_name=_("venue"), help_text=_("e.g. “Hôtel de Ville”")
    )
    address = models.CharField(
        max_length=250,
        blank=True,
        verbose_name=_("address"),
        help_text=_(
            "Shown under the venue, e.g. “Place de l’Hôtel de Ville, 75004 Paris”; leave blank "
            "when the venue’s name is enough."
        ),
    )
    arrondissement = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=ARRONDISSEMENTS,
        verbose_name=_("arrondissement"),
        help_text=_("Leave blank for an event outside Paris or across the city."),
    )
    community = models.ForeignKey(
        "communities.CommunityPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("community"),
        help_text=_("The community that organises it; its page lists the event."),
    )
    proposed_by = models.ForeignKey(
        "communities.PartnerAssociation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
        help_text=_("For a mission a partner association proposed; shown with its name."),
    )
    required_training = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("training required first"),
        help_text=_("Every mission is preceded by a training: choose it here."),
    )
    training_course = models.ForeignKey(
        "volunteers.TrainingCourse",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("training course"),
        help_text=_(
            "For a training: the course it is a session of. Attending any session of the "
            "course qualifies for the missions that require it."
        ),
    )
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        # More than the Hôtel de Ville's halls hold many times over: a typing slip, not a plan.
        validators=[MaxValueValidator(100_000)],
        verbose_name=_("places"),
        help_text=_("Number of places; leave blank when attendance is not limited."),
    )
    registration_opens_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("registration opens at"),
        help_text=_(
            "Paris time. Until then the page says when registration opens; leave blank to open "
            "it at once."
        ),
    )
    registration_closes_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("registration closes at"),
        help_text=_("Registration closes when the event starts in any case."),
    )

    class Allocation(models.TextChoices):
        FIRST_COME = "first_come", _("first come, first served")
        DRAW = "draw", _("draw by lot when registration closes")

    allocation = models.CharField(
        max_length=12,
        choices=Allocation.choices,
        default=Allocation.FIRST_COME,
        verbose_name=_("how places are given"),
        help_text=_(
            "By lot: people apply until registration closes, then the places are drawn and "
            "everyone is told; the others wait in draw order. For oversubscribed activities "
            "such as the Carte Citoyenne’s visits."
        ),
    )
    waiting_list_enabled = models.BooleanField(
        default=True,
        verbose_name=_("keep a waiting list"),
        help_text=_(
            "When the event is full, new registrations join a waiting list and get freed places "
            "in turn. Otherwise they are refused."
        ),
    )
    programme = StreamField(
        [("item", ProgrammeItemBlock())],
        blank=True,
        verbose_name=_("programme"),
        help_text=_("The timetable, in order; leave empty for a single activity."),
    )
    speakers = StreamField(
        [("speaker", SpeakerBlock())],
        blank=True,
        verbose_name=_("speakers"),
        help_text=_("Who speaks, with their public role; shown after the programme."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "Everything else a participant should know, e.g. what to bring; shown before the "
            "registration form."
        ),
    )

    objects = EventManager()

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("venue"),
        index.SearchField("programme"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                PageChooserPanel("community", "communities.CommunityPage"),
                FieldPanel("training_course"),
                PageChooserPanel("required_training", "events.EventPage"),
                FieldPanel("proposed_by"),
            ],
            heading=_("When and what"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("arrondissement")],
            heading=_("Where"),
        ),
        FieldPanel("programme"),
        FieldPanel("speakers"),
        FieldPanel("body"),
    ]

    registration_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list_enabled")]),
                FieldPanel("allocation"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
            ],
            heading=_("Places and dates"),
        ),
        *BasePage.registration_panels,
    ]

    parent_page_types = ["events.EventIndexPage", "communities.CommunityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if self.allocation == self.Allocation.DRAW:
            if not closes:
                errors["registration_closes_at"] = _(
                    "A draw by lot takes place when registration closes: set when."
                )
            if not self.capacity:
                errors["capacity"] = _("A draw by lot shares out a number of places: set it.")
        training = self.required_training
        if self.training_course_id and self.kind != self.Kind.TRAINING:
            errors["training_course"] = _("Only a training is a session of a course.")
        if self.kind == self.Kind.MISSION and not training:
            errors["required_training"] = _("A mission is always preceded by a training.")
        elif training:
            if training.kind != self.Kind.TRAINING:
                errors["required_training"] = ValidationError(
                    _("Choose an event of the kind “%(kind)s”."),
                    params={"kind": self.Kind.TRAINING.label},
                    code="not_a_training",
                )
            elif self.start and training.start >= self.start:
                errors["required_training"] = _("The training must take place before the mission.")
        if errors:
            raise ValidationError(errors)

    @path("ical/", name="ical")
    def ical(self, request):
        """This event as a file to add to a calendar."""
        return events_calendar_response(
            request, [self], name=self.title, filename=f"{self.slug}.ics"
        )

    def structured_data(self, request):
        return event_data(self, request)

    def places_listings(self):
        """Also, in its language, the agenda, its community and its arrondissement's page,
        which list the event with its places."""
        return super().places_listings() | models.Q(
            models.Q(eventindexpage__isnull=False)
            | models.Q(arrondissementpage__number=self.arrondissement or 0)
            | models.Q(
                translation_key__in=Page.objects.filter(pk=self.community_id).values(
                    "translation_key"
                )
            ),
            locale_id=self.locale_id,
        )

    @classmethod
    def ended_before(cls, moment):
        return cls.objects.filter(end__lt=moment)

    def registration_details(self):
        """When and where, in Paris time, for the emails of its registrations."""
        return {
            "start": timezone.localtime(self.start, PARIS),
            "end": timezone.localtime(self.end, PARIS),
            "venue": self.venue,
            "address": self.address,
            "arrondissement": self.get_arrondissement_display() if self.arrondissement else "",
            "kind": self.get_kind_display(),
        }

    def registration_calendar(self, registration, *, url, domain, description=""):
        return registration_calendar(
            self, registration, url=url, domain=domain, description=description
        )

    @property
    def listing_date(self):
        return self.start

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def map_query(self):
        """The venue's address as a map service's search query string."""
        return urlencode({"query": f"{self.address}, France"})

    @property
    def is_full(self):
        """In a listing (`EventQuerySet.in_listing`): no place left on an upcoming event."""
        return (
            self.capacity is not None and not self.is_past and self.places_taken >= self.capacity
        )

    # A mission's training: "toute mission proposée est systématiquement précédée d'une
    # formation". Attendance is staff.Attendance, reached through the registration.

    @property
    def has_prerequisite(self):
        return self.kind == self.Kind.MISSION and self.required_training_id is not None

    def qualifying_trainings(self):
        """The trainings that qualify for this mission, in every language: each session of its
        required training's course, or that training alone when it names no course."""
        if not self.has_prerequisite:
            return None
        training = self.required_training
        if training.training_course_id is None:
            return EventPage.objects.filter(translation_key=training.translation_key)
        return EventPage.objects.filter(
            kind=self.Kind.TRAINING,
            training_course__translation_key=training.training_course.translation_key,
        )

    def registration_eligibility(self, email):
        """Met once marked present at a qualifying training (or its course recorded by staff);
        provisional while holding a place on one that ends before the mission starts."""
        trainings = self.qualifying_trainings()
        if trainings is None:
            return None
        theirs = Registration.objects.filter(
            email=email, translation_key__in=trainings.values("translation_key")
        )
        course = self.required_training.training_course
        if theirs.filter(attendance__attended=True).exists() or (
            course and TrainingRecord.objects.of(email, course).exists()
        ):
            return Eligibility.MET
        ahead = trainings.filter(end__gt=timezone.now(), end__lte=self.list_settings.start)
        if (
            theirs.holding_places()
            .filter(translation_key__in=ahead.values("translation_key"))
            .exists()
        ):
            return Eligibility.PROVISIONAL
        return Eligibility.MISSING

    def settle_provisional(self, registration, now):
        """A provisional place becomes the person's once they are marked present at their
        training; it is released, and they are told, when they were not: the day after the
        training ended (time for staff to mark the list), or sooner when the mission starts
        within a day, so that the waiting list can still use it. Returns what happened."""
        eligibility = self.registration_eligibility(registration.email)
        if eligibility == Eligibility.MET:
            Registration.objects.filter(pk=registration.pk).update(provisional=False)
            return "settled"
        if eligibility == Eligibility.PROVISIONAL:
            return None  # Their training is still to come.
        last_training_end = (
            self.qualifying_trainings()
            .filter(
                translation_key__in=Registration.objects.filter(email=registration.email)
                .active()
                .values("translation_key")
            )
            .aggregate(models.Max("end"))["end__max"]
        )
        if (
            last_training_end is not None
            and now < last_training_end + ATTENDANCE_MARKING_DELAY
            and now < self.list_settings.start - ATTENDANCE_MARKING_DELAY
        ):
            return None
        if registration.cancel(email_kind=EmailDelivery.Kind.PREREQUISITE_LAPSED) is None:
            return None
        return "released"

    def registration_prerequisite(self, limit=3):
        """The training, and its next sessions in this page's language that end before the
        mission starts and still have places."""
        trainings = self.qualifying_trainings()
        if trainings is None:
            return None
        training = self.required_training.localized
        course = training.training_course
        candidates = (
            trainings.live()
            .filter(locale_id=self.locale_id, start__gt=timezone.now(), end__lte=self.start)
            .order_by("start")
        )
        # Places are counted session by session, soonest first, until `limit` are found.
        sessions = list(
            islice(
                (
                    session
                    for session in candidates
                    if session.registration_window()[0] == Window.OPEN
                    and session.places_left() != 0
                ),
                limit,
            )
        )
        return {
            "name": course.localized.name if course else training.title,
            "sessions": [
                {
                    "title": session.title,
                    "url": session.get_full_url(),
                    "start": timezone.localtime(session.start, PARIS),
                }
                for session in sessions
            ],
        }

    @cached_property
    def list_settings(self):
        """The places and dates that govern registration (`LIST_SETTINGS`): the default
        language's page's.

        Translations share one list, but wagtail-localize copies the capacity and dates to a
        translation only when it is next synced; until then the English page must not open,
        close or fill places differently from the French one.
        """
        published = self._published_list_settings()
        # The default language's own page, as edited or previewed, is its own authority.
        return self if published is None or published.pk == self.pk else published

    def _published_list_settings(self):
        connection = connections[router.db_for_read(EventPage)]
        key = uuid_param(self.translation_key, connection)
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        with connection.cursor() as cursor:
            cursor.execute(LIST_SETTINGS_SQL, [key, language])
            row = cursor.fetchone()
        if row is None:
            return None

        def aware(value):  # SQLite's dates come naive, in the connection's time zone.
            if isinstance(value, datetime.datetime) and timezone.is_naive(value):
                return timezone.make_aware(value, connection.timezone)
            return value

        return ListSettings(*map(aware, row))

    def read_list_settings(self):
        """Under the list's lock, the settings as published: this page may have been kept with
        the routing (`pagecache.views`) before a change whose purge was lost."""
        self.list_settings = self._published_list_settings() or self

    has_places = True
    registration_purpose = "place"

    def prepare_to_keep(self):
        super().prepare_to_keep()
        self.list_settings  # noqa: B018 - a cached property, kept with the page

    @property
    def registration_capacity(self):
        return self.list_settings.capacity

    @property
    def registration_waiting_list(self):
        return self.list_settings.waiting_list_enabled

    @property
    def registration_by_draw(self):
        return self.list_settings.allocation == self.Allocation.DRAW

    @property
    def registration_draw_date(self):
        return self.list_settings.registration_closes_at if self.registration_by_draw else None

    def waiting_list_moves(self):
        """A place freed once the event has started goes to no one: it is too late to come."""
        return timezone.now() < self.list_settings.start

    def registration_window(self, now=None):
        """Open between the opening and closing dates, and never once the event has started."""
        now = now or timezone.now()
        source = self.list_settings
        if source.registration_opens_at and now < source.registration_opens_at:
            return Window.NOT_OPEN_YET, source.registration_opens_at
        closes = source.registration_closes_at
        if now >= source.start or (closes and now >= closes):
            return Window.CLOSED, None
        return Window.OPEN, None


def confirm_trained(emails):
    """Provisional mission places that these addresses now qualify for become theirs: called
    when staff mark people present at a training or record one done elsewhere (the hourly
    `release_untrained_places` would get there too, later)."""
    provisional = (
        Registration.objects.active()
        .filter(provisional=True, email__in=emails)
        .select_related("page")
    )
    for registration in provisional:
        page = registration.page.specific
        if page.registration_eligibility(registration.email) == Eligibility.MET:
            Registration.objects.filter(pk=registration.pk).update(provisional=False)


def trained_emails(course):
    """The addresses that completed `course` (in any language): marked present at one of its
    sessions, or recorded by staff as done elsewhere."""
    sessions = EventPage.objects.filter(
        kind=EventPage.Kind.TRAINING, training_course__translation_key=course.translation_key
    )
    present = Registration.objects.filter(
        translation_key__in=sessions.values("translation_key"), attendance__attended=True
    ).values_list("email", flat=True)
    recorded = TrainingRecord.objects.filter(
        course__translation_key=course.translation_key
    ).values_list("email", flat=True)
    return set(present) | set(recorded)


class ArrondissementIndexPage(BasePage):
    """The programme by arrondissement: a page for each of the twenty."""

    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Shown above the list of arrondissements."),
    )

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.ArrondissementPage"]

    class Meta:
        verbose_name = _("arrondissements")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["arrondissements"] = (
            ArrondissementPage.objects.live().public().child_of(self).order_by("number")
        )
        return context


class ArrondissementPage(RoutableRegistrationPageMixin, BasePage):
    """One arrondissement: what happens there and which communities act there, with feeds."""

    number = models.PositiveSmallIntegerField(
        choices=ARRONDISSEMENTS,
        verbose_name=_("arrondissement"),
        help_text=_("Events set in this arrondissement are listed on its page."),
    )
    town_hall_address = models.CharField(
        max_length=250,
        blank=True,
        verbose_name=_("town hall’s address"),
        help_text=_("The mairie d’arrondissement’s public address; leave blank if unknown."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("What the programme does in this arrondissement."),
    )

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("number"),
        FieldPanel("town_hall_address"),
        FieldPanel("body"),
    ]

    parent_page_types = ["events.ArrondissementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("arrondissement")

    def upcoming_events(self):
        return (
            EventPage.objects.in_listing(self.locale_id)
            .upcoming()
            .filter(arrondissement=self.number)
            .select_related("community")
        )

    def get_context(self, request, *args, **kwargs):
        from communities.models import CommunityPage

        context = super().get_context(request, *args, **kwargs)
        events = self.upcoming_events()
        context["events"] = events
        # The communities whose events take place here, in this page's language.
        context["communities"] = CommunityPage.objects.in_listing(self.locale_id).filter(
            translation_key__in=events.values("community__translation_key")
        )
        url = self.get_url(request)
        context["ical_url"] = url + self.reverse_subpage("ical")
        context["atom_url"] = url + self.reverse_subpage("atom")
        return context

    @path("ical/", name="ical")
    def ical_feed(self, request):
        """The arrondissement's upcoming events, for a calendar application."""
        return events_calendar_response(
            request, self.upcoming_events(), name=self.title, filename=f"{self.slug}.ics"
        )

    @path("atom/", name="atom")
    def atom_feed(self, request):
        """The arrondissement's upcoming events, for a feed reader."""
        return events_atom_response(request, self.upcoming_events(), page=self)
