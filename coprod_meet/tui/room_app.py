"""The room view's own small app: `coprod-meet room`. It never opens the archive for writing.

It holds no lock, saves no settings (a theme comes from --theme or is read from the settings
file) and has no command palette: nothing in it can change the meeting.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from coprod_meet.services.room import RoomFollower
from coprod_meet.tui.screens.room import RoomScreen
from coprod_meet.tui.themes import DEFAULT_THEME, THEMES


class RoomApp(App[None]):
    """coprod-meet's room view: the running meeting in large, calm text."""

    TITLE = "coprod-meet"
    CSS_PATH = [Path(__file__).with_name("app.tcss"), Path(__file__).with_name("room.tcss")]
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", priority=True),
        Binding("ctrl+q", "quit", "Close the room view", id="app.quit", priority=True),
    ]

    def __init__(self, follower: RoomFollower, *, theme: str | None = None) -> None:
        os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
        super().__init__()
        self.follower = follower
        for name in list(self.available_themes):
            if name not in THEMES:
                self.unregister_theme(name)
        for t in THEMES.values():
            self.register_theme(t)
        self.theme = theme if theme in THEMES else DEFAULT_THEME

    def on_mount(self) -> None:
        self.push_screen(RoomScreen(self.follower))

    def action_help(self) -> None:
        from coprod_meet.tui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            screen.dismiss(None)
        elif isinstance(screen, RoomScreen):
            self.push_screen(HelpScreen(screen.TITLE_WORDS, screen.help_text(), screen.help_keys()))
