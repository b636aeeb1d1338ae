"""A provision named by a caption beside its citation is checked against its heading.

"Section 14 (Governing Law) of the Agreement is amended ...", "Section 6.16 of the Credit
Agreement, entitled "Liens", is ...": the caption says which provision the drafter means.
Where the cited provision's heading has no word of that caption, the citation or the caption
is wrong (a drafter who cites the wrong number still writes the caption of the provision
meant), and the change is refused, as a wrong "(formerly ...)" claim is: applied, it would
change another provision than the one the drafter names, with no word said.

The check is loose, because drafters shorten and paraphrase captions ("Taxes" for "Tax
Matters", "Definitions" for "Defined Terms"): one word in common with the heading of the
provision or of a provision it is in is enough.  A provision with no heading cannot be
checked, nor can a caption in lower case, which describes ("(relating to bonuses)").
"""

from __future__ import annotations

from dataclasses import replace

from ..change import Change, Selector
from ..citation import parse_citation
from ..document import Document, Path
from ..errors import ConformedError, TargetNotFound
from ..lazy_re import lazy_re
from .cited import target_of
from .locate import resolve_citation

_WORD = lazy_re(r"[A-Za-z]{3,}")
# words every heading may have, which say nothing of which provision it is
_STOP = frozenset(
    {"and", "the", "for", "with", "upon", "its", "their", "other", "certain", "general"}
    | {"provisions", "matters", "section", "sections", "article", "clause", "paragraph"}
)


# a caption in parentheses after the citation, as the grammar keeps it among the qualifiers
# ("Clause 1.1 (Definitions)"; never "(as amended)" or "(formerly 6)")
CAPTION_IN_PARENS = r"\(\s*(?!as\b|formerly\b)[A-Z][\w ,;'&\-]{0,150}\)"
PAREN_CAPTION = lazy_re(CAPTION_IN_PARENS)


def check_named(doc: Document, sel: Selector) -> None:
    """The captions a change's citation gives, each checked against the provision it finds
    (a citation not found is left to the change itself to report)."""
    for cited, caption in sel.named:
        try:
            path = resolve_citation(doc, parse_citation(cited))
        except ConformedError:
            continue
        check_caption(doc, path, caption, cited)
    names = [q for q in sel.qualifiers if PAREN_CAPTION.fullmatch(q)]
    if not names:
        return
    try:  # a caption after the whole citation: of what it cites
        target = target_of(Change("replace", replace(sel, qualifiers=(), named=())))
        path = resolve_citation(doc, target.citation)
    except ConformedError:
        return
    for name in names:
        check_caption(doc, path, name, target.printed)


def check_caption(doc: Document, path: Path, caption: str, printed: str) -> None:
    """Refuse when ``caption``, said of the provision at ``path``, shares no word with its
    heading or the heading of any provision it is in (headings there are)."""
    said = _words(caption)
    if not said or not caption.strip(" \"'\u201c\u201d(")[:1].isupper():
        return
    headings = [doc.get(path[:n]).heading.strip() for n in range(len(path), 0, -1)]
    headings = [h for h in headings if _words(h)]
    if not headings:
        return
    if any(_alike(a, b) for h in headings for a in said for b in _words(h)):
        return
    raise TargetNotFound(
        f'{printed} is called "{_bare(caption)}" in the item, but the agreement\'s {printed} '
        f'is headed "{headings[0].rstrip(".:")}": the citation or the caption is wrong, so nothing was '
        "applied"
    )


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _STOP


def _alike(a: str, b: str) -> bool:
    """The same word, or one word's form of the other ("tax", "taxes"; "definitions",
    "defined"): alike over the shorter's first five letters."""
    n = min(5, len(a), len(b))
    return a[:n] == b[:n]


def _bare(caption: str) -> str:
    return " ".join(caption.strip().strip("()[]").strip().strip("\"'\u201c\u201d").split())
