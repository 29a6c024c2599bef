"""Allocation rounds: assign limited offer capacity (seats, expert-days) to requests.

The engine (`harambee.allocation.core`, wrapped by `.engine`) is pure Python over dataclasses; it never touches the
database, so it can be run from the CLI, a worker or a test on a JSON instance.
"""
