"""The Textual app: screens over the services; every write goes through ``save``."""

from __future__ import annotations

import asyncio
import os
import signal
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from textual import events
from textual.app import App
from textual.binding import Binding

from coprod_meet.domain.errors import UserError
from coprod_meet.services.archive import ArchiveService, failure_in_words
from coprod_meet.services.settings import Settings
from coprod_meet.tui import textual_compat
from coprod_meet.tui.commands import ScreenKeysProvider
from coprod_meet.tui.drafts import offer_drafts
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.screens.meetings import MeetingsScreen
from coprod_meet.tui.themes import DEFAULT_THEME, THEMES

textual_compat.apply()  # less garbage from drawing (see textual_compat.py)


class CoprodMeetApp(App[None]):
    """coprod-meet: run co-production meetings where every voice is heard."""

    TITLE = "coprod-meet"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    COMMANDS = {ScreenKeysProvider}  # this app's commands only (tui/commands.py), not Textual's generic ones
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", priority=True),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(
        self,
        service: ArchiveService,
        *,
        theme: str | None = None,
        settings: Settings | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        # No animation unless the person asked for it (TEXTUAL_ANIMATIONS is respected).
        os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
        super().__init__()
        self.service = service
        self.settings = settings if settings is not None else Settings()
        self.clock = clock  # None: the real time; tests pass a clock they move by hand
        self.live_opened: set[str] = set()  # meetings run in this run of the app (see on_unmount)
        self.draft_to_restore: Any = None  # a draft to put back in the form about to open (tui/drafts.py)
        self._saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coprod-save")
        for name in list(self.available_themes):
            if name not in THEMES:
                self.unregister_theme(name)
        for t in THEMES.values():
            self.register_theme(t)
        wanted = theme or self.settings.theme
        self.theme = wanted if wanted in THEMES else DEFAULT_THEME  # a theme chosen with --theme is remembered
        if self.settings.keys:
            self.set_keymap(self.settings.keys)

    def get_default_screen(self) -> MeetingsScreen:
        # The meetings list is the app's first screen itself, not pushed over Textual's blank
        # one; filled in its on_mount, it is the first frame written, whole (about 30 ms sooner
        # in a terminal than before, bench/startup.py; see docs/design.md).
        return MeetingsScreen()

    def on_load(self) -> None:
        textual_compat.starting()  # no garbage collection until the first screen is up

    def on_mount(self) -> None:
        # Closing the terminal window (SIGHUP) closes the app as Ctrl+Q does: queued saves are
        # written, and the archive is closed cleanly.
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.exit)
        self.call_after_refresh(textual_compat.first_screen_up)
        # A form left half-filled by a crash or a kill; with none, a meeting left running.
        self.call_after_refresh(offer_drafts, self)
        if self.settings.problem:
            self.notify(self.settings.problem, title="Settings", severity="warning", timeout=15, markup=False)
        for problem in self.service.problems:
            self.notify(str(problem), title="A file was moved aside", severity="warning", timeout=15, markup=False)

    def watch_theme(self, name: str) -> None:
        """Remember the theme the person chose (from the palette or --theme)."""
        if name in THEMES and name != self.settings.theme and self.settings.path is not None:
            self.settings.theme = name
            self.settings.save()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Stop cursors blinking unless the person's settings say otherwise."""
        if hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = self.settings.cursor_blink

    def on_unmount(self) -> None:
        asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
        textual_compat.first_screen_up()  # should the app end before its first screen was up
        # Let queued saves finish before the app goes away: nothing typed is lost.
        self._saver.shutdown(wait=True)
        self._stop_clocks()

    def _stop_clocks(self) -> None:
        """The app closes: note the moment in each meeting it ran, so that the time until it runs
        again is nobody's speaking time."""
        if not self.live_opened:
            return
        from coprod_meet.domain.model import now
        from coprod_meet.services.live import LiveMeeting

        for meeting_id in sorted(self.live_opened):
            try:
                LiveMeeting.open(self.service, meeting_id, clock=self.clock or now).stop_clock()
            except (UserError, OSError):
                pass

    # -- saving ---------------------------------------------------------------------------

    def save(
        self,
        write: Callable[[], Any],
        *,
        on_saved: Callable[[Any], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
    ) -> None:
        """Run ``write`` off the event loop, one write at a time, in order.

        ``on_saved`` is called (on the event loop) only once ``write`` has returned, which for
        the archive means the bytes are fsynced. Whatever goes wrong (a full disk, a folder that
        cannot be written, a fault in coprod-meet) is said on screen as one plain sentence and
        given to ``on_failed``, which ends the screen's "Saving…": no failure is ever hidden.
        """

        async def run() -> None:
            try:
                result = await asyncio.wrap_future(self._saver.submit(write))
            except Exception as error:  # noqa: BLE001 - every failure is said, never hidden
                message = failure_in_words(error)
                self.notify(message, title="Not saved", severity="error", markup=False)
                if on_failed is not None:
                    on_failed(message)
                return
            if on_saved is not None:
                try:
                    on_saved(result)
                except Exception as error:  # noqa: BLE001 - saved; only the screen fell behind
                    self.notify(f"The change was saved, but the screen could not show it ({type(error).__name__}); "
                                "go back and open it again.", title="Saved", severity="warning", markup=False)

        self.run_worker(run(), group="save", exit_on_error=False)

    # -- navigation -----------------------------------------------------------------------

    def open_meeting(self, meeting_id: str) -> None:
        from coprod_meet.tui.screens.meeting_view import MeetingViewScreen

        try:
            self.service.get_meeting(meeting_id)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.push_screen(MeetingViewScreen(meeting_id))

    def run_meeting(self, meeting_id: str) -> None:
        """Open the meeting screen to run a meeting (or the read-only view once it has ended)."""
        from coprod_meet.domain.state import MeetingState
        from coprod_meet.tui.screens.live import LiveScreen

        try:
            meeting = self.service.get_meeting(meeting_id)
            ended = MeetingState.replay(meeting, self.service.events(meeting_id)).ended is not None
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if ended:
            self.notify("That meeting has ended, so it opens to read.", markup=False)
            self.open_meeting(meeting_id)
            return
        self.push_screen(LiveScreen(meeting_id))

    def offer_running_meeting(self) -> None:
        """A meeting was left running (the app was closed or stopped): offer to go straight back."""
        from coprod_meet.tui.screens.dialog import DialogScreen

        try:
            running = self.service.running_meetings()
        except UserError:
            return
        if not running or not isinstance(self.screen, MeetingsScreen):  # (the person has moved on)
            return
        from coprod_meet.domain.live_view import status_line
        from coprod_meet.domain.state import MeetingState

        meeting = running[0]
        try:
            state = MeetingState.replay(self.service.get_meeting(meeting.id), self.service.events(meeting.id))
        except UserError:
            return
        choices = [("back", f"Yes, go back to {meeting.title}"), ("list", "No, show the list of meetings")]

        def chosen(answer: str) -> None:
            if answer == "back":
                self.call_later(self.run_meeting, meeting.id)  # once the question has gone

        DialogScreen().choose("A meeting is running", choices, chosen,
                              prompt=f"{meeting.title}. {status_line(state)} Press 1 or 2.")

    def on_key(self, event: events.Key) -> None:
        """A key typed in the same instant as the key that opened a box (a fast typist, a paste)
        was sent to the screen under the box before the box opened; it reaches here unused. It
        is the box's: a box with ``take_key`` gets it, in order, so nothing typed is lost and no
        letter runs as a key of the screen underneath (see screens/dialog.py)."""
        take_key = getattr(self.screen, "take_key", None)
        typed = bool(event.character and event.character.isprintable()) or event.key in ("enter", "backspace")
        if take_key is not None and typed and take_key(event.key, event.character):
            event.prevent_default()

    def action_help(self) -> None:
        from coprod_meet.tui.screens.help import HelpScreen  # read when first asked for

        screen = self.screen
        if isinstance(screen, HelpScreen):
            screen.dismiss(None)
            return
        if isinstance(screen, HelpfulScreen):
            title, text, keys = screen.TITLE_WORDS or "this screen", screen.help_text(), screen.help_keys()
        else:
            title = "this box"
            text = getattr(screen, "HELP", "") or "Press Escape to go back."
            keys = []
        self.push_screen(HelpScreen(title, text, keys))
