"""Score the notes importer on the fixture collections of real-world note shapes.

    python benchmarks/import_collections.py [--only NAME] [--json] [--root DIR]

Each collection in papershelf/importers/notes/tests/collections/ is imported for real
(fetch_metadata=False) into its own throw-away data directory, in a fresh process,
and scored against its ``<name>.expected.json`` by the shared ``score`` module:
paper recall, false papers, identifier recall, section order, topic recall, year and
first-author agreement, and whether the import aborted. Prints a table (or JSON) and
exits 0 whatever the scores: this is a measurement, not a gate. ``--root`` scores the
collections in another folder instead (e.g. the held-out set in tests/heldout/).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from papershelf.importers.notes.tests.collections import score as scoring  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="score one collection (a folder name)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--root", type=Path, default=scoring.COLLECTIONS_DIR, help="folder of collections to score"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)  # internal: score one, print JSON
    args = parser.parse_args()
    root = args.root.resolve()
    if args.worker:
        print(json.dumps(_score_here(args.worker, root)))
        return 0
    names = scoring.collection_names(root)
    if args.only:
        if args.only not in names:
            parser.error(f"no collection {args.only!r}; have: {', '.join(names)}")
        names = [args.only]
    results = [_score_in_fresh_process(name, root) for name in names]
    if args.json:
        print(json.dumps({"collections": results, "total": _total(results)}, indent=2))
    else:
        _print_table(results)
    return 0


def _score_here(name: str, root: Path) -> dict:
    """Runs in a child process whose PAPERSHELF_HOME is a new empty folder."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "papershelf.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from papershelf.accounts.models import User

    user = User.objects.create_user(username="bench", password="bench-password")  # noqa: S106 - throw-away database
    return scoring.run_and_score(name, user, root).as_dict()


def _score_in_fresh_process(name: str, root: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"papershelf-collection-{name}-") as home:
        env = {
            **os.environ,
            "PAPERSHELF_HOME": home,
            "DJANGO_SETTINGS_MODULE": "papershelf.settings",
        }
        done = subprocess.run(  # noqa: S603 - our own script, our own arguments
            [sys.executable, __file__, "--worker", name, "--root", str(root)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        )
    lines = done.stdout.strip().splitlines()
    if done.returncode == 0 and lines:
        return json.loads(lines[-1])
    # The harness itself failed (not the importer): report it as aborted.
    failed = scoring.CollectionScore(name=name, aborted=True, error=done.stderr.strip()[-500:])
    failed.expected = len(scoring.load_expected(name, root)["papers"])
    return failed.as_dict()


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _total(results: list[dict]) -> dict:
    def total(key: str) -> int:
        return sum(r[key] for r in results)

    orders = [r["section_order"] for r in results if r["section_order"] is not None]
    return {
        "collections": len(results),
        "expected": total("expected"),
        "found": total("found"),
        "created": total("created"),
        "false_papers": total("false_papers"),
        "duplicates": total("duplicates"),
        "recall": _ratio(total("found"), total("expected")),
        "false_rate": _ratio(total("false_papers"), total("created")) or 0.0,
        "identifier_recall": _ratio(total("identifiers_found"), total("identifiers_expected")),
        "meta_accuracy": _ratio(total("meta_found"), total("meta_expected")),
        "section_order": sum(orders) / len(orders) if orders else None,
        "topic_recall": _ratio(total("topics_found"), total("topics_expected")),
        "junk_files": sum(len(r["junk_files"]) for r in results),
        "aborted": sum(bool(r["aborted"]) for r in results),
        "seconds": round(sum(r["seconds"] for r in results), 2),
    }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _print_table(results: list[dict]) -> None:
    header = (
        f"{'collection':<17}{'found':>9}{'recall':>8}{'false':>9}{'dupes':>6}{'ids':>6}"
        f"{'meta':>6}{'sections':>9}{'topics':>7}{'junk':>5}  aborted"
    )
    print(header)
    print("-" * len(header))
    rows = [*results, {"name": "TOTAL", **_total(results)}]
    for r in rows:
        aborted = r["aborted"]
        if isinstance(aborted, bool):
            aborted = "yes" if aborted else "no"
        junk = r["junk_files"] if isinstance(r["junk_files"], int) else len(r["junk_files"])
        false = f"{r['false_papers']} {_pct(r['false_rate'])}"
        print(
            f"{r['name']:<17}{str(r['found']) + '/' + str(r['expected']):>9}"
            f"{_pct(r['recall']):>8}{false:>9}{r['duplicates']:>6}"
            f"{_pct(r['identifier_recall']):>6}{_pct(r['meta_accuracy']):>6}"
            f"{_pct(r['section_order']):>9}{_pct(r['topic_recall']):>7}{junk:>5}  {aborted}"
        )
    for r in results:
        if r["error"]:
            print(f"\n{r['name']}: aborted: {r['error'].splitlines()[-1][:300]}")


if __name__ == "__main__":
    sys.exit(main())
