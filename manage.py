#!/usr/bin/env python
"""Django's command-line utility; `harambee` wraps the same entry point."""

from harambee.cli import main

if __name__ == "__main__":
    main()
