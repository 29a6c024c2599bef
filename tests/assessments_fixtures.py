"""Shared fixtures of the assessment tests: the conftest cast acting for a State (Zambia), and helpers
that answer the framework whatever its indicators are."""

import pytest

from harambee.assessments import services
from harambee.assessments.core.framework import get_framework
from harambee.registry.models import Country
from harambee.registry.tests.factories import MembershipFactory, StateFactory


@pytest.fixture(name="zambia")
def zambia_fixture(cast):
    """Zambia, with the cast's manager, editor and viewer in those roles (the cast's other roles stay)."""
    member = StateFactory(country=Country.objects.get(iso3="ZMB"))
    for role in ("manager", "editor", "viewer"):
        MembershipFactory(member=member, user=getattr(cast, role), role=role, is_focal_point=role == "manager")
    return member


def framework():
    return get_framework()


def all_answers(level: int = 2, framework_=None) -> dict[str, int]:
    return {i.code: level for i in (framework_ or framework()).indicators}


def required_answers(level: int = 2) -> dict[str, int]:
    return {i.code: level for i in framework().indicators if i.required}


def validated(member, cast, *, year=2026, levels=None, public=True):
    """An assessment of `member` taken through start → answers → submit → validate (→ public)."""
    manager = cast.manager if member.code == "zmb" else None
    actor = manager or member._test_manager
    assessment = services.start_assessment(actor=actor, member=member, year=year)
    services.save_answers(assessment=assessment, actor=actor, answers=levels or all_answers())
    services.submit(assessment=assessment, actor=actor)
    services.validate(assessment=assessment, actor=cast.secretariat)
    if public:
        services.set_public(assessment=assessment, actor=actor, public=True)
    assessment.refresh_from_db()
    return assessment


def state_with_manager(iso3: str):
    """A State member with a manager of its own (`member._test_manager`)."""
    from harambee.accounts.tests.factories import UserFactory

    member = StateFactory(country=Country.objects.get(iso3=iso3))
    manager = UserFactory(email=f"manager.{iso3.lower()}@example.org")
    MembershipFactory(member=member, user=manager, role="manager")
    member._test_manager = manager
    return member
