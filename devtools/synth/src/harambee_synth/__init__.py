"""harambee-synth: synthetic postings for Harambee's development, load tests and demo.

A development package (a uv workspace member installed with the `dev` dependency group), not
part of the production wheel; `harambee gen postings` and the demo use it when it is installed.
"""

from harambee_synth.banks import PHRASE_LANGUAGES
from harambee_synth.generator import generate_postings

__all__ = ["PHRASE_LANGUAGES", "generate_postings"]
