"""THE posting input: the interchange format (a dict) as the API documents it (`PostingIn`) and as
`parse_posting` validates it, once, for the web form (`PostingForm.interchange`), the API and the
import alike, so that each reports the same clear, translated errors, field by field.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import list_currencies
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Schema
from pydantic import ConfigDict, PrivateAttr, model_validator

from harambee.core.usertext import clean_text

from .choices import (
    CAPACITY_UNITS,
    CHANNELS,
    COUNTRY_GROUPS,
    FORMATS,
    LANGUAGES,
    MODALITIES,
    SDG_NUMBERS,
    SECTORS,
    TARGET_GROUPS,
    THEMES,
    PostingKind,
)

MAX_TITLE = 200
MAX_DESCRIPTION = 20000
MAX_ID = 100
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")
M49_PATTERN = re.compile(r"^\d{3}$")
# One answer for an identifier that is malformed and for one that is taken, whoever's posting
# holds it: a refusal must not tell whether a posting the writer cannot see exists.
ID_MESSAGE = gettext_lazy(
    "Choose an identifier of letters, digits and . _ : - (at most 100) that no other need or offer uses."
)
CURRENCIES = frozenset(list_currencies())

BASE_FIELDS = (
    "id", "kind", "member", "title", "description", "language", "modalities", "themes", "sectors",
    "delivery_languages", "format", "eligible_groups", "eligible_regions", "capacity", "start", "end",
)  # fmt: skip
EXTRA_FIELDS = (
    "target_groups", "sdgs", "channel", "location", "apply_by", "eligible_members", "translations", "language_detected",
)  # fmt: skip


class Capacity(Schema):
    model_config = ConfigDict(extra="forbid")
    seats: int | None = None
    expert_days: int | None = None
    amount: float | None = None
    currency: str | None = None


class TranslationSchema(Schema):
    language: str
    title: str
    description: str
    origin: str = "human"
    verified: bool = False


class PostingIn(Schema):
    """A posting in the interchange format (see docs/postings.md); `id` is optional on create.

    The fields document the format (the OpenAPI document shows them); the values are checked once,
    by `parse_posting`, with the messages of the form and the import: this model keeps what was sent
    as it was sent (`raw`) rather than checking it a second way."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "member": "zmb",
                    "title": "Training of civil servants in AI procurement",
                    "description": "A two-week course for 20 procurement officers of the ministries.",
                    "language": "en",
                    "modalities": ["training"],
                    "delivery_languages": ["en"],
                }
            ]
        },
    )
    id: str | None = Field(None, max_length=MAX_ID)
    member: str | None = Field(None, max_length=32)
    title: str = Field(..., max_length=MAX_TITLE)
    description: str = Field(..., max_length=MAX_DESCRIPTION)
    language: str | None = None
    modalities: list[str] = []
    themes: list[str] = []
    sectors: list[str] = []
    target_groups: list[str] = []
    sdgs: list[int] = []
    channel: str | None = None
    delivery_languages: list[str] = []
    format: str | None = None
    location: str | None = None
    capacity: Capacity | None = None
    apply_by: date | None = None
    start: date | None = None
    end: date | None = None
    eligible_groups: list[str] = []
    eligible_regions: list[str] = []
    eligible_members: list[str] = []
    translations: list[TranslationSchema] = []

    _raw: dict = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _as_sent(cls, value: Any, handler):
        if isinstance(value, cls):
            return value
        if not isinstance(value, dict):
            raise ValidationError({"__all__": [_("Expected a JSON object.")]})
        kept = cls.model_construct()
        kept._raw = dict(value)
        return kept

    @property
    def raw(self) -> dict:
        """The body as sent, for `parse_posting`."""
        return self._raw


@dataclass
class TranslationInput:
    language: str
    title: str
    description: str
    origin: str = "human"
    verified: bool = False


@dataclass
class PostingInput:
    """A validated posting, ready for the services; codes checked, dates parsed."""

    external_id: str
    kind: str
    member_code: str
    title: str
    description: str
    language: str
    language_detected: bool = False
    modalities: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    sdgs: list[int] = field(default_factory=list)
    channel: str = ""
    delivery_languages: list[str] = field(default_factory=list)
    format: str = ""
    location: str = ""
    capacity_unit: str = ""
    capacity_value: Decimal | None = None
    currency: str = ""
    apply_by: date | None = None
    start: date | None = None
    end: date | None = None
    eligible_groups: list[str] = field(default_factory=list)
    eligible_regions: list[str] = field(default_factory=list)
    eligible_members: list[str] = field(default_factory=list)
    translations: list[TranslationInput] = field(default_factory=list)


class _Errors:
    def __init__(self):
        self.by_field: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.by_field.setdefault(name, []).append(message)


