"""Lines of a schedule or a list, named by their words: "the line item for Data Engineer",
"the line beginning "Third Installment"", "the line "Chief Operating Officer"".

Rate cards, payment schedules, lists of officers or guarantors print one entry a line (a
paragraph of a provision's text, or a line of an attachment after the signatures) and have
no labels; amendments name the entry by its first words ("for"), by how it begins, or by
all it reads.  Exactly one line must answer to the name, or the item is refused; the line
is deleted, replaced by the new lines, or new lines go just before or after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..change import Change
from ..citation import PLAIN_PROVISION, in_summary, parse_citation
from ..document import Document, Path, Provision
from ..errors import AmbiguousTarget, PayloadError, TargetNotFound
from ..layout.lines import blank_separated
from ..layout.summary import is_summary_title
from ..lazy_re import lazy_re
from ..operations import Target, WordEdit
from .apply import locate_target
from .apply_text import folded
from .cited import without_words
from .context import Context
from .exhibits import exhibit_span, is_exhibit
from .word_edits import edit_words
from .word_places import record_edits

_LINE = lazy_re(r'line (?P<how>for|beginning|reading) "(?P<key>[^"]*)"(?: of (?P<where>.+))?')
_BESIDE_LINE = lazy_re(
    r"(?:immediately\s+)?(?P<side>after|following|before|preceding)\s+"
    r'line (?P<how>for|beginning|reading) "(?P<key>[^"]*)"'
)
Lines = list[str]


def edit_line(doc: Document, c: Change, ctx: Context) -> Document | None:
    """The line named deleted, replaced, or given new lines beside it; None for any other
    change."""
    sel = c.selector
    if sel.qualifiers:
        return None
    side = ""
    if sel.kind == "line":
        m = _LINE.fullmatch(sel.printed)
        where = sel.scope
        if c.verb == "insert":
            beside = _BESIDE_LINE.fullmatch(c.position)
            if beside is None:
                return None
            side = beside["side"].lower()
    elif c.verb == "insert":
        m = _BESIDE_LINE.fullmatch(c.position)
        where = sel.printed
        side = m["side"].lower() if m else ""
    else:
        return None
    if m is None or not where:
        return None
    lines, put = _lines_of(doc, where, ctx)
    at, name = _the_line(lines, m, where)
    new = c.payload.paragraphs()
    if c.verb == "delete" and c.payload.kind == "none":
        lines[at : at + 1] = []
    elif c.verb == "replace" and new:
        lines[at : at + 1] = new
    elif c.verb == "insert" and new and side:
        at += 1 if side in ("after", "following") else 0
        lines[at:at] = new
    else:
        raise PayloadError(f"{name} of {where}: only deleted, replaced or given lines beside it")
    edit = WordEdit(f"{c.verb}_words", old=m["key"], new=c.payload.text)
    return put(lines, edit)


def words_in_line(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "The line relating to the Audit Chair in Section 1.1 is amended by striking "$20,000"
    and replacing it with "$25,000"": the words edited in that line only, by the rules of
    any word edit (once, unless the item says each place)."""
    sel = c.selector
    # (the line the scope, or named after the words: '"$4.10" in the line item for Part 7')
    m = _LINE.fullmatch(sel.scope) or _LINE.fullmatch(without_words(sel.printed))
    if m is None or not m["where"] or c.verb not in ("replace", "delete") or len(sel.words) != 1:
        return None
    lines, put = _lines_of(doc, m["where"], ctx)
    at, name = _the_line(lines, m, m["where"])
    edit = WordEdit(f"{c.verb}_words", old=sel.words[0], new=c.payload.text, every=c.each_place)
    lines[at] = edit_words(lines[at], edit, f"{name} of {m['where']}")
    return put(lines, edit)


def _the_line(lines: Lines, m: re.Match[str], where: str) -> tuple[int, str]:
    """The one line that answers to the name, and the name as the messages give it."""
    hits = [i for i, line in enumerate(lines) if _names(line, m["how"], m["key"])]
    if not hits and m["how"] == "for":
        # "the line item relating to Brazos Gathering, LLC" where the line reads "Issuer: Brazos
        # Gathering, LLC; ...": the one line that prints those words, if only one does
        hits = [i for i, line in enumerate(lines) if _prints(line, m["key"])]
    name = f'the line {m["how"]} "{m["key"]}"'.replace("line reading", "line")
    if not hits:
        raise TargetNotFound(f"{where} has no {name.removeprefix('the ')}")
    if len(hits) > 1:
        raise AmbiguousTarget(f"{where} has {len(hits)} lines that answer to {name}")
    return hits[0], name


