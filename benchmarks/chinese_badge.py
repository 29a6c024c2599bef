"""One Chinese badge rendered alone (as a download does), three times in one process, then once in a
second process sharing the data folder.

Run: uv run python benchmarks/chinese_badge.py

Creates a fresh SQLite data folder in a temporary directory (migrated: reference data only), an event
titled in Chinese and one approved delegate whose documents are in Chinese, and times
`events.documents.render_documents` for her badge: the first render of a process (WeasyPrint imported
before timing), then two more; then a fresh process on the same data folder renders it once more (what
a new worker pays once the static font files are cached on disk). Prints wall and CPU time of each and
the load average (the machine's two cores are shared).
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def setup(work: Path) -> None:
    os.environ["HARAMBEE_DATA_DIR"] = str(work)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    import logging

    import django

    django.setup()
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def make_data() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from harambee.events.models import Registration
    from harambee.events.services import EventInput, TranslationInput, event_create
    from harambee.registry.models import Country, Member, MemberKind, MemberStatus

    host, delegation = (
        Member.objects.create(kind=MemberKind.STATE, country=c, code=c.iso3.lower(), iati_org_type="10",
                              status=MemberStatus.ACTIVE)
        for c in Country.objects.filter(iso3__in=("CHN", "ZMB")).order_by("iso3")
    )  # fmt: skip
    event = event_create(
        actor=None,
        host=host,
        data=EventInput(
            slug="bench-zh", title="3rd Workshop on AI Capacity-Building", language="en", time_zone="Asia/Shanghai",
            start_date=date(2026, 5, 11), end_date=date(2026, 5, 15), format="in_person", venue_name="Tsinghua",
            city="Beijing", country=Country.objects.get(iso3="CHN"),
            translations=[TranslationInput(language="zh", title="第三届人工智能能力建设研讨会")],
        ),
    )  # fmt: skip
    Registration.objects.create(
        event=event, member=delegation, full_name="张伟", email="zhang@example.org", position="司长", language="zh",
        status="approved", badge_code="BENCHCODE1",
    )  # fmt: skip


def render_once() -> tuple[float, float, int]:
    from harambee.events import documents
    from harambee.events.models import Registration

    registration = Registration.objects.select_related("event__host", "member__country").get(full_name="张伟")
    started_wall, started_cpu = time.perf_counter(), cpu()
    pdf = documents.render_documents([registration], "badge")
    return time.perf_counter() - started_wall, cpu() - started_cpu, len(pdf)


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--again":  # the second process
        setup(Path(sys.argv[2]))
        import weasyprint  # noqa: F401 (imported before timing, as in a worker that printed before)

        wall, cpu_seconds, size = render_once()
        print(f"new process, same data folder: {wall:.2f} s wall, {cpu_seconds:.2f} s CPU, {size / 1e3:.0f} kB")
        return 0
    work = Path(tempfile.mkdtemp(prefix="harambee-zh-badge-"))
    setup(work)
    make_data()
    import weasyprint  # noqa: F401

    print(f"load average {os.getloadavg()[0]:.2f}")
    for n in (1, 2, 3):
        wall, cpu_seconds, size = render_once()
        print(f"render {n}: {wall:.2f} s wall, {cpu_seconds:.2f} s CPU, {size / 1e3:.0f} kB")
    subprocess.run([sys.executable, __file__, "--again", str(work)], check=True)
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
