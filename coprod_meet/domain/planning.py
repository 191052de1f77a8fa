"""Planning a meeting: the agenda's shape, checks in plain words, and repeating dates.

Pure Python. The agenda is a flat tuple of :class:`AgendaItem` in reading order; a nested item
(``parent_id`` set) follows its parent, so "5", "5.1", "5.2", "6" read top to bottom. The
functions here take an agenda and give a new one; nothing is changed in place.

Checks speak like a kind colleague: "The agenda is 10 minutes longer than the meeting.",
"Papers for item 5 went out 2 days before — members asked for a week.",
"No co-chair has lived experience.", "Sam needs large print papers and regular breaks."
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Iterable, Sequence

from dateutil import rrule

from coprod_meet.domain.dates import (
    WEEKDAYS,
    ago_in_words,
    date_in_words,
    days_between_in_words,
    minutes_in_words,
    parse_when,
    time_in_words,
    when_in_words,
)
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import AccessNeed, AgendaItem, Meeting, Member, VoiceGroup, join_words
from coprod_meet.domain.text import clean_text

# An item and its sub-items: two levels are enough for a meeting anyone can follow.
MAX_DEPTH = 2


class AgendaError(UserError):
    """An agenda change that cannot be made (the message says why)."""


class RepeatNotUnderstood(UserError):
    """Typed words for a repeating meeting that we cannot use."""


# ---------------------------------------------------------------------------
# The agenda's shape


def depth(agenda: Sequence[AgendaItem], item: AgendaItem) -> int:
    """1 for a top-level item, 2 for a sub-item."""
    by_id = {i.id: i for i in agenda}
    level, seen = 1, {item.id}
    while item.parent_id and item.parent_id in by_id and item.parent_id not in seen:
        seen.add(item.parent_id)
        item = by_id[item.parent_id]
        level += 1
    return level


def ordered(agenda: Iterable[AgendaItem]) -> tuple[AgendaItem, ...]:
    """The agenda with every sub-item right after its parent (siblings keep their order).

    An item whose parent is missing becomes a top-level item.
    """
    items = list(agenda)
    ids = {i.id for i in items}
    fixed = [i if not i.parent_id or i.parent_id in ids and i.parent_id != i.id else replace(i, parent_id="")
             for i in items]
    children: dict[str, list[AgendaItem]] = {}
    for i in fixed:
        children.setdefault(i.parent_id, []).append(i)
    result: list[AgendaItem] = []
    seen: set[str] = set()

    def walk(parent: str) -> None:
        for child in children.get(parent, []):
            if child.id in seen:
                continue
            seen.add(child.id)
            result.append(child)
            walk(child.id)

    walk("")
    # Items caught in a loop of parents: keep them, at the top level.
    result += [replace(i, parent_id="") for i in fixed if i.id not in seen]
    return tuple(result)


def _index(agenda: Sequence[AgendaItem], item_id: str) -> int:
    for n, item in enumerate(agenda):
        if item.id == item_id:
            return n
    raise AgendaError("That item is no longer on the agenda; please choose another one.")


def _block_end(agenda: Sequence[AgendaItem], start: int) -> int:
    """The index just after the item at ``start`` and all of its sub-items."""
    inside = {agenda[start].id}
    end = start + 1
    while end < len(agenda) and agenda[end].parent_id in inside:
        inside.add(agenda[end].id)
        end += 1
    return end


def block(agenda: Sequence[AgendaItem], item_id: str) -> tuple[AgendaItem, ...]:
    """The item and its sub-items."""
    start = _index(agenda, item_id)
    return tuple(agenda[start:_block_end(agenda, start)])


def _siblings(agenda: Sequence[AgendaItem], parent_id: str) -> list[int]:
    return [n for n, i in enumerate(agenda) if i.parent_id == parent_id]


def move(agenda: Sequence[AgendaItem], item_id: str, step: int) -> tuple[AgendaItem, ...]:
    """Move an item (with its sub-items) up (``step`` -1) or down (+1) among its siblings.

    At the top or bottom it stays where it is.
    """
    agenda = ordered(agenda)
    start = _index(agenda, item_id)
    siblings = _siblings(agenda, agenda[start].parent_id)
    place = siblings.index(start)
    other = place + (1 if step > 0 else -1)
    if not 0 <= other < len(siblings):
        return agenda
    first, second = sorted((start, siblings[other]))
    a = list(agenda[first:_block_end(agenda, first)])
    b_end = _block_end(agenda, second)
    b = list(agenda[second:b_end])
    return (*agenda[:first], *b, *agenda[first + len(a):second], *a, *agenda[b_end:])


def nest(agenda: Sequence[AgendaItem], item_id: str) -> tuple[AgendaItem, ...]:
    """Make an item a sub-item of the item above it at the same level."""
    agenda = ordered(agenda)
    start = _index(agenda, item_id)
    item = agenda[start]
    siblings = _siblings(agenda, item.parent_id)
    place = siblings.index(start)
    if place == 0:
        raise AgendaError("There is no item above this one to put it under; move it down first.")
    if depth(agenda, item) >= MAX_DEPTH:
        raise AgendaError("This is already a sub-item; an agenda keeps to two levels so everyone can follow it.")
    if _block_end(agenda, start) > start + 1:
        raise AgendaError("This item has sub-items of its own; take them out first, then try again.")
    parent = agenda[siblings[place - 1]]
    changed = list(agenda)
    changed[start] = replace(item, parent_id=parent.id)
    return tuple(changed)


def unnest(agenda: Sequence[AgendaItem], item_id: str) -> tuple[AgendaItem, ...]:
    """Take a sub-item out to its parent's level, just after the parent and its other sub-items."""
    agenda = ordered(agenda)
    start = _index(agenda, item_id)
    item = agenda[start]
    if not item.parent_id:
        raise AgendaError("This item is not under another item already.")
    parent_index = _index(agenda, item.parent_id)
    parent = agenda[parent_index]
    end = _block_end(agenda, start)
    moved = [replace(item, parent_id=parent.parent_id), *agenda[start + 1:end]]
    rest = [*agenda[:start], *agenda[end:]]
    parent_end = _block_end(rest, rest.index(parent))
    return (*rest[:parent_end], *moved, *rest[parent_end:])


