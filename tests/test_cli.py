"""The command line end to end: outputs, report contract, exit codes, refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conformed.cli import main
from helpers import CORPUS

SEV_BASE = CORPUS / "bases" / "kopyt_severance_2002.txt"
SEV_AMEND = CORPUS / "amendments" / "000_kopyt_severance_amendment_1.txt"


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


def test_apply_writes_copy_and_report_contract(tmp_path: Path) -> None:
    out, report = tmp_path / "c.txt", tmp_path / "r.json"
    assert run("apply", SEV_BASE, SEV_AMEND, "-o", out, "--report", report) == 0
    assert "17. Section 409A of the Code." in " ".join(out.read_text().split())
    data = json.loads(report.read_text())
    (amendment,) = data["amendments"]
    assert {"source", "title", "effective_date", "items"} <= set(amendment)
    assert amendment["effective_date"] == "2007-12-12"
    item1 = amendment["items"][0]
    assert {"number", "status", "message", "warnings", "operations"} <= set(item1)
    assert item1["operations"] == [
        {"action": "insert", "kind": "insert_provision", "target": "subsection 1.b."},
        {"action": "renumber", "kind": "renumber", "target": "Section 1"},
    ]
    assert [i["status"] for i in amendment["items"]][-2:] == ["no_text_change"] * 2
    assert any("as renumbered" in w for w in amendment["items"][7]["warnings"])
    actions = {o["action"] for i in amendment["items"] for o in i["operations"]}
    assert actions <= {"replace", "delete", "insert", "amend_text", "renumber"}
    assert data["stale_references"]


def _broken_amendment(tmp_path: Path) -> Path:
    text = SEV_AMEND.read_text().replace(
        "Subsection 2.c. of the Severance Agreement", "Subsection 2.k. of the Severance Agreement"
    )
    path = tmp_path / "broken.txt"
    path.write_text(text)
    return path


def test_failed_item_writes_nothing_and_exits_1(tmp_path: Path, capsys) -> None:
    out = tmp_path / "c.txt"
    assert run("apply", SEV_BASE, _broken_amendment(tmp_path), "-o", out) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "item 3" in err and "2.k." in err and "does not exist" in err
    assert "Section 2 has a. to d." in err


def test_allow_partial_writes_and_still_exits_1(tmp_path: Path) -> None:
    out, report = tmp_path / "c.txt", tmp_path / "r.json"
    code = run("apply", SEV_BASE, _broken_amendment(tmp_path), "-o", out, "--report", report,
               "--allow-partial")  # fmt: skip
    assert code == 1 and out.exists()
    statuses = [i["status"] for i in json.loads(report.read_text())["amendments"][0]["items"]]
    assert statuses[2] == "failed" and statuses.count("applied") == 8


def test_existing_output_is_left_alone_on_failure(tmp_path: Path) -> None:
    out = tmp_path / "c.txt"
    out.write_text("previous version")
    assert run("apply", SEV_BASE, _broken_amendment(tmp_path), "-o", out) == 1
    assert out.read_text() == "previous version"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"PK\x03\x04\x00\x00binary", "not a text file"),
        (b"\x00\x01\x02", "not a text"),
    ],
)
def test_unreadable_inputs_exit_2(tmp_path: Path, capsys, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    assert run("apply", bad, SEV_AMEND, "-o", tmp_path / "c.txt") == 2
    assert message in capsys.readouterr().err
    assert run("apply", SEV_BASE, bad, "-o", tmp_path / "c.txt") == 2


def test_missing_file_and_unknown_format_exit_2(tmp_path: Path) -> None:
    assert run("apply", tmp_path / "nope.txt", SEV_AMEND, "-o", tmp_path / "c.txt") == 2
    assert run("apply", SEV_BASE, SEV_AMEND, "-o", tmp_path / "c.xyz") == 2


def test_cp1252_input_is_read(tmp_path: Path) -> None:
    base = SEV_BASE.read_text().replace("Leon Kopyt", "L\u00e9on Kopyt")
    path = tmp_path / "base.txt"
    path.write_bytes(base.encode("cp1252"))
    out = tmp_path / "c.txt"
    assert run("apply", path, SEV_AMEND, "-o", out) == 0
    assert "L\u00e9on Kopyt" in out.read_text()


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    before = (SEV_BASE.read_bytes(), SEV_AMEND.read_bytes())
    run("apply", SEV_BASE, SEV_AMEND, "-o", tmp_path / "c.txt", "--update-references")
    assert (SEV_BASE.read_bytes(), SEV_AMEND.read_bytes()) == before


def test_update_references_rewrites_and_records(tmp_path: Path) -> None:
    out, report = tmp_path / "c.txt", tmp_path / "r.json"
    assert run("apply", SEV_BASE, SEV_AMEND, "-o", out, "--report", report,
               "--update-references") == 0  # fmt: skip
    text = " ".join(out.read_text().split())
    assert "the provisions of Sections 5, 6 and 7 shall survive" in text
    assert json.loads(report.read_text())["references_updated"] is True


def test_annotate_adds_provenance(tmp_path: Path) -> None:
    out = tmp_path / "c.txt"
    assert run("apply", SEV_BASE, SEV_AMEND, "-o", out, "--annotate") == 0
    text = " ".join(out.read_text().split())
    assert "[Amended by Amendment No. 1 dated as of December 12, 2007, item 3.]" in text
    assert (
        "[Renumbered (formerly Section 9) by Amendment No. 1 dated as of December 12, 2007, "
        "item 7.]" in text
    )
    assert "[Renumbered (formerly subsection 2.d.) by Amendment No. 1" in text


@pytest.mark.parametrize("suffix", ["md", "json"])
def test_other_formats(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"c.{suffix}"
    assert run("apply", SEV_BASE, SEV_AMEND, "-o", out) == 0
    text = out.read_text()
    if suffix == "json":
        data = json.loads(text)
        assert [s["label"] for s in data["body"]][-1] == "17."
        assert [c["citation"] for c in data["body"][1]["children"]][-1] == "2.g."
    else:
        assert "**17. Section 409A of the Code.**" in text


def test_parse_json_lists_items(capsys) -> None:
    assert run("parse", SEV_AMEND, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    items = data["amendments"][0]["items"]
    assert {i["status"] for i in items} == {"parsed"}
    assert items[7]["operations"][0] == {
        "action": "insert", "kind": "insert_provision", "target": "Section 10"
    }  # fmt: skip


def test_parse_failure_exits_1(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        SEV_AMEND.read_text().replace("is hereby amended in its entirety", "is hereby frobbed")
    )
    assert run("parse", path) == 1
    assert "not a form the grammar knows" in capsys.readouterr().out


def test_python_dash_m_works(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "conformed", "parse", str(SEV_AMEND)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0 and "insert_provision" in proc.stdout


LOAN_BASE = CORPUS / "bases" / "loan_agreement_2002.txt"
LOAN_AMEND = CORPUS / "amendments" / "002_loan_fourth_amendment.txt"
LOAN_ATTACH = f"Exhibit 6.11={CORPUS / 'attachments' / 'loan_exhibit_6_11_2004.txt'}"


def test_loan_amendment_with_attachment(tmp_path: Path, capsys) -> None:
    out, report = tmp_path / "loan.txt", tmp_path / "r.json"
    assert run("apply", LOAN_BASE, LOAN_AMEND, "-o", out, "--report", report,
               "--attach", LOAN_ATTACH) == 0  # fmt: skip
    items = {i["number"]: i for i in json.loads(report.read_text())["amendments"][0]["items"]}
    assert items["1.a.(7)"]["warnings"] and "Restructuring" in items["1.a.(7)"]["warnings"][0]
    assert any("Kopyt Payment" in w for w in items["1.d"]["warnings"])
    assert items["1.g"]["status"] == "no_text_change"
    assert items["1.a.(4)"]["operations"] == [
        {"action": "insert", "kind": "insert_definition", "target": "Section 1.1 Restricted Stock"}
    ]


def test_missing_attachment_fails_and_partial_leaves_a_note(tmp_path: Path, capsys) -> None:
    out = tmp_path / "loan.txt"
    assert run("apply", LOAN_BASE, LOAN_AMEND, "-o", out) == 1
    assert not out.exists()
    assert "attachment not supplied: Exhibit 6.11" in capsys.readouterr().err
    assert run("apply", LOAN_BASE, LOAN_AMEND, "-o", out, "--allow-partial") == 1
    text = " ".join(out.read_text().split())
    assert "[Exhibit 6.11 was amended and restated by Fourth Amendment" in text
    assert "COMPLIANCE CERTIFICATE" not in text.split("EXHIBIT 6.11", 1)[1][:200]


def test_bad_attach_spec_is_a_usage_error(tmp_path: Path) -> None:
    assert run("apply", LOAN_BASE, LOAN_AMEND, "-o", tmp_path / "x.txt", "--attach", "nope") == 2


def test_as_of_before_the_amendment_applies_nothing(tmp_path: Path, capsys) -> None:
    out, report = tmp_path / "c.txt", tmp_path / "r.json"
    assert run("apply", SEV_BASE, SEV_AMEND, "-o", out, "--report", report,
               "--as-of", "2007-12-11") == 0  # fmt: skip
    data = json.loads(report.read_text())
    assert data["amendments"] == [] and data["not_yet_effective"] == [str(SEV_AMEND)]
    assert "17. Section 409A" not in " ".join(out.read_text().split())


def test_history_lists_changes_by_provision(capsys) -> None:
    assert run("history", LOAN_BASE, LOAN_AMEND, "--attach", LOAN_ATTACH, "--json") == 0
    entries = json.loads(capsys.readouterr().out)
    by_name = {e["provision"]: e["changes"] for e in entries}
    assert by_name['Section 1.1, definition "Kopyt Cash Payment"'][0]["item"] == "1.a.(6)"
    assert by_name["subsection 6.9(e)"][0]["detail"] == "Deleted"
    assert by_name["Exhibit 6.11"][0]["item"] == "1.e"
