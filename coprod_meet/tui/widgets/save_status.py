"""A line that says, in words, whether the last change is safely on disk."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Static


class SaveStatus(Static):
    """Shows "Saving…", "Saved at 2:05pm" (only after fsync) or "Not saved: …"."""

    DEFAULT_CSS = """
    SaveStatus { height: 1; width: auto; padding: 0 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__("Nothing to save yet", markup=False, **kwargs)

    def saving(self) -> None:
        self.update("Saving…")

    def saved(self, when: datetime | None = None) -> None:
        when = when or datetime.now()
        self.update(f"Saved at {when.strftime('%H:%M:%S')}")

    def failed(self, message: str) -> None:
        self.update(f"NOT SAVED: {message}")
