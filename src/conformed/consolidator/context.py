"""What an apply function needs to know besides the document and the operation."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Change

KeyPath = tuple[str, ...]


@dataclass
class Context:
    """One item being applied: where it comes from, and the label history.

    ``start`` maps each provision's uid to its key path in the agreement as it
    stood before this amendment; ``earlier`` holds the same maps for the
    agreement before each earlier amendment of the chain (the original first).
    "(formerly ...)" claims are checked against these documents, never against
    the transient states between two items.
    """

    amendment: str
    item: str
    start: dict[int, KeyPath]
    earlier: list[dict[int, KeyPath]] = field(default_factory=list)
    start_cites: dict[int, str] = field(default_factory=dict)
    omitted_text: str = "[Intentionally Omitted]"
    attachments: dict[str, str] = field(default_factory=dict)  # by exhibit_key(name)
    warnings: list[str] = field(default_factory=list)

    def change(self, action: str, detail: str) -> Change:
        return Change(amendment=self.amendment, item=self.item, action=action, detail=detail)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
