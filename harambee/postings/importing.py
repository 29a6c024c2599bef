"""Import and export of postings in the JSON Lines interchange format (and CSV export).

An import validates every line first and reports problems by line number; only when the whole
file is clean does it write, all or nothing. Re-importing a file updates postings by their
identifier instead of duplicating them.
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.audit.models import AuditAction, AuditEntry
from harambee.audit.services import diff, snapshot
from harambee.registry.access import MemberAction, is_secretariat, member_can
from harambee.registry.models import Country, Member, MemberStatus
from harambee.registry.services import member_create_organisation, member_create_state

from . import indexing, text
from .choices import CAPACITY_UNITS, CHANNELS, FORMATS, LANGUAGES, MODALITIES, SECTORS, TARGET_GROUPS, THEMES
from .models import Posting, PostingFacet, PostingTranslation
from .services import AUDITED_FIELDS, apply_input
from .signals import announce_changed
from .validation import PostingInput, parse_posting, posting_to_dict

BATCH = 1000
MAX_LINE_BYTES = 200_000
AUDIT_TEXT_LIMIT = 300


@dataclass(frozen=True)
class Problem:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = _("line %(line)s") % {"line": self.line}
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


@dataclass
class ImportReport:
    """What an import did (or, for a dry run or a refused file, would do)."""

    lines: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    members_created: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False
    previews: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _parse_lines(
    lines: Iterable[str | bytes], report: ImportReport, default_member: str
) -> list[tuple[int, PostingInput]]:
    parsed = []
    seen: dict[str, int] = {}
    for number, raw_line in enumerate(lines, start=1):
        report.lines = number
        if isinstance(raw_line, bytes):
            try:
                raw_line = raw_line.decode("utf-8")
            except UnicodeDecodeError:
                report.problems.append(Problem(number, "", _("Not UTF-8 text.")))
                continue
        if not raw_line.strip():
            continue
        if len(raw_line) > MAX_LINE_BYTES:
            report.problems.append(Problem(number, "", _("The line is too long.")))
            continue
        try:
            raw = json.loads(raw_line)
        except json.JSONDecodeError as error:
            report.problems.append(Problem(number, "", _("Not valid JSON: %(error)s") % {"error": error.msg}))
            continue
        try:
            data = parse_posting(raw, default_member=default_member, detect=text.detect_language)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    report.problems.append(Problem(number, "" if name == "__all__" else name, message))
            continue
        if default_member:
            data.member_code = default_member
        if data.external_id in seen:
            report.problems.append(
                Problem(
                    number,
                    "id",
                    _("Duplicate identifier; first used on line %(line)s.") % {"line": seen[data.external_id]},
                )
            )
            continue
        seen[data.external_id] = number
        parsed.append((number, data))
    return parsed


def _existing(ids: list[str]) -> dict[str, Posting]:
    found = {}
    for start in range(0, len(ids), 900):
        for posting in Posting.objects.filter(external_id__in=ids[start : start + 900]).select_related("member"):
            found[posting.external_id] = posting
    return found


def _created_changes(posting: Posting) -> dict:
    """The audit changes of a new posting: every field that has a value, long texts shortened."""
    changes = {}
    for name in AUDITED_FIELDS:
        value = getattr(posting, "member_id" if name == "member" else "contact_id" if name == "contact" else name)
        if value is None or value == "" or value == []:
            continue
        if not isinstance(value, str | int | list | bool):
            value = str(value)
        changes[name] = [None, _audit_value(value)]
    return changes


def _audit_value(value):
    if isinstance(value, str) and len(value) > AUDIT_TEXT_LIMIT:
        return value[:AUDIT_TEXT_LIMIT] + "…"
    return value


def postings_import(
    *,
    lines: Iterable[str | bytes],
    actor=None,
    member_code: str = "",
    create_missing_members: bool = False,
    dry_run: bool = False,
    preview: int = 0,
) -> ImportReport:
    """Import postings from JSON Lines; validate everything first, then write all or nothing.

    `actor=None` is the command line (acting for the platform); a person may import only for
    members it edits. `member_code` imports every line as that member. Unknown members are
    problems unless `create_missing_members`, which creates them as pending members (a State
    for a country code, an organisation otherwise).
    """
    report = ImportReport(dry_run=dry_run)
    parsed = _parse_lines(lines, report, member_code.strip())
    members = {m.code: m for m in Member.objects.select_related("country")}
    countries = set(Country.objects.values_list("iso3", flat=True))
    missing: dict[str, int] = {}
    for number, data in parsed:
        code = data.member_code.lower()
        if code not in members:
            if create_missing_members and code.replace("-", "").replace("_", "").isalnum():
                missing.setdefault(code, number)
            else:
                report.problems.append(
                    Problem(number, "member", _("Unknown member: %(code)s") % {"code": data.member_code})
                )
        elif actor is not None and not member_can(actor, members[code], MemberAction.EDIT):
            report.problems.append(
                Problem(number, "member", _("You may not write for this member: %(code)s") % {"code": data.member_code})
            )
        elif members[code].status in (MemberStatus.REJECTED, MemberStatus.SUSPENDED):
            report.problems.append(
                Problem(
                    number,
                    "member",
                    _("This member cannot post needs or offers: %(code)s") % {"code": data.member_code},
                )
            )
        for other in data.eligible_members:
            if other.lower() not in members and other.lower() not in missing:
                report.problems.append(
                    Problem(number, "eligible_members", _("Unknown member: %(code)s") % {"code": other})
                )
    if missing and actor is not None and not is_secretariat(actor):
        report.problems.append(Problem(missing[min(missing)], "member", _("Only the secretariat can create members.")))
    existing = _existing([data.external_id for _n, data in parsed])
    for number, data in parsed:
        posting = existing.get(data.external_id)
        if posting is None:
            continue
        if posting.kind != data.kind:
            report.problems.append(Problem(number, "kind", _("This identifier belongs to a posting of another kind.")))
        if posting.member.code != data.member_code.lower():
            report.problems.append(Problem(number, "member", _("This identifier belongs to another member's posting.")))
    report.problems.sort(key=lambda p: (p.line, p.field))
    report.members_created = sorted(missing)
    report.previews = [posting_preview(data) for _n, data in parsed[:preview]]
    if report.problems:
        return report
    if connection.vendor == "sqlite" and len(parsed) > BATCH:
        with connection.cursor() as cursor:  # a big import touches many index pages; keep them in memory
            cursor.execute("PRAGMA cache_size = -262144")
    with transaction.atomic():
        _write(parsed, existing, members, countries, missing, actor, report)
        if dry_run:
            transaction.set_rollback(True)
        else:
            external_ids = [data.external_id for _n, data in parsed]
            changed = Posting.objects.values_list("pk", flat=True)
            announce_changed(
                pk
                for chunk in range(0, len(external_ids), 5000)
                for pk in changed.filter(external_id__in=external_ids[chunk : chunk + 5000])
            )
    report.written = not dry_run
    return report


def posting_preview(data: PostingInput) -> dict:
    return {
        "id": data.external_id, "kind": data.kind, "member": data.member_code, "title": data.title,
        "language": data.language, "language_detected": data.language_detected,
    }  # fmt: skip


def _write(parsed, existing, members, countries, missing, actor, report: ImportReport) -> None:
    for code in sorted(missing):
        if code.upper() in countries:
            members[code] = member_create_state(
                country=Country.objects.get(iso3=code.upper()), actor=actor, status=MemberStatus.PENDING
            )
        else:
            members[code] = member_create_organisation(
                actor=actor, code=code, name=code.upper(), organisation_type="other", country=None,
                status=MemberStatus.PENDING, reason=_("Created by an import of postings"),
            )  # fmt: skip
    facts = indexing.member_facts(members.values())
    content_type = ContentType.objects.get_for_model(Posting)
    label = actor.get_username() if actor is not None else "system"
    actor_id = actor.pk if actor is not None else None
    reason = _("Imported")
    now = timezone.now()
    to_create: list[tuple[Posting, PostingInput]] = []
    to_update: list[tuple[Posting, PostingInput, dict]] = []
    for _number, data in parsed:
        member = members[data.member_code.lower()]
        posting = existing.get(data.external_id)
        if posting is None:
            status = "published" if member.status == MemberStatus.ACTIVE else "submitted"
            posting = Posting(
                external_id=data.external_id, kind=data.kind, member=member, status=status, created_by=actor,
                published_at=now if status == "published" else None, status_changed_at=now, content_updated_at=now,
                created_at=now, updated_at=now,
            )  # fmt: skip
            apply_input(posting, data)
            to_create.append((posting, data))
        else:
            before = snapshot(posting, AUDITED_FIELDS)
            old_translations = sorted(
                (t.language, t.title, t.description, t.origin, t.verified) for t in posting.translations.all()
            )
            apply_input(posting, data)
            changes = diff(before, snapshot(posting, AUDITED_FIELDS))
            new_translations = sorted(
                (t.language, t.title, t.description, t.origin, t.verified) for t in data.translations
            )
            if new_translations != old_translations:
                changes["translations"] = [[t[0] for t in old_translations], [t[0] for t in new_translations]]
            if changes:
                posting.content_updated_at = posting.updated_at = now
                to_update.append((posting, data, changes))
            else:
                report.unchanged += 1
    for start in range(0, len(to_create), BATCH):
        chunk = to_create[start : start + BATCH]
        for posting, data in chunk:
            posting.search_document = indexing.search_document(posting, facts[posting.member.pk], data.translations)
        _insert_postings([posting for posting, _data in chunk])
        _write_children([(p, d) for p, d in chunk], members, facts)
        _insert_audit(
            [
                (actor_id, label, AuditAction.CREATE, content_type.pk, str(p.pk), p.title[:300], p.member.code,
                 _created_changes(p),
                 reason, p.is_public)
                for p, _d in chunk
            ]
        )  # fmt: skip
    for start in range(0, len(to_update), BATCH):
        chunk = to_update[start : start + BATCH]
        for posting, data, _changes in chunk:
            posting.search_document = indexing.search_document(posting, facts[posting.member.pk], data.translations)
        Posting.objects.bulk_update(
            [p for p, _d, _c in chunk],
            [
                *(f for f in AUDITED_FIELDS if f not in ("member", "contact")),
                "search_document",
                "content_updated_at",
                "updated_at",
            ],
        )
        ids = [p.pk for p, _d, _c in chunk]
        PostingTranslation.objects.filter(posting_id__in=ids).delete()
        PostingFacet.objects.filter(posting_id__in=ids).delete()
        Posting.eligible_members.through.objects.filter(posting_id__in=ids).delete()
        _write_children([(p, d) for p, d, _c in chunk], members, facts)
        _insert_audit(
            [
                (actor_id, label, AuditAction.UPDATE, content_type.pk, str(p.pk), p.title[:300], p.member.code,
                 {k: [_audit_value(v[0]), _audit_value(v[1])] for k, v in changes.items()}, reason, p.is_public)
                for p, _d, changes in chunk
            ]
        )  # fmt: skip
    report.created, report.updated = len(to_create), len(to_update)


def _insert(model, columns: list[str], rows: list[tuple]) -> None:
    """Plain executemany: an import writes hundreds of thousands of child rows, and building a
    model instance for each costs more than the database does."""
    if not rows:
        return
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table), ", ".join(quote(c) for c in columns), ", ".join(["%s"] * len(columns))
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _adapter(field):
    """A fast function turning a field's Python value into its database value."""
    ops = connection.ops
    internal = field.get_internal_type()
    if internal == "JSONField":
        return lambda value: field.get_db_prep_save(value, connection)
    if internal == "DateField":
        return ops.adapt_datefield_value
    if internal == "DateTimeField":
        return ops.adapt_datetimefield_value
    if internal == "DecimalField":
        return lambda value: ops.adapt_decimalfield_value(value, field.max_digits, field.decimal_places)
    return None


