"""Dates and times the way people type and say them in the UK.

Reading what people type
========================

:func:`parse_when` turns typed text into a naive local :class:`datetime`.
Case and extra spaces do not matter; commas, "at", "on" and "the" are ignored.

* Dates, day first: "3/4/2026" is 3 April 2026; "12 March 2026", "12th of
  March", "3/4". Year-first dates such as "2026-03-12" (and ISO
  "2026-03-12T14:00") are read year, month, day. A missing year is this year;
  a missing month is this month ("the 12th"), unless ``prefer`` is given:
  "future" (planning) takes the next such date, "past" (review) the last one.
* A weekday with a date is checked: "Friday 12 March 2026" is refused, with a
  message, because 12 March 2026 is a Thursday.
* "today", "tomorrow", "yesterday"; "now".
* Weekdays. "Friday" and "next Friday" both mean the first Friday after today,
  so on a Friday they mean a week later (with ``prefer="past"`` a bare
  "Friday" is the last one gone). "this Friday" includes today.
  "last Friday" is the latest Friday before today. "Friday week" is a week
  after the coming Friday.
* "end of the month", "end of next month", "end of March": its last day.
* "in 3 days", "in 2 weeks' time", "in a fortnight", "in 6 months",
  "in 1 year", "3 days ago"; "a week today", "a week on Friday" (UK phrases).
* "in an hour", "in 90 minutes", "2 hours ago" give an exact moment from now.
* Times, before or after the day: "2pm", "2:30pm", "2.30pm", "14:00", "14.00",
  "noon", "midday", "midnight". A time alone means today. Without "am" or
  "pm" a time is 24-hour: "2.30" is half past two in the morning.

When no time is given the time is midnight (00:00), unless ``default_hour`` is
given. Seconds are dropped: results are whole minutes. Time zones are not
read; every time is local.

Anything else raises :class:`DateNotUnderstood` with one plain sentence. No
error from dateutil ever escapes. dateutil is used without fuzzy parsing and
only on text made of day, month and year pieces, because it otherwise quietly
drops what it cannot read ("1.5" would become the 1st).

Years outside 1900 to 2199, and typed text over 100 characters, are refused
as mistakes.

:func:`parse_date_range` reads periods for filters, and :func:`parse_duration`
reads lengths of time.

Dates in words
==============

"Tuesday 3 March 2026 at 2pm", "Thursday 26 March 2026", "2:30pm",
"1 hour 10 minutes", "2 weeks late", "2 days before".
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from typing import TYPE_CHECKING

from .errors import DateNotUnderstood, TextTooLong, UserError
from .text import clean_text, count

if TYPE_CHECKING:  # pragma: no cover
    from dateutil.relativedelta import relativedelta

# dateutil is imported where dates are read, not on start-up: showing dates needs only datetime.

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

MIN_YEAR = 1900
MAX_YEAR = 2199
MAX_DURATION_MINUTES = 24 * 60

# Typed dates longer than this are not dates.
_MAX_TYPED = 100


class DurationNotUnderstood(UserError):
    """A typed length of time could not be read."""


# ---------------------------------------------------------------------------
# Words we know


def _names(full_names: tuple[str, ...], extra: dict[str, str]) -> dict[str, int]:
    """Map full names, three-letter forms and ``extra`` forms to 0-based indexes."""
    table: dict[str, int] = {}
    for index, name in enumerate(full_names):
        table[name.lower()] = index
        table[name[:3].lower()] = index
    for word, name in extra.items():
        table[word] = full_names.index(name)
    return table


_WEEKDAY_WORDS = _names(WEEKDAYS, {"tues": "Tuesday", "weds": "Wednesday", "thur": "Thursday", "thurs": "Thursday"})
_MONTH_WORDS = _names(MONTHS, {"sept": "September"})

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "ninety": 90,
}  # fmt: skip

# unit word (singular) -> (relativedelta field, how many of that field)
_UNITS = {
    "minute": ("minutes", 1), "min": ("minutes", 1),
    "hour": ("hours", 1), "hr": ("hours", 1),
    "day": ("days", 1),
    "week": ("weeks", 1), "fortnight": ("weeks", 2),
    "month": ("months", 1),
    "year": ("years", 1),
}  # fmt: skip

_FILLER = frozenset({"at", "on", "the"})

_TIME_12 = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?(am|pm)", re.ASCII)
_TIME_24 = re.compile(r"(\d{1,2})[:.](\d{2})(?::\d{2})?", re.ASCII)
_NAMED_TIMES = {"noon": time(12), "midday": time(12), "midnight": time(0)}

_YEAR = re.compile(r"\d{4}", re.ASCII)
_YEAR_FIRST = re.compile(r"\d{4}([-/.])\d{1,2}\1\d{1,2}", re.ASCII)
_MONTH_ALTERNATIVES = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
# The only pieces passed to dateutil. Anything else is refused first.
_DATE_PIECE = re.compile(
    rf"""
      \d{{1,2}}(?:st|nd|rd|th)?                     # 12, 12th
    | \d{{4}}                                       # 2026
    | \d{{1,2}}/\d{{1,2}}(?:/(?:\d{{2}}|\d{{4}}))?  # 3/4, 3/4/26, 3/4/2026
    | \d{{1,2}}([-.])\d{{1,2}}\1(?:\d{{2}}|\d{{4}}) # 3-4-2026, 3.4.2026
    | \d{{4}}([-/.])\d{{1,2}}\2\d{{1,2}}            # 2026-03-12
    | of
    | {_MONTH_ALTERNATIVES}
    """,
    re.VERBOSE | re.ASCII,
)

# Two defaults that differ in every field: a field dateutil fills from the
# default comes out differently, so we can tell what was typed.
_DEFAULT_A = datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(1996, 12, 28, 13, 37, 59)

_WHEN_EXAMPLES = ("next Tuesday 2pm", "3/4/2026 14:00")
_RANGE_EXAMPLES = ("since April", "between March and June")
_DURATION_EXAMPLES = ("90 minutes", "1 hour 30 minutes")


# ---------------------------------------------------------------------------
# Shared helpers


def _now(now: datetime | None) -> datetime:
    """The given moment (or the current one) as naive local time, to the minute."""
    if now is None:
        now = datetime.now()
    elif now.tzinfo is not None:
        now = now.astimezone().replace(tzinfo=None)
    return now.replace(second=0, microsecond=0)


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _half_up(x: float) -> int:
    """Round a number that is not negative to the nearest whole one, halves up."""
    return int(x + 0.5)


def _not_understood(
    text: object, what: str, examples: tuple[str, str], error: type[UserError] = DateNotUnderstood
) -> UserError:
    """The plain message for typed text we could not read, quoting a safe short part of it."""
    # Normalising can at most triple the length, so the slice cannot be too long.
    shown = clean_text(text if text is None else str(text)[:200], limit=600)
    if len(shown) > 40:
        shown = shown[:40].rstrip() + "…"
    first, second = examples
    if not shown:
        return error(f'Please type {what}, for example "{first}" or "{second}".')
    return error(f'I could not understand "{shown}" as {what}; try something like "{first}" or "{second}".')


def _words(text: object) -> list[str] | None:
    """Lower-case words of typed text, tidied for reading; ``None`` if too long."""
    try:
        cleaned = clean_text(text, what="date", limit=_MAX_TYPED)
    except TextTooLong:
        return None
    s = cleaned.lower().replace("'", "").replace("\u2019", "")
    s = re.sub(r"[,;]", " ", s)
    s = re.sub(r"(\d)\s*([ap])\.?m\b\.?", r"\1\2m", s, flags=re.ASCII)  # "2 p.m." -> "2pm"
    s = re.sub(r"(?:^|(?<=\s))12\s+(noon|midnight)\b", r"\1", s)
    s = re.sub(r"^(\d{4}-\d{1,2}-\d{1,2})t(?=\d)", r"\1 ", s, flags=re.ASCII)  # ISO "T"
    return s.split()


def _number(word: str) -> int | None:
    """A small count written in figures ("3") or words ("three", "a")."""
    if word.isascii() and word.isdigit() and len(word) <= 4:
        return int(word)
    return _NUMBER_WORDS.get(word)


def _unit(word: str) -> tuple[str, int] | None:
    """The relativedelta field and multiple for a unit word, singular or plural."""
    return _UNITS.get(word) or (_UNITS.get(word[:-1]) if word.endswith("s") else None)


def _in_range(moment: datetime) -> bool:
    return MIN_YEAR <= moment.year <= MAX_YEAR


# ---------------------------------------------------------------------------
# Reading a moment


def _time_of(word: str) -> time | None:
    """The clock time a single word stands for, or ``None``."""
    if word in _NAMED_TIMES:
        return _NAMED_TIMES[word]
    if match := _TIME_12.fullmatch(word):
        hour, minute = int(match[1]), int(match[2] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        return time(hour % 12 + (12 if match[3] == "pm" else 0), minute)
    if match := _TIME_24.fullmatch(word):
        hour, minute = int(match[1]), int(match[2])
        if hour > 23 or minute > 59:
            return None
        return time(hour, minute)
    return None


def _split_time(words: list[str]) -> tuple[list[str], time | None]:
    """Take a time off the end (or else the start) of the words."""
    if words and (found := _time_of(words[-1])) is not None:
        return words[:-1], found
    if words and (found := _time_of(words[0])) is not None:
        return words[1:], found
    return words, None


def _weekday_date(words: list[str], today: date, prefer: str = "") -> date | None:
    """ "friday", "this friday", "next friday", "last friday", "friday week"."""
    if len(words) == 2 and words[1] == "week" and words[0] in _WEEKDAY_WORDS:
        # "Thursday week": a week after the coming Thursday.
        found = _weekday_date(words[:1], today, "future")
        return None if found is None else found + timedelta(weeks=1)
    if len(words) == 1:
        which, name = "", words[0]
    elif len(words) == 2 and words[0] in {"this", "next", "last"}:
        which, name = words
    else:
        return None
    if name not in _WEEKDAY_WORDS:
        return None
    ahead = (_WEEKDAY_WORDS[name] - today.weekday()) % 7
    if which == "last" or which == "" and prefer == "past":
        return today - timedelta(days=(7 - ahead) % 7 or 7)
    if which == "this":
        return today + timedelta(days=ahead)
    return today + timedelta(days=ahead or 7)


def _offset(words: list[str]) -> relativedelta | None:
    """ "2 weeks", "a fortnight", "90 minutes" as a relativedelta."""
    if len(words) != 2:
        return None
    count, unit = _number(words[0]), _unit(words[1])
    if count is None or unit is None:
        return None
    field, multiple = unit
    from dateutil.relativedelta import relativedelta

    return relativedelta(**{field: count * multiple})


def _is_clock(delta: relativedelta) -> bool:
    return bool(delta.hours or delta.minutes)


def _relative_delta(words: list[str]) -> relativedelta | None:
    """ "in 2 weeks (time)" is forwards, "2 weeks ago" is backwards."""
    if words[-1:] == ["time"]:
        words = words[:-1]
    if words[:1] == ["in"]:
        return _offset(words[1:])
    if words[-1:] == ["ago"] and (delta := _offset(words[:-1])) is not None:
        return -delta
    return None


def _relative_moment(words: list[str], now: datetime) -> datetime | None:
    """ "now", "in 90 minutes", "2 hours ago": an exact moment from now."""
    if words == ["now"]:
        return now
    delta = _relative_delta(words)
    if delta is not None and _is_clock(delta):
        return now + delta
    return None


def _nearest(year: int | None, month: int | None, day: int, today: date, prefer: str) -> date:
    """The date with the given day, and year and month where typed; a missing part is filled
    in from ``today``: this year (or month), or with ``prefer`` "future" the next such date from
    today on, and with "past" the last one up to today."""
    if year is not None and month is not None:
        return date(year, month, day)
    if month is None:
        if year is not None:
            return date(year, today.month, day)
        step, unit = 1, "months"
    else:
        step, unit = 12, "months"
    from dateutil.relativedelta import relativedelta

    start = date(today.year, month or today.month, 1)
    direction = {"future": 1, "past": -1}.get(prefer, 0)
    for n in range(0, 9 if direction else 1):
        first = start + relativedelta(**{unit: n * step * direction})
        try:
            found = date(first.year, first.month, day)
        except ValueError:
            if not direction:
                raise
            continue  # 29 February, 31 April: look one further
        if direction == 0 or (found >= today if direction > 0 else found <= today):
            return found
    raise ValueError("no such date")


def _calendar_date(words: list[str], today: date, prefer: str = "") -> date | None:
    """A day written as a date: "thursday 12 march 2026", "3/4/2026", "the 12th"."""
    weekdays = [w for w in words if w in _WEEKDAY_WORDS]
    pieces = [w for w in words if w not in _WEEKDAY_WORDS]
    if len(weekdays) > 1 or not pieces or not all(_DATE_PIECE.fullmatch(w) for w in pieces):
        return None
    text = " ".join(pieces)
    year_first = any(_YEAR_FIRST.fullmatch(w) for w in pieces)
    from dateutil import parser as dateutil_parser

    try:
        a, b = (
            dateutil_parser.parse(text, default=default, dayfirst=not year_first, yearfirst=year_first)
            for default in (_DEFAULT_A, _DEFAULT_B)
        )
    except Exception:  # dateutil raises many kinds; none may escape
        return None
    if a.day != b.day:
        return None  # no day given
    if (a.time(), b.time()) != (_DEFAULT_A.time(), _DEFAULT_B.time()):
        return None  # a number was read as a time
    try:
        found = _nearest(a.year if a.year == b.year else None, a.month if a.month == b.month else None, a.day,
                         today, prefer)
    except ValueError:
        return None
    typed = _WEEKDAY_WORDS[weekdays[0]] if weekdays else found.weekday()
    if typed != found.weekday():
        raise DateNotUnderstood(
            f"{_day_month_year(found)} is a {WEEKDAYS[found.weekday()]}, "
            f"not a {WEEKDAYS[typed]}; please check the date."
        )
    return found


def _month_end(words: list[str], today: date, prefer: str) -> date | None:
    """ "end of the month", "end of next month", "end of March (2027)"; "the" and "of" may go."""
    if words[:1] != ["end"]:
        return None
    rest = [w for w in words[1:] if w != "of"]
    from dateutil.relativedelta import relativedelta

    if rest in (["month"], ["this", "month"]):
        first = date(today.year, today.month, 1)
    elif rest in (["next", "month"], ["last", "month"]):
        first = date(today.year, today.month, 1) + relativedelta(months=1 if rest[0] == "next" else -1)
    elif rest and rest[0] in _MONTH_WORDS and len(rest) <= 2:
        month = _MONTH_WORDS[rest[0]] + 1
        if len(rest) == 2:
            if not _YEAR.fullmatch(rest[1]):
                return None
            first = date(int(rest[1]), month, 1)
        else:
            end = _nearest(None, month, 1, today, "") + relativedelta(months=1, days=-1)
            year = end.year
            if prefer == "future" and end < today:
                year += 1
            elif prefer == "past" and end > today:
                year -= 1
            first = date(year, month, 1)
    else:
        return None
    return first + relativedelta(months=1, days=-1)


def _day(words: list[str], today: date, prefer: str = "") -> date | None:
    """The day some words stand for, or ``None``."""
    if not words:
        return None
    simple = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if len(words) == 1 and words[0] in simple:
        return today + timedelta(days=simple[words[0]])
    if (found := _weekday_date(words, today, prefer)) is not None:
        return found
    if (found := _month_end(words, today, prefer)) is not None:
        return found
    if (delta := _relative_delta(words)) is not None:
        return None if _is_clock(delta) else today + delta
    # "a week today", "a fortnight tomorrow", "a week on friday" (the "on" is gone)
    if (delta := _offset(words[:2])) is not None and not _is_clock(delta):
        anchor = _day(words[2:], today, "future" if prefer == "future" else "")
        return None if anchor is None else anchor + delta
    return _calendar_date(words, today, prefer)


def _moment(words: list[str] | None, now: datetime, default_hour: int | None, prefer: str = "") -> datetime | None:
    """The moment some words stand for, or ``None`` if they are not understood."""
    if not words:
        return None
    words, at = _split_time([w for w in words if w not in _FILLER])
    try:
        if not words:
            day = now.date() if at is not None else None
        elif (exact := _relative_moment(words, now)) is not None:
            return exact if at is None and _in_range(exact) else None
        else:
            day = _day(words, now.date(), prefer)
    except (ValueError, OverflowError):
        return None
    if day is None:
        return None
    if at is None:
        at = time(default_hour) if default_hour is not None else time(0)
    found = datetime.combine(day, at)
    return found if _in_range(found) else None


PREFERENCES = ("", "future", "past")


def parse_when(
    text: str, *, now: datetime | None = None, default_hour: int | None = None, prefer: str = ""
) -> datetime:
    """Read a typed date and time, such as "next Tuesday 2pm" or "3/4/2026 14:00".

    Returns a naive local datetime, to the minute. With no time given the time
    is ``default_hour``:00, or midnight. See the module notes for every form.

    ``prefer`` says which way a date with a missing year (or month) points:
    "future" (planning) takes the next such date from today on, so in
    December "5 January" is next January; "past" (looking back) takes the last
    one up to today, and a bare weekday is the last one gone. The default is
    this year and this month.

    Raises :class:`DateNotUnderstood` for anything else.
    """
    if prefer not in PREFERENCES:
        raise ValueError(f"prefer must be one of {PREFERENCES}")
    found = _moment(_words(text), _now(now), default_hour, prefer)
    if found is None:
        raise _not_understood(text, "a date", _WHEN_EXAMPLES)
    return found


def parse_date(text: str, *, now: datetime | None = None, prefer: str = "") -> date:
    """Read a typed date, such as "Friday" or "3/4/2026"; see :func:`parse_when`."""
    return parse_when(text, now=now, prefer=prefer).date()


def has_time_of_day(text: str) -> bool:
    """Whether typed words for a moment give a time of day ("Friday 2pm", "in 2 hours", "noon")."""
    words = [w for w in (_words(text) or []) if w not in _FILLER]
    rest, at = _split_time(words)
    if at is not None:
        return True
    delta = _relative_delta(rest) if rest else None
    return rest == ["now"] or (delta is not None and _is_clock(delta))


def ago_in_words(moment: datetime | date, now: datetime | None = None) -> str:
    """How long ago a moment was, roughly: "11 months ago", "2 days ago", "3 hours ago".

    A moment not in the past is "not yet".
    """
    now = _now(now)
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(0))
    if moment >= now:
        return "not yet"
    days = (now.date() - moment.date()).days
    if days >= 1 and (now - moment) >= timedelta(hours=12):
        return f"{_span_in_words(days)} ago"
    minutes = int((now - moment).total_seconds() // 60)
    if minutes >= 60:
        return f"{count(minutes // 60, 'hour')} ago"
    return f"{count(max(1, minutes), 'minute')} ago"


# ---------------------------------------------------------------------------
# Reading a period


def _month_period(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    from dateutil.relativedelta import relativedelta

    return start, start + relativedelta(months=1, days=-1)


def _period(words: list[str], today: date, after: date | None = None) -> tuple[date, date] | None:
    """The first and last day of the period some words stand for.

    A month without a year is the latest one that has begun by ``today``, or,
    when ``after`` is given, the first one that begins on or after it.
    """
    if words[:1] == ["in"] and len(words) in (2, 3) and (_YEAR.fullmatch(words[1]) or words[1] in _MONTH_WORDS):
        words = words[1:]  # "in 2025", "in march 2026" (but not "in 2 weeks")
    if len(words) == 1 and _YEAR.fullmatch(words[0]):
        year = int(words[0])
        return date(year, 1, 1), date(year, 12, 31)
    if words and words[0] in _MONTH_WORDS and len(words) <= 2:
        month = _MONTH_WORDS[words[0]] + 1
        if len(words) == 2:
            if not _YEAR.fullmatch(words[1]):
                return None
            year = int(words[1])
        elif after is not None:
            year = after.year if month >= after.month else after.year + 1
        else:
            year = today.year if month <= today.month else today.year - 1
        return _month_period(year, month)
    if len(words) == 2 and words[0] in {"last", "this", "next"} and words[1] in {"week", "month", "year"}:
        step = {"last": -1, "this": 0, "next": 1}[words[0]]
        if words[1] == "week":
            start = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
            return start, start + timedelta(days=6)
        if words[1] == "month":
            from dateutil.relativedelta import relativedelta

            first = date(today.year, today.month, 1) + relativedelta(months=step)
            return _month_period(first.year, first.month)
        year = today.year + step
        return date(year, 1, 1), date(year, 12, 31)
    found = _moment(words, datetime.combine(today, time(0)), None, "past")
    if found is not None and after is not None and found.date() < after:
        # The end of "between 10 December and 5 January": the first such day from the start on.
        found = _moment(words, datetime.combine(after, time(0)), None, "future")
    return None if found is None else (found.date(), found.date())


def _split_on(words: list[str], separators: set[str]) -> tuple[list[str], list[str]] | None:
    for index, word in enumerate(words):
        if word in separators:
            return words[:index], words[index + 1 :]
    return None


def _range(words: list[str], today: date) -> tuple[date | None, date | None] | None:
    """Read "since …", "until …", "between … and …" or a single period."""
    if not words:
        return None
    first, rest = words[0], words[1:]
    if words[:2] == ["up", "to"]:
        first, rest = "until", words[2:]
    two = None
    if first == "between":
        two = _split_on(rest, {"and"})
    elif first == "from":
        two = _split_on(rest, {"to", "until", "till"})
    if two is not None:
        start = _period(two[0], today) if two[0] else None
        end = _period(two[1], today, after=start[0]) if start and two[1] else None
        return None if end is None else (start[0], end[1])
    if first in {"since", "from", "after", "until", "till", "to", "before"}:
        period = _period(rest, today) if rest else None
        if period is None:
            return None
        return {
            "since": (period[0], None),
            "from": (period[0], None),
            "after": (period[1] + timedelta(days=1), None),
            "until": (None, period[1]),
            "till": (None, period[1]),
            "to": (None, period[1]),
            "before": (None, period[0] - timedelta(days=1)),
        }[first]
    return _period(words, today)


def parse_date_range(text: str, *, now: datetime | None = None) -> tuple[date | None, date | None]:
    """Read a period for a filter: first and last day, both included.

    ``None`` means open at that end. Understood: "since April", "from 1/4/2026",
    "after 1/4/2026", "until June", "up to June", "before 1/1/2026",
    "between 1/1/2026 and 30/6/2026", "from March to June", "last year",
    "this month", "last week" (weeks start on Monday), "in 2025", "2025",
    "March 2026", "in March", and any single day :func:`parse_when` reads.

    A month without a year is the latest one that has begun: in March 2026,
    "April" is April 2025. At the end of a two-part range it is the first one
    from the start on: "from November to February" runs over the new year.
    "until June" includes June; "before June" does not.
    """
    now = _now(now)
    try:
        found = _range(_words(text) or [], now.date())
    except (ValueError, OverflowError):
        found = None
    if found is None:
        raise _not_understood(text, "a date or period", _RANGE_EXAMPLES)
    start, end = found
    if any(d is not None and not MIN_YEAR <= d.year <= MAX_YEAR for d in found):
        raise _not_understood(text, "a date or period", _RANGE_EXAMPLES)
    if start is not None and end is not None and start > end:
        raise DateNotUnderstood("That period ends before it starts; please put the earlier date first.")
    return start, end


# ---------------------------------------------------------------------------
# Reading a length of time

_DURATION_NUMBER = r"\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_DURATION_PART = re.compile(
    rf"\s*(?:and\s+)?({_DURATION_NUMBER})\s*(hours?|hrs?|h|minutes?|mins?|m)?(?![a-z])",
    re.ASCII,
)
_CLOCK_DURATION = re.compile(r"(\d{1,2}):(\d{2})", re.ASCII)


def _and_a_half(match: re.Match[str]) -> str:
    count = _number(match[1])
    return match[0] if count is None else f"{count}.5 hours"


def _duration_minutes(words: list[str] | None) -> float | None:
    """Minutes in a typed length of time, or ``None`` if it cannot be read."""
    if not words:
        return None
    s = " ".join(words)
    s = re.sub(r"\bhalf an? hour\b", "30 minutes", s)
    # "two and a half hours", "an hour and a half" -> "2.5 hours", "1.5 hours"
    s = re.sub(r"\b(\w+) (?:and a half hours?|hours? and a half)\b", _and_a_half, s)
    if match := _CLOCK_DURATION.fullmatch(s):
        return None if int(match[2]) > 59 else int(match[1]) * 60 + int(match[2])

    parts: list[tuple[str, str | None]] = []
    position = 0
    while position < len(s):
        match = _DURATION_PART.match(s, position)
        if match is None:
            return None
        parts.append((match[1], match[2]))
        position = match.end()

    total, kinds = 0.0, []
    for index, (amount, unit) in enumerate(parts):
        if unit is None:
            # a bare whole number: the only part ("90"), or minutes after hours ("1h30")
            after_hours = index == len(parts) - 1 and kinds == ["hours"]
            if not amount.isdigit() or not (len(parts) == 1 or after_hours):
                return None
            kind = "minutes"
        else:
            kind = "hours" if unit[0] == "h" else "minutes"
        if kinds and (kinds[-1] == "minutes" or kind in kinds):
            return None  # hours must come first, each at most once
        kinds.append(kind)
        number = float(amount) if amount[0].isdigit() else _NUMBER_WORDS[amount]
        total += number * (60 if kind == "hours" else 1)
    return total


def parse_duration(text: str) -> int:
    """Read a typed length of time as whole minutes.

    Understood: "90", "90 minutes", "90 mins", "2 hours", "1.5 hours", "1h30",
    "1h 30m", "1:30", "1 hour 30 minutes", "1 hour and 30 minutes",
    "an hour", "half an hour", "an hour and a half", "two and a half hours".
    A bare number is minutes. Fractions of a minute are rounded.

    Raises :class:`DurationNotUnderstood` for anything else, for no time at
    all, and for more than :data:`MAX_DURATION_MINUTES`.
    """
    minutes = _duration_minutes(_words(text))
    if minutes is None or _half_up(minutes) < 1:
        raise _not_understood(text, "a length of time", _DURATION_EXAMPLES, DurationNotUnderstood)
    if minutes > MAX_DURATION_MINUTES:
        raise DurationNotUnderstood(
            f"That is longer than {minutes_in_words(MAX_DURATION_MINUTES)}; please give a shorter length of time."
        )
    return _half_up(minutes)


# ---------------------------------------------------------------------------
# Dates in words


def _day_month_year(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_in_words(d: date | datetime) -> str:
    """ "Thursday 26 March 2026"."""
    return f"{WEEKDAYS[d.weekday()]} {_day_month_year(d)}"


def range_in_words(start: date | None, end: date | None) -> str:
    """What a period resolved to: "since Wednesday 1 April 2026", "until Tuesday 30 June 2026",
    "from Sunday 1 March 2026 to Tuesday 30 June 2026", "on Friday 3 April 2026", "at any date"."""
    if start and end:
        return f"on {date_in_words(start)}" if start == end else f"from {date_in_words(start)} to {date_in_words(end)}"
    if start:
        return f"since {date_in_words(start)}"
    if end:
        return f"until {date_in_words(end)}"
    return "at any date"


def time_in_words(dt: datetime | time) -> str:
    """ "2pm", "2:30pm", "12 noon", "midnight", "12:30am"."""
    if (dt.hour, dt.minute) == (12, 0):
        return "12 noon"
    if (dt.hour, dt.minute) == (0, 0):
        return "midnight"
    hour = dt.hour % 12 or 12
    suffix = "am" if dt.hour < 12 else "pm"
    return f"{hour}{suffix}" if dt.minute == 0 else f"{hour}:{dt.minute:02d}{suffix}"


def when_in_words(dt: datetime | date) -> str:
    """ "Tuesday 3 March 2026 at 2pm".

    Exactly midnight means "no time given", so only the date is said. A plain
    :class:`date` is said as a date.
    """
    if not isinstance(dt, datetime) or (dt.hour, dt.minute, dt.second) == (0, 0, 0):
        return date_in_words(dt)
    return f"{date_in_words(dt)} at {time_in_words(dt)}"


def minutes_in_words(n: int) -> str:
    """ "1 minute", "1 hour 10 minutes", "2 hours"; 0 is "no time".

    Only the size is said: the caller adds "left" or "over by".
    """
    n = abs(int(n))
    if n == 0:
        return "no time"
    hours, minutes = divmod(n, 60)
    parts = ([count(hours, "hour")] if hours else []) + ([count(minutes, "minute")] if minutes else [])
    return " ".join(parts)


def seconds_in_words(s: float) -> str:
    """ "45 seconds", "3 minutes 20 seconds"; from 5 minutes on, whole minutes.

    Only the size is said, as with :func:`minutes_in_words`.
    """
    s = _half_up(abs(s))
    if s >= 5 * 60:
        return minutes_in_words(_half_up(s / 60))
    minutes, seconds = divmod(s, 60)
    if minutes == 0:
        return count(seconds, "second") if seconds else "no time"
    return minutes_in_words(minutes) + (f" {count(seconds, 'second')}" if seconds else "")


def _span_in_words(days: int) -> str:
    """A number of days said roughly: days up to 13, then weeks, months, years."""
    if days < 14:
        return count(days, "day")
    if days < 8 * 7:
        return count(days // 7, "week")
    if days < 365:
        return count(_half_up(days / 30.4375), "month")
    return count(days // 365, "year")


def lateness_in_words(due: date | datetime, today: date | datetime) -> str:
    """How a due date stands against today.

    "due today", "due tomorrow", "due in 3 days", "due in 2 weeks",
    "1 day late", "2 weeks late" (14 to 20 days), "2 months late".
    Up to 13 days are counted in days, then whole weeks up to 7 weeks, then
    months (from 8 weeks, which is "2 months"), then whole years.
    """
    days = (_as_date(due) - _as_date(today)).days
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    if days > 0:
        return f"due in {_span_in_words(days)}"
    return f"{_span_in_words(-days)} late"


def days_between_in_words(sent: date | datetime, meeting: date | datetime) -> str:
    """How long before a meeting something was sent, in exact days.

    "on the day", "1 day before", "9 days before", "2 days after".
    """
    days = (_as_date(meeting) - _as_date(sent)).days
    if days == 0:
        return "on the day"
    return f"{count(abs(days), 'day')} {'before' if days > 0 else 'after'}"


relative_days_in_words = days_between_in_words
