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
from coprod_meet.domain.notes import ITEM_NOTE, ItemNote, notes_from
from coprod_meet.domain.records import Action, Decision, RecordBook, YouSaidState
from coprod_meet.domain.state import Card, MeetingState, Turn

T = TypeVar("T")

# Events that say a meeting took place (anything but planning and private notes).
_HAPPENED = {ev.ATTENDANCE, ev.MEETING_STARTED, ev.ITEM_STARTED, ev.TURN_STARTED, ev.DECISION_RECORDED,
             ev.ACTION_RECORDED, ev.EVALUATION, ev.MEETING_ENDED, ITEM_NOTE}


class YouSaid(NamedTuple):
    """A member's idea or worry, and what the group did about it ("you said, we did")."""

    id: str
    member_id: str
    text: str
    state: str  # heard | decided | acted_on | reported_back (as the records fold works it out)
    raised: datetime
    decision_ids: tuple[str, ...] = ()
    action_ids: tuple[str, ...] = ()
    here: bool = False  # raised or moved on at this meeting
    raised_by: str = ""  # who said it, when not a member


@dataclass
class Facts:
    meeting: Meeting
    state: MeetingState
    decisions: list[Decision]
    actions: list[Action]
    you_said: list[YouSaid] = field(default_factory=list)
    decisions_elsewhere: dict[str, Decision] = field(default_factory=dict)  # linked from "you said"
    held: bool = False
    notes: list[ItemNote] = field(default_factory=list)
    actions_elsewhere: dict[str, Action] = field(default_factory=dict)  # linked from "you said"

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
        """Whether the meeting reached the item: it was opened, or something was said, noted or
        decided on it."""
        return bool(self.state.item_spans.get(item_id) or self._turns_by_item.get(item_id)
                    or any(n.item_id == item_id for n in self.notes)
                    or any(d.item_id == item_id for d in self.decisions))

    def notes_on(self, item_id: str, public: bool) -> list[ItemNote]:
        """The item's notes for one copy: the public copy has only notes marked public."""
        return [n for n in self.notes if n.item_id == item_id and (n.public or not public)]

    def breaks(self) -> list[tuple[datetime, datetime | None]]:
        return [(start, end) for start, end in self.state.breaks if start is not None]

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

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None) or self.actions_elsewhere.get(action_id)


def _by_item(things: Iterable[T], item_of: Callable[[T], str]) -> dict[str, list[T]]:
    by_item: dict[str, list[T]] = {}
    for thing in things:
        by_item.setdefault(item_of(thing), []).append(thing)
    return by_item


def _you_said(meeting: Meeting, log: list[Event], earlier: list[Event]) -> tuple[list[YouSaid], RecordBook]:
    """The group's "you said" records as the records fold has them (state, links), with when each
    was first raised; those reported back before this meeting are left out."""
    book = RecordBook.fold([*(("", e) for e in earlier), *((meeting.id, e) for e in log)])
    raised: dict[str, datetime] = {}
    for e in sorted((e for e in [*earlier, *log] if e.type == ev.YOU_SAID), key=lambda e: e.sort_key):
        raised.setdefault(str(e.data.get("id", "")), e.at)
    here = {str(e.data.get("id", "")) for e in log if e.type == ev.YOU_SAID}
    out = []
    for said in book.you_said.values():
        is_here = said.id in here
        if not is_here and said.state is YouSaidState.REPORTED_BACK and said.reported_in != meeting.id:
            continue  # closed before this meeting
        out.append(YouSaid(id=said.id, member_id=said.member_id, text=said.text, state=said.state.value,
                           raised=raised.get(said.id, meeting.start), decision_ids=said.decision_ids,
                           action_ids=said.action_ids, here=is_here, raised_by=said.raised_by))
    return out, book


def gather(meeting: Meeting, events: Iterable[Event], group_events: Iterable[Event] = ()) -> Facts:
    """Everything the minutes say, from the meeting's log (and its group's earlier records).

    ``group_events`` are events from the group's earlier meetings; only their "you said"
    records and decisions are used (for "you said, we did").
    """
    log = [e for e in events if e.type != ev.NOTE]  # in any order: each fold below sorts what it reads
    earlier = [e for e in group_events if e.type != ev.NOTE]
    records = RecordBook.fold(log)  # the meeting's decisions and actions, read in one pass
    you_said, book = _you_said(meeting, log, earlier) if any(e.type == ev.YOU_SAID for e in log) or earlier \
        else ([], records)
    return Facts(
        meeting=meeting,
        state=MeetingState.replay(meeting, log),
        decisions=list(records.decisions.values()),
        actions=list(records.actions.values()),
        you_said=you_said,
        decisions_elsewhere={k: d for k, d in book.decisions.items() if k not in records.decisions},
        actions_elsewhere={k: a for k, a in book.actions.items() if k not in records.actions},
        held=any(e.type in _HAPPENED for e in log),
        notes=notes_from(log),
    )
