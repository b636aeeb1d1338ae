"""A sandbox that also bounds what a template may cost: output size, operands and time.

Jinja2's sandbox keeps a template from reaching Python, and its ``range`` stops at
100,000 items; but ``'A' * 6000000000`` or three nested ranges would still exhaust the
machine.  A draft amendment is tens of kilobytes, so a template that asks for far more
is refused with a message, per draft, and the batch goes on with the next row.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

MAX_DRAFT_CHARS = 2_000_000  # a draft amendment is about 20,000
MAX_SECONDS = 10.0  # per rendering pass


class BoundedSandbox(SandboxedEnvironment):
    """Refuses a repetition or a power that would build a huge value."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(times, int)
                if sized and len(seq) * times > MAX_DRAFT_CHARS:
                    raise SecurityError("a repetition in the template is too large")
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError("a power in the template is too large")
        return super().call_binop(context, operator, left, right)


def bounded_render(chunks: Iterator[str]) -> str:
    """Join a template's output, refusing more than MAX_DRAFT_CHARS or MAX_SECONDS."""
    out: list[str] = []
    size = 0
    with _deadline(MAX_SECONDS):
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_DRAFT_CHARS:
                raise SecurityError(
                    f"the draft is longer than {MAX_DRAFT_CHARS:,} characters; not rendered"
                )
            out.append(chunk)
    return "".join(out)


class _TooSlow(SecurityError):
    pass


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Stop a pass that runs too long (a loop that prints nothing still takes time).
    Only the main thread can take a signal; elsewhere the size bound is what holds."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise _TooSlow(f"the template ran longer than {seconds:g} seconds; not rendered")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
