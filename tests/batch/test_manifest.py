"""Manifests: CSV, YAML and a folder read to the same agreements; every problem named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conformed.batch import ManifestError, read_manifest


def _files(tmp: Path, *names: str) -> None:
    for name in names:
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / name).write_text("x")


def test_csv_yaml_and_folder_name_the_same_agreement(tmp_path: Path) -> None:
    _files(tmp_path, "a/base.txt", "a/second.txt", "a/first.md", "a/attachments/Exhibit B.txt")
    (tmp_path / "m.csv").write_text(
        "id,base,amendments,attachments,as_of\n"
        "a,a/base.txt,a/second.txt;a/first.md,Exhibit B=a/attachments/Exhibit B.txt,2020-01-31\n"
    )
    (tmp_path / "m.yaml").write_text(
        "agreements:\n"
        "  - id: a\n    base: a/base.txt\n    amendments: [a/second.txt, a/first.md]\n"
        "    attachments: {Exhibit B: a/attachments/Exhibit B.txt}\n    as_of: 2020-01-31\n"
    )
    csv_entry, yaml_entry = (
        read_manifest(tmp_path / "m.csv")[0],
        read_manifest(tmp_path / "m.yaml")[0],
    )
    assert csv_entry == yaml_entry
    assert csv_entry.as_of == dt.date(2020, 1, 31)
    assert csv_entry.attachments == (("Exhibit B", tmp_path / "a/attachments/Exhibit B.txt"),)
    folder = read_manifest(tmp_path)[0]
    assert folder.id == "a" and folder.base == tmp_path / "a/base.txt"
    assert set(folder.amendments) == {tmp_path / "a/second.txt", tmp_path / "a/first.md"}
    assert folder.attachments == csv_entry.attachments


def test_an_id_is_a_folder_name_never_a_path(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text(
        "id,base,amendments\n../../etc/passwd,b.txt,a.txt\n,Harbour Lease.txt,a.txt\n"
    )
    ids = [e.id for e in read_manifest(tmp_path / "m.csv")]
    assert ids == ["etc_passwd", "Harbour_Lease"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("id,base,amendments\nx,b.txt,\n", "agreement 1: no amendments"),
        ("id,amendments\nx,a.txt\n", "'base' column"),
        ("id,base,amendments\nx,b.txt,a.txt\nx,c.txt,a.txt\n", "share the id 'x'"),
        ("id,base,amendments,as_of\nx,b.txt,a.txt,31/01/2020\n", "as_of is a date"),
        ("id,base,amendments,attachments\nx,b.txt,a.txt,Exhibit B\n", "Exhibit A=FILE"),
        ("id,base,amendments\n", "lists no agreement"),
    ],
)
def test_a_broken_manifest_says_why(tmp_path: Path, text: str, why: str) -> None:
    (tmp_path / "m.csv").write_text(text)
    with pytest.raises(ManifestError, match=why):
        read_manifest(tmp_path / "m.csv")


def test_a_folder_needs_one_base_per_agreement(tmp_path: Path) -> None:
    _files(tmp_path, "a/agreement.txt", "a/amendment.txt")
    with pytest.raises(ManifestError, match="one file named base"):
        read_manifest(tmp_path)
