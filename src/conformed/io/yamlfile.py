"""YAML data, bounded: an alias bomb ("a: &a [...]", "b: [*a, *a, ...]") is refused
before anything is built from it, by the number of values the document would have with
every alias expanded.  Executive data and batch manifests are read through it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError

MAX_YAML_VALUES = 1_000_000


def load_yaml(text: str, path: str | Path) -> Any:
    """The YAML document in ``text``, or an InputError naming ``path``."""
    try:
        _bounded(text, Path(path))
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML ({exc})") from None


def _bounded(text: str, path: Path) -> None:
    sizes: dict[str, int] = {}  # an anchor's expanded size
    open_nodes: list[tuple[str | None, int]] = []  # (anchor, size so far) of open collections
    total = 0

    def add(n: int) -> None:
        nonlocal total
        total += n
        if open_nodes:
            anchor, size = open_nodes[-1]
            open_nodes[-1] = (anchor, size + n)
        if total > MAX_YAML_VALUES:
            raise InputError(
                f"{path}: the YAML expands to more than {MAX_YAML_VALUES:,} values "
                "(an alias bomb?); data never need so many"
            )

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            add(sizes.get(event.anchor or "", 1))
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            add(1)
        elif isinstance(event, yaml.CollectionStartEvent):
            open_nodes.append((event.anchor, 0))
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, size = open_nodes.pop()
            if anchor:
                sizes[anchor] = size + 1
            total -= size  # counted once more, as a whole, in its parent
            add(size + 1)
