"""What the review of a proposed mission tells its association: published (with its link), or
rejected with the reason staff gave in the workflow. One email, through the outbox."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from wagtail.models import Locale

from registrations.delivery import send_after_commit
from registrations.emails import compose
from registrations.outbox import EmailDelivery

from .models import MissionProposal

Kind = EmailDelivery.Kind
Status = MissionProposal.Status


def decide(proposal, status, kind, reason=""):
    with transaction.atomic():
        delivery = EmailDelivery.objects.create(kind=kind)
        MissionProposal.objects.filter(pk=proposal.pk).update(
            status=status, reason=reason, decision_email=delivery
        )
        send_after_commit(delivery)


def published(sender, instance, **kwargs):
    """page_published: a proposed mission reviewed and published."""
    proposal = MissionProposal.objects.filter(page_id=instance.pk).first()
    if proposal and proposal.status != Status.PUBLISHED:
        decide(proposal, Status.PUBLISHED, Kind.PROPOSAL_PUBLISHED)


def rejected(sender, instance, user=None, **kwargs):
    """task_rejected: staff asked for changes, which the association learns with the reason."""
    page = instance.workflow_state.content_object
    proposal = MissionProposal.objects.filter(page_id=page.pk).first()
    if proposal and proposal.status == Status.SUBMITTED:
        decide(proposal, Status.REJECTED, Kind.PROPOSAL_REJECTED, reason=instance.comment)


def build_decision_email(delivery):
    proposal = (
        MissionProposal.objects.select_related("page").filter(decision_email=delivery).first()
    )
    if proposal is None:
        return None  # A later decision replaced this one before it was sent.
    with translation.override(proposal.language):
        page = proposal.page.specific
        locale = Locale.objects.filter(language_code=proposal.language).first()
        translated = (locale and page.get_translation_or_none(locale)) or page
        context = {
            "proposal": proposal,
            "kind": delivery.kind,
            "mission": translated,
            "mission_url": translated.get_full_url() if translated.live else None,
            "sent_on": timezone.localtime(proposal.submitted_at),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        return compose(
            "proposals/emails/subject.txt",
            "proposals/emails/decision",
            context,
            proposal.contact_email,
        )
