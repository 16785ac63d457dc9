"""A shelf whose server and worker can be killed with SIGKILL, and what must hold after.

Used by test_faults.py (small, a few rounds) and benchmarks/faults.py (large, many
rounds). Everything goes through the real processes: `papershelf serve` (gunicorn and
its worker, one process group), the CLI, HTTP on 127.0.0.1; the database is checked
directly, as an operator would after a crash: sqlite3 on the file, or psycopg when the
shelf's ``database_url`` is a PostgreSQL database of its own (the suite's PostgreSQL pass).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import requests

from papershelf.ops.integrity import check_database

PASSWORD = "fault-password-1"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def bibtex(entries: int, tag: str) -> str:
    return "".join(
        f"@article{{{tag}{i},\n title = {{{tag.title()} Widget Study Number {i}}},\n"
        f" author = {{Doe, Jane and Roe, Rick{i % 50}}},\n year = {{{2000 + i % 25}}},\n"
        f" abstract = {{We study widgets of kind {i} {'and their depth ' * 20}}}\n}}\n"
        for i in range(entries)
    )


@dataclass
class Shelf:
    home: Path
    database_url: str = ""  # empty: SQLite in the data directory
    port: int = field(default_factory=free_port)
    server: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def env(self) -> dict[str, str]:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "papershelf.settings",  # not the tests' (their own home)
            "PAPERSHELF_HOME": str(self.home),
            "PAPERSHELF_RATE_LIMITS": "0",
            "PAPERSHELF_PASSWORD": PASSWORD,
            "PAPERSHELF_IMPORT_PREVIEW_MAX_MB": "0",  # every web upload goes to the worker
            "PAPERSHELF_SPAM_CHECK": "0",
            "DATABASE_URL": self.database_url,
        }
        if not self.database_url:
            del env["DATABASE_URL"]  # not the suite's database: a shelf of its own
        return env

    def cli(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603
            [sys.executable, "-m", "papershelf", *args],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )

    def start(self, workers: int = 1) -> None:
        command = [
            sys.executable,
            "-m",
            "papershelf",
            "serve",
            "--host",
            HOST,
            "--port",
            str(self.port),
            "--workers",
            str(workers),
            "--threads",
            "4",
        ]
        self.server = subprocess.Popen(  # noqa: S603
            command,
            env=self.env(),
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError("the server did not become ready")

    def kill(self) -> None:
        """kill -9 the server, its web processes and its worker at once."""
        if self.server is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.server.pid, signal.SIGKILL)
        self.server.wait()
        self.server = None

    def session(self, username: str) -> requests.Session:
        session = requests.Session()
        session.get(f"{self.url}/accounts/login/", timeout=30)
        response = session.post(
            f"{self.url}/accounts/login/",
            data={"username": username, "password": PASSWORD, **self._csrf(session)},
            headers={"Referer": self.url + "/"},
            allow_redirects=False,
            timeout=30,
        )
        assert response.status_code == 302, f"login: {response.status_code}"
        return session

    def post(
        self, session: requests.Session, path: str, data: dict[str, str], **kwargs: object
    ) -> requests.Response:
        return session.post(
            self.url + path,
            data={**data, **self._csrf(session)},
            headers={"Referer": self.url + "/"},
            allow_redirects=False,
            timeout=30,
            **kwargs,  # type: ignore[arg-type]
        )

    @staticmethod
    def _csrf(session: requests.Session) -> dict[str, str]:
        return {"csrfmiddlewaretoken": session.cookies.get("csrftoken") or ""}

    def query(self, sql: str, *params: object) -> list[tuple[object, ...]]:
        """SQL with ``?`` placeholders, on whichever database the shelf has."""
        if self.database_url:
            import psycopg

            with psycopg.connect(self.database_url, autocommit=True) as db:
                return list(db.execute(sql.replace("?", "%s"), params))  # type: ignore[arg-type]
        with sqlite3.connect(self.home / "papershelf.sqlite3", timeout=30) as db:
            return list(db.execute(sql, params))

    def integrity(self) -> str:
        """ "ok", or what the database's own check found (see papershelf/ops/integrity.py)."""
        if self.database_url:
            import psycopg

            with psycopg.connect(self.database_url, autocommit=True) as db:
                db.execute("CREATE EXTENSION IF NOT EXISTS amcheck")  # the suite's superuser
                report = check_database(db.cursor(), "postgresql")
        else:
            with sqlite3.connect(self.home / "papershelf.sqlite3", timeout=30) as db:
                report = check_database(db.cursor(), "sqlite")
        return "ok" if report.ok else "; ".join(report.problems)

    def wait_for(self, check: Callable[[], bool], seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if check():
                return True
            time.sleep(0.3)
        return check()


def new_shelf(home: Path, papers: int = 200, database_url: str = "") -> Shelf:
    """A shelf with a reader (``reader``) and ``papers`` papers, ready to serve."""
    shelf = Shelf(home, database_url)
    shelf.cli("createuser", "reader", "--admin")
    seed = home.parent / f"{home.name}-seed.bib"
    seed.write_text(bibtex(papers, "seed"))
    shelf.cli("import", str(seed), "--offline", "--user", "reader", timeout=600)
    return shelf


# --- The scenarios: each kills mid-way, restarts, and says what it found ---------------


def summary_burst(shelf: Shelf, kill_after: float, writers: int = 8) -> dict[str, int]:
    """Writers save summaries as fast as they can; everything dies after ``kill_after`` s."""
    papers = [row[0] for row in shelf.query("SELECT id FROM papers_paper ORDER BY id")]
    acknowledged: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    sessions = [shelf.session("reader") for _ in range(writers)]  # signed in before the clock

    def write(index: int) -> None:
        session = sessions[index]
        for paper in papers[index::writers]:
            if stop.is_set():
                return
            marker = f"burst-{time.time_ns()}-{paper}"
            # One summary per reader and paper: saving again edits it (a new revision).
            path = f"/papers/{paper}/summaries/new"
            try:
                first = self_post(path, marker, session)
                if first.status_code == 302 and "/edit" in first.headers.get("Location", ""):
                    first = self_post(first.headers["Location"], marker, session)
            except requests.RequestException:
                return  # the server died under us: unacknowledged
            if first.status_code == 302:
                with lock:
                    acknowledged.append(marker)

    def self_post(path: str, marker: str, session: requests.Session) -> requests.Response:
        body = f"Widgets matter.\n\nMarker {marker}: the depth of a widget is its width."
        return shelf.post(session, path, {"body": body, "visibility": "public"})

    threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    shelf.wait_for(lambda: bool(acknowledged), 60)  # saving has begun
    time.sleep(kill_after)
    shelf.kill()
    stop.set()
    for thread in threads:
        thread.join(60)
    integrity = shelf.integrity()
    lost = duplicated = 0
    for marker in acknowledged:
        found = shelf.query(
            "SELECT count(*) FROM summaries_revision WHERE body LIKE ?", f"%{marker}%"
        )[0][0]
        lost += found == 0
        duplicated += int(found) > 1  # type: ignore[call-overload]
    return {
        "acknowledged": len(acknowledged),
        "lost": lost,
        "duplicated": duplicated,
        "integrity_ok": integrity == "ok",
    }


def import_kill(shelf: Shelf, entries: int, kill_at: float, tag: str) -> dict[str, int]:
    """Upload a big file; kill everything when the import is ``kill_at`` (0–1) done."""
    session = shelf.session("reader")
    files = {"files": (f"{tag}.bib", bibtex(entries, tag).encode(), "text/plain")}
    response = shelf.post(
        session, "/import/", {"format": "auto", "visibility": "public"}, files=files
    )
    assert response.status_code == 302 and "/jobs/" in response.headers["Location"], response
    job = int(response.headers["Location"].strip("/").split("/")[-1])
    progress = shelf.home / "jobs" / f"{job}.json"

    def far_enough() -> bool:
        try:
            data = __import__("json").loads(progress.read_text())
        except (OSError, ValueError):
            return False
        return data.get("label") == "Importing" and data["done"] >= kill_at * data["total"]

    reached = shelf.wait_for(far_enough, 120)
    shelf.kill()
    count = _count_titles(shelf, tag)
    integrity = shelf.integrity()
    shelf.start()  # the worker starts again and picks the job up
    finished = shelf.wait_for(
        lambda: shelf.query("SELECT status FROM jobs_job WHERE id = ?", job)[0][0] == "done", 300
    )
    after = _count_titles(shelf, tag)
    return {
        "reached": reached,
        "papers_at_kill": count,
        "all_or_nothing": count in (0, entries),
        "finished": finished,
        "papers_after": after,
        "integrity_ok": integrity == "ok",
    }


def _count_titles(shelf: Shelf, tag: str) -> int:
    pattern = f"{tag.title()} Widget Study Number %"
    return int(shelf.query("SELECT count(*) FROM papers_paper WHERE title LIKE ?", pattern)[0][0])  # type: ignore[call-overload]


def reindex_kill(shelf: Shelf, kill_after: float) -> dict[str, object]:
    """`papershelf reindex --rebuild` killed mid-way; a new paper must still be found."""
    session = shelf.session("reader")
    added = shelf.post(
        session, "/papers/new/", {"title": "Zyzzyva Frobnication Revisited", "year": "2024"}
    )
    assert added.status_code == 302, added.status_code
    process = subprocess.Popen(
        [sys.executable, "-m", "papershelf", "reindex", "--rebuild"],
        env=shelf.env(),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(kill_after)
    shelf.kill()
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    integrity = shelf.integrity()
    shelf.start()

    def found() -> bool:
        answer = requests.get(f"{shelf.url}/search.json", params={"q": "zyzzyva"}, timeout=30)
        return "Zyzzyva Frobnication" in answer.text

    caught_up = shelf.wait_for(found, 60)
    outbox = int(shelf.query("SELECT count(*) FROM search_dirtypaper")[0][0])  # type: ignore[call-overload]
    return {
        "integrity_ok": integrity == "ok",
        "found_after_restart": caught_up,
        "outbox_left": outbox,
    }
