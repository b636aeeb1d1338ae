"""Careless and hostile paths: an output that would destroy an input or another output, or
that is not a regular file, is refused before any work; inputs are regular files of a
bounded size.  Each case runs the command as a user would and checks what is on disk."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import conformed.io.files as files
from conformed.cli import main
from conformed.errors import UsageError
from helpers import CORPUS

BASE = CORPUS / "bases" / "kopyt_severance_2002.txt"
AMENDMENT = CORPUS / "amendments" / "000_kopyt_severance_amendment_1.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(BASE, tmp_path / "base.txt")
    shutil.copy(AMENDMENT, tmp_path / "amendment.txt")
    return tmp_path


def _apply(folder: Path, *extra: str) -> int:
    return main(["apply", str(folder / "base.txt"), str(folder / "amendment.txt"), *extra])


@pytest.mark.parametrize(
    "options",
    [
        ["-o", "{base}"],
        ["-o", "{amendment}"],
        ["-o", "{out}", "--report", "{base}"],
        ["-o", "{out}", "--redline", "{amendment}"],
        ["-o", "{out}", "--report", "{out}"],
    ],
    ids=[
        "output-is-base",
        "output-is-amendment",
        "report-is-base",
        "redline-is-input",
        "two-outputs",
    ],
)
def test_an_output_that_would_destroy_a_file_is_refused(
    folder: Path, options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    names = {
        "base": folder / "base.txt",
        "amendment": folder / "amendment.txt",
        "out": folder / "out.txt",
    }
    assert _apply(folder, *(o.format(**names) for o in options)) == 2
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing written
    assert "conformed:" in capsys.readouterr().err


def test_a_hard_link_to_the_base_is_the_base(folder: Path) -> None:
    os.link(folder / "base.txt", folder / "alias.txt")
    assert _apply(folder, "-o", str(folder / "alias.txt")) == 2
    assert (folder / "base.txt").read_bytes() == BASE.read_bytes()


def test_a_symbolic_link_at_the_output_is_never_written_through(folder: Path) -> None:
    target = folder / "elsewhere.txt"
    target.write_text("keep me\n")
    (folder / "out.txt").symlink_to(target)
    assert _apply(folder, "-o", str(folder / "out.txt")) == 2
    assert target.read_text() == "keep me\n"
    assert (folder / "out.txt").is_symlink()


def test_a_fifo_is_neither_an_output_nor_an_input(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")
    assert _apply(folder, "-o", str(folder / "pipe.txt")) == 2
    # refused, not read until a writer closes it (in a subprocess: a regression would block)
    done = subprocess.run(
        [sys.executable, "-m", "conformed", "parse", str(folder / "pipe.txt")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert stat.S_ISFIFO(os.lstat(folder / "pipe.txt").st_mode)


def test_dev_zero_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "/dev/zero"]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_an_input_over_the_limit_is_refused_and_the_limit_can_be_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "amendment.txt"
    text = AMENDMENT.read_text(encoding="utf-8", errors="replace")
    big.write_text(text + "\n" + "Nothing here. " * 90_000, encoding="utf-8")  # about 1.3 MB
    try:
        assert main(["--max-input-mb", "1", "parse", str(big)]) == 2
        assert "larger than the input limit of 1 MB" in capsys.readouterr().err
        assert main(["--max-input-mb", "2", "parse", str(big)]) in (0, 1)  # read and parsed
    finally:
        files.set_input_limit(files.MAX_INPUT_MB)  # the limit is the process's: restore it


def test_outputs_take_the_users_umask_and_a_new_folder_is_announced(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = os.umask(0o022)
    try:
        out = folder / "new" / "conformed.txt"
        assert _apply(folder, "-o", str(out), "--allow-partial") in (0, 1)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert f"created folder {out.parent}" in capsys.readouterr().err


def test_an_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(*_: object) -> None:
        raise SystemExit(143)  # what SIGTERM raises in the command (cli._terminated)

    monkeypatch.setattr(files.os, "replace", killed)
    with pytest.raises(SystemExit):
        files.atomic_write(tmp_path / "out.txt", "text")
    assert list(tmp_path.iterdir()) == []


def test_utf16_input_is_read_by_its_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "amendment.txt"
    path.write_bytes(AMENDMENT.read_text(encoding="utf-8", errors="replace").encode("utf-16"))
    assert files.read_text(path).startswith(AMENDMENT.read_text(encoding="utf-8")[:40])


def test_redline_refuses_to_write_over_its_input(folder: Path) -> None:
    args = ["redline", str(folder / "base.txt"), str(folder / "amendment.txt")]
    assert main([*args, "--format", "md", "-o", str(folder / "base.txt")]) == 2
    assert (folder / "base.txt").read_bytes() == BASE.read_bytes()


def test_outputs_of_one_run_are_written_all_or_none(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("a file, not a folder\n")
    good, bad = tmp_path / "conformed.txt", tmp_path / "plain.txt" / "redline.html"
    with pytest.raises(UsageError):
        files.write_all([(good, "conformed copy"), (bad, "<html></html>")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain.txt"]  # no copy, no temp


def test_an_output_folder_that_cannot_be_made_is_refused_before_any_work(folder: Path) -> None:
    (folder / "plain.txt").write_text("a file, not a folder\n")
    bad = folder / "plain.txt" / "redline.html"
    assert _apply(folder, "-o", str(folder / "out.txt"), "--redline", str(bad)) == 2
    assert not (folder / "out.txt").exists()
