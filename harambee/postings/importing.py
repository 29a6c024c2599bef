"""Import and export of postings in the JSON Lines interchange format (and CSV export).

An import validates every line first and reports problems by line number; only when the whole
file is clean does it write, all or nothing as anybody sees it. It writes in short batches, each
its own transaction, into rows hidden from everybody (`Posting.import_run`), and one short final
transaction makes them visible: so a long import never holds the database's write lock for
longer than a batch (docs/adr/0008-imports-in-batches.md). If a batch fails, or the process dies,
the rows of the run are removed again (at once, or by the next import or housekeeping).
Re-importing a file updates postings by their identifier instead of duplicating them.
"""

import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.audit.models import AuditAction, AuditEntry
from harambee.audit.services import audit_record, diff, snapshot
from harambee.core.processes import process_alive, this_host
from harambee.registry.access import is_secretariat, member_list_for_user, member_role_acts, member_status_acts
from harambee.registry.models import Country, Member, MemberStatus
from harambee.registry.selectors import countries_eligible_as_states
from harambee.registry.services import member_create_organisation, member_create_state

from . import indexing, text
from .choices import CAPACITY_UNITS, CHANNELS, FORMATS, LANGUAGES, MODALITIES, SECTORS, TARGET_GROUPS, THEMES
from .models import ImportRun, ImportRunState, Posting, PostingFacet, PostingTranslation
from .services import AUDITED_FIELDS, CONTENT_FIELDS, apply_input
from .signals import announce_changed
from .validation import ID_MESSAGE, PostingInput, parse_posting, posting_to_dict

logger = logging.getLogger(__name__)

BATCH = 1000
MAX_LINE_BYTES = 200_000
AUDIT_TEXT_LIMIT = 300
# A run whose process cannot be checked (another host) is taken for dead when no batch was
# written for this long; a run of a live process on this host only after RUN_STALE_SAME_HOST.
RUN_STALE = timedelta(minutes=10)
RUN_STALE_SAME_HOST = timedelta(hours=1)
# Runs this process is working on (the web server runs imports in several threads).
_ACTIVE_RUNS: set[int] = set()
# The content an import replaces on a posting it updates (not its kind, member, status or contact).
UPDATED_FIELDS = (*(f for f in CONTENT_FIELDS if f != "contact"), "language_detected", "search_document")


class ImportInterrupted(Exception):
    """The run was rolled back by somebody else (housekeeping took it for dead)."""


@dataclass(frozen=True)
class Problem:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        if not self.line:
            return self.message
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


def _text_problem(value) -> str:
    """Why a decoded JSON value cannot be stored as text ("" when it can): a lone surrogate
    (`"\\ud800"` is valid JSON but not Unicode text) or a NUL character, anywhere in it."""
    if isinstance(value, str):
        if "\x00" in value:
            return _("The line contains a NUL character (\\u0000), which text may not contain.")
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return _(
                    "The line contains a lone surrogate (such as \\ud800), which is not a character; "
                    "check the program that wrote the file."
                )
        return ""
    if isinstance(value, dict):
        return next((p for p in map(_text_problem, (*value.keys(), *value.values())) if p), "")
    if isinstance(value, list):
        return next((p for p in map(_text_problem, value) if p), "")
    return ""


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
        if number == 1:
            raw_line = raw_line.removeprefix("\ufeff")  # a byte order mark some editors write
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
        # only an escape can put a NUL or a lone surrogate into a string (json refuses raw control characters)
        problem = _text_problem(raw) if "\\u" in raw_line else ""
        if problem:
            report.problems.append(Problem(number, "", problem))
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
        chunk = Posting.objects.filter(external_id__in=ids[start : start + 900])
        for posting in chunk.select_related("member").prefetch_related("translations"):
            found[posting.external_id] = posting
    return found


