"""Schemathesis attacks /api/v1 in-process (WSGI, every middleware included) with the demo data loaded,
once anonymously and once with an API token of a member's manager (so writes are exercised).

Checks: no answer is a server error, every status is documented in the OpenAPI document for its
operation, content types, headers and bodies conform to the document, and a method an operation
does not have answers 405 with an Allow header. Generation is derandomized with a fixed seed, so a
failure is reproducible, and bounded: the examples, coverage and fuzzing phases (5 examples per
operation), about 2,800 requests, some 30 s of CPU on top of loading the demo.
"""

import re
import time

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction

from harambee.accounts.models import User
from harambee.accounts.services import api_token_create
from harambee.demo.data import load_demo

CONFIG = {
    "seed": 20251010,
    "generation": {"mode": "all", "max-examples": 5, "deterministic": True, "database": "none"},
    "phases": {
        "examples": {"enabled": True},
        "coverage": {"enabled": True, "unexpected-methods": ["DELETE", "PUT", "PATCH"]},
        "fuzzing": {"enabled": True},
        "stateful": {"enabled": False},
    },
    # Half of the generated codes and ids are real demo ones, so that writes also get past "not found"
    # into the services (Zambia's manager acts for zmb; the others are someone else's or hidden).
    "dictionaries": {
        "members": {"values": ["zmb", "chn", "tsinghua", "nrac"]},
        "postings": {"values": ["DEMO-N-ZMB-1", "DEMO-N-ZMB-2", "DEMO-N-ZMB-3", "DEMO-O-TSINGHUA-1", "DEMO-N-EGY-1"]},
        "actions": {"values": ["submit", "withdraw", "reopen", "close", "fulfil", "publish"]},
    },
    "parameters": {
        "path.code": {"dictionary": "members", "probability": 0.5},
        "path.external_id": {"dictionary": "postings", "probability": 0.5},
        "body.member": {"dictionary": "members", "probability": 0.5},
        "body.need": {"dictionary": "postings", "probability": 0.5},
        "body.offer": {"dictionary": "postings", "probability": 0.5},
        "body.action": {"dictionary": "actions", "probability": 0.5},
    },
    "checks": {
        "enabled": False,
        "not_a_server_error": {"enabled": True},
        "status_code_conformance": {"enabled": True},
        "content_type_conformance": {"enabled": True},
        "response_headers_conformance": {"enabled": True},
        "response_schema_conformance": {"enabled": True},
        "unsupported_method": {"enabled": True},
        "allow_header_conformance": {"enabled": True},
    },
}
pytestmark = pytest.mark.django_db
MANAGER = "zambia.manager@demo.harambee.test"
STATS: dict[str, list] = {}
SEEN_ANONYMOUS: set[str] = set()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, loaded once for the module inside a transaction rolled back at its end."""
    # Requests go through the real WSGI handler, which closes the connection at the end of each
    # request when it is inside a transaction (as Django's test client, keep it open).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo()
            key = api_token_create(user=User.objects.get(email=MANAGER), name="schemathesis").key
            yield {"anonymous": {}, "manager": {"Authorization": f"Bearer {key}"}}
        finally:
            for who, (cases, seconds, operations) in STATS.items():  # shown with -s
                print(f"schemathesis {who}: {len(operations)} operations, {cases} cases, {seconds:.1f} s in calls")
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            signals.request_started.connect(close_old_connections)
            signals.request_finished.connect(close_old_connections)


def load_schema(config: dict):
    # At collection (pytest-django has configured Django by then): the document needs no database.
    return schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json", get_wsgi_application(), config=schemathesis.Config.from_dict(config)
    )


schema = load_schema(CONFIG)
# A replacement (PUT) takes the same body as a creation (POST), whose coverage phase already walks
# every field's edge cases: PUT keeps the examples and fuzzing phases, to bound the time.
replacements = load_schema({**CONFIG, "phases": {**CONFIG["phases"], "coverage": {"enabled": False}}})


def attack(case, demo):
    """Send the case as the manager, and anonymously on the operations anyone may call. An operation
    that needs a token answers 401 to anyone anonymous before reading its input: its first case
    checks that answer once."""
    label = case.operation.label
    who = ["manager"]
    if not case.operation.definition.raw.get("security") or label not in SEEN_ANONYMOUS:
        who.append("anonymous")
        SEEN_ANONYMOUS.add(label)
    for name in who:
        started = time.monotonic()
        case.call_and_validate(headers=demo[name])
        entry = STATS.setdefault(name, [0, 0.0, set()])
        entry[0] += 1
        entry[1] += time.monotonic() - started
        entry[2].add(label)


def _one_test_per_operation():
    """A test function per operation, named after it (`test_post_api_v1_needs`): pytest 9 builds the
    ids of the items of `schema.parametrize()` from the function's name alone, and pytest-xdist
    needs distinct ids."""
    for result in schema.get_all_operations():
        label = result.ok().label
        name = "test_" + re.sub(r"\W+", "_", label).strip("_").lower()

        def test(case, demo):
            attack(case, demo)

        test.__name__ = test.__qualname__ = name
        test.__doc__ = f"Schemathesis attacks {label}."
        source = replacements if label.startswith("PUT ") else schema
        globals()[name] = source.include(name=label).parametrize()(test)


_one_test_per_operation()
