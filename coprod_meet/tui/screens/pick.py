"""Pick one thing from a list by typing a few words: an earlier decision, a record to correct."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.footer import Footer

NOTHING = "\x00nothing"  # the value of the "none of these" choice


class PickScreen(HelpfulScreen, ModalScreen[str | None]):
    """A list with a search line. Gives back the chosen value, ``NOTHING``, or None for Escape."""

    TITLE_WORDS = "Choose from a list"
    HELP = """
Type a few words to shorten the list. Press the down arrow to move into the list.
Press Enter to choose the highlighted line. Press Escape to go back without choosing.
"""
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="pick.cancel"),
        Binding("down", "into_list", "Into the list", id="pick.list", show=False),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], *, nothing: str = "") -> None:
        super().__init__()
        self._title = title
        self._choices = choices
        self._nothing = nothing

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Static(self._title, classes="form-title", markup=False)
            yield Input(placeholder="Type words to look for", id="pick-search")
            yield OptionList(id="pick-list")
            yield Static("", id="pick-count", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.fill("")
        self.query_one("#pick-search", Input).focus()

    def fill(self, words: str) -> None:
        wanted = words.casefold().split()
        shown = [(label, value) for label, value in self._choices if all(w in label.casefold() for w in wanted)]
        found = self.query_one("#pick-list", OptionList)
        found.clear_options()
        if self._nothing:
            found.add_option(Option(Content(self._nothing), id=NOTHING))
        found.add_options([Option(Content(label), id=value) for label, value in shown])
        if found.option_count:
            found.highlighted = 0
        total = len(self._choices)
        count = f"{len(shown)} of {total} shown." if wanted else f"{total} to choose from."
        self.query_one("#pick-count", Static).update(count + " Enter to choose, Escape to go back.")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        found = self.query_one("#pick-list", OptionList)
        if found.highlighted is not None:
            self.dismiss(found.get_option_at_index(found.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_into_list(self) -> None:
        self.query_one("#pick-list", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
