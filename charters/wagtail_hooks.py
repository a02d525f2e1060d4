from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .views import INVITE_ACTION, CharterVersionsView


@hooks.register("register_admin_urls")
def charter_urls():
    return [
        path(
            "charters/<int:page_id>/versions/",
            CharterVersionsView.as_view(),
            name="charters_versions",
        )
    ]


class InviteFormatter(LogFormatter):
    label = _("Invite signatories to accept a new version")

    def format_message(self, log_entry):
        return _("%(invited)s signatories invited to accept version %(version)s") % {
            "invited": log_entry.data["invited"],
            "version": log_entry.data["version"],
        }


@hooks.register("register_log_actions")
def invite_log_action(actions):
    actions.register_action(INVITE_ACTION)(InviteFormatter)
