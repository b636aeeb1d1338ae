"""Accept all gives NEW, reject all gives OLD: in Word, in HTML, and in the edit list itself.

Checked on every corpus consolidation (the conformed copy as an object, which
shares the base's provision identities, and as written and read back, which
does not) by readers that are not ours (``docx_views``, ``texts``).
"""

from __future__ import annotations

from docx_views import ACCEPT, REJECT, fold, revisions, view
from pairs import AUTHOR, DATE, Pair
from texts import document_paragraphs, html_view

from conformed.redline import compare
from conformed.redline.docx import write_docx
from conformed.redline.html import write_html
from conformed.redline.words import DELETE, INSERT


def test_edit_list_reads_as_both_documents(pair: Pair) -> None:
    redline = compare(pair.old, pair.new)
    new = [fold("".join(s.text for s in e.segments if s.op != DELETE)) for e in redline.entries]
    old = [fold("".join(s.text for s in e.segments if s.op != INSERT)) for e in redline.entries]
    assert [p for p in new if p] == document_paragraphs(pair.new)
    assert [p for p in old if p] == document_paragraphs(pair.old)


def test_word_accept_all_is_new_reject_all_is_old(pair: Pair) -> None:
    data = write_docx(compare(pair.old, pair.new), author=AUTHOR, date=DATE)
    assert view(data, ACCEPT) == document_paragraphs(pair.new)
    assert view(data, REJECT) == document_paragraphs(pair.old)


def test_every_revision_has_author_date_and_its_own_id(pair: Pair) -> None:
    data = write_docx(compare(pair.old, pair.new), author=AUTHOR, date=DATE)
    revs = revisions(data)
    assert revs, "a consolidation with changes must produce revisions"
    assert {(r.author, r.date) for r in revs} == {(AUTHOR, DATE)}
    ids = [r.id for r in revs]
    assert len(set(ids)) == len(ids) and all(i.isdigit() for i in ids)


def test_html_without_del_is_new_without_ins_is_old(pair: Pair) -> None:
    html = write_html(compare(pair.old, pair.new))
    assert html_view(html, ACCEPT) == document_paragraphs(pair.new)
    assert html_view(html, REJECT) == document_paragraphs(pair.old)
