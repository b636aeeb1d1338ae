"""PDF drafts: the .docx converted by LibreOffice, when it is installed.

The PDF is the Word document as LibreOffice lays it out, so the two never
disagree.  Each conversion runs ``soffice --headless`` with a throw-away user
profile: a profile shared with a running LibreOffice (or another conversion)
makes soffice exit at once without converting anything.  Starting soffice
costs a second or two, so a batch converts all its files in one run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import UsageError

INSTALL = "PDF needs LibreOffice: apt-get install -y libreoffice-writer-nogui"
TIMEOUT = 600.0  # seconds for one soffice run, however many files it converts


class PdfError(UsageError):
    """LibreOffice is missing or could not convert: the PDF cannot be made here (exit 2)."""


def soffice() -> str | None:
    """The LibreOffice command on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require() -> str:
    """The LibreOffice command, or the error that says how to install it."""
    found = soffice()
    if found is None:
        raise PdfError(INSTALL)
    return found


def convert(files: Sequence[Path], folder: Path, timeout: float = TIMEOUT) -> list[Path]:
    """Convert .docx files to PDFs named alike in ``folder``, in one soffice run."""
    command = require()
    if not files:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="conformed-soffice-") as profile:
        args = [
            command,
            f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *[str(f) for f in files],
        ]
        try:
            done = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice did not finish converting in {timeout:.0f} s") from None
        except OSError as exc:
            raise PdfError(f"cannot run {command}: {exc}") from None
    pdfs = [folder / f"{Path(f).stem}.pdf" for f in files]
    missing = [p.name for p in pdfs if not p.is_file()]
    if done.returncode or missing:
        said = (done.stderr or done.stdout).strip().splitlines()
        why = f": {said[-1]}" if said else ""
        what = ", ".join(missing) or "the files"
        raise PdfError(f"LibreOffice could not make {what} (exit {done.returncode}){why}")
    return pdfs


def docx_to_pdf(data: bytes, name: str = "draft") -> bytes:
    """One .docx's bytes as a PDF's bytes."""
    with tempfile.TemporaryDirectory(prefix="conformed-pdf-") as folder:
        source = Path(folder) / f"{name}.docx"
        source.write_bytes(data)
        (pdf,) = convert([source], Path(folder) / "pdf")
        return pdf.read_bytes()


def write_pdfs(drafts: dict[Path, bytes]) -> None:
    """Write each .docx's bytes as a PDF at its path, all in one soffice run.

    The .docx files and PDFs are made in a temporary folder beside the outputs
    and each PDF is renamed into place, so a failed run leaves no half files.
    """
    if not drafts:
        return
    require()
    by_folder: dict[Path, dict[Path, bytes]] = {}
    for path, data in drafts.items():
        by_folder.setdefault(path.parent, {})[path] = data
    for folder, group in by_folder.items():
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".conformed-pdf-", dir=folder) as work:
            sources = []
            for n, (path, data) in enumerate(group.items()):
                source = Path(work) / f"{n:05d}_{path.stem}.docx"
                source.write_bytes(data)
                sources.append(source)
            made = convert(sources, Path(work) / "pdf")
            for pdf, path in zip(made, group, strict=True):
                os.replace(pdf, path)
