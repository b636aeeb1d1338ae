"""``conformed outline``: how a document was read, in words and as the documented JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conformed.cli import main
from helpers import CORPUS, TESTS, load_yaml

ARTICLES = CORPUS / "variants" / "loan_articles.base.txt"


def outline(capsys: pytest.CaptureFixture[str], *args: str | Path) -> str:
    assert main(["outline", *map(str, args)]) == 0
    return capsys.readouterr().out


def test_json_outline_of_an_article_layout(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(outline(capsys, ARTICLES, "--json"))
    assert data["kind"] == "agreement"
    top = [(p["label"], p["kind"], p["heading"]) for p in data["provisions"]]
    assert top == [
        ("ARTICLE 1", "article", "DEFINITIONS"),
        ("ARTICLE 2", "article", "THE REVOLVING CREDIT FACILITY"),
        ("ARTICLE 6", "article", "AFFIRMATIVE COVENANTS"),
    ]
    fees = data["provisions"][1]["children"][0]
    assert (fees["label"], fees["citation"], fees["heading"]) == ("2.5", "2.5", "Fees.")
    assert fees["first_words"].startswith("In addition to the interest payable")
    text = ARTICLES.read_text().splitlines()
    assert text[fees["line"] - 1].lstrip().startswith("2.5 Fees.")
    assert {"file", "body", "provisions", "notes"} <= set(data)


def test_text_outline_marks_what_the_reader_was_unsure_of(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = load_yaml(TESTS / "layout" / "cases" / "out_of_sequence_labels.yaml")
    path = tmp_path / "agreement.txt"
    path.write_text(case["text"])
    out = outline(capsys, path)
    marked = [line for line in out.splitlines() if line[7:8] == "?"]
    assert [line.split()[2] for line in marked] == ["8.", "9."]
    assert "8. follows 6A." in out and "9. follows 9." in out


def test_outline_of_an_amendment_lists_its_items(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "amendments" / "003_xxxxx_termination_benefits_amendment_1.txt"
    data = json.loads(outline(capsys, path, "--json"))
    assert data["kind"] == "amendment"
    assert [i["number"] for i in data["items"]] == [str(n) for n in range(1, 12)]
    first = data["items"][0]
    assert first["instruction"].startswith("Subsection 5(a) of the Termination Agreement")
    assert first["new_text"].startswith("(a) The Company shall pay")
    assert first["line"] < first["end_line"]
