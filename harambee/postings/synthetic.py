"""Synthetic postings in the six UN languages, for load tests and benchmarks.

`generate_postings` yields dicts in the JSON Lines posting format of
`shared/bench/matching-dev/README.md` (codes from `shared/reference/taxonomy.md`).
It is pure Python so that commands and benchmarks can use it without Django.

How a posting is built: a topic (civil-servant training, a national AI strategy,
GPU access, crop-pest detection, ...) fixes the modalities, themes and sectors; the
text then combines that topic's phrasing for a need or an offer with an actor, a
target group, a format and place, a period, a capacity, eligibility and working
languages, so that the tags and the text say the same thing. Phrase banks are
written per language (not translated word for word). The Arabic bank marks verb
and pronoun agreement with the actor as ``[[feminine|masculine]]``.

Determinism: postings are drawn from ``random.Random`` seeded with ``seed`` and the
block of 64 id numbers the posting falls in, so the same seed always gives the same
postings, and generating in chunks with ``start_index`` gives exactly the postings
of one long run (a chunk starting inside a block replays that block's first postings).
Ids are ``GEN-N-0000001`` (need) or ``GEN-O-0000001`` (offer), numbered from
``start_index + 1``; needs and offers share the numbering, so ids stay unique across chunks.

Chinese descriptions are shorter in characters than the others (about 100 to 450
against 300 to 900) because Han script carries about three times as much per
character, as in the development corpus.
"""
# ruff: noqa: E501 -- the phrase banks are prose, one phrase per line reads and reviews best

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from operator import itemgetter

PHRASE_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")

MODALITIES = ("policy_exchange", "technical_assistance", "financial_support", "training", "joint_research")
THEMES = ("infrastructure", "data", "skills", "research_models", "applications", "governance", "safety")
SECTORS = (
    "agriculture",
    "health",
    "education",
    "climate",
    "public_services",
    "finance",
    "manufacturing",
    "language_culture",
    "disaster_risk",
    "justice",
    "transport",
    "energy",
)
FORMATS = ("online", "in_person", "hybrid")
COUNTRY_GROUPS = ("LDC", "LLDC", "SIDS", "G77")
REGIONS = ("002", "015", "202", "019", "419", "142", "143", "145", "035", "150", "009")

NEED_SHARE = 0.45
MISSING_TAG_SHARE = 0.35


@dataclass(frozen=True, slots=True)
class Topic:
    """What a posting is about, and the tags that this implies."""

    key: str
    primary: str  # the modality the text implies
    secondary: tuple[str, ...]  # modalities a posting may add (the text then says so)
    themes: tuple[str, ...]
    extra_themes: tuple[str, ...]  # added to about half of the postings
    sectors: tuple[str, ...]  # the topic's own sectors
    optional_sectors: tuple[str, ...]  # one of them, sometimes, when sectors is empty
    domains: tuple[str, ...]  # where a State's actor comes from (ministries, agencies, ...)
    groups: tuple[str, ...]  # target groups


TOPICS: tuple[Topic, ...] = (
    Topic(
        "civil_service_ai",
        "training",
        ("technical_assistance", "policy_exchange"),
        ("skills",),
        ("governance",),
        ("public_services",),
        (),
        ("gov", "planning"),
        ("civil_servants", "senior_officials"),
    ),
    Topic(
        "strategy",
        "policy_exchange",
        ("technical_assistance",),
        ("governance",),
        (),
        (),
        (),
        ("gov", "planning"),
        ("senior_officials", "policy_staff"),
    ),
    Topic(
        "regulation",
        "policy_exchange",
        ("technical_assistance", "training"),
        ("governance",),
        ("safety",),
        (),
        ("justice",),
        ("gov", "regulator", "justice"),
        ("policy_staff", "senior_officials"),
    ),
    Topic(
        "data_governance",
        "technical_assistance",
        ("policy_exchange", "training"),
        ("data",),
        ("governance",),
        ("public_services",),
        (),
        ("gov", "stats", "regulator"),
        ("data_officers", "ict_officers"),
    ),
    Topic(
        "statistics",
        "technical_assistance",
        ("training", "joint_research"),
        ("data",),
        (),
        ("public_services",),
        (),
        ("stats",),
        ("statisticians",),
    ),
    Topic(
        "compute_access",
        "technical_assistance",
        ("financial_support", "joint_research"),
        ("infrastructure",),
        ("research_models",),
        (),
        ("education",),
        ("research",),
        ("researchers", "students"),
    ),
    Topic(
        "hpc_centre",
        "technical_assistance",
        ("training", "financial_support"),
        ("infrastructure",),
        (),
        (),
        ("energy", "education"),
        ("gov", "research"),
        ("engineers", "researchers"),
    ),
    Topic(
        "agriculture",
        "technical_assistance",
        ("training", "joint_research"),
        ("applications",),
        ("data",),
        ("agriculture",),
        (),
        ("agri",),
        ("extension_agents", "farmers"),
    ),
    Topic(
        "health",
        "technical_assistance",
        ("training",),
        ("applications",),
        (),
        ("health",),
        (),
        ("health",),
        ("health_workers",),
    ),
    Topic(
        "language_resources",
        "joint_research",
        ("financial_support", "technical_assistance"),
        ("research_models",),
        ("data",),
        ("language_culture",),
        (),
        ("culture", "research"),
        ("linguists", "researchers"),
    ),
    Topic(
        "safety_testing",
        "technical_assistance",
        ("joint_research", "policy_exchange", "training"),
        ("safety",),
        (),
        (),
        ("public_services",),
        ("gov", "regulator", "research"),
        ("ict_officers", "policy_staff"),
    ),
    Topic(
        "early_warning",
        "technical_assistance",
        ("joint_research", "training"),
        ("applications",),
        (),
        ("disaster_risk", "climate"),
        (),
        ("met",),
        ("forecasters",),
    ),
    Topic(
        "teacher_literacy",
        "training",
        ("technical_assistance",),
        ("skills",),
        (),
        ("education",),
        (),
        ("edu",),
        ("teachers",),
    ),
    Topic(
        "joint_lab",
        "joint_research",
        ("training", "financial_support"),
        ("research_models",),
        (),
        (),
        ("energy", "agriculture", "health", "climate"),
        ("research",),
        ("researchers", "students"),
    ),
    Topic(
        "startup_funding",
        "financial_support",
        ("training", "technical_assistance"),
        ("applications",),
        (),
        (),
        ("finance",),
        ("gov", "finance"),
        ("entrepreneurs",),
    ),
    Topic(
        "scholarships",
        "training",
        ("joint_research", "financial_support"),
        ("skills",),
        ("research_models",),
        ("education",),
        (),
        ("edu", "research"),
        ("students", "researchers"),
    ),
    Topic(
        "green_datacentre",
        "technical_assistance",
        ("financial_support",),
        ("infrastructure",),
        (),
        ("energy",),
        (),
        ("energy", "gov"),
        ("engineers",),
    ),
    Topic(
        "manufacturing",
        "training",
        ("technical_assistance", "financial_support"),
        ("applications",),
        ("skills",),
        ("manufacturing",),
        (),
        ("industry",),
        ("technicians",),
    ),
    Topic(
        "justice",
        "technical_assistance",
        ("policy_exchange", "training"),
        ("applications",),
        ("data",),
        ("justice",),
        (),
        ("justice",),
        ("court_staff",),
    ),
    Topic(
        "transport",
        "technical_assistance",
        ("joint_research",),
        ("applications",),
        (),
        ("transport",),
        (),
        ("transport",),
        ("transport_planners",),
    ),
    Topic(
        "financial_supervision",
        "technical_assistance",
        ("policy_exchange", "training"),
        ("applications",),
        ("safety",),
        ("finance",),
        (),
        ("finance",),
        ("supervisors",),
    ),
    Topic(
        "youth_women_skills",
        "training",
        ("financial_support",),
        ("skills",),
        (),
        (),
        ("education",),
        ("edu", "gov"),
        ("youth", "women"),
    ),
    Topic(
        "public_services",
        "technical_assistance",
        ("training",),
        ("applications",),
        (),
        ("public_services",),
        (),
        ("gov",),
        ("ict_officers", "civil_servants"),
    ),
    Topic(
        "climate_modelling",
        "joint_research",
        ("technical_assistance", "training"),
        ("applications",),
        ("research_models",),
        ("climate",),
        (),
        ("met", "research"),
        ("forecasters", "researchers", "students"),
    ),
)

# States where a language is used in public administration: a State posting in that language
# is mostly one of these. Organisations work in all six languages and post a fixed share
# (more of the Chinese postings, as only two States write Chinese).
_STATES_BY_LANGUAGE = {
    "ar": frozenset(
        "ARE BHR COM DJI DZA EGY IRQ JOR KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SOM SYR TCD TUN YEM".split()
    ),
    "fr": frozenset(
        "BDI BEL BEN BFA CAF CAN CHE CIV CMR COD COG COM DJI DZA FRA GAB GIN GNQ HTI LBN LUX MAR MCO MDG MLI MRT MUS NER RWA SEN SYC TCD TGO TUN VUT".split()
    ),
    "es": frozenset("ARG BOL CHL COL CRI CUB DOM ECU ESP GNQ GTM HND MEX NIC PAN PER PRY SLV URY VEN".split()),
    "ru": frozenset("ARM AZE BLR GEO KAZ KGZ MDA MNG RUS TJK TKM UZB".split()),
    "zh": frozenset("CHN SGP".split()),
}
_LANGUAGE_AFFINITY = 0.8
_ORGANISATION_SHARE = {"zh": 0.4}
_DEFAULT_ORGANISATION_SHARE = 0.2

# Regions an offer is most often restricted to, by the offer's language.
_REGION_CHOICES = {
    "ar": (("145", "015"), ("145", "015"), ("015",), ("145",), ("002",)),
    "fr": (("002",), ("202",), ("002",), ("015",), ("202", "009")),
    "es": (("419",), ("419",), ("019",), ("419", "002")),
    "ru": (("143",), ("143", "150"), ("150",), ("143", "145")),
    "zh": (("002",), ("142",), ("035",), ("002", "142"), ("035", "009")),
    "en": (("002",), ("202",), ("009",), ("035",), ("142",), ("419",), ("019",), ("150",), ("145",)),
}
_ALL_REGION_CHOICES = tuple(choice for choices in _REGION_CHOICES.values() for choice in choices)
_GROUP_CHOICES = (
    ("LDC",),
    ("LDC",),
    ("LDC",),
    ("SIDS",),
    ("SIDS",),
    ("LLDC",),
    ("G77",),
    ("G77",),
    ("LDC", "SIDS"),
    ("LDC", "LLDC"),
    ("LDC", "LLDC", "SIDS"),
)

_SEATS = (8, 10, 12, 15, 20, 24, 25, 30, 35, 40, 45, 50, 60, 80, 100, 120, 150, 200, 250, 300)
_VISIT_SEATS = (6, 8, 10, 12, 15, 20, 25, 30, 40)  # study visits and policy exchanges
_EXPERT_DAYS = (10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100, 120, 150, 200)
_USD_AMOUNTS = (
    10_000,
    15_000,
    20_000,
    25_000,
    30_000,
    40_000,
    50_000,
    65_000,
    75_000,
    80_000,
    100_000,
    120_000,
    150_000,
    200_000,
    250_000,
    300_000,
    400_000,
    500_000,
    750_000,
    1_000_000,
    1_500_000,
    2_000_000,
    3_000_000,
    5_000_000,
)
# (currency, units per USD, weight)
_CURRENCY_TABLE = (
    ("USD", 1.0, 58),
    ("EUR", 0.92, 17),
    ("CNY", 7.2, 6),
    ("GBP", 0.79, 3),
    ("JPY", 150.0, 3),
    ("XOF", 600.0, 4),
    ("ZMW", 26.0, 2),
    ("RUB", 90.0, 2),
    ("SAR", 3.75, 2),
    ("INR", 83.0, 2),
    ("BRL", 5.0, 1),
)
CURRENCIES = tuple(currency for currency, _, _ in _CURRENCY_TABLE)
_CURRENCY_BY_LANGUAGE = {"zh": "CNY", "ru": "RUB", "fr": "XOF", "ar": "SAR", "es": "BRL", "en": "GBP"}
_DURATION_MONTHS = (1, 2, 3, 3, 4, 6, 6, 6, 9, 10, 12, 12, 12, 12, 15, 18, 18, 24, 24, 30, 36)
_EXTRA_LANGUAGES = {
    "ar": ("en", "en", "fr"),
    "zh": ("en", "en", "en", "fr", "ru", "es"),
    "en": ("fr", "fr", "es", "ar", "ru"),
    "fr": ("en", "en", "en", "es", "ar"),
    "ru": ("en", "en", "en", "zh"),
    "es": ("en", "en", "en", "fr"),
}

# ---------------------------------------------------------------------------
# Phrase banks. Per topic: need titles, offer titles, need openings, offer
# openings (with {actor}, the subject, and {group}, the target group) and neutral
# details. Actors are sentence subjects; groups have one fixed grammatical form
# per language (English: plain plural; French and Spanish: with article; Russian
# and Arabic: genitive; Chinese: plain).
# ---------------------------------------------------------------------------

_EN = {
    "topics": {
        "civil_service_ai": (
            (
                "AI training for civil servants in central ministries",
                "Building AI skills across the public administration",
            ),
            ("AI literacy programme for public officials", "Course: using AI responsibly in government work"),
            (
                "{actor} is seeking a partner to design and deliver an AI training programme for {group}.",
                "We need support to build basic AI skills among {group}, many of whom already use generative tools without any guidance.",
            ),
            (
                "{actor} offers a structured AI literacy programme for {group}, built on its experience with public administrations in several regions.",
                "We offer a course on the responsible use of AI in public administration, designed for {group}.",
            ),
            (
                "The curriculum covers machine-learning basics, generative AI for drafting and summarising documents, and the protection of personal data.",
                "Practical exercises are based on real administrative tasks such as handling correspondence, processing permits and answering citizens' queries.",
                "A train-the-trainers module is part of the approach, so that the national school of public administration can continue the courses on its own.",
            ),
        ),
        "strategy": (
            (
                "Review of the national AI strategy and its implementation plan",
                "Support to draft a first national AI strategy",
            ),
            (
                "Advisory support for designing or updating national AI strategies",
                "Peer exchange on national AI strategies and their monitoring",
            ),
            (
                "{actor} is reviewing the national AI strategy two years after its adoption and is seeking the experience of countries further along in implementation.",
                "We are seeking expert support to prepare our first national AI strategy, building on a readiness assessment and a broad consultation.",
            ),
            (
                "{actor} offers advisory support to governments preparing or revising a national AI strategy, from readiness diagnostics to a costed action plan.",
                "We offer peer exchange and expert advice on national AI strategies, drawing on our own experience of drafting, implementing and monitoring one.",
            ),
            (
                "Areas of interest include institutional arrangements, coordination between ministries and a monitoring framework with measurable indicators.",
                "Consultations with academia, the private sector and civil society are a key element of the process.",
                "Study visits and virtual exchanges with officials who have led similar processes are particularly valued.",
            ),
        ),
        "regulation": (
            (
                "Drafting a legal framework for artificial intelligence",
                "Exchange on AI regulation and ethics oversight",
            ),
            (
                "Exchange of regulatory practice on risk-based AI rules",
                "Advice on AI ethics guidelines and oversight bodies",
            ),
            (
                "{actor} is preparing draft legislation on artificial intelligence and would like to learn from jurisdictions that have adopted risk-based rules.",
                "We need support to translate the UNESCO Recommendation on the Ethics of AI into national guidelines and an oversight mechanism.",
            ),
            (
                "{actor} shares its regulatory experience with countries drafting AI legislation, including risk classification, conformity assessment and enforcement.",
                "We offer policy dialogue and legal drafting support on AI ethics and regulation for {group}.",
            ),
            (
                "Questions of interest include the classification of high-risk uses, transparency obligations and the role of existing data protection authorities.",
                "A comparative review of recent legislation and a workshop with parliamentary staff are envisaged.",
                "Particular attention is paid to public procurement of AI systems and to redress mechanisms for citizens.",
            ),
        ),
        "data_governance": (
            (
                "Data governance framework for secure data sharing between public institutions",
                "Open government data policy and platform",
            ),
            (
                "Technical assistance on data governance and open data",
                "Data-sharing agreements and privacy-preserving techniques for the public sector",
            ),
            (
                "{actor} needs to establish a data governance framework so that ministries can share administrative records securely and in line with the personal data protection law.",
                "We are seeking technical assistance to revise our open data policy and to publish high-value datasets in machine-readable formats.",
            ),
            (
                "{actor} offers technical assistance to public institutions setting up data governance frameworks, data-sharing agreements and open data portals.",
                "We offer practical support on data stewardship for {group}, from data inventories to privacy-preserving publication.",
            ),
            (
                "Key topics are data inventories, data-sharing agreements, metadata standards and the roles of data stewards.",
                "Privacy-enhancing techniques such as anonymisation, differential privacy and synthetic data are of particular interest.",
                "The aim is to make public data usable for AI applications while preserving citizens' trust.",
            ),
        ),
        "statistics": (
            (
                "Machine learning for automatic coding in household surveys",
                "Modernising official statistics with AI and new data sources",
            ),
            (
                "Machine learning for national statistical offices",
                "Training on big data and AI for official statistics",
            ),
            (
                "{actor} still codes hundreds of thousands of survey responses on occupation and economic activity by hand and wishes to introduce machine-learning models for automatic coding.",
                "We are seeking methodological support to use satellite imagery, mobile phone data and machine learning in the production of official statistics.",
            ),
            (
                "{actor} supports national statistical offices in using machine learning for automatic coding, record linkage, imputation and nowcasting.",
                "We offer training and technical assistance for {group} on bringing new data sources and AI methods into statistical production.",
            ),
            (
                "Relevant applications include coding to the ISCO and ISIC classifications, small-area estimation and the quality assessment of administrative sources.",
                "Methods must remain transparent and documented so that they can be explained to users of official statistics.",
                "Close cooperation with the IT department is planned so that models can be maintained after the project ends.",
            ),
        ),
        "compute_access": (
            ("Access to GPU computing for university AI research", "Cloud compute credits for public research on AI"),
            ("GPU hours for public research institutions", "Compute grants for training and fine-tuning AI models"),
            (
                "{actor} needs sustained access to GPU computing to train and fine-tune models, as its researchers currently share a handful of consumer graphics cards.",
                "We are seeking compute resources, in the order of several tens of thousands of GPU-hours, for {group} working on local-language and applied AI models.",
            ),
            (
                "{actor} offers GPU computing time to universities and public research institutions for AI model training and scientific computing.",
                "We offer compute allocations on our cluster, together with technical documentation and user support, for {group}.",
            ),
            (
                "Allocations are reviewed on the basis of a short research plan, with priority for projects that release open models or datasets.",
                "Guidance on job scheduling, containerised workflows and efficient use of GPU memory is an important complement.",
                "Typical workloads include fine-tuning language models, remote-sensing analysis and climate simulations.",
            ),
        ),
        "hpc_centre": (
            (
                "Feasibility study for a national high-performance computing centre",
                "Designing a shared AI compute facility for government and universities",
            ),
            (
                "Advisory services for national supercomputing and AI compute centres",
                "Residencies for HPC engineers and support to compute infrastructure planning",
            ),
            (
                "{actor} plans to set up a national computing centre for training and running AI models on behalf of public bodies and universities, and requires technical assistance for the feasibility study.",
                "We need expert advice on the sizing, architecture and procurement of a GPU cluster that will serve {group} across the country.",
            ),
            (
                "{actor} assists countries planning their first AI compute infrastructure, from the assessment of user needs and architecture choices to technical specifications for procurement.",
                "We offer advisory services and engineer residencies on our supercomputer for teams preparing a national compute facility.",
            ),
            (
                "The study covers user demand, cluster and storage architecture, energy supply, cooling and a sustainable operating model.",
                "Energy efficiency and the use of renewable power are essential considerations.",
                "Training of the engineers who will operate the system is an integral part of the plan.",
            ),
        ),
        "agriculture": (
            (
                "Early detection of crop pests and diseases with mobile phones",
                "AI-based yield estimation and advisory services for smallholders",
            ),
            (
                "Technical assistance for AI-enabled pest and disease surveillance",
                "Digital agricultural advisory tools using AI",
            ),
            (
                "{actor} requires technical assistance to develop a mobile application that allows {group} to identify crop pests and diseases from photographs.",
                "We are seeking partners to combine satellite imagery and field data to estimate yields and send timely advice to {group}.",
            ),
            (
                "{actor} supports plant protection and extension services in adopting smartphone-based diagnosis of crop pests and diseases, including offline models retrained on local images.",
                "We offer our experience with AI-based agricultural advisory services, including data collection protocols and the training of {group}.",
            ),
            (
                "The tools must work offline in areas with poor connectivity and in the languages that farmers speak.",
                "Building a labelled image dataset for the main national crops is a central part of the work.",
                "Results are to be integrated into the existing extension system rather than creating a parallel service.",
            ),
        ),
        "health": (
            (
                "AI-assisted chest X-ray reading for district hospitals",
                "Piloting AI decision support in primary health care",
            ),
            (
                "Technical assistance and clinical training in AI-assisted medical imaging",
                "AI screening for diabetic retinopathy and tuberculosis",
            ),
            (
                "{actor} wishes to pilot AI-assisted reading of chest X-rays in district hospitals that have imaging equipment but no radiologist.",
                "We need technical support to select, validate and deploy AI screening software, and to train {group} to use it safely.",
            ),
            (
                "{actor} can deploy a team of radiologists and engineers to install AI-assisted imaging software in partner hospitals and validate it on local cases.",
                "We offer AI screening solutions together with clinical training for {group}, under the supervision of national health authorities.",
            ),
            (
                "Validation on local data and calibration of decision thresholds are essential before any routine use.",
                "Use cases of interest include tuberculosis screening, diabetic retinopathy and maternal health risk assessment.",
                "Quality assurance, referral protocols and the protection of patient data are treated as part of the deployment.",
            ),
        ),
        "language_resources": (
            (
                "Speech and text corpora for under-resourced national languages",
                "Research partner for speech recognition in local languages",
            ),
            (
                "Research partnerships on language technology for under-resourced languages",
                "Grants for digitising and processing national languages",
            ),
            (
                "{actor} is seeking a research partner to build speech and text corpora for national languages that have almost no digital resources.",
                "We need help to develop speech recognition and machine translation for our national languages, so that public information reaches citizens who do not read the official language.",
            ),
            (
                "{actor} co-develops speech recognition, text-to-speech and translation models for languages with little digital data, together with local institutions.",
                "We offer research partnerships and small grants to teams building open language resources with {group}.",
            ),
            (
                "Community-based data collection, with informed consent and fair remuneration, is a core principle.",
                "Resulting datasets and models are intended to be released under open licences.",
                "Priority languages include those used in rural radio, health messaging and primary education.",
            ),
        ),
        "safety_testing": (
            (
                "Testing government chatbots before deployment",
                "Evaluation methods for the safety of large language models",
            ),
            (
                "Pre-deployment testing of AI systems for the public sector",
                "Joint development of multilingual AI safety benchmarks",
            ),
            (
                "{actor} plans to launch generative AI assistants for public services and needs support to set up a pre-deployment testing regime.",
                "We are seeking partners to exchange on methods for evaluating the safety of large language models, including in languages other than English.",
            ),
            (
                "{actor} offers independent testing of AI systems before they are deployed in public services: accuracy, bias, robustness and resistance to misuse.",
                "We offer to co-develop open multilingual test suites for assessing the safety of language models, and to train {group} in running them.",
            ),
            (
                "The evaluation covers accuracy on national laws and procedures, behaviour with local language varieties, bias and resistance to jailbreaking.",
                "A reusable checklist and documentation for accountability are expected outcomes.",
                "Mutual recognition of test results between institutes is a longer-term objective.",
            ),
        ),
        "early_warning": (
            (
                "Machine-learning flood forecasting for river basins",
                "Strengthening early warning for droughts and flash floods",
            ),
            (
                "Technical assistance on AI for early warning systems",
                "Course: machine learning for hydrological forecasting",
            ),
            (
                "{actor} wants to extend flood warning lead times from a few hours to one or two days and is interested in machine-learning approaches.",
                "We are seeking technical assistance to integrate rainfall forecasts, station data and satellite observations into an AI-based early warning system, with training for {group}.",
            ),
            (
                "{actor} supports national meteorological and hydrological services in applying machine learning to flood, drought and cyclone early warning.",
                "We offer joint method development and training for {group} on AI-based forecasting with sparse observation networks.",
            ),
            (
                "Gauge records are often short and patchy, so approaches that blend satellite estimates, reanalysis and conventional models are preferred.",
                "Warning messages must reach communities at risk in time and in a language they understand.",
                "The work is aligned with the Early Warnings for All initiative.",
            ),
        ),
        "teacher_literacy": (
            ("AI literacy for school teachers", "Training teachers to use AI tools in the classroom"),
            ("AI literacy course for teachers and teacher trainers", "Open educational resources on AI for schools"),
            (
                "{actor} wishes to introduce AI literacy into the school curriculum and needs a training programme for {group}.",
                "We are seeking a partner to train {group} in the responsible use of generative AI for lesson preparation and assessment.",
            ),
            (
                "{actor} offers a blended AI literacy programme for teachers, aligned with the UNESCO AI competency framework for teachers.",
                "We offer open educational resources and a train-the-trainers course that enable {group} to teach the basics of AI.",
            ),
            (
                "The content addresses what AI is, how it can support teaching and where its limits lie, including bias and academic integrity.",
                "Materials must be usable in schools with limited connectivity and shared devices.",
                "A cascade model, in which national trainers pass the course on, is foreseen.",
            ),
        ),
        "joint_lab": (
            (
                "Joint AI research laboratory with a partner university",
                "Research partnership on AI models for national priorities",
            ),
            (
                "Call for joint research projects in artificial intelligence",
                "Joint laboratory and co-supervision of doctoral students",
            ),
            (
                "{actor} plans to establish a joint AI laboratory with a foreign university and is seeking partners with complementary expertise.",
                "We are seeking research partners to co-develop open AI models that address national priorities and to co-supervise {group}.",
            ),
            (
                "{actor} invites universities from developing countries to set up joint research projects in machine learning, with reciprocal research stays.",
                "We offer to host a joint laboratory, funding our own team's participation and research stays for {group}.",
            ),
            (
                "Partners are expected to contribute local data and research questions, while computing resources can be shared.",
                "Joint publications, open-source code and co-supervised theses are the expected outputs.",
                "The partnership is planned for three to five years, with an annual joint workshop.",
            ),
        ),
        "startup_funding": (
            ("Co-financing and mentoring for AI start-ups", "Seed funding for women-led AI ventures"),
            (
                "Grant and equity support for AI start-ups",
                "Acceleration programme for AI start-ups from developing countries",
            ),
            (
                "{actor} is seeking partners to co-finance pre-seed grants and acceleration programmes for start-ups that develop AI-based solutions.",
                "We are looking for donors or investors willing to fund {group} through grants or honour loans.",
            ),
            (
                "{actor} provides grants and mentoring to {group} that have moved beyond the prototype stage.",
                "We offer an acceleration programme with mentoring, market access support and investor meetings for AI start-ups.",
            ),
            (
                "Support targets companies that address local needs in agriculture, health, finance and public services.",
                "Incubators in the capital and in secondary cities act as intermediaries for the selection and follow-up of companies.",
                "Gender balance among the founders supported is an explicit objective.",
            ),
        ),
        "scholarships": (
            ("Scholarships for master's and doctoral studies in AI", "Training the next generation of AI lecturers"),
            ("Fully funded scholarships in artificial intelligence", "Research fellowships in machine learning"),
            (
                "{actor} wishes to train a new generation of lecturers in artificial intelligence and is seeking scholarships for {group}.",
                "We need fellowship opportunities abroad for {group}, who will return to teach and do research in national universities.",
            ),
            (
                "{actor} is opening applications for fully funded master's and doctoral scholarships in machine learning, computer vision and natural language processing.",
                "We offer research fellowships for {group}, including supervision, access to computing resources and a monthly stipend.",
            ),
            (
                "Fields of interest include machine learning, computer vision, natural language processing and AI for science.",
                "Return to the home institution and continued collaboration after the studies are strongly encouraged.",
                "Tuition, accommodation and travel are among the costs to be covered.",
            ),
        ),
        "green_datacentre": (
            ("Energy-efficient data centre for public AI services", "Powering AI infrastructure with renewable energy"),
            (
                "Technical assistance on green data centres for AI",
                "Energy and cooling advice for AI compute facilities",
            ),
            (
                "{actor} is planning a government data centre to host AI workloads and needs advice on energy efficiency, cooling and renewable power supply.",
                "We are seeking support to assess how the national grid can supply new data centres while protecting electricity access for households.",
            ),
            (
                "{actor} advises on the design of energy-efficient data centres, including cooling technologies, power usage effectiveness and on-site renewables.",
                "We offer technical assistance and co-financing for digital infrastructure that runs on clean energy, for {group}.",
            ),
            (
                "Key questions include power usage effectiveness, cooling in hot climates and the use of solar power or hydropower.",
                "Connectivity, site selection and long-term operating costs are part of the analysis.",
                "Reliable power supply is a prerequisite for any national AI infrastructure.",
            ),
        ),
        "manufacturing": (
            (
                "Training engineers in predictive maintenance and visual inspection",
                "AI for quality control in small manufacturers",
            ),
            (
                "Training programme: AI for predictive maintenance and quality control",
                "Hands-on course on Industry 4.0 and AI for SME technicians",
            ),
            (
                "{actor} intends to train {group} in machine learning for predictive maintenance and in computer vision for quality control.",
                "{actor} is seeking practical training for {group}, as several plants have installed machine-vision equipment that local staff cannot yet operate or maintain.",
            ),
            (
                "{actor} runs a hands-on programme for {group} that combines lectures on vibration and temperature analysis with practical work on computer-vision inspection.",
                "We offer training and technical support to manufacturers that want to introduce sensors, analytics and AI-based quality control.",
            ),
            (
                "Hands-on sessions on real equipment are preferred to theoretical lectures.",
                "Typical use cases include fault prediction on rotating equipment, defect detection and energy optimisation.",
                "Training local instructors matters, so that the skills spread within the industry.",
            ),
        ),
        "justice": (
            ("AI tools for case management in the courts", "Anonymisation and publication of court decisions"),
            ("Support for digital justice and AI in the courts", "Exchange on the use of AI in judicial systems"),
            (
                "{actor} wishes to use AI to anonymise and publish court decisions and to reduce case backlogs, and is seeking technical assistance.",
                "We need advice on introducing AI-assisted case management while guaranteeing judicial independence and the rights of litigants.",
            ),
            (
                "{actor} shares its experience with the automatic pseudonymisation of court decisions and the use of AI for case triage.",
                "We offer technical assistance and peer exchange for {group} on the responsible use of AI in the justice system.",
            ),
            (
                "Any solution must respect fair trial guarantees and leave decisions in the hands of judges.",
                "The digitisation of paper records is a prerequisite and is part of the scope.",
                "Better access to legal information for citizens is an important expected benefit.",
            ),
        ),
        "transport": (
            ("AI-based traffic management for the capital", "Using data and AI to improve road safety"),
            ("Technical assistance on intelligent transport systems", "Joint research on AI for urban mobility"),
            (
                "{actor} is seeking technical assistance to use camera and GPS data to manage congestion and improve public transport services.",
                "We want to use AI to identify high-risk road sections and target road safety investments, and need partners with experience in this field.",
            ),
            (
                "{actor} offers expertise in intelligent transport systems, including traffic signal optimisation and demand forecasting with AI.",
                "We offer joint research and technical support on AI for urban mobility for {group}.",
            ),
            (
                "Data from minibus operators and mobile networks are considered alongside traditional traffic counts.",
                "Road safety, lower emissions and better service in informal transport are the main objectives.",
                "Solutions must be affordable for cities with limited budgets.",
            ),
        ),
        "financial_supervision": (
            ("AI for banking supervision and fraud detection", "Supervisory technology for the central bank"),
            (
                "Technical assistance on suptech and AI in financial supervision",
                "Exchange on AI risks in the financial sector",
            ),
            (
                "{actor} wishes to use machine learning to detect fraud and money-laundering patterns in mobile money transactions, and is seeking technical assistance.",
                "We need support to develop supervisory guidance on the use of AI by banks, in particular for credit scoring.",
            ),
            (
                "{actor} shares its experience with supervisory technology, including machine-learning models that detect anomalies in payment data.",
                "We offer technical assistance and peer exchange for {group} on the risks and supervision of AI in financial services.",
            ),
            (
                "Fairness in credit scoring and the explainability of models are major concerns.",
                "Mobile money and digital lending are growing quickly, and supervisory capacity must keep pace.",
                "Data confidentiality rules must be respected throughout the work.",
            ),
        ),
        "youth_women_skills": (
            ("AI skills programme for young people and women", "Digital and AI literacy for out-of-school youth"),
            ("Coding and AI bootcamps for young women", "Community AI literacy programme"),
            (
                "{actor} is seeking partners to run AI literacy and coding programmes for {group}, with a focus on employability.",
                "We need support to extend our digital skills programme to artificial intelligence and to reach {group} outside the capital.",
            ),
            (
                "{actor} runs intensive bootcamps that introduce {group} to data science and AI, followed by mentoring and internship placements.",
                "We offer a community AI literacy programme delivered through libraries, youth centres and mobile classrooms.",
            ),
            (
                "At least half of the places are intended for women and girls.",
                "Content is adapted to learners with no prior programming experience.",
                "Links with employers and internship opportunities are an important part of the programme.",
            ),
        ),
        "public_services": (
            (
                "Conversational assistant for citizens' access to public services",
                "AI to simplify administrative procedures",
            ),
            (
                "Technical assistance for AI-enabled digital public services",
                "Sharing an open-source platform for government chatbots",
            ),
            (
                "{actor} wishes to develop a conversational assistant that answers citizens' questions about administrative procedures in the national languages.",
                "We are seeking technical support to use AI in the processing of applications and the routing of citizens' requests.",
            ),
            (
                "{actor} shares an open-source platform for government conversational assistants, with support for adapting it to national procedures.",
                "We offer technical assistance to administrations that want to use AI in digital public services, and training for {group}.",
            ),
            (
                "Accessibility for persons with disabilities and for citizens with low literacy is a requirement.",
                "Integration with existing e-government portals and call centres is essential.",
                "Answers must be traceable to official sources, and a human agent must remain available.",
            ),
        ),
        "climate_modelling": (
            ("AI for downscaling climate projections", "Research partnership on AI and climate adaptation"),
            (
                "Joint research on machine learning for climate and water resources",
                "Training on AI methods for climate services",
            ),
            (
                "{actor} needs high-resolution climate projections for adaptation planning and is seeking partners experienced in AI-based downscaling.",
                "We are looking for research partners to apply machine learning to climate and water resource modelling, with co-supervision of {group}.",
            ),
            (
                "{actor} invites partners to joint research on machine learning for climate modelling, including the downscaling of projections and their hydrological impacts.",
                "We offer training and joint projects for {group} on AI methods for climate services.",
            ),
            (
                "Results should feed national adaptation plans and sectoral vulnerability assessments.",
                "Access to historical observation records held by national services is a key contribution of partners.",
                "Open data and open-source tools are favoured, so that results can be reproduced.",
            ),
        ),
    },
    "actors": {
        "gov": (
            "The Ministry of Digital Economy",
            "The Ministry of Communications and Information Technology",
            "The National E-Government Agency",
            "The Public Service Commission",
        ),
        "planning": ("The Ministry of Planning", "The Office of the Prime Minister"),
        "regulator": ("The Data Protection Authority", "The national telecommunications regulator"),
        "stats": ("The National Statistics Office", "The Bureau of Statistics"),
        "research": (
            "The National University",
            "The National Council for Scientific Research",
            "A consortium of public universities",
            "The Institute of Computer Science",
        ),
        "agri": ("The Ministry of Agriculture", "The National Agricultural Research Institute"),
        "health": ("The Ministry of Health", "The National Public Health Institute"),
        "culture": ("The National Language Academy", "The Ministry of Culture"),
        "met": ("The National Meteorological Service", "The Disaster Management Agency"),
        "edu": ("The Ministry of Education", "The National Institute for Teacher Education"),
        "finance": ("The Central Bank", "The Ministry of Finance"),
        "industry": ("The Ministry of Industry", "The National Productivity Centre"),
        "justice": ("The Ministry of Justice", "The Supreme Court"),
        "transport": ("The Ministry of Transport", "The urban transport authority of the capital"),
        "energy": ("The Ministry of Energy", "The national electricity utility"),
        "coop": (
            "The national agency for international cooperation",
            "The development cooperation directorate of the Ministry of Foreign Affairs",
        ),
        "org": ("The organisation", "The secretariat", "Our regional office", "Our organisation"),
        "org_research": ("The university", "Our research institute", "The centre of excellence"),
    },
    "groups": {
        "civil_servants": (
            "mid-level civil servants in line ministries",
            "public officials in central and local government",
            "administrative staff of the national civil service",
        ),
        "senior_officials": (
            "senior officials and heads of department",
            "directors and deputy directors of ministries",
        ),
        "policy_staff": ("members of the national AI task force", "policy officers in the ministries concerned"),
        "data_officers": ("data officers in public institutions", "staff who manage administrative registers"),
        "statisticians": ("statisticians and survey managers", "staff of the national statistical system"),
        "researchers": (
            "lecturers and doctoral students in public universities",
            "young researchers in national universities",
        ),
        "engineers": ("systems engineers and administrators", "the technical staff who will run the infrastructure"),
        "extension_agents": ("agricultural extension officers", "plant protection inspectors and extension staff"),
        "farmers": ("smallholder farmers and their cooperatives", "farmer organisations in rural districts"),
        "health_workers": ("clinicians and radiographers in district hospitals", "primary health care staff"),
        "linguists": ("linguists and language technologists", "researchers working on national languages"),
        "ict_officers": ("ICT officers in government agencies", "teams that build digital public services"),
        "forecasters": (
            "forecasters and hydrologists of the national meteorological service",
            "disaster risk management officers",
        ),
        "teachers": ("primary and secondary school teachers", "teacher trainers in colleges of education"),
        "entrepreneurs": ("early-stage start-ups", "young entrepreneurs developing AI-based products"),
        "students": ("master's and doctoral students", "graduates in computer science and mathematics"),
        "court_staff": ("judges, clerks and court administrators", "staff of the judicial IT service"),
        "transport_planners": ("transport planners and road safety engineers", "staff of urban transport authorities"),
        "supervisors": ("banking and payment system supervisors", "analysts of the financial intelligence unit"),
        "youth": ("young people aged 15 to 24", "out-of-school youth in secondary towns"),
        "women": ("women and girls in technical fields", "women entrepreneurs and professionals"),
        "technicians": (
            "maintenance engineers and factory technicians",
            "technicians in small and medium-sized manufacturers",
        ),
    },
    "modality": {
        "need": {
            "training": (
                "A training component for our staff would be an important part of the cooperation.",
                "We would also welcome a train-the-trainers component so that the effort can be sustained.",
            ),
            "technical_assistance": (
                "We also need expert advice during implementation, including short missions.",
                "Hands-on technical assistance from experienced practitioners is particularly welcome.",
            ),
            "policy_exchange": (
                "We would value exchanges with countries that have faced similar challenges, including a short study visit.",
                "Peer exchange on policy and regulatory choices would help us avoid costly mistakes.",
            ),
            "financial_support": (
                "Co-financing of equipment and local costs would make the difference for this initiative.",
                "We are also looking for funding to cover equipment and the first years of operation.",
            ),
            "joint_research": (
                "We are open to joint research and co-authored publications.",
                "A research partnership, with joint supervision of young researchers, would be welcome.",
            ),
        },
        "offer": {
            "training": (
                "The offer can include training for counterpart staff.",
                "Training sessions for local teams are included.",
            ),
            "technical_assistance": (
                "Experts are available for in-country missions and remote follow-up.",
                "Our specialists can provide hands-on technical support during implementation.",
            ),
            "policy_exchange": (
                "Study visits and peer exchanges with our officials can be arranged.",
                "We also facilitate policy dialogue between peer institutions.",
            ),
            "financial_support": (
                "Part of the costs can be covered by a grant.",
                "Funding is available for equipment and local operating costs.",
            ),
            "joint_research": (
                "Joint publications and the co-supervision of students are encouraged.",
                "Joint research projects can be set up with partner institutions.",
            ),
        },
    },
    "format": {
        "need": {
            "online": (
                "Activities can take place entirely online.",
                "We prefer a remote format, as travel budgets are limited.",
            ),
            "in_person": ("We prefer in-person sessions {place}.", "Activities should take place in person {place}."),
            "hybrid": (
                "We favour a mix of remote work and in-person sessions {place}.",
                "A hybrid format, combining online modules with a short mission {place}, would suit us best.",
            ),
        },
        "offer": {
            "online": (
                "Delivery is entirely online.",
                "All sessions take place online, and recordings remain available afterwards.",
            ),
            "in_person": ("Activities take place in person {place}.", "Participants attend in person {place}."),
            "hybrid": (
                "The format combines online modules with an in-person component {place}.",
                "Work is done remotely, with missions and workshops {place}.",
            ),
        },
    },
    "places": {
        "need": (
            "in the capital",
            "in two pilot provinces",
            "at our training centre",
            "in three pilot districts",
            "in the capital and one secondary city",
            "on the campus of the national university",
        ),
        "offer": (
            "at our headquarters",
            "at our regional training centre",
            "at our training institute",
            "in the partner country",
            "in the partner country or at our premises",
            "at a partner university in the region",
        ),
    },
    "period": {
        "need": (
            "The work would take place between {start} and {end}.",
            "We would like to start in {start} and finish by {end}.",
            "The desired period runs from {start} to {end}.",
        ),
        "offer": (
            "The offer is available from {start} to {end}.",
            "Activities run between {start} and {end}.",
            "Applications are accepted for activities between {start} and {end}.",
        ),
    },
    "capacity": {
        "need": {
            "seats": ("About {n} people would take part.", "We expect around {n} participants."),
            "expert_days": (
                "We estimate the need at about {n} expert days.",
                "The support required amounts to roughly {n} expert days.",
            ),
            "amount": ("The estimated funding need is {amount}.", "We are seeking about {amount}."),
        },
        "offer": {
            "seats": ("Up to {n} places are available.", "Each cohort has {n} places."),
            "expert_days": ("Up to {n} expert days are available.", "The offer covers up to {n} days of expert time."),
            "amount": ("The total envelope is {amount}.", "Grants of up to {amount} are available."),
        },
    },
    "languages": {
        "need_one": ("We work in {and}.", "Our team works only in {and}."),
        "need_many": ("Working languages: {and}.", "We can work in {or}."),
        "offer_one": ("The offer is delivered in {and}.", "Delivery is in {and} only."),
        "offer_many": ("Delivered in {and}.", "Sessions are offered in {and}."),
    },
    "eligibility": {
        "regions": ("Open to institutions based in {regions}.", "This offer is reserved for countries in {regions}."),
        "groups": ("Priority is given to applicants from {groups}.", "Eligible applicants come from {groups}."),
    },
    "closing": {
        "need": (
            "We are open to South-South and triangular cooperation.",
            "Partners with experience in comparable contexts are particularly welcome.",
            "Our institution can cover local logistics and provide counterpart staff.",
            "A short concept note can be shared on request.",
        ),
        "offer": (
            "Interested members are invited to submit a short expression of interest.",
            "Requests are reviewed on a rolling basis.",
            "The offer is part of our South-South cooperation programme.",
            "Past partners include ministries and universities in several regions.",
        ),
    },
    "language_names": {
        "ar": "Arabic",
        "zh": "Chinese",
        "en": "English",
        "fr": "French",
        "ru": "Russian",
        "es": "Spanish",
    },
    "region_names": {
        "002": "Africa",
        "015": "Northern Africa",
        "202": "sub-Saharan Africa",
        "019": "the Americas",
        "419": "Latin America and the Caribbean",
        "142": "Asia",
        "143": "Central Asia",
        "145": "Western Asia",
        "035": "South-eastern Asia",
        "150": "Europe",
        "009": "Oceania",
    },
    "group_names": {
        "LDC": "least developed countries",
        "LLDC": "landlocked developing countries",
        "SIDS": "small island developing States",
        "G77": "Group of 77 countries",
    },
    "months": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "currency_names": {},
}

