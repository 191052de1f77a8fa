"""Planning in line mode (issue 15 point 1): forward dates, a time of day, a question for the past."""

from __future__ import annotations

import io
from datetime import datetime

from coprod_meet.plain.console import Console
from coprod_meet.plain.session import PlainSession
from tests.scenario import board_archive
from tests.test_plain import assert_plain

NOW = datetime(2026, 12, 3, 9)


def run_script(service, lines: list[str]) -> str:
    out = io.StringIO()
    console = Console.from_streams(io.StringIO("\n".join(lines) + "\n"), out)
    assert PlainSession(service, console, clock=lambda: NOW).run() == 0
    return out.getvalue()


def template_number(text: str, title: str) -> str:
    line = next(line for line in text.splitlines() if title in line and line[:1].isdigit())
    return line.split(".")[0]


def test_plan_in_line_mode_with_wrong_answers(service) -> None:
    board_archive(service)
    before = len(service.list_meetings())
    probe = run_script(service, ["plan", "1", "0", "quit"])
    board = template_number(probe, "Board meeting (board-co-chaired.toml)")
    text = run_script(service, [
        "plan", "1", board,
        "the day after never",  # cannot be read
        "Thursday week",  # no time of day
        "5/1/2026 10am", "no",  # in the past: not this one
        "5 January 10am",  # no year: the next 5 January
        "forever", "",  # a length that cannot be read, then the template's
        "every month", "99", "3",
        "yes", "quit",
    ])
    assert_plain(text)
    assert 'I could not understand "the day after never" as a date' in text
    assert "That is Thursday 17 December 2026." in text
    assert 'What time does it start? Please add a time, such as "Thursday week 2pm".' in text
    assert "That is Monday 5 January 2026 at 10am.\nThat is 11 months ago. Plan it anyway? Type yes or no:" in text
    assert "That is Tuesday 5 January 2027 at 10am." in text
    assert 'I could not understand "forever" as a length of time' in text
    assert "Please type a whole number from 1 to 52." in text
    assert "Then every month on the first Tuesday:" in text
    assert "- Tuesday 2 February 2027 at 10am" in text and "- Tuesday 6 April 2027 at 10am" in text
    assert "Warning: By the end of item" in text  # the board template has no break
    assert "Planned Board meeting on Tuesday 5 January 2027 at 10am." in text
    assert "Also planned 3 more." in text
    assert len(service.list_meetings()) == before + 4


def test_plan_a_meeting_in_the_past_when_the_answer_is_yes(service) -> None:
    board_archive(service)
    before = len(service.list_meetings())
    text = run_script(service, ["plan", "1", "1", "5/1/2026 10am", "yes", "", "", "yes", "quit"])
    assert "Planned " in text and "on Monday 5 January 2026 at 10am." in text
    assert len(service.list_meetings()) == before + 1


def test_saying_no_plans_nothing(service) -> None:
    board_archive(service)
    before = len(service.list_meetings())
    text = run_script(service, ["plan", "1", "1", "in 2 weeks 2pm", "", "", "no", "quit"])
    assert "Nothing was planned." in text
    assert len(service.list_meetings()) == before
