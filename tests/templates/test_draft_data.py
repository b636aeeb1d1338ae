"""Executive data is validated before rendering, every problem of a row reported at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conformed.errors import InputError
from conformed.templates.data import load_rows, read_row
from helpers import CORPUS, load_yaml

EXECUTIVES = CORPUS / "executives"
GOOD = load_yaml(EXECUTIVES / "kopyt_termination_benefits.yaml")


def problems(**change: object) -> list[str]:
    record = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    row = read_row(record, "exec.yaml", EXECUTIVES, "", "exec")
    return row.error.problems if row.error else []


def test_good_data_reads_as_typed_fields() -> None:
    (row,) = load_rows(EXECUTIVES / "xxxxx_termination_benefits.yaml")
    ex = row.executive
    assert ex is not None and row.id == "xxxxx_termination_benefits"
    assert ex.possessive == "Xxxx Xxxxx'x"
    assert ex.amendment_date == dt.date(2007, 12, 12) == ex.effective_date
    assert ex.label_style.name == "5(b)" and ex.employment_agreement and ex.signed
    assert dict(ex.subsections)["5"] == 6
    assert dict(ex.labels)["late_payment_subsection"] == "f"
    assert ex.base == CORPUS / "bases" / "xxxxx_termination_benefits_1997.txt"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"company": None}, "missing field 'company'"),
        ({"legal_fees_section": None}, "missing field 'legal_fees_section' (the termination_benefits_409a form cites it)"),
        ({"amendment_date": "2007-13-45"}, "amendment_date: not a date: '2007-13-45' (use YYYY-MM-DD)"),
        ({"label_style": "5-b"}, "label_style: unknown label style '5-b' (use '2.b.' or '5(b)')"),
        ({"pronouns": "xe"}, "pronouns: 'xe'"),
        ({"role": "the executive"}, "role: 'the executive' should be one capitalised word"),
        ({"employment_agreement": "maybe"}, "employment_agreement: 'maybe' is not yes or no"),
        ({"sections": "ten"}, "sections: 'ten' is not a whole number"),
        ({"subsections": "5: c-f"}, "subsections: cannot read '5: c-f'"),
        ({"payment_subsection": "5(a)(ii)"}, "payment_subsection: '5(a)(ii)' is not a label"),
        ({"template": None}, "missing field 'template'"),
    ],
)  # fmt: skip
def test_each_problem_is_named_with_its_field(change: dict[str, object], message: str) -> None:
    found = problems(**change)
    assert any(message in p for p in found), found


def test_every_problem_of_a_row_is_listed_at_once() -> None:
    found = problems(company=None, agreement_date="March 1997", label_style="b")
    assert len(found) == 3, found


def test_dates_read_as_printed_too() -> None:
    assert problems(amendment_date="December 12, 2007") == []


def test_csv_rows_are_named_by_line(tmp_path: Path) -> None:
    text = (EXECUTIVES / "executives.csv").read_text().splitlines()
    text[3] = text[3].replace("2007-12-12", "2007-02-30", 1)
    (tmp_path / "bad.csv").write_text("\n".join(text) + "\n")
    rows = load_rows(tmp_path / "bad.csv")
    assert [r.error is None for r in rows] == [True, True, False, True, True]
    bad = rows[2]
    assert bad.source == "bad.csv row 4" and bad.id == "xxxxx_termination_benefits"
    assert str(bad.error).startswith("bad.csv row 4: 1 problem(s)")
    assert "amendment_date: not a date: '2007-02-30'" in str(bad.error)


def test_repeated_ids_are_refused(tmp_path: Path) -> None:
    lines = (EXECUTIVES / "executives.csv").read_text().splitlines()
    (tmp_path / "twice.csv").write_text("\n".join([*lines[:2], lines[1]]) + "\n")
    rows = load_rows(tmp_path / "twice.csv")
    assert rows[1].error is not None and "repeats an earlier row" in str(rows[1].error)


@pytest.mark.parametrize("name", ["missing.yaml", "data.json"])
def test_unreadable_data_is_an_input_error(tmp_path: Path, name: str) -> None:
    if name.endswith(".json"):
        (tmp_path / name).write_text("{}")
    with pytest.raises(InputError):
        load_rows(tmp_path / name)


def test_ids_must_be_plain_file_names() -> None:
    row = read_row({**GOOD, "id": "../../etc/x"}, "exec.yaml", EXECUTIVES, "", "exec")
    assert row.error is not None and "must be a plain file name" in str(row.error)
