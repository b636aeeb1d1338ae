"""Each page end to end over HTTP, against the running server: what a user sends, what
the page says, and what the downloads hold (checked against the golden copies and the
independent tracked-change reader, not against the page's own code)."""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from html import unescape
from pathlib import Path

import httpx
import pytest
from docx_views import ACCEPT, REJECT, view
from texts import document_paragraphs

from conformed import read_document
from conftest import whitlock_fields
from helpers import CORPUS, word_diff

BASE = CORPUS / "bases" / "xxxxx_termination_benefits_1997.txt"
SEED = CORPUS / "amendments" / "003_xxxxx_termination_benefits_amendment_1.txt"
GOLDEN = CORPUS / "expected" / "xxxxx_termination_benefits_1997.conformed.txt"


def upload(path: Path, name: str | None = None) -> tuple[str, bytes]:
    return (name or path.name, path.read_bytes())


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def links(html: str) -> dict[str, str]:
    return {m[1]: m[0] for m in re.findall(r'href="(/download/[^"]+/([^"/]+))"', html)}


def item_statuses(html: str) -> list[tuple[str, str]]:
    rows = re.findall(r'<tr class="item (\w+)">\s*<td>([^<]*)</td>', html)
    return [(number, status) for status, number in rows]


def conform(client: httpx.Client, amendment: bytes, **data: str) -> httpx.Response:
    files = [("base", upload(BASE)), ("amendments", (SEED.name, amendment))]
    return client.post("/conform", files=files, data=data)


def test_seed_003_is_conformed_with_every_item_applied(client: httpx.Client) -> None:
    page = conform(client, SEED.read_bytes())
    assert page.status_code == 200
    assert "Conformed: every item applied" in page.text
    statuses = item_statuses(page.text)
    assert [n for n, _ in statuses] == [str(n) for n in range(1, 12)]
    assert {s for n, s in statuses if int(n) <= 9} == {"applied"}
    assert {s for n, s in statuses if int(n) > 9} == {"no_text_change"}  # ratification, effect
    files = links(page.text)
    copy = client.get(files["xxxxx_termination_benefits_1997.conformed.txt"])
    assert copy.headers["content-disposition"].startswith("attachment")
    assert word_diff(copy.text, GOLDEN.read_text()) == ""
    # Where each change came from, and the cross-references left stale, are on the page.
    words = text(page.text)
    assert (
        "Added by Amendment No. 1 dated as of December 12, 2007, item 9 (effective 2007-12-12)"
        in words
    )
    assert "Renumbered (formerly Section 8) by Amendment No. 1" in words
    assert "Stale reference? “Section 8” now reads as “Section 9”" in words


def test_the_redline_download_has_the_changes_as_word_tracks_them(
    client: httpx.Client, tmp_path: Path
) -> None:
    page = conform(client, SEED.read_bytes())
    files = links(page.text)
    docx = client.get(files["xxxxx_termination_benefits_1997.redline.docx"]).content
    copy = client.get(files["xxxxx_termination_benefits_1997.conformed.txt"]).text
    assert word_diff(copy, GOLDEN.read_text()) == ""
    copy_file = tmp_path / "copy.txt"
    copy_file.write_text(copy)
    assert view(docx, ACCEPT) == document_paragraphs(read_document(copy_file))  # accept all
    assert view(docx, REJECT) == document_paragraphs(read_document(BASE))  # reject all


def wrong_claim() -> bytes:
    """Item 8 of seed 003 claims Section 9 was formerly Section 7; it was Section 8."""
    seed = SEED.read_text()
    wrong = seed.replace("Section 9, as renumbered (formerly Section 8)",
                         "Section 9, as renumbered (formerly Section 7)")  # fmt: skip
    assert wrong != seed
    return wrong.encode()


def test_a_wrong_formerly_claim_is_named_and_no_copy_is_offered(client: httpx.Client) -> None:
    page = conform(client, wrong_claim())
    words = text(page.text)
    assert "Not conformed: items failed" in words
    failures = re.findall(r'<li class="failure">(.*?)</li>', page.text, re.S)
    assert len(failures) == 1 and "item 8" in text(failures[0])
    assert "formerly" in text(failures[0]).lower()
    assert dict(item_statuses(page.text))["8"] == "failed"
    assert not [n for n in links(page.text) if ".conformed" in n or ".redline" in n]
    assert "Conformed copy" not in words


def test_a_partial_copy_is_made_only_when_asked_and_marked(client: httpx.Client) -> None:
    page = conform(client, wrong_claim(), allow_partial="yes")
    assert "PARTIAL COPY" in page.text
    names = list(links(page.text))
    assert "xxxxx_termination_benefits_1997.conformed.PARTIAL.docx" in names
    assert not [n for n in names if ".conformed." in n and "PARTIAL" not in n]


