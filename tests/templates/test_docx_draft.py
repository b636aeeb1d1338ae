"""Word and PDF drafts: real styles, the text draft's words in its order, a signature table."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches
from docx.table import Table

from conformed.cli import main
from conformed.templates import load_rows, render, render_draft
from conformed.templates import pdf as pdf_module
from conformed.templates.blocks import BLANK_LINE, RULE
from helpers import CORPUS

EXECUTIVES = CORPUS / "executives"
ALL = sorted(p.name for p in EXECUTIVES.glob("*.yaml"))
XXXXX = EXECUTIVES / "xxxxx_termination_benefits.yaml"
NO_SOFFICE = pdf_module.soffice() is None


def drafted(name: str):
    (row,) = load_rows(EXECUTIVES / name)
    assert row.executive is not None
    return render(row.executive.template, row.executive)


def opened(data: bytes):
    return docx.Document(io.BytesIO(data))


def paragraphs(document) -> list[tuple[str, str]]:
    """(style name, text) for every paragraph in reading order, table cells row by row."""
    out = []
    for part in document.iter_inner_content():
        cells = [c for row in part.rows for c in row.cells] if isinstance(part, Table) else [None]
        for cell in cells:
            for p in cell.paragraphs if cell is not None else [part]:
                out.append((p.style.name, p.text))
    return out


def text_words(text: str) -> list[str]:
    """The text draft's words, its typed rules and signing lines left out (Word draws them)."""
    words = (BLANK_LINE.sub("", w) for w in text.split() if not RULE.match(w))
    return [w for w in words if w]


@pytest.mark.parametrize("name", ALL)
def test_docx_says_what_the_text_draft_says(name: str) -> None:
    draft = drafted(name)
    document = opened(render_draft(draft.text, "docx"))
    words = " ".join(text for _, text in paragraphs(document)).split()
    assert words == text_words(draft.text)


@pytest.mark.parametrize("name", ALL)
def test_every_paragraph_carries_its_style(name: str) -> None:
    draft = drafted(name)
    styled = [(s, t) for s, t in paragraphs(opened(render_draft(draft.text, "docx"))) if t]
    assert styled[0] == ("Title", " ".join(draft.text.split("\n\n")[0].split()))
    style_of = {t.split()[0]: s for s, t in styled}
    assert style_of["THIS"] == "Body Text First Indent"
    assert style_of["WHEREAS,"] == "Body Text First Indent"
    assert style_of["IN"] == "Testimonium"
    items = [t for s, t in styled if s == "Amendment Item"]
    assert [t.split("\t")[0] for t in items] == [f"{n}." for n in range(1, 12)]
    quotes = [t for s, t in styled if s == "Quote"]
    assert quotes and all(t.startswith('"') for t in quotes)
    later = [t for s, t in styled if s == "Quote Continued"]
    assert [t.split()[0].strip("().") for t in later] == ["ii", "iii", "a", "b", "c"]
    assert {s for s, _ in styled} == {
        "Title",
        "Body Text First Indent",
        "Amendment Item",
        "Quote",
        "Quote Continued",
        "Testimonium",
        "Signature",
        "Signature Line",
    }


def test_styles_are_defined_in_the_document() -> None:
    document = opened(render_draft(drafted("xxxxx_termination_benefits.yaml").text, "docx"))
    styles = document.styles
    assert styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert styles["Title"].font.bold
    item = styles["Amendment Item"].paragraph_format
    assert (item.left_indent, item.first_line_indent) == (Inches(0.5), -Inches(0.5))
    assert styles["Quote"].paragraph_format.left_indent == Inches(1)
    assert not styles["Quote"].font.italic
    assert styles["Quote Continued"].base_style.name == "Quote"
    assert styles["Normal"].font.name == "Times New Roman"
    assert document.sections[0].left_margin == Inches(1)


@pytest.mark.parametrize(
    ("name", "cells"),
    [
        (
            "xxxxx_termination_benefits.yaml",
            [
                [
                    "RCM TECHNOLOGIES, INC.",
                    "By:s//Xxxxxxxx Xxxxxxxxx",
                    "Chairman of Compensation Committee",
                ],
                ["", "s//Xxxx Xxxxx", "Executive"],
            ],
        ),
        (
            "whitlock_termination_benefits.yaml",
            [
                [
                    "HARBOR POINT SYSTEMS, INC.",
                    "By:",
                    "Marion Castellanos",
                    "Chair of the Compensation Committee",
                ],
                ["", "", "Dana Whitlock", "Executive"],
            ],
        ),
    ],
)
def test_signatures_sit_side_by_side_in_a_two_column_table(name: str, cells) -> None:
    document = opened(render_draft(drafted(name).text, "docx"))
    (table,) = document.tables
    assert len(table.columns) == 2 and len(table.rows) == 1
    got = [[p.text for p in cell.paragraphs] for cell in table.rows[0].cells]
    assert got == cells
    signing = [
        [p.style.name == "Signature Line" for p in cell.paragraphs] for cell in table.rows[0].cells
    ]
    assert signing[0][1] and signing[1][1]  # the two lines signed on are level


def test_text_is_escaped_and_the_file_is_the_same_every_time() -> None:
    text = "     THIS & THAT <b>\n\n1. An item & its <text>.\n"
    data = render_draft(text, "docx")
    assert render_draft(text, "docx") == data
    assert [t for _, t in paragraphs(opened(data)) if t] == [
        "THIS & THAT <b>",
        "1.\tAn item & its <text>.",
    ]


def test_cli_writes_docx_by_suffix_and_a_folder_by_format(tmp_path: Path) -> None:
    out = tmp_path / "xxxxx.docx"
    assert main(["draft", "auto", str(XXXXX), "-o", str(out), "--no-check"]) == 0
    assert paragraphs(docx.Document(str(out)))[0][0] == "Title"
    folder = tmp_path / "drafts"
    csv = str(EXECUTIVES / "executives.csv")
    assert main(["draft", "auto", csv, "-o", str(folder), "--format", "docx", "--no-check"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [n.replace(".yaml", ".docx") for n in ALL]


def test_pdf_without_libreoffice_says_how_to_get_it(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    out = tmp_path / "xxxxx.pdf"
    assert main(["draft", "auto", str(XXXXX), "-o", str(out)]) == 2
    assert "PDF needs LibreOffice: apt-get install -y libreoffice-writer-nogui" in (
        capsys.readouterr().err
    )
    assert not out.exists()


@pytest.mark.skipif(NO_SOFFICE, reason="PDF needs LibreOffice (soffice not on PATH)")
def test_pdf_holds_the_title_and_the_executive(tmp_path: Path) -> None:
    out = tmp_path / "xxxxx.pdf"
    assert main(["draft", "auto", str(XXXXX), "-o", str(out), "--no-check"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed to read the PDF back")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    folded = " ".join(text.split())
    assert "AMENDMENT NO. 1 TO XXXX XXXXX'X SECOND AMENDED AND RESTATED" in folded
    assert "s//Xxxx Xxxxx" in folded and 'Xxxx Xxxxx (the "Executive")' in folded
