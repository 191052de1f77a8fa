"""Nothing typed is lost: a half-filled form keeps a draft on disk as the person types; after a
real kill (SIGKILL, no clean-up) the next start offers it back, and it can be saved from there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from textual.widgets import Input

from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.drafts import Drafts
from coprod_meet.services.live import LiveMeeting
from coprod_meet.services.records import RecordsService
from coprod_meet.storage.drafts import FOLDER, read_drafts
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.decision_form import DecisionFormScreen
from coprod_meet.tui.screens.dialog import DialogScreen
from coprod_meet.tui.screens.live import LiveScreen
from coprod_meet.tui.screens.meetings import MeetingsScreen
from coprod_meet.tui.widgets.words import Words
from tests.scenario import ID, Clock, item_id, save_board

ROOT = Path(__file__).resolve().parents[1]
TYPED = "We will ask the council about evening buses"

# The app in a child process: the meeting screen, D for a decision, some words typed; once the
# draft is on disk it says so and waits to be killed.
CHILD = r"""
import asyncio, sys, time
from coprod_meet.services.archive import ArchiveService
from coprod_meet.storage.drafts import read_drafts
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.live import LiveScreen
from tests.scenario import Clock

async def main():
    service = ArchiveService.open(sys.argv[1])
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        # The app starts by offering the running meeting (read off the event loop): yes.
        for _ in range(600):  # at most 30 seconds
            if isinstance(app.screen, LiveScreen):
                break
            await pilot.pause(0.05)
            await app.workers.wait_for_complete()
            if type(app.screen).__name__ == "DialogScreen":
                await pilot.press("1")
        await pilot.pause()
        await pilot.press("d")
        for _ in range(600):  # the decision form is open before a word is typed
            if type(app.screen).__name__ == "DecisionFormScreen":
                break
            await pilot.pause(0.05)
        await pilot.press(*sys.argv[3])
        waited = 0
        while not read_drafts(service.root) and waited < 600:  # at most 30 seconds, then say so
            await pilot.pause(0.05)
            waited += 1
        if read_drafts(service.root):
            print("TYPED", flush=True)
        else:  # what the app showed instead, so a failure says what happened
            print(f"NO DRAFT: screens {[type(s).__name__ for s in app.screen_stack]}, focused {app.focused!r}",
                  flush=True)
        time.sleep(60)  # the event loop is stuck here: only a kill ends this

asyncio.run(main())
"""


async def _typed(app: CoprodMeetApp, pilot, *keys: str) -> None:
    """Keys pressed, then a moment for the draft to be written."""
    await pilot.press(*keys)
    await pilot.pause(0.6)
    await app.workers.wait_for_complete()


async def _offered(app: CoprodMeetApp, pilot) -> DialogScreen:
    """The app just started: the drafts are read off the event loop, then offered."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, DialogScreen)
    return app.screen


async def _carry_on(app: CoprodMeetApp, pilot):
    """Yes to the draft offered: the screen it was opened from, then the form with the words back."""
    await _offered(app, pilot)
    await pilot.press("1")
    await pilot.pause()
    await pilot.pause()
    return app.screen


def _started(service: ArchiveService) -> str:
    meeting_id = save_board(service).id
    live = LiveMeeting.open(service, meeting_id, clock=Clock())
    for name in ("Hayley", "Jo", "Priya", "Sam"):
        live.set_attendance(ID[name], "present")
    live.start()
    for _ in range(3):
        live.next_item()
    return meeting_id


async def test_a_decision_being_typed_survives_a_kill(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        meeting_id = _started(service)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(archive_dir), meeting_id, TYPED], cwd=ROOT,
                             env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "TYPED"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    service = ArchiveService.open(archive_dir)
    try:
        assert [d.what for d in Drafts(service).waiting()] == ["a decision on item 4, The plan for next year"]
        assert "drafts" not in {m.title for m in service.list_meetings()}  # not a meeting
        app = CoprodMeetApp(service, clock=Clock())
        async with app.run_test(size=(80, 24)) as pilot:
            box = await _offered(app, pilot)
            assert box.query_one("#dialog-title", Words).words == (
                "You were writing a decision on item 4, The plan for next year. Carry on?")
            await pilot.press("1")  # yes: the meeting screen, then the form with the words back
            await pilot.pause()
            await pilot.pause()
            form = app.screen
            assert isinstance(form, DecisionFormScreen)
            assert isinstance(app.screen_stack[-2], LiveScreen)
            assert form.query_one("#decision-text", Input).value == TYPED
            await pilot.press("ctrl+s")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
        decisions = RecordsService(service).decisions(meeting_id)
        assert [(d.text, d.item_id) for d in decisions] == [(TYPED, item_id(4))]
        assert read_drafts(service.root) == []  # saved: the draft is gone
    finally:
        service.close()


