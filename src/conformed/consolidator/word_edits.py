"""Word-level edits: the words an item quotes, struck, replaced or inserted beside.

One place for them, used on provisions and on exhibits in the back matter.
Matching is exact and by whole words, with any white space between the quoted
words (a quotation mark or apostrophe matching its straight or curly form); zero
matches, or several without "each place it appears", fail.
Nothing is fuzzy-matched: a struck word the agreement does not contain is the
amendment's problem to report, not ours to guess.
"""

from __future__ import annotations

import re

from ..document import Provision
from ..errors import AmbiguousTarget, PlacementError, TargetNotFound
from ..operations import WordEdit
from ..sentences import sentence_spans


def ends_with(text: str, last: str) -> bool:
    """``text`` ends with the words or mark ``last``, as whole words ("and" is never the end
    of "band"): what "the word "and" at the end of clause (b)" asks of a clause."""
    if not text.endswith(last):
        return False
    return not (last[:1].isalnum() and re.search(rf"\w{re.escape(last)}$", text))


def apply_word_edit(node: Provision, edit: WordEdit, printed: str) -> Provision:
    if edit.kind == "append_text":
        addition = " ".join(edit.new.split())
        if node.children:
            return node.evolve(trailing=_appended(node.trailing, addition, edit, printed))
        return node.evolve(text=_appended(node.text, addition, edit, printed))
    if edit.kind == "prepend_text":
        if not node.text:
            raise TargetNotFound(f"{printed} has no words of its own to put the new words before")
        return node.evolve(text=f"{' '.join(edit.new.split())} {node.text}")
    if edit.until in ("text", "following") and node.children:
        raise PlacementError(
            f"{printed} has provisions of its own after its words; the item does not say "
            f"whether {quoted(edit)} ends with its words or with those provisions"
        )
    return node.evolve(text=edit_words(node.text, edit, printed))


def _appended(text: str, addition: str, edit: WordEdit, printed: str) -> str:
    """Words added at the end: a new paragraph after a blank line, a sentence after a space,
    and words that begin with a comma or semicolon ("; provided that ...") straight after
    the last word.  After a sentence's full stop, such words continue the sentence (a
    proviso): they take the stop's place, and end with one.  After a comma, semicolon or
    colon they would double it, and which of the two the drafter meant is not ours to guess."""
    if not text.strip() or not addition:
        return f"{text}{addition}".strip()
    if edit.where == "paragraph":
        return f"{text}\n\n{addition}"
    if addition[0] in ",;" and text.rstrip()[-1] == ".":
        ends = "" if addition[-1] in ".!?" or addition.endswith(('."', ".\u201d")) else "."
        return f"{text.rstrip()[:-1]}{addition}{ends}"
    if addition[0] in ",;:":
        if text.rstrip()[-1] in ".,;:":
            raise PlacementError(
                f'the words added ("{addition[:20]}") begin with "{addition[0]}" but {printed} '
                f'already ends with "{text.rstrip()[-1]}"; the item does not say which to keep'
            )
        return f"{text.rstrip()}{addition}"
    return f"{text} {addition}"


def _closing_mark_once(new: str, old: str, text: str, end: int) -> str:
    """ "substituting for said date "August 31, 2023,"": a comma or stop printed inside the
    quotation marks (as American usage puts the sentence's own comma there) is not printed a
    second time where the words replaced are already followed by it."""
    mark = new[-1:]
    if mark in (",", ".", ";") and not old.endswith(mark) and text[end : end + 1] == mark:
        return new[:-1]
    return new


def edit_words(text: str, edit: WordEdit, printed: str) -> str:
    """Replace, delete or insert beside the quoted words: exactly, whole words only, and
    only once unless the item says "each place it appears" (all) or "where it first
    appears" (the first)."""
    if not edit.old:  # a place with no words ("at the beginning"): never an edit of words
        raise TargetNotFound(f"{edit.kind.replace('_', ' ')} needs words of {printed} to act on")
    if edit.until:
        return _edit_to_end(text, edit, printed)
    pattern = edit_pattern(edit)
    hits = len(pattern.findall(text))
    if hits == 0:
        raise TargetNotFound(f"the words {quoted(edit)} do not appear in {printed}")
    count = 1 if edit.first else 0  # "where it first appears": the first one only
    if hits > 1 and not edit.every and not edit.first:
        raise AmbiguousTarget(
            f"the words {quoted(edit)} appear {hits} times in {printed}; the item does not say "
            '"each place it appears"'
        )
    new = " ".join(edit.new.split())
    if edit.kind == "replace_words":
        return pattern.sub(
            lambda m: _closing_mark_once(new, edit.old, text, m.end()), text, count=count
        )
    if edit.kind == "delete_words":
        text = re.sub(r"[ \t]{2,}", " ", pattern.sub("", text, count=count))
        return re.sub(r"\s+([,.;:])", r"\1", text)
    if edit.where == "between":  # "between the words "A" and "B"": A, the new words, B
        return pattern.sub(
            lambda m: f"{m.group(0)[: m.start('gap') - m.start()]} {new}{m['gap']}",
            text,
            count=count,
        )
    if edit.where == "after":  # ', other than X,' closes up to the word
        return pattern.sub(lambda m: beside(m.group(0), new), text, count=count)
    if edit.old[:1] in _CLOSING:  # before a mark ("immediately before the period"): the
        gap = "" if new[:1] in _CLOSING else " "  # words close up to it, after a space
        return pattern.sub(lambda m: f"{gap}{new}{m.group(0)}", text, count=count)
    return pattern.sub(lambda m: f"{new} {m.group(0)}", text, count=count)