_FR = {
    "topics": {
        "civil_service_ai": (
            (
                "Former les agents de l'administration aux usages de l'IA",
                "Renforcer les compétences en IA de la fonction publique",
            ),
            (
                "Parcours de formation « L'IA au service de l'action publique »",
                "Formation à l'usage responsable de l'IA dans l'administration",
            ),
            (
                "{actor} souhaite organiser un cycle de formation sur l'intelligence artificielle pour {group}.",
                "Nous recherchons un partenaire capable de former {group} à l'IA, alors que beaucoup utilisent déjà des outils génératifs sans aucun cadre.",
            ),
            (
                "{actor} propose un parcours de formation structuré sur l'intelligence artificielle pour {group}, fondé sur son expérience auprès de nombreuses administrations.",
                "Nous proposons une formation à l'usage responsable de l'IA dans le travail administratif, conçue pour {group}.",
            ),
            (
                "Le programme porte sur les notions de base de l'apprentissage automatique, l'IA générative pour la rédaction et la synthèse de documents, et la protection des données personnelles.",
                "Les exercices pratiques s'appuient sur des tâches administratives réelles : traitement du courrier, instruction des demandes, réponses aux usagers.",
                "Un module de formation de formateurs permettra à l'école nationale d'administration de poursuivre les sessions de manière autonome.",
            ),
        ),
        "strategy": (
            (
                "Révision de la stratégie nationale d'intelligence artificielle",
                "Appui à l'élaboration d'une première stratégie nationale d'IA",
            ),
            (
                "Accompagnement des gouvernements dans l'élaboration de leur stratégie d'IA",
                "Échanges entre pairs sur la mise en œuvre des stratégies nationales d'IA",
            ),
            (
                "{actor} engage la révision de la stratégie nationale d'intelligence artificielle, deux ans après son adoption, et souhaite s'inspirer de pays plus avancés dans sa mise en œuvre.",
                "Nous sollicitons un appui technique pour élaborer notre première stratégie nationale d'IA, à partir d'un diagnostic de maturité et d'une large concertation.",
            ),
            (
                "{actor} accompagne les gouvernements qui élaborent ou actualisent leur stratégie d'IA, du diagnostic de maturité jusqu'au plan d'action chiffré.",
                "Nous proposons des échanges entre pairs et une expertise sur les stratégies nationales d'IA, fondés sur notre propre expérience de conception et de suivi.",
            ),
            (
                "Les questions prioritaires portent sur le pilotage institutionnel, la coordination interministérielle et un dispositif de suivi doté d'indicateurs mesurables.",
                "La concertation avec les universités, le secteur privé et la société civile constitue un volet essentiel de la démarche.",
                "Les voyages d'étude et les échanges à distance avec des responsables ayant conduit des processus similaires sont particulièrement appréciés.",
            ),
        ),
        "regulation": (
            (
                "Élaboration d'un cadre juridique de l'intelligence artificielle",
                "Échanges sur la régulation et l'éthique de l'IA",
            ),
            (
                "Partage d'expérience sur la régulation de l'IA fondée sur les risques",
                "Appui à la mise en place d'une instance d'éthique de l'IA",
            ),
            (
                "{actor} prépare un avant-projet de loi sur l'intelligence artificielle et souhaite tirer parti de l'expérience des pays qui ont adopté une approche fondée sur les risques.",
                "Nous avons besoin d'un accompagnement pour traduire la Recommandation de l'UNESCO sur l'éthique de l'IA en lignes directrices nationales et en mécanisme de contrôle.",
            ),
            (
                "{actor} partage son expérience réglementaire avec les pays qui élaborent une législation sur l'IA : classification des risques, évaluation de la conformité, contrôle.",
                "Nous proposons un dialogue sur les politiques publiques et un appui à la rédaction juridique en matière d'éthique et de régulation de l'IA, pour {group}.",
            ),
            (
                "Les points à traiter comprennent la qualification des usages à haut risque, les obligations de transparence et le rôle des autorités de protection des données.",
                "Une étude comparée des législations récentes et un atelier avec les services du Parlement sont envisagés.",
                "Une attention particulière est portée à la commande publique de systèmes d'IA et aux voies de recours des citoyens.",
            ),
        ),
        "data_governance": (
            (
                "Cadre de gouvernance des données pour l'échange sécurisé entre administrations",
                "Politique et plateforme de données ouvertes",
            ),
            (
                "Assistance technique en gouvernance des données et données ouvertes",
                "Conventions d'échange de données et techniques de protection de la vie privée",
            ),
            (
                "{actor} doit se doter d'un cadre de gouvernance des données permettant aux ministères d'échanger leurs fichiers administratifs en toute sécurité, dans le respect de la loi sur les données personnelles.",
                "Nous recherchons une assistance technique pour réviser notre politique de données ouvertes et publier des jeux de données à forte valeur dans des formats exploitables.",
            ),
            (
                "{actor} accompagne les institutions publiques dans la mise en place de cadres de gouvernance des données, de conventions d'échange et de portails de données ouvertes.",
                "Nous proposons un appui concret en gestion des données pour {group}, de l'inventaire des sources à une publication respectueuse de la vie privée.",
            ),
            (
                "Les thèmes clés sont l'inventaire des données, les conventions d'échange, les normes de métadonnées et le rôle des administrateurs de données.",
                "Les techniques de protection de la vie privée, comme l'anonymisation, la confidentialité différentielle ou les données synthétiques, présentent un intérêt particulier.",
                "L'objectif est de rendre les données publiques exploitables par des applications d'IA tout en préservant la confiance des citoyens.",
            ),
        ),
        "statistics": (
            (
                "Apprentissage automatique pour le codage des enquêtes auprès des ménages",
                "Moderniser la statistique publique grâce à l'IA et aux nouvelles sources",
            ),
            (
                "L'apprentissage automatique au service des instituts nationaux de statistique",
                "Formation aux mégadonnées et à l'IA pour la statistique officielle",
            ),
            (
                "{actor} code encore manuellement des centaines de milliers de réponses sur la profession et l'activité économique, et souhaite introduire des modèles d'apprentissage automatique pour automatiser ce travail.",
                "Nous recherchons un appui méthodologique pour exploiter l'imagerie satellitaire, les données de téléphonie mobile et l'apprentissage automatique dans la production statistique.",
            ),
            (
                "{actor} aide les instituts nationaux de statistique à recourir à l'apprentissage automatique pour le codage, l'appariement d'enregistrements, l'imputation et la prévision immédiate.",
                "Nous proposons formation et assistance technique pour {group} sur l'intégration de nouvelles sources de données et de méthodes d'IA dans la production statistique.",
            ),
            (
                "Les applications visées comprennent le codage selon les nomenclatures CITP et CITI, les estimations sur petits domaines et l'évaluation de la qualité des sources administratives.",
                "Les méthodes doivent rester transparentes et documentées afin de pouvoir être expliquées aux utilisateurs de la statistique publique.",
                "Une étroite collaboration avec le service informatique est prévue pour que les modèles puissent être maintenus après le projet.",
            ),
        ),
        "compute_access": (
            (
                "Accès à des ressources de calcul GPU pour la recherche universitaire en IA",
                "Crédits de calcul infonuagique pour la recherche publique",
            ),
            (
                "Heures de calcul GPU pour les établissements publics de recherche",
                "Allocations de calcul pour l'entraînement et l'adaptation de modèles d'IA",
            ),
            (
                "{actor} a besoin d'un accès durable à des ressources de calcul GPU pour entraîner et adapter des modèles, ses chercheurs ne disposant aujourd'hui que de quelques cartes graphiques grand public.",
                "Nous recherchons des ressources de calcul, de l'ordre de plusieurs dizaines de milliers d'heures GPU, pour {group} qui travaillent sur des modèles en langues locales et des applications de l'IA.",
            ),
            (
                "{actor} met à la disposition des universités et des organismes publics de recherche du temps de calcul GPU pour l'entraînement de modèles d'IA et le calcul scientifique.",
                "Nous proposons des allocations sur notre grappe de calcul, accompagnées d'une documentation technique et d'un support aux utilisateurs, pour {group}.",
            ),
            (
                "Les allocations sont attribuées sur la base d'un court projet de recherche, en priorité aux travaux qui publient des modèles ou des données ouverts.",
                "Un accompagnement sur l'ordonnancement des tâches, les conteneurs et l'usage efficace de la mémoire GPU est un complément important.",
                "Les usages types sont l'adaptation de modèles de langue, l'analyse d'images satellitaires et les simulations climatiques.",
            ),
        ),
        "hpc_centre": (
            (
                "Étude de faisabilité d'un centre national de calcul haute performance",
                "Conception d'une infrastructure de calcul mutualisée pour l'État et les universités",
            ),
            (
                "Conseil pour les centres nationaux de calcul intensif dédiés à l'IA",
                "Résidences pour ingénieurs HPC et appui à la planification des infrastructures",
            ),
            (
                "{actor} prévoit de créer un centre national de calcul pour l'entraînement et l'exploitation de modèles d'IA au profit des administrations et des universités, et sollicite une assistance technique pour l'étude de faisabilité.",
                "Nous avons besoin d'une expertise pour dimensionner et acquérir une grappe GPU qui servira {group} dans l'ensemble du pays.",
            ),
            (
                "{actor} accompagne les pays qui planifient leur première infrastructure de calcul pour l'IA, de l'évaluation des besoins jusqu'au cahier des charges pour les achats.",
                "Nous proposons des services de conseil et des résidences d'ingénieurs sur notre supercalculateur pour les équipes qui préparent un centre de calcul national.",
            ),
            (
                "L'étude couvre la demande des utilisateurs, l'architecture de calcul et de stockage, l'alimentation électrique, le refroidissement et le modèle d'exploitation.",
                "L'efficacité énergétique et le recours aux énergies renouvelables sont des critères déterminants.",
                "La formation des ingénieurs qui exploiteront le système fait partie intégrante du projet.",
            ),
        ),
        "agriculture": (
            (
                "Détection précoce des ravageurs et maladies des cultures par téléphone mobile",
                "Estimation des rendements par IA et conseil agricole aux petits producteurs",
            ),
            (
                "Assistance technique pour la surveillance des ravageurs assistée par IA",
                "Outils numériques de conseil agricole fondés sur l'IA",
            ),
            (
                "{actor} sollicite une assistance technique pour développer une application mobile permettant d'identifier les ravageurs et les maladies des cultures à partir de photographies, pour {group}.",
                "Nous souhaitons, pour {group}, combiner imagerie satellitaire et données de terrain afin d'estimer les rendements et de diffuser des conseils en temps utile ; nous recherchons des partenaires à cet effet.",
            ),
            (
                "{actor} aide les services de protection des végétaux et de vulgarisation à adopter le diagnostic des ravageurs par smartphone, avec des modèles hors ligne réentraînés sur des images locales.",
                "Nous proposons notre expérience des services de conseil agricole fondés sur l'IA, y compris les protocoles de collecte de données et un programme de formation pour {group}.",
            ),
            (
                "Les outils doivent fonctionner hors connexion dans les zones mal couvertes et dans les langues parlées par les producteurs.",
                "La constitution d'une banque d'images annotées pour les principales cultures du pays est au cœur du travail.",
                "Les résultats ont vocation à s'intégrer au dispositif de vulgarisation existant plutôt qu'à créer un service parallèle.",
            ),
        ),
        "health": (
            (
                "Lecture assistée par IA des radiographies thoraciques dans les hôpitaux de district",
                "Aide à la décision clinique par IA en soins de santé primaires",
            ),
            (
                "Assistance technique et formation clinique en imagerie médicale assistée par IA",
                "Dépistage par IA de la rétinopathie diabétique et de la tuberculose",
            ),
            (
                "{actor} souhaite piloter une solution de lecture des radiographies thoraciques assistée par IA dans des hôpitaux de district qui disposent d'un appareil de radiographie mais d'aucun radiologue.",
                "Nous avons besoin d'un appui technique pour choisir, valider et déployer un logiciel de dépistage par IA, et pour former {group} à son utilisation.",
            ),
            (
                "{actor} peut dépêcher une équipe de radiologues et d'ingénieurs pour installer des logiciels d'imagerie assistée par IA dans les hôpitaux partenaires et les valider sur des cas locaux.",
                "Nous proposons des solutions de dépistage par IA assorties d'une formation clinique pour {group}, sous la supervision des autorités sanitaires nationales.",
            ),
            (
                "La validation sur des données locales et l'étalonnage des seuils de décision sont indispensables avant tout usage en routine.",
                "Les cas d'usage envisagés comprennent le dépistage de la tuberculose, la rétinopathie diabétique et l'évaluation des risques en santé maternelle.",
                "L'assurance qualité, les protocoles de référence et la protection des données des patients font partie intégrante du déploiement.",
            ),
        ),
        "language_resources": (
            (
                "Corpus oraux et écrits pour des langues nationales peu dotées",
                "Partenaire de recherche pour la reconnaissance vocale en langues locales",
            ),
            (
                "Partenariats de recherche sur les technologies des langues peu dotées",
                "Appel à projets : numérisation et valorisation des langues nationales",
            ),
            (
                "{actor} recherche un partenaire scientifique pour constituer des corpus oraux et écrits dans des langues nationales qui ne disposent presque d'aucune ressource numérique.",
                "Nous avons besoin d'aide pour développer la reconnaissance vocale et la traduction automatique dans nos langues nationales, afin que l'information publique atteigne les citoyens qui ne lisent pas la langue officielle.",
            ),
            (
                "{actor} co-construit, avec des institutions locales, des modèles de reconnaissance et de synthèse vocales et de traduction pour des langues disposant de peu de données numériques.",
                "Nous proposons des partenariats de recherche et de petites subventions pour les équipes qui constituent des ressources linguistiques ouvertes avec {group}.",
            ),
            (
                "La collecte communautaire des données, avec consentement éclairé et juste rémunération, est un principe fondamental.",
                "Les corpus et modèles produits ont vocation à être publiés sous licence ouverte.",
                "Les langues prioritaires sont celles des radios rurales, des messages de santé et de l'enseignement primaire.",
            ),
        ),
        "safety_testing": (
            (
                "Tester les agents conversationnels publics avant leur mise en service",
                "Méthodes d'évaluation de la sûreté des grands modèles de langage",
            ),
            (
                "Évaluation des systèmes d'IA du secteur public avant leur déploiement",
                "Co-construction de bancs d'essai multilingues pour la sûreté de l'IA",
            ),
            (
                "{actor} prévoit de lancer des assistants d'IA générative pour les services publics et a besoin d'un appui pour mettre en place un protocole d'essais préalable au déploiement.",
                "Nous recherchons des partenaires pour échanger sur les méthodes d'évaluation de la sûreté des grands modèles de langage, y compris dans des langues autres que l'anglais.",
            ),
            (
                "{actor} propose des évaluations indépendantes des systèmes d'IA avant leur déploiement dans les services publics : exactitude, biais, robustesse et résistance aux usages malveillants.",
                "Nous proposons de co-construire des jeux de tests multilingues ouverts pour évaluer la sûreté des modèles de langage, et de former {group} à leur utilisation.",
            ),
            (
                "L'évaluation porte sur l'exactitude au regard des textes et procédures nationaux, le comportement face aux variétés linguistiques locales, les biais et la résistance au contournement.",
                "Une grille de vérification réutilisable et une documentation permettant de rendre des comptes sont les résultats attendus.",
                "La reconnaissance mutuelle des résultats d'essais entre instituts est un objectif à plus long terme.",
            ),
        ),
        "early_warning": (
            (
                "Prévision des crues par apprentissage automatique",
                "Renforcer l'alerte précoce aux sécheresses et aux crues éclair",
            ),
            (
                "Assistance technique sur l'IA pour les systèmes d'alerte précoce",
                "Cours : apprentissage automatique pour la prévision hydrologique",
            ),
            (
                "{actor} souhaite porter le délai d'alerte aux crues de quelques heures à un ou deux jours et s'intéresse aux approches fondées sur l'apprentissage automatique.",
                "Nous recherchons une assistance technique, ainsi qu'une formation pour {group}, afin d'intégrer prévisions de pluie, données des stations et observations satellitaires dans un système d'alerte précoce.",
            ),
            (
                "{actor} aide les services météorologiques et hydrologiques nationaux à appliquer l'apprentissage automatique à l'alerte précoce aux crues, aux sécheresses et aux cyclones.",
                "Nous proposons un développement méthodologique conjoint et une formation pour {group} sur la prévision par IA avec des réseaux d'observation clairsemés.",
            ),
            (
                "Les séries limnimétriques étant souvent courtes et lacunaires, les approches combinant estimations satellitaires, réanalyses et modèles classiques sont privilégiées.",
                "Les messages d'alerte doivent parvenir à temps aux communautés exposées, dans une langue qu'elles comprennent.",
                "Le travail s'inscrit dans l'initiative « Alertes précoces pour tous ».",
            ),
        ),
        "teacher_literacy": (
            ("Littératie en IA pour les enseignants", "Former les enseignants à l'usage des outils d'IA en classe"),
            (
                "Formation à l'IA pour les enseignants et les formateurs d'enseignants",
                "Ressources éducatives libres sur l'IA pour les écoles",
            ),
            (
                "{actor} souhaite introduire l'initiation à l'IA dans les programmes scolaires et a besoin d'un dispositif de formation pour {group}.",
                "Nous recherchons un partenaire pour former {group} à l'usage responsable de l'IA générative dans la préparation des cours et l'évaluation.",
            ),
            (
                "{actor} propose un programme hybride de littératie en IA pour les enseignants, aligné sur le référentiel de compétences en IA de l'UNESCO pour les enseignants.",
                "Nous proposons des ressources éducatives libres et une formation de formateurs pour que {group} puissent enseigner les bases de l'IA.",
            ),
            (
                "Les contenus abordent ce qu'est l'IA, la manière dont elle peut soutenir l'enseignement et ses limites, notamment les biais et l'intégrité académique.",
                "Les supports doivent être adaptés aux écoles disposant d'une connectivité limitée et d'équipements partagés.",
                "Un modèle en cascade, dans lequel des formateurs nationaux démultiplient la formation, est envisagé.",
            ),
        ),
        "joint_lab": (
            (
                "Laboratoire conjoint de recherche en IA avec une université partenaire",
                "Partenariat de recherche sur des modèles d'IA adaptés aux priorités nationales",
            ),
            (
                "Appel à projets de recherche conjoints en intelligence artificielle",
                "Laboratoire international associé et cotutelles de thèse",
            ),
            (
                "{actor} envisage de créer un laboratoire conjoint en IA avec une université étrangère et recherche des partenaires aux compétences complémentaires.",
                "Nous recherchons des partenaires scientifiques pour développer ensemble des modèles d'IA ouverts répondant aux priorités nationales et pour co-encadrer {group}.",
            ),
            (
                "{actor} invite les universités des pays en développement à monter des projets de recherche conjoints en apprentissage automatique, avec des séjours de recherche croisés.",
                "Nous proposons d'accueillir un laboratoire conjoint, en finançant la participation de notre équipe ainsi que des séjours de recherche pour {group}.",
            ),
            (
                "Les partenaires apportent leurs données et leurs questions de recherche, tandis que les ressources de calcul peuvent être mutualisées.",
                "Les résultats attendus sont des publications conjointes, du code ouvert et des thèses en cotutelle.",
                "Le partenariat est prévu sur trois à cinq ans, avec un atelier conjoint chaque année.",
            ),
        ),
        "startup_funding": (
            (
                "Cofinancement et accompagnement des jeunes pousses de l'IA",
                "Financer les start-up de l'IA portées par des femmes",
            ),
            (
                "Subventions et prises de participation pour les start-up de l'IA",
                "Programme d'accélération pour les start-up de l'IA des pays en développement",
            ),
            (
                "{actor} recherche des partenaires pour cofinancer des subventions d'amorçage et des programmes d'accélération destinés aux start-up qui développent des solutions fondées sur l'IA.",
                "Nous cherchons des bailleurs ou des investisseurs prêts à financer, par subventions ou prêts d'honneur, {group}.",
            ),
            (
                "{actor} soutient par des subventions et du mentorat {group}, dès lors qu'un prototype existe.",
                "Nous proposons un programme d'accélération comprenant mentorat, accès aux marchés et rencontres avec des investisseurs pour les start-up de l'IA.",
            ),
            (
                "Le soutien vise les entreprises qui répondent à des besoins locaux dans l'agriculture, la santé, la finance et les services publics.",
                "Les incubateurs de la capitale et des villes secondaires servent de relais pour la sélection et le suivi des entreprises.",
                "La parité parmi les fondateurs accompagnés est un objectif explicite.",
            ),
        ),
        "scholarships": (
            (
                "Bourses de master et de doctorat en intelligence artificielle",
                "Former la prochaine génération d'enseignants-chercheurs en IA",
            ),
            (
                "Bourses d'études entièrement financées en intelligence artificielle",
                "Bourses de recherche en apprentissage automatique",
            ),
            (
                "{actor} souhaite former une nouvelle génération d'enseignants-chercheurs en intelligence artificielle et recherche des bourses pour {group}.",
                "Nous avons besoin de possibilités de bourses à l'étranger pour {group}, qui reviendront enseigner et faire de la recherche dans les universités nationales.",
            ),
            (
                "{actor} ouvre les candidatures à ses bourses de master et de doctorat entièrement financées en apprentissage automatique, vision par ordinateur et traitement automatique des langues.",
                "Nous proposons des bourses de recherche pour {group}, avec encadrement, accès aux ressources de calcul et allocation mensuelle.",
            ),
            (
                "Les domaines visés sont l'apprentissage automatique, la vision par ordinateur, le traitement automatique des langues et l'IA pour les sciences.",
                "Le retour dans l'établissement d'origine et la poursuite de la collaboration après les études sont vivement encouragés.",
                "Les frais de scolarité, l'hébergement et le voyage figurent parmi les coûts à couvrir.",
            ),
        ),
        "green_datacentre": (
            (
                "Centre de données économe en énergie pour les services publics d'IA",
                "Alimenter les infrastructures d'IA en énergies renouvelables",
            ),
            (
                "Assistance technique sur les centres de données verts",
                "Conseil en énergie et refroidissement pour les infrastructures de calcul",
            ),
            (
                "{actor} prévoit un centre de données gouvernemental destiné aux traitements d'IA et a besoin de conseils sur l'efficacité énergétique, le refroidissement et l'approvisionnement en électricité renouvelable.",
                "Nous recherchons un appui pour évaluer comment le réseau national peut alimenter de nouveaux centres de données sans compromettre l'accès des ménages à l'électricité.",
            ),
            (
                "{actor} conseille sur la conception de centres de données économes en énergie : technologies de refroidissement, indicateur d'efficacité énergétique et production renouvelable sur site.",
                "Nous proposons une assistance technique et un cofinancement pour des infrastructures numériques alimentées par une énergie propre, pour {group}.",
            ),
            (
                "Les questions clés portent sur l'efficacité énergétique, le refroidissement en climat chaud et le recours au solaire ou à l'hydroélectricité.",
                "La connectivité, le choix du site et les coûts d'exploitation à long terme font partie de l'analyse.",
                "Un approvisionnement électrique fiable est une condition préalable à toute infrastructure nationale d'IA.",
            ),
        ),
        "manufacturing": (
            (
                "Former les ingénieurs à la maintenance prédictive et à l'inspection visuelle",
                "L'IA pour le contrôle qualité dans les petites industries",
            ),
            (
                "Formation : IA pour la maintenance prédictive et le contrôle qualité",
                "Formation pratique à l'industrie 4.0 et à l'IA pour les techniciens de PME",
            ),
            (
                "{actor} entend former {group} à l'apprentissage automatique pour la maintenance prédictive et à la vision par ordinateur pour le contrôle qualité.",
                "{actor} recherche une formation pratique pour {group}, car plusieurs usines ont installé des équipements de vision industrielle que le personnel local ne sait pas encore exploiter.",
            ),
            (
                "{actor} organise un programme pratique pour {group} associant des cours sur l'analyse des vibrations et des températures à des travaux pratiques d'inspection par vision par ordinateur.",
                "Nous proposons formation et appui technique aux industriels qui souhaitent introduire capteurs, analyse de données et contrôle qualité par IA.",
            ),
            (
                "Les séances pratiques sur des équipements réels sont préférées aux cours théoriques.",
                "Les cas d'usage types sont la prévision des pannes des machines tournantes, la détection des défauts et l'optimisation énergétique.",
                "La formation de formateurs locaux est importante pour diffuser les compétences dans le secteur.",
            ),
        ),
        "justice": (
            (
                "Outils d'IA pour la gestion des affaires judiciaires",
                "Pseudonymisation et publication des décisions de justice",
            ),
            (
                "Appui à la justice numérique et à l'IA dans les juridictions",
                "Échanges sur l'usage de l'IA dans les systèmes judiciaires",
            ),
            (
                "{actor} souhaite recourir à l'IA pour pseudonymiser et publier les décisions de justice et réduire les stocks d'affaires, et sollicite une assistance technique.",
                "Nous avons besoin de conseils pour introduire une gestion des affaires assistée par l'IA tout en garantissant l'indépendance des juges et les droits des justiciables.",
            ),
            (
                "{actor} partage son expérience de la pseudonymisation automatique des décisions de justice et de l'usage de l'IA pour l'orientation des affaires.",
                "Nous proposons une assistance technique et des échanges entre pairs pour {group} sur l'usage responsable de l'IA dans la justice.",
            ),
            (
                "Toute solution doit respecter les garanties du procès équitable et laisser la décision entre les mains du juge.",
                "La numérisation des dossiers papier est un préalable et fait partie du périmètre.",
                "L'amélioration de l'accès des citoyens à l'information juridique est un bénéfice attendu important.",
            ),
        ),
        "transport": (
            ("Gestion du trafic par IA dans la capitale", "Données et IA au service de la sécurité routière"),
            (
                "Assistance technique sur les systèmes de transport intelligents",
                "Recherche conjointe sur l'IA pour la mobilité urbaine",
            ),
            (
                "{actor} recherche une assistance technique pour exploiter les données des caméras et des GPS afin de réguler la circulation et d'améliorer les transports en commun.",
                "Nous souhaitons utiliser l'IA pour repérer les tronçons routiers les plus dangereux et mieux cibler les investissements de sécurité routière, et recherchons des partenaires expérimentés.",
            ),
            (
                "{actor} met à disposition son expertise en systèmes de transport intelligents, notamment l'optimisation des feux et la prévision de la demande par IA.",
                "Nous proposons une recherche conjointe et un appui technique sur l'IA pour la mobilité urbaine, pour {group}.",
            ),
            (
                "Les données des opérateurs de minibus et de la téléphonie mobile sont envisagées en complément des comptages classiques.",
                "La sécurité routière, la réduction des émissions et l'amélioration du transport artisanal sont les principaux objectifs.",
                "Les solutions doivent rester abordables pour des villes aux budgets limités.",
            ),
        ),
        "financial_supervision": (
            (
                "L'IA au service de la supervision bancaire et de la détection des fraudes",
                "Technologies de supervision pour la banque centrale",
            ),
            (
                "Assistance technique en suptech et IA pour la supervision financière",
                "Échanges sur les risques de l'IA dans le secteur financier",
            ),
            (
                "{actor} souhaite utiliser l'apprentissage automatique pour détecter les fraudes et le blanchiment dans les transactions de monnaie mobile, et sollicite une assistance technique.",
                "Nous avons besoin d'un appui pour élaborer des lignes directrices prudentielles sur l'usage de l'IA par les banques, notamment pour la notation de crédit.",
            ),
            (
                "{actor} partage son expérience des technologies de supervision, notamment des modèles d'apprentissage automatique pour la détection d'anomalies dans les données de paiement.",
                "Nous proposons une assistance technique et des échanges entre pairs pour {group} sur les risques et la supervision de l'IA dans les services financiers.",
            ),
            (
                "L'équité de la notation de crédit et l'explicabilité des modèles sont des préoccupations majeures.",
                "La monnaie mobile et le crédit numérique progressent rapidement, et les capacités de supervision doivent suivre.",
                "Les règles de confidentialité des données doivent être respectées tout au long des travaux.",
            ),
        ),
        "youth_women_skills": (
            (
                "Programme de compétences en IA pour les jeunes et les femmes",
                "Initiation au numérique et à l'IA pour les jeunes déscolarisés",
            ),
            (
                "Formations intensives au code et à l'IA pour les jeunes femmes",
                "Programme communautaire d'initiation à l'IA",
            ),
            (
                "{actor} recherche des partenaires pour organiser des programmes d'initiation à l'IA et au code pour {group}, avec un accent sur l'employabilité.",
                "Nous avons besoin d'un appui pour étendre notre programme de compétences numériques à l'intelligence artificielle et toucher {group} hors de la capitale.",
            ),
            (
                "{actor} organise des formations intensives qui initient {group} à la science des données et à l'IA, suivies d'un mentorat et de stages.",
                "Nous proposons un programme communautaire d'initiation à l'IA, dispensé dans des bibliothèques, des maisons des jeunes et des salles de classe mobiles.",
            ),
            (
                "La moitié au moins des places est réservée aux femmes et aux filles.",
                "Les contenus sont adaptés à des apprenants sans expérience préalable de la programmation.",
                "Les liens avec les employeurs et les possibilités de stage sont un élément important du programme.",
            ),
        ),
        "public_services": (
            (
                "Assistant conversationnel pour l'accès des usagers aux services publics",
                "L'IA pour simplifier les démarches administratives",
            ),
            (
                "Assistance technique pour des services publics numériques fondés sur l'IA",
                "Mise à disposition d'une plateforme libre d'assistants conversationnels publics",
            ),
            (
                "{actor} souhaite développer un assistant conversationnel répondant aux questions des usagers sur les démarches administratives, dans les langues nationales.",
                "Nous recherchons un appui technique pour utiliser l'IA dans l'instruction des demandes et l'orientation des requêtes des citoyens.",
            ),
            (
                "{actor} partage une plateforme libre d'assistants conversationnels pour les administrations, avec un accompagnement pour l'adapter aux procédures nationales.",
                "Nous proposons une assistance technique aux administrations qui souhaitent recourir à l'IA dans les services publics numériques, ainsi qu'une formation pour {group}.",
            ),
            (
                "L'accessibilité pour les personnes handicapées et pour les usagers peu alphabétisés est une exigence.",
                "L'intégration avec les portails d'administration en ligne et les centres d'appel existants est indispensable.",
                "Les réponses doivent pouvoir être rattachées à des sources officielles, et un agent humain doit rester joignable.",
            ),
        ),
        "climate_modelling": (
            (
                "L'IA pour la descente d'échelle des projections climatiques",
                "Partenariat de recherche sur l'IA et l'adaptation au changement climatique",
            ),
            (
                "Recherche conjointe sur l'apprentissage automatique pour le climat et les ressources en eau",
                "Formation aux méthodes d'IA pour les services climatologiques",
            ),
            (
                "{actor} a besoin de projections climatiques à haute résolution pour la planification de l'adaptation et recherche des partenaires maîtrisant la descente d'échelle par IA.",
                "Nous recherchons des partenaires scientifiques pour appliquer l'apprentissage automatique à la modélisation du climat et des ressources en eau, et pour co-encadrer {group}.",
            ),
            (
                "{actor} invite des partenaires à des recherches conjointes sur l'apprentissage automatique appliqué à la modélisation du climat, y compris la descente d'échelle des projections et leurs impacts hydrologiques.",
                "Nous proposons des formations et des projets conjoints pour {group} sur les méthodes d'IA appliquées aux services climatologiques.",
            ),
            (
                "Les résultats doivent alimenter les plans nationaux d'adaptation et les études de vulnérabilité sectorielles.",
                "L'accès aux séries d'observations historiques détenues par les services nationaux est une contribution essentielle des partenaires.",
                "Les données ouvertes et les outils libres sont privilégiés afin que les résultats soient reproductibles.",
            ),
        ),
    },
    "actors": {
        "gov": (
            "Le Ministère de l'Économie numérique",
            "Le Ministère de la Transition numérique",
            "L'Agence nationale des systèmes d'information",
            "Le Ministère de la Fonction publique",
        ),
        "planning": ("Le Ministère du Plan", "Le Cabinet du Premier Ministre"),
        "regulator": (
            "La Commission de protection des données personnelles",
            "L'Autorité de régulation des télécommunications",
        ),
        "stats": ("L'Institut national de la statistique", "La Direction de la statistique"),
        "research": (
            "L'Université nationale",
            "Le Centre national de la recherche scientifique et technologique",
            "Un consortium d'universités publiques",
            "L'École polytechnique",
        ),
        "agri": ("Le Ministère de l'Agriculture", "L'Institut national de recherche agronomique"),
        "health": ("Le Ministère de la Santé publique", "L'Institut national de santé publique"),
        "culture": ("L'Académie des langues nationales", "Le Ministère de la Culture"),
        "met": ("L'Agence nationale de la météorologie", "La Direction de la protection civile"),
        "edu": ("Le Ministère de l'Éducation nationale", "L'École normale supérieure"),
        "finance": ("La Banque centrale", "Le Ministère des Finances"),
        "industry": ("Le Ministère de l'Industrie", "Le Bureau de mise à niveau des entreprises"),
        "justice": ("Le Ministère de la Justice", "La Cour suprême"),
        "transport": ("Le Ministère des Transports", "L'Autorité des transports urbains"),
        "energy": ("Le Ministère de l'Énergie", "La Société nationale d'électricité"),
        "coop": (
            "L'Agence de coopération internationale",
            "La Direction de la coopération du Ministère des Affaires étrangères",
        ),
        "org": ("L'organisation", "Le secrétariat", "Notre bureau régional", "Notre organisation"),
        "org_research": ("L'université", "Notre institut de recherche", "Le centre d'excellence"),
    },
    "groups": {
        "civil_servants": (
            "les cadres intermédiaires des ministères",
            "les agents de l'administration centrale et des collectivités territoriales",
            "les fonctionnaires des services déconcentrés",
        ),
        "senior_officials": (
            "les secrétaires généraux et directeurs des ministères",
            "les hauts fonctionnaires chargés de la transformation numérique",
        ),
        "policy_staff": (
            "les membres du comité national sur l'intelligence artificielle",
            "les chargés de politiques publiques des ministères concernés",
        ),
        "data_officers": (
            "les responsables des données des institutions publiques",
            "les gestionnaires de registres administratifs",
        ),
        "statisticians": ("les statisticiens et responsables d'enquêtes", "les cadres du système statistique national"),
        "researchers": (
            "les enseignants-chercheurs et doctorants des universités publiques",
            "les jeunes chercheurs des universités nationales",
        ),
        "engineers": (
            "les ingénieurs systèmes et administrateurs de calcul",
            "les techniciens chargés d'exploiter l'infrastructure",
        ),
        "extension_agents": (
            "les conseillers agricoles",
            "les agents de la protection des végétaux et de la vulgarisation",
        ),
        "farmers": ("les petits exploitants et leurs coopératives", "les organisations paysannes des zones rurales"),
        "health_workers": (
            "les médecins et manipulateurs radio des hôpitaux de district",
            "les personnels des centres de santé de premier niveau",
        ),
        "linguists": (
            "les linguistes et spécialistes du traitement automatique des langues",
            "les chercheurs travaillant sur les langues nationales",
        ),
        "ict_officers": (
            "les informaticiens des administrations",
            "les équipes chargées des services publics numériques",
        ),
        "forecasters": (
            "les prévisionnistes et hydrologues du service météorologique",
            "les agents de la protection civile",
        ),
        "teachers": ("les enseignants du primaire et du secondaire", "les formateurs des écoles normales"),
        "entrepreneurs": (
            "les jeunes pousses en phase d'amorçage",
            "les jeunes entrepreneurs qui développent des solutions d'IA",
        ),
        "students": (
            "les étudiants de master et de doctorat",
            "les jeunes diplômés en informatique et en mathématiques",
        ),
        "court_staff": (
            "les magistrats, greffiers et administrateurs des juridictions",
            "les agents du service informatique du Ministère de la Justice",
        ),
        "transport_planners": (
            "les planificateurs des transports et ingénieurs en sécurité routière",
            "les agents des autorités de transport urbain",
        ),
        "supervisors": (
            "les superviseurs bancaires et des systèmes de paiement",
            "les analystes de la cellule de renseignement financier",
        ),
        "youth": ("les jeunes de 15 à 24 ans", "les jeunes déscolarisés des villes secondaires"),
        "women": ("les femmes et les filles des filières techniques", "les femmes entrepreneures et cadres"),
        "technicians": (
            "les ingénieurs de maintenance et techniciens d'usine",
            "les techniciens des petites et moyennes industries",
        ),
    },
    "modality": {
        "need": {
            "training": (
                "Un volet de formation de nos équipes constituerait un élément important de la coopération.",
                "Une formation de formateurs serait également bienvenue afin d'assurer la pérennité de l'action.",
            ),
            "technical_assistance": (
                "Nous avons également besoin d'un accompagnement par des experts pendant la mise en œuvre, y compris sous forme de missions courtes.",
                "Un appui technique concret de praticiens expérimentés serait particulièrement apprécié.",
            ),
            "policy_exchange": (
                "Des échanges avec des pays ayant relevé des défis comparables, y compris un court voyage d'étude, nous seraient précieux.",
                "Un dialogue entre pairs sur les choix politiques et réglementaires nous aiderait à éviter des erreurs coûteuses.",
            ),
            "financial_support": (
                "Un cofinancement des équipements et des coûts locaux serait déterminant pour cette initiative.",
                "Nous recherchons également des financements pour l'équipement et les premières années de fonctionnement.",
            ),
            "joint_research": (
                "Nous sommes ouverts à des travaux de recherche conjoints et à des publications communes.",
                "Un partenariat de recherche, avec le co-encadrement de jeunes chercheurs, serait le bienvenu.",
            ),
        },
        "offer": {
            "training": (
                "L'offre peut comprendre la formation des équipes homologues.",
                "Des sessions de formation pour les équipes locales sont prévues.",
            ),
            "technical_assistance": (
                "Des experts sont disponibles pour des missions sur place et un suivi à distance.",
                "Nos spécialistes peuvent apporter un appui technique concret pendant la mise en œuvre.",
            ),
            "policy_exchange": (
                "Des voyages d'étude et des échanges avec nos responsables peuvent être organisés.",
                "Nous facilitons également le dialogue sur les politiques publiques entre institutions homologues.",
            ),
            "financial_support": (
                "Une partie des coûts peut être couverte par une subvention.",
                "Un financement est disponible pour les équipements et les frais de fonctionnement locaux.",
            ),
            "joint_research": (
                "Les publications conjointes et le co-encadrement d'étudiants sont encouragés.",
                "Des projets de recherche conjoints peuvent être montés avec les établissements partenaires.",
            ),
        },
    },
    "format": {
        "need": {
            "online": (
                "Les activités peuvent se dérouler entièrement à distance.",
                "Nous privilégions un format à distance, les budgets de déplacement étant limités.",
            ),
            "in_person": (
                "Nous privilégions des sessions en présentiel {place}.",
                "Les activités devraient se dérouler en présentiel {place}.",
            ),
            "hybrid": (
                "Nous souhaitons combiner travail à distance et sessions en présentiel {place}.",
                "Un format hybride, associant modules en ligne et courte mission {place}, nous conviendrait le mieux.",
            ),
        },
        "offer": {
            "online": (
                "L'offre est entièrement dispensée en ligne.",
                "Toutes les sessions ont lieu en ligne et les enregistrements restent disponibles.",
            ),
            "in_person": (
                "Les activités se déroulent en présentiel {place}.",
                "Les participants sont accueillis en présentiel {place}.",
            ),
            "hybrid": (
                "Le dispositif associe des modules en ligne à une partie en présentiel {place}.",
                "Le travail se fait à distance, avec des missions et des ateliers {place}.",
            ),
        },
    },
    "places": {
        "need": (
            "dans la capitale",
            "dans deux provinces pilotes",
            "dans notre centre de formation",
            "dans trois districts pilotes",
            "dans la capitale et une ville secondaire",
            "sur le campus de l'université nationale",
        ),
        "offer": (
            "dans nos locaux",
            "dans notre centre régional de formation",
            "dans notre institut de formation",
            "dans le pays partenaire",
            "dans le pays partenaire ou dans nos locaux",
            "dans une université partenaire de la région",
        ),
    },
    "period": {
        "need": (
            "Les activités se dérouleraient entre {start} et {end}.",
            "Nous souhaitons démarrer en {start} et achever les travaux en {end}.",
            "La période envisagée se situe entre {start} et {end}.",
        ),
        "offer": (
            "L'offre est valable entre {start} et {end}.",
            "Les activités se déroulent entre {start} et {end}.",
            "Les candidatures sont ouvertes pour des activités prévues entre {start} et {end}.",
        ),
    },
    "capacity": {
        "need": {
            "seats": ("Environ {n} personnes seraient concernées.", "Nous prévoyons quelque {n} participants."),
            "expert_days": (
                "Nous estimons le besoin à environ {n} jours d'expertise.",
                "L'appui nécessaire représente environ {n} jours-experts.",
            ),
            "amount": ("Le besoin de financement est estimé à {amount}.", "Nous recherchons environ {amount}."),
        },
        "offer": {
            "seats": ("Jusqu'à {n} places sont disponibles.", "Chaque promotion compte {n} places."),
            "expert_days": (
                "Jusqu'à {n} jours d'expertise sont disponibles.",
                "L'offre couvre jusqu'à {n} jours-experts.",
            ),
            "amount": ("L'enveloppe totale s'élève à {amount}.", "Les subventions peuvent atteindre {amount}."),
        },
    },
    "languages": {
        "need_one": ("Toutes les activités doivent se dérouler {en_and}.", "Les échanges doivent se faire {en_and}."),
        "need_many": ("Nos équipes travaillent {en_and}.", "Les échanges peuvent se faire {en_or}."),
        "offer_one": ("L'enseignement est dispensé {en_and}.", "Les activités se déroulent uniquement {en_and}."),
        "offer_many": ("Langues de travail : {and}.", "L'offre est disponible {en_and}."),
    },
    "eligibility": {
        "regions": ("L'offre est ouverte aux institutions {regions}.", "Cette offre est réservée aux pays {regions}."),
        "groups": ("La priorité est donnée aux candidatures {groups}.", "Sont éligibles les candidatures {groups}."),
    },
    "closing": {
        "need": (
            "Nous sommes ouverts à la coopération Sud-Sud et triangulaire.",
            "Les partenaires ayant une expérience dans des contextes comparables sont particulièrement bienvenus.",
            "Notre institution peut prendre en charge la logistique locale et mettre à disposition du personnel homologue.",
            "Une note conceptuelle succincte peut être communiquée sur demande.",
        ),
        "offer": (
            "Les membres intéressés sont invités à soumettre une brève manifestation d'intérêt.",
            "Les demandes sont examinées au fil de l'eau.",
            "Cette offre s'inscrit dans notre programme de coopération Sud-Sud.",
            "Parmi nos partenaires figurent des ministères et des universités de plusieurs régions.",
        ),
    },
    "language_names": {
        "ar": "arabe",
        "zh": "chinois",
        "en": "anglais",
        "fr": "français",
        "ru": "russe",
        "es": "espagnol",
    },
    "region_names": {
        "002": "d'Afrique",
        "015": "d'Afrique du Nord",
        "202": "d'Afrique subsaharienne",
        "019": "des Amériques",
        "419": "d'Amérique latine et des Caraïbes",
        "142": "d'Asie",
        "143": "d'Asie centrale",
        "145": "d'Asie occidentale",
        "035": "d'Asie du Sud-Est",
        "150": "d'Europe",
        "009": "d'Océanie",
    },
    "group_names": {
        "LDC": "des pays les moins avancés",
        "LLDC": "des pays en développement sans littoral",
        "SIDS": "des petits États insulaires en développement",
        "G77": "des pays du Groupe des 77",
    },
    "months": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "currency_names": {
        "USD": "dollars des États-Unis",
        "EUR": "euros",
        "CNY": "yuans",
        "GBP": "livres sterling",
        "JPY": "yens",
        "XOF": "francs CFA",
        "ZMW": "kwachas",
        "RUB": "roubles",
        "SAR": "riyals saoudiens",
        "INR": "roupies indiennes",
        "BRL": "réais",
    },
}

