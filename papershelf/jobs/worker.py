"""``papershelf worker``: runs queued tasks and keeps the search vectors current.

django-tasks' database worker claims a task, runs it and records the outcome. A worker
killed mid-task (``kill -9``, a power cut) leaves its task marked running; the next
worker to start puts such tasks back in the queue when the process that claimed them is
gone, so a job survives a restart.
"""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

from django.db import transaction
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from papershelf.jobs.files import remove_old_files
from papershelf.jobs.models import Job, JobStatus

log = logging.getLogger("papershelf.jobs")
WORKER_NICENESS = 10  # lower CPU priority than the web processes it runs beside
INDEXER_STOP_TIMEOUT = 15.0  # seconds for the vector indexer to end its batch (serve waits 20)


def worker_id() -> str:
    """host:pid, so a later worker on this host can tell whether the claimer still lives."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed worker nobody has reaped yet (a container without an init, a parent that
    died too) still answers signal 0, but it will never finish its task."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False  # no /proc (macOS): trust the signal
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


def _orphaned(claimed_by: str) -> bool:
    host, _, pid = claimed_by.rpartition(":")
    if host != socket.gethostname()[:40] or not pid.isdigit():
        return False  # another machine's worker: it answers for its own tasks
    return int(pid) != os.getpid() and not _alive(int(pid))


def requeue_orphans() -> int:
    """Put tasks whose worker died back in the queue. Returns how many."""
    requeued = 0
    with transaction.atomic():
        for result in DBTaskResult.objects.running():
            claimed = result.worker_ids[-1] if result.worker_ids else ""
            if not _orphaned(str(claimed)):
                continue
            DBTaskResult.objects.filter(pk=result.pk).update(status="READY", started_at=None)
            requeued += 1
        # A job whose task was put back waits again (its page says so, not "running").
        Job.objects.filter(status=JobStatus.RUNNING).exclude(pk__in=_running_job_ids()).update(
            status=JobStatus.QUEUED
        )
    if requeued:
        log.warning("requeued %s task(s) left running by a worker that died", requeued)
    return requeued


def _running_job_ids() -> list[int]:
    running = DBTaskResult.objects.running().filter(task_path__endswith=".run_job")
    return [args["args"][0] for args in running.values_list("args_kwargs", flat=True)]


def run_worker(interval: float = 1.0, index_vectors: bool = True) -> None:
    """Run until SIGTERM/SIGINT: the current task finishes first (a second signal stops it)."""
    requeue_orphans()
    remove_old_files()  # also on a shelf where nobody exports again for a while
    # Background work yields the cores to requests: a burst of summaries to embed or a
    # big import must not make pages wait (measured under load: the worker's model runs
    # took ~60 % of its samples, on both cores, while pages queued).
    os.nice(WORKER_NICENESS)
    from papershelf.search.embedding import use_one_thread

    use_one_thread()
    indexer = None
    if index_vectors:
        from papershelf.search.semantic import start_background_indexer

        indexer = start_background_indexer()
    worker = Worker(
        queue_names=["*"],
        interval=interval,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id(),
        excluded_queue_names=[],
    )
    worker.configure_signals()
    try:
        worker.run()  # a stop signal between tasks ends it with SystemExit
    finally:
        if indexer is not None:
            # A daemon thread in the middle of a model run when the interpreter is torn
            # down aborts the process (onnxruntime: "terminate called without an active
            # exception"): its batch ends first, as a running task does.
            indexer.stop()
            indexer.join(INDEXER_STOP_TIMEOUT)
