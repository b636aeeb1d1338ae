"""What "the text" of a document is, for the redline invariants, defined apart from our code.

A document's text is its paragraphs, whitespace-folded, empty ones left out:

- front matter, then back matter: the raw lines split at blank lines;
- each provision, in reading order: its label, heading and text joined by
  spaces, then its children, then its trailing text (if any).

``html_view`` reads an HTML blackline back the same way: the ``<p id="pN">``
elements inside ``<article class="redline">``, without ``<del>`` (accept) or
without ``<ins>`` (reject), ``<br>`` as a line break.
"""

from __future__ import annotations

from html.parser import HTMLParser

from docx_views import ACCEPT, fold

from conformed.document import Document, Provision
from conformed.layout.lines import blank_separated


def document_paragraphs(doc: Document) -> list[str]:
    out = _matter(doc.front)

    def rec(nodes: tuple[Provision, ...]) -> None:
        for p in nodes:
            out.append(" ".join(x for x in (p.label_text, p.heading, p.text) if x))
            rec(p.children)
            if p.trailing:
                out.append(p.trailing)

    rec(doc.body)
    out += _matter(doc.back)
    return [f for f in (fold(p) for p in out) if f]


def _matter(lines: tuple[str, ...]) -> list[str]:
    return ["\n".join(p) for p in blank_separated(lines)]


class _Reader(HTMLParser):
    def __init__(self, which: str) -> None:
        super().__init__(convert_charrefs=True)
        self.which = which
        self.in_article = False
        self.paragraph: list[str] | None = None
        self.skip = 0
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article" and a.get("class") == "redline":
            self.in_article = True
        elif self.in_article and tag == "p" and (a.get("id") or "").startswith("p"):
            self.paragraph = []
        elif self.paragraph is not None:
            if tag == ("del" if self.which == ACCEPT else "ins") or self.skip:
                self.skip += tag in ("del", "ins")
            if tag == "br" and not self.skip:
                self.paragraph.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False
        elif tag == "p" and self.paragraph is not None:
            self.out.append(fold("".join(self.paragraph)))
            self.paragraph = None
        elif self.skip and tag in ("del", "ins"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.paragraph is not None and not self.skip:
            self.paragraph.append(data)


def html_view(html: str, which: str) -> list[str]:
    reader = _Reader(which)
    reader.feed(html)
    return [p for p in reader.out if p]
