"""A portfolio's throughput, start-up and drafting batches, against issue 13's targets.

    python benchmarks/batch.py [--copies 250] [--drafts 1000]

Prints one table, ours against the targets:

- *library*: the four corpus pairs (base + amendment, the loan pair with its exhibit)
  read, parsed and consolidated in one process, each again and again for a second;
  pairs per second on one core.
- *batch*: ``conformed batch`` over a manifest of the four pairs repeated ``--copies``
  times, with a process per core; pairs per second per core, and its share of the
  library rate (target: within 20%).  Peak memory per worker from batch-report.json.
- *150k words*: a synthetic credit agreement of 150,000 words (Sections with six
  subsections each, benchmarks/consolidate.py) with a 25-item amendment, read and
  consolidated; and the same at 1,000,000 words, which must take about 6.7 times as
  long (linear), not 44 times.
- *start-up*: ``conformed --help`` and ``conformed parse`` of seed 000, the median of
  five runs, each a fresh process, after one run that leaves Python's bytecode behind
  as an installed package has it; and ``parse`` again with no bytecode kept, every
  module compiled from source at each start (``PYTHONDONTWRITEBYTECODE``).
- *drafting*: ``--drafts`` amendments rendered, checked by round trip (parse, apply to
  the base, compare with the data) and written, as ``conformed draft`` does for a CSV of
  executives, with a process per core.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from conformed import consolidate, parse_amendment, read_amendment, read_document  # noqa: E402
from conformed.io.files import read_text  # noqa: E402
from conformed.io.text import read_text_document  # noqa: E402
from consolidate import SUBS, WORDS_PER_SUB, agreement, amendment  # noqa: E402

CORPUS = ROOT / "corpus"
PAIRS = [
    ("bases/kopyt_severance_2002.txt", "amendments/000_kopyt_severance_amendment_1.txt", {}),
    ("bases/xxxxx_termination_benefits_1997.txt",
     "amendments/003_xxxxx_termination_benefits_amendment_1.txt", {}),
    ("bases/kopyt_termination_benefits_1997.txt",
     "amendments/004_kopyt_termination_benefits_amendment_1.txt", {}),
    ("bases/loan_agreement_2002.txt", "amendments/002_loan_fourth_amendment.txt",
     {"Exhibit 6.11": "attachments/loan_exhibit_6_11_2004.txt"}),
]  # fmt: skip
CONFORMED = [sys.executable, "-m", "conformed"]


def one_pair(base: str, amend: str, attach: dict[str, str]) -> None:
    result = consolidate(
        read_document(CORPUS / base),
        [read_amendment(CORPUS / amend)],
        attachments={k: read_text(CORPUS / v) for k, v in attach.items()},
    )
    assert result.report.ok, result.report


def library_rate() -> float:
    for pair in PAIRS:
        one_pair(*pair)  # warm: grammars built
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < 2.0:
        for pair in PAIRS:
            one_pair(*pair)
            done += 1
    return done / (time.perf_counter() - start)


def batch_rate(copies: int, jobs: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        rows = ["id,base,amendments,attachments,as_of"]
        for n in range(copies):
            for k, (base, amend, attach) in enumerate(PAIRS):
                attached = ";".join(f"{a}={CORPUS / p}" for a, p in attach.items())
                rows.append(f"p{n}_{k},{CORPUS / base},{CORPUS / amend},{attached},")
        manifest = Path(tmp) / "portfolio.csv"
        manifest.write_text("\n".join(rows) + "\n")
        out = Path(tmp) / "out"
        start = time.perf_counter()
        done = subprocess.run(
            [*CONFORMED, "batch", str(manifest), "-o", str(out), "--jobs", str(jobs)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"batch failed:\n{done.stderr}")
        report = json.loads((out / "batch-report.json").read_text())
        return len(rows[1:]) / elapsed, report["summary"]["peak_memory_mb_per_worker"]


def large(words: int) -> float:
    sections = max(8, round(words / (WORDS_PER_SUB * (len(SUBS) + 0.5) + 3)))
    text, amend = agreement(sections), amendment(sections)
    start = time.perf_counter()
    result = consolidate(read_text_document(text), [parse_amendment(amend, "bench")])
    elapsed = time.perf_counter() - start
    assert result.report.ok
    return elapsed


def median_run(args: list[str], env: dict[str, str]) -> float:
    subprocess.run([*CONFORMED, *args], capture_output=True, check=False, env=env)  # warm
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([*CONFORMED, *args], capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def start_up_envs(cache: str) -> tuple[dict[str, str], dict[str, str]]:
    """Two ways a command can start: as installed, Python keeping each module's bytecode
    (here under ``cache``, so nothing is written into the checkout); and with no bytecode
    kept (``PYTHONDONTWRITEBYTECODE``, which some machines set, this one among them), where
    every start compiles every module it imports from source again."""
    cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached["PYTHONPYCACHEPREFIX"] = cache
    uncached = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return cached, uncached


def drafting(count: int, jobs: int) -> float:
    """``conformed draft``'s batch path: render, check by round trip, write .txt."""
    from conformed.templates.batch import Drafter, draft_all
    from conformed.templates.data import Row
    from draft import executives

    rows = [Row(source=f"row {n}", id=p.id, executive=p) for n, p in enumerate(executives(count))]
    with tempfile.TemporaryDirectory() as tmp, open(os.devnull, "w") as quiet:
        start = time.perf_counter()
        outcomes = draft_all(rows, Drafter("auto"), Path(tmp), "text", quiet, jobs=jobs)
        spent = time.perf_counter() - start
    assert all(o.ok and o.checked for o in outcomes), [o.problems for o in outcomes if not o.ok]
    return spent


