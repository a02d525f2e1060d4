"""Tests: the real database (DATABASE_URL or SQLite) and the real Redis cache."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-long-enough-for-the-production-rule-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each email is sent as its transaction commits, as if the worker had sent it at once; the
# worker's own tests switch this off and run it against a real SMTP server.
REGISTRATION_EMAILS_SEND_AT_COMMIT = True
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
        "OPTIONS": REDIS_OPTIONS,  # noqa: F405
        # One key space per xdist worker, so parallel tests never see each other's entries.
        "KEY_PREFIX": "volontaires-test-" + os.environ.get("PYTEST_XDIST_WORKER", "main"),
    }
}
# Tests run in transactions that never commit, so the purges that follow a commit never run:
# the page cache is off, except in the tests of the cache itself (tests/test_page_cache.py,
# which run the commit's callbacks) and the browser tests (whose live server commits).
PAGE_CACHE_SECONDS = 0
MEDIA_ROOT = BASE_DIR / "build" / "test-media"  # noqa: F405
# Nothing is collected for tests: the live server serves static files from the apps.
STATIC_ROOT = None
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the concurrency tests open one connection per thread.
    (BASE_DIR / "build").mkdir(exist_ok=True)  # noqa: F405
    # One file per test process: engineers and CI jobs sharing a checkout never meet.
    TEST_DATABASE = BASE_DIR / "build" / f"test-db-{os.getpid()}.sqlite3"  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_DATABASE)}  # noqa: F405
    # Under pytest-xdist, pytest-django adds the worker's name to the file's.
    if worker := os.environ.get("PYTEST_XDIST_WORKER"):
        TEST_DATABASE = TEST_DATABASE.with_name(f"{TEST_DATABASE.name}_{worker}")
    # A write-ahead log left by an earlier process of the same number would be replayed into
    # the new database, with its old tables; tests/conftest.py removes this process's at exit.
    for leftover in ("-wal", "-shm"):
        TEST_DATABASE.with_name(TEST_DATABASE.name + leftover).unlink(missing_ok=True)
