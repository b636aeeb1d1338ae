"""The Word reader on hand-built documents: list numbering, styles, tracked changes, tables."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml

from conformed.errors import InputError
from conformed.io.docx_reader import docx_blocks, open_docx, read_docx_document
from conformed.io.docx_writer import write_docx

W = nsdecls("w")
LEVELS = [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")]


def level(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/><w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/>'
        "</w:pPr></w:lvl>"
    )


def build(paragraphs: list[str], *, abstracts: str = "", nums: str = "", styles: str = "") -> bytes:
    """A .docx whose body is ``paragraphs`` (XML) and numbering the given definitions."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for node in parse_xml(f"<w:numbering {W}>{abstracts}{nums}</w:numbering>"):
        numbering.append(node)
    for node in parse_xml(f"<w:styles {W}>{styles}</w:styles>"):
        document.styles.element.append(node)
    body = document.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    end = body.find(qn("w:sectPr"))
    for xml in paragraphs:
        end.addprevious(
            parse_xml(xml.replace("<w:p>", f"<w:p {W}>", 1).replace("<w:tbl>", f"<w:tbl {W}>", 1))
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def para(text: str, num: int | None = None, ilvl: int = 0, ppr: str = "") -> str:
    numpr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>' if num else ""
    return (
        f'<w:p><w:pPr>{ppr}{numpr}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    )


ABSTRACT = (
    '<w:abstractNum w:abstractNumId="1">'
    + "".join(level(i, f, t) for i, (f, t) in enumerate(LEVELS))
    + "</w:abstractNum>"
)


def labels(data: bytes) -> list[str]:
    return [b.label for b in docx_blocks(open_docx(data)) if b.label]


def test_levels_count_restart_and_start_override() -> None:
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    )
    second = (
        '<w:abstractNum w:abstractNumId="2">'
        + level(0, "upperRoman", "Article %1")
        + "</w:abstractNum>"
    )
    body = [
        para("One.", 1, 0),
        para("Alpha.", 1, 1),
        para("Beta.", 1, 1),
        para("First.", 1, 2),
        para("Second.", 1, 2),
        para("Gamma.", 1, 1),
        para("Two.", 1, 0),
        para("Alpha again.", 1, 1),  # restarted by level 0
        para("Delta.", 2, 1),  # a num that overrides level 1's start restarts it at 4
        para("Epsilon.", 2, 1),
        para("Three.", 1, 0),  # the same abstract list: num 2 did not restart level 0
        para("Article.", 3, 0),  # a second list counts on its own
        para("Article.", 3, 0),
    ]
    got = labels(build(body, abstracts=ABSTRACT + second, nums=nums))
    assert got == [
        "1.", "(a)", "(b)", "(i)", "(ii)", "(c)", "2.", "(a)", "(d)", "(e)", "3.",
        "Article I", "Article II",
    ]  # fmt: skip


def test_lvl_restart_zero_never_restarts_and_legal_numbering() -> None:
    abstract = (
        '<w:abstractNum w:abstractNumId="1">'
        + level(0, "decimal", "%1.")
        + level(1, "decimal", "%1.%2", '<w:lvlRestart w:val="0"/>')
        + level(2, "lowerLetter", "%1.%2.%3", "<w:isLgl/>")
        + "</w:abstractNum>"
    )
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    body = [para("a", 1, 0), para("b", 1, 1), para("c", 1, 0), para("d", 1, 1), para("e", 1, 2)]
    assert labels(build(body, abstracts=abstract, nums=nums)) == ["1.", "1.1", "2.", "2.2", "2.2.1"]


def test_numbered_heading_style_builds_the_tree() -> None:
    """Numbering that comes from a heading style; the heading a provision's heading."""
    styles = (
        '<w:style w:type="paragraph" w:styleId="Sec"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="List Sub"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    sec, sub = '<w:pStyle w:val="Sec"/>', '<w:pStyle w:val="Sub"/>'
    body = [
        para("AGREEMENT", ppr='<w:jc w:val="center"/>'),
        para("The parties agree as follows:"),
        para("Definitions", ppr=sec),
        para("In this Agreement the following terms apply."),
        para("&quot;Affiliate&quot; means a controlled entity.", ppr=sub),
        para("&quot;Business Day&quot; means a day banks are open.", ppr=sub),
        para("Term", ppr=sec),
        para("This Agreement lasts five years."),
        para("IN WITNESS WHEREOF, the parties have signed."),
    ]
    doc = read_docx_document(build(body, abstracts=ABSTRACT, nums=nums, styles=styles))
    outline = [(p.label_text, p.heading, [c.label_text for c in p.children]) for p in doc.body]
    assert outline == [("1.", "Definitions", ["(a)", "(b)"]), ("2.", "Term", [])]
    assert doc.body[0].text == "In this Agreement the following terms apply."
    assert doc.body[1].text == "This Agreement lasts five years."
    assert "AGREEMENT" in doc.front[0] and doc.back[0].startswith("IN WITNESS")


def test_unnumbered_heading_over_a_numbered_paragraph_heads_it() -> None:
    styles = '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/></w:style>'
    h2 = '<w:pStyle w:val="H2"/>'
    body = [
        para("The parties agree as follows:"),
        para("1. Term. This Agreement lasts five years."),
        para("Termination", ppr=h2),
        para("2. Either party may terminate on notice."),
    ]
    doc = read_docx_document(build(body, styles=styles))
    assert [(p.label_text, p.heading, p.text) for p in doc.body] == [
        ("1.", "Term.", "This Agreement lasts five years."),
        ("2.", "Termination", "Either party may terminate on notice."),
    ]


def test_tracked_changes_are_read_accepted() -> None:
    ins = '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">seven </w:t></w:r></w:ins>'
    dele = '<w:del w:id="2" w:author="A"><w:r><w:delText xml:space="preserve">five </w:delText></w:r></w:del>'
    joined = '<w:pPr><w:rPr><w:del w:id="3" w:author="A"/></w:rPr></w:pPr>'
    body = [
        para("The parties agree as follows:"),
        f'<w:p><w:r><w:t xml:space="preserve">1. Term. It lasts </w:t></w:r>{dele}{ins}'
        "<w:r><w:t>years.</w:t></w:r></w:p>",
        f'<w:p>{joined}<w:r><w:t xml:space="preserve">2. Notices. Notices are </w:t></w:r></w:p>',
        para("written."),
    ]
    doc = read_docx_document(build(body))
    assert [p.text for p in doc.body] == ["It lasts seven years.", "Notices are written."]


def test_tables_are_rows_of_the_current_provision() -> None:
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    table = (
        "<w:tbl>"
        + "".join(
            "<w:tr>" + cell.format(a) + cell.format(b) + "</w:tr>"
            for a, b in (("Name", "Amount"), ("Base salary", "$100,000"))
        )
        + "</w:tbl>"
    )
    body = [
        para("The parties agree as follows:"),
        para("1. Pay. The Company pays:"),
        table,
        para("2. Term. Five years."),
    ]
    doc = read_docx_document(build(body))
    assert doc.body[0].text.split("\n\n") == [
        "The Company pays:",
        "Name | Amount",
        "Base salary | $100,000",
    ]
    assert [p.label_text for p in doc.body] == ["1.", "2."]


def test_not_a_docx_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a Word"):
        read_docx_document(b"PK\x03\x04 not really a zip", "x.docx")


def test_a_copy_written_from_tracked_changes_has_them_accepted() -> None:
    ins = '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">seven </w:t></w:r></w:ins>'
    joined = '<w:pPr><w:rPr><w:del w:id="3" w:author="A"/></w:rPr></w:pPr>'
    body = [
        para("The parties agree as follows:"),
        f'<w:p><w:r><w:t xml:space="preserve">1. Term. It lasts </w:t></w:r>{ins}'
        "<w:r><w:t>years.</w:t></w:r></w:p>",
        f'<w:p>{joined}<w:r><w:t xml:space="preserve">2. Notices. Notices are </w:t></w:r></w:p>',
        para("written."),
    ]
    doc = read_docx_document(build(body))
    out = write_docx(doc)
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        xml = z.read("word/document.xml").decode()
    assert "<w:ins " not in xml and "<w:del " not in xml
    assert [p.text for p in read_docx_document(out).body] == [p.text for p in doc.body]
