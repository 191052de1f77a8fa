"""What the record forms share: a modal box that scrolls, F1 help, Ctrl+S to save, a plain error line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, Iterable, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from coprod_meet.domain.errors import UserError
from coprod_meet.services.records import RecordsService
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.footer import Footer

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Filled(Generic[R]):
    """What a record form gives back: the checked record, and for a correction why it was made."""

    record: R
    reason: str = ""


def records_service(app: Any) -> RecordsService:
    """The records service over the app's archive (cheap: it holds no state of its own)."""
    return RecordsService(app.service)


def options(pairs: Iterable[tuple[str, Any]]) -> list[tuple[Content, Any]]:
    """(label, value) pairs for a Select, with labels shown as plain text (never markup)."""
    return [(Content(label), value) for label, value in pairs]


def by_id(pairs: Iterable[tuple[str, str]]) -> list[tuple[Content, str]]:
    """(id, label) pairs, as the prefill holds them, for a Select."""
    return [(Content(label), value) for value, label in pairs]


class RecordFormScreen(HelpfulScreen, ModalScreen[T]):
    """A form in a box. Subclasses yield their fields from ``fields()`` and build the result in
    ``build()``, raising ``UserError`` with one plain sentence when something is missing."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]
    FORM_TITLE = ""
    TITLE_WORDS = "A form"
    HELP = """
Fill in the boxes. Use Tab and Shift+Tab to move between them.
Press Ctrl+S to save, or Escape to go back without saving.
"""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Static(self.FORM_TITLE, classes="form-title", markup=False)
            with VerticalScroll(classes="form-fields"):
                yield from self.fields()
            yield Static("", classes="form-error", markup=False)
            with Horizontal(classes="form-buttons"):
                yield Button("Save (Ctrl+S)", id="form-save", variant="primary")
                yield Button("Cancel (Esc)", id="form-cancel")
        yield Footer()

    def fields(self) -> ComposeResult:  # pragma: no cover - every form has fields
        yield from ()

    def build(self) -> T:  # pragma: no cover - every form builds something
        raise NotImplementedError

    def on_mount(self) -> None:
        first = next((w for w in self.query(Input) if not w.disabled), None)
        if first is not None:
            first.focus()

    # -- helpers for subclasses -----------------------------------------------------------------

    @staticmethod
    def label(text: str) -> Label:
        return Label(Content(text), classes="form-label")

    def history(self, record: Any) -> ComposeResult:
        """The earlier wordings of a record being corrected, when it has any."""
        if record is not None and record.history:
            yield self.label("Earlier wording (kept as history):")
            yield Static(Content("\n".join(c.in_words() for c in record.history)), classes="form-history")

    def value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def choice(self, selector: str) -> Any:
        value = self.query_one(selector, Select).value
        return None if value is Select.NULL else value

    def show_error(self, message: str) -> None:
        error = self.query_one(".form-error", Static)
        error.update(Content(f"Not saved yet: {message}" if message else ""))
        error.set_class(bool(message), "shown")

    # -- keys -------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on to the next field, as Tab does."""
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "form-save":
            event.stop()
            self.action_save()
        elif event.button.id == "form-cancel":
            event.stop()
            self.action_cancel()

    def action_save(self) -> None:
        try:
            result = self.build()
        except UserError as error:
            self.show_error(str(error))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)
