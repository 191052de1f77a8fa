"""Every group in the archive: open one to see and change its members."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from coprod_meet.services.planning import Planner
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.save_status import SaveStatus


class GroupsScreen(HelpfulScreen):
    TITLE_WORDS = "Groups"
    HELP = """
This list shows every group in the archive, with how many members and meetings it has.
Use the up and down arrow keys to choose a group, then press Enter (or M) to see its members.
Press A to add a new group. Press Escape to go back to the meetings.
"""
    BINDINGS = [
        Binding("m", "open_group", "Members", id="groups.open"),
        Binding("a", "add_group", "Add group", id="groups.add"),
        Binding("escape", "back", "Back", id="groups.back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="groups-summary", markup=False)
        table: DataTable = DataTable(id="groups-table", cursor_type="row")
        table.add_columns("Group", "Members", "Meetings")
        yield table
        yield SaveStatus(id="save-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Groups"
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def load(self, select: str = "") -> None:
        service = self.app.service
        groups = service.groups()
        meetings: dict[str, int] = {}
        for m in service.list_meetings():
            meetings[m.group_id] = meetings.get(m.group_id, 0) + 1
        table = self.query_one(DataTable)
        table.clear()
        for g in groups:
            count = len(g.current_members)
            table.add_row(Text(g.name), Text(f"{count} member" + ("" if count == 1 else "s")),
                          Text(str(meetings.get(g.id, 0))), key=g.id)
        if select:
            table.move_cursor(row=table.get_row_index(select))
        summary = self.query_one("#groups-summary", Static)
        if groups:
            summary.update(f"{len(groups)} group" + ("" if len(groups) == 1 else "s")
                           + ". Press Enter to see a group's members, A to add a group.")
        else:
            summary.update("There are no groups yet. Press A to add the first one.")
        table.focus()

    def _chosen(self) -> str:
        table = self.query_one(DataTable)
        if not table.row_count:
            return ""
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_open_group(self) -> None:
        if group_id := self._chosen():
            from coprod_meet.tui.screens.group import GroupScreen

            self.app.push_screen(GroupScreen(group_id))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_group()

    def action_add_group(self) -> None:
        from coprod_meet.tui.screens.dialog import ask

        def done(name: str | None) -> None:
            if not name or not name.strip():
                return
            status = self.query_one(SaveStatus)
            status.saving()
            self.app.save(
                lambda: Planner(self.app.service).add_group(name),
                on_saved=lambda group: (status.saved(), self.load(select=group.id)),
                on_failed=status.failed,
            )

        ask("Add a group", "Type the group's name, then press Enter.", done)

    def action_back(self) -> None:
        self.app.pop_screen()