_ES = {
    "topics": {
        "civil_service_ai": (
            (
                "Formación en inteligencia artificial para servidores públicos",
                "Fortalecer las competencias en IA de la administración pública",
            ),
            (
                "Programa de alfabetización en IA para funcionarios públicos",
                "Curso: uso responsable de la IA en la gestión pública",
            ),
            (
                "{actor} busca un socio para diseñar e impartir un programa de formación en inteligencia artificial para {group}.",
                "Necesitamos apoyo para desarrollar competencias básicas en IA entre {group}, muchos de los cuales ya utilizan herramientas generativas sin orientación alguna.",
            ),
            (
                "{actor} ofrece un programa estructurado de alfabetización en IA para {group}, basado en su experiencia con administraciones públicas de varias regiones.",
                "Ofrecemos un curso sobre el uso responsable de la IA en la administración pública, diseñado para {group}.",
            ),
            (
                "Los contenidos abarcan nociones básicas de aprendizaje automático, IA generativa para redactar y resumir documentos, y protección de datos personales.",
                "Los ejercicios prácticos se basan en tareas administrativas reales, como la gestión de correspondencia, la tramitación de permisos y la atención a la ciudadanía.",
                "Un módulo de formación de formadores permitirá que la escuela nacional de administración pública continúe los cursos por sí misma.",
            ),
        ),
        "strategy": (
            (
                "Actualización de la estrategia nacional de inteligencia artificial",
                "Apoyo para formular la primera estrategia nacional de IA",
            ),
            (
                "Asistencia técnica para diseñar o actualizar estrategias nacionales de IA",
                "Intercambio entre pares sobre la implementación de estrategias de IA",
            ),
            (
                "{actor} está revisando la estrategia nacional de inteligencia artificial a dos años de su adopción y busca conocer la experiencia de países más avanzados en su implementación.",
                "Requerimos asistencia técnica para elaborar nuestra primera estrategia nacional de IA a partir de un diagnóstico de preparación y de una amplia consulta.",
            ),
            (
                "{actor} acompaña a los gobiernos en la elaboración o actualización de sus estrategias de IA, desde el diagnóstico de capacidades hasta un plan de acción con metas verificables.",
                "Ofrecemos intercambio entre pares y asesoría sobre estrategias nacionales de IA, a partir de nuestra propia experiencia en su diseño, ejecución y seguimiento.",
            ),
            (
                "Interesan especialmente los arreglos institucionales, la coordinación interministerial y un marco de seguimiento con indicadores medibles.",
                "Las consultas con la academia, el sector privado y la sociedad civil son un componente central del proceso.",
                "Se valoran en particular las visitas de estudio y los intercambios virtuales con funcionarios que han liderado procesos similares.",
            ),
        ),
        "regulation": (
            (
                "Elaboración de un marco jurídico para la inteligencia artificial",
                "Intercambio sobre regulación y ética de la IA",
            ),
            (
                "Intercambio de prácticas regulatorias sobre gobernanza de la IA basada en riesgos",
                "Asesoría para crear directrices éticas y órganos de supervisión de la IA",
            ),
            (
                "{actor} prepara un anteproyecto de ley sobre inteligencia artificial y desea aprender de las jurisdicciones que han adoptado normas basadas en el riesgo.",
                "Necesitamos apoyo para traducir la Recomendación de la UNESCO sobre la Ética de la IA en lineamientos nacionales y en un mecanismo de supervisión.",
            ),
            (
                "{actor} comparte su experiencia regulatoria con los países que elaboran legislación sobre IA: clasificación de riesgos, evaluación de la conformidad y fiscalización.",
                "Ofrecemos diálogo de políticas y apoyo en redacción normativa sobre ética y regulación de la IA para {group}.",
            ),
            (
                "Entre los temas figuran la clasificación de los usos de alto riesgo, las obligaciones de transparencia y el papel de las autoridades de protección de datos.",
                "Se prevén un estudio comparado de la legislación reciente y un taller con el personal técnico del Congreso.",
                "Se presta especial atención a la contratación pública de sistemas de IA y a los mecanismos de reclamación para la ciudadanía.",
            ),
        ),
        "data_governance": (
            (
                "Gobernanza de datos e intercambio seguro entre instituciones públicas",
                "Política y plataforma de datos abiertos",
            ),
            (
                "Asistencia técnica en gobernanza de datos y datos abiertos",
                "Convenios de intercambio de datos y técnicas de preservación de la privacidad",
            ),
            (
                "{actor} necesita establecer un marco de gobernanza de datos para que los ministerios intercambien registros administrativos de forma segura y conforme a la ley de protección de datos personales.",
                "Buscamos asistencia técnica para revisar nuestra política de datos abiertos y publicar conjuntos de datos de alto valor en formatos reutilizables.",
            ),
            (
                "{actor} acompaña a las instituciones públicas en la creación de marcos de gobernanza de datos, convenios de intercambio y portales de datos abiertos.",
                "Ofrecemos apoyo práctico en administración de datos para {group}, desde el inventario de fuentes hasta la publicación con resguardo de la privacidad.",
            ),
            (
                "Los temas clave son el inventario de datos, los convenios de intercambio, los estándares de metadatos y el rol de los administradores de datos.",
                "Interesan especialmente las técnicas de preservación de la privacidad, como la anonimización, la privacidad diferencial y los datos sintéticos.",
                "El objetivo es que los datos públicos puedan aprovecharse en aplicaciones de IA sin perder la confianza de la ciudadanía.",
            ),
        ),
        "statistics": (
            (
                "Aprendizaje automático para la codificación de encuestas de hogares",
                "Modernización de las estadísticas oficiales con IA y nuevas fuentes de datos",
            ),
            (
                "Aprendizaje automático para institutos nacionales de estadística",
                "Capacitación en macrodatos e IA para las estadísticas oficiales",
            ),
            (
                "{actor} todavía codifica a mano cientos de miles de respuestas sobre ocupación y actividad económica y quiere incorporar modelos de aprendizaje automático para la codificación automática.",
                "Buscamos apoyo metodológico para utilizar imágenes satelitales, datos de telefonía móvil y aprendizaje automático en la producción estadística.",
            ),
            (
                "{actor} apoya a los institutos nacionales de estadística en el uso del aprendizaje automático para la codificación, la vinculación de registros, la imputación y la estimación en tiempo real.",
                "Ofrecemos capacitación y asistencia técnica para {group} sobre la integración de nuevas fuentes de datos y métodos de IA en la producción estadística.",
            ),
            (
                "Las aplicaciones incluyen la codificación según las clasificaciones CIUO y CIIU, las estimaciones para áreas pequeñas y la evaluación de la calidad de los registros administrativos.",
                "Los métodos deben ser transparentes y estar documentados para poder explicarlos a los usuarios de las estadísticas oficiales.",
                "Se prevé una estrecha colaboración con el área de informática para que los modelos puedan mantenerse una vez concluido el proyecto.",
            ),
        ),
        "compute_access": (
            (
                "Acceso a cómputo con GPU para la investigación universitaria en IA",
                "Créditos de cómputo en la nube para la investigación pública",
            ),
            (
                "Horas de GPU para instituciones públicas de investigación",
                "Asignaciones de cómputo para entrenar y ajustar modelos de IA",
            ),
            (
                "{actor} necesita acceso sostenido a cómputo con GPU para entrenar y ajustar modelos, ya que sus investigadores comparten hoy unas pocas tarjetas gráficas de consumo.",
                "Buscamos recursos de cómputo, del orden de varias decenas de miles de horas de GPU, para {group} que trabajan en modelos para lenguas locales y aplicaciones de IA.",
            ),
            (
                "{actor} pone a disposición de universidades e instituciones públicas de investigación tiempo de cómputo con GPU para el entrenamiento de modelos de IA y el cálculo científico.",
                "Ofrecemos asignaciones en nuestro clúster, con documentación técnica y soporte a usuarios, para {group}.",
            ),
            (
                "Las asignaciones se otorgan a partir de un breve plan de investigación, con prioridad para los proyectos que publican modelos o datos abiertos.",
                "La orientación sobre planificación de trabajos, contenedores y uso eficiente de la memoria de GPU es un complemento importante.",
                "Los usos típicos incluyen el ajuste de modelos de lenguaje, el análisis de imágenes satelitales y las simulaciones climáticas.",
            ),
        ),
        "hpc_centre": (
            (
                "Estudio de viabilidad de un centro nacional de supercomputación",
                "Diseño de una infraestructura de cómputo compartida para el Estado y las universidades",
            ),
            (
                "Asesoría para centros nacionales de supercomputación e IA",
                "Residencias para ingenieros HPC y apoyo a la planificación de infraestructura",
            ),
            (
                "{actor} planea crear un centro nacional de cómputo para entrenar y operar modelos de IA al servicio de instituciones públicas y universidades, y requiere asistencia técnica para el estudio de viabilidad.",
                "Necesitamos asesoría experta para dimensionar y adquirir un clúster de GPU que dará servicio a {group} en todo el país.",
            ),
            (
                "{actor} acompaña a los países que planifican su primera infraestructura de cómputo para IA: evaluación de necesidades, arquitectura y pliegos técnicos para la adquisición.",
                "Ofrecemos asesoría y residencias de ingenieros en nuestro supercomputador para los equipos que preparan un centro nacional de cómputo.",
            ),
            (
                "El estudio abarca la demanda de los usuarios, la arquitectura de cómputo y almacenamiento, el suministro eléctrico, la refrigeración y un modelo de operación sostenible.",
                "La eficiencia energética y el uso de energías renovables son criterios determinantes.",
                "La formación de los ingenieros que operarán el sistema forma parte integral del plan.",
            ),
        ),
        "agriculture": (
            (
                "Detección temprana de plagas y enfermedades de cultivos con el celular",
                "Estimación de rendimientos con IA y asesoría para pequeños productores",
            ),
            (
                "Asistencia técnica para la vigilancia de plagas con apoyo de IA",
                "Herramientas digitales de asesoría agrícola basadas en IA",
            ),
            (
                "{actor} requiere asistencia técnica para desarrollar una aplicación que permita a {group} identificar plagas y enfermedades a partir de fotografías tomadas con el teléfono.",
                "Buscamos socios para combinar imágenes satelitales y datos de campo con el fin de estimar rendimientos y enviar recomendaciones oportunas a {group}.",
            ),
            (
                "{actor} apoya a los servicios de sanidad vegetal y extensión en la adopción del diagnóstico de plagas con el teléfono móvil, incluidos modelos sin conexión reentrenados con imágenes locales.",
                "Ofrecemos nuestra experiencia en servicios de asesoría agrícola basados en IA, incluidos protocolos de recolección de datos y la capacitación de {group}.",
            ),
            (
                "Las herramientas deben funcionar sin conexión en zonas con mala cobertura y en las lenguas que hablan los productores.",
                "La construcción de un banco de imágenes etiquetadas de los principales cultivos del país es un componente central.",
                "Los resultados deben integrarse al sistema de extensión existente en lugar de crear un servicio paralelo.",
            ),
        ),
        "health": (
            (
                "Lectura de radiografías de tórax asistida por IA en hospitales distritales",
                "IA para apoyar decisiones clínicas en el primer nivel de atención",
            ),
            (
                "Asistencia técnica y capacitación clínica en imagenología asistida por IA",
                "Tamizaje con IA de retinopatía diabética y tuberculosis",
            ),
            (
                "{actor} desea poner a prueba la lectura de radiografías de tórax asistida por IA en hospitales distritales que cuentan con equipo de rayos X pero no con radiólogo.",
                "Necesitamos apoyo técnico para seleccionar, validar e implementar un software de tamizaje con IA, y para capacitar a {group} en su uso seguro.",
            ),
            (
                "{actor} puede enviar un equipo de radiólogos e ingenieros para instalar software de imagenología asistida por IA en hospitales socios y validarlo con casos locales.",
                "Ofrecemos soluciones de tamizaje con IA junto con capacitación clínica para {group}, bajo la supervisión de las autoridades sanitarias nacionales.",
            ),
            (
                "La validación con datos locales y la calibración de los umbrales de decisión son indispensables antes de cualquier uso rutinario.",
                "Entre los casos de uso figuran el tamizaje de tuberculosis, la retinopatía diabética y la evaluación del riesgo en salud materna.",
                "El aseguramiento de la calidad, los protocolos de referencia y la protección de los datos de los pacientes forman parte de la implementación.",
            ),
        ),
        "language_resources": (
            (
                "Corpus de voz y texto para lenguas indígenas con pocos recursos",
                "Socio de investigación para reconocimiento de voz en lenguas originarias",
            ),
            (
                "Alianzas de investigación en tecnologías del lenguaje para lenguas con pocos recursos",
                "Convocatoria: digitalización y procesamiento de lenguas nacionales",
            ),
            (
                "{actor} busca un socio de investigación para construir corpus de voz y texto en lenguas nacionales que casi no cuentan con recursos digitales.",
                "Necesitamos ayuda para desarrollar reconocimiento de voz y traducción automática en nuestras lenguas originarias, para que la información pública llegue a quienes no leen el idioma oficial.",
            ),
            (
                "{actor} desarrolla, junto con instituciones locales, modelos de reconocimiento y síntesis de voz y de traducción para lenguas con escasos datos digitales.",
                "Ofrecemos alianzas de investigación y pequeñas subvenciones para equipos que construyen recursos lingüísticos abiertos con {group}.",
            ),
            (
                "La recolección comunitaria de datos, con consentimiento informado y remuneración justa, es un principio básico.",
                "Los corpus y modelos resultantes se publicarán con licencias abiertas.",
                "Se da prioridad a las lenguas utilizadas en la radio comunitaria, los mensajes de salud y la educación primaria.",
            ),
        ),
        "safety_testing": (
            (
                "Pruebas de asistentes virtuales del gobierno antes de su lanzamiento",
                "Métodos de evaluación de la seguridad de grandes modelos de lenguaje",
            ),
            (
                "Evaluación previa al despliegue de sistemas de IA para el sector público",
                "Desarrollo conjunto de baterías de pruebas multilingües de seguridad de la IA",
            ),
            (
                "{actor} prevé lanzar asistentes de IA generativa para trámites públicos y necesita apoyo para establecer un régimen de pruebas previo al despliegue.",
                "Buscamos socios para intercambiar sobre métodos de evaluación de la seguridad de grandes modelos de lenguaje, también en idiomas distintos del inglés.",
            ),
            (
                "{actor} ofrece evaluaciones independientes de sistemas de IA antes de su despliegue en servicios públicos: exactitud, sesgos, robustez y resistencia al uso indebido.",
                "Ofrecemos desarrollar conjuntamente baterías de pruebas multilingües abiertas para evaluar la seguridad de los modelos de lenguaje y capacitar a {group} en su aplicación.",
            ),
            (
                "La evaluación abarca la exactitud respecto de las leyes y trámites nacionales, el comportamiento ante variedades lingüísticas locales, los sesgos y la resistencia a la evasión de salvaguardas.",
                "Se esperan como resultados una lista de verificación reutilizable y documentación para la rendición de cuentas.",
                "El reconocimiento mutuo de resultados entre institutos es un objetivo de más largo plazo.",
            ),
        ),
        "early_warning": (
            (
                "Sistema de alerta temprana de crecidas con aprendizaje automático",
                "Fortalecimiento de la alerta temprana ante sequías y crecidas repentinas",
            ),
            (
                "Asistencia técnica en IA para sistemas de alerta temprana",
                "Curso: aprendizaje automático para el pronóstico hidrológico",
            ),
            (
                "{actor} quiere ampliar la anticipación de las alertas de crecidas de unas pocas horas a uno o dos días y le interesan los enfoques de aprendizaje automático.",
                "Buscamos asistencia técnica para integrar pronósticos de lluvia, datos de estaciones y observaciones satelitales en un sistema de alerta temprana basado en IA, con formación para {group}.",
            ),
            (
                "{actor} apoya a los servicios meteorológicos e hidrológicos nacionales en la aplicación del aprendizaje automático a la alerta temprana de crecidas, sequías y ciclones.",
                "Ofrecemos desarrollo metodológico conjunto y capacitación para {group} en pronóstico basado en IA con redes de observación escasas.",
            ),
            (
                "Como los registros de las estaciones suelen ser cortos e incompletos, se prefieren enfoques que combinen estimaciones satelitales, reanálisis y modelos convencionales.",
                "Los mensajes de alerta deben llegar a tiempo a las comunidades en riesgo y en una lengua que comprendan.",
                "El trabajo se enmarca en la iniciativa Alertas Tempranas para Todos.",
            ),
        ),
        "teacher_literacy": (
            ("Alfabetización en IA para docentes", "Capacitación docente en el uso de herramientas de IA en el aula"),
            (
                "Curso de alfabetización en IA para docentes y formadores de docentes",
                "Recursos educativos abiertos sobre IA para las escuelas",
            ),
            (
                "{actor} desea incorporar la alfabetización en IA al currículo escolar y necesita un programa de formación para {group}.",
                "Buscamos un socio para capacitar a {group} en el uso responsable de la IA generativa para planificar clases y evaluar aprendizajes.",
            ),
            (
                "{actor} ofrece un programa semipresencial de alfabetización en IA para docentes, alineado con el marco de competencias en IA para docentes de la UNESCO.",
                "Ofrecemos recursos educativos abiertos y un curso de formación de formadores para que {group} puedan enseñar los fundamentos de la IA.",
            ),
            (
                "Los contenidos tratan qué es la IA, cómo puede apoyar la enseñanza y cuáles son sus límites, incluidos los sesgos y la integridad académica.",
                "Los materiales deben poder usarse en escuelas con conectividad limitada y dispositivos compartidos.",
                "Se prevé un modelo en cascada en el que formadores nacionales repliquen el curso.",
            ),
        ),
        "joint_lab": (
            (
                "Laboratorio conjunto de investigación en IA con una universidad socia",
                "Alianza de investigación en modelos de IA para prioridades nacionales",
            ),
            (
                "Convocatoria de proyectos conjuntos de investigación en inteligencia artificial",
                "Laboratorio conjunto y codirección de tesis doctorales",
            ),
            (
                "{actor} planea crear un laboratorio conjunto de IA con una universidad extranjera y busca socios con capacidades complementarias.",
                "Buscamos socios de investigación para desarrollar conjuntamente modelos de IA abiertos que respondan a prioridades nacionales y para codirigir la formación de {group}.",
            ),
            (
                "{actor} invita a universidades de países en desarrollo a emprender proyectos conjuntos de investigación en aprendizaje automático, con estancias de investigación recíprocas.",
                "Ofrecemos acoger un laboratorio conjunto, financiando la participación de nuestro equipo y estancias de investigación para {group}.",
            ),
            (
                "Se espera que los socios aporten datos locales y preguntas de investigación; los recursos de cómputo pueden compartirse.",
                "Los resultados esperados son publicaciones conjuntas, código abierto y tesis en codirección.",
                "La alianza está prevista para un período de tres a cinco años, con un taller conjunto anual.",
            ),
        ),
        "startup_funding": (
            (
                "Cofinanciamiento y acompañamiento para empresas emergentes de IA",
                "Capital semilla para emprendimientos de IA liderados por mujeres",
            ),
            (
                "Subvenciones e inversión de capital para empresas emergentes de IA",
                "Programa de aceleración para empresas emergentes de IA de países en desarrollo",
            ),
            (
                "{actor} busca socios para cofinanciar subvenciones de preinversión y programas de aceleración para empresas emergentes que desarrollan soluciones basadas en IA.",
                "Buscamos donantes o inversionistas dispuestos a financiar a {group} mediante subvenciones o préstamos blandos.",
            ),
            (
                "{actor} otorga subvenciones y mentoría a {group} que ya han superado la etapa de prototipo.",
                "Ofrecemos un programa de aceleración con mentoría, apoyo para el acceso a mercados y encuentros con inversionistas para empresas emergentes de IA.",
            ),
            (
                "El apoyo se dirige a empresas que atienden necesidades locales en agricultura, salud, finanzas y servicios públicos.",
                "Las incubadoras de la capital y de las ciudades intermedias actúan como intermediarias para la selección y el seguimiento.",
                "La paridad de género entre las personas fundadoras es un objetivo explícito.",
            ),
        ),
        "scholarships": (
            (
                "Becas de maestría y doctorado en inteligencia artificial",
                "Formar a la próxima generación de docentes universitarios en IA",
            ),
            ("Becas completas en inteligencia artificial", "Estancias de investigación en aprendizaje automático"),
            (
                "{actor} desea formar una nueva generación de docentes universitarios en inteligencia artificial y busca becas para {group}.",
                "Necesitamos oportunidades de becas en el extranjero para {group}, que regresarán a enseñar e investigar en las universidades nacionales.",
            ),
            (
                "{actor} abre la convocatoria de becas completas de maestría y doctorado en aprendizaje automático, visión por computadora y procesamiento del lenguaje natural.",
                "Ofrecemos estancias de investigación para {group}, con tutoría, acceso a recursos de cómputo y un estipendio mensual.",
            ),
            (
                "Las áreas de interés incluyen aprendizaje automático, visión por computadora, procesamiento del lenguaje natural e IA para la ciencia.",
                "Se promueve firmemente el regreso a la institución de origen y la continuidad de la colaboración tras los estudios.",
                "La matrícula, el alojamiento y los pasajes figuran entre los costos que deben cubrirse.",
            ),
        ),
        "green_datacentre": (
            (
                "Centro de datos eficiente para servicios públicos de IA",
                "Energías renovables para la infraestructura de IA",
            ),
            (
                "Asistencia técnica en centros de datos sostenibles",
                "Asesoría en energía y refrigeración para infraestructura de cómputo",
            ),
            (
                "{actor} planifica un centro de datos gubernamental para cargas de trabajo de IA y necesita asesoría sobre eficiencia energética, refrigeración y suministro de energía renovable.",
                "Buscamos apoyo para evaluar cómo la red eléctrica nacional puede abastecer nuevos centros de datos sin poner en riesgo el acceso de los hogares a la electricidad.",
            ),
            (
                "{actor} asesora en el diseño de centros de datos eficientes: tecnologías de refrigeración, indicador de eficiencia energética (PUE) y generación renovable in situ.",
                "Ofrecemos asistencia técnica y cofinanciamiento para infraestructura digital alimentada con energía limpia, para {group}.",
            ),
            (
                "Las cuestiones clave son la eficiencia energética, la refrigeración en climas cálidos y el aprovechamiento de la energía solar o hidroeléctrica.",
                "La conectividad, la selección del sitio y los costos de operación a largo plazo forman parte del análisis.",
                "Un suministro eléctrico confiable es requisito previo de cualquier infraestructura nacional de IA.",
            ),
        ),
        "manufacturing": (
            (
                "Capacitación de ingenieros en mantenimiento predictivo e inspección visual",
                "IA para el control de calidad en pequeñas industrias",
            ),
            (
                "Formación de formadores en IA aplicada a la industria 4.0",
                "Curso práctico de IA para técnicos de pymes manufactureras",
            ),
            (
                "{actor} se propone capacitar a {group} en aprendizaje automático para el mantenimiento predictivo y en visión artificial para el control de calidad.",
                "{actor} busca formación práctica para {group}, ya que varias plantas instalaron equipos de visión artificial que el personal local todavía no sabe operar.",
            ),
            (
                "{actor} imparte un programa práctico para {group} que combina clases sobre análisis de vibraciones y temperatura con prácticas de inspección por visión artificial.",
                "Ofrecemos capacitación y apoyo técnico a las empresas manufactureras que quieren incorporar sensores, analítica y control de calidad basado en IA.",
            ),
            (
                "Se prefieren las sesiones prácticas con equipos reales a las clases teóricas.",
                "Los casos de uso típicos son la predicción de fallas en equipos rotativos, la detección de defectos y la optimización energética.",
                "Formar instructores locales es importante para que las competencias se difundan en el sector.",
            ),
        ),
        "justice": (
            ("Herramientas de IA para la gestión de causas judiciales", "Anonimización y publicación de sentencias"),
            (
                "Apoyo a la justicia digital y al uso de IA en los tribunales",
                "Intercambio sobre el uso de la IA en los sistemas judiciales",
            ),
            (
                "{actor} desea utilizar IA para anonimizar y publicar sentencias y reducir el rezago de causas, y solicita asistencia técnica.",
                "Necesitamos asesoría para introducir la gestión de causas asistida por IA garantizando la independencia judicial y los derechos de las partes.",
            ),
            (
                "{actor} comparte su experiencia en la anonimización automática de sentencias y en el uso de IA para la clasificación de causas.",
                "Ofrecemos asistencia técnica e intercambio entre pares para {group} sobre el uso responsable de la IA en la justicia.",
            ),
            (
                "Toda solución debe respetar las garantías del debido proceso y dejar la decisión en manos de la persona juzgadora.",
                "La digitalización de los expedientes en papel es un requisito previo y forma parte del alcance.",
                "Mejorar el acceso de la ciudadanía a la información jurídica es un beneficio esperado importante.",
            ),
        ),
        "transport": (
            ("Gestión del tránsito con IA en la capital", "Datos e IA para mejorar la seguridad vial"),
            (
                "Asistencia técnica en sistemas inteligentes de transporte",
                "Investigación conjunta sobre IA para la movilidad urbana",
            ),
            (
                "{actor} busca asistencia técnica para aprovechar datos de cámaras y GPS en la gestión de la congestión y la mejora del transporte público.",
                "Queremos usar IA para identificar los tramos viales de mayor riesgo y focalizar las inversiones en seguridad vial, y buscamos socios con experiencia en el tema.",
            ),
            (
                "{actor} ofrece su experiencia en sistemas inteligentes de transporte, incluida la optimización de semáforos y la predicción de la demanda con IA.",
                "Ofrecemos investigación conjunta y apoyo técnico en IA para la movilidad urbana para {group}.",
            ),
            (
                "Se consideran datos de operadores de transporte colectivo y de telefonía móvil, además de los aforos tradicionales.",
                "La seguridad vial, la reducción de emisiones y un mejor servicio en el transporte informal son los objetivos principales.",
                "Las soluciones deben ser asequibles para ciudades con presupuestos limitados.",
            ),
        ),
        "financial_supervision": (
            (
                "IA para la supervisión bancaria y la detección de fraudes",
                "Tecnología de supervisión para el banco central",
            ),
            (
                "Asistencia técnica en suptech e IA para la supervisión financiera",
                "Intercambio sobre los riesgos de la IA en el sector financiero",
            ),
            (
                "{actor} quiere utilizar aprendizaje automático para detectar fraudes y patrones de lavado de activos en las transacciones de dinero móvil, y solicita asistencia técnica.",
                "Necesitamos apoyo para elaborar lineamientos de supervisión sobre el uso de la IA por parte de los bancos, en particular para la calificación crediticia.",
            ),
            (
                "{actor} comparte su experiencia en tecnología de supervisión, incluidos modelos de aprendizaje automático para detectar anomalías en datos de pagos.",
                "Ofrecemos asistencia técnica e intercambio entre pares para {group} sobre los riesgos y la supervisión de la IA en los servicios financieros.",
            ),
            (
                "La equidad en la calificación crediticia y la explicabilidad de los modelos son preocupaciones principales.",
                "El dinero móvil y el crédito digital crecen con rapidez, y la capacidad de supervisión debe acompañar ese ritmo.",
                "Las normas de confidencialidad de los datos deben respetarse durante todo el trabajo.",
            ),
        ),
        "youth_women_skills": (
            (
                "Programa de habilidades en IA para jóvenes y mujeres",
                "Alfabetización digital y en IA para jóvenes fuera de la escuela",
            ),
            (
                "Campamentos intensivos de programación e IA para mujeres jóvenes",
                "Programa comunitario de alfabetización en IA",
            ),
            (
                "{actor} busca socios para ofrecer programas de alfabetización en IA y programación para {group}, con énfasis en la empleabilidad.",
                "Necesitamos apoyo para ampliar nuestro programa de habilidades digitales a la inteligencia artificial y llegar a {group} fuera de la capital.",
            ),
            (
                "{actor} organiza campamentos intensivos que introducen a {group} en la ciencia de datos y la IA, seguidos de mentoría y pasantías.",
                "Ofrecemos un programa comunitario de alfabetización en IA que se imparte en bibliotecas, casas de la juventud y aulas móviles.",
            ),
            (
                "Al menos la mitad de los cupos se reserva para mujeres y niñas.",
                "Los contenidos están adaptados a personas sin experiencia previa en programación.",
                "Los vínculos con empleadores y las oportunidades de pasantía son parte importante del programa.",
            ),
        ),
        "public_services": (
            (
                "Asistente virtual para el acceso ciudadano a los servicios públicos",
                "IA para simplificar trámites administrativos",
            ),
            (
                "Asistencia técnica para servicios públicos digitales con IA",
                "Plataforma de código abierto para asistentes virtuales del gobierno",
            ),
            (
                "{actor} desea desarrollar un asistente conversacional que responda las consultas ciudadanas sobre trámites, en las lenguas del país.",
                "Buscamos apoyo técnico para utilizar IA en la tramitación de solicitudes y la derivación de consultas ciudadanas.",
            ),
            (
                "{actor} comparte una plataforma de código abierto para asistentes conversacionales del sector público, con apoyo para adaptarla a los trámites nacionales.",
                "Ofrecemos asistencia técnica a las administraciones que desean usar IA en sus servicios digitales, así como capacitación para {group}.",
            ),
            (
                "La accesibilidad para personas con discapacidad y para personas con baja alfabetización es un requisito.",
                "La integración con los portales de gobierno digital y los centros de atención telefónica existentes es indispensable.",
                "Las respuestas deben poder vincularse con fuentes oficiales, y siempre debe estar disponible la atención por una persona.",
            ),
        ),
        "climate_modelling": (
            (
                "IA para la reducción de escala de proyecciones climáticas",
                "Alianza de investigación sobre IA y adaptación al cambio climático",
            ),
            (
                "Investigación conjunta en aprendizaje automático para el clima y los recursos hídricos",
                "Capacitación en métodos de IA para servicios climáticos",
            ),
            (
                "{actor} necesita proyecciones climáticas de alta resolución para la planificación de la adaptación y busca socios con experiencia en reducción de escala mediante IA.",
                "Buscamos socios de investigación para aplicar el aprendizaje automático a la modelización del clima y de los recursos hídricos, y para codirigir la formación de {group}.",
            ),
            (
                "{actor} invita a socios a investigar conjuntamente el aprendizaje automático aplicado a la modelización climática, incluida la reducción de escala de proyecciones y sus impactos hidrológicos.",
                "Ofrecemos capacitación y proyectos conjuntos para {group} sobre métodos de IA aplicados a los servicios climáticos.",
            ),
            (
                "Los resultados deben alimentar los planes nacionales de adaptación y las evaluaciones de vulnerabilidad sectoriales.",
                "El acceso a las series históricas de observación de los servicios nacionales es un aporte clave de los socios.",
                "Se privilegian los datos abiertos y las herramientas de código abierto para que los resultados sean reproducibles.",
            ),
        ),
    },
    "actors": {
        "gov": (
            "El Ministerio de Tecnologías de la Información y las Comunicaciones",
            "La Agencia de Gobierno Digital",
            "La Secretaría de la Función Pública",
            "La Secretaría Nacional de Ciencia y Tecnología",
        ),
        "planning": ("La Secretaría de Planificación", "La Presidencia del Consejo de Ministros"),
        "regulator": ("La Autoridad de Protección de Datos Personales", "El ente regulador de telecomunicaciones"),
        "stats": ("El Instituto Nacional de Estadística", "La Dirección General de Estadística y Censos"),
        "research": (
            "La Universidad Nacional",
            "El Consejo Nacional de Investigaciones Científicas",
            "Un consorcio de universidades públicas",
            "El Instituto de Investigación en Computación",
        ),
        "agri": ("El Ministerio de Agricultura y Ganadería", "El Instituto Nacional de Investigación Agropecuaria"),
        "health": ("El Ministerio de Salud", "El Instituto Nacional de Salud Pública"),
        "culture": ("La Academia de Lenguas Indígenas", "El Ministerio de Cultura"),
        "met": ("El Servicio Meteorológico Nacional", "La Agencia Nacional de Gestión del Riesgo"),
        "edu": ("El Ministerio de Educación", "El Instituto Nacional de Formación Docente"),
        "finance": ("El Banco Central", "El Ministerio de Economía y Finanzas"),
        "industry": ("El Ministerio de Industria", "El Centro Nacional de Productividad"),
        "justice": ("El Ministerio de Justicia", "La Corte Suprema de Justicia"),
        "transport": ("El Ministerio de Transporte", "La Autoridad de Movilidad Urbana"),
        "energy": ("El Ministerio de Energía y Minas", "La empresa nacional de electricidad"),
        "coop": (
            "La Agencia de Cooperación Internacional",
            "La Dirección de Cooperación del Ministerio de Relaciones Exteriores",
        ),
        "org": ("La organización", "La secretaría", "Nuestra oficina regional", "Nuestra organización"),
        "org_research": ("La universidad", "Nuestro instituto de investigación", "El centro de excelencia"),
    },
    "groups": {
        "civil_servants": (
            "los mandos medios de los ministerios",
            "los servidores públicos de la administración central y local",
            "los funcionarios de las oficinas regionales",
        ),
        "senior_officials": (
            "los directores y subdirectores de los ministerios",
            "las autoridades responsables de la transformación digital",
        ),
        "policy_staff": (
            "los integrantes del comité nacional de inteligencia artificial",
            "los equipos de políticas públicas de los ministerios involucrados",
        ),
        "data_officers": (
            "los responsables de datos de las instituciones públicas",
            "los equipos que administran registros administrativos",
        ),
        "statisticians": (
            "los estadísticos y responsables de encuestas",
            "los técnicos del sistema estadístico nacional",
        ),
        "researchers": (
            "los docentes investigadores y doctorandos de las universidades públicas",
            "los jóvenes investigadores de las universidades nacionales",
        ),
        "engineers": (
            "los ingenieros de sistemas y administradores de cómputo",
            "los técnicos que operarán la infraestructura",
        ),
        "extension_agents": ("los extensionistas agrícolas", "los técnicos de sanidad vegetal y de extensión"),
        "farmers": (
            "los pequeños productores y sus cooperativas",
            "las organizaciones campesinas de las zonas rurales",
        ),
        "health_workers": (
            "los médicos y técnicos radiólogos de los hospitales distritales",
            "los equipos del primer nivel de atención",
        ),
        "linguists": (
            "los lingüistas y especialistas en procesamiento del lenguaje",
            "los investigadores que trabajan con lenguas indígenas",
        ),
        "ict_officers": (
            "los equipos de TI de las instituciones públicas",
            "los equipos que desarrollan servicios públicos digitales",
        ),
        "forecasters": (
            "los pronosticadores e hidrólogos del servicio meteorológico",
            "los técnicos de gestión del riesgo de desastres",
        ),
        "teachers": ("los docentes de primaria y secundaria", "los formadores de las escuelas normales"),
        "entrepreneurs": (
            "las empresas emergentes en etapa temprana",
            "los jóvenes emprendedores que desarrollan soluciones de IA",
        ),
        "students": ("los estudiantes de maestría y doctorado", "los egresados de informática y matemáticas"),
        "court_staff": (
            "los jueces, secretarios y administradores de tribunales",
            "los equipos de informática judicial",
        ),
        "transport_planners": (
            "los planificadores de transporte e ingenieros de seguridad vial",
            "los técnicos de las autoridades de transporte urbano",
        ),
        "supervisors": (
            "los supervisores bancarios y de sistemas de pago",
            "los analistas de la unidad de inteligencia financiera",
        ),
        "youth": ("los jóvenes de 15 a 24 años", "los jóvenes fuera del sistema educativo en ciudades intermedias"),
        "women": ("las mujeres y niñas en carreras técnicas", "las mujeres emprendedoras y profesionales"),
        "technicians": (
            "los ingenieros de mantenimiento y técnicos de planta",
            "los técnicos de pequeñas y medianas empresas manufactureras",
        ),
    },
    "modality": {
        "need": {
            "training": (
                "Un componente de capacitación para nuestro personal sería parte importante de la cooperación.",
                "También sería bienvenida la formación de formadores para dar continuidad al esfuerzo.",
            ),
            "technical_assistance": (
                "Necesitamos además acompañamiento experto durante la implementación, incluidas misiones cortas.",
                "Se valorará especialmente la asistencia técnica práctica de especialistas con experiencia.",
            ),
            "policy_exchange": (
                "Nos resultaría muy útil intercambiar con países que han enfrentado desafíos similares, incluida una breve visita de estudio.",
                "El intercambio entre pares sobre opciones de política y regulación nos ayudaría a evitar errores costosos.",
            ),
            "financial_support": (
                "El cofinanciamiento de equipos y costos locales sería decisivo para esta iniciativa.",
                "Buscamos además financiamiento para el equipamiento y los primeros años de operación.",
            ),
            "joint_research": (
                "Estamos abiertos a la investigación conjunta y a publicaciones en coautoría.",
                "Sería bienvenida una alianza de investigación con codirección de jóvenes investigadores.",
            ),
        },
        "offer": {
            "training": (
                "La oferta puede incluir la capacitación del personal de contraparte.",
                "Se incluyen sesiones de formación para los equipos locales.",
            ),
            "technical_assistance": (
                "Hay especialistas disponibles para misiones en el país y seguimiento a distancia.",
                "Nuestros especialistas pueden brindar apoyo técnico práctico durante la implementación.",
            ),
            "policy_exchange": (
                "Pueden organizarse visitas de estudio e intercambios con nuestros funcionarios.",
                "También facilitamos el diálogo de políticas entre instituciones homólogas.",
            ),
            "financial_support": (
                "Parte de los costos puede cubrirse con una subvención.",
                "Se dispone de financiamiento para equipos y gastos operativos locales.",
            ),
            "joint_research": (
                "Se fomentan las publicaciones conjuntas y la codirección de estudiantes.",
                "Pueden establecerse proyectos conjuntos de investigación con las instituciones socias.",
            ),
        },
    },
    "format": {
        "need": {
            "online": (
                "Las actividades pueden realizarse totalmente en línea.",
                "Preferimos una modalidad virtual, ya que el presupuesto para viajes es limitado.",
            ),
            "in_person": (
                "Preferimos sesiones presenciales {place}.",
                "Las actividades deberían realizarse de forma presencial {place}.",
            ),
            "hybrid": (
                "Preferimos combinar trabajo a distancia con sesiones presenciales {place}.",
                "Lo ideal sería una modalidad mixta, con módulos virtuales y una misión corta {place}.",
            ),
        },
        "offer": {
            "online": (
                "La oferta se imparte totalmente en línea.",
                "Todas las sesiones son virtuales y quedan grabadas para consulta posterior.",
            ),
            "in_person": (
                "Las actividades son presenciales {place}.",
                "Los participantes asisten de forma presencial {place}.",
            ),
            "hybrid": (
                "La modalidad combina módulos en línea con una fase presencial {place}.",
                "El trabajo se realiza a distancia, con misiones y talleres {place}.",
            ),
        },
    },
    "places": {
        "need": (
            "en la capital",
            "en dos provincias piloto",
            "en nuestro centro de capacitación",
            "en tres municipios piloto",
            "en la capital y una ciudad intermedia",
            "en el campus de la universidad nacional",
        ),
        "offer": (
            "en nuestra sede",
            "en nuestro centro regional de capacitación",
            "en nuestro instituto de formación",
            "en el país socio",
            "en el país socio o en nuestra sede",
            "en una universidad socia de la región",
        ),
    },
    "period": {
        "need": (
            "Las actividades se realizarían entre {start} y {end}.",
            "Quisiéramos comenzar en {start} y concluir en {end}.",
            "El período previsto va de {start} a {end}.",
        ),
        "offer": (
            "La oferta está vigente de {start} a {end}.",
            "Las actividades se desarrollan entre {start} y {end}.",
            "Se reciben solicitudes para actividades entre {start} y {end}.",
        ),
    },
    "capacity": {
        "need": {
            "seats": ("Participarían unas {n} personas.", "Prevemos alrededor de {n} participantes."),
            "expert_days": (
                "Estimamos la necesidad en unos {n} días de experto.",
                "El apoyo requerido equivale a unos {n} días-experto.",
            ),
            "amount": ("La necesidad de financiamiento se estima en {amount}.", "Buscamos alrededor de {amount}."),
        },
        "offer": {
            "seats": ("Hay hasta {n} cupos disponibles.", "Cada cohorte cuenta con {n} cupos."),
            "expert_days": ("Se ofrecen hasta {n} días de experto.", "La oferta cubre hasta {n} días-experto."),
            "amount": ("El monto total disponible es de {amount}.", "Las subvenciones pueden alcanzar {amount}."),
        },
    },
    "languages": {
        "need_one": ("Trabajamos únicamente en {and}.", "Las actividades deben desarrollarse en {and}."),
        "need_many": ("Podemos trabajar en {and}.", "Idiomas de trabajo: {and}."),
        "offer_one": ("Se imparte en {and}.", "Toda la documentación y el acompañamiento son en {and}."),
        "offer_many": ("Disponible en {and}.", "Las sesiones se ofrecen en {and}."),
    },
    "eligibility": {
        "regions": (
            "La oferta está abierta a instituciones {regions}.",
            "Esta oferta está reservada a países {regions}.",
        ),
        "groups": ("Se da prioridad a las solicitudes {groups}.", "Pueden postular instituciones {groups}."),
    },
    "closing": {
        "need": (
            "Estamos abiertos a la cooperación Sur-Sur y triangular.",
            "Son especialmente bienvenidos los socios con experiencia en contextos similares.",
            "Nuestra institución puede cubrir la logística local y asignar personal de contraparte.",
            "Podemos compartir una nota conceptual breve a solicitud.",
        ),
        "offer": (
            "Se invita a los miembros interesados a enviar una breve manifestación de interés.",
            "Las solicitudes se evalúan de forma continua.",
            "Esta oferta forma parte de nuestro programa de cooperación Sur-Sur.",
            "Entre nuestros socios anteriores figuran ministerios y universidades de varias regiones.",
        ),
    },
    "language_names": {"ar": "árabe", "zh": "chino", "en": "inglés", "fr": "francés", "ru": "ruso", "es": "español"},
    "region_names": {
        "002": "de África",
        "015": "del Norte de África",
        "202": "de África Subsahariana",
        "019": "de las Américas",
        "419": "de América Latina y el Caribe",
        "142": "de Asia",
        "143": "de Asia Central",
        "145": "de Asia Occidental",
        "035": "de Asia Sudoriental",
        "150": "de Europa",
        "009": "de Oceanía",
    },
    "group_names": {
        "LDC": "de los países menos adelantados",
        "LLDC": "de los países en desarrollo sin litoral",
        "SIDS": "de los pequeños Estados insulares en desarrollo",
        "G77": "de los países del Grupo de los 77",
    },
    "months": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "currency_names": {
        "USD": "dólares",
        "EUR": "euros",
        "CNY": "yuanes",
        "GBP": "libras esterlinas",
        "JPY": "yenes",
        "XOF": "francos CFA",
        "ZMW": "kwachas",
        "RUB": "rublos",
        "SAR": "riales saudíes",
        "INR": "rupias indias",
        "BRL": "reales",
    },
}

