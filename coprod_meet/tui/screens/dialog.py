"""The one box for every small question: choose one thing from a numbered list, answer yes or no,
or type a line. ``ask``, ``choose`` and ``confirm`` open it from any screen.

A question can lead to the next one (a card: which colour, whose, which word). The box stays
open while it does, showing the next question in place, and a screen that asks often (the
meeting screen) keeps its box for the next time. So a key press never waits for a box to be
built, styled and taken down again.

Choosing never leaks a key: every key typed while the box is open is the box's.
- A number chooses as soon as no longer number starts with it ("4" at once; with 12 people "1"
  waits for a second digit, or Enter for 1). People keep their meeting number here.
- Letters only narrow the list (to the lines with a word that starts with them); Enter chooses
  the highlighted line. A letter never chooses by itself.
- Arrows and Enter work too; Backspace takes back a typed character; Escape closes the box.
"""

from __future__ import annotations

from typing import Callable, NamedTuple, Sequence

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from coprod_meet.domain.numbering import could_grow, number_width
from coprod_meet.tui.widgets.words import Words

CHOOSE_HELP = ("Press the number of your choice, or type the first letters of it and press Enter, or use "
               "the arrow keys and press Enter. Numbers above 9 are two digits: type 1 then 2 for 12. "
               "Backspace takes back a letter. Press Escape to go back without choosing.")
ASK_HELP = "Type your answer and press Enter. Press Escape to go back without changing anything."
CONFIRM_HELP = "Press Y for yes or N for no. Escape also means no, and nothing changes."
CHOOSE_KEYS = "Press a number, or type letters then Enter. Escape to cancel."
ASK_KEYS = "Enter to finish, Escape to cancel."
CONFIRM_KEYS = "Press Y for yes, N for no."
NOTHING = "\x00nothing"  # the key of a "none of these" choice


class Choice(NamedTuple):
    """One line to choose: its key (given back), its words, the number to press (a person's
    meeting number; None numbers the lines in order), and why it cannot be chosen, if it cannot
    (then it is not listed, but its number or name says why)."""

    key: str
    words: str
    number: int | None = None
    why_not: str = ""


Choices = Sequence["Choice | tuple[str, str]"]


def _matches(words: str, typed: str) -> bool:
    """Every typed word starts some word of ``words`` (any case)."""
    mine = words.casefold().split()
    return all(any(w.startswith(t) for w in mine) for t in typed.casefold().split())


