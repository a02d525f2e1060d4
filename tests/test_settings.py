"""Production settings, loaded in a fresh interpreter as gunicorn would load them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REAL_KEY = "k7Qp2vX9sLmN4rT8wYzA1bC3dE5fG6hJ0uI-oPqRsTuV_w3ZxY8aB"
SHOW_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "DEBUG": s.DEBUG,
    "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "ENGINE": s.DATABASES["default"]["ENGINE"],
    "DB_NAME": s.DATABASES["default"]["NAME"],
    "CACHE": s.CACHES["default"]["BACKEND"],
    "STATICFILES": s.STORAGES["staticfiles"]["BACKEND"],
}))
"""


def in_production(*args, **environ):
    """Run Python with the production settings and only `environ` of the site's variables."""
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for their own process: never a server's.
    ours = {"SECRET_KEY", "DEBUG", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS", *environ}
    ours.add("DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {name: value for name, value in os.environ.items() if name not in ours}
    env.update(DJANGO_SETTINGS_MODULE="volontaires.settings.production", **environ)
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def start_production(**environ):
    return in_production("-c", SHOW_SETTINGS, **environ)


@pytest.mark.parametrize(
    "environ",
    [
        pytest.param({}, id="no key"),
        pytest.param({"SECRET_KEY": ""}, id="empty key"),
        pytest.param({"SECRET_KEY": "django-insecure-" + "x" * 40}, id="development key"),
        pytest.param({"SECRET_KEY": "too-short"}, id="short key"),
    ],
)
def test_production_refuses_to_start_without_a_real_secret_key(environ):
    result = start_production(**environ)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Set SECRET_KEY to a random value of at least 50 characters" in result.stderr


def test_production_starts_with_a_real_key_and_reads_the_environment():
    result = start_production(
        SECRET_KEY=REAL_KEY,
        ALLOWED_HOSTS="volontaires.paris.fr, www.volontaires.paris.fr",
        DATABASE_URL="postgres://volontaires@db.internal:5432/volontaires",
        REDIS_URL="redis://cache.internal:6379/0",
    )
    assert result.returncode == 0, result.stderr
    settings = json.loads(result.stdout)
    assert settings == {
        "DEBUG": False,
        "ALLOWED_HOSTS": ["volontaires.paris.fr", "www.volontaires.paris.fr"],
        "ENGINE": "django.db.backends.postgresql",
        "DB_NAME": "volontaires",
        "CACHE": "django_redis.cache.RedisCache",
        "STATICFILES": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    }


# The production values the README documents (Deploying): Django's deployment check passes.
DOCUMENTED_PRODUCTION = {
    "SECRET_KEY": REAL_KEY,
    "ALLOWED_HOSTS": "volontaires.paris.fr",
    "CSRF_TRUSTED_ORIGINS": "https://volontaires.paris.fr",
    "SITE_URL": "https://volontaires.paris.fr",
    "DATABASE_URL": "postgres://volontaires@db.internal:5432/volontaires",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
}


def test_the_deployment_check_passes_with_the_documented_production_values():
    result = in_production(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", **DOCUMENTED_PRODUCTION
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


SERVER_ERROR = """
from unittest import mock
import django
django.setup()
from django.test import Client
with mock.patch("home.views.site_url", side_effect=RuntimeError("boom")):
    response = Client(raise_request_exception=False).get("/robots.txt")
print("status", response.status_code)
"""


def test_a_server_error_is_logged_with_its_traceback_in_production():
    result = in_production(
        "-c",
        SERVER_ERROR,
        **{**DOCUMENTED_PRODUCTION, "ALLOWED_HOSTS": "testserver", "SECURE_SSL_REDIRECT": "0"},
    )
    assert "status 500" in result.stdout, result.stderr
    assert "ERROR django.request: Internal Server Error: /robots.txt" in result.stderr
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: boom" in result.stderr
