"""The footer lets go of the keys it showed before (Textual's own Footer kept them all)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.widgets.footer import Footer


async def test_opening_and_closing_help_many_times_keeps_only_the_shown_keys(service) -> None:
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        for _ in range(6):  # each time the footer is built again with the list's keys
            await pilot.press("f1")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        await pilot.pause()
        watchers = getattr(footer, "__watchers", {}).get("compact", [])
        shown = list(footer.query(FooterKey))
        assert shown and all(isinstance(node, FooterKey) and node.is_attached for node, _ in watchers)
        assert len(watchers) <= len(shown)  # the command palette key is not bound
