"""One box for the small questions a screen asks: choose one thing from a numbered list, or type
a line.

A question can lead to the next one (a card: which colour, whose, which word). The box stays
open while it does, showing the next question in place, and the screen that owns it keeps it for
the next time. So a key press never waits for a box to be built, styled and taken down again,
and the screen underneath is drawn again only once the questions are over.

Choosing: numbers 1 to 9 pick at once. Letters narrow the list to the items whose words start
with them, and pick as soon as only one is left. Arrows and Enter work too.
"""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from coprod_meet.tui.widgets.words import Words

CHOOSE_HELP = ("Press the number of your choice, or type the first letters of it, or use the arrow keys "
               "and press Enter. Press Escape to go back without choosing.")
ASK_HELP = "Type your answer and press Enter. Press Escape to go back without changing anything."
CHOOSE_KEYS = "Press a number or type the first letters. Escape to cancel."
ASK_KEYS = "Enter to finish, Escape to cancel."


class DialogScreen(ModalScreen[None]):
    """Shows one question at a time; ``choose`` and ``ask`` open it (or change the question).

    The answer goes to the question's ``then``. If ``then`` asks the next question, the box
    stays open and shows it; otherwise the box closes. Escape closes it without an answer.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("backspace", "unletter", "Delete a letter", id="dialog.backspace", show=False),
    ]
    HELP = CHOOSE_HELP

    def __init__(self) -> None:
        super().__init__()
        self._title = ""
        self._prompt = ""
        self._choices: list[tuple[str, str]] = []
        self._value: str | None = None  # the text to start from when asking; None when choosing
        self._then: Callable[[str], None] | None = None
        self._typed = ""
        self._asking_shown: bool | None = None  # whether the box shows a line to type (or a list)

    # -- asking ---------------------------------------------------------------------------------

    def choose(self, title: str, choices: list[tuple[str, str]], then: Callable[[str], None],
               prompt: str = "") -> None:
        """Ask to choose one of ``choices`` (key, words); ``then(key)`` gets the chosen key."""
        self._set(title, prompt or CHOOSE_KEYS, choices, None, then)

    def ask(self, title: str, prompt: str, then: Callable[[str], None], value: str = "") -> None:
        """Ask for one line of text, starting from ``value``; ``then(text)`` gets what was typed."""
        self._set(title, prompt, [], value, then)

    def _set(self, title: str, prompt: str, choices: list[tuple[str, str]], value: str | None,
             then: Callable[[str], None]) -> None:
        self._title, self._prompt, self._choices, self._value, self._then = title, prompt, choices, value, then
        self._typed = ""
        self.HELP = CHOOSE_HELP if value is None else ASK_HELP
        if self.is_mounted:
            self._show()
        if self.app.screen is not self:
            self.app.push_screen(self)

    # -- showing --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box"):
            yield Words(id="dialog-title")
            yield Words(id="dialog-prompt")
            yield OptionList(id="dialog-list")
            yield Input(id="dialog-input")
            yield Words(id="dialog-keys")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        """Show the question now asked, changing only the parts that differ from what is shown."""
        asking = self._value is not None
        self.query_one("#dialog-title", Words).show(self._title)
        self.query_one("#dialog-prompt", Words).show(self._prompt)
        if asking != self._asking_shown:
            self._asking_shown = asking
            self.query_one("#dialog-box").set_class(asking, "-ask")
            self.query_one(OptionList).display = not asking
            self.query_one(Input).display = asking
        if asking:
            field = self.query_one(Input)
            field.value = self._value or ""
            field.cursor_position = len(field.value)
            self.query_one("#dialog-keys", Words).show(ASK_KEYS)
            field.focus()
        else:
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
        options.set_options(Option(Text(f"{f'{n}.' if n <= 9 else '  '} {label}"), id=key)
                            for n, key, label in self._visible())
        if options.option_count:
            options.highlighted = 0
        self.query_one("#dialog-keys", Words).show(f"Typed: {self._typed}" if self._typed else "")

    # -- answering ------------------------------------------------------------------------------

    def _answer(self, answer: str) -> None:
        """Give the answer to the question; close unless it led to another question."""
        then, self._then = self._then, None
        if then is not None:
            then(answer)
        if self._then is None and self.is_active:
            self.dismiss(None)

    def on_screen_resume(self) -> None:
        if self._then is None:  # something else opened over the box after its last answer
            self.dismiss(None)

    def on_key(self, event: events.Key) -> None:
        if self._value is not None:
            return  # asking: the keys are for typing
        char = event.character or ""
        if char.isdigit() and char != "0" and not self._typed:
            n = int(char)
            if n <= len(self._choices):
                event.stop()
                self._answer(self._choices[n - 1][0])
            return
        if char.isprintable() and char.strip() and len(char) == 1 and not char.isdigit():
            event.stop()
            self._typed += char
            visible = self._visible()
            if len(visible) == 1:
                self._answer(visible[0][1])
                return
            if not visible:
                self.notify(f"Nothing starts with {self._typed!r}.", severity="warning", markup=False)
                self._typed = self._typed[:-1]
            self._fill()

    def action_unletter(self) -> None:
        if self._value is None:
            self._typed = self._typed[:-1]
            self._fill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._answer(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._answer(event.value)

    def action_cancel(self) -> None:
        self._then = None
        self.dismiss(None)
