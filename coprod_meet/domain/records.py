"""Decisions, actions and "you said, we did": what a group decided, who will do what, and
whether the member who raised it was told.

They are kept as events in the meetings' logs ("decision_recorded", "action_recorded",
"you_said", and corrections "decision_edited", "action_edited", later "you_said" with the same
id), so nothing said is ever overwritten. :class:`RecordBook` folds the events of one meeting,
or of all the meetings of a group in time order, into the records as they stand now, each with
its ``history`` of earlier wordings. ``decisions_from`` and ``actions_from`` are the one-meeting
shortcuts.

The rules of each way of deciding live here (:func:`check_decision`), as plain sentences a
person can act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from coprod_meet.domain import events as ev
from coprod_meet.domain.dates import date_in_words, lateness_in_words, parse_date
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Event, join_words, new_id
from coprod_meet.domain.text import clean_note, clean_short

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.domain.state import MeetingState


class Method(StrEnum):
    CONSENSUS = "consensus"
    CONSENT = "consent"
    VOTE = "vote"
    CO_CHAIRS = "co_chairs"
    DEFERRED = "deferred"

    @property
    def meaning(self) -> str:
        """One plain line, shown when choosing."""
        return {
            Method.CONSENSUS: "Everyone agrees with the decision.",
            Method.CONSENT: "Nobody objects strongly enough to stop it; objections are written down.",
            Method.VOTE: "People vote for or against; we count the votes.",
            Method.CO_CHAIRS: "The co-chairs decide together, after hearing everyone.",
            Method.DEFERRED: "We decide at a later meeting.",
        }[self]

    @property
    def label(self) -> str:
        """A short name for a list to choose from."""
        return {
            Method.CONSENSUS: "Consensus",
            Method.CONSENT: "Consent",
            Method.VOTE: "Vote",
            Method.CO_CHAIRS: "Co-chairs decide",
            Method.DEFERRED: "Deferred",
        }[self]

    @property
    def words(self) -> str:
        """How it was decided, to follow "decided by": "consensus", "a vote"."""
        return {
            Method.CONSENSUS: "consensus",
            Method.CONSENT: "consent",
            Method.VOTE: "a vote",
            Method.CO_CHAIRS: "the co-chairs",
            Method.DEFERRED: "putting it off to a later meeting",
        }[self]


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def words(self) -> str:
        return {ActionStatus.OPEN: "open", ActionStatus.DONE: "done", ActionStatus.DROPPED: "dropped"}[self]


class YouSaidState(StrEnum):
    """How far a "you said" has come. Each state includes the ones before it."""

    HEARD = "heard"
    DECIDED = "decided"
    ACTED_ON = "acted_on"
    REPORTED_BACK = "reported_back"

    @property
    def words(self) -> str:
        return {
            YouSaidState.HEARD: "heard",
            YouSaidState.DECIDED: "decided",
            YouSaidState.ACTED_ON: "acted on",
            YouSaidState.REPORTED_BACK: "reported back",
        }[self]

    @property
    def rank(self) -> int:
        return list(YouSaidState).index(self)


COUNT_KEYS = ("for", "against", "abstain")
COUNT_WORDS = {"for": "for", "against": "against", "abstain": "did not vote"}


def counts_in_words(counts: Mapping[str, int]) -> str:
    """ "7 for, 1 against, 1 did not vote" (keys that are absent are left out)."""
    return ", ".join(f"{int(counts[k])} {COUNT_WORDS[k]}" for k in COUNT_KEYS if k in counts)


def agreed_in_words(agreed: bool | None) -> str:
    """The co-production check, as a sentence."""
    if agreed is True:
        return "The members with lived experience who were there agreed."
    if agreed is False:
        return "The members with lived experience who were there did not all agree."
    return "The members with lived experience were not asked if they agreed."


def _iso(value: object) -> str:
    """A stored date as ISO text ("" when none); a bad one is dropped."""
    if isinstance(value, date):
        return value.isoformat()
    if not value:
        return ""
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        return ""


def _ids(value: object) -> tuple[str, ...]:
    if not value or isinstance(value, str):
        return (value,) if isinstance(value, str) and value else ()
    return tuple(str(v) for v in value if v)  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------
# History


FIELD_WORDS = {
    "text": "the wording",
    "item": "the agenda item",
    "item_id": "the agenda item",
    "method": "how it was decided",
    "counts": "the votes",
    "dissent": "the other view",
    "dissent_by": "who disagreed",
    "proposed_by": "who proposed it",
    "lived_experience_agreed": "the lived experience check",
    "review_date": "the review date",
    "supersedes": "the decision it replaces",
    "owner": "who will do it",
    "owner_id": "who will do it",
    "due": "the due date",
    "status": "the status",
    "reason": "the reason",
    "decision_id": "the decision it belongs to",
    "member_id": "who said it",
    "raised_by": "who said it",
    "state": "how far it has come",
    "decision_ids": "the decisions it led to",
    "action_ids": "the actions it led to",
    "reported_in": "where it was reported back",
}
# Fields whose change is already told by another field of the same change.
_QUIET = {"item_id", "owner_id"}


def _value_in_words(name: str, value: Any) -> str:
    if value in (None, "", [], (), {}):
        return "nothing"
    if name in ("review_date", "due"):
        try:
            return date_in_words(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if name == "counts" and isinstance(value, Mapping):
        return counts_in_words(value) or "nothing"
    if name == "method":
        try:
            return Method(value).label
        except ValueError:
            return str(value)
    if name == "lived_experience_agreed":
        return {True: "agreed", False: "did not all agree"}.get(value, "not asked")
    if name == "state":
        try:
            return YouSaidState(value).words
        except ValueError:
            return str(value)
    if isinstance(value, (list, tuple)):
        return f"{len(value)} linked"
    return f'"{value}"'


@dataclass(frozen=True)
class Change:
    """One correction of a record: when, where it was written, what was there before."""

    at: datetime
    meeting_id: str
    changes: tuple[tuple[str, Any, Any], ...]  # (field, before, after)
    reason: str = ""

    def in_words(self) -> str:
        """ "On Friday 13 March 2026: the wording was "X", now "Y". Why: a typo." """
        parts = [
            f"{FIELD_WORDS.get(name, name)} was {_value_in_words(name, old)}, now {_value_in_words(name, new)}"
            for name, old, new in self.changes
            if name not in _QUIET or len(self.changes) == 1
        ]
        text = f"On {date_in_words(self.at)}: {'; '.join(parts)}."
        return f"{text} Why: {self.reason}" if self.reason else text

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "meeting_id": self.meeting_id,
            "changes": [{"field": n, "before": old, "after": new} for n, old, new in self.changes],
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Change:
        return cls(
            at=datetime.fromisoformat(d["at"]),
            meeting_id=str(d.get("meeting_id", "")),
            changes=tuple((c["field"], c.get("before"), c.get("after")) for c in d.get("changes") or ()),
            reason=str(d.get("reason", "") or ""),
        )


# ---------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class Decision:
    meeting_id: str
    text: str
    id: str = field(default_factory=new_id)
    item_id: str = ""
    item_title: str = ""
    method: Method = Method.CONSENSUS
    counts: dict[str, int] = field(default_factory=dict)  # for / against / abstain ("did not vote")
    dissent: str = ""  # the minority or dissenting view, in words
    proposed_by: str = ""  # a member id
    lived_experience_agreed: bool | None = None  # None: not asked
    review_date: str = ""  # ISO date, "" when none
    supersedes: str = ""
    superseded_by: str = ""  # worked out by the fold, never typed
    dissent_by: tuple[str, ...] = ()  # member ids of those who disagreed or objected
    history: tuple[Change, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_note(self.text))
        object.__setattr__(self, "dissent", clean_note(self.dissent))
        object.__setattr__(self, "item_title", clean_short(self.item_title, "item title"))
        object.__setattr__(self, "method", Method(self.method))
        object.__setattr__(self, "counts", {k: int(v) for k, v in dict(self.counts).items() if k in COUNT_KEYS})
        object.__setattr__(self, "dissent_by", _ids(self.dissent_by))
        object.__setattr__(self, "review_date", _iso(self.review_date))
        agreed = self.lived_experience_agreed
        object.__setattr__(self, "lived_experience_agreed", None if agreed is None else bool(agreed))

    @property
    def review_day(self) -> date | None:
        return date.fromisoformat(self.review_date) if self.review_date else None

    def review_due(self, today: date) -> bool:
        """True when its review is due soon or late and nothing has replaced it (see :func:`review_standing`)."""
        return review_standing(self.review_date, not self.superseded_by, today) is not None

    def how_in_words(self) -> str:
        """ "Decided by a vote: 7 for, 1 against, 1 did not vote." """
        if self.method is Method.DEFERRED:
            return "Put off to a later meeting."
        text = f"Decided by {self.method.words}"
        if self.method is Method.VOTE and self.counts:
            text += f": {counts_in_words(self.counts)}"
        return text + "."

    def to_dict(self) -> dict[str, Any]:
        """The record as stored in its event (no history: that is the events themselves)."""
        return {
            "id": self.id,
            "meeting_id": self.meeting_id,
            "item_id": self.item_id,
            "item": self.item_title,
            "text": self.text,
            "method": self.method.value,
            "counts": dict(self.counts),
            "dissent": self.dissent,
            "dissent_by": list(self.dissent_by),
            "proposed_by": self.proposed_by,
            "lived_experience_agreed": self.lived_experience_agreed,
            "review_date": self.review_date or None,
            "supersedes": self.supersedes or None,
            "superseded_by": self.superseded_by or None,
        }

    def to_json(self) -> dict[str, Any]:
        return self.to_dict() | {"history": [c.to_dict() for c in self.history]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Decision:
        return cls(
            id=d["id"],
            meeting_id=d["meeting_id"],
            item_id=d.get("item_id", ""),
            item_title=d.get("item", ""),
            text=d.get("text", ""),
            method=d.get("method", Method.CONSENSUS),
            counts=dict(d.get("counts") or {}),
            dissent=d.get("dissent", ""),
            dissent_by=d.get("dissent_by") or (),
            proposed_by=d.get("proposed_by", ""),
            lived_experience_agreed=d.get("lived_experience_agreed"),
            review_date=d.get("review_date") or "",
            supersedes=d.get("supersedes") or "",
            superseded_by=d.get("superseded_by") or "",
            history=tuple(Change.from_dict(c) for c in d.get("history") or ()),
        )


@dataclass(frozen=True)
class Action:
    meeting_id: str
    text: str
    id: str = field(default_factory=new_id)
    owner: str = ""  # a member's name or an organisation
    owner_id: str = ""  # the member's id when the owner is a member
    due: str = ""  # ISO date
    status: ActionStatus = ActionStatus.OPEN
    reason: str = ""  # why it was dropped
    item_id: str = ""
    decision_id: str = ""
    history: tuple[Change, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_note(self.text))
        object.__setattr__(self, "owner", clean_short(self.owner, "owner"))
        object.__setattr__(self, "reason", clean_short(self.reason, "reason"))
        object.__setattr__(self, "status", ActionStatus(self.status))
        object.__setattr__(self, "due", _iso(self.due))

    @property
    def due_date(self) -> date | None:
        return date.fromisoformat(self.due) if self.due else None

    def is_overdue(self, today: date) -> bool:
        return action_overdue(self.status.value, self.due, today)

    def standing_in_words(self, today: date) -> str:
        """ "2 weeks late", "due in 3 days", "done", "dropped: the provider closed"."""
        if self.status is ActionStatus.DONE:
            return "done"
        if self.status is ActionStatus.DROPPED:
            return f"dropped: {self.reason}" if self.reason else "dropped"
        if self.due_date is None:
            return "no date set"
        return lateness_in_words(self.due_date, today)

    def sentence(self, today: date, owner: str | None = None) -> str:
        """ "Jo Clark will ask providers for evening break options by Thursday 26 March 2026 — 2 weeks late"."""
        who = owner if owner is not None else (self.owner or "Someone")
        what = self.text.rstrip(". ")
        if len(what) > 1 and what[0].isupper() and what[1].islower():
            what = what[0].lower() + what[1:]
        when = f" by {date_in_words(self.due_date)}" if self.due_date else ""
        return f"{who} will {what}{when} — {self.standing_in_words(today)}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "meeting_id": self.meeting_id,
            "text": self.text,
            "owner": self.owner,
            "owner_id": self.owner_id,
            "due": self.due or None,
            "status": self.status.value,
            "reason": self.reason,
            "item_id": self.item_id,
            "decision_id": self.decision_id,
        }

    def to_json(self) -> dict[str, Any]:
        return self.to_dict() | {"history": [c.to_dict() for c in self.history]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Action:
        return cls(
            id=d["id"],
            meeting_id=d["meeting_id"],
            text=d.get("text", ""),
            owner=d.get("owner", ""),
            owner_id=d.get("owner_id", ""),
            due=d.get("due") or "",
            status=d.get("status", ActionStatus.OPEN),
            reason=d.get("reason", ""),
            item_id=d.get("item_id", ""),
            decision_id=d.get("decision_id", ""),
            history=tuple(Change.from_dict(c) for c in d.get("history") or ()),
        )


@dataclass(frozen=True)
class YouSaid:
    """Something a member said or an idea raised, followed until the group reports back.

    ``state`` is what was set by hand; the fold raises it to "decided" when it is linked to a
    decision and to "acted on" when a linked action is done.
    """

    meeting_id: str
    text: str
    id: str = field(default_factory=new_id)
    member_id: str = ""
    raised_by: str = ""  # who said it, when not a member ("a survey of carers")
    item_id: str = ""
    state: YouSaidState = YouSaidState.HEARD
    decision_ids: tuple[str, ...] = ()
    action_ids: tuple[str, ...] = ()
    reported_in: str = ""  # the meeting where it was reported back
    history: tuple[Change, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_note(self.text))
        object.__setattr__(self, "raised_by", clean_short(self.raised_by, "name"))
        try:
            state = YouSaidState(self.state)
        except ValueError:
            state = YouSaidState.HEARD
        object.__setattr__(self, "state", state)
        object.__setattr__(self, "decision_ids", _ids(self.decision_ids))
        object.__setattr__(self, "action_ids", _ids(self.action_ids))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "meeting_id": self.meeting_id,
            "text": self.text,
            "member_id": self.member_id,
            "raised_by": self.raised_by,
            "item_id": self.item_id,
            "state": self.state.value,
            "decision_ids": list(self.decision_ids),
            "action_ids": list(self.action_ids),
            "reported_in": self.reported_in,
        }

    def to_json(self) -> dict[str, Any]:
        return self.to_dict() | {"history": [c.to_dict() for c in self.history]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> YouSaid:
        return cls(
            id=d["id"],
            meeting_id=d.get("meeting_id", ""),
            text=d.get("text", ""),
            member_id=d.get("member_id", ""),
            raised_by=d.get("raised_by", ""),
            item_id=d.get("item_id", ""),
            state=d.get("state", YouSaidState.HEARD),
            decision_ids=d.get("decision_ids") or (),
            action_ids=d.get("action_ids") or (),
            reported_in=d.get("reported_in", ""),
        )


# ---------------------------------------------------------------------------------------------
# The fold

DECISION_FIELDS = (
    "text", "item_id", "item", "method", "counts", "dissent", "dissent_by", "proposed_by",
    "lived_experience_agreed", "review_date", "supersedes",
)  # fmt: skip
ACTION_FIELDS = ("text", "owner", "owner_id", "due", "status", "reason", "item_id", "decision_id")
YOU_SAID_FIELDS = (
    "text", "member_id", "raised_by", "item_id", "state", "decision_ids", "action_ids", "reported_in",
)  # fmt: skip
RECORD_EVENTS = frozenset(
    {ev.DECISION_RECORDED, ev.DECISION_EDITED, ev.ACTION_RECORDED, ev.ACTION_EDITED, ev.YOU_SAID}
)
EDIT_REASON = "edit_reason"  # why a correction was made, kept in the edit event


def changed_fields(before: dict[str, Any], after: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """The fields of ``after`` that differ from ``before`` (the data of an edit event)."""
    return {n: after.get(n) for n in names if _norm(before.get(n)) != _norm(after.get(n))}


def _norm(value: Any) -> Any:
    if value in (None, ""):
        return None
    if isinstance(value, tuple):
        return list(value)
    return value


def _revise(record: Any, kind: type, names: tuple[str, ...], e: Event, where: str) -> Any:
    before = record.to_dict()
    after = before | {k: v for k, v in e.data.items() if k in names}
    revised = kind.from_dict(after)
    changes = tuple(
        (n, before.get(n), revised.to_dict().get(n))
        for n in names
        if _norm(before.get(n)) != _norm(revised.to_dict().get(n))
    )
    if not changes:
        return record
    change = Change(at=e.at, meeting_id=where, changes=changes, reason=str(e.data.get(EDIT_REASON, "") or ""))
    return replace(revised, history=(*record.history, change))


@dataclass
class RecordBook:
    """Decisions, actions and "you said" as they stand now, folded from events in time order.

    Feed it the events of one meeting, or ``(meeting_id, event)`` pairs from every meeting of a
    group, so a correction written in a later meeting reaches the record of an earlier one.
    Events it cannot read (a damaged or foreign file) are skipped, never fatal.
    """

    decisions: dict[str, Decision] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)
    you_said: dict[str, YouSaid] = field(default_factory=dict)
    skipped: int = 0
    touched: dict[str, datetime] = field(default_factory=dict)  # record id -> time of its latest event

    @classmethod
    def fold(cls, events: Iterable[Event | tuple[str, Event]]) -> RecordBook:
        pairs = [(("", e) if isinstance(e, Event) else e) for e in events]
        pairs = [p for p in pairs if p[1].type in RECORD_EVENTS]
        pairs.sort(key=lambda p: p[1].sort_key)
        book = cls()
        for where, e in pairs:
            try:
                book.apply(e, where)
                book.touched[str(e.data.get("id", ""))] = e.at
            except (UserError, KeyError, ValueError, TypeError, AttributeError):
                book.skipped += 1
        book._finish()
        return book

    def apply(self, e: Event, where: str = "") -> None:
        d = e.data
        t = e.type
        if t == ev.DECISION_RECORDED:
            found = Decision.from_dict(d)
            self.decisions.setdefault(found.id, found)
        elif t == ev.DECISION_EDITED and d.get("id") in self.decisions:
            self.decisions[d["id"]] = _revise(self.decisions[d["id"]], Decision, DECISION_FIELDS, e, where)
        elif t == ev.ACTION_RECORDED:
            action = Action.from_dict(d)
            self.actions.setdefault(action.id, action)
        elif t == ev.ACTION_EDITED and d.get("id") in self.actions:
            self.actions[d["id"]] = _revise(self.actions[d["id"]], Action, ACTION_FIELDS, e, where)
        elif t == ev.YOU_SAID:
            if d.get("id") in self.you_said:
                self.you_said[d["id"]] = _revise(self.you_said[d["id"]], YouSaid, YOU_SAID_FIELDS, e, where)
            else:
                said = YouSaid.from_dict({"meeting_id": where} | d)
                self.you_said[said.id] = said

    def _finish(self) -> None:
        """Work out what follows from the records: "replaced by", and how far each "you said" came."""
        replaced = replacements((d.id, d.supersedes) for d in self.decisions.values() if d.supersedes in self.decisions)
        self.decisions = {k: replace(d, superseded_by=replaced.get(k, "")) for k, d in self.decisions.items()}
        self.you_said = {k: replace(y, state=self.state_of(y)) for k, y in self.you_said.items()}

    def state_of(self, said: YouSaid) -> YouSaidState:
        state = said.state
        if said.reported_in:
            state = YouSaidState.REPORTED_BACK
        if state.rank < YouSaidState.DECIDED.rank and any(i in self.decisions for i in said.decision_ids):
            state = YouSaidState.DECIDED
        done = any(self.actions[i].status is ActionStatus.DONE for i in said.action_ids if i in self.actions)
        if state.rank < YouSaidState.ACTED_ON.rank and done:
            state = YouSaidState.ACTED_ON
        return state

    def decisions_of(self, meeting_id: str) -> list[Decision]:
        return [d for d in self.decisions.values() if d.meeting_id == meeting_id]

    def actions_of(self, meeting_id: str) -> list[Action]:
        return [a for a in self.actions.values() if a.meeting_id == meeting_id]


def decisions_from(events: Iterable[Event]) -> list[Decision]:
    """One meeting's decisions as they stand now, in the order they were made."""
    return list(RecordBook.fold(events).decisions.values())


