"""One block of new text that holds several provisions, divided by the labels they open with.

"Clauses (xi) and (xii) are amended and restated as follows:", or "restating clause (xi)
and inserting a new clause (xiii), as follows:", give one block for several provisions.
Each provision's part is the run of lines from the line its label opens to the next wanted
label's line.  The labels must all be found, in the order cited: a block that holds them
otherwise is not divided by guessing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import PayloadError
from .convention import CONVENTION


def label_key(label: str) -> str:
    """How a part's opening label is compared: "(b)(xiii)" and "(xiii)" read "xiii"."""
    last = re.findall(r"\(([^()]*)\)", label)
    return (last[-1] if last else label).strip().lower()


def labelled_parts(text: str, wanted: Sequence[str]) -> list[str]:
    """The part of ``text`` for each wanted label (as ``label_key`` reads it), in order."""
    lines = text.splitlines()
    starts: list[tuple[int, str]] = []
    pattern = re.compile(
        rf"^\s*[\"\u201c]?\s*(?:{CONVENTION.lead_unit})?([\d.]*\d\.)?\(?([A-Za-z0-9]{{1,6}})[.)]?\s"
    )
    for i, line in enumerate(lines):
        m = pattern.match(line)
        if m:
            key = m.group(2).lower()
            full = (m.group(1) or "") + m.group(2)
            for w in wanted:
                if w in (key, full.lower()) and w not in [k for _, k in starts]:
                    starts.append((i, w))
    if [k for _, k in starts] != list(wanted):
        flat = " ".join(text.split())
        found = [k for _, k in starts]
        raise PayloadError(
            f"the new text should hold {', '.join(wanted)} in that order; found "
            f'{", ".join(found) or "no matching labels"} in "{flat[:60]}..."'
        )
    bounds = [i for i, _ in starts] + [len(lines)]
    return [
        "\n".join(lines[bounds[k] : bounds[k + 1]]).strip().strip('"\u201c\u201d')
        for k in range(len(wanted))
    ]
