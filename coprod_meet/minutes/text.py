"""Minutes as plain text, wrapped at 72 characters, for e-mail and screen readers."""

from __future__ import annotations

import textwrap

from coprod_meet.minutes.document import Bullets, Document, Heading, Paragraph, Quote, Table

WIDTH = 72


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    """``text`` on lines of at most 72 characters, as ``textwrap.wrap`` puts it.

    Most text has no hyphen and no word too long for a line: then a line is simply as many
    words as fit, which is what textwrap works out too, far more slowly. Anything else goes to
    textwrap itself (it may break a line after a hyphen, or inside a long word).
    """
    words = text.split()
    if not words:
        return [first.rstrip()]
    if "-" in text or max(map(len, words)) > WIDTH - max(len(first), len(rest)):
        return textwrap.wrap(
            " ".join(words), width=WIDTH, initial_indent=first, subsequent_indent=rest,
            break_long_words=True, break_on_hyphens=True,
        ) or [first.rstrip()]
    lines = []
    indent, room = first, WIDTH - len(first)
    line = words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= room:
            line = f"{line} {word}"
        else:
            lines.append(indent + line)
            indent, room = rest, WIDTH - len(rest)
            line = word
    lines.append(indent + line)
    return lines


def render_text(document: Document) -> str:
    title = _wrap(document.title)
    out = [*title, "=" * min(WIDTH, max(len(line) for line in title)), ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            lines = _wrap(block.text)
            if block.level == 2:
                out += ["", *lines, "-" * min(WIDTH, max(len(line) for line in lines)), ""]
            else:
                out += [*lines, ""]
        elif isinstance(block, Paragraph):
            out += [*_wrap(block.text), ""]
        elif isinstance(block, Bullets):
            for item in block.items:
                out += _wrap(item, "  - ", "    ")
            out.append("")
        elif isinstance(block, Quote):
            out += [*_wrap(block.text, "  | ", "  | "), ""]
        elif isinstance(block, Table):
            out += _wrap(block.caption + ":")
            for row in block.rows:
                cells = [f"{h.lower()} {c}" for h, c in zip(block.headers[1:], row[1:])]
                out += _wrap(f"{row[0]}: " + "; ".join(cells) + ".", "  - ", "    ")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
