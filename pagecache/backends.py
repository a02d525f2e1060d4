import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

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
    """Wagtail's HTTP purge for nginx's purge module (deploy/nginx/volontaires.conf), with a
    timeout, so that a hung proxy cannot hold a publication, and a 404 taken for what it is
    there: a page the proxy did not hold."""

    TIMEOUT = 5

    def purge(self, url):
        parsed = urlsplit(url)
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parsed.path, parsed.query, ""]),
            headers={"Host": parsed.netloc},
        )
        try:
            urlopen(request, timeout=self.TIMEOUT)  # noqa: S310 - the configured proxy's URL
        except HTTPError as error:
            if error.code != 404:
                logger.error("Could not purge %s from the proxy: HTTP %s", url, error.code)
        except (URLError, OSError) as error:
            logger.error("Could not purge %s from the proxy: %s", url, error)
