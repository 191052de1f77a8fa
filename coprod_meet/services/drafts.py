"""Keeping what a person types in a form until it is saved or thrown away (see storage/drafts.py).

A draft says what it is in words ("a decision on item 4, Carers' breaks"), where to open it again
(which screen, for which meeting, which of that screen's actions opens the form), and the fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from coprod_meet.services.archive import ArchiveService
from coprod_meet.storage import drafts as store


@dataclass(frozen=True)
class Draft:
    key: str
    what: str  # "a decision on item 4, Carers' breaks"
    screen: str  # where the form is opened from: "live", "meeting", "agenda", "meetings"...
    meeting_id: str = ""
    action: str = ""  # that screen's action which opens the form again
    values: dict[str, Any] = field(default_factory=dict)
    written: str = ""  # when, ISO time

    def to_dict(self) -> dict[str, Any]:
        return {"what": self.what, "screen": self.screen, "meeting_id": self.meeting_id, "action": self.action,
                "values": self.values, "written": self.written}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Draft | None:
        try:
            return cls(key=str(d["key"]), what=str(d["what"]), screen=str(d["screen"]),
                       meeting_id=str(d.get("meeting_id", "")), action=str(d.get("action", "")),
                       values=dict(d.get("values") or {}), written=str(d.get("written", "")))
        except (KeyError, TypeError, ValueError):
            return None


class Drafts:
    """The drafts of one archive. Writing is for a background thread (it fsyncs)."""

    def __init__(self, service: ArchiveService) -> None:
        self.root = service.root

    def keep(self, draft: Draft, *, now: datetime | None = None) -> None:
        data = draft.to_dict()
        data["written"] = (now or datetime.now()).isoformat(timespec="seconds")
        store.save_draft(self.root, draft.key, data)

    def drop(self, key: str) -> None:
        store.drop_draft(self.root, key)

    def waiting(self) -> list[Draft]:
        """The drafts left from an earlier run, oldest first."""
        return [d for d in (Draft.from_dict(raw) for raw in store.read_drafts(self.root)) if d is not None]
