"""A small question with one line of text to type (search words, a note...)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class AskScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="ask.cancel")]
    HELP = "Type your answer and press Enter. Press Escape to go back without changing anything."

    def __init__(self, title: str, prompt: str, value: str = "") -> None:
        super().__init__()
        self._title = title
        self._prompt = prompt
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-box"):
            yield Static(self._title, id="ask-title", markup=False)
            yield Static(self._prompt, id="ask-prompt", markup=False)
            yield Input(value=self._value, id="ask-input")
            yield Static("Enter to finish, Escape to cancel.", id="ask-keys", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
