"""The command palette lists this app's commands: every key of the current screen, in plain
words, and the choice of theme. Textual's own generic commands (screenshots, "keys", its
themes) are not offered: the palette opens on what this screen can do.

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
        return self._keys() + self._themes()

    def _themes(self) -> list[tuple[str, Callable[[], object], str]]:
        from coprod_meet.tui.themes import THEMES

        return [(f"Use the {name.replace('-', ' ')} theme", partial(setattr, self.app, "theme", name), "none")
                for name in THEMES if name != self.app.theme]

    def _keys(self) -> list[tuple[str, Callable[[], object], str]]:
        seen: set[str] = set()
        found: list[tuple[str, Callable[[], object], str]] = []
        # This app's keys all have an id; Textual's own (scroll left, cursor up...) have none.
        # The screen's keys come first, then the app's (help, quit).
        ours = [a for a in self.screen.active_bindings.values() if a.binding.id]
        for active in sorted(ours, key=lambda a: a.node is self.app):
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
            yield DiscoveryHit(description, run, help=f"Key: {key}" if key != "none" else "")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for description, run, key in self._commands():
            score = matcher.match(description)
            if score > 0:
                yield Hit(score, matcher.highlight(description), run, help=f"Key: {key}" if key != "none" else "")
