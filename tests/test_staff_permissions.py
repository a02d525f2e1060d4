"""Every role's permissions in the admin as one matrix: a member of each role types the admin's
URLs, and each capability is recorded as they see it: ALLOWED (the page opens and shows what it
is about, or the action takes effect), REFUSED (Wagtail's dashboard with its permission
message, nothing changed), or, for a report, which pages' entries it lists.

Capabilities whose every cell is proven elsewhere are not repeated: editing, publishing and
previewing pages (test_staff_roles.py, test_staff_workflow.py), the Forms section's listing and
cancelling registrations (test_staff_roles.py, test_staff_registrations.py), the dashboard
panel (test_staff_dashboard.py).
"""

import datetime
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, Site, Workflow
from wagtail_localize.models import TranslationSource

from communities.factories import PartnerAssociationFactory
from communities.models import KitPage
from events.factories import EventPageFactory
from home.factories import DocumentFactory, ImageFactory
from registrations.factories import RegistrationFactory
from registrations.views import EXPORT_REGISTRATIONS_ACTION
from staff.factories import UserFactory, coordinators_of, send_for_translation
from staff.models import Attendance
from staff.roles import APPROVAL_TASK_NAME, TRANSLATORS, WORKFLOW_NAME

ALLOWED, REFUSED = "allowed", "refused"
# The matrix's columns: the fixtures giving one member of each role, and a superuser, who may do
# everything: their column shows that each probe can see an allowed capability.
ROLES = ["communication", "rescue_coordinator", "translator", "admin_user"]
# In a report's cells: the Paris qui Sauve page, the Volontaires du Climat page, the English page.
RESCUE, CLIMATE, ENGLISH = "Paris qui Sauve", "Volontaires du Climat", "English"
# In a library's cells: what the user uploaded, what someone else did.
OWN_UPLOAD, OTHERS_UPLOAD = "their own upload", "someone else's"

MATRIX = {}


def capability(name, communication, coordinator, translator, superuser):
    """Add a row to the matrix: the probe records what a user sees; the cells, what each role
    should see, in the order of ROLES."""

    def add_row(probe):
        MATRIX[name] = (probe, [communication, coordinator, translator, superuser])
        return probe

    return add_row


@dataclass
class Visit:
    """A staff member at the admin: their browser, the site, and who they are."""

    client: Client
    user: Any
    site: dict
    run_on_commit: Any
    uploads: dict = field(default_factory=dict)

    def own(self, factory):
        """An image or a document (as `factory` makes) this user uploaded."""
        if factory not in self.uploads:
            title = f"Envoi de {self.user.get_username()}"
            self.uploads[factory] = factory(title=title, uploaded_by_user=self.user)
        return self.uploads[factory]


def refusal_message():
    with translation.override("fr"):  # The admin's language.
        return escape(gettext("Sorry, you do not have permission to access this area."))


def content(response):
    streaming = getattr(response, "streaming_content", None)
    return (b"".join(streaming) if streaming is not None else response.content).decode()


def refused(response):
    """Wagtail refuses by sending back to the dashboard with its message, or with a 403."""
    if response.status_code == 403:
        return True
    back_home = response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    return back_home and refusal_message() in content(response)


def unexpected(response):
    return f"HTTP {response.status_code} after {response.redirect_chain}"


def opens(visit, url, shows):
    """ALLOWED when the page opens showing `shows`, REFUSED when Wagtail refuses."""
    response = visit.client.get(url, follow=True)
    if refused(response):
        return REFUSED
    if response.status_code == 200 and not response.redirect_chain:
        return ALLOWED if shows in content(response) else f"opens without {shows!r}"
    return unexpected(response)


def acts(response, done):
    """ALLOWED when the action took effect, REFUSED when Wagtail refused and nothing changed."""
    if refused(response):
        return REFUSED if not done else "refused, yet done"
    return ALLOWED if done else unexpected(response)


def lists(visit, url, entries):
    """Which of `entries` ({cell value: text of its entry}) the page lists, or REFUSED."""
    response = visit.client.get(url, follow=True)
    if refused(response):
        return REFUSED
    if response.status_code != 200 or response.redirect_chain:
        return unexpected(response)
    page = content(response)
    return {cell for cell, text in entries.items() if text in page}


