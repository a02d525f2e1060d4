"""The agenda's filters: community, kind, arrondissement and month, as a plain GET form."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from communities.factories import CommunityIndexPageFactory, CommunityPageFactory
from communities.models import CommunityPage
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def agenda(home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    communities = CommunityIndexPageFactory(parent=home_page)
    climate = CommunityPageFactory(parent=communities, title="Volontaires du Climat")
    solidarity = CommunityPageFactory(parent=communities, title="Volontaires de la Solidarité")
    next_month = timezone.now().astimezone(PARIS).replace(day=1) + datetime.timedelta(days=40)
    next_month = next_month.replace(day=15, hour=18, minute=0, second=0, microsecond=0)
    EventPageFactory(
        parent=agenda,
        title="Formation aux gestes qui sauvent",
        kind=EventPage.Kind.TRAINING,
        community=solidarity,
        arrondissement=4,
        start=timezone.now() + datetime.timedelta(days=2),
    )
    EventPageFactory(
        parent=agenda,
        title="Plantation d'une forêt urbaine",
        kind=EventPage.Kind.EVENT,
        community=climate,
        arrondissement=20,
        start=next_month,
    )
    return agenda


def titles(response):
    return [event.title for event in response.context["events"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Formation aux gestes qui sauvent", "Plantation d'une forêt urbaine"]),
        ({"kind": "training"}, ["Formation aux gestes qui sauvent"]),
        ({"arrondissement": "20"}, ["Plantation d'une forêt urbaine"]),
        ({"kind": "visit"}, []),
    ],
)
def test_agenda_filters_by_kind_and_arrondissement(client, agenda, params, expected):
    response = client.get(agenda.url, params)
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.django_db
def test_agenda_filters_by_community(client, agenda):
    climate = CommunityPage.objects.get(title="Volontaires du Climat")
    response = client.get(agenda.url, {"community": climate.pk})
    assert titles(response) == ["Plantation d'une forêt urbaine"]


@pytest.mark.django_db
def test_agenda_month_choices_are_the_months_with_events(client, agenda):
    response = client.get(agenda.url)
    months = [value for value, _ in response.context["filters"].form.fields["month"].choices]
    planting = EventPage.objects.get(title="Plantation d'une forêt urbaine")
    planting_month = planting.start.astimezone(PARIS).strftime("%Y-%m")
    assert planting_month in months
    response = client.get(agenda.url, {"month": planting_month})
    assert titles(response) == ["Plantation d'une forêt urbaine"]


@pytest.mark.django_db
def test_agenda_form_is_a_get_form_with_labels(client, agenda):
    html = client.get(agenda.url).content.decode()
    assert 'method="get"' in html
    for field in ("community", "kind", "arrondissement", "month"):
        assert f'for="id_{field}"' in html


@pytest.mark.django_db
def test_agenda_ignores_invalid_filter_values(client, agenda):
    response = client.get(agenda.url, {"month": "2026-99", "arrondissement": "<script>"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1].split("</main>")[0]
