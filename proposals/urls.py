"""Inside i18n_patterns: /fr/associations/proposer-une-mission/, /en/associations/propose-a-mission/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "proposals"
urlpatterns = [path(_("propose-a-mission/"), views.ProposeView.as_view(), name="propose")]