def remove(agenda: Sequence[AgendaItem], item_id: str) -> tuple[AgendaItem, ...]:
    """The agenda without the item and its sub-items."""
    agenda = ordered(agenda)
    start = _index(agenda, item_id)
    return (*agenda[:start], *agenda[_block_end(agenda, start):])


def insert_after(agenda: Sequence[AgendaItem], new: AgendaItem, after_id: str = "") -> tuple[AgendaItem, ...]:
    """Add ``new`` after the item ``after_id`` (and its sub-items), at that item's level.

    With no ``after_id`` (or one not on the agenda) it goes at the end. A ``new`` item that
    already names a parent keeps it and goes after that parent's last sub-item.
    """
    agenda = ordered(agenda)
    ids = {i.id for i in agenda}
    if new.parent_id and new.parent_id in ids and not after_id:
        end = _block_end(agenda, _index(agenda, new.parent_id))
        return (*agenda[:end], new, *agenda[end:])
    if not after_id or after_id not in ids:
        return (*agenda, replace(new, parent_id=new.parent_id if new.parent_id in ids else ""))
    start = _index(agenda, after_id)
    new = replace(new, parent_id=agenda[start].parent_id)
    end = _block_end(agenda, start)
    return (*agenda[:end], new, *agenda[end:])


def replace_item(agenda: Sequence[AgendaItem], item: AgendaItem) -> tuple[AgendaItem, ...]:
    """The agenda with ``item`` (same id) in place of the old one; its place is kept."""
    _index(agenda, item.id)
    return tuple(item if i.id == item.id else i for i in agenda)