def actions_from(events: Iterable[Event]) -> list[Action]:
    """One meeting's actions as they stand now, in the order they were agreed."""
    return list(RecordBook.fold(events).actions.values())


# ---------------------------------------------------------------------------------------------
# What a form needs, and the rules


@dataclass(frozen=True)
class RecordPrefill:
    """What the decision and action forms start from: the meeting, its item, who is here.

    Build it from the live meeting's state (``from_state``); the forms need nothing else.
    ``today`` is the day typed words such as "in 2 weeks" count from.
    """

    meeting_id: str
    group_id: str
    today: date
    items: tuple[tuple[str, str], ...] = ()  # (item id, title) in agenda order
    item_id: str = ""  # the current item
    members: tuple[tuple[str, str], ...] = ()  # (member id, name) of the whole roster
    present: tuple[str, ...] = ()  # member ids here now
    lead_id: str = ""  # the co-chair leading the item
    co_chair_ids: tuple[str, ...] = ()
    owners: tuple[tuple[str, str], ...] = ()  # (member id, name to write as owner)

    @classmethod
    def from_state(cls, state: MeetingState, *, today: date | None = None) -> RecordPrefill:
        meeting = state.meeting
        present = state.present_ids or state.ever_present_ids
        return cls(
            meeting_id=meeting.id,
            group_id=meeting.group_id,
            today=today or meeting.start.date(),
            items=tuple((i.id, i.title) for i in state.agenda),
            item_id=state.current_item_id,
            members=tuple((m.id, m.name) for m in meeting.roster),
            present=tuple(present),
            lead_id=state.chairing_now,
            co_chair_ids=tuple(meeting.co_chair_ids),
            owners=tuple((m.id, m.full_name or m.name) for m in meeting.roster),
        )

    def name(self, member_id: str) -> str:
        return dict(self.members).get(member_id, "")

    def item_title(self, item_id: str) -> str:
        return dict(self.items).get(item_id, "")

    @property
    def present_members(self) -> tuple[tuple[str, str], ...]:
        """(id, name) of the members here, or of everyone when nobody was marked present."""
        if not self.present:
            return self.members
        here = set(self.present)
        return tuple(m for m in self.members if m[0] in here)


