"""The benchmark behind `scripts/bench`: the site as it runs in production (gunicorn, 2 sync
workers, the production settings, PostgreSQL, Redis) with the demo content, loaded from outside.

For each page: its SQL queries, then requests per second and the median wait at each
concurrency, and the gunicorn workers' own CPU time per request (read from /proc: steadier
than wall time on a shared machine). Then the same while a crisis activation alerts 2,000
volunteers: the email worker sends to a local SMTP server meanwhile, and every volunteer must
get exactly one email.
"""

import http.client
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "300"))
CONCURRENCY = (8, 32)
VOLUNTEERS = 2000
TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT, SMTP_PORT = free_port(), free_port()
DATABASE_URL = os.environ["DATABASE_URL"]
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "volontaires.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "SITE_URL": f"http://127.0.0.1:{PORT}",
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14"),
    "CACHE_KEY_PREFIX": f"bench-{os.getpid()}",
    "STATIC_ROOT": tempfile.mkdtemp(prefix="bench-static-"),
    "MEDIA_ROOT": tempfile.mkdtemp(prefix="bench-media-"),
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": str(SMTP_PORT),
    "EMAIL_USE_TLS": "0",
    "LOG_LEVEL": "WARNING",
}


def manage(*args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def recreate_database(drop_only=False):
    import psycopg2

    url = urlsplit(DATABASE_URL)
    name = url.path.lstrip("/")
    connection = psycopg2.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username or "postgres",
        dbname="postgres",
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def django_setup():
    """This process talks to the same database, to count queries and prepare the volunteers."""
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


class Gunicorn:
    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).with_name("gunicorn")),
                "volontaires.wsgi",
                "--workers=2",
                f"--bind=127.0.0.1:{PORT}",
            ],
            cwd=ROOT,
            env=ENV,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                get("/robots.txt")
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc_info):
        self.process.terminate()
        self.process.wait(timeout=30)

    def workers(self):
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids

    def cpu_seconds(self):
        total = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / TICKS


def get(path):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def load(server, path, concurrency):
    """(requests/s, median ms, CPU ms per request) for REQUESTS requests at this concurrency."""
    waits, failures, lock = [], Counter(), threading.Lock()
    remaining = iter(range(REQUESTS))

    def client():
        while True:
            with lock:
                if next(remaining, None) is None:
                    return
            began = time.perf_counter()
            status = get(path)
            with lock:
                waits.append(time.perf_counter() - began)
                if status != 200:
                    failures[status] += 1

    cpu = server.cpu_seconds()
    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    if failures:
        raise RuntimeError(f"{path}: answers other than 200: {dict(failures)}")
    return (
        REQUESTS / elapsed,
        statistics.median(waits) * 1000,
        (server.cpu_seconds() - cpu) * 1000 / REQUESTS,
    )


def pages():
    """One page of each kind the public opens most, in French."""
    from django.utils import timezone

    from communities.models import KitPage
    from events.models import EventIndexPage, EventPage
    from home.models import HomePage

    french = {"locale__language_code": "fr"}
    event = (
        EventPage.objects.live()
        .filter(**french, end__gt=timezone.now(), registration_enabled=True)
        .order_by("start")
        .first()
    )
    return {
        "home": HomePage.objects.live().get(**french).url,
        "event": event.url,
        "kit": KitPage.objects.live().filter(**french).first().url,
        "agenda": EventIndexPage.objects.live().get(**french).url,
    }


def queries(path):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert Client().get(path, HTTP_HOST="127.0.0.1").status_code == 200
    return len(captured)


def measure(server, paths, title):
    print(f"\n{title}")
    header = f"{'page':<8} {'SQL':>4}"
    for concurrency in CONCURRENCY:
        header += f" | c={concurrency:<2} {'req/s':>6} {'median ms':>9} {'CPU ms/req':>10}"
    print(header)
    for name, path in paths.items():
        get(path)  # Warm the workers.
        row = f"{name:<8} {queries(path):>4}"
        for concurrency in CONCURRENCY:
            rate, median, cpu = load(server, path, concurrency)
            row += f" | {'':<4} {rate:>6.1f} {median:>9.0f} {cpu:>10.1f}"
        print(row, flush=True)


class SmtpSink:
    """Counts what it receives, by recipient."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.received = Counter()
        self.controller = Controller(self, hostname="127.0.0.1", port=SMTP_PORT)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.received.update(envelope.rcpt_tos)
        return "250 OK"


def volunteers_and_activation():
    """2,000 confirmed volunteers across the twenty arrondissements, then an activation calling
    all of them; returns the seconds `start` took."""
    from home.models import StandardPage
    from mobilisation import alerts
    from mobilisation.models import Activation
    from registrations.models import Registration

    page = StandardPage.objects.live().filter(locale__language_code="fr").first()
    Registration.objects.bulk_create(
        Registration(
            page=page,
            translation_key=page.translation_key,
            form_data={},
            first_name="Volontaire",
            last_name=str(number),
            email=f"volontaire{number}@example.org",
            status=Registration.Status.CONFIRMED,
            profile={"arrondissements": [number % 20 + 1], "crisis_alerts": True},
        )
        for number in range(VOLUNTEERS)
    )
    activation = Activation.objects.create(
        crisis=Activation.Crisis.HEATWAVE,
        arrondissements=list(range(1, 21)),
        messages={"fr": "Canicule : rendez-vous auprès des personnes isolées.", "en": "Heatwave."},
    )
    began = time.perf_counter()
    assert alerts.start(activation, user=None) == VOLUNTEERS
    return time.perf_counter() - began


def main():
    print(f"Setting up {DATABASE_URL} with the demo content…", flush=True)
    recreate_database()
    try:
        manage("migrate", "--no-input", "-v", "0")
        manage("load_demo_content", "-v", "0")
        manage("collectstatic", "--no-input", "-v", "0")
        django_setup()
        paths = pages()
        with Gunicorn() as server:
            measure(server, paths, "Public pages (gunicorn, 2 sync workers, PostgreSQL)")

            started = volunteers_and_activation()
            print(f"\nActivation started for {VOLUNTEERS} volunteers in {started * 1000:.0f} ms.")
            sink = SmtpSink()
            sink.controller.start()
            # At a lower priority than the site, as the README's systemd unit runs it.
            worker = subprocess.Popen(
                ["nice", "-n", "10", PYTHON, "manage.py", "send_emails", "--interval", "0.2"],
                cwd=ROOT,
                env=ENV,
            )
            began = time.perf_counter()
            try:
                measure(server, paths, "The same while the email worker sends the 2,000 alerts")
                while sum(sink.received.values()) < VOLUNTEERS:
                    if time.perf_counter() - began > 900:
                        raise RuntimeError("The alerts took more than 15 minutes.")
                    time.sleep(0.5)
                sent_in = time.perf_counter() - began
            finally:
                worker.terminate()
                worker.wait(timeout=30)
                sink.controller.stop()
            once = all(count == 1 for count in sink.received.values())
            print(
                f"\n{len(sink.received)} volunteers got {sum(sink.received.values())} emails "
                f"({'exactly one each' if once else 'NOT one each'}) in {sent_in:.0f} s "
                f"({VOLUNTEERS / sent_in:.0f} emails/s)."
            )
        print(f"Load average (1, 5, 15 min): {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
        if not once or len(sink.received) != VOLUNTEERS:
            sys.exit(1)
    finally:
        from django.db import connections

        connections.close_all()
        recreate_database(drop_only=True)


if __name__ == "__main__":
    main()