def _insert_postings(postings: list[Posting]) -> None:
    """Insert new postings with ids taken in advance, in one executemany (see `_insert`)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [Posting._meta.db_table, len(postings)],
            )
            ids = [row[0] for row in cursor.fetchall()]
    else:  # SQLite: the import's transaction holds the write lock, so nobody else takes these ids
        first = (Posting.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        ids = list(range(first, first + len(postings)))
    fields = [f for f in Posting._meta.concrete_fields]
    adapters = [(f.attname, _adapter(f)) for f in fields]
    rows = []
    for posting, pk in zip(postings, ids, strict=True):
        posting.pk = pk
        posting._state.adding = False
        rows.append(
            tuple(
                adapt(getattr(posting, name)) if adapt is not None and getattr(posting, name) is not None
                else getattr(posting, name)
                for name, adapt in adapters
            )
        )  # fmt: skip
    _insert(Posting, [f.column for f in fields], rows)


def _write_children(pairs: list[tuple[Posting, PostingInput]], members, facts) -> None:
    translations, facets, eligible = [], [], []
    now = timezone.now()
    for posting, data in pairs:
        translations += [
            (posting.pk, t.language, t.title, t.description, t.origin, t.verified, now) for t in data.translations
        ]
        facets += [
            (posting.pk, posting.kind, posting.status, facet, code)
            for facet, code in indexing.facet_pairs(posting, facts[posting.member.pk])
        ]
        eligible += [(posting.pk, members[c.lower()].pk) for c in data.eligible_members]
    _insert(
        PostingTranslation,
        ["posting_id", "language", "title", "description", "origin", "verified", "updated_at"],
        translations,
    )
    _insert(PostingFacet, ["posting_id", "kind", "status", "facet", "code"], facets)
    _insert(Posting.eligible_members.through, ["posting_id", "member_id"], eligible)


def _insert_audit(entries: list[tuple]) -> None:
    """Audit rows for an import: (actor, label, action, content type, object, repr, member, changes, reason, public)."""
    changes_field = AuditEntry._meta.get_field("changes")
    now = timezone.now()
    rows = [
        (now, actor_id, label, action, ct, object_id, repr_, changes_field.get_db_prep_save(changes, connection),
         reason, member, public)
        for actor_id, label, action, ct, object_id, repr_, member, changes, reason, public in entries
    ]  # fmt: skip
    _insert(
        AuditEntry,
        ["at", "actor_id", "actor_label", "action", "content_type_id", "object_id", "object_repr", "changes",
         "reason", "member_code", "is_public"],
        rows,
    )  # fmt: skip


def postings_export_lines(postings) -> Iterator[str]:
    """The postings as JSON Lines in the interchange format, in identifier order."""
    qs = postings.select_related("member").prefetch_related("translations", "eligible_members").order_by("external_id")
    for posting in qs.iterator(chunk_size=1000):
        data = posting_to_dict(
            posting,
            translations=list(posting.translations.all()),
            eligible_members=list(posting.eligible_members.all()),
        )
        yield json.dumps(data, ensure_ascii=False) + "\n"


CSV_COLUMNS = [
    ("id", None), ("kind", None), ("status", None), ("member", None), ("title", None), ("language", LANGUAGES),
    ("modalities", MODALITIES), ("themes", THEMES), ("sectors", SECTORS), ("target_groups", TARGET_GROUPS),
    ("channel", CHANNELS), ("delivery_languages", LANGUAGES), ("format", FORMATS), ("capacity_unit", CAPACITY_UNITS),
    ("capacity_value", None), ("currency", None), ("apply_by", None), ("start", None), ("end", None),
    ("eligible_groups", None), ("eligible_regions", None),
]  # fmt: skip


def postings_export_csv(postings) -> Iterator[str]:
    """CSV with the translated label next to each code (column `<field>_label`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header = []
    for name, labels in CSV_COLUMNS:
        header.append(name)
        if labels is not None:
            header.append(f"{name}_label")
    writer.writerow(header)
    for posting in postings.select_related("member").order_by("external_id").iterator(chunk_size=1000):
        row = []
        for name, labels in CSV_COLUMNS:
            value = {"id": posting.external_id, "member": posting.member.code.upper()}.get(
                name, getattr(posting, name, "")
            )
            codes = value if isinstance(value, list) else ([value] if value not in (None, "") else [])
            row.append("; ".join(str(c) for c in codes))
            if labels is not None:
                row.append("; ".join(str(labels.get(c, c)) for c in codes))
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
