"""The list of decisions across the archive, as the review screen shows it: quick and lean.

Reads only the short lines of the decisions index (``decisions.json``) through the read model,
never every meeting file. The filters are read by ``services/lookup.py`` (the same rules as
every other list of decisions and actions); matches come newest first, and a line is made into
a :class:`DecisionLine` only when it is shown, so a long list opens as quickly as a short one.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Sequence

from coprod_meet.domain.dates import date_in_words, lateness_in_words
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.lookup import Lookup, lookup
# Once defined here; the look-up rules now live in services/lookup.py (import them from there).
from coprod_meet.services.lookup import group_ids_of, group_names, period_of  # noqa: F401
from coprod_meet.storage.read_model import Matches
from coprod_meet.storage.record_index import DECISIONS


def start_of(row: dict[str, Any]) -> datetime | None:
    """When a line's meeting started, or None if that is not known."""
    try:
        return datetime.fromisoformat(row.get("start") or "")
    except (TypeError, ValueError):
        return None


def iso_date(text: Any) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


def review_in_words(review_date: date | None, current: bool, today: date) -> str:
    """ "review due in 3 weeks", "review 2 months late", "no review date", "replaced ..."."""
    if not current:
        return "replaced by a later decision"
    if review_date is None:
        return "no review date"
    words = lateness_in_words(review_date, today)
    return f"review {words}" if words.endswith("late") else words.replace("due", "review due", 1)


class DecisionLine:
    """One line of the decisions list: what the list and its chosen line say about a decision."""

    __slots__ = ("id", "text", "group_name", "meeting_start", "method", "review_date", "current", "conflict")

    def __init__(self, row: dict[str, Any], conflict: str = "") -> None:
        self.id: str = str(row.get("id", ""))
        self.text: str = str(row.get("text") or "")
        self.group_name: str = str(row.get("group_name") or "")
        self.meeting_start = start_of(row)
        self.method: str = str(row.get("method") or "")
        self.review_date = iso_date(row.get("review_date"))
        self.current: bool = not row.get("superseded_by")
        self.conflict = conflict

    def review_in_words(self, today: date) -> str:
        return review_in_words(self.review_date, self.current, today)

    def when_in_words(self) -> str:
        return date_in_words(self.meeting_start) if self.meeting_start else "an unknown date"

    def __repr__(self) -> str:
        return f"DecisionLine({self.id!r}, {self.text!r})"


class Lines(Sequence[DecisionLine]):
    """Matching decisions, newest first; each line is made when it is first looked at.
    ``total`` is how many matched; ``lookup`` is what was asked for (``lookup.in_words()``)."""

    def __init__(self, matches: Matches, conflicts: dict[str, dict[str, Any]], found_by: Lookup) -> None:
        self._matches = matches
        self._conflicts = conflicts
        self.lookup = found_by
        self._made: dict[int, DecisionLine] = {}

    @property
    def total(self) -> int:
        return len(self._matches)

    def __len__(self) -> int:
        return len(self._matches)

    def _at(self, index: int) -> DecisionLine:
        line = self._made.get(index)
        if line is None:
            row = self._matches[index]
            conflict = self._conflicts.get(row["id"], {}).get("message", "") if self._conflicts else ""
            line = self._made[index] = DecisionLine(row, conflict)
        return line

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self._matches)))]
        if index < 0:
            index += len(self._matches)
        if not 0 <= index < len(self._matches):
            raise IndexError(index)
        return self._at(index)


def list_decisions(service: ArchiveService, words: str = "", **filters: Any) -> Lines:
    """The decisions list: matching decisions newest first, made into lines as they are shown.

    Takes the filters of :func:`~coprod_meet.services.lookup.lookup` (period, since, until,
    group, method, review, state, now); reads nothing but the decisions file.
    """
    found_by = lookup(service, DECISIONS, words, **filters)
    return Lines(service.read_model.decisions(found_by.filter), service.read_model.conflicts(), found_by)
