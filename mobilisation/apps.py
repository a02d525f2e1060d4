from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MobilisationConfig(AppConfig):
    name = "mobilisation"
    verbose_name = _("Crisis mobilisation")
