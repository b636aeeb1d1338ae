"""Hostile drafting input: an alias bomb in the data, a template that asks for a huge
value, endless loops or endless output, an id too long to name a file.  Each is a
message for that draft or that file, never an exhausted machine or a lost batch."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from conformed.cli import main
from conformed.templates import DraftTemplateError, load_rows, render, sandbox
from helpers import CORPUS, run_limited

KOPYT_TB = CORPUS / "executives" / "kopyt_termination_benefits.yaml"

ALIAS_BOMB = (
    "".join(
        f"{chr(97 + i)}: &{chr(97 + i)} ["
        + ", ".join([f"*{chr(96 + i)}"] * 10 if i else ['"x"'] * 10)
        + "]\n"
        for i in range(9)
    )
    + "name: *i\n"
)


def test_a_yaml_alias_bomb_is_refused_before_it_is_built(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(ALIAS_BOMB)
    done = run_limited("draft", "severance_409a", str(path), "-o", str(tmp_path / "d.txt"))
    assert done.returncode == 2, done.stderr[-400:]
    assert "alias bomb" in done.stderr and "Traceback" not in done.stderr


def test_ordinary_aliases_are_read(tmp_path: Path) -> None:
    path = tmp_path / "aliased.yaml"
    text = KOPYT_TB.read_text().replace("effective_date: 2007-12-12", "effective_date: *signed_on")
    path.write_text(
        text.replace("amendment_date: 2007-12-12", "amendment_date: &signed_on 2007-12-12")
    )
    (row,) = load_rows(path)
    assert row.executive is not None
    assert row.executive.context()["effective_date"] == row.executive.context()["amendment_date"]


def test_a_huge_power_fails_the_draft(tmp_path: Path) -> None:
    path = tmp_path / "greedy.j2"
    path.write_text("{{ 10 ** 100000 }}\n")
    (row,) = load_rows(KOPYT_TB)
    assert row.executive is not None
    with pytest.raises(DraftTemplateError, match="power in the template is too large"):
        render(str(path), row.executive)


@pytest.mark.parametrize(
    "template, message",
    [
        ('{{ "A" * 6000000000 }}', "repetition in the template is too large"),
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxx"
            "{% endfor %}{% endfor %}",
            "longer than 2,000,000 characters",
        ),
    ],
    ids=["repetition", "endless-output"],
)
def test_a_template_that_asks_too_much_fails_its_draft_in_bounded_memory(
    tmp_path: Path, template: str, message: str
) -> None:
    path = tmp_path / "greedy.j2"
    path.write_text(template + "\n")
    done = run_limited("draft", str(path), str(KOPYT_TB), "-o", str(tmp_path / "d.txt"))
    assert done.returncode == 1, done.stderr[-400:]
    assert message in done.stderr
    assert not (tmp_path / "d.txt").exists()


def test_a_template_that_runs_too_long_is_stopped(tmp_path: Path) -> None:
    path = tmp_path / "slow.j2"
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    path.write_text(loops + "\n")
    done = run_limited("draft", str(path), str(KOPYT_TB), "-o", str(tmp_path / "d.txt"))
    assert done.returncode == 1, done.stderr[-400:]
    assert f"ran longer than {sandbox.MAX_SECONDS:g} seconds" in done.stderr


def test_an_id_too_long_for_a_file_name_fails_its_row_only(tmp_path: Path) -> None:
    folder = tmp_path / "executives"
    shutil.copytree(CORPUS / "executives", folder)
    shutil.copytree(CORPUS / "bases", tmp_path / "bases")
    table = folder / "executives.csv"
    before = tmp_path / "before"
    main(["draft", "severance_409a", str(table), "-o", f"{before}/"])
    rows = list(csv.DictReader(table.open()))
    long_id, rows[0]["id"] = rows[0]["id"], "x" * 300
    with table.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    after = tmp_path / "after"
    assert main(["draft", "severance_409a", str(table), "-o", f"{after}/"]) == 1
    drafted = {p.name for p in before.iterdir()}
    assert any(name.startswith(long_id) for name in drafted)  # the row drafts with its own id
    assert {p.name for p in after.iterdir()} == {n for n in drafted if not n.startswith(long_id)}


def test_a_control_character_in_the_author_is_a_usage_error(tmp_path: Path) -> None:
    base = CORPUS / "bases" / "kopyt_severance_2002.txt"
    args = ["redline", str(base), str(base), "-o", str(tmp_path / "r.docx"), "--author", "Ann\x01"]
    assert main(args) == 2
    assert not (tmp_path / "r.docx").exists()
