"""Line mode: notes for the minutes, on the item that is open (``note``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_meet.domain.errors import UserError
from coprod_meet.services.notes import add_item_note

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.plain.meeting import MeetingSession

YES, NO = ("yes", "y"), ("no", "n", "")
PUBLIC_WORDS = {"public": True, "p": True, "everyone": True, "members": False, "m": False, "": False}


def cmd_note(m: MeetingSession, rest: str) -> None:
    state = m.state
    if state.started is None or state.ended is not None or not state.current_item_id:
        raise UserError("Notes are written while the meeting runs, on the item that is open.")
    text = rest.strip() or m.ask_needed("What was said? Type it in a few plain words:")
    who = m.ask_optional("Who said it? Type their number from who, or press Enter for nobody in particular:")
    speaker = m.person(who) if who else None
    written = False
    if speaker is not None:
        answer = m.ask_optional(f"Is it {speaker.name}'s written comment, read out? Type yes or no:").lower()
        if answer not in YES + NO:
            raise UserError("Please answer yes or no. Type note to start again.")
        written = answer in YES
    answer = m.ask_optional("Who may read it? Type public for the public copy too, "
                            "or press Enter for members only:").lower()
    if answer not in PUBLIC_WORDS:
        raise UserError("Please type public, or members. Type note to start again.")
    public = PUBLIC_WORDS[answer]
    add_item_note(m.live, text, public=public, speaker_id=speaker.id if speaker else "", written=written)
    item = state.current_item
    m.say(f"Note saved on {item.title if item else 'this item'}, for "
          f"{'the public copy too' if public else 'the members only'}.")
