"""When Python's garbage collector runs while a meeting is run, so it never stalls a key press.

The app freezes what exists once the first screen is up (``CoprodMeetApp._settle``): the
collector no longer scans it. The meeting screen is used at a brisk pace for hours, so it does
more:

- Once it is drawn, what exists then (the screen, its widgets, the meeting) is frozen too.
- Python's own full collections come when enough objects have lived a while, so during some key
  press. Here they are held back (to one in ten of Python's own, in case nothing else runs) and
  the screen's once-a-second clock tick runs one when it is due, between key presses.
- When the screen goes, everything is unfrozen, and once the next screen is drawn one full
  collection clears what the meeting screen left behind; the rest is frozen again.
"""

from __future__ import annotations

import gc

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