def row(name: str, ours: str, target: str, met: bool | None) -> None:
    mark = "" if met is None else ("yes" if met else "NO")
    print(f"| {name} | {ours} | {target} | {mark} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=250)
    ap.add_argument("--drafts", type=int, default=1000)
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    print(f"| measure ({cores} cores) | ours | target | met |")
    print("|---|---:|---:|:---:|")
    lib = library_rate()
    row("library: seed pairs / s, one core", f"{lib:.0f}", "100", lib >= 100)
    rate, memory = batch_rate(args.copies, cores)
    per_core = rate / cores
    row(f"batch: pairs / s over {cores} processes", f"{rate:.0f}", "", None)
    row("batch: per core, share of the library rate", f"{per_core / lib:.0%}", "80%",
        per_core / lib >= 0.8)  # fmt: skip
    row("batch: peak memory per worker", f"{memory:.0f} MB", "", None)
    small, big = large(150_000), large(1_000_000)
    row("150k words + 25 items: read + apply", f"{small:.2f} s", "", None)
    row("1M words: time / 150k time (linear: 6.7)", f"{big / small:.1f}", "< 10", big / small < 10)
    seed = str(CORPUS / "amendments/000_kopyt_severance_amendment_1.txt")
    with tempfile.TemporaryDirectory() as cache:
        cached, uncached = start_up_envs(cache)
        helps, parse = median_run(["--help"], cached), median_run(["parse", seed], cached)
        raw_parse = median_run(["parse", seed], uncached)
    row("start-up: conformed --help", f"{helps:.2f} s", "0.15 s", helps < 0.15)
    row("start-up: conformed parse (seed 000)", f"{parse:.2f} s", "0.35 s", parse < 0.35)
    row("start-up: conformed parse, no bytecode kept", f"{raw_parse:.2f} s", "", None)
    if args.drafts:
        spent = drafting(args.drafts, cores)
        row(f"drafting: {args.drafts:,} drafts checked and written", f"{spent:.1f} s", "15 s",
            spent < 15 * args.drafts / 1000)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
