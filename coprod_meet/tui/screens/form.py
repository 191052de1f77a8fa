"""What the planning forms share: Ctrl+S builds the record and returns it, Escape returns nothing."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Static

from coprod_meet.domain.errors import UserError
from coprod_meet.tui.screens.base import HelpfulScreen


class FormScreen(HelpfulScreen):
    """A form that returns what ``build`` makes, or ``None``. A mistake is said under the form."""

    def build(self) -> Any:  # pragma: no cover - every form has its own
        raise NotImplementedError

    def action_save(self) -> None:
        try:
            record = self.build()
        except UserError as error:
            self.query_one("#form-hint", Static).update(f"Not saved: {error}")
            self.app.notify(str(error), severity="warning", markup=False)
            return
        self.dismiss(record)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)
