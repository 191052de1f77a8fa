"""Cleaning text that people type or import, at the edge of the domain.

Names, titles and notes come from people and from files. Before they reach the
domain they pass through :func:`clean_text`, which removes what could harm a
terminal or mislead a reader, and caps the length with a plain message.

What is removed:

* C0 control characters (U+0000 to U+001F) except tab and newline, and DEL.
  This takes the ESC out of every terminal escape sequence, so
  ``"\\x1b]0;title\\x07"`` can no longer retitle the terminal.
* C1 control characters (U+0080 to U+009F).
* Bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E,
  U+200F, U+202A to U+202E, U+2066 to U+2069), which can make text read
  differently from how it is stored.
* Lone surrogates (U+D800 to U+DFFF) and the byte order mark U+FEFF.

What is kept: everything else, including markup such as ``[bold]`` or
``<script>``. Markup is made harmless where text is shown, not here.

Line endings become ``"\\n"`` (also the Unicode line and paragraph separators).
Single-line text has every run of whitespace (tabs and newlines included)
turned into one space; multi-line text keeps its tabs, newlines and inner
spaces as typed. Both are stripped at the ends and normalised to NFC.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import TextTooLong

NAME_LIMIT = 80
TITLE_LIMIT = 200
NOTE_LIMIT = 5000
SHORT_LIMIT = 500

# Every line ending becomes "\n" before anything else happens.
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")

# Characters that are dropped outright. Tab and newline are handled by the
# whitespace rules instead.
_UNSAFE = re.compile(
    "["
    "\x00-\x08\x0b-\x1f"  # C0 controls except tab (09) and newline (0a)
    "\x7f-\x9f"  # DEL and the C1 controls
    "\u061c\u200e\u200f"  # Arabic letter mark, left-to-right and right-to-left marks
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2066-\u2069"  # bidi isolates
    "\ud800-\udfff"  # lone surrogates
    "\ufeff"  # byte order mark
    "]"
)


def clean_text(
    value: object,
    *,
    what: str = "text",
    limit: int = TITLE_LIMIT,
    multiline: bool = False,
) -> str:
    """Return ``value`` as clean text, safe to store and to show.

    ``None`` becomes ``""``; anything that is not a string is turned into one
    with ``str()``. ``what`` names the text in the message ("name", "title")
    and ``limit`` is the most characters allowed after cleaning.

    Raises :class:`TextTooLong` if the cleaned text is longer than ``limit``.
    Cleaning the result again gives the same result.
    """
    if value is None:
        text = ""
    elif isinstance(value, str):
        text = value
    else:
        text = str(value)

    text = _LINE_BREAKS.sub("\n", text)
    # Drop before normalising: a dropped character may sit between a letter
    # and its accent, and they must be joined in this pass, not the next one.
    text = _UNSAFE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = text.strip() if multiline else " ".join(text.split())

    if len(text) > limit:
        raise TextTooLong(
            f"The {what} is {len(text)} characters long; "
            f"please keep it to {limit} or fewer."
        )
    return text


def clean_name(value: object) -> str:
    """Clean a person's name (one line, up to :data:`NAME_LIMIT` characters)."""
    return clean_text(value, what="name", limit=NAME_LIMIT)


def clean_title(value: object) -> str:
    """Clean a title (one line, up to :data:`TITLE_LIMIT` characters)."""
    return clean_text(value, what="title", limit=TITLE_LIMIT)


def clean_note(value: object) -> str:
    """Clean a note (several lines, up to :data:`NOTE_LIMIT` characters)."""
    return clean_text(value, what="note", limit=NOTE_LIMIT, multiline=True)


def clean_short(value: object, what: str) -> str:
    """Clean a short piece of text (one line, up to :data:`SHORT_LIMIT` characters).

    ``what`` names it in the message, for example "reason" or "place".
    """
    return clean_text(value, what=what, limit=SHORT_LIMIT)


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula (= + - @, tab, CR) gets a
    leading apostrophe, so opening the file never runs anything."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def count(n: int, one: str, many: str | None = None) -> str:
    """ "1 item", "3 items", "2 people": a number with its noun, never "item(s)"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
