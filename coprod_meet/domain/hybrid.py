"""Hybrid meetings: how each person joins (in the room, online, by phone) and the say by it.

How someone joins comes from the event log (an attendance event may say it; ``joins_set``
changes it mid-meeting), so a turn counts for the way its speaker joined when it started.
"""

from __future__ import annotations

from datetime import datetime

from coprod_meet.domain import events as ev
from coprod_meet.domain.state import MeetingState

JOINS_WORDS = {"room": "in the room", "online": "online", "phone": "on the phone"}
# "people online had 12% of the say"
PEOPLE_WORDS = {"room": "people in the room", "online": "people online", "phone": "people on the phone"}


def joins_suffix(state: MeetingState, member_id: str) -> str:
    """ " (online)", " (on the phone)", or "" for someone in the room."""
    mode = state.joins_now(member_id)
    return "" if mode == "room" else f" ({JOINS_WORDS[mode]})"


def remote_ids(state: MeetingState) -> list[str]:
    """People here now who join online or by phone, in roster order."""
    return [m for m in state.present_ids if state.joins_now(m) != "room"]


def anyone_remote(state: MeetingState) -> bool:
    """Whether anyone joined online or by phone at any time in the meeting."""
    return _ever(state, "online") or _ever(state, "phone")


def seconds_by_joins(state: MeetingState, item_id: str | None = None, now: datetime | None = None) -> dict[str, float]:
    """Speaking time by how the speaker joined when their turn started."""
    totals = {mode: 0.0 for mode in ev.JOINS}
    for turn in state.turns:
        if item_id is None or turn.item_id == item_id:
            totals[state.joins_now(turn.member_id, turn.start)] += turn.seconds(now)
    return totals


def share_by_joins(state: MeetingState, item_id: str | None = None, now: datetime | None = None) -> dict[str, float]:
    """Share of speaking time by how people joined, as fractions that add up to 1 (or all 0)."""
    totals = seconds_by_joins(state, item_id, now)
    whole = sum(totals.values())
    return {mode: (s / whole if whole else 0.0) for mode, s in totals.items()}


def _modes_to_say(state: MeetingState) -> list[str]:
    return [mode for mode in ("online", "phone") if _ever(state, mode)] + ["room"]


def joins_share_sentence(state: MeetingState, now: datetime | None = None, item_id: str | None = None) -> str:
    """ "People online had 12% of the say. People in the room had 88%." — or "" when everyone
    was in the room or nobody has spoken. Short sentences, for the easy read copy too."""
    if not anyone_remote(state):
        return ""
    share = share_by_joins(state, item_id, now)
    if not any(share.values()):
        return ""
    said = []
    for n, mode in enumerate(_modes_to_say(state)):
        people = PEOPLE_WORDS[mode]
        said.append(f"{people[:1].upper()}{people[1:]} had {_percent(share[mode])}%{' of the say' if n == 0 else ''}.")
    return " ".join(said)


def joins_share_line(state: MeetingState, now: datetime | None = None, item_id: str | None = None) -> str:
    """ "Online 12%, in the room 88%" for the co-chairs' screen — or "" as above."""
    if not anyone_remote(state):
        return ""
    share = share_by_joins(state, item_id, now)
    if not any(share.values()):
        return ""
    text = ", ".join(f"{JOINS_WORDS[mode]} {_percent(share[mode])}%" for mode in _modes_to_say(state))
    return text[:1].upper() + text[1:]


def _percent(fraction: float) -> int:
    return int(fraction * 100 + 0.5)


def _ever(state: MeetingState, mode: str) -> bool:
    return any(how == mode for history in state.joins.values() for _at, how in history)
