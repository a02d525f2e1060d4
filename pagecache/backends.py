import http.client
import logging
from urllib.parse import urlsplit, urlunsplit

from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

from .cache import purge_paths

logger = logging.getLogger(__name__)


class PageCacheBackend(BaseBackend):
    """wagtail.contrib.frontend_cache's purges, applied to our own shared cache: the site has a
    single host, so the path is the key."""

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        purge_paths({urlsplit(url).path for url in urls})


class NginxPurgeBackend(HTTPBackend):
    """Wagtail's HTTP purge, for nginx's purge module (deploy/nginx/volontaires.conf).

    A batch (a registration purges its event's pages, a publication every page) goes over one
    kept-alive connection, and a 404 is taken for what it is there: a page the proxy did not
    hold. A proxy that fails or hangs (TIMEOUT) ends the batch, logged: it cannot hold a
    publication or a registration for more than one timeout.
    """

    TIMEOUT = 5

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        pending = list(urls)
        connection_class = (
            http.client.HTTPSConnection
            if self.cache_scheme == "https"
            else http.client.HTTPConnection
        )
        connection = connection_class(self.cache_netloc, timeout=self.TIMEOUT)
        try:
            while pending:
                parsed = urlsplit(pending[0])
                connection.request(
                    "PURGE",
                    urlunsplit(["", "", parsed.path, parsed.query, ""]),
                    headers={"Host": parsed.netloc},
                )
                response = connection.getresponse()
                response.read()
                if response.status not in (200, 404):
                    logger.error(
                        "Could not purge %s from the proxy: HTTP %s", pending[0], response.status
                    )
                pending.pop(0)
        except (http.client.HTTPException, OSError) as error:
            logger.error(
                "Could not purge %s and %s more from the proxy: %s",
                pending[0],
                len(pending) - 1,
                error,
            )
        finally:
            connection.close()
