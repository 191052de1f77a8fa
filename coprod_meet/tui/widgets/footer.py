"""Textual's Footer, without a leak that slowed long meetings down.

Textual's Footer rebuilds its keys whenever the keys of the screen change (a dialog opens or
closes, the meeting starts). Each key it builds asks to follow the footer's ``compact`` setting,
and Textual forgets those requests only when ``compact`` changes, which never happens here. So
every key ever shown stayed in memory: after a few hundred key presses in a meeting, thousands of
old keys made each garbage collection (and each rebuild, which looks through the list) slower,
until one key press could stall the screen for half a second.
"""

from __future__ import annotations

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """The keys of the screen at the bottom; old keys are let go when the footer is rebuilt."""

    async def recompose(self) -> None:
        await super().recompose()
        # Textual keeps its watchers in an attribute named "__watchers" (see textual.reactive._watch).
        for watchers in getattr(self, "__watchers", {}).values():
            watchers[:] = [(node, callback) for node, callback in watchers
                           if not (node._closing or node._closed)]
