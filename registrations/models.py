"""Registration on every page.

Every page type mixes in `RegistrationFormMixin`: an editor-built form (Wagtail's form builder)
on top of fields that are always there. Submissions are `Registration` rows; a page and its
translations share one list (their `translation_key`), so an event has one capacity in every
language. Places are decided under a row lock on `RegistrationList`, so they are never overbooked.
"""

import datetime
from typing import NamedTuple

from django.conf import settings
from django.db import connections, models, router, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property, classproperty
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission, FormMixin
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.log_actions import log
from wagtail.models import PagePermissionTester, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES
from pagecache.purge import places_changed

from .delivery import queue_email_again, queue_emails, queue_registration_emails
from .draw import draw_order, new_seed
from .forms import (
    AccessibilityNeed,
    RegistrationFormBuilder,
    RegistrationPageAdminForm,
    consent_label,
)
from .outbox import EmailDelivery
from .panels import RegistrationCountPanel

DRAW_ACTION = "registrations.draw"

# Registering again sends the registration's email again, at most this often: the form cannot
# be used to flood someone's address.
RESEND_INTERVAL = datetime.timedelta(minutes=15)


class RegistrationRefused(Exception):
    """The registration cannot be taken; the message says why, in the visitor's language."""


class Eligibility(models.TextChoices):
    """Whether an address meets what a page requires first (a mission's training)."""

    MET = "met", _("met")
    PROVISIONAL = "provisional", _("provisional")
    MISSING = "missing", _("missing")


class Window(models.TextChoices):
    OPEN = "open", _("open")
    NOT_OPEN_YET = "not_open_yet", _("not open yet")
    CLOSED = "closed", _("closed")


class RegistrationFormField(TranslatableMixin, AbstractFormField):
    """A field an editor adds to a page's registration form, translated with the page."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="form_fields")

    # The clean name is the key of the answers: both languages of a page must share it.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]
    # Wagtail's form builder panels, with help text on the three fields it leaves without.
    panels = [
        FieldPanel("label"),
        FieldPanel("help_text", help_text=_("Shown under the question, e.g. why it is asked.")),
        FieldPanel("required", help_text=_("Untick to let people leave it unanswered.")),
        FieldPanel(
            "field_type",
            classname="formbuilder-type",
            required_on_save=True,
            help_text=_("The kind of answer: text, email, number, date, choices…"),
        ),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("default_value", classname="formbuilder-default"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class ListState(NamedTuple):
    """A registration list as it stands (`RegistrationFormMixin.list_state`)."""

    free: int | None  # Places still free; None when unlimited.
    waiting: int
    expired: int  # Places held past their deadline (`release_expired_holds`).
    registered: bool  # Whether the address asked about is on the list (`active`).


class ListCounts(NamedTuple):
    """The registrations of one status on a list (`Registration.list_counts`)."""

    total: int
    held: int  # Holding a place until later.
    ran_out: int  # Held past their deadline.
    theirs: int  # The address asked about's.


# Written out rather than built with the ORM: every registration reads it under the list's
# lock, and building the same query costs seven times the CPU of running it (0.75 ms to 0.1).
LIST_COUNTS_SQL = """
    SELECT status, COUNT(*),
        SUM(CASE WHEN hold_until > %s THEN 1 ELSE 0 END),
        SUM(CASE WHEN hold_until <= %s THEN 1 ELSE 0 END),
        SUM(CASE WHEN email = %s THEN 1 ELSE 0 END)
    FROM registrations_registration WHERE translation_key = %s GROUP BY status
"""


def uuid_param(value, connection):
    """A UUID (a translation key) as a written-out query's parameter: SQLite keeps it as text."""
    return models.UUIDField().get_db_prep_value(value, connection)


class RegistrationList(models.Model):
    """One row per page and its translations, locked while a registration is decided.

    `select_for_update` on this row serialises concurrent registrations for one list on
    PostgreSQL; on SQLite the IMMEDIATE transaction mode (see settings) does the same.
    """

    translation_key = models.UUIDField(unique=True, editable=False)
    # Places allocated by lot (see RegistrationFormMixin.draw_lots): when, and the seed that
    # ordered the applicants, so that anyone can replay the draw.
    drawn_at = models.DateTimeField(null=True, blank=True, verbose_name=_("drawn at"))
    draw_seed = models.BigIntegerField(null=True, blank=True, verbose_name=_("draw seed"))

    class Meta:
        verbose_name = _("registration list")

    def __str__(self):
        return str(self.translation_key)

    @classmethod
    def lock(cls, translation_key, purge=True):
        """Take the list's lock until the end of the current transaction. Whoever takes it may
        change the places left: the pages showing them are purged from the shared caches once
        the transaction commits. Without `purge`, the caller calls `places_changed` itself
        when they change."""
        if purge:
            places_changed(translation_key)
        connection = connections[router.db_for_write(cls)]
        # Written out, as every registration takes it (see LIST_COUNTS_SQL).
        sql = "SELECT * FROM registrations_registrationlist WHERE translation_key = %s"
        if connection.features.has_select_for_update:
            sql += " FOR UPDATE"
        key = uuid_param(translation_key, connection)
        for locked in cls.objects.raw(sql, [key], using=connection.alias):
            return locked
        # The list's first registration.
        cls.objects.get_or_create(translation_key=translation_key)
        return cls.objects.select_for_update().get(translation_key=translation_key)


