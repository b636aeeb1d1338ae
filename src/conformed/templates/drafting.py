"""Render an amendment draft from a template and one executive's data.

Templates run in Jinja2's sandbox with undefined variables as errors: a user
template is someone else's code, and a misspelt field must stop the draft, not
print an empty string into a legal document.  Rendering takes two passes: the
first learns what every provision is numbered once all items apply, so that
new text can cite "subsection 5(g) below" before item 6 creates 5(g).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, overload

import jinja2

from ..errors import ConformedError, InputError, UsageError
from ..lazy_re import lazy_re
from .blocks import blocks
from .data import Executive
from .layout import center, join_and, layout, quote
from .outline import Outline, OutlineError
from .sandbox import BoundedSandbox, bounded_render

BUILTIN = Path(__file__).resolve().parent
from .names import FORMS  # noqa: E402  (re-exported)

DRAFT_FORMATS = {"text": ".txt", "md": ".md", "docx": ".docx", "pdf": ".pdf"}  # and suffixes


class DraftTemplateError(ConformedError):
    """The template could not render this executive's draft."""


@dataclass(frozen=True)
class Draft:
    """A rendered draft and the numbering its items leave, for the round-trip check."""

    text: str
    executive: Executive
    template: str
    outline: Outline


def template_for(spec: str) -> jinja2.Template:
    """A built-in form by name ("severance_409a") or a user's .j2 file by path."""
    name = spec.removesuffix(".j2")
    if name in FORMS and not Path(spec).is_file():
        folder, file = "", f"{name}.j2"
    else:
        path = Path(spec)
        if not path.is_file():
            forms = ", ".join(FORMS)
            raise UsageError(f"{spec}: no such template file (built-in forms: {forms})")
        folder, file = str(path.resolve().parent), path.name
    try:
        return environment(folder).get_template(file)
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(f"{exc.filename or spec}, line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise InputError(f"{spec}: template {exc.name!r} not found") from None


@cache
def environment(folder: str) -> BoundedSandbox:
    """One sandbox per template folder; built-in macros are importable from any folder."""
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(BUILTIN))]
    if folder:
        loaders.insert(0, jinja2.FileSystemLoader(folder))
    env = BoundedSandbox(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(center=center, join_and=join_and, quote=quote)
    return env


def render(template: str | jinja2.Template, executive: Executive) -> Draft:
    tpl = template_for(template) if isinstance(template, str) else template
    name = Path(tpl.filename or str(template)).stem if tpl.filename else str(template)
    context = executive.context()
    style, subsections = executive.label_style, dict(executive.subsections)
    first = Outline(style, executive.sections, subsections)
    _render(tpl, context, first, executive)
    final = first.final_keys()
    outline = Outline(style, executive.sections, subsections, final=final)
    text = _render(tpl, context, outline, executive)
    if outline.final_keys() != final:
        raise DraftTemplateError(
            f"{executive.source}: the template's items depend on its own cross-references"
        )
    return Draft(layout(text), executive, name, outline)


def draft(template: str | jinja2.Template, executive: Executive) -> str:
    """The draft's text (plain, EDGAR-style)."""
    return render(template, executive).text


def _render(
    tpl: jinja2.Template, context: dict[str, object], outline: Outline, executive: Executive
) -> str:
    try:
        return bounded_render(tpl.generate(**context, draft=outline, style=executive.label_style))
    except jinja2.UndefinedError as exc:
        where = _template_line(exc)
        raise DraftTemplateError(f"{executive.source}: {where}{exc.message}") from None
    except (jinja2.TemplateError, OutlineError) as exc:  # SecurityError and the like
        where = _template_line(exc)
        raise DraftTemplateError(f"{executive.source}: {where}{exc}") from None


def _template_line(exc: BaseException) -> str:
    """ "severance_409a.j2, line 12: " from the innermost template frame of the traceback."""
    found = ""
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f"{Path(filename).name}, line {tb.tb_lineno}: "
        tb = tb.tb_next
    return found


@overload
def render_draft(text: str, fmt: Literal["text", "md"]) -> str: ...
@overload
def render_draft(text: str, fmt: Literal["docx", "pdf"]) -> bytes: ...
@overload
def render_draft(text: str, fmt: str) -> str | bytes: ...
def render_draft(text: str, fmt: str) -> str | bytes:
    """The draft in an output format: "text" as drafted, "md" Markdown, "docx" and "pdf" bytes.

    Word and PDF writers are imported on first use: most runs never need them.
    """
    if fmt == "text":
        return text
    if fmt == "md":
        return to_markdown(text)
    if fmt in ("docx", "pdf"):
        from .docx_out import to_docx

        data = to_docx(text)
        if fmt == "docx":
            return data
        from .pdf import docx_to_pdf

        return docx_to_pdf(data)
    raise UsageError(f"unknown draft format {fmt!r} (use {', '.join(DRAFT_FORMATS)})")


_MD_SPECIAL = lazy_re(r"([\\`*_\[\]<>#|])")


def to_markdown(text: str) -> str:
    """The title in bold, quoted new text as block quotes, item numbers escaped so that
    Markdown keeps them as printed."""
    out = []
    for block in blocks(text):
        escaped = [_MD_SPECIAL.sub(r"\\\1", line) for line in block.lines]
        escaped = [re.sub(r"^(\d+)\.", r"\1\\.", e) for e in escaped]
        escaped = [re.sub(r"^([-+=])", r"\\\1", e) for e in escaped]
        if block.kind == "title":
            out.append("**" + " ".join(escaped) + "**")
        elif block.kind in ("quote", "quote_more"):
            out.append("> " + " ".join(escaped))
        elif block.kind == "signature":
            out.append("  \n".join(escaped))
        else:
            out.append(" ".join(escaped))
    return "\n\n".join(out) + "\n"


__all__ = ["Draft", "DraftTemplateError", "draft", "render", "render_draft", "template_for"]
