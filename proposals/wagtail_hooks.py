from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from registrations.emails import OUTBOX_EMAIL_HOOK
from registrations.outbox import EmailDelivery
from registrations.rgpd import PERSONAL_DATA_HOOK

from .models import MissionProposal
from .review import build_decision_email


class ProposalViewSet(ModelViewSet):
    """Who proposed which mission, and how to reach them; the missions themselves are reviewed
    as pages, through the workflow."""

    model = MissionProposal
    icon = "help"
    menu_label = _("Proposed missions")
    add_to_admin_menu = True
    menu_order = 260
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []
    list_display = [
        Column("association_name", label=_("Association")),
        Column("page", label=_("Mission")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("submitted_at", label=_("Submitted at")),
    ]
    list_filter = ["status"]
    inspect_view_fields = [
        "page",
        "association_name",
        "contact_name",
        "contact_email",
        "contact_phone",
        "submitted_at",
        "status",
        "reason",
    ]


@hooks.register("register_admin_viewset")
def proposals_viewset():
    return ProposalViewSet("mission_proposals")


@hooks.register(OUTBOX_EMAIL_HOOK)
def decision_emails():
    return {
        EmailDelivery.Kind.PROPOSAL_PUBLISHED: build_decision_email,
        EmailDelivery.Kind.PROPOSAL_REJECTED: build_decision_email,
    }


@hooks.register(PERSONAL_DATA_HOOK)
def proposals_made(email, erase):
    """Proposals name their contact; erasing them leaves the missions, which name no one."""
    proposals = MissionProposal.objects.filter(contact_email=email).select_related("page")
    data = [
        {
            "mission": proposal.page.title,
            "association": proposal.association_name,
            "contact_name": proposal.contact_name,
            "contact_phone": proposal.contact_phone,
            "submitted_at": proposal.submitted_at.isoformat(),
            "status": proposal.status,
        }
        for proposal in proposals.order_by("pk")
    ]
    if erase:
        proposals.delete()
    return {"mission_proposals": data}
