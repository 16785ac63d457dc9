"""Static files: hashed, compressed and cached for a year once `serve` has collected them."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """whitenoise's manifest storage that answers a file's plain name while no manifest
    exists (tests, `manage`, a shelf not yet served), so nothing needs collectstatic
    before it runs; `serve` runs it (see ops.server.collect_static)."""

    manifest_strict = False

    def stored_name(self, name: str) -> str:
        if not self.hashed_files:
            return name
        try:
            return str(super().stored_name(name))
        except ValueError:
            return name
