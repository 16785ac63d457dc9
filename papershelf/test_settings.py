"""Settings for the test suite: the real settings, in a throw-away data directory."""

from __future__ import annotations

import os
import tempfile

# Before settings are read: tests must never touch a user's real shelf.
os.environ["PAPERSHELF_HOME"] = tempfile.mkdtemp(prefix="papershelf-test-")

from papershelf.conf import prepare_data_home
from papershelf.settings import *  # noqa: F403

prepare_data_home(HOME)  # noqa: F405

# Hashing cost is the point in production and pure waiting in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Every test client posts from 127.0.0.1 and the cache outlives a test: counted across the
# suite, limits would trip at random. The rate-limit tests switch them on (and clear the cache).
RATELIMIT_ENABLE = False

# Background jobs run as they are queued, inside the test; the worker's own tests
# (papershelf/jobs/tests) drive the database queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Page views are written at once, so a test sees its own.
VIEW_COUNT_FLUSH_SECONDS = 0
# …and a search finds what was just written (test_keyword_search.py tests the delay).
SEARCH_REFRESH_SECONDS = 0.0
