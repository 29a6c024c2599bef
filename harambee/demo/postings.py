"""Demo needs and offers in the six UN languages, written through the services (so audited)."""

from datetime import date, timedelta

from django.utils import timezone

from harambee.postings.services import posting_create, posting_transition
from harambee.postings.validation import parse_posting

DEMO_POSTINGS = [
    {
        "id": "DEMO-N-SEN-1", "kind": "need", "member": "SEN", "language": "fr",
        "title": "Former 150 cadres de l'administration à l'usage responsable de l'IA",
        "description": "Le ministère de la Communication, des Télécommunications et du Numérique souhaite former "
        "150 cadres des ministères aux bases de l'intelligence artificielle : apprentissage automatique, IA "
        "générative pour la rédaction administrative et **protection des données personnelles**.\n\n"
        "Sessions en présentiel à Dakar, complétées par des modules en ligne, en français.",
        "modalities": ["training"], "themes": ["skills"], "sectors": ["public_services"],
        "target_groups": ["civil_servants"], "delivery_languages": ["fr"], "format": "hybrid",
        "capacity": {"seats": 150}, "start": "2026-03-01", "end": "2026-12-15", "sdgs": [4, 16],
    },
    {
        "id": "DEMO-N-ZMB-1", "kind": "need", "member": "ZMB", "language": "en",
        "title": "Data governance framework and AI-ready statistics for Zambia",
        "description": "The Ministry of Technology and Science seeks technical assistance to draft a national data "
        "governance framework (data sharing, privacy, open data) and to help the Zambia Statistics Agency "
        "prepare machine-readable datasets for AI use in agriculture and health.",
        "modalities": ["technical_assistance", "policy_exchange"], "themes": ["data", "governance"],
        "sectors": ["agriculture", "health"], "delivery_languages": ["en"], "format": "hybrid",
        "capacity": {"expert_days": 120}, "start": "2026-02-01", "end": "2027-01-31", "channel": "south_south",
    },
    {
        "id": "DEMO-N-EGY-1", "kind": "need", "member": "EGY", "language": "ar",
        "title": "بناء مدونات لغوية عربية لتدريب نماذج الذكاء الاصطناعي",
        "description": "تسعى وزارة الاتصالات وتكنولوجيا المعلومات إلى شراكة بحثية لبناء مدونات نصية وصوتية "
        "باللهجات العربية، وإتاحتها للجامعات ومراكز البحث، مع وضع قواعد لحماية البيانات الشخصية.",
        "modalities": ["joint_research"], "themes": ["research_models", "data"], "sectors": ["language_culture"],
        "delivery_languages": ["ar", "en"], "format": "hybrid", "start": "2026-04-01", "end": "2028-03-31",
    },
    {
        "id": "DEMO-N-BOL-1", "kind": "need", "member": "BOL", "language": "es",
        "title": "Alerta temprana de heladas y sequías con inteligencia artificial",
        "description": "El Ministerio de Desarrollo Rural busca apoyo técnico y formación para construir un sistema "
        "de alerta temprana de heladas y sequías en el Altiplano, combinando datos meteorológicos, imágenes "
        "satelitales y modelos de aprendizaje automático.",
        "modalities": ["technical_assistance", "training"], "themes": ["applications"],
        "sectors": ["agriculture", "climate", "disaster_risk"], "target_groups": ["rural_remote"],
        "delivery_languages": ["es"], "format": "hybrid", "start": "2026-05-01", "end": "2027-04-30",
    },
    {
        "id": "DEMO-N-KGZ-1", "kind": "need", "member": "KGZ", "language": "ru",
        "title": "Обмен опытом при обновлении национальной стратегии в области ИИ",
        "description": "Министерство цифрового развития Кыргызской Республики хотело бы провести консультации с "
        "партнерами, уже принявшими стратегии в области искусственного интеллекта: показатели мониторинга, "
        "регулирование и подготовка кадров для государственного управления.",
        "modalities": ["policy_exchange"], "themes": ["governance"], "delivery_languages": ["ru", "en"],
        "format": "online", "start": "2026-02-15", "end": "2026-09-30",
    },
    {
        "id": "DEMO-O-TSINGHUA-1", "kind": "offer", "member": "TSINGHUA", "language": "zh",
        "title": "面向发展中国家公务员的人工智能能力建设研修班",
        "description": "清华大学为发展中国家政府部门的中层公务员举办为期两周的人工智能能力建设研修班，内容包括"
        "机器学习基础、生成式人工智能的负责任使用、数据治理和人工智能安全评估。课程以中文和英文授课，"
        "提供法语同声传译。",
        "modalities": ["training"], "themes": ["skills", "governance"], "sectors": ["public_services"],
        "target_groups": ["civil_servants"], "delivery_languages": ["zh", "en", "fr"], "format": "in_person",
        "location": "北京", "eligible_groups": ["G77"], "capacity": {"seats": 40}, "apply_by": "2026-08-31",
        "start": "2026-10-12", "end": "2026-10-24", "channel": "south_south",
        "translations": [
            {"language": "fr", "title": "Formation au renforcement des capacités en IA pour les fonctionnaires des "
             "pays en développement", "description": "L'Université Tsinghua organise une formation de deux "
             "semaines pour les cadres des administrations des pays en développement : bases de l'apprentissage "
             "automatique, usage responsable de l'IA générative, gouvernance des données et évaluation de la "
             "sûreté de l'IA. Cours en chinois et en anglais, avec interprétation simultanée en français.",
             "origin": "machine", "verified": False},
            {"language": "en", "title": "AI capacity-building course for civil servants of developing countries",
             "description": "Tsinghua University runs a two-week course for mid-level civil servants of developing "
             "countries: machine-learning basics, responsible use of generative AI, data governance and AI "
             "safety evaluation. Taught in Chinese and English with French interpretation.",
             "origin": "human", "verified": True},
        ],
    },
    {
        "id": "DEMO-O-ITU-1", "kind": "offer", "member": "ITU", "language": "en",
        "title": "AI readiness assessments for national administrations",
        "description": "ITU offers expert support to national administrations that want to assess their AI "
        "readiness: infrastructure and connectivity, data, skills and governance, with a report and a "
        "prioritised action plan. Priority for least developed countries.",
        "modalities": ["technical_assistance"], "themes": ["infrastructure", "governance"],
        "delivery_languages": ["en", "fr", "es", "ar", "ru", "zh"], "format": "hybrid",
        "eligible_groups": ["LDC", "LLDC", "SIDS"], "capacity": {"expert_days": 200},
        "start": "2026-01-15", "end": "2027-12-31",
    },
    {
        "id": "DEMO-O-RUS-1", "kind": "offer", "member": "RUS", "language": "ru",
        "title": "Совместная лаборатория по языковым моделям для языков Центральной Азии",
        "description": "Предлагаем создать совместную исследовательскую лабораторию для разработки открытых "
        "языковых моделей и корпусов для языков Центральной Азии, со стажировками для молодых исследователей.",
        "modalities": ["joint_research", "training"], "themes": ["research_models"],
        "sectors": ["language_culture"], "target_groups": ["researchers", "youth"],
        "delivery_languages": ["ru", "en"], "format": "hybrid", "eligible_regions": ["143"],
        "capacity": {"seats": 12}, "start": "2026-09-01", "end": "2028-08-31",
    },
    {
        "id": "DEMO-O-UNESCO-1", "kind": "offer", "member": "UNESCO", "language": "fr",
        "title": "Accompagnement à la méthodologie d'évaluation de l'état de préparation à l'IA (RAM)",
        "description": "L'UNESCO accompagne les États membres qui souhaitent appliquer la méthodologie "
        "d'évaluation de l'état de préparation (RAM) de la Recommandation sur l'éthique de l'IA : dialogue "
        "politique, ateliers nationaux et rapport de recommandations.",
        "modalities": ["policy_exchange", "technical_assistance"], "themes": ["governance", "safety"],
        "delivery_languages": ["fr", "en", "es", "ar"], "format": "hybrid", "start": "2026-01-01",
        "end": "2027-06-30",
    },
    {
        "id": "DEMO-O-CHN-1", "kind": "offer", "member": "CHN", "language": "es",
        "title": "Becas de maestría en inteligencia artificial para América Latina y el Caribe",
        "description": "Se ofrecen becas completas de maestría en inteligencia artificial y ciencia de datos en "
        "universidades chinas para jóvenes profesionales de América Latina y el Caribe, con prioridad para "
        "mujeres y funcionarios públicos.",
        "modalities": ["training", "financial_support"], "themes": ["skills"],
        "target_groups": ["women_girls", "youth", "civil_servants"], "delivery_languages": ["en", "zh"],
        "format": "in_person", "eligible_regions": ["419"], "capacity": {"seats": 25}, "apply_by": "2026-06-30",
        "start": "2026-09-01", "end": "2028-07-31", "channel": "south_south",
    },
]  # fmt: skip