def parse_count(text: object, what: str) -> int:
    """A number of votes typed by a person; "" is 0."""
    raw = str(text if text is not None else "").strip()
    if not raw:
        return 0
    if not raw.isdigit() or len(raw) > 4:
        raise UserError(f"Please type the number of votes {what} as a whole number, like 7.")
    return int(raw)


def check_when(words: str, today: date, what: str) -> str:
    """A typed date ("in 2 weeks") as an ISO date, "" for nothing; a plain UserError if unreadable."""
    return _when(words, today, what)


def check_votes_against_present(votes: Mapping[str, int], present: int) -> None:
    """Votes for, against and not voting cannot add up to more than the people here."""
    total = sum(votes.values())
    if present and total > present:
        people = "person is" if present == 1 else "people are"
        raise UserError(f"The votes add up to {total}, but only {present} {people} here; "
                        "please check the counts.")


def _when(words: str, today: date, what: str) -> str:
    words = (words or "").strip()
    if not words:
        return ""
    try:
        return parse_date(words, now=datetime.combine(today, datetime.min.time())).isoformat()
    except UserError as error:
        raise UserError(f"I could not read the {what}: {error}") from error


def check_decision(d: Decision, prefill: RecordPrefill | None = None) -> Decision:
    """Apply the rules of each way of deciding; return the decision or raise a plain ``UserError``."""
    if not d.text:
        raise UserError("Please write what was decided, in plain words.")
    if d.method is Method.VOTE:
        total = sum(d.counts.get(k, 0) for k in COUNT_KEYS)
        if d.counts.get("for", 0) + d.counts.get("against", 0) == 0:
            raise UserError("A vote needs its counts: please type how many voted for and how many against.")
        if any(v < 0 for v in d.counts.values()):
            raise UserError("Vote counts cannot be below 0; please check them.")
        here = len(prefill.present) if prefill else 0
        if here and total > here:
            raise UserError(
                f"The counts add up to {total} but only {here} people are here; please check them."
            )
    elif any(d.counts.values()):
        raise UserError("Only a vote has counts; please choose Vote or leave the counts empty.")
    if d.method is Method.CONSENSUS and (d.dissent_by or d.dissent):
        raise UserError(
            "Consensus means everyone agrees; as someone disagreed, please choose consent or a vote instead."
        )
    if not d.dissent:
        if d.counts.get("against", 0):
            raise UserError("Someone voted against: please write down their view in the dissent box.")
        if d.dissent_by:
            raise UserError("Someone disagreed or objected: please write down their view in the dissent box.")
        if d.lived_experience_agreed is False:
            raise UserError(
                "The members with lived experience did not all agree: please write down their view in the dissent box."
            )
    if d.supersedes and d.supersedes == d.id:
        raise UserError("A decision cannot replace itself; please pick an earlier one.")
    if prefill is not None:
        known = dict(prefill.members)
        if d.proposed_by and d.proposed_by not in known:
            raise UserError("The person who proposed it is not on this meeting's list; please pick someone who is.")
        if any(m not in known for m in d.dissent_by):
            raise UserError("Someone who disagreed is not on this meeting's list; please pick from the list.")
        if d.item_id and prefill.items and d.item_id not in dict(prefill.items):
            raise UserError("That agenda item is not in this meeting; please pick one from the agenda.")
    return d


