"""Local development: DEBUG on, a throwaway key, emails printed to the console."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-local-development-only")

if CACHES["default"]["BACKEND"].endswith("LocMemCache"):  # noqa: F405
    # One runserver process: a per-process cache counts submissions well enough locally.
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_ratelimit.E003"]  # noqa: F405