def words_in_item(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "Item 2 of Schedule A is amended by deleting "$38.25 per unit" and substituting
    "$40.10 per unit"": the words edited in that numbered entry of the schedule only; None
    for any other selector."""
    sel = c.selector
    m = _ITEM_OF.fullmatch(sel.scope)
    if m is None or not is_exhibit(m["where"]) or c.verb not in ("replace", "delete"):
        return None
    if len(sel.words) != 1:
        return None
    lines, put = _lines_of(doc, m["where"], ctx)
    at, _ = _numbered(lines, m["label"], m["where"])
    edit = WordEdit(f"{c.verb}_words", old=sel.words[0], new=c.payload.text, every=c.each_place)
    lines[at] = edit_words(lines[at], edit, f"item {m['label']} of {m['where']}")
    return put(lines, edit)


_ITEM_OF = lazy_re(r"(?i:item|paragraph|line)\s+(?P<label>\d{1,3})\s+of\s+(?P<where>.+)")


def _numbered(lines: Lines, label: str, where: str) -> tuple[int, str]:
    """The one entry of a schedule numbered ``label`` ("2." or "(2)"), and its label."""
    number = re.compile(rf"\(?{re.escape(label)}[.)]\s")
    hits = [(i, m) for i, line in enumerate(lines) if (m := number.match(line.strip()))]
    if len(hits) != 1:
        raise TargetNotFound(f"{where} has {len(hits) or 'no'} entries numbered {label}")
    return hits[0][0], hits[0][1].group(0).strip()


def edit_item(doc: Document, c: Change, ctx: Context) -> Document | None:
    """ "Schedule A is amended by deleting item 2 thereof and substituting the following:
    "2. ..."" (or "... by deleting item 3 thereof in its entirety"): the schedule's entry
    numbered so, replaced by the new lines, or kept as "3. [Intentionally Omitted]" as a
    provision deleted without renumbering is; None for any other change."""
    sel = c.selector
    if sel.kind != "provision" or sel.unit.lower() != "item" or len(sel.labels) != 1:
        return None
    if sel.qualifiers or not is_exhibit(sel.scope):
        return None
    lines, put = _lines_of(doc, sel.scope, ctx)
    at, label = _numbered(lines, sel.labels[0], sel.scope)
    number = re.compile(rf"\(?{re.escape(sel.labels[0])}[.)]\s")
    new = c.payload.paragraphs()
    if c.verb == "delete" and c.payload.kind == "none":
        lines[at] = f"{label} [Intentionally Omitted]"
    elif c.verb == "replace" and new:
        lines[at : at + 1] = new if number.match(new[0]) else [f"{label} {new[0]}", *new[1:]]
    else:
        return None
    return put(lines, WordEdit(f"{c.verb}_words", old=label, new=c.payload.text))


def _names(line: str, how: str, key: str) -> bool:
    text, key = folded(line), folded(key)
    if how == "reading":
        return text == key or text.rstrip(".;,") == key.rstrip(".;,")
    if how == "beginning":
        return text.startswith(key)
    # "the line item for Engineer": the line whose name is that, then its figure ("Engineer:
    # $160"), never one whose name only begins so ("Engineer Trainee: ...")
    # (a parenthetical may stand between the name and its figure: "Tier II (Vice Presidents):")
    return re.match(rf"(?:the\s+)?{re.escape(key)}(?={_FIELD_END})", text) is not None


# What may follow a line's name: its figure's separator, perhaps after a parenthetical
# ("--" is how text prints a dash: "Lender: Harbor State Bank -- Commitment: $20,000,000")
_FIELD_END = r"(?:\s*\([^()]{0,120}\))?(?:\s*[:;,\u2013\u2014]|\s+-{1,2}\s|\s*$)"


def _prints(line: str, key: str) -> bool:
    """The line prints the name as one of its fields ("Issuer: Fenwick Quarry, LLC;
    Jurisdiction: ..."): followed by a field's end, never inside other words ("Member (in
    addition to the Audit Committee Chair fee)" is no line for the Chair)."""
    field = rf"(?<!\w){re.escape(folded(key))}(?={_FIELD_END})"
    return re.search(field, folded(line)) is not None


def _lines_of(
    doc: Document, where: str, ctx: Context
) -> tuple[Lines, Callable[[Lines, WordEdit], Document]]:
    """The lines of the provision or attachment cited, and how to put new ones back."""
    if is_exhibit(where):
        start, end = exhibit_span(doc, where)
        body = list(doc.back[start:end])
        filled = [k for k in range(1, len(body)) if body[k].strip()] or [len(body)]
        first, last = filled[0], filled[-1]
        spaced = any(not body[k].strip() for k in range(first, last))  # a paragraph each
        head, tail = body[:first], body[last + 1 :]

        def put_back(lines: Lines, edit: WordEdit) -> Document:
            out = [
                x for k, line in enumerate(lines) for x in ([""] if spaced and k else []) + [line]
            ]
            change = ctx.change("amend_text", f'Line "{edit.old}" changed')
            return doc.evolve(
                back=(*doc.back[:start], *head, *out, *tail, *doc.back[end:]),
                matter_changes=(*doc.matter_changes, (where, change)),
            )

        keep = [body[k] for k in filled if k < len(body)]
        return keep, put_back
    if is_summary_title(where):
        return _summary_lines(doc, where, ctx)
    if not PLAIN_PROVISION.fullmatch(where) and not in_summary(where):
        raise TargetNotFound(f"{where}: its lines are not looked up")
    path = locate_target(doc, Target(parse_citation(where)), ctx)
    node = doc.get(path)
    if node.children and all(c.label is None and not c.children for c in node.children):
        return _paragraph_lines(doc, path, ctx)
    return _text_lines(doc, path, ctx)


def _text_lines(
    doc: Document, path: Path, ctx: Context
) -> tuple[Lines, Callable[[Lines, WordEdit], Document]]:
    """The paragraphs of a provision's own text as its lines, put back as its text."""
    node = doc.get(path)

    def put_text(lines: Lines, edit: WordEdit) -> Document:
        changed = node.evolve(text="\n\n".join(lines))
        return doc.update(path, lambda _: record_edits(changed, (edit,), ctx))

    return node.text.split("\n\n"), put_text


def _summary_lines(
    doc: Document, where: str, ctx: Context
) -> tuple[Lines, Callable[[Lines, WordEdit], Document]]:
    """A lease's summary of captioned lines ("Premises: Suite 400 ...", "Parking: ..."):
    the paragraphs after its title in the front matter, or the text of the provision the
    title heads ("ARTICLE 1 / BASIC LEASE PROVISIONS").  Refused where the agreement has no
    such title, or several.  A paragraph kept keeps its raw lines; a new one is one line."""
    titles = [i for i, line in enumerate(doc.front) if is_summary_title(line)]
    heads = [p for p, n in doc.walk() if is_summary_title(n.heading) and not n.children]
    if len(titles) + len(heads) != 1:
        found = "no" if not titles + heads else "more than one"
        raise TargetNotFound(f"the agreement has {found} {where} to look for the line in")
    if heads:
        return _text_lines(doc, heads[0], ctx)
    start = titles[0] + 1
    chunks = blank_separated(doc.front[start:])
    read = tuple(" ".join(" ".join(chunk).split()) for chunk in chunks)  # (the caller edits
    # the list it is given in place)

    def put_front(new: Lines, edit: WordEdit) -> Document:
        kept = dict(zip(read, chunks, strict=True))
        out: list[str] = []
        for line in new:
            out += ["", *kept.pop(line, [line])]
        change = ctx.change("amend_text", f'Line "{edit.old}" changed')
        return doc.evolve(
            front=(*doc.front[:start], *out),
            matter_changes=(*doc.matter_changes, (where, change)),
        )

    return list(read), put_front


def _paragraph_lines(
    doc: Document, path: Path, ctx: Context
) -> tuple[Lines, Callable[[Lines, WordEdit], Document]]:
    """ "9. Base Rent (per month):" over one unlabelled paragraph a line ("Months 1 - 12:
    $36,720.00"): its lines are those paragraphs, after the provision's own words; a line
    kept keeps its paragraph as read, a new one is a new paragraph."""
    node = doc.get(path)
    own = [node.text] if node.text.strip() else []

    def put_back(lines: Lines, edit: WordEdit) -> Document:
        text, rest = (lines[0], lines[1:]) if own else ("", lines)
        old = list(node.children)
        kids = []
        for line in rest:
            same = next((k for k in old if k.text == line), None)
            if same is not None:
                old.remove(same)
            kids.append(same if same is not None else Provision(label=None, text=line))
        changed = node.evolve(text=text, children=tuple(kids))
        return doc.update(path, lambda _: record_edits(changed, (edit,), ctx))

    return [*own, *(c.text for c in node.children)], put_back
