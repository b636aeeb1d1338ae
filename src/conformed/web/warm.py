"""Imported once by the worker processes' fork server: one small agreement conformed and
redlined in every format, so that what the first use of each engine builds (the grammar's
parsers, the PDF renderer's fonts) is built here once and inherited by every worker,
instead of being built again in each request's fresh process."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from .work import conform_files

AGREEMENT = """SUPPLY AGREEMENT

1. Term. This Agreement continues for two years.

2. Price. The price is set out in Schedule A.

   (a) Prices are fixed for the first year.

   (b) Prices may then change on notice.
"""

AMENDMENT = """AMENDMENT NO. 1 TO SUPPLY AGREEMENT

The parties agree as follows:

1. Section 1 of the Agreement is hereby deleted in its entirety and replaced with the
following:

"1. Term. This Agreement continues for three years."

2. Subsection 2(b) of the Agreement is hereby amended by deleting the word "notice" and
inserting in lieu thereof the words "sixty days' notice".

3. Except as amended hereby, the Agreement remains in full force and effect.
"""


def warm() -> None:
    with tempfile.TemporaryDirectory(prefix="conformed-warm-") as folder:
        Path(folder, "base.txt").write_text(AGREEMENT)
        Path(folder, "amendment-1.txt").write_text(AMENDMENT)
        spec = {"folder": folder, "base": "base.txt", "amendments": ["amendment-1.txt"],
                "names": ["base.txt", "amendment-1.txt"], "attachments": [], "as_of": "",
                "allow_partial": True}  # fmt: skip
        conform_files(spec, progress=lambda done, total: None)


with contextlib.suppress(Exception):  # an optimisation: a request reports real errors
    warm()
