"""The change summary: what a reader is told changed, provision by provision."""

from __future__ import annotations

from pathlib import Path

import pytest
from pairs import CORPUS_FOUR, corpus_pair

from conformed.redline import compare
from conformed.redline.edits import CHANGED, Entry
from conformed.redline.summary import change_detail, summary_line, summary_rows
from conformed.redline.words import diff_words
from helpers import load_yaml

EXPECTED = load_yaml(Path(__file__).with_name("summaries.yaml"))


@pytest.mark.parametrize("mode", ["uid", "file"])
@pytest.mark.parametrize("expected", CORPUS_FOUR, ids=lambda e: e.split("/")[-1])
def test_corpus_summary_rows(expected: str, mode: str) -> None:
    pair = corpus_pair(expected, mode)
    rows = [r.text for r in summary_rows(compare(pair.old, pair.new))]
    assert rows == EXPECTED[expected.split("/")[-1]][mode]


def test_seed_003_reads_as_a_cover_note() -> None:
    pair = corpus_pair("expected/xxxxx_termination_benefits_1997", "uid")
    line = summary_line(compare(pair.old, pair.new))
    assert line.startswith(
        "5(a) replaced; 5(c) deleted; 5(c) (formerly 5(d)) replaced; 5(d), 5(e) inserted; "
        "5(f) (formerly 5(e)) renumbered; "
    )
    assert "Section 9 (formerly Section 8), second to last sentence amended" in line
    assert line.endswith("Section 12 inserted")


def test_rows_link_to_their_paragraphs() -> None:
    pair = corpus_pair("expected/xxxxx_termination_benefits_1997", "uid")
    redline = compare(pair.old, pair.new)
    for row in summary_rows(redline):
        assert redline.entries[row.entry].changed


def _changed(old: str, new: str) -> Entry:
    return Entry(CHANGED, "provision", ("9.",), ("9.",), 0, text=tuple(diff_words(old, new)))


THREE = "First one. Second one here. Third one is last."


@pytest.mark.parametrize(
    ("new", "detail"),
    [
        ("First one. Second one there. Third one is last.", "second sentence amended"),
        ("First one. Second one here. Third one is the last.", "last sentence amended"),
        ("Premier. Second one here. Third one is last.", "first sentence replaced"),
        ("First one. Second one here. Third one is last. A fourth.", "text added at the end"),
        ("Totally different words entirely now, nothing kept.", "replaced"),
        ("First two. Second one here. Third one is the last.", "first and last sentences amended"),
    ],
)
def test_change_detail_names_sentences(new: str, detail: str) -> None:
    assert change_detail(_changed(THREE, new)) == detail


def test_second_to_last_is_counted_from_the_end() -> None:
    old = "One a. Two b. Three c. Four d. Five e."
    assert change_detail(_changed(old, "One a. Two b. Three c. Four x. Five e.")) == (
        "second to last sentence amended"
    )


def test_no_changes() -> None:
    pair = corpus_pair("expected/xxxxx_termination_benefits_1997", "uid")
    assert summary_line(compare(pair.old, pair.old)) == "no changes"
