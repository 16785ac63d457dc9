"""Write the committed OpenAPI snapshot: ``python -m papershelf.api.snapshot``.

The test ``test_the_schema_matches_the_committed_snapshot`` fails when the API changes
without this file; run this command, read the diff, and commit both.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SNAPSHOT = Path(__file__).with_name("openapi.json")


def current_schema() -> dict[str, Any]:
    from papershelf.api.api import api

    return json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papershelf.settings")
    import django

    django.setup()
    SNAPSHOT.write_text(render(current_schema()), encoding="utf-8")
    print(f"wrote {SNAPSHOT}")


if __name__ == "__main__":
    main()
