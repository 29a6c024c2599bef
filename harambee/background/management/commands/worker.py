"""``harambee worker``: run one task worker until SIGTERM or SIGINT (docs/adr/0009-background-tasks.md)."""

import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django_tasks_db.management.commands.db_worker import Command as LibraryCommand
from django_tasks_db.management.commands.db_worker import valid_interval, valid_max_tasks, validate_worker_id

from harambee.background.lifecycle import new_worker_id
from harambee.background.queue import tasks_run_at_once
from harambee.background.worker import Worker


class Command(BaseCommand):
    help = (
        "Run one task worker: matching features, e-mails, reminders and the daily housekeeping. Stops after the "
        "current task on SIGTERM or SIGINT."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--queues", default="*", help="Queues to run, comma-separated: default, mail (default: all)."
        )
        parser.add_argument(
            "--interval", type=valid_interval, default=1.0, help="Seconds between looks at an empty queue."
        )
        parser.add_argument("--batch", action="store_true", help="Run the tasks that are ready, then stop.")
        parser.add_argument("--max-tasks", type=valid_max_tasks, default=None, help="Stop after this many tasks.")
        parser.add_argument("--worker-id", type=validate_worker_id, default=None, help="Default: host:pid:random.")

    def handle(self, *args, queues, interval, batch, max_tasks, worker_id, verbosity, **options):
        if tasks_run_at_once():
            raise CommandError(
                _("HARAMBEE_TASK_BACKEND is “immediate”: every task runs when it is enqueued, and no worker is needed.")
            )
        LibraryCommand(stdout=self.stdout, stderr=self.stderr).configure_logging(verbosity)
        # -v 0 (the demo's workers): only problems; the e-mails a worker sends are what the demo shows
        logging.getLogger("harambee.background").setLevel(logging.WARNING if verbosity == 0 else logging.INFO)
        worker = Worker(
            queue_names=queues.split(","),
            interval=interval,
            batch=batch,
            startup_delay=not batch,
            max_tasks=max_tasks,
            worker_id=worker_id or new_worker_id(),
        )
        worker.configure_signals()
        worker.run()
