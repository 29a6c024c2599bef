import os
import shutil
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.background.supervisor import WorkerProcesses, supervise


class Command(BaseCommand):
    help = (
        "Serve the platform with gunicorn (production settings unless DJANGO_SETTINGS_MODULE says otherwise) and "
        "run task workers beside it (--task-workers, 0 when they run elsewhere); stops them all on SIGTERM or Ctrl+C."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=int(os.environ.get("HARAMBEE_WORKERS", "3")))
        parser.add_argument("--bind", default=os.environ.get("HARAMBEE_BIND", "127.0.0.1:8000"))
        parser.add_argument("--timeout", type=int, default=60)
        parser.add_argument(
            "--task-workers", type=int, default=settings.HARAMBEE_TASK_WORKERS, help="Task worker processes to run."
        )

    def handle(self, *args, workers, bind, timeout, task_workers, **options):
        if workers < 1:
            raise CommandError(_("--workers must be at least 1."))
        if task_workers < 0:
            raise CommandError(_("--task-workers must be 0 or more."))
        gunicorn = shutil.which("gunicorn") or os.path.join(os.path.dirname(sys.executable), "gunicorn")
        argv = [
            gunicorn,
            "config.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            bind,
            "--timeout",
            str(timeout),
            "--access-logfile",
            "-",
            "--forwarded-allow-ips",
            os.environ.get("HARAMBEE_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ]
        self.stdout.write(" ".join(argv))
        self.stdout.flush()
        workers = WorkerProcesses(count=task_workers).start()
        code = supervise(subprocess.Popen(argv), workers)
        if code:
            sys.exit(code)