def history_message(entry):
    with translation.override("fr"):
        return PageLogEntry.objects.get(pk=entry.pk).message  # Fresh: messages are cached.


@pytest.fixture
def site(staff_site, locale_en):
    """`staff_site` with what the admin's sections hold: an image, a document, a partner
    association and a redirect added by someone else; registrations on the rescue event and its
    English draft; an export of each event's registrations in the site history; the climate event
    sent for translation; a change to a kit of each community waiting for review; a page
    locked."""
    site = {**staff_site}
    site["image"] = ImageFactory(title="Plan du Forum")
    site["document"] = DocumentFactory(title="Programme du Forum")
    site["association"] = PartnerAssociationFactory(name="Protection civile de Paris")
    Redirect.objects.create(old_path="/ancien-forum", redirect_page=site["rescue_event"])
    site["alice"] = RegistrationFactory(
        page=site["rescue_event"], first_name="Alice", last_name="Aubert"
    )
    site["bruno"] = RegistrationFactory(
        page=site["rescue_event_en"], first_name="Bruno", last_name="Bernard"
    )

    # The history's message of each: "1 inscription exportée en CSV", "2 inscriptions…".
    site["exports"] = {}
    events = [(RESCUE, "rescue_event"), (CLIMATE, "climate_event"), (ENGLISH, "rescue_event_en")]
    for count, (cell, event) in enumerate(events, start=1):
        data = {"format": "csv", "registrations": count}
        site["exports"][cell] = history_message(
            log(site[event], EXPORT_REGISTRATIONS_ACTION, data=data)
        )

    # Sent for translation too: the translations report lists both communities' events.
    send_for_translation(site["climate_event"], locale_en)

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    site["in_review"], site["authors"] = {}, {}
    for cell, community, kit in [
        (RESCUE, "rescue", "rescue_kit"),
        (CLIMATE, "climate", "climate_kit"),
    ]:
        author = UserFactory(groups=[coordinators_of(site[community])])
        page = site[kit]
        page.title = f"{page.title} (2e édition)"
        page.save_revision(user=author)
        workflow.start(page, author)
        site["in_review"][cell], site["authors"][cell] = page.title, author
    # Published long ago: the aging pages report lists them, by their latest title.
    Page.objects.filter(pk__in=[site["rescue_kit"].pk, site["climate_kit"].pk]).update(
        last_published_at=timezone.now() - datetime.timedelta(days=400)
    )
    site["climate_event"].locked = True
    site["climate_event"].save(update_fields=["locked"])
    return site


@pytest.mark.parametrize("role", ROLES)
def test_what_each_role_may_do_in_the_admin(
    role, site, client, request, django_capture_on_commit_callbacks
):
    user = request.getfixturevalue(role)
    client.force_login(user)
    visit = Visit(client, user, site, django_capture_on_commit_callbacks)
    column = ROLES.index(role)

    seen = {name: probe(visit) for name, (probe, _cells) in MATRIX.items()}

    assert seen == {name: cells[column] for name, (_probe, cells) in MATRIX.items()}


# Pages: editing and publishing are in test_staff_roles.py; browsing the tree is here.


def explores(visit, page, shows):
    """ALLOWED when the explorer lists `page`'s children (`shows`, one of them); those who may
    not browse there are sent, without a message, to the top of their own part of the tree."""
    response = visit.client.get(reverse("wagtailadmin_explore", args=[page.pk]), follow=True)
    if not response.redirect_chain:
        return ALLOWED if shows in content(response) else f"opens without {shows!r}"
    [(url, _status)] = response.redirect_chain
    top = Page.objects.get(pk=resolve(url).kwargs["parent_page_id"])
    return f"sent to {top.title} ({top.locale.language_code})"


@capability(
    "Page explorer: browse a Volontaires du Climat page",
    ALLOWED,
    "sent to Paris qui Sauve (fr)",
    "sent to Volontaires de Paris (en)",
    ALLOWED,
)
def explore_climate(visit):
    return explores(visit, visit.site["climate"], visit.site["climate_kit"].title)