def make_decision(
    prefill: RecordPrefill,
    *,
    text: str,
    method: Method | str,
    item_id: str | None = None,
    counts: Mapping[str, object] | None = None,
    dissent: str = "",
    dissent_by: Iterable[str] = (),
    proposed_by: str = "",
    lived_experience_agreed: bool | None = None,
    review: str = "",
    supersedes: str = "",
    decision_id: str | None = None,
) -> Decision:
    """A new decision from what a person typed (counts and review date as typed words)."""
    try:
        method = Method(method)
    except ValueError as error:
        raise UserError("Please choose how it was decided: consensus, consent, vote, co-chairs or deferred.") from error
    item = prefill.item_id if item_id is None else item_id
    typed = dict(counts or {})
    votes = (
        {k: parse_count(typed.get(k), COUNT_WORDS[k]) for k in COUNT_KEYS}
        if method is Method.VOTE or any(str(v or "").strip() not in ("", "0") for v in typed.values())
        else {}
    )
    check_votes_against_present(votes, len(prefill.present))
    decision = Decision(
        id=decision_id or new_id(),
        meeting_id=prefill.meeting_id,
        item_id=item,
        item_title=prefill.item_title(item),
        text=text,
        method=method,
        counts=votes,
        dissent=dissent,
        dissent_by=tuple(dissent_by),
        proposed_by=proposed_by,
        lived_experience_agreed=lived_experience_agreed,
        review_date=_when(review, prefill.today, "review date"),
        supersedes=supersedes,
    )
    return check_decision(decision, prefill)


