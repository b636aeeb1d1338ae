"""User templates: a new form is a short template on the shared macros, run in a sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformed import read_document
from conformed.errors import InputError, UsageError
from conformed.templates import DraftTemplateError, check_draft, load_rows, render
from conformed.templates.layout import layout
from helpers import CORPUS

KOPYT_TB = CORPUS / "executives" / "kopyt_termination_benefits.yaml"

# A one-change form: the macros number the item, cite 5(a) and label its text.
SHORT_FORM = """\
{% import "macros.j2" as m with context %}
{{ ("Amendment No. " ~ amendment_number ~ " to " ~ possessive ~ " " ~ agreement_title) | upper | center }}

     THIS AMENDMENT (the "Amendment") is entered into as of {{ amendment_date }}, by and between {{ company }} (the "Company") and {{ name }} (the "{{ role }}"), to the {{ agreement_title }} dated as of {{ agreement_date }} (the "{{ agreement_short_name }}").

     NOW, THEREFORE, the parties hereto agree that the {{ agreement_short_name }} is hereby amended as follows:

{% call m.replace_in_entirety([severance_section, payment_subsection], about="lump sum") %}
The Company shall pay to {{ role }} a lump sum within five (5) days of such termination.
{% endcall %}
{{ m.ratification() }}
{{ m.effectiveness() }}
{{ m.signature_block() }}
"""


def executive():
    (row,) = load_rows(KOPYT_TB)
    assert row.executive is not None
    return row.executive


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "form.j2"
    path.write_text(text)
    return str(path)


def test_a_short_user_form_drafts_and_round_trips(tmp_path: Path) -> None:
    draft = render(write(tmp_path, SHORT_FORM), executive())
    folded = " ".join(draft.text.split())
    assert "1. Subsection 5(a) of the Termination Agreement is hereby amended" in folded
    assert '"(a) The Company shall pay to Executive a lump sum' in folded
    assert "3. This Amendment No. 1 shall be effective as of December 12, 2007." in folded
    result = check_draft(
        draft, read_document(CORPUS / "bases" / "kopyt_termination_benefits_1997.txt")
    )
    assert result.ok, result.problems


def test_undefined_variable_is_an_error_naming_it_and_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "Title\n\n{{ name }} and {{ spouse_name }}\n")
    with pytest.raises(DraftTemplateError, match=r"form\.j2, line 3: 'spouse_name' is undefined"):
        render(path, executive())


@pytest.mark.parametrize(
    "expression",
    ["{{ ''.__class__ }}", "{{ draft._find }}", "{{ name.__class__.__mro__ }}"],
)
def test_sandbox_blocks_attribute_access(tmp_path: Path, expression: str) -> None:
    with pytest.raises(DraftTemplateError, match="unsafe"):
        render(write(tmp_path, expression + "\n"), executive())


def test_template_citing_what_the_data_lacks_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path, '{% import "macros.j2" as m with context %}{{ m.delete_and_renumber([5, "k"]) }}'
    )
    with pytest.raises(DraftTemplateError, match=r"subsection 5\(k\), which the data's numbering"):
        render(path, executive())


def test_unknown_template_and_bad_syntax_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such template file"):
        render(str(tmp_path / "nowhere.j2"), executive())
    with pytest.raises(InputError, match="line 1"):
        render(write(tmp_path, "{% if %}"), executive())


def test_layout_never_starts_a_line_with_a_bare_label() -> None:
    words = " ".join(["word"] * 14 + ["(iv)", "the", "right"] * 30)
    for first in (0, 8):
        lines = layout(" " * first + words).splitlines()
        assert all(not line.strip().startswith("(iv)") for line in lines)
        assert max(len(line) for line in lines) <= 78
