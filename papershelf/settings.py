"""Django settings, all read from the environment (see docs/configuration.md)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF

from papershelf.conf import (
    data_home,
    database_config,
    env_bool,
    env_choice,
    env_float,
    env_int,
    env_list,
    env_rate,
    secret_key,
)

BASE_DIR = Path(__file__).resolve().parent
HOME = data_home()

SECRET_KEY = secret_key(HOME)
DEBUG = env_bool("PAPERSHELF_DEBUG", False)
ALLOWED_HOSTS = env_list("PAPERSHELF_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("PAPERSHELF_CSRF_TRUSTED_ORIGINS", [])
SITE_NAME = "Papershelf"
# ShortScience's rule: one summary of a paper per person; they edit it rather than add more.
ONE_SUMMARY_PER_USER = env_bool("PAPERSHELF_ONE_SUMMARY_PER_USER", True)
ALLOW_SIGNUP = env_bool("PAPERSHELF_ALLOW_SIGNUP", True)
# open (with e-mail verification), invite (links made by moderators), closed (createuser).
SIGNUP = env_choice(
    "PAPERSHELF_SIGNUP", "open" if ALLOW_SIGNUP else "closed", ["open", "invite", "closed"]
)
ALLOW_SIGNUP = SIGNUP != "closed"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "papershelf.accounts",
    "papershelf.papers",
    "papershelf.summaries",
    "papershelf.topics",
    "papershelf.readinglists",
    "papershelf.search",  # issue 5: keyword + semantic search, related papers
    "papershelf.importers",
    "papershelf.moderation",  # issue 11, safety: reports, queue, bans, audit log
    "papershelf.exports",  # issue 12: BibTeX, CSL-JSON, RIS, Markdown folder
    "papershelf.api",  # issue 12: /api/v1/ (django-ninja)
    "papershelf.publish",  # issue 12: papershelf publish, a static site (templates only)
    # issue 11, community: votes, discussion, notifications, follows, feeds
    "papershelf.votes",
    "papershelf.discussions",
    "papershelf.notifications",
    "papershelf.follows",
    "papershelf.feeds",
    # issue 10: background jobs through django-tasks' database queue (SQLite and PostgreSQL)
    "django_tasks",
    "django_tasks_db",
    "papershelf.jobs",
    "axes",  # login throttling (see "Logins" below)
]

MIDDLEWARE = [
    "papershelf.ops.logs.request_id",  # first: every log line of a request carries its id
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "papershelf.middleware.https_only_cookies",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "papershelf.middleware.request_size_limit",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "papershelf.urls"
WSGI_APPLICATION = "papershelf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "papershelf.context_processors.site",
                "papershelf.accounts.context_processors.roles",
                "papershelf.notifications.context_processors.unread",
            ],
        },
    },
]

DATABASES = {"default": database_config(HOME)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts-login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = HOME / "static"  # made by prepare_data_home: whitenoise warns when it is missing
# Serve straight from the package: no collectstatic step stands between install and run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# `serve` collects the files into STATIC_ROOT with hashed names and gzip/brotli copies,
# which whitenoise sends compressed and cached for a year; without that step (tests,
# `manage`) the same storage answers plain names, served from the package.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "papershelf.ops.static.StaticStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = HOME / "media"
# Where pg_dump and pg_restore are, for backups of a PostgreSQL shelf ("": found on PATH).
POSTGRES_BIN_DIR = os.environ.get("PAPERSHELF_PG_BIN", "").strip()

# --- Limits: how much text and data one request may bring (docs/configuration.md) ---------
# Larger uploads go to a temporary file rather than memory (Django's default threshold).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
UPLOAD_MAX_BYTES = env_int("PAPERSHELF_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)  # one file
REQUEST_MAX_BYTES = env_int("PAPERSHELF_REQUEST_MAX_BYTES", 100 * 1024 * 1024)  # one request
# Form fields other than files; past it Django raises RequestDataTooBig, answered with 413.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("PAPERSHELF_FORM_MAX_BYTES", 2 * 1024 * 1024)
# The import preview has a correction field or two per paper found; a large
# bibliography is thousands of fields, well under the byte limit above.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000
MAX_SUMMARY_BYTES = env_int("PAPERSHELF_MAX_SUMMARY_KB", 200) * 1024
MAX_ABSTRACT_BYTES = env_int("PAPERSHELF_MAX_ABSTRACT_KB", 20) * 1024
IMPORT_MAX_FILE_BYTES = env_int("PAPERSHELF_IMPORT_MAX_FILE_MB", 20) * 1024 * 1024
# Title searches (arXiv, Crossref) one import may send for papers notes name by title alone.
IMPORT_TITLE_LOOKUPS = env_int("PAPERSHELF_IMPORT_TITLE_LOOKUPS", 100)
# Web uploads larger than this skip the preview and import in the background (issue 10).
IMPORT_PREVIEW_MAX_BYTES = env_int("PAPERSHELF_IMPORT_PREVIEW_MAX_MB", 2) * 1024 * 1024
# Paper page views are counted in memory and written together this often (issue 10).
VIEW_COUNT_FLUSH_SECONDS = 5
# A change reaches keyword search (tantivy, on SQLite) within this many seconds: a search
# applies what has waited longer, with everything younger, in one commit. Applying each
# save at once cost a commit per save (~8 ms of CPU, plus merges of the tiny segments):
# a fifth of the server's CPU under load (issue 10). Elasticsearch's refresh interval.
SEARCH_REFRESH_SECONDS = env_float("PAPERSHELF_SEARCH_REFRESH_SECONDS", 1.0)
# Django's defaults (0644/0755) would let every account on the machine read uploads.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

SESSION_COOKIE_HTTPONLY = True
# Sessions are read from the shared cache (files in the data directory) and written through
# to the database: a signed-in request no longer queries the session table.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CSRF_COOKIE_HTTPONLY = True  # the live preview reads the token from the form, not the cookie
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- HTTPS: Secure cookies and HSTS once the shelf is reached over HTTPS ------------------
# PAPERSHELF_HTTPS says every request is; behind a proxy that terminates TLS, the proxy's
# X-Forwarded-Proto says so per request, trusted only when the operator opts in (anyone
# could send that header to a shelf that is not behind a proxy).
HTTPS = env_bool("PAPERSHELF_HTTPS", False)
BEHIND_PROXY = env_bool("PAPERSHELF_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("PAPERSHELF_SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
HSTS_SECONDS = env_int("PAPERSHELF_HSTS_SECONDS", 365 * 24 * 3600)  # sent on HTTPS only
SECURE_HSTS_SECONDS = HSTS_SECONDS  # Django's own, for requests it sees as HTTPS

# --- Content-Security-Policy (django-csp): only our own scripts, styles and fonts --------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],  # no inline script anywhere: templates load static files
        "style-src": [SELF],
        "style-src-elem": [SELF],
        # KaTeX sets a few style attributes itself (the red of bad TeX, \fbox borders).
        # Their values vary with the math, so neither hashes nor a nonce can cover them
        # (a nonce applies to elements, never to attributes); user HTML cannot add any,
        # because the Markdown sanitiser strips style attributes.
        "style-src-attr": ["'unsafe-inline'"],
        # Web images in summaries stay blocked unless the operator allows their hosts:
        # loading them would tell other sites who reads what.
        "img-src": [SELF, "data:", *env_list("PAPERSHELF_IMAGE_SOURCES", [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# --- E-mail: notifications (and account mail) through Django's e-mail backends -----------
# Printed to the console until an SMTP host is set; tests use Django's locmem backend.
EMAIL_HOST = os.environ.get("PAPERSHELF_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("PAPERSHELF_EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("PAPERSHELF_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("PAPERSHELF_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("PAPERSHELF_EMAIL_TLS", True)
EMAIL_TIMEOUT = 20  # seconds: a stuck mail server must not hold a request forever
DEFAULT_FROM_EMAIL = os.environ.get("PAPERSHELF_EMAIL_FROM", "papershelf@localhost")
# E-mails are sent outside any request, so their links need the shelf's public address.
SITE_URL = os.environ.get("PAPERSHELF_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Moderation and abuse (issue 11): rate limits, holding for review, spam --------------
# django-ratelimit counts in the cache. `serve` runs several processes (issue 10), so
# the cache is files in the data directory that they all share: a per-process memory
# cache would let each process allow the full rate. (Two processes counting the same
# request at the same instant may count it once; a limit stays a limit.) django_ratelimit's
# app, which only adds a check asking for memcached or Redis, is not installed.
CACHES = {
    "default": {
        "BACKEND": "papershelf.lib.filecache.FileCache",
        "LOCATION": str(HOME / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
RATELIMIT_ENABLE = env_bool("PAPERSHELF_RATE_LIMITS", True)
# Per signed-in person and per address; sign-ups and reset e-mails come from nobody yet.
RATE_LIMITS = {
    "signup": {"user": "off", "ip": env_rate("PAPERSHELF_RATE_SIGNUP_PER_IP", "5/h")},
    "post": {  # new summaries
        "user": env_rate("PAPERSHELF_RATE_POST_PER_USER", "20/h"),
        "ip": env_rate("PAPERSHELF_RATE_POST_PER_IP", "60/h"),
    },
    "comment": {  # comments, questions, answers
        "user": env_rate("PAPERSHELF_RATE_COMMENT_PER_USER", "30/h"),
        "ip": env_rate("PAPERSHELF_RATE_COMMENT_PER_IP", "100/h"),
    },
    "vote": {
        "user": env_rate("PAPERSHELF_RATE_VOTE_PER_USER", "120/h"),
        "ip": env_rate("PAPERSHELF_RATE_VOTE_PER_IP", "400/h"),
    },
    "follow": {  # follow and unfollow: each may notify nobody, but a bot could churn
        "user": env_rate("PAPERSHELF_RATE_FOLLOW_PER_USER", "120/h"),
        "ip": env_rate("PAPERSHELF_RATE_FOLLOW_PER_IP", "400/h"),
    },
    "reset": {"user": "off", "ip": env_rate("PAPERSHELF_RATE_RESET_PER_IP", "10/h")},
}
HOLD_FIRST_POSTS = env_int("PAPERSHELF_HOLD_FIRST_POSTS", 0)
SPAM_CHECK = env_bool("PAPERSHELF_SPAM_CHECK", True)
SPAM_MAX_LINKS = env_int("PAPERSHELF_SPAM_MAX_LINKS", 20)
SPAM_MAX_REPEATS = env_int("PAPERSHELF_SPAM_MAX_REPEATS", 3)
SPAM_TRUSTED_AFTER = env_int("PAPERSHELF_SPAM_TRUSTED_AFTER", 5)  # published posts
INVITE_DAYS = env_int("PAPERSHELF_INVITE_DAYS", 7)
# Password-reset and e-mail confirmation links stop working after this long.
PASSWORD_RESET_TIMEOUT = env_int("PAPERSHELF_EMAIL_LINK_HOURS", 24) * 3600
# Argon2 (argon2-cffi) for new and changed passwords; older hashes still verify and are
# upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# --- Logins: django-axes locks a username, and an address, after repeated failures ------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend that lets a banned or unconfirmed account prove its password, so the
    # login page can say why it is refused; such accounts still have no session.
    "papershelf.accounts.backends.AccountBackend",
]
AXES_ENABLED = env_bool("PAPERSHELF_LOGIN_THROTTLE", True)
AXES_FAILURE_LIMIT = env_int("PAPERSHELF_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("PAPERSHELF_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each counted on its own
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "papershelf.accounts.throttle.locked_out"
AXES_CLIENT_IP_CALLABLE = "papershelf.accounts.throttle.client_ip"
AXES_VERBOSE = False

# --- Background work and operations (issue 10) ------------------------------------------
# Tasks wait in a database table (django-tasks-db), so they survive a restart and need no
# broker; `papershelf worker` (started by `serve`) runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# E-mail leaves the request too: messages are queued, and the worker sends them through
# the backend chosen above (SMTP, or the console).
EMAIL_SENDING_BACKEND = EMAIL_BACKEND
EMAIL_BACKEND = "papershelf.jobs.mail.QueuedEmailBackend"
LOG_FORMAT = env_choice("PAPERSHELF_LOG_FORMAT", "text", ["text", "json"])
LOG_LEVEL = env_choice("PAPERSHELF_LOG_LEVEL", "info", ["debug", "info", "warning", "error"])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "papershelf.ops.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        "json": {"()": "papershelf.ops.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Broken BibTeX is reported by our importer with file and line; its parser's own
    # log lines would only say it twice.
    "loggers": {
        "bibtexparser": {"level": "CRITICAL"},
        "papershelf": {"level": LOG_LEVEL.upper()},
    },
}
