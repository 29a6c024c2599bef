"""What the platform holds about a person (to download), and the erasure of it (by the secretariat).

Both work from the models themselves rather than a list kept by hand, so that a model added later is
covered: every row that points at the person (a foreign key to the account), the event registrations
and invitations made for their e-mail address, and the sign-in records kept under it. Secrets
(password and token hashes, authenticator keys, recovery codes) are never exported.

Erasure keeps the member's records intact and the account row (other records point at it), but:
the account's e-mail, name and password are replaced and it is closed; memberships, tokens,
two-factor devices, notifications, follows and sign-in records are deleted; event registrations lose
the person's details; event speakers who are the person (by name or e-mail, not linked to an account:
`speakers_of`) are renamed "a former user" and no longer shown by name; and the person's name and
e-mail address are replaced wherever any text or JSON column still holds them (audit entries keep the
fact of each action, by "a former user").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from .models import FORMER_USER, User

# Fields never exported: secrets and derived keys.
SECRET_FIELDS = {"password", "key", "bin_key", "token", "token_hash", "key_hash", "secret", "session_data"}
# Models never exported (their rows are secrets or bookkeeping without personal content).
SECRET_MODELS = {"otp_static.statictoken", "sessions.session"}
# A name is replaced in free text only when it is at least this long (a short name would match words).
MIN_NAME_LENGTH = 5


def _value(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return None
    return value


def _row(instance: models.Model) -> dict:
    out = {}
    for field in instance._meta.concrete_fields:
        if field.name in SECRET_FIELDS or field.name.endswith("_hash"):
            continue
        value = getattr(instance, field.attname)
        if field.is_relation:
            related = getattr(instance, field.name, None)
            value = str(related) if related is not None else None
        out[field.name] = _value(value)
    return out


def _user_foreign_keys() -> Iterable[tuple[type[models.Model], models.Field]]:
    for model in apps.get_models():
        if model._meta.label_lower in SECRET_MODELS:
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is User and model is not User:
                yield model, field


def _holdings(user: User, *, limit: int, skip: tuple[str, ...] = ()):
    """(model, the field that points at the person or None for an e-mail match, its rows) for every
    kind of record that holds something about ``user``: the one walk both views of it share. Related
    rows are read with their rows (no query per row)."""
    for model, field in _user_foreign_keys():
        if model._meta.label_lower in skip:
            continue
        related = [f.name for f in model._meta.concrete_fields if f.is_relation]
        rows = list(model._default_manager.filter(**{field.name: user}).select_related(*related).order_by("pk")[:limit])
        if rows:
            yield model, field, rows
    for model, field_name in _by_email_models():
        related = [f.name for f in model._meta.concrete_fields if f.is_relation]
        rows = list(
            model._default_manager.filter(**{f"{field_name}__iexact": user.email}).select_related(*related)[:limit]
        )
        if rows:
            yield model, None, rows
    speakers = speakers_of(user)[:limit]  # by name, without a link to the account
    if speakers:
        yield type(speakers[0]), None, speakers


def _label(field: models.Field) -> str:
    # a field without its own translatable name ("created by") is looked up in the catalogues too
    return _(str(field.verbose_name))


def _title(model, field) -> str:
    title = str(model._meta.verbose_name_plural).capitalize()
    return f"{title} ({_label(field)})" if field is not None else title


def personal_data_of(user: User) -> dict:
    """Everything the platform holds about ``user``: {section title: [rows as dicts]} (JSON-ready)."""
    sections: dict[str, list[dict]] = {"account": [_row(user)]}
    for model, field, rows in _holdings(user, limit=10000):
        section = sections.setdefault(_title(model, field), [])
        section.extend(row for row in map(_row, rows) if row not in section)
    return sections


def _by_email_models() -> list[tuple[type[models.Model], str]]:
    """Models that hold a person's e-mail address without a link to the account."""
    out = []
    for label, field in (("accounts.invitation", "email"), ("events.registration", "email")):
        try:
            out.append((apps.get_model(label), field))
        except LookupError:
            continue
    for label in ("axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"):
        try:
            out.append((apps.get_model(label), "username"))
        except LookupError:
            continue
    return out


# --- the same, for people to read: labels instead of field names, values as shown elsewhere ------------


def _shown(instance: models.Model, field: models.Field) -> str:
    # lazy: personal_data is imported by services at start-up; formats loads Babel's locales on first use
    from harambee.core.formats import format_day, format_moment, format_number

    value = getattr(instance, field.attname)
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if field.is_relation:
        related = getattr(instance, field.name, None)
        return str(related) if related is not None else ""
    if field.choices:
        return str(getattr(instance, f"get_{field.name}_display")())
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, datetime):
        return format_moment(value)
    if isinstance(value, date):
        return format_day(value)
    if isinstance(value, (int, float, Decimal)):
        return format_number(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)[:2000]
    return str(value)


def _readable_row(instance: models.Model) -> list[tuple[str, str]]:
    rows = []
    for field in instance._meta.concrete_fields:
        if field.name in SECRET_FIELDS or field.name.endswith("_hash") or field.primary_key:
            continue
        shown = _shown(instance, field)
        if shown:
            rows.append((_label(field).capitalize(), shown))
    return rows


