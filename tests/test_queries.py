"""Query budgets: every page type renders in a fixed number of SQL queries, however much
content it lists or holds, so an N+1 in a model or a template fails here.

Each scenario renders a page with little content, adds much more, and renders it again: both
counts must be equal and within the page type's budget. Queries are counted twice:
- with an empty cache (images' renditions already generated), the worst case, met once after a
  deployment or a change that purges every page;
- when only the page itself is out of the page cache (the fragments kept with the pages, such as
  the navigation, the footer and the page's body, still in it), as after a registration purged
  it: at most 6 queries, whatever the page type.
A registration is counted too: its queries do not grow with the list either.
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
from pagecache.cache import purge_paths
from tests.conftest import SAME_ORIGIN, clear_cache, form_data


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


# Scenario, and the most queries its page may make with an empty cache (after a deployment, or
# the first visit after a change): the measured count and a little room.
SCENARIOS = {
    "home": (home_scenario, 19),
    "standard": (standard_scenario, 22),
    "community_index": (community_index_scenario, 18),
    "community": (community_scenario, 22),
    "kit": (kit_scenario, 22),
    "agenda": (agenda_scenario, 21),
    "agenda_archive": (lambda home: agenda_scenario(home, archive=True), 21),
    "event": (event_scenario, 26),
    "charter": (charter_scenario, 21),
    "programme": (programme_scenario, 20),
    "search": (search_scenario, 12),
}

# A page the page cache does not hold, its navigation, footer, routing and the other fragments
# kept with the pages still in the cache: what a visitor meets after a registration purged the
# page. Measured: 1 (home, standard, kit, programme) to 6 (a community page).
PAGE_MISS_BUDGET = 6


def sql_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def sql_of_a_cold_render(client, url):
    """The SQL of one anonymous GET with an empty cache, after a first GET has generated the
    images' renditions."""
    clear_cache()
    assert client.get(url).status_code == 200
    clear_cache()
    return sql_of(client, url)


def renders(client, url):
    """The SQL of a cold render, then of one that misses the page cache only."""
    cold = sql_of_a_cold_render(client, url)
    purge_paths([url.split("?")[0]])
    return cold, sql_of(client, url)


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
    client, home_page, settings, record_property, name
):
    settings.PAGE_CACHE_SECONDS = 600
    scenario, budget = SCENARIOS[name]
    url, grow = scenario(home_page)
    small_cold, small_miss = renders(client, url)
    grow()
    large_cold, large_miss = renders(client, url)
    record_property("queries", len(large_miss))
    for small, large in ((small_cold, large_cold), (small_miss, large_miss)):
        assert len(large) == len(small), f"{name}: queries that repeat with content:\n" + (
            repeated(small, large)
        )
    assert len(large_cold) <= budget, "\n".join(large_cold)
    if name != "search":  # search results are never cached: every search is a page miss
        assert len(large_miss) <= PAGE_MISS_BUDGET, "\n".join(large_miss)


# A registration: the list's lock, the event's places and dates as published, one count of the
# places taken, the waiting list, the holds run out and the address's registrations, the
# newcomer's row and its email's, and the transaction's savepoint and its release. The site,
# the page and its form's questions are kept with the pages (pagecache.views).
REGISTRATION_BUDGET = 7


def sql_of_a_registration(client, page, email):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(page.url, form_data(page, email=email), **SAME_ORIGIN)
    assert response.status_code == 303
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("full", [False, True], ids=["places left", "waiting list"])
def test_a_registration_costs_the_same_queries_however_long_the_list(
    client, home_page, settings, full
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.REGISTRATION_RATE_LIMIT = "100/h"  # All from one address here.
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page),
        start=days(20),
        capacity=1 if full else 100,
        waiting_list_enabled=True,
    )
    sql_of_a_registration(client, event, "first@example.org")  # Fills the cache.
    short = sql_of_a_registration(client, event, "second@example.org")
    for number in range(40):
        sql_of_a_registration(client, event, f"more{number}@example.org")
    long = sql_of_a_registration(client, event, "last@example.org")
    assert len(long) == len(short), repeated(short, long)
    assert len(long) <= REGISTRATION_BUDGET, "\n".join(long)
