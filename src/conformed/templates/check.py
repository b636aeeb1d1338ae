"""Round trip: parse a draft with our grammar, apply it to the base, hold the result to the data.

A draft is only as good as the conformed copy it produces.  The check fails
loudly when an item would not apply, and also when everything applies but
the outcome is not what the data says: the base numbers differently from the
data's ``sections``/``subsections``, a provision ends up under another label
than the draft's own numbering gives it, or new text is not where its item
put it.  Provisions are followed by identity, never by label, so a wrong
renumbering cannot pass by coincidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..amendment import Amendment, format_date, parse_amendment
from ..consolidator import consolidate
from ..document import Document, Provision
from ..errors import ConformedError
from ..report import FAILED, Report
from .drafting import Draft
from .labels import LabelStyle, key_of
from .outline import Node


@dataclass
class CheckResult:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    report: Report | None = None
    document: Document | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def check_draft(draft: Draft, base: Document, base_name: str = "") -> CheckResult:
    """Parse ``draft``, apply it to ``base`` and list every way the result departs from the data."""
    result = CheckResult()
    try:
        amendment = parse_amendment(draft.text, source=draft.executive.id)
    except ConformedError as exc:
        result.problems.append(f"the draft cannot be read as an amendment: {exc}")
        return result
    result.problems += _metadata(amendment, draft)
    result.problems += _declared(base, draft)
    result.problems += _about(base, draft)
    done = consolidate(base, [amendment], base_name=base_name)
    result.report, result.document = done.report, done.document
    for item in done.report.amendments[0].items:
        if item.status == FAILED:
            result.problems.append(f"item {item.number} would not apply: {item.message}")
        result.warnings += [f"item {item.number}: {w}" for w in item.warnings]
    if done.ok:
        result.problems += _outcome(base, done.document, draft, amendment)
    return result


def _metadata(amendment: Amendment, draft: Draft) -> list[str]:
    data = draft.executive
    wanted = {
        "amendment number": (amendment.number, data.amendment_number),
        "date": (amendment.date, data.amendment_date),
        "effective date": (amendment.effective_date, data.effective_date),
        "agreement's date": (amendment.agreement_date, data.agreement_date),
        "agreement's short name": (amendment.agreement_name, data.agreement_short_name),
    }
    out = [
        f"the draft reads with {what} {_show(got)}, the data says {_show(want)}"
        for what, (got, want) in wanted.items()
        if got != want
    ]
    parties = dict(amendment.parties)
    for who, role in ((data.company, "Company"), (data.name, data.role)):
        if parties.get(who) != role:
            out.append(f'the draft does not name {who} as the "{role}" (read: {parties})')
    items = len(amendment.leaves())
    if items != draft.outline.items:
        out.append(f"the draft reads as {items} items; the template wrote {draft.outline.items}")
    return out


def _declared(base: Document, draft: Draft) -> list[str]:
    """The base must number as the data declares: Sections 1..N and the listed subsections."""
    data, out = draft.executive, []
    top = [p.key for p in base.body]
    want = [str(n) for n in range(1, data.sections + 1)]
    if top != want:
        out.append(f"the data says the base has Sections 1 to {data.sections}; it has {_run(top)}")
    by_key = {p.key: p for p in base.body}
    styles = set()
    for section, count in data.subsections:
        node = by_key.get(section)
        have = [c.key for c in node.children] if node else []
        if have != [key_of(1, v) for v in range(1, count + 1)]:
            out.append(
                f"the data says Section {section} has subsections a to {key_of(1, count)}; "
                f"the base has {_run(have)}"
            )
        styles |= {c.label_text for c in (node.children[:1] if node else ())}
    for printed in sorted(styles):
        if printed.startswith("(") == data.label_style.dotted:
            out.append(
                f"the data's label style is {data.label_style.name}; the base prints {printed!r}"
            )
            break
    return out


def _about(base: Document, draft: Draft) -> list[str]:
    """Each provision an item cites holds the words the template says it is about."""
    by_keys, out = _by_keys(base), []
    for ident, words, item in draft.outline.about:
        node = by_keys.get(ident)
        text = " ".join(_words(node).split()) if node else ""
        if node is not None and words.lower() not in text.lower():
            name = draft.executive.label_style.name_of(ident)
            out.append(
                f'item {item} cites {name} as the provision about "{words}", but {name} of '
                f'the base reads "{text[:70]}..."'
            )
    return out


def _outcome(base: Document, doc: Document, draft: Draft, amendment: Amendment) -> list[str]:
    """Every provision of the draft's final outline is where it says, and is what it says."""
    style = draft.executive.label_style
    origin = {node.uid: keys for keys, node in _by_keys(base).items()}
    result = _by_keys(doc)
    payloads = {item.number: item.payload for item, _ in amendment.leaves() if item.payload}
    out = []
    if len(doc.body) != len(draft.outline.body):
        want = len(draft.outline.body)
        out.append(f"the result has {len(doc.body)} Sections; the draft's numbering gives {want}")
    for keys, node in draft.outline.walk():
        name = style.name_of(keys)
        got = result.get(keys)
        if got is None:
            out.append(f"{name} should exist after the amendment; the result has none")
            continue
        out += _identity(name, node, got, origin, style)
        if node.children is not None and len(got.children) != len(node.children):
            out.append(
                f"{name} should have {len(node.children)} subsections; it has {len(got.children)}"
            )
        for item in [node.created_by, *node.changed_by]:
            text = payloads.get(item)
            if text and _compact(text) not in _compact(_words(got)):
                out.append(f"{name} does not read as item {item} words it")
    live = {node.uid for node in result.values()}
    for node, item in draft.outline.deleted:
        if node.ident in _by_keys(base) and _by_keys(base)[node.ident].uid in live:
            out.append(f"{style.name_of(node.ident)} of the base should be gone (item {item})")
    return out


def _identity(
    name: str, node: Node, got: Provision, origin: dict[int, tuple[str, ...]], style: LabelStyle
) -> list[str]:
    was = origin.get(got.uid)
    items = {change.item for change in got.changes}
    if node.is_new:
        if was is not None:
            old = style.name_of(was)
            return [f"{name} should be new (item {node.created_by}); it is {old} of the base"]
        if node.created_by not in items:
            return [f"{name} should have been added by item {node.created_by}"]
        return []
    if was != node.ident:
        now = style.name_of(was) if was else "new text"
        return [f"{name} should be {style.name_of(node.ident)} of the base; it is {now}"]
    missing = [i for i in node.changed_by if i not in items]
    return [f"{name} was not changed by item {i}" for i in missing]


def _by_keys(doc: Document) -> dict[tuple[str, ...], Provision]:
    return {doc.key_path(path): node for path, node in doc.walk()}


def _words(node: Provision) -> str:
    parts = [node.label_text, node.heading, node.text]
    parts += [_words(child) for child in node.children]
    return " ".join([*parts, node.trailing])


def _compact(text: str) -> str:
    return "".join(text.split()).strip('"\u201c\u201d')


def _run(keys: list[str]) -> str:
    if not keys:
        return "none"
    return keys[0] if len(keys) == 1 else f"{keys[0]} to {keys[-1]}"


def _show(value: object) -> str:
    return format_date(value) if isinstance(value, dt.date) else repr(value)
