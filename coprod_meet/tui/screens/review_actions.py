"""Actions across the archive: open, late (in words), done; by owner and group; close one."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from coprod_meet.domain.errors import UserError
from coprod_meet.services.lookup import ACTION_STATUS_CHOICES, group_names
from coprod_meet.services.review import Found, FoundAction, closing_event, search_actions
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.screens.review_decisions import (
    DATES_PROMPT,
    MAX_ROWS,
    ask_filter,
    cycle,
    dates_checked,
    fill_table,
    find_off_the_loop,
    short,
)
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.save_status import SaveStatus

STATUS_WORDS = {
    None: "every action",
    "open": "open actions",
    "overdue": "late actions",
    "done": "done actions",
    "dropped": "dropped actions",
}


class ReviewActionsScreen(HelpfulScreen):
    TITLE_WORDS = "Actions"
    HELP = """
This list shows the actions agreed at every meeting, as they stand now, newest meeting first.
It says who will do what, and whether it is due, late ("2 weeks late"), done or dropped.
Press F to move between open, late, done, dropped and every action.
Press O to show one person's actions (type the start of their name) and G to choose a group.
Press / to look for words in an action or its owner.
Press P to choose dates in words, such as "since April" or "between March and June".
The line at the top says the days they were read as.
Press D to mark the chosen action done, or X to drop it.
You are asked for a reason, which is needed when an action is dropped. This is saved in the log of the meeting that agreed it.
Press C to clear every filter. Press Escape to go back.
"""
    BINDINGS = [
        Binding("f", "status", "Which", id="review_actions.status"),
        Binding("o", "owner", "Owner", id="review_actions.owner"),
        Binding("g", "group", "Group", id="review_actions.group"),
        Binding("p", "dates", "Dates", id="review_actions.dates"),
        Binding("slash", "words", "Words", id="review_actions.words", show=False),
        Binding("d", "done", "Mark done", id="review_actions.done"),
        Binding("x", "drop", "Drop", id="review_actions.drop"),
        Binding("c", "clear", "Clear filters", id="review_actions.clear", show=False),
        Binding("escape", "back", "Back", id="review_actions.back", show=False),
    ]

    def __init__(self, *, now: datetime | None = None) -> None:
        super().__init__()
        self.now = now
        self.status: str | None = "open"
        self.owner = ""
        self.words = ""
        self.period = ""
        self.group: str | None = None
        self.found: list[FoundAction] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="review-filters", markup=False)
        table: DataTable = DataTable(id="actions-table", cursor_type="row")
        table.add_columns("When", "Who", "Action", "Group")
        yield table
        # The chosen action in full, wrapped, so nothing is cut off on a narrow screen.
        yield Static("", id="action-chosen", markup=False)
        yield SaveStatus(id="save-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Actions"
        self.load()

    @property
    def today(self):
        return (self.now or datetime.now()).date()

    def load(self, keep: str = "") -> None:
        service = self.app.service
        words, status, owner, group, period = self.words, self.status, self.owner, self.group, self.period or None

        def find() -> tuple[list[FoundAction], str]:
            found = search_actions(service, words, status=status, owner=owner, group=group, period=period,
                                   now=self.now)
            return found, keep

        find_off_the_loop(self, find, self._show_found)

    def _show_found(self, answer: tuple[list[FoundAction], str]) -> None:
        self.found, keep = answer
        table = self.query_one(DataTable)
        table.clear()
        fill_table(table, [
            (
                Text(short(a.due_in_words(self.today), 18)),
                Text(short(a.action.owner or "someone", 16)),
                Text(short(a.action.text, 30)),
                Text(short(a.group_name, 12)),
                a.action.id,
            )
            for a in self.found[:MAX_ROWS]
        ])
        if keep:
            try:
                table.move_cursor(row=table.get_row_index(keep))
            except Exception:  # the row left the list (e.g. now done): stay near the top
                pass
        count = len(self.found)
        self.query_one("#review-filters", Static).update(
            f"{count} {'action' if count == 1 else 'actions'}: {self.filters_in_words()}. F: open, late, done, dropped."
        )
        table.focus()

    def filters_in_words(self) -> str:
        """Which actions are listed and what filters them, dates as they were read."""
        found_by = self.found.lookup if isinstance(self.found, Found) else None
        rest = found_by.in_words(status=False) if found_by is not None else "no filters"
        kind = STATUS_WORDS[self.status]
        return kind if rest == "no filters" else f"{kind}; {rest}"

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = str(event.row_key.value) if event.row_key is not None else ""
        found = next((a for a in self.found if a.action.id == key), None)
        text = f"Chosen: {found.action.sentence(self.today)}" if found else ""
        self.query_one("#action-chosen", Static).update(text)

    def chosen(self) -> FoundAction | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            self.app.notify("There is no action in the list to choose.", severity="warning", markup=False)
            return None
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        return next((a for a in self.found if a.action.id == key), None)

    # -- filters ------------------------------------------------------------------------------

    def action_status(self) -> None:
        self.status = cycle(self.status, ACTION_STATUS_CHOICES)
        self.load()

    def action_group(self) -> None:
        def chosen(names: list[str]) -> None:  # read off the event loop (the groups file, the catalogue)
            self.group = cycle(self.group, names)
            self.load()

        service = self.app.service
        find_off_the_loop(self, lambda: group_names(service), chosen)

    def action_owner(self) -> None:
        ask_filter(self, "Whose actions?", "Type the start of a name (empty for everyone), then Enter.", self.owner,
                   lambda v: setattr(self, "owner", v))

    def action_words(self) -> None:
        ask_filter(self, "Look for words", "Type words to find in actions or their owners (all must be there), "
                   "then Enter.", self.words, lambda v: setattr(self, "words", v))

    def action_dates(self) -> None:
        ask_filter(self, "Choose dates", "The dates of the meetings that agreed them. " + DATES_PROMPT, self.period,
                   lambda v: setattr(self, "period", dates_checked(self, v)))

    def action_clear(self) -> None:
        self.status, self.owner, self.group = None, "", None
        self.words = self.period = ""
        self.load()

    # -- closing an action ----------------------------------------------------------------------

    def action_done(self) -> None:
        self._close("done", "Mark the action done", "Say what was done, if you like, then press Enter.")

    def action_drop(self) -> None:
        self._close("dropped", "Drop the action", "Say why it is dropped, then press Enter.")

    def _close(self, status: str, title: str, prompt: str) -> None:
        from coprod_meet.tui.screens.dialog import ask

        target = self.chosen()
        if target is None:
            return

        def answered(reason: str | None) -> None:
            if reason is None:
                return
            service = self.app.service
            try:
                meeting_id, event = closing_event(service, target.action.id, status, reason, now=None)
            except UserError as error:
                self.app.notify(str(error), severity="warning", markup=False)
                return
            save = self.query_one(SaveStatus)
            save.saving()
            self.app.save(
                lambda: service.append_event(meeting_id, event),
                on_saved=lambda _e: (save.saved(), self.load(keep=target.action.id)),
                on_failed=save.failed,
            )

        ask(title, f"{short(target.action.text, 60)}\n{prompt}", answered)

    def action_back(self) -> None:
        self.app.pop_screen()
