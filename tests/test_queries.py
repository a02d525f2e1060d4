"""Query budgets: every page type renders in a fixed number of SQL queries, however much
content it lists or holds, so an N+1 in a model or a template fails here.

Each scenario renders a page with little content, adds much more, and renders it again: both
counts must be equal and within the page type's budget. Queries are counted with an empty
cache (images' renditions already generated), the worst case a visitor meets in production.
"""

import datetime
import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from charters.factories import (
    ActivityBlockFactory,
    BenefitBlockFactory,
    CharterPageFactory,
    CommitmentBlockFactory,
    ProgrammePageFactory,
)
from communities.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    CommunityPartnerFactory,
    KitBodyBlockFactory,
    KitPageFactory,
)
from events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    ProgrammeItemBlockFactory,
    SpeakerBlockFactory,
)
from events.models import EventPage
from home.factories import BodyBlockFactory, ImageFactory, StandardPageFactory
from tests.conftest import clear_cache


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


def rich_body(count, pages=()):
    """A body with ``count`` of each block that touches the database: images, documents,
    links to pages."""
    blocks = {}
    for i in range(count):
        blocks[f"{4 * i}__paragraph__value"] = f"<p>Paragraphe {i}</p>"
        blocks[f"{4 * i + 1}__figure__caption"] = f"Légende {i}"
        blocks[f"{4 * i + 2}__document__title"] = f"Document {i}"
        blocks[f"{4 * i + 3}__link__text"] = f"Lien {i}"
        if pages:
            blocks[f"{4 * i + 3}__link__page"] = pages[i % len(pages)]
            blocks[f"{4 * i + 3}__link__url"] = ""
    return blocks


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def home_scenario(home):
    """The home page with 3 then 30 kits, 1 then 9 communities, 3 then 30 events."""
    index = CommunityIndexPageFactory(parent=home)
    agenda = EventIndexPageFactory(parent=home)
    communities = []

    def add(new_communities, kits, events):
        communities.extend(
            CommunityPageFactory(parent=index, listing_image=ImageFactory())
            for _ in range(new_communities)
        )
        for i in range(kits):
            KitPageFactory(parent=communities[i % len(communities)], listing_image=ImageFactory())
        for i in range(events):
            EventPageFactory(
                parent=agenda, community=communities[i % len(communities)], start=days(i + 1)
            )

    add(1, 3, 3)
    return home.url, lambda: add(8, 27, 27)


def community_index_scenario(home):
    index = CommunityIndexPageFactory(parent=home)

    def add(count):
        for _ in range(count):
            CommunityPageFactory(
                parent=index, listing_image=ImageFactory(), pictogram=ImageFactory()
            )

    add(2)
    return index.url, lambda: add(7)


def community_scenario(home):
    """A community with 1 then 16 kits, events, missions and partner associations."""
    community = CommunityPageFactory(
        parent=CommunityIndexPageFactory(parent=home), pictogram=ImageFactory()
    )
    agenda = EventIndexPageFactory(parent=home)
    training = EventPageFactory(parent=community, training=True, community=community)

    def add(count):
        for _ in range(count):
            KitPageFactory(parent=community, listing_image=ImageFactory())
            EventPageFactory(parent=agenda, community=community, listing_image=ImageFactory())
            EventPageFactory(
                parent=community,
                community=community,
                kind=EventPage.Kind.MISSION,
                required_training=training,
                start=days(20),
            )
            CommunityPartnerFactory(page=community)

    add(1)
    return community.url, lambda: add(15)


def kit_scenario(home):
    """A kit with 1 then 20 steps, checklist items, images, documents and links."""
    community = CommunityPageFactory(parent=CommunityIndexPageFactory(parent=home))
    kit = KitPageFactory(parent=community, listing_image=ImageFactory())

    def fill(count):
        body = rich_body(count, pages=[community])
        first = 4 * count
        for i in range(count):
            body[f"{first}__steps__{i}__title"] = f"Étape {i}"
            body[f"{first + 1}__checklist__items__{i}"] = f"Élément {i}"
        publish(kit, body=KitBodyBlockFactory(**body))

    fill(1)
    return kit.url, lambda: fill(20)


def agenda_scenario(home, archive=False):
    """The agenda with 5 then 100 events (the past ones for the archive)."""
    agenda = EventIndexPageFactory(parent=home)
    index = CommunityIndexPageFactory(parent=home)
    communities = [CommunityPageFactory(parent=index) for _ in range(3)]
    # A page of the agenda shows 12 events: 12 distinct images cover what one page renders.
    images = [ImageFactory() for _ in range(12)]
    added = []

    def add(count):
        for _ in range(count):
            n = len(added)
            start = days(-n - 1) if archive else days(n + 1)
            added.append(
                EventPageFactory(
                    parent=agenda,
                    start=start,
                    community=communities[n % 3],
                    listing_image=images[n % 12],
                )
            )

    add(5)
    url = agenda.url + ("?archives=1" if archive else "")
    return url, lambda: add(95)


