"""What coprod-meet does because of how Textual 8.2.8 works inside: the one place for it.

Everything else uses Textual as it is, through its public API. What is here relies on parts of
Textual that Textual keeps to itself, or replaces some of its methods, so it is checked against
the Textual it was written for when it is imported and refuses to load with any other (update
the code here and ``WRITTEN_FOR`` together when the pin in pyproject.toml moves). Each piece is
here because a benchmark or a rule showed a need a person would notice; see docs/design.md.

1. Radio choices whose state is a symbol (``ChoiceButton``, ``ChoiceSet``). Textual draws a radio
   button's state with colour only, in the private property ``ToggleButton._button``, and its
   RadioSet keeps the highlighted button in the private reactive ``_selected`` without a message.
   "(•)" chosen and "( )" not, so the state never rests on colour alone (GUIDE §3), and the set
   says which choice is highlighted so a form can explain it before it is chosen. Ticks the same
   way (``TickBox``, ``TickList``): Textual draws an "X" on every checkbox and on every line of a
   SelectionList, ticked or not, and tells them apart by colour (under NO_COLOR, not at all).
   Here the "X" is drawn only where something is ticked.

2. Less garbage from drawing (``apply``). Without these, bench/keys.py's slowest handler was
   several hundred milliseconds (goal 50 ms): each full garbage collection had a pile of dead
   drawing objects to look through, and one came during some key press.

   - Every line drawn on the screen is a ``Strip``, and a strip keeps what it was cut into, in
     case it is cut the same way again. Cut at its own end (which the screen does with most
     lines) or cropped to its own size, the answer is the strip itself, so the strip held itself
     in a loop that only the garbage collector could break: thousands of old lines per minute of
     a meeting, each with seven small caches. Here those two cuts give the strip back without
     keeping it, as they cost nothing to work out again.
   - Those seven caches were made with every strip, and the screen makes a few hundred strips
     each time it is drawn; most strips use one cache or none. Here a strip makes a cache the
     first time it uses it.
   - Textual caches the two background styles of a line with ``functools.lru_cache`` on a method
     of ``StylesCache``, so the cache also holds ``self``: the ``StylesCache`` of the last 1,024
     widgets, with every line they drew, long after the widgets were removed. The styles depend
     on the two colours only, so here they are cached by the colours.

3. When Python's garbage collector runs. While the app starts, almost everything it makes
   (styles, widgets, the first screen's data) lives for the whole run, and the collector would
   only look through it again and again: a full pass costs as much as drawing a screen, and
   without this the first screen came about a fifth later (bench/startup.py). So the collector
   waits until the first screen is up (``starting``, ``first_screen_up``), and what exists then
   is frozen. While a meeting is run (``settle_brisk_screen`` and the functions after it), a full
   collection must never stall a key press. With (2) alone the slowest
   handler was still about 100 ms on a busy machine: a full collection looks through everything
   that exists, and Textual makes a lot that lives for the whole run.

   - Once the meeting screen is drawn, what exists then (the screen, its widgets, the meeting)
     is frozen: the collector no longer looks through it.
   - Python's own full collections come when enough objects have lived a while, so during some
     key press. Here they are held back (to one in ten of Python's own, in case nothing else
     runs) and the screen's once-a-second clock tick runs one when it is due, between key presses.
   - When the screen goes, everything is unfrozen, and once the next screen is drawn one full
     collection clears what the meeting screen left behind; the rest is frozen again.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import textual
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual._styles_cache import StylesCache
from textual.cache import FIFOCache
from textual.color import Color
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Checkbox, RadioButton, RadioSet, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

WRITTEN_FOR = "8.2.8"


def check(installed: str) -> None:
    """Refuse a Textual this module was not written for, in one plain sentence."""
    if installed != WRITTEN_FOR:
        raise RuntimeError(
            f"coprod-meet was written for Textual {WRITTEN_FOR}, but Textual {installed} is installed: "
            f"install Textual {WRITTEN_FOR} (pip install textual=={WRITTEN_FOR}), or check "
            f"coprod_meet/tui/textual_compat.py against Textual {installed} and update it.")


def installed() -> str:
    """The installed Textual's version, read from the name of its install record beside it
    (``textual-8.2.8.dist-info``): asking ``importlib.metadata`` costs a tenth of the start-up."""
    records = list(Path(textual.__file__).resolve().parents[1].glob("textual-*.dist-info"))
    if len(records) == 1:
        return records[0].name[len("textual-"):-len(".dist-info")]
    from importlib.metadata import version

    return version("textual")


check(installed())


# -- 1. radio choices -------------------------------------------------------------------------


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


class TickBox(Checkbox):
    """A checkbox drawn "[X]" when ticked and "[ ]" when not."""

    @property
    def _button(self) -> Content:
        return Content("[X]" if self.value else "[ ]")


class TickList(SelectionList):
    """A SelectionList whose lines show the "X" of their tick only when ticked."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        try:
            value = self.get_option_at_index(self.scroll_offset.y + y).value
        except OptionDoesNotExist:  # a line below the last option: no tick there
            return line
        segments = list(line)
        # Textual's line: the tick's left side, its "X", its right side, a space, the words.
        if value in self.selected or len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER:
            return line
        segments[1] = Segment(" ", segments[1].style)
        return Strip(segments, line.cell_length)


# -- 2. less garbage from drawing -------------------------------------------------------------

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


# -- 3. when the garbage collector runs -------------------------------------------------------

def starting() -> None:
    """The app starts: no garbage collection until its first screen is up."""
    gc.disable()


def first_screen_up() -> None:
    """What exists now (modules, styles, widgets) lives for the whole run: the collector stops
    looking through it, and collects again from here on. Also called should the app end before
    its first screen was up."""
    gc.freeze()
    gc.enable()


_held: tuple[int, int, int] | None = None  # Python's thresholds while full collections are held back


def settle_brisk_screen() -> None:
    """A brisk screen is up: freeze what exists now and hold back full collections."""
    global _held
    gc.freeze()
    if _held is None:
        _held = gc.get_threshold()
        young, middle, full = _held
        gc.set_threshold(young, middle, full * 10)


def collect_if_due() -> None:
    """Run the full collection Python would have run by now (call at a calm moment)."""
    if _held is not None and gc.get_count()[2] >= _held[2]:
        gc.collect()


def brisk_screen_gone() -> None:
    """The brisk screen has gone: give the collector back its own rhythm and everything to scan.
    Call ``resettle`` once the next screen is drawn."""
    global _held
    if _held is not None:
        gc.set_threshold(*_held)
        _held = None
    gc.unfreeze()


def resettle() -> None:
    """Clear what the brisk screen left behind, then freeze the rest again."""
    gc.collect()
    gc.freeze()
