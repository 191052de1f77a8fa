"""One door to every format: ``render(document, "md"|"html"|"txt"|"docx"|"ics") -> bytes``."""

from __future__ import annotations

from coprod_meet.minutes.document import Document

FORMATS = {
    "md": "Markdown",
    "html": "a web page (HTML)",
    "txt": "plain text",
    "docx": "Word",
    "ics": "a calendar file",
}
BINARY = {"docx"}


def render(document: Document, fmt: str) -> bytes:
    if fmt == "md":
        from coprod_meet.minutes.markdown import render_markdown

        return render_markdown(document).encode("utf-8")
    if fmt == "html":
        from coprod_meet.minutes.html_page import render_html

        return render_html(document).encode("utf-8")
    if fmt == "txt":
        from coprod_meet.minutes.text import render_text

        return render_text(document).encode("utf-8")
    if fmt == "docx":
        from coprod_meet.minutes.word import render_docx

        return render_docx(document)
    if fmt == "ics":
        from coprod_meet.minutes.ics import render_ics

        return render_ics(document)
    raise ValueError(f"unknown format {fmt!r}")
