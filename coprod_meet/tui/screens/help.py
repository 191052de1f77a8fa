"""F1: what this screen is for and which keys it has, in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from coprod_meet.tui.widgets.footer import Footer


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1,q", "dismiss", "Close help", id="help.close"),
    ]
    HELP = "This is the help. Press Escape to go back to where you were."

    def __init__(self, title: str, text: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._title = title
        self._text = text
        self._keys = keys

    def compose(self) -> ComposeResult:
        lines = [f"Help: {self._title}", "", self._text.strip(), "", "Keys on this screen:"]
        lines += [f"  {key:<12} {what}" for key, what in self._keys]
        lines += ["", "Press Escape to close this help."]
        with VerticalScroll(id="help-body"):
            yield Static("\n".join(lines), markup=False, id="help-text")
        yield Footer()

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