class RegistrationQuerySet(models.QuerySet):
    def for_page(self, page):
        """The registrations of a page and of all its translations."""
        return self.filter(translation_key=page.translation_key)

    def active(self):
        return self.exclude(status__in=Registration.INACTIVE)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def holding_places(self, now=None):
        """Confirmed, or waiting for their address to be confirmed while their hold lasts."""
        return self.filter(
            Q(status=Registration.Status.CONFIRMED)
            | Q(status=Registration.Status.PENDING, hold_until__gt=now or timezone.now())
        )

    def count_per_page(self):
        """How many of these are on the list of the outer query's page: an expression for
        annotating a listing of pages in the same query."""
        counted = (
            self.filter(translation_key=OuterRef("translation_key"))
            .order_by()
            .values("translation_key")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return Coalesce(Subquery(counted), 0)

    def expired_holds(self, now=None):
        """Places held for an address nobody confirmed in time."""
        return self.filter(
            status=Registration.Status.PENDING, hold_until__lte=now or timezone.now()
        )

    def waiting(self):
        """The waiting list, first in line first: in draw order after a draw."""
        return self.filter(status=Registration.Status.WAITING).order_by(
            F("draw_rank").asc(nulls_last=True), "pk"
        )


class Registration(AbstractFormSubmission):
    """One person registered on one page (and its translations).

    `form_data` holds the answers to the editor-built fields only; the fields every form has are
    columns. `submit_time` is when the registration was made.
    """

    class Status(models.TextChoices):
        PENDING = "pending_confirmation", _("email to confirm")
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("waiting list")
        CANCELLED = "cancelled", _("cancelled")
        NOT_ELIGIBLE = "not_eligible", _("refused: training required first")
        APPLIED = "applied", _("applied for the draw")

    # Rows that hold nothing: the address may register again.
    INACTIVE = [Status.CANCELLED, Status.NOT_ELIGIBLE]

    translation_key = models.UUIDField(
        editable=False, help_text=_("Shared by the page’s translations: one list, one capacity.")
    )
    first_name = models.CharField(max_length=100, verbose_name=_("first name"))
    last_name = models.CharField(max_length=100, verbose_name=_("last name"))
    email = models.EmailField(verbose_name=_("email"), help_text=_("Stored in lower case."))
    date_of_birth = models.DateField(null=True, blank=True, verbose_name=_("date of birth"))
    parent_name = models.CharField(
        max_length=200, blank=True, verbose_name=_("parent or guardian’s name")
    )
    parent_email = models.EmailField(blank=True, verbose_name=_("parent or guardian’s email"))
    parent_consent = models.BooleanField(
        default=False,
        verbose_name=_("parent or guardian’s consent"),
        help_text=_("Given by the parent through the link emailed to them, never by the child."),
    )
    parent_answered_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("parent or guardian answered at")
    )
    accessibility_needs = models.JSONField(
        default=list, blank=True, verbose_name=_("accessibility needs")
    )
    accessibility_details = models.CharField(
        max_length=500, blank=True, verbose_name=_("accessibility details")
    )
    status = models.CharField(
        max_length=24, choices=Status.choices, default=Status.PENDING, verbose_name=_("status")
    )
    confirmed_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("confirmed at"),
        help_text=_(
            "When the email address was confirmed (or the place given, if it was already)."
        ),
    )
    hold_until = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("place held until"),
        help_text=_("A place waits this long for its email address to be confirmed."),
    )
    cancelled_at = models.DateTimeField(null=True, blank=True, verbose_name=_("cancelled at"))
    profile = models.JSONField(
        default=dict,
        blank=True,
        verbose_name=_("volunteer profile"),
        help_text=_(
            "Joining the Volontaires de Paris: communities of interest, arrondissements, "
            "availability, crisis alerts."
        ),
    )
    text_version = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name=_("version signed"),
        help_text=_("For a charter: the version of its text the person agreed to."),
    )
    text_version_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("version agreed to at")
    )
    invited_version = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name=_("invited to accept version"),
        help_text=_("The latest version of the charter this signatory was invited to accept."),
    )
    draw_rank = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("rank in the draw"),
        help_text=_("Places allocated by lot: 1 was drawn first."),
    )
    provisional = models.BooleanField(
        default=False,
        verbose_name=_("provisional"),
        help_text=_(
            "Registered before attending the training this requires: the place is released if "
            "the person is not marked present at it."
        ),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # The same person registers once per page and its translations; cancelling (or a
            # refusal) frees the address to register again.
            models.UniqueConstraint(
                fields=["translation_key", "email"],
                condition=~Q(status__in=["cancelled", "not_eligible"]),
                name="registration_once_per_email",
            )
        ]
        indexes = [models.Index(fields=["translation_key", "status"])]

    def __str__(self):
        return f"{self.first_name} {self.last_name} <{self.email}>"

    @classmethod
    def list_counts(cls, translation_key, now, email=None):
        """{status: `ListCounts`} of one list at `now`, counting `email`'s registrations."""
        connection = connections[router.db_for_read(cls)]
        moment = connection.ops.adapt_datetimefield_value(now)
        with connection.cursor() as cursor:
            cursor.execute(
                LIST_COUNTS_SQL, [moment, moment, email, uuid_param(translation_key, connection)]
            )
            return {status: ListCounts(*counts) for status, *counts in cursor.fetchall()}

    @property
    def accessibility_needs_labels(self):
        """The needs ticked, in words."""
        labels = dict(AccessibilityNeed.choices)
        return ", ".join(str(labels.get(need, need)) for need in self.accessibility_needs)

    @property
    def accessibility_needs_text(self):
        """The needs ticked, in words, then what the person wrote: "" when none."""
        parts = (self.accessibility_needs_labels, self.accessibility_details)
        return " — ".join(part for part in parts if part)

    def get_data(self):
        return {
            **self.form_data,
            "submit_time": self.submit_time,
            "language": self.page.locale.language_code,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "status": self.get_status_display(),
            "date_of_birth": self.date_of_birth,
            "parent_name": self.parent_name,
            "parent_email": self.parent_email,
            "parent_consent": self.parent_consent if self.date_of_birth else None,
            "accessibility_needs": self.accessibility_needs_labels,
            "accessibility_details": self.accessibility_details,
            "training": _("provisional") if self.provisional else _("done"),
        }

    @property
    def waiting_position(self):
        """1 for the first in line; None when not on the waiting list."""
        if self.status != self.Status.WAITING:
            return None
        ahead = Registration.objects.filter(
            translation_key=self.translation_key, status=self.Status.WAITING
        )
        if self.draw_rank is not None:
            ahead = ahead.filter(draw_rank__lt=self.draw_rank)
        else:
            ahead = ahead.filter(pk__lt=self.pk)
        return ahead.count() + 1

    def confirm(self):
        """The email address is proven: a pending registration counts, a held place becomes
        the person's, a place given later from the waiting list needs no confirming again.
        True if it changed; False too when the hold ran out and the place went to others."""
        now = timezone.now()
        registrations = Registration.objects.filter(pk=self.pk, confirmed_at__isnull=True)
        if self.status == self.Status.WAITING:
            changed = registrations.filter(status=self.Status.WAITING).update(confirmed_at=now)
        else:
            changed = (
                registrations.filter(status=self.Status.PENDING)
                .filter(Q(hold_until__isnull=True) | Q(hold_until__gt=now))
                .update(status=self.Status.CONFIRMED, confirmed_at=now, hold_until=None)
            )
            if changed:
                self.status, self.hold_until = self.Status.CONFIRMED, None
                # Counted now (a charter's signatories, a community's members): purged.
                places_changed(self.translation_key)
        if changed:
            self.confirmed_at = now
        return bool(changed)

    @property
    def awaits_parent(self):
        """A child's registration (under 15) that their parent has not answered yet: it does
        not count, and only the parent's link can make it count."""
        return (
            bool(self.parent_email)
            and self.parent_answered_at is None
            and (self.status in (self.Status.PENDING, self.Status.WAITING))
        )

    def parent_agrees(self):
        """The parent's agreement, as `confirm` does for an address; the child is told."""
        with transaction.atomic():
            RegistrationList.lock(self.translation_key)
            self.refresh_from_db()
            if not self.awaits_parent:
                return False
            self.parent_consent, self.parent_answered_at = True, timezone.now()
            self.save(update_fields=["parent_consent", "parent_answered_at"])
            counted = self.confirm()
            if counted:
                queue_emails([self], EmailDelivery.Kind.PARENT_AGREED)
            return counted

    def parent_refuses(self):
        """The registration is cancelled and the child told; a place goes to the waiting
        list."""
        if not self.awaits_parent:
            return False
        Registration.objects.filter(pk=self.pk).update(parent_answered_at=timezone.now())
        self.parent_answered_at = timezone.now()
        return self.cancel(email_kind=EmailDelivery.Kind.PARENT_REFUSED) is not None

    def accept_version(self, version):
        """The person agrees to `version` of the text (a charter's new version); True if it
        changed anything."""
        if self.status != self.Status.CONFIRMED or (self.text_version or 0) >= version:
            return False
        self.text_version, self.text_version_at = version, timezone.now()
        self.save(update_fields=["text_version", "text_version_at"])
        return True

    @property
    def hold_expired(self):
        return (
            self.status == self.Status.PENDING
            and self.hold_until is not None
            and self.hold_until <= timezone.now()
        )

    def register_again(self, page):
        """The same address registered again on `page`, in either language: the person lost our
        email, or let its confirmation link expire.

        Their emails now follow that page's language, and the registration's email goes again
        with fresh links, unless an email went to them less than RESEND_INTERVAL ago. Called
        under the list's lock, so two submissions at once send one email.
        """
        if self.page_id != page.pk:
            self.page = page
            self.save(update_fields=["page"])
        recent = self.email_deliveries.exclude(kind=EmailDelivery.Kind.NOTIFICATION).filter(
            created_at__gt=timezone.now() - RESEND_INTERVAL
        )
        if not recent.exists():
            queue_email_again(self)

    def cancel(self, by_staff=False, email_kind=None):
        """Cancel, and give a freed place to the waiting list (whoever gets it is emailed).

        Cancelled `by_staff`, the person is emailed too: they did not see it happen; so with
        `email_kind` (a provisional place released, say), the email saying why.
        Returns the registrations promoted from the waiting list, or None when it was already
        cancelled (by someone else a moment ago, the lock tells): nothing changed.
        """
        with transaction.atomic():
            RegistrationList.lock(self.translation_key)
            self.refresh_from_db(fields=["status"])
            if self.status == self.Status.CANCELLED:
                return None
            self.status, self.cancelled_at = self.Status.CANCELLED, timezone.now()
            self.save(update_fields=["status", "cancelled_at"])
            if by_staff:
                email_kind = EmailDelivery.Kind.CANCELLED_BY_STAFF
            if email_kind:
                queue_emails([self], email_kind)
            return self.page.specific.give_free_places()