async def test_a_draft_comes_and_goes_with_the_words_and_not_now_keeps_it(service: ArchiveService) -> None:
    meeting_id = _started(service)
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(LiveScreen(meeting_id))
        await pilot.pause()
        await _typed(app, pilot, "d", *"We agree")  # the draft is written a moment after the last key
        assert [d["what"] for d in read_drafts(service.root)] == ["a decision on item 4, The plan for next year"]
        assert (service.root / FOLDER).stat().st_mode & 0o777 == 0o700
        await _typed(app, pilot, *["backspace"] * 8)  # typed away again: nothing to keep
        assert read_drafts(service.root) == []
        await pilot.press("escape")  # nothing typed: goes back at once, asks nothing
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        await _typed(app, pilot, "c", *"Ring the bus company")
        assert [d["what"] for d in read_drafts(service.root)] == ["an action on item 4, The plan for next year"]
    for answer, left in (("2", 1), ("3", 0)):  # not now: kept; no: thrown away, and said
        app = CoprodMeetApp(service, clock=Clock())
        async with app.run_test(size=(80, 24)) as pilot:
            await _offered(app, pilot)
            await pilot.press(answer)
            await pilot.pause()
            await app.workers.wait_for_complete()
            assert isinstance(app.screen, MeetingsScreen)
        assert len(read_drafts(service.root)) == left


async def test_a_correction_being_typed_is_offered_back_on_the_record_it_corrects(service: ArchiveService) -> None:
    meeting_id = _started(service)
    records = RecordsService(service)
    decision = records.record_decision(meeting_id, text="We will offer breaks.", method="consent")
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(meeting_id)
        await pilot.pause()
        await pilot.press("e", "1")  # correct: the first record, a decision
        await pilot.pause()
        assert isinstance(app.screen, DecisionFormScreen) and app.screen.existing == decision
        await _typed(app, pilot, "end", *" in the evening")
    (draft,) = Drafts(service).waiting()
    assert draft.what == "a correction to a decision on item 4, The plan for next year"
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _carry_on(app, pilot)
        assert isinstance(form, DecisionFormScreen) and form.existing == decision
        assert form.query_one("#decision-text", Input).value == "We will offer breaks. in the evening"


async def _plan_form(app: CoprodMeetApp, pilot) -> None:
    """P on the meetings list: the plan of a new meeting."""
    from coprod_meet.tui.screens.meeting_setup import MeetingSetupScreen

    await pilot.pause()
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(app.screen, MeetingSetupScreen)


async def test_a_new_meeting_plan_left_half_typed_is_offered_back(service: ArchiveService) -> None:
    from coprod_meet.tui.screens.meeting_setup import MeetingSetupScreen

    save_board(service)
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await _plan_form(app, pilot)
        app.screen.query_one("#title", Input).value = "Summer board"
        await pilot.pause(0.6)
        await app.workers.wait_for_complete()
    assert [d.what for d in Drafts(service).waiting()] == ["the plan of a new meeting"]
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(await _carry_on(app, pilot), MeetingSetupScreen)
        assert app.screen.query_one("#title", Input).value == "Summer board"


async def test_enter_in_a_plan_box_moves_on_at_once_so_a_burst_lands_in_the_next_box(service: ArchiveService) -> None:
    from tests.helpers.keys import burst

    save_board(service)
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await _plan_form(app, pilot)
        app.screen.query_one("#title", Input).focus()
        await pilot.pause()
        burst(app, *"Summer", "enter", *"next Tuesday 2pm", "enter", *"2 hours")
        await pilot.pause()
        await pilot.pause()
        boxes = {name: app.screen.query_one(f"#{name}", Input).value for name in ("title", "when", "length")}
        assert boxes == {"title": "Summer", "when": "next Tuesday 2pm", "length": "2 hours"}
