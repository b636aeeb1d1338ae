"""Hostile .docx files, built on the fly: each is refused with a message and exit 2, in a
subprocess held to 1 GB of memory and a minute, so a regression fails instead of taking
the machine down."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from helpers import rezip, run_limited, small_docx, zip_bomb

LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    + "]>"
)


def _laughs(name: str, data: bytes) -> bytes:
    if name == "word/document.xml":
        data = data.replace(b"?>", b"?>" + LAUGHS.encode(), 1)
        return data.replace(b"two years", b"&i;", 1)
    return data


def _truncated(name: str, data: bytes) -> bytes:
    return data[:-40] if name == "word/document.xml" else data


def _outline(path: Path) -> subprocess.CompletedProcess[str]:
    done: subprocess.CompletedProcess[str] = run_limited("outline", str(path))
    return done


@pytest.mark.parametrize(
    "change, message",
    [
        (zip_bomb, "zip bomb"),
        (_laughs, "not well-formed XML"),
        (_truncated, "not well-formed XML"),
    ],
    ids=["zip-bomb", "billion-laughs", "truncated-xml"],
)
def test_a_hostile_package_is_refused_in_bounded_memory(
    tmp_path: Path, change: Callable[[str, bytes], bytes], message: str
) -> None:
    path = tmp_path / "hostile.docx"
    path.write_bytes(small_docx(change))
    done = _outline(path)
    assert done.returncode == 2, done.stderr[-500:]
    assert message in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("start", ["one", "9" * 5000, "2000000000", "-4"])
def test_numbering_values_out_of_bounds_are_read_as_absent(tmp_path: Path, start: str) -> None:
    """A list whose w:start is not a number Word allows is counted from 1, never trusted."""
    d = docx.Document()
    d.add_paragraph("Term. This Agreement runs for two years.", style="List Number")
    d.add_paragraph("Price. Each crate costs forty dollars.", style="List Number")
    path = tmp_path / "numbered.docx"
    d.save(path)

    def with_start(name: str, data: bytes) -> bytes:
        if name != "word/numbering.xml":
            return data
        return data.replace(b'<w:start w:val="1"/>', f'<w:start w:val="{start}"/>'.encode())

    bad = tmp_path / "bad.docx"
    bad.write_bytes(rezip(path.read_bytes(), with_start))
    done = _outline(bad)
    assert done.returncode == 0, done.stderr[-500:]
    assert "1. Term." in done.stdout and "2. Price." in done.stdout


def test_a_package_without_its_numbering_relationship_reads_its_printed_labels() -> None:
    """A .docx whose relationship to its numbering part is missing (python-docx raises
    NotImplementedError for it): nothing is numbered, the labels printed in the text are
    read; found by the damaged-package fuzz test (a flipped byte in the relationship)."""
    from conformed.io.docx_reader import read_docx_document

    def without_numbering(name: str, data: bytes) -> bytes:
        if name != "word/_rels/document.xml.rels":
            return data
        return re.sub(
            rb'<Relationship Id="\w+" Type="[^"]*/numbering" Target="numbering.xml"/>', b"", data
        )

    damaged = small_docx(without_numbering)
    assert b'numbering.xml"/>' not in zipfile.ZipFile(io.BytesIO(damaged)).read(
        "word/_rels/document.xml.rels"
    )
    doc = read_docx_document(damaged, name="damaged.docx")
    assert [(n.label_text, n.heading) for _, n in doc.walk()] == [("1.", "Term."), ("2.", "Price.")]
