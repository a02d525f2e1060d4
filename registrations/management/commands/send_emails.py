import logging
import signal
import threading

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections, connections

from registrations.delivery import deliver

logger = logging.getLogger("registrations.delivery")


class Command(BaseCommand):
    help = (
        "Always on: send the outbox's emails as they fall due, and take over those a stopped "
        "worker left. SIGTERM stops it after the email being sent. Survives database outages."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between two looks at the outbox when nothing is due (default 1).",
        )
        parser.add_argument("--once", action="store_true", help="Send what is due now, then exit.")

    def handle(self, *args, interval, once, **options):
        self.stopping = threading.Event()
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, lambda *_: self.stopping.set())
        logger.info("Email worker started.")
        while not self.stopping.is_set():
            status = self.retrying(deliver, persist=self.retrying)
            if status is None:
                if once:
                    break
                self.stopping.wait(interval)
        logger.info("Email worker stopped.")

    def retrying(self, function, *args, **kwargs):
        """Run `function`, waiting out database outages (a restart, a failover, a dropped
        connection) instead of exiting; None if told to stop meanwhile."""
        wait = 1
        while True:
            close_old_connections()
            try:
                return function(*args, **kwargs)
            except DatabaseError as error:
                logger.warning("Database unavailable (%s): trying again in %s s.", error, wait)
                connections.close_all()
            if self.stopping.wait(wait):
                return None
            wait = min(wait * 2, 30)
