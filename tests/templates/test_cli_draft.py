"""``conformed draft``: one executive to a file, many to a folder; exit codes; refusals."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conformed.cli import main
from helpers import CORPUS

EXECUTIVES = CORPUS / "executives"
KOPYT_TB = EXECUTIVES / "kopyt_termination_benefits.yaml"
TB_BASE = CORPUS / "bases" / "kopyt_termination_benefits_1997.txt"
SEV_BASE = CORPUS / "bases" / "kopyt_severance_2002.txt"


def run(*args: str | Path) -> int:
    return main(["draft", *[str(a) for a in args]])


def test_one_executive_drafts_a_checked_file(tmp_path: Path, capsys) -> None:
    out = tmp_path / "kopyt.txt"
    assert run("termination_benefits_409a", KOPYT_TB, "-o", out, "--check", TB_BASE) == 0
    assert "11. This Amendment No. 1 shall be effective" in " ".join(out.read_text().split())
    assert f"checked against {TB_BASE}" in capsys.readouterr().err


def test_markdown_output_quotes_new_text(tmp_path: Path) -> None:
    out = tmp_path / "kopyt.md"
    assert run("auto", KOPYT_TB, "-o", out) == 0
    text = out.read_text()
    assert text.startswith("**AMENDMENT NO. 1 TO LEON KOPYT'S")
    assert "\n1\\. Subsection 5(a) of the Termination Agreement" in text
    assert '\n> "(a) The Company shall pay' in text


def test_draft_that_fails_its_check_is_not_written(tmp_path: Path, capsys) -> None:
    out = tmp_path / "kopyt.txt"
    assert run("termination_benefits_409a", KOPYT_TB, "-o", out, "--check", SEV_BASE) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "FAILED  kopyt_termination_benefits.yaml:" in err
    assert "the data says the base has Sections 1 to 10; it has 1 to 14" in err
    assert "nothing written" in err


def test_invalid_data_exits_1_with_every_problem(tmp_path: Path, capsys) -> None:
    data = tmp_path / "exec.yaml"
    data.write_text(KOPYT_TB.read_text().replace("label_style: 5(b)", "label_style: 5b"))
    assert run("auto", data, "-o", tmp_path / "x.txt") == 1
    assert "unknown label style '5b'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no_such_form", KOPYT_TB, "-o", "x.txt"], "no such template file"),
        (["auto", "missing.yaml", "-o", "x.txt"], "cannot read"),
        (["auto", KOPYT_TB, "-o", "x.rtf"], "cannot tell the output format"),
        (["auto", KOPYT_TB, "-o", "x.txt", "--check", "no_base.txt"], "no_base.txt: cannot read"),
        (
            ["auto", EXECUTIVES / "executives.csv", "-o", "out/", "--check", TB_BASE],
            "--check BASE takes one executive",
        ),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, capsys, monkeypatch, args, message) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(*args) == 2
    assert message in capsys.readouterr().err


def test_batch_writes_good_rows_and_names_the_bad_one(tmp_path: Path, capsys) -> None:
    shutil.copytree(CORPUS / "bases", tmp_path / "bases")
    (tmp_path / "data").mkdir()
    lines = (EXECUTIVES / "executives.csv").read_text().splitlines()
    assert lines[5].startswith("ferreira_severance,") and lines[5].endswith(",9")
    lines[5] = lines[5].removesuffix(",9") + ",10"  # the forfeiture Section is the Release
    (tmp_path / "data" / "executives.csv").write_text("\n".join(lines) + "\n")
    out = tmp_path / "drafts"
    assert run("auto", tmp_path / "data" / "executives.csv", "-o", out) == 1
    written = sorted(p.name for p in out.iterdir())
    assert written == [
        "kopyt_severance.txt",
        "kopyt_termination_benefits.txt",
        "whitlock_termination_benefits.txt",
        "xxxxx_termination_benefits.txt",
    ]
    err = capsys.readouterr().err
    assert "[##############################] 5/5" in err
    assert "drafted 4 of 5 into" in err and "1 failed:" in err
    assert (
        'executives.csv row 6 (ferreira_severance): item 8 cites Section 10 as the provision about "Forfeiture"'
        in err
    )


def test_a_batch_drafted_by_worker_processes_is_the_batch_drafted_here(tmp_path: Path) -> None:
    shutil.copytree(CORPUS / "bases", tmp_path / "bases")
    table = EXECUTIVES / "executives.csv"
    assert run("auto", table, "-o", tmp_path / "one", "--jobs", "1") == 0
    assert run("auto", table, "-o", tmp_path / "two", "--jobs", "2") == 0
    one = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert len(one) == 5 and one == sorted(p.name for p in (tmp_path / "two").iterdir())
    for name in one:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