def numbers(agenda: Sequence[AgendaItem]) -> dict[str, str]:
    """How each item is numbered on the printed agenda: "1", "2", "2.1", "3"."""
    result: dict[str, str] = {}
    counts: dict[str, int] = {}
    for item in ordered(agenda):
        counts[item.parent_id] = counts.get(item.parent_id, 0) + 1
        prefix = result.get(item.parent_id, "")
        result[item.id] = f"{prefix}.{counts[item.parent_id]}" if prefix else str(counts[item.parent_id])
    return result


def agenda_minutes(agenda: Sequence[AgendaItem]) -> int:
    """The time the agenda needs, in minutes.

    Sub-items share their parent's time: an item with sub-items needs the larger of its own
    time and its sub-items' times added up.
    """
    agenda = ordered(agenda)
    children: dict[str, list[AgendaItem]] = {}
    for item in agenda:
        children.setdefault(item.parent_id, []).append(item)

    def need(item: AgendaItem) -> int:
        inner = sum(need(c) for c in children.get(item.id, []))
        return max(item.minutes, inner)

    return sum(need(i) for i in children.get("", []))


# ---------------------------------------------------------------------------
# Checks in words


@dataclass(frozen=True)
class Check:
    """One finding about a planned meeting. ``warning`` ones need a person to act."""

    text: str
    warning: bool = True

    def __str__(self) -> str:
        return self.text


def time_check(meeting: Meeting) -> Check:
    """Whether the agenda fits the meeting, in words."""
    need, have = agenda_minutes(meeting.agenda), meeting.planned_minutes
    if need > have:
        return Check(f"The agenda is {minutes_in_words(need - have)} longer than the meeting.")
    if need == have:
        return Check(f"The agenda fills the meeting exactly ({minutes_in_words(have)}).", warning=False)
    return Check(
        f"The agenda takes {minutes_in_words(need)} of the {minutes_in_words(have)}, "
        f"leaving {minutes_in_words(have - need)} spare.",
        warning=False,
    )


def _days_in_words(days: int) -> str:
    if days == 7:
        return "a week"
    if days == 14:
        return "two weeks"
    return "1 day" if days == 1 else f"{days} days"


def papers_checks(meeting: Meeting) -> list[Check]:
    """Papers sent fewer than the group's ``papers_days`` before the meeting, or not sent."""
    wanted = meeting.settings.papers_days
    asked = f"members asked for {_days_in_words(wanted)}"
    number = numbers(meeting.agenda)
    checks: list[Check] = []
    for item in ordered(meeting.agenda):
        late: list[str] = []
        unsent = 0
        for paper in item.papers:
            sent = paper_sent(paper.sent)
            if sent is None:
                unsent += 1
            elif (meeting.start.date() - sent).days < wanted:
                late.append(days_between_in_words(sent, meeting.start))
        if late:
            when = late[0] if len(set(late)) == 1 else join_words(sorted(set(late)))
            checks.append(Check(f"Papers for item {number[item.id]} went out {when} — {asked}."))
        if unsent:
            checks.append(Check(f"Papers for item {number[item.id]} have not gone out yet — {asked} before."))
    return checks


