"""A line that says, in words, whether the last change is safely on disk."""

from __future__ import annotations

from datetime import datetime

from coprod_meet.domain.dates import time_in_words
from coprod_meet.tui.widgets.words import Words


class SaveStatus(Words):
    """Shows "Saving…", "Saved at 2:05pm" (only after fsync) or "Not saved: …".

    It takes the whole width of its line, so a new status is drawn in place without the screen's
    layout being worked out again (a status changes with every key that saves something).
    """

    DEFAULT_CSS = """
    SaveStatus { height: 1; width: 1fr; padding: 0 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__("Nothing to save yet", **kwargs)

    def saving(self) -> None:
        self.show("Saving…")

    def saved(self, when: datetime | None = None) -> None:
        when = when or datetime.now()
        self.show(f"Saved at {time_in_words(when)}")  # as every time is said: "2:05pm"

    def failed(self, message: str) -> None:
        self.show(f"NOT SAVED: {message}")
