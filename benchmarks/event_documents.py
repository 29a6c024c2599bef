"""Delegates' documents for a large event: one batch of `--delegates` badges (or letters, certificates).

Run: uv run python benchmarks/event_documents.py [--delegates 500] [--kind badge] [--singles]

Creates a fresh SQLite data folder in a temporary directory (migrated: reference data only), a host,
40 delegations and an event with titles in the six languages, then `--delegates` approved delegates
whose languages cycle through the six (visa letters requested with passport details), and times the
background task that makes the batch (`events.document_tasks.document_batch_make`, called in this
process: what one worker does). Prints the wall and CPU time, the PDF's size and pages, and the load
average (the machine's two cores are shared). With `--singles`, also times one document per language
rendered alone, as a download does.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
TITLES = {
    "en": "3rd Workshop on AI Capacity-Building",
    "fr": "3e atelier sur le renforcement des capacités en IA",
    "es": "3.er taller sobre creación de capacidad en IA",
    "ru": "Третий семинар по наращиванию потенциала в области ИИ",
    "ar": "حلقة العمل الثالثة لبناء القدرات في مجال الذكاء الاصطناعي",
    "zh": "第三届人工智能能力建设研讨会",
}
NAMES = {
    "en": "Grace Banda", "fr": "Awa Diop", "es": "María Fernández", "ru": "Анна Иванова",
    "ar": "أمينة بندا", "zh": "张伟",
}  # fmt: skip


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delegates", type=int, default=500)
    parser.add_argument("--kind", default="badge", choices=["badge", "visa", "certificate"])
    parser.add_argument("--singles", action="store_true")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="harambee-documents-bench-"))
    os.environ["HARAMBEE_DATA_DIR"] = str(work)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["HARAMBEE_TASK_BACKEND"] = "immediate"
    import logging

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

    from harambee.events import documents
    from harambee.events.choices import DocumentKind
    from harambee.events.document_tasks import document_batch_make
    from harambee.events.models import DocumentBatch, Registration
    from harambee.events.services import EventInput, TranslationInput, event_create, event_transition
    from harambee.registry.models import Country, Member, MemberKind, MemberStatus

    states = list(Country.objects.order_by("iso3")[:41])
    members = [
        Member.objects.create(
            kind=MemberKind.STATE, country=c, code=c.iso3.lower(), iati_org_type="10", status=MemberStatus.ACTIVE
        )
        for c in states
    ]
    host, delegations = members[0], members[1:]
    event = event_create(
        actor=None,
        host=host,
        data=EventInput(
            slug="bench-2026", title=TITLES["en"], language="en", time_zone="Africa/Lusaka",
            start_date=date(2026, 5, 11), end_date=date(2026, 5, 15), format="in_person",
            venue_name="Mulungushi International Conference Centre", city="Lusaka",
            country=Country.objects.get(iso3="ZMB"),
            translations=[TranslationInput(language=code, title=t) for code, t in TITLES.items() if code != "en"],
        ),
    )  # fmt: skip
    event_transition(event=event, actor=None, action="publish")
    Registration.objects.bulk_create(
        Registration(
            event=event,
            member=delegations[i % len(delegations)],
            full_name=f"{NAMES[LANGUAGES[i % 6]]} {i}",
            email=f"delegate{i}@example.org",
            position="Director of Digital Policy",
            language=LANGUAGES[i % 6],
            status="approved",
            visa_letter_requested=True,
            nationality=delegations[i % len(delegations)].country,
            passport_number=f"P{i:07d}",
            passport_expiry=date(2030, 1, 31),
        )
        for i in range(args.delegates)
    )

    if args.singles:
        for registration in Registration.objects.filter(event=event).select_related("member__country")[:6]:
            registration.event = event
            registration.badge_code = registration.badge_code or "BENCHCODE1"
            started = time.perf_counter()
            documents.render_documents([registration], args.kind)
            print(f"one {args.kind} in {registration.language}: {time.perf_counter() - started:.2f} s")

    batch = DocumentBatch.objects.create(event=event, kind=DocumentKind(args.kind))
    load = os.getloadavg()[0]
    started_wall, started_cpu = time.perf_counter(), cpu()
    made = document_batch_make.call(batch.pk)
    wall, cpu_seconds = time.perf_counter() - started_wall, cpu() - started_cpu
    batch.refresh_from_db()
    import pypdf

    pages = len(pypdf.PdfReader(batch.file.path).pages)
    print(
        f"{made} {args.kind}s for {args.delegates} delegates in 6 languages: "
        f"{wall:.1f} s wall, {cpu_seconds:.1f} s CPU; PDF {batch.file.size / 1e6:.1f} MB, {pages} pages; "
        f"status {batch.status}; load average {load:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
