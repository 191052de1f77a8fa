"""Review decisions across the archive: search by words, group, dates in words, method, review."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from coprod_meet.domain.errors import UserError
from coprod_meet.services.decision_list import DecisionLine, Lines, list_decisions
from coprod_meet.services.lookup import REVIEW_CHOICES, STATE_CHOICES, group_names, period_of
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.footer import Footer

MAX_ROWS = 200  # the actions list shows the soonest due; words or dates narrow it
NEAR_END = 10  # rows from the end of those shown at which the next page is added


def short(text: str, width: int) -> str:
    """One line of at most ``width`` characters, with "…" when cut."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


FIRST_PAGE = 30  # rows added at once; the rest just after the screen is drawn


def fill_table(table: DataTable, rows: list[tuple]) -> None:
    """Add rows (cells..., key): a screenful now, the rest after the next refresh, so a long
    list opens as quickly as a short one."""

    def add(chunk: list[tuple]) -> None:
        for *cells, key in chunk:
            table.add_row(*cells, key=key)

    add(rows[:FIRST_PAGE])
    if len(rows) > FIRST_PAGE:
        table.call_after_refresh(add, rows[FIRST_PAGE:])


def review_short(found: DecisionLine, today) -> str:
    """ "in 6 months", "2 weeks late", "no date", "replaced": fits a narrow column."""
    words = found.review_in_words(today)
    if not found.current:
        return "replaced"
    if found.review_date is None:
        return "no date"
    return words.replace("review ", "").replace("due ", "")


def find_off_the_loop(screen, find: Callable[[], Any], show: Callable[[Any], None]) -> None:
    """Run ``find`` (which reads the disk) in a thread, so a key press never waits for the disk,
    then ``show`` what it found on the event loop; a plain ``UserError`` becomes a notice. A newer
    look-up makes the older one's answer go unshown."""
    from textual.worker import get_current_worker

    app = screen.app

    def job() -> None:
        try:
            found = find()
        except UserError as error:
            app.call_from_thread(app.notify, str(error), severity="warning", markup=False)
            return
        if not get_current_worker().is_cancelled:
            app.call_from_thread(show, found)

    screen.run_worker(job, thread=True, exclusive=True, group="review-find")


def ask_filter(screen, title: str, prompt: str, value: str, apply: Callable[[str], None]) -> None:
    """Ask for one filter in words, then list again. ``apply`` takes the answer; words it cannot
    use (it raises a plain ``UserError``) are said as a notice and the list stays as it was."""
    from coprod_meet.tui.screens.dialog import ask

    def done(answer: str | None) -> None:
        if answer is None:
            return
        try:
            apply(answer.strip())
        except UserError as error:
            screen.app.notify(str(error), severity="warning", markup=False)
            return
        screen.load()

    ask(title, prompt, done, value)


def dates_checked(screen, value: str) -> str:
    """Dates in words, once they are known to be readable (else a plain ``UserError``)."""
    period_of(value, now=screen.now)
    return value


DATES_PROMPT = ('Type dates in words, such as "since April", "last year" or "between March and June". '
                "Leave it empty for any date.")


def cycle(value: str | None, choices: list[str] | tuple[str, ...]) -> str | None:
    """The next choice after ``value``; after the last one, None (meaning "any")."""
    options: list[str | None] = [None, *choices]
    index = options.index(value) if value in options else 0
    return options[(index + 1) % len(options)]