def _staged_elsewhere(ids: list[str]) -> set[str]:
    """Identifiers held by the hidden rows of another import that is still running."""
    held = set()
    for start in range(0, len(ids), 900):
        held.update(
            Posting.all_objects.filter(external_id__in=ids[start : start + 900], import_run__isnull=False).values_list(
                "external_id", flat=True
            )
        )
    return held


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
    for a country code, an organisation otherwise). A dry run validates and counts, and writes
    nothing at all (it never takes the database's write lock).
    """
    report = ImportReport(dry_run=dry_run)
    if not dry_run:
        import_runs_recover()  # free the identifiers held by imports whose process died
    parsed = _parse_lines(lines, report, member_code.strip())
    members = {m.code: m for m in Member.objects.select_related("country")}
    # What a person may not see stays unknown: a member it cannot see answers like one that does
    # not exist (the command line, acting for the platform, sees every member).
    visible = set(members) if actor is None else {m.code for m in member_list_for_user(user=actor)}
    missing: dict[str, int] = {}
    for number, data in parsed:
        code = data.member_code.lower()
        if code not in visible:
            if create_missing_members and code.replace("-", "").replace("_", "").isalnum():
                missing.setdefault(code, number)
            else:
                report.problems.append(
                    Problem(number, "member", _("Unknown member: %(code)s") % {"code": data.member_code})
                )
        # the rule of `posting_check_create`, line by line (`members_user_may_post_for`)
        elif actor is not None and not member_role_acts(actor, members[code], secretariat=True):
            report.problems.append(
                Problem(number, "member", _("You may not write for this member: %(code)s") % {"code": data.member_code})
            )
        elif not member_status_acts(members[code], pending_too=True):
            report.problems.append(
                Problem(
                    number,
                    "member",
                    _("This member cannot post needs or offers: %(code)s") % {"code": data.member_code},
                )
            )
        for other in data.eligible_members:
            if other.lower() not in visible and other.lower() not in missing:
                report.problems.append(
                    Problem(number, "eligible_members", _("Unknown member: %(code)s") % {"code": other})
                )
    if missing and actor is not None and not is_secretariat(actor):
        report.problems.append(Problem(missing[min(missing)], "member", _("Only the secretariat can create members.")))
    external_ids = [data.external_id for _n, data in parsed]
    existing = _existing(external_ids)
    held = _staged_elsewhere(external_ids)
    for number, data in parsed:
        if data.external_id in held:
            report.problems.append(
                Problem(number, "id", _("Another import that is still running is writing this identifier."))
            )
        posting = existing.get(data.external_id)
        if posting is None:
            continue
        if posting.member.code != data.member_code.lower():
            # another member's posting, which the importer may not even see: the answer of the API
            # for any identifier in use, which does not tell whether that posting exists
            report.problems.append(Problem(number, "id", str(ID_MESSAGE)))
        elif posting.kind != data.kind:
            report.problems.append(Problem(number, "kind", _("This identifier belongs to a posting of another kind.")))
    report.problems.sort(key=lambda p: (p.line, p.field))
    report.members_created = sorted(missing)
    report.previews = [posting_preview(data) for _n, data in parsed[:preview]]
    if report.problems:
        return report
    creations, updates = _plan(parsed, existing, report)
    if dry_run:
        return report
    try:
        _apply(creations, updates, members, missing, actor, report)
    except (IntegrityError, ImportInterrupted) as error:
        # e.g. somebody created a posting with one of the file's identifiers while it was written
        report.problems.append(
            Problem(0, "", _("The import could not be completed; nothing was written: %(error)s") % {"error": error})
        )
        return report
    report.written = True
    return report


def posting_preview(data: PostingInput) -> dict:
    return {
        "id": data.external_id, "kind": data.kind, "member": data.member_code, "title": data.title,
        "language": data.language, "language_detected": data.language_detected,
    }  # fmt: skip


def _plan(parsed, existing, report: ImportReport):
    """New postings to create and existing ones to update (changed in memory, with their audit
    changes); counts the unchanged. Reads only."""
    creations: list[PostingInput] = []
    updates: list[tuple[Posting, PostingInput, dict]] = []
    for _number, data in parsed:
        posting = existing.get(data.external_id)
        if posting is None:
            creations.append(data)
            continue
        before = snapshot(posting, AUDITED_FIELDS)
        old_translations = sorted(
            (t.language, t.title, t.description, t.origin, t.verified) for t in posting.translations.all()
        )
        apply_input(posting, data)
        changes = diff(before, snapshot(posting, AUDITED_FIELDS))
        new_translations = sorted((t.language, t.title, t.description, t.origin, t.verified) for t in data.translations)
        if new_translations != old_translations:
            changes["translations"] = [[t[0] for t in old_translations], [t[0] for t in new_translations]]
        if changes:
            updates.append((posting, data, changes))
        else:
            report.unchanged += 1
    report.created, report.updated = len(creations), len(updates)
    return creations, updates


def _apply(creations, updates, members, missing, actor, report: ImportReport) -> None:
    """Write the planned postings as hidden rows in batches, then make them visible at once."""
    run = ImportRun.objects.create(pid=os.getpid(), host=this_host(), actor=actor, lines=report.lines)
    _ACTIVE_RUNS.add(run.pk)
    try:
        if connection.vendor == "sqlite" and len(creations) + len(updates) > BATCH:
            with connection.cursor() as cursor:  # a big import touches many index pages; keep them in memory
                cursor.execute("PRAGMA cache_size = -262144")
        if missing:
            with transaction.atomic():
                _heartbeat(run)
                created = _create_members(missing, members, actor)
                ImportRun.objects.filter(pk=run.pk).update(members_created=[m.pk for m in created])
        facts = indexing.member_facts(members.values())
        audit_rows: list[tuple] = []
        created: list[int] = []
        now = timezone.now()
        for start in range(0, len(creations), BATCH):
            postings = []
            for data in creations[start : start + BATCH]:
                member = members[data.member_code.lower()]
                status = "published" if member.status == MemberStatus.ACTIVE else "submitted"
                posting = Posting(
                    external_id=data.external_id, kind=data.kind, member=member, status=status,
                    created_by=actor, published_at=now if status == "published" else None, status_changed_at=now,
                    content_updated_at=now, created_at=now, updated_at=now, import_run_id=run.pk,
                )  # fmt: skip
                apply_input(posting, data)
                postings.append((posting, data))
            _stage(run, postings, members, facts)
            created += [p.pk for p, _d in postings]
            audit_rows += _audit_rows(
                [(AuditAction.CREATE, p, p.member.code, _created_changes(p), p.is_public) for p, _d in postings], actor
            )
        for start in range(0, len(updates), BATCH):
            shadows, entries = [], []
            for posting, data, changes in updates[start : start + BATCH]:
                shadow = Posting(**{f.attname: getattr(posting, f.attname) for f in Posting._meta.concrete_fields})
                shadow.pk = None
                shadow.member = posting.member
                shadow.external_id = f"~{run.pk}~{posting.pk}"
                shadow.import_run_id, shadow.replaces_id = run.pk, posting.pk
                shadows.append((shadow, data))
                entries.append(
                    (AuditAction.UPDATE, posting, posting.member.code,
                     {k: [_audit_value(v[0]), _audit_value(v[1])] for k, v in changes.items()}, posting.is_public)
                )  # fmt: skip
            _stage(run, shadows, members, facts)
            audit_rows += _audit_rows(entries, actor)
        _publish(run, audit_rows, created=created, updated=[p.pk for p, _d, _c in updates])
    except BaseException as error:
        try:
            _roll_back(run.pk, error=repr(error))
        except Exception:  # the next import or housekeeping rolls it back
            logger.exception("Could not roll back import run %s", run.pk)
        raise
    finally:
        _ACTIVE_RUNS.discard(run.pk)


def _heartbeat(run: ImportRun) -> None:
    """Inside a batch's transaction: note the batch, or stop if the run was rolled back meanwhile."""
    if not ImportRun.objects.filter(pk=run.pk, state=ImportRunState.RUNNING).update(heartbeat_at=timezone.now()):
        raise ImportInterrupted(_("The import was rolled back by housekeeping."))


def _create_members(missing: dict[str, int], members: dict, actor) -> list[Member]:
    # only a UN Member State or observer State becomes a State; any other code, an organisation
    eligible = countries_eligible_as_states().filter(iso3__in=[c.upper() for c in missing])
    countries = set(eligible.values_list("iso3", flat=True))
    created = []
    for code in sorted(missing):
        if code.upper() in countries:
            member = member_create_state(
                country=Country.objects.get(iso3=code.upper()), actor=actor, status=MemberStatus.PENDING
            )
        else:
            member = member_create_organisation(
                actor=actor, code=code, name=code.upper(), organisation_type="other", country=None,
                status=MemberStatus.PENDING, reason=_("Created by an import of postings"),
            )  # fmt: skip
        members[code] = member
        created.append(member)
    return created


def _stage(run: ImportRun, pairs: list[tuple[Posting, PostingInput]], members, facts) -> None:
    """One batch: hidden rows and their children, in one short transaction. The search documents
    are computed before the transaction starts, so the write lock is held only to write."""
    for posting, data in pairs:
        posting.search_document = indexing.search_document(posting, facts[posting.member.pk], data.translations)
    with transaction.atomic():
        _heartbeat(run)
        _insert_postings([posting for posting, _data in pairs])
        _write_children(pairs, members, facts)


def _publish(run: ImportRun, audit_rows: list[tuple], *, created: list[int], updated: list[int]) -> None:
    """The one short transaction that makes every row of the run visible, with its audit entries.

    New postings only lose their run mark. Each updated posting takes its hidden copy's content,
    translations, facet rows and eligible members; the copies are deleted."""
    quote = connection.ops.quote_name
    posting = quote(Posting._meta.db_table)
    facet = quote(PostingFacet._meta.db_table)
    children = [
        quote(PostingTranslation._meta.db_table),
        facet,
        quote(Posting.eligible_members.through._meta.db_table),
    ]
    columns = ", ".join(quote(Posting._meta.get_field(name).column) for name in UPDATED_FIELDS)
    copies = f"SELECT id FROM {posting} WHERE import_run_id = %s AND replaces_id IS NOT NULL"
    replaced = f"SELECT replaces_id FROM {posting} WHERE import_run_id = %s AND replaces_id IS NOT NULL"
    with transaction.atomic():
        now = _db_datetime(timezone.now())
        if not ImportRun.objects.filter(pk=run.pk, state=ImportRunState.RUNNING).update(
            state=ImportRunState.APPLIED, heartbeat_at=timezone.now(), finished_at=timezone.now()
        ):
            raise ImportInterrupted(_("The import was rolled back by housekeeping."))
        with connection.cursor() as cursor:
            if updated:
                cursor.execute(
                    f"UPDATE {posting} SET ({columns}) = (SELECT {columns} FROM {posting} s "
                    f"WHERE s.replaces_id = {posting}.id AND s.import_run_id = %s), content_updated_at = %s, "
                    f"updated_at = %s WHERE id IN ({replaced})",
                    [run.pk, now, now, run.pk],
                )
                for table in children:
                    cursor.execute(f"DELETE FROM {table} WHERE posting_id IN ({replaced})", [run.pk])
                    cursor.execute(
                        f"UPDATE {table} SET posting_id = (SELECT s.replaces_id FROM {posting} s "
                        f"WHERE s.id = {table}.posting_id) WHERE posting_id IN ({copies})",
                        [run.pk],
                    )
                # the facet rows carry the live posting's status (which may have changed meanwhile)
                cursor.execute(
                    f"UPDATE {facet} SET status = (SELECT p.status FROM {posting} p WHERE p.id = {facet}.posting_id) "
                    f"WHERE posting_id IN ({replaced})",
                    [run.pk],
                )
                cursor.execute(f"DELETE FROM {posting} WHERE import_run_id = %s AND replaces_id IS NOT NULL", [run.pk])
            # (the other dates of new postings are those of the start of the import; `updated_at`
            # changes the generation of postings, so cached facet counts are counted again)
            cursor.execute(
                f"UPDATE {posting} SET import_run_id = NULL, updated_at = %s WHERE import_run_id = %s", [now, run.pk]
            )
        _insert(AuditEntry, AUDIT_COLUMNS, [(now, *row) for row in audit_rows])
        announce_changed([*created, *updated])


def _db_datetime(value):
    return connection.ops.adapt_datetimefield_value(value)


def _roll_back(run_id: int, *, error: str = "") -> bool:
    """Remove what a run wrote (its hidden rows, the members it created), in short transactions.
    False when the run was already applied or rolled back."""
    with transaction.atomic():
        if not ImportRun.objects.filter(
            pk=run_id, state__in=[ImportRunState.RUNNING, ImportRunState.ROLLING_BACK]
        ).update(state=ImportRunState.ROLLING_BACK):
            return False
    while True:
        ids = list(Posting.all_objects.filter(import_run_id=run_id).values_list("pk", flat=True)[:BATCH])
        if not ids:
            break
        with transaction.atomic():
            Posting.all_objects.filter(pk__in=ids).delete()
    run = ImportRun.objects.get(pk=run_id)
    for member in Member.objects.filter(pk__in=run.members_created):
        try:
            with transaction.atomic():
                audit_record(
                    actor=None, action=AuditAction.DELETE, instance=member, changes={},
                    reason=_("The import that created it was rolled back."), member_code=member.code,
                )  # fmt: skip
                member.delete()
        except (ProtectedError, RestrictedError, DatabaseError):
            logger.warning("Import run %s: member %s is in use and was kept", run_id, member.code)
    ImportRun.objects.filter(pk=run_id).update(
        state=ImportRunState.ROLLED_BACK, finished_at=timezone.now(), error=error[:2000]
    )
    return True


def _run_is_dead(run: ImportRun, now) -> bool:
    if run.pk in _ACTIVE_RUNS:
        return False
    silent = now - run.heartbeat_at
    if run.host != this_host():
        return silent > RUN_STALE
    if run.pid == os.getpid() or not process_alive(run.pid):
        return True
    return silent > RUN_STALE_SAME_HOST


def import_runs_recover() -> int:
    """Roll back the imports whose process died (killed, crashed) before they finished; the
    number rolled back. Called before each import and by the daily housekeeping."""
    now = timezone.now()
    count = 0
    for run in ImportRun.objects.filter(state__in=[ImportRunState.RUNNING, ImportRunState.ROLLING_BACK]):
        if _run_is_dead(run, now) and _roll_back(run.pk, error=run.error or "interrupted"):
            count += 1
    return count


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
    else:  # SQLite: the batch's transaction holds the write lock, so nobody else takes these ids
        first = (Posting.all_objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
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


AUDIT_COLUMNS = [
    "at", "actor_id", "actor_label", "action", "content_type_id", "object_id", "object_repr", "changes", "reason",
    "member_code", "is_public",
]  # fmt: skip


def _audit_rows(entries: list[tuple], actor) -> list[tuple]:
    """Audit rows (AUDIT_COLUMNS but the time, added when they are written) for (action, posting,
    member code, changes, public) entries; prepared outside any transaction."""
    changes_field = AuditEntry._meta.get_field("changes")
    content_type = ContentType.objects.get_for_model(Posting).pk
    label = actor.get_username() if actor is not None else "system"
    actor_id = actor.pk if actor is not None else None
    reason = _("Imported")
    return [
        (actor_id, label, action, content_type, str(posting.pk), posting.title[:300],
         changes_field.get_db_prep_save(changes, connection), reason, member_code, public)
        for action, posting, member_code, changes, public in entries
    ]  # fmt: skip


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


def postings_csv_rows(postings) -> Iterator[list]:
    """The header and one row per posting for the CSV export (written by `harambee.core.csvfile`),
    with the translated label next to each code (column `<field>_label`)."""
    header = []
    for name, labels in CSV_COLUMNS:
        header.append(name)
        if labels is not None:
            header.append(f"{name}_label")
    yield header
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
        yield row


def imports_finished_delete(*, before) -> int:
    """Delete the bookkeeping rows of imports applied or rolled back before `before` (who ran them, on
    which host, their error): the retention of import staging (`operations.services.retention_run`).
    A run still named by a staged posting is kept (deleting it would delete the posting). How many."""
    staged = Posting.all_objects.filter(import_run__isnull=False).values("import_run_id")
    finished = ImportRun.objects.filter(
        state__in=[ImportRunState.APPLIED, ImportRunState.ROLLED_BACK], finished_at__lt=before
    ).exclude(pk__in=staged)
    _total, by_model = finished.delete()
    return by_model.get(ImportRun._meta.label, 0)
