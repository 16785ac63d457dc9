"""The ``papershelf`` command: a thin layer over the same services the web views use."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def setup_django(migrate: bool = True) -> None:
    """Configure Django and bring the database schema up to date (first run creates it)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papershelf.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    # Whatever the shelf writes (database, uploads, indexes) is readable by its owner only.
    os.umask(0o077)
    try:
        django.setup()
        from django.conf import settings

        from papershelf.conf import prepare_data_home

        prepare_data_home(settings.HOME)
    except ImproperlyConfigured as exc:
        raise click.ClickException(f"configuration: {exc}") from exc
    if migrate:
        _migrate_if_needed()


def _migrate_if_needed() -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def _handles_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the errors a user can cause into one clean line instead of a traceback."""
    from functools import wraps

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from django.core.exceptions import ValidationError

        try:
            return func(*args, **kwargs)
        except ValidationError as exc:
            raise click.ClickException("; ".join(exc.messages)) from exc

    return wrapper


@click.group()
@click.version_option(package_name="papershelf")
def main() -> None:
    """Papershelf: a self-hosted home for research-paper summaries.

    Data lives in $PAPERSHELF_HOME (default ~/.local/share/papershelf).
    """


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--workers", default=None, type=int, help="Web processes (default: 2 per core, 2 to 4)."
)
@click.option("--threads", default=4, show_default=True, type=int, help="Threads per process.")
@click.option(
    "--server",
    default="gunicorn",
    show_default=True,
    type=click.Choice(["gunicorn", "waitress"]),
    help="gunicorn's processes; waitress is one process (and where gunicorn cannot run).",
)
@click.option("--no-worker", is_flag=True, help="Do not start the background worker here.")
def serve(
    host: str, port: int, workers: int | None, threads: int, server: str, no_worker: bool
) -> None:
    """Run the web app and a background worker (creates and migrates the database first)."""
    setup_django()
    from django.conf import settings
    from django.db import connections

    from papershelf.ops import server as servers

    if host not in settings.ALLOWED_HOSTS and host not in {"0.0.0.0", "::"}:  # noqa: S104
        settings.ALLOWED_HOSTS.append(host)
        # The web processes read the settings anew: tell them too.
        os.environ["PAPERSHELF_ALLOWED_HOSTS"] = ",".join(settings.ALLOWED_HOSTS)
    servers.collect_static()
    if server == "gunicorn" and not servers.gunicorn_available():
        click.echo("gunicorn cannot run here; serving with waitress (one process).", err=True)
        server = "waitress"
    workers = workers or servers.default_workers()
    where = f"http://{host}:{port}/"
    what = f"{threads} threads"
    if server == "gunicorn":
        what = f"{workers} processes × {what}"
    click.echo(f"Papershelf is running at {where}  ({server}, {what}; data: {settings.HOME})")
    click.echo("Background worker: " + ("not started (--no-worker)" if no_worker else "started"))
    click.echo("Press Ctrl+C to stop.")
    # Before the first request: a process killed after its commit may have left papers
    # the index does not know, and a search must never answer without them.
    _repair_search_index()
    connections.close_all()  # the web processes open their own
    if server == "gunicorn":
        servers.run_gunicorn(host, port, workers, threads, with_worker=not no_worker)
    else:
        servers.run_waitress(host, port, threads, with_worker=not no_worker)


@main.command()
@click.option("--no-vectors", is_flag=True, help="Leave embedding to another worker.")
def worker(no_vectors: bool) -> None:
    """Run background jobs (imports, e-mail) and embed new papers; `serve` starts one."""
    setup_django()
    from papershelf.jobs.worker import run_worker

    # Finish indexing that a process killed after its commit left undone.
    _repair_search_index()
    click.echo("Papershelf worker: waiting for jobs. Ctrl+C stops after the current one.")
    run_worker(index_vectors=not no_vectors)


@main.command()
def doctor() -> None:
    """Check the set-up (data directory, secret key, database, e-mail…) and say what to fix."""
    setup_django(migrate=False)
    from papershelf.ops.health import doctor as run_checks

    failed = 0
    for check in run_checks():
        mark = "ok " if check.ok and not check.warning else ("!  " if check.ok else "XX ")
        click.echo(f"{mark} {check.name:15} {check.detail}")
        if not check.ok:
            failed += 1
            click.echo(f"    fix: {check.fix}")
    if failed:
        raise click.ClickException(f"{failed} problem(s) to fix")
    click.echo("Everything looks fine.")


@main.command()
@click.argument("username")
@click.option("--email", default="", help="E-mail address.")
@click.option("--admin", is_flag=True, help="Make this user an administrator.")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    envvar="PAPERSHELF_PASSWORD",
    help="Asked for when not given (or set PAPERSHELF_PASSWORD).",
)
@_handles_errors
def createuser(username: str, email: str, admin: bool, password: str) -> None:
    """Create an account (--admin for an administrator)."""
    setup_django()
    from papershelf.accounts.services import create_user

    user = create_user(username, password, email, admin=admin)
    click.echo(f"Created {'administrator' if admin else 'user'} {user.username}.")


@main.command()
@click.option("--user", "username", default="", help="Owner of the sample (default: demo).")
@_handles_errors
def demo(username: str) -> None:
    """Fill the shelf with a small sample of papers, summaries, topics and a reading list."""
    setup_django()
    from papershelf.demo import load_demo

    result = load_demo(username or None)
    click.echo(
        f"Demo shelf ready: {result.papers} papers, {result.summaries} summaries, "
        f"{result.topics} topics, {result.lists} reading list."
    )


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command (e.g. `papershelf manage check`)."""
    setup_django(migrate=False)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["papershelf manage", *args])


