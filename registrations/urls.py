"""The signed links of registration emails; included inside i18n_patterns (/fr/, /en/)."""

from django.urls import path

from . import link_views

app_name = "registrations"
urlpatterns = [
    path("confirmer/<str:token>/", link_views.ConfirmView.as_view(), name="confirm"),
    path("annuler/<str:token>/", link_views.CancelView.as_view(), name="cancel"),
]
