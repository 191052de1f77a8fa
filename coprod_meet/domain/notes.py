"""Notes for the minutes: what was said on an item, written down during the meeting.

The note-taker or a co-chair writes short notes for each item ("Buses stop at 4pm, which is too
early for the day centre"), and the text of a written comment when it is read out. Each note is
marked for the members' copy only, or for the public copy too. They are not the private notes
(``events.NOTE``), which never leave the app.

One event, ``item_note``, holds a note: {id, item_id, text, public, speaker_id, written,
author_id}. A later event with the same id and ``removed: true`` takes it back.
"""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Event, Member, new_id
from coprod_meet.domain.text import clean_text

ITEM_NOTE = "item_note"
NOTE_TEXT_LIMIT = 1000


class ItemNote(NamedTuple):
    id: str
    item_id: str
    text: str
    public: bool = False
    speaker_id: str = ""  # who said it ("" for the group, or nobody in particular)
    written: bool = False  # the text of a written comment, read out
    author_id: str = ""

    def to_dict(self) -> dict:
        return self._asdict()


def check_note_text(text: object) -> str:
    text = clean_text(text, what="note", limit=NOTE_TEXT_LIMIT, multiline=True)
    if not text:
        raise UserError("Please type what was said; the note is empty.")
    return " ".join(text.split())


def make_note(*, item_id: str, text: object, public: bool, speaker_id: str = "", written: bool = False,
              author_id: str = "") -> ItemNote:
    if not item_id:
        raise UserError("There is no agenda item open; go to an item first, then write the note.")
    return ItemNote(id=new_id(), item_id=item_id, text=check_note_text(text), public=bool(public),
                    speaker_id=speaker_id, written=bool(written) and bool(speaker_id), author_id=author_id)


def notes_from(events: Iterable[Event]) -> list[ItemNote]:
    """The notes in a meeting's log, in the order they were written (removed ones left out)."""
    notes: dict[str, ItemNote] = {}
    for e in sorted((e for e in events if e.type == ITEM_NOTE), key=lambda e: e.sort_key):
        d = e.data
        key = str(d.get("id") or e.id)
        if d.get("removed"):
            notes.pop(key, None)
            continue
        notes[key] = ItemNote(id=key, item_id=str(d.get("item_id", "")), text=str(d.get("text", "")),
                              public=bool(d.get("public")), speaker_id=str(d.get("speaker_id", "")),
                              written=bool(d.get("written")), author_id=str(d.get("author_id", "")))
    return list(notes.values())


def named_first(text: str, speaker: Member | None) -> tuple[str, bool]:
    """Whether the note already starts with the speaker's name, so the minutes do not add
    "Gareth said" before "Gareth said buses are late". "Gareth: buses are late" loses the
    "Gareth:" (the minutes say "Gareth said buses are late."). Returns (text, named)."""
    if speaker is None:
        return text, False
    names = sorted({n for n in (speaker.full_name, speaker.name, *speaker.name.split()[:1]) if n},
                   key=len, reverse=True)
    for name in names:
        match = re.match(rf"\s*{re.escape(name)}(?!\w)(\s*[:\-–—]\s*)?", text, re.IGNORECASE)
        if match:
            rest = text[match.end():]
            return (rest, False) if match.group(1) and rest.strip() else (text, True)
    return text, False
