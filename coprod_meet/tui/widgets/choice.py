"""Radio choices whose state is a symbol, not only a colour: "(•) Vote" chosen, "( ) Vote" not."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import RadioButton, RadioSet


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
