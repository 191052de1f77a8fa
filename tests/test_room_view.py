"""Issue 16 point 1: the room view follows a running meeting from the archive, and only reads."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from coprod_meet.cli import main
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Member, Naming, VoiceGroup
from coprod_meet.domain.room_view import room_view
from coprod_meet.plain.console import Console
from coprod_meet.plain.room import follow
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.live import LiveMeeting
from coprod_meet.services.room import RoomFollower, find_meeting
from coprod_meet.tui.room_app import RoomApp
from coprod_meet.tui.screens.room import RoomScreen
from tests.conftest import naughty_strings
from tests.scenario import ID, MEMBERS, Clock, march_meeting, play_to_item_five, save_board


def _running(archive: Path) -> tuple[ArchiveService, LiveMeeting, Clock]:
    service = ArchiveService.open(archive)
    clock = Clock()
    meeting = save_board(service)
    live = LiveMeeting.open(service, meeting.id, clock=clock)
    play_to_item_five(live, clock)
    return service, live, clock


def _tree(root: Path) -> dict[str, tuple[int, int, str]]:
    """Every file and folder under ``root``: modified time, size and (for files) a hash."""
    found = {}
    for path in [root, *sorted(root.rglob("*"))]:
        st = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        found[str(path.relative_to(root))] = (st.st_mtime_ns, st.st_size, digest)
    return found


def _screen_words(app: RoomApp) -> str:
    screen = app.screen
    assert isinstance(screen, RoomScreen)
    return "\n".join(w.words for w in screen._parts.values() if w.display)


async def _until(pilot, app: RoomApp, words: str, seconds: float = 3.0) -> str:
    """Wait (as a person would) until the room view shows ``words``; the view it showed."""
    shown = ""
    for _ in range(int(seconds / 0.05)):
        await pilot.pause(0.05)
        shown = _screen_words(app)
        if words in shown:
            return shown
    raise AssertionError(f"the room view never showed {words!r}; it showed:\n{shown}")


# -- what the room sees ------------------------------------------------------------------------


def test_the_room_sees_the_item_the_speaker_who_is_next_and_cards(tmp_path: Path) -> None:
    service, live, _clock = _running(tmp_path / "archive")
    try:
        view = room_view(live.state)
        assert view.item == "Item 5 of 8: Carers' breaks"
        assert view.speaking == "Speaking now: Priya."
        assert view.next_up == "Next: Tom. Then: Jo and Mary."
        assert view.cards == ["RED card: Sam does not understand 'respite'."]
        live.start_break()
        view = room_view(live.state)
        assert view.on_break == "We are on a break." and not view.speaking
        assert view.next_up.startswith("Next: Tom.")  # the queue is still there after the break
    finally:
        service.close()


def test_public_names_follow_each_members_consent(tmp_path: Path) -> None:
    service, live, _clock = _running(tmp_path / "archive")
    try:
        follower = RoomFollower(tmp_path / "archive", live.meeting_id, public_names=True)
        assert follower.poll()
        assert follower.view is not None
        assert follower.view.next_up == "Next: a carer. Then: Jo Clark and Mary Fisher."  # Tom: role only
        assert follower.view.cards == ["RED card: a member does not understand 'respite'."]  # Sam: not named
        assert follower.names_in_words == "People are named as in the public minutes."
        group_names = RoomFollower(tmp_path / "archive", live.meeting_id)
        group_names.poll()
        assert group_names.view is not None and group_names.view.next_up == "Next: Tom. Then: Jo and Mary."
    finally:
        service.close()


def test_line_mode_says_each_change_once(tmp_path: Path) -> None:
    service, live, clock = _running(tmp_path / "archive")
    out: list[str] = []

    class Out:
        def write(self, text: str) -> None:
            out.append(text)

        def flush(self) -> None:
            pass

    console = Console(lambda: "", Out())  # type: ignore[arg-type]
    follower = RoomFollower(tmp_path / "archive", live.meeting_id)
    steps = iter([
        lambda: live.clear_card(ID["Sam"], "red", "a short break for carers"),
        live.next_speaker,
        lambda: None,  # nothing happens: nothing is said
        live.start_break,
        live.end_break,
        live.end_meeting,
    ])

    def between(_seconds: float) -> None:
        clock.tick(10)
        next(steps)()

    try:
        assert follow(follower, console, sleep=between, polls=20) == 0
    finally:
        service.close()
    lines = "".join(out).splitlines()
    assert lines[:2] == ["Following the meeting. Press Ctrl+C to stop.", "People are named as the group names them."]
    assert lines[2:] == [
        "Better Together Board: March 2026",
        "Item 5 of 8: Carers' breaks",
        "Speaking now: Priya.",
        "Next: Tom. Then: Jo and Mary.",
        "RED card: Sam does not understand 'respite'.",
        "RED card down: Sam does not understand 'respite'.",
        "Speaking now: Tom.",
        "Next: Jo. Then: Mary.",
        "We are on a break.",
        "The break is over.",
        "Nobody is speaking.",
        "The meeting has ended. Thank you for coming.",
    ]


# -- reading safely ---------------------------------------------------------------------------


def test_the_follower_reads_only_when_the_file_changes(tmp_path: Path) -> None:
    service, live, _clock = _running(tmp_path / "archive")
    try:
        follower = RoomFollower(tmp_path / "archive", live.meeting_id)
        assert follower.poll()
        assert not follower.changed() and not follower.poll()
        live.queue_add(ID["Kit"])
        assert follower.changed() and follower.poll()
        assert follower.view is not None and "Kit" in follower.view.next_up
    finally:
        service.close()


def test_a_file_replaced_again_and_again_while_read_is_always_read_whole(tmp_path: Path) -> None:
    service, live, clock = _running(tmp_path / "archive")
    follower = RoomFollower(tmp_path / "archive", live.meeting_id)
    stop = threading.Event()

    def chair() -> None:
        for n in range(30):  # each event replaces the whole file with os.replace
            live.queue_add(ID["Kit"]) if n % 2 == 0 else live.queue_remove(ID["Kit"])
            clock.tick(1)
        stop.set()

    writer = threading.Thread(target=chair)
    writer.start()
    try:
        while not stop.is_set():
            follower.poll()
            assert follower.problem == ""
        writer.join()
        follower.poll()
        assert follower.view is not None and "Kit" not in follower.view.next_up  # the last change
    finally:
        writer.join()
        service.close()


def test_a_broken_file_keeps_the_last_view_and_says_so_until_it_is_whole_again(tmp_path: Path) -> None:
    service, live, _clock = _running(tmp_path / "archive")
    path = service.archive.meeting_path(live.meeting_id)
    try:
        follower = RoomFollower(tmp_path / "archive", live.meeting_id)
        follower.poll()
        shown = follower.view
        whole = path.read_bytes()
        path.write_bytes(whole[: len(whole) // 2])  # not how we write, but a disk can do this
        assert follower.poll()
        assert follower.view == shown
        assert follower.problem.startswith("The meeting's file cannot be read just now (the file is cut short).")
        path.write_bytes(whole)
        live.queue_add(ID["Kit"])
        assert follower.poll() and follower.problem == ""
        assert follower.view is not None and "Kit" in follower.view.next_up
    finally:
        service.close()


def test_the_room_view_never_writes(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    service, live, _clock = _running(archive)
    meeting_id = live.meeting_id
    service.close()
    before = _tree(archive)

    follower = RoomFollower(archive, find_meeting(archive).id)
    follow(follower, Console(lambda: "", open(os.devnull, "w")), sleep=lambda _s: None, polls=5)

    async def watch() -> None:
        app = RoomApp(RoomFollower(archive, meeting_id))
        async with app.run_test(size=(60, 20)) as pilot:
            await _until(pilot, app, "Speaking now: Priya.")
            await pilot.press("f1", "escape", "a", "n", "enter", "k", "1")  # no key changes anything
            await pilot.pause(0.6)  # a few more looks at the file

    import asyncio

    asyncio.run(watch())
    assert _tree(archive) == before


def test_the_room_view_follows_while_the_app_holds_the_lock(tmp_path: Path) -> None:
    service, live, _clock = _running(tmp_path / "archive")
    try:
        assert (tmp_path / "archive" / ".lock").exists()
        follower = RoomFollower(tmp_path / "archive", find_meeting(tmp_path / "archive").id)
        assert follower.poll() and follower.problem == ""
    finally:
        service.close()


# -- choosing the meeting ---------------------------------------------------------------------


def test_with_no_meeting_running_the_command_says_so_and_how_to_pick_one(tmp_path: Path, capsys) -> None:
    archive = tmp_path / "archive"
    with ArchiveService.open(archive) as service:
        save_board(service)  # planned, not started
    assert main(["room", "--archive", str(archive), "--plain"]) == 1
    err = capsys.readouterr().err
    assert "No meeting is running in this archive just now." in err
    assert "coprod-meet room MEETING_ID" in err and "Traceback" not in err
    assert main(["room", "--archive", str(archive), "zzz"]) == 1
    assert "No meeting id starts with 'zzz'" in capsys.readouterr().err
    assert main(["room", "--archive", str(tmp_path / "nowhere")]) == 1
    assert "There is no coprod-meet archive at" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()


def test_the_command_follows_a_meeting_by_the_start_of_its_id(tmp_path: Path, capsys) -> None:
    service, live, _clock = _running(tmp_path / "archive")
    live.end_meeting()
    service.close()
    assert main(["room", "--archive", str(tmp_path / "archive"), "--plain", live.meeting_id[:30]]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "The meeting has ended. Thank you for coming."


# -- the screen -------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_the_room_screen_follows_a_meeting_run_through_the_services_and_a_restart(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    service, live, clock = _running(archive)
    app = RoomApp(RoomFollower(archive, live.meeting_id))
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await _until(pilot, app, "Speaking now: Priya.")
        assert "Next: Tom. Then: Jo and Mary." in shown
        assert "! RED card: Sam does not understand 'respite'." in shown
        live.clear_card(ID["Sam"], "red")
        live.next_speaker()
        shown = await _until(pilot, app, "Speaking now: Tom.", seconds=1.0)  # within a second
        assert "RED card" not in shown
        # The co-chairs' app closes and opens again: the room view carries on.
        service.close()
        await pilot.pause(0.3)
        service = ArchiveService.open(archive)
        live = LiveMeeting.open(service, live.meeting_id, clock=clock)
        live.start_break()
        await _until(pilot, app, "We are on a break.", seconds=1.0)
        await pilot.press("f1")
        await pilot.pause()
        assert "no key here changes anything" in app.screen.query_one("#help-text").render().plain
    service.close()


@pytest.mark.asyncio
async def test_untrusted_names_and_titles_are_shown_as_typed(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    strings = [s for s in naughty_strings() if s.strip()]
    tricky = ["[@click=app.quit]", "[/]", "\x1b]0;owned\x07Jo", *strings[:40]]
    roster = tuple(Member(id=m.id, name=(tricky[n % len(tricky)] or "x").strip() or "x", naming=Naming.FIRST,
                          voice_group=VoiceGroup.LIVED) for n, m in enumerate(MEMBERS.values()))
    service = ArchiveService.open(archive)
    meeting = service.save_meeting(march_meeting(roster))
    clock = Clock()
    live = LiveMeeting.open(service, meeting.id, clock=clock)
    play_to_item_five(live, clock)
    # Every naughty string as a name the room view shows, through the pure view.
    state = live.state
    for text in strings:
        assert room_view(state, lambda _m, t=text: t).speaking == f"Speaking now: {text}."
    app = RoomApp(RoomFollower(archive, meeting.id))
    async with app.run_test(size=(60, 20)) as pilot:
        await _until(pilot, app, "Speaking now:")
        assert app.is_running  # [@click=app.quit] did not quit
        assert "[@click=app.quit]" in _screen_words(app) or "[/]" in _screen_words(app)
    service.close()


# -- snapshots --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(60, 20), (120, 40)])
def test_room_view_snapshot(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    archive = tmp_path / "archive"
    service, live, _clock = _running(archive)
    service.close()
    app = RoomApp(RoomFollower(archive, live.meeting_id))

    async def read(pilot) -> None:
        await _until(pilot, app, "Speaking now: Priya.")

    assert snap_compare(app, terminal_size=size, run_before=read)


def test_find_meeting_refuses_an_id_start_shared_by_two(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    with ArchiveService.open(archive) as service:
        meeting = save_board(service)
        from dataclasses import replace

        service.save_meeting(replace(meeting, id=meeting.id[:-1] + "c"))
    with pytest.raises(UserError, match="More than one meeting id starts with"):
        find_meeting(archive, meeting.id[:20])


# -- two apps, one archive --------------------------------------------------------------------


@pytest.mark.asyncio
async def test_the_room_view_follows_keys_pressed_in_the_co_chairs_app_at_the_same_time(tmp_path: Path) -> None:
    """The co-chairs' real app and the room view run together on one archive, as on the day."""
    from coprod_meet.tui.app import CoprodMeetApp
    from coprod_meet.tui.screens.live import LiveScreen

    archive = tmp_path / "archive"
    service = ArchiveService.open(archive)
    clock = Clock()
    meeting = save_board(service)
    live = LiveMeeting.open(service, meeting.id, clock=clock)
    for name in ("Hayley", "Jo", "Sam", "Tom", "Mary"):
        live.set_attendance(ID[name], "present")
    live.start()
    main_app = CoprodMeetApp(service, clock=clock)
    room_app = RoomApp(RoomFollower(archive, meeting.id))
    try:
        async with main_app.run_test(size=(80, 24)) as main_pilot:
            # The meeting screen is opened before the room view starts: Textual's "active app" is
            # the last app entered, and a screen pushed from the test takes that app as its own.
            main_app.push_screen(LiveScreen(meeting.id))
            await main_pilot.pause()
            assert isinstance(main_app.screen, LiveScreen)
            async with room_app.run_test(size=(60, 20)) as room_pilot:
                shown = await _until(room_pilot, room_app, "Nobody is speaking")
                assert "Next:" not in shown

                async def chair(*keys: str) -> None:
                    await main_pilot.press(*keys)
                    await main_app.workers.wait_for_complete()  # saved to the disk
                    await main_pilot.pause()

                await chair("5")  # Tom (number 5) joins the queue
                await _until(room_pilot, room_app, "Next: Tom.", seconds=1.0)
                await chair("7")  # then Mary (number 7)
                await _until(room_pilot, room_app, "Next: Tom. Then: Mary.", seconds=1.0)
                await chair("n")  # next speaker: Tom
                shown = await _until(room_pilot, room_app, "Speaking now: Tom.", seconds=1.0)
                assert "Next: Mary." in shown
                await chair("k", "1", "4", *"respite", "enter")  # a red card: Sam (number 4), the word
                await _until(room_pilot, room_app, "! RED card: Sam does not understand 'respite'.", seconds=1.0)
                # The room view only reads: every file is just as the co-chairs' app saved it.
                saved = _tree(archive)
                await room_pilot.press("n", "k", "1", "enter")  # keys in the room view change nothing
                await room_pilot.pause(0.6)  # a few more looks at the file
                assert _tree(archive) == saved
                assert [q.member_id for q in main_app.screen.live.state.queue] == [ID["Mary"]]
    finally:
        service.close()
