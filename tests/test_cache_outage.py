"""The shared cache (Redis) down or hung: the site goes on from the database, pages and
registrations alike, and uses the cache again once it is back. A real Redis server of the
test's own, killed, stopped and restarted."""

import logging
import shutil
import signal
import subprocess

import pytest
import redis
from django.test import Client

from .conftest import SAME_ORIGIN, form_data
from .smtp import free_port, wait_for
from .test_page_cache import HEADER, visit


class RedisServer:
    def __init__(self, directory):
        self.port, self.directory = free_port(), directory

    def start(self):
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                *("--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.directory)),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self.answers, message="the test's Redis server")

    def answers(self):
        try:
            return redis.Redis(port=self.port, socket_timeout=1).ping()
        except redis.ConnectionError:
            return False

    def kill(self):
        self.process.kill()
        self.process.wait()


@pytest.fixture
def own_redis(settings, tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    settings.CACHES = {
        "default": {
            **settings.CACHES["default"],
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    yield server
    server.process.send_signal(signal.SIGCONT)
    server.kill()


def served_within_a_minute(request):
    """The response to `request()`, which must come (a hung cache must not hang the site)."""

    def hung(*_args):
        raise AssertionError("the site hung with its cache")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        return request()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def back_in_use(visitor, url):
    """The cache is tried again RETRY_AFTER seconds after it failed; then pages come from it."""
    wait_for(lambda: visit(visitor, url)[HEADER] == "hit", message="a hit once the cache is back")


def test_pages_and_registrations_go_on_while_the_cache_is_down(
    own_redis, site_pages, django_capture_on_commit_callbacks
):
    visitor, event = Client(), site_pages["event"]
    visit(visitor, event.url)
    assert visit(visitor, event.url)[HEADER] == "hit"

    own_redis.kill()
    for name, page in site_pages.items():
        response = visitor.get(page.url)
        assert response.status_code == 200, name
        assert response.get(HEADER) != "hit", name
    with django_capture_on_commit_callbacks(execute=True):
        registered = visitor.post(event.url, form_data(event), **SAME_ORIGIN)
    assert registered.status_code == 303

    own_redis.start()
    back_in_use(visitor, event.url)


def test_a_hung_cache_costs_a_page_one_timeout_at_most(
    own_redis, site_pages, caplog, django_capture_on_commit_callbacks
):
    visitor, event = Client(), site_pages["event"]
    visit(visitor, event.url)

    own_redis.process.send_signal(signal.SIGSTOP)  # Connections are accepted, never answered.
    with caplog.at_level(logging.WARNING, logger="volontaires.cache"):
        response = served_within_a_minute(lambda: visitor.get(event.url))
    assert response.status_code == 200
    # The page's first call waited for the cache; its dozens of others did not try.
    (warning,) = [r.getMessage() for r in caplog.records if r.name == "volontaires.cache"]
    assert "Cache unavailable" in warning
    with django_capture_on_commit_callbacks(execute=True):
        registered = served_within_a_minute(
            lambda: visitor.post(event.url, form_data(event), **SAME_ORIGIN)
        )
    assert registered.status_code == 303

    own_redis.process.send_signal(signal.SIGCONT)
    back_in_use(visitor, event.url)