_RU = {
    "topics": {
        "civil_service_ai": (
            (
                "Обучение государственных служащих основам искусственного интеллекта",
                "Повышение ИИ-грамотности в системе государственного управления",
            ),
            (
                "Программа повышения квалификации по ИИ для государственных служащих",
                "Курс «Ответственное применение ИИ в работе госоргана»",
            ),
            (
                "{actor} ищет партнёра для разработки и проведения программы обучения в области искусственного интеллекта для {group}.",
                "Нам необходима поддержка в развитии базовых компетенций в области ИИ у {group}: многие уже пользуются генеративными сервисами без каких-либо правил.",
            ),
            (
                "{actor} предлагает структурированную программу повышения ИИ-грамотности для {group}, основанную на опыте работы с администрациями разных стран.",
                "Мы предлагаем курс по ответственному применению ИИ в государственном управлении для {group}.",
            ),
            (
                "Программа охватывает основы машинного обучения, применение генеративного ИИ для подготовки и реферирования документов и защиту персональных данных.",
                "Практические задания строятся на реальных служебных задачах: работа с обращениями граждан, подготовка документов, оказание госуслуг.",
                "Отдельный модуль для подготовки внутренних тренеров позволит продолжать обучение собственными силами.",
            ),
        ),
        "strategy": (
            (
                "Актуализация национальной стратегии развития искусственного интеллекта",
                "Содействие в разработке первой национальной стратегии в области ИИ",
            ),
            (
                "Консультационная поддержка при разработке и обновлении национальных стратегий ИИ",
                "Обмен опытом реализации национальных стратегий в области ИИ",
            ),
            (
                "{actor} проводит пересмотр национальной стратегии в области ИИ спустя два года после её принятия и стремится изучить опыт стран, продвинувшихся дальше в её реализации.",
                "Мы ищем экспертную поддержку для подготовки первой национальной стратегии в области ИИ на основе оценки готовности и широких консультаций.",
            ),
            (
                "{actor} оказывает консультационную поддержку правительствам, разрабатывающим или обновляющим национальные стратегии ИИ, — от диагностики готовности до плана мероприятий с бюджетом.",
                "Мы предлагаем обмен опытом и экспертные консультации по национальным стратегиям ИИ на основе собственного опыта их разработки, реализации и мониторинга.",
            ),
            (
                "Особый интерес представляют институциональные механизмы, межведомственная координация и система мониторинга с измеримыми показателями.",
                "Важной частью работы являются консультации с академическим сообществом, бизнесом и гражданским обществом.",
                "Особенно ценны ознакомительные визиты и онлайн-встречи с руководителями, которые вели аналогичные процессы.",
            ),
        ),
        "regulation": (
            ("Разработка правовой базы в сфере искусственного интеллекта", "Обмен опытом регулирования и этики ИИ"),
            (
                "Обмен практикой риск-ориентированного регулирования ИИ",
                "Консультации по созданию этических принципов и органов надзора в сфере ИИ",
            ),
            (
                "{actor} готовит проект закона об искусственном интеллекте и стремится изучить опыт юрисдикций, принявших риск-ориентированный подход.",
                "Нам нужна помощь в переложении Рекомендации ЮНЕСКО об этических аспектах искусственного интеллекта в национальные руководящие принципы и механизм надзора.",
            ),
            (
                "{actor} делится регуляторным опытом со странами, разрабатывающими законодательство об ИИ: классификация рисков, оценка соответствия, правоприменение.",
                "Мы предлагаем диалог по вопросам политики и помощь в подготовке нормативных актов по этике и регулированию ИИ для {group}.",
            ),
            (
                "В числе вопросов — отнесение систем к высокорисковым, требования прозрачности и роль органов по защите данных.",
                "Предусматриваются сравнительный анализ недавно принятого законодательства и семинар для сотрудников аппарата парламента.",
                "Особое внимание уделяется государственным закупкам систем ИИ и механизмам защиты прав граждан.",
            ),
        ),
        "data_governance": (
            (
                "Система управления данными для безопасного межведомственного обмена",
                "Политика и портал открытых данных",
            ),
            (
                "Техническое содействие в сфере управления данными и открытых данных",
                "Соглашения об обмене данными и технологии защиты конфиденциальности",
            ),
            (
                "{actor} нуждается в создании системы управления данными, которая позволит министерствам безопасно обмениваться административными записями в соответствии с законом о персональных данных.",
                "Мы ищем техническое содействие для пересмотра политики открытых данных и публикации наиболее востребованных наборов данных в машиночитаемом формате.",
            ),
            (
                "{actor} помогает государственным органам выстраивать системы управления данными, соглашения об обмене и порталы открытых данных.",
                "Мы предлагаем практическую поддержку в сфере управления данными для {group} — от инвентаризации источников до публикации с соблюдением конфиденциальности.",
            ),
            (
                "Ключевые темы — инвентаризация данных, соглашения об обмене, стандарты метаданных и роль ответственных за данные.",
                "Особый интерес представляют технологии защиты конфиденциальности: обезличивание, дифференциальная приватность, синтетические данные.",
                "Цель — сделать государственные данные пригодными для приложений ИИ, не подрывая доверия граждан.",
            ),
        ),
        "statistics": (
            (
                "Машинное обучение для автоматического кодирования в обследованиях домохозяйств",
                "Модернизация официальной статистики с помощью ИИ и новых источников данных",
            ),
            (
                "Машинное обучение для национальных статистических служб",
                "Обучение работе с большими данными и ИИ в официальной статистике",
            ),
            (
                "{actor} по-прежнему вручную кодирует сотни тысяч ответов о занятиях и видах экономической деятельности и планирует внедрить модели машинного обучения для автокодирования.",
                "Мы ищем методологическую поддержку в использовании спутниковых снимков, данных мобильной связи и машинного обучения при производстве официальной статистики.",
            ),
            (
                "{actor} помогает национальным статистическим службам применять машинное обучение для кодирования, связывания записей, импутации и наукастинга.",
                "Мы предлагаем обучение и техническое содействие для {group} по интеграции новых источников данных и методов ИИ в статистическое производство.",
            ),
            (
                "Речь идёт, в частности, о кодировании по международным классификациям МСКЗ и МСОК, оценках для малых территорий и оценке качества административных источников.",
                "Методы должны оставаться прозрачными и задокументированными, чтобы их можно было объяснить пользователям официальной статистики.",
                "Предусмотрено тесное взаимодействие с ИТ-подразделением, чтобы модели можно было поддерживать после завершения проекта.",
            ),
        ),
        "compute_access": (
            (
                "Доступ к GPU-ресурсам для университетских исследований в области ИИ",
                "Облачные вычислительные ресурсы для государственных научных организаций",
            ),
            (
                "GPU-часы для государственных научных организаций",
                "Гранты на вычислительные ресурсы для обучения и дообучения моделей ИИ",
            ),
            (
                "{actor} нуждается в постоянном доступе к GPU-ресурсам для обучения и дообучения моделей: сейчас исследователи делят между собой несколько потребительских видеокарт.",
                "Мы ищем вычислительные ресурсы — порядка нескольких десятков тысяч GPU-часов — для {group}, работающих над моделями для местных языков и прикладными задачами ИИ.",
            ),
            (
                "{actor} предоставляет университетам и государственным научным организациям вычислительное время на GPU для обучения моделей ИИ и научных расчётов.",
                "Мы предлагаем квоты на нашем вычислительном кластере с технической документацией и поддержкой пользователей для {group}.",
            ),
            (
                "Квоты распределяются на основании краткого плана исследований; приоритет отдаётся проектам, публикующим открытые модели или данные.",
                "Важным дополнением является помощь в планировании задач, работе с контейнерами и эффективном использовании памяти GPU.",
                "Типичные задачи — дообучение языковых моделей, анализ спутниковых снимков и климатическое моделирование.",
            ),
        ),
        "hpc_centre": (
            (
                "Технико-экономическое обоснование национального центра высокопроизводительных вычислений",
                "Проектирование общего вычислительного центра для госорганов и университетов",
            ),
            (
                "Консультации по созданию национальных суперкомпьютерных центров для задач ИИ",
                "Стажировки инженеров HPC и помощь в планировании вычислительной инфраструктуры",
            ),
            (
                "{actor} планирует создать национальный вычислительный центр для обучения и эксплуатации моделей ИИ в интересах госорганов и университетов и нуждается в технической помощи при подготовке ТЭО.",
                "Нам нужна экспертная помощь в выборе конфигурации и закупке GPU-кластера для {group} по всей стране.",
            ),
            (
                "{actor} предлагает странам-партнёрам техническое содействие в проектировании вычислительных центров для ИИ: от оценки потребностей до технического задания для закупок.",
                "Мы предлагаем консультации и стажировки инженеров на нашем суперкомпьютере для команд, готовящих создание национального вычислительного центра.",
            ),
            (
                "Обоснование охватывает спрос пользователей, архитектуру вычислений и хранения, энергоснабжение, охлаждение и модель эксплуатации.",
                "Энергоэффективность и использование возобновляемых источников энергии являются определяющими критериями.",
                "Подготовка инженеров, которые будут эксплуатировать систему, — неотъемлемая часть проекта.",
            ),
        ),
        "agriculture": (
            (
                "Раннее выявление вредителей и болезней сельхозкультур с помощью смартфона",
                "Прогноз урожайности на основе ИИ и консультирование фермеров",
            ),
            (
                "Техническое содействие в мониторинге вредителей с применением ИИ",
                "Цифровые сервисы агроконсультирования на основе ИИ",
            ),
            (
                "{actor} нуждается в технической помощи для разработки мобильного приложения, распознающего вредителей и болезни растений по фотографиям, для {group}.",
                "Мы ищем партнёров, чтобы объединить спутниковые снимки и полевые данные для прогноза урожайности и своевременных рекомендаций для {group}.",
            ),
            (
                "{actor} помогает службам защиты растений и агроконсультирования внедрять диагностику вредителей по фотографиям со смартфона, включая офлайн-модели, дообучаемые на местных снимках.",
                "Мы предлагаем опыт создания агроконсультационных сервисов на основе ИИ, включая протоколы сбора данных и обучение {group}.",
            ),
            (
                "Инструменты должны работать без подключения к интернету в районах со слабым покрытием и на языках, которыми пользуются фермеры.",
                "Центральная часть работы — создание размеченного набора изображений по основным культурам страны.",
                "Результаты должны встраиваться в существующую систему агроконсультирования, а не создавать параллельную службу.",
            ),
        ),
        "health": (
            (
                "Анализ рентгенограмм грудной клетки с помощью ИИ в районных больницах",
                "Системы поддержки врачебных решений на основе ИИ в первичном звене",
            ),
            (
                "Техническое содействие и клиническое обучение в области ИИ для медицинской визуализации",
                "Скрининг диабетической ретинопатии и туберкулёза с помощью ИИ",
            ),
            (
                "{actor} планирует в пилотном режиме внедрить анализ рентгенограмм грудной клетки с помощью ИИ в районных больницах, где есть рентгеновские аппараты, но нет рентгенологов.",
                "Нам нужна техническая поддержка в выборе, валидации и внедрении программ скрининга на основе ИИ, а также обучение {group} работе с ними.",
            ),
            (
                "{actor} может направить группу рентгенологов и инженеров для установки систем анализа изображений на основе ИИ в больницах-партнёрах и их проверки на местных данных.",
                "Мы предлагаем решения для скрининга на основе ИИ вместе с клиническим обучением для {group} под контролем национальных органов здравоохранения.",
            ),
            (
                "До начала рутинного использования необходимы валидация на местных данных и калибровка пороговых значений.",
                "Среди сценариев применения — скрининг туберкулёза и диабетической ретинопатии, а также оценка рисков в сфере охраны материнства.",
                "Контроль качества, порядок маршрутизации пациентов и защита их данных являются частью внедрения.",
            ),
        ),
        "language_resources": (
            (
                "Речевые и текстовые корпуса для малоресурсных национальных языков",
                "Научный партнёр для распознавания речи на местных языках",
            ),
            (
                "Научное партнёрство в области языковых технологий для малоресурсных языков",
                "Гранты на оцифровку и обработку национальных языков",
            ),
            (
                "{actor} ищет научного партнёра для создания речевых и текстовых корпусов национальных языков, у которых практически нет цифровых ресурсов.",
                "Нам нужна помощь в разработке систем распознавания речи и машинного перевода для национальных языков, чтобы государственная информация доходила до граждан, не владеющих официальным языком.",
            ),
            (
                "{actor} совместно с местными организациями разрабатывает модели распознавания и синтеза речи и машинного перевода для языков с минимальным объёмом цифровых данных.",
                "Мы предлагаем научное партнёрство и небольшие гранты командам, создающим открытые языковые ресурсы при участии {group}.",
            ),
            (
                "Базовый принцип — сбор данных силами местных сообществ при информированном согласии и справедливой оплате.",
                "Созданные корпуса и модели планируется публиковать под открытыми лицензиями.",
                "Приоритет отдаётся языкам сельского радиовещания, медицинских информационных сообщений и начального образования.",
            ),
        ),
        "safety_testing": (
            (
                "Тестирование государственных чат-ботов перед запуском",
                "Методы оценки безопасности больших языковых моделей",
            ),
            (
                "Тестирование систем ИИ для госсектора перед внедрением",
                "Совместное создание многоязычных тестов безопасности для языковых моделей",
            ),
            (
                "{actor} планирует запустить ассистентов на основе генеративного ИИ для оказания госуслуг и нуждается в помощи при организации тестирования перед вводом в эксплуатацию.",
                "Мы ищем партнёров для обмена опытом в области методов оценки безопасности больших языковых моделей, в том числе на языках, отличных от английского.",
            ),
            (
                "{actor} проводит независимое тестирование систем ИИ перед их внедрением в госсекторе: точность, предвзятость, устойчивость и защищённость от злоупотреблений.",
                "Мы предлагаем совместно разработать открытые многоязычные наборы тестов для оценки безопасности языковых моделей и провести обучение {group} работе с ними.",
            ),
            (
                "Оценка охватывает точность ответов по национальному законодательству и процедурам, работу с местными языковыми вариантами, предвзятость и устойчивость к попыткам обхода ограничений.",
                "Ожидаемые результаты — многократно используемый контрольный перечень и документация для подотчётности.",
                "Долгосрочная цель — взаимное признание результатов тестирования между институтами.",
            ),
        ),
        "early_warning": (
            (
                "Прогнозирование паводков с помощью машинного обучения",
                "Укрепление систем раннего предупреждения о засухах и паводках",
            ),
            (
                "Техническое содействие в применении ИИ в системах раннего предупреждения",
                "Курс «Машинное обучение в гидрологическом прогнозировании»",
            ),
            (
                "{actor} стремится увеличить заблаговременность предупреждений о паводках с нескольких часов до одних-двух суток и рассматривает подходы на основе машинного обучения.",
                "Мы ищем техническое содействие в объединении прогнозов осадков, данных станций и спутниковых наблюдений в системе раннего предупреждения на основе ИИ, включая обучение {group}.",
            ),
            (
                "{actor} помогает национальным гидрометеорологическим службам применять машинное обучение для раннего предупреждения о паводках, засухах и циклонах.",
                "Мы предлагаем совместную разработку методов и обучение {group} прогнозированию на основе ИИ в условиях редкой сети наблюдений.",
            ),
            (
                "Ряды наблюдений на гидропостах часто короткие и неполные, поэтому предпочтение отдаётся подходам, сочетающим спутниковые оценки, реанализ и традиционные модели.",
                "Предупреждения должны своевременно доходить до населения зон риска и на понятном ему языке.",
                "Работа ведётся в русле инициативы «Ранние предупреждения для всех».",
            ),
        ),
        "teacher_literacy": (
            ("ИИ-грамотность для школьных учителей", "Обучение учителей использованию инструментов ИИ на уроках"),
            ("Курс ИИ-грамотности для учителей и методистов", "Открытые образовательные ресурсы по ИИ для школ"),
            (
                "{actor} планирует включить основы ИИ в школьную программу и нуждается в программе подготовки {group}.",
                "Мы ищем партнёра для обучения {group} ответственному использованию генеративного ИИ при подготовке уроков и оценивании.",
            ),
            (
                "{actor} предлагает смешанную программу ИИ-грамотности для учителей, согласованную с рамкой компетенций ЮНЕСКО в области ИИ для педагогов.",
                "Мы предлагаем открытые образовательные ресурсы и курс подготовки тренеров для {group}, чтобы они могли преподавать основы ИИ.",
            ),
            (
                "Содержание курса — что такое ИИ, как он может помогать в обучении и каковы его ограничения, включая предвзятость и академическую честность.",
                "Материалы должны подходить для школ с ограниченным доступом к интернету и общими устройствами.",
                "Предусматривается каскадная модель, при которой национальные тренеры передают курс дальше.",
            ),
        ),
        "joint_lab": (
            (
                "Совместная лаборатория ИИ с университетом-партнёром",
                "Научное партнёрство по моделям ИИ для национальных приоритетов",
            ),
            (
                "Конкурс совместных исследовательских проектов в области ИИ",
                "Совместная лаборатория и совместное научное руководство аспирантами",
            ),
            (
                "{actor} планирует создать совместную лабораторию ИИ с зарубежным университетом и ищет партнёров с взаимодополняющими компетенциями.",
                "Мы ищем научных партнёров для совместной разработки открытых моделей ИИ, отвечающих национальным приоритетам, и совместной подготовки {group}.",
            ),
            (
                "{actor} приглашает университеты развивающихся стран к совместным исследовательским проектам в области машинного обучения с взаимными научными стажировками.",
                "Мы предлагаем разместить совместную лабораторию у нас, финансируя участие нашей команды и научные стажировки для {group}.",
            ),
            (
                "Партнёры предоставляют местные данные и исследовательские задачи, а вычислительные ресурсы могут использоваться совместно.",
                "Ожидаемые результаты — совместные публикации, открытый код и диссертации под совместным руководством.",
                "Партнёрство рассчитано на три–пять лет с ежегодным совместным семинаром.",
            ),
        ),
        "startup_funding": (
            (
                "Софинансирование и акселерация ИИ-стартапов",
                "Стартовое финансирование ИИ-проектов, основанных женщинами",
            ),
            (
                "Гранты и прямые инвестиции для ИИ-стартапов",
                "Акселерационная программа для ИИ-стартапов из развивающихся стран",
            ),
            (
                "{actor} ищет партнёров для софинансирования грантов на ранней стадии и акселерационных программ для стартапов, разрабатывающих решения на основе ИИ.",
                "Мы ищем доноров или инвесторов, готовых финансировать проекты {group} за счёт грантов или льготных займов.",
            ),
            (
                "{actor} предоставляет гранты и наставничество для {group}, уже прошедших стадию прототипа.",
                "Мы предлагаем акселерационную программу с наставничеством, выходом на рынки и встречами с инвесторами для ИИ-стартапов.",
            ),
            (
                "Поддержка ориентирована на компании, решающие местные задачи в сельском хозяйстве, здравоохранении, финансах и госуслугах.",
                "Бизнес-инкубаторы столицы и региональных центров выступают посредниками при отборе и сопровождении компаний.",
                "Гендерный баланс среди основателей поддерживаемых компаний — одна из явных целей.",
            ),
        ),
        "scholarships": (
            (
                "Стипендии для магистратуры и аспирантуры в области ИИ",
                "Подготовка нового поколения преподавателей по искусственному интеллекту",
            ),
            (
                "Полностью оплачиваемые стипендии по направлению «Искусственный интеллект»",
                "Исследовательские стажировки в области машинного обучения",
            ),
            (
                "{actor} стремится подготовить новое поколение преподавателей в области ИИ и ищет стипендии для {group}.",
                "Нам нужны возможности стипендиального обучения за рубежом для {group}, которые затем вернутся преподавать и вести исследования в национальных университетах.",
            ),
            (
                "{actor} объявляет набор на полностью оплачиваемые стипендии в магистратуре и аспирантуре по машинному обучению, компьютерному зрению и обработке естественного языка.",
                "Мы предлагаем исследовательские стажировки для {group} с научным руководством, доступом к вычислительным ресурсам и ежемесячной стипендией.",
            ),
            (
                "Приоритетные направления — машинное обучение, компьютерное зрение, обработка естественного языка и ИИ для науки.",
                "Возвращение в свою организацию и продолжение сотрудничества после обучения всячески приветствуются.",
                "Расходы на обучение, проживание и проезд входят в число покрываемых.",
            ),
        ),
        "green_datacentre": (
            (
                "Энергоэффективный центр обработки данных для государственных ИИ-сервисов",
                "Возобновляемая энергия для инфраструктуры ИИ",
            ),
            (
                "Техническое содействие в создании «зелёных» центров обработки данных",
                "Консультации по энергоснабжению и охлаждению вычислительной инфраструктуры",
            ),
            (
                "{actor} планирует создать государственный ЦОД для задач ИИ и нуждается в консультациях по энергоэффективности, охлаждению и снабжению возобновляемой энергией.",
                "Мы ищем поддержку в оценке того, как национальная энергосистема может обеспечить новые ЦОД, не ухудшая доступ домохозяйств к электроэнергии.",
            ),
            (
                "{actor} консультирует по проектированию энергоэффективных ЦОД: технологии охлаждения, коэффициент PUE, собственная генерация на возобновляемых источниках.",
                "Мы предлагаем техническое содействие и софинансирование цифровой инфраструктуры, работающей на чистой энергии, для {group}.",
            ),
            (
                "Ключевые вопросы — энергоэффективность, охлаждение в жарком климате и использование солнечной энергии или гидроэнергетики.",
                "Анализ включает также связь, выбор площадки и долгосрочные эксплуатационные расходы.",
                "Надёжное энергоснабжение — обязательное условие для любой национальной инфраструктуры ИИ.",
            ),
        ),
        "manufacturing": (
            (
                "Обучение инженеров предиктивному обслуживанию и визуальному контролю",
                "ИИ для контроля качества на небольших предприятиях",
            ),
            (
                "Программа обучения: ИИ для предиктивного обслуживания и контроля качества",
                "Практический курс по Индустрии 4.0 и ИИ для специалистов МСП",
            ),
            (
                "{actor} планирует организовать обучение {group} применению машинного обучения для предиктивного обслуживания и компьютерного зрения для контроля качества.",
                "{actor} ищет практическое обучение для {group}: на нескольких заводах установлено оборудование машинного зрения, которым местный персонал пока не умеет пользоваться.",
            ),
            (
                "{actor} проводит практическую программу для {group}, сочетающую лекции по анализу вибрации и температуры с практикой визуального контроля на основе компьютерного зрения.",
                "Мы предлагаем обучение и техническую поддержку предприятиям, которые хотят внедрить датчики, аналитику и контроль качества на основе ИИ.",
            ),
            (
                "Практические занятия на реальном оборудовании предпочтительнее теоретических лекций.",
                "Типичные задачи — прогнозирование отказов вращающегося оборудования, выявление дефектов и оптимизация энергопотребления.",
                "Важно подготовить местных преподавателей, чтобы навыки распространялись в отрасли.",
            ),
        ),
        "justice": (
            ("Инструменты ИИ для работы с судебными делами", "Обезличивание и публикация судебных решений"),
            ("Поддержка цифрового правосудия и применения ИИ в судах", "Обмен опытом применения ИИ в судебной системе"),
            (
                "{actor} планирует использовать ИИ для обезличивания и публикации судебных решений и сокращения числа нерассмотренных дел и запрашивает техническое содействие.",
                "Нам нужны консультации по внедрению управления делами с помощью ИИ при гарантиях независимости судей и прав участников процесса.",
            ),
            (
                "{actor} делится опытом автоматического обезличивания судебных решений и применения ИИ для распределения дел.",
                "Мы предлагаем техническое содействие и обмен опытом для {group} по ответственному применению ИИ в правосудии.",
            ),
            (
                "Любое решение должно соответствовать гарантиям справедливого судопроизводства и оставлять решение за судьёй.",
                "Оцифровка бумажных дел — необходимое условие и входит в объём работ.",
                "Важный ожидаемый результат — более доступная для граждан правовая информация.",
            ),
        ),
        "transport": (
            (
                "Управление дорожным движением в столице с помощью ИИ",
                "Данные и ИИ для повышения безопасности дорожного движения",
            ),
            (
                "Техническое содействие по интеллектуальным транспортным системам",
                "Совместные исследования в области ИИ для городской мобильности",
            ),
            (
                "{actor} ищет техническое содействие в использовании данных видеокамер и GPS для управления заторами и улучшения работы общественного транспорта.",
                "Мы хотим с помощью ИИ выявлять наиболее аварийные участки дорог и точнее планировать вложения в безопасность движения и ищем партнёров с соответствующим опытом.",
            ),
            (
                "{actor} предлагает экспертизу в области интеллектуальных транспортных систем, включая оптимизацию светофорного регулирования и прогноз пассажиропотока с помощью ИИ.",
                "Мы предлагаем совместные исследования и техническую поддержку в области ИИ для городской мобильности для {group}.",
            ),
            (
                "Помимо традиционных подсчётов транспортных потоков рассматриваются данные перевозчиков и операторов мобильной связи.",
                "Главные цели — безопасность движения, снижение выбросов и улучшение работы маршрутных такси.",
                "Решения должны быть доступны по стоимости для городов с ограниченным бюджетом.",
            ),
        ),
        "financial_supervision": (
            ("ИИ для банковского надзора и выявления мошенничества", "Надзорные технологии для национального банка"),
            (
                "Техническое содействие в области suptech и ИИ для финансового надзора",
                "Обмен опытом по рискам ИИ в финансовом секторе",
            ),
            (
                "{actor} планирует применять машинное обучение для выявления мошенничества и схем отмывания денег в операциях с мобильными деньгами и запрашивает техническое содействие.",
                "Нам нужна поддержка в подготовке надзорных рекомендаций по использованию ИИ банками, в первую очередь для кредитного скоринга.",
            ),
            (
                "{actor} делится опытом применения надзорных технологий, в том числе моделей машинного обучения для выявления аномалий в платёжных данных.",
                "Мы предлагаем техническое содействие и обмен опытом для {group} по рискам и надзору за применением ИИ в финансовых услугах.",
            ),
            (
                "Основные вопросы — справедливость кредитного скоринга и объяснимость моделей.",
                "Рынок мобильных денег и цифрового кредитования быстро растёт, и надзорные возможности должны успевать за ним.",
                "На всех этапах работы должны соблюдаться правила конфиденциальности данных.",
            ),
        ),
        "youth_women_skills": (
            (
                "Программа навыков в области ИИ для молодёжи и женщин",
                "Цифровая и ИИ-грамотность для молодёжи, не охваченной обучением",
            ),
            ("Интенсивы по программированию и ИИ для девушек", "Программа ИИ-грамотности на базе местных сообществ"),
            (
                "{actor} ищет партнёров для проведения программ по основам ИИ и программирования для {group} с упором на трудоустройство.",
                "Нам нужна поддержка, чтобы дополнить программу цифровых навыков модулями по ИИ и распространить её на регионы за пределами столицы, прежде всего для {group}.",
            ),
            (
                "{actor} проводит интенсивные курсы по науке о данных и ИИ для {group} с последующим наставничеством и стажировками.",
                "Мы предлагаем программу ИИ-грамотности на базе библиотек, молодёжных центров и мобильных классов.",
            ),
            (
                "Не менее половины мест предназначено для женщин и девушек.",
                "Материалы рассчитаны на слушателей без опыта программирования.",
                "Важная часть программы — связи с работодателями и возможности стажировок.",
            ),
        ),
        "public_services": (
            ("Диалоговый ассистент для доступа граждан к госуслугам", "ИИ для упрощения административных процедур"),
            (
                "Техническое содействие в создании цифровых госуслуг на основе ИИ",
                "Открытая платформа для государственных чат-ботов",
            ),
            (
                "{actor} планирует разработать диалогового ассистента, отвечающего на вопросы граждан об административных процедурах на государственных языках.",
                "Мы ищем техническую поддержку для применения ИИ при обработке заявлений и маршрутизации обращений граждан.",
            ),
            (
                "{actor} делится открытой платформой для государственных диалоговых ассистентов и помогает адаптировать её к национальным процедурам.",
                "Мы предлагаем техническое содействие органам власти, которые хотят применять ИИ в цифровых госуслугах, а также обучение {group}.",
            ),
            (
                "Обязательное требование — доступность для людей с инвалидностью и граждан с низким уровнем грамотности.",
                "Необходима интеграция с действующими порталами электронного правительства и контакт-центрами.",
                "Ответы должны опираться на официальные источники, а возможность обратиться к сотруднику должна сохраняться.",
            ),
        ),
        "climate_modelling": (
            (
                "ИИ для даунскейлинга климатических прогнозов",
                "Научное партнёрство в области ИИ и адаптации к изменению климата",
            ),
            (
                "Совместные исследования по машинному обучению для климата и водных ресурсов",
                "Обучение методам ИИ для климатического обслуживания",
            ),
            (
                "{actor} нуждается в климатических проекциях высокого разрешения для планирования адаптации и ищет партнёров с опытом даунскейлинга на основе ИИ.",
                "Мы ищем научных партнёров для применения машинного обучения в моделировании климата и водных ресурсов и совместного руководства подготовкой {group}.",
            ),
            (
                "{actor} приглашает партнёров к совместным исследованиям по машинному обучению в климатическом моделировании, включая даунскейлинг проекций и оценку гидрологических последствий.",
                "Мы предлагаем обучение и совместные проекты для {group} по методам ИИ для климатического обслуживания.",
            ),
            (
                "Результаты должны использоваться в национальных планах адаптации и отраслевых оценках уязвимости.",
                "Ключевой вклад партнёров — доступ к историческим рядам наблюдений национальных служб.",
                "Предпочтение отдаётся открытым данным и инструментам с открытым кодом, чтобы результаты были воспроизводимы.",
            ),
        ),
    },
    "actors": {
        "gov": (
            "Министерство цифрового развития",
            "Агентство по делам государственной службы",
            "Министерство информационных технологий и связи",
            "Центр цифрового правительства",
        ),
        "planning": ("Министерство экономического развития", "Аппарат правительства"),
        "regulator": ("Уполномоченный орган по защите персональных данных", "Агентство по регулированию в сфере связи"),
        "stats": ("Национальный статистический комитет", "Агентство статистики"),
        "research": (
            "Национальный университет",
            "Академия наук",
            "Консорциум государственных университетов",
            "Институт информатики",
        ),
        "agri": ("Министерство сельского хозяйства", "Научно-исследовательский институт земледелия"),
        "health": ("Министерство здравоохранения", "Национальный институт общественного здравоохранения"),
        "culture": ("Институт языкознания", "Министерство культуры"),
        "met": ("Национальная гидрометеорологическая служба", "Комитет по чрезвычайным ситуациям"),
        "edu": ("Министерство просвещения", "Институт повышения квалификации педагогов"),
        "finance": ("Национальный банк", "Министерство финансов"),
        "industry": ("Министерство промышленности", "Центр повышения производительности труда"),
        "justice": ("Министерство юстиции", "Верховный суд"),
        "transport": ("Министерство транспорта", "Городское управление транспорта"),
        "energy": ("Министерство энергетики", "Национальная электросетевая компания"),
        "coop": (
            "Агентство международного сотрудничества",
            "Департамент международного сотрудничества Министерства иностранных дел",
        ),
        "org": ("Организация", "Секретариат", "Наше региональное бюро", "Наша организация"),
        "org_research": ("Университет", "Наш научно-исследовательский институт", "Центр компетенций"),
    },
    "groups": {
        "civil_servants": (
            "государственных служащих центральных ведомств",
            "сотрудников органов государственного и муниципального управления",
            "служащих территориальных подразделений министерств",
        ),
        "senior_officials": (
            "руководителей структурных подразделений министерств",
            "заместителей министров и директоров департаментов",
        ),
        "policy_staff": (
            "членов национальной рабочей группы по ИИ",
            "специалистов профильных министерств по вопросам политики",
        ),
        "data_officers": (
            "специалистов по управлению данными в госорганах",
            "сотрудников, ведущих административные реестры",
        ),
        "statisticians": (
            "статистиков и руководителей обследований",
            "сотрудников национальной статистической системы",
        ),
        "researchers": (
            "преподавателей и аспирантов государственных университетов",
            "молодых исследователей национальных университетов",
        ),
        "engineers": (
            "системных инженеров и администраторов вычислительных систем",
            "технических специалистов будущего центра",
        ),
        "extension_agents": ("агрономов-консультантов", "специалистов служб защиты растений"),
        "farmers": ("мелких фермерских хозяйств и их кооперативов", "сельхозпроизводителей из отдалённых районов"),
        "health_workers": (
            "врачей и рентгенолаборантов районных больниц",
            "работников первичного звена здравоохранения",
        ),
        "linguists": (
            "лингвистов и специалистов по обработке естественного языка",
            "исследователей национальных языков",
        ),
        "ict_officers": ("ИТ-специалистов государственных органов", "разработчиков цифровых госуслуг"),
        "forecasters": (
            "синоптиков и гидрологов национальной гидрометслужбы",
            "специалистов по снижению риска бедствий",
        ),
        "teachers": ("учителей начальной и средней школы", "преподавателей институтов повышения квалификации учителей"),
        "entrepreneurs": ("стартапов на ранней стадии", "молодых предпринимателей, создающих решения на основе ИИ"),
        "students": ("магистрантов и аспирантов", "выпускников по специальностям «информатика» и «математика»"),
        "court_staff": (
            "судей, секретарей и администраторов судов",
            "сотрудников департамента судебной информатизации",
        ),
        "transport_planners": (
            "специалистов по транспортному планированию и безопасности дорожного движения",
            "сотрудников городских транспортных служб",
        ),
        "supervisors": (
            "специалистов по банковскому надзору и платёжным системам",
            "аналитиков подразделения финансовой разведки",
        ),
        "youth": ("молодёжи в возрасте 15–24 лет", "молодых людей из малых городов"),
        "women": ("женщин и девушек, обучающихся техническим специальностям", "женщин-предпринимателей и специалистов"),
        "technicians": (
            "инженеров по техническому обслуживанию и технологов предприятий",
            "техников малых и средних промышленных предприятий",
        ),
    },
    "modality": {
        "need": {
            "training": (
                "Важной частью сотрудничества стало бы обучение наших сотрудников.",
                "Также была бы полезна подготовка внутренних тренеров, чтобы работа продолжалась и после проекта.",
            ),
            "technical_assistance": (
                "Кроме того, нам нужна экспертная поддержка на этапе внедрения, включая краткосрочные выезды специалистов.",
                "Особенно ценной будет практическая техническая помощь опытных специалистов.",
            ),
            "policy_exchange": (
                "Нам был бы полезен обмен опытом со странами, решавшими схожие задачи, включая краткий ознакомительный визит.",
                "Обмен мнениями с коллегами о вариантах политики и регулирования поможет избежать дорогостоящих ошибок.",
            ),
            "financial_support": (
                "Решающее значение для инициативы имело бы софинансирование оборудования и местных расходов.",
                "Мы также ищем финансирование закупки оборудования и первых лет эксплуатации.",
            ),
            "joint_research": (
                "Мы открыты для совместных исследований и публикаций.",
                "Приветствуется научное партнёрство с совместным руководством молодыми исследователями.",
            ),
        },
        "offer": {
            "training": (
                "Предложение может включать обучение сотрудников партнёрской организации.",
                "Предусмотрены учебные занятия для местных команд.",
            ),
            "technical_assistance": (
                "Эксперты готовы к выездам в страну и дистанционному сопровождению.",
                "Наши специалисты могут оказать практическую техническую поддержку на этапе внедрения.",
            ),
            "policy_exchange": (
                "Возможна организация ознакомительных визитов и встреч с нашими специалистами.",
                "Мы также содействуем диалогу по вопросам политики между профильными ведомствами.",
            ),
            "financial_support": (
                "Часть расходов может быть покрыта за счёт гранта.",
                "Предусмотрено финансирование оборудования и местных эксплуатационных расходов.",
            ),
            "joint_research": (
                "Приветствуются совместные публикации и совместное научное руководство студентами.",
                "С организациями-партнёрами могут быть запущены совместные исследовательские проекты.",
            ),
        },
    },
    "format": {
        "need": {
            "online": (
                "Мероприятия могут проводиться полностью в дистанционном формате.",
                "Мы предпочитаем дистанционный формат, поскольку бюджет на поездки ограничен.",
            ),
            "in_person": ("Мы предпочитаем очные занятия {place}.", "Мероприятия должны проходить очно {place}."),
            "hybrid": (
                "Нам подходит сочетание дистанционной работы и очных сессий {place}.",
                "Оптимальным был бы смешанный формат: онлайн-модули и короткая очная сессия {place}.",
            ),
        },
        "offer": {
            "online": (
                "Обучение проводится полностью онлайн.",
                "Все занятия проходят онлайн, записи остаются доступными.",
            ),
            "in_person": ("Мероприятия проводятся очно {place}.", "Участники проходят обучение очно {place}."),
            "hybrid": (
                "Формат сочетает онлайн-модули с очной частью {place}.",
                "Работа ведётся дистанционно, с выездными миссиями и семинарами {place}.",
            ),
        },
    },
    "places": {
        "need": (
            "в столице",
            "в двух пилотных провинциях",
            "в нашем учебном центре",
            "в трёх пилотных районах",
            "в столице и одном из областных центров",
            "на базе национального университета",
        ),
        "offer": (
            "в нашей штаб-квартире",
            "в нашем региональном учебном центре",
            "в нашем учебном институте",
            "в стране-партнёре",
            "в стране-партнёре или на нашей базе",
            "на базе одного из университетов-партнёров в регионе",
        ),
    },
    "period": {
        "need": (
            "Работы планируется провести в период с {start_gen} по {end_nom}",
            "Начало работ — {start_nom}, завершение — не позднее {end_gen}",
            "Желательные сроки: {start_nom} — {end_nom}",
        ),
        "offer": (
            "Предложение действует с {start_gen} по {end_nom}",
            "Мероприятия проводятся в период с {start_gen} по {end_nom}",
            "Сроки реализации: {start_nom} — {end_nom}",
        ),
    },
    "capacity": {
        "need": {
            "seats": ("Ожидаемое число участников — около {n}.", "Число слушателей — порядка {n}."),
            "expert_days": (
                "Потребность оценивается примерно в {n} чел.-дн. экспертной работы.",
                "Объём необходимой экспертной поддержки — около {n} чел.-дн.",
            ),
            "amount": (
                "Потребность в финансировании оценивается в {amount}.",
                "Мы ищем финансирование в объёме около {amount}.",
            ),
        },
        "offer": {
            "seats": ("Количество мест — до {n}.", "Число мест в группе — {n}."),
            "expert_days": (
                "Объём экспертной поддержки — до {n} чел.-дн.",
                "Предложение покрывает до {n} чел.-дн. работы экспертов.",
            ),
            "amount": ("Общий объём финансирования — {amount}.", "Размер гранта — до {amount}."),
        },
    },
    "languages": {
        "need_one": ("Рабочий язык — {nom}.", "Работа должна вестись на {prep} языке."),
        "need_many": ("Рабочие языки — {nom}.", "Работать можем на {prep} языках."),
        "offer_one": ("Обучение ведётся на {prep} языке.", "Документация и поддержка — на {prep} языке."),
        "offer_many": ("Работа ведётся на {prep} языках.", "Рабочие языки: {nom}."),
    },
    "eligibility": {
        "regions": ("Предложение открыто для организаций из стран {regions}.", "Участвовать могут страны {regions}."),
        "groups": (
            "Приоритет отдаётся заявителям из {groups}.",
            "Предложение адресовано прежде всего организациям из {groups}.",
        ),
    },
    "closing": {
        "need": (
            "Мы открыты для сотрудничества Юг — Юг и трёхстороннего сотрудничества.",
            "Особенно приветствуются партнёры с опытом работы в сопоставимых условиях.",
            "Наша организация может взять на себя местную логистику и выделить сотрудников-контрпартнёров.",
            "Краткая концептуальная записка может быть предоставлена по запросу.",
        ),
        "offer": (
            "Заинтересованным членам предлагается направить краткое заявление о заинтересованности.",
            "Заявки рассматриваются в порядке поступления.",
            "Предложение реализуется в рамках нашей программы сотрудничества Юг — Юг.",
            "Среди наших партнёров — министерства и университеты разных регионов.",
        ),
    },
    "language_names": {
        "ar": "арабский",
        "zh": "китайский",
        "en": "английский",
        "fr": "французский",
        "ru": "русский",
        "es": "испанский",
    },
    "language_names_prep": {
        "ar": "арабском",
        "zh": "китайском",
        "en": "английском",
        "fr": "французском",
        "ru": "русском",
        "es": "испанском",
    },
    "region_names": {
        "002": "Африки",
        "015": "Северной Африки",
        "202": "Африки к югу от Сахары",
        "019": "Америки",
        "419": "Латинской Америки и Карибского бассейна",
        "142": "Азии",
        "143": "Центральной Азии",
        "145": "Западной Азии",
        "035": "Юго-Восточной Азии",
        "150": "Европы",
        "009": "Океании",
    },
    "group_names": {
        "LDC": "наименее развитых стран",
        "LLDC": "развивающихся стран, не имеющих выхода к морю",
        "SIDS": "малых островных развивающихся государств",
        "G77": "стран Группы 77",
    },
    "months": (
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ),
    "months_gen": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    "currency_names": {
        "USD": "долл. США",
        "EUR": "евро",
        "CNY": "юаней",
        "GBP": "фунтов стерлингов",
        "JPY": "иен",
        "XOF": "франков КФА",
        "ZMW": "квач",
        "RUB": "рублей",
        "SAR": "саудовских риялов",
        "INR": "индийских рупий",
        "BRL": "бразильских реалов",
    },
}

