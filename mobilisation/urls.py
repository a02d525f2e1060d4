"""The links of alert emails; included inside i18n_patterns (/fr/mobilisation/…,
/en/mobilisation/…)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views
from .models import Alert

app_name = "mobilisation"
urlpatterns = [
    path(
        _("<str:token>/available/"),
        views.AnswerView.as_view(answer=Alert.Answer.AVAILABLE),
        name="available",
    ),
    path(
        _("<str:token>/unavailable/"),
        views.AnswerView.as_view(answer=Alert.Answer.UNAVAILABLE),
        name="unavailable",
    ),
    path(_("<str:token>/stop-alerts/"), views.StopAlertsView.as_view(), name="stop"),
]
