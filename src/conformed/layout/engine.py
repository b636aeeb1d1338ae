"""The layout engine: text -> classified lines -> rules -> provision tree.

One engine reads base agreements, the quoted text an amendment inserts, and
(through items.py) amendments themselves.  As markdown-it-py builds its block
parser, it runs an ordered list of small rules (rules/*.py) at each line; the
first that claims the line tells the tree what it is.  Before that, whole
regions are set aside as front or back matter: the title, parties and recitals;
a table of contents; the signature block and the exhibits after it.  Page
artifacts are dropped from the body.
"""

from __future__ import annotations

import re

from ..citation import Label, Style, label_candidates
from ..document import Document, LayoutNote, Provision
from ..lazy_re import lazy_re
from .convention import CONVENTION, OPERATIVE_HEADING, TITLE_LINE
from .lines import LEAD, Line, classify, clean_raw_lines, ends_terminal
from .measure import layout_of
from .rules.article_heading import article_heading, is_title, match_article
from .rules.definition import definition
from .rules.enumeration import enumeration
from .rules.exhibit_start import starts_attachment
from .rules.heading import heading
from .rules.page_artifact import is_page_number, page_artifacts
from .rules.paragraph import paragraph
from .rules.section_heading import section_heading
from .rules.signature_block import ends_body
from .rules.toc import find_toc
from .rules.underline import underline
from .state import Rule, State
from .summary import nest_summary
from .tree import TreeBuilder

# In order: the first rule that claims a line decides what it is.
RULES: tuple[Rule, ...] = (
    underline,
    article_heading,
    heading,
    section_heading,
    enumeration,
    definition,
)

# Where the operative part begins: "... agree as follows:", "NOW, THEREFORE", or the heading
# of an English agreement's operative clauses after its parties and background ("AGREED
# TERMS", "IT IS AGREED", "OPERATIVE PROVISIONS"), alone on its line.
_AGREE = lazy_re(
    r"agree\w*\s+as\s+follows|now,?\s+therefore"
    rf"|^{OPERATIVE_HEADING}$",
    re.IGNORECASE,
)
_ARTICLE_ONE = lazy_re(r"^(?:ARTICLE|Article)\s+(?:I|1|ONE|One)\b\.?")


def build(lines: list[Line], tree: TreeBuilder) -> tuple[Provision, ...]:
    """Run the rules over ``lines`` into ``tree``."""
    state = State(lines, tree)
    i = 0
    while i < len(lines):
        if lines[i].brk == "none" and i:
            i = paragraph(state, i)  # a line that continues a paragraph: no rule claims it
            continue
        for rule in RULES:
            nxt = rule(state, i)
            if nxt is not None:
                break
        else:
            nxt = paragraph(state, i)
        i = nxt
    return tree.build()


def read_agreement(text: str, name: str = "") -> Document:
    """A whole agreement: front matter, the provisions, back matter."""
    raw_lines, numbers = _split_operative_start(clean_raw_lines(text))
    skip = page_artifacts(raw_lines)
    toc = find_toc(raw_lines, skip)
    hidden = set(skip)
    if toc is not None:
        hidden |= set(range(toc[0], toc[1] + 1))
    lines, blank_mode = classify(raw_lines, hidden, numbers)
    start = _body_start(lines)
    if start is None:
        return Document(body=(), front=_matter(raw_lines), name=name)
    end = _body_end(lines, start)
    body_lines = lines[start:end]
    tree = TreeBuilder(blank_mode=blank_mode, first_any=True, agreement=True)
    tree.indented = len({line.indent for line in body_lines}) > 1
    body = build(body_lines, tree)
    if _caption_unused(lines[start], body):  # "GRAIN STORAGE AGREEMENT" over "Section 4.2 Fees."
        start += 1
        body_lines = lines[start:end]
        tree = TreeBuilder(blank_mode=blank_mode, first_any=True, agreement=True)
        tree.indented = len({line.indent for line in body_lines}) > 1
        body = build(body_lines, tree)
    front = _matter(raw_lines[: lines[start].index])
    back = _matter(raw_lines[lines[end].index :]) if end < len(lines) else ()
    return Document(
        body=nest_summary(body, front),
        front=front,
        back=back,
        name=name,
        layout=layout_of(body, body_lines, blank_mode),
        notes=tuple(tree.notes),
        span=(body_lines[0].lineno, body_lines[-1].lineno) if body_lines else (0, 0),
    )


