"""Uploads: kept in the request's own temporary folder under names the page chooses.

A user's file name is shown back to the user (escaped) and names the downloads
(reduced to letters and digits), but never becomes a path: the files here are
``base.docx``, ``amendment-1.txt`` ... with a suffix from a closed list.  Sizes are
bounded twice: the whole request by ``limit.BodyLimit``, each file by the command
line's input limit when it is read.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath

from starlette.datastructures import FormData, UploadFile

from ..errors import InputError

DOCUMENTS = (".txt", ".md", ".docx")
TEXTS = (".txt", ".md")
MAX_FILES = 20
MAX_NAME = 120  # characters of a file name shown back


@dataclass(frozen=True)
class Saved:
    """An upload kept in the request's folder: where, and what its user called it."""

    file: str  # the name in the folder, chosen here
    name: str  # the user's file name, for display only


def new_folder() -> Path:
    """A folder for one request's uploads; whoever holds it removes it (``remove_folder``)."""
    return Path(tempfile.mkdtemp(prefix="conformed-web-"))


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def request_folder() -> Iterator[Path]:
    """A folder for one request's uploads, removed when the request is answered."""
    folder = new_folder()
    try:
        yield folder
    finally:
        remove_folder(folder)


def display_name(upload: UploadFile) -> str:
    """The user's file name, its folders and control characters dropped."""
    raw = PurePath((upload.filename or "").replace("\\", "/")).name
    name = re.sub(r"[\x00-\x1f\x7f]", "", raw).strip()
    return name[:MAX_NAME] or "unnamed"


def uploads(form: FormData, field: str) -> list[UploadFile]:
    """The files sent under ``field``: an empty file input sends a nameless part."""
    return [u for u in form.getlist(field) if isinstance(u, UploadFile) and u.filename]


async def save(
    upload: UploadFile, folder: Path, stem: str, suffixes: tuple[str, ...], what: str
) -> Saved:
    """Keep one upload as ``stem`` + its suffix, if the suffix is one ``what`` may have."""
    name = display_name(upload)
    suffix = PurePath(name).suffix.lower()
    if suffix not in suffixes:
        allowed = ", ".join(suffixes)
        raise InputError(f"{name}: {what} must be a {allowed} file")
    file = f"{stem}{suffix}"
    with open(folder / file, "wb") as out:
        while chunk := await upload.read(1 << 20):
            out.write(chunk)
    return Saved(file, name)


async def save_one(
    form: FormData, field: str, folder: Path, stem: str, suffixes: tuple[str, ...], what: str
) -> Saved:
    found = uploads(form, field)
    if len(found) != 1:
        raise InputError(f"choose one file for {what}")
    return await save(found[0], folder, stem, suffixes, what)


async def save_many(
    form: FormData, field: str, folder: Path, stem: str, suffixes: tuple[str, ...], what: str
) -> list[Saved]:
    found = uploads(form, field)
    if len(found) > MAX_FILES:
        raise InputError(f"at most {MAX_FILES} files for {what}")
    return [await save(u, folder, f"{stem}-{n}", suffixes, what) for n, u in enumerate(found, 1)]


def text_field(form: FormData, field: str, limit: int = 200) -> str:
    value = form.get(field)
    text = value.strip() if isinstance(value, str) else ""
    if len(text) > limit:
        raise InputError(f"{field}: at most {limit} characters")
    return text
