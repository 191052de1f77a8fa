"""Textual's Footer, without a leak that slowed long meetings down, and rebuilt only when the
keys it shows have changed.

Textual's Footer rebuilds its keys whenever the keys of the screen change (a dialog opens or
closes, the meeting starts). Each key it builds asks to follow the footer's ``compact`` setting,
and Textual forgets those requests only when ``compact`` changes, which never happens here. So
every key ever shown stayed in memory: after a few hundred key presses in a meeting, thousands of
old keys made each garbage collection (and each rebuild, which looks through the list) slower,
until one key press could stall the screen for half a second.

Textual also rebuilds the footer whenever focus moves, even when the keys it shows are the same.
Each rebuild makes and styles a widget for every key, which was most of the time it took to show
the first screen; here the footer is rebuilt only when what it would show is different.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    """The keys of the screen at the bottom; old keys are let go when the footer is rebuilt."""

    _shown: tuple[Any, ...] | None = None

    def _keys_to_show(self) -> tuple[Any, ...] | None:
        """Everything ``compose`` reads to build the keys, or None before the keys are known."""
        if not self._bindings_ready or not self.is_attached:
            return None
        shown = tuple(
            (binding.key, self.app.get_key_display(binding), binding.description, binding.action,
             binding.group, binding.tooltip, enabled, tooltip, binding.show)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show or binding.action == "command_palette"
        )
        return (shown, self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE,
                self.app.COMMAND_PALETTE_BINDING)

    def compose(self):
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Born with the footer's setting and its class, so the key is not styled twice
                # more as it follows it (Textual's keys start compact and are then told they are
                # not; and a compact footer's keys would be given their "-compact" class after
                # mounting, styling each again). The palette key does not follow the footer, so
                # it is left as Textual makes it.
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    async def recompose(self) -> None:
        keys = self._keys_to_show()
        if keys is not None and keys == self._shown and self.children:
            return  # the same keys as now: nothing to rebuild
        await super().recompose()
        self._shown = keys
        # Textual keeps its watchers in an attribute named "__watchers" (see textual.reactive._watch).
        for watchers in getattr(self, "__watchers", {}).values():
            watchers[:] = [(node, callback) for node, callback in watchers
                           if not (node._closing or node._closed)]
