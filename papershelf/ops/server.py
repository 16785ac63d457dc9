"""`papershelf serve`: gunicorn's pre-fork workers (waitress where gunicorn cannot run),
with the background worker beside them.

Why gunicorn: on the 2-core machine of docs/performance.md, one waitress process holds
Python's GIL for every request it serves, so a second core stays idle and a slow page
queues the rest; gunicorn's workers are processes, each with a few threads for requests
that wait on the database. Measured there with benchmarks/load.py (50 clients): see
docs/performance.md.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings

log = logging.getLogger("papershelf.server")

TIMEOUT = 30  # seconds before a worker stuck in one request is replaced
GRACEFUL_TIMEOUT = 20  # seconds a stopping worker has to finish its requests
KEEPALIVE = 2  # gunicorn's default: an idle kept-alive connection holds no thread


def default_workers() -> int:
    # Two per core hides the time a request waits on SQLite; more only costs memory
    # (each process loads Django and, at the first semantic search, the embedding model).
    return max(2, min(4, 2 * (os.cpu_count() or 1)))


def gunicorn_available() -> bool:
    try:
        import gunicorn  # noqa: F401
    except ImportError:  # Windows: no fork; waitress serves instead
        return False
    return True


def collect_static() -> bool:
    """Copy static files to STATIC_ROOT with hashed names and gzip copies, when they changed.

    Returns whether it ran. A fingerprint of the sources decides, so an upgrade (or an
    edited stylesheet in a checkout) is collected again and an unchanged one costs nothing.
    """
    from django.contrib.staticfiles import finders
    from django.core.management import call_command

    digest = hashlib.sha256()
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    stamp = Path(settings.STATIC_ROOT) / ".sources"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return False
    call_command("collectstatic", interactive=False, verbosity=0, clear=True)
    stamp.write_text(digest.hexdigest())
    return True


def warm_up() -> None:
    """Load what the first search needs (the embedding model, the indexes) before a web
    process takes requests: otherwise its first searcher waits seconds for them."""
    from papershelf.search.embedding import get_embedder, use_one_thread
    from papershelf.search.keyword_index import get_keyword_index
    from papershelf.search.vectors import get_index

    use_one_thread()
    get_embedder().embed(["warm up"])
    get_keyword_index().warm_up()
    get_index().sync()
    # What is loaded by now (Django, the model, its vocabulary, the indexes' key maps)
    # lives as long as the process: out of the collector's sight, a full collection scans
    # only what requests made. Scanning it all held every thread for ~86 ms at 100k
    # papers, the p99 of every page.
    gc.freeze()


def warm_up_or_log() -> None:
    try:
        warm_up()
    except Exception:  # a missing index is built at the first search instead
        log.exception("warming up the search failed")


def start_job_worker() -> subprocess.Popen[bytes]:
    """`papershelf worker` as a child process: its own interpreter, its own GIL."""
    return subprocess.Popen([sys.executable, "-m", "papershelf", "worker"])


def stop_job_worker(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)  # finishes its task first
    try:
        process.wait(GRACEFUL_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()


def run_gunicorn(host: str, port: int, workers: int, threads: int, with_worker: bool) -> None:
    from gunicorn.app.base import BaseApplication

    job_worker: dict[str, subprocess.Popen[bytes] | None] = {"process": None}

    def on_starting(server: Any) -> None:
        if with_worker:
            job_worker["process"] = start_job_worker()

    def on_exit(server: Any) -> None:
        stop_job_worker(job_worker["process"])

    def post_worker_init(worker: Any) -> None:
        warm_up_or_log()

    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": TIMEOUT,
        "graceful_timeout": GRACEFUL_TIMEOUT,
        "keepalive": KEEPALIVE,
        # Recycle workers now and then: a leak in a long-lived process stays small.
        "max_requests": 20000,
        "max_requests_jitter": 2000,
        "proc_name": "papershelf",
        "on_starting": on_starting,
        "on_exit": on_exit,
        "post_worker_init": post_worker_init,
        "errorlog": "-",
        "loglevel": "warning",
    }

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            from papershelf.wsgi import application

            return application

    Server().run()


def run_waitress(host: str, port: int, threads: int, with_worker: bool) -> None:
    from waitress import serve  # type: ignore[import-untyped]

    process = start_job_worker() if with_worker else None
    application = _wsgi()
    warm_up_or_log()
    try:
        serve(
            application, host=host, port=port, threads=threads, ident="papershelf",
            channel_timeout=TIMEOUT,
        )  # fmt: skip
    finally:
        stop_job_worker(process)


def _wsgi() -> Any:
    from papershelf.wsgi import application

    return application
