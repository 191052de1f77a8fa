"""Reviewing the past: search decisions and actions across the archive, open one in its context.

Searches read the catalogue's index of decisions and actions (see ``storage/record_index.py``),
never every meeting file. Dates can be typed in words ("since April", "last year",
"between 1/1/2026 and 30/6/2026"). Opening one decision reads its meeting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Iterable, TypeVar

from coprod_meet.domain import events as ev
from coprod_meet.domain.dates import date_in_words, lateness_in_words, when_in_words
from coprod_meet.domain.errors import NotFound, UserError
from coprod_meet.domain.model import AgendaItem, Event, Meeting, join_words
from coprod_meet.domain.records import Action, ActionStatus, Decision, Method
from coprod_meet.domain.text import clean_short
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.decision_list import iso_date, review_in_words, start_of
from coprod_meet.services.lookup import ACTION_STATUS_CHOICES, Lookup, lookup
from coprod_meet.storage.read_model import RecordFilter
from coprod_meet.storage.record_index import ACTIONS, DECISIONS

T = TypeVar("T")

__all__ = ["ACTION_STATUS_CHOICES"]  # (for the actions screen)


# -- what a search finds ---------------------------------------------------------------------


@dataclass(frozen=True)
class FoundDecision:
    """A decision with where it was made."""

    decision: Decision
    group_id: str = ""
    group_name: str = ""
    meeting_start: datetime | None = None
    edits: int = 0
    conflict: str = ""

    @property
    def current(self) -> bool:
        return not self.decision.superseded_by

    @property
    def review_date(self) -> date | None:
        return iso_date(self.decision.review_date)

    def review_in_words(self, today: date) -> str:
        """"review due in 3 weeks", "review 2 months late", "no review date", "replaced"."""
        return review_in_words(self.review_date, self.current, today)

    def when_in_words(self) -> str:
        return date_in_words(self.meeting_start) if self.meeting_start else "an unknown date"

    def to_json(self, today: date) -> dict[str, Any]:
        return self.decision.to_dict() | {
            "group": self.group_name,
            "group_id": self.group_id,
            "meeting_start": self.meeting_start.isoformat() if self.meeting_start else None,
            "current": self.current,
            "review": self.review_in_words(today),
            "changed_on_two_laptops": bool(self.conflict),
        }


@dataclass(frozen=True)
class FoundAction:
    """An action with where it was agreed, as it stands across the whole archive."""

    action: Action
    group_id: str = ""
    group_name: str = ""
    meeting_start: datetime | None = None
    edits: int = 0

    def overdue(self, today: date) -> bool:
        return self.action.is_overdue(today)

    def due_in_words(self, today: date) -> str:
        """"2 weeks late", "due in 3 days", "done", "dropped: no money left", "no date set"."""
        a = self.action
        if a.status is ActionStatus.DONE:
            return "done"
        if a.status is ActionStatus.DROPPED:
            return f"dropped: {a.reason}" if a.reason else "dropped"
        due = iso_date(a.due)
        return lateness_in_words(due, today) if due else "no date set"

    def to_json(self, today: date) -> dict[str, Any]:
        return self.action.to_dict() | {
            "group": self.group_name,
            "group_id": self.group_id,
            "meeting_start": self.meeting_start.isoformat() if self.meeting_start else None,
            "overdue": self.overdue(today),
            "in_words": self.due_in_words(today),
        }


class Found(list[T]):
    """Search results; ``total`` is how many matched, even when only the newest few are kept;
    ``lookup`` is what was asked for (``lookup.in_words()`` says it)."""

    total: int = 0
    lookup: Lookup | None = None


def _found_decision(row: dict[str, Any], conflicts: dict[str, dict[str, Any]]) -> FoundDecision | None:
    try:
        decision = Decision.from_dict(row)  # with its corrections, as the index keeps them
    except (KeyError, ValueError, TypeError, UserError):
        return None  # a damaged line; `check` and a rebuild heal the catalogue
    return FoundDecision(
        decision, row.get("group_id", ""), row.get("group_name", ""), start_of(row), int(row.get("edits", 0)),
        conflicts.get(decision.id, {}).get("message", ""),
    )


def _found_action(row: dict[str, Any]) -> FoundAction | None:
    try:
        action = Action.from_dict(row)
    except (KeyError, ValueError, TypeError, UserError):
        return None
    return FoundAction(action, row.get("group_id", ""), row.get("group_name", ""), start_of(row),
                       int(row.get("edits", 0) or 0))


# -- searching -------------------------------------------------------------------------------


def search_decisions(
    service: ArchiveService, words: str = "", *, limit: int | None = None, **filters: Any,
) -> Found[FoundDecision]:
    """Whole decisions across the archive, newest meeting first, found through the index.

    ``words`` and ``filters`` are those of :func:`~coprod_meet.services.lookup.lookup`
    (period, since, until, group, method, review, state, now). ``limit`` keeps the newest few;
    ``.total`` of the result says how many matched in all.
    """
    found_by = lookup(service, DECISIONS, words, **filters)
    model = service.read_model
    matches = model.decisions(found_by.filter)
    conflicts = model.conflicts()
    found = Found(f for f in (_found_decision(r, conflicts) for r in matches.whole(limit)) if f is not None)
    found.total, found.lookup = matches.total, found_by
    return found


def search_actions(service: ArchiveService, words: str = "", *, limit: int | None = None,
                   **filters: Any) -> Found[FoundAction]:
    """Actions across the archive as they stand now, newest meeting first, found through the index.

    ``filters`` are those of :func:`~coprod_meet.services.lookup.lookup`: status ("open",
    "overdue", "done" or "dropped"), overdue, owner (each word starts one of the owner's names:
    "jo" finds "Jo Clark" but not "Major"), group, period, since, until, now.
    """
    found_by = lookup(service, ACTIONS, words, **filters)
    matches = service.read_model.actions(found_by.filter)
    found = Found(f for f in map(_found_action, matches.whole(limit)) if f is not None)
    found.total, found.lookup = matches.total, found_by
    return found


def people_named(service: ArchiveService, found: Iterable[FoundDecision]) -> dict[str, str]:
    """Member id -> name for everyone these decisions name (who proposed it, who disagreed): from
    the groups, and from a meeting's own list only for someone in no group (a guest)."""
    names = {m.id: m.name for g in service.groups() for m in g.members}
    for f in found:
        d = f.decision
        if any(i and i not in names for i in (d.proposed_by, *d.dissent_by)):
            loaded = service.read_meeting(d.meeting_id)
            if loaded is not None:
                names |= {m.id: m.name for m in loaded[0].roster if m.id not in names}
    return names


