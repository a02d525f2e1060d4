"""The engagement passport, inside i18n_patterns: /fr/passeport/…, /en/passport/…"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "passport"
urlpatterns = [
    path("", views.PassportRequestView.as_view(), name="request"),
    path(_("calendar/<str:token>.ics"), views.CalendarFeedView.as_view(), name="calendar"),
    path("<str:token>/", views.PassportView.as_view(), name="show"),
    path(_("<str:token>/attestation.pdf"), views.AttestationView.as_view(), name="attestation"),
    path(_("<str:token>/my-data.json"), views.ExportView.as_view(), name="export"),
    path(_("<str:token>/erase/"), views.EraseView.as_view(), name="erase"),
]
