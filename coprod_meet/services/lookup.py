"""One set of rules for looking up decisions and actions, whatever the front end.

The review screens, line mode and the command line all read what a person typed (words, a
group, dates in words, how it was decided, review due, an owner, a status) through
:func:`lookup`, which makes one :class:`~coprod_meet.storage.read_model.RecordFilter` for the
read model and says in words what it looks for, dates included as they were resolved ("since
April: since Wednesday 1 April 2026"). ``services/review.py`` and ``services/decision_list.py``
list what it finds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Iterable

from coprod_meet.domain.dates import DateNotUnderstood, date_in_words, parse_date_range
from coprod_meet.domain.errors import NotFound, UserError
from coprod_meet.domain.text import clean_short
from coprod_meet.services.archive import ArchiveService
from coprod_meet.storage.read_model import RecordFilter

if TYPE_CHECKING:  # pragma: no cover  (the domain's records are not needed to list decisions)
    from coprod_meet.domain.records import Method

REVIEW_CHOICES = ("due", "overdue")
STATE_CHOICES = ("current", "superseded")
ACTION_STATUS_CHOICES = ("open", "overdue", "done", "dropped")

_PERIOD_EXAMPLE = 'such as "since April", "last year" or "between March and June"'


def today_of(now: datetime | None) -> date:
    return (now or datetime.now()).date()


def words_of(text: str | None) -> list[str]:
    """Search words, cleaned like any typed text and lower-cased."""
    return clean_short(text or "", "search").casefold().split()


# -- dates -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A period as typed and as it was read: first and last day, both included (None: open)."""

    typed: str = ""
    first: date | None = None
    last: date | None = None

    def __iter__(self):
        """``first, last = period``."""
        return iter((self.first, self.last))

    @property
    def any(self) -> bool:
        return self.first is None and self.last is None

    def resolved(self) -> str:
        """The days in words: "since Wednesday 1 April 2026", "between ... and ...", "any date"."""
        first, last = self.first, self.last
        if first and last:
            if first == last:
                return f"on {date_in_words(first)}"
            return f"between {date_in_words(first)} and {date_in_words(last)}"
        if first:
            return f"since {date_in_words(first)}"
        if last:
            return f"until {date_in_words(last)}"
        return "any date"

    def in_words(self) -> str:
        """What was typed and what it was read as: "since April: since Wednesday 1 April 2026"."""
        if self.any:
            return "any date"
        return f"{self.typed}: {self.resolved()}" if self.typed else self.resolved()


def period_of(
    period: str | None = None, since: str | date | None = None, until: str | date | None = None,
    *, now: datetime | None = None,
) -> Period:
    """A period from dates in words: ``period`` ("last year", "between March and June") and/or
    ``since`` and ``until`` (each a day, a month or a period: ``since "April"`` starts on 1 April,
    ``until "June"`` ends on 30 June). Words that cannot be read raise a plain sentence with an
    example that works."""
    start: date | None = None
    end: date | None = None
    typed: list[str] = []
    if period and period.strip():
        start, end = parse_date_range(period, now=now)
        typed.append(period.strip())
    first = _one_end(since, 0, now, typed)
    if first is not None:
        start = max(start, first) if start else first
    last = _one_end(until, 1, now, typed)
    if last is not None:
        end = min(end, last) if end else last
    if start and end and start > end:
        raise DateNotUnderstood(f"That period ends before it starts; please put the earlier date first, "
                                f"{_PERIOD_EXAMPLE}.")
    return Period(" ".join(typed), start, end)


_ENDS = (("since", "start", "April or 1/4/2026"), ("until", "stop", "June or 30/6/2026"))


def _one_end(typed: str | date | None, which: int, now: datetime | None, said: list[str]) -> date | None:
    """The first (``which`` 0, from ``since``) or last (1, from ``until``) day of a period typed in
    words, said as typed into ``said``; None when nothing was typed."""
    if isinstance(typed, date):
        return typed
    if not typed or not typed.strip():
        return None
    word, verb, example = _ENDS[which]
    found = parse_date_range(typed, now=now)[which]
    if found is None:
        raise DateNotUnderstood(f"{typed.strip()!r} does not say when to {verb}; try a day or a month, such as {example}.")
    said.append(_with_word(word, typed))
    return found


