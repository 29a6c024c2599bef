import os
import shutil
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Serve the platform with gunicorn (production settings unless DJANGO_SETTINGS_MODULE says otherwise)."

    def add_arguments(self, parser):
        # One process per core, eight threads each: measured best on 2 cores (docs/performance.md, "Load").
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("HARAMBEE_WORKERS", str(os.cpu_count() or 2)))
        )
        parser.add_argument("--bind", default=os.environ.get("HARAMBEE_BIND", "127.0.0.1:8000"))
        parser.add_argument("--timeout", type=int, default=60)
        parser.add_argument(
            "--threads", type=int, default=int(os.environ.get("HARAMBEE_THREADS", "8")),
            help="threads per worker (more than 1: gunicorn's gthread workers; docs/performance.md)",
        )  # fmt: skip

    def handle(self, *args, workers, bind, timeout, threads, **options):
        if workers < 1:
            raise CommandError(_("--workers must be at least 1."))
        if threads < 1:
            raise CommandError(_("--threads must be at least 1."))
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
            "--threads",
            str(threads),
            "--access-logfile",
            "-",
            "--forwarded-allow-ips",
            os.environ.get("HARAMBEE_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ]
        self.stdout.write(" ".join(argv))
        self.stdout.flush()
        os.execv(gunicorn, argv)
