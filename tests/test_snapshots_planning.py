"""Snapshots of the planning screens at 80x24 (pytest-textual-snapshot).

The archive is built the same way each time (fixed names, dates and titles), so the pictures only
change when a screen does. Update them with --snapshot-update and look at the difference.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.planning import Planner
from coprod_meet.services.templates import load_template
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.agenda_editor import AgendaEditorScreen
from coprod_meet.tui.screens.group import GroupScreen
from coprod_meet.tui.screens.groups import GroupsScreen
from coprod_meet.tui.screens.meeting_setup import MeetingSetupScreen
from coprod_meet.tui.screens.member_form import MemberFormScreen
from tests.scenario import MEMBERS, board_archive

MEETINGS = Path(__file__).resolve().parents[1] / "meetings"
SIZE = (80, 24)


@pytest.fixture
def board(archive_dir: Path):
    service = ArchiveService.open(archive_dir)
    group = board_archive(service)
    yield service, group
    service.close()


def snap(snap_compare, service, screen_factory) -> bool:
    app = CoprodMeetApp(service)

    async def open_screen(pilot) -> None:
        app.push_screen(screen_factory())
        await pilot.pause()

    return snap_compare(app, terminal_size=SIZE, run_before=open_screen)


def test_groups_screen(snap_compare, board) -> None:
    service, _group = board
    assert snap(snap_compare, service, GroupsScreen)


def test_group_members_screen(snap_compare, board) -> None:
    service, group = board
    assert snap(snap_compare, service, lambda: GroupScreen(group.id))


def test_member_form(snap_compare, board) -> None:
    service, group = board
    assert snap(snap_compare, service, lambda: MemberFormScreen(MEMBERS["Sam"], group.name))


def test_meeting_setup_screen(snap_compare, board) -> None:
    service, _group = board
    assert snap(snap_compare, service, lambda: MeetingSetupScreen(now=datetime(2026, 3, 1, 9)))


def test_agenda_editor_with_warnings(snap_compare, board) -> None:
    service, group = board
    planner = Planner(service)
    meeting = planner.save_meeting(planner.new_meeting(
        service.group(group.id), load_template(MEETINGS / "example-meeting.toml"), datetime(2026, 3, 12, 14)))
    assert snap(snap_compare, service, lambda: AgendaEditorScreen(meeting.id))
