"""Were access needs met? One line for each need of each member who came; Y, P or N for each."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from coprod_meet.domain.access import MET_WORDS, PLAN_WORDS, NeedCheck
from coprod_meet.services.access import AccessService
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.save_status import SaveStatus

ANSWER_WORDS = {"yes": "Yes, met", "partly": "Partly met", "no": "No, not met"}


class AccessNeedsScreen(HelpfulScreen, ModalScreen[None]):
    """Each answer is saved as soon as it is given."""

    TITLE_WORDS = "Were access needs met?"
    HELP = """
For each member who came and has an access need, say whether the need was met today.
Move to a line with the up and down arrows.
Press Y for yes, P for partly or N for no. Press C to add a note about what happened.
For easy read and large print papers, the line shows whether the plan says the papers went out on time.
Each answer is saved at once and kept with the meeting. It is never in the minutes.
Press Escape when you have finished.
"""
    BINDINGS = [
        Binding("y", "answer('yes')", "Yes", id="access.yes"),
        Binding("p", "answer('partly')", "Partly", id="access.partly"),
        Binding("n", "answer('no')", "No", id="access.no"),
        Binding("c", "note", "Note", id="access.note"),
        Binding("escape", "close", "Done", id="access.close"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.checks: list[NeedCheck] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Static("Were access needs met today?", classes="form-title", markup=False)
            table: DataTable = DataTable(id="access-table", cursor_type="row")
            table.add_columns("Member", "Need", "Met?", "Note")
            yield table
            yield Static("", id="access-summary", markup=False)
            yield SaveStatus(id="access-save")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def reload(self, keep_row: int | None = None) -> None:
        self.checks = AccessService(self.app.service).checks(self.meeting_id)
        table = self.query_one(DataTable)
        row = table.cursor_row if keep_row is None else keep_row
        table.clear()
        for n, c in enumerate(self.checks):
            met = ANSWER_WORDS.get(c.met) or (f"Not asked yet ({PLAN_WORDS[c.suggested]})" if c.suggested
                                              else "Not asked yet")
            table.add_row(Text(c.name), Text(c.need_in_words()), Text(met), Text(c.note), key=str(n))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self._say_summary()

    def _say_summary(self) -> None:
        """How many are answered, and the highlighted line in words (with what the plan says)."""
        answered = sum(1 for c in self.checks if c.met)
        if not self.checks:
            summary = "Nobody with an access need came to this meeting."
        else:
            check = self._check()
            summary = f"{answered} of {len(self.checks)} needs answered." + (f" {check.sentence()}" if check else "")
        self.query_one("#access-summary", Static).update(summary)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        if self.checks:
            self._say_summary()

    def _check(self) -> NeedCheck | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return self.checks[int(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))]

    def _save(self, check: NeedCheck, met: str, note: str, *, advance: bool) -> None:
        status = self.query_one(SaveStatus)
        status.saving()
        row = self.query_one(DataTable).cursor_row + (1 if advance else 0)
        found = AccessService(self.app.service)
        self.app.save(
            lambda: found.record(self.meeting_id, check.member_id, check.need, met, note),
            on_saved=lambda _e: (status.saved(), self.reload(keep_row=row)),
            on_failed=status.failed,
        )

    def action_answer(self, met: str) -> None:
        check = self._check()
        if check is not None:
            self._save(check, met, check.note, advance=True)

    def action_note(self) -> None:
        from coprod_meet.tui.screens.dialog import ask

        check = self._check()
        if check is None:
            return
        if not check.met:
            self.app.notify(f"First press Y, P or N for {check.name}, then C to add a note.", markup=False)
            return

        def done(text: str | None) -> None:
            if text is not None:
                self._save(check, check.met, text, advance=False)

        ask(f"A note about {check.name}'s {check.need_in_words()}",
            f"{check.name}'s {check.need_in_words()}: {MET_WORDS[check.met]}. What happened?", done, check.note)

    def action_close(self) -> None:
        self.dismiss(None)
