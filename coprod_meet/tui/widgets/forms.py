"""The pieces every form is made of: a label above a field, a hint under it, plain-text options,
radio choices drawn with a symbol, and reading or filling the fields in one go (for drafts)."""

from __future__ import annotations

from typing import Any, Iterable

from rich.text import Text
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, Select, SelectionList, Static, TextArea
from textual.widgets.select import InvalidSelectValueError

from coprod_meet.domain.model import Member
from coprod_meet.tui import textual_compat

NOBODY = ""


def label(text: str, for_id: str = "", *, classes: str = "field-label") -> Static:
    """A field's name, above it. Always plain text."""
    if classes == "form-label":
        return Label(Content(text), classes=classes)
    return Static(text, classes=classes, markup=False, id=f"{for_id}-label" if for_id else None)


def hint(text: str = "", for_id: str = "") -> Static:
    """A line under a field that says what was understood, or what to do."""
    return Static(text, classes="field-hint", markup=False, id=f"{for_id}-hint" if for_id else None)


def options(pairs: Iterable[tuple[str, Any]]) -> list[tuple[Text, Any]]:
    """(words, value) pairs as Select options whose words are never read as markup. (Plain
    ``Text``: an open list jumps to the option whose words hold the letters a person types.)"""
    return [(Text(words), value) for words, value in pairs]


def by_id(pairs: Iterable[tuple[str, str]]) -> list[tuple[Text, str]]:
    """(id, words) pairs, as the prefill holds them, as Select options."""
    return [(Text(words), value) for value, words in pairs]


def member_options(members: Iterable[Member], nobody: str = "No one yet") -> list[tuple[Text, str]]:
    return options([(nobody, NOBODY), *((m.name, m.id) for m in members)])


def select_value(select: Select) -> str:
    """The chosen value, or "" when nothing is chosen."""
    value = select.value
    return "" if value is Select.NULL or value is None else str(value)


def first_field(container: Widget) -> Widget | None:
    """The field a person starts in: the first one that can take the focus."""
    return next((w for w in container.query("Input, Select, SelectionList, TextArea, Checkbox, RadioSet")
                 if w.focusable and not w.disabled), None)


def focus_first(container: Widget) -> None:
    widget = first_field(container)
    if widget is not None:
        widget.focus()


# ChoiceButton ("(•)" / "( )", never colour alone) and ChoiceSet need parts of Textual it keeps to
# itself, so they live in the one module checked against the Textual version.
ChoiceButton, ChoiceSet = textual_compat.ChoiceButton, textual_compat.ChoiceSet
# TickBox and TickList ("X" only where ticked, never colour alone), for the same reason.
TickBox, TickList = textual_compat.TickBox, textual_compat.TickList


# -- every field's value at once (what a draft keeps) -------------------------------------------

FIELDS = "Input, TextArea, Select, SelectionList, RadioSet, Checkbox"


def field_values(container: Widget) -> dict[str, Any]:
    """What is in each field with an id, as plain JSON values."""
    values: dict[str, Any] = {}
    for widget in container.query(FIELDS):
        if not widget.id:
            continue
        if isinstance(widget, Input):
            values[widget.id] = widget.value
        elif isinstance(widget, TextArea):
            values[widget.id] = widget.text
        elif isinstance(widget, Select):
            values[widget.id] = select_value(widget) if widget.value is not Select.NULL else None
        elif isinstance(widget, SelectionList):
            values[widget.id] = sorted(str(v) for v in widget.selected)
        elif isinstance(widget, RadioSet):
            pressed = widget.pressed_button
            values[widget.id] = (pressed.name or "") if pressed is not None else None
        elif isinstance(widget, Checkbox):
            values[widget.id] = bool(widget.value)
    return values


def fill_fields(container: Widget, values: dict[str, Any]) -> None:
    """Put back what ``field_values`` read; fields or choices that are gone are left as they are."""
    for widget in container.query(FIELDS):
        if widget.id not in values:
            continue
        value = values[widget.id]
        if isinstance(widget, Input) and isinstance(value, str):
            widget.value = value
        elif isinstance(widget, TextArea) and isinstance(value, str):
            widget.text = value
        elif isinstance(widget, Select):
            try:
                widget.value = Select.NULL if value is None else value
            except InvalidSelectValueError:  # a choice that is no longer offered stays unchosen
                pass
        elif isinstance(widget, SelectionList) and isinstance(value, list):
            offered = {widget.get_option_at_index(i).value for i in range(widget.option_count)}
            widget.deselect_all()
            for v in value:
                if v in offered:
                    widget.select(v)
        elif isinstance(widget, RadioSet) and value is not None:
            for button in widget.query(RadioButton):
                if button.name == value:
                    button.value = True
        elif isinstance(widget, Checkbox) and isinstance(value, bool):
            widget.value = value