def check_action(a: Action) -> Action:
    if not a.text:
        raise UserError("Please write what will be done, in plain words.")
    if not a.owner:
        raise UserError("Please say who will do it: a member, or the name of an organisation.")
    if a.status is ActionStatus.DROPPED and not a.reason:
        raise UserError("Please say why the action was dropped.")
    return a


def make_action(
    prefill: RecordPrefill,
    *,
    text: str,
    owner_id: str = "",
    organisation: str = "",
    due: str = "",
    item_id: str | None = None,
    decision_id: str = "",
    status: ActionStatus | str = ActionStatus.OPEN,
    reason: str = "",
    action_id: str | None = None,
) -> Action:
    """A new action from what a person typed: a member (by id) or an organisation by name."""
    owners = dict(prefill.owners) or dict(prefill.members)
    if owner_id and organisation.strip():
        raise UserError("Please choose a member or type an organisation, not both.")
    if owner_id and owner_id not in owners:
        raise UserError("That person is not on this meeting's list; please pick someone who is.")
    try:
        status = ActionStatus(status)
    except ValueError as error:
        raise UserError("The status must be open, done or dropped.") from error
    action = Action(
        id=action_id or new_id(),
        meeting_id=prefill.meeting_id,
        text=text,
        owner=owners.get(owner_id, "") if owner_id else organisation,
        owner_id=owner_id,
        due=_when(due, prefill.today, "due date"),
        status=status,
        reason=reason if status is ActionStatus.DROPPED else "",
        item_id=prefill.item_id if item_id is None else item_id,
        decision_id=decision_id,
    )
    return check_action(action)


