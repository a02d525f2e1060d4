"""Review before publishing: the « Relecture Communication » workflow, scheduled publishing and
previews that show the registration form."""

import datetime
from unittest import mock

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState

from staff.factories import UserFactory, edit_form_data
from staff.roles import COMMUNICATION, WORKFLOW_NAME


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_for_review(client, coordinator, page, **changes):
    client.force_login(coordinator)
    data = edit_form_data(page, coordinator, **changes)
    response = client.post(edit_url(page), {**data, "action-submit": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    return page.current_workflow_state


def test_submitting_puts_the_page_in_the_communication_review(
    staff_site, client, rescue_coordinator
):
    kit = staff_site["rescue_kit"]
    state = submit_for_review(client, rescue_coordinator, kit, title="Les gestes qui sauvent (v2)")
    assert state.workflow.name == WORKFLOW_NAME
    assert state.status == "in_progress"
    assert list(state.current_task_state.task.specific.groups.all()) == [
        Group.objects.get(name=COMMUNICATION)
    ]
    assert kit.title == "Les gestes qui sauvent"  # Not published yet.

    # It is waiting on the Communication team's dashboard.
    client.force_login(UserFactory(groups=[Group.objects.get(name=COMMUNICATION)]))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Les gestes qui sauvent (v2)" in dashboard


def test_communication_approves_with_a_comment_and_the_page_is_published(
    staff_site, client, rescue_coordinator, communication
):
    kit = staff_site["rescue_kit"]
    state = submit_for_review(client, rescue_coordinator, kit, title="Les gestes qui sauvent (v2)")
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[kit.pk, "approve", state.current_task_state.pk],
    )

    # The coordinator cannot approve their own change.
    client.force_login(rescue_coordinator)
    client.post(approve_url, {"comment": "Je valide moi-même."})
    kit.refresh_from_db()
    assert kit.title == "Les gestes qui sauvent"

    client.force_login(communication)
    response = client.post(approve_url, {"comment": "Relu : parfait."})
    assert response.status_code in (200, 302)
    kit.refresh_from_db()
    assert kit.title == "Les gestes qui sauvent (v2)"
    assert kit.live and not kit.has_unpublished_changes
    assert TaskState.objects.get(pk=state.current_task_state.pk).comment == "Relu : parfait."

    # The page's history names who approved and who published.
    logged = {entry.action: entry.user_id for entry in PageLogEntry.objects.filter(page=kit.pk)}
    assert logged["wagtail.workflow.start"] == rescue_coordinator.pk
    assert logged["wagtail.workflow.approve"] == communication.pk
    assert logged["wagtail.publish"] == communication.pk
    history = client.get(reverse("wagtailadmin_pages:history", args=[kit.pk])).content.decode()
    assert "Relu : parfait." in history


def test_communication_rejects_with_a_comment_and_nothing_is_published(
    staff_site, client, rescue_coordinator, communication
):
    event = staff_site["rescue_event"]
    state = submit_for_review(client, rescue_coordinator, event, venue="Ailleurs")
    reject_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[event.pk, "reject", state.current_task_state.pk],
    )
    client.force_login(communication)
    client.post(reject_url, {"comment": "Le lieu n'est pas confirmé."})
    event.refresh_from_db()
    assert event.venue == "Hôtel de Ville"
    assert event.current_workflow_state.status == "needs_changes"


def test_events_and_kits_go_live_and_expire_on_schedule(staff_site, communication):
    event, kit = staff_site["climate_event"], staff_site["climate_kit"]
    event.unpublish()
    event.refresh_from_db()
    event.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    event.save_revision(user=communication).publish(user=communication)
    event.refresh_from_db()
    assert not event.live  # Scheduled, not yet published.

    kit.expire_at = timezone.now() + datetime.timedelta(hours=1)
    kit.save_revision(user=communication).publish(user=communication)
    kit.refresh_from_db()
    assert kit.live

    # Two hours later, the scheduled command (cron, every few minutes) runs.
    later = timezone.now() + datetime.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")

    event.refresh_from_db()
    kit.refresh_from_db()
    assert event.live
    assert not kit.live and kit.expired


def test_preview_shows_the_page_with_its_registration_form(staff_site, client, rescue_coordinator):
    event = staff_site["rescue_event"]
    client.force_login(rescue_coordinator)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[event.pk])
    data = edit_form_data(event, rescue_coordinator, title="Initiation (aperçu)")
    response = client.post(preview_url, data)
    assert response.json()["is_valid"]
    preview = client.get(preview_url).content.decode()
    assert "Initiation (aperçu)" in preview
    assert 'name="first_name"' in preview and 'name="email"' in preview

    # Not a coordinator's page: no preview either.
    other_url = reverse(
        "wagtailadmin_pages:preview_on_edit", args=[staff_site["climate_event"].pk]
    )
    assert client.get(other_url).status_code in (302, 403)
