"""Decisions, actions, "you said, we did" and "how did today go": record, correct and list them.

Every write is one durable event through ``ArchiveService.append_event``. A correction is a new
event; it may be written in a later meeting (Jo marks an action done at matters arising), so
reading gathers the record events of all the group's meetings in time order and folds them
(:class:`RecordBook`).

Listing decisions and actions across the archive is not done here: ``services/review.py``
finds them through the index, with the one set of look-up rules of ``services/lookup.py``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, Callable

from coprod_meet.domain import events as ev
from coprod_meet.domain.errors import NotFound, UserError
from coprod_meet.domain.evaluation import EvaluationSummary, check_answer, summarise
from coprod_meet.domain.model import Event, now
from coprod_meet.domain.records import (
    ACTION_FIELDS,
    DECISION_FIELDS,
    EDIT_REASON,
    RECORD_EVENTS,
    YOU_SAID_FIELDS,
    Action,
    ActionStatus,
    Decision,
    RecordBook,
    RecordPrefill,
    YouSaid,
    YouSaidState,
    changed_fields,
    check_action,
    check_decision,
    make_action,
    make_decision,
    make_you_said,
)
from coprod_meet.domain.state import MeetingState
from coprod_meet.services.archive import ArchiveService
from coprod_meet.storage.read_model import RecordFilter


class RecordsService:
    """Record and correct decisions, actions, "you said" and evaluations; list them."""

    def __init__(self, service: ArchiveService, *, clock: Callable[[], datetime] = now) -> None:
        self.service = service
        self.clock = clock

    # -- reading --------------------------------------------------------------------------

    def _book(self, group_id: str | None = None, *, only: set[str] | None = None) -> RecordBook:
        """Every record event of the group's meetings (or the whole archive), folded in time order.

        ``only`` limits the reading to those meeting files (found through the catalogue).
        """
        pairs: list[tuple[str, Event]] = []
        for m in self.service.list_meetings():
            if group_id is not None and m.group_id != group_id:
                continue
            if only is not None and m.id not in only:
                continue
            # Read as stored, and only the record events made into events: a group's other
            # events (attendance, the queue, timers) are most of its files.
            _plan, stored = self.service.read_meeting_data(m.id)  # (a file that will not parse: none; `check` says so)
            for data in stored:
                if data.get("type") in RECORD_EVENTS:
                    try:
                        pairs.append((m.id, Event.from_dict(data)))
                    except (KeyError, ValueError, TypeError, AttributeError):
                        continue  # an event that cannot be read is skipped, as the fold skips one
        return RecordBook.fold(pairs)

    def book_for(self, meeting_id: str) -> RecordBook:
        """The records of the meeting's group, as they stand now."""
        return self._book(self.service.get_meeting(meeting_id).group_id)

    def state(self, meeting_id: str) -> MeetingState:
        return MeetingState.replay(self.service.get_meeting(meeting_id), self.service.events(meeting_id))

    def prefill(self, meeting_id: str, *, state: MeetingState | None = None) -> RecordPrefill:
        """What the forms start from; counts typed dates from the meeting's own day."""
        return RecordPrefill.from_state(state or self.state(meeting_id))

    def edit_prefill(self, meeting_id: str) -> RecordPrefill:
        """As :meth:`prefill`, but typed dates count from today (a correction made later)."""
        return replace(self.prefill(meeting_id), today=self.clock().date())

    def decisions(self, meeting_id: str) -> list[Decision]:
        """The meeting's decisions as they stand now, in the order they were recorded (read
        through the index, not the group's meeting files)."""
        found = [d for d in self._group_decisions(meeting_id) if d.meeting_id == meeting_id]
        return found[::-1]  # the index lists a meeting's last recorded first

    def actions(self, meeting_id: str) -> list[Action]:
        return self.book_for(meeting_id).actions_of(meeting_id)

    def earlier_decisions(self, meeting_id: str) -> list[Decision]:
        """Decisions of the group that a new one may replace: not replaced yet, newest first
        (newest meeting first, and in it the last recorded first), read through the index."""
        return self._group_decisions(meeting_id, state="current")

    def _group_decisions(self, meeting_id: str, state: str | None = None) -> list[Decision]:
        """The decisions of the meeting's group as the index keeps them (corrections folded
        in), newest first; a line that cannot be read is left out (`check` says why)."""
        group_id = self.service.get_meeting(meeting_id).group_id
        lines = self.service.read_model.decisions(RecordFilter(group_ids=frozenset({group_id}), state=state))
        found = []
        for row in lines.whole():
            try:
                found.append(Decision.from_dict(row))
            except (KeyError, ValueError, TypeError, UserError):
                continue
        return found

    def find_decision(self, decision_id: str, group_id: str | None = None) -> Decision:
        """A decision by id: looked for in the group's meetings first, then the whole archive."""
        return self._find("decisions", decision_id, group_id)

    def find_action(self, action_id: str, group_id: str | None = None) -> Action:
        """An action by id: looked for in the group's meetings first, then the whole archive."""
        return self._find("actions", action_id, group_id)

    def _find(self, kind: str, record_id: str, group_id: str | None) -> Any:
        found = getattr(self._book(group_id), kind)
        if record_id not in found and group_id is not None:
            found = getattr(self._book(), kind)
        if record_id not in found:
            what = kind[:-1]
            raise NotFound(f"There is no {what} with that id; type `coprod-meet {kind}` to list them.")
        return found[record_id]

    def open_actions(self, meeting_id: str, book: RecordBook | None = None) -> list[Action]:
        """The group's open actions from meetings before this one: for matters arising.
        ``book``: the group's records, when the caller has them already (from :meth:`book_for`)."""
        meeting = self.service.get_meeting(meeting_id)
        starts = {m.id: m.start for m in self.service.list_meetings()}
        return [
            a for a in (book if book is not None else self._book(meeting.group_id)).actions.values()
            if a.status is ActionStatus.OPEN and starts.get(a.meeting_id, meeting.start) < meeting.start
        ]

    def you_said_for(self, meeting_id: str, book: RecordBook | None = None) -> list[YouSaid]:
        """What to show under "you said, we did": the group's earlier "you said" not yet reported
        back, and those reported back at this meeting. ``book`` as for :meth:`open_actions`."""
        meeting = self.service.get_meeting(meeting_id)
        starts = {m.id: m.start for m in self.service.list_meetings()}
        book = book if book is not None else self._book(meeting.group_id)
        return [
            y for y in book.you_said.values()
            if starts.get(y.meeting_id, meeting.start) < meeting.start
            and (y.state is not YouSaidState.REPORTED_BACK or y.reported_in == meeting_id)
        ]

    def you_said_heard_in(self, meeting_id: str) -> list[YouSaid]:
        return [y for y in self.book_for(meeting_id).you_said.values() if y.meeting_id == meeting_id]

    # -- writing: decisions -----------------------------------------------------------------

    def _append(self, meeting_id: str, event_type: str, data: dict[str, Any], *, after: datetime | None = None) -> Event:
        """Write one event. A correction is stamped after the record's latest event (``after``), even
        when the clock says the same second: the fold orders events by time across meetings."""
        at = self.clock()
        if after is not None and at <= after:
            at = after + timedelta(seconds=1)
        return self.service.append_event(meeting_id, ev.event(event_type, at=at, **data))

    def _latest(self, record_id: str, group_id: str) -> datetime | None:
        return self._book(group_id).touched.get(record_id)

    def save_decision(self, decision: Decision) -> Decision:
        """Write a decision made at its meeting (already built by ``make_decision``)."""
        check_decision(decision, self.prefill(decision.meeting_id))
        if decision.supersedes:
            self._check_replaceable(decision.supersedes, decision.meeting_id)
        self._append(decision.meeting_id, ev.DECISION_RECORDED, replace(decision, superseded_by="").to_dict())
        return decision

    def record_decision(self, meeting_id: str, **typed: Any) -> Decision:
        """Build a decision from typed words (see ``make_decision``) and write it."""
        return self.save_decision(make_decision(self.prefill(meeting_id), **typed))

    def _check_replaceable(self, earlier_id: str, meeting_id: str) -> None:
        book = self.book_for(meeting_id)
        earlier = book.decisions.get(earlier_id)
        if earlier is None:
            raise NotFound("The decision to replace is not in this group's meetings; please pick it from the list.")
        if earlier.superseded_by:
            raise UserError("That decision was already replaced by a later one; please pick the later one.")

    def correct_decision(self, decision_id: str, *, in_meeting: str = "", reason: str = "", **changes: Any) -> Decision:
        """Correct a decision: one ``decision_edited`` event with the fields that changed.

        ``changes`` are stored values (``review_date`` as ISO, ``counts`` as numbers); typed words
        go through :meth:`revise_decision`. The event goes into ``in_meeting`` (a later meeting
        where the correction was made) or into the decision's own meeting.
        """
        meeting = self.service.get_meeting(in_meeting) if in_meeting else None
        current = self.find_decision(decision_id, meeting.group_id if meeting else None)
        revised = Decision.from_dict(current.to_dict() | changes)
        return self.save_decision_edit(current, revised, in_meeting=in_meeting, reason=reason)

    def save_decision_edit(self, current: Decision, revised: Decision, *, in_meeting: str = "",
                           reason: str = "") -> Decision:
        own = self.service.get_meeting(current.meeting_id)
        prefill = self.prefill(own.id)
        if revised.item_id != current.item_id:
            revised = replace(revised, item_title=prefill.item_title(revised.item_id))
        check_decision(revised, prefill)
        data = changed_fields(current.to_dict(), revised.to_dict(), DECISION_FIELDS)
        if not data:
            raise UserError("Nothing was changed, so there is nothing to save.")
        if "supersedes" in data and revised.supersedes:
            self._check_replaceable(revised.supersedes, own.id)
        self._append(in_meeting or own.id, ev.DECISION_EDITED, {"id": current.id, **data, EDIT_REASON: reason},
                     after=self._latest(current.id, own.group_id))
        return self.find_decision(current.id, own.group_id)

    # -- writing: actions -----------------------------------------------------------------

    def save_action(self, action: Action) -> Action:
        check_action(action)
        if action.decision_id:
            self.find_decision(action.decision_id, self.service.get_meeting(action.meeting_id).group_id)
        self._append(action.meeting_id, ev.ACTION_RECORDED, action.to_dict())
        return action

    def record_action(self, meeting_id: str, **typed: Any) -> Action:
        """Build an action from typed words (see ``make_action``) and write it."""
        return self.save_action(make_action(self.prefill(meeting_id), **typed))

    def correct_action(self, action_id: str, *, in_meeting: str = "", reason: str = "", **changes: Any) -> Action:
        """Correct an action or change its status: one ``action_edited`` event.

        For a dropped action pass ``status="dropped", reason_dropped=...``; ``reason`` is why the
        correction was made.
        """
        meeting = self.service.get_meeting(in_meeting) if in_meeting else None
        current = self.find_action(action_id, meeting.group_id if meeting else None)
        if "reason_dropped" in changes:
            changes["reason"] = changes.pop("reason_dropped")
        revised = Action.from_dict(current.to_dict() | changes)
        return self.save_action_edit(current, revised, in_meeting=in_meeting, reason=reason)

    def save_action_edit(self, current: Action, revised: Action, *, in_meeting: str = "", reason: str = "") -> Action:
        if revised.status is not ActionStatus.DROPPED:
            revised = replace(revised, reason="")
        check_action(revised)
        data = changed_fields(current.to_dict(), revised.to_dict(), ACTION_FIELDS)
        if not data:
            raise UserError("Nothing was changed, so there is nothing to save.")
        group = self.service.get_meeting(current.meeting_id).group_id
        self._append(in_meeting or current.meeting_id, ev.ACTION_EDITED, {"id": current.id, **data, EDIT_REASON: reason},
                     after=self._latest(current.id, group))
        return self.find_action(current.id, group)

    def mark_done(self, action_id: str, *, in_meeting: str = "") -> Action:
        return self.correct_action(action_id, in_meeting=in_meeting, status=ActionStatus.DONE.value)

    def drop_action(self, action_id: str, why: str, *, in_meeting: str = "") -> Action:
        return self.correct_action(action_id, in_meeting=in_meeting, status=ActionStatus.DROPPED.value,
                                   reason_dropped=why)

    # -- writing: you said, we did ----------------------------------------------------------

    def save_you_said(self, said: YouSaid) -> YouSaid:
        self._append(said.meeting_id, ev.YOU_SAID, said.to_dict())
        return said

    def record_you_said(self, meeting_id: str, **typed: Any) -> YouSaid:
        return self.save_you_said(make_you_said(self.prefill(meeting_id), **typed))

    def update_you_said(self, said_id: str, *, in_meeting: str, reason: str = "", **changes: Any) -> YouSaid:
        """Link a "you said" to decisions or actions, correct it, or move its state on."""
        meeting = self.service.get_meeting(in_meeting)
        book = self._book(meeting.group_id)
        current = book.you_said.get(said_id)
        if current is None:
            raise NotFound("That \"you said\" is not in this group's meetings.")
        for key, known, what in (("decision_ids", book.decisions, "decision"), ("action_ids", book.actions, "action")):
            if any(i not in known for i in changes.get(key, ())):
                raise NotFound(f"That {what} is not in this group's meetings; please pick it from the list.")
        before = current.to_dict() | {"state": current.state.value}
        revised = YouSaid.from_dict(before | changes)
        data = changed_fields(before, revised.to_dict(), YOU_SAID_FIELDS)
        if not data:
            raise UserError("Nothing was changed, so there is nothing to save.")
        self._append(in_meeting, ev.YOU_SAID, {"id": said_id, **data, EDIT_REASON: reason},
                     after=book.touched.get(said_id))
        return self._book(meeting.group_id).you_said[said_id]

    def link_you_said(self, said_id: str, *, in_meeting: str, decision_id: str = "", action_id: str = "") -> YouSaid:
        book = self._book(self.service.get_meeting(in_meeting).group_id)
        current = book.you_said.get(said_id)
        if current is None:
            raise NotFound("That \"you said\" is not in this group's meetings.")
        changes: dict[str, Any] = {}
        if decision_id and decision_id not in current.decision_ids:
            changes["decision_ids"] = [*current.decision_ids, decision_id]
        if action_id and action_id not in current.action_ids:
            changes["action_ids"] = [*current.action_ids, action_id]
        if not changes:
            raise UserError("That link is already there.")
        return self.update_you_said(said_id, in_meeting=in_meeting, **changes)

    def report_back(self, said_id: str, *, in_meeting: str) -> YouSaid:
        return self.update_you_said(said_id, in_meeting=in_meeting, state=YouSaidState.REPORTED_BACK.value,
                                    reported_in=in_meeting)

    # -- how did today go -------------------------------------------------------------------

    def record_evaluation(self, meeting_id: str, member_id: str, heard: str, comment: str = "") -> Event:
        heard, comment = check_answer(heard, comment)
        state = self.state(meeting_id)
        if state.meeting.person(member_id) is None:
            raise NotFound("That person is not on this meeting's list.")
        if member_id not in state.ever_present_ids and state.attendance:
            raise UserError(f"{state.name(member_id)} is not marked as here, so cannot say how today went.")
        return self._append(meeting_id, ev.EVALUATION, {"member_id": member_id, "heard": heard, "comment": comment})

    def evaluation_summary(self, meeting_id: str) -> EvaluationSummary:
        return summarise(self.state(meeting_id))

