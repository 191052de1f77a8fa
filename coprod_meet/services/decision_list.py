"""The list of decisions across the archive, as the review screen shows it: quick and lean.

Reads only the short lines of the decisions index (``decisions.json``, see
``storage/record_index.py``), never every meeting file. Filters: words (in the decision, its
agenda item or the disagreement), group, dates in words ("since April", "last year",
"between 1/1/2026 and 30/6/2026"), how it was decided, review due or late, current or
replaced. Matches come newest first, and a line is made into a :class:`DecisionLine` only when
it is shown, so a long list opens as quickly as a short one.

``services/review.py`` finds whole decisions (for the command line and for opening one) with
the same filters, through :func:`matching_lines`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Iterable, Sequence

from coprod_meet.domain.dates import (
    DateNotUnderstood,
    date_in_words,
    lateness_in_words,
    parse_date_range,
)
from coprod_meet.domain.errors import NotFound, UserError
from coprod_meet.domain.text import clean_short
from coprod_meet.services.archive import ArchiveService
from coprod_meet.storage.record_index import DECISIONS, Columns

REVIEW_SOON_DAYS = 28  # a review date within four weeks is "due"

REVIEW_CHOICES = ("due", "overdue")
STATE_CHOICES = ("current", "superseded")

# How each way of deciding reads after "decided by", by its stored name (the values of
# domain.records.Method, in the same order).
METHOD_WORDS = {
    "consensus": "consensus",
    "consent": "consent",
    "vote": "a vote",
    "co_chairs": "the co-chairs",
    "deferred": "deferred",
}


def today_of(now: datetime | None) -> date:
    return (now or datetime.now()).date()


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


# -- reading what people type ----------------------------------------------------------------


def words_of(text: str | None) -> list[str]:
    """Search words, cleaned like any typed text and lower-cased."""
    return clean_short(text or "", "search").casefold().split()


def period_of(
    period: str | None = None, since: str | date | None = None, until: str | date | None = None,
    *, now: datetime | None = None,
) -> tuple[date | None, date | None]:
    """The first and last day (``None`` when open) from a period and/or since/until in words.

    ``since "April"`` starts on 1 April; ``until "June"`` ends on 30 June; ``period`` reads
    anything ``parse_date_range`` does ("last year", "between 1/1/2026 and 30/6/2026").
    """
    start: date | None = None
    end: date | None = None
    if period and period.strip():
        start, end = parse_date_range(period, now=now)
    if isinstance(since, date):
        start = max(start, since) if start else since
    elif since and since.strip():
        first = parse_date_range(since, now=now)[0]
        if first is None:
            raise DateNotUnderstood(f"{since!r} does not say when to start; try a date or a month, such as April.")
        start = max(start, first) if start else first
    if isinstance(until, date):
        end = min(end, until) if end else until
    elif until and until.strip():
        last = parse_date_range(until, now=now)[1]
        if last is None:
            raise DateNotUnderstood(f"{until!r} does not say when to stop; try a date or a month, such as June.")
        end = min(end, last) if end else last
    if start and end and start > end:
        raise DateNotUnderstood("That period ends before it starts; please put the earlier date first.")
    return start, end


def method_value(text: str | None) -> str | None:
    """The stored name of a way of deciding, from its name as typed ("vote", "co-chairs") or a
    ``Method``."""
    if text is None:
        return None
    key = "_".join(str(text).strip().casefold().replace("-", " ").split())
    if not key:
        return None
    for value, words in METHOD_WORDS.items():
        if key in (value, "_".join(words.split()), value.rstrip("s")):
            return value
    choices = ", ".join(v.replace("_", "-") for v in METHOD_WORDS)
    raise UserError(f"I do not know the way of deciding {str(text).strip()!r}; choose one of: {choices}.")


def choice(value: str | None, choices: tuple[str, ...], what: str) -> str | None:
    if value is None or not value.strip():
        return None
    key = value.strip().casefold()
    if key not in choices:
        raise UserError(f"{value.strip()!r} is not a {what}; choose one of: {', '.join(choices)}.")
    return key


def group_ids_of(service: ArchiveService, group: str | None,
                 named: Iterable[tuple[str, str]] = ()) -> set[str] | None:
    """The ids a group name (or id) stands for; ``None`` for every group. ``named`` are more
    (group id, group name) pairs to look in, such as those of the lines searched."""
    if group is None or not group.strip():
        return None
    wanted = clean_short(group, "group").casefold()
    ids = {g.id for g in service.groups() if g.name.casefold() == wanted or g.id == group.strip()}
    ids |= {gid for gid, name in set(named) if str(name).casefold() == wanted}
    ids |= {m.group_id for m in service.list_meetings() if m.group_name.casefold() == wanted}
    if not ids:
        names = sorted({g.name for g in service.groups()} | {m.group_name for m in service.list_meetings()})
        raise NotFound(f"There is no group called {group.strip()!r}; the groups are: {', '.join(names) or 'none yet'}.")
    return ids


def group_names(service: ArchiveService) -> list[str]:
    """Every group's name, for choosing one (groups file and meetings both count)."""
    names = {g.name for g in service.groups()} | {m.group_name for m in service.list_meetings() if m.group_name}
    return sorted(names, key=str.casefold)


