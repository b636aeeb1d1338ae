"""``conformed batch``: the same bytes as ``conformed apply`` per agreement, broken
agreements reported beside the good ones, re-runs that skip what is done, and an
interrupted run that leaves only whole files."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conformed.batch import read_manifest
from conformed.cli import main
from helpers import CORPUS, ROOT, load_yaml

MANIFEST = CORPUS / "batch.yaml"


def _apply_alone(entry_base: Path, amendments: tuple[Path, ...], attach: tuple, out: Path) -> None:
    args = ["apply", str(entry_base), *map(str, amendments), "-o", str(out / "conformed.txt")]
    args += ["--report", str(out / "report.json")]
    for name, path in attach:
        args += ["--attach", f"{name}={path}"]
    main(args)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_agreement_is_what_apply_writes_for_it_alone(tmp_path: Path, jobs: str) -> None:
    code = main(["batch", str(MANIFEST), "-o", str(tmp_path / "batch"), "--jobs", jobs])
    assert code == 0
    entries = read_manifest(MANIFEST)
    assert len(entries) == 4
    for entry in entries:
        alone = tmp_path / "alone" / entry.id
        alone.mkdir(parents=True)
        _apply_alone(entry.base, entry.amendments, entry.attachments, alone)
        for name in ("conformed.txt", "report.json"):
            got = (tmp_path / "batch" / entry.id / name).read_bytes()
            assert got == (alone / name).read_bytes(), (entry.id, name)
    report = json.loads((tmp_path / "batch" / "batch-report.json").read_text())
    assert report["summary"]["applied"] == 4 and report["summary"]["ok"] is True
    assert all(a["peak_memory_mb"] > 0 for a in report["agreements"])


def _formerly_case(tmp: Path) -> tuple[Path, Path]:
    case = load_yaml(ROOT / "tests/consolidator/cases/refuse_wrong_formerly_claim.yaml")
    (tmp / "garrity_base.txt").write_text(case["base"])
    (tmp / "garrity_amendment.txt").write_text(case["amendment"])
    return tmp / "garrity_base.txt", tmp / "garrity_amendment.txt"


def test_broken_agreements_are_reported_and_the_good_ones_written(tmp_path: Path) -> None:
    base, amendment = _formerly_case(tmp_path)
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    good = CORPUS / "bases/kopyt_severance_2002.txt"
    good_amendment = CORPUS / "amendments/000_kopyt_severance_amendment_1.txt"
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "id,base,amendments,attachments,as_of\n"
        f"good,{good},{good_amendment},,\n"
        f"missing,{tmp_path / 'nowhere.txt'},{good_amendment},,\n"
        f"binary,{tmp_path / 'binary.txt'},{good_amendment},,\n"
        f"formerly,{base},{amendment},,\n"
        f"also good,{CORPUS / 'bases/xxxxx_termination_benefits_1997.txt'},"
        f"{CORPUS / 'amendments/003_xxxxx_termination_benefits_amendment_1.txt'},,\n"
    )
    out = tmp_path / "out"
    assert main(["batch", str(manifest), "-o", str(out), "--jobs", "2"]) == 1
    report = json.loads((out / "batch-report.json").read_text())
    by_id = {a["id"]: a for a in report["agreements"]}
    assert [a["id"] for a in report["agreements"]] == [
        "good", "missing", "binary", "formerly", "also_good"
    ]  # fmt: skip
    assert by_id["good"]["status"] == by_id["also_good"]["status"] == "applied"
    assert (out / "good" / "conformed.txt").is_file()
    assert (out / "also_good" / "conformed.txt").is_file()
    assert by_id["missing"]["status"] == "error" and "nowhere.txt" in by_id["missing"]["message"]
    assert by_id["binary"]["status"] == "error" and by_id["binary"]["message"]
    formerly = by_id["formerly"]
    assert formerly["status"] == "failed" and formerly["exit"] == 1
    assert [i["item"] for i in formerly["failed_items"]] == ["2"]
    assert "formerly" in formerly["failed_items"][0]["message"]
    assert not (out / "formerly" / "conformed.txt").exists()  # only its report
    assert (out / "formerly" / "report.json").is_file()
    assert (report["summary"]["applied"], report["summary"]["failed"]) == (2, 1)
    assert report["summary"]["error"] == 2 and report["summary"]["ok"] is False


def test_a_rerun_skips_unchanged_agreements_and_redoes_changed_ones(tmp_path: Path) -> None:
    folder = tmp_path / "portfolio"
    for name, base, amendment in [
        ("kopyt", "kopyt_severance_2002.txt", "000_kopyt_severance_amendment_1.txt"),
        ("xxxxx", "xxxxx_termination_benefits_1997.txt", "003_xxxxx_termination_benefits_amendment_1.txt"),
    ]:  # fmt: skip
        (folder / name).mkdir(parents=True)
        shutil.copy(CORPUS / "bases" / base, folder / name / "base.txt")
        shutil.copy(CORPUS / "amendments" / amendment, folder / name / "amendment_1.txt")
    out = folder / "out"  # inside the portfolio: never read as an agreement of it
    assert main(["batch", str(folder), "-o", str(out), "--jobs", "1"]) == 0
    first = (out / "kopyt" / "conformed.txt").stat().st_mtime_ns
    assert main(["batch", str(folder), "-o", str(out), "--jobs", "1"]) == 0
    report = json.loads((out / "batch-report.json").read_text())
    assert [a["status"] for a in report["agreements"]] == ["unchanged", "unchanged"]
    assert (out / "kopyt" / "conformed.txt").stat().st_mtime_ns == first
    base = folder / "xxxxx" / "base.txt"
    base.write_text(base.read_text().replace("Termination Benefits", "Termination  Benefits", 1))
    assert main(["batch", str(folder), "-o", str(out), "--jobs", "1"]) == 0
    report = json.loads((out / "batch-report.json").read_text())
    assert [a["status"] for a in report["agreements"]] == ["unchanged", "applied"]


def test_an_interrupted_batch_leaves_whole_files_and_a_rerun_finishes(tmp_path: Path) -> None:
    loan = CORPUS / "bases/loan_agreement_2002.txt"
    amendment = CORPUS / "amendments/002_loan_fourth_amendment.txt"
    exhibit = CORPUS / "attachments/loan_exhibit_6_11_2004.txt"
    count = 60
    rows = [f"loan{n},{loan},{amendment},Exhibit 6.11={exhibit}," for n in range(count)]
    manifest = tmp_path / "many.csv"
    manifest.write_text("id,base,amendments,attachments,as_of\n" + "\n".join(rows) + "\n")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "conformed", "batch", str(manifest), "-o", str(out)]
    # the signal as a person's Ctrl-C gives it, however the suite was started: a command a shell
    # runs in the background ("make test &") starts with SIGINT ignored, and Python keeps that
    proc = subprocess.Popen(
        [*cmd, "--jobs", "2"],
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*/conformed.txt"))) < 3:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
    reference = (out / "loan0" / "conformed.txt").read_bytes()
    leftovers = [p for p in out.rglob(".*") if p.name != ".conformed-batch.json"]
    assert leftovers == []  # no temporary file left behind
    for path in out.glob("*/conformed.txt"):
        assert path.read_bytes() == reference  # whole, never half-written
    done_before = len(list(out.glob("*/.conformed-batch.json")))
    assert done_before < count
    assert main(["batch", str(manifest), "-o", str(out), "--jobs", "2"]) == 0
    report = json.loads((out / "batch-report.json").read_text())
    statuses = [a["status"] for a in report["agreements"]]
    assert statuses.count("unchanged") == done_before
    assert statuses.count("applied") == count - done_before
    assert os.listdir(out / f"loan{count - 1}")


def test_an_agreement_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "kopyt_severance_2002").symlink_to(elsewhere, target_is_directory=True)
    assert main(["batch", str(MANIFEST), "-o", str(out), "--jobs", "1"]) == 1
    report = json.loads((out / "batch-report.json").read_text())
    first = report["agreements"][0]
    assert first["status"] == "error" and "link" in first["message"]
    assert list(elsewhere.iterdir()) == []  # nothing written through the link
    assert [a["status"] for a in report["agreements"][1:]] == ["applied"] * 3


def test_the_batch_takes_the_format_names_apply_takes(tmp_path: Path) -> None:
    assert (
        main(["batch", str(MANIFEST), "-o", str(tmp_path), "--jobs", "1", "--format", "markdown"])
        == 0
    )
    assert (tmp_path / "loan_agreement_2002" / "conformed.md").is_file()
