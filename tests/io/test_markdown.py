"""Markdown in and out: the writer's output reads back as the same tree; headings and
ordered lists of hand-written Markdown are provisions."""

from __future__ import annotations

import pytest
from test_docx_roundtrip import BASES, shape

from conformed import Document, consolidate, read_amendment, read_document, render_document
from conformed.io.markdown import write_markdown
from conformed.io.md_reader import read_markdown_document
from conformed.io.text import read_text_document
from helpers import ATTACHMENTS, CORPUS, GOLDEN, word_diff


@pytest.mark.parametrize("path", BASES)
def test_markdown_gives_the_text_readers_tree(path: str) -> None:
    base = read_document(CORPUS / path)
    assert shape(read_markdown_document(write_markdown(base), "base.md")) == shape(base)


@pytest.mark.parametrize("case", range(len(GOLDEN)), ids=lambda i: GOLDEN[i][2].split("/")[-1])
def test_markdown_base_consolidates_like_its_text(case: int) -> None:
    base_path, amendment_path, expected = GOLDEN[case]
    text_base = read_document(CORPUS / base_path)
    base = read_markdown_document(write_markdown(text_base), "base.md")
    attach = {n: (CORPUS / p).read_text() for n, p in ATTACHMENTS.get(amendment_path, {}).items()}
    result = consolidate(base, [read_amendment(CORPUS / amendment_path)], attachments=attach)
    assert result.ok
    want = (CORPUS / expected).with_suffix(".conformed.txt").read_text()
    assert word_diff(render_document(result.document, "text"), want) == ""


def outline(doc: Document) -> list[object]:
    def node(p):  # type: ignore[no-untyped-def]
        kids = [node(c) for c in p.children]
        return (
            (p.label_text, p.heading, p.text, p.trailing, kids)
            if kids
            else (p.label_text, p.heading, p.text, p.trailing)
        )

    return [node(p) for p in doc.body]


HAND = """\
# SERVICES AGREEMENT

The parties *agree* as follows:

1. **Term.** This Agreement lasts [five](https://example.com) years.
1. **Payment.** The Company pays:
   1. a fee; and
   1. expenses.

   Payment is due monthly.
1. **Notices.** Notices are `written`.

## 4. Governing Law

The law of Delaware governs.

### Termination

5. Either party may terminate on notice.

| Name | Amount |
|------|--------|
| Fee  | $100   |

IN WITNESS WHEREOF, the parties have signed.
"""


def test_headings_and_ordered_lists_are_provisions() -> None:
    doc = read_markdown_document(HAND, "hand.md")
    assert outline(doc) == [
        ("1.", "Term.", "This Agreement lasts five years.", ""),
        (
            "2.",
            "Payment.",
            "The Company pays:",
            "Payment is due monthly.",
            [("(a)", "", "a fee; and", ""), ("(b)", "", "expenses.", "")],
        ),
        ("3.", "Notices.", "Notices are written.", ""),
        ("4.", "Governing Law", "The law of Delaware governs.", ""),
        (
            "5.",
            "Termination",
            "Either party may terminate on notice.\n\nName | Amount\n\nFee | $100",
            "",
        ),
    ]
    assert doc.front == ("SERVICES AGREEMENT", "", "The parties agree as follows:")
    assert doc.back == ("IN WITNESS WHEREOF, the parties have signed.",)


def test_list_start_and_nested_styles() -> None:
    text = "Agreed as follows:\n\n3. Three.\n4. Four.\n   1. Sub.\n      1. Deeper.\n"
    doc = read_markdown_document(text)
    assert [p.label_text for p in doc.body] == ["3.", "4."]
    sub = doc.body[1].children[0]
    assert (sub.label_text, sub.children[0].label_text) == ("(a)", "(i)")


def test_writer_escapes_what_markdown_would_read_as_structure() -> None:
    text = (
        "THE AGREEMENT\n\nThe parties agree as follows:\n\n"
        "1. Terms. The *Fee* is `Cause' <b> & so on; see [1] and #2 and a_b.\n\n"
        "     2. Rates. 1990. was the year.\n\n"
        "1990. A paragraph that starts like a list item.\n\n"
        "- 5 - a dash line\n\n"
        "-----\n\nIN WITNESS WHEREOF, signed.\n\n+ plus\n\n> quote &amp; entity\n"
    )
    doc = read_text_document(text)
    back = read_markdown_document(write_markdown(doc))
    assert shape(back) == shape(doc)
    assert back.body[0].text.startswith("The *Fee* is `Cause' <b> & so on; see [1] and #2 and a_b.")
