"""Quoted replacement text -> a provision, labelled once and checked against the instruction."""

from __future__ import annotations

from ..citation import Label, Style, from_alpha, from_roman, label_candidates
from ..document import Provision
from ..errors import PayloadError
from ..layout.convention import CONVENTION
from ..layout.engine import read_new_text


def provision_from_payload(text: str, key: str, like: Label | None, printed: str) -> Provision:
    """Parse ``text`` into one provision whose label key is ``key``.

    A quoted text that carries its own label keeps it (and must agree with the
    instruction); one without a label gets the label the instruction names,
    in the style of ``like`` (a sibling) so "12" prints as "12." beside "11.".
    """
    nodes = read_new_text(text)
    if not nodes:
        raise PayloadError(f"the quoted text for {printed} is empty")
    if len(nodes) > 1:
        labels = ", ".join(n.label_text or "(unlabelled)" for n in nodes)
        raise PayloadError(
            f"the quoted text for {printed} holds {len(nodes)} provisions ({labels}); "
            "the instruction names one"
        )
    node = strip_sources(nodes[0])
    if node.label is None:  # an Article's key ("article:4") is its label's value
        return node.evolve(label=make_label(key.removeprefix("article:"), like, printed))
    if node.key != key:
        raise PayloadError(
            f"the quoted text is labelled {node.label_text} but the instruction names {printed}"
        )
    return node.evolve(label=in_style_of(node.label, like))


def in_style_of(label: Label, like: Label | None) -> Label:
    """Read an ambiguous label ("i.", "(v)") in its siblings' style: alphabetic
    after (h), roman after (iv)."""
    if like is None or label.style is like.style:
        return label
    value = value_in_style(label.key, like.style)
    if value is None:
        return label
    return Label(like.style, value, label.prefix, label.suffix)


def make_label(key: str, like: Label | None, printed: str) -> Label:
    """A label with key ``key`` in the style of ``like`` (or as the citation prints it); the
    label ``like`` itself where it has that key: a provision restated keeps its own
    ("Section 5.2" stays "Section 5.2", not "5.2.")."""
    if like is not None and like.key == key:
        return like
    if like is not None:
        value = value_in_style(key, like.style)
        if value is not None:
            return Label(like.style, value, like.prefix, like.suffix)
    token = f"({key})" if printed.rstrip().endswith(")") else f"{key}."
    found = label_candidates(token)
    if not found:
        raise PayloadError(f"cannot make a label {key!r} for {printed}")
    return found[0]


def value_in_style(key: str, style: Style) -> int | None:
    if style is Style.ARABIC:
        return int(key) if key.isdigit() else None
    if style in (Style.UPPER_ORDINAL, Style.TITLE_ORDINAL):  # "NINETEENTH" after "EIGHTEENTH:"
        return CONVENTION.ordinal_value(key)
    if style in (Style.LOWER_ROMAN, Style.UPPER_ROMAN):
        return from_roman(key)
    return from_alpha(key)


def strip_sources(node: Provision) -> Provision:
    """New text is laid out in the agreement's style, not the amendment's."""
    return node.evolve(
        source=None,
        trailing_source=None,
        children=tuple(strip_sources(c) for c in node.children),
    )