def paper_sent(text: str) -> date | None:
    """The date a paper went out (stored as an ISO date), or ``None`` when not sent."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def power_check(meeting: Meeting) -> Check:
    """The power-sharing check: is a co-chair someone with lived experience?"""
    chairs = [m for m in (meeting.person(c) for c in meeting.co_chair_ids) if m is not None]
    if not chairs:
        return Check("No co-chairs are chosen yet; co-production meetings share the chair.")
    if not any(m.voice_group is VoiceGroup.LIVED for m in chairs):
        return Check(
            "No co-chair has lived experience. Co-production works best when one of the co-chairs does."
        )
    lived = [m.name for m in chairs if m.voice_group is VoiceGroup.LIVED]
    return Check(f"{join_words(lived)} brings lived experience to the chair.", warning=False)


def lead_checks(meeting: Meeting) -> list[Check]:
    """Items led by someone who is not one of the co-chairs."""
    number = numbers(meeting.agenda)
    chairs = set(meeting.co_chair_ids)
    checks = []
    for item in ordered(meeting.agenda):
        person = meeting.person(item.lead_id) if item.lead_id else None
        if person is not None and not person.archived and chairs and item.lead_id not in chairs:
            # A lead who is not a member at all is said by member_lead_checks.
            checks.append(Check(f"Item {number[item.id]} is led by {person.name}, who is not a co-chair of this "
                                "meeting."))
    return checks


def break_words(minutes: int) -> str:
    """ "a break every hour", "a break every 90 minutes"."""
    if minutes == 60:
        return "a break every hour"
    if minutes % 60 == 0:
        return f"a break every {minutes // 60} hours"
    return f"a break every {minutes} minutes"


def access_line(member: Member, break_every_minutes: int = 0) -> str:
    """ "Sam needs large print papers and a break every hour." ('' when nothing is needed).

    With the group's break time given, "regular breaks" is said as how often the breaks come.
    """
    needs = [
        break_words(break_every_minutes) if n is AccessNeed.BREAKS and break_every_minutes > 0 else n.words
        for n in member.access_needs
    ]
    if member.access_notes:
        needs.append(member.access_notes)
    return f"{member.name} needs {join_words(needs)}." if needs else ""


def access_lines(members: Iterable[Member], break_every_minutes: int = 0) -> list[str]:
    """What each current member needs, one sentence each."""
    return [line for m in members if not m.archived and (line := access_line(m, break_every_minutes))]


def member_lead_checks(meeting: Meeting) -> list[Check]:
    """Items led by someone who is not a current member of the meeting's group."""
    number = numbers(meeting.agenda)
    checks = []
    for item in ordered(meeting.agenda):
        if not item.lead_id:
            continue
        person = meeting.person(item.lead_id)
        if person is None or person.archived:
            who = f"{person.name}, who is no longer a member" if person else "someone who is not a member"
            checks.append(Check(f"Item {number[item.id]} is led by {who} of {meeting.group_name}; "
                                "please choose a member to lead it."))
    return checks


def sub_item_checks(meeting: Meeting) -> list[Check]:
    """Sub-items given more time than the item they are part of."""
    number = numbers(meeting.agenda)
    by_id = {i.id: i for i in meeting.agenda}
    checks = []
    for item in ordered(meeting.agenda):
        parent = by_id.get(item.parent_id)
        if parent is not None and item.minutes > parent.minutes:
            checks.append(Check(
                f"Item {number[item.id]} has {minutes_in_words(item.minutes)}, more than item "
                f"{number[parent.id]} it is part of ({minutes_in_words(parent.minutes)}); "
                "please give the main item more time or the sub-item less."
            ))
    return checks


_BREAK_TITLE = re.compile(r"\b(?:break|breather|pause|interval|lunch)\b", re.IGNORECASE)


def is_break(item: AgendaItem) -> bool:
    """An agenda item that is a break ("Break", "Tea break", "Lunch"; not "Carers' breaks")."""
    return item.standing == "break" or bool(_BREAK_TITLE.search(item.title))


def break_check(meeting: Meeting) -> Check | None:
    """A warning when the agenda goes past the group's break rule with no break on it."""
    every = meeting.settings.break_every_minutes
    if every <= 0:
        return None
    number = numbers(meeting.agenda)
    agenda = ordered(meeting.agenda)
    children: dict[str, list[AgendaItem]] = {}
    for item in agenda:
        children.setdefault(item.parent_id, []).append(item)
    since = 0
    for item in children.get("", []):
        if is_break(item) or any(is_break(c) for c in children.get(item.id, [])):
            since = 0
            continue
        since += max(item.minutes, sum(c.minutes for c in children.get(item.id, [])))
        if since > every:
            return Check(
                f"By the end of item {number[item.id]} the meeting has gone {minutes_in_words(since)} without a "
                f"break, and the group asks for {break_words(every)}; please add a break to the agenda."
            )
    return None