class DialogScreen(ModalScreen[None]):
    """Shows one question at a time; ``choose``, ``confirm`` and ``ask`` open it (or change the
    question). The answer goes to the question's ``then``; if ``then`` asks the next question, the
    box stays open and shows it, otherwise it closes. Escape closes it without an answer."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("backspace", "unletter", "Delete a letter", id="dialog.backspace", show=False),
    ]
    HELP = CHOOSE_HELP

    def __init__(self) -> None:
        super().__init__()
        self._title = ""
        self._prompt = ""
        self._choices: list[Choice] = []
        self._value: str | None = None  # the text to start from when asking; None when choosing
        self._yes_no = False
        self._then: Callable[[str], None] | None = None
        self._typed = ""
        self._asking_shown: bool | None = None  # whether the box shows a line to type (or a list)

    # -- asking ---------------------------------------------------------------------------------

    def choose(self, title: str, choices: Choices, then: Callable[[str], None], prompt: str = "",
               typed: str = "") -> None:
        """Ask to choose one of ``choices``; ``then(key)`` gets the chosen key. ``typed`` is what
        the person has typed already (a first digit pressed on the screen underneath)."""
        listed = [c if isinstance(c, Choice) else Choice(*c) for c in choices]
        if all(c.number is None for c in listed):
            listed = [c._replace(number=n) for n, c in enumerate(listed, start=1)]
        self._set(title, prompt or CHOOSE_KEYS, listed, None, then)
        for char in typed:
            self._type(char)

    def confirm(self, title: str, then: Callable[[], None], detail: str = "", yes: str = "Yes",
                no: str = "No", otherwise: Callable[[], None] | None = None) -> None:
        """A yes-or-no question; ``then()`` runs only for yes. N, Escape or "No" change nothing,
        but for running ``otherwise()`` when given."""
        def answered(answer: str) -> None:
            if answer == "yes":
                then()
            elif otherwise is not None:
                otherwise()

        self._set(title, detail, [Choice("yes", yes, 1), Choice("no", no, 2)], None, answered, yes_no=True)

    def ask(self, title: str, prompt: str, then: Callable[[str], None], value: str = "") -> None:
        """Ask for one line of text, starting from ``value``; ``then(text)`` gets what was typed."""
        self._set(title, prompt, [], value, then)

    def _set(self, title: str, prompt: str, choices: list[Choice], value: str | None,
             then: Callable[[str], None], yes_no: bool = False) -> None:
        self._title, self._prompt, self._choices, self._value, self._then = title, prompt, choices, value, then
        self._typed = ""
        self._yes_no = yes_no
        self.HELP = CONFIRM_HELP if yes_no else CHOOSE_HELP if value is None else ASK_HELP
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

    def _offered(self) -> list[Choice]:
        return [c for c in self._choices if not c.why_not]

    def _visible(self) -> list[Choice]:
        typed = self._typed
        if typed.isdigit():
            return [c for c in self._offered() if str(c.number).startswith(typed)]
        return [c for c in self._offered() if not typed or _matches(c.words, typed)]

    def _fill(self) -> None:
        visible = self._visible()
        width = number_width(max((c.number or 0 for c in self._choices), default=1))
        options = self.query_one(OptionList)
        options.set_options(Option(Text(f"{c.number:>{width}}. {c.words}" if c.number else c.words), id=c.key)
                            for c in visible)
        if options.option_count:
            exact = next((i for i, c in enumerate(visible) if str(c.number) == self._typed), 0)
            options.highlighted = exact
        self.query_one("#dialog-keys", Words).show(self._keys_line(visible))

    def _keys_line(self, visible: list[Choice]) -> str:
        if self._yes_no:
            return CONFIRM_KEYS
        if not self._typed:
            return ""
        line = f"Typed: {self._typed}."
        if visible:
            shown = len(visible)
            total = len(self._offered())
            line += f" {shown} of {total} shown. Enter chooses the highlighted one." if shown < total else \
                " Enter chooses the highlighted one."
        refused = [c.why_not for c in self._choices if c.why_not and (
            str(c.number) == self._typed if self._typed.isdigit() else _matches(c.words, self._typed))]
        if refused:
            line += " " + " ".join(refused[:2])
        return line

    # -- answering ------------------------------------------------------------------------------

    def _answer(self, answer: str) -> None:
        """Give the answer to the question; close unless it led to another question."""
        then, self._then = self._then, None
        if self._yes_no and self.is_active:  # a yes or no leads to no other question: close first,
            self.dismiss(None)  # so that what it does (close a form) happens to the screen below
        if then is not None:
            then(answer)
        if self._then is None and self.is_active:
            self.dismiss(None)

    def on_screen_resume(self) -> None:
        # Something else opened over the box after its last answer. (A resume that arrives after
        # the box has closed, its question answered in a burst of keys, is old news: the box is
        # not on top, and closing it then would close the screen under it.)
        if self._then is None and self.is_active:
            self.dismiss(None)

    def on_key(self, event: events.Key) -> None:
        """Choosing: letters, digits, Backspace and Enter are used here and now, in the order they
        were typed (were they left to bindings, a burst of keys could be used out of order)."""
        if self._value is not None:
            return  # asking: the keys are for typing
        char = event.character or ""
        if event.key in ("enter", "backspace") or (len(char) == 1 and char.isprintable()
                                                   and (char != " " or self._typed)):
            event.stop()  # every such key typed here is this box's, never the screen's underneath
            event.prevent_default()
            self._take_key(event.key, char)

    def take_key(self, key: str, character: str | None) -> bool:
        """A key meant for this box that reached the screen under it (typed in the same instant
        as the key that opened the box), or Enter or Backspace, which reach the app: it is used
        here as if it had been typed here, in order."""
        self._take_key(key, character)
        return True

    def _take_key(self, key: str, character: str | None) -> None:
        if key == "escape":
            self.action_cancel()
        elif self._value is not None:
            field = self.query_one(Input) if self.is_mounted else None
            if key == "enter":
                self._answer(field.value if field is not None else self._value)
            elif key == "backspace":
                if field is not None:
                    field.action_delete_left()
                else:
                    self._value = self._value[:-1]
            elif character and character.isprintable():
                if field is not None:
                    field.insert_text_at_cursor(character)
                else:
                    self._value += character
        elif key == "enter":
            visible = self._visible()
            options = self.query_one(OptionList) if self.is_mounted else None
            index = options.highlighted if options is not None and options.highlighted is not None else 0
            if visible:
                self._answer(visible[min(index, len(visible) - 1)].key)
        elif key == "backspace":
            self.action_unletter()
        elif character and len(character) == 1 and character.isprintable():
            if self._yes_no and character.lower() in "yn":
                self._answer("yes" if character.lower() == "y" else "no")
            elif character != " " or self._typed:
                self._type(character)

    def _type(self, char: str) -> None:
        typed = self._typed + char
        if char.isdigit() and (self._typed.isdigit() or not self._typed):
            numbers = [c.number or 0 for c in self._choices]
            exact = next((c for c in self._choices if str(c.number) == typed), None)
            if exact is not None and not could_grow(typed, numbers):
                if exact.why_not:
                    self.notify(exact.why_not, severity="warning", markup=False)
                    return
                self._answer(exact.key)
                return
            if exact is None and not any(str(n).startswith(typed) for n in numbers):
                self.notify(f"There is no number {typed} here.", severity="warning", markup=False)
                return
        elif not any(_matches(c.words, typed) for c in self._choices):
            self.notify(f"Nothing here starts with {typed!r}.", severity="warning", markup=False)
            return
        self._typed = typed
        if self.is_mounted:
            self._fill()

    def action_unletter(self) -> None:
        if self._value is None:
            self._typed = self._typed[:-1]
            if self.is_mounted:
                self._fill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None and self._value is None:  # (the list is hidden when asking)
            self._answer(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._answer(event.value)

    def action_cancel(self) -> None:
        self._then = None
        if self.is_active:
            self.dismiss(None)


# -- opening a box from any screen ---------------------------------------------------------------


def ask(title: str, prompt: str, then: Callable[[str], None], value: str = "") -> DialogScreen:
    """Ask for one line of text in a new box; ``then(text)`` runs on Enter, nothing on Escape."""
    box = DialogScreen()
    box.ask(title, prompt, then, value)
    return box


def choose(title: str, choices: Choices, then: Callable[[str], None], *, nothing: str = "",
           prompt: str = "") -> DialogScreen:
    """Choose one of ``choices`` in a new box; ``then(key)`` runs with the chosen key. ``nothing``
    adds a first line "none of these" whose key is ``NOTHING``."""
    box = DialogScreen()
    listed = [Choice(NOTHING, nothing), *choices] if nothing else list(choices)
    box.choose(title, listed, then, prompt)
    return box


def confirm(question: str, then: Callable[[], None], detail: str = "",
            otherwise: Callable[[], None] | None = None) -> DialogScreen:
    """A yes-or-no question in a new box; ``then()`` runs only for yes, ``otherwise()`` (if given)
    for no."""
    box = DialogScreen()
    box.confirm(question, then, detail, otherwise=otherwise)
    return box
