"""Settings, read from the environment with safe defaults.

DATABASE_URL   default: an SQLite file in INTERPARL_DATA_DIR (default ./data), WAL mode
SECRET_KEY     default: a key generated once and kept in the data folder
DEBUG          default: off
ALLOWED_HOSTS  comma-separated, default: localhost, 127.0.0.1
INTERPARL_HTTPS, INTERPARL_BEHIND_PROXY, INTERPARL_HSTS_SECONDS   production over HTTPS (README)
INTERPARL_MAX_PAGE_BYTES, INTERPARL_MAX_DATASET_BYTES            input limits (interparl.inputs)
INTERPARL_SELF_APPROVAL        may reviewers approve their own proposals (default: no)
REDIS_URL                      a Redis shared by every server process as their cache (default: none)
DATABASE_REPLICA_URL           a read replica of DATABASE_URL (default: none)
"""

import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("INTERPARL_DATA_DIR", Path.cwd() / "data")).resolve()


def _flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def _private_data_dir() -> Path:
    """The data folder holds the database (password hashes) and the secret key: only its owner may read it."""
    if not DATA_DIR.exists():
        DATA_DIR.mkdir(mode=0o700, parents=True)
    return DATA_DIR


def _private_file(path: Path) -> Path:
    """Create ``path`` readable by its owner only from the first moment (not chmod-ed after it was written)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    return path


def _secret_key() -> str:
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = _private_data_dir() / "secret_key"
    if not key_file.exists():
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as out:
            out.write(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
# Behind HTTPS (production), INTERPARL_HTTPS=1: cookies only over HTTPS, HSTS, and plain HTTP redirected.
# Off by default so that `make serve` works on http://127.0.0.1:8000.
HTTPS = _flag("INTERPARL_HTTPS")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("INTERPARL_HSTS_SECONDS", 31_536_000 if HTTPS else 0))
if _flag("INTERPARL_BEHIND_PROXY"):  # the proxy in front terminates TLS and says so in X-Forwarded-Proto
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
DEBUG = _flag("DEBUG")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h]

INSTALLED_APPS = [
    "modeltranslation",  # must precede the admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "simple_history",
    "ninja",  # serves the API docs page's assets locally
    "interparl.registry",
    "interparl.changes",
    "interparl.ingestion",
    "corsheaders",
    "interparl.api",
    "interparl.downloads",
    "interparl.portal",
]

# Open data is readable from any web page (CORS), for reading only; portal pages and the admin are not shared.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api|export)/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]
CORS_PREFLIGHT_MAX_AGE = 86400

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.gzip.GZipMiddleware",  # pages and JSON compressed; static files come compressed already
    "corsheaders.middleware.CorsMiddleware",  # open data: any origin may read /api/ and /export/
    "interparl.middleware.SiteMiddleware",
    "interparl.api.middleware.RejectNulCharacters",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "interparl.portal.middleware.RememberLanguage",  # outside the cache: every reader's cookie, hit or miss
    "interparl.response_cache.ResponseCache",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "interparl.urls"
WSGI_APPLICATION = "interparl.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DEFAULT_DATABASE_URL = f"sqlite:///{DATA_DIR / 'interparl.sqlite3'}"
if not os.environ.get("DATABASE_URL"):
    # SQLite gives its -wal and -shm files the mode of the database file.
    _private_file(_private_data_dir() / "interparl.sqlite3")
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL), conn_max_age=60)}
if os.environ.get("DATABASE_REPLICA_URL"):
    # A read replica: reads outside transactions go to it (interparl.routers), writes to the primary.
    DATABASES["replica"] = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"], conn_max_age=60)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["interparl.routers.ReplicaRouter"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while the loader writes; the pragmas run on every new connection. Connections are kept
    # (CONN_MAX_AGE, one per server thread): opening one and running the pragmas cost more than a cached answer.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# Sessions live in signed cookies, so reading the site (and signing in) never needs to write to the database:
# a long import that holds SQLite's write lock does not lock editors out.
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
SESSION_COOKIE_HTTPONLY = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Answers and computed pages are cached per registry version (see interparl.response_cache).
# "responses" holds whole answers (open data, portal pages) of at most 256 KiB each, so 400 entries bound it at
# 100 MiB per process.
# Without REDIS_URL each process keeps its own (bounded) caches, keyed by the registry's version, so they are never
# stale; with it, every process (and host) shares one cache, whose entries expire after a day.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        name: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"interparl-{name}",
            "TIMEOUT": 24 * 3600,
        }
        for name in ("default", "responses")
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "responses": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "responses",
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 400},
        },
    }

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский")]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "ru")
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
_private_data_dir()
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from here after collectstatic
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The dataset loaded into an empty database by `interparl serve` and every reading command.
BUILTIN_DATASET = PACKAGE_DIR / "datasets" / "csto-pa.yaml"
DEFAULT_ASSEMBLY = os.environ.get("INTERPARL_ASSEMBLY", "csto-pa")

# The most one page (extract, ingest, the admin's paste form) or one dataset file may hold; see interparl.inputs.
MAX_PAGE_BYTES = int(os.environ.get("INTERPARL_MAX_PAGE_BYTES", 20 << 20))
MAX_DATASET_BYTES = int(os.environ.get("INTERPARL_MAX_DATASET_BYTES", 50 << 20))

# May a reviewer approve a proposal they made themselves? Administrators always may.
SELF_APPROVAL = _flag("INTERPARL_SELF_APPROVAL")