class RoutableRegistrationPageMixin(RoutablePageMixin):
    """Wagtail's RoutablePageMixin for page types with extra routes (an event's .ics file): the
    page's own address still serves and receives its registration form."""

    @path("")
    def index_route(self, request, *args, **kwargs):
        from .views import serve_registration_page

        return serve_registration_page(self, request, *args, **kwargs)

    def get_cached_paths(self):
        """The page and its feeds (routes without parameters), for the caches to purge."""
        paths = []
        for pattern in self.get_subpage_urls():
            if not pattern.pattern.converters:
                paths.append("/" + self.reverse_subpage(pattern.name))
        return paths


class RegistrationPagePermissionTester(PagePermissionTester):
    """Wagtail's, except that deleting a page deletes the registrations taken on it and on the
    pages below it: only those who may delete registrations (Communication) may then do it.
    Wagtail lets anyone who edits a page delete it once it is unpublished, an expired event
    for instance."""

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and (
            self.user.has_perm("registrations.delete_registration")
            or not Registration.objects.filter(page__path__startswith=self.page.path).exists()
        )

    def can_move(self):
        # Moving keeps the registrations: Wagtail's own rule, which is its deletion rule.
        return super().can_delete(ignore_bulk=True)


class RegistrationFormMixin(FormMixin, models.Model):
    """What makes a page carry a registration form. Mixed into `home.models.BasePage`."""

    registration_enabled = models.BooleanField(
        default=True,
        verbose_name=_("registration form"),
        help_text=_("Show a registration form at the bottom of this page."),
    )
    registration_intro = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        verbose_name=_("form introduction"),
        help_text=_("What registering here means, shown above the form."),
    )
    registration_thank_you = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        verbose_name=_("thank-you text"),
        help_text=_("Shown once someone has registered, with what happens next."),
    )
    notify_email = models.EmailField(
        blank=True,
        verbose_name=_("notify this address"),
        help_text=_(
            "An institutional address told of each new registration; leave blank for none."
        ),
    )
    ask_date_of_birth = models.BooleanField(
        default=False,
        verbose_name=_("ask the date of birth"),
        help_text=_(
            "For audiences that include children: under 15, a parent’s name, email and consent "
            "are then required."
        ),
    )
    ask_accessibility_needs = models.BooleanField(
        default=True,
        verbose_name=_("ask about accessibility needs"),
        help_text=_("Wheelchair access, sign-language interpreter, easy-to-read documents…"),
    )

    # What registering here does, which the form, its consent and the passport say: a place
    # ("place", events), joining a community ("membership"), signing a charter ("signature"),
    # applying for the Carte Citoyenne ("application"), or, on every other page, joining the
    # Volontaires de Paris ("volunteer").
    registration_purpose = "volunteer"
    # The names of the questions about the person a page asks besides the usual ones (a
    # volunteer profile), stored in `Registration.profile`; their fields come from
    # `registration_profile_fields`.
    registration_profile = ()

    # Every registration counts once its email address is confirmed (an event's place is held
    # meanwhile). A charter overrides this to show its number of confirmed signatories.
    registration_shows_count = False

    base_form_class = RegistrationPageAdminForm
    form_builder = RegistrationFormBuilder

    registration_panels = [
        RegistrationCountPanel(),
        FieldPanel("registration_enabled"),
        FieldPanel("registration_intro"),
        MultiFieldPanel(
            [FieldPanel("ask_date_of_birth"), FieldPanel("ask_accessibility_needs")],
            heading=_("Questions always asked: name, email, consent"),
        ),
        InlinePanel("form_fields", heading=_("Extra questions"), label=_("Question")),
        FieldPanel("registration_thank_you"),
        FieldPanel("notify_email"),
    ]

    class Meta:
        abstract = True

    @classproperty
    def edit_handler(cls):  # noqa: N805 - a class property
        """Wagtail's usual tabs plus a "Registration form" tab, for every page type."""
        tabs = [
            ObjectList(cls.content_panels, heading=_("Content")),
            ObjectList(cls.registration_panels, heading=_("Registration form")),
            ObjectList(cls.promote_panels, heading=_("Promote")),
            ObjectList(cls.settings_panels, heading=_("Settings")),
        ]
        return TabbedInterface(tabs, base_form_class=cls.base_form_class)

    # Places and dates. Pages without places (everything but events) are always open.

    @property
    def registration_capacity(self):
        """Number of places, or None when unlimited."""
        return None

    @property
    def registration_waiting_list(self):
        return False

    # Page types that count places (events) set this: only they can have people waiting, even
    # once their limit is lifted or their waiting list switched off.
    has_places = False

    @property
    def is_past(self):
        """Whether what people registered for is over (an event that has ended): its
        registrations are a record, no longer cancelled by staff."""
        return False

    @classmethod
    def ended_before(cls, moment):
        """Pages of this type whose occasion ended before `moment` (their registrations are
        kept from then on), or None when the type has no end date."""
        return None

    def registration_details(self):
        """What a registration's emails say of what it is for (when, where), or None."""
        return None

    def registration_calendar(self, registration, *, url, domain, description=""):
        """The .ics file of one person's registration, or None when there is no date."""
        return None

    # Whether registering requires something first (a mission's training): staff then see who
    # is provisional.
    has_prerequisite = False

    def registration_profile_fields(self):
        """The form fields of `registration_profile`, by name."""
        return {}

    # Whether places are allocated by lot when applications close (`draw_lots`), rather than
    # first come, first served.
    registration_by_draw = False
    # When the draw takes place (when applications close), where places are drawn.
    registration_draw_date = None

    def registration_text_version(self):
        """The version of the text registering agrees to (a charter's), or None."""
        return None

    def registration_eligibility(self, email):
        """Whether `email` meets what this page requires first (an `Eligibility`), or None
        when it requires nothing."""
        return None

    def registration_prerequisite(self):
        """What this page requires first, for its form and emails: {"name": …, "sessions":
        [pages with places left, soonest first]}, or None."""
        return None

    def registration_window(self, now=None):
        """(Window, opening datetime or None)."""
        return Window.OPEN, None

    def read_list_settings(self):
        """Read from the database, under the list's lock, what decides the places and dates
        (an event's); nothing here."""

    def waiting_list_moves(self):
        """Whether a freed place still goes to the waiting list (not once an event has started)."""
        return True

    def confirmed_registrations_count(self):
        return Registration.objects.for_page(self).confirmed().count()

    def list_state(self, email=None):
        """The list as it stands (`ListState`), in one query; none for a page without places,
        unless asked whether `email` is on it. A place held for an address not yet confirmed
        is taken until its hold runs out."""
        if not self.has_places and email is None:
            return ListState(free=None, waiting=0, expired=0, registered=False)
        counts = Registration.list_counts(self.translation_key, timezone.now(), email)
        registered = any(
            count.theirs for status, count in counts.items() if status not in Registration.INACTIVE
        )
        if not self.has_places:
            return ListState(free=None, waiting=0, expired=0, registered=registered)
        nobody = ListCounts(0, 0, 0, 0)
        Status = Registration.Status
        pending = counts.get(Status.PENDING, nobody)
        capacity = self.registration_capacity
        taken = counts.get(Status.CONFIRMED, nobody).total + pending.held
        return ListState(
            free=None if capacity is None else max(capacity - taken, 0),
            waiting=counts.get(Status.WAITING, nobody).total,
            expired=pending.ran_out,
            registered=registered,
        )

    def places_left(self):
        """Places still free, or None when unlimited (`list_state`)."""
        if self.registration_capacity is None:
            return None
        return self.list_state().free

    def hold_deadline(self):
        """Until when a place waits for its email address to be confirmed."""
        return timezone.now() + datetime.timedelta(hours=settings.REGISTRATION_HOLD_HOURS)

    def register(self, data):
        """Store a registration from a form's cleaned data; returns what to tell the visitor:
        {"status": …, "position": …} (their place on the waiting list, or None).

        The answer is a newcomer's whether or not the address is registered here already (in
        any language): whether someone registered is theirs to know, not the visitor's. The
        registered person gets our email about it again (`Registration.register_again`).
        Raises RegistrationRefused when closed or full, for everyone alike.
        """
        with transaction.atomic():
            # Joining a waiting list, applying for a draw or registering again changes nothing
            # a page shows: the pages are purged below only when places change.
            RegistrationList.lock(self.translation_key, purge=False)
            self.read_list_settings()
            self._check_registration_window()
            free, waiting, expired, registered = self.list_state(email=data["email"])
            # Places not given out yet (a capacity raised a moment ago, a hold run out) go to
            # the waiting list first: a newcomer never overtakes it. A hold run out takes no
            # place already: releasing it changes no count above, but pages kept since counted it.
            places_moved = fullness_moved = False
            if expired:
                places_moved = fullness_moved = self.release_expired_holds() > 0
            if waiting and free != 0 and (promoted := self.give_free_places()):
                free, waiting = self.places_left(), waiting - len(promoted)
                places_moved = fullness_moved = True
            status = self._new_registration_status(free)
            existing = (
                registered
                and Registration.objects.for_page(self)
                .active()
                .filter(email=data["email"])
                .first()
            )
            eligibility = None
            if existing:
                existing.register_again(self)
            elif status is not None:
                eligibility = self.registration_eligibility(data["email"])
                if eligibility == Eligibility.MISSING:
                    self._refuse_not_eligible(data)
                else:
                    self._create_registration(
                        data, status, provisional=eligibility == Eligibility.PROVISIONAL
                    )
                    if self.has_places and status == Registration.Status.PENDING:
                        places_moved = True
                        fullness_moved |= free == 1  # The last place: now listed as full.
            if places_moved:
                places_changed(self.translation_key, listings=fullness_moved)
            # Where a newcomer stands: last in line, whether or not they were put in it (someone
            # already registered, or refused for lack of training, hears it by email only: the
            # page tells nobody what an address has done).
            position = waiting + 1 if status == Registration.Status.WAITING else None
        if status is None:
            # Full: refused once the places given to the waiting list above are saved.
            raise RegistrationRefused(_("Sorry, there are no places left."))
        return {"status": status, "position": position}

    def _refuse_not_eligible(self, data):
        """Record the refusal, which emails the address why and the next trainings; at most
        once per RESEND_INTERVAL, so that the form cannot flood someone's address."""
        recent = Registration.objects.for_page(self).filter(
            email=data["email"],
            status=Registration.Status.NOT_ELIGIBLE,
            submit_time__gt=timezone.now() - RESEND_INTERVAL,
        )
        if not recent.exists():
            self._create_registration(data, Registration.Status.NOT_ELIGIBLE)

    def _create_registration(self, data, status, provisional=False):
        editor_fields = [field.clean_name for field in self.get_form_fields()]
        # Under 15 (the form then requires a parent's address), nothing counts until the
        # parent agrees, within the time a place is held.
        child = bool(data.get("parent_email"))
        text_version = self.registration_text_version()
        registration = Registration.objects.create(
            page=self,
            translation_key=self.translation_key,
            form_data={name: data.get(name) for name in editor_fields},
            profile={name: data.get(name) for name in self.registration_profile},
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            date_of_birth=data.get("date_of_birth"),
            parent_name=data.get("parent_name", ""),
            parent_email=data.get("parent_email", ""),
            accessibility_needs=data.get("accessibility_needs", []),
            accessibility_details=data.get("accessibility_details", ""),
            status=status,
            provisional=provisional,
            text_version=text_version,
            text_version_at=timezone.now() if text_version else None,
            hold_until=(
                self.hold_deadline()
                if (self.has_places or child) and status == Registration.Status.PENDING
                else None
            ),
        )
        # Emails: outbox rows in this transaction, sent by the email worker once committed.
        queue_registration_emails(registration)
        return registration

    def _check_registration_window(self):
        window, _opens = self.registration_window()
        if window == Window.NOT_OPEN_YET:
            raise RegistrationRefused(_("Registration is not open yet."))
        if window == Window.CLOSED:
            raise RegistrationRefused(_("Registration is closed."))

    def _new_registration_status(self, free):
        """Decide under the list's lock, with `free` places left: pending (a place held until
        the address is confirmed), waiting, or None when full; applied where places are drawn
        by lot."""
        if self.registration_by_draw:
            return Registration.Status.APPLIED  # Places are drawn when applications close.
        if free == 0:
            return Registration.Status.WAITING if self.registration_waiting_list else None
        return Registration.Status.PENDING

    def draw_lots(self, seed=None):
        """Allocate the places among the applicants by lot, once: the first drawn get a place
        held until they confirm their address, the others wait in draw order, and everyone is
        emailed. The seed and the order drawn go to the page's history. Returns the applicants
        in draw order, or None when this list was drawn already."""
        with transaction.atomic():
            places = RegistrationList.lock(self.translation_key)
            if places.drawn_at is not None:
                return None
            applicants = Registration.objects.for_page(self).filter(
                status=Registration.Status.APPLIED
            )
            seed = new_seed() if seed is None else seed
            drawn = draw_order(applicants.order_by("pk"), seed)
            capacity = self.registration_capacity
            hold_until = self.hold_deadline()
            for rank, registration in enumerate(drawn, start=1):
                registration.draw_rank = rank
                if capacity is None or rank <= capacity:
                    registration.status = Registration.Status.PENDING
                    registration.hold_until = hold_until
                else:
                    registration.status = Registration.Status.WAITING
            Registration.objects.bulk_update(drawn, ["draw_rank", "status", "hold_until"])
            places.drawn_at, places.draw_seed = timezone.now(), seed
            places.save(update_fields=["drawn_at", "draw_seed"])
            winners = [r for r in drawn if r.status == Registration.Status.PENDING]
            queue_emails(winners, EmailDelivery.Kind.DRAWN)
            queue_emails(
                [r for r in drawn if r.status == Registration.Status.WAITING],
                EmailDelivery.Kind.NOT_DRAWN,
            )
            log(
                self,
                DRAW_ACTION,
                data={
                    "seed": seed,
                    "places": capacity,
                    "order": [registration.pk for registration in drawn],
                },
            )
        return drawn

    def fill_places_from_waiting_list(self):
        """Give free places to the waiting list, first in line first; returns who got one.

        Called when the capacity may have changed (publishing). Lowering the capacity takes no
        place back.
        """
        if not self.has_places:
            return []  # Nobody ever waits here.
        with transaction.atomic():
            RegistrationList.lock(self.translation_key)
            return self.give_free_places()

    def give_free_places(self):
        """`fill_places_from_waiting_list` for callers already holding the list's lock: a
        cancellation, a deletion, a new registration (a newcomer never overtakes the list)."""
        if not self.has_places or not self.waiting_list_moves():
            return []
        waiting = Registration.objects.for_page(self).waiting()
        free = self.places_left()  # None: no limit any more, everyone waiting gets in.
        promoted = list(waiting if free is None else waiting[:free])
        # Whoever confirmed their address while waiting has the place; the others have it held
        # until they confirm, as a newcomer would.
        now, hold_until = timezone.now(), self.hold_deadline()
        for registration in promoted:
            if registration.confirmed_at:
                registration.status = Registration.Status.CONFIRMED
                registration.confirmed_at = registration.confirmed_at or now
            else:
                registration.status = Registration.Status.PENDING
                registration.hold_until = hold_until
        Registration.objects.bulk_update(promoted, ["status", "confirmed_at", "hold_until"])
        queue_emails(promoted, EmailDelivery.Kind.PROMOTED)  # Each is told by email.
        return promoted

    def release_expired_holds(self):
        """Cancel the places held for addresses nobody confirmed in time, under the list's
        lock; `give_free_places` then gives them to the waiting list. Nobody is emailed: the
        address was never shown to be the person's. A child's registration waits for their
        parent's answer in the same way (on every page type); when the parent did not answer,
        the child is told."""
        expired = list(Registration.objects.for_page(self).expired_holds())
        if not expired:
            return 0
        released = Registration.objects.filter(pk__in=[r.pk for r in expired]).update(
            status=Registration.Status.CANCELLED, cancelled_at=timezone.now()
        )
        unanswered = [r for r in expired if r.parent_email and r.parent_answered_at is None]
        queue_emails(unanswered, EmailDelivery.Kind.PARENT_NO_ANSWER)
        return released

    def prepare_to_keep(self):
        """Read the form's questions and consent text once, before the page is kept with its
        route."""
        self.get_form_fields()
        self.registration_consent  # noqa: B018 - a cached property, kept with the page

    @cached_property
    def registration_consent(self):
        """The label of the form's consent box, in the request's language."""
        return consent_label(self)

    # Wagtail's form builder API.

    def get_form_fields(self):
        # Read once per page object: the form and the registration it stores both need them.
        if not hasattr(self, "_form_fields"):
            self._form_fields = list(super().get_form_fields())
        return self._form_fields

    def get_form_class(self):
        return self.form_builder(self.get_form_fields()).get_form_class()

    def get_form(self, *args, **kwargs):
        kwargs.pop("user", None)  # Reading the user would make the page vary per visitor.
        kwargs["page"] = self
        return self.get_form_class()(*args, **kwargs)

    def get_submission_class(self):
        return Registration

    def get_submissions(self):
        return Registration.objects.for_page(self).select_related("page__locale")

    def get_submissions_list_view_class(self):
        from .views import RegistrationListView

        return RegistrationListView

    def permissions_for_user(self, user):
        return RegistrationPagePermissionTester(user, self)

    def get_data_fields(self):
        fields = [
            ("submit_time", _("Registered at")),
            ("status", _("Status")),
            ("language", _("Language")),
            ("first_name", _("First name")),
            ("last_name", _("Last name")),
            ("email", _("Email")),
        ]
        if self.ask_date_of_birth:
            fields += [
                ("date_of_birth", _("Date of birth")),
                ("parent_name", _("Parent or guardian")),
                ("parent_email", _("Parent or guardian’s email")),
                ("parent_consent", _("Parent or guardian’s consent")),
            ]
        if self.has_prerequisite:
            fields.append(("training", _("Training")))
        fields += [(field.clean_name, field.label) for field in self.get_form_fields()]
        if self.ask_accessibility_needs:
            fields += [
                ("accessibility_needs", _("Accessibility needs")),
                ("accessibility_details", _("Accessibility details")),
            ]
        return fields

    # Serving: the form posts to the page's own URL.

    def serve(self, request, *args, **kwargs):
        from .views import serve_registration_page

        return serve_registration_page(self, request, *args, **kwargs)

    def get_registration_context(self, request, form=None, outcome=None):
        """What `registrations/form_section.html` needs; empty when the form is off."""
        if not self.registration_enabled:
            return {}
        window, opens_at = self.registration_window()
        return {
            "registration_form": form if form is not None else self.get_form(),
            "registration_window": window,
            "registration_opens_at": opens_at,
            "registration_places_left": self.places_left(),
            "registration_outcome": outcome,
            "registration_hold_hours": settings.REGISTRATION_HOLD_HOURS,
            "registration_confirmed_count": (
                self.confirmed_registrations_count() if self.registration_shows_count else None
            ),
            "registration_text_version": self.registration_text_version(),
        }

    def get_preview_context(self, request, mode_name):
        context = super(FormMixin, self).get_preview_context(request, mode_name)
        context.update(self.get_registration_context(request))
        return context

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        """The page with its thank-you text in place of the form (used by the preview)."""
        context = self.get_context(request)
        status = form_submission.status if form_submission else self._new_registration_status()
        outcome = {
            "status": status,
            "position": Registration.objects.for_page(self).waiting().count() + 1,
        }
        context.update(self.get_registration_context(request, outcome=outcome))
        return TemplateResponse(request, self.get_template(request), context)
