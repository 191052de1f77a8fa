"""The app starts in its theme and looks as if the theme had been chosen while it ran."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.themes import THEMES


def _look(app: CoprodMeetApp) -> tuple:
    """What a person sees of the theme: colours of the screen, the list and the footer."""
    screen = app.screen
    table = screen.query_one(DataTable)
    footer = screen.query_one("Footer")
    return (screen.styles.background, screen.styles.color, table.styles.background, table.styles.color,
            footer.styles.background, footer.styles.color, sorted(c for c in app.classes if c.startswith("-")))


@pytest.mark.parametrize("name", sorted(THEMES))
async def test_starting_in_a_theme_looks_like_choosing_it(demo_service, name: str) -> None:
    started = CoprodMeetApp(demo_service, theme=name)
    async with started.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert started.theme == name
        assert f"-theme-{name}" in started.classes
        assert ("-dark-mode" in started.classes) is THEMES[name].dark
        assert ("-light-mode" in started.classes) is not THEMES[name].dark
        seen = _look(started)
    other = next(t for t in THEMES if t != name)
    switched = CoprodMeetApp(demo_service, theme=other)
    async with switched.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        switched.theme = name
        await pilot.pause()
        assert _look(switched) == seen
