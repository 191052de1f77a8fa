"""The one place where coprod-meet uses parts of Textual that Textual keeps to itself.

Everything else uses Textual as it is, through its public API. What is here changes nothing in
Textual itself (no method of Textual is replaced); it subclasses two widgets and relies on names
Textual does not promise to keep, so it is checked against the Textual it was written for when it
is imported, and refuses to load with any other (update the code here and ``WRITTEN_FOR`` together
when the pin in pyproject.toml moves).

- ``ChoiceButton`` draws a radio button's state as a symbol, "(•)" chosen and "( )" not, so the
  state never rests on colour alone (GUIDE §3). Textual draws the state with colour only; the
  drawing of the button is the private property ``ToggleButton._button``.
- ``ChoiceSet`` says which choice is highlighted (as the arrow keys move), so a form can explain
  it before it is chosen. Textual's RadioSet keeps the highlighted button in the private reactive
  ``_selected`` and sends no message when it moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import version

from textual.content import Content
from textual.message import Message
from textual.widgets import RadioButton, RadioSet

WRITTEN_FOR = "8.2.8"


def check(installed: str) -> None:
    """Refuse a Textual this module was not written for, in one plain sentence."""
    if installed != WRITTEN_FOR:
        raise RuntimeError(
            f"coprod-meet was written for Textual {WRITTEN_FOR}, but Textual {installed} is installed: "
            f"install Textual {WRITTEN_FOR} (pip install textual=={WRITTEN_FOR}), or check "
            f"coprod_meet/tui/textual_compat.py against Textual {installed} and update it.")


check(version("textual"))


class ChoiceButton(RadioButton):
    """A radio button drawn as "(•)" when chosen and "( )" when not."""

    @property
    def _button(self) -> Content:
        return Content("(•)" if self.value else "( )")


class ChoiceSet(RadioSet):
    """A radio set that also says which choice is highlighted, so a form can explain it."""

    @dataclass
    class Highlighted(Message):
        choice_set: ChoiceSet
        name: str

    def watch__selected(self) -> None:
        super().watch__selected()
        if self._selected is not None:
            button = self._nodes[self._selected]
            self.post_message(self.Highlighted(self, button.name or ""))