# -- one decision in its context -------------------------------------------------------------


@dataclass(frozen=True)
class YouSaidLink:
    """Something members raised that this decision answers."""

    text: str
    who: str
    state: str


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    words: str


@dataclass(frozen=True)
class DecisionContext:
    found: FoundDecision
    meeting: Meeting
    item: AgendaItem | None
    came: list[str]
    apologies: list[str]
    history: list[HistoryLine]
    actions: list[FoundAction]
    you_said: list[YouSaidLink]
    supersedes: FoundDecision | None = None
    superseded_by: FoundDecision | None = None
    proposer: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def decision(self) -> Decision:
        return self.found.decision

    def lines(self, today: date) -> list[str]:
        """The decision and its context in plain lines (user text as typed; show without markup)."""
        d = self.decision
        out = [d.text, ""]
        out.append(f"Decided at: {self.meeting.title}, {when_in_words(self.meeting.start)}.")
        out.append(f"Group: {self.meeting.group_name}.")
        out.append(f"Agenda item: {self.item.title if self.item else d.item_title or 'not recorded'}.")
        how = f"How it was decided: {d.method.words}"
        if d.method is Method.VOTE and d.counts:
            how += (f" ({d.counts.get('for', 0)} for, {d.counts.get('against', 0)} against, "
                    f"{d.counts.get('abstain', 0)} did not vote)")
        out.append(how + ".")
        if self.proposer:
            out.append(f"Proposed by {self.proposer}.")
        if d.lived_experience_agreed is True:
            out.append("Members with lived experience who were there agreed.")
        elif d.lived_experience_agreed is False:
            out.append("Members with lived experience who were there did not all agree.")
        out.append(f"Disagreement: {d.dissent}" if d.dissent else "Nobody recorded a disagreement.")
        review = self.found.review_date
        out.append(
            f"Review: {date_in_words(review)} ({self.found.review_in_words(today)})." if review
            else "Review: no review date was set."
        )
        if self.supersedes:
            out.append(f"It replaced an earlier decision ({self.supersedes.when_in_words()}): "
                       f"{self.supersedes.decision.text}")
        if self.superseded_by:
            out.append(f"It was replaced by a later decision ({self.superseded_by.when_in_words()}): "
                       f"{self.superseded_by.decision.text}")
        if self.found.conflict:
            out += ["", f"Please check: {self.found.conflict}"]
        out += ["", f"Who was there: {join_words(self.came) or 'nobody was recorded'}."]
        if self.apologies:
            out.append(f"Apologies: {join_words(self.apologies)}.")
        out += ["", "What happened to it:"]
        out += [f"  - {when_in_words(h.at)}: {h.words}" for h in self.history]
        out += ["", "Actions from it:" if self.actions else "No actions were agreed with it."]
        for a in self.actions:
            owner = a.action.owner or "Someone"
            out.append(f"  - {owner}: {a.action.text} ({a.due_in_words(today)})")
        if self.you_said:
            out += ["", "You said, we did (what members raised that this answers):"]
            out += [f"  - {y.who} said: {y.text} ({y.state})" for y in self.you_said]
        return out


_FIELD_WORDS = {
    "text": "the words",
    "method": "how it was decided",
    "dissent": "the disagreement",
    "review_date": "the review date",
    "counts": "the votes",
    "superseded_by": "what replaced it",
    "supersedes": "what it replaced",
    "item": "the agenda item",
}


