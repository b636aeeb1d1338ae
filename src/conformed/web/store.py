"""Results kept for download: a page's files, behind a random token, for a while.

A request's uploads are removed when it is answered; what it produced (the conformed
copy, the report, the redlines, a batch's zip) is kept here in memory so that the
page's links work, under a token nobody can guess, and dropped after ``TTL`` seconds
or when the store passes its size, oldest first.  Nothing else is shared between
requests.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from .work import Download

TTL = 3600.0
MAX_BYTES = 1024 * 1024 * 1024


@dataclass
class Entry:
    files: dict[str, Download] = field(default_factory=dict)
    page: dict[str, Any] = field(default_factory=dict)  # what a later page shows of it
    later: dict[str, str] = field(default_factory=dict)  # a file made on first download, from
    created: float = field(default_factory=time.monotonic)

    @property
    def names(self) -> list[str]:
        return sorted({*self.files, *self.later})

    @property
    def size(self) -> int:
        return sum(len(data) for _, _, data in self.files.values())


class Store:
    def __init__(self, ttl: float = TTL, max_bytes: int = MAX_BYTES) -> None:
        self.ttl, self.max_bytes = ttl, max_bytes
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def put(
        self,
        files: list[Download],
        page: dict[str, Any] | None = None,
        later: dict[str, str] | None = None,
    ) -> str:
        token = secrets.token_urlsafe(18)
        entry = Entry({name: f for f in files for name in [f[0]]}, page or {}, later or {})
        with self._lock:
            self._entries[token] = entry
            self._expire()
        return token

    def update(self, token: str, files: list[Download], page: dict[str, Any]) -> None:
        with self._lock:
            entry = self._entries.get(token)
            if entry is not None:
                entry.files.update({f[0]: f for f in files})
                for made in files:
                    entry.later.pop(made[0], None)
                entry.page.update(page)
                self._expire()

    def get(self, token: str) -> Entry | None:
        with self._lock:
            self._expire()
            return self._entries.get(token)

    def _expire(self) -> None:
        now = time.monotonic()
        while self._entries:
            token, oldest = next(iter(self._entries.items()))
            total = sum(e.size for e in self._entries.values())
            if now - oldest.created > self.ttl or total > self.max_bytes:
                del self._entries[token]
            else:
                break
