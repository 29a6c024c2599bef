import os
import signal
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.commands.runserver import Command as RunserverCommand
from django.db import connection
from django.utils.translation import gettext as _

from harambee.background.supervisor import WorkerProcesses
from harambee.demo.console import closing_block, demo_url
from harambee.registry.reference import load_reference_data


class DemoServer(RunserverCommand):
    """Django's development server, announcing itself with the demo's closing block only."""

    def on_bind(self, server_port):
        self.stdout.write(closing_block(url=demo_url(self.addr, server_port), serving=True))


class Command(BaseCommand):
    help = "Create the data folder and database if missing, migrate, load demo data once and serve it."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Port to serve on (default 8000).")
        parser.add_argument("--host", default="127.0.0.1", help="Address to bind (default 127.0.0.1).")
        parser.add_argument("--reset", action="store_true", help="Delete the demo database and start afresh.")
        parser.add_argument("--no-serve", action="store_true", help="Prepare the data but do not serve.")
        parser.add_argument(
            "--task-workers",
            type=int,
            default=settings.HARAMBEE_TASK_WORKERS,
            help="Task worker processes to run beside the server (default 1).",
        )

    def handle(self, *args, port, host, reset, no_serve, task_workers, **options):
        if not settings.HARAMBEE_ALLOW_DEMO:
            raise CommandError(_("The demo cannot run with production settings."))
        if not 0 < port < 65536:
            raise CommandError(_("The port must be between 1 and 65535."))
        Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        # Links in e-mails point where the demo serves, unless HARAMBEE_SITE_URL says otherwise.
        if "HARAMBEE_SITE_URL" not in os.environ:
            settings.HARAMBEE_SITE_URL = demo_url(host, port).rstrip("/")
        if reset:
            self._reset()
        call_command("migrate", interactive=False, verbosity=0)
        call_command("loaddemo", "--no-accounts", stdout=self.stdout)
        if no_serve:
            self.stdout.write(closing_block(url=demo_url(host, port), serving=False))
            return
        # The workers print the e-mails they send below the block, as the server would; they stop with it.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))  # stop as on Ctrl+C: workers too
        env = {"HARAMBEE_SITE_URL": settings.HARAMBEE_SITE_URL}
        with WorkerProcesses(count=max(task_workers, 0), env=env, verbosity=0):
            call_command(DemoServer(stdout=self.stdout, stderr=self.stderr), f"{host}:{port}", use_reloader=False,
                         skip_checks=True)  # fmt: skip

    def _reset(self) -> None:
        if connection.vendor == "sqlite":
            name = Path(str(connection.settings_dict["NAME"]))
            connection.close()
            for path in (name, Path(f"{name}-wal"), Path(f"{name}-shm")):
                if path.exists():
                    os.remove(path)
            self.stdout.write(f"Removed {name}")
        else:
            # flush empties every table, the reference lists included, so load those again.
            call_command("flush", interactive=False)
            load_reference_data(apps)
