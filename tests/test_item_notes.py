"""Notes for the minutes: written during the meeting (TUI key M, line mode `note`), kept in the log,
and shown per item in the minutes (the public copy only those marked public)."""

from __future__ import annotations

import pytest

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.notes import ITEM_NOTE, named_first, notes_from
from coprod_meet.minutes.compose import compose
from coprod_meet.services.live import LiveMeeting
from coprod_meet.services.notes import add_item_note, notes_on_item
from coprod_meet.tui.app import CoprodMeetApp
from tests.scenario import ID, MEMBERS, Clock, item_id, save_board
from tests.test_live_tui import keys, open_live, settle
from tests.test_plain_meeting import run_lines


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def running(service, clock) -> LiveMeeting:
    meeting = save_board(service)
    live = LiveMeeting.open(service, meeting.id, clock=clock)
    for name in ("Hayley", "Jo", "Priya", "Sam", "Mary"):
        live.set_attendance(ID[name], "present")
    clock.at(14, 0)
    live.start()
    return live


def minutes_text(service, meeting_id: str, copy: str = "members") -> str:
    return " ".join(compose(service.get_meeting(meeting_id), service.events(meeting_id), copy=copy).prose())


def test_notes_are_saved_on_the_open_item_and_come_back_after_a_restart(service, running, clock) -> None:
    add_item_note(running, "Buses stop at 4pm.", public=True, speaker_id=ID["Priya"])
    add_item_note(running, "Sam said the forms are too long.", public=False, speaker_id=ID["Sam"])
    again = LiveMeeting.open(service, running.meeting_id, clock=clock)
    notes = notes_on_item(again)
    assert [(n.text, n.public, n.item_id) for n in notes] == [
        ("Buses stop at 4pm.", True, item_id(1)), ("Sam said the forms are too long.", False, item_id(1))]
    assert notes[0].author_id == ID["Mary"]  # the note-taker


def test_only_the_note_taker_or_a_co_chair_writes_notes(running) -> None:
    with pytest.raises(UserError, match="Only the note-taker or a co-chair"):
        add_item_note(running, "Hello", public=True, author_id=ID["Priya"])
    with pytest.raises(UserError, match="the note is empty"):
        add_item_note(running, "   ", public=True)


def test_the_minutes_give_each_item_its_notes_and_never_repeat_the_speaker(service, running) -> None:
    add_item_note(running, "Priya said buses stop at 4pm.", public=True, speaker_id=ID["Priya"])
    add_item_note(running, "Jo: the budget is agreed.", public=True, speaker_id=ID["Jo"])
    add_item_note(running, "Sam finds the forms too long.", public=False, speaker_id=ID["Sam"])
    add_item_note(running, "I would like evening breaks.", public=True, speaker_id=ID["Sam"], written=True)
    members = minutes_text(service, running.meeting_id)
    assert "What was said:" in members
    assert "Priya said buses stop at 4pm." in members and "Priya said Priya" not in members
    assert "Jo said the budget is agreed." in members
    assert "Sam finds the forms too long." in members
    assert "Sam wrote: I would like evening breaks." in members
    public = minutes_text(service, running.meeting_id, "public")
    assert "Priya said buses stop at 4pm." in public and "Jo Clark said the budget is agreed." in public
    assert "forms too long" not in public  # members only
    assert "A member wrote: I would like evening breaks." in public and "Sam" not in public


def test_named_first() -> None:
    sam = MEMBERS["Sam"]
    assert named_first("Sam said no", sam) == ("Sam said no", True)
    assert named_first("sam: no", sam) == ("no", False)
    assert named_first("Samuel came", sam) == ("Samuel came", False)


def test_line_mode_note_command(service, clock) -> None:
    meeting = save_board(service)
    out = run_lines(service, clock, [
        "run 1", "here 1 2 3 4 7", "@14:00", "start",
        "note", "Buses stop at 4pm", "3", "no", "public",
        "note The forms are too long", "4", "maybe",
        "note The forms are too long", "", "nobody",
        "note Kit will bring the easy read papers", "", "",
        "back", "quit",
    ])
    assert "Note saved on Welcome and introductions, for the public copy too." in out
    assert "Please answer yes or no. Type note to start again." in out
    assert "Please type public, or members. Type note to start again." in out
    assert "Note saved on Welcome and introductions, for the members only." in out
    notes = notes_from(service.events(meeting.id))
    assert [(n.text, n.public, n.speaker_id) for n in notes] == [
        ("Buses stop at 4pm", True, ID["Priya"]), ("Kit will bring the easy read papers", False, "")]


async def test_the_meeting_screen_writes_a_note_with_key_m(service, clock) -> None:
    meeting = save_board(service)
    live = LiveMeeting.open(service, meeting.id, clock=clock)
    for name in ("Hayley", "Jo", "Priya"):
        live.set_attendance(ID[name], "present")
    live.start()
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_live(app, pilot, meeting.id)
        await keys(pilot, "m")
        await pilot.press(*"[Buses] stop at 4pm")
        await keys(pilot, "enter")
        await keys(pilot, "2")  # Jo: those here have their meeting numbers (1 Hayley, 2 Jo, 3 Priya)
        await keys(pilot, "2")  # the public copy too
        await settle(app, pilot)
        assert screen.live.unsaved == 0
    notes = [e for e in service.events(meeting.id) if e.type == ITEM_NOTE]
    assert len(notes) == 1
    data = notes[0].data
    assert (data["text"], data["public"], data["speaker_id"], data["item_id"]) == \
        ("[Buses] stop at 4pm", True, ID["Jo"], item_id(1))