def clash_checks(meeting: Meeting, others: Iterable) -> list[Check]:
    """The same group booked twice: other meetings of the group whose times overlap this one.

    ``others`` are meetings or meeting summaries (anything with id, group_id, title, start, end).
    """
    checks = []
    for other in others:
        if other.id == meeting.id or other.group_id != meeting.group_id:
            continue
        if other.start < meeting.end and meeting.start < other.end:
            checks.append(Check(
                f"{meeting.group_name} already has {other.title} on {when_in_words(other.start)} until "
                f"{time_in_words(other.end)}, at the same time as this meeting; please choose another time."
            ))
    return checks


def bank_holiday(day: date) -> str:
    """The name of the bank holiday in England and Wales on ``day``, or ''."""
    import holidays  # a table shipped in the package; it needs no network

    return holidays.country_holidays("GB", subdiv="ENG", years=day.year).get(day) or ""


def day_warning(moment: datetime | date) -> str:
    """ "Saturday 5 June 2027 is a weekend day." / "... is a bank holiday (Christmas Day)." / ''."""
    day = moment.date() if isinstance(moment, datetime) else moment
    holiday = bank_holiday(day)
    if holiday:
        return f"{date_in_words(day)} is a bank holiday ({holiday}) in England and Wales."
    if day.weekday() >= 5:
        return f"{date_in_words(day)} is a weekend day."
    return ""


def day_check(meeting: Meeting) -> Check | None:
    words = day_warning(meeting.start)
    return Check(f"{words} Please check people can come.") if words else None


def series_warnings(dates: Iterable[datetime | date]) -> list[str]:
    """A warning for each date of a series that is a weekend day or a bank holiday."""
    return [w for d in dates if (w := day_warning(d))]


def past_question(start: datetime, now: datetime, *, with_date: bool = True) -> str:
    """ "That is 11 months ago (Monday 5 January 2026 at 10am). Plan it anyway?" or '' for a date to
    come. Without ``with_date`` the date in brackets is left out (it was just said)."""
    if start >= now:
        return ""
    date_words = f" ({when_in_words(start)})" if with_date else ""
    return f"That is {ago_in_words(start, now)}{date_words}. Plan it anyway?"


def no_time_question(when: str) -> str:
    """The question for a start typed without a time of day."""
    typed = " ".join(clean_text(when, what="date", limit=200).split())[:40]
    return f'What time does it start? Please add a time, such as "{typed} 2pm".'


def meeting_checks(meeting: Meeting, others: Iterable = ()) -> list[Check]:
    """Every check, warnings first. ``others`` are the archive's other meetings (for double-booking)."""
    found = [
        time_check(meeting), *papers_checks(meeting), power_check(meeting), *lead_checks(meeting),
        *member_lead_checks(meeting), *sub_item_checks(meeting), break_check(meeting), day_check(meeting),
        *clash_checks(meeting, others),
    ]
    found = [c for c in found if c is not None]
    return [c for c in found if c.warning] + [c for c in found if not c.warning]


# ---------------------------------------------------------------------------
# Repeating meetings


_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "last": -1, "final": -1,
}  # fmt: skip
_WEEKDAY_RULES = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
_UNIT_WORDS = {
    "day": (rrule.DAILY, 1), "daily": (rrule.DAILY, 1),
    "week": (rrule.WEEKLY, 1), "weekly": (rrule.WEEKLY, 1),
    "fortnight": (rrule.WEEKLY, 2), "fortnightly": (rrule.WEEKLY, 2),
    "month": (rrule.MONTHLY, 1), "monthly": (rrule.MONTHLY, 1),
    "year": (rrule.YEARLY, 1), "yearly": (rrule.YEARLY, 1), "annually": (rrule.YEARLY, 1),
}  # fmt: skip
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "other": 2, "a": 1}
_FILLER = {"every", "each", "on", "of", "the", "at", "in", "a", "and", "repeat", "repeats", "repeating", "meeting"}
_DAY_OF_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?", re.ASCII)
_REPEAT_EXAMPLES = '"every 2nd Tuesday of the month" or "every 4 weeks on Thursday"'
_UNIT_NAMES = {rrule.DAILY: "day", rrule.WEEKLY: "week", rrule.MONTHLY: "month", rrule.YEARLY: "year"}
_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}


