"""Participation trends for a group: pictures (text bars and sparklines) with words and numbers."""

from __future__ import annotations

from datetime import datetime

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Sparkline, Static

from coprod_meet.domain.errors import UserError
from coprod_meet.services.decision_list import group_names
from coprod_meet.services.trends import GroupTrends, group_trends, percent
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.services.lookup import period_of
from coprod_meet.tui.screens.review_decisions import DATES_PROMPT, ask_filter, cycle, dates_checked
from coprod_meet.tui.widgets.footer import Footer


class TrendsScreen(HelpfulScreen):
    TITLE_WORDS = "Participation trends"
    HELP = """
This screen shows how one group's meetings went, oldest first.
It starts with a summary: the share of the say over these meetings, against the meetings before,
and how heard each voice group felt.
It shows how much of the speaking time people with lived experience and carers had, against the group's aim.
It shows who had the say: L lived experience, C carers, P professionals, O others.
It shows how many came, and how heard people felt at the end of each meeting.
Then it shows how heard each voice group felt over these meetings.
Every bar has its number beside it.
At the end it names members who have not spoken in their last few meetings.
The co-chairs can invite them to speak first next time.
Press G for the next group. Press M to show only the last few meetings (the summary then compares
them with as many meetings before). Press N to change how many meetings to look back for quiet members.
Press D to choose dates in words, such as "since April" or "between March and June".
Press Escape to go back.
"""
    BINDINGS = [
        Binding("g", "group", "Next group", id="trends.group"),
        Binding("m", "meetings", "Meetings", id="trends.meetings"),
        Binding("n", "last_n", "Look back", id="trends.last_n"),
        Binding("d", "dates", "Dates", id="trends.dates"),
        Binding("escape", "back", "Back", id="trends.back"),
    ]

    def __init__(self, group: str | None = None, *, now: datetime | None = None) -> None:
        super().__init__()
        self.group = group
        self.now = now
        self.last_n = 3
        self.meetings: int | None = None  # only the last this many meetings; None for all
        self.period = ""  # dates in words, as typed ("" for every meeting)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="trends-title", markup=False)
        yield Static("", id="trends-summary", markup=False)
        yield Static("", id="trends-spark-label", markup=False)
        yield Sparkline([], id="trends-spark")
        with VerticalScroll(id="trends-body", can_focus=True):
            yield Static("", id="trends-text", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Participation trends"
        if self.group is None:
            names = group_names(self.app.service)
            self.group = names[0] if names else None
        self.query_one("#trends-body").focus()
        self.load()

    def load(self) -> None:
        if self.group is None:
            self.query_one("#trends-title", Static).update("There are no groups yet, so there is nothing to show.")
            return
        self.query_one("#trends-title", Static).update(f"Working out the figures for {self.group}…")
        self.compute(self.group, self.last_n, self.meetings, self.period)

    @work(thread=True, exclusive=True, group="trends")
    def compute(self, group: str, last_n: int, meetings: int | None = None, period: str = "") -> None:
        try:
            trends = group_trends(self.app.service, group, last_n=last_n, meetings=meetings,
                                  period=period or None, now=self.now)
        except UserError as error:
            self.app.call_from_thread(self.app.notify, str(error), severity="warning", markup=False)
            return
        self.app.call_from_thread(self.show, trends)

    def show(self, trends: GroupTrends) -> None:
        dates = f" Dates: {period_of(self.period, now=self.now).in_words()}." if self.period else ""
        self.query_one("#trends-title", Static).update(
            f"{trends.group_name}.{dates} G: next group. M: meetings shown "
            f"({'all' if self.meetings is None else f'the last {self.meetings}'}). N: look back "
            f"(now {trends.last_n} meetings)."
        )
        self.query_one("#trends-summary", Static).update(trends.summary())
        shares = [m.target_share for m in trends.meetings if m.target_key]
        label = self.query_one("#trends-spark-label", Static)
        spark = self.query_one(Sparkline)
        if shares:
            label.update(
                f"Aim share over time, oldest to newest: lowest {percent(min(shares))}, "
                f"highest {percent(max(shares))}, latest {percent(shares[-1])}."
            )
            spark.data = shares
            spark.display = True
        else:
            label.update("No speaking time recorded yet.")
            spark.display = False
        self.query_one("#trends-text", Static).update("\n".join(trends.lines(width=16, summary=False)))

    def action_group(self) -> None:
        names = group_names(self.app.service)
        if names:
            self.group = cycle(self.group, names) or names[0]
            self.load()

    def action_meetings(self) -> None:
        from coprod_meet.tui.screens.dialog import ask

        def done(answer: str | None) -> None:
            if answer is None:
                return
            answer = answer.strip()
            if not answer or answer.casefold() == "all":
                self.meetings = None
            elif answer.isdigit() and 1 <= int(answer) <= 1000:
                self.meetings = int(answer)
            else:
                self.app.notify("Please type a whole number from 1 to 1000, or leave it empty for all meetings.",
                                severity="warning", markup=False)
                return
            self.load()

        ask("Show how many meetings?", "Type how many of the last meetings to show, such as 6, or leave it "
            "empty for all of them. Then press Enter.", done, "" if self.meetings is None else str(self.meetings))

    def action_last_n(self) -> None:
        from coprod_meet.tui.screens.dialog import ask

        def done(answer: str | None) -> None:
            if answer is None or not answer.strip():
                return
            if not answer.strip().isdigit() or not 1 <= int(answer) <= 50:
                self.app.notify("Please type a whole number from 1 to 50.", severity="warning", markup=False)
                return
            self.last_n = int(answer)
            self.load()

        ask("Look back how many meetings?", "Members who have not spoken in their last this many meetings are "
            "named. Type a number, then Enter.", done, str(self.last_n))

    def action_dates(self) -> None:
        ask_filter(self, "Choose dates", DATES_PROMPT, self.period,
                   lambda v: setattr(self, "period", dates_checked(self, v)))

    def action_back(self) -> None:
        self.app.pop_screen()