_AR = {
    "topics": {
        "civil_service_ai": (
            (
                "تدريب موظفي الإدارة العامة على استخدامات الذكاء الاصطناعي",
                "تعزيز مهارات الذكاء الاصطناعي في الجهاز الحكومي",
            ),
            (
                "برنامج لتنمية المعارف في مجال الذكاء الاصطناعي لدى موظفي القطاع العام",
                "دورة في الاستخدام المسؤول للذكاء الاصطناعي في العمل الحكومي",
            ),
            (
                "[[تسعى|يسعى]] {actor} إلى تنظيم برنامج تدريبي في مجال الذكاء الاصطناعي لفائدة {group}، ونبحث عن شريك لتصميمه وتنفيذه.",
                "نحتاج إلى دعم لبناء المهارات الأساسية في الذكاء الاصطناعي لدى {group}، إذ يستخدم كثير منهم أدوات الذكاء الاصطناعي التوليدي دون أي توجيه.",
            ),
            (
                "[[تقدم|يقدم]] {actor} برنامجاً متكاملاً لتنمية المعارف في مجال الذكاء الاصطناعي موجهاً إلى {group}، استناداً إلى [[خبرتها|خبرته]] مع إدارات عامة في مناطق عدة.",
                "نقدم دورة في الاستخدام المسؤول للذكاء الاصطناعي في العمل الإداري، مصممة خصيصاً لفائدة {group}.",
            ),
            (
                "يشمل البرنامج أساسيات تعلم الآلة، واستخدام الذكاء الاصطناعي التوليدي في صياغة الوثائق وتلخيصها، وحماية البيانات الشخصية.",
                "تستند التمارين العملية إلى مهام إدارية حقيقية مثل معالجة المراسلات ودراسة الطلبات والرد على استفسارات المواطنين.",
                "تتيح وحدة لتدريب المدربين للمعهد الوطني للإدارة مواصلة الدورات بصورة مستقلة.",
            ),
        ),
        "strategy": (
            (
                "تحديث الاستراتيجية الوطنية للذكاء الاصطناعي ووضع مؤشرات لمتابعة تنفيذها",
                "دعم إعداد أول استراتيجية وطنية للذكاء الاصطناعي",
            ),
            (
                "دعم فني للحكومات في إعداد استراتيجيات الذكاء الاصطناعي وتحديثها",
                "تبادل الخبرات بين الأقران حول تنفيذ الاستراتيجيات الوطنية للذكاء الاصطناعي",
            ),
            (
                "[[تعمل|يعمل]] {actor} على مراجعة الاستراتيجية الوطنية للذكاء الاصطناعي بعد مرور عامين على إطلاقها، ونرغب في الاطلاع على تجارب دول قطعت شوطاً في التنفيذ.",
                "نحتاج إلى دعم خبراء لإعداد أول استراتيجية وطنية للذكاء الاصطناعي، انطلاقاً من تقييم للجاهزية ومشاورات واسعة.",
            ),
            (
                "[[تقدم|يقدم]] {actor} دعماً فنياً للحكومات التي تعدّ استراتيجياتها للذكاء الاصطناعي أو تراجعها، بدءاً من تشخيص الجاهزية وصولاً إلى خطة عمل محددة التكاليف.",
                "نقدم منصة لتبادل الخبرات بين الأقران ومشورة متخصصة بشأن الاستراتيجيات الوطنية للذكاء الاصطناعي، استناداً إلى تجربتنا في إعدادها وتنفيذها ومتابعتها.",
            ),
            (
                "تشمل المجالات ذات الأولوية ترتيبات الحوكمة المؤسسية وآليات التنسيق بين الجهات الحكومية وإطاراً للرصد والتقييم بمؤشرات قابلة للقياس.",
                "تمثل المشاورات مع الجامعات والقطاع الخاص والمجتمع المدني عنصراً أساسياً في هذه العملية.",
                "تحظى الزيارات الدراسية واللقاءات الافتراضية مع مسؤولين قادوا عمليات مماثلة بأهمية خاصة.",
            ),
        ),
        "regulation": (
            ("إعداد إطار قانوني للذكاء الاصطناعي", "تبادل الخبرات في تنظيم الذكاء الاصطناعي وأخلاقياته"),
            (
                "تبادل الممارسات التنظيمية في حوكمة الذكاء الاصطناعي القائمة على المخاطر",
                "المشورة في وضع مبادئ أخلاقية للذكاء الاصطناعي وهيئات للرقابة",
            ),
            (
                "[[تعدّ|يعدّ]] {actor} مشروع قانون بشأن الذكاء الاصطناعي، [[وتود|ويود]] الاستفادة من تجارب الدول التي اعتمدت نهجاً تنظيمياً قائماً على المخاطر.",
                "نحتاج إلى دعم لترجمة توصية اليونسكو بشأن أخلاقيات الذكاء الاصطناعي إلى مبادئ توجيهية وطنية وآلية للرقابة.",
            ),
            (
                "[[تتقاسم|يتقاسم]] {actor} [[خبرتها|خبرته]] التنظيمية مع الدول التي تعدّ تشريعات للذكاء الاصطناعي، بما في ذلك تصنيف المخاطر وتقييم المطابقة وإنفاذ القواعد.",
                "نقدم حواراً حول السياسات ودعماً في الصياغة القانونية بشأن أخلاقيات الذكاء الاصطناعي وتنظيمه لفائدة {group}.",
            ),
            (
                "تشمل المسائل المطروحة تصنيف الاستخدامات عالية المخاطر والتزامات الشفافية ودور هيئات حماية البيانات القائمة.",
                "يُتوقع إعداد دراسة مقارنة للتشريعات الحديثة وتنظيم ورشة عمل مع الكوادر الفنية للبرلمان.",
                "يولى اهتمام خاص للمشتريات الحكومية من أنظمة الذكاء الاصطناعي ولآليات التظلم المتاحة للمواطنين.",
            ),
        ),
        "data_governance": (
            ("إطار لحوكمة البيانات وتبادلها الآمن بين المؤسسات العامة", "سياسة ومنصة وطنية للبيانات المفتوحة"),
            (
                "دعم فني في حوكمة البيانات والبيانات المفتوحة",
                "اتفاقيات تبادل البيانات وتقنيات حماية الخصوصية في القطاع العام",
            ),
            (
                "[[تحتاج|يحتاج]] {actor} إلى وضع إطار لحوكمة البيانات يتيح للوزارات تبادل السجلات الإدارية بصورة آمنة وبما يتوافق مع قانون حماية البيانات الشخصية.",
                "نبحث عن دعم فني لمراجعة سياسة البيانات المفتوحة ونشر مجموعات بيانات عالية القيمة بصيغ قابلة للقراءة الآلية.",
            ),
            (
                "[[ترافق|يرافق]] {actor} المؤسسات العامة في وضع أطر حوكمة البيانات واتفاقيات التبادل وبوابات البيانات المفتوحة.",
                "نقدم دعماً عملياً في إدارة البيانات لفائدة {group}، من حصر مصادر البيانات إلى نشرها مع صون الخصوصية.",
            ),
            (
                "تشمل الموضوعات الرئيسية حصر البيانات واتفاقيات التبادل ومعايير البيانات الوصفية وأدوار أمناء البيانات.",
                "تحظى تقنيات حماية الخصوصية، مثل إخفاء الهوية والخصوصية التفاضلية والبيانات الاصطناعية، باهتمام خاص.",
                "الهدف هو إتاحة البيانات العامة لتطبيقات الذكاء الاصطناعي مع الحفاظ على ثقة المواطنين.",
            ),
        ),
        "statistics": (
            (
                "تعلم الآلة للترميز الآلي في مسوح الأسر المعيشية",
                "تحديث الإحصاءات الرسمية باستخدام الذكاء الاصطناعي ومصادر البيانات الجديدة",
            ),
            (
                "تعلم الآلة في خدمة مكاتب الإحصاء الوطنية",
                "التدريب على البيانات الضخمة والذكاء الاصطناعي في الإحصاءات الرسمية",
            ),
            (
                "[[ترمّز|يرمّز]] {actor} يدوياً مئات الآلاف من إجابات المسوح المتعلقة بالمهن والأنشطة الاقتصادية، [[وتسعى|ويسعى]] إلى اعتماد نماذج تعلم الآلة للترميز الآلي.",
                "نبحث عن دعم منهجي لاستخدام صور الأقمار الصناعية وبيانات الهاتف المحمول وتعلم الآلة في إنتاج الإحصاءات الرسمية.",
            ),
            (
                "[[تساعد|يساعد]] {actor} مكاتب الإحصاء الوطنية على توظيف تعلم الآلة في الترميز وربط السجلات وتعويض البيانات الناقصة والتقدير الآني.",
                "نقدم تدريباً ودعماً فنياً لفائدة {group} في دمج مصادر البيانات الجديدة وأساليب الذكاء الاصطناعي في الإنتاج الإحصائي.",
            ),
            (
                "تشمل التطبيقات المعنية الترميز وفق التصنيفين الدوليين للمهن والأنشطة الاقتصادية، وتقديرات المناطق الصغيرة، وتقييم جودة المصادر الإدارية.",
                "ينبغي أن تبقى الأساليب شفافة وموثقة حتى يمكن شرحها لمستخدمي الإحصاءات الرسمية.",
                "يُخطط لتعاون وثيق مع إدارة تقنية المعلومات لضمان صيانة النماذج بعد انتهاء المشروع.",
            ),
        ),
        "compute_access": (
            (
                "الوصول إلى قدرات الحوسبة بوحدات معالجة الرسومات لأغراض البحث الجامعي",
                "أرصدة حوسبة سحابية للبحث العلمي العام",
            ),
            (
                "ساعات حوسبة بوحدات معالجة الرسومات للمؤسسات البحثية العامة",
                "منح حوسبة لتدريب نماذج الذكاء الاصطناعي وتكييفها",
            ),
            (
                "[[تحتاج|يحتاج]] {actor} إلى وصول مستدام إلى وحدات معالجة الرسومات لتدريب النماذج وتكييفها، إذ لا يتوفر للباحثين حالياً سوى عدد قليل من بطاقات الرسومات الاستهلاكية.",
                "نبحث عن موارد حوسبة تقدر بعشرات الآلاف من ساعات وحدات معالجة الرسومات لفائدة {group}، لا سيما في مشاريع نماذج اللغات المحلية وتطبيقات الذكاء الاصطناعي.",
            ),
            (
                "[[تتيح|يتيح]] {actor} للجامعات ومؤسسات البحث العامة وقت حوسبة على وحدات معالجة الرسومات لتدريب نماذج الذكاء الاصطناعي والحوسبة العلمية.",
                "نقدم حصصاً على عنقود الحوسبة لدينا، مع وثائق فنية ودعم للمستخدمين، لفائدة {group}.",
            ),
            (
                "تُمنح الحصص على أساس خطة بحثية موجزة، مع إعطاء الأولوية للمشاريع التي تنشر نماذج أو بيانات مفتوحة.",
                "يشكل التوجيه بشأن جدولة المهام والحاويات والاستخدام الفعال لذاكرة وحدات معالجة الرسومات عنصراً مكملاً مهماً.",
                "تشمل الاستخدامات المعتادة تكييف النماذج اللغوية وتحليل صور الأقمار الصناعية والمحاكاة المناخية.",
            ),
        ),
        "hpc_centre": (
            ("دراسة جدوى لإنشاء مركز وطني للحوسبة عالية الأداء", "تصميم مرفق حوسبة مشترك للجهات الحكومية والجامعات"),
            (
                "خدمات استشارية لمراكز الحوسبة الفائقة الوطنية المخصصة للذكاء الاصطناعي",
                "إقامات تدريبية لمهندسي الحوسبة عالية الأداء ودعم تخطيط البنية التحتية",
            ),
            (
                "[[تعتزم|يعتزم]] {actor} إنشاء مركز وطني للحوسبة لتدريب نماذج الذكاء الاصطناعي وتشغيلها لصالح الجهات الحكومية والجامعات، [[وتحتاج|ويحتاج]] إلى دعم فني لإعداد دراسة الجدوى.",
                "نحتاج إلى خبرة متخصصة في تحديد مواصفات عنقود لوحدات معالجة الرسومات وشرائه، يخدم {group} في جميع أنحاء البلاد.",
            ),
            (
                "[[ترافق|يرافق]] {actor} الدول التي تخطط لأول بنية تحتية للحوسبة المخصصة للذكاء الاصطناعي، من تقييم الاحتياجات واختيار البنية إلى إعداد المواصفات الفنية للمشتريات.",
                "نقدم خدمات استشارية وإقامات تدريبية للمهندسين على حاسوبنا الفائق لفائدة الفرق التي تعدّ لإنشاء مركز حوسبة وطني.",
            ),
            (
                "تشمل الدراسة الطلب المتوقع من المستخدمين، وبنية الحوسبة والتخزين، وإمدادات الطاقة، والتبريد، ونموذج التشغيل المستدام.",
                "تعدّ كفاءة استخدام الطاقة والاعتماد على الطاقة المتجددة من المعايير الحاسمة.",
                "يشكل تدريب المهندسين الذين سيتولون تشغيل النظام جزءاً لا يتجزأ من الخطة.",
            ),
        ),
        "agriculture": (
            (
                "الكشف المبكر عن آفات المحاصيل وأمراضها باستخدام الهاتف المحمول",
                "تقدير المحاصيل بالذكاء الاصطناعي وتقديم المشورة لصغار المزارعين",
            ),
            (
                "دعم فني لرصد الآفات الزراعية بمساعدة الذكاء الاصطناعي",
                "أدوات رقمية للإرشاد الزراعي قائمة على الذكاء الاصطناعي",
            ),
            (
                "[[تحتاج|يحتاج]] {actor} إلى دعم فني لتطوير تطبيق على الهاتف المحمول يساعد {group} على التعرف على الآفات والأمراض من خلال الصور.",
                "نبحث عن شركاء للجمع بين صور الأقمار الصناعية والبيانات الميدانية من أجل تقدير المحاصيل وإيصال إرشادات في الوقت المناسب إلى {group}.",
            ),
            (
                "[[تساعد|يساعد]] {actor} أجهزة وقاية النبات والإرشاد الزراعي على اعتماد التشخيص بالهاتف الذكي، بما في ذلك نماذج تعمل دون اتصال ويعاد تدريبها على صور محلية.",
                "نقدم خبرتنا في خدمات الإرشاد الزراعي القائمة على الذكاء الاصطناعي، بما في ذلك بروتوكولات جمع البيانات وتدريب {group}.",
            ),
            (
                "يجب أن تعمل الأدوات دون اتصال بالإنترنت في المناطق ضعيفة التغطية وباللغات التي يتحدثها المزارعون.",
                "يمثل بناء قاعدة صور موسومة للمحاصيل الرئيسية في البلاد جوهر العمل.",
                "ينبغي دمج النتائج في منظومة الإرشاد القائمة بدلاً من إنشاء خدمة موازية.",
            ),
        ),
        "health": (
            (
                "قراءة صور الأشعة السينية للصدر بمساعدة الذكاء الاصطناعي في مستشفيات المناطق",
                "دعم القرار السريري بالذكاء الاصطناعي في الرعاية الصحية الأولية",
            ),
            (
                "دعم فني وتدريب سريري في التصوير الطبي بمساعدة الذكاء الاصطناعي",
                "الفحص بالذكاء الاصطناعي لاعتلال الشبكية السكري والسل",
            ),
            (
                "[[تسعى|يسعى]] {actor} إلى تجربة قراءة صور الأشعة السينية للصدر بمساعدة الذكاء الاصطناعي في مستشفيات مناطق تتوفر فيها أجهزة الأشعة ولا يتوفر فيها أخصائيو أشعة.",
                "نحتاج إلى دعم فني لاختيار برمجيات الفحص القائمة على الذكاء الاصطناعي والتحقق من أدائها وتشغيلها، وإلى تدريب {group} على استخدامها بأمان.",
            ),
            (
                "[[توفد|يوفد]] {actor} فريقاً من أطباء الأشعة والمهندسين لتركيب برمجيات التصوير بمساعدة الذكاء الاصطناعي في المستشفيات الشريكة والتحقق منها على حالات محلية.",
                "نقدم حلولاً للفحص بالذكاء الاصطناعي مصحوبة بتدريب سريري لفائدة {group}، تحت إشراف السلطات الصحية الوطنية.",
            ),
            (
                "يعدّ التحقق على بيانات محلية ومعايرة عتبات القرار شرطاً لا غنى عنه قبل أي استخدام روتيني.",
                "تشمل حالات الاستخدام فحص السل واعتلال الشبكية السكري وتقييم المخاطر في صحة الأمهات.",
                "يشكل ضمان الجودة وبروتوكولات الإحالة وحماية بيانات المرضى جزءاً من عملية النشر.",
            ),
        ),
        "language_resources": (
            ("مدونات صوتية ونصية للغات الوطنية قليلة الموارد", "شريك بحثي للتعرف الآلي على الكلام باللغات المحلية"),
            ("شراكات بحثية في تقنيات اللغة للغات منخفضة الموارد", "منح لرقمنة اللغات الوطنية ومعالجتها آلياً"),
            (
                "[[تبحث|يبحث]] {actor} عن شريك بحثي لبناء مدونات صوتية ونصية للغات وطنية تكاد تخلو من أي موارد رقمية.",
                "نحتاج إلى المساعدة في تطوير أنظمة التعرف على الكلام والترجمة الآلية للغاتنا الوطنية، حتى تصل المعلومات العامة إلى المواطنين الذين لا يقرؤون اللغة الرسمية.",
            ),
            (
                "[[تطور|يطور]] {actor}، بالشراكة مع مؤسسات محلية، نماذج للتعرف على الكلام وتحويل النص إلى كلام والترجمة الآلية للغات التي تفتقر إلى البيانات الرقمية.",
                "نقدم شراكات بحثية ومنحاً صغيرة للفرق التي تبني موارد لغوية مفتوحة بمشاركة {group}.",
            ),
            (
                "يقوم جمع البيانات على مشاركة المجتمعات المحلية، مع الموافقة المستنيرة والأجر العادل.",
                "من المقرر نشر المدونات والنماذج الناتجة بتراخيص مفتوحة.",
                "تُعطى الأولوية للغات المستخدمة في الإذاعات الريفية والرسائل الصحية والتعليم الابتدائي.",
            ),
        ),
        "safety_testing": (
            (
                "اختبار المساعدات الحكومية القائمة على النماذج اللغوية قبل إطلاقها",
                "أساليب تقييم سلامة النماذج اللغوية الكبيرة",
            ),
            (
                "خدمة تقييم أنظمة الذكاء الاصطناعي الحكومية واختبارها قبل نشرها",
                "التطوير المشترك لمعايير اختبار متعددة اللغات لسلامة الذكاء الاصطناعي",
            ),
            (
                "[[تستعد|يستعد]] {actor} لإطلاق مساعدات قائمة على الذكاء الاصطناعي التوليدي في الخدمات العامة، [[وتحتاج|ويحتاج]] إلى دعم لوضع نظام اختبار يسبق التشغيل.",
                "نبحث عن شركاء لتبادل الخبرات بشأن أساليب تقييم سلامة النماذج اللغوية الكبيرة، بما في ذلك بلغات غير الإنجليزية.",
            ),
            (
                "[[توفر|يوفر]] {actor} تقييماً مستقلاً لأنظمة الذكاء الاصطناعي قبل نشرها في الخدمات العامة، يشمل الدقة والتحيز والمتانة ومقاومة إساءة الاستخدام.",
                "نقدم التطوير المشترك لمجموعات اختبار مفتوحة متعددة اللغات لتقييم سلامة النماذج اللغوية، وتدريب {group} على تطبيقها.",
            ),
            (
                "يشمل التقييم دقة الإجابات وفق الأنظمة والإجراءات الوطنية، والتعامل مع اللهجات المحلية، والتحيز، ومقاومة محاولات تجاوز القيود.",
                "من النتائج المتوقعة قائمة تحقق قابلة لإعادة الاستخدام ووثائق تدعم المساءلة.",
                "يبقى الاعتراف المتبادل بنتائج الاختبارات بين المعاهد هدفاً على المدى البعيد.",
            ),
        ),
        "early_warning": (
            ("التنبؤ بالفيضانات باستخدام تعلم الآلة", "تعزيز الإنذار المبكر بالجفاف والسيول"),
            ("دعم فني في توظيف الذكاء الاصطناعي في نظم الإنذار المبكر", "دورة في تعلم الآلة للتنبؤ الهيدرولوجي"),
            (
                "[[ترغب|يرغب]] {actor} في تمديد مهلة الإنذار بالفيضانات من بضع ساعات إلى يوم أو يومين، [[وتهتم|ويهتم]] بالأساليب القائمة على تعلم الآلة.",
                "نبحث عن دعم فني لدمج توقعات الأمطار وبيانات المحطات ورصدات الأقمار الصناعية في نظام إنذار مبكر قائم على الذكاء الاصطناعي، مع تدريب {group}.",
            ),
            (
                "[[تدعم|يدعم]] {actor} المرافق الوطنية للأرصاد الجوية والهيدرولوجيا في تطبيق تعلم الآلة على الإنذار المبكر بالفيضانات والجفاف والأعاصير.",
                "نقدم تطويراً مشتركاً للأساليب وتدريباً لفائدة {group} على التنبؤ بالذكاء الاصطناعي في ظل شبكات رصد محدودة.",
            ),
            (
                "نظراً إلى قصر سجلات محطات القياس وعدم انتظامها، تُفضَّل الأساليب التي تجمع بين تقديرات الأقمار الصناعية وإعادة التحليل والنماذج التقليدية.",
                "يجب أن تصل رسائل الإنذار في الوقت المناسب إلى المجتمعات المعرضة للخطر وبلغة تفهمها.",
                "يندرج هذا العمل في إطار مبادرة الإنذار المبكر للجميع.",
            ),
        ),
        "teacher_literacy": (
            (
                "تنمية المعارف في مجال الذكاء الاصطناعي لدى المعلمين",
                "تدريب المعلمين على استخدام أدوات الذكاء الاصطناعي في الصف",
            ),
            ("دورة في أساسيات الذكاء الاصطناعي للمعلمين ومدربيهم", "موارد تعليمية مفتوحة حول الذكاء الاصطناعي للمدارس"),
            (
                "[[تعتزم|يعتزم]] {actor} إدراج أساسيات الذكاء الاصطناعي في المناهج الدراسية، [[وتحتاج|ويحتاج]] إلى برنامج تدريبي لفائدة {group}.",
                "نبحث عن شريك لتدريب {group} على الاستخدام المسؤول للذكاء الاصطناعي التوليدي في إعداد الدروس والتقييم.",
            ),
            (
                "[[تقدم|يقدم]] {actor} برنامجاً مدمجاً لتنمية معارف المعلمين في الذكاء الاصطناعي، يتماشى مع إطار اليونسكو لكفاءات المعلمين في مجال الذكاء الاصطناعي.",
                "نقدم موارد تعليمية مفتوحة ودورة لإعداد المدربين تمكّن {group} من تدريس أساسيات الذكاء الاصطناعي.",
            ),
            (
                "يتناول المحتوى ماهية الذكاء الاصطناعي وكيف يمكن أن يدعم التدريس وحدوده، بما في ذلك التحيز والنزاهة الأكاديمية.",
                "يجب أن تكون المواد ملائمة للمدارس ذات الاتصال المحدود والأجهزة المشتركة.",
                "يُعتمد نموذج تدريبي متسلسل ينقل فيه مدربون وطنيون الدورة إلى زملائهم.",
            ),
        ),
        "joint_lab": (
            (
                "مختبر بحثي مشترك في الذكاء الاصطناعي مع جامعة شريكة",
                "شراكة بحثية لتطوير نماذج ذكاء اصطناعي تلبي الأولويات الوطنية",
            ),
            ("دعوة لتقديم مشاريع بحثية مشتركة في الذكاء الاصطناعي", "مختبر مشترك وإشراف مشترك على أطروحات الدكتوراه"),
            (
                "[[تعتزم|يعتزم]] {actor} إنشاء مختبر مشترك للذكاء الاصطناعي مع جامعة أجنبية، [[وتبحث|ويبحث]] عن شركاء يتمتعون بخبرات مكملة.",
                "نبحث عن شركاء بحثيين لتطوير نماذج ذكاء اصطناعي مفتوحة تلبي الأولويات الوطنية، وللإشراف المشترك على {group}.",
            ),
            (
                "[[تدعو|يدعو]] {actor} جامعات البلدان النامية إلى إطلاق مشاريع بحثية مشتركة في تعلم الآلة، مع إقامات بحثية متبادلة.",
                "نقدم استضافة مختبر مشترك، مع تمويل مشاركة فريقنا وإقامات بحثية لفائدة {group}.",
            ),
            (
                "يُنتظر من الشركاء الإسهام بالبيانات المحلية والأسئلة البحثية، ويمكن تقاسم موارد الحوسبة.",
                "تشمل النتائج المتوقعة منشورات مشتركة وشيفرة مفتوحة المصدر وأطروحات بإشراف مشترك.",
                "تمتد الشراكة من ثلاث إلى خمس سنوات، مع ورشة عمل مشتركة سنوية.",
            ),
        ),
        "startup_funding": (
            (
                "تمويل مشترك ومرافقة للشركات الناشئة في مجال الذكاء الاصطناعي",
                "تمويل أولي لمشاريع الذكاء الاصطناعي التي تقودها نساء",
            ),
            (
                "منح واستثمارات في رأس المال للشركات الناشئة في الذكاء الاصطناعي",
                "برنامج تسريع للشركات الناشئة في الذكاء الاصطناعي من البلدان النامية",
            ),
            (
                "[[تبحث|يبحث]] {actor} عن شركاء لتمويل مشترك لمنح ما قبل البذرة وبرامج التسريع لفائدة الشركات الناشئة التي تطور حلولاً قائمة على الذكاء الاصطناعي.",
                "نبحث عن جهات مانحة أو مستثمرين مستعدين لتمويل {group} عبر منح أو قروض شرف.",
            ),
            (
                "[[تقدم|يقدم]] {actor} منحاً وإرشاداً لفائدة {group}، شريطة تجاوز مرحلة النموذج الأولي.",
                "نقدم برنامج تسريع يشمل الإرشاد ودعم النفاذ إلى الأسواق ولقاءات مع المستثمرين لفائدة الشركات الناشئة في مجال الذكاء الاصطناعي.",
            ),
            (
                "يستهدف الدعم الشركات التي تلبي احتياجات محلية في الزراعة والصحة والتمويل والخدمات العامة.",
                "تؤدي حاضنات الأعمال في العاصمة والمدن الثانوية دور الوسيط في اختيار الشركات ومتابعتها.",
                "يشكل التوازن بين الجنسين في صفوف المؤسسين هدفاً صريحاً.",
            ),
        ),
        "scholarships": (
            (
                "منح دراسية للماجستير والدكتوراه في الذكاء الاصطناعي",
                "إعداد جيل جديد من أساتذة الجامعات في الذكاء الاصطناعي",
            ),
            ("منح دراسية ممولة بالكامل في الذكاء الاصطناعي", "زمالات بحثية في تعلم الآلة"),
            (
                "[[تسعى|يسعى]] {actor} إلى إعداد جيل جديد من الأساتذة الجامعيين في الذكاء الاصطناعي، [[وتبحث|ويبحث]] عن منح دراسية لفائدة {group}.",
                "نحتاج إلى فرص منح في الخارج لفائدة {group}، على أن يعودوا للتدريس والبحث في الجامعات الوطنية.",
            ),
            (
                "[[تفتح|يفتح]] {actor} باب التقديم لمنح دراسية كاملة في برامج الماجستير والدكتوراه في تعلم الآلة والرؤية الحاسوبية ومعالجة اللغات الطبيعية.",
                "نقدم زمالات بحثية لفائدة {group}، تشمل الإشراف العلمي والنفاذ إلى موارد الحوسبة وراتباً شهرياً.",
            ),
            (
                "تشمل المجالات ذات الأولوية تعلم الآلة والرؤية الحاسوبية ومعالجة اللغات الطبيعية والذكاء الاصطناعي في خدمة العلوم.",
                "يُشجَّع بقوة العودة إلى المؤسسة الأصلية ومواصلة التعاون بعد انتهاء الدراسة.",
                "تشمل التكاليف المطلوب تغطيتها الرسوم الدراسية والسكن والسفر.",
            ),
        ),
        "green_datacentre": (
            (
                "مركز بيانات موفر للطاقة لخدمات الذكاء الاصطناعي الحكومية",
                "تزويد البنية التحتية للذكاء الاصطناعي بالطاقة المتجددة",
            ),
            ("دعم فني في إنشاء مراكز بيانات خضراء", "المشورة في إمدادات الطاقة والتبريد لمرافق الحوسبة"),
            (
                "[[تخطط|يخطط]] {actor} لإنشاء مركز بيانات حكومي لاستضافة تطبيقات الذكاء الاصطناعي، [[وتحتاج|ويحتاج]] إلى مشورة بشأن كفاءة الطاقة والتبريد والإمداد بالطاقة المتجددة.",
                "نبحث عن دعم لتقييم قدرة الشبكة الكهربائية الوطنية على تزويد مراكز البيانات الجديدة دون المساس بحصول الأسر على الكهرباء.",
            ),
            (
                "[[تقدم|يقدم]] {actor} المشورة في تصميم مراكز البيانات الموفرة للطاقة، بما يشمل تقنيات التبريد ومؤشر فعالية استخدام الطاقة والتوليد المتجدد في الموقع.",
                "نقدم دعماً فنياً وتمويلاً مشتركاً للبنية التحتية الرقمية العاملة بالطاقة النظيفة لفائدة {group}.",
            ),
            (
                "تشمل المسائل الرئيسية كفاءة الطاقة والتبريد في المناخات الحارة والاستفادة من الطاقة الشمسية أو الكهرومائية.",
                "يتناول التحليل أيضاً الربط الشبكي واختيار الموقع وتكاليف التشغيل على المدى الطويل.",
                "يعدّ الإمداد الموثوق بالكهرباء شرطاً مسبقاً لأي بنية تحتية وطنية للذكاء الاصطناعي.",
            ),
        ),
        "manufacturing": (
            (
                "تدريب المهندسين على الصيانة التنبؤية والفحص البصري الآلي",
                "الذكاء الاصطناعي لضبط الجودة في المنشآت الصناعية الصغيرة",
            ),
            (
                "برنامج تدريبي: الذكاء الاصطناعي في الصيانة التنبؤية وضبط الجودة الصناعية",
                "دورة تطبيقية في الصناعة 4.0 والذكاء الاصطناعي لفنيي المنشآت الصغيرة والمتوسطة",
            ),
            (
                "[[تعتزم|يعتزم]] {actor} تأهيل {group} على استخدام تعلم الآلة في الصيانة التنبؤية وأنظمة الرؤية الحاسوبية في ضبط الجودة.",
                "[[تبحث|يبحث]] {actor} عن تدريب عملي لفائدة {group}، إذ جُهّزت عدة مصانع بمعدات للرؤية الآلية لا يجيد العاملون المحليون تشغيلها بعد.",
            ),
            (
                "[[تنظم|ينظم]] {actor} برنامجاً عملياً لفائدة {group} يجمع بين محاضرات في تحليل بيانات الاهتزاز والحرارة وتطبيقات عملية في الفحص بالرؤية الحاسوبية.",
                "نقدم تدريباً ودعماً فنياً للمنشآت الصناعية الراغبة في اعتماد أجهزة الاستشعار وتحليل البيانات وضبط الجودة بالذكاء الاصطناعي.",
            ),
            (
                "تُفضَّل الحصص التطبيقية على معدات حقيقية على المحاضرات النظرية.",
                "تشمل حالات الاستخدام المعتادة التنبؤ بأعطال المعدات الدوارة واكتشاف العيوب وترشيد استهلاك الطاقة.",
                "من المهم إعداد مدربين محليين لنشر المهارات داخل القطاع.",
            ),
        ),
        "justice": (
            ("أدوات الذكاء الاصطناعي لإدارة القضايا في المحاكم", "إخفاء البيانات الشخصية في الأحكام القضائية ونشرها"),
            (
                "دعم العدالة الرقمية واستخدام الذكاء الاصطناعي في المحاكم",
                "تبادل الخبرات بشأن استخدام الذكاء الاصطناعي في الأنظمة القضائية",
            ),
            (
                "[[ترغب|يرغب]] {actor} في الاستعانة بالذكاء الاصطناعي لإخفاء البيانات الشخصية في الأحكام ونشرها وتقليص القضايا المتراكمة، [[وتطلب|ويطلب]] دعماً فنياً لذلك.",
                "نحتاج إلى مشورة لإدخال إدارة القضايا بمساعدة الذكاء الاصطناعي مع ضمان استقلال القضاء وحقوق المتقاضين.",
            ),
            (
                "[[تتقاسم|يتقاسم]] {actor} [[خبرتها|خبرته]] في الإخفاء الآلي للبيانات الشخصية في الأحكام القضائية واستخدام الذكاء الاصطناعي في فرز القضايا.",
                "نقدم دعماً فنياً وتبادلاً للخبرات بين الأقران لفائدة {group} بشأن الاستخدام المسؤول للذكاء الاصطناعي في القضاء.",
            ),
            (
                "يجب أن يحترم أي حل ضمانات المحاكمة العادلة وأن يبقي القرار بيد القاضي.",
                "تُعد رقمنة الملفات الورقية شرطاً مسبقاً وتدخل ضمن نطاق العمل.",
                "من الفوائد المهمة المتوقعة تيسير وصول المواطنين إلى المعلومات القانونية.",
            ),
        ),
        "transport": (
            ("إدارة حركة المرور في العاصمة بالذكاء الاصطناعي", "البيانات والذكاء الاصطناعي لتحسين السلامة على الطرق"),
            ("دعم فني في أنظمة النقل الذكية", "بحث مشترك في الذكاء الاصطناعي للتنقل الحضري"),
            (
                "[[تبحث|يبحث]] {actor} عن دعم فني للاستفادة من بيانات الكاميرات وأنظمة تحديد المواقع في إدارة الازدحام وتحسين خدمات النقل العام.",
                "نرغب في استخدام الذكاء الاصطناعي لتحديد أخطر المقاطع على الطرق وتوجيه استثمارات السلامة المرورية، ونبحث عن شركاء ذوي خبرة في هذا المجال.",
            ),
            (
                "[[تضع|يضع]] {actor} [[خبرتها|خبرته]] في أنظمة النقل الذكية في متناول الشركاء، بما في ذلك تحسين توقيت الإشارات الضوئية والتنبؤ بالطلب باستخدام الذكاء الاصطناعي.",
                "نقدم بحثاً مشتركاً ودعماً فنياً في مجال الذكاء الاصطناعي للتنقل الحضري لفائدة {group}.",
            ),
            (
                "يُنظر في استخدام بيانات مشغلي الحافلات الصغيرة وشركات الهاتف المحمول إلى جانب العدّ المروري التقليدي.",
                "تتمثل الأهداف الرئيسية في السلامة المرورية وخفض الانبعاثات وتحسين خدمات النقل غير الرسمي.",
                "يجب أن تكون الحلول في متناول المدن ذات الميزانيات المحدودة.",
            ),
        ),
        "financial_supervision": (
            ("الذكاء الاصطناعي في الرقابة المصرفية وكشف الاحتيال", "تقنيات رقابية للبنك المركزي"),
            (
                "دعم فني في التقنيات الرقابية والذكاء الاصطناعي للرقابة المالية",
                "تبادل الخبرات حول مخاطر الذكاء الاصطناعي في القطاع المالي",
            ),
            (
                "[[ترغب|يرغب]] {actor} في استخدام تعلم الآلة لكشف الاحتيال وأنماط غسل الأموال في معاملات النقود المتنقلة، [[وتطلب|ويطلب]] دعماً فنياً لهذا الغرض.",
                "نحتاج إلى دعم لإعداد إرشادات رقابية بشأن استخدام المصارف للذكاء الاصطناعي، ولا سيما في تقييم الجدارة الائتمانية.",
            ),
            (
                "[[تتقاسم|يتقاسم]] {actor} [[خبرتها|خبرته]] في التقنيات الرقابية، بما في ذلك نماذج تعلم الآلة لرصد الحالات الشاذة في بيانات المدفوعات.",
                "نقدم دعماً فنياً وتبادلاً للخبرات لفائدة {group} بشأن مخاطر الذكاء الاصطناعي في الخدمات المالية والرقابة عليه.",
            ),
            (
                "من الشواغل الرئيسية عدالة تقييم الجدارة الائتمانية وقابلية النماذج للتفسير.",
                "تنمو النقود المتنقلة والإقراض الرقمي بسرعة، ويجب أن تواكبها القدرات الرقابية.",
                "يجب احترام قواعد سرية البيانات طوال مدة العمل.",
            ),
        ),
        "youth_women_skills": (
            (
                "برنامج مهارات الذكاء الاصطناعي للشباب والنساء",
                "المهارات الرقمية ومهارات الذكاء الاصطناعي للشباب خارج المدرسة",
            ),
            ("معسكرات مكثفة في البرمجة والذكاء الاصطناعي للشابات", "برنامج مجتمعي للتوعية بالذكاء الاصطناعي"),
            (
                "[[تبحث|يبحث]] {actor} عن شركاء لتنظيم برامج في أساسيات الذكاء الاصطناعي والبرمجة لفائدة {group}، مع التركيز على فرص العمل.",
                "نحتاج إلى دعم لتوسيع برنامجنا للمهارات الرقمية ليشمل الذكاء الاصطناعي، والوصول إلى {group} خارج العاصمة.",
            ),
            (
                "[[تنظم|ينظم]] {actor} معسكرات مكثفة تعرّف {group} بعلوم البيانات والذكاء الاصطناعي، يعقبها إرشاد وتدريب ميداني.",
                "نقدم برنامجاً مجتمعياً للتوعية بالذكاء الاصطناعي يُنفَّذ في المكتبات ومراكز الشباب والفصول المتنقلة.",
            ),
            (
                "يُخصَّص نصف المقاعد على الأقل للنساء والفتيات.",
                "المحتوى مكيّف للمتعلمين الذين لا يملكون خبرة سابقة في البرمجة.",
                "تشكل الروابط مع أصحاب العمل وفرص التدريب الميداني جزءاً مهماً من البرنامج.",
            ),
        ),
        "public_services": (
            ("مساعد محادثة لتيسير وصول المواطنين إلى الخدمات العامة", "الذكاء الاصطناعي لتبسيط الإجراءات الإدارية"),
            (
                "دعم فني للخدمات الحكومية الرقمية القائمة على الذكاء الاصطناعي",
                "منصة مفتوحة المصدر لمساعدات المحادثة الحكومية",
            ),
            (
                "[[ترغب|يرغب]] {actor} في تطوير مساعد محادثة يجيب عن أسئلة المواطنين بشأن الإجراءات الإدارية باللغات الوطنية.",
                "نبحث عن دعم فني لاستخدام الذكاء الاصطناعي في معالجة الطلبات وتوجيه استفسارات المواطنين.",
            ),
            (
                "[[تتيح|يتيح]] {actor} منصة مفتوحة المصدر لمساعدات المحادثة الحكومية، مع دعم لتكييفها مع الإجراءات الوطنية.",
                "نقدم دعماً فنياً للإدارات الراغبة في استخدام الذكاء الاصطناعي في خدماتها الرقمية، إلى جانب تدريب {group}.",
            ),
            (
                "تعدّ إتاحة الخدمة للأشخاص ذوي الإعاقة وللمواطنين محدودي القراءة والكتابة شرطاً أساسياً.",
                "لا بد من التكامل مع بوابات الحكومة الإلكترونية ومراكز الاتصال القائمة.",
                "يجب أن تستند الإجابات إلى مصادر رسمية، وأن يظل التواصل مع موظف بشري متاحاً.",
            ),
        ),
        "climate_modelling": (
            (
                "الذكاء الاصطناعي لتصغير نطاق الإسقاطات المناخية",
                "شراكة بحثية في الذكاء الاصطناعي والتكيف مع تغير المناخ",
            ),
            (
                "بحث مشترك في تعلم الآلة لنمذجة المناخ والموارد المائية",
                "تدريب على أساليب الذكاء الاصطناعي للخدمات المناخية",
            ),
            (
                "[[تحتاج|يحتاج]] {actor} إلى إسقاطات مناخية عالية الدقة لتخطيط التكيف، [[وتبحث|ويبحث]] عن شركاء ذوي خبرة في تصغير النطاق بالذكاء الاصطناعي.",
                "نبحث عن شركاء بحثيين لتطبيق تعلم الآلة في نمذجة المناخ والموارد المائية، وللإشراف المشترك على {group}.",
            ),
            (
                "[[تدعو|يدعو]] {actor} الشركاء إلى بحوث مشتركة في تطبيق تعلم الآلة على النمذجة المناخية، بما في ذلك تصغير نطاق الإسقاطات وتقدير آثارها الهيدرولوجية.",
                "نقدم تدريباً ومشاريع مشتركة لفائدة {group} في أساليب الذكاء الاصطناعي للخدمات المناخية.",
            ),
            (
                "ينبغي أن تغذي النتائج خطط التكيف الوطنية وتقييمات الهشاشة القطاعية.",
                "يمثل النفاذ إلى سجلات الرصد التاريخية لدى المرافق الوطنية إسهاماً أساسياً من الشركاء.",
                "تُفضَّل البيانات المفتوحة والأدوات مفتوحة المصدر لضمان إمكانية إعادة إنتاج النتائج.",
            ),
        ),
    },
    "actors": {
        "gov": (
            "f:وزارة الاقتصاد الرقمي",
            "f:وزارة الاتصالات وتكنولوجيا المعلومات",
            "f:هيئة الحكومة الرقمية",
            "m:ديوان الخدمة المدنية",
        ),
        "planning": ("f:وزارة التخطيط", "f:الأمانة العامة لمجلس الوزراء"),
        "regulator": ("f:الهيئة الوطنية لحماية البيانات الشخصية", "f:هيئة تنظيم الاتصالات"),
        "stats": ("m:الجهاز المركزي للإحصاء", "f:الهيئة العامة للإحصاء"),
        "research": (
            "f:الجامعة الوطنية",
            "m:المركز الوطني للبحوث",
            "m:اتحاد من الجامعات الحكومية",
            "m:معهد بحوث المعلوماتية",
        ),
        "agri": ("f:وزارة الزراعة", "m:المركز الوطني للبحوث الزراعية"),
        "health": ("f:وزارة الصحة", "m:المعهد الوطني للصحة العامة"),
        "culture": ("m:مجمع اللغة الوطني", "f:وزارة الثقافة"),
        "met": ("f:الهيئة العامة للأرصاد الجوية", "m:المركز الوطني لإدارة الكوارث"),
        "edu": ("f:وزارة التربية والتعليم", "m:المركز الوطني لتدريب المعلمين"),
        "finance": ("m:البنك المركزي", "f:وزارة المالية"),
        "industry": ("f:وزارة الصناعة والمعادن", "m:مركز تحديث الصناعة"),
        "justice": ("f:وزارة العدل", "m:المجلس الأعلى للقضاء"),
        "transport": ("f:وزارة النقل", "f:هيئة النقل الحضري"),
        "energy": ("f:وزارة الطاقة", "f:الشركة الوطنية للكهرباء"),
        "coop": ("f:الوكالة الوطنية للتعاون الدولي", "f:إدارة التعاون الدولي بوزارة الخارجية"),
        "org": ("f:المنظمة", "f:الأمانة العامة", "m:مكتبنا الإقليمي", "f:منظمتنا"),
        "org_research": ("f:الجامعة", "m:معهدنا البحثي", "m:مركز التميز"),
    },
    "groups": {
        "civil_servants": (
            "الكوادر الوسطى في الوزارات",
            "موظفي الإدارة المركزية والمحلية",
            "العاملين في المديريات الإقليمية",
        ),
        "senior_officials": ("كبار المسؤولين ومديري الإدارات", "وكلاء الوزارات والمديرين العامين"),
        "policy_staff": ("أعضاء اللجنة الوطنية للذكاء الاصطناعي", "المختصين بالسياسات في الوزارات المعنية"),
        "data_officers": ("مسؤولي البيانات في المؤسسات العامة", "العاملين على السجلات الإدارية"),
        "statisticians": ("الإحصائيين ومديري المسوح", "العاملين في النظام الإحصائي الوطني"),
        "researchers": ("الباحثين وطلبة الدكتوراه في الجامعات الحكومية", "الباحثين الشباب في الجامعات الوطنية"),
        "engineers": ("مهندسي النظم ومديري الحوسبة", "الكوادر الفنية التي ستتولى تشغيل البنية التحتية"),
        "extension_agents": ("المرشدين الزراعيين", "فنيي وقاية النبات والإرشاد الزراعي"),
        "farmers": ("صغار المزارعين وتعاونياتهم", "المنظمات الزراعية في المناطق الريفية"),
        "health_workers": ("الأطباء وفنيي الأشعة في مستشفيات المناطق", "العاملين في الرعاية الصحية الأولية"),
        "linguists": ("اللغويين والمتخصصين في معالجة اللغات الطبيعية", "الباحثين في اللغات الوطنية"),
        "ict_officers": ("العاملين في تقنية المعلومات بالجهات الحكومية", "الفرق المسؤولة عن الخدمات الحكومية الرقمية"),
        "forecasters": ("المتنبئين الجويين والهيدرولوجيين في مرفق الأرصاد الوطني", "العاملين في إدارة مخاطر الكوارث"),
        "teachers": ("معلمي المرحلتين الابتدائية والثانوية", "مدربي المعلمين في كليات التربية"),
        "entrepreneurs": (
            "الشركات الناشئة في مراحلها الأولى",
            "رواد الأعمال الشباب الذين يطورون حلولاً قائمة على الذكاء الاصطناعي",
        ),
        "students": ("طلبة الماجستير والدكتوراه", "خريجي علوم الحاسوب والرياضيات"),
        "court_staff": ("القضاة وكتّاب الضبط وإداريي المحاكم", "العاملين في إدارة المعلوماتية القضائية"),
        "transport_planners": ("مخططي النقل ومهندسي السلامة المرورية", "العاملين في هيئات النقل الحضري"),
        "supervisors": ("مراقبي المصارف ونظم الدفع", "محللي وحدة التحريات المالية"),
        "youth": ("الشباب من الفئة العمرية 15-24 سنة", "الشباب غير الملتحقين بالتعليم في المدن الثانوية"),
        "women": ("النساء والفتيات في التخصصات التقنية", "رائدات الأعمال والمهنيات"),
        "technicians": ("مهندسي الصيانة وفنيي المصانع", "فنيي المنشآت الصناعية الصغيرة والمتوسطة"),
    },
    "modality": {
        "need": {
            "training": (
                "يشكل تدريب فريق العمل لدينا عنصراً مهماً في هذا التعاون.",
                "نرحب كذلك بتدريب المدربين لضمان استدامة الجهود.",
            ),
            "technical_assistance": (
                "نحتاج كذلك إلى مرافقة من الخبراء خلال مرحلة التنفيذ، بما في ذلك بعثات قصيرة.",
                "نقدّر بشكل خاص الدعم الفني العملي من خبراء ذوي تجربة ميدانية.",
            ),
            "policy_exchange": (
                "نرغب في تبادل الخبرات مع دول واجهت تحديات مماثلة، بما في ذلك زيارة دراسية قصيرة.",
                "سيساعدنا الحوار مع النظراء حول الخيارات السياساتية والتنظيمية على تجنب أخطاء مكلفة.",
            ),
            "financial_support": (
                "سيكون للتمويل المشترك للمعدات والتكاليف المحلية أثر حاسم في نجاح المبادرة.",
                "نبحث أيضاً عن تمويل لتغطية المعدات والسنوات الأولى من التشغيل.",
            ),
            "joint_research": (
                "نحن منفتحون على البحث المشترك والنشر العلمي المشترك.",
                "نرحب بشراكة بحثية تتضمن الإشراف المشترك على الباحثين الشباب.",
            ),
        },
        "offer": {
            "training": ("يمكن أن يشمل العرض تدريب الفرق النظيرة.", "يتضمن العرض دورات تدريبية للفرق المحلية."),
            "technical_assistance": (
                "يتوفر خبراء لبعثات ميدانية ومتابعة عن بُعد.",
                "يمكن لخبرائنا تقديم دعم فني عملي خلال مرحلة التنفيذ.",
            ),
            "policy_exchange": (
                "يمكن ترتيب زيارات دراسية ولقاءات مع مسؤولينا.",
                "نيسّر أيضاً الحوار حول السياسات بين المؤسسات النظيرة.",
            ),
            "financial_support": ("يمكن تغطية جزء من التكاليف بمنحة.", "يتوفر تمويل للمعدات وتكاليف التشغيل المحلية."),
            "joint_research": (
                "نشجع النشر المشترك والإشراف المشترك على الطلبة.",
                "يمكن إطلاق مشاريع بحثية مشتركة مع المؤسسات الشريكة.",
            ),
        },
    },
    "format": {
        "need": {
            "online": ("يمكن تنفيذ الأنشطة عن بُعد بالكامل.", "نفضّل العمل عن بُعد نظراً لمحدودية ميزانية السفر."),
            "in_person": ("نفضّل جلسات حضورية {place}.", "ينبغي أن تُعقد الأنشطة حضورياً {place}."),
            "hybrid": (
                "نفضّل مزيجاً من العمل عن بُعد والجلسات الحضورية {place}.",
                "يناسبنا نمط مدمج يجمع بين وحدات عبر الإنترنت وبعثة قصيرة {place}.",
            ),
        },
        "offer": {
            "online": ("يُقدَّم العرض عبر الإنترنت بالكامل.", "تُعقد جميع الجلسات عبر الإنترنت، مع إتاحة التسجيلات لاحقاً."),
            "in_person": ("تُنفَّذ الأنشطة حضورياً {place}.", "يحضر المشاركون شخصياً {place}."),
            "hybrid": (
                "يجمع البرنامج بين وحدات عبر الإنترنت ومكوّن حضوري {place}.",
                "يجري العمل عن بُعد، مع بعثات وورش عمل {place}.",
            ),
        },
    },
    "places": {
        "need": (
            "في العاصمة",
            "في محافظتين نموذجيتين",
            "في مركز التدريب التابع لنا",
            "في ثلاث مناطق تجريبية",
            "في العاصمة وإحدى المدن الثانوية",
            "في حرم الجامعة الوطنية",
        ),
        "offer": (
            "في مقرنا",
            "في مركزنا الإقليمي للتدريب",
            "في معهدنا التدريبي",
            "في البلد الشريك",
            "في البلد الشريك أو في مقرنا",
            "في إحدى الجامعات الشريكة في المنطقة",
        ),
    },
    "period": {
        "need": (
            "نتطلع إلى تنفيذ الأنشطة خلال الفترة من {start} إلى {end}.",
            "نرغب في البدء في {start} والانتهاء بحلول {end}.",
            "الفترة المطلوبة: من {start} إلى {end}.",
        ),
        "offer": (
            "العرض متاح من {start} إلى {end}.",
            "تُنفَّذ الأنشطة خلال الفترة من {start} إلى {end}.",
            "تُقبل الطلبات للأنشطة المقررة بين {start} و{end}.",
        ),
    },
    "capacity": {
        "need": {
            "seats": ("عدد المشاركين المتوقع: نحو {n}.", "نتوقع أن يبلغ عدد المستفيدين نحو {n}."),
            "expert_days": ("عدد أيام عمل الخبراء المطلوبة: نحو {n}.", "نقدّر أيام عمل الخبراء المطلوبة بنحو {n}."),
            "amount": ("تُقدَّر الاحتياجات التمويلية بنحو {amount}.", "نسعى إلى تعبئة نحو {amount}."),
        },
        "offer": {
            "seats": ("عدد المقاعد المتاحة: حتى {n}.", "يبلغ عدد المقاعد في كل دفعة {n}."),
            "expert_days": (
                "عدد أيام عمل الخبراء المتاحة: حتى {n}.",
                "يغطي العرض عدداً من أيام عمل الخبراء يصل إلى {n}.",
            ),
            "amount": ("يبلغ إجمالي المخصصات {amount}.", "تصل قيمة المنحة إلى {amount}."),
        },
    },
    "languages": {
        "need_one": ("لغة العمل: {and}.", "نعمل باللغة {and} فقط."),
        "need_many": ("يمكن العمل {b_or}.", "يمكن التواصل {b_or}."),
        "offer_one": ("يُقدَّم البرنامج باللغة {and}.", "لغة العمل: {and}."),
        "offer_many": ("تُقدَّم الأنشطة {b_and}.", "يمكن تقديم الدعم {b_or}."),
    },
    "eligibility": {
        "regions": ("العرض متاح للجهات من {regions}.", "يقتصر هذا العرض على دول {regions}."),
        "groups": ("تُعطى الأولوية للطلبات الواردة من {groups}.", "يستهدف العرض بالدرجة الأولى {groups}."),
    },
    "closing": {
        "need": (
            "نحن منفتحون على التعاون فيما بين بلدان الجنوب والتعاون الثلاثي.",
            "نرحب بشكل خاص بالشركاء ذوي الخبرة في سياقات مماثلة.",
            "يمكن لمؤسستنا تحمّل الترتيبات اللوجستية المحلية وتوفير موظفين نظراء.",
            "يمكن تقديم مذكرة مفاهيمية موجزة عند الطلب.",
        ),
        "offer": (
            "ندعو الأعضاء المهتمين إلى تقديم إبداء اهتمام موجز.",
            "تُدرس الطلبات بصورة مستمرة.",
            "يندرج هذا العرض ضمن برنامجنا للتعاون فيما بين بلدان الجنوب.",
            "من بين شركائنا السابقين وزارات وجامعات في مناطق عدة.",
        ),
    },
    "language_names": {
        "ar": "العربية",
        "zh": "الصينية",
        "en": "الإنجليزية",
        "fr": "الفرنسية",
        "ru": "الروسية",
        "es": "الإسبانية",
    },
    "region_names": {
        "002": "أفريقيا",
        "015": "شمال أفريقيا",
        "202": "أفريقيا جنوب الصحراء الكبرى",
        "019": "الأمريكتين",
        "419": "أمريكا اللاتينية ومنطقة البحر الكاريبي",
        "142": "آسيا",
        "143": "آسيا الوسطى",
        "145": "غرب آسيا",
        "035": "جنوب شرق آسيا",
        "150": "أوروبا",
        "009": "أوقيانوسيا",
    },
    "group_names": {
        "LDC": "أقل البلدان نمواً",
        "LLDC": "البلدان النامية غير الساحلية",
        "SIDS": "الدول الجزرية الصغيرة النامية",
        "G77": "دول مجموعة الـ77",
    },
    "months": (
        "كانون الثاني/يناير",
        "شباط/فبراير",
        "آذار/مارس",
        "نيسان/أبريل",
        "أيار/مايو",
        "حزيران/يونيه",
        "تموز/يوليه",
        "آب/أغسطس",
        "أيلول/سبتمبر",
        "تشرين الأول/أكتوبر",
        "تشرين الثاني/نوفمبر",
        "كانون الأول/ديسمبر",
    ),
    "currency_names": {
        "USD": "دولار أمريكي",
        "EUR": "يورو",
        "CNY": "يوان صيني",
        "GBP": "جنيه إسترليني",
        "JPY": "ين ياباني",
        "XOF": "فرنك أفريقي",
        "ZMW": "كواشا زامبية",
        "RUB": "روبل روسي",
        "SAR": "ريال سعودي",
        "INR": "روبية هندية",
        "BRL": "ريال برازيلي",
    },
}

