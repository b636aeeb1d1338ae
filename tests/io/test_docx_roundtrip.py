"""Word in and out on the corpus: text base -> .docx -> reader gives the same tree, and
every golden consolidation gives the same conformed copy from the .docx base."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from conformed import Document, consolidate, read_amendment, read_document, render_document
from conformed.cli import main
from conformed.consolidator import Consolidation
from conformed.io.docx_reader import read_docx_document
from conformed.io.docx_writer import write_docx
from conformed.io.paragraphs import group_runs
from conformed.io.text import provenance_notes, read_text_document
from conformed.layout.heads import iter_groups
from helpers import ATTACHMENTS, CORPUS, GOLDEN, word_diff

BASES = sorted(str(p.relative_to(CORPUS)) for p in (CORPUS / "bases").glob("*.txt")) + sorted(
    str(p.relative_to(CORPUS)) for p in (CORPUS / "variants").glob("*.base.txt")
)
MODES = ["auto", "text"]


def shape(doc: Document) -> object:
    """Labels, headings and white-space-folded text, recursively; matter as words."""

    def node(p):  # type: ignore[no-untyped-def]
        fold = " ".join(p.text.split()), " ".join(p.trailing.split())
        return (p.label_text, p.heading, *fold, tuple(node(c) for c in p.children))

    body = tuple(node(p) for p in doc.body)
    return body, " ".join(doc.front).split(), " ".join(doc.back).split()


@cache
def text_base(path: str) -> Document:
    return read_document(CORPUS / path)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", BASES)
def test_docx_gives_the_text_readers_tree(path: str, mode: str) -> None:
    base = text_base(path)
    data = write_docx(base, numbering=mode)
    assert shape(read_docx_document(data, "base.docx")) == shape(base)


@pytest.mark.parametrize("path", BASES)
def test_paragraph_runs_join_to_the_printed_group(path: str) -> None:
    for group in iter_groups(text_base(path).body):
        paras = ["".join(r.text for r in runs) for runs in group_runs(group)]
        assert "\n\n".join(paras) == group.printed


@pytest.mark.parametrize("path", BASES)
def test_auto_numbering_draws_every_paragraph_label(path: str) -> None:
    """Each provision that starts a paragraph is numbered by Word, not typed."""
    base = text_base(path)
    heads = sum(1 for g in iter_groups(base.body) if not g.trailing and g.leader.label)
    body = docx.Document(io.BytesIO(write_docx(base))).element.body
    assert len(body.findall(f".//{qn('w:numPr')}")) == heads


@cache
def golden(case: int, mode: str | None) -> Consolidation:
    base_path, amendment_path, _ = GOLDEN[case]
    base = text_base(base_path)
    if mode is not None:
        base = read_docx_document(write_docx(base, numbering=mode), "base.docx")
    attach = {
        name: (CORPUS / path).read_text()
        for name, path in ATTACHMENTS.get(amendment_path, {}).items()
    }
    return consolidate(base, [read_amendment(CORPUS / amendment_path)], attachments=attach)


CASES = range(len(GOLDEN))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES, ids=lambda i: GOLDEN[i][2].split("/")[-1])
def test_docx_base_consolidates_like_its_text(case: int, mode: str) -> None:
    want, got = golden(case, None), golden(case, mode)
    assert got.ok
    statuses = [(i.number, i.status) for i in got.report.amendments[0].items]
    assert statuses == [(i.number, i.status) for i in want.report.amendments[0].items]
    assert got.report.stale_references == want.report.stale_references
    text = render_document(want.document, "text")
    assert word_diff(render_document(got.document, "text"), text) == ""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES, ids=lambda i: GOLDEN[i][2].split("/")[-1])
def test_conformed_docx_in_the_sources_package(case: int, mode: str) -> None:
    """Written back into its source's package, the conformed copy reads as the text one,
    Word draws every label it numbers correctly, and untouched paragraphs are the source's."""
    result = golden(case, "auto")
    data = write_docx(result.document, numbering=mode)
    back = read_docx_document(data, "conformed.docx")
    want = render_document(golden(case, None).document, "text")
    assert word_diff(render_document(back, "text"), want) == ""
    # The conformed tree, unless the conformed text does not read back as it either
    # ("4." among "Section 3." and "Section 5." in severance_v3).
    assert shape(back)[0] in (shape(result.document)[0], shape(read_text_document(want))[0])
    source = _paragraph_xml(result.document.source_docx)
    out = _paragraph_xml(data)
    if mode == "auto":  # typing every label changes every numbered paragraph
        assert sum(1 for p in out if p in source) > len(out) // 2
    numbers = re.findall(r'<w:numId w:val="(\d+)"/>', "".join(out))
    typed = [n for n in numbers if n == "0"]
    assert len(typed) == (_odd_labels(result.document) if mode == "auto" else len(numbers))


