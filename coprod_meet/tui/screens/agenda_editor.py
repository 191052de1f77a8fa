"""A meeting's agenda: add, change, reorder, nest and remove items, with the checks in words."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from coprod_meet.domain import planning as plan
from coprod_meet.domain.dates import minutes_in_words, when_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import AgendaItem, Meeting
from coprod_meet.domain.text import count
from coprod_meet.services.planning import Planner
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.save_status import SaveStatus


# Long titles are cut in the list so the time and the lead stay in view at 80 columns;
# the whole title is in the item's form.
TITLE_WIDTH = 34


def item_note(item: AgendaItem) -> str:
    """Short words for the last column: where it came from, how many papers."""
    notes = []
    if item.carried_from:
        notes.append("carried forward")
    if item.papers:
        notes.append(f"{len(item.papers)} paper" + ("" if len(item.papers) == 1 else "s"))
    return ", ".join(notes)


def checks_text(meeting: Meeting, others=()) -> str:
    """The checks, each on a line, warnings marked in words, then members' access needs.

    ``others`` are the archive's meetings, to warn when the group is booked twice."""
    lines = [("Warning: " if c.warning else "Fine: ") + c.text for c in plan.meeting_checks(meeting, others)]
    needs = plan.access_lines(meeting.roster, meeting.settings.break_every_minutes)
    lines.append("Access needs: " + (" ".join(needs) if needs else "nobody has told us of a need."))
    return "\n".join(lines)


