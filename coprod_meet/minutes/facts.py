"""What the minutes need from a meeting's log, gathered in one place.

This is the only module of ``minutes`` that reads event data and the domain folds
(``MeetingState.replay``, ``decisions_from``, ``actions_from``). When those grow new fields,
this adapter is the one place to change. Private notes are dropped here, first of all, so no
later step can ever see them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Callable, Iterable, NamedTuple, TypeVar

from coprod_meet.domain import events as ev
from coprod_meet.domain.model import Event, Meeting
from coprod_meet.domain.records import Action, Decision, RecordBook, decisions_from
from coprod_meet.domain.state import Card, MeetingState, Turn

T = TypeVar("T")

# Events that say a meeting took place (anything but planning and private notes).
_HAPPENED = {ev.ATTENDANCE, ev.MEETING_STARTED, ev.ITEM_STARTED, ev.TURN_STARTED, ev.DECISION_RECORDED,
             ev.ACTION_RECORDED, ev.EVALUATION, ev.MEETING_ENDED}


class YouSaid(NamedTuple):
    """A member's idea or worry, and what the group did about it ("you said, we did")."""

    id: str
    member_id: str
    text: str
    state: str  # heard | decided | acted_on | reported_back
    raised: datetime
    links: tuple[str, ...] = ()  # ids of decisions and actions
    here: bool = False  # raised or moved on at this meeting


@dataclass
class Facts:
    meeting: Meeting
    state: MeetingState
    decisions: list[Decision]
    actions: list[Action]
    you_said: list[YouSaid] = field(default_factory=list)
    decisions_elsewhere: dict[str, Decision] = field(default_factory=dict)  # linked from "you said"
    held: bool = False

    # -- people -----------------------------------------------------------------------------

    def came(self) -> list[str]:
        return self.state.ever_present_ids

    def apologies(self) -> list[str]:
        return [m.id for m in self.meeting.roster
                if self.state.attendance.get(m.id) == "apologies" and m.id not in self.state.arrived]

    def absent(self) -> list[str]:
        return [m.id for m in self.meeting.roster
                if self.state.attendance.get(m.id) == "absent" and m.id not in self.state.arrived]

    def arrived_late(self) -> dict[str, datetime]:
        return {m: at for m, at in self.state.arrived.items() if self.state.attendance.get(m) == "late"}

    def left_early(self) -> dict[str, datetime]:
        return dict(self.state.left)

    # -- items ------------------------------------------------------------------------------

    def item_of(self, at: datetime) -> str:
        """The agenda item under way at a moment ("" when none)."""
        for item_id, spans in self.state.item_spans.items():
            for start, end in spans:
                if start is not None and start <= at and (end is None or at <= end):
                    return item_id
        return ""

    def discussed(self, item_id: str) -> bool:
        return bool(self.state.item_spans.get(item_id))

    def present_during(self, item_id: str) -> list[str]:
        """Members who were at the meeting for some of the item."""
        spans = self.state.item_spans.get(item_id, [])
        if not spans:
            return []
        first = spans[0][0]
        last = spans[-1][1] or self.state.ended or self.state.last_event_at or first
        out = []
        for member_id in self.state.ever_present_ids:
            arrived = self.state.arrived[member_id]
            left = self.state.left.get(member_id)
            if arrived <= last and (left is None or left >= first):
                out.append(member_id)
        return out

    def cards_on(self, item_id: str) -> list[Card]:
        return list(self._cards_by_item.get(item_id, ()))

    def turns_on(self, item_id: str) -> list[Turn]:
        return list(self._turns_by_item.get(item_id, ()))

    # Each card and turn under its item, worked out once (not once for every item).
    @cached_property
    def _cards_by_item(self) -> dict[str, list[Card]]:
        return _by_item(self.state.cards, lambda card: self.item_of(card.raised))

    @cached_property
    def _turns_by_item(self) -> dict[str, list[Turn]]:
        return _by_item(self.state.turns, lambda turn: turn.item_id)

    def decision(self, decision_id: str) -> Decision | None:
        return next((d for d in self.decisions if d.id == decision_id), None) or \
            self.decisions_elsewhere.get(decision_id)


def _by_item(things: Iterable[T], item_of: Callable[[T], str]) -> dict[str, list[T]]:
    by_item: dict[str, list[T]] = {}
    for thing in things:
        by_item.setdefault(item_of(thing), []).append(thing)
    return by_item


def _ids(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value else ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value if v)
    return ()


def _you_said(events: list[Event], earlier: list[Event]) -> list[YouSaid]:
    here = [e for e in events if e.type == ev.YOU_SAID]
    here_ids = {e.data.get("id") for e in here}
    merged: dict[str, dict] = {}
    raised: dict[str, datetime] = {}
    for e in sorted([*(e for e in earlier if e.type == ev.YOU_SAID), *here], key=lambda e: e.sort_key):
        if not e.data.get("id"):
            continue
        key = e.data["id"]
        merged[key] = merged.get(key, {}) | {k: v for k, v in e.data.items() if v not in (None, "")}
        raised.setdefault(key, e.at)
    out = []
    for key, d in merged.items():
        state = str(d.get("state") or "heard")
        here = key in here_ids
        if not here and state == "reported_back":
            continue  # closed before this meeting
        links = _ids(d.get("links")) + _ids(d.get("decision_id")) + _ids(d.get("action_id"))
        out.append(YouSaid(id=key, member_id=str(d.get("member_id", "")), text=str(d.get("text", "")),
                           state=state, raised=raised[key], links=links, here=here))
    return out


def gather(meeting: Meeting, events: Iterable[Event], group_events: Iterable[Event] = ()) -> Facts:
    """Everything the minutes say, from the meeting's log (and its group's earlier records).

    ``group_events`` are events from the group's earlier meetings; only their "you said"
    records and decisions are used (for "you said, we did").
    """
    log = [e for e in events if e.type != ev.NOTE]  # in any order: each fold below sorts what it reads
    earlier = [e for e in group_events if e.type != ev.NOTE]
    records = RecordBook.fold(log)  # the meeting's decisions and actions, read in one pass
    return Facts(
        meeting=meeting,
        state=MeetingState.replay(meeting, log),
        decisions=list(records.decisions.values()),
        actions=list(records.actions.values()),
        you_said=_you_said(log, earlier),
        decisions_elsewhere={d.id: d for d in decisions_from(earlier)},
        held=any(e.type in _HAPPENED for e in log),
    )
