"""PDF output: the HTML blackline laid out by WeasyPrint.

Why WeasyPrint rather than LibreOffice: the board-packet PDF must carry the
header, legend and change summary table of the HTML blackline, with "Page N
of M" in the margin; WeasyPrint implements CSS paged media (``@page`` margin
boxes, page counters), so the PDF is that page as printed.  LibreOffice would
print the Word redline, whose tracked changes it shows well but which has no
summary table, and its start-up alone costs about 1.3 s a document here
(measured; WeasyPrint: 4.8 s for 50 pages, most of it layout, and its import
alone costs 0.75 s, so it is imported only when a PDF is asked for).
"""

from __future__ import annotations

from ..errors import UsageError
from .edits import Redline
from .html import write_html


def write_pdf(redline: Redline, *, date: str = "") -> bytes:
    return pdf_from_html(write_html(redline, date=date))


def pdf_from_html(html: str) -> bytes:
    """The HTML blackline as printed (the web page makes its PDF from the HTML it kept)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: the pango libraries are missing
        raise UsageError(
            "PDF redlines need WeasyPrint and its system libraries (pango): "
            f"pip install weasyprint ({exc})"
        ) from None
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
