"""One meeting, to read: when and where, who chairs, the agenda, who came, what was decided."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from coprod_meet.domain import events as ev
from coprod_meet.domain.dates import minutes_in_words, when_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Event, Meeting, join_words, note_event
from coprod_meet.domain.records import actions_from, decisions_from
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.save_status import SaveStatus


def describe(meeting: Meeting, events: list[Event]) -> str:
    """The meeting in plain lines of text (user text included as-is; shown without markup)."""
    name = {m.id: m.name for m in meeting.roster}
    lines = [meeting.title, f"{meeting.group_name}", f"When: {when_in_words(meeting.start)}, "
             f"planned for {minutes_in_words(meeting.planned_minutes)}."]
    where = [w for w in (meeting.place, meeting.online_link) if w]
    if where:
        lines.append(f"Where: {' and '.join(where)}")
    chairs = [name.get(c, "someone who has left the group") for c in meeting.co_chair_ids]
    lines.append(f"Co-chairs: {join_words(chairs) or 'not chosen yet'}")
    lines += ["", "Agenda:"]
    for n, item in enumerate(meeting.agenda, start=1):
        lead = name.get(item.lead_id, "")
        led = f", led by {lead}" if lead else ""
        lines.append(f"  {n}. {item.title} ({minutes_in_words(item.minutes)}{led})")
    status: dict[str, str] = {}
    for e in events:
        if e.type == ev.ATTENDANCE:
            status[e.data.get("member_id", "")] = e.data.get("status", "")
    if status:
        came = [name[m] for m, s in status.items() if s in ("present", "late", "left") and m in name]
        sorry = [name[m] for m, s in status.items() if s == "apologies" and m in name]
        lines += ["", f"Came: {join_words(came) or 'nobody recorded'}"]
        if sorry:
            lines.append(f"Apologies: {join_words(sorry)}")
    decisions = decisions_from(events)
    if decisions:
        lines += ["", "Decisions:"]
        lines += [f"  - {d.text}" for d in decisions]
    actions = actions_from(events)
    if actions:
        lines += ["", "Actions:"]
        lines += [f"  - {a.owner or 'Someone'}: {a.text}" + (f" (due {a.due})" if a.due else "") for a in actions]
    notes = [e for e in events if e.type == ev.NOTE]
    if notes:
        lines += ["", "Private notes (never in the minutes):"]
        lines += [f"  - {e.data.get('text', '')}" for e in notes]
    lines += ["", f"{len(events)} things were recorded during this meeting."]
    return "\n".join(lines)


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
        self.query_one("#meeting-text", Static).update(describe(meeting, service.events(self.meeting_id)))

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
