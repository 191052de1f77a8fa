"""Snapshots of the meeting screen in the middle of the scenario's item 5, at 80x24 and 120x40."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.live import LiveMeeting
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.live import LiveScreen
from tests.scenario import Clock, play_to_item_five, save_board


def _app(archive: Path) -> tuple[CoprodMeetApp, str]:
    service = ArchiveService.open(archive)
    clock = Clock()
    meeting = save_board(service)
    play_to_item_five(LiveMeeting.open(service, meeting.id, clock=clock), clock)
    return CoprodMeetApp(service, clock=clock), meeting.id


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_meeting_screen(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    app, meeting_id = _app(tmp_path / "archive")

    async def open_it(pilot) -> None:
        app.push_screen(LiveScreen(meeting_id))
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=size, run_before=open_it)
    finally:
        app.service.close()


def test_meeting_screen_in_a_go_round(snap_compare, tmp_path: Path) -> None:
    app, meeting_id = _app(tmp_path / "archive")

    async def round_with_a_pass(pilot) -> None:
        app.push_screen(LiveScreen(meeting_id))
        await pilot.pause()
        await pilot.press("g", "n", "n", "p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=round_with_a_pass)
    finally:
        app.service.close()