@capability(
    "Page explorer: browse an English page",
    ALLOWED,
    "sent to Paris qui Sauve (fr)",
    ALLOWED,
    ALLOWED,
)
def explore_english(visit):
    return explores(visit, visit.site["rescue_en"], visit.site["rescue_event_en"].title)


# Settings, snippets, redirects


@capability("Site settings: open them to edit", ALLOWED, REFUSED, REFUSED, ALLOWED)
def site_settings(visit):
    site_id = Site.objects.get(is_default_site=True).pk
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site_id])
    return opens(visit, url, 'name="press_email"')


@capability("Partner associations (snippets): list", ALLOWED, REFUSED, REFUSED, ALLOWED)
def partner_associations(visit):
    url = reverse("wagtailsnippets_communities_partnerassociation:list")
    return opens(visit, url, "Protection civile de Paris")


@capability("Partner associations (snippets): edit one", ALLOWED, REFUSED, REFUSED, ALLOWED)
def partner_association(visit):
    url = reverse(
        "wagtailsnippets_communities_partnerassociation:edit",
        args=[visit.site["association"].pk],
    )
    return opens(visit, url, 'value="Protection civile de Paris"')


@capability("Redirects: list", ALLOWED, REFUSED, REFUSED, ALLOWED)
def redirects(visit):
    return opens(visit, reverse("wagtailredirects:index"), "/ancien-forum")


# Images and documents, under the same collection permissions: coordinators upload and choose
# any (to put it in their pages), and change only what they uploaded themselves.

EVERY_UPLOAD = {OWN_UPLOAD, OTHERS_UPLOAD}


def library_rows(kind, app, factory, others):
    """The same rows for both libraries: `app` names their URLs, `others` the site's upload by
    someone else."""

    def titles(visit):
        return {OWN_UPLOAD: visit.own(factory).title, OTHERS_UPLOAD: visit.site[others].title}

    def edits(visit, upload):
        url = reverse(f"{app}:edit", args=[upload.pk])
        return opens(visit, url, f'value="{upload.title}"')

    @capability(f"{kind}: library lists", EVERY_UPLOAD, {OWN_UPLOAD}, REFUSED, EVERY_UPLOAD)
    def library(visit):
        return lists(visit, reverse(f"{app}:index"), titles(visit))

    @capability(f"{kind}: upload", ALLOWED, ALLOWED, REFUSED, ALLOWED)
    def upload(visit):
        return opens(visit, reverse(f"{app}:add"), 'name="file"')

    @capability(
        f"{kind}: chooser (to put one in a page) lists",
        EVERY_UPLOAD,
        EVERY_UPLOAD,
        set(),
        EVERY_UPLOAD,
    )
    def chooser(visit):
        return lists(visit, reverse(f"{app}_chooser:choose"), titles(visit))

    @capability(f"{kind}: edit their own upload", ALLOWED, ALLOWED, REFUSED, ALLOWED)
    def edit_own(visit):
        return edits(visit, visit.own(factory))

    @capability(f"{kind}: edit someone else's", ALLOWED, REFUSED, REFUSED, ALLOWED)
    def edit_others(visit):
        return edits(visit, visit.site[others])

    @capability(f"{kind}: delete someone else's", ALLOWED, REFUSED, REFUSED, ALLOWED)
    def delete_others(visit):
        upload = visit.site[others]
        return opens(visit, reverse(f"{app}:delete", args=[upload.pk]), upload.title)


library_rows("Images", "wagtailimages", ImageFactory, others="image")
library_rows("Documents", "wagtaildocs", DocumentFactory, others="document")


# Registrations and personal data


@capability("Personal data tool (RGPD export and erase)", ALLOWED, REFUSED, REFUSED, ALLOWED)
def personal_data(visit):
    return opens(visit, reverse("registrations_personal_data"), 'name="email"')


def english_submissions_url(visit, view="wagtailforms:list_submissions"):
    return reverse(view, args=[visit.site["rescue_event_en"].pk])


@capability("Registrations of an English page: CSV export", ALLOWED, REFUSED, REFUSED, ALLOWED)
def export_english_registrations(visit):
    url = english_submissions_url(visit) + "?export=csv"
    return opens(visit, url, visit.site["bruno"].email)


