"""Reverse drafting: plan the amendment items that turn BASE into EDITED.

The sibling lists are walked in reading order and each difference becomes one
item in the house style: a whole provision amended in its entirety, one
sentence replaced, a provision deleted (the rest renumbered) or a new one
added.  Every item cites provisions as the earlier items leave them, so each
planned item is applied at once to a running copy of the agreement by our own
parser and consolidator, and the next item reads its labels from that copy,
finding provisions by identity (``uid``), never by label arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..amendment import parse_amendment
from ..citation import name_path
from ..consolidator import consolidate
from ..consolidator.apply_text import provision_sentences
from ..document import Document, Path, Provision
from ..report import FAILED
from .align import ReverseError, align, check_labels, content_key, fold, head_key
from .drafting import environment
from .layout import layout

ORDINALS: tuple[str, ...] = ("first", "second", "third", "fourth", "fifth", "sixth")
ORDINALS += ("seventh", "eighth", "ninth", "tenth")
OMITTED = "[Intentionally Omitted]"
VERBS = {"replace": "replace", "sentence": "replace the {ordinal} sentence of"}
VERBS |= {"delete": "delete", "omit": "delete", "insert": "insert", "append": "insert"}


@dataclass(frozen=True)
class Cited:
    """A provision as one item names it; the attributes are those macros.j2 reads."""

    name: str  # "subsection 5(c)"
    label: str  # "(c)", or "(g)(i)" when the first subdivision runs on
    formerly: str = ""  # "subsection 5(d)" when earlier items renumbered it
    parent: str = ""  # "Section 5": what the remainder clause names ("" at the top)
    as_renumbered: bool = False

    @property
    def Name(self) -> str:  # the macros' name for it
        return self.name[:1].upper() + self.name[1:]

    @property
    def moved(self) -> bool:
        return bool(self.formerly)

    def opening(self, child: str) -> str:
        return self.label


@dataclass(frozen=True)
class Step:
    """One planned item: ``kind`` picks the macro, ``body`` is its quoted text."""

    id: str
    kind: str  # replace, sentence, delete, omit, insert, append
    cited: Cited
    body: str = ""
    ordinal: str = ""
    renumber: bool = False

    @property
    def summary(self) -> str:
        """A short account for messages and tests: "delete subsection 5(c) + renumber"."""
        where = self.cited.name + (
            f", as renumbered (formerly {self.cited.formerly})" if self.cited.moved else ""
        )
        verb = VERBS[self.kind].format(ordinal=self.ordinal)
        return f"{verb} {where}" + (" + renumber" if self.renumber else "")


class StepOutline:
    """What macros.j2 asks of ``draft`` (item numbers, how a provision is cited), answered
    from the planned steps, which name their provisions by step id."""

    def __init__(self, steps: list[Step]) -> None:
        self._cited = {step.id: step.cited for step in steps}
        self.items = 0

    def item(self) -> str:
        self.items += 1
        return str(self.items)

    def replace(self, target: str, about: str = "") -> Cited:
        return self._cited[target]

    def sentence(self, target: str, about: str = "") -> Cited:
        return self._cited[target]

    def delete(self, target: str, renumber: bool = True, about: str = "") -> Cited:
        return self._cited[target]

    def insert(self, name: str = "", **_: object) -> Cited:
        return self._cited[name]


def render_steps(steps: list[Step], context: dict[str, Any]) -> str:
    template = environment("").get_template("reverse.j2")  # the built-in templates' folder
    return layout(template.render(**context, steps=steps, draft=StepOutline(steps)))


class Planner:
    """Walks BASE and EDITED together; ``steps`` grows by one item per difference."""

    def __init__(self, base: Document, edited: Document, context: dict[str, Any]) -> None:
        self.base, self.edited, self.context = base, edited, context
        self.state = base
        self.steps: list[Step] = []
        self.was = {node.uid: base.name_of(path) for path, node in base.walk()}
        self.key = {node.uid: node.key for _, node in base.walk()}  # to tell who has moved

    def plan(self) -> list[Step]:
        self._siblings(None, self.base.body, self.edited.body, [], "among the Sections")
        return self.steps

    # --- walking ------------------------------------------------------------------
    def _siblings(
        self,
        parent: int | None,
        olds: tuple[Provision, ...],
        news: tuple[Provision, ...],
        labels: list[str],
        where: str,
    ) -> None:
        pairs = align(olds, news)
        check_labels(pairs, labels, where)
        position = 0
        for pair in pairs:
            if pair.base is not None and pair.edited is not None:
                if not pair.same:
                    self._amended(pair.base, pair.edited)
            elif pair.base is not None:
                self._delete(pair.base)
            else:
                assert pair.edited is not None
                self._insert(parent, position, pair.edited)
            position += pair.edited is not None

    def _amended(self, old: Provision, new: Provision) -> None:
        path = self._path(old.uid)
        self._labelled(old, path)
        if fold(new.text) == OMITTED and not (new.heading or new.children or new.trailing):
            self._add("omit", self._cited(path))
            return
        if head_key(old) == head_key(new):
            self._children(old, new, path)
            return
        sentence = changed_sentence(old, new)
        if sentence is None:
            label, paras = quoted(new)
            self._add("replace", replace(self._cited(path), label=label), "\n\n".join(paras))
            return
        ordinal, text = sentence
        self._add("sentence", self._cited(path), text, ordinal=ordinal)
        self._children(old, new, path)

    def _children(self, old: Provision, new: Provision, path: Path) -> None:
        if content_key(old)[3:] == content_key(new)[3:]:
            return
        where = "in " + self.base.name_of(self._base_path(old.uid))
        self._siblings(old.uid, old.children, new.children, self.state.labels_on(path), where)

    def _delete(self, old: Provision) -> None:
        path = self._path(old.uid)
        self._labelled(old, path)
        self._add("delete", self._cited(path), renumber=True)

    def _insert(self, parent: int | None, position: int, new: Provision) -> None:
        where: Path = self._path(parent) if parent is not None else ()
        self._labelled(new, where)
        siblings = self.state.get(where).children if where else self.state.body
        renumber = position < len(siblings)
        label, paras = quoted(new)
        cited = Cited(
            name=name_path([*self.state.labels_on(where), new.label_text]),
            label=label,
            parent=self.state.name_of(where) if where else "",
            as_renumbered=renumber and any(self.key.get(s.uid, s.key) != s.key for s in siblings),
        )
        plain = not (where or renumber or new.heading or new.children or label != new.label_text)
        if plain:
            cited = replace(cited, label="")
        self._add("append" if plain else "insert", cited, "\n\n".join(paras), renumber=renumber)

    def _labelled(self, node: Provision, where: Path) -> None:
        """An item cites provisions by label: an unlabelled paragraph (a definition in a
        list, say) cannot be amended, deleted or added on its own."""
        if node.label is None:
            inside = f" in {self.state.name_of(where[:-1] or where)}" if where else ""
            raise ReverseError(
                f'EDITED changes an unlabelled paragraph{inside} ("{fold(node.text)[:50]}..."): '
                "an amendment item can only cite a provision by its label"
            )

    # --- the running copy ---------------------------------------------------------
    def _add(self, kind: str, cited: Cited, body: str = "", **more: Any) -> None:
        step = Step(f"s{len(self.steps) + 1}", kind, cited, body, **more)
        alone = replace(step, cited=replace(cited, formerly=""))  # checked against BASE later
        text = render_steps([alone], self.context)
        done = consolidate(self.state, [parse_amendment(text, source="draft")])
        for item in done.report.amendments[0].items:
            if item.status == FAILED:
                raise ReverseError(f"the item to {step.summary} would not apply: {item.message}")
        self.steps.append(step)
        self.state = done.document

    def _cited(self, path: Path) -> Cited:
        node = self.state.get(path)
        name, was = self.state.name_of(path), self.was[node.uid]
        label, _ = quoted(node)
        parent = self.state.name_of(path[:-1]) if len(path) > 1 else ""
        return Cited(name, label, was if was != name else "", parent)

    def _path(self, uid: int | None) -> Path:
        return next(path for path, node in self.state.walk() if node.uid == uid)

    def _base_path(self, uid: int) -> Path:
        return next(path for path, node in self.base.walk() if node.uid == uid)


def changed_sentence(old: Provision, new: Provision) -> tuple[str, str] | None:
    """(ordinal, new sentence) when the provisions differ in exactly one sentence of their
    own text, the same number of sentences each; None otherwise."""
    if fold(old.heading) != fold(new.heading) or fold(old.trailing) != fold(new.trailing):
        return None
    if (old.trailing or new.trailing) and not (old.children and new.children):
        return None  # text and trailing lines were compared as one
    olds = [fold(old.text[s:e]) for s, e in provision_sentences(old.text)]
    news = [fold(new.text[s:e]) for s, e in provision_sentences(new.text)]
    differ = [i for i, (x, y) in enumerate(zip(olds, news, strict=False)) if x != y]
    if len(olds) != len(news) or len(olds) < 2 or len(differ) != 1:
        return None  # a provision of one sentence is restated whole
    index = differ[0]
    back = len(news) - index  # 1 for the last sentence
    if not new.children and back <= min(index, len(ORDINALS)):  # counted from the nearer end
        return ("last" if back == 1 else f"{ORDINALS[back - 1]} to last"), news[index]
    if index < len(ORDINALS):  # counting from the end is ambiguous beside subdivisions
        return ORDINALS[index], news[index]
    return None


def quoted(node: Provision) -> tuple[str, list[str]]:
    """A provision as new text: its label (run together with a first subdivision that
    follows on the same line: "(g)(i)") and its paragraphs, whitespace folded."""
    label = node.label_text
    paras = [fold(p) for p in node.text.split("\n\n") if p.strip()]
    if node.heading:
        paras = [fold(f"{node.heading} {paras[0] if paras else ''}"), *paras[1:]]
    for child in node.children:
        own, body = quoted(child)
        first = fold(f"{own} {body[0] if body else ''}")
        if child.inline and not paras:
            label = label + own if own.startswith("(") and label.endswith(")") else f"{label} {own}"
            paras = body
        elif child.inline:
            paras = [*paras[:-1], f"{paras[-1]} {first}", *body[1:]]
        else:
            paras += [first, *body[1:]]
    paras += [fold(p) for p in node.trailing.split("\n\n") if p.strip()]
    return label, paras
