"""Provisions are paired before words: renumbering is a label change, moves are moves."""

from __future__ import annotations

from dataclasses import replace

import pytest
from docx_views import ACCEPT, REJECT, W, paragraph_xml, view
from pairs import corpus_pair
from texts import document_paragraphs

from conformed.citation import parse_label
from conformed.document import Document, Provision, new_uid
from conformed.redline import compare
from conformed.redline.docx import write_docx
from conformed.redline.edits import CHANGED, DELETED, INSERTED, MOVED, RELABELLED, SAME
from conformed.redline.words import DELETE, EQUAL, INSERT, Segment

XXXXX = "expected/xxxxx_termination_benefits_1997"


def _entry(redline, new_labels=None, old_labels=None):
    found = [
        e
        for e in redline.entries
        if (new_labels is None or e.new_labels == new_labels)
        and (old_labels is None or e.old_labels == old_labels)
        and e.part == "provision"
    ]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("mode", ["uid", "file"])
def test_renumbered_section_is_a_label_change(mode: str) -> None:
    pair = corpus_pair(XXXXX, mode)
    redline = compare(pair.old, pair.new)
    e = _entry(redline, new_labels=("7.",))
    assert e.status == RELABELLED and e.old_labels == ("6.",)
    assert e.label == (Segment(DELETE, "6."), Segment(INSERT, "7."))
    assert all(s.op == EQUAL for s in (*e.heading, *e.text))
    # Its subsections keep their own labels: unchanged, not re-inserted.
    assert _entry(redline, new_labels=("7.", "(a)")).status == SAME
    assert not [x for x in redline.entries if x.status == DELETED and x.old_labels[:1] == ("6.",)]


@pytest.mark.parametrize("mode", ["uid", "file"])
def test_renumbered_label_is_a_tracked_change_in_word(mode: str) -> None:
    pair = corpus_pair(XXXXX, mode)
    redline = compare(pair.old, pair.new)
    k = redline.entries.index(_entry(redline, new_labels=("7.",)))
    p = paragraph_xml(write_docx(redline))[k]
    assert p.find(f"{W}pPr/{W}rPr") is None, "the paragraph itself is neither new nor gone"
    deleted = [t.text for t in p.iter(f"{W}delText")]
    inserted = ["".join(t.text or "" for t in ins.iter(f"{W}t")) for ins in p.iter(f"{W}ins")]
    assert deleted == ["6."] and inserted == ["7."]


def test_deleted_and_inserted_subsections_seed_003() -> None:
    pair = corpus_pair(XXXXX, "uid")
    redline = compare(pair.old, pair.new)
    assert _entry(redline, old_labels=("5.", "(c)"), new_labels=()).status == DELETED
    assert _entry(redline, new_labels=("5.", "(d)"), old_labels=()).status == INSERTED
    assert _entry(redline, new_labels=("5.", "(e)"), old_labels=()).status == INSERTED
    formerly_d = _entry(redline, new_labels=("5.", "(c)"), old_labels=("5.", "(d)"))
    assert formerly_d.status == CHANGED
    data = write_docx(redline)
    paragraphs = paragraph_xml(data)
    for labels, mark in [((("5.", "(c)"), ()), "del"), (((), ("5.", "(d)")), "ins")]:
        e = _entry(redline, old_labels=labels[0], new_labels=labels[1])
        rpr = paragraphs[redline.entries.index(e)].find(f"{W}pPr/{W}rPr")
        assert rpr is not None and rpr.find(W + mark) is not None


def _doc(*sections: tuple[str, str, tuple[tuple[str, str], ...]]) -> Document:
    return Document(
        body=tuple(
            Provision(
                parse_label(label),
                heading,
                f"Text of {heading.lower()} which says something particular.",
                tuple(Provision(parse_label(c), text=t) for c, t in children),
            )
            for label, heading, children in sections
        ),
        front=("AGREEMENT", "", "The parties agree as follows:"),
        back=("IN WITNESS WHEREOF", "", "EXHIBIT A", "", "Form of release."),
    )


def _fresh(doc: Document) -> Document:
    """The same document with new identities, as if read from a second file."""

    def rec(nodes):
        return tuple(replace(p, uid=new_uid(), children=rec(p.children)) for p in nodes)

    return doc.evolve(body=rec(doc.body))


BASE = _doc(
    ("1.", "Definitions.", (("(a)", "Alpha means the first letter."),)),
    (
        "2.",
        "Payment.",
        (("(a)", "The Company shall pay the fee."), ("(b)", "Interest accrues daily.")),
    ),
    ("3.", "Notices.", (("(a)", "Notices go by mail to the address below."),)),
)


@pytest.mark.parametrize("mode", ["uid", "file"])
def test_moved_section_shows_as_a_move(mode: str) -> None:
    s1, s2, s3 = BASE.body
    new = BASE.evolve(
        body=(s1, s3.evolve(label=parse_label("2.")), s2.evolve(label=parse_label("3.")))
    )
    if mode == "file":
        new = _fresh(new)
    redline = compare(BASE, new)
    moved = [e for e in redline.entries if e.status == MOVED]
    assert {(e.moved, e.old_labels or e.new_labels) for e in moved if e.depth == 0} in (
        {("from", ("2.",)), ("to", ("3.",))},
        {("from", ("3.",)), ("to", ("2.",))},
    )
    came = next(e for e in moved if e.moved == "to" and e.depth == 0)
    assert came.partner in ("2.", "3.")
    data = write_docx(redline)
    assert view(data, ACCEPT) == document_paragraphs(new)
    assert view(data, REJECT) == document_paragraphs(BASE)


def test_identity_wins_over_wording() -> None:
    """With shared uids a rewritten provision is still itself, not a delete and an insert."""
    s1, s2, s3 = BASE.body
    rewritten = s2.evolve(text="Entirely new words about something else altogether here.")
    redline = compare(BASE, BASE.evolve(body=(s1, rewritten, s3)))
    assert _entry(redline, new_labels=("2.",)).status == CHANGED
    assert not [e for e in redline.entries if e.status in (INSERTED, DELETED)]


def test_unchanged_document_has_no_changes() -> None:
    redline = compare(BASE, _fresh(BASE))
    assert redline.changes == []
    assert {s.op for e in redline.entries for s in e.segments} == {EQUAL}


@pytest.mark.parametrize("mode", ["uid", "file"])
def test_each_pair_is_diffed_once(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Alignment's in-place test and the edit list share one word diff per pair."""
    from conformed.redline import words

    seen: list[tuple[str, str]] = []
    real = words.diff_words

    def counted(old: str, new: str, **kw: object) -> list[Segment]:
        seen.append((old, new))
        return real(old, new, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(words, "diff_words", counted)
    pair = corpus_pair(XXXXX, mode)
    redline = compare(pair.old, pair.new)
    assert any(e.status == CHANGED for e in redline.entries)
    assert len(seen) == len(set(seen))