_ZH = {
    "topics": {
        "civil_service_ai": (
            ("面向政府公务员的人工智能能力培训", "提升公共部门人员人工智能应用能力"),
            ("发展中国家政府官员人工智能素养研修班", "“人工智能赋能公共管理”培训课程"),
            (
                "{actor}希望为{group}举办人工智能系列培训，现寻求合作伙伴共同设计和实施。",
                "我们希望提升{group}的人工智能基础能力，目前许多人已在缺乏指导的情况下使用生成式人工智能工具。",
            ),
            (
                "{actor}为{group}提供系统的人工智能素养培训，课程基于与多国公共管理部门合作的经验。",
                "我们提供关于在公共管理中负责任地使用人工智能的培训课程，专为{group}设计。",
            ),
            (
                "课程内容涵盖机器学习基础知识、生成式人工智能在公文起草和摘要中的应用以及个人信息保护。",
                "实操练习以真实政务工作为基础，如来文处理、审批办理和群众咨询答复。",
                "培训还包括师资培训模块，以便国家行政学院今后自主开展培训。",
            ),
        ),
        "strategy": (
            ("国家人工智能战略评估与更新", "支持制定首部国家人工智能战略"),
            ("协助各国政府制定和更新人工智能战略", "国家人工智能战略实施经验交流"),
            (
                "{actor}正在对实施两年的国家人工智能战略进行评估，希望借鉴在战略实施方面走在前列的国家的经验。",
                "我们希望获得专家支持，在准备度评估和广泛征求意见的基础上制定首部国家人工智能战略。",
            ),
            (
                "{actor}为正在制定或修订人工智能战略的政府提供咨询支持，覆盖从准备度诊断到行动计划编制的全过程。",
                "我们提供国家人工智能战略方面的同行交流和专家咨询，分享自身在战略制定、实施和监测方面的经验。",
            ),
            (
                "重点关注机构治理安排、部门间协调机制以及包含可量化指标的监测评估框架。",
                "与高校、企业和社会组织的协商是这一进程的重要组成部分。",
                "与主导过类似进程的官员开展考察访问和线上交流尤其受到重视。",
            ),
        ),
        "regulation": (
            ("人工智能法律框架起草", "人工智能监管与伦理治理经验交流"),
            ("基于风险的人工智能监管实践交流", "人工智能伦理准则与监督机构建设咨询"),
            (
                "{actor}正在起草人工智能相关法律草案，希望借鉴已采用基于风险的监管方法的国家的经验。",
                "我们需要支持，将联合国教科文组织《人工智能伦理问题建议书》转化为国家指导原则和监督机制。",
            ),
            (
                "{actor}与正在制定人工智能立法的国家分享监管经验，包括风险分级、合格评定和执法监督。",
                "我们为{group}提供人工智能伦理与监管方面的政策对话和立法起草支持。",
            ),
            (
                "关注的问题包括高风险应用的界定、透明度义务以及现有数据保护机构的作用。",
                "计划开展近期立法比较研究，并为议会工作人员举办研讨会。",
                "特别关注人工智能系统的政府采购以及公民的申诉救济渠道。",
            ),
        ),
        "data_governance": (
            ("建立公共机构间数据安全共享的数据治理框架", "政府数据开放政策与平台建设"),
            ("数据治理与数据开放技术援助", "数据共享协议与隐私保护技术在公共部门的应用"),
            (
                "{actor}需要建立数据治理框架，使各部委能够依照个人数据保护法安全共享行政记录。",
                "我们希望获得技术援助，修订政府数据开放政策，并以机器可读格式发布高价值数据集。",
            ),
            (
                "{actor}协助公共机构建立数据治理框架、数据共享协议和开放数据门户。",
                "我们为{group}提供数据管理方面的实用支持，涵盖从数据资源盘点到隐私保护前提下的数据发布。",
            ),
            (
                "重点内容包括数据资源目录、数据共享协议、元数据标准以及数据管理员的职责。",
                "对匿名化、差分隐私和合成数据等隐私增强技术尤为关注。",
                "目标是在维护公众信任的前提下，使公共数据能够用于人工智能应用。",
            ),
        ),
        "statistics": (
            ("利用机器学习实现住户调查自动编码", "运用人工智能和新型数据源推进官方统计现代化"),
            ("面向国家统计机构的机器学习应用支持", "大数据与人工智能在官方统计中的应用研修班"),
            (
                "{actor}目前仍以人工方式对数十万条职业和行业调查答复进行编码，希望引入机器学习模型实现自动编码。",
                "我们希望获得方法论支持，将卫星遥感影像、手机信令数据和机器学习应用于官方统计生产。",
            ),
            (
                "{actor}支持各国统计机构在编码、记录匹配、缺失值插补和即时预测中应用机器学习。",
                "我们为{group}提供培训和技术援助，帮助将新型数据源和人工智能方法纳入统计生产流程。",
            ),
            (
                "应用场景包括按国际职业分类和国际行业分类编码、小区域估计以及行政数据质量评估。",
                "所用方法须公开透明、记录完整，以便向官方统计用户作出解释。",
                "项目将与信息技术部门密切合作，确保项目结束后模型能够持续维护。",
            ),
        ),
        "compute_access": (
            ("为高校人工智能研究获取GPU算力", "面向公共科研的云端算力支持"),
            ("面向公共科研机构的GPU算力资助", "人工智能模型训练与微调算力资助计划"),
            (
                "{actor}需要稳定的GPU算力用于模型训练和微调，目前研究人员只能共用几块消费级显卡。",
                "我们正在寻求约数万GPU卡时的算力资源，供{group}开展本地语言模型和人工智能应用研究。",
            ),
            (
                "{actor}面向高校和公共科研机构提供GPU算力，用于人工智能模型训练和科学计算。",
                "我们为{group}提供计算集群资源配额，并配有技术文档和用户支持。",
            ),
            (
                "资源配额根据简要研究计划评审分配，优先支持发布开源模型或开放数据的项目。",
                "作业调度、容器化部署和高效使用显存方面的指导是重要补充。",
                "典型用途包括语言模型微调、遥感影像分析和气候模拟。",
            ),
        ),
        "hpc_centre": (
            ("国家高性能计算中心可行性研究", "建设面向政府和高校的共享人工智能算力平台"),
            ("国家超算与人工智能算力中心建设咨询", "高性能计算工程师进修与算力基础设施规划支持"),
            (
                "{actor}计划建设国家计算中心，为政府部门和高校训练和运行人工智能模型，现需要技术援助开展可行性研究。",
                "我们需要专家协助确定GPU集群的规模、架构和采购方案，以服务全国的{group}。",
            ),
            (
                "{actor}为首次规划人工智能算力基础设施的国家提供咨询，从需求评估、架构选型到采购技术规格编制。",
                "我们提供咨询服务，并为筹建国家计算中心的团队提供在我方超级计算机上进修的机会。",
            ),
            (
                "研究内容涵盖用户需求、计算与存储架构、供电、散热以及可持续的运营模式。",
                "能源效率和可再生能源的利用是关键考量。",
                "系统运维工程师的培养是项目不可或缺的组成部分。",
            ),
        ),
        "agriculture": (
            ("利用手机及早发现农作物病虫害", "基于人工智能的产量估算与小农户农事咨询"),
            ("人工智能辅助病虫害监测技术援助", "基于人工智能的数字农技咨询工具"),
            (
                "{actor}需要技术援助，开发一款手机应用，帮助{group}通过照片识别农作物病虫害。",
                "我们正在寻找合作伙伴，结合卫星影像和田间数据估算产量，并及时向{group}推送农事建议。",
            ),
            (
                "{actor}支持植保和农技推广部门采用基于智能手机的病虫害诊断，包括可离线运行、可用本地图片再训练的模型。",
                "我们可分享基于人工智能的农技咨询服务经验，包括数据采集规范以及对{group}的培训。",
            ),
            (
                "相关工具须能在网络覆盖差的地区离线运行，并支持农民使用的当地语言。",
                "建立本国主要作物的标注图像数据集是工作的核心。",
                "成果应融入现有农技推广体系，而不是另建平行服务。",
            ),
        ),
        "health": (
            ("县级医院人工智能辅助胸部X光阅片", "基层医疗人工智能辅助诊疗试点"),
            ("人工智能辅助医学影像诊断技术援助与临床培训", "人工智能糖尿病视网膜病变和结核病筛查"),
            (
                "{actor}希望在配备X光机但没有放射科医生的县级医院试点人工智能辅助胸片阅片。",
                "我们需要技术支持，选择、验证并部署人工智能筛查软件，同时培训{group}安全使用。",
            ),
            (
                "{actor}可派遣由放射科医师和工程师组成的专家组，赴合作医院部署人工智能辅助影像系统，并结合当地病例进行验证。",
                "我们提供人工智能筛查解决方案，并在国家卫生主管部门指导下为{group}开展临床培训。",
            ),
            (
                "在常规使用前，必须利用本地数据进行验证并校准判读阈值。",
                "应用场景包括结核病筛查、糖尿病视网膜病变筛查和孕产妇健康风险评估。",
                "质量控制、转诊流程和患者数据保护均属于部署工作的一部分。",
            ),
        ),
        "language_resources": (
            ("低资源本国语言的语音和文本语料库建设", "寻求本地语言语音识别研究合作伙伴"),
            ("低资源语言的语言技术研究合作", "本国语言数字化与智能处理项目资助"),
            (
                "{actor}正在寻找科研合作伙伴，为几乎没有数字资源的本国语言建设语音和文本语料库。",
                "我们需要协助开发本国语言的语音识别和机器翻译系统，使不识官方语言文字的民众也能获取公共信息。",
            ),
            (
                "{actor}与当地机构合作，为数字数据匮乏的语言开发语音识别、语音合成和机器翻译模型。",
                "我们为联合{group}建设开放语言资源的团队提供科研合作和小额资助。",
            ),
            (
                "以社区为基础采集数据，坚持知情同意和合理报酬原则。",
                "所形成的语料库和模型拟以开放许可发布。",
                "优先考虑农村广播、健康宣传和基础教育中使用的语言。",
            ),
        ),
        "safety_testing": (
            ("政务聊天机器人上线前测试", "大语言模型安全评测方法交流"),
            ("公共部门人工智能系统上线前评测服务", "联合构建多语种人工智能安全评测基准"),
            (
                "{actor}计划在公共服务中推出生成式人工智能助手，需要支持建立上线前测试机制。",
                "我们希望与各方就大语言模型安全评测方法开展交流，包括英语以外语种的评测。",
            ),
            (
                "{actor}在人工智能系统用于公共服务前提供独立评测，涵盖准确性、偏见、稳健性和防滥用能力。",
                "我们愿与合作方共同开发开放的多语种语言模型安全测试集，并培训{group}使用。",
            ),
            (
                "评测内容包括对本国法规和办事流程的回答准确性、对本地语言变体的处理、偏见以及抵御越狱攻击的能力。",
                "预期成果包括可重复使用的检查清单和便于问责的文档。",
                "各机构间测试结果互认是长期目标。",
            ),
        ),
        "early_warning": (
            ("基于机器学习的流域洪水预报", "加强干旱和山洪早期预警能力"),
            ("人工智能早期预警系统技术援助", "机器学习水文预报在线课程"),
            (
                "{actor}希望将洪水预警提前量从几小时延长到一至两天，对基于机器学习的方法很感兴趣。",
                "我们寻求技术援助，将降水预报、站点观测和卫星数据整合到基于人工智能的早期预警系统中，并培训{group}。",
            ),
            (
                "{actor}支持各国气象水文部门将机器学习应用于洪水、干旱和热带气旋早期预警。",
                "我们为{group}提供观测站网稀疏条件下基于人工智能预报的联合方法研发和培训。",
            ),
            (
                "由于水文站记录往往时间短、缺测多，优先采用融合卫星估算、再分析资料和传统模型的方法。",
                "预警信息必须及时送达风险社区，并使用当地民众能理解的语言。",
                "相关工作与“全民早期预警”倡议相衔接。",
            ),
        ),
        "teacher_literacy": (
            ("中小学教师人工智能素养提升", "培训教师在课堂中使用人工智能工具"),
            ("面向教师和教师培训者的人工智能素养课程", "面向中小学的人工智能开放教育资源"),
            (
                "{actor}计划将人工智能基础知识纳入中小学课程，需要为{group}开展系统培训。",
                "我们正在寻找合作伙伴，培训{group}在备课和评价中负责任地使用生成式人工智能。",
            ),
            (
                "{actor}提供线上线下结合的教师人工智能素养培训项目，与联合国教科文组织教师人工智能能力框架相衔接。",
                "我们提供开放教育资源和培训者培训课程，帮助{group}讲授人工智能基础知识。",
            ),
            (
                "内容包括人工智能是什么、如何辅助教学及其局限性，包括偏见和学术诚信问题。",
                "教材须适用于网络条件有限、设备共用的学校。",
                "拟采用由国家级培训师逐级培训的模式。",
            ),
        ),
        "joint_lab": (
            ("与合作高校共建人工智能联合实验室", "面向国家重点需求的人工智能模型联合研究"),
            ("人工智能国际联合研究项目征集", "共建联合实验室与联合培养博士研究生"),
            (
                "{actor}拟与国外高校共建人工智能联合实验室，正在寻找优势互补的合作伙伴。",
                "我们寻求科研合作伙伴，共同开发面向国家重点需求的开源人工智能模型，并联合培养{group}。",
            ),
            (
                "{actor}邀请发展中国家高校开展机器学习领域的联合研究项目，并互派研究人员访学。",
                "我们愿承建联合实验室，承担我方团队的参与费用，并为{group}提供访问研究机会。",
            ),
            (
                "合作方提供本地数据和研究问题，计算资源可共享使用。",
                "预期成果包括联合发表论文、开源代码和联合指导的学位论文。",
                "合作期为三至五年，每年举办一次联合研讨会。",
            ),
        ),
        "startup_funding": (
            ("人工智能初创企业联合资助与孵化", "支持女性创办的人工智能企业获得种子资金"),
            ("人工智能初创企业赠款和股权投资", "面向发展中国家人工智能初创企业的加速计划"),
            (
                "{actor}正在寻找合作伙伴，联合资助面向人工智能初创企业的种子前期赠款和加速计划。",
                "我们希望寻找愿意通过赠款或无息贷款支持{group}的捐助方或投资者。",
            ),
            (
                "{actor}为已完成原型开发的{group}提供赠款和创业辅导。",
                "我们为人工智能初创企业提供加速计划，包括创业辅导、市场对接和投资路演。",
            ),
            (
                "支持对象为在农业、卫生、金融和公共服务领域解决本地需求的企业。",
                "首都和二线城市的孵化器负责企业遴选和跟踪服务。",
                "受支持创始人的性别平衡是明确目标之一。",
            ),
        ),
        "scholarships": (
            ("人工智能硕士和博士奖学金", "培养新一代人工智能高校师资"),
            ("人工智能全额奖学金项目", "机器学习访问学者项目"),
            (
                "{actor}希望培养新一代人工智能高校师资，正在为{group}寻求奖学金机会。",
                "我们需要为{group}争取海外深造奖学金，学成后回国在高校任教和从事研究。",
            ),
            (
                "{actor}开放机器学习、计算机视觉和自然语言处理方向的硕士和博士全额奖学金申请。",
                "我们为{group}提供访问研究机会，包括导师指导、计算资源使用和每月生活津贴。",
            ),
            (
                "重点方向包括机器学习、计算机视觉、自然语言处理和科学智能。",
                "鼓励学成后返回原单位并继续开展合作。",
                "学费、住宿和国际旅费属于需覆盖的费用。",
            ),
        ),
        "green_datacentre": (
            ("面向政务人工智能服务的节能数据中心", "以可再生能源支撑人工智能基础设施"),
            ("绿色数据中心建设技术援助", "算力设施供电与散热咨询"),
            (
                "{actor}计划建设承载人工智能业务的政府数据中心，需要在能效、散热和可再生能源供电方面获得咨询。",
                "我们寻求支持，评估国家电网如何在保障居民用电的同时为新建数据中心供电。",
            ),
            (
                "{actor}提供节能数据中心设计咨询，包括制冷技术、电能利用效率（PUE）和就地可再生能源发电。",
                "我们为{group}提供清洁能源驱动的数字基础设施技术援助和联合融资。",
            ),
            (
                "关键问题包括电能利用效率、炎热气候下的散热以及太阳能或水电的利用。",
                "分析还涵盖网络连接、选址和长期运营成本。",
                "可靠的电力供应是任何国家级人工智能基础设施的前提。",
            ),
        ),
        "manufacturing": (
            ("预测性维护与机器视觉质检技能培训", "小型制造企业人工智能质量控制应用"),
            ("人工智能预测性维护与质量控制培训项目", "面向中小企业技术人员的工业4.0与人工智能实训课程"),
            (
                "{actor}计划培训{group}，使其掌握用于预测性维护的机器学习和用于质量检测的计算机视觉技术。",
                "{actor}正在为{group}寻求实操培训，多家工厂已引进机器视觉设备，但当地人员尚不能熟练操作和维护。",
            ),
            (
                "{actor}为{group}举办实操培训，将振动和温度数据分析讲授与计算机视觉检测实践相结合。",
                "我们为希望引入传感器、数据分析和人工智能质检的制造企业提供培训和技术支持。",
            ),
            (
                "相比理论讲授，更注重在真实设备上开展实操。",
                "典型应用包括旋转设备故障预测、缺陷检测和能耗优化。",
                "培养本地讲师对技能在行业内推广十分重要。",
            ),
        ),
        "justice": (
            ("法院案件管理人工智能工具", "裁判文书匿名化处理与公开"),
            ("数字司法与法院人工智能应用支持", "司法领域人工智能应用经验交流"),
            (
                "{actor}希望利用人工智能对裁判文书进行匿名化处理和公开，并减少积案，现寻求技术援助。",
                "我们需要咨询意见，在保障司法独立和当事人权利的前提下引入人工智能辅助案件管理。",
            ),
            (
                "{actor}分享裁判文书自动匿名化和人工智能辅助案件分流方面的经验。",
                "我们为{group}提供关于在司法领域负责任地使用人工智能的技术援助和同行交流。",
            ),
            (
                "任何方案都必须遵守公正审判的保障，并由法官作出最终裁决。",
                "纸质案卷数字化是前提条件，也在工作范围之内。",
                "方便公民获取法律信息是一项重要的预期效益。",
            ),
        ),
        "transport": (
            ("首都人工智能交通管理", "利用数据和人工智能提升道路安全"),
            ("智能交通系统技术援助", "人工智能城市出行联合研究"),
            (
                "{actor}寻求技术援助，利用摄像头和卫星定位数据治理交通拥堵、改善公共交通服务。",
                "我们希望利用人工智能识别事故高发路段，精准安排道路安全投资，现寻找有相关经验的合作伙伴。",
            ),
            (
                "{actor}提供智能交通系统方面的专业知识，包括信号配时优化和基于人工智能的客流预测。",
                "我们为{group}提供人工智能城市出行领域的联合研究和技术支持。",
            ),
            (
                "除传统交通量调查外，还考虑利用小巴运营商和移动通信运营商的数据。",
                "主要目标是提升道路安全、减少排放、改善非正规公共交通服务。",
                "解决方案须适合预算有限的城市。",
            ),
        ),
        "financial_supervision": (
            ("人工智能用于银行监管和欺诈识别", "中央银行监管科技建设"),
            ("监管科技与人工智能金融监管技术援助", "金融领域人工智能风险交流"),
            (
                "{actor}希望利用机器学习识别移动支付交易中的欺诈和洗钱模式，现寻求技术援助。",
                "我们需要支持，制定关于银行使用人工智能（特别是信用评分）的监管指引。",
            ),
            (
                "{actor}分享监管科技应用经验，包括利用机器学习模型识别支付数据中的异常。",
                "我们为{group}提供关于金融服务中人工智能风险与监管的技术援助和同行交流。",
            ),
            (
                "信用评分的公平性和模型的可解释性是主要关切。",
                "移动支付和数字信贷发展迅速，监管能力必须跟上。",
                "整个工作过程中必须遵守数据保密规定。",
            ),
        ),
        "youth_women_skills": (
            ("面向青年和妇女的人工智能技能项目", "失学青年数字与人工智能素养培训"),
            ("面向青年女性的编程与人工智能训练营", "社区人工智能素养普及项目"),
            (
                "{actor}正在寻找合作伙伴，为{group}开展人工智能和编程入门培训，重点提升就业能力。",
                "我们需要支持，将现有数字技能项目拓展到人工智能领域，并覆盖首都以外的{group}。",
            ),
            (
                "{actor}为{group}举办数据科学和人工智能集训营，并提供后续导师辅导和实习机会。",
                "我们依托图书馆、青少年活动中心和流动课堂提供社区人工智能素养普及项目。",
            ),
            (
                "至少一半名额面向妇女和女童。",
                "课程内容适合没有编程基础的学员。",
                "与用人单位的联系和实习机会是项目的重要组成部分。",
            ),
        ),
        "public_services": (
            ("便民办事智能问答助手", "利用人工智能简化行政审批流程"),
            ("人工智能数字政务服务技术援助", "政务智能问答开源平台共享"),
            (
                "{actor}希望开发智能问答助手，以本国语言解答群众关于办事流程的咨询。",
                "我们寻求技术支持，将人工智能用于申请受理和群众诉求分拨。",
            ),
            (
                "{actor}共享政务智能问答开源平台，并协助根据各国办事流程进行适配。",
                "我们为希望在数字政务服务中应用人工智能的政府部门提供技术援助，并为{group}提供培训。",
            ),
            (
                "服务须满足残障人士和读写能力较弱群众的无障碍需求。",
                "必须与现有电子政务门户和呼叫中心对接。",
                "答复须能追溯至官方来源，并保留人工服务渠道。",
            ),
        ),
        "climate_modelling": (
            ("人工智能气候预估降尺度", "人工智能与气候适应联合研究"),
            ("面向气候和水资源的机器学习联合研究", "气候服务人工智能方法培训"),
            (
                "{actor}需要高分辨率气候预估以支持适应规划，正在寻找在人工智能降尺度方面有经验的合作伙伴。",
                "我们寻求科研合作伙伴，将机器学习应用于气候和水资源建模，并联合培养{group}。",
            ),
            (
                "{actor}邀请合作伙伴开展机器学习在气候建模中应用的联合研究，包括预估降尺度及其水文影响评估。",
                "我们为{group}提供气候服务人工智能方法培训和联合项目。",
            ),
            (
                "研究成果应服务于国家适应计划和行业脆弱性评估。",
                "合作方的重要贡献是提供本国业务部门保存的历史观测资料。",
                "优先使用开放数据和开源工具，确保结果可复现。",
            ),
        ),
    },
    "actors": {
        "gov": ("数字经济部", "信息通信技术部", "国家电子政务局", "公务员事务委员会"),
        "planning": ("国家计划部", "总理办公室"),
        "regulator": ("个人数据保护委员会", "电信管理局"),
        "stats": ("国家统计局", "统计总局"),
        "research": ("国立大学", "国家科学研究中心", "由几所公立大学组成的联合体", "计算机科学研究所"),
        "agri": ("农业部", "国家农业科学研究院"),
        "health": ("卫生部", "国家公共卫生研究院"),
        "culture": ("国家语言研究院", "文化部"),
        "met": ("国家气象局", "国家灾害管理署"),
        "edu": ("教育部", "国家教师发展中心"),
        "finance": ("中央银行", "财政部"),
        "industry": ("工业部", "国家生产力促进中心"),
        "justice": ("司法部", "最高法院"),
        "transport": ("交通部", "首都城市交通管理局"),
        "energy": ("能源部", "国家电力公司"),
        "coop": ("国际发展合作署", "外交部国际合作司"),
        "org": ("本组织", "秘书处", "我们的区域办事处", "我们组织"),
        "org_research": ("本大学", "我们的研究所", "该卓越中心"),
    },
    "groups": {
        "civil_servants": ("各部委中层公务员", "中央和地方政府工作人员", "地方派出机构公务员"),
        "senior_officials": ("各部委司局级领导干部", "负责数字化转型的高级官员"),
        "policy_staff": ("国家人工智能工作组成员", "相关部委政策研究人员"),
        "data_officers": ("公共机构数据管理人员", "行政登记管理人员"),
        "statisticians": ("统计人员和调查项目负责人", "国家统计系统业务骨干"),
        "researchers": ("公立大学教师和博士研究生", "国内高校青年科研人员"),
        "engineers": ("系统工程师和计算平台运维人员", "负责基础设施运行的技术人员"),
        "extension_agents": ("农技推广人员", "植保和农技推广骨干"),
        "farmers": ("小农户及其合作社", "农村地区农民组织"),
        "health_workers": ("县级医院临床医生和放射技师", "基层医疗卫生人员"),
        "linguists": ("语言学家和自然语言处理研究人员", "从事本国语言研究的学者"),
        "ict_officers": ("政府部门信息化工作人员", "数字政务服务开发团队"),
        "forecasters": ("国家气象水文部门预报员", "灾害风险管理人员"),
        "teachers": ("中小学教师", "师范院校教师培训者"),
        "entrepreneurs": ("早期初创企业", "开发人工智能解决方案的青年创业者"),
        "students": ("硕士和博士研究生", "计算机和数学专业毕业生"),
        "court_staff": ("法官、书记员和法院管理人员", "司法信息化部门工作人员"),
        "transport_planners": ("交通规划和道路安全工程师", "城市交通管理部门工作人员"),
        "supervisors": ("银行和支付系统监管人员", "金融情报机构分析人员"),
        "youth": ("15至24岁青年", "中小城市失学青年"),
        "women": ("理工科专业的妇女和女童", "女性创业者和专业人员"),
        "technicians": ("设备维护工程师和工厂技术员", "中小制造企业技术人员"),
    },
    "modality": {
        "need": {
            "training": ("希望合作内容包括对我方人员的培训。", "也希望开展培训者培训，以确保工作的可持续性。"),
            "technical_assistance": (
                "实施阶段还需要专家指导，包括短期实地工作。",
                "特别希望获得有实践经验的专家提供的实操性技术支持。",
            ),
            "policy_exchange": (
                "希望与面临类似挑战的国家开展交流，包括短期考察访问。",
                "就政策和监管选择开展同行交流，有助于我们少走弯路。",
            ),
            "financial_support": (
                "设备和本地费用的联合资助对该倡议至关重要。",
                "我们还在为设备采购和头几年运行寻求资金支持。",
            ),
            "joint_research": ("我们欢迎开展联合研究和合作发表成果。", "欢迎建立科研合作关系，联合指导青年研究人员。"),
        },
        "offer": {
            "training": ("可为对口单位人员提供培训。", "项目包含面向当地团队的培训课程。"),
            "technical_assistance": (
                "专家可赴当地开展工作并提供远程跟踪支持。",
                "我方专家可在实施过程中提供实操性技术支持。",
            ),
            "policy_exchange": ("可安排考察访问及与我方官员的交流。", "我们还促进同类机构之间的政策对话。"),
            "financial_support": ("部分费用可通过赠款解决。", "可为设备和当地运行费用提供资金支持。"),
            "joint_research": ("鼓励联合发表成果和联合指导学生。", "可与合作机构共同开展联合研究项目。"),
        },
    },
    "format": {
        "need": {
            "online": ("相关活动可完全在线开展。", "由于差旅预算有限，我们倾向于远程方式。"),
            "in_person": ("我们倾向于在{place}举办面授活动。", "活动应在{place}线下开展。"),
            "hybrid": (
                "希望采用线上线下相结合的方式，线下部分在{place}进行。",
                "最合适的是线上模块加在{place}的短期实地工作。",
            ),
        },
        "offer": {
            "online": ("全部课程在线进行。", "所有课程均在线开展，并提供录像回放。"),
            "in_person": ("活动在{place}线下进行。", "学员须在{place}参加面授。"),
            "hybrid": (
                "采取线上模块与在{place}的线下环节相结合的方式。",
                "以远程工作为主，并在{place}开展实地工作和研讨会。",
            ),
        },
    },
    "places": {
        "need": ("首都", "两个试点省份", "我方培训中心", "三个试点地区", "首都和一个二线城市", "国立大学校园"),
        "offer": ("我方总部", "我方区域培训中心", "我方培训学院", "合作国", "合作国或我方所在地", "区域内一所合作大学"),
    },
    "period": {
        "need": ("希望于{start}至{end}期间开展。", "计划{start}启动，{end}前完成。", "预期工作周期为{start}至{end}。"),
        "offer": (
            "本项目有效期为{start}至{end}。",
            "活动于{start}至{end}期间举办。",
            "接受{start}至{end}期间活动的申请。",
        ),
    },
    "capacity": {
        "need": {
            "seats": ("预计参训人数约{n}人。", "预计约{n}人参加。"),
            "expert_days": ("预计需要约{n}个专家工作日。", "所需专家支持约{n}人日。"),
            "amount": ("资金需求估计为{amount}。", "拟筹集资金约{amount}。"),
        },
        "offer": {
            "seats": ("名额最多{n}个。", "每期名额{n}人。"),
            "expert_days": ("可提供最多{n}个专家工作日。", "最多可提供{n}人日的专家支持。"),
            "amount": ("资金总额为{amount}。", "单个项目资助金额最高{amount}。"),
        },
    },
    "languages": {
        "need_one": ("工作语言为{and}。", "所有活动须使用{and}进行。"),
        "need_many": ("可使用{or}开展工作。", "工作语言为{and}。"),
        "offer_one": ("授课语言为{and}。", "技术支持以{and}提供。"),
        "offer_many": ("工作语言可为{or}。", "可提供{and}服务。"),
    },
    "eligibility": {
        "regions": ("本项目面向{regions}国家的机构。", "仅限{regions}国家申请。"),
        "groups": ("优先支持来自{groups}的申请。", "申请方须来自{groups}。"),
    },
    "closing": {
        "need": (
            "我们欢迎南南合作和三方合作。",
            "特别欢迎在类似环境中有工作经验的合作伙伴。",
            "我方可负责当地后勤保障并指派对口人员。",
            "可应要求提供简要概念说明。",
        ),
        "offer": (
            "欢迎有意向的成员提交简要的合作意向书。",
            "申请随到随审。",
            "本项目是我方南南合作计划的一部分。",
            "以往合作伙伴包括多个地区的政府部门和高校。",
        ),
    },
    "language_names": {"ar": "阿拉伯文", "zh": "中文", "en": "英文", "fr": "法文", "ru": "俄文", "es": "西班牙文"},
    "region_names": {
        "002": "非洲",
        "015": "北非",
        "202": "撒哈拉以南非洲",
        "019": "美洲",
        "419": "拉丁美洲和加勒比",
        "142": "亚洲",
        "143": "中亚",
        "145": "西亚",
        "035": "东南亚",
        "150": "欧洲",
        "009": "大洋洲",
    },
    "group_names": {
        "LDC": "最不发达国家",
        "LLDC": "内陆发展中国家",
        "SIDS": "小岛屿发展中国家",
        "G77": "77国集团成员国",
    },
    "months": tuple(f"{month}月" for month in range(1, 13)),
    "currency_names": {
        "USD": "美元",
        "EUR": "欧元",
        "CNY": "元人民币",
        "GBP": "英镑",
        "JPY": "日元",
        "XOF": "西非法郎",
        "ZMW": "赞比亚克瓦查",
        "RUB": "卢布",
        "SAR": "沙特里亚尔",
        "INR": "印度卢比",
        "BRL": "巴西雷亚尔",
    },
}