def make_you_said(
    prefill: RecordPrefill, *, text: str, member_id: str = "", raised_by: str = "", item_id: str | None = None,
) -> YouSaid:
    said = YouSaid(
        meeting_id=prefill.meeting_id,
        text=text,
        member_id=member_id,
        raised_by="" if member_id else raised_by,
        item_id=prefill.item_id if item_id is None else item_id,
    )
    if not said.text:
        raise UserError("Please write what was said, in plain words.")
    if not said.member_id and not said.raised_by:
        raise UserError("Please say who said it: pick a member or type who raised it.")
    if said.member_id and said.member_id not in dict(prefill.members):
        raise UserError("That person is not on this meeting's list; please pick someone who is.")
    return said


def decision_lines(d: Decision, name_of: Mapping[str, str], titles: Mapping[str, str] | None = None) -> list[str]:
    """A decision in plain sentences, for the screen and the command line (untrusted text as is)."""
    lines = [d.text, d.how_in_words()]
    if d.proposed_by:
        lines.append(f"Proposed by {name_of.get(d.proposed_by, 'someone')}.")
    if d.dissent:
        who = join_words([name_of.get(m, "someone") for m in d.dissent_by])
        lines.append(f"{who} disagreed: {d.dissent}" if who else f"The other view: {d.dissent}")
    lines.append(agreed_in_words(d.lived_experience_agreed))
    if d.review_date:
        lines.append(f"To be looked at again on {date_in_words(d.review_day)}.")  # type: ignore[arg-type]
    titles = titles or {}
    if d.supersedes:
        lines.append(f"This replaces an earlier decision: {titles.get(d.supersedes, 'no longer in this archive')}")
    if d.superseded_by:
        lines.append(f"Replaced by a later decision: {titles.get(d.superseded_by, 'see the later meeting')}")
    return lines


