"""Shared test helpers: paths, YAML case loading, word-level comparison."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
TESTS = ROOT / "tests"


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def words(text: str) -> list[str]:
    return text.split()


def word_diff(got: str, want: str) -> str:
    """A short, readable account of where two texts differ word-wise ('' if equal)."""
    import difflib

    a, b = words(got), words(want)
    if a == b:
        return ""
    out = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            out.append(f"{op}: got {' '.join(a[i1:i2])!r} want {' '.join(b[j1:j2])!r}")
    return "\n".join(out[:10])


# The golden cases: base, amendment, expected conformed copy and stale references.
GOLDEN = [
    (
        "bases/kopyt_severance_2002.txt",
        "amendments/000_kopyt_severance_amendment_1.txt",
        "expected/kopyt_severance_2002",
    ),
    (
        "bases/xxxxx_termination_benefits_1997.txt",
        "amendments/003_xxxxx_termination_benefits_amendment_1.txt",
        "expected/xxxxx_termination_benefits_1997",
    ),
    (
        "bases/kopyt_termination_benefits_1997.txt",
        "amendments/004_kopyt_termination_benefits_amendment_1.txt",
        "expected/kopyt_termination_benefits_1997",
    ),
    (
        "variants/severance_variant.base.txt",
        "amendments/000_kopyt_severance_amendment_1.txt",
        "variants/severance_variant",
    ),
    (
        "variants/termination_variant.base.txt",
        "amendments/004_kopyt_termination_benefits_amendment_1.txt",
        "variants/termination_variant",
    ),
    (
        "variants/severance_v3.base.txt",
        "amendments/000_kopyt_severance_amendment_1.txt",
        "variants/severance_v3",
    ),
    (
        "variants/termination_v4.base.txt",
        "amendments/004_kopyt_termination_benefits_amendment_1.txt",
        "variants/termination_v4",
    ),
    (
        "bases/loan_agreement_2002.txt",
        "amendments/002_loan_fourth_amendment.txt",
        "expected/loan_agreement_2002",
    ),
    (
        "variants/loan_variant.base.txt",
        "amendments/002_loan_fourth_amendment.txt",
        "variants/loan_variant",
    ),
    (  # the same agreement laid out with centred ARTICLE headings over its Sections
        "variants/loan_articles.base.txt",
        "amendments/002_loan_fourth_amendment.txt",
        "variants/loan_articles",
    ),
]

# Attachments an amendment restates exhibits in (conformed apply --attach).
ATTACHMENTS = {
    "amendments/002_loan_fourth_amendment.txt": {
        "Exhibit 6.11": "attachments/loan_exhibit_6_11_2004.txt"
    },
}


MEMORY_LIMIT = 1024 * 1024 * 1024  # what a hostile input may cost, in bytes of address space


def run_limited(*args: str, timeout: float = 60) -> Any:
    """``python -m conformed ARGS`` in a subprocess held to MEMORY_LIMIT and ``timeout``:
    a regression on a hostile input fails the test instead of taking the machine down."""
    import resource
    import subprocess
    import sys

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return subprocess.run(
        [sys.executable, "-m", "conformed", *args],
        capture_output=True, text=True, timeout=timeout, preexec_fn=limit,
    )  # fmt: skip


def rezip(data: bytes, change: Any) -> bytes:
    """A .docx (any zip) with each part passed through ``change(name, data) -> data``:
    how the hostile and damaged packages of the tests are built."""
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, change(info.filename, src.read(info.filename)))
    return out.getvalue()


def small_docx(change: Any = None) -> bytes:
    """A two-paragraph agreement as a .docx, each part passed through ``change`` (see
    ``rezip``): the base of the hostile packages the tests build."""
    import io

    import docx

    out = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("1. Term. This Agreement runs for two years.")
    d.add_paragraph("2. Price. Each crate costs forty dollars.")
    d.save(out)
    return rezip(out.getvalue(), change) if change else out.getvalue()


def zip_bomb(name: str, data: bytes) -> bytes:
    """For ``small_docx``: 64 MB of blanks in the document part, deflating to a few dozen KB."""
    if name == "word/document.xml":
        return data.replace(b"<w:body>", b"<w:body>" + b" " * (64 * 1024 * 1024), 1)
    return data
