"""Dates people type, and dates in words (UK)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_meet.domain.dates import (
    DurationNotUnderstood,
    date_in_words,
    days_between_in_words,
    lateness_in_words,
    minutes_in_words,
    parse_date,
    parse_date_range,
    parse_duration,
    parse_when,
    relative_days_in_words,
    seconds_in_words,
    time_in_words,
    when_in_words,
)
from coprod_meet.domain.errors import DateNotUnderstood, UserError
from tests.conftest import naughty_strings


SUNDAY = datetime(2026, 11, 22, 10, 0)  # Sunday 22 November 2026, 10am
THURSDAY = datetime(2026, 3, 12, 14, 0)  # Thursday 12 March 2026, 2pm


def when(text: str, now: datetime = THURSDAY, **kwargs) -> datetime:
    return parse_when(text, now=now, **kwargs)


def test_fixed_days_are_what_they_say() -> None:
    assert SUNDAY.strftime("%A") == "Sunday" and THURSDAY.strftime("%A") == "Thursday"


# --- parse_when: written dates --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/4/2026", datetime(2026, 4, 3)),
        ("3/3/2027 14:00", datetime(2027, 3, 3, 14)),
        ("12 March 2026 2pm", datetime(2026, 3, 12, 14)),
        ("Thursday 12 March 2026 at 2pm", datetime(2026, 3, 12, 14)),
        ("Thursday, 12 March 2026, at 2pm", datetime(2026, 3, 12, 14)),
        ("  THURSDAY   12   MARCH  2026   AT  2PM ", datetime(2026, 3, 12, 14)),
        ("on the 12th of March 2026", datetime(2026, 3, 12)),
        ("2026-03-12T14:00", datetime(2026, 3, 12, 14)),
        ("2026-03-12", datetime(2026, 3, 12)),
        ("2026-03-02 09:30", datetime(2026, 3, 2, 9, 30)),
        ("3.4.2026", datetime(2026, 4, 3)),
        ("3-4-26", datetime(2026, 4, 3)),
        ("3/4", datetime(2026, 4, 3)),  # this year
        ("the 20th", datetime(2026, 3, 20)),  # this month
        ("12 Sept 2026 2 p.m.", datetime(2026, 9, 12, 14)),
        ("29/2/2028", datetime(2028, 2, 29)),
    ],
)
def test_written_dates_are_day_first(text: str, expected: datetime) -> None:
    assert when(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2pm", (14, 0)),
        ("2 pm", (14, 0)),
        ("2:30pm", (14, 30)),
        ("2.30pm", (14, 30)),
        ("2.30 p.m.", (14, 30)),
        ("10am", (10, 0)),
        ("12am", (0, 0)),
        ("12pm", (12, 0)),
        ("14:00", (14, 0)),
        ("14.15", (14, 15)),
        ("09:05", (9, 5)),
        ("noon", (12, 0)),
        ("12 noon", (12, 0)),
        ("midday", (12, 0)),
        ("midnight", (0, 0)),
    ],
)
def test_times_alone_mean_today(text: str, expected: tuple[int, int]) -> None:
    assert when(text) == datetime(2026, 3, 12, *expected)


# --- parse_when: words for days -------------------------------------------


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("today", THURSDAY, datetime(2026, 3, 12)),
        ("tomorrow", THURSDAY, datetime(2026, 3, 13)),
        ("yesterday", THURSDAY, datetime(2026, 3, 11)),
        ("tomorrow 10am", THURSDAY, datetime(2026, 3, 13, 10)),
        ("today at 2.30pm", THURSDAY, datetime(2026, 3, 12, 14, 30)),
        ("2pm tomorrow", THURSDAY, datetime(2026, 3, 13, 14)),
        ("at 2pm on Friday", THURSDAY, datetime(2026, 3, 13, 14)),
        ("now", THURSDAY, THURSDAY),
        # a weekday alone is the next one after today
        ("Friday", THURSDAY, datetime(2026, 3, 13)),
        ("Thursday", THURSDAY, datetime(2026, 3, 19)),
        ("thurs", THURSDAY, datetime(2026, 3, 19)),
        ("Sunday", SUNDAY, datetime(2026, 11, 29)),
        # "next" follows the same rule
        ("next Tuesday 2pm", SUNDAY, datetime(2026, 11, 24, 14)),
        ("next Tuesday 2pm", THURSDAY, datetime(2026, 3, 17, 14)),
        ("next Sunday", SUNDAY, datetime(2026, 11, 29)),
        # "this" includes today
        ("this Sunday", SUNDAY, datetime(2026, 11, 22)),
        ("this Friday", SUNDAY, datetime(2026, 11, 27)),
        # "last" is the latest one before today
        ("last Monday", SUNDAY, datetime(2026, 11, 16)),
        ("last Sunday", SUNDAY, datetime(2026, 11, 15)),
        ("last Wednesday", THURSDAY, datetime(2026, 3, 11)),
    ],
)
def test_day_words(text: str, now: datetime, expected: datetime) -> None:
    assert when(text, now) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 2 weeks", datetime(2026, 3, 26)),
        ("in two weeks' time", datetime(2026, 3, 26)),
        ("in a fortnight", datetime(2026, 3, 26)),
        ("in 3 days", datetime(2026, 3, 15)),
        ("in 6 months", datetime(2026, 9, 12)),
        ("in 1 year", datetime(2027, 3, 12)),
        ("in 2 weeks 10am", datetime(2026, 3, 26, 10)),
        ("2 weeks ago", datetime(2026, 2, 26)),
        ("a week today", datetime(2026, 3, 19)),
        ("a week tomorrow", datetime(2026, 3, 20)),
        ("a week on Friday", datetime(2026, 3, 20)),
        # clock units give an exact moment
        ("in an hour", datetime(2026, 3, 12, 15)),
        ("in 90 minutes", datetime(2026, 3, 12, 15, 30)),
        ("2 hours ago", datetime(2026, 3, 12, 12)),
    ],
)
def test_relative_periods(text: str, expected: datetime) -> None:
    assert when(text) == expected


def test_months_from_the_end_of_a_month_stay_in_range() -> None:
    assert when("in 1 month", datetime(2026, 1, 31, 9)) == datetime(2026, 2, 28)


def test_default_hour_only_when_no_time_given() -> None:
    assert when("tomorrow", default_hour=10) == datetime(2026, 3, 13, 10)
    assert when("3/4/2026", default_hour=19) == datetime(2026, 4, 3, 19)
    assert when("tomorrow 2pm", default_hour=10) == datetime(2026, 3, 13, 14)
    assert when("in 90 minutes", default_hour=10) == datetime(2026, 3, 12, 15, 30)


def test_results_are_whole_minutes() -> None:
    assert when("in an hour", datetime(2026, 3, 12, 14, 0, 42, 5)) == datetime(2026, 3, 12, 15)


def test_wrong_weekday_for_a_date_is_pointed_out() -> None:
    with pytest.raises(DateNotUnderstood, match="^12 March 2026 is a Thursday, not a Friday; please check the date.$"):
        when("Friday 12 March 2026")


def test_parse_date_gives_the_day() -> None:
    assert parse_date("next Tuesday 2pm", now=SUNDAY) == date(2026, 11, 24)
    assert parse_date("3/4/2026", now=SUNDAY) == date(2026, 4, 3)


def test_now_defaults_to_the_clock() -> None:
    assert parse_date("today") == date.today()


# --- parse_when: what is refused ------------------------------------------

GARBAGE = [
    "blurble",
    "",
    "   ",
    "32/13/2026",
    "29/2/2027",
    "[/]",
    "\x00",
    "\x1b]0;x\x07",
    "1.5",
    "90",
    "2026",
    "March",
    "12 March 2026 14",
    "12 2026",
    "2 weeks",
    "13pm",
    "25:00",
    "12:60",
    "in 2 hours at 3pm",
    "tomorrow tomorrow",
    "Friday Saturday",
    "next",
    "in 9999 years",
    "99999999999999999999",
    "1/1/1066",
    "12 march 20260",
    "2026-03-12T14:00Z",
    "x" * 10_000,
    "3/4/2026 " * 50,
]


@pytest.mark.parametrize("text", GARBAGE, ids=range(len(GARBAGE)))
def test_garbage_is_not_understood(text: str) -> None:
    with pytest.raises(DateNotUnderstood):
        when(text)


def test_message_is_one_plain_sentence() -> None:
    with pytest.raises(DateNotUnderstood) as caught:
        when("blurble")
    assert str(caught.value) == (
        'I could not understand "blurble" as a date; try something like "next Tuesday 2pm" or "3/4/2026 14:00".'
    )
    with pytest.raises(DateNotUnderstood, match="^Please type a date, for example"):
        when("")


def test_message_quotes_a_short_clean_part_only() -> None:
    with pytest.raises(DateNotUnderstood) as caught:
        when("\x1b]0;owned\x07" + "y" * 500)
    message = str(caught.value)
    assert "\x1b" not in message and "\x07" not in message
    assert len(message) < 160


# --- parse_date_range -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("since April", SUNDAY, (date(2026, 4, 1), None)),
        ("since April", THURSDAY, (date(2025, 4, 1), None)),  # the latest April that has begun
        ("since March", THURSDAY, (date(2026, 3, 1), None)),
        ("since 1/4/2026", SUNDAY, (date(2026, 4, 1), None)),
        ("from 1/4/2026", SUNDAY, (date(2026, 4, 1), None)),
        ("after 1/4/2026", SUNDAY, (date(2026, 4, 2), None)),
        ("until June", SUNDAY, (None, date(2026, 6, 30))),
        ("up to June", SUNDAY, (None, date(2026, 6, 30))),
        ("before 1/1/2026", SUNDAY, (None, date(2025, 12, 31))),
        ("before June 2026", SUNDAY, (None, date(2026, 5, 31))),
        ("last year", SUNDAY, (date(2025, 1, 1), date(2025, 12, 31))),
        ("this year", SUNDAY, (date(2026, 1, 1), date(2026, 12, 31))),
        ("last month", THURSDAY, (date(2026, 2, 1), date(2026, 2, 28))),
        ("this month", SUNDAY, (date(2026, 11, 1), date(2026, 11, 30))),
        ("last week", SUNDAY, (date(2026, 11, 9), date(2026, 11, 15))),
        ("this week", SUNDAY, (date(2026, 11, 16), date(2026, 11, 22))),
        ("between 1/1/2026 and 30/6/2026", SUNDAY, (date(2026, 1, 1), date(2026, 6, 30))),
        ("from March to June", THURSDAY, (date(2026, 3, 1), date(2026, 6, 30))),
        ("from November to February", THURSDAY, (date(2025, 11, 1), date(2026, 2, 28))),
        ("in 2025", SUNDAY, (date(2025, 1, 1), date(2025, 12, 31))),
        ("2025", SUNDAY, (date(2025, 1, 1), date(2025, 12, 31))),
        ("March 2026", SUNDAY, (date(2026, 3, 1), date(2026, 3, 31))),
        ("in Feb 2028", SUNDAY, (date(2028, 2, 1), date(2028, 2, 29))),
        ("yesterday", SUNDAY, (date(2026, 11, 21), date(2026, 11, 21))),
        ("since 2 weeks ago", SUNDAY, (date(2026, 11, 8), None)),
    ],
)
def test_date_ranges(text: str, now: datetime, expected: tuple[date | None, date | None]) -> None:
    assert parse_date_range(text, now=now) == expected


@pytest.mark.parametrize(
    "text", ["", "since", "blah", "between April", "from", "since 2 weeks", "in 10000", "last decade"]
)
def test_date_range_garbage(text: str) -> None:
    with pytest.raises(DateNotUnderstood):
        parse_date_range(text, now=SUNDAY)


def test_date_range_the_wrong_way_round() -> None:
    message = "^That period ends before it starts; please put the earlier date first.$"
    with pytest.raises(DateNotUnderstood, match=message):
        parse_date_range("between 1/6/2026 and 1/1/2026", now=SUNDAY)


# --- parse_duration -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("2 hours", 120),
        ("90 minutes", 90),
        ("90 mins", 90),
        ("90", 90),
        ("1h30", 90),
        ("1h 30m", 90),
        ("1:30", 90),
        ("1 hour 30 minutes", 90),
        ("1 hour and 30 minutes", 90),
        ("1.5 hours", 90),
        ("an hour", 60),
        ("half an hour", 30),
        ("an hour and a half", 90),
        ("two and a half hours", 150),
        ("ten minutes", 10),
        ("0.25 hours", 15),
    ],
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    "text",
    ["", "blah", "0", "1.5", "2 months", "30 minutes 1 hour", "1 hour 1 hour", "an", "-5", "25 hours", "x" * 1000],
)
def test_duration_garbage(text: str) -> None:
    with pytest.raises(DurationNotUnderstood) as caught:
        parse_duration(text)
    assert isinstance(caught.value, UserError)
    assert str(caught.value).endswith(".")


# --- in words -------------------------------------------------------------


def test_when_in_words() -> None:
    assert when_in_words(datetime(2026, 3, 3, 14)) == "Tuesday 3 March 2026 at 2pm"
    assert when_in_words(datetime(2026, 3, 3, 14, 30)) == "Tuesday 3 March 2026 at 2:30pm"
    assert when_in_words(datetime(2026, 3, 3, 12)) == "Tuesday 3 March 2026 at 12 noon"
    assert when_in_words(datetime(2026, 3, 3)) == "Tuesday 3 March 2026"  # no time given
    assert when_in_words(date(2026, 3, 3)) == "Tuesday 3 March 2026"


def test_date_in_words() -> None:
    assert date_in_words(date(2026, 3, 26)) == "Thursday 26 March 2026"
    assert date_in_words(datetime(2026, 3, 26, 9)) == "Thursday 26 March 2026"
    assert date_in_words(parse_date("in 2 weeks", now=THURSDAY)) == "Thursday 26 March 2026"


@pytest.mark.parametrize(
    ("hour", "minute", "words"),
    [
        (14, 0, "2pm"),
        (14, 30, "2:30pm"),
        (9, 5, "9:05am"),
        (12, 0, "12 noon"),
        (12, 15, "12:15pm"),
        (0, 0, "midnight"),
        (0, 30, "12:30am"),
    ],
)
def test_time_in_words(hour: int, minute: int, words: str) -> None:
    assert time_in_words(datetime(2026, 3, 3, hour, minute)) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "no time"),
        (1, "1 minute"),
        (4, "4 minutes"),
        (60, "1 hour"),
        (70, "1 hour 10 minutes"),
        (120, "2 hours"),
        (121, "2 hours 1 minute"),
        (-3, "3 minutes"),  # only the size is said
    ],
)
def test_minutes_in_words(n: int, words: str) -> None:
    assert minutes_in_words(n) == words


@pytest.mark.parametrize(
    ("s", "words"),
    [
        (0, "no time"),
        (1, "1 second"),
        (45, "45 seconds"),
        (60, "1 minute"),
        (180, "3 minutes"),
        (200, "3 minutes 20 seconds"),
        (299.6, "5 minutes"),
        (330, "6 minutes"),  # from 5 minutes, whole minutes, halves up
        (3600, "1 hour"),
    ],
)
def test_seconds_in_words(s: float, words: str) -> None:
    assert seconds_in_words(s) == words


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "due today"),
        (1, "due tomorrow"),
        (3, "due in 3 days"),
        (14, "due in 2 weeks"),
        (-1, "1 day late"),
        (-5, "5 days late"),
        (-13, "13 days late"),
        (-14, "2 weeks late"),
        (-20, "2 weeks late"),
        (-21, "3 weeks late"),
        (-55, "7 weeks late"),
        (-56, "2 months late"),
        (-100, "3 months late"),
        (-365, "1 year late"),
        (-800, "2 years late"),
    ],
)
def test_lateness_in_words(days: int, words: str) -> None:
    today = date(2026, 3, 12)
    assert lateness_in_words(today + timedelta(days=days), today) == words


def test_days_between_in_words() -> None:
    meeting = date(2026, 3, 12)
    assert days_between_in_words(date(2026, 3, 10), meeting) == "2 days before"
    assert days_between_in_words(date(2026, 3, 11), meeting) == "1 day before"
    assert days_between_in_words(datetime(2026, 3, 12, 9), meeting) == "on the day"
    assert days_between_in_words(date(2026, 3, 13), meeting) == "1 day after"
    assert relative_days_in_words is days_between_in_words


# --- robustness: nothing but our own errors escapes ------------------------


def read_or_say_why(text: str) -> None:
    """Each parser gives back what it promises, or our own error with a sentence to show; nothing else."""
    for parse, kind in ((parse_when, datetime), (parse_date_range, tuple)):
        try:
            got = parse(text, now=SUNDAY)
        except DateNotUnderstood as why:
            assert str(why).strip(), f"{parse.__name__}({text!r}) said nothing"
        else:
            assert isinstance(got, kind), f"{parse.__name__}({text!r}) gave {got!r}"
    try:
        minutes = parse_duration(text)
    except DurationNotUnderstood as why:
        assert str(why).strip(), f"parse_duration({text!r}) said nothing"
    else:
        assert isinstance(minutes, int) and minutes >= 0, f"parse_duration({text!r}) gave {minutes!r}"


def test_naughty_strings_raise_only_our_errors() -> None:
    for text in naughty_strings():
        read_or_say_why(text)


DATE_WORDS = [
    "at", "on", "the", "of", "in", "ago", "next", "this", "last", "a", "an", "two", "today", "tomorrow",
    "friday", "mar", "june", "weeks", "month", "hours", "minutes", "fortnight", "time", "noon",
    "2pm", "12:30", "2.30pm", "14.00", "0", "1", "12", "31", "99", "2026", "1/1", "3/4/2026",
    "29/2/2027", "2026-03-12", "3.4.2026", "12th", "1.5", "-", "/", ".", ":", "since", "until",
    "between", "and", "to", "from", "before", "after", "year", "week",
]  # fmt: skip
date_like = st.lists(st.sampled_from(DATE_WORDS), max_size=6).map(" ".join)


@given(text=st.one_of(st.text(max_size=40), date_like))
def test_parsers_raise_only_our_errors(text: str) -> None:
    read_or_say_why(text)


@given(moment=st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2150, 12, 31)))
def test_words_read_back_as_the_same_moment(moment: datetime) -> None:
    moment = moment.replace(second=0, microsecond=0)
    assert parse_when(when_in_words(moment), now=SUNDAY) == moment
    assert parse_date(f"{moment.day}/{moment.month}/{moment.year}", now=SUNDAY) == moment.date()
