"""The demo: the Group of Friends for International Cooperation on AI Capacity-building around the
2nd Workshop on AI Capacity-Building (Tsinghua University, Beijing, 12–17 May 2025).

Everything is written through the services, so the demo also fills the audit trail. Every
object is marked `is_demo`; the loader refuses to run where settings forbid demo data.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from harambee import iati
from harambee.accounts.models import User
from harambee.accounts.services import invitation_create, organisation_register, user_create
from harambee.allocation.services import round_apply, round_create
from harambee.cooperation import services as cooperation_services
from harambee.core.devtools import DevToolMissing, synthetic_postings_generator
from harambee.events.registration_services import personal_data_erase_due
from harambee.matching.access import offer_closed_reason
from harambee.matching.services import match_accept, match_propose, post_message
from harambee.postings.importing import postings_import
from harambee.postings.models import Posting
from harambee.registry.models import Country, Member, MemberRole, MemberStatus
from harambee.registry.services import (
    member_create_organisation,
    member_create_state,
    member_update,
    membership_add,
)

from .assessments import load_demo_assessments
from .events import (
    load_demo_checkins,
    load_demo_delegations,
    load_demo_events,
    load_demo_outcomes,
    load_demo_pairing,
)
from .postings import load_demo_postings

DEMO_PASSWORD = "harambee-demo-2025"

# States shown in the demo; illustrative, not an attendance list of the workshop.
DEMO_STATES = [
    "CHN",
    "ZMB",
    "PAK",
    "EGY",
    "ETH",
    "IDN",
    "BRA",
    "RUS",
    "KAZ",
    "LAO",
    "KHM",
    "MMR",
    "NPL",
    "BGD",
    "LKA",
    "THA",
    "UZB",
    "KGZ",
    "MNG",
    "NGA",
    "KEN",
    "TZA",
    "UGA",
    "RWA",
    "GHA",
    "SEN",
    "ZWE",
    "MOZ",
    "NAM",
    "CUB",
    "BOL",
    "FJI",
    "PNG",
    "SRB",
    "DZA",
    "SLE",
]


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    member: str | None
    role: str | None
    position: str = ""
    focal_point: bool = False
    public: bool = False
    secretariat: bool = False
    language: str = "en"


DEMO_USERS = [
    DemoUser("secretariat@demo.harambee.test", "Amina Secretariat", None, None, secretariat=True),
    DemoUser(
        "zambia.manager@demo.harambee.test",
        "Mwila Banda",
        "zmb",
        MemberRole.MANAGER,
        "Director of ICT, Ministry of Technology and Science",
        True,
        True,
    ),
    DemoUser("zambia.editor@demo.harambee.test", "Chanda Mulenga", "zmb", MemberRole.EDITOR, "AI policy analyst"),
    DemoUser(
        "zambia.viewer@demo.harambee.test", "Bwalya Phiri", "zmb", MemberRole.VIEWER, "Permanent Mission to the UN"
    ),
    DemoUser(
        "china.manager@demo.harambee.test",
        "Li Wei",
        "chn",
        MemberRole.MANAGER,
        "Department of International Organizations and Conferences",
        True,
        True,
        language="zh-hans",
    ),
    DemoUser(
        "tsinghua.manager@demo.harambee.test",
        "Zhang Min",
        "tsinghua",
        MemberRole.MANAGER,
        "Workshop programme director",
        True,
        True,
        language="zh-hans",
    ),
    DemoUser(
        "egypt.manager@demo.harambee.test",
        "Nour Hassan",
        "egy",
        MemberRole.MANAGER,
        "Ministry of Communications and Information Technology",
        True,
        True,
        language="ar",
    ),
    DemoUser(
        "senegal.manager@demo.harambee.test",
        "Awa Diop",
        "sen",
        MemberRole.MANAGER,
        "Ministère de la Communication, des Télécommunications et du Numérique",
        True,
        True,
        language="fr",
    ),
    DemoUser("visitor@demo.harambee.test", "Sofía Visitor", None, None, language="es"),
]


def load_synthetic_postings(*, count: int) -> int:
    """Generated postings in six languages so that lists, facets and search have volume.

    Raises DevToolMissing when the generator (a development package) is not installed.
    """
    generate_postings = synthetic_postings_generator()
    members = [
        (code.upper(), kind) for code, kind in Member.objects.filter(status="active").values_list("code", "kind")
    ]
    rows = generate_postings(count, members=members, seed=2025, today=date.today())
    report = postings_import(lines=(json.dumps(row, ensure_ascii=False) for row in rows))
    assert report.ok, report.problems[:3]
    Posting.objects.filter(external_id__startswith="GEN-").update(is_demo=True)
    return report.created


def load_demo_round(people) -> None:
    """Tsinghua's course seats shared out in an open allocation round, with requests from Zambia
    and Egypt, written through the services like everything else in the demo."""
    course = Posting.objects.filter(
        external_id="DEMO-O-TSINGHUA-1", status__in=["published", "partially_matched"]
    ).first()
    if course is None:
        return
    members = Member.objects.in_bulk(["tsinghua", "zmb", "egy"], field_name="code")
    round = round_create(
        provider=members["tsinghua"],
        actor=people["tsinghua.manager@demo.harambee.test"],
        title="2026 course for civil servants: seats, least developed countries first",
        offers=[course],
        deadline=timezone.now() + timedelta(days=30),
        policy={"mode": "optimal", "priority_bonus": {"LDC": 0.2}, "max_units_per_member": 5},
        description="Forty seats; each member may nominate up to five officials.",
    )
    zambia_need = Posting.objects.filter(member=members["zmb"], kind="need").order_by("pk").first()
    round_apply(
        round=round,
        member=members["zmb"],
        actor=people["zambia.manager@demo.harambee.test"],
        units=3,
        ranking=[course],
        need=zambia_need,
        nominees=["Ministry of Technology and Science", "ZICTA", "Smart Zambia"],
    )
    round_apply(
        round=round,
        member=members["egy"],
        actor=people["egypt.manager@demo.harambee.test"],
        units=2,
        ranking=[course],
        motivation="Training of civil servants in generative AI and AI governance.",
    )


def load_demo_cooperations(people) -> None:
    """The chain need → match → cooperation → progress → result, in public: a South-South
    cooperation (Tsinghua trains Zambian officials) and a triangular one (Tsinghua and UNDP with
    Egypt), each with a budget, a disbursement, progress and a result disaggregated by sex."""
    course = Posting.objects.filter(external_id="DEMO-O-TSINGHUA-1").first()
    zambia_need = Posting.objects.filter(external_id="DEMO-N-ZMB-1").first()
    egypt_need = Posting.objects.filter(external_id="DEMO-N-EGY-1").first()
    if not (course and zambia_need and egypt_need):
        return
    tsinghua = people["tsinghua.manager@demo.harambee.test"]
    chains = [
        (zambia_need, people["zambia.manager@demo.harambee.test"], "south_south", []),
        (egypt_need, people["egypt.manager@demo.harambee.test"], "triangular", ["undp"]),
    ]
    for need, requester, channel, partners in chains:
        match = match_propose(
            need=need,
            offer=course,
            actor=requester,
            message="We would like to nominate officials for this course.",
            on=date(2026, 8, 20),  # before the course's apply-by date (2026-08-31)
        )
        match = match_accept(match=match, actor=tsinghua, response="Welcome; details follow by e-mail.")
        cooperation = match.cooperation
        cooperation_services.cooperation_update(
            cooperation=cooperation,
            actor=tsinghua,
            data={
                "channel": channel,
                "collaboration_type": iati.mapping().collaboration_type[channel],
                "status": "ongoing",
                "actual_start": date(2026, 10, 12),
                "implementers": list(Member.objects.filter(code__in=partners)),
                "description": "Two-week course in Beijing for mid-career civil servants, with follow-up coaching.",
            },
        )
        cooperation_services.budget_add(
            cooperation=cooperation,
            actor=tsinghua,
            period_start=date(2026, 10, 1),
            period_end=date(2027, 9, 30),
            value=Decimal(120000),
            currency="USD",
            value_date=date(2026, 10, 1),
        )
        cooperation_services.transaction_add(
            cooperation=cooperation,
            actor=tsinghua,
            type="3",
            date=date(2026, 10, 5),
            value=Decimal(60000),
            currency="USD",
            description="Tuition, travel and accommodation, first cohort",
        )
        result = cooperation_services.result_add(
            cooperation=cooperation,
            actor=tsinghua,
            title="Civil servants trained in AI",
            indicators=[
                {"title": "Officials who completed the course", "baseline_year": 2026, "baseline": 0, "target": 10}
            ],
        )
        cooperation_services.indicator_report(
            indicator=result.indicators.get(),
            actor=tsinghua,
            actual=8,
            disaggregation={"sex": {"female": 5, "male": 3}},
        )
        cooperation_services.progress_report(
            cooperation=cooperation,
            actor=requester,
            percent=40,
            narrative="Eight officials completed the course; coaching has begun.",
        )
        cooperation_services.milestone_add(
            cooperation=cooperation,
            actor=tsinghua,
            title="Coaching plan agreed with each official",
            due=timezone.localdate() + timedelta(days=21),
        )
        post_message(
            actor=tsinghua,
            match=match,
            body="Thank you for the progress report. Could you send us each official's coaching topic?",
        )


def load_demo_proposal(people) -> None:
    """Open proposals waiting for an answer, each with a message (the first of their conversation):
    China offers one of its open offers for Zambia's need, and for Senegal's need (written in French:
    Senegal's focal point reads the offer, written in Spanish, in French). Skipped when China has no
    open offer."""
    offers = Posting.objects.filter(
        member__code="chn", kind="offer", status__in=["published", "partially_matched"]
    ).order_by("pk")
    # one that still takes proposals, open to every country (not, say, to Latin America only)
    offer = next(
        (o for o in offers if offer_closed_reason(o) is None and not (o.eligible_groups or o.eligible_regions)), None
    )
    if offer is None:
        return
    messages = {
        "DEMO-N-ZMB-1": "Our offer could serve your officials as well; shall we talk about dates?",
        "DEMO-N-SEN-1": "Notre offre peut former vos cadres ; pouvons-nous en parler ?",
    }
    for need in Posting.objects.filter(external_id__in=messages).order_by("pk"):
        match_propose(
            need=need, offer=offer, actor=people["china.manager@demo.harambee.test"], message=messages[need.external_id]
        )


def demo_is_loaded() -> bool:
    return User.objects.filter(is_demo=True).exists()


@transaction.atomic
def load_demo() -> dict[str, int | str]:
    """Create the demo members, people, an invitation, a pending registration and some history."""
    if not settings.HARAMBEE_ALLOW_DEMO:
        raise ImproperlyConfigured("Demo data is not allowed with these settings.")
    people = {}
    for spec in DEMO_USERS:
        people[spec.email] = user_create(
            email=spec.email,
            full_name=spec.full_name,
            password=DEMO_PASSWORD,
            preferred_language=spec.language,
            is_secretariat=spec.secretariat,
            is_demo=True,
        )
    secretariat = people["secretariat@demo.harambee.test"]

    countries = Country.objects.in_bulk(DEMO_STATES)
    for iso3 in DEMO_STATES:
        member_create_state(
            country=countries[iso3],
            actor=secretariat,
            is_demo=True,
            description=(
                "Co-chair of the Group of Friends for International Cooperation on AI Capacity-building."
                if iso3 in ("CHN", "ZMB")
                else ""
            ),
        )
    member_create_organisation(
        actor=secretariat,
        code="tsinghua",
        name="Tsinghua University",
        name_translations={
            "zh": "清华大学",
            "fr": "Université Tsinghua",
            "es": "Universidad Tsinghua",
            "ru": "Университет Цинхуа",
            "ar": "جامعة تسينغهوا",
        },
        organisation_type="university",
        country=countries["CHN"],
        website="https://www.tsinghua.edu.cn/en/",
        description=(
            "Ran the 2nd Workshop on AI Capacity-Building for the Ministry of Foreign Affairs of China, "
            "Beijing, 12–17 May 2025: a six-day residential programme with delegates from some 40 countries "
            "and organisations, among them ASEAN and the African Union."
        ),
        is_demo=True,
    )
    member_create_organisation(
        actor=secretariat,
        code="unza",
        name="University of Zambia",
        name_translations={"fr": "Université de Zambie", "es": "Universidad de Zambia"},
        organisation_type="university",
        country=countries["ZMB"],
        website="https://www.unza.zm/",
        is_demo=True,
    )
    members = Member.objects.in_bulk(field_name="code")
    for spec in DEMO_USERS:
        if spec.member:
            membership_add(
                member=members[spec.member],
                user=people[spec.email],
                role=spec.role,
                actor=secretariat,
                is_focal_point=spec.focal_point,
                position=spec.position,
                show_publicly=spec.public,
            )
    zambia_manager = people["zambia.manager@demo.harambee.test"]
    member_update(
        member=members["zmb"],
        actor=zambia_manager,
        data={
            "description": (
                "Co-chair, with China, of the Group of Friends for International Cooperation on AI "
                "Capacity-building. Priorities: AI skills for civil servants, data governance and "
                "compute access for research."
            ),
            "website": "https://www.mots.gov.zm/",
        },
        reason="Profile written after the Beijing workshop",
    )
    invitation_create(
        actor=zambia_manager,
        email="new.focal.point@demo.harambee.test",
        member=members["zmb"],
        role=MemberRole.EDITOR,
        message="Please join us to post Zambia's AI capacity needs.",
        base_url=settings.HARAMBEE_SITE_URL,
    )
    pending = organisation_register(
        email="pending.org@demo.harambee.test",
        full_name="Wanjiru Kamau",
        password=DEMO_PASSWORD,
        organisation_name="Nairobi Responsible AI Collective",
        organisation_type="ngo",
        country=countries["KEN"],
        acronym="NRAC",
        description="A community of practitioners offering AI literacy training in East Africa.",
        position="Coordinator",
    )
    authors = {
        "zmb": zambia_manager,
        "chn": people["china.manager@demo.harambee.test"],
        "tsinghua": people["tsinghua.manager@demo.harambee.test"],
        "egy": people["egypt.manager@demo.harambee.test"],
        "sen": people["senegal.manager@demo.harambee.test"],
    }
    load_demo_postings(members=Member.objects.in_bulk(field_name="code"), authors=authors, secretariat=secretariat)
    try:
        generated, skipped = load_synthetic_postings(count=240), ""
    except DevToolMissing as missing:
        generated, skipped = 0, str(missing)
    load_demo_round(people)
    load_demo_cooperations(people)
    load_demo_proposal(people)
    load_demo_events(people)
    load_demo_delegations(people)
    load_demo_checkins(people)  # after the delegates' registrations: checks in the approved ones
    load_demo_pairing(people)
    load_demo_outcomes(people)
    load_demo_assessments(people)  # readiness assessments (issue 15): after the postings they are matched with
    personal_data_erase_due()  # the past workshop's delegates added by the pairing and outcomes demos too
    User.objects.filter(pk=pending.user.pk).update(is_demo=True)
    Member.objects.filter(pk=pending.member.pk).update(is_demo=True)
    assert pending.member.status == MemberStatus.PENDING
    return {
        "users": User.objects.filter(is_demo=True).count(),
        "members": Member.objects.filter(is_demo=True).count(),
        "generated": generated,
        "skipped": skipped,
    }
