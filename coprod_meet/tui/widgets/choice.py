"""Radio choices whose state is a symbol, not only a colour: "(•) Vote" chosen, "( ) Vote" not.

They need parts of Textual that Textual keeps to itself, so they live in the one module that is
checked against the Textual version (``coprod_meet/tui/textual_compat.py``).
"""

from coprod_meet.tui.textual_compat import ChoiceButton, ChoiceSet

__all__ = ["ChoiceButton", "ChoiceSet"]
