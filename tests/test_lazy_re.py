"""Patterns compiled on first use: the same answers as ``re.compile``, and no pattern of the
package left to fail only when some rare document first reaches it."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import conformed
from conformed.lazy_re import _Lazy, lazy_re


def test_not_compiled_until_used_then_answers_as_re_compile() -> None:
    pattern = lazy_re(r"Section\s+(?P<label>\d+(?:\.\d+)*)", re.IGNORECASE)
    assert "search" not in vars(pattern)  # nothing compiled at import
    text = "Reference is made to SECTION 4.2 and to Section 7."
    plain = re.compile(r"Section\s+(?P<label>\d+(?:\.\d+)*)", re.IGNORECASE)
    got = pattern.search(text)
    assert got is not None and got["label"] == "4.2"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert pattern.match(text, 21) is not None and pattern.match(text) is None
    assert pattern.sub("§", text) == plain.sub("§", text)
    assert pattern.pattern == plain.pattern and pattern.flags == plain.flags
    assert pattern.groupindex == {"label": 1}


def test_a_broken_pattern_fails_when_first_used() -> None:
    pattern = lazy_re(r"Section (\d+")
    with pytest.raises(re.error):
        pattern.search("Section 4")


def _modules() -> list[str]:
    found = pkgutil.walk_packages(conformed.__path__, "conformed.")
    return [m.name for m in found if not m.name.endswith("__main__")]


def test_every_pattern_of_the_package_compiles() -> None:
    """A typo in a pattern no test's document reaches would otherwise surface only on a
    user's document; here every module-level lazy pattern is compiled."""
    seen = 0
    for name in _modules():
        module = importlib.import_module(name)
        for value in list(vars(module).values()):
            if isinstance(value, _Lazy):
                assert value.groups >= 0  # compiled now, or re.error raised
                assert "search" in vars(value)
                seen += 1
    assert seen > 300
