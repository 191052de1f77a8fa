"""The footer (Textual's own) shows the screen's main keys with plain labels, all of them on its
line at 80x24 with F1 among them; F1 lists every key of the screen."""

from __future__ import annotations

from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.widgets.footer import Footer


def _keys(footer: Footer) -> tuple[list[str], list[str]]:
    """The labels of the footer's keys that a person sees, and of those cut off at its right (the
    command palette's key, at the far right, aside)."""
    shown, cut_off = [], []
    for key in footer.query("FooterKey").exclude(".-command-palette"):
        seen = key.region.width > 0 and key.region.right <= footer.region.right
        (shown if seen else cut_off).append(key.description)
    return shown, cut_off


async def test_the_footer_shows_plain_labels_and_help_lists_the_keys_that_do_not_fit(demo_service) -> None:
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        shown, cut_off = _keys(screen.query_one(Footer))
        assert shown == ["Run meeting", "Search", "Plan", "Quit", "Help"]
        assert all(label and label[0].isupper() and "_" not in label for label in shown)
        assert cut_off == [], "at 80 columns every key the footer shows fits on its line"
        await pilot.press("f1")
        await pilot.pause()
        help_text = str(app.screen.query_one("#help-text").render())
        assert "Select" not in help_text  # Enter on the table says what it does here: Open
        for label in shown + ["Open", "Show all", "Agenda", "Groups", "Decisions", "Actions", "Trends", "Export minutes",
                              "Import meetings"]:
            assert label in help_text, label


async def test_the_footer_follows_the_screen_it_is_on_and_is_rebuilt_only_when_its_keys_change(demo_service) -> None:
    """Opening and closing help many times leaves the list's footer with the list's keys, the
    same key widgets as before (nothing new made for the garbage collector to clear)."""
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        before, widgets = _keys(footer), list(footer.query("FooterKey"))
        for _ in range(4):
            await pilot.press("f1")
            await pilot.pause()
            assert _keys(app.screen.query_one(Footer))[0][0] == "Close help"
            await pilot.press("escape")
            await pilot.pause()
        assert _keys(footer) == before
        assert list(footer.query("FooterKey")) == widgets
        await pilot.press("slash")  # a box for the words: the keys of the list stay
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert _keys(footer) == before
