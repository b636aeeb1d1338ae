"""The page in a real browser (headless Chromium): what a paralegal does, click by click.

Each test leaves a screenshot of the page in out/screenshots/ to be looked at."""

from __future__ import annotations

import time
from pathlib import Path

from docx_views import ACCEPT, REJECT, view
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from texts import document_paragraphs

from conformed import consolidate, read_amendment, read_document
from conftest import LiveServer, screenshot, whitlock_fields
from helpers import CORPUS, word_diff

BASE = CORPUS / "bases" / "xxxxx_termination_benefits_1997.txt"
SEED = CORPUS / "amendments" / "003_xxxxx_termination_benefits_amendment_1.txt"
GOLDEN = CORPUS / "expected" / "xxxxx_termination_benefits_1997.conformed.txt"


def downloaded(chrome: object, link_text: str) -> Path:
    """Click a download link and wait for the browser to finish writing the file."""
    chrome.find_element(By.LINK_TEXT, link_text).click()  # type: ignore[attr-defined]
    path = chrome.downloads / link_text  # type: ignore[attr-defined]
    for _ in range(300):
        if path.exists() and not list(path.parent.glob("*.crdownload")):
            return path
        time.sleep(0.1)
    raise AssertionError(f"{link_text} was not downloaded")


def submit(chrome: object, form: str) -> None:
    """Send a form and wait for the answer's page (its form is new: the old one goes stale)."""
    WebDriverWait(chrome, 30).until(
        lambda c: c.execute_script("return document.readyState") == "complete"
    )
    old = chrome.find_element(By.ID, form)  # type: ignore[attr-defined]
    chrome.find_element(By.CSS_SELECTOR, f"#{form} button").click()  # type: ignore[attr-defined]
    WebDriverWait(chrome, 120).until(lambda _: _stale(old))
    WebDriverWait(chrome, 10).until(lambda c: c.find_elements(By.ID, form))


def _stale(element: object) -> bool:
    """The old page's element is gone: Chromium says so as a stale reference, or, caught
    mid-navigation, as a node that no longer belongs to the document."""
    try:
        element.is_enabled()  # type: ignore[attr-defined]
    except WebDriverException:  # StaleElementReferenceException is one
        return True
    return False


def submit_chain(
    chrome: object, server: LiveServer, amendment: Path, page: str = "conform"
) -> None:
    chrome.get(f"{server.url}/{page}")  # type: ignore[attr-defined]
    chrome.find_element(By.NAME, "base").send_keys(str(BASE))  # type: ignore[attr-defined]
    chrome.find_element(By.NAME, "amendments").send_keys(str(amendment))  # type: ignore[attr-defined]
    submit(chrome, f"{page}-form")


def statuses(chrome: object) -> list[str]:
    cells = chrome.find_elements(By.CSS_SELECTOR, "#report tr.item td:nth-child(2)")  # type: ignore[attr-defined]
    return [c.text for c in cells]


def test_seed_003_conformed_and_its_redline_downloaded(browser: object, server: LiveServer) -> None:
    submit_chain(browser, server, SEED)
    status = browser.find_element(By.ID, "status").text  # type: ignore[attr-defined]
    assert status.startswith("Conformed: every item applied")
    assert statuses(browser) == ["applied"] * 9 + ["no text change"] * 2
    summary = browser.find_elements(By.CSS_SELECTOR, "#summary li")  # type: ignore[attr-defined]
    assert "Section 12 inserted" in [li.text for li in summary]
    screenshot(browser, "conform")
    copy = downloaded(browser, "xxxxx_termination_benefits_1997.conformed.txt")
    assert word_diff(copy.read_text(), GOLDEN.read_text()) == ""
    redline = downloaded(browser, "xxxxx_termination_benefits_1997.redline.docx").read_bytes()
    assert view(redline, ACCEPT) == document_paragraphs(read_document(copy))
    assert view(redline, REJECT) == document_paragraphs(read_document(BASE))


def test_a_wrong_formerly_claim_is_shown_and_no_copy_offered(
    browser: object, server: LiveServer, tmp_path: Path
) -> None:
    wrong = tmp_path / "amendment_with_wrong_claim.txt"
    wrong.write_text(SEED.read_text().replace("(formerly Section 8)", "(formerly Section 7)"))
    submit_chain(browser, server, wrong)
    failures = browser.find_elements(By.CSS_SELECTOR, "#failures li")  # type: ignore[attr-defined]
    assert len(failures) == 1
    assert "item 8" in failures[0].text and "formerly" in failures[0].text.lower()
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#downloads a")]  # type: ignore[attr-defined]
    assert links == ["xxxxx_termination_benefits_1997.report.json"]
    assert not browser.find_elements(By.ID, "copy")  # type: ignore[attr-defined]
    screenshot(browser, "conform-failed")


def test_a_fictional_executive_drafted_from_the_form_round_trips(
    browser: object, server: LiveServer
) -> None:
    fields, base = whitlock_fields()
    browser.get(f"{server.url}/draft")  # type: ignore[attr-defined]
    Select(browser.find_element(By.NAME, "template")).select_by_value(fields.pop("template"))  # type: ignore[attr-defined]
    for name, value in fields.items():
        box = browser.find_element(By.ID, f"f-{name}")  # type: ignore[attr-defined]
        box.clear()
        box.send_keys(value)
    browser.find_element(By.NAME, "base").send_keys(str(base))  # type: ignore[attr-defined]
    submit(browser, "draft-form")
    assert "round-trip check passed" in browser.find_element(By.ID, "status").text  # type: ignore[attr-defined]
    screenshot(browser, "draft")
    ident = "dana_whitlock_termination_benefits_409a"
    draft = downloaded(browser, f"{ident}.txt")
    assert downloaded(browser, f"{ident}.docx").stat().st_size > 0
    # Applied to her agreement by the library, away from the page, every item applies.
    result = consolidate(read_document(base), [read_amendment(draft)])
    items = [i.status for a in result.report.amendments for i in a.items]
    assert result.report.ok and "applied" in items


def test_outline_redline_and_history_pages(browser: object, server: LiveServer) -> None:
    browser.get(f"{server.url}/outline")  # type: ignore[attr-defined]
    browser.find_element(By.NAME, "file").send_keys(str(BASE))  # type: ignore[attr-defined]
    submit(browser, "outline-form")
    assert "5. Termination Benefits." in browser.find_element(By.ID, "outline").text  # type: ignore[attr-defined]
    screenshot(browser, "outline")
    browser.get(f"{server.url}/redline")  # type: ignore[attr-defined]
    browser.find_element(By.NAME, "old").send_keys(str(BASE))  # type: ignore[attr-defined]
    browser.find_element(By.NAME, "new").send_keys(str(GOLDEN))  # type: ignore[attr-defined]
    submit(browser, "redline-form")
    assert browser.find_elements(By.CSS_SELECTOR, "iframe.blackline")  # type: ignore[attr-defined]
    screenshot(browser, "redline")
    submit_chain(browser, server, SEED, page="history")
    rows = browser.find_elements(By.CSS_SELECTOR, "#history tbody tr")  # type: ignore[attr-defined]
    assert "Section 12 Added Amendment No. 1 dated as of December 12, 2007 9" in [
        r.text for r in rows
    ], [r.text for r in rows][-3:]
    screenshot(browser, "history")
