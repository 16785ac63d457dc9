"""The real queue for tests that start a job in one request and run it as the worker does."""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Worker

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_queue() -> None:
    """What `papershelf worker` does, until the queue is empty."""
    Worker(
        queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="test:1", excluded_queue_names=[],
    ).run()  # fmt: skip
