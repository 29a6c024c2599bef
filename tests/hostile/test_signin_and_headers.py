"""Issue 10, items 3, 8, 9 and 12: language switching and sign-in, sign-in throttling behind a proxy,
password-reset rate limits, API tokens after a password change, and the security headers."""

import html
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import caches
from django.db.models import F
from django.utils import translation

from harambee.accounts.models import ApiToken
from harambee.accounts.services import api_token_create
from harambee.accounts.tests.factories import TEST_PASSWORD
from harambee.audit.models import AuditAction, AuditEntry
from harambee.postings.models import PostingStatus
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent.parent
SIGN_IN = "/en/accounts/sign-in/"


@pytest.fixture
def need(cast):
    """A published French need of the cast's university."""
    data = parse_posting(
        {
            "id": "N-FR-1",
            "kind": "need",
            "member": cast.member.code,
            "title": "Former des agents publics à l'IA",
            "description": "Un cycle de formation pour les cadres des ministères.",
            "language": "fr",
        }
    )
    return posting_create(actor=cast.manager, member=cast.member, data=data, status=PostingStatus.PUBLISHED)


def _switcher_links(page: str) -> dict[str, str]:
    """The switcher's link per language code."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S).group(0)
    return {code: html.unescape(href) for href, code in re.findall(r'<a href="([^"]*)" lang="([^"]+)"', nav)}


# --- 3. Language switching and sign-in -------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "language", "expected"),
    [
        ("/fr/needs/N-FR-1/", "ar", "/ar/needs/N-FR-1/"),
        ("/fr/needs/N-FR-1/", "en", "/en/needs/N-FR-1/"),
        ("/fr/needs/?q=formation&modality=training&page=1", "ar", "/ar/needs/?q=formation&modality=training&page=1"),
        ("/zh-hans/members/unza/", "en", "/en/members/unza/"),
        ("/ar/members/?group=LDC&kind=state", "fr", "/fr/members/?group=LDC&kind=state"),
        ("/fr/needs/N-UNKNOWN/", "es", "/es/needs/N-UNKNOWN/"),  # a 404 page switches too
    ],
)
def test_the_switcher_lands_on_the_same_page_in_the_chosen_language(client, need, page, language, expected):
    # given a browser that asks for English and once chose Spanish, reading a page in another language
    client.cookies["django_language"] = "es"
    body = client.get(page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    links = _switcher_links(body)
    # then the switcher links every language, the page's own language to the page itself
    assert sorted(links) == ["ar", "en", "es", "fr", "ru", "zh-hans"]
    assert links[page.split("/")[1]] == page
    # and the chosen language's link (a plain link: no form, no token, no JavaScript) is the same page,
    # with the same query, in that language, whatever the browser's language or cookie
    assert links[language] == expected
    response = client.get(links[language], HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code in (200, 404)
    assert f'<html lang="{language}"' in response.content.decode()


def test_anonymous_pages_carry_no_csrf_token(client, need):
    # given a visitor who is not signed in, then no public page holds a form token (pages can be shared)
    for page in ("/en/", "/fr/needs/", "/ar/offers/?q=formation", "/fr/needs/N-FR-1/", "/es/members/"):
        body = client.get(page).content.decode()
        assert "csrfmiddlewaretoken" not in body, page
        assert "csrftoken" not in client.cookies, page


def test_the_switcher_refuses_to_leave_the_site(client):
    # given a forged next pointing elsewhere, then the switcher goes home (Django's check is kept)
    response = client.post("/i18n/setlang/", {"next": "https://evil.example/fr/", "language": "ar"})
    assert response.status_code == 302 and response["Location"] == "/ar/"


def _sign_in(client, url, email="manager@example.org", password=TEST_PASSWORD, **extra):
    return client.post(url, {"username": email, "password": password}, **extra)


def test_signing_in_keeps_the_language_of_next(client, cast, need):
    # given a person who prefers Arabic, browsing in French
    cast.manager.preferred_language = "ar"
    cast.manager.save()
    # when it signs in from the French sign-in page to come back to a French need
    response = _sign_in(client, "/fr/accounts/sign-in/?next=/fr/needs/N-FR-1/%3Ftab%3Dmatches")
    # then it comes back to the French page (its query too), not to the Arabic one
    assert response.status_code == 302 and response["Location"] == "/fr/needs/N-FR-1/?tab=matches"
    # and a next in yet another language than the sign-in page keeps its own
    client.logout()
    response = _sign_in(client, "/es/accounts/sign-in/?next=/zh-hans/needs/N-FR-1/")
    assert response["Location"] == "/zh-hans/needs/N-FR-1/"
    # and once signed in, the sign-in page sends it on in the language of the page too
    response = client.get("/fr/accounts/sign-in/?next=/fr/needs/N-FR-1/")
    assert response.status_code == 302 and response["Location"] == "/fr/needs/N-FR-1/"


def test_signing_in_without_next_stays_in_the_language_of_the_sign_in_page(client, cast):
    cast.manager.preferred_language = "ar"
    cast.manager.save()
    response = _sign_in(client, "/fr/accounts/sign-in/")
    assert response["Location"] == "/fr/my/"
    # and the preferred language is remembered for addresses without a language
    assert client.cookies["django_language"].value == "ar"
    assert client.get("/").headers["Location"] == "/ar/"


@pytest.mark.parametrize(("next_url", "expected"), [("/", "/ar/"), ("/needs/N-FR-1/?q=x", "/ar/needs/N-FR-1/?q=x")])
def test_a_next_without_language_takes_the_preferred_language(client, cast, need, next_url, expected):
    cast.manager.preferred_language = "ar"
    cast.manager.save()
    response = client.post(
        "/en/accounts/sign-in/", {"username": "manager@example.org", "password": TEST_PASSWORD, "next": next_url}
    )
    assert response["Location"] == expected


def test_the_password_reset_email_is_in_the_preferred_language(client, cast):
    # given a person who prefers Arabic asking for a reset from an English page
    cast.viewer.preferred_language = "ar"
    cast.viewer.save()
    client.post("/en/accounts/password-reset/", {"email": "viewer@example.org"})
    # then the e-mail and its link are in Arabic
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "إعادة تعيين كلمة المرور الخاصة بك على منصة Harambee"
    assert "/ar/accounts/reset/" in mail.outbox[0].body


# --- 8. Sign-in throttling and password-reset rate limits ---------------------------------------------

PROXY = {"REMOTE_ADDR": "127.0.0.1"}


def _via_proxy(address: str) -> dict:
    return {**PROXY, "HTTP_X_FORWARDED_FOR": address}


def test_behind_a_trusted_proxy_one_client_cannot_lock_out_others(client, cast, settings):
    # given the documented nginx proxy, trusted
    settings.HARAMBEE_TRUSTED_PROXIES = ["127.0.0.1"]
    attacker = _via_proxy("203.0.113.9")
    # when one client fails 25 times against three accounts, the secretariat's included
    for email in ("manager@example.org", "secretariat@example.org", "viewer@example.org"):
        for _ in range(8):
            _sign_in(client, SIGN_IN, email=email, password="wrong", **attacker)
            client.cookies.clear()
    refused = _sign_in(client, SIGN_IN, email="manager@example.org", **attacker)
    assert refused.status_code == 429
    client.cookies.clear()
    # then every account still signs in from anywhere else
    for email, address in (
        ("manager@example.org", "198.51.100.7"),
        ("secretariat@example.org", "198.51.100.8"),
        ("viewer@example.org", "2001:db8::1"),
    ):
        response = _sign_in(client, SIGN_IN, email=email, **_via_proxy(address))
        assert response.status_code == 302, email
        client.logout()
    # and the attacker's address can still sign in to an account it did not attack
    assert _sign_in(client, SIGN_IN, email="editor@example.org", **attacker).status_code == 302


def test_the_same_account_and_address_back_off(client, cast, settings):
    from axes.models import AccessAttempt, AccessAttemptExpiration

    settings.HARAMBEE_TRUSTED_PROXIES = ["127.0.0.1"]
    here = _via_proxy("198.51.100.20")

    def later(minutes):
        AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))
        AccessAttemptExpiration.objects.update(expires_at=F("expires_at") - timedelta(minutes=minutes))

    # given four wrong passwords for one account from one address
    for _ in range(4):
        assert "not right" in _sign_in(client, SIGN_IN, password="wrong", **here).content.decode()
    # when the fifth fails too, then that pair waits 15 minutes, even with the right password
    fifth = _sign_in(client, SIGN_IN, password="wrong", **here)
    assert fifth.status_code == 429
    assert "Too many failed sign-ins. Wait 15 minutes" in fifth.content.decode()
    right = _sign_in(client, SIGN_IN, **here)
    assert right.status_code == 429 and "_auth_user_id" not in client.session
    # and five more tries while waiting double the wait
    for _ in range(4):
        _sign_in(client, SIGN_IN, password="wrong", **here)
    assert "Wait 30 minutes" in _sign_in(client, SIGN_IN, **here).content.decode()
    # (each try while waiting counts, and starts the wait again)
    later(16)
    assert _sign_in(client, SIGN_IN, **here).status_code == 429
    # once the wait is over, the right password works and the count starts again
    later(31)
    assert _sign_in(client, SIGN_IN, **here).status_code == 302
    assert AccessAttempt.objects.count() == 0


def test_an_untrusted_forwarded_for_is_ignored(client, cast, settings):
    # given no trusted proxy (the default), a client that forges X-Forwarded-For on every try
    assert getattr(settings, "HARAMBEE_TRUSTED_PROXIES", []) == []
    for n in range(5):
        _sign_in(client, SIGN_IN, password="wrong", REMOTE_ADDR="192.0.2.50", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    # then its tries were counted on its real address, which now waits
    forged = _sign_in(client, SIGN_IN, REMOTE_ADDR="192.0.2.50", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert forged.status_code == 429
    # and a trusted-proxy setting does not make a direct client's header believed
    settings.HARAMBEE_TRUSTED_PROXIES = ["127.0.0.1"]
    again = _sign_in(client, SIGN_IN, REMOTE_ADDR="192.0.2.50", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert again.status_code == 429
    # while the same account signs in from another address
    assert _sign_in(client, SIGN_IN, REMOTE_ADDR="192.0.2.51").status_code == 302


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "client_address"),
    [
        ([], "192.0.2.1", "203.0.113.5", "192.0.2.1"),
        (["127.0.0.1"], "127.0.0.1", "203.0.113.5", "203.0.113.5"),
        (["127.0.0.1"], "127.0.0.1", "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the client wrote 6.6.6.6
        (["127.0.0.1", "10.0.0.0/8"], "127.0.0.1", "6.6.6.6, 203.0.113.5, 10.1.2.3", "203.0.113.5"),
        (["127.0.0.1"], "192.0.2.1", "203.0.113.5", "192.0.2.1"),  # not from the proxy
        (["127.0.0.1"], "127.0.0.1", "", "127.0.0.1"),
        (["127.0.0.1"], "127.0.0.1", "garbage, 203.0.113.5", "203.0.113.5"),
        (["127.0.0.1"], "127.0.0.1", "203.0.113.5, garbage", "127.0.0.1"),
        (["::1"], "::1", "2001:db8::7", "2001:db8::7"),
    ],
)
def test_the_client_address_comes_from_trusted_proxies_only(rf, settings, trusted, remote, forwarded, client_address):
    from harambee.core.web import client_address as address_of

    settings.HARAMBEE_TRUSTED_PROXIES = trusted
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert address_of(request) == client_address


def test_addresses_of_one_ipv6_network_count_as_one_client(client, cast):
    # given five failures from five addresses of one /64 (free for whoever holds it)
    for n in range(1, 6):
        _sign_in(client, SIGN_IN, password="wrong", REMOTE_ADDR=f"2001:db8:1:2::{n:x}")
    # then a sixth address of that network waits too, while another network does not
    assert _sign_in(client, SIGN_IN, REMOTE_ADDR="2001:db8:1:2:ffff::9").status_code == 429
    assert _sign_in(client, SIGN_IN, REMOTE_ADDR="2001:db8:1:3::1").status_code == 302


def test_thirty_reset_requests_send_at_most_the_limit(client, cast):
    # given the default limits (three an hour per e-mail address, ten per client address)
    url = "/en/accounts/password-reset/"
    # when one client asks 30 times for one address (the process cache emptied each time: the count
    # must live where every worker sees it)
    answers = set()
    for _ in range(30):
        response = client.post(url, {"email": "viewer@example.org"}, REMOTE_ADDR="192.0.2.60")
        answers.add((response.status_code, response["Location"]))
        caches["default"].clear()
    # then three e-mails went, and every answer was the same
    assert len(mail.outbox) == 3
    assert answers == {(302, "/en/accounts/password-reset/sent/")}
    # when the same client then asks for other addresses, it reaches its own limit of ten requests
    for email in ["manager@example.org", "editor@example.org", "nobody@example.org"] * 3:
        response = client.post(url, {"email": email}, REMOTE_ADDR="192.0.2.60")
        assert (response.status_code, response["Location"]) == (302, "/en/accounts/password-reset/sent/")
    assert len(mail.outbox) == 3
    # while another client's request for an untouched address still goes
    client.post(url, {"email": "other@example.org"}, REMOTE_ADDR="192.0.2.61")
    assert [m.to for m in mail.outbox[3:]] == [["other@example.org"]]


def test_reset_limits_count_the_real_client_behind_the_proxy(client, cast, settings):
    settings.HARAMBEE_TRUSTED_PROXIES = ["127.0.0.1"]
    for n, email in enumerate(["manager@example.org", "editor@example.org", "viewer@example.org"] * 4):
        client.post("/en/accounts/password-reset/", {"email": email}, **_via_proxy(f"203.0.113.{n}"))
    # twelve requests from twelve clients: each address gets its three, nobody is blocked by the proxy
    assert len(mail.outbox) == 9


# --- 9. API tokens do not survive a password change ---------------------------------------------------


def _api_status(client, key):
    return client.get("/api/v1/matches", HTTP_AUTHORIZATION=f"Bearer {key}").status_code


def _tokens_revoked_by(user):
    return AuditEntry.objects.filter(
        content_type__model="apitoken",
        object_id__in=[str(pk) for pk in ApiToken.objects.filter(user=user).values_list("pk", flat=True)],
        action=AuditAction.TRANSITION,
        changes__revoked=[False, True],
    ).count()


def test_a_password_reset_revokes_the_api_tokens_and_tells_the_owner(client, cast, django_capture_on_commit_callbacks):
    # given a French-speaking viewer with two API tokens that work
    cast.viewer.preferred_language = "fr"
    cast.viewer.save()
    keys = [api_token_create(user=cast.viewer, name=name).key for name in ("export", "backup")]
    probe = _api_status(client, keys[0])
    assert probe == 200
    # when the password is reset through the e-mailed link
    client.post("/en/accounts/password-reset/", {"email": "viewer@example.org"})
    path = re.search(r"/\w+/accounts/reset/\S+/", mail.outbox[0].body).group(0)
    form_url = client.get(path, follow=True).redirect_chain[-1][0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            form_url, {"new_password1": "fresh-passphrase-77", "new_password2": "fresh-passphrase-77"}
        )
    assert response.status_code == 302
    # then neither token works any more, and each revocation is audited
    assert [_api_status(client, key) for key in keys] == [401, 401]
    assert ApiToken.objects.filter(user=cast.viewer, revoked_at__isnull=True).count() == 0
    assert _tokens_revoked_by(cast.viewer) == 2
    # and the owner is told in the app and by e-mail, with a link in its language
    notification = cast.viewer.notifications.get()
    assert (notification.kind, notification.params) == ("password_changed_tokens_revoked", {"count": 2})
    with translation.override("fr"):
        message = notification.message
    told = [m for m in mail.outbox if m.to == ["viewer@example.org"] and message in m.body]
    assert len(told) == 1 and "/fr/accounts/profile/" in told[0].body


def test_a_signed_in_person_changes_its_password_from_its_account_page(
    client, cast, django_capture_on_commit_callbacks
):
    # given a signed-in manager with a token, whose account page offers to change the password
    key = api_token_create(user=cast.manager, name="script").key
    client.force_login(cast.manager)
    profile = client.get("/en/accounts/profile/").content.decode()
    assert 'href="/en/accounts/password/"' in profile
    # when it gives a wrong current password, nothing changes
    wrong = client.post(
        "/en/accounts/password/",
        {"old_password": "nope", "new_password1": "fresh-passphrase-77", "new_password2": "fresh-passphrase-77"},
    )
    assert wrong.status_code == 200 and _api_status(client, key) == 200
    # when it gives the right one
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/accounts/password/",
            {
                "old_password": TEST_PASSWORD,
                "new_password1": "fresh-passphrase-77",
                "new_password2": "fresh-passphrase-77",
            },
            follow=True,
        )
    # then it stays signed in, is told its token was revoked, and the token no longer works
    assert response.redirect_chain[-1][0] == "/en/accounts/profile/"
    assert "your API token was revoked" in response.content.decode()
    assert response.context["user"].is_authenticated
    cast.manager.refresh_from_db()
    assert cast.manager.check_password("fresh-passphrase-77")
    client.logout()
    assert _api_status(client, key) == 401
    assert cast.manager.notifications.get().kind == "password_changed_tokens_revoked"


def test_the_changepassword_command_revokes_the_tokens_too(cast, monkeypatch, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    key = api_token_create(user=cast.editor, name="script").key
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "fresh-passphrase-77")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("changepassword", "Editor@Example.org")
    cast.editor.refresh_from_db()
    assert cast.editor.check_password("fresh-passphrase-77")
    assert ApiToken.objects.get(user=cast.editor).revoked_at is not None
    from harambee.accounts.services import api_token_authenticate

    assert api_token_authenticate(key) is None
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]


# --- 12. Headers ---------------------------------------------------------------------------------------

INLINE = [
    re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I),  # inline script
    re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),  # event handler attributes
    re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I),  # style attributes
    re.compile(r"<style", re.I),
    re.compile(r"javascript:", re.I),
]


def _policy(response) -> dict[str, str]:
    header = response.headers.get("Content-Security-Policy", "")
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


def test_every_page_has_a_content_security_policy_that_its_html_keeps(client, cast, need):
    client.force_login(cast.manager)
    pages = [
        "/en/",
        "/ar/needs/",
        "/fr/needs/N-FR-1/",
        "/en/members/unza/",
        "/en/accounts/profile/",
        "/en/accounts/password/",
        "/en/notifications/",
        "/en/members/no-such-member/",
        "/api/v1/needs",
        "/static/harambee/harambee.css",
    ]
    for url in pages:
        response = client.get(url)
        policy = _policy(response)
        # then the policy allows scripts, styles and everything else from this site only
        assert policy.get("script-src") == "script-src 'self'", url
        assert policy.get("style-src") == "style-src 'self'", url
        assert policy.get("default-src") == "default-src 'self'", url
        assert policy.get("frame-ancestors") == "frame-ancestors 'none'", url
        assert policy.get("object-src") == "object-src 'none'", url
        # and the page has nothing inline that the policy would block
        if response["Content-Type"].startswith("text/html"):
            body = response.content.decode()
            for pattern in INLINE:
                assert not pattern.search(body), (url, pattern.pattern, pattern.search(body))
    client.logout()
    for url in ("/en/accounts/sign-in/", "/en/accounts/password-reset/", "/en/register/"):
        response = client.get(url)
        assert _policy(response).get("script-src") == "script-src 'self'", url
        for pattern in INLINE:
            assert not pattern.search(response.content.decode()), (url, pattern.pattern)


def test_the_api_docs_page_works_under_its_own_policy(client):
    response = client.get("/api/v1/docs")
    policy = _policy(response)
    assert response.status_code == 200
    # Swagger UI's scripts come from this site; it only adds inline SVG images as data: URLs
    assert policy["script-src"] == "script-src 'self'"
    assert policy["img-src"] == "img-src 'self' data:"
    assert "swagger-ui-bundle.js" in response.content.decode()


def _production(code: str, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        HARAMBEE_SECRET_KEY="k3$Vq9!tZr7#pLx2@wNc8^bHy5&mJd4*eGs6(fTa1)uKo0-Ri_P",
        HARAMBEE_ALLOWED_HOSTS="harambee.example.org",
        **env,
    )
    return subprocess.run(
        [sys.executable, *code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_the_production_settings_pass_the_deployment_checks():
    result = _production(["manage.py", "check", "--deploy"])
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr


SCRIPT = """
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="harambee.example.org")
secure = client.get("/static/harambee/harambee.css", secure=True)
plain = client.get("/static/harambee/harambee.css", secure=False)
print(secure.headers.get("Strict-Transport-Security"))
print(plain.status_code, plain.headers.get("Location"))
print(secure.headers.get("Content-Security-Policy"))
"""


def test_production_sends_hsts_for_a_year_and_redirects_plain_http():
    hsts, redirect, policy = _production(["-c", SCRIPT]).stdout.strip().splitlines()[-3:]
    assert hsts == "max-age=31536000; includeSubDomains"
    assert redirect == "301 https://harambee.example.org/static/harambee/harambee.css"
    assert "script-src 'self'" in policy
    # and the deployer can change the duration
    hsts = _production(["-c", SCRIPT], HARAMBEE_HSTS_SECONDS="600").stdout.strip().splitlines()[-3]
    assert hsts == "max-age=600; includeSubDomains"
