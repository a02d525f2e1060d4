"""Production: DEBUG off, a real SECRET_KEY required, hashed and compressed static files."""

import os

from .base import *  # noqa: F403
from .base import SECRET_KEY, STORAGES, env_bool, require_secret_key

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = require_secret_key(SECRET_KEY)

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
# HSTS: 0 until HTTPS is settled; then, as the README says, a year, subdomains and preload.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