def _text(raw: dict, name: str, errors: _Errors, *, required: bool, limit: int, multiline: bool = False) -> str:
    value = raw.get(name)
    if value is None or value == "":
        if required:
            errors.add(name, _("This field is required."))
        return ""
    if not isinstance(value, str):
        errors.add(name, _("Expected text."))
        return ""
    value = clean_text(value, multiline=multiline).strip()
    if required and not value:
        errors.add(name, _("This field is required."))
    if len(value) > limit:
        errors.add(
            name, _("Too long: %(length)s characters, at most %(limit)s.") % {"length": len(value), "limit": limit}
        )
    return value


def _codes(raw: dict, name: str, allowed, errors: _Errors) -> list:
    value = raw.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        errors.add(name, _("Expected a list."))
        return []
    result = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, str | int) or item not in allowed:
            errors.add(name, _("Unknown code: %(code)s") % {"code": str(item)[:40]})
        elif item not in result:
            result.append(item)
    return result


def _choice(raw: dict, name: str, allowed, errors: _Errors) -> str:
    value = raw.get(name)
    if value is None or value == "":
        return ""
    if not isinstance(value, str) or value not in allowed:
        errors.add(name, _("Unknown code: %(code)s") % {"code": str(value)[:40]})
        return ""
    return value


def _date(raw: dict, name: str, errors: _Errors) -> date | None:
    value = raw.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        errors.add(name, _("Expected a date as YYYY-MM-DD."))
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.add(name, _("Not a valid date (YYYY-MM-DD): %(value)s") % {"value": value[:20]})
        return None


def _capacity(raw: dict, errors: _Errors) -> tuple[str, Decimal | None, str]:
    value = raw.get("capacity")
    if value is None:
        return "", None, ""
    if not isinstance(value, dict):
        errors.add("capacity", _('Expected an object such as {"seats": 30}.'))
        return "", None, ""
    units = [unit for unit in CAPACITY_UNITS if unit in value]
    unknown = set(value) - set(CAPACITY_UNITS) - {"currency"}
    if len(units) != 1 or unknown:
        errors.add("capacity", _("Give exactly one of seats, expert_days or amount."))
        return "", None, ""
    unit, amount = units[0], value[units[0]]
    if isinstance(amount, bool) or not isinstance(amount, int | float | str | Decimal):
        errors.add("capacity", _("The capacity must be a number."))
        return "", None, ""
    try:
        number = Decimal(str(amount))
    except InvalidOperation:
        errors.add("capacity", _("The capacity must be a number."))
        return "", None, ""
    if not number.is_finite() or number <= 0:
        errors.add("capacity", _("The capacity must be positive."))
        return "", None, ""
    if number >= Decimal("1e14"):
        errors.add("capacity", _("The capacity is too large."))
        return "", None, ""
    if unit in ("seats", "expert_days") and number != number.to_integral_value():
        errors.add("capacity", _("Seats and expert-days are whole numbers."))
    currency = ""
    if unit == "amount":
        currency = value.get("currency") if isinstance(value.get("currency"), str) else ""
        if currency not in CURRENCIES:
            errors.add("capacity", _("An amount needs an ISO 4217 currency code, such as USD."))
    elif "currency" in value:
        errors.add("capacity", _("Only an amount has a currency."))
    # Stored with two decimals; quantising here makes re-imports compare equal.
    return unit, number.quantize(Decimal("0.01")), currency


