"""The export screen in the TUI: reached from the meetings list and the meeting view."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as read_docx
from textual.widgets import Static

from coprod_meet.services.archive import ArchiveService
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.dialog import DialogScreen
from coprod_meet.tui.screens.export import ExportScreen
from coprod_meet.tui.screens.help import HelpScreen
from coprod_meet.tui.screens.meeting_view import MeetingViewScreen
from tests.scenario import store


@pytest.fixture
def scenario_service(archive_dir: Path):
    service = ArchiveService.open(archive_dir)
    meeting_id = store(service)
    yield service, meeting_id
    service.close()


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def choose_row(pilot, meeting_id: str) -> None:
    from textual.widgets import DataTable

    table = pilot.app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(meeting_id))
    await pilot.pause()


async def test_export_from_the_meetings_list_with_preview_copy_easy_read_and_save(scenario_service) -> None:
    service, meeting_id = scenario_service
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose_row(pilot, meeting_id)
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        preview = text_of(app, "#export-text")
        assert "Jo Clark will ask providers for evening break options by Thursday" in preview
        assert "Sam" in preview
        assert "Readability: meets the goals" in text_of(app, "#export-report-text")
        assert text_of(app, "#export-choices").startswith("Copy: members' copy. Format: Markdown.")

        await pilot.press("c")
        preview = text_of(app, "#export-text")
        assert "public copy" in text_of(app, "#export-choices")
        assert "Sam" not in preview and "Hayley Brook" in preview

        await pilot.press("e")
        assert "easy read public copy" in text_of(app, "#export-choices")
        assert "No sentence is over 15 words." in text_of(app, "#export-report-text")
        assert "Words we used" in text_of(app, "#export-text")

        for _ in range(3):
            await pilot.press("f")
        assert "Format: Word." in text_of(app, "#export-choices")
        await pilot.press("s")
        assert isinstance(app.screen, DialogScreen)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        saved = Path.home() / "minutes-2026-03-12-public-easy-read.docx"
        assert saved.exists()
        doc = read_docx(io.BytesIO(saved.read_bytes()))
        assert doc.paragraphs[0].text == "Easy read minutes: Better Together Board: March 2026"
        assert "Saved the easy read public copy as Word to" in text_of(app, "#save-status")

        await pilot.press("f")
        assert "Format: a calendar file." in text_of(app, "#export-choices")
        assert "Thursday 26 March 2026: Jo Clark will ask providers" in text_of(app, "#export-text")


async def test_export_from_the_meeting_view_and_help(scenario_service) -> None:
    service, meeting_id = scenario_service
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(meeting_id)
        await pilot.pause()
        assert isinstance(app.screen, MeetingViewScreen)
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen) and app.screen.meeting_id == meeting_id
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        help_text = str(app.screen.query_one("#help-text", Static).render())
        assert "Press C to choose the copy" in help_text and "Save to file" in help_text
        await pilot.press("escape")
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingViewScreen)


async def test_saving_into_a_missing_folder_says_so_plainly(scenario_service, tmp_path: Path) -> None:
    service, meeting_id = scenario_service
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ExportScreen(meeting_id))
        await pilot.pause()
        await pilot.press("s")
        ask = app.screen
        ask.query_one("Input").value = str(tmp_path / "missing" / "minutes.md")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text_of(app, "#save-status").startswith("NOT SAVED: The folder")


async def test_bindings_have_ids_and_plain_descriptions() -> None:
    for binding in ExportScreen.BINDINGS:
        assert binding.id and binding.description


def test_export_screen_snapshot(snap_compare, archive_dir: Path) -> None:
    service = ArchiveService.open(archive_dir)
    meeting_id = store(service)

    async def open_export(pilot) -> None:
        pilot.app.push_screen(ExportScreen(meeting_id, copy="public", easy_read=True))
        await pilot.pause()

    try:
        assert snap_compare(CoprodMeetApp(service), terminal_size=(80, 24), run_before=open_export)
    finally:
        service.close()


async def test_an_existing_file_is_replaced_only_after_asking(scenario_service, tmp_path: Path) -> None:
    from coprod_meet.tui.screens.dialog import DialogScreen as ConfirmScreen

    service, meeting_id = scenario_service
    target = tmp_path / "minutes.md"
    target.write_text("keep me", encoding="utf-8")
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ExportScreen(meeting_id))
        await pilot.pause()
        for answer, expected in (("n", "keep me"), ("y", "# Minutes: Better Together Board")):
            await pilot.press("s")
            app.screen.query_one("Input").value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            assert f"There is already a file called {target}. Replace it?" in text_of(app, "#dialog-title")
            await pilot.press(answer)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            assert target.read_text(encoding="utf-8").startswith(expected)


async def test_uncertain_mentions_are_listed_and_asked_about(archive_dir: Path, tmp_path: Path) -> None:
    from coprod_meet.tui.screens.dialog import DialogScreen as ConfirmScreen
    from tests.test_export_asks import store_with_will

    service = ArchiveService.open(archive_dir)
    meeting_id = store_with_will(service)
    target = tmp_path / "public.md"
    try:
        app = CoprodMeetApp(service)
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(ExportScreen(meeting_id, copy="public"))
            await pilot.pause()
            report = text_of(app, "#export-report-text")
            assert "may be the name of a member who is not named in public" in report
            assert "“Will” in “Will the council pay for it?”" in report
            await pilot.press("s")
            assert isinstance(app.screen, ConfirmScreen)
            assert "“Will” in “Will the council pay for it?”" in text_of(app, "#dialog-prompt")
            await pilot.press("n")
            assert isinstance(app.screen, ExportScreen)
            await pilot.press("s", "y")
            app.screen.query_one("Input").value = str(target)
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "Will the council pay for it?" in target.read_text(encoding="utf-8")
    finally:
        service.close()
