"""A small document model for minutes: what the composer writes and every renderer reads.

Text in these blocks is plain text (people's words mixed with ours). Renderers make it safe
for their format (escaping HTML and Markdown, dropping what XML cannot hold); nothing here is
markup.

The records are named tuples: immutable, compared by value, and several times quicker to
define than frozen dataclasses (which compile six methods each when the module is imported).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Iterator, NamedTuple, Union

MEMBERS = "members"
PUBLIC = "public"
COPIES = (MEMBERS, PUBLIC)


def escape_markup(text: str, *, quote: bool = True) -> str:
    """``text`` with ``& < >`` (and ``" '`` when ``quote``) written as character references,
    for HTML and XML: exactly what ``html.escape`` gives, without importing the ``html``
    package (which loads a table of 2,000 entity names that no export needs)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text


class Heading(NamedTuple):
    text: str
    level: int = 2  # 2 or 3: the document title is the only level 1


class Paragraph(NamedTuple):
    text: str


class Bullets(NamedTuple):
    items: tuple[str, ...]
    prose: bool = True  # False for lists of names, which are not sentences


class Table(NamedTuple):
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # the first cell of each row names the row


class Quote(NamedTuple):
    """Someone's own words, as typed, in a marked box (easy read: a long sentence we do not
    rewrite). Not part of the running text the readability check counts (see ``prose``)."""

    text: str


Block = Union[Heading, Paragraph, Bullets, Table, Quote]


class CalendarEntry(NamedTuple):
    """A date for the calendar (.ics): an action's due day or the next meeting."""

    uid: str
    summary: str
    description: str = ""
    day: date | None = None  # a whole day (an action's due date)
    start: datetime | None = None  # a time (a meeting)
    end: datetime | None = None
    location: str = ""
    url: str = ""  # the online link of a meeting


class Document(NamedTuple):
    title: str
    blocks: tuple[Block, ...]
    copy: str = MEMBERS
    easy_read: bool = False
    lang: str = "en-GB"
    made_at: datetime | None = None  # when the meeting ended: a fixed stamp for calendars
    calendar: tuple[CalendarEntry, ...] = ()
    # Public copy: places where typed text may name a member who is not named in public, left
    # as typed because the word may be an ordinary one ("Will the council pay?"). See mentions.py.
    mentions: tuple[str, ...] = ()

    @property
    def copy_words(self) -> str:
        kind = "members' copy" if self.copy == MEMBERS else "public copy"
        return f"easy read {kind}" if self.easy_read else kind

    def prose(self) -> Iterator[str]:
        """The running text a reader reads as sentences: paragraphs and prose list items."""
        for block in self.blocks:
            if isinstance(block, Paragraph):
                yield block.text
            elif isinstance(block, Bullets) and block.prose:
                yield from block.items

    def quotes(self) -> Iterator[str]:
        """People's own words in boxes, counted apart from the running text."""
        for block in self.blocks:
            if isinstance(block, Quote):
                yield block.text

    def all_text(self) -> Iterator[str]:
        """Every piece of text in the document, for checks (names, escaping)."""
        yield self.title
        for block in self.blocks:
            if isinstance(block, (Heading, Paragraph, Quote)):
                yield block.text
            elif isinstance(block, Bullets):
                yield from block.items
            elif isinstance(block, Table):
                yield block.caption
                yield from block.headers
                for row in block.rows:
                    yield from row
        for entry in self.calendar:
            yield from (entry.summary, entry.description, entry.location, entry.url)
