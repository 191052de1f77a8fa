"""Minutes as Markdown (CommonMark), with people's words unable to make markup.

Every piece of text is escaped: the characters that start emphasis, links, images, code,
HTML, tables and entities are backslash-escaped everywhere, and the ones that make a heading,
a list or a block quote are escaped at the start of a line. Web addresses and e-mail addresses
are broken up (a dot inside a word, "://" and "@" are escaped) so that no link is made, even by
renderers that link bare addresses such as "example.co.uk".
"""

from __future__ import annotations

import re

from coprod_meet.minutes.document import Bullets, Document, Heading, Paragraph, Quote, Table

_INLINE = re.compile(r"([\\`*_\[\]<>#|~&@!])")
_LINE_START = re.compile(r"^(\s*)([-+=:>]|\d+(?=[.)]))")
_SCHEME = r"(?i)(?<=[a-z])(:)(?=//)"  # compiled on first use: few texts have an address
_DOT_IN_WORD = re.compile(r"\.(?=[^\W\d_])")


def escape(text: str, *, line_start: bool = True) -> str:
    """Text that Markdown shows exactly as it is, on one line.

    ``line_start=False`` for text after a heading's hashes, where a list cannot start.
    """
    text = " ".join(text.split())
    text = _INLINE.sub(r"\\\1", text)
    if "://" in text:  # most text has no address: skip a search that looks behind at every letter
        text = re.sub(_SCHEME, r"\\\1", text)
    text = _DOT_IN_WORD.sub(r"\\.", text)
    match = _LINE_START.match(text) if line_start else None
    if match:
        start = match.end(1)
        token = match.group(2)
        if token.isdigit():
            # "1." or "1)" would start a numbered list: escape the mark after the number.
            end = match.end(2)
            text = text[:end] + "\\" + text[end:]
        else:
            text = text[:start] + "\\" + text[start:]
    return text


def render_markdown(document: Document) -> str:
    out = [f"# {escape(document.title, line_start=False)}", ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            out += [f"{'#' * block.level} {escape(block.text, line_start=False)}", ""]
        elif isinstance(block, Paragraph):
            out += [escape(block.text), ""]
        elif isinstance(block, Bullets):
            out += [f"- {escape(item) or '(blank)'}" for item in block.items]
            out.append("")
        elif isinstance(block, Quote):
            out += [f"> {escape(block.text)}", ""]
        elif isinstance(block, Table):
            out += [f"Table: {escape(block.caption)}", ""]
            out.append("| " + " | ".join(escape(h) for h in block.headers) + " |")
            out.append("|" + "|".join(" --- " for _ in block.headers) + "|")
            out += ["| " + " | ".join(escape(c) for c in row) + " |" for row in block.rows]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