class _RichProgress:
    """A progress bar on stderr for long imports and indexing."""

    def __init__(self) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
        )
        self.task: Any = None

    def start(self, total: int, label: str) -> None:
        self.bar.start()
        self.task = self.bar.add_task(label, total=total)

    def advance(self, amount: int = 1) -> None:
        self.bar.advance(self.task, amount)

    def stop(self) -> None:
        self.bar.stop()


@main.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_",
    default="auto",
    show_default=True,
    type=click.Choice(
        [
            *("auto", "bibtex", "csl", "ris", "medline", "wos", "ids"),
            *("notes", "html", "org", "dokuwiki", "rtf", "citavi"),
            "papis",
        ]
    ),
    help="What the files are; auto looks at the extension and the content.",
)
@click.option("--dry-run", is_flag=True, help="Show what would happen; write nothing.")
@click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first file that cannot be imported: all or nothing.",
)
@click.option("--list", "list_name", default="", help="Put every paper in this reading list.")
@click.option("--topic", "topics", multiple=True, help="Tag every paper with this topic.")
@click.option(
    "--user", "username", default="", help="Who owns the summaries (default: the only admin)."
)
@click.option(
    "--visibility",
    default="public",
    show_default=True,
    type=click.Choice(["public", "unlisted", "private"]),
    help="Visibility of imported summaries.",
)
@click.option("--offline", is_flag=True, help="Do not look identifiers up online.")
@click.option("-v", "--verbose", is_flag=True, help="List every paper and warning.")
@_handles_errors
def import_(
    paths: tuple[Path, ...],
    format_: str,
    dry_run: bool,
    list_name: str,
    topics: tuple[str, ...],
    username: str,
    visibility: str,
    offline: bool,
    verbose: bool,
    strict: bool,
) -> None:
    """Import BibTeX, CSL-JSON, RIS, identifier lists and notes documents (files, folders, zips)."""
    setup_django()
    from papershelf.importers.records import ParseError
    from papershelf.importers.services import ImportOptions, import_paths

    owner = _import_owner(username, list(paths), format_)
    options = ImportOptions(
        user=owner,
        format=format_,
        dry_run=dry_run,
        list_name=list_name,
        topics=list(topics),
        visibility=visibility,
        fetch_metadata=not offline,
        strict=strict,
    )
    progress = _RichProgress()
    try:
        report = import_paths(list(paths), options, progress)
    except ParseError as exc:
        raise click.ClickException(f"{exc} (nothing was imported)") from exc
    finally:
        progress.stop()
    for outcome in report.files:
        if outcome.status != "imported" or dry_run or verbose:
            click.echo(f"  {outcome.status:9} {outcome.name}: {outcome.detail}")
    if dry_run or verbose:
        for action in report.actions:
            why = f" — {action.evidence}" if action.evidence else ""
            under = f" [{action.sections}]" if action.sections else ""
            line = f"  {action.kind:9} {action.where}: {action.what}{why}{under} {action.detail}"
            click.echo(line.rstrip())
    shown = report.warnings if verbose else report.warnings[:20]
    for warning in shown:
        click.echo(f"warning: {warning}", err=True)
    if len(shown) < len(report.warnings):
        click.echo(f"… and {len(report.warnings) - len(shown)} more warnings (-v)", err=True)
    if owner is None:
        click.echo(
            ("Would import" if dry_run else "Imported")
            + " with no owner: this shelf has no accounts yet, and the papers of a "
            "bibliography belong to the shelf, not to an account. Notes and reading lists "
            "need one: papershelf createuser --admin NAME, then import with --user NAME."
        )
    click.echo(("Dry run — " if dry_run else "") + "; ".join(report.lines()))