_CLOSING = frozenset(",;:.)")


def _edit_to_end(text: str, edit: WordEdit, printed: str) -> str:
    """ "deleting the words from "A" to the end of such sentence", "... all of the text
    following "A"": A (kept where the words follow it) to the end of its sentence, the
    sentence's own closing mark kept.  The words "following" A without an end named run to
    the end of the sentence only where that is also the end of the text; elsewhere the
    sentence and the provision are both readings, and the item does not say which."""
    hits = list(_words(edit.old).finditer(text))
    if not hits:
        raise TargetNotFound(f"the words {quoted(edit)} do not appear in {printed}")
    if len(hits) > 1 and not edit.first:
        raise AmbiguousTarget(
            f'the words "{edit.old}" appear {len(hits)} times in {printed}; the item does not '
            "say which one the words to the end begin at"
        )
    hit, body = hits[0], len(text.rstrip())
    sentence = next((b for a, b in sentence_spans(text) if a <= hit.start() < b), body)
    end = {"text": body}.get(edit.until, sentence)
    if edit.until == "following" and text[end:body].strip():
        raise AmbiguousTarget(
            f"the words {quoted(edit)} run to the end of their sentence or of {printed}; "
            "the item does not say which"
        )
    if text[end - 1] in ".;:":  # the sentence's own closing mark stays
        end -= 1
    start = hit.end() if edit.until == "following" else hit.start()
    new = " ".join(edit.new.split())
    if edit.kind == "delete_words":  # "in the Territory, unless ...": the comma goes too
        head = text[:start].rstrip()
        head = head[:-1] if head[-1:] in ",;" and text[end : end + 1] in _CLOSING else head
        return beside(head, text[end:].lstrip()).rstrip()
    if edit.kind != "replace_words":
        raise PlacementError(f"words are put beside {quoted(edit)} only by quoting one place")
    new = _closing_mark_once(new, "", text, end)
    return beside(text[:start].rstrip(), new) + text[end:]


def beside(text: str, words: str) -> str:
    """``words`` after ``text``, a space between, unless they open with a closing mark (",
    other than X," and "; provided ..." close up to the word before them)."""
    return text + ("" if words[:1] in _CLOSING else " ") + words


def quoted(edit: WordEdit) -> str:
    """The words an edit looks for, as a message prints them."""
    if edit.where == "span":
        return f'beginning with "{edit.old}" and ending with "{edit.then}"'
    if edit.until:
        end = "the end of the sentence" if edit.until == "sentence" else "the end"
        return (
            f'following "{edit.old}"'
            if edit.until == "following"
            else (f'from "{edit.old}" to {end}')
        )
    return f'"{edit.old}" followed by "{edit.then}"' if edit.then else f'"{edit.old}"'


def count_edit(text: str, edit: WordEdit) -> int:
    """How many places in ``text`` the edit acts on, as ``edit_words`` finds them."""
    return len(edit_pattern(edit).findall(text)) if edit.old else 0


def edit_pattern(edit: WordEdit) -> re.Pattern[str]:
    """The quoted words an edit acts on; for an insertion "between "A" and "B"", A where B
    follows it, with the space between them (group "gap")."""
    if not edit.then:
        return _words(edit.old)
    if edit.where == "span":  # A, B and the words between, never across another A
        first, last = _words(edit.old).pattern, _words(edit.then).pattern
        return re.compile(rf"{first}(?:(?!{first}).)*?{last}", re.DOTALL)
    return re.compile(rf"{_words(edit.old).pattern}(?P<gap>\s+)(?={_words(edit.then).pattern})")


def count_words(text: str, words: str) -> int:
    """How many times the quoted words appear in ``text``, as ``edit_words`` finds them."""
    return len(_words(words).findall(text)) if words else 0


# A quotation mark or apostrophe matches its straight or curly form: "Buyer's" in an
# amendment is "Buyer’s" in an agreement converted with typographic quotes.
_SINGLE, _DOUBLE = "['\u2018\u2019]", '["\u201c\u201d]'
_QUOTE_CLASS = {"'": _SINGLE, "\u2018": _SINGLE, "\u2019": _SINGLE}
_QUOTE_CLASS.update({'"': _DOUBLE, "\u201c": _DOUBLE, "\u201d": _DOUBLE})


def _words(words: str) -> re.Pattern[str]:
    """The quoted words, any white space between them, whole words only."""
    parts = ["".join(_QUOTE_CLASS.get(ch, re.escape(ch)) for ch in w) for w in words.split()]
    body = r"\s+".join(parts)
    left = r"(?<!\w)" if words[:1].isalnum() else ""
    right = r"(?!\w)" if words[-1:].isalnum() else ""
    return re.compile(left + body + right)
