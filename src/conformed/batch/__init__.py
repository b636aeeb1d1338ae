"""A portfolio conformed in one run: a manifest of agreements, a process pool, one
folder of outputs per agreement, and ``batch-report.json``.

``read_manifest`` turns a CSV, a YAML file or a folder into ``Entry`` values;
``run_one`` conforms one entry exactly as ``conformed apply`` would (it is a plain
function of picklable values, so any executor can run it); ``run_batch`` runs them
all with a pool, skips those already done with unchanged inputs, and collects
what happened to each.
"""

from .manifest import Entry, ManifestError, read_manifest
from .runner import Options, Outcome, run_batch, run_one

__all__ = [
    "Entry",
    "ManifestError",
    "Options",
    "Outcome",
    "read_manifest",
    "run_batch",
    "run_one",
]
