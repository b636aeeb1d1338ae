"""Find the provision a citation names, or say precisely why it cannot be found."""

from __future__ import annotations

from dataclasses import replace

from ..citation import Citation, from_roman
from ..document import Document, Path, Provision, sibling_index
from ..errors import AmbiguousTarget, TargetNotFound
from ..layout.convention import CONVENTION
from ..lazy_re import lazy_re
from .context import KeyPath


def key_index(doc: Document) -> dict[KeyPath, list[Path]]:
    index: dict[KeyPath, list[Path]] = {}
    for path, _node in doc.walk():
        index.setdefault(doc.key_path(path), []).append(path)
    return index


def find(doc: Document, keys: KeyPath) -> list[Path]:
    """Paths whose key path is ``keys``, found by descending the tree (no full scan).

    A dotted key ("6.9") is looked for inside the provision whose key prefixes
    it ("6"), the way :meth:`Document.key_path` lets the child absorb its parent.
    """
    found: list[Path] = []

    def descend(nodes: tuple[Provision, ...], prefix: Path, rest: KeyPath) -> None:
        keys, articles = sibling_index(nodes)
        hits = set(keys.get(rest[0], ()))
        parts = rest[0].split(".")  # "6.9" is also looked for inside "6"
        through = set(articles).union(
            *(keys.get(".".join(parts[:k]), ()) for k in range(1, len(parts)))
        )
        for i in sorted(hits | through):
            node = nodes[i]
            if i in hits:
                if len(rest) == 1:
                    found.append((*prefix, i))
                else:
                    descend(node.children, (*prefix, i), rest[1:])
            else:
                descend(node.children, (*prefix, i), rest)  # cited through: "Section 2.5"

    if keys:
        descend(doc.body, (), keys)
    return found


def resolve(doc: Document, keys: KeyPath, printed: str) -> Path:
    """The one path whose keys are ``keys``; raise if none or several.  "Section 1C", where
    the agreement has no Section 1C, is subsection C of Section 1 (a lease's way of citing
    its lettered subsections), when Section 1 has one."""
    found = find(doc, keys)
    compact = _COMPACT.fullmatch(keys[-1]) if keys and not found else None
    if compact is not None:
        found = find(doc, (*keys[:-1], compact["number"], compact["letter"]))
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        places = ", ".join(_place(doc, p) for p in found)
        raise AmbiguousTarget(f"{printed} could mean any of: {places}")
    raise TargetNotFound(f"{printed} does not exist in the agreement; {what_exists(doc, keys)}")


_COMPACT = lazy_re(r"(?P<number>\d{1,3})(?P<letter>[a-z]{1,2})")


def _place(doc: Document, path: Path) -> str:
    """ "Section 2 of Article II": where each Article numbers its Sections afresh, the
    Article is what tells two Sections 2 apart."""
    named = doc.name_of(path)
    if len(path) > 1 and doc.body[path[0]].kind == "article":
        return f"{named} of Article {doc.cite(path[:1])}"
    return named


def within_article(citation: Citation, value: int, printed: str) -> Citation:
    """``citation`` looked up inside Article ``value`` only ("Section 2 of Article II",
    where each Article numbers its Sections afresh, or "Article IV, Section 4.3")."""
    return replace(citation, printed=printed, keys=(f"article:{value}", *citation.keys))


def resolve_citation(doc: Document, citation: Citation) -> Path:
    return resolve(doc, citation_path(citation), citation.printed)


def citation_path(citation: Citation) -> KeyPath:
    """The keys a citation looks for: an Article's is its own ("article:2")."""
    if citation.keys and CONVENTION.unit(citation.unit or "") is not None:
        unit = CONVENTION.unit(citation.unit)
        if unit is not None and unit.kind == "article":
            value = article_value(citation.keys[0])
            if value is not None:
                return (f"article:{value}", *citation.keys[1:])
    return citation.keys


def article_value(key: str) -> int | None:
    if key.isdigit():
        return int(key)
    return from_roman(key) or CONVENTION.number_word_value(key)


def resolve_parent(doc: Document, keys: KeyPath, printed: str) -> Path:
    """The parent of a (possibly new) provision; ``()`` for the top level.

    A new "Section 3.7" whose parent "3" is an article ("ARTICLE 3") goes in the article.
    """
    if not keys:
        return ()
    if not find(doc, keys) and keys[0].isdigit() and find(doc, (f"article:{keys[0]}",)):
        keys = (f"article:{keys[0]}", *keys[1:])
    if len(keys) == 1 and not find(doc, keys):  # a new "6.2" where Sections 6.1 ... are listed
        homes = {
            p[:-1]
            for p, n in doc.walk()
            if n.key.startswith(f"{keys[0]}.") and n.key[len(keys[0]) + 1 :].isdigit()
        }
        if len(homes) == 1:  # with no Section 6 above them: its place is theirs
            return homes.pop()
    return resolve(doc, keys, printed)


def what_exists(doc: Document, keys: KeyPath) -> str:
    """ "Section 5 has (a) to (f)": what the reader would look at next."""
    index = key_index(doc)
    for depth in range(len(keys) - 1, -1, -1):
        prefix = keys[:depth]
        if depth == 0:
            labels = [n.label_text for n in _sections(doc.body)]
            return (
                f"the agreement's Sections are {_span(labels)}" if labels else "it has no Sections"
            )
        paths = index.get(prefix, [])
        if len(paths) == 1:
            node = doc.get(paths[0])
            name = doc.name_of(paths[0])
            if not node.children:
                return f"{name} has no subdivisions"
            return f"{name} has {_span([c.label_text for c in node.children])}"
    return "no part of the citation matches"


def _sections(nodes: tuple[Provision, ...]) -> list[Provision]:
    """The top-level provisions, seen through articles (which are not cited)."""
    out: list[Provision] = []
    for node in nodes:
        if node.kind == "article":
            out += [c for c in node.children if c.label is not None]
        elif node.label is not None:
            out.append(node)
    return out


def _span(labels: list[str]) -> str:
    if len(labels) <= 3:
        return ", ".join(labels)
    return f"{labels[0]} to {labels[-1]}"
