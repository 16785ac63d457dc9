from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papershelf.settings")
application = get_wsgi_application()

# The data directory is made (0700, with its secret key) when the app starts, not on import.
from django.conf import settings  # noqa: E402

from papershelf.conf import prepare_data_home  # noqa: E402

prepare_data_home(settings.HOME)
