"""The first screen: every meeting in the archive, newest first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from coprod_meet.domain.dates import when_in_words
from coprod_meet.services.archive import MeetingSummary
from coprod_meet.tui.screens.base import HelpfulScreen


def title_in_list(m: MeetingSummary) -> str:
    """The title without the group's name in front ("Board: March 2026" -> "March 2026").

    The group has its own column; at 80 columns the repeat would push the title off the screen.
    """
    prefix = f"{m.group_name}: "
    rest = m.title[len(prefix):].strip() if m.group_name and m.title.startswith(prefix) else ""
    return rest or m.title


class MeetingsScreen(HelpfulScreen):
    TITLE_WORDS = "Meetings"
    HELP = """
This list shows every meeting in the archive, newest first: when it is, the group, and its title.
Use the up and down arrow keys to choose a meeting, then press Enter to open it.
Press / to search the list by any word. Press F1 on any screen for help like this.
"""
    BINDINGS = [
        Binding("enter", "open_meeting", "Open", id="meetings.open"),
        Binding("slash", "search", "Search", id="meetings.search"),
        Binding("r", "reload", "Reload", id="meetings.reload"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="meetings-summary", markup=False)
        table: DataTable = DataTable(id="meetings-table", cursor_type="row", zebra_stripes=False)
        table.add_columns("When", "Group", "Title")
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Meetings"
        self.load()

    def load(self, words: str = "") -> None:
        rows: list[MeetingSummary] = self.app.service.list_meetings()
        if words:
            lowered = words.lower()
            rows = [m for m in rows if lowered in f"{m.title} {m.group_name}".lower()]
        table = self.query_one(DataTable)
        table.clear()
        for m in rows:
            table.add_row(Text(when_in_words(m.start)), Text(m.group_name), Text(title_in_list(m)), key=m.id)
        summary = self.query_one("#meetings-summary", Static)
        if not rows and not words:
            summary.update("There are no meetings yet. Quit with Ctrl+Q and type: coprod-meet demo")
        elif words:
            summary.update(f"{len(rows)} meetings match {words!r}. Press / to search again, R to show all.")
        else:
            summary.update(f"{len(rows)} meetings, newest first. Press Enter to open one.")
        table.focus()

    def action_reload(self) -> None:
        self.load()

    def action_search(self) -> None:
        from coprod_meet.tui.screens.ask import AskScreen

        def done(words: str | None) -> None:
            if words is not None:
                self.load(words.strip())

        self.app.push_screen(AskScreen("Search meetings", "Type words to look for, then press Enter."), done)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open(str(event.row_key.value))

    def action_open_meeting(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.open(str(key.value))

    def open(self, meeting_id: str) -> None:
        self.app.open_meeting(meeting_id)
