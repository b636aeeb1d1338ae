"""``conformed redline OLD NEW -o OUT``: formats from the suffix, exit codes, deterministic revisions."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx_views import ACCEPT, REJECT, revisions, view
from texts import document_paragraphs, html_view

from conformed import read_document
from conformed.cli import main
from helpers import CORPUS

BASE = CORPUS / "bases" / "xxxxx_termination_benefits_1997.txt"
AMENDMENT = CORPUS / "amendments" / "003_xxxxx_termination_benefits_amendment_1.txt"


@pytest.fixture(scope="module")
def conformed_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("redline") / "conformed.txt"
    assert main(["apply", str(BASE), str(AMENDMENT), "-o", str(out)]) == 0
    return out


def run(*args: str | Path) -> int:
    return main(["redline", *map(str, args)])


def test_docx_with_author_and_date(conformed_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "blackline.docx"
    code = run(BASE, conformed_copy, "-o", out, "--author", "A. Lawyer", "--date", "2024-05-01")
    assert code == 0
    data = out.read_bytes()
    assert {(r.author, r.date) for r in revisions(data)} == {("A. Lawyer", "2024-05-01T00:00:00Z")}
    assert view(data, ACCEPT) == document_paragraphs(read_document(conformed_copy))
    assert view(data, REJECT) == document_paragraphs(read_document(BASE))
    header = docx.Document(str(out)).sections[0].header.paragraphs[0].text
    assert header == f"Blackline of conformed.txt against {BASE.name}"


def test_html_and_markdown_from_the_suffix(conformed_copy: Path, tmp_path: Path) -> None:
    assert run(BASE, conformed_copy, "-o", tmp_path / "b.html") == 0
    html = (tmp_path / "b.html").read_text()
    assert html_view(html, ACCEPT) == document_paragraphs(read_document(conformed_copy))
    assert run(BASE, conformed_copy, "-o", tmp_path / "b.md") == 0
    assert "<ins>" in (tmp_path / "b.md").read_text()


def test_dates_are_normalised_to_utc(conformed_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    assert run(BASE, conformed_copy, "-o", out, "--date", "2024-05-01T12:00:00+02:00") == 0
    assert {r.date for r in revisions(out.read_bytes())} == {"2024-05-01T10:00:00Z"}


def test_usage_errors_exit_2(conformed_copy: Path, tmp_path: Path, capsys) -> None:
    assert run(BASE, conformed_copy, "-o", tmp_path / "b.rtf") == 2
    assert "cannot tell the redline format" in capsys.readouterr().err
    assert run(BASE, tmp_path / "missing.txt", "-o", tmp_path / "b.html") == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert run(empty, conformed_copy, "-o", tmp_path / "b.html") == 2
    assert not (tmp_path / "b.html").exists()
    with pytest.raises(SystemExit) as exc:
        run(BASE, conformed_copy, "-o", tmp_path / "b.docx", "--date", "yesterday")
    assert exc.value.code == 2


def test_format_option_overrides_the_suffix(conformed_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "blackline.out"
    assert run(BASE, conformed_copy, "-o", out, "--format", "html") == 0
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_apply_writes_redline_of_base_against_conformed_copy(tmp_path: Path) -> None:
    out, blackline = tmp_path / "conformed.txt", tmp_path / "blackline.docx"
    assert (
        main(["apply", str(BASE), str(AMENDMENT), "-o", str(out), "--redline", str(blackline)]) == 0
    )
    data = blackline.read_bytes()
    assert view(data, ACCEPT) == document_paragraphs(read_document(out))
    assert view(data, REJECT) == document_paragraphs(read_document(BASE))


def test_apply_refuses_unknown_redline_format_before_writing(tmp_path: Path) -> None:
    out = tmp_path / "conformed.txt"
    code = main(
        ["apply", str(BASE), str(AMENDMENT), "-o", str(out), "--redline", str(tmp_path / "x.rtf")]
    )
    assert code == 2 and not out.exists()


def test_pdf_has_header_summary_and_page_numbers(conformed_copy: Path, tmp_path: Path) -> None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: WeasyPrint is there but pango is not
        pytest.skip("WeasyPrint or its system libraries are not installed")
    pdftotext = shutil.which("pdftotext")
    out = tmp_path / "blackline.pdf"
    assert run(BASE, conformed_copy, "-o", out, "--date", "2024-05-01") == 0
    assert out.read_bytes().startswith(b"%PDF")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        [pdftotext, "-layout", str(out), "-"], capture_output=True, text=True
    ).stdout
    assert f"Blackline of conformed.txt against {BASE.name}" in text
    assert "Changes by provision" in text and "second to last sentence amended" in text
    assert "Page 1 of" in text


def test_libreoffice_opens_the_tracked_changes(conformed_copy: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    out = tmp_path / "blackline.docx"
    assert run(BASE, conformed_copy, "-o", out, "--date", "2024-05-01") == 0
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    cmd = [
        soffice,
        profile,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
        str(out),
    ]
    subprocess.run(cmd, capture_output=True, timeout=180, check=True)
    pdf = tmp_path / "blackline.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    # LibreOffice shows tracked changes: both the struck and the inserted words are printed
    assert "as liquidated damages and not as a penalty" in " ".join(text.split())
    assert "as a liquidated amount to Executive within five (5) days" in " ".join(text.split())
