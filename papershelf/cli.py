"""The ``papershelf`` command: a thin layer over the same services the web views use."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import click


def setup_django(migrate: bool = True) -> None:
    """Configure Django and bring the database schema up to date (first run creates it)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "papershelf.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
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
@click.option("--threads", default=8, show_default=True, type=int, help="Worker threads.")
def serve(host: str, port: int, threads: int) -> None:
    """Run the web app (creates and migrates the database on first run)."""
    setup_django()
    from django.conf import settings
    from waitress import serve as waitress_serve

    from papershelf.wsgi import application

    if host not in settings.ALLOWED_HOSTS and host not in {"0.0.0.0", "::"}:  # noqa: S104
        settings.ALLOWED_HOSTS.append(host)
    click.echo(f"Papershelf is running at http://{host}:{port}/  (data: {settings.HOME})")
    click.echo("Press Ctrl+C to stop.")
    waitress_serve(application, host=host, port=port, threads=threads, ident="papershelf")


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


if __name__ == "__main__":
    sys.exit(main())
