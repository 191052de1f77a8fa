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

Those seven caches were made with every strip, and the screen makes a few hundred strips each
time it is drawn; most strips use one cache or none. Here a strip makes a cache the first time
it uses it: less work for each drawing, and far fewer objects for the collector to look at.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual._styles_cache import StylesCache
from textual.cache import FIFOCache
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


# Textual's strip caches and their sizes (textual/strip.py, Strip.__init__).
_STRIP_CACHES = {"_divide_cache": 4, "_crop_cache": 16, "_style_cache": 16, "_filter_cache": 4,
                 "_line_length_cache": 4, "_crop_extend_cache": 4, "_offsets_cache": 4}


def _strip_init(self: Strip, segments: Iterable[Segment], cell_length: int | None = None) -> None:
    """Textual's ``Strip.__init__`` without making the caches (``_strip_cache`` makes them)."""
    self._segments = list(segments)
    self._cell_length = cell_length
    self._render_cache = None
    self._link_ids = None
    self._cell_count = None


def _strip_cache(self: Strip, name: str) -> FIFOCache:
    """A cache of the strip not made yet: make it now (Python asks only for unset attributes)."""
    size = _STRIP_CACHES.get(name)
    if size is None:
        raise AttributeError(f"'Strip' object has no attribute {name!r}")
    cache: FIFOCache = FIFOCache(size)
    setattr(self, name, cache)
    return cache


def apply() -> None:
    """Put the fixes in place (doing it twice changes nothing)."""
    StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign,assignment]
    Strip.divide = _divide_without_loop  # type: ignore[method-assign]
    Strip.crop_extend = _crop_extend_without_loop  # type: ignore[method-assign]
    Strip.__init__ = _strip_init  # type: ignore[method-assign]
    Strip.__getattr__ = _strip_cache  # type: ignore[attr-defined]
