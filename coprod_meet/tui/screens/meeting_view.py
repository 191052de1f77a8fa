"""One meeting, to read: when and where, who chairs, the agenda, who came, what was decided."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import note_event
from coprod_meet.services.views import describe_meeting
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.save_status import SaveStatus


class MeetingViewScreen(HelpfulScreen):
    TITLE_WORDS = "Meeting"
    HELP = """
This screen shows one meeting: when and where it is, who co-chairs it, the agenda, who came,
and what was decided. You can read it but not change it here.
Press N to add a private note. Notes are kept with the meeting but never go in the minutes.
Press X to export the minutes: members' or public copy, easy read, and the format you need.
Press Escape to go back to the list of meetings.
"""
    BINDINGS = [
        Binding("escape", "back", "Back", id="meeting_view.back"),
        Binding("n", "add_note", "Add note", id="meeting_view.note"),
        Binding("x", "export", "Export minutes", id="meeting_view.export"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="meeting-body", can_focus=True):
            yield Static("", id="meeting-text", markup=False)
        yield SaveStatus(id="save-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Meeting"
        self.refresh_text()
        self.query_one("#meeting-body").focus()

    def refresh_text(self) -> None:
        service = self.app.service
        meeting = service.get_meeting(self.meeting_id)
        self.query_one("#meeting-text", Static).update(describe_meeting(meeting, service.events(self.meeting_id)))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        from coprod_meet.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.meeting_id))

    def action_add_note(self) -> None:
        from coprod_meet.tui.screens.ask import AskScreen

        def done(text: str | None) -> None:
            if text is None or not text.strip():
                return
            try:
                event = note_event(text)
            except UserError as error:
                self.app.notify(str(error), severity="warning", markup=False)
                return
            status = self.query_one(SaveStatus)
            status.saving()
            self.app.save(
                lambda: self.app.service.append_event(self.meeting_id, event),
                on_saved=lambda _e: (status.saved(), self.refresh_text()),
                on_failed=status.failed,
            )

        self.app.push_screen(AskScreen("Add a private note", "Type the note, then press Enter."), done)