_BANKS = {"ar": _AR, "zh": _ZH, "en": _EN, "fr": _FR, "ru": _RU, "es": _ES}

# ---------------------------------------------------------------------------
# Compiled phrase banks
# ---------------------------------------------------------------------------

_AGREEMENT = re.compile(r"\[\[([^|\]]*)\|([^\]]*)\]\]")
_FEMININE, _MASCULINE = 0, 1
_NEED, _OFFER = 1, 0  # index into (offer, need) pairs


def _gendered(template: str) -> tuple[str, str]:
    """Resolve ``[[feminine|masculine]]`` marks into one template per grammatical gender."""
    return _AGREEMENT.sub(r"\1", template), _AGREEMENT.sub(r"\2", template)


@dataclass(frozen=True, slots=True)
class _TopicText:
    # Indexed by kind (offer 0, need 1); each opening is a (feminine, masculine) pair of templates.
    titles: tuple[tuple[str, ...], tuple[str, ...]]
    openings: tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]
    details: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Language:
    code: str
    joiner: str
    min_length: int
    max_length: int
    topics: dict[str, _TopicText]
    actors: dict[str, tuple[tuple[int, str], ...]]  # domain -> (gender, subject)
    groups: dict[str, tuple[str, ...]]
    modality: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]
    format: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]
    places: tuple[tuple[str, ...], tuple[str, ...]]
    period: tuple[tuple[str, ...], tuple[str, ...]]
    capacity: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]
    # Working-language sentences by kind, then by one language (0) or several (1).
    languages: tuple[tuple[tuple[str, ...], tuple[str, ...]], tuple[tuple[str, ...], tuple[str, ...]]]
    eligibility_regions: tuple[str, ...]
    eligibility_groups: tuple[str, ...]
    closing: tuple[tuple[str, ...], tuple[str, ...]]
    bank: dict