# Courses for civil servants offered in four languages, still taking applications whenever the demo is
# loaded (their dates count from that day): a French focal point searching "formation des
# fonctionnaires" finds them all (docs/search.md).
OPEN_COURSES = [
    {
        "id": "DEMO-O-EGY-1", "kind": "offer", "member": "EGY", "language": "ar",
        "title": "برنامج تدريبي للموظفين الحكوميين على الذكاء الاصطناعي في الخدمات العامة",
        "description": "تنظم وزارة الاتصالات وتكنولوجيا المعلومات برنامجاً تدريبياً لمدة ثلاثة أسابيع لموظفي "
        "الحكومات في الدول الأفريقية والعربية حول أساسيات الذكاء الاصطناعي، واستخدام الذكاء الاصطناعي التوليدي "
        "في العمل الإداري، وحماية البيانات الشخصية. التدريب بالعربية والإنجليزية والفرنسية في القاهرة، مع وحدات "
        "عبر الإنترنت.",
        "modalities": ["training"], "themes": ["skills"], "sectors": ["public_services"],
        "target_groups": ["civil_servants"], "delivery_languages": ["ar", "en", "fr"], "format": "hybrid",
        "location": "القاهرة", "capacity": {"seats": 30}, "channel": "south_south",
    },
    {
        "id": "DEMO-O-CUB-1", "kind": "offer", "member": "CUB", "language": "es",
        "title": "Curso de formación en inteligencia artificial para servidores públicos",
        "description": "Cuba ofrece un curso de cuatro semanas para funcionarios y servidores públicos de países en "
        "desarrollo: fundamentos del aprendizaje automático, uso responsable de la IA generativa en la "
        "administración y gobernanza de datos. Se imparte en español en La Habana, con módulos en línea.",
        "modalities": ["training"], "themes": ["skills", "data"], "sectors": ["public_services"],
        "target_groups": ["civil_servants"], "delivery_languages": ["es"], "format": "hybrid",
        "location": "La Habana", "capacity": {"seats": 25}, "channel": "south_south",
    },
    {
        "id": "DEMO-O-RUS-2", "kind": "offer", "member": "RUS", "language": "ru",
        "title": "Курс повышения квалификации по искусственному интеллекту для государственных служащих",
        "description": "Россия предлагает шестинедельный онлайн-курс для государственных служащих развивающихся "
        "стран: основы машинного обучения, ответственное применение генеративного ИИ в государственном "
        "управлении и защита персональных данных. Обучение на русском и английском языках.",
        "modalities": ["training"], "themes": ["skills", "governance"], "sectors": ["public_services"],
        "target_groups": ["civil_servants"], "delivery_languages": ["ru", "en"], "format": "online",
        "capacity": {"seats": 60}, "channel": "south_south",
    },
    {
        "id": "DEMO-O-CHN-2", "kind": "offer", "member": "CHN", "language": "zh",
        "title": "面向发展中国家公务员的人工智能应用在线研修班",
        "description": "中国为发展中国家政府部门的公务员举办为期四周的人工智能应用在线研修班，内容包括人工智能"
        "基础、生成式人工智能在公共管理中的负责任使用和数据治理。以中文和英文授课，提供法语和西班牙语字幕。",
        "modalities": ["training"], "themes": ["skills", "governance"], "sectors": ["public_services"],
        "target_groups": ["civil_servants"], "delivery_languages": ["zh", "en"], "format": "online",
        "capacity": {"seats": 50}, "channel": "south_south",
    },
]  # fmt: skip


