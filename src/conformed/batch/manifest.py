"""The manifest of a batch: per agreement its base, its amendments (in any order: their
dates decide), its attachments and an optional ``as_of`` date.

Three forms, because portfolios arrive in all three:

- CSV with a header: ``id,base,amendments,attachments,as_of``; several amendments are
  separated by ``;``, attachments are ``Exhibit A=FILE;Schedule 2=FILE``.
- YAML: a list (or ``agreements:``) of mappings with the same keys; ``amendments`` a list,
  ``attachments`` a mapping.
- A folder with one sub-folder per agreement: the file named ``base`` (any suffix) is the
  base, every other .txt/.md/.docx an amendment, files in ``attachments/`` attachments
  named by their stem ("Exhibit 6.11.txt").

Paths are relative to the manifest's folder.  An id becomes a folder name, so it is kept
to letters, digits, ``.``, ``_`` and ``-``; two agreements may not share one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..io.files import read_text
from ..io.yamlfile import load_yaml

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".docx")
MAX_AGREEMENTS = 100_000


class ManifestError(UsageError):
    """The manifest cannot be read as a list of agreements."""


@dataclass(frozen=True)
class Entry:
    id: str
    base: Path
    amendments: tuple[Path, ...]
    attachments: tuple[tuple[str, Path], ...] = ()
    as_of: dt.date | None = None


def read_manifest(path: Path, *, besides: Path | None = None) -> list[Entry]:
    """The agreements a manifest lists, in its order; every problem names the row.
    ``besides`` is the output folder, never an agreement of a folder manifest."""
    if path.is_dir():
        entries = _from_folder(path, besides)
    elif path.suffix.lower() in (".yaml", ".yml"):
        entries = _from_rows(_yaml_rows(read_text(path), path), path.parent, path.name)
    elif path.suffix.lower() == ".csv":
        entries = _from_rows(_csv_rows(read_text(path)), path.parent, path.name)
    else:
        raise ManifestError(f"{path}: a manifest is a .csv or .yaml file, or a folder")
    if not entries:
        raise ManifestError(f"{path}: the manifest lists no agreement")
    if len(entries) > MAX_AGREEMENTS:
        raise ManifestError(f"{path}: more than {MAX_AGREEMENTS:,} agreements; split it")
    seen: dict[str, int] = {}
    for n, entry in enumerate(entries, 1):
        if entry.id in seen:
            raise ManifestError(
                f"{path}: agreements {seen[entry.id]} and {n} share the id {entry.id!r}"
            )
        seen[entry.id] = n
    return entries


def _csv_rows(text: str) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "base" not in reader.fieldnames:
        raise ManifestError("the CSV manifest needs a header with at least a 'base' column")
    return [
        {
            "id": row.get("id") or "",
            "base": row.get("base") or "",
            "amendments": _split(row.get("amendments") or ""),
            "attachments": dict(_pair(p) for p in _split(row.get("attachments") or "")),
            "as_of": row.get("as_of") or None,
        }
        for row in reader
    ]


def _yaml_rows(text: str, path: Path) -> list[dict[str, Any]]:
    data = load_yaml(text, path)
    if isinstance(data, dict):
        data = data.get("agreements")
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ManifestError("the YAML manifest is a list of agreements (base, amendments, ...)")
    return data


def _from_rows(rows: list[dict[str, Any]], home: Path, name: str) -> list[Entry]:
    out = []
    for n, row in enumerate(rows, 1):
        where = f"{name}, agreement {n}"
        base = row.get("base")
        if not isinstance(base, str) or not base.strip():
            raise ManifestError(f"{where}: no base agreement")
        amendments = row.get("amendments") or []
        if isinstance(amendments, str):
            amendments = _split(amendments)
        if not isinstance(amendments, list) or not amendments:
            raise ManifestError(f"{where}: no amendments")
        attachments = row.get("attachments") or {}
        if isinstance(attachments, list):
            attachments = dict(_pair(str(a)) for a in attachments)
        if not isinstance(attachments, dict):
            raise ManifestError(f"{where}: attachments are 'Exhibit A: FILE' pairs")
        out.append(
            Entry(
                id=safe_id(str(row.get("id") or Path(base).stem), n),
                base=home / base.strip(),
                amendments=tuple(home / str(a).strip() for a in amendments),
                attachments=tuple((str(k), home / str(v)) for k, v in attachments.items()),
                as_of=_date(row.get("as_of"), where),
            )
        )
    return out


def _from_folder(folder: Path, besides: Path | None) -> list[Entry]:
    out = []
    skip = besides.resolve() if besides is not None else None
    subs = sorted(p for p in folder.iterdir() if p.is_dir() and p.resolve() != skip)
    for n, sub in enumerate(subs, 1):
        documents = sorted(
            p for p in sub.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
        )
        bases = [p for p in documents if p.stem.lower() == "base"]
        if len(bases) != 1:
            raise ManifestError(f"{sub}: one file named base (.txt, .md or .docx) is needed")
        attached = sub / "attachments"
        attachments = (
            tuple((p.stem, p) for p in sorted(attached.iterdir()) if p.is_file())
            if attached.is_dir()
            else ()
        )
        amendments = tuple(p for p in documents if p != bases[0])
        if not amendments:
            raise ManifestError(f"{sub}: no amendments beside the base")
        out.append(Entry(safe_id(sub.name, n), bases[0], amendments, attachments))
    return out


def safe_id(text: str, n: int) -> str:
    """An id that is one plain folder name, never a path."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._")[:100]
    return cleaned or f"agreement-{n}"


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _pair(spec: str) -> tuple[str, str]:
    name, sep, path = spec.partition("=")
    if not sep or not name.strip() or not path.strip():
        raise ManifestError(f"an attachment is 'Exhibit A=FILE', not {spec!r}")
    return name.strip(), path.strip()


def _date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ManifestError(f"{where}: as_of is a date (YYYY-MM-DD), not {value!r}") from None
