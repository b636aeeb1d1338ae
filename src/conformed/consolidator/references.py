"""Cross-references that renumbering made stale, found by identity, not by text.

A reference in text no amendment touched ("Sections 4, 5 and 6") is resolved
in the base agreement to the provisions it meant; if those provisions now
carry other labels (or are gone), the reference is stale.  It is reported,
and rewritten only on request.  References to other instruments ("section
409A of the Code", "Section 2 of the Employment Agreement") are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..citation import citation_keys
from ..document import Document, Provision
from ..layout.convention import CONVENTION
from ..lazy_re import lazy_re
from .locate import key_index

# Citations in running text name a section, paragraph or clause; an Article or a Part is
# cited by those too, but "Article 9" of a statute is too often another instrument's.
_UNIT = rf"\b(?i:{CONVENTION.unit_pattern('section', plural=True)})(?<![Pp]art)(?<![Pp]arts)(?<![Ii]tem)(?<![Ii]tems)"
_CIT = (
    r"(?:\d{1,3}(?:\.\d{1,3})*(?:\([A-Za-z0-9]{1,6}\))*(?:\.[a-z]{1,5})*\.?"
    r"|(?:\([A-Za-z0-9]{1,6}\))+|[a-z]{1,5}\.)(?![A-Za-z0-9])"
)
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|through|to)\s+)"
_REF = lazy_re(rf"(?P<unit>{_UNIT})\s+(?P<list>{_CIT}(?:{_SEP}{_CIT})*)")
# Where a reference may start: a unit word's first letters.  Tried at every character,
# _REF's 29 unit words cost most of the check; each match starts where this one does.
_STARTS = sorted({re.escape(form[:3]) for form in CONVENTION.forms("section", plural=True)})
_REF_START = lazy_re(rf"\b(?i:{'|'.join(_STARTS)})")
# The same starts in ASCII text put in lower case, where case-sensitive letters let a search
# skip ahead (about 1.6 times faster): ASCII letters fold only to each other.
_REF_START_LOWER = lazy_re(rf"\b(?:{'|'.join(s.lower() for s in _STARTS if s.isascii())})")
_SENTENCE_DOT = lazy_re(r"(?<=[\d)])\.$")  # "Section 13." at a sentence end
_ITEM = lazy_re(_CIT)
_ATOM = lazy_re(r"\d+|[A-Za-z]+")
_OWN = lazy_re(r"^\s*(?:of|in|under)\s+(?:this|the)\s+Agreement\b|^\s*hereof\b")
_OTHER = lazy_re(r"^\s*(?:of|in|under)\s+(?:the\s+)?[A-Z]")
_OTHER_BEFORE = lazy_re(r"(?:Code|Act|Regulations?|Reg\.|Rule|ERISA)\s*$")
_FIELDS = ("heading", "text", "trailing")


@dataclass(frozen=True)
class StaleReference:
    uid: int
    provision: str  # where the reference is, as the conformed copy numbers it
    field: str
    start: int
    end: int
    reference: str
    now: str

    def to_json(self) -> dict[str, str]:
        return {"provision": self.provision, "reference": self.reference, "now": self.now}


def find_stale_references(base: Document, final: Document) -> list[StaleReference]:
    if _same_numbering(base, final):
        return []  # every provision of the base is still there under its own label
    base_nodes = {node.uid: node for _, node in base.walk()}
    base_index = key_index(base)
    final_paths = {node.uid: path for path, node in final.walk()}
    out: list[StaleReference] = []
    for path, node in final.walk():
        old = base_nodes.get(node.uid)
        if old is None:
            continue
        rewritten = any(c.action in ("replace", "insert") for c in node.changes)
        for name in _FIELDS:
            text = getattr(node, name)
            if not text or (rewritten and text != getattr(old, name)):
                continue  # replaced text is written in the new numbering
            # What the amendments left untouched: a word diff, so worked out only for a
            # field that holds a stale reference (the test is the same in either order).
            kept: list[tuple[int, int]] | None = None
            for m in _references(text):
                if _external(text, m):
                    continue
                now = _rewrite(m, base, base_index, final, final_paths)
                if now is None or now == m.group(0):
                    continue
                if kept is None:
                    kept = _untouched_spans(getattr(old, name), text)
                if not _inside(m.span(), kept):
                    continue
                reference, end = m.group(0), m.end()
                if _SENTENCE_DOT.search(reference):
                    reference, now, end = reference[:-1], now.rstrip("."), end - 1
                out.append(
                    StaleReference(
                        uid=node.uid,
                        provision=printed_cite(final.cite(path)),
                        field=name,
                        start=m.start(),
                        end=end,
                        reference=reference,
                        now=now,
                    )
                )
    return out


def _references(text: str) -> Iterator[re.Match[str]]:
    """``_REF.finditer(text)``, trying _REF only where a unit word may start."""
    scan, starts = (text.lower(), _REF_START_LOWER) if text.isascii() else (text, _REF_START)
    pos = 0
    while (start := starts.search(scan, pos)) is not None:
        m = _REF.match(text, start.start())
        if m is None:
            pos = start.start() + 1
            continue
        yield m
        pos = m.end()


def _numbering(doc: Document) -> dict[int, tuple[str, ...]]:
    """Each provision's labels from the top down, by identity."""
    out: dict[int, tuple[str, ...]] = {}

    def rec(nodes: tuple[Provision, ...], above: tuple[str, ...]) -> None:
        for node in nodes:
            labels = (*above, node.label_text)
            out[node.uid] = labels
            rec(node.children, labels)

    rec(doc.body, ())
    return out


