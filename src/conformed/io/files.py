"""Reading input files defensively and writing outputs atomically.

Inputs are never modified.  Outputs go to a temporary file in the same folder
and are renamed into place, so a failed run never leaves half a file behind.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError, UsageError


def decode(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8 first, then Windows-1252 (common in EDGAR files)."""
    for bom, codec in _BOMS:  # UTF-16 and UTF-32 carry zero bytes: read them by their mark
        if data.startswith(bom):
            try:
                data = data[len(bom) :].decode(codec).encode("utf-8")
            except UnicodeDecodeError:
                raise InputError(
                    f"{name}: marked as {codec.upper()} but not valid {codec.upper()}"
                ) from None
            break
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if b"\x00" in data[:4096] or data[:4] in (b"PK\x03\x04", b"%PDF"):
        raise InputError(f"{name}: not a text file (binary content)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# The largest input read, in bytes: a 1,000,000-word agreement is about 7 MB of text.
# conformed --max-input-mb N raises it.
MAX_INPUT_MB = 64
_limit = [MAX_INPUT_MB * 1024 * 1024]


def set_input_limit(megabytes: int) -> None:
    _limit[0] = megabytes * 1024 * 1024


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file, at most the input limit: never a FIFO, a device or
    /dev/zero read until memory runs out."""
    path = Path(path)
    irregular = InputError(f"{path}: not a regular file (a folder, FIFO or device)")
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before opening: a FIFO would block
            raise irregular
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):  # replaced between the two looks
                raise irregular
            if st.st_size > _limit[0]:
                raise InputError(_too_large(path))
            data = fh.read(_limit[0] + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > _limit[0]:
        raise InputError(_too_large(path))
    return data


def _too_large(path: Path) -> str:
    mb = _limit[0] // (1024 * 1024)
    return f"{path}: larger than the input limit of {mb} MB (conformed --max-input-mb N raises it)"


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def read_text(path: str | Path) -> str:
    return decode(read_bytes(path), str(path))


def check_outputs(inputs: Iterable[str | Path], outputs: Iterable[str | Path | None]) -> None:
    """Refuse, before any work, an output that would destroy something: one that is an
    input (or a link to it), two outputs naming the same file, or an output path that
    holds a symbolic link, a FIFO, a device or a folder."""
    held: dict[tuple[int, int] | None, Path] = {}
    for p in inputs:
        if (key := _identity(Path(p))) is not None:
            held[key] = Path(p)
    seen: dict[str, Path] = {}
    for out in (Path(o) for o in outputs if o is not None):
        _writable_kind(out)
        _writable_place(out)
        same = held.get(_identity(out))
        if same is not None:
            raise UsageError(
                f"{out}: that is the input {same}; conformed never writes over an input"
            )
        real = os.path.realpath(out)
        if real in seen:
            raise UsageError(f"{out} and {seen[real]} are the same file; give each output its own")
        seen[real] = out


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _writable_place(path: Path) -> None:
    """The output's folder, or the nearest one that exists, must take a new file: found
    out before the work, not after the first of several outputs is written."""
    if path.exists() and not os.access(path, os.W_OK):
        raise UsageError(f"{path}: cannot write (permission denied)")
    folder = path.absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{path}: cannot write in {folder}")


def _writable_kind(path: Path) -> None:
    try:
        st = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UsageError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    if stat.S_ISLNK(st.st_mode):
        raise UsageError(f"{path} is a symbolic link; conformed never writes through one")
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(f"{path} is not a regular file (a folder, FIFO or device); not written")


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place, with the
    permissions the user's umask gives a new file (or those of the file replaced)."""
    write_all([(Path(path), data)])


def write_all(outputs: list[tuple[Path, str | bytes]]) -> None:
    """Several outputs of one run, all or none: every one is written to a temporary file
    beside its target first, and only when all of them are written are they renamed
    into place; a failure (or SIGINT, SIGTERM) on the way removes them all."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in outputs:
            staged.append((_stage(path, data), path))
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException as exc:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        if isinstance(exc, OSError):
            raise UsageError(f"cannot write ({exc.strerror or exc})") from exc
        raise


def _stage(path: Path, data: str | bytes) -> str:
    """``data`` in a temporary file beside ``path``, with the permissions ``path`` will have."""
    _writable_kind(path)
    if not path.parent.exists():
        try:
            path.parent.mkdir(parents=True)
        except OSError as exc:
            raise UsageError(
                f"{path.parent}: cannot create folder ({exc.strerror or exc})"
            ) from exc
        print(f"conformed: created folder {path.parent}", file=sys.stderr)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, _mode_for(path))
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)  # replacing a file: keep its permissions
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
