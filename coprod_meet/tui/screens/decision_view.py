"""One decision in its context: meeting, item, who was there, dissent, history, actions, you said."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from coprod_meet.domain.errors import UserError
from coprod_meet.services.review import open_decision
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.footer import Footer


class DecisionViewScreen(HelpfulScreen):
    TITLE_WORDS = "One decision"
    HELP = """
This screen shows one decision: the meeting and agenda item it came from, and how it was decided.
It shows who was there, any disagreement, and when to look at it again.
It shows everything that happened to it since, the actions agreed with it,
and what members raised that it answers ("you said, we did").
Use the arrow keys or Page Up and Page Down to read. Press O to open its meeting.
Press Escape to go back to the list.
"""
    BINDINGS = [
        Binding("escape", "back", "Back", id="decision_view.back"),
        Binding("o", "open_meeting", "Open meeting", id="decision_view.meeting"),
    ]

    def __init__(self, decision_id: str, *, now: datetime | None = None) -> None:
        super().__init__()
        self.decision_id = decision_id
        self.now = now
        self.meeting_id = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="decision-body", can_focus=True):
            yield Static("", id="decision-text", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        from coprod_meet.tui.screens.review_decisions import find_off_the_loop

        self.sub_title = "One decision"
        self.query_one("#decision-text", Static).update("Reading the decision and its meeting…")
        service, decision_id = self.app.service, self.decision_id

        def find():
            try:
                return open_decision(service, decision_id)
            except UserError as error:
                return str(error)

        find_off_the_loop(self, find, self._show)  # its meeting's file is read off the event loop

    def _show(self, ctx) -> None:
        if isinstance(ctx, str):  # it could not be opened: said plainly
            self.query_one("#decision-text", Static).update(ctx)
            return
        self.meeting_id = ctx.meeting.id
        today = (self.now or datetime.now()).date()
        self.query_one("#decision-text", Static).update("\n".join(ctx.lines(today)))
        self.query_one("#decision-body").focus()

    def action_open_meeting(self) -> None:
        if self.meeting_id:
            self.app.open_meeting(self.meeting_id)

    def action_back(self) -> None:
        self.app.pop_screen()
