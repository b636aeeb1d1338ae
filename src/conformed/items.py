"""Split the operative part of an amendment into numbered items.

Works the same on multi-line and on flattened (one-line) EDGAR text: item
N+1 is looked for only after item N's quoted text has closed, so a "6." or
"7." inside quoted replacement text is never taken for an item.  Only the
outer quotation marks are removed; inner quotes (`"key employee"`, EDGAR's
`` `Code' ``) stay exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import AmendmentError

PAYLOAD_MARK = "\u00abTEXT\u00bb"
_OPEN = re.compile(r"(?:follows|following|hereto|read)\s*[:,]?\s*:?\s*(?P<q>[\"\u201c])", re.I)
_OPEN_AFTER_COLON = re.compile(r":\s*(?P<q>[\"\u201c])")


class ItemStructureError(AmendmentError):
    """Items are missing, out of order, or a quotation never closes."""

    reason = "structure"


@dataclass(frozen=True)
class Item:
    number: str
    instruction: str  # whitespace-folded, quoted text replaced by PAYLOAD_MARK
    payload: str | None  # quoted text without its outer quotes, line breaks kept
    text: str  # the item as printed, whitespace-folded, for messages
    line: int  # 1-based line of the source where the item starts


def split_items(source: str, start: int, end: int) -> tuple[list[Item], list[AmendmentError]]:
    """Items numbered 1, 2, 3 ... in ``source[start:end]``, and any structural problem.

    Items before a problem are returned, so that they can still be reported.
    """
    items: list[Item] = []
    try:
        _split(source, start, end, items)
    except ItemStructureError as exc:
        return items, [exc]
    return items, []


def _split(source: str, start: int, end: int, items: list[Item]) -> None:
    multiline = source.count("\n", start, end) >= 3
    n = 1
    cur = _find(source, n, start, end, multiline)
    while cur is not None:
        body = cur.end()
        nxt = _find(source, n + 1, body, end, multiline)
        limit = nxt.start() if nxt else end
        opened = _OPEN_AFTER_COLON.search(source, body, limit) or _OPEN.search(source, body, limit)
        payload = None
        if opened:
            close = _closing_quote(source, opened.end(), end, n + 1, multiline)
            if close is None:
                raise ItemStructureError(
                    "the quoted text never closes",
                    item=str(n),
                    span=source[body : body + 120],
                )
            payload = source[opened.end() : close]
            item_end = close + 1
            nxt = _find(source, n + 1, item_end, end, multiline)
            limit = nxt.start() if nxt else end
            _check_order(source[item_end:limit], n, multiline)
            head, tail = source[body : opened.start("q")], source[item_end:limit]
            instruction = f"{head} {PAYLOAD_MARK} {tail}"
        else:
            instruction = source[body:limit]
        _check_order(source[body : opened.start("q") if opened else limit], n, multiline)
        items.append(
            Item(
                number=str(n),
                instruction=fold(instruction),
                payload=payload,
                text=fold(source[body:limit]),
                line=source.count("\n", 0, cur.start()) + 1,
            )
        )
        n += 1
        cur = nxt


def fold(text: str) -> str:
    return " ".join(text.split())


def _find(source: str, n: int, pos: int, end: int, multiline: bool) -> re.Match[str] | None:
    if multiline:
        pattern = rf"(?m)^[ \t]*{n}\.[ \t]+(?=\S)"
    else:
        pattern = rf"(?:(?<=[.;:\"'\u201d)\]])|^)\s*{n}\.\s+(?=[A-Z])"
    return re.compile(pattern).search(source, pos, end)


def _closing_quote(source: str, pos: int, end: int, next_n: int, multiline: bool) -> int | None:
    """The quote that ends the payload: the last one before the next item or the end."""
    del next_n  # any item number may follow; _check_order reports a wrong one
    number = r"\d{1,3}\.\s"
    follow = rf"\.?\s*(?:{number}|$)" if not multiline else rf"\.?[ \t]*(?:\n\s*{number}|\s*$)"
    pattern = re.compile(rf"[\"\u201d](?={follow})")
    m = pattern.search(source[:end], pos)
    return m.start() if m else None


def _check_order(instruction: str, n: int, multiline: bool) -> None:
    """An item number other than n+1 inside item n means the items are out of order."""
    if multiline:
        found = re.findall(r"(?m)^[ \t]*(\d{1,3})\.[ \t]+[A-Z]", instruction)
    else:
        found = re.findall(r"(?:^|[.;\"\u201d])\s+(\d{1,3})\.\s+[A-Z]", instruction)
    for number in found:
        if int(number) != n + 1:
            raise ItemStructureError(
                f"item {number} appears after item {n} where item {n + 1} was expected "
                "(items out of order or missing)",
                item=number,
            )
