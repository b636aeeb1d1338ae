"""Run the page's CPU work in a process of its own, off the event loop.

A request's work (reading, consolidating, redlining, drafting) is pure CPU: run on the
event loop it would stall every other user, and run in a thread it would still hold
the interpreter lock.  Each piece of work gets a fresh process forked from a server
that has already imported the engine, so starting one costs milliseconds; a process
that runs past its time, or grows past its memory, is killed, and only its own
request fails.  Nothing of one request is left in a process for the next.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import resource
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

from ..errors import ConformedError
from ..io.files import MAX_INPUT_MB, set_input_limit

PRELOAD = ["conformed.web.work", "conformed.web.work_draft", "conformed.web.warm"]
_context: Any = None
_lock = threading.Lock()


class WorkError(ConformedError):
    """The work did not finish: it ran too long, ran out of memory, or crashed."""


def _ctx() -> Any:
    global _context
    with _lock:
        if _context is None:
            _context = multiprocessing.get_context("forkserver")
            _context.set_forkserver_preload(PRELOAD)
        return _context


def _child(
    conn: Connection, limits: tuple[int, int], fn: Callable[..., Any], args: tuple[Any, ...]
) -> None:
    """In the worker: bound its memory and inputs, run, send back ('ok', value) or
    ('error', text)."""
    memory, input_mb = limits
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    set_input_limit(input_mb)

    def progress(done: int, total: int) -> None:
        conn.send(("progress", (done, total)))

    try:
        conn.send(("ok", fn(*args, progress=progress)))
    except ConformedError as exc:
        conn.send(("error", str(exc)))
    except MemoryError:
        conn.send(("error", "the work needed more memory than a request may use"))
    except RecursionError:
        conn.send(("error", "the document nests too deeply to read"))
    finally:
        conn.close()


class Runner:
    """At most ``slots`` processes at once; each killed after ``timeout`` seconds."""

    def __init__(
        self, slots: int, timeout: float, memory_mb: int = 3072, input_mb: int = MAX_INPUT_MB
    ) -> None:
        self.slots = threading.BoundedSemaphore(slots)
        self.waiters = ThreadPoolExecutor(max_workers=64, thread_name_prefix="conformed-work")
        self.timeout, self.limits = timeout, (memory_mb * 1024 * 1024, input_mb)

    async def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.waiters, self._wait, fn, args, on_progress)

    def _wait(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        on_progress: Callable[[int, int], None] | None,
    ) -> Any:
        """In a thread of its own, blocked on the pipe (the lock is released while it waits);
        first come, first served: at most ``slots`` processes at once."""
        with self.slots:
            ctx = _ctx()
            parent, child = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_child, args=(child, self.limits, fn, args), daemon=True)
            proc.start()
            child.close()
            end = time.monotonic() + self.timeout
            try:
                while True:
                    if not parent.poll(max(0.0, end - time.monotonic())):
                        raise WorkError(
                            f"the work took longer than {self.timeout:.0f} seconds and was stopped"
                        )
                    try:
                        kind, value = parent.recv()
                    except EOFError:
                        proc.join(5)
                        raise WorkError(
                            f"the work stopped unexpectedly (exit code {proc.exitcode})"
                        ) from None
                    if kind == "progress":
                        if on_progress is not None:
                            on_progress(*value)
                        continue
                    if kind == "error":
                        raise ConformedError(value)
                    return value
            finally:
                parent.close()
                if proc.is_alive():
                    proc.kill()
                proc.join(5)
                if hasattr(proc, "close") and not proc.is_alive():
                    proc.close()