def event_scenario(home):
    """A mission with 1 then 20 programme items, speakers, images, documents and links."""
    community = CommunityPageFactory(parent=CommunityIndexPageFactory(parent=home))
    agenda = EventIndexPageFactory(parent=home)
    training = EventPageFactory(parent=agenda, training=True, community=community)
    event = EventPageFactory(
        parent=agenda,
        kind=EventPage.Kind.MISSION,
        community=community,
        required_training=training,
        start=days(10),
        listing_image=ImageFactory(),
    )

    def fill(count):
        publish(
            event,
            programme=[("item", ProgrammeItemBlockFactory()) for _ in range(count)],
            speakers=[("speaker", SpeakerBlockFactory()) for _ in range(count)],
            body=BodyBlockFactory(**rich_body(count, pages=[training, community])),
        )

    fill(1)
    return event.url, lambda: fill(20)


def charter_scenario(home):
    charter = CharterPageFactory(parent=home)

    def fill(count):
        publish(
            charter,
            commitments=[("commitment", CommitmentBlockFactory()) for _ in range(count)],
            body=BodyBlockFactory(**rich_body(count, pages=[home])),
        )

    fill(3)
    return charter.url, lambda: fill(30)


def programme_scenario(home):
    """The Carte Citoyenne with 1 then 20 benefits and activities, each linking to a page."""
    programme = ProgrammePageFactory(parent=home)
    pages = [
        StandardPageFactory(parent=programme, listing_image=ImageFactory()) for _ in range(20)
    ]

    def fill(count):
        publish(
            programme,
            benefits=[("benefit", BenefitBlockFactory()) for _ in range(count)],
            activities=[("activity", ActivityBlockFactory(page=pages[i])) for i in range(count)],
            body=BodyBlockFactory(**rich_body(count, pages=pages)),
        )

    fill(1)
    return programme.url, lambda: fill(20)


def standard_scenario(home):
    """A standard page with 2 then 40 of each body block, and 1 then 10 child pages."""
    page = StandardPageFactory(parent=home, listing_image=ImageFactory())
    children = []

    def fill(count, new_children):
        children.extend(
            StandardPageFactory(parent=page, listing_image=ImageFactory())
            for _ in range(new_children)
        )
        publish(page, body=BodyBlockFactory(**rich_body(count, pages=children)))

    fill(2, 1)
    return page.url, lambda: fill(40, 9)


def search_scenario(home):
    """Search results with 3 then 30 matching kits (a page of results shows 10)."""
    community = CommunityPageFactory(parent=CommunityIndexPageFactory(parent=home))

    def add(count):
        for _ in range(count):
            KitPageFactory(parent=community, summary="Canicule", listing_image=ImageFactory())

    add(3)
    return "/fr/recherche/?q=canicule", lambda: add(27)


# Scenario, and the most queries its page may make: the measured count and a little room.
# Pages whose form joins the Volontaires read the communities a volunteer can choose: one
# query more (home, standard, community index, kit), two on the agenda (which had not read
# the view restrictions yet).
SCENARIOS = {
    "home": (home_scenario, 26),
    "standard": (standard_scenario, 31),
    "community_index": (community_index_scenario, 26),
    "community": (community_scenario, 35),
    "kit": (kit_scenario, 31),
    "agenda": (agenda_scenario, 27),
    "agenda_archive": (lambda home: agenda_scenario(home, archive=True), 27),
    "event": (event_scenario, 35),
    "charter": (charter_scenario, 30),
    "programme": (programme_scenario, 25),
    "search": (search_scenario, 15),
}


def sql_of_a_cold_render(client, url):
    """The SQL of one anonymous GET with an empty cache, after a first GET has generated
    the images' renditions."""
    assert client.get(url).status_code == 200
    clear_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def shape(sql):
    """A query with its literal values blanked, so the same query for two rows compares equal."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+(\.\d+)?\b", "?", sql)
    return re.sub(r"\((?:\?, )*\?\)", "(…)", sql)


def repeated(small, large):
    extra = Counter(map(shape, large)) - Counter(map(shape, small))
    return "\n".join(f"+{count} × {sql}" for sql, count in extra.most_common())


@pytest.mark.parametrize("name", SCENARIOS)
def test_query_count_does_not_grow_with_content(
    client, home_page, django_assert_max_num_queries, record_property, name
):
    scenario, budget = SCENARIOS[name]
    url, grow = scenario(home_page)
    small = sql_of_a_cold_render(client, url)
    grow()
    large = sql_of_a_cold_render(client, url)
    record_property("queries", len(large))
    assert len(large) == len(small), f"{name}: queries that repeat with content:\n" + repeated(
        small, large
    )

    clear_cache()
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200
