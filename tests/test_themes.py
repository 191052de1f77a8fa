"""Our themes: every text/background pair the app uses has a contrast of at least 7:1 (WCAG AAA)."""

from __future__ import annotations

import pytest
from textual.color import Color

from coprod_meet.tui.themes import TEXT_PAIRS, THEMES


def _luminance(c: Color) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)


def contrast(a: Color, b: Color) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _resolve(value: str, under: Color) -> Color:
    """A theme value as the colour seen on screen over ``under`` (alpha and "auto" resolved)."""
    if value.startswith("auto"):
        alpha = float(value.split()[1].rstrip("%")) / 100 if " " in value else 1.0
        return under.get_contrast_text(alpha)
    return under + Color.parse(value)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_pair_is_at_least_7_to_1(name: str) -> None:
    variables = THEMES[name].to_color_system().generate()
    page = Color.parse(variables["background"])
    failures = []
    for fg_name, bg_name in TEXT_PAIRS:
        bg = _resolve(variables[bg_name], page)
        fg = _resolve(variables[fg_name], bg)
        ratio = contrast(fg, bg)
        if ratio < 7.0:
            failures.append(f"{fg_name} on {bg_name}: {ratio:.2f}")
    assert not failures, failures


def test_contrast_function_matches_known_values() -> None:
    assert contrast(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21.0)
    assert contrast(Color(119, 119, 119), Color(255, 255, 255)) == pytest.approx(4.48, abs=0.01)


def test_default_theme_is_ours() -> None:
    from coprod_meet.tui.themes import DEFAULT_THEME

    assert DEFAULT_THEME in THEMES


async def test_no_color_is_honoured(service, monkeypatch) -> None:
    """With NO_COLOR set the app draws in shades only; words and symbols carry every meaning."""
    from textual.filter import Monochrome, NoColor

    from coprod_meet.tui.app import CoprodMeetApp

    monkeypatch.setenv("NO_COLOR", "1")
    app = CoprodMeetApp(service)
    assert app.no_color
    assert any(isinstance(f, (Monochrome, NoColor)) for f in app._filters)
    async with app.run_test(size=(80, 24)):
        pass


async def test_a_tick_is_a_symbol_never_colour_alone() -> None:
    """Textual draws an "X" on every checkbox and every line of a SelectionList, ticked or not, and
    tells them apart by colour; ours draw the "X" only where something is ticked."""
    from textual.app import App

    from coprod_meet.tui.widgets.forms import TickBox, TickList

    class Ticks(App):
        def compose(self):
            yield TickList(("Ade", "ade", True), ("Gwen", "gwen", False), id="list")
            yield TickBox("Fair order", True, id="on")
            yield TickBox("Online first", False, id="off")

    app = Ticks()
    async with app.run_test(size=(40, 10)) as pilot:
        ticks = app.query_one("#list", TickList)
        assert [ticks.render_line(y).text[:8] for y in range(2)] == ["▐X▌ Ade ", "▐ ▌ Gwen"]
        ticks.select("gwen")
        ticks.deselect("ade")
        await pilot.pause()
        assert [ticks.render_line(y).text[:8] for y in range(2)] == ["▐ ▌ Ade ", "▐X▌ Gwen"]
        assert ticks.render_line(5).text.strip() == ""  # below the last line: nothing
        assert str(app.query_one("#on", TickBox).render()).startswith("[X] Fair order")
        assert str(app.query_one("#off", TickBox).render()).startswith("[ ] Online first")
