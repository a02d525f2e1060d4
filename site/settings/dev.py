"""Local development: DEBUG on, a throwaway key, emails printed to the console."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-local-development-only")
