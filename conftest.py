"""Shared fixtures: people in every role around one member, for permission grids and flows."""

from dataclasses import dataclass

import pytest

from harambee.accounts.tests.factories import UserFactory
from harambee.registry.models import Member, MemberRole
from harambee.registry.tests.factories import MembershipFactory, OrganisationFactory


@dataclass
class Cast:
    """A member with one person per role, a manager of another member, an outsider and the secretariat."""

    member: Member
    other_member: Member
    manager: object
    editor: object
    viewer: object
    other_manager: object
    outsider: object
    secretariat: object

    def user(self, role: str):
        return None if role == "anonymous" else getattr(self, role)


@pytest.fixture
def cast(db) -> Cast:
    member = OrganisationFactory(code="unza", name="University of Zambia")
    other = OrganisationFactory(code="tsinghua", name="Tsinghua University")
    people = {role: UserFactory(email=f"{role}@example.org") for role in ("manager", "editor", "viewer")}
    for role, user in people.items():
        MembershipFactory(member=member, user=user, role=role, is_focal_point=role == "manager", show_publicly=True)
    other_manager = UserFactory(email="other@example.org")
    MembershipFactory(member=other, user=other_manager, role=MemberRole.MANAGER)
    return Cast(
        member=member,
        other_member=other,
        other_manager=other_manager,
        outsider=UserFactory(email="outsider@example.org"),
        secretariat=UserFactory(email="secretariat@example.org", is_secretariat=True),
        **people,
    )


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English; a request in another language must not leak into the next test."""
    from django.core.cache import caches
    from django.utils import translation

    from harambee.matching.selectors import forget_ranked_suggestions

    translation.activate("en")
    caches["default"].clear()
    caches["pages"].clear()
    forget_ranked_suggestions()
    yield
    translation.deactivate()


ROLES = ["anonymous", "outsider", "viewer", "editor", "manager", "other_manager", "secretariat"]


@pytest.fixture(autouse=True)
def matching_index_dir(tmp_path_factory):
    """Each test has its own matching index folder (the index is built on first need in tests)."""
    from django.test import override_settings

    path = tmp_path_factory.mktemp("matching-index")
    with override_settings(HARAMBEE_MATCHING_INDEX_DIR=path):
        yield path


@pytest.fixture
def chromium():
    """Debian's chromium driven by Playwright, for the browser tests (skipped where it is missing,
    except in CI)."""
    import os
    from pathlib import Path

    path = os.environ.get("HARAMBEE_CHROMIUM", "/usr/bin/chromium")
    if not Path(path).exists():
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"{path} is missing; .ci/run installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed on this machine (apt-get install chromium)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's event loop runs in this thread
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, args=["--no-sandbox", "--disable-gpu", "--no-first-run"], headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The demo (`loaddemo`), loaded once for a test module and rolled back after it; tests that use it
    also ask for `db` (each test then runs in a savepoint inside this transaction)."""
    import io

    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("loaddemo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test empties the database when it ends (Django flushes it; its serialized
    rollback only restores the data when the *next* transactional test starts). pytest-django runs
    those tests last, but xdist may hand a worker another file after one: put the migrated data
    (reference lists) back at once, so that every test starts from the same database."""
    yield
    marker = item.get_closest_marker("django_db")
    if nextitem is None:  # the last test: the test database itself has just been torn down
        return
    if marker is None or not (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    connection = connections["default"]
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        with item.config.stash[blocking_manager_key].unblock():
            connection.creation.deserialize_db_from_string(contents)
