"""The shared cache's connections to Redis, for a cache down or hung.

django-redis (settings.CACHES, IGNORE_EXCEPTIONS) answers a failed call as a miss once the call
has timed out; a page makes dozens of calls, and would wait out the timeout on each.
"""

import logging
import time

from redis.connection import Connection
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)


class FailFastConnection(Connection):
    """Once a call to a server fails (refused, timed out, cut), every call of this process to it
    fails at once for RETRY_AFTER seconds: a hung cache costs a page one timeout at most."""

    RETRY_AFTER = 5
    _down_until = {}  # (host, port): monotonic time

    def _guarded(self, call, *args, **kwargs):
        server = (self.host, self.port)
        if time.monotonic() < self._down_until.get(server, 0):
            raise ConnectionError("The cache failed a moment ago; it is not tried again yet.")
        try:
            return call(*args, **kwargs)
        except (ConnectionError, TimeoutError) as error:
            self._down_until[server] = time.monotonic() + self.RETRY_AFTER
            logger.warning(
                "Cache unavailable (%s): pages go on without it for %s s.", error, self.RETRY_AFTER
            )
            raise

    def connect_check_health(self, *args, **kwargs):
        return self._guarded(super().connect_check_health, *args, **kwargs)

    def send_packed_command(self, *args, **kwargs):
        return self._guarded(super().send_packed_command, *args, **kwargs)

    def read_response(self, *args, **kwargs):
        return self._guarded(super().read_response, *args, **kwargs)
