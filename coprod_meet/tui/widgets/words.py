"""A line (or a few) of plain words that is drawn again only when its words change.

Textual's ``Static.update`` works out the layout of the whole screen each time: every widget is
measured and placed again, and whatever moved is drawn again. Most changes during a meeting (a
timer that moves on, the next speaker) keep the same number of lines, so here the layout is
asked for only when the height of the words changes; otherwise only these words are drawn.
"""

from __future__ import annotations

from rich.text import Text
from textual.css.scalar import Unit
from textual.widgets import Static


class Words(Static):
    """Plain words (never markup); ``show`` changes them."""

    def __init__(self, words: str = "", *, bold: bool = False, **kwargs) -> None:
        self._bold = bold
        super().__init__(self._visual_words(words), markup=False, **kwargs)
        self.words = words

    def _visual_words(self, words: str) -> str | Text:
        return Text(words, style="bold") if self._bold else words

    def update(self, content: object = "", *, layout: bool = True) -> None:  # type: ignore[override]
        """Change the words and work out the layout again (``show`` does that only when needed)."""
        self.words = str(content)
        super().update(content, layout=layout)  # type: ignore[arg-type]

    def show(self, words: str) -> bool:
        """Show ``words``; True if they are different from what was shown."""
        if words == self.words:
            return False
        before = self.size
        width = self.styles.width
        same_size_possible = (self.is_mounted and self.display and before.width > 0
                              and (width is None or width.unit is not Unit.AUTO))
        self.update(self._visual_words(words), layout=not same_size_possible)  # sets self.words
        if same_size_possible and self._render().get_height(self.styles, before.width) != before.height:
            self.refresh(layout=True)  # more or fewer lines: the widgets around move
        return True