# -- finding ---------------------------------------------------------------------------------


def matching_lines(
    service: ArchiveService,
    words: str = "",
    *,
    period: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    group: str | None = None,
    method: str | None = None,
    review: str | None = None,
    state: str | None = None,
    now: datetime | None = None,
) -> tuple[Columns, list[int]]:
    """The decisions that match: the index's lines, and the places of those that match in
    them, newest meeting first (the order the lines are kept in).

    ``words``: every word must be in the decision, its item or its dissent (any case).
    ``review``: "due" (review date within four weeks, or passed) or "overdue" (passed);
    both only look at current decisions. ``state``: "current" or "superseded".
    """
    wanted = words_of(words)
    first, last = period_of(period, since, until, now=now)
    how = method_value(method)
    review = choice(review, REVIEW_CHOICES, "review choice")
    state = choice(state, STATE_CHOICES, "choice of current or superseded")
    records = service.archive.records
    lines = records.columns(DECISIONS)
    kept = list(range(len(lines)))
    column = lines.column
    if wanted:
        texts = records.search_texts(DECISIONS)
        kept = [i for i in kept if all(w in texts[i] for w in wanted)]
    groups = group_ids_of(service, group, zip(column("group_id"), column("group_name")))
    if groups is not None:
        ids = column("group_id")
        kept = [i for i in kept if ids[i] in groups]
    if how is not None:
        methods = column("method")
        kept = [i for i in kept if methods[i] == how]
    replaced = column("superseded_by")
    if state is not None:
        kept = [i for i in kept if bool(replaced[i]) == (state == "superseded")]
    if review is not None:
        today = today_of(now)
        latest = today - timedelta(days=1) if review == "overdue" else today + timedelta(days=REVIEW_SOON_DAYS)
        reviews = column("review_date")
        kept = [i for i in kept if not replaced[i] and (when := iso_date(reviews[i])) is not None and when <= latest]
    if first or last:
        # Dates written by this app (ISO, no time zone) compare as text in the order of time.
        first_day = first.isoformat() if first else ""
        last_day = last.isoformat() if last else ""
        starts = column("start")
        kept = [i for i in kept if not (first_day and starts[i][:10] < first_day
                                        or last_day and (not starts[i] or starts[i][:10] > last_day))]
    return lines, kept


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
    ``total`` is how many matched."""

    def __init__(self, lines: Columns, kept: list[int], conflicts: dict[str, dict[str, Any]]) -> None:
        self._lines = lines
        self._kept = kept
        self._conflicts = conflicts
        self._made: dict[int, DecisionLine] = {}

    @property
    def total(self) -> int:
        return len(self._kept)

    def __len__(self) -> int:
        return len(self._kept)

    def _at(self, index: int) -> DecisionLine:
        line = self._made.get(index)
        if line is None:
            row = self._lines.line(self._kept[index])
            conflict = self._conflicts.get(row["id"], {}).get("message", "") if self._conflicts else ""
            line = self._made[index] = DecisionLine(row, conflict)
        return line

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self._kept)))]
        if index < 0:
            index += len(self._kept)
        if not 0 <= index < len(self._kept):
            raise IndexError(index)
        return self._at(index)


def list_decisions(service: ArchiveService, words: str = "", **filters: Any) -> Lines:
    """The decisions list: matching decisions newest first, made into lines as they are shown.

    Takes the filters of :func:`matching_lines`; reads nothing but the decisions file.
    """
    lines, kept = matching_lines(service, words, **filters)
    return Lines(lines, kept, service.archive.records.conflicts())
