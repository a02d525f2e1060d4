"""The staff's roles as Django groups, their page permissions and the review workflow.

`setup_roles()` needs the page tree (the home pages and the communities), so it runs after the
demo content, or on a real site once the pages exist: `manage.py setup_roles`. Running it again
puts every role back exactly as described here and adds a group for a new community.

- Communication: edits and publishes every page of both languages, approves the coordinators'
  changes, manages images, documents, partner associations, training courses (and the trainings
  volunteers did elsewhere), the site settings, translations and redirects, starts and closes
  crisis activations, and sees (exports, erases, deletes) every registration.
- Coordination – <community>: adds and edits the French pages of one community (its page, kits
  and events) and submits them for review; sees and cancels only those pages' registrations,
  never deletes them; follows crisis activations, seeing the available volunteers interested
  in their community.
- Traduction: edits the English pages through wagtail-localize's translation editor, which
  Communication sends them to and publishes from; never sees a registration (see
  `wagtail_hooks.registrations_of_managed_pages`), an image or a document.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.users.models import UserProfile

from communities.models import CommunityPage
from home.models import HomePage

COMMUNICATION = "Communication"
TRANSLATORS = "Traduction"
COORDINATORS_PREFIX = "Coordination – "
WORKFLOW_NAME = "Relecture Communication"
APPROVAL_TASK_NAME = "Validation par la Communication"

# For local use only; `create_demo_users` refuses to run outside DEBUG unless forced.
DEMO_PASSWORD = "volontaires-demo"

ACCESS_ADMIN = "wagtailadmin.access_admin"

COMMUNICATION_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
COORDINATOR_PAGE_PERMISSIONS = ["add", "change"]
TRANSLATOR_PAGE_PERMISSIONS = ["change"]

COMMUNICATION_PERMISSIONS = [
    ACCESS_ADMIN,
    "communities.add_partnerassociation",
    "communities.change_partnerassociation",
    "communities.delete_partnerassociation",
    "home.change_sitesettings",
    "wagtail_localize.submit_translation",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
    # The personal data tool (registrations/admin_views.py): export and erase; deleting
    # registrations from the Forms section too.
    "registrations.view_registration",
    "registrations.delete_registration",
    # Training courses, and trainings done elsewhere (which hold an email address).
    "volunteers.add_trainingcourse",
    "volunteers.change_trainingcourse",
    "volunteers.delete_trainingcourse",
    "volunteers.add_trainingrecord",
    "volunteers.change_trainingrecord",
    "volunteers.delete_trainingrecord",
    # Crisis activations: starting one alerts volunteers; so does closing it, and nothing else.
    "mobilisation.add_activation",
    "mobilisation.view_activation",
    # Who proposed a mission, with their contact; the missions are reviewed as pages.
    "proposals.view_missionproposal",
]
# Coordinators follow activations and see the available volunteers of their own community.
COORDINATOR_PERMISSIONS = [ACCESS_ADMIN, "mobilisation.view_activation"]
# Not wagtail_localize.submit_translation: it also syncs translations with "Publish
# immediately", and sending a page makes live English aliases of its untranslated parents.
# Communication sends, syncs and publishes.
TRANSLATOR_PERMISSIONS = [ACCESS_ADMIN]

# In the root collection, which holds every other collection.
COMMUNICATION_COLLECTION_PERMISSIONS = [
    f"{app}.{action}_{model}"
    for app, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]
    for action in ["add", "change", "choose", "delete"]
]
COORDINATOR_COLLECTION_PERMISSIONS = [
    f"{app}.{action}_{model}"
    for app, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]
    for action in ["add", "choose"]
]


def _permissions(names):
    """Permission objects from "app_label.codename" names, in one query."""
    pairs = {tuple(name.split(".", 1)) for name in names}
    found = {
        (permission.content_type.app_label, permission.codename): permission
        for permission in Permission.objects.select_related("content_type").filter(
            codename__in=[codename for _app, codename in pairs]
        )
    }
    missing = pairs - found.keys()
    if missing:
        raise ImproperlyConfigured(f"Unknown permissions: {sorted(missing)} (run migrate first).")
    return [found[pair] for pair in sorted(pairs)]


def _page_permissions(types):
    return _permissions(f"wagtailcore.{permission_type}_page" for permission_type in types)


def _set_page_permissions(group, pages, types):
    """Exactly these permissions on exactly these pages (and so their subtrees)."""
    permissions = _page_permissions(types)
    wanted = {(page.pk, permission.pk) for page in pages for permission in permissions}
    existing = {(rule.page_id, rule.permission_id): rule for rule in group.page_permissions.all()}
    for key, rule in existing.items():
        if key not in wanted:
            rule.delete()
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page_id, permission_id=permission_id)
        for page_id, permission_id in wanted - existing.keys()
    )


def _set_collection_permissions(group, names):
    root = Collection.get_first_root_node()
    permissions = _permissions(names)
    group.collection_permissions.exclude(collection=root, permission__in=permissions).delete()
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def _group(name, permissions):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.set(_permissions(permissions))
    return group


def _coordinators_group(community):
    """The group already holding this community's permissions (renamed if the page was), or a
    new one."""
    name = f"{COORDINATORS_PREFIX}{community.title}"
    group = (
        Group.objects.filter(
            name__startswith=COORDINATORS_PREFIX, page_permissions__page=community
        )
        .distinct()
        .first()
    )
    if group is None:
        group, _created = Group.objects.get_or_create(name=name)
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    group.permissions.set(_permissions(COORDINATOR_PERMISSIONS))
    return group


def _review_workflow(communication, home_pages):
    """Coordinators' changes wait for a Communication member's approval before publication."""
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.set([communication])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in home_pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def home_pages():
    """The home page of each language, children of the tree's root."""
    root = Page.get_first_root_node()
    return list(HomePage.objects.child_of(root).select_related("locale"))


