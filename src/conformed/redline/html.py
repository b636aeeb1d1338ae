"""HTML output: a self-contained blackline to read on screen or print.

``<ins>`` and ``<del>`` carry the changes, so the page keeps its meaning with
styles off and a screen reader announces them.  Above the text: the header
("Blackline of NEW against OLD"), a legend and the change summary table,
each row linking to its paragraph.  In print, CSS ``@page`` margin boxes put
the title at the top of every page and "Page N of M" at the foot.

The document's own paragraphs are exactly the ``<p>`` elements inside
``<article class="redline">``: dropping every ``<del>`` gives NEW, dropping
every ``<ins>`` gives OLD (tests read them back).
"""

from __future__ import annotations

from html import escape

from .edits import BACK, FRONT, MOVED, Entry, Redline, separator
from .summary import summary_rows
from .words import DELETE, INSERT, Segment

_CSS = """
@page { size: letter; margin: 1in 1in 0.9in;
  @top-center { content: "TITLE"; font: 9pt Georgia, serif; color: #555; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages);
                   font: 9pt Georgia, serif; color: #555; } }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; color: #111; }
header h1 { font-size: 1.3em; margin-bottom: 0.2em; }
header p { margin: 0; color: #555; }
ins { color: #0645ad; text-decoration: underline; }
del { color: #b00020; text-decoration: line-through; }
.moved ins, .moved del, ins.moved, del.moved { color: #1b7a2f; text-decoration-style: double; }
.legend { border: 1px solid #ccc; padding: 0.4em 0.8em; margin: 1em 0; font-size: 0.9em; }
.legend span + span { margin-left: 1.5em; }
table.summary { border-collapse: collapse; width: 100%; margin: 1em 0 2em; font-size: 0.9em; }
table.summary th, table.summary td { border: 1px solid #ccc; padding: 0.25em 0.5em;
                                     text-align: left; vertical-align: top; }
article p { margin: 0 0 0.8em; }
article p.matter { white-space: pre-wrap; font-family: "Courier New", monospace;
                   font-size: 0.85em; }
article .label { font-weight: bold; }
article .heading { font-weight: bold; }
p[data-note]::after { content: " [" attr(data-note) "]"; color: #1b7a2f; font-size: 0.85em; }
@media print { a { color: inherit; text-decoration: none; } .summary { page-break-after: always; } }
"""


def write_html(redline: Redline, *, date: str = "") -> str:
    title = f"Blackline of {redline.new_name} against {redline.old_name}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        f"<style>{_CSS.replace('TITLE', _css_string(title))}</style>",
        "</head><body>",
        f"<header><h1>{escape(title)}</h1>",
        f"<p>{escape(redline.new_name)} compared with {escape(redline.old_name)}"
        + (f"; generated {escape(date)}" if date else "")
        + ".</p></header>",
        _legend(),
        _summary(redline),
        '<article class="redline">',
    ]
    for k, entry in enumerate(redline.entries):
        out.append(_paragraph(k, entry))
    out.append("</article></body></html>\n")
    return "\n".join(out)


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")


def _legend() -> str:
    return (
        '<p class="legend"><strong>Legend:</strong> '
        "<span><ins>inserted text</ins></span><span><del>deleted text</del></span>"
        '<span class="moved"><ins>moved text</ins></span>'
        "<span>a renumbered provision shows its old label struck and its new one inserted</span>"
        "</p>"
    )


def _summary(redline: Redline) -> str:
    rows = summary_rows(redline)
    if not rows:
        return '<p class="summary">No changes.</p>'
    body = "".join(
        f'<tr><td><a href="#p{r.entry}">{escape(r.provision)}</a></td>'
        f"<td>{escape(r.change)}</td></tr>"
        for r in rows
    )
    return (
        '<table class="summary"><caption>Changes by provision</caption>'
        f"<thead><tr><th>Provision</th><th>Change</th></tr></thead><tbody>{body}</tbody></table>"
    )


def _paragraph(k: int, entry: Entry) -> str:
    classes = [entry.status]
    if entry.part in (FRONT, BACK):
        classes.append("matter")
    style = f' style="margin-left:{1.5 * entry.depth}em"' if entry.depth else ""
    if entry.status == MOVED:  # said by CSS, so the note is not part of either text
        where = "to" if entry.moved == "from" else "from"
        style += f' data-note="Moved {where} {escape(entry.partner)}"'
    html = [f'<p id="p{k}" class="{" ".join(classes)}"{style}>']
    done: list[Segment] = []
    for segs, css in ((entry.label, "label"), (entry.heading, "heading"), (entry.text, "")):
        if not segs:
            continue
        if done:
            html.append(_segment(separator(done, segs)))
        inner = "".join(_segment(s) for s in segs)
        html.append(f'<span class="{css}">{inner}</span>' if css else inner)
        done += segs
    html.append("</p>")
    return "".join(html)


def _segment(seg: Segment) -> str:
    text = escape(seg.text).replace("\n", "<br>")
    if seg.op == INSERT:
        return f"<ins>{text}</ins>"
    if seg.op == DELETE:
        return f"<del>{text}</del>"
    return text