def _weekday_index(word: str) -> int | None:
    word = word[:-1] if word.endswith("s") and len(word) > 4 else word
    for n, name in enumerate(WEEKDAYS):
        if word in (name.lower(), name[:3].lower()) or (len(word) >= 3 and name.lower().startswith(word)):
            return n
    return None


def _ordinal_day(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class Repeat:
    """A way a meeting repeats, read from words ("every 2nd Tuesday of the month")."""

    freq: int
    interval: int = 1
    weekday: int | None = None  # 0 = Monday
    nth: int = 0  # with weekday, monthly: 2 = the second Tuesday, -1 = the last
    month_day: int = 0  # monthly on this day of the month
    at: time | None = None  # a time typed with the words

    def anchored(self, start: datetime) -> Repeat:
        """The repeat with what the first meeting fixes filled in.

        "every month" from a Tuesday is the same week and weekday each month: the second
        Tuesday, or the last Tuesday when the first meeting is on a fifth one. "every month on
        Tuesday" takes the week from the first Tuesday on or after ``start``.
        """
        if self.freq != rrule.MONTHLY or self.month_day or self.nth:
            return self
        weekday = start.weekday() if self.weekday is None else self.weekday
        first = start.date() + timedelta(days=(weekday - start.weekday()) % 7)
        nth = (first.day - 1) // 7 + 1
        return replace(self, weekday=weekday, nth=-1 if nth == 5 else nth)

    def rule(self, start: datetime) -> rrule.rrule:
        """The dateutil rule, starting from ``start`` (which need not be a meeting day)."""
        repeat = self.anchored(start)
        dtstart = datetime.combine(start.date(), repeat.at or start.time())
        if repeat.freq == rrule.WEEKLY and repeat.weekday is not None:
            # Count the weeks from the first meeting day, not from the week ``start`` falls in.
            dtstart += timedelta(days=(repeat.weekday - dtstart.weekday()) % 7)
        kwargs: dict = {"freq": repeat.freq, "interval": repeat.interval, "dtstart": dtstart}
        if repeat.weekday is not None:
            day = _WEEKDAY_RULES[repeat.weekday]
            kwargs["byweekday"] = day(repeat.nth) if repeat.nth else day
        if repeat.month_day:
            kwargs["bymonthday"] = repeat.month_day
        return rrule.rrule(**kwargs)

    def dates(self, start: datetime, count: int) -> list[datetime]:
        """The first ``count`` meeting times on or after ``start``."""
        found: list[datetime] = []
        for moment in self.rule(start):
            found.append(moment)
            if len(found) >= count:
                break
        return found

    def after(self, moment: datetime, count: int) -> list[datetime]:
        """The next ``count`` meeting times after ``moment`` (the first meeting)."""
        return [d for d in self.dates(moment, count + 1) if d > moment][:count]

    def in_words(self) -> str:
        """ "every second Tuesday of the month", "every 4 weeks on Thursday"."""
        unit = _UNIT_NAMES[self.freq]
        every = f"every {unit}" if self.interval == 1 else f"every {self.interval} {unit}s"
        if self.nth and self.weekday is not None:
            day = f"{_ORDINAL_WORDS[self.nth]} {WEEKDAYS[self.weekday]}"
            return f"{every} on the {day}"
        if self.weekday is not None:
            return f"{every} on {WEEKDAYS[self.weekday]}"
        if self.month_day:
            return f"{every} on the {_ordinal_day(self.month_day)}"
        return every


def parse_repeat(text: str) -> Repeat:
    """Read how a meeting repeats.

    Understood, for example: "every week", "weekly", "every 2 weeks", "fortnightly",
    "every 4 weeks on Thursday", "every Tuesday", "every 2nd Tuesday of the month",
    "every month on the first Monday", "the last Friday of every month", "every month on the
    12th", "monthly", "every 3 months", "every year". A time may follow ("at 2pm").

    Raises :class:`RepeatNotUnderstood` with one plain sentence for anything else.
    """
    try:
        cleaned = clean_text(text, what="repeat", limit=100)
    except UserError as error:
        raise RepeatNotUnderstood(f"{error} Try {_REPEAT_EXAMPLES}.") from None
    shown = cleaned[:40] + ("…" if len(cleaned) > 40 else "")
    problem = RepeatNotUnderstood(
        f'I could not understand "{shown}" as a way to repeat; try {_REPEAT_EXAMPLES}.'
        if cleaned else f"Please say how the meeting repeats, for example {_REPEAT_EXAMPLES}."
    )
    words = re.sub(r"[,;](?!\d)", " ", cleaned.lower()).split()
    freq: int | None = None
    interval = 0
    weekday: int | None = None
    nth = 0
    month_day = 0
    at: time | None = None
    pending: tuple[int, bool] | None = None  # (number, is an ordinal) waiting for what it counts
    for word in words:
        unit = _UNIT_WORDS.get(word) or (_UNIT_WORDS.get(word[:-1]) if word.endswith("s") else None)
        day = _weekday_index(word)
        ordinal = _ORDINALS.get(word)
        if ordinal is None and (match := _DAY_OF_MONTH.fullmatch(word)) and not word.isdigit():
            ordinal = int(match[1])
        if unit is not None:
            if freq is not None and freq != unit[0]:
                raise problem
            freq = unit[0]
            if pending is not None:
                if pending[0] < 1:
                    raise problem
                interval, pending = pending[0] * unit[1], None
            elif not interval:
                interval = unit[1]
        elif day is not None:
            if weekday is not None and weekday != day:
                raise RepeatNotUnderstood(
                    'Please choose one day of the week for a repeating meeting, for example "every Tuesday".'
                )
            weekday = day
            if pending is not None:
                if not pending[1] or not (1 <= pending[0] <= 5 or pending[0] == -1):
                    raise problem
                nth, pending = pending[0], None
        elif pending is None and ordinal is not None:
            pending = (ordinal, True)
        elif pending is None and (word.isdigit() and len(word) <= 2 or word in _COUNTS and word != "a"):
            pending = (int(word) if word.isdigit() else _COUNTS[word], False)
        elif word in _FILLER:
            continue
        else:
            try:
                at = parse_when(word).time()
            except UserError:
                raise problem from None
    if pending is not None:
        # "every month on the 1st": an ordinal left over is a day of the month.
        if not pending[1] or pending[0] < 1 or weekday is not None or freq not in (None, rrule.MONTHLY):
            raise problem
        month_day, freq = pending[0], rrule.MONTHLY
    if nth:
        if freq not in (None, rrule.MONTHLY):
            raise RepeatNotUnderstood(
                f'"The {_ORDINAL_WORDS[nth]} {WEEKDAYS[weekday or 0]}" only makes sense in a month; '
                f"try {_REPEAT_EXAMPLES}."
            )
        freq = rrule.MONTHLY
    if freq is None:
        if weekday is None:
            raise problem
        freq = rrule.WEEKLY
    if month_day and (freq != rrule.MONTHLY or weekday is not None):
        raise problem
    if month_day > 28:
        raise RepeatNotUnderstood(
            "Not every month has that day; please choose a day from the 1st to the 28th, or say "
            '"the last Friday of the month".'
        )
    if weekday is not None and freq in (rrule.DAILY, rrule.YEARLY):
        raise problem
    interval = interval or 1
    if not 1 <= interval <= 52:
        raise RepeatNotUnderstood("Please repeat the meeting at most once a year and at least once every 52 weeks.")
    return Repeat(freq=freq, interval=interval, weekday=weekday, nth=nth, month_day=month_day, at=at)


def repeat_dates_in_words(repeat: Repeat, start: datetime, count: int) -> list[str]:
    """The next meetings of a series, each as a date in words."""
    return [date_in_words(d) for d in repeat.dates(start, count)]
