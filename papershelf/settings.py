"""Django settings, all read from the environment (see docs/configuration.md)."""

from __future__ import annotations

from pathlib import Path

from papershelf.conf import data_home, database_config, env_bool, env_int, env_list, secret_key

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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
MEDIA_URL = "/media/"
MEDIA_ROOT = HOME / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("PAPERSHELF_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = FILE_UPLOAD_MAX_MEMORY_SIZE
# Django's defaults (0644/0755) would let every account on the machine read uploads.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # the live preview reads the token from the form, not the cookie
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("PAPERSHELF_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Broken BibTeX is reported by our importer with file and line; its parser's own
    # log lines would only say it twice.
    "loggers": {"bibtexparser": {"level": "CRITICAL"}},
}
