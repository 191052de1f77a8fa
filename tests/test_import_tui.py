"""Importing in the app (issue 15 point 5): one plain question before merging same-name groups."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import build_demo
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.dialog import DialogScreen as AskScreen
from coprod_meet.tui.screens.dialog import DialogScreen as ConfirmScreen


def fill(root: Path, salt: int) -> None:
    with ArchiveService.open(root) as service:
        groups, items = build_demo(meetings=4, seed=3, id_salt=salt)
        for g in groups:
            service.save_group(g)
        service.write_whole_meetings(items)


async def _import(tmp_path: Path, answer: str) -> tuple[ArchiveService, list[str], list[str]]:
    fill(tmp_path / "here", 0)
    fill(tmp_path / "there", 777)
    service = ArchiveService.open(tmp_path / "here")
    names = sorted(g.name for g in service.groups())
    app = CoprodMeetApp(service)
    notes: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **kw: notes.append(message)  # what the person is told
        await pilot.press("i")
        assert isinstance(app.screen, AskScreen)
        app.screen.query_one(Input).value = str(tmp_path / "there")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#dialog-title").render())
        assert question == ("The other laptop has groups called Better Together Board and Young Voices Forum, like "
                            "groups here, but not the same groups. Merge them into the ones here?")
        await pilot.press(answer)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = len(app.screen.query("DataTable").first().rows) if app.screen.query("DataTable") else 0
    return service, names, notes + [str(shown)]


async def test_yes_merges_the_groups(tmp_path: Path) -> None:
    service, names, notes = await _import(tmp_path, "y")
    assert sorted(g.name for g in service.groups()) == names  # never two groups of one name
    assert len(service.list_meetings()) == 8
    assert any("Merged the other laptop's group Better Together Board" in n for n in notes)
    assert notes[-1] == "8"  # the list was refreshed
    service.close()


async def test_no_imports_nothing_of_them(tmp_path: Path) -> None:
    service, names, notes = await _import(tmp_path, "n")
    assert sorted(g.name for g in service.groups()) == names
    assert len(service.list_meetings()) == 4
    assert not any("--merge-groups" in n for n in notes[:-1])  # the CLI flag is not offered in the app
    service.close()
