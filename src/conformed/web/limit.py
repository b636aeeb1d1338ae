"""A bound on what one request may send, checked as the bytes arrive.

Starlette spools uploads to disk without a limit of its own; this middleware refuses a
declared ``Content-Length`` over the limit before reading anything, and stops a body
sent without one (chunked) as soon as it passes the limit.
"""

from __future__ import annotations

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_UPLOAD_MB = 50


class TooLarge(Exception):
    pass


class BodyLimit:
    def __init__(self, app: ASGIApp, megabytes: int = MAX_UPLOAD_MB) -> None:
        self.app, self.limit, self.megabytes = app, megabytes * 1024 * 1024, megabytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(scope, receive, send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except TooLarge:
            if not started:
                await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        text = f"The files sent are larger than {self.megabytes} MB together; nothing was read."
        response = PlainTextResponse(text, status_code=413, headers={"Connection": "close"})
        await response(scope, receive, send)
