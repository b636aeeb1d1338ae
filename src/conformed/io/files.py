"""Reading input files defensively and writing outputs atomically.

Inputs are never modified.  Outputs go to a temporary file in the same folder
and are renamed into place, so a failed run never leaves half a file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import InputError


def decode(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8 first, then Windows-1252 (common in EDGAR files)."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if b"\x00" in data[:4096] or data[:4] in (b"PK\x03\x04", b"%PDF"):
        raise InputError(f"{name}: not a text file (binary content)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(path: str | Path) -> str:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return decode(data, str(path))


def atomic_write(path: str | Path, data: str | bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
