"""Decisions and actions: what a meeting decided and who will do what.

They are kept as events in the meeting's log ("decision_recorded", "action_recorded", and later
"..._edited"), so nothing said is ever overwritten; ``decisions_from`` and ``actions_from`` fold
the log into the current records.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any, Iterable

from coprod_meet.domain.model import Event, new_id
from coprod_meet.domain.text import clean_note, clean_short


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


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(frozen=True)
class Decision:
    meeting_id: str
    text: str
    id: str = field(default_factory=new_id)
    item_id: str = ""
    item_title: str = ""
    method: Method = Method.CONSENSUS
    counts: dict[str, int] = field(default_factory=dict)  # for / against / abstain
    dissent: str = ""
    proposed_by: str = ""
    lived_experience_agreed: bool | None = None
    review_date: str = ""  # ISO date, "" when none
    supersedes: str = ""
    superseded_by: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_note(self.text))
        object.__setattr__(self, "dissent", clean_note(self.dissent))
        object.__setattr__(self, "method", Method(self.method))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "meeting_id": self.meeting_id,
            "item_id": self.item_id,
            "item": self.item_title,
            "text": self.text,
            "method": self.method.value,
            "counts": dict(self.counts),
            "dissent": self.dissent,
            "proposed_by": self.proposed_by,
            "lived_experience_agreed": self.lived_experience_agreed,
            "review_date": self.review_date or None,
            "supersedes": self.supersedes or None,
            "superseded_by": self.superseded_by or None,
        }

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
            proposed_by=d.get("proposed_by", ""),
            lived_experience_agreed=d.get("lived_experience_agreed"),
            review_date=d.get("review_date") or "",
            supersedes=d.get("supersedes") or "",
            superseded_by=d.get("superseded_by") or "",
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

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_note(self.text))
        object.__setattr__(self, "owner", clean_short(self.owner, "owner"))
        object.__setattr__(self, "status", ActionStatus(self.status))

    @property
    def due_date(self) -> date | None:
        return date.fromisoformat(self.due) if self.due else None

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
        )


def decisions_from(events: Iterable[Event]) -> list[Decision]:
    """The meeting's decisions as they stand now, in the order they were made."""
    found: dict[str, Decision] = {}
    for e in events:
        if e.type == "decision_recorded":
            d = Decision.from_dict(e.data)
            found[d.id] = d
        elif e.type == "decision_edited" and e.data.get("id") in found:
            merged = found[e.data["id"]].to_dict() | e.data
            found[e.data["id"]] = Decision.from_dict(merged)
    return list(found.values())


def actions_from(events: Iterable[Event]) -> list[Action]:
    found: dict[str, Action] = {}
    for e in events:
        if e.type == "action_recorded":
            a = Action.from_dict(e.data)
            found[a.id] = a
        elif e.type == "action_edited" and e.data.get("id") in found:
            merged = found[e.data["id"]].to_dict() | e.data
            found[e.data["id"]] = Action.from_dict(merged)
    return list(found.values())


def with_status(action: Action, status: ActionStatus, reason: str = "") -> Action:
    return replace(action, status=status, reason=reason)
