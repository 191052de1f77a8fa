"""Hybrid meetings, over ``LiveMeeting``: how each person joins, and hands and cards recorded
for people online from what they said in the chat.

A co-chair or the remote buddy (a role) records a hand or a card for someone online or on the
phone; the event says who recorded it (``recorded_by``). How someone joins can change mid-meeting
(a ``joins_set`` event): a turn counts for the way its speaker joined when it started.
"""

from __future__ import annotations

from coprod_meet.domain import events as ev
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.hybrid import JOINS_WORDS
from coprod_meet.domain.model import Event
from coprod_meet.domain.state import MeetingState
from coprod_meet.services.live import LiveMeeting

REMOTE_BUDDY = "remote_buddy"


def set_joins(live: LiveMeeting, member_id: str, joins: str) -> list[Event]:
    """Say how someone here joins now: "room", "online" or "phone"."""
    live._not_ended()
    m = live._present(member_id)
    if joins not in ev.JOINS:
        raise UserError("Please choose in the room, online or on the phone.")
    if live.state.joins_now(member_id) == joins:
        raise UserError(f"{m.name} is already marked as {JOINS_WORDS[joins]}.")
    return live._record((ev.JOINS_SET, {"member_id": member_id, "joins": joins}))


def recorders(state: MeetingState) -> list[str]:
    """Who may record a hand or card from the chat: the remote buddy first, then the co-chairs."""
    buddy = state.roles.get(REMOTE_BUDDY, "")
    return ([buddy] if buddy else []) + [c for c in state.meeting.co_chair_ids if c != buddy]


def default_recorder(state: MeetingState) -> str:
    """Who records from the chat unless someone else is chosen: the remote buddy, else the co-chair
    chairing now."""
    return state.roles.get(REMOTE_BUDDY, "") or state.chairing_now


def _check(live: LiveMeeting, member_id: str, by_id: str) -> str:
    state = live.state
    by_id = by_id or default_recorder(state)
    if by_id not in recorders(state):
        raise UserError(f"{state.name(by_id)} is not a co-chair or the remote buddy; "
                        "one of them records hands and cards from the chat.")
    m = live._present(member_id)
    if state.joins_now(member_id) == "room":
        raise UserError(f"{m.name} is marked as in the room; mark them as online or on the phone first.")
    return by_id


def remote_hand(live: LiveMeeting, member_id: str, kind: str = "normal", by_id: str = "") -> list[Event]:
    """Queue someone online whose hand is up in the call (or who asked in the chat)."""
    by_id = _check(live, member_id, by_id)
    return live.queue_add(member_id, kind, recorded_by=by_id)


def remote_card(live: LiveMeeting, member_id: str, colour: str, word: str = "", by_id: str = "") -> list[Event]:
    """A card someone online showed or typed in the chat (red, amber or green)."""
    by_id = _check(live, member_id, by_id)
    return live.raise_card(member_id, colour, word, recorded_by=by_id)


def recorded_by(event: Event) -> str:
    """The member id of whoever recorded this hand or card from the chat ("" when nobody did)."""
    value = event.data.get("recorded_by", "")
    return value if isinstance(value, str) else ""
