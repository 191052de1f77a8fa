"""The Textual app: screens over the services; every write goes through ``save``."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from textual.app import App
from textual.binding import Binding

from coprod_meet.domain.errors import UserError
from coprod_meet.services.archive import ArchiveService
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.screens.help import HelpScreen
from coprod_meet.tui.screens.meetings import MeetingsScreen
from coprod_meet.tui.themes import DEFAULT_THEME, THEMES


class CoprodMeetApp(App[None]):
    """coprod-meet: run co-production meetings where every voice is heard."""

    TITLE = "coprod-meet"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", priority=True),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(self, service: ArchiveService, *, theme: str | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.service = service
        self.clock = clock  # None: the real time; tests pass a clock they move by hand
        self._saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coprod-save")
        self._theme_name = theme or DEFAULT_THEME
        os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

    def on_mount(self) -> None:
        for theme in THEMES.values():
            self.register_theme(theme)
        self.theme = self._theme_name
        self.push_screen(MeetingsScreen())
        for problem in self.service.problems:
            self.notify(str(problem), title="A file was moved aside", severity="warning", timeout=15, markup=False)

    def on_unmount(self) -> None:
        # Let queued saves finish before the app goes away: nothing typed is lost.
        self._saver.shutdown(wait=True)

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
        the archive means the bytes are fsynced. ``on_failed`` gets one plain sentence.
        """

        async def run() -> None:
            try:
                result = await asyncio.wrap_future(self._saver.submit(write))
            except UserError as error:
                message = str(error)
                self.notify(message, title="Not saved", severity="error", markup=False)
                if on_failed is not None:
                    on_failed(message)
                return
            if on_saved is not None:
                on_saved(result)

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

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            screen.dismiss(None)
            return
        if isinstance(screen, HelpfulScreen):
            title, text, keys = screen.TITLE_WORDS or "this screen", screen.HELP, screen.help_keys()
        else:
            title = "this box"
            text = getattr(screen, "HELP", "") or "Press Escape to go back."
            keys = []
        self.push_screen(HelpScreen(title, text, keys))
