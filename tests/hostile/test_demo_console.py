"""Issue 10 item 5: the demo console ends with one clear block (address, every account, password,
how to stop), keeps the e-mails of the data load out of the console, and every link it prints or
mails uses the port it serves on."""

import io
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from harambee.accounts.tests.factories import UserFactory
from harambee.core.management.commands.demo import DemoServer
from harambee.registry.models import MemberRole, MemberStatus
from harambee.registry.tests.factories import MembershipFactory, OrganisationFactory

ROOT = Path(__file__).resolve().parents[2]
RULE = "=" * 72


def readme_demo_accounts() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Demo accounts", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([^`]+@[^`]+)` \|", section, flags=re.MULTILINE)


def test_demo_prints_its_block_last_with_every_account_and_its_port(tmp_path):
    # given a fresh data folder and no site URL configured
    data_dir = tmp_path / "data"
    env = {**os.environ, "HARAMBEE_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "config.settings.local"}
    for name in ("DATABASE_URL", "HARAMBEE_SITE_URL", "HARAMBEE_EMAIL_BACKEND"):
        env.pop(name, None)
    # when the demo prepares itself for port 8123
    result = subprocess.run(
        [str(Path(sys.executable).parent / "harambee"), "demo", "--no-serve", "--port", "8123"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # then no e-mail is printed, only where the e-mails of the load went (once)
    assert "Subject:" not in out and "Content-Type:" not in out and "-" * 79 not in out
    mail_file = data_dir / "demo-mail.txt"
    assert out.count(str(mail_file)) == 1
    mails = mail_file.read_text(encoding="utf-8")
    assert mails.count("Subject:") >= 2
    # and every link mailed while loading uses the demo's port
    links = re.findall(r"https?://[^\s/]+", mails)
    assert links and set(links) == {"http://127.0.0.1:8123"}
    # and the output ends with the block: the address with the port, every demo account, the password
    lines = out.rstrip("\n").split("\n")
    assert lines[-1] == RULE
    start = len(lines) - 1 - lines[::-1].index(RULE, 1)
    block = "\n".join(lines[start:])
    assert "open http://127.0.0.1:8123/" in block and ":8000" not in out
    assert "harambee-demo-2025" in block and "--port 8123" in block
    printed = re.findall(r"^  (\S+@\S+)\s", block, flags=re.MULTILINE)
    with sqlite3.connect(data_dir / "harambee.sqlite3") as db:
        in_data = [email for (email,) in db.execute("SELECT email FROM accounts_user WHERE is_demo ORDER BY id")]
    assert printed == in_data
    assert "pending.org@demo.harambee.test" in printed
    # and the README's table lists exactly these accounts
    assert sorted(readme_demo_accounts()) == sorted(in_data)


@pytest.mark.django_db
def test_the_served_demo_announces_the_port_it_is_bound_to_with_the_accounts_in_the_data():
    # given demo accounts: a manager of a pending organisation and a visitor
    organisation = OrganisationFactory(code="nrac", name="Nairobi Collective", status=MemberStatus.PENDING)
    manager = UserFactory(email="pending.org@demo.harambee.test", is_demo=True)
    MembershipFactory(member=organisation, user=manager, role=MemberRole.MANAGER)
    UserFactory(email="visitor@demo.harambee.test", is_demo=True, preferred_language="ar")
    UserFactory(email="someone@example.org")
    # when the development server is bound on port 8124
    out = io.StringIO()
    server = DemoServer(stdout=out)
    server.addr = "0.0.0.0"
    server.on_bind(8124)
    # then the block gives an address a browser can open, every demo account and how to stop
    text = out.getvalue()
    assert text.startswith(RULE) and text.rstrip().endswith(RULE)
    assert "open http://127.0.0.1:8124/" in text and "Ctrl+C" in text
    assert re.findall(r"^  (\S+@\S+)\s+(.*)$", text, flags=re.MULTILINE) == [
        ("pending.org@demo.harambee.test", "manager of Nairobi Collective (waiting for the secretariat's approval)"),
        ("visitor@demo.harambee.test", "signed in, acts for no member, prefers Arabic"),
    ]
