"""The signed links of registration emails; included inside i18n_patterns (/fr/, /en/), with
paths in each language (/fr/inscriptions/annuler/…, /en/registrations/cancel/…)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import link_views

app_name = "registrations"
urlpatterns = [
    path(_("confirm/<str:token>/"), link_views.ConfirmView.as_view(), name="confirm"),
    path(_("cancel/<str:token>/"), link_views.CancelView.as_view(), name="cancel"),
    path(_("parent/<str:token>/"), link_views.ParentView.as_view(), name="parent"),
    path(_("accept/<str:token>/"), link_views.AcceptVersionView.as_view(), name="accept"),
]
