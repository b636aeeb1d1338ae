"""Where the operative text ends: the signature block, or the page that announces it."""

from __future__ import annotations

import re

_END = re.compile(
    r"^\s*(?:IN\s+WITNESS\s+WHEREOF"
    r"|\[?\s*(?:signature\s+pages?\s+(?:follows?|to\s+follow)|remainder\s+of\s+(?:this\s+)?page"
    r"\s+(?:is\s+)?(?:intentionally\s+)?(?:left\s+)?blank)"
    r")",
    re.IGNORECASE,
)


def ends_body(raw: str) -> bool:
    return bool(_END.match(raw))