def _with_word(word: str, typed: str) -> str:
    """ "since April" from "April" (and "since April" as it is)."""
    text = typed.strip()
    first = text.split()[0].casefold()
    if first in ("since", "from", "after", "until", "till", "to", "before", "between", "up"):
        return text
    return f"{word} {text}"


# -- other choices ---------------------------------------------------------------------------


def method_value(text: str | Method | None) -> str | None:
    """The stored name of a way of deciding, from its name as typed ("vote", "co-chairs", "a
    vote", "the co-chairs") or a ``Method``."""
    if text is None:
        return None
    from coprod_meet.domain.records import Method

    key = "_".join(str(text).strip().casefold().replace("-", " ").split())
    if not key:
        return None
    for m in Method:
        if key in (m.value, "_".join(m.words.split()), m.value.rstrip("s"), "_".join(m.label.casefold().split())):
            return m.value
    choices = ", ".join(m.value.replace("_", "-") for m in Method)
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


# -- the look-up -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Lookup:
    """What a person asked for, read: the filter for the read model, and the same in words."""

    filter: RecordFilter
    period: Period
    words: str = ""
    group: str = ""
    owner: str = ""

    def in_words(self, *, status: bool = True) -> str:
        """The filters in plain words, for the filter line: "words 'bus'; since April: since
        Wednesday 1 April 2026; group Carers Forum; decided by a vote; review late".
        ``status=False`` leaves out which actions (open, late...) for a screen that says so."""
        f = self.filter
        parts = []
        if self.words:
            parts.append(f"words {self.words!r}")
        if not self.period.any:
            parts.append(self.period.in_words())
        if self.group:
            parts.append(f"group {self.group}")
        if f.method:
            from coprod_meet.domain.records import Method

            parts.append(f"decided by {Method(f.method).words}")
        if f.review:
            parts.append("review due soon or late" if f.review == "due" else "review late")
        if f.state:
            parts.append("current only" if f.state == "current" else "replaced only")
        if status and f.overdue:
            parts.append("late actions")
        elif status and f.status:
            parts.append(f"{f.status} actions")
        if self.owner:
            parts.append(f"owner {self.owner!r}")
        return "; ".join(parts) if parts else "no filters"


def lookup(
    service: ArchiveService,
    kind: str,
    words: str = "",
    *,
    period: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    group: str | None = None,
    method: str | Method | None = None,
    review: str | None = None,
    state: str | None = None,
    status: str | None = None,
    overdue: bool = False,
    owner: str | None = None,
    now: datetime | None = None,
) -> Lookup:
    """Read typed filters for ``kind`` ("decisions" or "actions") into one :class:`Lookup`.

    ``review``: "due" (within four weeks, or late) or "overdue" (late); ``state``: "current" or
    "superseded"; ``status``: "open", "overdue", "done" or "dropped"; ``owner``: each word
    starts one of the owner's names. Anything that cannot be read is one plain ``UserError``.
    """
    wanted = words_of(words)
    dates = period_of(period, since, until, now=now)
    status = choice(status, ACTION_STATUS_CHOICES, "kind of action")
    if status == "overdue":
        overdue, status = True, "open"
    groups = group_ids_of(service, group, service.read_model.groups_of(kind) if group and group.strip() else ())
    f = RecordFilter(
        words=tuple(wanted),
        group_ids=frozenset(groups) if groups is not None else None,
        first=dates.first,
        last=dates.last,
        method=method_value(method),
        review=choice(review, REVIEW_CHOICES, "review choice"),
        state=choice(state, STATE_CHOICES, "choice of current or superseded"),
        status=status,
        overdue=overdue,
        owner=tuple(words_of(owner)),
        today=today_of(now),
    )
    return Lookup(f, dates, " ".join(wanted) and (words or "").strip(), (group or "").strip(), (owner or "").strip())