class AgendaEditorScreen(HelpfulScreen):
    TITLE_WORDS = "Agenda"
    HELP = """
This is the meeting's agenda. Use the up and down arrow keys to choose an item.
A adds an item after the chosen one. Enter or E changes the chosen item.
Ctrl+Up and Ctrl+Down (or Shift+Up and Shift+Down) move it up and down, with its sub-items.
N puts it under the item above, as a sub-item. U takes it out again. Delete (or D) removes it,
after asking. C brings forward open actions and put-off items from earlier meetings.
M changes when and where the meeting is, and who co-chairs.
Under the agenda, the app says if the agenda is longer than the meeting or papers went out late.
It also says what members need to take part. Every change is saved at once.
"""
    BINDINGS = [
        Binding("a", "add_item", "Add", id="agenda.add"),
        Binding("e", "edit_item", "Change", id="agenda.edit"),
        Binding("ctrl+up,shift+up", "move(-1)", "Move up", id="agenda.up"),
        Binding("ctrl+down,shift+down", "move(1)", "Move down", id="agenda.down", show=False),
        Binding("n", "nest", "Nest", id="agenda.nest"),
        Binding("u", "unnest", "Un-nest", id="agenda.unnest", show=False),
        Binding("delete,d", "delete_item", "Remove", id="agenda.delete"),
        Binding("c", "carry_forward", "Bring forward", id="agenda.carry", show=False),
        Binding("m", "setup", "Meeting", id="agenda.setup"),
        Binding("escape", "back", "Back", id="agenda.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self._reload_on_resume = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="agenda-heading", markup=False)
        table: DataTable = DataTable(id="agenda-table", cursor_type="row")
        table.add_columns("No.", "Item", "Time", "Led by", "Note")
        yield table
        with VerticalScroll(id="agenda-checks-box"):
            yield Static("", id="agenda-checks", markup=False)
        yield SaveStatus(id="save-status")
        # Many keys here: the footer leaves out the palette hint (Ctrl+P still works) to show them.
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Agenda"
        self.meeting = self.app.service.get_meeting(self.meeting_id)
        self.show()

    def on_screen_resume(self) -> None:
        # Back from the meeting set-up, which saves the meeting itself: show what it saved.
        # (Back from an item form or a question, the change is already shown and being saved.)
        if self._reload_on_resume:
            self._reload_on_resume = False
            self.meeting = self.app.service.get_meeting(self.meeting_id)
            self.show(self._chosen_id())

    # -- showing ------------------------------------------------------------------------------

    def show(self, select: str = "") -> None:
        m = self.meeting
        self.query_one("#agenda-heading", Static).update(
            f"{m.title}: {when_in_words(m.start)}, {minutes_in_words(m.planned_minutes)}. "
            f"The agenda needs {minutes_in_words(plan.agenda_minutes(m.agenda))}."
        )
        number = plan.numbers(m.agenda)
        table = self.query_one(DataTable)
        table.clear()
        for item in plan.ordered(m.agenda):
            indent = "  " * (plan.depth(m.agenda, item) - 1)
            lead = m.person(item.lead_id)
            title = item.title if len(item.title) <= TITLE_WIDTH else item.title[: TITLE_WIDTH - 1] + "…"
            table.add_row(Text(number[item.id]), Text(indent + title), Text(minutes_in_words(item.minutes)),
                          Text(lead.name if lead else ""), Text(item_note(item)), key=item.id)
        if select and any(i.id == select for i in m.agenda):
            table.move_cursor(row=table.get_row_index(select))
        checks = checks_text(m, self.app.service.list_meetings())
        self.query_one("#agenda-checks", Static).update(
            checks if m.agenda else "The agenda is empty. Press A to add the first item.\n" + checks
        )

    def _chosen_id(self) -> str:
        table = self.query_one(DataTable)
        if not table.row_count:
            return ""
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    # -- changing -----------------------------------------------------------------------------

    def change(self, how: Callable[[tuple[AgendaItem, ...]], tuple[AgendaItem, ...]], select: str = "") -> None:
        """Apply a change to the agenda, show it at once and save it."""
        try:
            agenda = how(self.meeting.agenda)
        except UserError as error:
            self.app.notify(str(error), severity="warning", markup=False)
            return
        self._save(replace(self.meeting, agenda=agenda), select or self._chosen_id())

    def _save(self, meeting: Meeting, select: str) -> None:
        self.meeting = meeting
        self.show(select)
        status = self.query_one(SaveStatus)
        status.saving()
        self.app.save(lambda: Planner(self.app.service).save_meeting(meeting), on_saved=lambda _m: status.saved(),
                      on_failed=status.failed)

    def action_move(self, step: int) -> None:
        if chosen := self._chosen_id():
            self.change(lambda agenda: plan.move(agenda, chosen, step), chosen)

    def action_nest(self) -> None:
        if chosen := self._chosen_id():
            self.change(lambda agenda: plan.nest(agenda, chosen), chosen)

    def action_unnest(self) -> None:
        if chosen := self._chosen_id():
            self.change(lambda agenda: plan.unnest(agenda, chosen), chosen)

    def action_add_item(self) -> None:
        from coprod_meet.tui.screens.item_form import ItemFormScreen

        after = self._chosen_id()

        def done(item: AgendaItem | None) -> None:
            if item is not None:
                self.change(lambda agenda: plan.insert_after(agenda, item, after), item.id)

        form = ItemFormScreen(None, self.meeting).drafting(
            "agenda", "add_item", self.meeting_id, what=f"a new agenda item for {self.meeting.title}")
        self.app.push_screen(form, done)

    def action_edit_item(self) -> None:
        from coprod_meet.tui.screens.item_form import ItemFormScreen

        chosen = self.meeting.item(self._chosen_id())
        if chosen is None:
            return

        def done(item: AgendaItem | None) -> None:
            if item is not None:
                self.change(lambda agenda: plan.replace_item(agenda, item), item.id)

        self.app.push_screen(ItemFormScreen(chosen, self.meeting, plan.numbers(self.meeting.agenda)[chosen.id]), done)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_item()

    def action_delete_item(self) -> None:
        from coprod_meet.tui.screens.dialog import confirm

        chosen = self.meeting.item(self._chosen_id())
        if chosen is None:
            return
        inside = len(plan.block(self.meeting.agenda, chosen.id)) - 1
        number = plan.numbers(self.meeting.agenda)[chosen.id]
        detail = f"Its {count(inside, 'sub-item')} will go too." if inside else ""

        def done() -> None:
            self.change(lambda agenda: plan.remove(agenda, chosen.id), "")
            self.app.notify(f"Item {number} was removed from the agenda.", markup=False)

        confirm(f"Remove item {number}, {chosen.title}?", done, detail)

    def action_carry_forward(self) -> None:
        status = self.query_one(SaveStatus)
        status.saving()
        before = len(self.meeting.agenda)

        def write() -> Meeting:
            planner = Planner(self.app.service)
            return planner.save_meeting(planner.carry_forward(self.meeting))

        def saved(meeting: Meeting) -> None:
            status.saved()
            self.meeting = meeting
            self.show(self._chosen_id())
            added = len(meeting.agenda) - before
            self.app.notify(f"Brought forward {count(added, 'item')}." if added
                            else "Nothing more to bring forward from earlier meetings.", markup=False)

        self.app.save(write, on_saved=saved, on_failed=status.failed)

    def action_setup(self) -> None:
        from coprod_meet.tui.screens.meeting_setup import MeetingSetupScreen

        self._reload_on_resume = True
        self.app.push_screen(MeetingSetupScreen(meeting_id=self.meeting_id))

    def action_back(self) -> None:
        self.app.pop_screen()
