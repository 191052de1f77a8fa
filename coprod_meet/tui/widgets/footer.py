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
the first screen; here the footer is rebuilt only when what it would show is different. And when
only some keys change (the meeting screen's Pass key comes and goes with a go-round), only those
keys change: the others stay as they are, already styled and drawn, and a key that goes is kept
hidden, to be shown again when it comes back.
"""

from __future__ import annotations

from difflib import SequenceMatcher
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
        if keys is None or self._shown is None or not await self._change_keys():
            await super().recompose()
        self._shown = keys
        # Textual keeps its watchers in an attribute named "__watchers" (see textual.reactive._watch).
        for watchers in getattr(self, "__watchers", {}).values():
            watchers[:] = [(node, callback) for node, callback in watchers
                           if not (node._closing or node._closed)]

    async def _change_keys(self) -> bool:
        """Show the keys now wanted, keeping the keys already made: a key no longer wanted is
        hidden (the Pass key of a go-round comes back soon) and shown again when wanted; new keys
        are added in their place. False (and nothing changed) when the footer holds more than a
        row of keys (a group of keys)."""
        old = list(self.children)
        # Textual's compose sets the footer's grid_size_columns to the number of keys, and a new
        # number draws every key again. The footer lays its keys out in a row, so the number
        # changes nothing: it is set quietly first, and compose finds it already set.
        bindings = self.screen.active_bindings.values()
        actions = {binding.action for (_, binding, _, _) in bindings if binding.show}
        self.styles.set_rule("grid_size_columns", len(actions))
        new = list(self.compose())
        if not all(type(key) is FooterKey for key in (*old, *new)):
            return False
        changes = SequenceMatcher(None, [_looks(k) for k in old], [_looks(k) for k in new], autojunk=False)
        wanted: set[FooterKey] = set()
        mounting = []
        for change, old_from, old_to, new_from, new_to in changes.get_opcodes():
            if change == "equal":
                wanted.update(old[old_from:old_to])
            elif new_from < new_to:  # placed before the key that comes after them
                where = {"before": old[old_to]} if old_to < len(old) else {}
                mounting.append(self.mount(*new[new_from:new_to], **where))
        unwanted = [key for key in old if key not in wanted]
        if len(unwanted) > len(new):  # more hidden keys than shown ones: let them go
            await self.remove_children(unwanted)
            unwanted = []
        for key in (*wanted, *unwanted):
            if key.display != (key in wanted):
                key.display = key in wanted
        for mounted in mounting:
            await mounted
        return True


def _looks(key: FooterKey) -> tuple[object, ...]:
    """Everything that makes a key look and work the way it does."""
    return (key.key, key.key_display, key.description, key.action, key._disabled, key.tooltip,
            key.has_class("-grouped"), key.has_class("-command-palette"))
