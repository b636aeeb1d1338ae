"""Property: random insert/delete-with-renumber sequences keep sibling labels
contiguous and in their style, and every "formerly" claim the engine itself
would write verifies.  The oracle is a plain Python list."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conformed import consolidate, parse_amendment
from conformed.citation import Style, format_value
from conformed.io.text import read_text_document

STYLES = {
    "paren-alpha": (Style.LOWER_ALPHA, "({})", "5{}"),
    "dot-alpha": (Style.LOWER_ALPHA, "{}.", "5.{}"),
    "paren-roman": (Style.LOWER_ROMAN, "({})", "5{}"),
    "paren-arabic": (Style.ARABIC, "({})", "5{}"),
}


def label(style: str, n: int) -> str:
    kind, shape, _ = STYLES[style]
    return shape.format(format_value(kind, n))


def cite(style: str, n: int) -> str:
    return STYLES[style][2].format(label(style, n))


def base_text(style: str, count: int) -> str:
    subs = "\n\n".join(
        f"               {label(style, i + 1)} Original benefit number {i + 1}, paid on time."
        for i in range(count)
    )
    return f"""                              BENEFITS AGREEMENT

     THIS AGREEMENT is made as of May 1, 2001, between Acme, Inc. (the
"Company") and Jane Roe (the "Executive"). The parties agree as follows:

     1. Term. This Agreement runs for three years.

     2. Duties. The Executive shall serve as Treasurer.

     3. Salary. The Company shall pay a salary of $100,000.

     4. Bonus. The Company may pay a bonus.

     5. Benefits. The Company shall provide the following:

{subs}

     6. Notices. Notices shall be in writing.

     IN WITNESS WHEREOF, the parties have signed this Agreement.
"""


def amendment_text(items: list[str]) -> str:
    numbered = "\n\n".join(f"{i + 1}. {text}" for i, text in enumerate(items))
    return f"""AMENDMENT NO. 1 TO BENEFITS AGREEMENT

     THIS AMENDMENT NO. 1 (the "Amendment") is entered into as of June 1, 2008,
by and between Acme, Inc. (the "Company") and Jane Roe (the "Executive").

     WHEREAS, the Company and the Executive are parties to a Benefits
Agreement dated as of May 1, 2001 (the "Agreement");

     NOW, THEREFORE, the Agreement is hereby amended as follows:

{numbered}

     IN WITNESS WHEREOF, the parties have signed this Amendment.
"""


ops = st.lists(st.tuples(st.sampled_from(["insert", "delete"]), st.integers(0, 30)), max_size=8)


@settings(max_examples=40, deadline=None)
@given(style=st.sampled_from(sorted(STYLES)), count=st.integers(1, 7), steps=ops)
def test_renumbering_keeps_labels_contiguous_and_claims_verify(style, count, steps) -> None:
    model = [f"Original benefit number {i + 1}" for i in range(count)]
    items: list[str] = []
    for k, (verb, at) in enumerate(steps):
        if verb == "insert":
            pos = at % (len(model) + 1)
            if pos == len(model):
                continue  # appending is covered elsewhere; here every insert renumbers
            new = f"Inserted benefit {k}"
            model.insert(pos, new)
            items.append(
                f"A new subsection {cite(style, pos + 1)} is hereby added to the Agreement to read "
                "in its entirety as follows, and the remainder of Section 5 is renumbered "
                f'accordingly:\n\n     "{label(style, pos + 1)} {new}."'
            )
        elif len(model) > 1:
            pos = at % len(model)
            del model[pos]
            items.append(
                f"Subsection {cite(style, pos + 1)} of the Agreement is hereby deleted in its "
                "entirety and the remainder of Section 5 is renumbered accordingly."
            )
    # Then claim, for every original provision that moved, where it came from.
    for now, text in enumerate(model):
        if text.startswith("Original"):
            was = int(text.rsplit(" ", 1)[1]) - 1
            if was != now:
                items.append(
                    f"Subsection {cite(style, now + 1)} of the Agreement, as renumbered (formerly "
                    f"subsection {cite(style, was + 1)}), is hereby amended in its entirety to "
                    f'read as follows:\n\n     "{label(style, now + 1)} {text}, as amended."'
                )
    if not items:
        return
    base = read_text_document(base_text(style, count))
    result = consolidate(base, [parse_amendment(amendment_text(items), source="generated")])
    failures = [i.message for i in result.report.amendments[0].items if i.status != "applied"]
    assert failures == []
    section5 = result.document.body[4]
    assert [c.label_text for c in section5.children] == [
        label(style, i + 1) for i in range(len(model))
    ]
    assert [c.label.style for c in section5.children] == [STYLES[style][0]] * len(model)

    def core(text: str) -> str:
        return text.split(",")[0].removesuffix(".")

    assert [core(c.text) for c in section5.children] == model
