"""Other kinds of data for the `harambee import` and `harambee export` commands.

The commands live with the postings (their first kind); an app adds its own kind here from its
AppConfig.ready(), so that the commands never import the apps that extend them.
"""

from collections.abc import Callable

# kind -> function(*, files, dry_run, stdout, stderr, progress) that raises CommandError on a problem;
# `progress` is a harambee.core.progress.Progress to wrap the main loop in
IMPORTERS: dict[str, Callable] = {}
# kind -> function(*, member, out, stdout, stderr, progress)
EXPORTERS: dict[str, Callable] = {}


def register_importer(kind: str, function: Callable) -> None:
    IMPORTERS[kind] = function


def register_exporter(kind: str, function: Callable) -> None:
    EXPORTERS[kind] = function
