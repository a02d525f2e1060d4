"""The benchmark behind `scripts/bench`: the site as it runs in production (gunicorn, 2 sync
workers, the production settings, PostgreSQL, Redis) with the demo content, loaded from outside.

For each page kind, served uncached (no cache at all), as a page-cache miss (the page rendered
again, the fragments kept with the pages still cached: what a visitor meets after a
registration purged it), from the site's own cache, and through the reverse proxy
(deploy/nginx/volontaires.conf): the SQL queries of a request, requests per second and
the median wait at each concurrency, and the gunicorn workers' own CPU time per request (read
from /proc: steadier than wall time on a shared machine). Then registrations per second at
concurrency 32, each taking a place, then for fewer places than people, the database checked
for overbooking afterwards. Then the public pages again
while a crisis activation alerts 2,000 volunteers through the email worker, each of whom must
get exactly one email.
"""

import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deploy.nginx.local import LocalNginx, free_port, installed  # noqa: E402

PYTHON = sys.executable
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "300"))
CONCURRENCY = (8, 32)
VOLUNTEERS = 2000
TICKS = os.sysconf("SC_CLK_TCK")

UNCACHED_PORT, CACHED_PORT, PROXY_PORT, PURGE_PORT, SMTP_PORT = (free_port() for _ in range(5))
DATABASE_URL = os.environ["DATABASE_URL"]
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "volontaires.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    # The public address is the proxy's: its purges name pages there.
    "SITE_URL": f"http://127.0.0.1:{PROXY_PORT}",
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
    # The benchmark's registrations all come from this machine.
    "REGISTRATION_RATE_LIMIT": "1000000/h",
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
    """This process talks to the same database, to count queries and prepare the data; its
    own renders are never cached."""
    os.environ.update(ENV, PAGE_CACHE_SECONDS="0")
    import django

    django.setup()


class Gunicorn:
    def __init__(self, port, **env):
        self.port, self.env = port, {**ENV, **env}

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).with_name("gunicorn")),
                "volontaires.wsgi",
                "--workers=2",
                f"--bind=127.0.0.1:{self.port}",
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                request(self.port, "/robots.txt")
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