def test_an_attachment_restates_the_exhibit(client: httpx.Client) -> None:
    files = [
        ("base", upload(CORPUS / "bases" / "loan_agreement_2002.txt")),
        ("amendments", upload(CORPUS / "amendments" / "002_loan_fourth_amendment.txt")),
        ("attachment_1", upload(CORPUS / "attachments" / "loan_exhibit_6_11_2004.txt")),
    ]
    page = client.post("/conform", files=files, data={"attachment_name_1": "Exhibit 6.11"})
    assert "Conformed: every item applied" in page.text
    copy = client.get(links(page.text)["loan_agreement_2002.conformed.txt"]).text
    golden = CORPUS / "expected" / "loan_agreement_2002.conformed.txt"
    assert word_diff(copy, golden.read_text()) == ""
    without = client.post("/conform", files=files[:2])
    assert "Not conformed" in without.text and "Exhibit 6.11" in text(without.text)


def test_outline_shows_how_the_agreement_was_read(client: httpx.Client) -> None:
    page = client.post("/outline", files={"file": upload(BASE)})
    outline = unescape(
        re.search(r'<pre class="outline" id="outline">(.*?)</pre>', page.text, re.S)[1]
    )
    assert outline.startswith("xxxxx_termination_benefits_1997.txt: body from line")
    five = outline.index("5. Termination Benefits.")  # its subsection (c), which item 2 deletes
    assert re.search(r"^\s*\d+\s+\(c\)\s+For a period of three \(3\) years", outline[five:], re.M)
    assert "as an agreement" in text(page.text)
    amendment = client.post("/outline", files={"file": upload(SEED)})
    assert "as an amendment" in text(amendment.text)


def test_redline_of_two_versions(client: httpx.Client) -> None:
    files = {"old": upload(BASE), "new": upload(GOLDEN)}
    page = client.post("/redline", files=files)
    words = text(page.text)
    assert "5(a) replaced" in words and "Section 12 inserted" in words
    html = links(page.text)["xxxxx_termination_benefits_1997_conformed.redline.html"]
    shown = client.get(html + "?inline=1")
    assert shown.headers["content-disposition"] == "inline"
    assert "sandbox" in shown.headers["content-security-policy"]


def test_history_as_of_a_date_before_the_amendment(client: httpx.Client) -> None:
    files = [("base", upload(BASE)), ("amendments", upload(SEED))]
    before = text(client.post("/history", files=files, data={"as_of": "2007-01-01"}).text)
    assert "Not yet in effect on 2007-01-01" in before and "No provision was changed" in before
    after = client.post("/history", files=files).text
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td>", after)
    assert ("Section 12", "Added") in rows and (
        "Section 9",
        "Renumbered (formerly Section 8)",
    ) in rows


EXECUTIVES = CORPUS / "executives"


def whitlock() -> dict[str, str]:
    fields, base = whitlock_fields()
    return {**fields, "base_path": str(base)}


def draft(client: httpx.Client, fields: dict[str, str]) -> httpx.Response:
    base = Path(fields.pop("base_path"))
    return client.post("/draft", data=fields, files={"base": upload(base)})


def test_a_drafted_amendment_round_trips(client: httpx.Client) -> None:
    page = draft(client, whitlock())
    assert page.status_code == 200
    assert "round-trip check passed" in page.text
    names = links(page.text)
    assert {n.rsplit(".", 1)[1] for n in names} >= {"docx", "md", "txt"}
    docx = client.get(next(v for k, v in names.items() if k.endswith(".docx"))).content
    assert zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")


def test_every_problem_in_the_form_is_named_by_its_field(client: httpx.Client) -> None:
    fields = whitlock()
    fields.update(agreement_date="18 March 1998", label_style="5-b", name="")
    page = draft(client, fields)
    assert page.status_code == 422
    invalid = set(re.findall(r'<label class="field invalid" for="f-(\w+)">', page.text))
    assert invalid == {"agreement_date", "label_style", "name"}
    assert 'value="18 March 1998"' in page.text  # what the user typed is kept


def test_a_csv_of_executives_drafts_each_row_and_names_the_one_that_failed(
    client: httpx.Client,
) -> None:
    rows = list(csv.DictReader((EXECUTIVES / "executives.csv").read_text().splitlines()))
    rows[1]["amendment_date"] = "not a date"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    bases = [("bases", upload(p)) for p in sorted((CORPUS / "bases").glob("*.txt"))]
    started = client.post("/draft/batch", files=[("csv", ("team.csv", out.getvalue().encode())),
                                                 *bases])  # fmt: skip
    assert started.status_code == 303
    for _ in range(600):
        page = client.get(started.headers["location"])
        if "http-equiv" not in page.text:
            break
        assert "<progress" in page.text
        time.sleep(0.2)
    words = text(page.text)
    assert f"Drafted {len(rows) - 1} of {len(rows)}" in words
    assert "team.csv row 3" in words and "amendment_date" in words
    bundle = zipfile.ZipFile(io.BytesIO(client.get(links(page.text)["drafts.zip"]).content))
    drafted = {Path(n).stem for n in bundle.namelist()}
    assert drafted == {r["id"] for k, r in enumerate(rows) if k != 1}


def test_the_pdf_redline_is_made_when_first_downloaded(client: httpx.Client) -> None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: WeasyPrint is there but pango is not
        pytest.skip("WeasyPrint or its system libraries are not installed")
    page = conform(client, SEED.read_bytes())
    pdf = client.get(links(page.text)["xxxxx_termination_benefits_1997.redline.pdf"])
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    again = client.get(links(page.text)["xxxxx_termination_benefits_1997.redline.pdf"])
    assert again.content == pdf.content  # made once, then kept
