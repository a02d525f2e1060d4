"""The shipped nginx configuration (deploy/nginx/volontaires.conf), run by Debian's nginx in
front of the live site: it serves anonymous pages from its cache, bypasses staff, and serves
the new page as soon as a change is published, purged by wagtail.contrib.frontend_cache."""

import http.client
import logging
from urllib.parse import urlencode

import pytest
from django.utils import timezone
from wagtail.models import Site

from deploy.nginx.local import LocalNginx, installed
from events.factories import EventIndexPageFactory, EventPageFactory
from home.models import SiteSettings
from home.sites import sync_default_site
from pagecache.backends import NginxPurgeBackend

from .conftest import SAME_ORIGIN, form_data
from .smtp import HungServer


class Nginx(LocalNginx):
    def request(self, path, method="GET", headers=None, source="127.0.0.1", port=None, body=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", port or self.port, timeout=30, source_address=(source, 0)
        )
        try:
            connection.request(
                method,
                path,
                body=body,
                headers={"Host": f"127.0.0.1:{self.port}"} | (headers or {}),
            )
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read().decode()
        finally:
            connection.close()

    def stop(self):
        super().stop()
        print(self.errors())  # Shown when a test fails.


def purge_through(settings, port):
    """Purges go to our cache and to a proxy's purge endpoint on 127.0.0.1:`port`."""
    settings.WAGTAILFRONTENDCACHE = {
        **settings.WAGTAILFRONTENDCACHE,
        "proxy": {
            "BACKEND": "pagecache.backends.NginxPurgeBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        },
    }


@pytest.fixture
def proxy(live_server, settings, tmp_path):
    assert installed(), (
        "Debian's nginx and libnginx-mod-http-cache-purge are needed: scripts/test installs them"
    )
    upstream_port = int(live_server.url.rsplit(":", 1)[1])
    nginx = Nginx(tmp_path, upstream_port)
    settings.PAGE_CACHE_SECONDS = 600
    # The site's address is the proxy's, and its purges go to the proxy.
    settings.SITE_URL = f"http://127.0.0.1:{nginx.port}"
    settings.CSRF_TRUSTED_ORIGINS = [settings.SITE_URL]  # As in production (README).
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    purge_through(settings, nginx.purge_port)
    sync_default_site()
    yield nginx
    nginx.stop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_proxy_serves_the_cache_until_a_change_is_published(proxy, home_page, client):
    agenda = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=agenda,
        title="Soirée de l'engagement",
        start=timezone.now() + timezone.timedelta(days=9),
    )
    path = event.url

    status, headers, body = proxy.request(path)
    assert status == 200 and headers["X-Proxy-Cache"] == "MISS"
    status, headers, body = proxy.request(path)
    assert headers["X-Proxy-Cache"] == "HIT" and "Soirée de l'engagement" in body

    # Publishing a change purges the proxy: the next visitor sees the new page.
    event.title = "Soirée de l'engagement, le 5 décembre"
    event.save_revision().publish()
    status, headers, body = proxy.request(path)
    assert headers["X-Proxy-Cache"] == "MISS"
    assert "Soirée de l&#x27;engagement, le 5 décembre" in body
    assert proxy.request(path)[1]["X-Proxy-Cache"] == "HIT"

    # Staff, known by their session cookie, always reach the site.
    staff = proxy.request(path, headers={"Cookie": "sessionid=abc"})
    assert staff[1]["X-Proxy-Cache"] == "BYPASS"

    # The purge endpoint answers this machine only.
    refused = proxy.request(path, method="PURGE", source="127.0.0.2", port=proxy.purge_port)
    assert refused[0] == 403
    assert proxy.request(path)[1]["X-Proxy-Cache"] == "HIT"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_registration_through_the_proxy_purges_the_places_it_serves(proxy, home_page):
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page),
        start=timezone.now() + timezone.timedelta(days=9),
        capacity=5,
    )
    assert "5 places restantes" in proxy.request(event.url)[2]
    assert proxy.request(event.url)[1]["X-Proxy-Cache"] == "HIT"

    status, _headers, _body = proxy.request(
        event.url,
        method="POST",
        body=urlencode(form_data(event)),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"http://127.0.0.1:{proxy.port}",
        },
    )
    assert status == 303

    status, headers, body = proxy.request(event.url)
    assert headers["X-Proxy-Cache"] == "MISS" and "4 places restantes" in body


def test_a_hung_proxy_holds_a_registration_one_timeout_at_most(
    event, client, settings, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(NginxPurgeBackend, "TIMEOUT", 0.5)
    # Made now: made on a first request, they would purge everything too.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    with HungServer() as hung:
        purge_through(settings, hung.port)
        with (
            caplog.at_level(logging.ERROR, logger="pagecache.backends"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            response = client.post(event.url, form_data(event), **SAME_ORIGIN)
    assert response.status_code == 303
    # The batch's first address waited for the proxy; the others were not tried.
    (error,) = [r.getMessage() for r in caplog.records if r.name == "pagecache.backends"]
    assert "more from the proxy: timed out" in error