# Created by Wagtail's migrations, with rights on the root: setup_roles removes them.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


@transaction.atomic
def setup_roles():
    """Create or update the groups, their permissions and the review workflow.

    Returns {group name: group}. Safe to run again.
    """
    homes = home_pages()
    if not homes:
        raise ImproperlyConfigured("No home page yet: create the pages, then set up the roles.")
    default_locale = Locale.get_default()

    communication = _group(COMMUNICATION, COMMUNICATION_PERMISSIONS)
    _set_page_permissions(communication, homes, COMMUNICATION_PAGE_PERMISSIONS)
    _set_collection_permissions(communication, COMMUNICATION_COLLECTION_PERMISSIONS)

    # Coordinators write in French; their pages reach English through the translators.
    translators = _group(TRANSLATORS, TRANSLATOR_PERMISSIONS)
    _set_page_permissions(
        translators,
        [home for home in homes if home.locale_id != default_locale.pk],
        TRANSLATOR_PAGE_PERMISSIONS,
    )
    _set_collection_permissions(translators, [])

    groups = {COMMUNICATION: communication, TRANSLATORS: translators}
    communities = CommunityPage.objects.filter(locale=default_locale).order_by("path")
    for community in communities:
        group = _coordinators_group(community)
        _set_page_permissions(group, [community], COORDINATOR_PAGE_PERMISSIONS)
        _set_collection_permissions(group, COORDINATOR_COLLECTION_PERMISSIONS)
        groups[group.name] = group

    _review_workflow(communication, homes)
    # Anyone put in them would see every registration: the roles above replace them.
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()
    return groups


def coordinators_username(community):
    return f"coordination-{community.slug}"


@transaction.atomic
def create_demo_users(force=False):
    """One account per role for local use, password `DEMO_PASSWORD`; returns their usernames.

    Refuses outside DEBUG unless `force`: these passwords are public. An existing account keeps
    its password. Run `setup_roles()` first.
    """
    if not (settings.DEBUG or force):
        raise ImproperlyConfigured("Demo accounts are for local use: DEBUG is off.")
    accounts = {"communication": COMMUNICATION, "traduction": TRANSLATORS}
    communities = CommunityPage.objects.filter(locale=Locale.get_default()).order_by("path")
    for community in communities:
        accounts[coordinators_username(community)] = f"{COORDINATORS_PREFIX}{community.title}"

    User = get_user_model()
    groups = Group.objects.in_bulk(accounts.values(), field_name="name")
    for username, group_name in accounts.items():
        if group_name not in groups:
            raise ImproperlyConfigured(f"No group {group_name!r}: run setup_roles first.")
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.set([groups[group_name]])
        # The admin speaks French whatever the browser's language.
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "fr"})
    return list(accounts)
