"""A line (or a few) of plain words, shown again only when its words change."""

from __future__ import annotations

from rich.text import Text
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
        self.words = str(content)
        super().update(content, layout=layout)  # type: ignore[arg-type]

    def show(self, words: str) -> bool:
        """Show ``words``; True if they are different from what was shown."""
        if words == self.words:
            return False
        self.update(self._visual_words(words))  # sets self.words
        return True
