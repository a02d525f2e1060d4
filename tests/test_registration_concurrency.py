"""Concurrent registrations for the last places of an event, and an editor adding places
meanwhile: never one place too many, never a newcomer ahead of the waiting list.

Each client is a thread with its own database connection, posting the form through the whole
stack (middleware, page routing, validation, the list's lock) at the same moment. Run it on
PostgreSQL too: DATABASE_URL=postgres://... pytest tests/test_registration_concurrency.py -s
"""

import threading
import time
from functools import partial

import pytest
from django.db import connection, connections
from django.test import Client

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage
from registrations.factories import RegistrationFactory
from registrations.models import Registration, RegistrationList
from registrations.outbox import EmailDelivery
from tests.conftest import form_data

CLIENTS = 30
CAPACITY = 20
PLACES_LEFT = 5


def post_form(event, number, start_together):
    """One client posting the form at the barrier; returns the response's status code."""
    try:
        # One address per client, as many people behind many connections.
        client = Client(REMOTE_ADDR=f"198.51.100.{number + 1}")
        data = form_data(event, email=f"client{number}@example.org")
        start_together.wait()
        return client.post(event.url, data, HTTP_SEC_FETCH_SITE="same-origin").status_code
    finally:
        connections.close_all()


def run_together(*targets):
    """Run each callable in its own thread; their results, in order."""
    results = [None] * len(targets)

    def run(index, target):
        results[index] = target()

    threads = [
        threading.Thread(target=run, args=(index, target)) for index, target in enumerate(targets)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_clients_never_overbook_the_last_places(home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=CAPACITY)
    RegistrationFactory.create_batch(CAPACITY - PLACES_LEFT, page=event)
    # The list as its first registration leaves it (the other test races to create it).
    RegistrationList.objects.create(translation_key=event.translation_key)
    start_together = threading.Barrier(CLIENTS)

    started = time.perf_counter()
    statuses = run_together(
        *(partial(post_form, event, number, start_together) for number in range(CLIENTS))
    )
    elapsed = time.perf_counter() - started

    assert statuses == [303] * CLIENTS
    newcomers = Registration.objects.filter(email__startswith="client")
    # None lost, none duplicated.
    assert newcomers.count() == CLIENTS
    assert newcomers.values("email").distinct().count() == CLIENTS
    # Exactly the last places taken, everyone else waiting in line.
    assert Registration.objects.holding_places().count() == CAPACITY
    assert newcomers.holding_places().count() == PLACES_LEFT
    waiting = list(newcomers.waiting())
    assert len(waiting) == CLIENTS - PLACES_LEFT
    assert [registration.waiting_position for registration in waiting] == list(
        range(1, CLIENTS - PLACES_LEFT + 1)
    )
    print(
        f"\n{connection.vendor}: {CLIENTS} clients, {PLACES_LEFT} places left, "
        f"{newcomers.holding_places().count()} holding a place, {len(waiting)} waiting, "
        f"{CLIENTS / elapsed:.1f} registrations/s"
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_places_added_while_people_register_go_to_the_waiting_list_first(home_page):
    """An editor publishes more places while newcomers post the form: the places go to those
    already waiting, in order, and never one too many, whoever takes the list's lock first."""
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=CAPACITY)
    RegistrationFactory.create_batch(CAPACITY, page=event)
    for number in range(PLACES_LEFT):
        RegistrationFactory(
            page=event,
            email=f"waiting{number}@example.org",
            status=Registration.Status.WAITING,
            confirmed_at=None,
        )
    newcomers_count = CLIENTS - PLACES_LEFT
    start_together = threading.Barrier(newcomers_count + 1)

    def publish_more_places():
        try:
            page = EventPage.objects.get(pk=event.pk)
            page.capacity = CAPACITY + PLACES_LEFT
            start_together.wait()
            page.save_revision().publish()
        finally:
            connections.close_all()

    _published, *statuses = run_together(
        publish_more_places,
        *(partial(post_form, event, number, start_together) for number in range(newcomers_count)),
    )

    assert statuses == [303] * newcomers_count
    assert Registration.objects.holding_places().count() == CAPACITY + PLACES_LEFT
    in_line = Registration.objects.filter(email__startswith="waiting")
    assert in_line.holding_places().count() == PLACES_LEFT
    assert EmailDelivery.objects.filter(kind=EmailDelivery.Kind.PROMOTED).count() == PLACES_LEFT
    newcomers = Registration.objects.filter(email__startswith="client")
    assert [registration.waiting_position for registration in newcomers.waiting()] == list(
        range(1, newcomers_count + 1)
    )
