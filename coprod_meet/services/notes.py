"""Write notes for the minutes during a live meeting (see ``domain.notes``).

Both front ends call :func:`add_item_note` with the meeting being run; the note becomes one
event in the log, saved as every other live action is.
"""

from __future__ import annotations

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Event
from coprod_meet.domain.notes import ITEM_NOTE, ItemNote, make_note, notes_from
from coprod_meet.services.live import LiveMeeting


def note_writer(live: LiveMeeting) -> str:
    """Who writes the notes now: the note-taker if one is here, else whoever chairs."""
    state = live.state
    taker = state.roles.get("note_taker", "")
    return taker if taker in state.present_ids else state.chairing_now


def add_item_note(live: LiveMeeting, text: str, *, public: bool, speaker_id: str = "", written: bool = False,
                  author_id: str = "") -> list[Event]:
    """A note on the open item, for the members' copy (``public=False``) or for both copies."""
    state = live.state
    if state.ended is not None:
        raise UserError("This meeting has ended; notes are written while it runs.")
    if state.started is None:
        raise UserError("The meeting has not started yet; start it first.")
    author_id = author_id or note_writer(live)
    allowed = {*state.meeting.co_chair_ids, state.roles.get("note_taker", "")} - {""}
    if author_id and allowed and author_id not in allowed:
        raise UserError("Only the note-taker or a co-chair writes notes for the minutes.")
    if speaker_id and state.person(speaker_id) is None:
        raise UserError("That person is not on this meeting's list of members; please choose someone listed.")
    note = make_note(item_id=state.current_item_id, text=text, public=public, speaker_id=speaker_id,
                     written=written, author_id=author_id)
    return live._record((ITEM_NOTE, note.to_dict()))  # noqa: SLF001 - the one way a live action is saved


def notes_on_item(live: LiveMeeting, item_id: str = "") -> list[ItemNote]:
    """The notes written so far on an item (the open one by default), from the saved log and
    what is waiting to be saved."""
    item_id = item_id or live.state.current_item_id
    # An event may be saved while this reads: each one once, by its id.
    events = {e.id: e for e in [*live.service.events(live.meeting_id), *live._pending]}  # noqa: SLF001
    return [n for n in notes_from(events.values()) if n.item_id == item_id]
