"""The `harambee` console script: Django's manage.py plus `demo`, `serve` and `loaddemo` commands.

`serve` runs in production settings by default; every other command uses the local settings
unless DJANGO_SETTINGS_MODULE says otherwise.

Start-up is kept light: `harambee`, `harambee --help` and `harambee help` print the command table
below and import neither Django's database layer nor any application module; every other command
is handed to Django, which sets up only then and imports only the command that runs (the
command's own module imports what it needs: numpy, OR-Tools, lxml, the embedding model).

Every command finds the data folder in place (it is created here, the one place that does), and
a command that needs a database which is not set up says what to run instead of a traceback.
Commands that need no database (`allocate FILE.json`, `match evaluate`, `help`) never open one.
"""

import os
import sys
from pathlib import Path
from typing import NamedTuple

# One BLAS thread per process, unless the environment says otherwise (set before numpy loads). A web
# process answers several requests at once on its own threads, and the matching index's
# matrix-vector product split over the cores of a small machine waits behind the other requests:
# at 100,000 offers on 2 busy cores the top-10 median was 33–37 ms with one thread against 54–73 ms
# with two (docs/performance.md). The embedding model runs on its own OpenMP threads, not BLAS.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


class Command(NamedTuple):
    """One of Harambee's own commands: the app whose management/commands/ holds it, and what it does."""

    app: str
    summary: str
    settings: str = "config.settings.local"


# Harambee's commands, by name (tests/test_cli.py checks this table against the command modules).
COMMANDS: dict[str, Command] = {
    "demo": Command("harambee.core", "Set up a data folder with demo data and serve it (try the platform)."),
    "serve": Command(
        "harambee.core", "Serve the platform with gunicorn (production settings).", "config.settings.production"
    ),
    "worker": Command("harambee.background", "Run one task worker alone (background work: e-mails, matching data)."),
    "loaddemo": Command("harambee.demo", "Load the demo data into the database (once)."),
    "import": Command("harambee.postings", "Import needs and offers, or IATI activities, from files."),
    "export": Command("harambee.postings", "Export needs and offers, cooperations, or IATI activities."),
    "gen": Command("harambee.postings", "Generate synthetic needs and offers (development dependencies)."),
    "postings": Command("harambee.postings", "Daily housekeeping of needs and offers (expiry, reminders)."),
    "cooperations": Command("harambee.cooperation", "Daily housekeeping of cooperations (milestone reminders)."),
    "follows": Command("harambee.follows", "Send the digests of what people follow that are due."),
    "match": Command("harambee.matching", "Matching: evaluate on a labelled corpus, compute posting vectors."),
    "allocate": Command("harambee.allocation", "Run an allocation round on a JSON instance file."),
    "backup": Command("harambee.operations", "Write a consistent backup of the database and uploads (while it runs)."),
    "restore": Command("harambee.operations", "Restore a backup into an empty data folder or database, and verify it."),
    "changepassword": Command("harambee.accounts", "Change a person's password; their API tokens are revoked."),
    "report": Command("harambee.transparency", "Write the year's implementation report (PDF or HTML, six languages)."),
}

HELP_ARGUMENTS = ([], ["--help"], ["-h"], ["help"])


def usage() -> str:
    """The text of `harambee --help`: Harambee's commands, then where Django's own ones are listed."""
    width = max(len(name) for name in COMMANDS)
    lines = [
        "Usage: harambee <command> [options]",
        "",
        "Harambee's commands:",
        *(f"  {name:<{width}}  {command.summary}" for name, command in COMMANDS.items()),
        "",
        "Django's commands work too (migrate, createsuperuser, shell, dbshell, collectstatic, …).",
        "`harambee help --commands` lists every command; `harambee help <command>` shows its options.",
    ]
    return "\n".join(lines) + "\n"


def ensure_data_dir() -> None:
    """Create the data folder (SQLite database, uploads, caches) when it is missing."""
    # lazy: `harambee --help` and the command table start without loading Django (issue 11, item 6)
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        data_dir = settings.DATA_DIR
    except ImproperlyConfigured:
        return  # Django reports the settings' problem itself when the command starts
    Path(data_dir).mkdir(parents=True, exist_ok=True)


def database_needs_migrating() -> bool:
    """True when the default database lacks migrations the code has (a fresh or an old database)."""
    # lazy: `harambee --help` and the command table start without loading Django (issue 11, item 6)
    from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    except DatabaseError:
        return False


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if argv[1:] in HELP_ARGUMENTS:
        sys.stdout.write(usage())
        return
    django_options = {"--settings", "--pythonpath", "--traceback"} & {a.split("=")[0] for a in argv[2:]}
    if argv[1] == "allocate" and not django_options:
        # lazy: the allocation round needs no Django (docs/performance.md, "harambee allocate")
        from harambee.allocation.core.command import main as allocate

        sys.exit(allocate(argv[2:]))
    command = COMMANDS.get(argv[1])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", command.settings if command else "config.settings.local")
    run_django(argv)


def run_django(argv: list[str]) -> None:
    """Run a command through Django's own dispatch (settings, set-up, the command's module)."""
    # lazy: `harambee --help` and the command table start without loading Django (issue 11, item 6)
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    ensure_data_dir()
    try:
        execute_from_command_line(argv)
    except DatabaseError:
        if "--traceback" in argv or not database_needs_migrating():
            raise
        # lazy: `harambee --help` and the command table start without loading Django (issue 11, item 6)
        from django.utils.translation import gettext as _

        sys.stderr.write(
            _(
                "The database is not set up yet. Run `harambee migrate` to create its tables "
                "(or `harambee demo` to try the platform with demo data), then run this command again."
            )
            + "\n"
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