def _same_numbering(base: Document, final: Document) -> bool:
    """No reference can be stale when no provision of the base was renumbered or removed:
    a reference resolves in the base to provisions that keep their labels."""
    now = _numbering(final)
    return all(now.get(uid) == labels for uid, labels in _numbering(base).items())


_TOKEN = lazy_re(r"\S+")


def _untouched_spans(old: str, new: str) -> list[tuple[int, int]]:
    """Stretches of ``new`` carried over unchanged from ``old`` (all of it if equal)."""
    if old == new:
        return [(0, len(new))]
    # Words, not characters: a character-level match is quadratic on long provisions.
    a = old.split()  # the runs of \S: str.split and re agree on what white space is
    spans = [m.span() for m in _TOKEN.finditer(new)]
    b = new.split()
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return [(spans[j][0], spans[j + size - 1][1]) for _, j, size in blocks if size]


def _inside(span: tuple[int, int], kept: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in kept)


def update_references(doc: Document, stale: list[StaleReference]) -> Document:
    """Rewrite stale references in place (opt-in), marking the provisions changed."""
    by_uid: dict[int, list[StaleReference]] = {}
    for ref in stale:
        by_uid.setdefault(ref.uid, []).append(ref)
    for path, node in list(doc.walk()):
        refs = by_uid.get(node.uid)
        if refs:
            doc = doc.update(path, lambda p, refs=refs: _apply(p, refs))  # type: ignore[misc]
    return doc


def _apply(node: Provision, refs: list[StaleReference]) -> Provision:
    values = {name: getattr(node, name) for name in _FIELDS}
    for ref in sorted(refs, key=lambda r: r.start, reverse=True):
        text = values[ref.field]
        values[ref.field] = text[: ref.start] + ref.now + text[ref.end :]
    return node.evolve(**values)


def _external(text: str, m: re.Match[str]) -> bool:
    after = text[m.end() : m.end() + 60]
    if _OWN.match(after):
        return False
    if _OTHER.match(after):
        return True
    return bool(_OTHER_BEFORE.search(text[max(0, m.start() - 12) : m.start()]))


def _rewrite(
    m: re.Match[str],
    base: Document,
    base_index: dict[tuple[str, ...], list[tuple[int, ...]]],
    final: Document,
    final_paths: dict[int, tuple[int, ...]],
) -> str | None:
    """The reference as it would read in the new numbering; None if not ours."""
    listing = m.group("list")
    pieces: list[tuple[int, int, str]] = []
    first: tuple[str, ...] = ()
    changed = False
    for item in _ITEM.finditer(listing):
        keys = citation_keys(item.group(0))
        if not keys:
            return None
        if first and len(keys) < len(first):
            keys = first[: len(first) - len(keys)] + keys
        first = first or keys
        paths = base_index.get(keys, [])
        if len(paths) != 1:
            return None  # not a provision of this agreement (or ambiguous): not ours
        uid = base.get(paths[0]).uid
        new_path = final_paths.get(uid)
        if new_path is None:
            new_item = f"[deleted {item.group(0).rstrip('.')}]"
        else:
            new_keys = final.key_path(new_path)
            new_item = _respell(item.group(0), new_keys)
            if final.get(new_path).omitted:
                new_item += " [omitted]"
        changed = changed or new_item != item.group(0)
        pieces.append((item.start(), item.end(), new_item))
    if not changed:
        return m.group(0)
    out = listing
    for start, end, new in reversed(pieces):
        out = out[:start] + new + out[end:]
    return m.group(0)[: m.start("list") - m.start()] + out


def _respell(printed: str, new: tuple[str, ...]) -> str:
    """Replace the atoms of ``printed`` with the new keys, keeping its punctuation."""
    atoms = list(_ATOM.finditer(printed))
    flat_new = [a for k in new for a in k.split(".")]
    if len(atoms) > len(flat_new):
        return printed
    tail = flat_new[len(flat_new) - len(atoms) :]
    out = printed
    for atom, value in zip(reversed(atoms), reversed(tail), strict=True):
        if atom.group(0).isupper():
            value = value.upper()
        out = out[: atom.start()] + value + out[atom.end() :]
    return out


def printed_cite(cite: str) -> str:
    return cite[:-1] if re.fullmatch(r"\d+\.", cite) else cite