def _history(events: list[Event], meetings: dict[str, str]) -> list[HistoryLine]:
    lines: list[HistoryLine] = []
    current: Decision | None = None
    for e in events:
        where = meetings.get(e.data.get("meeting_id", ""), "")
        if e.type == ev.DECISION_RECORDED:
            current = Decision.from_dict(e.data)
            lines.append(HistoryLine(e.at, f"recorded{' at ' + where if where else ''}: {current.text}"))
        elif e.type == ev.DECISION_EDITED and current is not None:
            before = current.to_dict()
            current = Decision.from_dict(before | e.data)
            after = current.to_dict()
            changed = [k for k in after if k in _FIELD_WORDS and after[k] != before[k]]
            what = join_words([_FIELD_WORDS[k] for k in changed]) or "nothing that shows"
            text = f"changed {what}"
            if "text" in changed:
                text += f"; it now says: {current.text}"
            lines.append(HistoryLine(e.at, text))
    return lines


def _you_said(events: list[Event], decision: Decision, names: dict[str, str]) -> list[YouSaidLink]:
    said: dict[str, dict[str, Any]] = {}
    for e in events:
        if e.type == ev.YOU_SAID:
            key = str(e.data.get("id") or e.id)
            said[key] = said.get(key, {}) | e.data
    out = []
    for data in said.values():
        links = data.get("links") or []
        if decision.id in links or (decision.item_id and data.get("item_id") == decision.item_id):
            out.append(YouSaidLink(clean_short(data.get("text", ""), "note"), names.get(data.get("member_id", ""),
                                   "a member"), str(data.get("state", "heard"))))
    return out


def _row_found(service: ArchiveService, record_id: str) -> FoundDecision | None:
    row = service.read_model.record(DECISIONS, record_id)
    return _found_decision(row, {}) if row else None


def open_decision(service: ArchiveService, decision_id: str) -> DecisionContext:
    """One decision with its meeting, item, who was there, history, actions and "you said" links."""
    records = service.read_model
    row = records.record(DECISIONS, decision_id)
    found = _found_decision(row, records.conflicts()) if row else None
    if found is None:
        raise NotFound("That decision is not in this archive any more; search again to see what is there.")
    d = found.decision
    meeting = service.get_meeting(d.meeting_id)
    events = service.events(d.meeting_id)
    from coprod_meet.domain.state import MeetingState  # (only to open one decision)

    state = MeetingState.replay(meeting, events)
    names = {m.id: m.name for m in meeting.roster}
    titles = {s.id: s.title for s in service.list_meetings()}
    history = _history(records.events_about(DECISIONS, d.id), titles)
    every = records.actions(RecordFilter()).whole()
    actions = [a for a in (_found_action(r) for r in every if r.get("decision_id") == d.id) if a]
    return DecisionContext(
        found=found,
        meeting=meeting,
        item=meeting.item(d.item_id) if d.item_id else None,
        came=[state.name(m) for m in state.ever_present_ids],
        apologies=[names[m] for m, s in state.attendance.items() if s == "apologies" and m in names],
        history=history,
        actions=actions,
        you_said=_you_said(events, d, names),
        supersedes=_row_found(service, d.supersedes),
        superseded_by=_row_found(service, d.superseded_by),
        proposer=names.get(d.proposed_by, ""),
    )


# -- closing an action -----------------------------------------------------------------------


def find_action(service: ArchiveService, action_id: str) -> FoundAction:
    row = service.read_model.record(ACTIONS, action_id)
    found = _found_action(row) if row else None
    if found is None:
        raise NotFound("That action is not in this archive any more; look at the list again.")
    return found


def closing_event(service: ArchiveService, action_id: str, status: str | ActionStatus, reason: str = "",
                  *, now: datetime | None = None) -> tuple[str, Event]:
    """Check that an action can be marked done or dropped; the event to record in its meeting."""
    found = find_action(service, action_id)
    try:
        status = ActionStatus(status)
    except ValueError:
        raise UserError("An action can be marked done or dropped.") from None
    if status is ActionStatus.OPEN:
        raise UserError("An action can be marked done or dropped.")
    reason = clean_short(reason, "reason")
    if status is ActionStatus.DROPPED and not reason:
        raise UserError("Please say why the action is dropped, so the group knows.")
    if found.action.status is not ActionStatus.OPEN:
        raise UserError(f"That action is already {found.action.status.value}.")
    return found.action.meeting_id, ev.event(ev.ACTION_EDITED, at=now, id=action_id, status=status.value,
                                              reason=reason)


def close_action(service: ArchiveService, action_id: str, status: str | ActionStatus, reason: str = "",
                 *, now: datetime | None = None) -> FoundAction:
    """Mark an action done or dropped (with a reason), as an event in its own meeting's log."""
    meeting_id, event = closing_event(service, action_id, status, reason, now=now)
    service.append_event(meeting_id, event)
    return find_action(service, action_id)
