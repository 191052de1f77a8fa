"""One group: its members (add, change, archive) and how the group likes to work."""

from __future__ import annotations


from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from coprod_meet.domain.model import Group, GroupSettings, Member, join_words
from coprod_meet.domain.planning import access_lines, break_words
from coprod_meet.domain.state import voice_key_in_words
from coprod_meet.services.planning import Planner
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.save_status import SaveStatus


def settings_in_words(settings: GroupSettings) -> str:
    """ "Papers 7 days before. A break every hour. Turns up to 3 minutes. Fair order on." """
    papers = f"Papers go out {settings.papers_days} days before." if settings.papers_days else "No papers rule."
    breaks = (f"{break_words(settings.break_every_minutes).capitalize()}."
              if settings.break_every_minutes else "No break reminders.")
    turn = settings.turn_limit_seconds
    turns = f"Turns up to {turn // 60} minutes." if turn and turn % 60 == 0 else (
        f"Turns up to {turn} seconds." if turn else "No turn limit.")
    fair = "People who have not spoken yet go first." if settings.fair_order else "Speakers go in the order they ask."
    targets = [f"{voice_key_in_words(k)} at least {v}% of the say" for k, v in settings.voice_targets]
    aim = f" Aim: {join_words(targets)}." if targets else ""
    return f"{papers} {breaks} {turns} {fair}{aim}"


class GroupScreen(HelpfulScreen):
    TITLE_WORDS = "Group members"
    HELP = """
This screen shows one group's members: what they are called and whose voice they bring.
It also shows how they may be named in public minutes, and what they need to take part.
Press A to add a member, and Enter or E to change the chosen one. Press X to archive a member who
has left: they stay in the minutes of old meetings but are not asked to new ones. Press X
again to bring them back. Nobody is ever deleted.
Press S to change how the group works (papers, breaks, turn limit, fair order, share of say).
Press R to rename the group. Press P for payments to members (private, never in the minutes).
Press Escape to go back.
"""
    BINDINGS = [
        Binding("a", "add_member", "Add member", id="group.add"),
        Binding("e", "edit_member", "Change", id="group.edit"),
        Binding("x", "archive_member", "Archive/return", id="group.archive"),
        Binding("s", "settings", "How we work", id="group.settings"),
        Binding("r", "rename", "Rename", id="group.rename"),
        Binding("p", "payments", "Payments", id="group.payments"),
        Binding("escape", "back", "Back", id="group.back"),
    ]

    def __init__(self, group_id: str) -> None:
        super().__init__()
        self.group_id = group_id

    @property
    def group(self) -> Group:
        return self.app.service.group(self.group_id)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="group-name", markup=False)
        yield Static("", id="group-settings", markup=False)
        table: DataTable = DataTable(id="members-table", cursor_type="row")
        table.add_columns("Name", "Voice", "In public minutes", "Needs", "Status")
        yield table
        yield Static("", id="group-access", markup=False)
        yield SaveStatus(id="save-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Group members"
        self.load()

    def load(self, select: str = "") -> None:
        group = self.group
        members = sorted(group.members, key=lambda m: (m.archived, m.name.lower()))
        self.query_one("#group-name", Static).update(
            f"{group.name}: {len(group.current_members)} members"
            + (f", {len(group.members) - len(group.current_members)} archived" if len(group.members) > len(group.current_members) else "")
        )
        self.query_one("#group-settings", Static).update(settings_in_words(group.settings))
        table = self.query_one(DataTable)
        table.clear()
        for m in members:
            needs = join_words([n.words for n in m.access_needs] + ([m.access_notes] if m.access_notes else []))
            table.add_row(Text(m.name), Text(m.voice_group.words), Text(m.naming.words), Text(needs or "nothing"),
                          Text("archived" if m.archived else "member"), key=m.id)
        if select:
            table.move_cursor(row=table.get_row_index(select))
        lines = access_lines(group.members, group.settings.break_every_minutes)
        access = self.query_one("#group-access", Static)
        if not group.members:
            access.update("No members yet. Press A to add the first one.")
        else:
            access.update("Access needs: " + (" ".join(lines) if lines else "nobody has told us of a need yet."))
        table.focus()

    def _chosen(self) -> Member | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.group.member(str(key))

    def _save(self, write, select: str = "") -> None:
        status = self.query_one(SaveStatus)
        status.saving()
        self.app.save(write, on_saved=lambda _g: (status.saved(), self.load(select)), on_failed=status.failed)

    def _edit(self, member: Member | None) -> None:
        from coprod_meet.tui.screens.member_form import MemberFormScreen

        def done(changed: Member | None) -> None:
            if changed is not None:
                self._save(lambda: Planner(self.app.service).save_member(self.group_id, changed), changed.id)

        self.app.push_screen(MemberFormScreen(member, self.group.name), done)

    def action_add_member(self) -> None:
        self._edit(None)

    def action_edit_member(self) -> None:
        if (member := self._chosen()) is not None:
            self._edit(member)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_member()

    def action_archive_member(self) -> None:
        member = self._chosen()
        if member is None:
            return
        back = member.archived
        self._save(lambda: Planner(self.app.service).archive_member(self.group_id, member.id, archived=not back),
                   member.id)
        self.app.notify(
            f"{member.name} is back in the group." if back
            else f"{member.name} is archived: kept in old meetings, left off new ones. Press X to bring them back.",
            markup=False,
        )

    def action_settings(self) -> None:
        from coprod_meet.tui.screens.group_settings import GroupSettingsScreen

        def done(settings: GroupSettings | None) -> None:
            if settings is not None:
                self._save(lambda: Planner(self.app.service).save_settings(self.group_id, settings))

        self.app.push_screen(GroupSettingsScreen(self.group.name, self.group.settings), done)

    def action_payments(self) -> None:
        from coprod_meet.tui.screens.payments import PaymentsScreen

        self.app.push_screen(PaymentsScreen(self.group_id))

    def action_rename(self) -> None:
        from coprod_meet.tui.screens.dialog import ask

        def done(name: str | None) -> None:
            if name and name.strip():
                self._save(lambda: Planner(self.app.service).rename_group(self.group_id, name))

        ask("Rename the group", "Type the group's new name, then press Enter.", done, self.group.name)

    def action_back(self) -> None:
        self.app.pop_screen()
