"""Settings file, themes by name, people's own keys, the command palette, bindings with ids."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from textual.binding import Binding
from textual.widgets import Input

from coprod_meet.services.settings import Settings
from coprod_meet.tui.app import CoprodMeetApp


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "settings.toml"
    s = Settings(theme="high-contrast-light", cursor_blink=True, keys={"meetings.search": "f"}, path=path)
    s.save()
    loaded = Settings.load(path)
    assert (loaded.theme, loaded.cursor_blink, loaded.keys) == ("high-contrast-light", True, {"meetings.search": "f"})
    assert path.stat().st_mode & 0o777 == 0o600


def test_broken_settings_file_is_reported_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "high-contrast-light\n[keys', encoding="utf-8")
    before = path.read_bytes()
    s = Settings.load(path)
    assert s.problem.startswith("Your settings file") and s.problem.endswith("remove it.")
    assert s.theme == ""
    s.theme = "high-contrast-dark"
    s.save()
    assert path.read_bytes() == before


async def test_theme_from_argument_and_choice_is_remembered(service, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    app = CoprodMeetApp(service, theme="high-contrast-light", settings=Settings.load(path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "high-contrast-light"
        assert set(app.available_themes) == {"high-contrast-dark", "high-contrast-light"}
        app.theme = "high-contrast-dark"
        await pilot.pause()
    assert Settings.load(path).theme == "high-contrast-dark"


async def test_default_theme_is_high_contrast_dark(service) -> None:
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)):
        assert app.theme == "high-contrast-dark"


async def test_people_can_change_keys_with_the_settings_file(demo_service, tmp_path: Path) -> None:
    settings = Settings(keys={"meetings.search": "f"}, path=tmp_path / "s.toml")
    app = CoprodMeetApp(demo_service, settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert app.screen.query_one(Input).has_focus
        await pilot.press("escape")


async def test_cursor_does_not_blink_by_default(demo_service) -> None:
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.query_one(Input).cursor_blink is False


async def test_command_palette_lists_the_screen_keys(demo_service) -> None:
    from coprod_meet.tui.commands import ScreenKeysProvider

    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        provider = ScreenKeysProvider(app.screen)
        names = [description for description, _run, _key in provider._commands()]
        assert {"Search", "Help", "Quit", "Show all", "Run meeting"} <= set(names)
        assert names[0] == "Run meeting" and "Scroll Left" not in names and "Up" not in names  # ours only
        assert "Use the high contrast light theme" in names


def _all_bindings() -> list[tuple[str, Binding]]:
    import coprod_meet.tui as tui
    from coprod_meet.tui.app import CoprodMeetApp as App

    found = [("app", b) for b in App.BINDINGS]
    for info in pkgutil.walk_packages(tui.__path__, "coprod_meet.tui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                for b in value.__dict__.get("BINDINGS", []):
                    if isinstance(b, Binding):
                        found.append((f"{module.__name__}.{value.__name__}", b))
    return found


def test_every_binding_has_an_id_and_a_plain_label() -> None:
    bindings = _all_bindings()
    assert len(bindings) > 5
    missing = [f"{where}: {b.key}" for where, b in bindings if not b.id or not b.description]
    assert not missing, missing
    long_labels = [b.description for _w, b in bindings if len(b.description.split()) > 6]
    assert not long_labels, long_labels
