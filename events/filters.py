import zoneinfo

import django_filters
from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from communities.models import CommunityPage
from home.paris import ARRONDISSEMENTS

from .models import EventPage

PARIS = zoneinfo.ZoneInfo(settings.TIME_ZONE)


class AgendaFilter(django_filters.FilterSet):
    """The agenda's filters, sent as a plain GET form so they work without JavaScript."""

    community = django_filters.ModelChoiceFilter(
        label=_("Community"),
        empty_label=_("All communities"),
        queryset=CommunityPage.objects.none(),
        method="filter_community",
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), empty_label=_("All kinds"), choices=EventPage.Kind.choices
    )
    arrondissement = django_filters.ChoiceFilter(
        label=_("Arrondissement"), empty_label=_("All of Paris"), choices=ARRONDISSEMENTS
    )
    month = django_filters.ChoiceFilter(
        label=_("Month"), empty_label=_("Any month"), method="filter_month"
    )

    class Meta:
        model = EventPage
        fields = ["community", "kind", "arrondissement", "month"]

    def __init__(self, data, queryset, *, locale):
        super().__init__(data, queryset=queryset)
        self.filters["community"].queryset = CommunityPage.objects.live().filter(locale=locale)
        # Only the months that have events in this listing, in Paris time.
        self.filters["month"].extra["choices"] = [
            (month.strftime("%Y-%m"), formats.date_format(month, "F Y").capitalize())
            for month in queryset.datetimes("start", "month", tzinfo=PARIS)
        ]

    def filter_community(self, queryset, name, community):
        # Events may point to either language's community page: compare translation keys.
        return queryset.filter(community__translation_key=community.translation_key)

    def filter_month(self, queryset, name, value):
        year, month = (int(part) for part in value.split("-"))
        return queryset.filter(start__year=year, start__month=month)
