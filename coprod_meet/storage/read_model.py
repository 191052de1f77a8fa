"""The read model: the one way the rest of the app reads an archive's lists.

Three things answer look-ups without reading every meeting file:

* the catalogue (``catalogue.sqlite``, one line per meeting, see ``storage/catalogue.py``);
* the index of decisions and actions (``decisions.json``, ``actions.json``,
  ``record-details.json``, see ``storage/record_index.py``).

This module puts them behind a narrow interface: meetings newest first, page by page and by
words (:meth:`ReadModel.meetings`); decisions and actions by one filter type
(:class:`RecordFilter`, :meth:`ReadModel.decisions`, :meth:`ReadModel.actions`); one record
by id (:meth:`ReadModel.record`). Services build a :class:`RecordFilter` from what a person
typed (``services/lookup.py``); the rules that decide what matches (review due, overdue, owner
names) are the domain's (``domain/records.py``), so every front end lists the same records in
the same order: newest meeting first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from coprod_meet.storage.record_index import ACTIONS, DECISIONS, Columns

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.domain.model import Event
    from coprod_meet.storage.archive import Archive


@dataclass(frozen=True)
class RecordFilter:
    """Which decisions or actions to list, in stored values. Empty fields match everything;
    fields of the other kind of record are ignored.

    ``words``: lower-cased; every one must be in the record's words (a decision's text, its
    agenda item and the disagreement; an action's text and owner). ``first``/``last``: the
    meeting's day, both included.
    """

    words: tuple[str, ...] = ()
    group_ids: frozenset[str] | None = None
    first: date | None = None
    last: date | None = None
    # decisions
    method: str | None = None  # a stored method ("vote", "co_chairs", ...)
    review: str | None = None  # "due" (soon or late) or "overdue" (late); current decisions only
    state: str | None = None  # "current" or "superseded"
    # actions
    status: str | None = None  # "open", "done" or "dropped"
    overdue: bool = False  # open and past their due date
    owner: tuple[str, ...] = ()  # lower-cased; each starts one of the owner's names
    today: date | None = None  # the day "due" and "overdue" count from (default: today)


PAGE = 200  # the meetings list's first lines, read on their own (two screens' worth of rows)


class Matches(Sequence[dict[str, Any]]):
    """Matching lines of the index, newest meeting first; each made into a dict when first
    looked at (shared: do not change them). ``total`` is how many matched."""

    def __init__(self, model: ReadModel, kind: str, columns: Columns, kept: list[int]) -> None:
        self._model, self.kind, self._columns, self._kept = model, kind, columns, kept

    @property
    def total(self) -> int:
        return len(self._kept)

    def __len__(self) -> int:
        return len(self._kept)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self._columns.line(self._kept[i]) for i in range(*index.indices(len(self._kept)))]
        return self._columns.line(self._kept[index])

    def whole(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The first ``limit`` matches (all by default) with every field of their records."""
        return self._model.whole(self.kind, self[:limit])