def _import_owner(username: str, paths: list[Path], format_: str) -> Any:
    """Who owns an import; nobody when a shelf with no accounts yet takes in bibliographies
    alone, whose papers are the shelf's (notes are someone's, so they ask for an account)."""
    from papershelf.accounts.models import User
    from papershelf.importers.services import only_bibliographies

    if username or User.objects.filter(is_active=True).exists():
        return _import_user(username)
    if only_bibliographies(paths, format_):
        return None
    return _first_owner()


def _import_user(username: str) -> Any:
    from papershelf.accounts.models import User

    if username:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise click.ClickException(f"no user named {username!r}; see papershelf createuser")
        return user
    admins = list(User.objects.filter(is_superuser=True, is_active=True)[:2])
    if len(admins) == 1:
        return admins[0]
    users = list(User.objects.filter(is_active=True).order_by("username")[:6])
    if len(users) == 1:
        return users[0]
    if not users:
        return _first_owner()
    names = ", ".join(u.username for u in users[:5]) + (", …" if len(users) > 5 else "")
    raise click.ClickException(
        f"this shelf has several accounts ({names}): say whose notes these are with --user NAME"
    )


def _interactive() -> bool:
    return sys.stdin.isatty()


def _first_owner() -> Any:
    """A fresh shelf: notes need an account to own them, so make it (or say how)."""
    from papershelf.accounts.services import create_user

    why = (
        "This shelf has no accounts yet. Notes become summaries and reading lists, which "
        "belong to an account that signs in to edit them. (A bibliography on its own — "
        "BibTeX, RIS, CSL-JSON, a list of identifiers — imports without one.)"
    )
    if not _interactive():
        raise click.ClickException(
            f"{why} Create yours first, then import again:\n"
            "  papershelf createuser --admin YOUR-NAME"
        )
    click.echo(why)
    username = click.prompt("Make an administrator account now; its name", type=str)
    password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    user = create_user(username.strip(), password, "", admin=True)
    click.echo(f"Created administrator {user.username}; the import is theirs.")
    return user


