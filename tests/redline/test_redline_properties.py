"""Generated agreements and edits: the invariants hold whatever was changed.

Each example builds an agreement, then an edited copy (words changed,
provisions deleted with the rest renumbered, inserted, moved) either keeping
identities (as a consolidation does) or not (as two files read separately).
"""

from __future__ import annotations

from dataclasses import replace

from docx_views import ACCEPT, REJECT, view
from hypothesis import given, settings
from hypothesis import strategies as st
from texts import document_paragraphs, html_view

from conformed.citation import parse_label, to_alpha
from conformed.document import Document, Provision, new_uid
from conformed.redline import compare
from conformed.redline.docx import write_docx
from conformed.redline.html import write_html
from conformed.redline.summary import summary_rows

WORDS = ["the", "Company", "shall", "pay", "Executive", "within", "five", "(5)", "days;",
         "Section", "5(c)", "provided,", "however,", "that", "Agreement.", "\u201cTerm\u201d"]  # fmt: skip
text = st.lists(st.sampled_from(WORDS), min_size=0, max_size=25).map(" ".join)


@st.composite
def agreements(draw: st.DrawFn) -> Document:
    sections = []
    for n in range(1, draw(st.integers(1, 5)) + 1):
        children = tuple(
            Provision(parse_label(f"({to_alpha(k)})"), text=draw(text))
            for k in range(1, draw(st.integers(0, 4)) + 1)
        )
        heading = draw(st.sampled_from(["", "Payment.", "Notices.", "Term"]))
        trailing = draw(st.sampled_from(["", "", "Closing words of the Section."]))
        sections.append(
            Provision(parse_label(f"{n}."), heading, draw(text), children, trailing=trailing)
        )
    front = tuple(draw(st.lists(st.sampled_from(["TITLE", "", "  Recital text", "\f"]))))
    back = tuple(draw(st.lists(st.sampled_from(["EXHIBIT A", "", "Signature", "\tName:"]))))
    return Document(body=tuple(sections), front=front, back=back)


def _renumber(nodes: tuple[Provision, ...], top: bool) -> tuple[Provision, ...]:
    return tuple(
        p.evolve(label=parse_label(f"{i}." if top else f"({to_alpha(i)})"))
        for i, p in enumerate(nodes, 1)
    )


@st.composite
def edited(draw: st.DrawFn, doc: Document) -> Document:
    body = list(doc.body)
    for _ in range(draw(st.integers(0, 4))):
        action = draw(st.sampled_from(["words", "delete", "insert", "move", "child"]))
        k = draw(st.integers(0, len(body) - 1)) if body else 0
        if action == "words" and body:
            body[k] = body[k].evolve(text=draw(text))
        elif action == "delete" and len(body) > 1:
            del body[k]
        elif action == "insert":
            body.insert(k, Provision(parse_label("1."), draw(text) and "New.", draw(text)))
        elif action == "move" and len(body) > 1:
            body.insert(draw(st.integers(0, len(body) - 1)), body.pop(k))
        elif action == "child" and body and body[k].children:
            kids = list(body[k].children)
            kids.pop(draw(st.integers(0, len(kids) - 1)))
            body[k] = body[k].evolve(children=_renumber(tuple(kids), top=False))
    front = doc.front + tuple(draw(st.lists(st.sampled_from(["New recital."]), max_size=1)))
    new = doc.evolve(body=_renumber(tuple(body), top=True), front=front)
    if draw(st.booleans()):  # two files read separately share no identities
        new = new.evolve(body=_fresh(new.body))
    return new


def _fresh(nodes: tuple[Provision, ...]) -> tuple[Provision, ...]:
    return tuple(replace(p, uid=new_uid(), children=_fresh(p.children)) for p in nodes)


@st.composite
def pairs(draw: st.DrawFn) -> tuple[Document, Document]:
    old = draw(agreements())
    return old, draw(edited(old))


@settings(max_examples=150, deadline=None)
@given(pairs())
def test_accept_gives_new_and_reject_gives_old(pair: tuple[Document, Document]) -> None:
    old, new = pair
    redline = compare(old, new)
    data = write_docx(redline, author="t", date="2024-01-01T00:00:00Z")
    assert view(data, ACCEPT) == document_paragraphs(new)
    assert view(data, REJECT) == document_paragraphs(old)
    html = write_html(redline)
    assert html_view(html, ACCEPT) == document_paragraphs(new)
    assert html_view(html, REJECT) == document_paragraphs(old)
    for row in summary_rows(redline):
        assert redline.entries[row.entry].changed and row.provision and row.change
