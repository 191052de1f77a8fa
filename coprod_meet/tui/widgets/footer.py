"""The keys of the screen at the bottom: Textual's Footer, rebuilt only when its keys change.

Every screen shows its keys with plain labels (each binding has a short ``description``). At 80
columns not every key fits on the line; F1 lists every key of the screen (see
``HelpfulScreen.help_keys``), so a key the footer cannot show is never hidden from the person.

Textual rebuilds the footer whenever the screen's keys might have changed: focus moves, a box
closes over the screen. Each rebuild makes and styles a new widget for every key, and the old
ones are left for Python's garbage collector, which then has more to do during a later key press
of a meeting. Here the footer is rebuilt only when what it shows would be different.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's Footer, rebuilt only when the keys it shows are different."""

    shown: tuple[Any, ...] | None = None

    def keys_to_show(self) -> tuple[Any, ...]:
        """Everything the footer reads to build its keys."""
        keys = tuple(
            (binding.key, self.app.get_key_display(binding), binding.description, binding.action,
             binding.group, binding.tooltip, enabled, tooltip, binding.show)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show or binding.action == "command_palette"
        )
        return (keys, self.show_command_palette, self.compact, self.app.ENABLE_COMMAND_PALETTE,
                self.app.COMMAND_PALETTE_BINDING)

    async def recompose(self) -> None:
        if not self.is_attached:
            return await super().recompose()
        keys = self.keys_to_show()
        if keys == self.shown and self.children:
            return  # the same keys as now: nothing to rebuild
        await super().recompose()
        if self.children:  # built (Textual builds nothing until the screen's keys are known)
            self.shown = keys
