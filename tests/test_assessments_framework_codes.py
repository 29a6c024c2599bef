"""Every shipped framework version names only the taxonomy's theme and modality codes (the core checks the
codes it is given; the taxonomy lives in the postings app)."""

import pytest

from harambee.assessments.core.framework import available_versions, get_framework, validate_codes
from harambee.postings.choices import MODALITIES, THEMES


@pytest.mark.parametrize("version", available_versions())
def test_the_framework_uses_the_taxonomys_codes(version):
    assert validate_codes(get_framework(version), themes=set(THEMES), modalities=set(MODALITIES)) == []


def test_the_check_sees_an_unknown_code():
    framework = get_framework()
    assert validate_codes(framework, themes=set(), modalities=set(MODALITIES))
