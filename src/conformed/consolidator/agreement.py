"""Items aimed at the whole agreement rather than one of its provisions.

"The Use Agreement is hereby amended in its entirety to read as set forth in
Exhibit A attached hereto" replaces everything with the attached form, which
must be supplied (``--attach`` or after the amendment's signatures).  A
blackline restatement ("deleting the stricken text ... and adding the
inserted text") marks its changes by typeface; plain text loses the marks, so
it is refused rather than guessed at.
"""

from __future__ import annotations

from ..document import Document
from ..errors import PayloadError
from ..io.text import read_text_document
from ..operations import MarkedChanges, RestateAgreement
from .context import Context
from .exhibits import attachment


def apply_restate_agreement(doc: Document, op: RestateAgreement, ctx: Context) -> Document:
    text = attachment(ctx, op.attachment, f", the form {op.agreement} is restated in")
    new = read_text_document(text, doc.name)
    change = ctx.change("replace", f"Amended and restated in the form of {op.attachment}")
    return new.evolve(matter_changes=(*doc.matter_changes, (op.agreement, change)))


def apply_marked_changes(doc: Document, op: MarkedChanges, ctx: Context) -> Document:
    raise PayloadError(
        f"the changes to {op.agreement} are marked by typeface (struck and inserted text) in "
        f"{op.attachment}, which plain text does not carry; supply the conformed agreement as "
        "a base instead"
    )
