"""The public form through which an association proposes a mission."""

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from home.ratelimit import refused_for_rate

from .forms import ProposalForm
from .models import MissionProposal


@method_decorator(never_cache, name="dispatch")
class ProposeView(View):
    template_name = "proposals/propose.html"

    def get(self, request):
        return self.render(self.form(), sent="sent" in request.GET)

    def post(self, request):
        form = self.form(request.POST)
        if refused_for_rate(
            request,
            form,
            group="proposals",
            rate=settings.PROPOSAL_RATE_LIMIT,
            message=_("Too many proposals from your connection. Please try again later."),
        ):
            return self.render(form, status=429)
        if not form.is_valid():
            return self.render(form, status=400)
        submit(form)
        return redirect(f"{reverse('proposals:propose')}?sent=1", permanent=False)

    def form(self, data=None):
        return ProposalForm(data, locale=Locale.get_active())

    def render(self, form, sent=False, status=200):
        context = {"form": form, "sent": sent}
        return TemplateResponse(self.request, self.template_name, context, status=status)


@transaction.atomic
def submit(form):
    """A draft mission under its community, its proposal, and the review workflow started: the
    Communication team is asked to approve it, as for a coordinator's change."""
    mission = form.mission()
    community = mission.community
    mission.slug = find_available_slug(community, slugify(mission.title) or "mission")
    community.add_child(instance=mission)
    mission.save_revision(log_action=True)
    data = form.cleaned_data
    MissionProposal.objects.create(
        page=mission,
        association_name=form.proposer_name(),
        contact_name=data["contact_name"],
        contact_email=data["contact_email"].strip().lower(),
        contact_phone=data["contact_phone"],
        language=get_language(),
    )
    workflow = mission.get_workflow()
    if workflow:
        workflow.start(mission, user=None)
    return mission
