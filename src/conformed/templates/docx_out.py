"""A drafted amendment as a Word document: the draft's blocks in the package's real styles.

Only the body is written per draft (about 1 ms), as XML strings into the
package docx_styles.py builds once; python-docx's own Document() and save()
would cost about 30 ms a draft.  The words are the text draft's words, in
order: a typed rule under a conformed signature ("-----") and a typed line to
sign on ("____") become the Signature Line style's drawn rule instead.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from ..lazy_re import lazy_re
from .blocks import BLANK_LINE, RULE, Block, blocks
from .docx_styles import BODY_PART, CORE_PART, STAMP, package

STYLES = {
    "title": "Title",
    "indented": "Body Text First Indent",
    "flush": "Body Text",
    "item": "Amendment Item",
    "quote": "Quote",
    "quote_more": "Quote Continued",
}
SIGNATURE, SIGNATURE_LINE = "Signature", "Signature Line"
TESTIMONIUM = "Testimonium"  # "IN WITNESS WHEREOF, ...", the paragraph the signatures follow
COLUMN = 4680  # twips: half of 6.5 inches, the signature table's two columns
_INVALID = lazy_re("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0
CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<dc:title>{title}</dc:title></cp:coreProperties>"
)


def to_docx(text: str) -> bytes:
    """The .docx file's bytes for a drafted amendment (laid-out text, as ``render`` gives it)."""
    pkg = package()
    parts = list(blocks(text))
    body = pkg.head + "".join(_body(parts)) + pkg.tail
    title = " ".join(b.text for b in parts if b.kind == "title")
    buffer = io.BytesIO(pkg.parts)
    with zipfile.ZipFile(buffer, "a") as out:
        out.writestr(zipfile.ZipInfo(BODY_PART, STAMP), body, zipfile.ZIP_DEFLATED)
        core = CORE.format(title=_escape(title))
        out.writestr(zipfile.ZipInfo(CORE_PART, STAMP), core, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _body(parts: list[Block]) -> Iterator[str]:
    signatures: list[Block] = []
    for n, block in enumerate(parts):
        if block.kind == "signature":
            signatures.append(block)
            continue
        if signatures:
            yield _table(signatures)
            signatures = []
        following = parts[n + 1].kind if n + 1 < len(parts) else ""
        if block.kind == "item":
            yield _paragraph(STYLES["item"], block.number, block.body)
        elif following == "signature" and block.kind in ("flush", "indented"):
            yield _paragraph(TESTIMONIUM, block.text)  # kept on the signatures' page
        else:
            yield _paragraph(STYLES[block.kind], block.text)
    if signatures:
        yield _table(signatures)
    yield _paragraph(SIGNATURE, "")  # Word wants a paragraph after a closing table


def _paragraph(style: str, text: str, after_tab: str | None = None) -> str:
    """One paragraph; ``after_tab`` given, ``text`` is an item number and a tab follows it."""
    run = f'<w:t xml:space="preserve">{_escape(text)}</w:t>' if text else ""
    if after_tab is not None:
        run += f'<w:tab/><w:t xml:space="preserve">{_escape(after_tab)}</w:t>'
    style_id = package().ids[style]
    runs = f"<w:r>{run}</w:r>" if run else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{runs}</w:p>'


def parties(signatures: list[Block]) -> list[list[tuple[str, str]]]:
    """Each party's (style, text) lines: a one-line heading joins the "By:" block after it."""
    out: list[list[tuple[str, str]]] = []
    heading: list[tuple[str, str]] = []
    for n, block in enumerate(signatures):
        following = signatures[n + 1].lines[0] if n + 1 < len(signatures) else ""
        if len(block.lines) == 1 and following.startswith("By"):
            heading = [(SIGNATURE, block.lines[0])]
            continue
        lines = heading
        heading = []
        for i, line in enumerate(block.lines):
            if RULE.match(line):
                continue
            ruled = i + 1 < len(block.lines) and bool(RULE.match(block.lines[i + 1]))
            signed_on = i == 0 and (line.startswith("By") or "s//" in line or "___" in line)
            style = SIGNATURE_LINE if ruled or signed_on else SIGNATURE
            lines.append((style, BLANK_LINE.sub("", line).strip()))
        out.append(lines)
    if heading:
        out.append(heading)
    return out


def _table(signatures: list[Block]) -> str:
    """Signatures two to a row, side by side, in a borderless table that keeps each row whole."""
    cells = parties(signatures)
    rows = []
    for start in range(0, len(cells), 2):
        row = cells[start : start + 2]
        row += [[]] * (2 - len(row))
        tops = [next((i for i, (s, _) in enumerate(c) if s == SIGNATURE_LINE), 0) for c in row]
        row = [[(SIGNATURE, "")] * (max(tops) - top) + c for c, top in zip(row, tops, strict=True)]
        tcs = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{COLUMN}" w:type="dxa"/></w:tcPr>'
            + (
                "".join(_paragraph(style, text) for style, text in cell)
                or _paragraph(SIGNATURE, "")
            )
            + "</w:tc>"
            for cell in row
        )
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{tcs}</w:tr>")
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{2 * COLUMN}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="360" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
        f'<w:tblGrid><w:gridCol w:w="{COLUMN}"/><w:gridCol w:w="{COLUMN}"/></w:tblGrid>'
        + "".join(rows)
        + "</w:tbl>"
    )


def _escape(text: str) -> str:
    text = _INVALID.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
