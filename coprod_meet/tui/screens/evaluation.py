"""How did today go? Each member here says whether they felt heard, adds a comment, or passes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from coprod_meet.domain.evaluation import HEARD_WORDS, summarise
from coprod_meet.domain.state import MeetingState
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.screens.form_base import records_service
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.save_status import SaveStatus

ANSWER_WORDS = {"yes": "Yes, felt heard", "partly": "Partly", "no": "No, did not feel heard", "pass": "Passed"}


class EvaluationScreen(HelpfulScreen, ModalScreen[None]):
    """One line per member here. Each answer is saved as soon as it is given."""

    TITLE_WORDS = "How did today go?"
    HELP = """
Ask each member who is here: did you feel heard today?
Move to their name with the up and down arrows.
Press Y for yes, P for partly, N for no, or S if they would rather pass.
Press C to add their comment in their own words.
Each answer is saved at once. The summary at the bottom is for the co-chairs.
Press Escape when everyone has had their turn.
"""
    BINDINGS = [
        Binding("y", "answer('yes')", "Yes", id="evaluation.yes"),
        Binding("p", "answer('partly')", "Partly", id="evaluation.partly"),
        Binding("n", "answer('no')", "No", id="evaluation.no"),
        Binding("s", "answer('pass')", "Pass", id="evaluation.pass"),
        Binding("c", "comment", "Comment", id="evaluation.comment"),
        Binding("escape", "close", "Done", id="evaluation.close"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.state: MeetingState | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Static("How did today go? Did you feel heard?", classes="form-title", markup=False)
            table: DataTable = DataTable(id="evaluation-table", cursor_type="row")
            table.add_columns("Member", "Felt heard?", "Comment")
            yield table
            yield Static("", id="evaluation-summary", markup=False)
            yield SaveStatus(id="evaluation-save")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def reload(self, keep_row: int | None = None) -> None:
        self.state = records_service(self.app).state(self.meeting_id)
        state = self.state
        table = self.query_one(DataTable)
        row = table.cursor_row if keep_row is None else keep_row
        table.clear()
        people = state.present_ids + [m for m in state.evaluations if m not in state.present_ids]
        if not people:
            people = [m.id for m in state.meeting.roster]
        for member_id in people:
            heard, comment = state.evaluations.get(member_id, ("", ""))
            table.add_row(Text(state.name(member_id)), Text(ANSWER_WORDS.get(heard, "Not asked yet")),
                          Text(comment), key=member_id)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.query_one("#evaluation-summary", Static).update(" ".join(summarise(state).sentences()))

    def _member(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _save(self, member_id: str, heard: str, comment: str, *, advance: bool) -> None:
        """Save one answer; after an answer the next member is highlighted, ready for theirs."""
        status = self.query_one(SaveStatus)
        status.saving()
        row = self.query_one(DataTable).cursor_row + (1 if advance else 0)
        records = records_service(self.app)
        self.app.save(
            lambda: records.record_evaluation(self.meeting_id, member_id, heard, comment),
            on_saved=lambda _e: (status.saved(), self.reload(keep_row=row)),
            on_failed=status.failed,
        )

    def action_answer(self, heard: str) -> None:
        member_id = self._member()
        if member_id is None or self.state is None:
            return
        _old, comment = self.state.evaluations.get(member_id, ("", ""))
        self._save(member_id, heard, comment, advance=True)

    def action_comment(self) -> None:
        from coprod_meet.tui.screens.dialog import ask

        member_id = self._member()
        if member_id is None or self.state is None:
            return
        heard, comment = self.state.evaluations.get(member_id, ("", ""))
        name = self.state.name(member_id)
        if heard == "pass":
            self.app.notify(f"{name} passed, so there is no comment to add.", markup=False)
            return
        if not heard:
            self.app.notify(f"First press Y, P or N for {name}, then C to add a comment.", markup=False)
            return

        def done(text: str | None) -> None:
            if text is not None:
                self._save(member_id, heard, text, advance=False)

        ask(f"{name}'s comment", f"{name} {HEARD_WORDS[heard]}. What would {name} like to say?", done, comment)

    def action_close(self) -> None:
        self.dismiss(None)
