"""The shipped nginx configuration (deploy/nginx/volontaires.conf), run by Debian's nginx in
front of the live site: it serves anonymous pages from its cache, bypasses staff, and serves
the new page as soon as a change is published, purged by wagtail.contrib.frontend_cache."""

import http.client

import pytest
from django.utils import timezone

from deploy.nginx.local import LocalNginx, installed
from events.factories import EventIndexPageFactory, EventPageFactory
from home.sites import sync_default_site


class Nginx(LocalNginx):
    def request(self, path, method="GET", headers=None, source="127.0.0.1", port=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", port or self.port, timeout=30, source_address=(source, 0)
        )
        try:
            connection.request(
                method, path, headers={"Host": f"127.0.0.1:{self.port}"} | (headers or {})
            )
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read().decode()
        finally:
            connection.close()

    def stop(self):
        super().stop()
        print(self.errors())  # Shown when a test fails.


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
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    settings.WAGTAILFRONTENDCACHE = {
        **settings.WAGTAILFRONTENDCACHE,
        "proxy": {
            "BACKEND": "pagecache.backends.NginxPurgeBackend",
            "LOCATION": f"http://127.0.0.1:{nginx.purge_port}",
        },
    }
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
