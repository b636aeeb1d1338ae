"""The small error hierarchy every layer raises.

Messages always name where the problem is: the amendment, the item number as
printed, and the text span, so that the CLI can collect and print them without
adding context of its own.
"""

from __future__ import annotations

from collections.abc import Callable


class ConformedError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(ConformedError):
    """A file cannot be read as a document: missing, empty, binary, undecodable."""


class UsageError(ConformedError):
    """The command line asks for something that cannot be done (exit code 2)."""


class AmendmentError(ConformedError):
    """A problem with one item of one amendment.

    ``item`` is the item number as printed ("6", "1.a.(3)"); ``span`` is the
    text of the instruction the problem is about.
    """

    reason = "amendment error"

    def __init__(
        self,
        message: str,
        *,
        amendment: str = "",
        item: str = "",
        span: str = "",
    ) -> None:
        super().__init__(message)
        self.detail = message
        self.amendment = amendment
        self.item = item
        self.span = span

    def located(self, *, amendment: str | None = None, item: str | None = None) -> AmendmentError:
        """Return the same error with the amendment and item filled in."""
        if amendment is not None and not self.amendment:
            self.amendment = amendment
        if item is not None and not self.item:
            self.item = item
        return self

    def __str__(self) -> str:
        where = []
        if self.amendment:
            where.append(self.amendment)
        if self.item:
            where.append(f"item {self.item}")
        prefix = ", ".join(where)
        span = f' ["{_shorten(self.span)}"]' if self.span else ""
        return f"{prefix}: {self.detail}{span}" if prefix else f"{self.detail}{span}"


class InstructionParseError(AmendmentError):
    """The grammar does not recognise the instruction.

    ``hint`` (what was expected, the nearest known forms) is costly and most
    rejected readings are thrown away when another reading succeeds, so it is
    built only when the message is read.  ``unread`` counts the characters from where
    the grammar stopped to the instruction's end: of two readings of one instruction
    that fail, the one with fewer unread got further, and its error is the one to show.
    ``read`` holds what the item's other sentences were read as, where one of several
    amending sentences failed: the item still fails whole, and the report says which
    changes of it were understood, so that a reader knows what is left to do by hand."""

    reason = "unparsed"
    read: tuple[object, ...] = ()

    def __init__(
        self,
        message: str,
        *,
        hint: Callable[[], str] | None = None,
        unread: int | None = None,
        **where: str,
    ):
        self._hint = hint
        self.unread = unread
        super().__init__(message, **where)

    @property
    def detail(self) -> str:
        if self._hint is not None:
            hint, self._hint = self._hint, None
            self._detail += hint()
        return self._detail

    @detail.setter
    def detail(self, value: str) -> None:
        self._detail = value


class TargetNotFound(AmendmentError):
    """The provision the instruction names does not exist."""

    reason = "target_not_found"


class AmbiguousTarget(AmendmentError):
    """The instruction could name more than one place."""

    reason = "ambiguous_target"


class FormerlyMismatch(AmendmentError):
    """A "(formerly ...)" or "as renumbered" claim does not match the label history."""

    reason = "formerly_mismatch"


class PlacementError(AmendmentError):
    """A new provision cannot go where the instruction says (gap, duplicate label)."""

    reason = "placement"


class PayloadError(AmendmentError):
    """The quoted text contradicts the instruction (e.g. labelled differently)."""

    reason = "payload"


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
