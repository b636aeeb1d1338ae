"""Any ``concurrent.futures.Executor`` runs a batch -- a thread pool here, a Dask cluster
with the optional ``dask`` extra -- and writes what the batch writes in one process."""

from __future__ import annotations

from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path

import pytest

from conformed.batch import Options, read_manifest, run_batch
from helpers import CORPUS

MANIFEST = CORPUS / "batch.yaml"


def _same_as_alone(tmp_path: Path, executor: Executor) -> None:
    entries = read_manifest(MANIFEST)
    here = run_batch(entries, tmp_path / "here", Options(), jobs=1)
    there = run_batch(entries, tmp_path / "there", Options(), executor=executor)
    assert [o.status for o in here] == [o.status for o in there] == ["applied"] * 4
    for entry in entries:
        for name in ("conformed.txt", "report.json"):
            a = (tmp_path / "here" / entry.id / name).read_bytes()
            assert a == (tmp_path / "there" / entry.id / name).read_bytes()


def test_a_thread_pool_runs_the_batch(tmp_path: Path) -> None:
    with ThreadPoolExecutor(2) as pool:
        _same_as_alone(tmp_path, pool)


def test_a_dask_cluster_runs_the_batch(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")  # pip install 'conformed[dask]'
    with distributed.Client(n_workers=2, threads_per_worker=1, dashboard_address=None) as client:
        _same_as_alone(tmp_path, client.get_executor())