class ReviewDecisionsScreen(HelpfulScreen):
    TITLE_WORDS = "Review decisions"
    HELP = """
This list shows decisions from every meeting in the archive, newest first, with when each one
should be looked at again.
Press / to look for words in a decision, its agenda item or the disagreement.
Press D to choose dates in words, such as "since April", "last year" or
"between March and June". The line at the top says the days they were read as.
Press G to choose a group, M for how it was decided, R for reviews due or late, and S for
current or replaced decisions. Each press moves to the next choice; after the last comes "any".
Press C to clear every filter. Press Enter to open a decision and see its meeting, who was
there, any disagreement, its history, its actions and what members raised.
Press Escape to go back.
"""
    BINDINGS = [
        Binding("enter", "open_decision", "Open", id="review_decisions.open"),
        Binding("slash", "words", "Words", id="review_decisions.words"),
        Binding("d", "dates", "Dates", id="review_decisions.dates"),
        Binding("g", "group", "Group", id="review_decisions.group"),
        Binding("m", "method", "Method", id="review_decisions.method"),
        Binding("r", "review", "Review", id="review_decisions.review"),
        Binding("s", "state", "State", id="review_decisions.state"),
        Binding("c", "clear", "Clear filters", id="review_decisions.clear", show=False),
        Binding("escape", "back", "Back", id="review_decisions.back", show=False),
    ]

    def __init__(self, *, now: datetime | None = None) -> None:
        super().__init__()
        self.now = now
        self.words = ""
        self.period = ""
        self.group: str | None = None
        self.method: str | None = None
        self.review: str | None = None
        self.state: str | None = None
        self.found: Sequence[DecisionLine] = ()
        self._shown = 0  # rows in the table: a page at first, more as the person moves down
        self._chosen = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="review-filters", markup=False)
        table: DataTable = DataTable(id="decisions-table", cursor_type="row")
        # Labels as Text: a plain string is read as markup, which loads Rich's emoji table.
        table.add_columns(*(Text(label) for label in ("Meeting", "Group", "Decision", "Review")))
        yield table
        # The chosen decision in full, wrapped, so nothing is cut off on a narrow screen.
        yield Static("", id="decision-chosen", markup=False)
        yield Footer(compact=True)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_chosen(event.cursor_row)
        if event.cursor_row >= self._shown - NEAR_END:
            self._show_more()

    def _show_chosen(self, row: int) -> None:
        """Say the chosen decision in full under the list (only when it changes, so the list
        keeps its place and is not drawn again)."""
        found = self.found[row] if 0 <= row < len(self.found) else None
        text = f"Chosen: {found.text} Decided on {found.when_in_words()}; Enter shows it all." if found else ""
        if text != self._chosen:
            self._chosen = text
            self.query_one("#decision-chosen", Static).update(text)

    def on_mount(self) -> None:
        self.sub_title = "Review decisions"
        table = self.query_one(DataTable)
        # Scrolling down (by mouse too) brings the next rows before the end shows.
        self.watch(table, "scroll_y", self._scrolled, init=False)
        self.load()

    def _scrolled(self, _old: float, new: float) -> None:
        table = self.query_one(DataTable)
        if new + table.scrollable_content_region.height >= self._shown - NEAR_END:
            self._show_more()

    @property
    def _page(self) -> int:
        """Rows added at a time: a screenful, whatever the size of the terminal."""
        return max(20, self.app.size.height)

    def _show_more(self) -> None:
        """Add the next page of rows (made into lines only now) to the table."""
        if self._shown >= len(self.found):
            return
        table = self.query_one(DataTable)
        today = self.today
        for f in self.found[self._shown:self._shown + self._page]:
            table.add_row(
                Text(f.meeting_start.strftime("%d %b %Y") if f.meeting_start else "?"),
                Text(short(f.group_name, 14)),
                Text(short(("(check) " if f.conflict else "") + f.text, 30)),
                Text(review_short(f, today)),
                key=f.id,
            )
        self._shown = min(len(self.found), self._shown + self._page)

    @property
    def today(self):
        return (self.now or datetime.now()).date()

    def filters_in_words(self) -> str:
        """What the list is filtered by, dates as they were read (the same words everywhere)."""
        return self.found.lookup.in_words() if isinstance(self.found, Lines) else "no filters"

    def load(self) -> None:
        service = self.app.service
        words, period, group, method, review, state = (self.words, self.period or None, self.group, self.method,
                                                       self.review, self.state)

        def find() -> Lines:
            found = list_decisions(service, words, period=period, group=group, method=method, review=review,
                                   state=state, now=self.now)
            return found

        find_off_the_loop(self, find, self._show_found)

    def _show_found(self, answer: Lines) -> None:
        self.found = answer
        table = self.query_one(DataTable)
        table.clear()
        self._shown = 0
        self._show_more()
        count = len(self.found)
        noun = "decision" if count == 1 else "decisions"
        self.query_one("#review-filters", Static).update(
            f"{count} {noun}. Filters: {self.filters_in_words()}. Enter opens one; C clears filters."
        )
        # Said now rather than when the table reports its first row, so the screen is laid out
        # once, with the chosen decision under the list, before it is first drawn.
        self._show_chosen(table.cursor_row)
        table.focus()

    # -- filters ------------------------------------------------------------------------------

    def action_words(self) -> None:
        ask_filter(self, "Look for words", "Type words to find in decisions (all must be there), then Enter.",
                   self.words, lambda v: setattr(self, "words", v))

    def action_dates(self) -> None:
        ask_filter(self, "Choose dates", DATES_PROMPT, self.period,
                   lambda v: setattr(self, "period", dates_checked(self, v)))

    def action_group(self) -> None:
        def chosen(names: list[str]) -> None:  # read off the event loop (the groups file, the catalogue)
            self.group = cycle(self.group, names)
            self.load()

        service = self.app.service
        find_off_the_loop(self, lambda: group_names(service), chosen)

    def action_method(self) -> None:
        from coprod_meet.domain.records import Method

        self.method = cycle(self.method, [m.value for m in Method])
        self.load()

    def action_review(self) -> None:
        self.review = cycle(self.review, REVIEW_CHOICES)
        self.load()

    def action_state(self) -> None:
        self.state = cycle(self.state, STATE_CHOICES)
        self.load()

    def action_clear(self) -> None:
        self.words = self.period = ""
        self.group = self.method = self.review = self.state = None
        self.load()

    # -- opening ------------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open(str(event.row_key.value))

    def action_open_decision(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            self.open(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    def open(self, decision_id: str) -> None:
        from coprod_meet.tui.screens.decision_view import DecisionViewScreen

        self.app.push_screen(DecisionViewScreen(decision_id, now=self.now))

    def action_back(self) -> None:
        self.app.pop_screen()