_OPERATIVE_START = lazy_re(
    r"(?P<lead>.*\bagree\w*\s+as\s+follows\s*:?-*\s*)(?P<first>(?:(?:Section|SECTION|ARTICLE|Article)\s+)?"
    r"(?:1\.|I\b|ONE\b|One\b|\(1\)|\(a\))\s*\S.*)$"
)


_WITNESS_INLINE = lazy_re(r"(?<=[.;\"\u201d])\s+(?=IN\s+WITNESS\s+WHEREOF)")


def _split_operative_start(raw_lines: list[str]) -> tuple[list[str], list[int]]:
    """Where flattened text runs the body's edges into one line ("... the Parties agree as
    follows: 1. BASIC TERMS", "... within five days. IN WITNESS WHEREOF ..."), the first
    provision and the signature block start lines of their own."""
    lines: list[str] = []
    numbers: list[int] = []
    started = False
    for number, raw in enumerate(raw_lines, start=1):
        pieces = [raw]
        # The words looked for before the pattern, which backtracks over the whole line.
        m = _OPERATIVE_START.match(raw) if not started and "as follows" in raw else None
        if m:
            indent = raw[: len(raw) - len(raw.lstrip())]
            pieces = [m.group("lead").rstrip(), indent + m.group("first")]
            started = True
        last = pieces.pop()
        cut = _WITNESS_INLINE.search(last) if "WITNESS" in last else None
        if cut and last[: cut.start()].strip():
            pieces += [last[: cut.start()], last[cut.end() :]]
        else:
            pieces.append(last)
        lines += pieces
        numbers += [number] * len(pieces)
    return lines, numbers


def read_fragment(text: str) -> tuple[Provision, ...]:
    """Quoted replacement text -> provisions (their labels as printed)."""
    lines, blank_mode = _fragment_lines(text)
    return build(lines, TreeBuilder(fragment=True, blank_mode=blank_mode))


def _fragment_lines(text: str) -> tuple[list[Line], bool]:
    """New text's lines.  A page-break mark the amendment's reader left in it (a page number
    taken out, a print of a passage set aside) is a page break, which a paragraph runs on
    across, not a blank line that would end it: "... a relative humidity between" / page /
    "60 and 75 percent ..." is one sentence of the new text."""
    raws = clean_raw_lines(text)  # (line for line: the marks' lines keep their places)
    if "\f" not in text:
        return classify(raws)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    marks = {i for i, raw in enumerate(lines) if "\f" in raw and not raw.strip()}
    return classify(raws, marks | {i for i, raw in enumerate(raws) if is_page_number(raw)})


def read_new_text(text: str) -> tuple[Provision, ...]:
    """New text an amendment inserts: each provision a paragraph of its own, as the
    amendment lays it out -- even where a conversion flattened it onto one line -- except a
    label that follows its parent's bare label ("(g)(i) Notwithstanding ...")."""
    return tuple(_own_paragraphs(n).evolve(inline=False) for n in read_fragment(text))


def _own_paragraphs(node: Provision) -> Provision:
    bare = node.label is not None and not node.heading and not node.text
    children = tuple(
        _own_paragraphs(c).evolve(inline=c.inline and k == 0 and bare)
        for k, c in enumerate(node.children)
    )
    return node.evolve(children=children)


def read_fragment_notes(text: str) -> tuple[tuple[Provision, ...], list[LayoutNote]]:
    lines, blank_mode = _fragment_lines(text)
    tree = TreeBuilder(fragment=True, blank_mode=blank_mode)
    return build(lines, tree), tree.notes


def _body_start(lines: list[Line]) -> int | None:
    begin = 0
    for i, line in enumerate(lines):
        if _AGREE.search(line.text):
            begin = i + 1
            while begin < len(lines) and lines[begin].brk == "none":
                begin += 1
            break
    for i in range(begin, len(lines)):
        if lines[i].brk == "none":
            continue
        if _ARTICLE_ONE.match(lines[i].text) and article_opens(lines[i].text):
            return i
        m = LEAD.match(lines[i].text)
        firsts = label_candidates((m.group("unit") or "") + m.group("token")) if m else []
        if any(c.value == 1 or _section_number(c, bool(m and m.group("unit"))) for c in firsts):
            return _with_article(lines, _with_caption(lines, i, begin), begin)
    return None


def _with_article(lines: list[Line], i: int, begin: int) -> int:
    """An excerpt that starts at "ARTICLE IV" / "VESTING" / "4.1 Service.": the Article
    over its first Section is the body's, never front matter (a heading is never lost)."""
    j = i - 1
    for _ in range(3):  # over rule lines and the Article's own title line
        while j >= begin and lines[j].brk == "rule":
            j -= 1
        if j < begin:
            return i
        if article_opens(lines[j].text):
            return j
        if not is_title(lines[j].text) or LEAD.match(lines[j].text):
            return i
        j -= 1
    return i


