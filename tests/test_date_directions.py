"""Dates in the right direction (issue 15 point 1): planning looks forward, review looks back."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from coprod_meet.domain.dates import ago_in_words, has_time_of_day, parse_date_range, parse_when
from coprod_meet.domain.errors import DateNotUnderstood

# Thursday 3 December 2026, 9am
NOW = datetime(2026, 12, 3, 9, 0)


@pytest.mark.parametrize(
    ("text", "future", "past"),
    [
        ("5 January 10am", datetime(2027, 1, 5, 10), datetime(2026, 1, 5, 10)),
        ("Friday", datetime(2026, 12, 4), datetime(2026, 11, 27)),
        ("Thursday", datetime(2026, 12, 10), datetime(2026, 11, 26)),
        ("the 2nd", datetime(2027, 1, 2), datetime(2026, 12, 2)),
        ("the 3rd", datetime(2026, 12, 3), datetime(2026, 12, 3)),
        ("3 December 8am", datetime(2026, 12, 3, 8), datetime(2026, 12, 3, 8)),
        ("29 February", datetime(2028, 2, 29), datetime(2024, 2, 29)),
        ("end of February", datetime(2027, 2, 28), datetime(2026, 2, 28)),
        ("5 January 2026", datetime(2026, 1, 5), datetime(2026, 1, 5)),
    ],
)
def test_a_date_without_a_year_points_the_right_way(text: str, future: datetime, past: datetime) -> None:
    assert parse_when(text, now=NOW, prefer="future") == future
    assert parse_when(text, now=NOW, prefer="past") == past


def test_the_default_is_unchanged_this_year() -> None:
    assert parse_when("5 January 10am", now=NOW) == datetime(2026, 1, 5, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday week", date(2026, 12, 17)),
        ("Friday week 2pm", date(2026, 12, 11)),
        ("a week on Friday", date(2026, 12, 11)),
        ("end of the month", date(2026, 12, 31)),
        ("end of this month", date(2026, 12, 31)),
        ("the end of next month", date(2027, 1, 31)),
        ("end of March 2027", date(2027, 3, 31)),
    ],
)
def test_uk_phrases(text: str, expected: date) -> None:
    assert parse_when(text, now=NOW, prefer="future").date() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday 2pm", True), ("in 2 hours", True), ("noon", True), ("now", True), ("14:00 5/1/2027", True),
        ("Friday", False), ("5 January", False), ("in 2 weeks", False), ("Thursday week", False),
    ],
)
def test_has_time_of_day(text: str, expected: bool) -> None:
    assert has_time_of_day(text) is expected


def test_ago_in_words() -> None:
    assert ago_in_words(datetime(2026, 1, 5, 10), NOW) == "11 months ago"
    assert ago_in_words(datetime(2026, 12, 3, 7), NOW) == "2 hours ago"
    assert ago_in_words(datetime(2026, 11, 30, 9), NOW) == "3 days ago"
    assert ago_in_words(datetime(2026, 12, 4), NOW) == "not yet"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between March and June", (date(2026, 3, 1), date(2026, 6, 30))),
        ("between march and jun", (date(2026, 3, 1), date(2026, 6, 30))),
        ("since Friday", (date(2026, 11, 27), None)),
        ("since 5 January", (date(2026, 1, 5), None)),
        ("until the end of the month", (None, date(2026, 12, 31))),
        ("between 10 December and 5 January", (date(2025, 12, 10), date(2026, 1, 5))),
        ("between 1/1/2026 and today", (date(2026, 1, 1), date(2026, 12, 3))),
    ],
)
def test_review_periods_look_back(text: str, expected: tuple) -> None:
    assert parse_date_range(text, now=NOW) == expected


def test_between_months_early_in_the_year_is_last_year() -> None:
    assert parse_date_range("between March and June", now=datetime(2026, 2, 1)) == (date(2025, 3, 1), date(2025, 6, 30))


def test_an_unreadable_period_gets_an_example_that_works() -> None:
    with pytest.raises(DateNotUnderstood) as caught:
        parse_date_range("between spring and summer", now=NOW)
    message = str(caught.value)
    assert "between March and June" in message
    # the example given really does work
    assert parse_date_range("between March and June", now=NOW)[0] is not None


def test_a_period_says_what_it_resolved_to() -> None:
    from coprod_meet.domain.dates import range_in_words

    assert range_in_words(*parse_date_range("since April", now=NOW)) == "since Wednesday 1 April 2026"
    assert range_in_words(*parse_date_range("between March and June", now=NOW)) == (
        "from Sunday 1 March 2026 to Tuesday 30 June 2026")
    assert range_in_words(*parse_date_range("until June", now=NOW)) == "until Tuesday 30 June 2026"
    assert range_in_words(*parse_date_range("last Friday", now=NOW)) == "on Friday 27 November 2026"
    assert range_in_words(None, None) == "at any date"