def personal_data_readable(user: User) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    """What `personal_data_of` holds, for the *My data* page: [(section title, [rows of (label, value)])],
    with fields' labels, choices' labels and dates and numbers in the reader's language. The audit
    entries are left to `audit_entries_by` (shown as the audit trail shows them)."""
    sections = [(str(_("Your account")), [_readable_row(user)])]
    for model, field, rows in _holdings(user, limit=1000, skip=("audit.auditentry",)):
        sections.append((_title(model, field), [_readable_row(row) for row in rows]))
    return sections


def audit_entries_by(user: User, *, limit: int = 500):
    """The audit entries of what ``user`` did (newest first), for the *My data* page."""
    entries = apps.get_model("audit", "AuditEntry")._default_manager.filter(actor=user).order_by("-at", "-pk")
    return entries[:limit]


def personal_data_json(user: User) -> str:
    return json.dumps(personal_data_of(user), ensure_ascii=False, indent=1, default=str)


# --- finding and replacing a person's name and address in every text --------------------------------


def needles_for(user: User) -> list[str]:
    """The strings that identify the person: their e-mail address, and their name when long enough."""
    out = [user.email]
    if len((user.full_name or "").strip()) >= MIN_NAME_LENGTH:
        out.append(user.full_name.strip())
    return out


def _pattern(needle: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", re.IGNORECASE)


def _replace_in(value, patterns: list[tuple[re.Pattern, str]]):
    if isinstance(value, str):
        for pattern, replacement in patterns:
            value = pattern.sub(replacement, value)
        return value
    if isinstance(value, list):
        return [_replace_in(v, patterns) for v in value]
    if isinstance(value, dict):
        return {_replace_in(k, patterns): _replace_in(v, patterns) for k, v in value.items()}
    return value


def _text_fields(model) -> list[models.Field]:
    kinds = (models.CharField, models.TextField, models.JSONField)
    return [f for f in model._meta.concrete_fields if isinstance(f, kinds) and not f.primary_key]


def _matching(model, field: models.Field, needles: list[str]):
    if isinstance(field, models.JSONField):
        queryset = model._default_manager.annotate(_as_text=Cast(field.name, models.TextField()))
        condition = Q()
        for needle in needles:  # SQLite stores JSON with non-ASCII escaped, PostgreSQL as is
            condition |= Q(_as_text__icontains=needle) | Q(_as_text__icontains=json.dumps(needle)[1:-1])
        return queryset.filter(condition)
    condition = Q()
    for needle in needles:
        condition |= Q(**{f"{field.name}__icontains": needle})
    return model._default_manager.filter(condition)


def occurrences(needles: list[str]) -> dict[str, int]:
    """How many rows of each model's text or JSON column still hold one of ``needles``."""
    out = {}
    for model in apps.get_models():
        for field in _text_fields(model):
            count = _matching(model, field, needles).count()
            if count:
                out[f"{model._meta.label}.{field.name}"] = count
    return out


def replace_everywhere(replacements: dict[str, str]) -> int:
    """Replace each key of ``replacements`` (as a whole word, any case) by its value in every text and JSON
    column of every model; how many values changed."""
    patterns = [(_pattern(needle), replacement) for needle, replacement in replacements.items()]
    needles = list(replacements)
    changed = 0
    for model in apps.get_models():
        if model is User:  # the person's own row is rewritten by the service; others' names are their own
            continue
        for field in _text_fields(model):
            for pk, value in list(_matching(model, field, needles).values_list("pk", field.name)):
                new = _replace_in(value, patterns)
                if new != value:
                    model._default_manager.filter(pk=pk).update(**{field.name: new})
                    changed += 1
    return changed


# --- event speakers who are the person without a link to the account ---------------------------------


def _plain(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def speakers_of(user: User) -> list:
    """The event speakers (`events.Speaker`: a name typed by the host, no account) who are the person: the
    name is the person's full name (any case and spacing, whatever its length), holds it as whole words
    (names of at least MIN_NAME_LENGTH characters: "Dr Wanjiru Kamau-Otieno"), or holds their e-mail."""
    try:
        speaker = apps.get_model("events", "Speaker")
    except LookupError:
        return []
    name = " ".join((user.full_name or "").split())
    condition = Q(name__icontains=user.email)
    words = sorted(name.split(), key=len)
    if words:
        condition |= Q(name__icontains=words[-1])  # candidates; the rule is checked below
    wanted = _plain(name)
    spaced = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?!\w)", re.IGNORECASE)
    email = _pattern(user.email)
    return [
        row
        for row in speaker.objects.filter(condition)
        if email.search(row.name)
        or (wanted and _plain(row.name) == wanted)
        or (len(name) >= MIN_NAME_LENGTH and spaced.search(row.name))
    ]


def speakers_erase(user: User) -> int:
    """Name the person's speaker rows (`speakers_of`) "a former user" and no longer publicly (their
    session, affiliation and role stay: the event's record); how many."""
    rows = speakers_of(user)
    if rows:
        model = type(rows[0])
        model.objects.filter(pk__in=[r.pk for r in rows]).update(name=former_user_label(), consent_public=False)
    return len(rows)


def former_user_label() -> str:
    return str(FORMER_USER)
