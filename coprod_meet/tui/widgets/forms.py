"""Small pieces shared by the planning forms: a label above a field, plain-text options."""

from __future__ import annotations

from typing import Iterable

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Select, Static

from coprod_meet.domain.model import Member

NOBODY = ""


def label(text: str, for_id: str = "") -> Static:
    """A field's name, above it. Always plain text."""
    return Static(text, classes="field-label", markup=False, id=f"{for_id}-label" if for_id else None)


def hint(text: str = "", for_id: str = "") -> Static:
    """A line under a field that says what was understood, or what to do."""
    return Static(text, classes="field-hint", markup=False, id=f"{for_id}-hint" if for_id else None)


def options(pairs: Iterable[tuple[str, str]]) -> list[tuple[Text, str]]:
    """(words, value) pairs as Select options whose words are never read as markup."""
    return [(Text(words), value) for words, value in pairs]


def member_options(members: Iterable[Member], nobody: str = "No one yet") -> list[tuple[Text, str]]:
    return options([(nobody, NOBODY), *((m.name, m.id) for m in members)])


def select_value(select: Select) -> str:
    """The chosen value, or "" when nothing is chosen."""
    value = select.value
    return "" if value is Select.NULL or value is None else str(value)


def focus_first(container: Widget) -> None:
    for widget in container.query("Input, Select, SelectionList, TextArea, Checkbox"):
        if widget.focusable:
            widget.focus()
            return