def request(port, path, method="GET", body=None, answer=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Host": f"127.0.0.1:{port}"}
    if body is not None:
        # As a browser posts from the page: the same-origin proof the forms ask.
        headers |= {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"http://127.0.0.1:{port}",
        }
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        if answer is not None:
            answer.append(content.decode(errors="replace"))
        return response.status
    finally:
        connection.close()


def load(server, port, make_request, concurrency, expected=200):
    """(requests/s, median ms, worker CPU ms per request) for REQUESTS requests."""
    waits, failures, lock = [], Counter(), threading.Lock()
    numbers = iter(range(REQUESTS))

    def client():
        while True:
            with lock:
                number = next(numbers, None)
            if number is None:
                return
            began = time.perf_counter()
            status = make_request(number)
            with lock:
                waits.append(time.perf_counter() - began)
                if status != expected:
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
        raise RuntimeError(f"answers other than {expected}: {dict(failures)}")
    return (
        REQUESTS / elapsed,
        statistics.median(waits) * 1000,
        (server.cpu_seconds() - cpu) * 1000 / REQUESTS,
    )


def pages():
    """One page of each kind, in French."""
    from charters.models import CharterPage, ProgrammePage
    from communities.models import CommunityIndexPage, CommunityPage, KitPage
    from events.models import ArrondissementPage, EventIndexPage
    from home.models import HomePage, StandardPage

    kinds = {
        "home": HomePage,
        "standard": StandardPage,
        "communities": CommunityIndexPage,
        "community": CommunityPage,
        "kit": KitPage,
        "charter": CharterPage,
        "programme": ProgrammePage,
        "agenda": EventIndexPage,
        "arrondissement": ArrondissementPage,
    }
    found = {
        name: model.objects.live().filter(locale__language_code="fr").first().url
        for name, model in kinds.items()
    }
    found["event"] = open_event().url
    return found


def open_event():
    """The next event open for registration, first come first served, with no extra question."""
    from django.utils import timezone

    from events.models import EventPage

    now = timezone.now()
    return (
        EventPage.objects.live()
        .filter(
            locale__language_code="fr",
            registration_enabled=True,
            registration_opens_at__lte=now,
            registration_closes_at__gt=now,
            allocation=EventPage.Allocation.FIRST_COME,
            ask_date_of_birth=False,
            form_fields__isnull=True,
        )
        .order_by("start")
        .first()
    )


def queries(path, miss=False):
    """The SQL of one render with an empty cache, or (`miss`) of one that misses the page cache
    only, the fragments kept with the pages (navigation, footer, bodies) still in it."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from pagecache.cache import purge_paths

    client = Client()
    with override_settings(PAGE_CACHE_SECONDS=600 if miss else 0):
        # Images' renditions, and the fragments and routing when kept: rendered here, for this
        # client's host (the routing is kept per host), not taken from the page cache.
        purge_paths([path])
        assert client.get(path, HTTP_HOST="127.0.0.1").status_code == 200
        purge_paths([path])
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path, HTTP_HOST="127.0.0.1").status_code == 200
    return len(captured)


def missed(path, number):
    """The page at an address the page cache does not hold yet: a query string of its own.
    Its language links, which carry the query string, are computed too (two queries more than
    the page purged costs, which the SQL column counts)."""
    return f"{path}{'&' if '?' in path else '?'}miss={number}-{secrets.token_hex(4)}"


# How each table row asks for the page, and how many queries a request makes there.
SERVED = {
    "uncached": (lambda path, _number: path, lambda path: queries(path)),
    "page miss": (missed, lambda path: queries(path, miss=True)),
    "app cache": (lambda path, _number: path, lambda _path: 0),
    "proxy": (lambda path, _number: path, lambda _path: 0),
}


def page_table(modes, paths):
    header = f"{'page':<15} {'served':<10} {'SQL':>4}"
    for concurrency in CONCURRENCY:
        header += f" | c={concurrency:<2} {'req/s':>7} {'median ms':>9} {'CPU ms/req':>10}"
    print(header)
    for name, path in paths.items():
        for mode, server, port in modes:
            address, sql = SERVED[mode]
            request(port, path)  # Warm the workers, fill the caches.
            row = f"{name:<15} {mode:<10} {sql(path):>4}"
            for concurrency in CONCURRENCY:
                rate, median, cpu = load(
                    server,
                    port,
                    lambda n, p=path, o=port, a=address: request(o, a(p, n)),
                    concurrency,
                )
                row += f" | {'':<4} {rate:>7.1f} {median:>9.0f} {cpu:>10.1f}"
            print(row, flush=True)


def registration_body(event, number):
    return urlencode(
        {
            "first_name": "Camille",
            "last_name": "Bench",
            "email": f"bench{number}@example.org",
            "consent": "on",
            "form_page": event.pk,
        }
    )


def registrations(server):
    """Registrations per second at concurrency 32: first each taking a place, then on an event
    with fewer places than people (the others wait), the database checked afterwards for
    overbooking. A registration that joins the waiting list purges no page: it changes none."""
    from registrations.models import Registration

    event = open_event()
    events = type(event).objects.filter(pk=event.pk)

    def register(number):
        return request(server.port, event.url, "POST", registration_body(event, number))

    events.update(capacity=REQUESTS + 1, waiting_list_enabled=True)
    answer = []
    if request(server.port, event.url, "POST", registration_body(event, "first"), answer) != 303:
        errors = re.findall(r'class="registration__errors".*?</div>', answer[0], re.S)
        raise RuntimeError(f"The registration form refused the benchmark's data: {errors}")
    rate, median, cpu = load(server, server.port, register, 32, expected=303)
    print(
        f"{REQUESTS} registrations at c=32, each taking a place: {rate:.1f}/s, "
        f"median {median:.0f} ms, {cpu:.1f} ms worker CPU each."
    )
    more = 50
    capacity = REQUESTS + 1 + more
    events.update(capacity=capacity)
    rate, median, cpu = load(server, server.port, lambda n: register(REQUESTS + n), 32, 303)
    registered = Registration.objects.for_page(event).filter(email__startswith="bench")
    holding = registered.holding_places().count()
    waiting = registered.waiting().count()
    verdict = "no overbooking" if holding <= capacity else "OVERBOOKED"
    print(
        f"{REQUESTS} registrations at c=32 for {more} places left: {rate:.1f}/s, median "
        f"{median:.0f} ms, {cpu:.1f} ms worker CPU each; {holding} places held of {capacity}, "
        f"{waiting} waiting: {verdict}."
    )
    return holding <= capacity and holding + waiting == 2 * REQUESTS + 1


class SmtpSink:
    """Counts what it receives, by recipient."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.received = Counter()
        self.controller = Controller(self, hostname="127.0.0.1", port=SMTP_PORT)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        # The volunteers' alerts; the registrations' emails of the run before are not counted.
        self.received.update(a for a in envelope.rcpt_tos if a.startswith("volontaire"))
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


def activation(server, paths):
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
        print("The uncached pages while the email worker sends the 2,000 alerts:")
        page_table([("uncached", server, server.port)], paths)
        while sum(sink.received.values()) < VOLUNTEERS:
            if time.perf_counter() - began > 900:
                raise RuntimeError("The alerts took more than 15 minutes.")
            time.sleep(0.5)
        sent_in = time.perf_counter() - began
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        sink.controller.stop()
    once = len(sink.received) == VOLUNTEERS and all(n == 1 for n in sink.received.values())
    print(
        f"{len(sink.received)} volunteers got {sum(sink.received.values())} emails "
        f"({'exactly one each' if once else 'NOT one each'}) in {sent_in:.0f} s "
        f"({VOLUNTEERS / sent_in:.0f} emails/s)."
    )
    return once


def main(only_registrations=False):
    if not installed():
        sys.exit("The proxy needs Debian's nginx and libnginx-mod-http-cache-purge.")
    print(f"Setting up {DATABASE_URL} with the demo content…", flush=True)
    recreate_database()
    try:
        manage("migrate", "--no-input", "-v", "0")
        manage("load_demo_content", "-v", "0")
        manage("collectstatic", "--no-input", "-v", "0")
        django_setup()
        paths = pages()
        proxy_cache = tempfile.mkdtemp(prefix="bench-nginx-")
        with (
            Gunicorn(UNCACHED_PORT, PAGE_CACHE_SECONDS="0") as uncached,
            Gunicorn(
                CACHED_PORT, FRONTEND_CACHE_PROXY_URL=f"http://127.0.0.1:{PURGE_PORT}"
            ) as cached,
        ):
            nginx = LocalNginx(proxy_cache, CACHED_PORT, port=PROXY_PORT, purge_port=PURGE_PORT)
            try:
                if not only_registrations:
                    print("\nPublic pages (gunicorn, 2 sync workers, PostgreSQL):")
                    page_table(
                        [
                            ("uncached", uncached, UNCACHED_PORT),
                            ("page miss", cached, CACHED_PORT),
                            ("app cache", cached, CACHED_PORT),
                            ("proxy", cached, PROXY_PORT),
                        ],
                        paths,
                    )
                    print()
                # As in production: each registration purges its pages from both caches.
                fair = registrations(cached)
            finally:
                nginx.stop()
            once = only_registrations or activation(
                uncached, {name: paths[name] for name in ("home", "event")}
            )
        print(f"Load average (1, 5, 15 min): {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
        if not (fair and once):
            sys.exit(1)
    finally:
        from django.db import connections

        connections.close_all()
        recreate_database(drop_only=True)


if __name__ == "__main__":
    main(only_registrations=sys.argv[1:] == ["registrations"])