def _with_caption(lines: list[Line], i: int, begin: int) -> int:
    """The first provision's caption, printed on the line above it, belongs to the body."""
    j = i - 1
    while j >= begin and lines[j].brk == "rule":
        j -= 1
    if (j >= begin and j == i - 1) or (j >= begin and lines[j + 1].brk == "rule"):
        line = lines[j]
        if (
            line.brk == "hard"
            and is_title(line.text)
            and not LEAD.match(line.text)
            and not line.text.endswith((".", ":"))
        ):
            return j
    return i


def _caption_unused(first: Line, body: tuple[Provision, ...]) -> bool:
    """The line taken as the first provision's caption ("VESTING" over "4.1 Service ...")
    that the provision does not hold, having a heading of its own ("Section 4.2 Fees."), or
    that is the document's first line and names it ("GRAIN STORAGE AGREEMENT"): the title,
    front matter -- in the body it was printed by nothing, or printed as a Section's heading."""
    if not body or LEAD.match(first.text) or article_opens(first.text):
        return False
    if body[0].kind == "heading":
        return False  # the title a heading of its own, beside the Sections
    if first.index == 0 and TITLE_LINE.fullmatch(first.text):
        return True  # the document's first line names it: its title, never a Section's caption
    heading = body[0].heading or ""
    return " ".join(first.text.split()) not in " ".join(heading.split())


def article_opens(text: str) -> bool:
    return match_article(text) is not None


def _section_number(label: Label, unit: bool) -> bool:
    """ "2.5", "5." or "Section 5": how an excerpt that does not start at 1 begins."""
    if label.style is not Style.ARABIC:
        return False
    prefix = label.prefix
    if unit:
        return True
    return prefix.rstrip(".").isdigit() or label.suffix == "."


# The ASCII characters a line that ends the body may begin with (after white space), in
# either case: "IN WITNESS WHEREOF", "[Signature page follows]", "Remainder of this page
# ...", an execution clause ("Signed for and on behalf of", "Executed as a deed", "This
# Agreement has been entered into ...", "As witness ..."), or an attachment's word ("EXHIBIT A").  Any other first character rules the line
# out before either pattern is tried; a non-ASCII one (a case-folded form) does not.
_BODY_END_FIRST = frozenset(
    "Ii[SsRrEeTtAa*" + "".join(f[0].lower() + f[0].upper() for f in CONVENTION.forms("attachment"))
)


def _body_end(lines: list[Line], start: int) -> int:
    for i in range(start + 1, len(lines)):
        first = lines[i].raw.lstrip()[:1]
        if first.isascii() and first not in _BODY_END_FIRST:
            continue
        if _stars_before_legend(lines, i):
            return i
        if not (ends_body(lines[i].raw) or starts_attachment(lines[i].raw)):
            continue  # asked first: two anchored matches, cheaper than the sentence end
        if lines[i].brk != "none" or ends_terminal(lines[i - 1].text):
            return i
    return len(lines)


_STARS = lazy_re(r"\s*\*(?:\s*\*){2,}\s*")
# what opens a provision: a unit word and its label, or a label alone ("5.", "(c)", "IV.")
_OPENS_PROVISION = lazy_re(
    r"\s*(?:(?:section|article|clause|rule|paragraph)\s+\S+|\(?[0-9A-Za-z]{1,5}(?:\.\d+)*[.)])\s",
    re.IGNORECASE,
)


def _stars_before_legend(lines: list[Line], i: int) -> bool:
    """ "* * *" alone on its line, then only a few unlabelled lines to the end ("Adopted by
    the Board of Directors on March 3, 2020."): the end of a plan or policy as printed, its
    adoption legend back matter.  Stars followed by provisions mark text left out."""
    if not _STARS.fullmatch(lines[i].raw):
        return False
    rest = [line.raw for line in lines[i + 1 :] if line.raw.strip()]
    return len(rest) <= 8 and not any(_OPENS_PROVISION.match(raw) for raw in rest)


def _matter(raw_lines: list[str]) -> tuple[str, ...]:
    """Raw lines without page numbers (and the blank lines around them), ends trimmed."""
    out: list[str] = []
    skip_blanks = False
    for raw in raw_lines:
        if is_page_number(raw):
            while out and not out[-1].strip():
                out.pop()
            out.append("")
            skip_blanks = True
            continue
        if skip_blanks and not raw.strip():
            continue
        skip_blanks = False
        out.append(raw)
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return tuple(out)
