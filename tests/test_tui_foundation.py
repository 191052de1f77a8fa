"""The first screens of the app, driven by keyboard through Pilot, and their snapshots at 80x24."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from coprod_meet.domain import events as ev
from coprod_meet.domain.dates import when_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Group, Meeting, Member, new_id
from coprod_meet.services.archive import ArchiveService
from coprod_meet.storage import durable
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.dialog import DialogScreen
from coprod_meet.tui.screens.help import HelpScreen
from coprod_meet.tui.screens.meeting_view import MeetingViewScreen
from coprod_meet.tui.screens.meetings import MeetingsScreen
from coprod_meet.tui.widgets.save_status import SaveStatus

from .conftest import naughty_strings

SIZE = (80, 24)
START = datetime(2026, 3, 12, 14, 0)


def text_of(widget: Static) -> str:
    """The text a Static shows (as given: our Statics never parse markup)."""
    return str(widget.content)


def table_rows(app: CoprodMeetApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


# --- the meetings list --------------------------------------------------------------------------------


async def test_first_screen_lists_meetings_newest_first(demo_service: ArchiveService) -> None:
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        statuses = demo_service.meeting_statuses()
        expected = [[when_in_words(m.start), m.title, m.group_name, statuses.get(m.id, "planned")]
                    for m in demo_service.list_meetings()]
        assert {row[-1] for row in expected} <= {"planned", "running", "ended"} and "ended" in statuses.values()
        assert len(expected) == 8
        assert table_rows(app) == expected
        starts = [m.start for m in demo_service.list_meetings()]
        assert starts == sorted(starts, reverse=True)
        assert text_of(app.screen.query_one("#meetings-summary", Static)) == "8 meetings, newest first. Press Enter to open one, F1 for every key."
        assert app.screen.query_one(DataTable).has_focus


async def test_an_empty_archive_says_what_to_do(service: ArchiveService) -> None:
    app = CoprodMeetApp(service)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert table_rows(app) == []
        assert text_of(app.screen.query_one("#meetings-summary", Static)) == (
            "There are no meetings yet. Quit with Ctrl+Q and type: coprod-meet demo"
        )
        await pilot.press("enter")  # nothing to open, nothing breaks
        assert isinstance(app.screen, MeetingsScreen)


async def test_search_narrows_the_list_and_r_shows_all_again(demo_service: ArchiveService) -> None:
    app = CoprodMeetApp(demo_service)
    group = demo_service.list_meetings()[0].group_name
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, DialogScreen)
        await pilot.press(*group.split()[0].lower())
        await pilot.press("enter")
        rows = table_rows(app)
        assert rows and all(r[2] == group for r in rows) and len(rows) < 8
        await pilot.press("r")
        assert len(table_rows(app)) == 8


# --- one meeting, read-only ---------------------------------------------------------------------------------


async def test_enter_opens_the_chosen_meeting(demo_service: ArchiveService) -> None:
    app = CoprodMeetApp(demo_service)
    second = demo_service.list_meetings()[1]
    meeting = demo_service.get_meeting(second.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        assert isinstance(app.screen, MeetingViewScreen)
        assert app.screen.meeting_id == second.id
        text = text_of(app.screen.query_one("#meeting-text", Static))
        lines = text.splitlines()
        assert lines[0] == meeting.title
        assert lines[1] == meeting.group_name
        assert lines[2].startswith(f"When: {when_in_words(meeting.start)}, planned for ")
        assert "Agenda:" in lines and "Decisions:" in lines
        assert f"  1. {meeting.agenda[0].title} " in text
        # Keys that mean nothing here change nothing on disk.
        before = demo_service.archive.meeting_path(second.id).read_bytes()
        await pilot.press("z", "delete", "backspace")
        assert isinstance(app.screen, MeetingViewScreen)
        assert demo_service.archive.meeting_path(second.id).read_bytes() == before
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingsScreen)


async def test_a_note_shows_saved_only_once_it_is_on_disk(demo_service: ArchiveService, monkeypatch) -> None:
    meeting_id = demo_service.list_meetings()[0].id
    path = demo_service.archive.meeting_path(meeting_id)
    note = "Ask about the [bold]minibus[/] rota"
    # Hold the save inside its first fsync, so we can look at the screen while it is under way.
    reached, release = threading.Event(), threading.Event()
    real_fsync = durable.os_fsync

    def slow_fsync(fd: int) -> None:
        if threading.current_thread().name.startswith("coprod-save"):
            reached.set()
            assert release.wait(10)
        real_fsync(fd)

    monkeypatch.setattr(durable, "os_fsync", slow_fsync)
    on_disk_when_saved: list[bool] = []
    real_saved = SaveStatus.saved

    def saved_spy(self, when=None) -> None:
        on_disk_when_saved.append(note.encode() in path.read_bytes())
        real_saved(self, when)

    monkeypatch.setattr(SaveStatus, "saved", saved_spy)
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        status = app.screen.query_one(SaveStatus)
        assert text_of(status) == "Nothing to save yet"
        await pilot.press("n")
        assert isinstance(app.screen, DialogScreen)
        await pilot.press(*note)
        await pilot.press("enter")
        assert await asyncio.get_running_loop().run_in_executor(None, reached.wait, 10)
        await pilot.pause()
        assert text_of(status) == "Saving…"
        assert note.encode() not in path.read_bytes()
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text_of(status).startswith("Saved at ")
        assert on_disk_when_saved == [True]
        assert note.encode() in path.read_bytes()
        body = text_of(app.screen.query_one("#meeting-text", Static))
        assert f"  - {note}" in body  # shown literally, brackets and all
    events = demo_service.events(meeting_id)
    assert events[-1].type == ev.NOTE and events[-1].data["text"] == note


async def test_a_failed_save_says_not_saved_in_words(demo_service: ArchiveService, monkeypatch) -> None:
    import errno

    meeting_id = demo_service.list_meetings()[0].id

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", *"kept", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text_of(app.screen.query_one(SaveStatus)).startswith("Saved at ")
        monkeypatch.setattr(durable, "os_write", full)
        await pilot.press("n", *"second", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = app.screen.query_one(SaveStatus)
        assert text_of(status) == (
            "NOT SAVED: The disk is full, so the last change was not saved; free some space and try again."
        )
    assert [e.data["text"] for e in demo_service.events(meeting_id) if e.type == ev.NOTE] == ["kept"]


async def test_an_empty_note_is_not_saved(demo_service: ArchiveService) -> None:
    meeting_id = demo_service.list_meetings()[0].id
    before = len(demo_service.events(meeting_id))
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", "space", "enter")
        await app.workers.wait_for_complete()
        assert text_of(app.screen.query_one(SaveStatus)) == "Nothing to save yet"
        await pilot.press("n", *"keep", "escape")  # Escape cancels
        assert isinstance(app.screen, MeetingViewScreen)
    assert len(demo_service.events(meeting_id)) == before


# --- help ---------------------------------------------------------------------------------------------------


async def test_f1_opens_help_for_each_screen_and_escape_closes_it(demo_service: ArchiveService) -> None:
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=SIZE) as pilot:
        for expected_screen, title in ((MeetingsScreen, "Help: Meetings"), (MeetingViewScreen, "Help: Meeting")):
            if expected_screen is MeetingViewScreen:
                await pilot.press("enter")
            assert isinstance(app.screen, expected_screen)
            await pilot.press("f1")
            assert isinstance(app.screen, HelpScreen)
            text = text_of(app.screen.query_one("#help-text", Static))
            assert text.splitlines()[0] == title
            assert expected_screen.HELP.split()[0] in text
            assert "Keys on this screen:" in text and "Help" in text
            await pilot.press("escape")
            assert isinstance(app.screen, expected_screen)
        # F1 again on the help closes it too.
        await pilot.press("f1", "f1")
        assert isinstance(app.screen, MeetingViewScreen)


def test_every_binding_has_an_id_and_a_plain_description() -> None:
    for owner in (CoprodMeetApp, MeetingsScreen, MeetingViewScreen, HelpScreen, DialogScreen):
        for binding in owner.BINDINGS:
            assert binding.id, (owner.__name__, binding.key)
            assert binding.description and len(binding.description) <= 20, (owner.__name__, binding.key)
    for screen in (MeetingsScreen, MeetingViewScreen):
        assert screen.HELP.strip() and screen.TITLE_WORDS


# --- untrusted text ----------------------------------------------------------------------------------------

SPIKY = ["[bold]x[/]", "[@click=app.quit]Quit[/]", "[/]", "[red", "\\[escaped]"]


@pytest.fixture
def naughty_service(archive_dir: Path):
    """An archive whose group, meeting titles and member names are the naughty strings."""
    strings = naughty_strings() + SPIKY
    names: list[Member] = []
    for s in strings:
        try:
            names.append(Member(name=s))
        except UserError:
            continue
    titles = []
    for s in strings:
        try:
            Meeting(group_id="g", group_name="g", title=s, start=START, end=START)
        except UserError:
            continue
        titles.append(s)
    group = Group(name="[bold]Group[/] \x1b]0;owned\x07", members=tuple(names))
    meetings = []
    for n, title in enumerate(titles):
        start = START - timedelta(days=n)
        meeting = Meeting(group_id=group.id, group_name=group.name, title=title, start=start,
                          end=start + timedelta(hours=1), roster=group.members if n == 0 else (),
                          co_chair_ids=(names[0].id, names[1].id))
        log = [ev.event(ev.ATTENDANCE, at=start, member_id=m.id, status="present") for m in meeting.roster]
        meetings.append((meeting, log))
    service = ArchiveService.open(archive_dir)
    service.save_group(group)
    service.write_whole_meetings(meetings)
    yield service
    service.close()


async def test_naughty_strings_render_literally_without_crashing(naughty_service: ArchiveService) -> None:
    app = CoprodMeetApp(naughty_service)
    async with app.run_test(size=SIZE) as pilot:
        total = len(naughty_service.list_meetings())
        for _ in range(8):  # a big archive shows the newest first, more as the cursor nears the end
            if len(table_rows(app)) == total:
                break
            table = app.screen.query_one(DataTable)
            table.move_cursor(row=table.row_count - 1)
            await pilot.pause()
        rows = table_rows(app)
        assert len(rows) == len(naughty_service.list_meetings()) > 400
        assert [r[1] for r in rows] == [m.title for m in naughty_service.list_meetings()]
        assert rows[0][2] == "[bold]Group[/] ]0;owned"
        # The list shows markup as text: search brings a spiky title to the top of the screen.
        await pilot.press("slash", *"[bold]x", "enter")
        assert [r[1] for r in table_rows(app)] == ["[bold]x[/]"]
        shot = app.export_screenshot()
        assert "[bold]x[/]" in shot and "[bold]G…" in shot  # literal brackets: no markup was read
        await pilot.press("r", "home", "enter")  # the newest meeting holds every naughty member
        assert isinstance(app.screen, MeetingViewScreen)
        text = text_of(app.screen.query_one("#meeting-text", Static))
        roster = naughty_service.get_meeting(app.screen.meeting_id).roster
        assert len(roster) > 400
        assert f"Co-chairs: {roster[0].name} and {roster[1].name}" in text
        for member in roster:
            assert member.name in text
        assert "[@click=app.quit]Quit[/]" in text
        # Scrolling through the naughty names renders them, and the app is still here.
        await pilot.press("pagedown", "pagedown", "end")
        assert app.screen.query_one("#meeting-body").scroll_y > 0
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingsScreen)
        assert app.is_running


# --- snapshots at 80x24 -----------------------------------------------------------------------------------
# demo_service (conftest) is the demo with seed 1 and anchored dates: the same archive every run.


def test_snapshot_meetings_list(snap_compare, demo_service: ArchiveService) -> None:
    assert snap_compare(CoprodMeetApp(demo_service), terminal_size=SIZE)


def test_snapshot_meeting_view(snap_compare, demo_service: ArchiveService) -> None:
    assert snap_compare(CoprodMeetApp(demo_service), press=["enter"], terminal_size=SIZE)


def test_snapshot_help(snap_compare, demo_service: ArchiveService) -> None:
    assert snap_compare(CoprodMeetApp(demo_service), press=["f1"], terminal_size=SIZE)