# -- the rules every list of decisions and actions keeps (the review screens, line mode, the
# -- command line and the index in storage/read_model.py all use these) ----------------------

REVIEW_SOON_DAYS = 28  # a review date within four weeks counts as due


def replacements(decisions: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Which decision replaced which: {earlier id: the later decision's id}, from (id, supersedes)
    pairs in time order. A decision's own events never say it was replaced; the later one says
    so. Should two say they replace the same decision, the first one does."""
    found: dict[str, str] = {}
    for record_id, supersedes in decisions:
        if supersedes and supersedes != record_id:
            found.setdefault(supersedes, record_id)
    return found


def review_standing(review_date: str | date | None, current: bool, today: date) -> str | None:
    """ "overdue" (the review date has passed), "due" (it is within four weeks) or None (no
    review date, not yet due, or the decision was replaced and needs no review)."""
    if not current or not review_date:
        return None
    try:
        day = review_date if isinstance(review_date, date) else date.fromisoformat(str(review_date))
    except ValueError:
        return None
    if day < today:
        return "overdue"
    return "due" if (day - today).days <= REVIEW_SOON_DAYS else None


def action_overdue(status: str, due: str | None, today: date) -> bool:
    """An open action whose due date (ISO) has passed."""
    return status == ActionStatus.OPEN.value and bool(due) and str(due)[:10] < today.isoformat()


def owner_matches(owner: str, words: Iterable[str]) -> bool:
    """Whether every word (lower-cased) starts one of the owner's names: "jo" finds "Jo Clark"
    and "county" finds "Durham County Council", but "lark" does not find "Jo Clark"."""
    names = owner.casefold().split()
    return all(any(n.startswith(w) for n in names) for w in words)