@capability(
    "Registrations of an English page: delete selected", ALLOWED, REFUSED, REFUSED, ALLOWED
)
def delete_english_registrations(visit):
    selected = urlencode({"selected-submissions": visit.site["bruno"].pk})
    url = english_submissions_url(visit, "wagtailforms:delete_submissions")
    return opens(visit, f"{url}?{selected}", "Bruno Bernard")


def attendance_url(visit):
    return reverse("staff_attendance", args=[visit.site["rescue_event"].pk])


@capability("Attendance list of a Paris qui Sauve event: open", ALLOWED, ALLOWED, REFUSED, ALLOWED)
def attendance_list(visit):
    alice = visit.site["alice"]
    return opens(visit, attendance_url(visit), f"{alice.last_name} {alice.first_name}")


@capability(
    "Attendance list of a Paris qui Sauve event: mark who came", ALLOWED, ALLOWED, REFUSED, ALLOWED
)
def mark_attendance(visit):
    alice = visit.site["alice"]
    response = visit.client.post(attendance_url(visit), {"attended": [alice.pk]}, follow=True)
    return acts(response, Attendance.objects.filter(registration=alice, attended=True).exists())


# Review and translation


@capability("Approve a change waiting for review", ALLOWED, REFUSED, REFUSED, ALLOWED)
def approve(visit):
    kit = visit.site["rescue_kit"]
    task_state = kit.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[kit.pk, "approve", task_state.pk])
    response = visit.client.post(url, {"comment": "Relu, merci."}, follow=True)
    kit.refresh_from_db()
    return acts(response, kit.title == visit.site["in_review"][RESCUE])


@capability("Send a French page for translation", ALLOWED, REFUSED, REFUSED, ALLOWED)
def send_a_page_for_translation(visit):
    url = reverse("wagtail_localize:submit_page_translation", args=[visit.site["climate"].pk])
    return opens(visit, url, 'name="locales"')


