"""Soft timers and break reminders: pure functions of a meeting's state and a moment.

Timers warn in words; they never cut anyone off.
"""

from __future__ import annotations

from datetime import datetime

from coprod_meet.domain.dates import minutes_in_words, seconds_in_words
from coprod_meet.domain.state import MeetingState


def clock(seconds: float) -> str:
    """ "2:05" (minutes and seconds) or "1:02:05" for an hour or more."""
    s = int(max(0, seconds))
    hours, rest = divmod(s, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def item_time_in_words(state: MeetingState, now: datetime, item_id: str | None = None) -> str:
    """ "12 minutes used of 20 minutes", "4 minutes over (24 used of 20 minutes)"; "" with no item."""
    item = state.current_item if item_id is None else next((i for i in state.agenda if i.id == item_id), None)
    if item is None:
        return ""
    used = int(state.item_seconds(item.id, now) // 60)
    allowed = item.minutes
    if allowed and used > allowed:
        return f"{minutes_in_words(used - allowed)} over ({used} used of {minutes_in_words(allowed)})"
    if not allowed:
        return f"{minutes_in_words(used)} used" if used else "just started"
    return f"{minutes_in_words(used) if used else 'under a minute'} used of {minutes_in_words(allowed)}"


def item_over(state: MeetingState, now: datetime) -> str:
    """ "Housing has run over its 15 minutes." once the open item has used more than its time; ""."""
    item = state.current_item
    if item is None or not item.minutes or state.ended is not None or state.started is None:
        return ""
    if state.item_seconds(item.id, now) <= item.minutes * 60:
        return ""
    return f"{item.title} has run over its {minutes_in_words(item.minutes)}."


def turn_reached_limit(state: MeetingState, now: datetime) -> bool:
    limit = state.turn_limit()
    return bool(limit) and state.speaking is not None and state.speaking_seconds(now) >= limit


def turn_in_words(state: MeetingState, now: datetime) -> str:
    """ "Priya is speaking: 1:05 of 3:00" (and "timer paused" during a red card)."""
    turn = state.speaking
    if turn is None:
        return "Nobody is speaking."
    who = state.name(turn.member_id)
    if turn.via == "written":
        who = f"{state.name(turn.by_id) if turn.by_id else 'A co-chair'} is reading out {who}'s written comment"
    elif turn.via == "supporter":
        who = f"A supporter is speaking for {who}"
    else:
        who = f"{who} is speaking"
    limit = state.turn_limit()
    used = clock(state.speaking_seconds(now))
    text = f"{who}: {used} of {clock(limit)}" if limit else f"{who}: {used}"
    if state.timer_paused:
        text += " (timer paused for a red card)"
    return text


def turn_warning(state: MeetingState, now: datetime) -> str:
    """A gentle word when a turn has reached its time; "" otherwise. Nobody is cut off."""
    if not turn_reached_limit(state, now):
        return ""
    turn = state.speaking
    assert turn is not None
    return (f"{state.name(turn.member_id)} has spoken for {seconds_in_words(state.turn_limit())}, "
            f"the time for one turn. You might gently ask them to finish.")


def minutes_since_rest(state: MeetingState, now: datetime) -> float:
    """Minutes since the meeting started or the last break ended (0 before the start)."""
    if state.started is None or state.ended is not None:
        return 0.0
    since = state.started
    for start, end in state.breaks:
        if end is None:
            return 0.0
        since = max(since, end)
    return max(0.0, (now - since).total_seconds() / 60)


def break_reminder(state: MeetingState, now: datetime) -> str:
    """ "It is 1 hour since the meeting started. Offer everyone a break." or ""."""
    every = state.meeting.settings.break_every_minutes
    if not every or state.on_break:
        return ""
    minutes = minutes_since_rest(state, now)
    if minutes < every:
        return ""
    since = "the meeting started" if not state.breaks else "the last break"
    return f"It is {minutes_in_words(int(minutes))} since {since}. Offer everyone a break."


def break_in_words(state: MeetingState, now: datetime) -> str:
    if not state.on_break:
        return ""
    start = state.breaks[-1][0]
    assert start is not None
    return f"On a break for {seconds_in_words((now - start).total_seconds())}."
