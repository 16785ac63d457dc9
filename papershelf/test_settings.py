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
