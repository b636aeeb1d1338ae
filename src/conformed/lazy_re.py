"""Regular expressions compiled when first used, not when their module is imported.

Why: the package holds over 300 module-level patterns, and ``conformed parse`` of a short
amendment uses about a hundred of them.  Compiling the others cost about 50 ms of every
command's start (``benchmarks/batch.py``'s start-up rows; issue 13).  A pattern made here
is compiled the first time any of its attributes is read; from then on its methods are
the compiled pattern's own bound methods, kept on the object, so a search costs what it
costs on a pattern from ``re.compile``.

For module-level constants, used through their methods: ``re`` functions given one
(``re.sub(P, ...)``) refuse it, as they refuse any object that is not a compiled pattern;
and a match's ``.re`` is the compiled pattern, never the lazy one, so ``m.re is P`` is
always false (tell a match's pattern by its groups instead).
"""

from __future__ import annotations

import re
from typing import Any, cast

_BOUND = (
    "search", "match", "fullmatch", "sub", "subn", "split", "finditer", "findall", "scanner",
    "pattern", "flags", "groups", "groupindex",
)  # fmt: skip


class _Lazy:
    """Holds the source until an attribute is first asked for (``__getattr__`` is only
    called for attributes the object does not have yet)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)  # copy/pickle probes, and a half-built object
        compiled = re.compile(*self._source)
        for attr in _BOUND:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_re({self._source[0]!r}, {self._source[1]})"


def lazy_re(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _Lazy(pattern, int(flags)))
