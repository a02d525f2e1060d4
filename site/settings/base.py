"""Settings shared by every environment. The environment is read here, once."""

import datetime
import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from volontaires.cache import FailFastConnection

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "communities",
    "charters",
    "events",
    "registrations",
    "volunteers",
    "staff",
    "mobilisation",
    "proposals",
    "pagecache",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_ratelimit",
    "axes",
    "csp",
    "django_tasks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "volontaires.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the shared cache, before anything reads the database.
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "volontaires.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Django's CSRF check, plus an Origin/Sec-Fetch-Site check for the forms on cacheable pages.
    "registrations.middleware.SameOriginCsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a lockout into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "volontaires.urls"
WSGI_APPLICATION = "volontaires.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite in a file by default; DATABASE_URL (e.g. postgres://user@host:5432/name) otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock when their transaction begins and queue for it (up to `timeout`
    # seconds) instead of failing with "database is locked": registrations never overbook.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared Redis cache when REDIS_URL is set; a per-process cache otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
# A cache down or hung costs speed, never a page: a call gives up after a quarter of a second
# and counts as a miss, and the calls of the next seconds fail at once (logged once,
# volontaires.cache); the site goes on from the database.
REDIS_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": 0.25,
    "SOCKET_TIMEOUT": 0.25,
    "CONNECTION_POOL_KWARGS": {"connection_class": FailFastConnection},
}
# The registration forms' limit per address is counted in the cache: without it, nobody is
# refused.
RATELIMIT_FAIL_OPEN = True
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "volontaires"),
            "OPTIONS": REDIS_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The admin login: AXES_FAILURE_LIMIT failures from one address lock that address out of it for
# AXES_COOLOFF_TIME (django-axes, attempts kept in the database); password resets are limited
# per address too (staff.account).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "volontaires.proxies.client_ip"
AXES_LOCKOUT_CALLABLE = "staff.account.locked_out"

# Content-Security-Policy (django-csp): the public pages load nothing but their own files and
# run no inline code; Wagtail's admin still needs inline scripts and styles
# (wagtail/wagtail#1288), so it gets its own policy (volontaires.middleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Wagtail's preview shows pages in a frame of the admin (its views allow it).
        "frame-ancestors": [SELF],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],
}
# No powerful browser feature is ever used.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
# The admin calls no third party: no avatars from gravatar.com, no check for a new release.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# French first, English second, for the interface and for the content.
LANGUAGE_CODE = "fr"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# French "17h30" and British English dates: site/formats/<language>/formats.py.
FORMAT_MODULE_PATH = ["volontaires.formats"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Email: console locally, SMTP when EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Volontaires de Paris <ne-pas-repondre@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Registrations: how many form submissions one client address may send (django-ratelimit
# syntax), and how long registrations are kept after the event (or after registering).
REGISTRATION_RATE_LIMIT = os.environ.get("REGISTRATION_RATE_LIMIT", "20/h")
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "365"))
# An event's place waits this long for its email address to be confirmed, then goes to the
# waiting list (`manage.py release_unconfirmed_places`, every few minutes).
REGISTRATION_HOLD_HOURS = int(os.environ.get("REGISTRATION_HOLD_HOURS", "24"))
# The engagement passport: how long the link emailed on request works, and how many requests
# one client address may send (django-ratelimit syntax).
PASSPORT_LINK_HOURS = int(os.environ.get("PASSPORT_LINK_HOURS", "24"))
PASSPORT_RATE_LIMIT = os.environ.get("PASSPORT_RATE_LIMIT", "10/h")
# Missions proposed by associations: how many one client address may send (django-ratelimit).
PROPOSAL_RATE_LIMIT = os.environ.get("PROPOSAL_RATE_LIMIT", "5/h")