@main.command()
@click.argument("keep", type=int)
@click.argument("remove", type=int)
@_handles_errors
def merge(keep: int, remove: int) -> None:
    """Merge paper REMOVE into paper KEEP, keeping both papers' summaries, lists and ids."""
    setup_django()
    from papershelf.papers.identity import merge_papers
    from papershelf.papers.models import Paper

    papers = Paper.objects.in_bulk([keep, remove])
    missing = [str(pk) for pk in (keep, remove) if pk not in papers]
    if missing:
        raise click.ClickException(f"no paper with id {', '.join(missing)}")
    if keep == remove:
        raise click.ClickException("a paper cannot be merged with itself")
    merged = merge_papers(papers[keep], papers[remove])
    click.echo(f"Merged #{remove} into #{keep}: {merged.title}")


@main.command(name="merge-venues")
@click.option("--dry-run", is_flag=True, help="Show what would be merged; change nothing.")
@_handles_errors
def merge_venues(dry_run: bool) -> None:
    """Merge venues the alias table names as one ("NIPS" and "Advances in …" into NeurIPS)."""
    setup_django()
    from papershelf.papers.venues import merge_duplicate_venues

    merges = merge_duplicate_venues(dry_run=dry_run)
    for merge in merges:
        how = "renamed" if merge.renamed else "merged into"
        click.echo(f"{merge.name} ({merge.papers} papers) {how} {merge.into}")
    would = "would be " if dry_run else ""
    click.echo(f"{len(merges)} venue(s) {would}brought under the alias table's names.")


# --- Export (issue 12) -----------------------------------------------------------------


