from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = _("Missions proposed by associations")

    def ready(self):
        from wagtail.signals import page_published, task_rejected

        from .review import published, rejected

        page_published.connect(published)
        task_rejected.connect(rejected)