# Emails wait in the outbox table until `manage.py send_emails` (always on) sends them. An SMTP
# call gives up after EMAIL_TIMEOUT seconds; a temporary failure is tried again after each of
# these delays (seconds), then given up: 1 min, 5 min, 30 min, 2 h, 6 h.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
REGISTRATION_EMAIL_RETRY_DELAYS = [60, 300, 1800, 7200, 21600]
REGISTRATION_EMAILS_SEND_AT_COMMIT = False
# Reminders go to registrations for what starts within this many hours.
REGISTRATION_REMINDER_HOURS = int(os.environ.get("REGISTRATION_REMINDER_HOURS", "24"))

# The reverse proxies in front of the site (addresses or networks, e.g. 127.0.0.1): behind
# them the visitor's address comes from X-Forwarded-For (volontaires.proxies), so that rate
# limits and the login lockout count per visitor, not for the whole city at once.
TRUSTED_PROXIES = [ipaddress.ip_network(entry) for entry in env_list("TRUSTED_PROXIES")]
RATELIMIT_IP_META_KEY = "volontaires.proxies.client_ip"
# django-ratelimit predates Django's own Redis backend, whose increments are atomic too.
# security.W003: Django's CSRF middleware is there, as the subclass
# registrations.middleware.SameOriginCsrfViewMiddleware, which the check does not recognise.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "security.W003"]

# Logs go to standard error (journald, or the process manager's log): requests that failed
# with their traceback, the email worker's attempts. Messages name records by number only.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers print only with DEBUG on, and mail errors to ADMINS: none here.
        "django": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        # A line per Wagtail background task (search and reference index) is noise.
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# The shared cache of anonymous pages (pagecache/): how long a page may stay there and in the
# reverse proxy (s-maxage) unless a change purges it first. 0 turns our cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Purges go to our cache and, when FRONTEND_CACHE_PROXY_URL names it, to the reverse proxy's
# purge endpoint (deploy/nginx/volontaires.conf), through wagtail.contrib.frontend_cache.
WAGTAILFRONTENDCACHE = {"pages": {"BACKEND": "pagecache.backends.PageCacheBackend"}}
if os.environ.get("FRONTEND_CACHE_PROXY_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "pagecache.backends.NginxPurgeBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PROXY_URL"],
    }
# Our URLs differ by language beyond their prefix: each page's translations are purged as pages.
WAGTAILFRONTENDCACHE_LANGUAGES = []

WAGTAIL_SITE_NAME = "Volontaires de Paris"


def site_address(url):
    """(scheme, host, port) of SITE_URL, the one address every absolute URL is built from.

    Wagtail's Site writes port 443 as https and any other port as http, so https is accepted on
    the default port only.
    """
    parts = urlsplit(url)
    default_port = {"http": 80, "https": 443}.get(parts.scheme)
    try:
        port = parts.port or default_port
    except ValueError:
        port = None
    if (
        default_port is None
        or not parts.hostname
        or port is None
        or parts.path.strip("/")
        or (parts.scheme == "https") != (port == 443)
    ):
        raise ImproperlyConfigured(
            f"SITE_URL must be http://host[:port] or https://host (port 443), not {url!r}."
        )
    return parts.scheme, parts.hostname, port


# The public address of the site: email links, feeds, canonical and hreflang links, the sitemap
# and the admin's own links. Wagtail's default Site is kept equal to it (home.sites).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
site_address(SITE_URL)
WAGTAILADMIN_BASE_URL = SITE_URL
# The database backend, with each language's stemming (home/search.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "svg", "webp"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
# The image library requires a description: it is each image's default alt text.
WAGTAILIMAGES_IMAGE_FORM_BASE = "staff.forms.ImageForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILLOCALIZE_ENABLE_MACHINE_TRANSLATION = False
# "Translate this page" makes an English draft: it goes live once translated and published,
# never with the French text as a stand-in.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


def require_secret_key(value):
    """Refuse to run with a missing or placeholder key outside local development (the same
    rule as Django's deployment check)."""
    if not value or value.startswith("django-insecure") or len(value) < 50 or len(set(value)) < 5:
        raise ImproperlyConfigured(
            "Set SECRET_KEY to a random value of at least 50 characters "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    return value
