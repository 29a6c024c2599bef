"""Development tools that commands use when they are installed.

They live in development packages under devtools/ (uv workspace members of the `dev` dependency
group) and are not part of the production wheel (docs/adr/0006-test-data-in-a-development-package.md),
so a production install says how to get them instead of failing with a traceback.
"""

from collections.abc import Callable, Iterator

from django.utils.translation import gettext as _


class DevToolMissing(Exception):
    """A development package is not installed; the message says how to install it."""


def synthetic_postings_generator() -> Callable[..., Iterator[dict]]:
    """`generate_postings` of the development package harambee-synth (imported only when asked for)."""
    try:
        # lazy: optional development package (devtools/synth), absent from production installs
        from harambee_synth import generate_postings
    except ModuleNotFoundError as error:
        if error.name != "harambee_synth":
            raise
        raise DevToolMissing(
            _(
                "Generating postings needs the development package harambee-synth, which is not installed. "
                "Install the development dependencies: run `uv sync` in a clone of the Harambee repository."
            )
        ) from None
    return generate_postings
