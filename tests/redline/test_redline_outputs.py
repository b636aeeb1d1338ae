"""HTML, Word and Markdown blacklines: what a reader opens."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx_views import W, document_xml, revisions
from pairs import AUTHOR, DATE, corpus_pair

from conformed.redline import compare
from conformed.redline.docx import write_docx
from conformed.redline.html import write_html
from conformed.redline.markdown import write_markdown
from conformed.redline.summary import summary_rows

XXXXX = "expected/xxxxx_termination_benefits_1997"


@pytest.fixture(scope="module")
def redline():
    pair = corpus_pair(XXXXX, "uid")
    return compare(pair.old, pair.new, old_name="base.txt", new_name="conformed.txt")


def test_html_has_header_legend_summary_and_changes(redline) -> None:
    html = write_html(redline, date=DATE)
    assert "<h1>Blackline of conformed.txt against base.txt</h1>" in html
    assert 'class="legend"' in html and "<ins>inserted text</ins>" in html
    assert "<del>deleted text</del>" in html
    assert "<ins>" in html.split('<article class="redline">')[1]
    assert "<del>" in html.split('<article class="redline">')[1]
    assert "<th>Provision</th><th>Change</th>" in html
    for row in summary_rows(redline):
        assert f'href="#p{row.entry}"' in html and f'id="p{row.entry}"' in html
    assert '<td><a href="#p' in html and ">5(c) (formerly 5(d))</a></td><td>replaced</td>" in html


def test_html_prints_page_numbers_and_title(redline) -> None:
    html = write_html(redline)
    assert "@page" in html and 'counter(page) " of " counter(pages)' in html
    assert '@top-center { content: "Blackline of conformed.txt against base.txt"' in html


def test_html_escapes_text() -> None:
    pair = corpus_pair(XXXXX, "uid")
    redline = compare(pair.old, pair.new, old_name="<old>", new_name='a "new" & b')
    html = write_html(redline)
    assert "<old>" not in html and "&lt;old&gt;" in html
    assert "&quot;Change in Control&quot;" in html or "\u201cChange in Control\u201d" in html


def test_docx_is_a_word_package_python_docx_opens(redline) -> None:
    data = write_docx(redline, author=AUTHOR, date=DATE)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        names = set(z.namelist())
    assert {"[Content_Types].xml", "word/document.xml", "word/styles.xml"} <= names
    opened = docx.Document(io.BytesIO(data))
    section = opened.sections[0]
    assert section.header.paragraphs[0].text == "Blackline of conformed.txt against base.txt"
    footer = section.footer._element
    instrs = {f.get(f"{W}instr") for f in footer.iter(f"{W}fldSimple")}
    assert instrs == {"PAGE", "NUMPAGES"}


def test_docx_deleted_text_is_only_in_deltext(redline) -> None:
    root = document_xml(write_docx(redline))
    for deleted in root.iter(f"{W}del"):
        assert not list(deleted.iter(f"{W}t")), "deleted runs must use w:delText"
    for inserted in root.iter(f"{W}ins"):
        assert not list(inserted.iter(f"{W}delText"))


def test_docx_whole_paragraph_marks(redline) -> None:
    data = write_docx(redline, author=AUTHOR, date=DATE)
    marks = [r for r in revisions(data) if r.paragraph_mark]
    statuses = [e.status for e in redline.entries]
    assert len(marks) == sum(s in ("inserted", "deleted", "moved") for s in statuses)
    assert {r.kind for r in marks} == {"ins", "del"}


def test_docx_defaults_author_and_a_utc_date(redline) -> None:
    revs = revisions(write_docx(redline))
    assert {r.author for r in revs} == {"conformed"}
    date = revs[0].date or ""
    assert len(date) == 20 and date.endswith("Z") and date[10] == "T"


def test_markdown_marks_changes_and_lists_the_summary(redline) -> None:
    md = write_markdown(redline)
    assert md.startswith("# Blackline of conformed.txt against base.txt")
    assert "- 5(c) deleted" in md
    assert "<del>(c)</del>" in md and "<ins>(d)</ins>" in md
    assert "\n    " not in md, "indented lines would render as code"
