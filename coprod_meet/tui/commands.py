"""The command palette lists every key of the current screen, in plain words.

So anything you can do with a key you can also find by typing what you want ("search", "note").
"""

from __future__ import annotations

from functools import partial
from typing import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode


class ScreenKeysProvider(Provider):
    """One command per binding (with a description) active on the screen the palette was opened from."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        seen: set[str] = set()
        found: list[tuple[str, Callable[[], object], str]] = []
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.description in seen or not active.enabled:
                continue
            seen.add(binding.description)
            key = self.app.get_key_display(binding)
            found.append((binding.description, partial(self._run, active.node, binding.action), key))
        return found

    def _run(self, node: DOMNode, action: str) -> None:
        self.app.call_later(node.run_action, action)

    async def discover(self) -> Hits:
        for description, run, key in self._commands():
            yield DiscoveryHit(description, run, help=f"Key: {key}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for description, run, key in self._commands():
            score = matcher.match(description)
            if score > 0:
                yield Hit(score, matcher.highlight(description), run, help=f"Key: {key}")
