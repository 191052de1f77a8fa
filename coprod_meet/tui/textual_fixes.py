"""Fixes for Textual (pinned at 8.2.8) that long meetings need; applied once when the TUI loads.

Every widget draws its lines through a ``StylesCache``. Textual caches the two background styles
of a line with ``functools.lru_cache`` on a method, so the cache also holds ``self``: the
``StylesCache`` of the last 1,024 widgets, with every line they drew, even long after the
widgets were removed. In a meeting each dialog that opens and closes adds its widgets to that
pile: after a few hundred key presses about 60,000 dead objects stayed in memory, and every
garbage collection had to look through them all (a pause of tens of milliseconds, often during a
key press). The styles depend on the two colours only, so here they are cached by the colours.

Every line drawn on the screen is a ``Strip``, and a strip keeps what it was cut into, in case it
is cut the same way again. Cut at its own end (which the screen does with most lines) or cropped
to its own size, the answer is the strip itself, so the strip held itself in a loop that only the
garbage collector could break: thousands of old lines per minute of a meeting, each with seven
small caches, for the collector to find. Here those two cuts give the strip back without keeping
it, as they cost nothing to work out again.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

from rich.style import Style as RichStyle

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.strip import Strip
from textual.style import Style

_divide = Strip.divide
_crop_extend = Strip.crop_extend


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """The same styles as Textual's ``StylesCache.get_inner_outer``, keyed by the colours only."""
    return Style(background=base_background + background), Style(background=base_background)


def _get_inner_outer(self: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
    return _inner_outer(base_background, background)


def _divide_without_loop(self: Strip, cuts: Iterable[int]) -> Sequence[Strip]:
    cuts = [cut for cut in cuts if cut <= self.cell_length]
    if cuts == [self.cell_length]:
        return [self]  # Textual's answer too, but not kept in the strip's own cache
    return _divide(self, cuts)


def _crop_extend_without_loop(self: Strip, start: int, end: int, style: RichStyle | None) -> Strip:
    if start <= 0 and end == self.cell_length:
        return self  # Textual's answer too, but not kept in the strip's own cache
    return _crop_extend(self, start, end, style)


def apply() -> None:
    """Put the fixes in place (doing it twice changes nothing)."""
    StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign,assignment]
    Strip.divide = _divide_without_loop  # type: ignore[method-assign]
    Strip.crop_extend = _crop_extend_without_loop  # type: ignore[method-assign]
