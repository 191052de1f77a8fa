"""Choose one thing from a short numbered list: press its number, or type the first letters."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class ChoiceScreen(ModalScreen[str | None]):
    """Returns the key of the chosen item, or None when cancelled.

    Numbers 1 to 9 pick at once. Letters narrow the list to the items whose words start with
    them, and pick as soon as only one is left. Arrows and Enter work too.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="choose.cancel"),
        Binding("backspace", "unletter", "Delete a letter", id="choose.backspace", show=False),
    ]
    HELP = ("Press the number of your choice, or type the first letters of it, or use the arrow keys "
            "and press Enter. Press Escape to go back without choosing.")

    def __init__(self, title: str, choices: list[tuple[str, str]], prompt: str = "") -> None:
        super().__init__()
        self._title = title
        self._choices = choices
        self._prompt = prompt or "Press a number or type the first letters. Escape to cancel."
        self._typed = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="choose-box"):
            yield Static(self._title, id="choose-title", markup=False)
            yield Static(self._prompt, id="choose-prompt", markup=False)
            yield OptionList(id="choose-list")
            yield Static("", id="choose-typed", markup=False)

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _visible(self) -> list[tuple[int, str, str]]:
        typed = self._typed.lower()
        return [
            (n, key, label) for n, (key, label) in enumerate(self._choices, start=1)
            if not typed or label.lower().startswith(typed)
            or any(word.startswith(typed) for word in label.lower().split())
        ]

    def _fill(self) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        for n, key, label in self._visible():
            number = f"{n}." if n <= 9 else "  "
            options.add_option(Option(Text(f"{number} {label}"), id=key))
        if options.option_count:
            options.highlighted = 0
        typed = self.query_one("#choose-typed", Static)
        typed.update(f"Typed: {self._typed}" if self._typed else "")

    def on_key(self, event: events.Key) -> None:
        char = event.character or ""
        if char.isdigit() and char != "0" and not self._typed:
            n = int(char)
            if n <= len(self._choices):
                event.stop()
                self.dismiss(self._choices[n - 1][0])
            return
        if char.isprintable() and char.strip() and len(char) == 1 and not char.isdigit():
            event.stop()
            self._typed += char
            visible = self._visible()
            if len(visible) == 1:
                self.dismiss(visible[0][1])
                return
            if not visible:
                self.notify(f"Nothing starts with {self._typed!r}.", severity="warning", markup=False)
                self._typed = self._typed[:-1]
            self._fill()

    def action_unletter(self) -> None:
        self._typed = self._typed[:-1]
        self._fill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
