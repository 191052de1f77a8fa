"""Export a meeting's minutes: choose the copy, easy read and the format, see a preview, save."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from coprod_meet.domain.errors import UserError
from coprod_meet.minutes.document import COPIES, MEMBERS
from coprod_meet.minutes.render import FORMATS
from coprod_meet.minutes.text import render_text
from coprod_meet.services.minutes import FileExists, MinutesExport, MinutesService, mentions_in_words
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.save_status import SaveStatus

FORMAT_ORDER = list(FORMATS)


def calendar_preview(export: MinutesExport) -> str:
    """The dates a calendar file holds, in words (the .ics itself is not for reading)."""
    from coprod_meet.domain.dates import date_in_words, when_in_words

    lines = [f"The calendar file holds {len(export.document.calendar)} dates:", ""]
    for entry in export.document.calendar:
        when = date_in_words(entry.day) if entry.day else when_in_words(entry.start) if entry.start else ""
        lines.append(f"- {when}: {entry.summary}")
    if not export.document.calendar:
        lines.append("- none: no action has a due date and no next meeting is planned.")
    return "\n".join(lines)


class ExportScreen(HelpfulScreen):
    TITLE_WORDS = "Export minutes"
    HELP = """
This screen makes the minutes of the meeting, ready to share.
Press C to choose the copy. The members' copy names people as the group does.
The public copy names each person only as they agreed: full name, first name, role, or not at all.
Press E to turn easy read on or off. Easy read has short sentences, hard words explained, and a word list.
Press F to choose the format: Markdown, a web page, plain text, Word, or a calendar file.
The calendar file holds the due dates of actions and the next meeting.
The preview shows the text of the minutes.
Below it, the readability report says how easy they are to read.
It lists long sentences and hard words.
Press S to save to a file: type where, then press Enter. Press Escape to go back.
If a file of that name is there already, you are asked before it is replaced.
Some names are ordinary words too, such as "Will" or "Hope".
If such a word may name someone who is not named in public, it is listed above the report.
You are asked about these words before the public copy is saved.
"""
    BINDINGS = [
        Binding("c", "toggle_copy", "Copy", id="export.copy"),
        Binding("e", "toggle_easy_read", "Easy read", id="export.easy_read"),
        Binding("f", "next_format", "Format", id="export.format"),
        Binding("s", "save", "Save to file", id="export.save"),
        Binding("escape", "back", "Back", id="export.back"),
    ]

    def __init__(self, meeting_id: str, *, copy: str = MEMBERS, easy_read: bool = False, fmt: str = "md") -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.copy = copy
        self.easy_read = easy_read
        self.fmt = fmt
        self.export: MinutesExport | None = None
        self.saved_to: Path | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="export-choices", markup=False)
        with VerticalScroll(id="export-preview", can_focus=True):
            yield Static("", id="export-text", markup=False)
        with VerticalScroll(id="export-report", can_focus=True):
            yield Static("", id="export-report-text", markup=False)
        yield SaveStatus(id="save-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Export minutes"
        self.refresh_export()
        self.query_one(SaveStatus).update("Not saved to a file yet. Press S to save.")
        self.query_one("#export-preview").focus()

    @property
    def minutes(self) -> MinutesService:
        return MinutesService(self.app.service)

    def refresh_export(self) -> None:
        try:
            self.export = self.minutes.export(self.meeting_id, self.fmt, copy=self.copy, easy_read=self.easy_read)
        except UserError as error:
            self.export = None
            self.query_one("#export-text", Static).update(str(error))
            return
        export = self.export
        choices = f"Copy: {export.document.copy_words}. Format: {FORMATS[self.fmt]}."
        self.query_one("#export-choices", Static).update(choices)
        preview = calendar_preview(export) if self.fmt == "ics" else render_text(export.document)
        self.query_one("#export-text", Static).update(preview)
        report = export.readability.lines()
        if export.mentions:
            report = [*mentions_in_words(export.mentions), "", *report]
        self.query_one("#export-report-text", Static).update("\n".join(report))

    def action_toggle_copy(self) -> None:
        self.copy = COPIES[(COPIES.index(self.copy) + 1) % len(COPIES)]
        self.refresh_export()

    def action_toggle_easy_read(self) -> None:
        self.easy_read = not self.easy_read
        self.refresh_export()

    def action_next_format(self) -> None:
        self.fmt = FORMAT_ORDER[(FORMAT_ORDER.index(self.fmt) + 1) % len(FORMAT_ORDER)]
        self.refresh_export()

    def default_path(self) -> Path:
        folder = self.saved_to.parent if self.saved_to else Path.home()
        name = self.export.suggested_name if self.export else f"minutes.{self.fmt}"
        return folder / name

    def action_save(self) -> None:
        from coprod_meet.tui.screens.dialog import ask, confirm

        export = self.export
        if export is None:
            return

        def chosen(answer: str | None) -> None:
            if answer is None or not answer.strip():
                return
            path = Path(answer.strip()).expanduser()
            try:
                MinutesService.check_target(export, path)
            except FileExists:
                confirm(f"There is already a file called {path}. Replace it?",
                        lambda: self.write(export, path, replace=True), "Press N to keep it and choose another name.")
                return
            except UserError as error:
                self.query_one(SaveStatus).failed(str(error))
                self.app.notify(str(error), severity="warning", markup=False)
                return
            self.write(export, path)

        def ask_where() -> None:
            ask(f"Save {export.describe()}", "Type the file to save to, then press Enter.", chosen,
                str(self.default_path()))

        if export.mentions:
            listed = "\n".join(mentions_in_words(export.mentions)[1:])
            confirm("Some words may be the name of a member who is not named in public. "
                    "Are they ordinary words, so the copy can be saved as it is?", ask_where,
                    f"{listed}\nPress N to go back and change them.")
            return
        ask_where()

    def write(self, export: MinutesExport, path: Path, *, replace: bool = False) -> None:
        status = self.query_one(SaveStatus)
        status.saving()

        def done(written: Path) -> None:
            self.saved_to = written
            status.update(f"Saved {export.describe()} to {written}")
            self.app.notify(f"Saved the minutes to {written}.", title="Saved", markup=False)

        self.app.save(lambda: self.minutes.write(export, path, replace=replace), on_saved=done,
                      on_failed=status.failed)

    def action_back(self) -> None:
        self.app.pop_screen()