@capability(
    "Sync a page's translations and publish them immediately", ALLOWED, REFUSED, REFUSED, ALLOWED
)
def sync_and_publish(visit):
    source = TranslationSource.objects.get_for_instance(visit.site["rescue_event"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with visit.run_on_commit(execute=True):
        response = visit.client.post(url, {"publish_translations": "on"}, follow=True)
    english = visit.site["rescue_event_en"]
    english.refresh_from_db()
    return acts(response, english.live)


# Reports and histories. The workflow reports list the pages the user may edit, aging pages
# those they may publish, the site history those they may browse (a coordinator's community and
# the pages above it); page types usage and wagtail-localize's translations report list all.


@capability(
    "Reports › Site history: registration exports listed",
    {RESCUE, CLIMATE, ENGLISH},
    {RESCUE},
    {ENGLISH},
    {RESCUE, CLIMATE, ENGLISH},
)
def site_history(visit):
    return lists(visit, reverse("wagtailadmin_reports:site_history"), visit.site["exports"])


@capability("History of a Volontaires du Climat page", ALLOWED, REFUSED, REFUSED, ALLOWED)
def climate_page_history(visit):
    url = reverse("wagtailadmin_pages:history", args=[visit.site["climate_event"].pk])
    return opens(visit, url, visit.site["exports"][CLIMATE])


@capability("History of an English page", ALLOWED, REFUSED, ALLOWED, ALLOWED)
def english_page_history(visit):
    url = reverse("wagtailadmin_pages:history", args=[visit.site["rescue_event_en"].pk])
    return opens(visit, url, visit.site["exports"][ENGLISH])


@capability(
    "Reports › Workflows: pages in review listed",
    {RESCUE, CLIMATE},
    {RESCUE},
    set(),
    {RESCUE, CLIMATE},
)
def workflows_report(visit):
    return lists(visit, reverse("wagtailadmin_reports:workflow"), visit.site["in_review"])


@capability(
    "Reports › Workflow tasks: pages in review listed",
    {RESCUE, CLIMATE},
    {RESCUE},
    set(),
    {RESCUE, CLIMATE},
)
def workflow_tasks_report(visit):
    return lists(visit, reverse("wagtailadmin_reports:workflow_tasks"), visit.site["in_review"])


@capability(
    "Reports › Aging pages: pages listed (those they may publish)",
    {RESCUE, CLIMATE},
    set(),
    set(),
    {RESCUE, CLIMATE},
)
def aging_pages_report(visit):
    return lists(visit, reverse("wagtailadmin_reports:aging_pages"), visit.site["in_review"])


@capability("Reports › Locked pages", ALLOWED, REFUSED, REFUSED, ALLOWED)
def locked_pages_report(visit):
    url = reverse("wagtailadmin_reports:locked_pages")
    return opens(visit, url, visit.site["climate_event"].title)


@capability(
    "Reports › Page types usage (counts of the whole site)", ALLOWED, ALLOWED, ALLOWED, ALLOWED
)
def page_types_report(visit):
    url = reverse("wagtailadmin_reports:page_types_usage")
    with translation.override("fr"):
        kit = str(KitPage._meta.verbose_name)
    return opens(visit, url, kit)


@capability(
    "Reports › Translations (wagtail-localize): events listed",
    {RESCUE, CLIMATE},
    {RESCUE, CLIMATE},
    {RESCUE, CLIMATE},
    {RESCUE, CLIMATE},
)
def translations_report(visit):
    events = {
        RESCUE: visit.site["rescue_event"].title,
        CLIMATE: visit.site["climate_event"].title,
    }
    return lists(visit, reverse("wagtail_localize:translations_report"), events)


# Administration: superusers only.


@capability("Users", REFUSED, REFUSED, REFUSED, ALLOWED)
def users(visit):
    author = visit.site["authors"][CLIMATE]
    return opens(visit, reverse("wagtailusers_users:index"), author.get_username())


@capability("Groups", REFUSED, REFUSED, REFUSED, ALLOWED)
def groups(visit):
    return opens(visit, reverse("wagtailusers_groups:index"), TRANSLATORS)


@capability("Workflows: edit them", REFUSED, REFUSED, REFUSED, ALLOWED)
def workflows(visit):
    return opens(visit, reverse("wagtailadmin_workflows:index"), WORKFLOW_NAME)


@capability("Workflow tasks: edit them", REFUSED, REFUSED, REFUSED, ALLOWED)
def workflow_tasks(visit):
    return opens(visit, reverse("wagtailadmin_workflows:task_index"), APPROVAL_TASK_NAME)


# Deleting pages, last as each probe deletes a page of its own. Wagtail lets whoever edits a page
# delete it once unpublished (an expired event, say): its registrations would go with it.


def unpublished_event(visit, registered):
    title = f"Atelier terminé ({'avec' if registered else 'sans'} inscriptions)"
    event = EventPageFactory(parent=visit.site["rescue"], title=title, live=False)
    if registered:
        RegistrationFactory(page=event)
    return event


def english_draft(visit, registered):
    title = f"Atelier à traduire ({'avec' if registered else 'sans'} inscriptions)"
    event = EventPageFactory(parent=visit.site["rescue"], title=title)
    english_locale = visit.site["home_en"].locale
    send_for_translation(event, english_locale)
    draft = event.get_translation(english_locale)
    if registered:
        RegistrationFactory(page=draft)
    return draft


def deletes(visit, page):
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    response = visit.client.post(url, follow=True)
    return acts(response, not Page.objects.filter(pk=page.pk).exists())


@capability(
    "Delete an unpublished Paris qui Sauve event holding registrations",
    ALLOWED,
    REFUSED,
    REFUSED,
    ALLOWED,
)
def delete_event_with_registrations(visit):
    return deletes(visit, unpublished_event(visit, registered=True))


@capability(
    "Delete an unpublished Paris qui Sauve event without registrations",
    ALLOWED,
    ALLOWED,
    REFUSED,
    ALLOWED,
)
def delete_event_without_registrations(visit):
    return deletes(visit, unpublished_event(visit, registered=False))


@capability("Delete an English draft holding registrations", ALLOWED, REFUSED, REFUSED, ALLOWED)
def delete_english_draft_with_registrations(visit):
    return deletes(visit, english_draft(visit, registered=True))


@capability("Delete an English draft without registrations", ALLOWED, REFUSED, ALLOWED, ALLOWED)
def delete_english_draft_without_registrations(visit):
    return deletes(visit, english_draft(visit, registered=False))
