"""py3langid's bundled model restricted to the UN languages, built when this module is first imported
(about a second): `harambee.postings.text.detect_language` imports it on first use. Python's import lock
makes callers that ask at the same moment wait for that one import, so the model is built once per
process without a lock of our own."""

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .text import UN_LANGUAGES

IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE)
IDENTIFIER.set_languages(list(UN_LANGUAGES))