def _odd_labels(doc: Document) -> int:
    """Heads labelled unlike most of their siblings ("4." among "Section 3."): Word's list
    cannot draw those, so they are typed."""
    odd = 0
    for nodes in [doc.body, *(p.children for _, p in doc.walk())]:
        shapes = Counter(p.label.shape for p in nodes if p.label)
        if shapes:
            usual = shapes.most_common(1)[0][0]
            odd += sum(1 for p in nodes if p.label and p.label.shape != usual)
    return odd


def _paragraph_xml(data: bytes | None) -> list[str]:
    assert data is not None
    body = docx.Document(io.BytesIO(data)).element.body
    return [p.xml for p in body.findall(qn("w:p"))]


def test_source_styles_survive_consolidation() -> None:
    path, amendment, _ = GOLDEN[0]
    document = docx.Document(io.BytesIO(write_docx(text_base(path))))
    document.styles["Normal"].font.name = "Garamond"
    document.styles["Normal"].font.size = Pt(13)
    buffer = io.BytesIO()
    document.save(buffer)
    base = read_docx_document(buffer.getvalue(), "base.docx")
    result = consolidate(base, [read_amendment(CORPUS / amendment)])
    out = docx.Document(io.BytesIO(write_docx(result.document)))
    assert out.styles["Normal"].font.name == "Garamond"
    assert out.styles["Normal"].font.size == Pt(13)


@pytest.mark.parametrize("from_docx", [False, True])
def test_annotate_writes_real_footnotes(from_docx: bool) -> None:
    result = golden(1, "auto" if from_docx else None)
    notes = sum(len(provenance_notes(g)) for g in iter_groups(result.document.body))
    data = write_docx(result.document, annotate=True)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        footnotes = z.read("word/footnotes.xml").decode()
        body = z.read("word/document.xml").decode()
        assert "footnotes+xml" in z.read("[Content_Types].xml").decode()
    assert body.count("<w:footnoteReference ") == notes > 3
    assert footnotes.count("<w:footnote ") == notes + 2  # and Word's two separators
    assert "Amended by Amendment No. 1 dated as of December 12, 2007, item" in footnotes


def test_cli_applies_to_a_docx_base_and_writes_docx(tmp_path: Path) -> None:
    base_path, amendment, expected = GOLDEN[0]
    base = tmp_path / "base.docx"
    base.write_bytes(write_docx(text_base(base_path)))
    out, md = tmp_path / "conformed.docx", tmp_path / "conformed.md"
    assert main(["apply", str(base), str(CORPUS / amendment), "-o", str(out), "--annotate"]) == 0
    assert main(["apply", str(base), str(CORPUS / amendment), "-o", str(md)]) == 0
    want = (CORPUS / expected).with_suffix(".conformed.txt").read_text()
    assert word_diff(render_document(read_document(out), "text"), want) == ""
    assert word_diff(render_document(read_document(md), "text"), want) == ""
