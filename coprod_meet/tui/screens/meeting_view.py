"""One meeting, to read: when and where, who chairs, the agenda, who came, what was decided."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import note_event
from coprod_meet.services.views import describe_meeting
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.screens.form_base import Filled, records_service
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.save_status import SaveStatus


class MeetingViewScreen(HelpfulScreen):
    TITLE_WORDS = "Meeting"
    HELP = """
This screen shows one meeting: when and where it is, who co-chairs it, the agenda, who came,
and what was decided.
Press D to record a decision, or C to record an action.
Press E to correct a decision or an action. The earlier wording is kept as history.
Press Y for "you said, we did", and H for "how did today go?".
Press Shift+A to record whether each member's access needs were met (never in the minutes).
Press N to add a private note. Notes are kept with the meeting but never go in the minutes.
Press X to export the minutes: members' or public copy, easy read, and the format you need.
Press Escape to go back to the list of meetings.
"""
    BINDINGS = [
        Binding("escape", "back", "Back", id="meeting_view.back"),
        Binding("n", "add_note", "Add note", id="meeting_view.note"),
        Binding("d", "record_decision", "Decision", id="meeting_view.decision"),
        Binding("c", "record_action", "Action", id="meeting_view.action"),
        Binding("e", "correct", "Correct", id="meeting_view.correct"),
        Binding("y", "you_said", "You said", id="meeting_view.you_said"),
        Binding("h", "how_did_it_go", "How it went", id="meeting_view.evaluation"),
        Binding("A", "access_needs", "Needs met", id="meeting_view.access_needs"),
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
        records = records_service(self.app)
        book = records.book_for(self.meeting_id)  # the group's records, read once for all three
        text = describe_meeting(
            meeting, service.events(self.meeting_id), book=book,
            you_said=records.you_said_for(self.meeting_id, book), arising=records.open_actions(self.meeting_id, book),
            today=self.today(),
        )
        self.query_one("#meeting-text", Static).update(text)

    def today(self):
        """The day lateness is counted to (tests may fix it)."""
        return getattr(self.app, "today", None) or date.today()

    # -- decisions, actions, you said, how did today go -----------------------------------------

    def _saved(self, write, what: str) -> None:
        status = self.query_one(SaveStatus)
        status.saving()
        self.app.save(
            write,
            on_saved=lambda _r: (status.saved(), self.refresh_text(),
                                 self.app.notify(f"{what} saved.", markup=False)),
            on_failed=status.failed,
        )

    def action_record_decision(self) -> None:
        from coprod_meet.tui.screens.decision_form import DecisionFormScreen

        records = records_service(self.app)
        prefill = records.prefill(self.meeting_id)

        def done(filled: Filled | None) -> None:
            if filled is not None:
                self._saved(lambda: records.save_decision(filled.record), "The decision is")

        form = DecisionFormScreen(prefill, earlier=records.earlier_decisions(self.meeting_id))
        self.app.push_screen(form.drafting("meeting", "record_decision", self.meeting_id), done)

    def action_record_action(self) -> None:
        from coprod_meet.tui.screens.action_form import ActionFormScreen

        records = records_service(self.app)
        prefill = records.prefill(self.meeting_id)
        decisions = records.decisions(self.meeting_id)

        def done(filled: Filled | None) -> None:
            if filled is not None:
                self._saved(lambda: records.save_action(filled.record), "The action is")

        latest = decisions[-1].id if decisions else ""
        form = ActionFormScreen(prefill, decisions=decisions, decision_id=latest)
        self.app.push_screen(form.drafting("meeting", "record_action", self.meeting_id), done)

    def action_correct(self) -> None:
        from coprod_meet.tui.screens.dialog import choose

        records = records_service(self.app)
        decisions = records.decisions(self.meeting_id)
        actions = records.actions(self.meeting_id)
        choices = [(f"d:{d.id}", f"Decision: {d.text}") for d in decisions]
        choices += [(f"a:{a.id}", f"Action: {a.sentence(self.today())}") for a in actions]
        if not choices:
            self.app.notify("This meeting has no decisions or actions to correct yet.", markup=False)
            return
        choose("Which one do you want to correct?", choices, self.action_correct_record)

    def action_correct_record(self, value: str) -> None:
        """Open the form to correct one record ("d:ID" a decision, "a:ID" an action)."""
        from coprod_meet.tui.screens.action_form import ActionFormScreen
        from coprod_meet.tui.screens.decision_form import DecisionFormScreen

        if not value or ":" not in value:
            return
        kind, record_id = value.split(":", 1)
        records = records_service(self.app)
        prefill = records.edit_prefill(self.meeting_id)
        if kind == "d":
            current = records.find_decision(record_id, prefill.group_id)

            def saved_decision(filled: Filled | None) -> None:
                if filled is not None:
                    self._saved(lambda: records.save_decision_edit(current, filled.record, reason=filled.reason),
                                "The correction is")

            form, done = DecisionFormScreen(prefill, earlier=records.earlier_decisions(self.meeting_id),
                                            existing=current), saved_decision
        else:
            action = records.find_action(record_id, prefill.group_id)

            def saved_action(filled: Filled | None) -> None:
                if filled is not None:
                    self._saved(lambda: records.save_action_edit(action, filled.record, reason=filled.reason),
                                "The correction is")

            form, done = ActionFormScreen(prefill, decisions=records.decisions(self.meeting_id), existing=action), \
                saved_action
        self.app.push_screen(form.drafting("meeting", f"correct_record({value!r})", self.meeting_id), done)

    def action_you_said(self) -> None:
        from coprod_meet.tui.screens.you_said import YouSaidScreen

        self.app.push_screen(YouSaidScreen(self.meeting_id), lambda _r: self.refresh_text())

    def action_how_did_it_go(self) -> None:
        from coprod_meet.tui.screens.evaluation import EvaluationScreen

        self.app.push_screen(EvaluationScreen(self.meeting_id), lambda _r: self.refresh_text())

    def action_access_needs(self) -> None:
        from coprod_meet.tui.screens.access_needs import AccessNeedsScreen

        self.app.push_screen(AccessNeedsScreen(self.meeting_id), lambda _r: self.refresh_text())

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        from coprod_meet.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.meeting_id))

    def action_add_note(self) -> None:
        from coprod_meet.tui.screens.dialog import ask

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

        ask("Add a private note", "Type the note, then press Enter.", done)
