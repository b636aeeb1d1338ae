"""How provisions print as paragraphs, shared by the reader and the writers.

A *group* is what prints as one paragraph run: a provision plus the following
provisions printed inline with it ("(g)(i) Notwithstanding ... (ii) If ...").
The reader records, for the first provision of each group, the raw lines and
the group's printed form; the writer re-uses the raw lines while the printed
form is unchanged.  Both sides must agree on the printed form, hence this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..citation import Label
from ..document import Provision
from ..lazy_re import lazy_re

_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "and/or",
        "as",
        "at",
        "between",
        "but",
        "by",
        "etc",
        "for",
        "from",
        "in",
        "into",
        "its",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "this",
        "to",
        "under",
        "upon",
        "via",
        "vs",
        "with",
        "within",
        "without",
    ]
)
_HEADING = lazy_re(r"^(?P<h>[A-Z0-9`\"'\u201c\[][^.:!?]{0,140}?[.:])(?=\s|$)")


def split_heading(text: str) -> tuple[str, str]:
    """Split a run-in heading ("Certain Increases in Payment.") off the text."""
    m = _HEADING.match(text)
    if not m:
        return "", text
    heading = m.group("h")
    words = heading[:-1].split()
    if not 1 <= len(words) <= (20 if heading.isupper() else 16):
        return "", text
    for word in words:
        core = word.strip("()\"'`,-\u201c\u201d\u2018\u2019")
        if not core or core.lower() in _SMALL:
            continue
        if not (core[0].isupper() or core[0].isdigit()):
            return "", text
    rest = text[m.end() :].lstrip()
    if words[0].strip("\"'`\u201c").lower() in _SMALL and not _short_caption(words, rest):
        return "", text
    return heading, rest


def _short_caption(words: list[str], rest: str) -> bool:
    """ "By Company.", "In General.", "For Cause." before a sentence that begins anew: a
    caption that opens with a small word (two to four words, the others capitalised)."""
    caps = [w for w in words[1:] if w.lower() not in _SMALL]
    return (
        2 <= len(words) <= 4
        and bool(caps)
        and all(w[:1].isupper() for w in caps)
        and rest[:1].isupper()
        and words[0][:1].isupper()
    )


def _bare(printed: str) -> bool:
    """True when the last thing printed is a label with nothing after it."""
    last = printed.rsplit(" ", 1)[-1]
    return bool(re.fullmatch(r"(?:\([A-Za-z0-9]{1,6}\))+", last))


def standalone_heading(paragraph: str) -> bool:
    """A heading printed alone on its line, without a final period ("5.  TERMINATION BENEFITS")."""
    if not paragraph or "\n" in paragraph or paragraph[-1] in ".:;,":
        return False
    if paragraph.isupper() and len(paragraph.split()) <= 10 and paragraph[0].isalpha():
        return True  # "THE FACILITY": in capitals, a heading even where it opens with "The"
    heading, rest = split_heading(paragraph + ".")
    return bool(heading) and not rest


_SENTENCE_CASE = lazy_re(r"[A-Z][a-z]+(?:[ \-][a-z][a-z\-]*|[ ](?:[A-Z]{2,5}|[A-Z][a-z]+)){0,5}")


def caption_line(paragraph: str, label: Label | None) -> bool:
    """A provision's first paragraph that is its caption: a heading printed alone on its
    line, or -- under a decimal clause number, as English facility agreements print them
    ("4.1 Calculation of interest" / "The rate of interest ...") -- a short phrase in
    sentence case with no final stop."""
    if standalone_heading(paragraph):
        return True
    decimal = label is not None and any(ch.isdigit() for ch in label.prefix)  # "4." of "4.1"
    return decimal and len(paragraph) <= 60 and bool(_SENTENCE_CASE.fullmatch(paragraph))


def head_string(p: Provision, label: str | None = None) -> str:
    label = p.label_text if label is None else label
    if p.heading and p.heading[-1] not in ".:" and p.text:
        # A heading without a period stood alone: keep it a paragraph of its own.
        return " ".join(x for x in (label, p.heading) if x) + "\n\n" + p.text
    return " ".join(x for x in (label, p.heading, p.text) if x)


@dataclass(frozen=True)
class Group:
    """One printed paragraph run: ``members`` heads, or a provision's trailing text."""

    members: tuple[Provision, ...]
    depth: int
    trailing: bool = False

    @property
    def leader(self) -> Provision:
        return self.members[0]

    @property
    def printed(self) -> str:
        return self.printed_with(None)

    @property
    def labels(self) -> tuple[str, ...]:
        return () if self.trailing else tuple(p.label_text for p in self.members)

    def printed_with(self, labels: tuple[str, ...] | None) -> str:
        """The printed form, optionally with other labels (to detect renumber-only changes)."""
        if self.trailing:
            return self.leader.trailing
        out = ""
        for i, p in enumerate(self.members):
            head = head_string(p, labels[i] if labels else None)
            if not head:
                continue
            # "(g)(i) Notwithstanding": a bare "(g)" runs into its first child.
            tight = out.endswith(")") and head.startswith("(") and _bare(out)
            out = f"{out}{head}" if tight or not out else f"{out} {head}"
        return out


def iter_groups(nodes: tuple[Provision, ...], depth: int = 0) -> Iterator[Group]:
    """Paragraph groups in document order."""
    pending: list[tuple[Provision, int]] = []
    for node, d, trailing in _preorder(nodes, depth):
        if trailing:
            if pending:
                yield _group(pending)
                pending = []
            yield Group((node,), d, trailing=True)
        elif node.inline and pending:
            pending.append((node, d))
        else:
            if pending:
                yield _group(pending)
            pending = [(node, d)]
    if pending:
        yield _group(pending)


def _group(pending: list[tuple[Provision, int]]) -> Group:
    return Group(tuple(p for p, _ in pending), pending[0][1])


def _preorder(nodes: tuple[Provision, ...], depth: int) -> Iterator[tuple[Provision, int, bool]]:
    for node in nodes:
        if node.label is not None or node.heading or node.text or node.kind != "summary":
            yield node, depth, False
        # (a part that holds what it names and prints nothing itself: a lease's summary
        # whose title is printed before the body)
        yield from _preorder(node.children, depth + 1)
        if node.trailing:
            yield node, depth, True
