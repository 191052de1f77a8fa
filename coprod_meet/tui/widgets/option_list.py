"""Textual's OptionList, drawn with less work: the meeting screen's queue is a tall list with a few
people in it, drawn again whenever the screen's layout moves.

For every line it draws, Textual's OptionList works out again which option is on it, how big the
list is and what an empty line looks like (several lookups each). Here that is worked out once
per drawing, and the empty lines below the options (most of a short queue) are the same line.
The options themselves are drawn by Textual, as before.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import OptionList as TextualOptionList


class OptionList(TextualOptionList):
    """An OptionList that draws its empty lines without working everything out again."""

    _line_count: int | None = None  # lines of options, while drawing
    _empty_line: Strip | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._update_lines()
        self._line_count = len(self._line_cache.lines)
        self._empty_line = None
        try:
            return super().render_lines(crop)
        finally:
            self._line_count = None

    def render_line(self, y: int) -> Strip:
        if self._line_count is not None and self.scroll_offset.y + y >= self._line_count:
            if self._empty_line is None:  # the same as Textual draws below the last option
                self._empty_line = Strip.blank(self.scrollable_content_region.width,
                                               self.get_visual_style("option-list--option").rich_style)
            return self._empty_line
        return super().render_line(y)