class ReadModel:
    """Meetings, decisions and actions of one open archive, read through its catalogue and index."""

    def __init__(self, archive: Archive) -> None:
        self._archive = archive

    # -- meetings -------------------------------------------------------------------------

    def meeting_lines(self) -> list[dict[str, Any]]:
        """Every catalogue line, newest first (shared: do not change them)."""
        return self._archive.newest_lines()

    def meetings(self, words: str = "") -> Sequence[dict[str, Any]]:
        """The meetings list, newest first. Its first lines are read on their own and the rest
        only when a line past them is wanted, so a 20,000-meeting archive opens as fast as a
        small one. ``words`` keeps the meetings whose title or group holds them (any case)."""
        if not words:
            return _PageThenRest(*self._archive.first_lines(PAGE), self.meeting_lines)
        lines = self.meeting_lines()
        if words:
            lowered = words.lower()
            lines = [s for s in lines if lowered in f"{s.get('title', '')} {s.get('group_name', '')}".lower()]
        return lines

    # -- decisions and actions ------------------------------------------------------------

    def decisions(self, f: RecordFilter) -> Matches:
        """The decisions that match, newest meeting first (reads ``decisions.json`` only)."""
        records = self._archive.records
        lines = records.columns(DECISIONS)
        column = lines.column
        kept = self._common(DECISIONS, lines, f)
        if f.method is not None:
            methods = column("method")
            kept = [i for i in kept if methods[i] == f.method]
        replaced = column("superseded_by")
        if f.state is not None:
            kept = [i for i in kept if bool(replaced[i]) == (f.state == "superseded")]
        if f.review is not None:
            from coprod_meet.domain.records import review_standing  # (not needed to list decisions)

            today = f.today or date.today()
            wanted = {"overdue"} if f.review == "overdue" else {"due", "overdue"}
            reviews = column("review_date")
            kept = [i for i in kept if review_standing(reviews[i], not replaced[i], today) in wanted]
        return Matches(self, DECISIONS, lines, kept)

    def actions(self, f: RecordFilter) -> Matches:
        """The actions that match, as they stand now, newest meeting first (reads ``actions.json``)."""
        lines = self._archive.records.columns(ACTIONS)
        column = lines.column
        kept = self._common(ACTIONS, lines, f)
        from coprod_meet.domain.records import action_overdue, owner_matches  # (not needed on start-up)

        statuses = column("status")
        if f.status is not None:
            kept = [i for i in kept if statuses[i] == f.status]
        if f.overdue:
            today = f.today or date.today()
            dues = column("due")
            kept = [i for i in kept if action_overdue(statuses[i], dues[i], today)]
        if f.owner:
            owners = column("owner")
            kept = [i for i in kept if owner_matches(owners[i], f.owner)]
        return Matches(self, ACTIONS, lines, kept)

    def _common(self, kind: str, lines: Columns, f: RecordFilter) -> list[int]:
        """The places of the lines that match the words, group and dates of ``f``."""
        kept = list(range(len(lines)))
        if f.words:
            texts = lines.texts
            kept = [i for i in kept if all(w in texts[i] for w in f.words)]
        if f.group_ids is not None:
            ids = lines.column("group_id")
            kept = [i for i in kept if ids[i] in f.group_ids]
        if f.first or f.last:
            # Dates written by this app (ISO, no time zone) compare as text in the order of time.
            first_day = f.first.isoformat() if f.first else ""
            last_day = f.last.isoformat() if f.last else ""
            starts = lines.column("start")
            kept = [i for i in kept if not (first_day and starts[i][:10] < first_day
                                            or last_day and (not starts[i] or starts[i][:10] > last_day))]
        return kept

    def groups_of(self, kind: str) -> set[tuple[str, str]]:
        """The (group id, group name) pairs the lines of decisions or actions name."""
        lines = self._archive.records.columns(kind)
        return set(zip(lines.column("group_id"), lines.column("group_name")))

    def record(self, kind: str, record_id: str) -> dict[str, Any] | None:
        """One decision or action, whole (every field), or None."""
        return self._archive.records.row(kind, record_id) if record_id else None

    def whole(self, kind: str, lines: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """These lines with every field of their records."""
        return self._archive.records.whole(kind, lines)

    def conflicts(self) -> dict[str, dict[str, Any]]:
        """Decisions changed on two laptops at once: {decision id: {"message": ..., ...}}."""
        return self._archive.records.conflicts()

    def note_conflict(self, record_id: str, message: str, noted: str) -> None:
        self._archive.records.note_conflict(record_id, message, noted)

    def events_about(self, kind: str, record_id: str) -> list[Event]:
        """Every event about one record, from the meetings that hold one, in time order."""
        return self._archive.records.events_about(kind, record_id)

    def events_by_meeting(self, kind: str, record_id: str) -> list[tuple[str, Event]]:
        """The same, each with the meeting whose log holds it (to fold the record's history)."""
        return self._archive.records.events_by_meeting(kind, record_id)


class _PageThenRest(Sequence[dict[str, Any]]):
    """The first lines, then the whole list once a line past them is wanted."""

    def __init__(self, page: list[dict[str, Any]], count: int, rest: Any) -> None:
        self._page, self._count, self._rest, self._all = page, count, rest, None

    def __len__(self) -> int:
        return self._count if self._all is None else len(self._all)

    def __getitem__(self, index):  # type: ignore[override]
        if self._all is None and isinstance(index, int) and 0 <= index < len(self._page):
            return self._page[index]
        if self._all is None:
            self._all = self._rest()
        return self._all[index]
