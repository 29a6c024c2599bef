"""The `harambee` console script: Django's manage.py plus `demo`, `serve` and `loaddemo` commands.

`serve` runs in production settings by default; every other command uses the local settings
unless DJANGO_SETTINGS_MODULE says otherwise.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    command = argv[1] if len(argv) > 1 else ""
    default_settings = "config.settings.production" if command == "serve" else "config.settings.local"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings)
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
