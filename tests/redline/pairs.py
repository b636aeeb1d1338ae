"""Redlines of the corpus: each base against its conformed copy, as objects and as read from text."""

from __future__ import annotations

from dataclasses import dataclass

from conformed import consolidate, read_amendment, read_document, render_document
from conformed.document import Document
from conformed.io.text import read_text_document
from helpers import ATTACHMENTS, CORPUS, GOLDEN

DATE = "2024-05-01T09:30:00Z"
AUTHOR = "Test Reviewer"


@dataclass(frozen=True)
class Pair:
    name: str
    old: Document
    new: Document  # the conformed copy (mode "uid") or that copy written and read back ("file")


def _conformed(base_path: str, amendment_path: str) -> tuple[Document, Document]:
    base = read_document(CORPUS / base_path)
    attach = {
        name: (CORPUS / path).read_text()
        for name, path in ATTACHMENTS.get(amendment_path, {}).items()
    }
    result = consolidate(base, [read_amendment(CORPUS / amendment_path)], attachments=attach)
    return base, result.document


_CACHE: dict[tuple[str, str], Pair] = {}


def corpus_pair(expected: str, mode: str) -> Pair:
    key = (expected, mode)
    if key not in _CACHE:
        base_path, amendment_path, _ = next(g for g in GOLDEN if g[2] == expected)
        base, new = _conformed(base_path, amendment_path)
        if mode == "file":
            new = read_text_document(render_document(new, "text"), name="conformed.txt")
        _CACHE[key] = Pair(f"{expected.split('/')[-1]}-{mode}", base, new)
    return _CACHE[key]


CASES = [(g[2], mode) for g in GOLDEN for mode in ("uid", "file")]
CORPUS_FOUR = [g[2] for g in GOLDEN if g[0].startswith("bases/")]