@main.command(name="export")
@click.argument(
    "format_", metavar="FORMAT", type=click.Choice(["bibtex", "csl", "ris", "markdown"])
)
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--topic", default="", help="Only the papers of this topic (name or slug).")
@click.option("--list", "list_id", type=int, default=None, help="Only this reading list (its id).")
@click.option("--query", default="", help="Only the papers a search finds (au:, year:, …).")
@click.option(
    "--user", "username", default="", help="Export as this user: their private things too."
)
@_handles_errors
def export(
    format_: str, out: Path, topic: str, list_id: int | None, query: str, username: str
) -> None:
    """Write BibTeX, CSL-JSON, RIS or a Markdown folder (OUT.zip for a zip) of the shelf."""
    setup_django()
    from django.http import Http404

    from papershelf.exports.selection import Selection
    from papershelf.exports.services import ExportError, export_to_path

    viewer = _import_user(username) if username else None
    selection = Selection(viewer=viewer, list_id=list_id, topic=topic, query=query)
    progress = _RichProgress()
    try:
        written = export_to_path(format_, selection, out, progress)
    except (ExportError, Http404, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.stop()
    unit = "files" if format_ == "markdown" and out.suffix != ".zip" else "papers"
    click.echo(f"Exported {written} {unit} to {out}")


# --- Publish, backup and restore (issue 12) ---------------------------------------------


@main.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--topic", "topics", multiple=True, help="Only the papers of this topic.")
@click.option("--list", "list_ids", type=int, multiple=True, help="Only this public list (id).")
@click.option("--user", "username", default="", help="Only this person's public summaries.")
@click.option(
    "--theme",
    default="shelf",
    show_default=True,
    type=click.Choice(["shelf", "bookmarks", "blog", "path", "course"]),
    help="Home page layout: bookmarks by year, blog by topic, reading path, course notes.",
)
@click.option("--title", default="", help="The site's title.")
@click.option("--base-url", default="", help="Where it will be hosted (sitemap, feed ids).")
@_handles_errors
def publish(
    out: Path,
    topics: tuple[str, ...],
    list_ids: tuple[int, ...],
    username: str,
    theme: str,
    title: str,
    base_url: str,
) -> None:
    """Write a static website of the public content to OUT (works from disk; incremental)."""
    setup_django()
    from papershelf.publish.content import Choice, PublishError
    from papershelf.publish.services import PublishOptions, publish_site
    from papershelf.publish.writer import SiteFolderError

    user = _import_user(username) if username else None
    choice = Choice(topics=list(topics), list_ids=list(list_ids), user=user)
    options = PublishOptions(out, choice, theme=theme, title=title, base_url=base_url)
    progress = _RichProgress()
    try:
        report = publish_site(options, progress)
    except (PublishError, SiteFolderError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.stop()
    for line in report.lines():
        click.echo(line)
    click.echo(f"Published to {out}; open {out / 'index.html'}")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_handles_errors
def backup(file: Path) -> None:
    """Write a consistent snapshot of the shelf to FILE.tar.gz or FILE.zip, even while it runs."""
    setup_django(migrate=False)  # a backup copies the schema as it is
    from papershelf.backups.services import BackupError, create_backup

    progress = _RichProgress()
    try:
        report = create_backup(file, progress)
    except (BackupError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.stop()
    click.echo(
        f"Backed up the database ({report.migrations} migrations applied), {report.media} media "
        f"files and the secret key ({report.size:,} bytes) to {file}."
    )
    if report.database == "sqlite":
        click.echo("Search indexes are not in it: they are rebuilt from the database.")


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--replace", is_flag=True,
    help="PostgreSQL: replace the shelf the configured database holds with the backup's.",
)  # fmt: skip
@_handles_errors
def restore(file: Path, replace: bool) -> None:
    """Bring a backup into an empty data directory: verifies checksums, migrates an older one."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papershelf.settings")
    os.umask(0o077)
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()  # no setup_django yet: it would create files in the directory
    except ImproperlyConfigured as exc:
        raise click.ClickException(f"configuration: {exc}") from exc
    from django.conf import settings

    from papershelf.backups.services import BackupError, check_restorable, restore_backup

    home = Path(settings.HOME)
    progress = _RichProgress()
    try:
        check_restorable(home)
        report = restore_backup(file, home, progress, replace=replace)
    except (BackupError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.stop()
    setup_django()  # applies the migrations an older backup lacks
    click.echo(
        f"Restored {report.files} files into {home} "
        f"(backup of {report.created_at}, Papershelf {report.app_version})."
    )
    if report.to_migrate:
        click.echo(f"Migrated the database: {len(report.to_migrate)} migrations applied.")
    if report.database == "sqlite":
        click.echo("Rebuild the search indexes with: papershelf reindex --rebuild")


@main.command(name="migrate-data")
@click.option(
    "--to", "target", required=True, metavar="URL",
    help="The empty, migrated database to fill: postgres://… or sqlite:///path.",
)  # fmt: skip
@click.option(
    "--from", "source", default=None, metavar="URL",
    help="The database to copy (default: this shelf's, from DATABASE_URL or the data directory).",
)  # fmt: skip
def migrate_data(target: str, source: str | None) -> None:
    """Copy the whole shelf to another database (SQLite ⇄ PostgreSQL), keeping every id."""
    setup_django(migrate=source is None)
    from papershelf.ops.migrate_data import MigrateDataError, hide_password
    from papershelf.ops.migrate_data import migrate_data as move

    progress = _RichProgress()
    try:
        report = move(target, source, progress)
    except MigrateDataError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.stop()
    click.echo(
        f"Copied {report.total:,} rows in {len(report.rows)} tables from {report.source} "
        f"to {report.target}; {report.media} media file(s) referenced."
    )
    if report.missing_media:
        click.echo(f"Missing from the media folder already: {', '.join(report.missing_media)}")
    click.echo(
        f"To use it: DATABASE_URL={hide_password(target)} papershelf reindex --rebuild, "
        "then serve with the same DATABASE_URL."
    )


# --- Search (issue 5) ------------------------------------------------------------------


@main.command()
@click.argument("query")
@click.option(
    "--mode",
    default="hybrid",
    show_default=True,
    type=click.Choice(["hybrid", "keyword", "semantic"]),
    help="Ranking: words, meaning, or both fused.",
)
@click.option("--limit", default=10, show_default=True, type=int, help="How many results.")
@click.option("--json", "as_json", is_flag=True, help="Print the same JSON as /search.json.")
def search(query: str, mode: str, limit: int, as_json: bool) -> None:
    """Search papers and public summaries (au:, ti:, year:2015..2018, venue:, topic:, -word)."""
    setup_django()
    import json

    from papershelf.search.services import results_as_dict
    from papershelf.search.services import search as run_search

    results = run_search(query, mode=mode, per_page=limit, with_facets=as_json)
    if as_json:
        click.echo(json.dumps(results_as_dict(results), indent=2, ensure_ascii=False))
        if results.error:
            sys.exit(1)
        return
    if results.error:
        raise click.ClickException(results.error)
    if not results.hits:
        click.echo("No results.")
    for rank, hit in enumerate(results.hits, 1):
        paper = hit.paper
        where = " ".join(str(x) for x in (paper.venue or "", paper.year or "") if x)
        click.echo(f"{rank:>2}. {click.style(paper.title, bold=True)}  [{where}]  #{paper.pk}")
        if hit.snippet_html:
            click.echo(f"    {_terminal_snippet(hit.snippet_html)}")


def _repair_search_index() -> None:
    """Finish indexing that a process killed after its commit left undone."""
    from papershelf.search.indexing import repair_search_index

    repaired = repair_search_index()
    if repaired:
        click.echo(f"Search index: repaired {repaired} paper(s) left unindexed.")


def _terminal_snippet(html: str) -> str:
    from html import unescape

    marked = html.replace("<mark>", "\x00").replace("</mark>", "\x01")
    text = unescape(marked).replace("\n", " ")
    return text.replace("\x00", "\x1b[1;33m").replace("\x01", "\x1b[0m")


@main.command()
@click.option("--rebuild", is_flag=True, help="Rebuild the full-text and vector indexes anew.")
@click.option("--limit", type=int, default=None, help="Embed at most this many papers now.")
@click.option("--keyword-only", is_flag=True, help="Skip the (slow) vectors.")
def reindex(rebuild: bool, limit: int | None, keyword_only: bool) -> None:
    """Bring the search indexes up to date: only what changed (resumable; Ctrl+C is safe)."""
    setup_django()
    from django.db import connection

    from papershelf.search.indexing import refresh_all_documents
    from papershelf.search.keyword_index import get_keyword_index
    from papershelf.search.models import SearchDocument
    from papershelf.search.semantic import pending_count, process_pending
    from papershelf.search.vectors import get_index

    _repair_search_index()
    written = refresh_all_documents(requeue=rebuild)
    keyword = get_keyword_index()
    if rebuild:
        from papershelf.search.backends.postgresql_rebuild import RebuildError

        if connection.vendor == "sqlite":
            from papershelf.search.backends import sqlite

            sqlite.rebuild(connection)
        progress = _RichProgress()
        progress.start(SearchDocument.objects.count(), "Building keyword index")
        try:
            # On PostgreSQL: every tsvector again, then REINDEX CONCURRENTLY of its indexes.
            keyword.rebuild(progress=progress.advance)
        except RebuildError as exc:
            raise click.ClickException(str(exc)) from exc
        finally:
            progress.stop()
    else:
        keyword.sync()
    click.echo(f"Full-text index: {written} document(s) updated.")
    if keyword_only:
        return
    progress = _RichProgress()
    total = pending_count() if limit is None else min(limit, pending_count())
    progress.start(total, "Embedding papers")
    try:
        done = process_pending(limit=limit, progress=progress.advance)
    finally:
        progress.stop()
    index = get_index()
    if rebuild:
        from papershelf.search.models import Embedding

        progress = _RichProgress()
        progress.start(Embedding.objects.count(), "Building vector index")
        try:
            index.rebuild(progress=progress.advance)
        finally:
            progress.stop()
    else:
        index.sync()
        index.save()
    waiting = pending_count()
    click.echo(f"Vectors: {done} paper(s) embedded, {waiting} waiting, {len(index)} in index.")


if __name__ == "__main__":
    sys.exit(main())
