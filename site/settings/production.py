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
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_CONTENT_TYPE_NOSNIFF = True
