"""Reverse drafting: the amendment that turns BASE into EDITED, proven by round trip.

Cases (reverse_cases.yaml) are corpus bases with hand-edited copies
(corpus/edited/) and with the golden conformed copies of seeds 003 and 000.
Each draft is checked here a second time, independently of the drafter's own
check: parsed, applied to BASE, and the result printed word for word as EDITED.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conformed import read_document, render_document
from conformed.amendment import parse_amendment
from conformed.cli import main
from conformed.consolidator import consolidate
from conformed.document import Provision
from conformed.io.text import read_text_document
from conformed.report import APPLIED, NO_TEXT_CHANGE
from conformed.templates.align import ReverseError, align
from conformed.templates.reverse import changed_sentence, quoted
from conformed.templates.reverse_check import Options, draft_from_diff, round_trip
from helpers import CORPUS, load_yaml

HERE = Path(__file__).parent
CASES = load_yaml(HERE / "reverse_cases.yaml")
XXXXX = CORPUS / "bases" / "xxxxx_termination_benefits_1997.txt"
XXXXX_EDITED = CORPUS / "edited" / "xxxxx_termination_benefits_1997.edited.txt"
DATE = "March 1, 2010"


def drafted(case: dict[str, str]):
    base = read_document(CORPUS / case["base"])
    edited = read_document(CORPUS / case["edited"])
    options = Options(agreement=case["agreement"], number=2, date=DATE)
    return base, edited, draft_from_diff(base, edited, options)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_items_are_the_expected_kinds_and_citations(case) -> None:
    _, _, draft = drafted(case)
    assert [step.summary for step in draft.steps] == case["items"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_draft_applied_to_base_reads_as_edited(case) -> None:
    base, edited, draft = drafted(case)
    amendment = parse_amendment(draft.text, source="draft")
    done = consolidate(base, [amendment])
    statuses = [item.status for item in done.report.amendments[0].items]
    assert statuses == [APPLIED] * len(draft.steps) + [NO_TEXT_CHANGE] * 2
    assert all(not item.warnings for item in done.report.amendments[0].items)
    got = render_document(done.document, "md").split()
    assert got == render_document(edited, "md").split()


def test_drafted_amendment_names_the_agreement_as_the_house_style_does() -> None:
    _, _, draft = drafted(CASES[0])
    amendment = parse_amendment(draft.text)
    assert amendment.number == 2 and amendment.label == f"Amendment No. 2 dated as of {DATE}"
    assert amendment.agreement_name == "Termination Agreement"
    assert amendment.agreement_title == "Second Amended and Restated Termination Benefits Agreement"
    assert str(amendment.agreement_date) == "1997-03-18"
    assert dict(amendment.parties) == {
        "XXXX XXXXX": "Executive",
        "RCM TECHNOLOGIES, INC.": "Company",
    }
    text = " ".join(draft.text.split())
    assert text.startswith(
        "AMENDMENT NO. 2 TO SECOND AMENDED AND RESTATED TERMINATION BENEFITS AGREEMENT THIS"
    )
    assert (
        "2. Subsection 5(d) of the Termination Agreement, as renumbered (formerly subsection "
        '5(e)), is hereby amended in its entirety to read as follows: "(d) Executive shall not'
    ) in text
    assert "8. In all respects not amended, the Termination Agreement is hereby ratified" in text
    assert f"9. This Amendment No. 2 shall be effective as of {DATE}." in text


def _edited(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    text = XXXXX.read_text()
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "edited.txt"
    path.write_text(text)
    return path


_SUBSECTION_5C = XXXXX.read_text().split("          (c) For a period")[1].split("          (d)")[0]
_HEADS = "Misc Mutual Legal Dispute Successors Termination.B Notice Termination.F Term Definitions"
_SHIFTED = [  # every Section one up, last first: the labels run on, but nothing was added
    (f"     {n}. {head.replace('.', ' ')}", f"     {n + 1}. {head.replace('.', ' ')}")
    for n, head in zip(range(10, 0, -1), _HEADS.split(), strict=True)
]
REFUSALS = [
    ([("made as of March 18, 1997", "made as of March 19, 1997")], "changes the front matter"),
    ([("FORM OF MUTUAL RELEASE", "FORM OF GENERAL RELEASE")], "changes the back matter"),
    (
        [("          (c) For a period" + _SUBSECTION_5C, "")],  # (d) now follows (b): a gap
        "subsection 5(d) follows subsection 5(b) in Section 5 in EDITED",
    ),
    (
        _SHIFTED,
        "Section 1 of BASE is Section 2 in EDITED, but no provision is deleted or inserted among",
    ),
    ([], "BASE and EDITED read the same"),
]


@pytest.mark.parametrize(("edits", "message"), REFUSALS, ids=[m[:20] for _, m in REFUSALS])
def test_what_an_amendment_cannot_say_is_refused(tmp_path: Path, capsys, edits, message) -> None:
    out = tmp_path / "amendment.txt"
    assert cli(XXXXX, _edited(tmp_path, *edits), "-o", out) == 1
    err = capsys.readouterr().err
    assert message in err and "nothing written" in err
    assert not out.exists()


def test_a_draft_that_does_not_give_edited_is_refused() -> None:
    base, _, draft = drafted(CASES[0])
    other = read_document(CORPUS / "expected" / "xxxxx_termination_benefits_1997.conformed.txt")
    with pytest.raises(ReverseError, match=r"does not turn BASE into EDITED: .*5\(a\) reads"):
        round_trip(base, other, draft.text, len(draft.steps) + 2)


def cli(*args: str | Path) -> int:
    return main(["draft", "--from-diff", *[str(a) for a in args], "--date", DATE])


def test_cli_writes_the_checked_amendment(tmp_path: Path, capsys) -> None:
    out = tmp_path / "amendment.md"
    code = cli(XXXXX, XXXXX_EDITED, "-o", out, "--agreement", "Termination Agreement")
    assert code == 0
    assert "7 items" in capsys.readouterr().err
    text = out.read_text()
    assert text.startswith("**AMENDMENT NO. 1 TO SECOND AMENDED AND RESTATED")
    assert "\n3\\. The second to last sentence in Section 7 is hereby amended" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["auto", "x.yaml", "--from-diff", XXXXX, XXXXX_EDITED], "not a TEMPLATE or DATA"),
        (["--from-diff", XXXXX, XXXXX_EDITED, "--agreement", "Accord"], 'end in "Agreement"'),
        (["--from-diff", XXXXX, XXXXX_EDITED, "--date", "1.3.2010"], "Month D, YYYY"),
        (["--from-diff", XXXXX, "missing.txt"], "missing.txt: cannot read"),
        ([], "give a TEMPLATE and DATA, or --from-diff BASE EDITED"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, capsys, args, message) -> None:
    out = tmp_path / "amendment.txt"
    assert main(["draft", *[str(a) for a in args], "-o", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


# --- the pieces -------------------------------------------------------------------------


def _section(text: str) -> Provision:
    return read_text_document(text, name="x").body[0]


def test_one_changed_sentence_is_counted_from_the_nearer_end() -> None:
    old = _section("     7. Venue. One. Two. Three. Four. Five.\n")
    assert changed_sentence(old, _section("     7. Venue. One. Deux. Three. Four. Five.\n")) == (
        "second",
        "Deux.",
    )
    assert changed_sentence(old, _section("     7. Venue. One. Two. Three. Vier. Five.\n")) == (
        "second to last",
        "Vier.",
    )
    assert changed_sentence(old, _section("     7. Venue. Uno. Two. Three. Four. Cinq.\n")) is None
    assert changed_sentence(old, _section("     7. Place. One. Deux. Three. Four. Five.\n")) is None


def test_a_first_subdivision_on_the_same_line_is_quoted_with_its_parent() -> None:
    expected = read_document(CORPUS / "expected" / "xxxxx_termination_benefits_1997.conformed.txt")
    label, paragraphs = quoted(expected.get((4, 6)))
    assert label == "(g)(i)"
    assert paragraphs[0].startswith("Notwithstanding any provision")
    assert paragraphs[1].startswith("(ii) If payment")


def test_changed_provisions_pair_by_position_or_words_deleted_before_inserted() -> None:
    base = read_document(XXXXX).body[4].children
    edited = read_document(CORPUS / "expected" / "xxxxx_termination_benefits_1997.conformed.txt")
    pairs = align(base, edited.body[4].children)
    shown = [
        (p.base.label_text if p.base else "-", p.edited.label_text if p.edited else "-")
        for p in pairs
    ]
    assert shown == [
        ("(a)", "(a)"),
        ("(b)", "(b)"),
        ("(c)", "-"),
        ("(d)", "-"),
        ("-", "(c)"),
        ("-", "(d)"),
        ("-", "(e)"),
        ("(e)", "(f)"),
        ("(f)", "(g)"),
    ]
