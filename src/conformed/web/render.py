"""The page's HTML: the Jinja2 templates in templates/, autoescaped, rendered into a response."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import Response

HERE = Path(__file__).parent

PAGES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(HERE / "templates")),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def page(request: Request, page_name: str, status: int = 200, **context: Any) -> Response:
    html = PAGES.get_template(page_name).render(request=request, **context)
    return Response(html, status_code=status, media_type="text/html; charset=utf-8")