def open_courses(today: date) -> list[dict]:
    """`OPEN_COURSES` with their dates: applications for three months, the course a month after."""
    dates = {
        "apply_by": (today + timedelta(days=90)).isoformat(),
        "start": (today + timedelta(days=120)).isoformat(),
        "end": (today + timedelta(days=150)).isoformat(),
    }
    return [{**raw, **dates} for raw in OPEN_COURSES]


def load_demo_postings(*, members: dict, authors: dict, secretariat) -> int:
    """Create and publish the demo postings; one Zambian draft stays a draft, one need is withdrawn."""
    count = 0
    for raw in [*DEMO_POSTINGS, *open_courses(timezone.localdate())]:
        data = parse_posting(raw)
        member = members[raw["member"].lower()]
        author = authors.get(member.code)
        posting = posting_create(actor=author or secretariat, member=member, data=data, contact=author, is_demo=True)
        posting_transition(posting=posting, actor=author or secretariat, action="submit")
        count += 1
    zambia = members["zmb"]
    draft = parse_posting(
        {"id": "DEMO-N-ZMB-2", "kind": "need", "member": "ZMB", "language": "en",
         "title": "GPU hours for the University of Zambia's crop-disease models",
         "description": "Draft: compute access for training crop-disease detection models on local images.",
         "modalities": ["technical_assistance"], "themes": ["infrastructure", "research_models"]}
    )  # fmt: skip
    posting_create(actor=authors["zmb"], member=zambia, data=draft, contact=authors["zmb"], is_demo=True)
    withdrawn = posting_create(
        actor=authors["zmb"], member=zambia, is_demo=True, contact=authors["zmb"],
        data=parse_posting(
            {"id": "DEMO-N-ZMB-3", "kind": "need", "member": "ZMB", "language": "en",
             "title": "Study visit on digital public infrastructure",
             "description": "A study visit for five officials on digital identity and data exchange platforms."}
        ),
    )  # fmt: skip
    posting_transition(posting=withdrawn, actor=authors["zmb"], action="submit")
    posting_transition(
        posting=withdrawn, actor=authors["zmb"], action="withdraw", reason="Funded through another partnership."
    )
    return count + 2