def parse_posting(raw: Any, *, default_member: str = "", detect=None) -> PostingInput:
    """Validate one posting in the interchange format; raises ValidationError naming each field.

    `detect(text) -> language | None` fills a missing language; the author's choice wins.
    """
    if not isinstance(raw, dict):
        raise ValidationError({"__all__": [_("Expected a JSON object.")]})
    errors = _Errors()
    unknown = set(raw) - set(BASE_FIELDS) - set(EXTRA_FIELDS) - {"status"}
    for name in sorted(unknown):
        errors.add(name, _("Unknown field."))
    external_id = raw.get("id")
    if not isinstance(external_id, str) or not ID_PATTERN.match(external_id):
        errors.add("id", str(ID_MESSAGE))
        external_id = ""
    kind = _choice(raw, "kind", PostingKind.values, errors)
    if not kind and "kind" not in errors.by_field:
        errors.add("kind", _("This field is required."))
    member = raw.get("member") or default_member
    if not isinstance(member, str) or not member.strip():
        errors.add("member", _("This field is required."))
        member = ""
    title = _text(raw, "title", errors, required=True, limit=MAX_TITLE)
    description = _text(raw, "description", errors, required=True, limit=MAX_DESCRIPTION, multiline=True)
    language = _choice(raw, "language", LANGUAGES, errors)
    detected = False
    if not language and "language" not in errors.by_field and detect is not None:
        language = detect(f"{title}\n{description}") or ""
        detected = bool(language)
        if not language:
            errors.add("language", _("The language could not be detected; choose one of ar, zh, en, fr, ru, es."))
    elif not language and "language" not in errors.by_field:
        errors.add("language", _("This field is required."))
    unit, value, currency = _capacity(raw, errors)
    start, end = _date(raw, "start", errors), _date(raw, "end", errors)
    apply_by = _date(raw, "apply_by", errors)
    if start and end and end < start:
        errors.add("end", _("The end date is before the start date."))
    if apply_by and end and apply_by > end:
        errors.add("apply_by", _("The apply-by date is after the end date."))
    eligible_groups = _codes(raw, "eligible_groups", COUNTRY_GROUPS, errors)
    eligible_regions = raw.get("eligible_regions") or []
    if not isinstance(eligible_regions, list) or not all(
        isinstance(r, str) and M49_PATTERN.match(r) for r in eligible_regions
    ):
        errors.add("eligible_regions", _("Expected a list of three-digit UN M49 codes."))
        eligible_regions = []
    eligible_members = raw.get("eligible_members") or []
    if not isinstance(eligible_members, list) or not all(isinstance(m, str) for m in eligible_members):
        errors.add("eligible_members", _("Expected a list of member codes."))
        eligible_members = []
    if kind == PostingKind.NEED and (eligible_groups or eligible_regions or eligible_members):
        errors.add("eligible_groups", _("Only offers have eligibility rules."))
    translations = []
    for index, item in enumerate(raw.get("translations") or []):
        if not isinstance(item, dict):
            errors.add("translations", _("Expected a list of objects."))
            break
        sub = _Errors()
        t_language = _choice(item, "language", LANGUAGES, sub)
        t_title = _text(item, "title", sub, required=True, limit=MAX_TITLE)
        t_description = _text(item, "description", sub, required=True, limit=MAX_DESCRIPTION, multiline=True)
        origin = _choice(item, "origin", ("human", "machine"), sub) or "human"
        if not t_language:
            sub.add("language", _("This field is required."))
        elif t_language == language:
            sub.add("language", _("A translation must be in another language than the posting."))
        for name, messages in sub.by_field.items():
            for message in messages:
                errors.add(f"translations[{index}].{name}", message)
        if not sub.by_field:
            translations.append(
                TranslationInput(t_language, t_title, t_description, origin, bool(item.get("verified", False)))
            )
    modalities = _codes(raw, "modalities", MODALITIES, errors)
    themes = _codes(raw, "themes", THEMES, errors)
    sectors = _codes(raw, "sectors", SECTORS, errors)
    target_groups = _codes(raw, "target_groups", TARGET_GROUPS, errors)
    sdgs = _codes(raw, "sdgs", SDG_NUMBERS, errors)
    channel = _choice(raw, "channel", CHANNELS, errors)
    delivery_languages = _codes(raw, "delivery_languages", LANGUAGES, errors)
    posting_format = _choice(raw, "format", FORMATS, errors)
    location = _text(raw, "location", errors, required=False, limit=200)
    if errors.by_field:
        raise ValidationError(errors.by_field)
    return PostingInput(
        external_id=external_id,
        kind=kind,
        member_code=member.strip(),
        title=title,
        description=description,
        language=language,
        language_detected=detected or bool(raw.get("language_detected", False)),
        modalities=modalities,
        themes=themes,
        sectors=sectors,
        target_groups=target_groups,
        sdgs=sdgs,
        channel=channel,
        delivery_languages=delivery_languages,
        format=posting_format,
        location=location,
        capacity_unit=unit,
        capacity_value=value,
        currency=currency,
        apply_by=apply_by,
        start=start,
        end=end,
        eligible_groups=eligible_groups,
        eligible_regions=eligible_regions,
        eligible_members=eligible_members,
        translations=translations,
    )


def posting_to_dict(posting, *, translations=None, eligible_members=None) -> dict:
    """A posting in the interchange format: the base fields always, extras only when set."""
    capacity = None
    if posting.capacity_unit:
        value = posting.capacity_value
        number = int(value) if value == value.to_integral_value() else float(value)
        capacity = {posting.capacity_unit: number}
        if posting.currency:
            capacity["currency"] = posting.currency
    data = {
        "id": posting.external_id,
        "kind": posting.kind,
        "member": posting.member.code.upper(),
        "title": posting.title,
        "description": posting.description,
        "language": posting.language,
        "modalities": list(posting.modalities),
        "themes": list(posting.themes),
        "sectors": list(posting.sectors),
        "delivery_languages": list(posting.delivery_languages),
        "format": posting.format or None,
        "eligible_groups": list(posting.eligible_groups),
        "eligible_regions": list(posting.eligible_regions),
        "capacity": capacity,
        "start": posting.start.isoformat() if posting.start else None,
        "end": posting.end.isoformat() if posting.end else None,
    }
    extras = {
        "target_groups": list(posting.target_groups),
        "sdgs": list(posting.sdgs),
        "channel": posting.channel,
        "location": posting.location,
        "apply_by": posting.apply_by.isoformat() if posting.apply_by else None,
        "eligible_members": sorted(m.code.upper() for m in (eligible_members or [])),
        "translations": [
            {"language": t.language, "title": t.title, "description": t.description, "origin": t.origin,
             "verified": t.verified}
            for t in (translations or [])
        ],
    }  # fmt: skip
    data.update({key: value for key, value in extras.items() if value})
    return data
