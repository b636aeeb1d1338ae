"""Making sure Word draws the conformed labels it is left to number.

A copied or restyled paragraph keeps the source's list numbering, and Word
counts it afresh; after a deletion without renumbering, a "5A", or a
replaced section whose new label is printed differently ("4." among
"Section 3.", "Section 5."), Word's count and the conformed label part.
Going through the paragraphs in order and counting as Word does
(docx_numbering.py): where the count is wrong but the list could draw the
label, a new ``w:num`` restarts it there (and carries on for the later
paragraphs of that num); otherwise the label is typed and the number
switched off, keeping the indentation it gave.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from ..citation import label_candidates
from ..layout.lines import LEAD
from .docx_numbering import Counters, Element, Num, Numbering
from .docx_reader import run_text
from .docx_xml import W, runs_xml
from .paragraphs import BARE_LABEL, TEXT, Run

Item = tuple[Element, str | None]  # a body element, and the label Word must draw (None: any)


def check_labels(items: list[Item], nb: Numbering, *, auto: bool) -> Iterator[Element]:
    """The elements in order, each number Word draws checked against its label
    (with ``auto`` false every provision label is typed)."""
    counters = Counters(nb)
    moved: dict[str, str] = {}  # a num restarted -> the num that carries on for it
    for element, want in items:
        numpr = nb.paragraph_numpr(element) if element.tag == qn("w:p") else None
        if numpr is None:
            yield element
            continue
        if numpr[0] in moved:
            numpr = (moved[numpr[0]], numpr[1])
            _set_num(element, *numpr)
        if want is None or (auto and counters.peek(*numpr) == want):
            counters.advance(*numpr)
        elif auto and (restart := _restart(nb, counters, numpr, want)):
            moved[numpr[0]] = restart
            _set_num(element, restart, numpr[1])
            counters.advance(restart, numpr[1])
        else:
            unnumber(element, nb, numpr)
            if want:
                _type_label(element, want)
        yield element


def _restart(nb: Numbering, counters: Counters, numpr: tuple[str, int], want: str) -> str | None:
    """A new num of the same list that draws ``want`` here, added to numbering.xml."""
    num_id, ilvl = numpr
    if nb.nums[num_id].levels or nb.root is None:
        return None  # level overrides would have to be copied too
    new_id = str(1 + max((int(n) for n in nb.nums if n.isdigit()), default=0))
    abstract = nb.abstract_of(num_id)
    for candidate in label_candidates(want):
        nb.nums[new_id] = Num(abstract, {ilvl: candidate.value})
        if counters.peek(new_id, ilvl) == want:
            nb.root.append(
                parse_xml(
                    f'<w:num {W} w:numId="{new_id}"><w:abstractNumId w:val="{abstract}"/>'
                    f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{candidate.value}"/>'
                    "</w:lvlOverride></w:num>"
                )
            )
            return new_id
        del nb.nums[new_id]
    return None


def _set_num(p: Element, num_id: str, ilvl: int) -> None:
    ppr = p.find(qn("w:pPr"))
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().set(qn("w:val"), str(ilvl))
    numpr.get_or_add_numId().set(qn("w:val"), num_id)


def _type_label(p: Element, label: str) -> None:
    """Type ``label`` at the start of the paragraph, in its first run's formatting."""
    rpr = p.find(f"{qn('w:r')}/{qn('w:rPr')}")
    rpr_xml = etree.tostring(rpr).decode() if rpr is not None else ""
    text = run_text(p)
    tight = BARE_LABEL.fullmatch(label) and LEAD.match(text) and text[:1] == "("
    typed = [Run(label if tight else label + " ")]  # "(g)(i)", as the text prints it
    ppr = p.find(qn("w:pPr"))
    at = 0 if ppr is None else p.index(ppr) + 1
    for k, run in enumerate(parse_xml(f"<w:p {W}>{runs_xml(typed, {TEXT: rpr_xml})}</w:p>")):
        p.insert(at + k, run)


def unnumber(p: Element, nb: Numbering, numpr: tuple[str, int]) -> None:
    """Switch a paragraph's list number off, keeping the indentation the list gave it."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = parse_xml(f"<w:pPr {W}/>")
        p.insert(0, ppr)
    level_ind = nb.level(*numpr).ind
    if ppr.find(qn("w:ind")) is None and level_ind is not None:
        ppr.get_or_add_ind().attrib.update(level_ind.attrib)
    ppr._remove_numPr()
    ppr.get_or_add_numPr().get_or_add_numId().set(qn("w:val"), "0")
