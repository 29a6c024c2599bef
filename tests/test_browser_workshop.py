"""Issue 13's "Done when", in a real browser on the demo: a newcomer reads the Beijing workshop in the six
languages; Zambia's focal point nominates a delegate to the next edition (Lusaka, open for nominations);
the host's manager approves her, downloads her Arabic and Chinese badges and her French certificate (PDFs
whose text is checked), checks her in on a phone-sized page; China's manager runs a pairing of the
Beijing workshop and turns one of its action items into a cooperation."""

import io
from datetime import timedelta
from pathlib import Path

import pypdf
import pytest
from django.core.management import call_command
from django.utils import translation

from harambee.cooperation.models import Cooperation
from harambee.events.models import ActionItem, Attendance, Event, PairingRun, Registration

PASSWORD = "harambee-demo-2025"
ZAMBIA = "zambia.manager@demo.harambee.test"  # Zambia's focal point, and a manager of Lusaka's host (Zambia)
CHINA = "china.manager@demo.harambee.test"  # the manager of the Beijing workshop's host (China)
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")
LETTER = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _sign_in(browser, base: str, email: str, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(f"{base}/en/accounts/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/my/")
    return context, page


def _pdf_text(page, href: str) -> str:
    """Click the download link `href` on the documents page; the PDF's text, on one line."""
    with page.expect_download() as info:
        page.locator(f'a[href="{href}"]').click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF-"), data[:40]
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _change_language(page, base: str, slug: str, name: str, language: str) -> None:
    """On Zambia's delegation page, follow the delegate's "change" link by the language of her documents
    and choose `language` (the host's manager is Zambia's focal point too)."""
    page.goto(f"{base}/en/events/{slug}/delegations/zmb/")
    page.get_by_role("link", name=f"Change the language of the documents of {name}").click()
    page.get_by_label("Language for documents").select_option(language)
    page.get_by_role("button", name="Change the language").click()
    page.wait_for_load_state()
    assert page.locator(".message.success").count() == 1, page.content()[:2000]


def test_the_workshop_from_newcomer_to_outcomes(live_server, chromium, tmp_path):
    # given the demo
    call_command("loaddemo", stdout=io.StringIO())
    base = live_server.url
    beijing = Event.objects.get(slug="beijing-2025")
    lusaka = Event.objects.get(slug="lusaka-next")

    # when a newcomer opens the Beijing workshop's page in each of the six languages
    newcomer = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = newcomer.new_page()
    for language in LANGUAGES:
        response = page.goto(f"{base}/{language}/events/beijing-2025/")
        # then it answers in that language and direction, with the event's title in that language
        assert response.status == 200, language
        html = page.locator("html")
        assert html.get_attribute("lang") == language, language
        assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr"), language
        with translation.override(language):
            title = beijing.translation_for(language)[0]
        assert title in page.locator("h1").inner_text(), (language, title)
    newcomer.close()

    # when Zambia's focal point nominates Amina Banda to the next edition, with a PDF letter
    letter = tmp_path / "nomination-letter.pdf"
    letter.write_bytes(LETTER)
    focal, page = _sign_in(chromium, base, ZAMBIA, viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/en/events/{lusaka.slug}/delegations/zmb/nominate/")
    page.get_by_label("Full name").fill("Amina Banda")
    page.get_by_label("E-mail").fill("amina.banda@example.org")
    page.get_by_label("Position").fill("Director of digital policy")
    page.get_by_label("Sex (optional)").select_option("female")
    page.get_by_label("Language for documents").select_option("ar")
    page.get_by_label("Nomination letter").set_input_files(str(letter))
    page.get_by_role("button", name="Nominate").click()
    page.wait_for_url(f"**/events/{lusaka.slug}/delegations/zmb/")
    # then she is nominated, waiting for the host's decision
    amina = Registration.objects.get(event=lusaka, full_name="Amina Banda")
    assert (amina.member.code, amina.status, amina.sex, amina.language) == ("zmb", "nominated", "female", "ar")
    assert amina.nomination_letter.read().startswith(b"%PDF-")
    focal.close()

    # when the host's manager (Lusaka's host is Zambia), in a new browser context, approves her
    host, page = _sign_in(chromium, base, ZAMBIA, viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/en/events/{lusaka.slug}/nominations/")
    page.locator(f"#action-{amina.pk}").select_option("approve")
    page.locator(f'form[action$="/delegates/{amina.pk}/decide/"] button[type=submit]').click()
    page.wait_for_load_state()
    # then she is approved
    amina.refresh_from_db()
    assert amina.status == "approved"

    # when the host downloads her badge in Arabic (her documents' language) ...
    documents = f"{base}/en/events/{lusaka.slug}/documents/"
    badge = f"/en/events/{lusaka.slug}/documents/{amina.pk}/badge.pdf"
    page.goto(documents)
    text = _pdf_text(page, badge)
    # then it names her, her delegation in Arabic and her badge code
    amina.refresh_from_db()
    assert "Amina Banda" in text and "زامبيا" in text and amina.badge_code in text, text
    # ... and in Chinese, after her delegation's page changed the language of her documents
    _change_language(page, base, lusaka.slug, "Amina Banda", "zh")
    amina.refresh_from_db()
    assert amina.language == "zh"
    page.goto(documents)
    text = _pdf_text(page, badge)
    assert "Amina Banda" in text and "赞比亚" in text and amina.badge_code in text, text

    # when the host checks her in by her badge code on a phone-sized page, for the whole event
    phone = host.new_page()
    phone.set_viewport_size({"width": 375, "height": 740})
    phone.goto(f"{base}/en/events/{lusaka.slug}/check-in/?session=event")
    phone.get_by_label("Badge code").fill(amina.badge_code.lower())
    phone.get_by_role("button", name="Check in", exact=True).click()
    phone.wait_for_load_state()
    # then the page confirms it and fits the phone's width
    assert phone.locator(".checkin-result.done").inner_text().startswith("Checked in: Amina Banda.")
    assert Attendance.objects.filter(registration=amina).count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    phone.close()

    # when the host downloads her certificate in French: Lusaka is next May, and certificates are made
    # from the event's first day, so for this step only the test moves the event's first day to
    # yesterday (the ORM, not a page), then puts it back
    _change_language(page, base, lusaka.slug, "Amina Banda", "fr")
    first_day = lusaka.start_date
    Event.objects.filter(pk=lusaka.pk).update(start_date=first_day - timedelta(days=400))
    try:
        page.goto(documents)
        text = _pdf_text(page, f"/en/events/{lusaka.slug}/documents/{amina.pk}/certificate.pdf")
    finally:
        Event.objects.filter(pk=lusaka.pk).update(start_date=first_day)
    # then it certifies her participation, in French
    with translation.override("fr"):
        certify = translation.gettext("This is to certify that")
    assert "Amina Banda" in text and "Zambie" in text and certify in text, text
    assert certify != "This is to certify that"
    host.close()

    # when China's manager runs a pairing of the Beijing workshop (4 rounds of 20 minutes, the form's tables)
    china, page = _sign_in(chromium, base, CHINA, viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/en/events/beijing-2025/pairing/runs/")
    page.get_by_role("button", name="Run the pairing").click()
    page.wait_for_url("**/events/beijing-2025/pairing/runs/*/")
    page.reload()  # the task ran at once in tests; the page shows the result
    # then the run is done and its figures are shown
    run = PairingRun.objects.filter(event=beijing).order_by("-pk").first()
    assert run.status == "done", run.status
    figures = page.locator("dl.facts").inner_text()
    assert "Delegates paired" in figures and "Optimality gap" in figures, figures
    assert page.get_by_role("heading", name="Round 1").count() == 1

    # when he turns the action item "Template for national data strategies" into a cooperation
    item = ActionItem.objects.get(event=beijing, title="Template for national data strategies")
    before = Cooperation.objects.count()
    page.goto(f"{base}/en/events/beijing-2025/report/")
    page.locator(f"#kind-{item.pk}").select_option("cooperation")
    page.locator(f'form[action$="/actions/{item.pk}/convert/"] button[type=submit]').click()
    assert page.get_by_label("Title").input_value() == "Template for national data strategies"
    page.get_by_label("Beneficiary").select_option("zmb")
    page.get_by_label("Modality").select_option("training")
    page.get_by_role("button", name="Create it and link it").click()
    page.wait_for_url("**/events/beijing-2025/report/*")
    # then the cooperation exists with origin "workshop", and the report links to it
    assert Cooperation.objects.count() == before + 1
    item.refresh_from_db()
    cooperation = item.cooperation
    assert (cooperation.origin, cooperation.provider.code, cooperation.beneficiary.code) == ("workshop", "chn", "zmb")
    assert page.locator(f'#action-{item.pk} a[href="/en/cooperations/{cooperation.pk}/"]').count() == 1
    china.close()
