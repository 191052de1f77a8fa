"""The first screen: every meeting in the archive, newest first."""

from __future__ import annotations

from typing import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from coprod_meet.domain.dates import when_in_words
from coprod_meet.services.archive import MeetingSummary
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.footer import Footer


PAGE = 100  # rows added at a time: a big archive opens as fast as a small one
TITLE, GROUP = 20, 8  # column widths: a longer title or group name is cut with "…"


def shown_title(title: str) -> str:
    """The words of a title that the list shows (one longer than its column is cut, with "…")."""
    return title if len(title) <= TITLE else title[:TITLE - 1]


class MeetingsScreen(HelpfulScreen):
    TITLE_WORDS = "Meetings"
    HELP = """
This list shows the meetings in the archive, newest first: when, title, group, and status.
The status says whether a meeting is planned, running now, or ended.
Use the up and down arrow keys to choose a meeting, then press Enter to open it and read it.
Press M to run the chosen meeting: take attendance, start it, and keep the speaker queue.
Press / to search the list by any word, and R to show all meetings again.
Press P to plan a new meeting, E to change the agenda of the chosen meeting, and G to see the
groups and their members. Press F1 on any screen for help like this.
To look back over every meeting: press V to review decisions, A for actions (late, open, done)
and T for participation trends.
Press X to export the minutes of the chosen meeting.
Press I to import meetings from another laptop (an archive folder or a meeting file).
"""
    # The footer shows the keys that fit on one line at 80 columns, F1 among them; F1 and the
    # command palette (Ctrl+P) list every key.
    BINDINGS = [
        Binding("enter", "open_meeting", "Open", id="meetings.open"),
        Binding("m", "run_meeting", "Run meeting", id="meetings.run"),
        Binding("slash", "search", "Search", id="meetings.search"),
        Binding("r", "reload", "Show all", id="meetings.reload", show=False),
        Binding("p", "plan_meeting", "Plan", id="meetings.plan"),
        Binding("e", "edit_agenda", "Agenda", id="meetings.agenda", show=False),
        Binding("g", "groups", "Groups", id="meetings.groups", show=False),
        Binding("v", "review_decisions", "Decisions", id="meetings.review_decisions", show=False),
        Binding("a", "review_actions", "Actions", id="meetings.review_actions", show=False),
        Binding("t", "trends", "Trends", id="meetings.trends", show=False),
        Binding("x", "export", "Export minutes", id="meetings.export", show=False),
        Binding("i", "import_meetings", "Import meetings", id="meetings.import", show=False),
    ]
    _rows: Sequence[MeetingSummary] = ()
    _shown = 0
    _words = ""
    _statuses: dict[str, str] = {}
    _covered = False  # another screen has been over this one since the list was last made

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="meetings-summary", markup=False)
        table: DataTable = DataTable(id="meetings-table", cursor_type="row", zebra_stripes=False)
        # The title before the group, so a narrow screen shows it; a long title or group is cut
        # with "…" so the status (planned, running, ended) shows too (Enter opens the meeting with
        # its whole title).
        # Labels as Text: a plain string would be read as markup, which loads Rich's emoji table.
        table.add_column(Text("When"))
        table.add_column(Text("Title"), width=TITLE)
        table.add_column(Text("Group"), width=GROUP)
        table.add_column(Text("Status"))
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Meetings"
        # Filled now, before the first frame: the table is then drawn once, its columns as wide
        # as their words. (Filled when the screen is first shown, the first frame came with the
        # dates cut to "Frid", as the table only measures its rows once it is idle.)
        self.load()

    def load(self, words: str = "") -> None:
        self._words = words
        rows: Sequence[MeetingSummary] = self.app.service.newest_first(words)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self._rows = rows
        self._shown = 0
        self._statuses = self.app.service.meeting_statuses()
        self._show_more()
        while row >= self._shown and self._shown < len(rows):
            self._show_more()
        table.move_cursor(row=min(row, max(0, table.row_count - 1)))
        summary = self.query_one("#meetings-summary", Static)
        if not rows and not words:
            summary.update("There are no meetings yet. Quit with Ctrl+Q and type: coprod-meet demo")
        elif words:
            summary.update(f"{len(rows)} meetings match {words!r}. Press / to search again, R to show all.")
        else:
            summary.update(f"{len(rows)} meetings, newest first. Press Enter to open one, F1 for every key.")
        table.focus()

    def on_screen_suspend(self) -> None:
        self._covered = True

    def on_screen_resume(self) -> None:
        """Back from another screen: list the meetings as they are now (what was done there may
        have changed them)."""
        if self._covered:
            self._covered = False
            self.load(self._words)

    def _show_more(self) -> None:
        """Add the next page of rows to the table (more come as the cursor nears the end)."""
        table = self.query_one(DataTable)
        for m in self._rows[self._shown:self._shown + PAGE]:
            status = self._statuses.get(m.id, "planned")
            table.add_row(Text(when_in_words(m.start)), Text(m.title, overflow="ellipsis"),
                          Text(m.group_name, overflow="ellipsis"), Text(status), key=m.id)
        self._shown = min(len(self._rows), self._shown + PAGE)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self._shown - 10 and self._shown < len(self._rows):
            self._show_more()

    def action_reload(self) -> None:
        self.load()

    def action_plan_meeting(self) -> None:
        from coprod_meet.tui.screens.meeting_setup import MeetingSetupScreen

        self.app.push_screen(MeetingSetupScreen().drafting("meetings", "plan_meeting", what="the plan of a new meeting"))

    def action_edit_agenda(self) -> None:
        from coprod_meet.tui.screens.agenda_editor import AgendaEditorScreen

        meeting_id = self.chosen_id()
        if meeting_id is not None:
            self.app.push_screen(AgendaEditorScreen(meeting_id))

    def action_groups(self) -> None:
        from coprod_meet.tui.screens.groups import GroupsScreen

        self.app.push_screen(GroupsScreen())

    def action_search(self) -> None:
        from coprod_meet.tui.screens.dialog import ask

        def done(words: str | None) -> None:
            if words is not None:
                self.load(words.strip())

        ask("Search meetings", "Type words to look for, then press Enter.", done)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open(str(event.row_key.value))

    def chosen_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_open_meeting(self) -> None:
        meeting_id = self.chosen_id()
        if meeting_id is not None:
            self.open(meeting_id)

    def action_export(self) -> None:
        from coprod_meet.tui.screens.export import ExportScreen

        meeting_id = self.chosen_id()
        if meeting_id is not None:
            self.app.push_screen(ExportScreen(meeting_id))

    def action_run_meeting(self) -> None:
        meeting_id = self.chosen_id()
        if meeting_id is not None:
            self.app.run_meeting(meeting_id)

    def open(self, meeting_id: str) -> None:
        self.app.open_meeting(meeting_id)

    def action_review_decisions(self) -> None:
        from coprod_meet.tui.screens.review_decisions import ReviewDecisionsScreen

        self.app.push_screen(ReviewDecisionsScreen())

    def action_review_actions(self) -> None:
        from coprod_meet.tui.screens.review_actions import ReviewActionsScreen

        self.app.push_screen(ReviewActionsScreen())

    def action_import_meetings(self) -> None:
        from coprod_meet.tui.screens.import_meetings import start_import

        start_import(self, self.load)

    def action_trends(self) -> None:
        from coprod_meet.tui.screens.trends import TrendsScreen

        self.app.push_screen(TrendsScreen())
