"""Concurrent registrations for the last places of an event: never one place too many.

Each client is a thread with its own database connection, posting the form through the whole
stack (middleware, page routing, validation, the list's lock) at the same moment. Run it on
PostgreSQL too: DATABASE_URL=postgres://... pytest tests/test_registration_concurrency.py -s
"""

import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client

from events.factories import EventIndexPageFactory, EventPageFactory
from registrations.factories import RegistrationFactory
from registrations.models import Registration
from tests.test_registration import form_data

CLIENTS = 30
CAPACITY = 20
PLACES_LEFT = 5


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_clients_never_overbook_the_last_places(home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=CAPACITY)
    RegistrationFactory.create_batch(CAPACITY - PLACES_LEFT, page=event)
    start_together = threading.Barrier(CLIENTS)
    statuses = [None] * CLIENTS

    def register(number):
        try:
            # One address per client, as many people behind many connections.
            client = Client(REMOTE_ADDR=f"198.51.100.{number + 1}")
            data = form_data(event, email=f"client{number}@example.org")
            start_together.wait()
            response = client.post(event.url, data, HTTP_SEC_FETCH_SITE="same-origin")
            statuses[number] = response.status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(number,)) for number in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started

    assert statuses == [303] * CLIENTS
    newcomers = Registration.objects.filter(email__startswith="client")
    # None lost, none duplicated.
    assert newcomers.count() == CLIENTS
    assert newcomers.values("email").distinct().count() == CLIENTS
    # Exactly the last places taken, everyone else waiting in line.
    assert Registration.objects.confirmed().count() == CAPACITY
    assert newcomers.confirmed().count() == PLACES_LEFT
    waiting = list(newcomers.waiting())
    assert len(waiting) == CLIENTS - PLACES_LEFT
    assert [registration.waiting_position for registration in waiting] == list(
        range(1, CLIENTS - PLACES_LEFT + 1)
    )
    print(
        f"\n{connection.vendor}: {CLIENTS} clients, {PLACES_LEFT} places left, "
        f"{newcomers.confirmed().count()} confirmed, {len(waiting)} waiting, "
        f"{CLIENTS / elapsed:.1f} registrations/s"
    )
