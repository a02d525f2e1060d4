"""Real mail servers for the tests: an SMTP server that keeps what it receives (aiosmtpd), one
that accepts connections and never answers, and the email worker as its own process."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, timeout=30, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"Timed out waiting for {message}")


class SmtpSink:
    """An SMTP server on 127.0.0.1 that keeps each message it is given.

    `refuse` holds addresses it answers 550 to; `data_delay` seconds pass between taking a
    message (it is kept) and saying so, the window in which a sender may die.
    """

    def __init__(self, port=None, refuse=(), data_delay=0.0):
        self.port = port or free_port()
        self.refuse = set(refuse)
        self.data_delay = data_delay
        self.messages = []
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc_info):
        self.controller.stop()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = message_from_bytes(envelope.content, policy=policy.default)
        message.recipients = list(envelope.rcpt_tos)
        self.messages.append(message)
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        return "250 Message accepted for delivery"

    def message_ids(self):
        return [message["Message-ID"] for message in self.messages]


class HungServer:
    """Accepts TCP connections and never says a word, like a wedged mail server."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        try:
            while True:
                self.connections.append(self.socket.accept()[0])
        except OSError:
            return  # Closed.

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        for accepted in self.connections:
            accepted.close()
        self.socket.close()


def test_database_url():
    """The test database, as a DATABASE_URL another process can use."""
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{config['NAME']}"
    user = config["USER"] or "postgres"
    return f"postgres://{user}@{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}/{config['NAME']}"


class Worker:
    """`manage.py send_emails` in its own process, with the production settings, sending to
    127.0.0.1:`smtp_port`."""

    def __init__(self, smtp_port, timeout=1, site_url="http://testserver"):
        env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "volontaires.settings.production",
            # Shared with the site, as in production: the links it signs must open there.
            "SECRET_KEY": settings.SECRET_KEY,
            "DATABASE_URL": test_database_url(),
            "SITE_URL": site_url,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_USE_TLS": "0",
            "EMAIL_TIMEOUT": str(timeout),
            "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
            "CACHE_KEY_PREFIX": f"volontaires-test-worker-{os.getpid()}",
        }
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "send_emails", "--interval", "0.1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.output = ""

    def stop(self, sig=signal.SIGTERM, timeout=30):
        """Send `sig`; returns the exit code and keeps what the worker printed."""
        self.process.send_signal(sig)
        self.output, _ = self.process.communicate(timeout=timeout)
        return self.process.returncode

    def kill(self):
        return self.stop(signal.SIGKILL)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if self.process.poll() is None:
            self.kill()