def _compile(code: str, bank: dict) -> _Language:
    topics = {}
    for key, (need_titles, offer_titles, need_openings, offer_openings, details) in bank["topics"].items():
        topics[key] = _TopicText(
            titles=(offer_titles, need_titles),
            openings=(tuple(map(_gendered, offer_openings)), tuple(map(_gendered, need_openings))),
            details=details,
        )
    actors = {}
    for domain, subjects in bank["actors"].items():
        actors[domain] = tuple(
            (_FEMININE, subject[2:]) if subject.startswith("f:") else (_MASCULINE, subject.removeprefix("m:"))
            for subject in subjects
        )
    languages = bank["languages"]
    return _Language(
        code=code,
        joiner="" if code == "zh" else " ",
        min_length=100 if code == "zh" else 300,
        max_length=450 if code == "zh" else 900,
        topics=topics,
        actors=actors,
        groups=bank["groups"],
        modality=(bank["modality"]["offer"], bank["modality"]["need"]),
        format=(bank["format"]["offer"], bank["format"]["need"]),
        places=(bank["places"]["offer"], bank["places"]["need"]),
        period=(bank["period"]["offer"], bank["period"]["need"]),
        capacity=(bank["capacity"]["offer"], bank["capacity"]["need"]),
        languages=(
            (languages["offer_one"], languages["offer_many"]),
            (languages["need_one"], languages["need_many"]),
        ),
        eligibility_regions=bank["eligibility"]["regions"],
        eligibility_groups=bank["eligibility"]["groups"],
        closing=(bank["closing"]["offer"], bank["closing"]["need"]),
        bank=bank,
    )


_LANGUAGES = {code: _compile(code, bank) for code, bank in _BANKS.items()}
_TOPIC_COUNT = len(TOPICS)

# ---------------------------------------------------------------------------
# Language-specific formatting: lists, months, money
# ---------------------------------------------------------------------------

_CONJUNCTIONS = {"en": ("and", "or"), "fr": ("et", "ou"), "es": ("y", "o"), "ru": ("и", "или")}


def _join(language: str, items: Sequence[str], conjunction: int) -> str:
    """Join ``items`` with "and" (conjunction 0) or "or" (1), as the language writes lists."""
    if len(items) == 1:
        return items[0]
    head, last = items[:-1], items[-1]
    if language == "zh":
        return "、".join(head) + ("和" if conjunction == 0 else "或") + last
    if language == "ar":
        return " و".join(items) if conjunction == 0 else " أو ".join(items)
    word = _CONJUNCTIONS[language][conjunction]
    if language == "es":  # y -> e before an (h)i- sound, o -> u before an (h)o- sound
        lowered = last.lower()
        if word == "y" and (lowered.startswith("i") or (lowered.startswith("hi") and not lowered.startswith("hie"))):
            word = "e"
        elif word == "o" and lowered.startswith(("o", "ho")):
            word = "u"
    return ", ".join(head) + f" {word} " + last


_FIELDS_CACHE: dict[tuple[str, tuple[str, ...]], dict[str, str]] = {}
_MONTH_CACHE: dict[tuple[str, int, int, bool], str] = {}


def _language_fields(language: _Language, codes: Sequence[str]) -> dict[str, str]:
    """The working languages as the language's templates name them: "and"/"or" lists and case forms."""
    key = (language.code, tuple(codes))
    fields = _FIELDS_CACHE.get(key)
    if fields is not None:
        return fields
    names = [language.bank["language_names"][code] for code in codes]
    fields = {"and": _join(language.code, names, 0), "or": _join(language.code, names, 1)}
    if language.code == "fr":
        fields["en_and"] = _join("fr", [f"en {name}" for name in names], 0)
        fields["en_or"] = _join("fr", [f"en {name}" for name in names], 1)
    elif language.code == "ru":
        fields["nom"] = fields["and"]
        fields["prep"] = _join("ru", [language.bank["language_names_prep"][code] for code in codes], 0)
    elif language.code == "ar":
        fields["b_and"] = "ب" + fields["and"]
        fields["b_or"] = "ب" + fields["or"]
    _FIELDS_CACHE[key] = fields
    return fields


def _month(language: _Language, day: datetime.date, genitive: bool = False) -> str:
    """A month and year ("March 2026") as the language writes them; Russian also in the genitive."""
    key = (language.code, day.year, day.month, genitive)
    label = _MONTH_CACHE.get(key)
    if label is not None:
        return label
    code = language.code
    if code == "zh":
        label = f"{day.year}年{day.month}月"
    elif code == "ru":
        months = language.bank["months_gen" if genitive else "months"]
        label = f"{months[day.month - 1]} {day.year} г."
    elif code == "es":
        label = f"{language.bank['months'][day.month - 1]} de {day.year}"
    else:
        label = f"{language.bank['months'][day.month - 1]} {day.year}"
    _MONTH_CACHE[key] = label
    return label


def _period(language: _Language, template: str, start: datetime.date, end: datetime.date) -> str:
    first, last = _month(language, start), _month(language, end)
    if language.code == "ru":
        return template.format(
            start_nom=first,
            end_nom=last,
            start_gen=_month(language, start, genitive=True),
            end_gen=_month(language, end, genitive=True),
        )
    return template.format(start=first, end=last)


def _capacity_sentence(language: _Language, template: str, capacity: dict) -> str:
    if "amount" in capacity:
        return template.format(amount=_money(language, capacity["amount"], capacity["currency"]))
    return template.format(n=next(iter(capacity.values())))


def _money(language: _Language, amount: int, currency: str) -> str:
    code = language.code
    if code == "en":
        return f"{currency} {amount:,}"
    name = language.bank["currency_names"].get(currency, currency)
    if code == "zh":
        if amount >= 100_000_000 and amount % 1_000_000 == 0:
            number = f"{amount / 100_000_000:g}亿"
        elif amount >= 10_000 and amount % 100 == 0:
            number = f"{amount / 10_000:g}万"
        else:
            number = f"{amount:,}"
        return number + name
    grouped = f"{amount:,}"
    if code in ("fr", "ru"):
        grouped = grouped.replace(",", " ")
    elif code == "es":
        grouped = grouped.replace(",", ".")
    return f"{grouped} {name}"


def _two_significant_digits(value: float) -> int:
    if value < 100:
        return max(1, round(value))
    magnitude = 10 ** (len(str(int(value))) - 2)
    return int(round(value / magnitude)) * magnitude


_CURRENCY_WEIGHTS = tuple(weight for _, _, weight in _CURRENCY_TABLE)
_CURRENCY_CUMULATIVE = tuple(sum(_CURRENCY_WEIGHTS[: index + 1]) for index in range(len(_CURRENCY_WEIGHTS)))
_CURRENCY_TOTAL = _CURRENCY_CUMULATIVE[-1]
_CURRENCY_RATES = {currency: rate for currency, rate, _ in _CURRENCY_TABLE}

# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------

_ID_BITS = 40
_BLOCK = 64  # postings drawn from one seeding of the generator
_ORDER = itemgetter(1)


_Member = tuple[str, str]


def _member_pools(
    members: Sequence[_Member],
) -> tuple[dict[str, tuple[_Member, ...]], tuple[_Member, ...], tuple[_Member, ...]]:
    """States by the language they write, all States, and organisations (each falling back to everyone)."""
    everyone = tuple((code, kind) for code, kind in members)
    for code, kind in everyone:
        if kind not in ("state", "organisation"):
            raise ValueError(f"member {code!r} has kind {kind!r}; expected 'state' or 'organisation'")
    states = tuple(member for member in everyone if member[1] == "state") or everyone
    organisations = tuple(member for member in everyone if member[1] == "organisation") or everyone
    by_language = {}
    for language in PHRASE_LANGUAGES:
        writers = _STATES_BY_LANGUAGE.get(language)
        by_language[language] = (
            states if writers is None else tuple(member for member in states if member[0] in writers) or states
        )
    return by_language, states, organisations


def generate_postings(
    count: int,
    *,
    members: list[tuple[str, str]],
    seed: int = 0,
    start_index: int = 0,
    today: datetime.date,
) -> Iterator[dict]:
    """Yield ``count`` synthetic postings in the interchange format, numbered from ``start_index + 1``.

    ``members`` lists ``(member_code, kind)`` pairs, kind being ``"state"`` or ``"organisation"``.
    Dates fall between about ``today`` minus a year and ``today`` plus two years. The same
    ``seed`` always yields the same postings, whatever the chunking by ``start_index``.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    if start_index < 0:
        raise ValueError("start_index must not be negative")
    if start_index + count >= 1 << _ID_BITS:
        raise ValueError("too many postings for one seed")
    if not members:
        raise ValueError("at least one member is needed")
    pools = _member_pools(members)
    seed_bits = (seed & 0xFFFF_FFFF_FFFF_FFFF) << _ID_BITS
    today_ordinal = today.toordinal()
    horizon_ordinal = today_ordinal + 730
    rng = random.Random()
    draw = rng.random
    number, last = start_index + 1, start_index + count
    while number <= last:
        # One seed per block of postings; a chunk that starts inside a block replays the block's
        # earlier postings, so that chunks are exactly the slices of one long run.
        block = (number - 1) // _BLOCK
        rng.seed(seed_bits | block)
        block_first = block * _BLOCK + 1
        for skipped in range(block_first, number):
            _posting(draw, skipped, pools, today_ordinal, horizon_ordinal)
        block_last = min(last, block_first + _BLOCK - 1)
        for current in range(number, block_last + 1):
            yield _posting(draw, current, pools, today_ordinal, horizon_ordinal)
        number = block_last + 1


def _posting(r, number, pools, today_ordinal, horizon_ordinal) -> dict:
    """Draw one posting; ``r`` is the seeded generator's ``random`` method."""
    language_code = PHRASE_LANGUAGES[int(r() * 6)]
    language = _LANGUAGES[language_code]
    kind = _NEED if r() < NEED_SHARE else _OFFER
    topic = TOPICS[int(r() * _TOPIC_COUNT)]
    by_language, states, organisations = pools
    if r() < _ORGANISATION_SHARE.get(language_code, _DEFAULT_ORGANISATION_SHARE):
        pool = organisations
    else:
        pool = by_language[language_code] if r() < _LANGUAGE_AFFINITY else states
    member, member_kind = pool[int(r() * len(pool))]

    # Tags: what the topic implies, then some dropped as members often leave them out.
    secondary = None
    if topic.secondary and r() < 0.5:
        secondary = topic.secondary[int(r() * len(topic.secondary))]
    modalities = [topic.primary] if secondary is None else [topic.primary, secondary]
    themes = list(topic.themes)
    if topic.extra_themes and r() < 0.5:
        themes.append(topic.extra_themes[int(r() * len(topic.extra_themes))])
    if topic.sectors:
        if r() < 0.75:
            sectors = (
                list(topic.sectors)
                if len(topic.sectors) == 1 or r() < 0.7
                else [topic.sectors[int(r() * len(topic.sectors))]]
            )
        else:
            sectors = []
    elif topic.optional_sectors and r() < 0.35:
        sectors = [topic.optional_sectors[int(r() * len(topic.optional_sectors))]]
    else:
        sectors = []
    if r() < MISSING_TAG_SHARE:
        which = r()
        if which < 0.75:
            modalities = []
        if which >= 0.4:
            themes = []
        if 0.4 <= which < 0.75 and r() < 0.5:
            sectors = []

    # Working languages: the posting's own, often English, sometimes another.
    delivery = [language_code]
    extras = _EXTRA_LANGUAGES[language_code]
    if r() < (0.45 if kind == _NEED else 0.6):
        delivery.append(extras[int(r() * len(extras))])
    if r() < (0.1 if kind == _NEED else 0.3):
        extra = PHRASE_LANGUAGES[int(r() * 6)]
        if extra not in delivery:
            delivery.append(extra)

    x = r()
    if topic.primary == "financial_support" and x < 0.8:
        format_ = None
    elif x < 0.38:
        format_ = "hybrid"
    elif x < 0.65:
        format_ = "online"
    elif x < 0.9:
        format_ = "in_person"
    else:
        format_ = None

    # Eligibility: offers only, mostly open to all.
    eligible_groups: list[str] = []
    eligible_regions: list[str] = []
    if kind == _OFFER:
        if r() < 0.18:
            eligible_groups = list(_GROUP_CHOICES[int(r() * len(_GROUP_CHOICES))])
        if r() < 0.27:
            choices = _REGION_CHOICES[language_code] if r() < 0.75 else _ALL_REGION_CHOICES
            eligible_regions = list(choices[int(r() * len(choices))])

    # Capacity follows what is offered or asked for.
    capacity = None
    if r() < (0.3 if kind == _NEED else 0.72):
        driver = "financial_support" if secondary == "financial_support" and r() < 0.5 else topic.primary
        if driver == "financial_support":
            currency = "USD"
            pick = r() * _CURRENCY_TOTAL
            for index, bound in enumerate(_CURRENCY_CUMULATIVE):
                if pick < bound:
                    currency = _CURRENCY_TABLE[index][0]
                    break
            if r() < 0.2:
                currency = _CURRENCY_BY_LANGUAGE[language_code]
            usd = _USD_AMOUNTS[int(r() * len(_USD_AMOUNTS))]
            capacity = {"amount": _two_significant_digits(usd * _CURRENCY_RATES[currency]), "currency": currency}
        elif driver == "technical_assistance" or (driver == "joint_research" and r() < 0.5):
            capacity = {"expert_days": _EXPERT_DAYS[int(r() * len(_EXPERT_DAYS))]}
        elif driver == "policy_exchange":
            capacity = {"seats": _VISIT_SEATS[int(r() * len(_VISIT_SEATS))]}
        else:
            capacity = {"seats": _SEATS[int(r() * len(_SEATS))]}

    # Dates: a start between about a year ago and eighteen months ahead, then a duration.
    start = end = None
    if r() >= 0.07:
        day = datetime.date.fromordinal(today_ordinal - 330 + int(r() * 871))
        start = datetime.date(day.year, day.month, 1 if r() < 0.8 else 15)
        months = _DURATION_MONTHS[int(r() * len(_DURATION_MONTHS))]
        year, month = divmod(start.month - 1 + months, 12)
        end_ordinal = datetime.date(start.year + year, month + 1, start.day).toordinal() - 1
        end = datetime.date.fromordinal(min(end_ordinal, horizon_ordinal))
        if kind == _OFFER and r() < 0.03:
            end = None

    # Text.
    texts = language.topics[topic.key]
    titles = texts.titles[kind]
    title = titles[int(r() * len(titles))]
    if start is not None and end is not None and r() < 0.12:
        if language_code == "zh":
            title += f"（{start.year}年）" if start.year == end.year else f"（{start.year}—{end.year}年）"
        else:
            title += f" ({start.year})" if start.year == end.year else f" ({start.year}–{end.year})"

    if member_kind == "state":
        domain = "coop" if kind == _OFFER and r() < 0.3 else topic.domains[int(r() * len(topic.domains))]
    else:
        domain = "org_research" if "research" in topic.domains and r() < 0.6 else "org"
    actors = language.actors[domain]
    gender, actor = actors[int(r() * len(actors))]
    group_keys = topic.groups
    groups = language.groups[group_keys[int(r() * len(group_keys))]]
    group = groups[int(r() * len(groups))]
    openings = texts.openings[kind]
    opening = openings[int(r() * len(openings))][gender].format(actor=actor, group=group)
    details = texts.details
    first = int(r() * 3)
    second = (first + 1 + int(r() * 2)) % 3

    # (priority when trimming, order in the text, sentence): chosen ones, and spares that lengthen
    # a short text. A spare's sentence may be a callable, formatted only if it is used.
    chosen = [(100, 0, opening), (90, 1, details[first])]
    spare = []
    (chosen if r() < 0.45 else spare).append((20, 2, details[second]))
    if secondary is not None:
        sentences = language.modality[kind][secondary]
        (chosen if r() < 0.85 else spare).append((60, 3, sentences[int(r() * len(sentences))]))
    if format_ is not None:
        sentences = language.format[kind][format_]
        places = language.places[kind]
        sentence = sentences[int(r() * len(sentences))].format(place=places[int(r() * len(places))])
        (chosen if r() < 0.7 else spare).append((50, 4, sentence))
    if start is not None and end is not None:
        sentences = language.period[kind]
        template = sentences[int(r() * len(sentences))]
        if r() < 0.45:
            chosen.append((30, 5, _period(language, template, start, end)))
        else:
            spare.append((30, 5, partial(_period, language, template, start, end)))
    if capacity is not None:
        sentences = language.capacity[kind][next(iter(capacity))]
        template = sentences[int(r() * len(sentences))]
        if r() < 0.55:
            chosen.append((40, 6, _capacity_sentence(language, template, capacity)))
        else:
            spare.append((40, 6, partial(_capacity_sentence, language, template, capacity)))
    if eligible_regions:
        names = [language.bank["region_names"][code] for code in eligible_regions]
        sentences = language.eligibility_regions
        chosen.append((80, 7, sentences[int(r() * len(sentences))].format(regions=_join(language_code, names, 0))))
    if eligible_groups:
        names = [language.bank["group_names"][code] for code in eligible_groups]
        sentences = language.eligibility_groups
        chosen.append((80, 8, sentences[int(r() * len(sentences))].format(groups=_join(language_code, names, 0))))
    closings = language.closing[kind]
    (chosen if r() < 0.3 else spare).append((10, 9, closings[int(r() * len(closings))]))
    sentences = language.languages[kind][len(delivery) > 1]
    sentence = sentences[int(r() * len(sentences))].format_map(_language_fields(language, delivery))
    (chosen if r() < 0.8 else spare).append((70, 10, sentence))

    # At most six sentences, and a length within the language's bounds where the sentences allow.
    if len(chosen) > 6:
        chosen.sort(reverse=True)
        del chosen[6:]
    joiner = language.joiner
    chosen.sort(key=_ORDER)
    description = joiner.join([item[2] for item in chosen])
    length = len(description)
    if length < language.min_length and spare and len(chosen) < 6:
        spare.sort(reverse=True)
        for priority, order, sentence in spare:
            if len(chosen) >= 6 or length >= language.min_length:
                break
            if not isinstance(sentence, str):
                sentence = sentence()
            chosen.append((priority, order, sentence))
            length += len(sentence) + len(joiner)
        chosen.sort(key=_ORDER)
        description = joiner.join([item[2] for item in chosen])
    if length > language.max_length and len(chosen) > 2:
        chosen.sort(reverse=True)
        while length > language.max_length and len(chosen) > 2:
            length -= len(chosen.pop()[2]) + len(joiner)
        chosen.sort(key=_ORDER)
        description = joiner.join([item[2] for item in chosen])

    return {
        "id": f"GEN-{'N' if kind == _NEED else 'O'}-{number:07d}",
        "kind": "need" if kind == _NEED else "offer",
        "member": member,
        "title": title,
        "description": description,
        "language": language_code,
        "modalities": modalities,
        "themes": themes,
        "sectors": sectors,
        "delivery_languages": delivery,
        "format": format_,
        "eligible_groups": eligible_groups,
        "eligible_regions": eligible_regions,
        "capacity": capacity,
        "start": None if start is None else start.isoformat(),
        "end": None if end is None else end.isoformat(),
    }
