"""The `harambee` console script: Django's manage.py plus `demo`, `serve` and `loaddemo` commands.

`serve` runs in production settings by default; every other command uses the local settings
unless DJANGO_SETTINGS_MODULE says otherwise.

Every command finds the data folder in place (it is created here, the one place that does), and
a command that needs a database which is not set up says what to run instead of a traceback.
Commands that need no database (`allocate FILE.json`, `match evaluate`, `help`) never open one.
"""

import os
import sys
from pathlib import Path


def ensure_data_dir() -> None:
    """Create the data folder (SQLite database, uploads, caches) when it is missing."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        data_dir = settings.DATA_DIR
    except ImproperlyConfigured:
        return  # Django reports the settings' problem itself when the command starts
    Path(data_dir).mkdir(parents=True, exist_ok=True)


def database_needs_migrating() -> bool:
    """True when the default database lacks migrations the code has (a fresh or an old database)."""
    from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    except DatabaseError:
        return False


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    command = argv[1] if len(argv) > 1 else ""
    default_settings = "config.settings.production" if command == "serve" else "config.settings.local"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings)
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    ensure_data_dir()
    try:
        execute_from_command_line(argv)
    except DatabaseError:
        if "--traceback" in argv or not database_needs_migrating():
            raise
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
