"""The meeting screen driven by keys through Pilot, on a real archive."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static

from coprod_meet.domain import events as ev
from coprod_meet.domain.model import Member, VoiceGroup
from coprod_meet.services.live import LiveMeeting
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.live import LiveScreen
from coprod_meet.tui.widgets.save_status import SaveStatus
from tests.conftest import naughty_strings
from tests.scenario import ID, Clock, item_id, play_to_item_five, save_board


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def meeting_id(service) -> str:
    return save_board(service).id


async def open_live(app: CoprodMeetApp, pilot, meeting_id: str) -> LiveScreen:
    app.push_screen(LiveScreen(meeting_id))
    await pilot.pause()
    assert isinstance(app.screen, LiveScreen)
    return app.screen


async def keys(pilot, *presses: str) -> None:
    await pilot.press(*presses)
    await pilot.pause()


async def settle(app: CoprodMeetApp, pilot) -> None:
    """Wait until every save has reached the disk."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def queue_lines(screen) -> list[str]:
    options = screen.query_one("#live-queue", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_run_opens_from_the_meetings_list(service, meeting_id, demo_service=None) -> None:
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "m")
        assert isinstance(app.screen, LiveScreen)
        assert "has not started yet" in text(app.screen, "#live-item")
        assert "Press T to take attendance, then S to start." in text(app.screen, "#live-item")


async def test_an_ended_meeting_opens_to_read(demo_service) -> None:
    from coprod_meet.tui.screens.meeting_view import MeetingViewScreen

    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "m")
        assert isinstance(app.screen, MeetingViewScreen)


async def test_attendance_start_and_queue_by_number_and_letters(service, meeting_id, clock) -> None:
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_live(app, pilot, meeting_id)
        # Attendance: Hayley here, Jo here, Priya here, Sam here, Tom here, Ade here, Mary here,
        # Dr Lee apologies, Cllr Shah left alone, Kit here.
        await keys(pilot, "t", "p", "p", "p", "p", "p", "p", "p", "a", "down", "p", "escape")
        state = screen.live.state
        assert [state.name(m) for m in state.present_ids] == [
            "Hayley", "Jo", "Priya", "Sam", "Tom", "Ade", "Mary", "Kit"]
        assert state.attendance[ID["Dr Lee"]] == "apologies"
        await keys(pilot, "3")  # not started yet: the key does nothing and nothing breaks
        assert state.queue == []
        await keys(pilot, "s")
        assert state.current_item_id == item_id(1)
        await keys(pilot, "3", "a", "t", "enter")  # Priya by number, Tom by first letter then Enter
        assert queue_lines(screen) == [" 3 Priya: has not spoken yet", " 5 Tom: has not spoken yet"]
        await keys(pilot, "question_mark", "k", "enter")  # Kit: a point of clarification
        assert queue_lines(screen)[0] == "10 Kit: point of clarification"
        await settle(app, pilot)
        assert text(screen, "#save-status") == "Saved at 1:55pm"
    on_disk = LiveMeeting.open(service, meeting_id)
    assert [p.member_id for p in on_disk.state.queue_places()] == [ID["Kit"], ID["Priya"], ID["Tom"]]


async def test_next_speaker_remove_move_and_enter(service, meeting_id, clock) -> None:
    live = LiveMeeting.open(service, meeting_id, clock=clock)
    for name in ("Hayley", "Jo", "Priya", "Sam", "Tom"):
        live.set_attendance(ID[name], "present")
    live.start()
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_live(app, pilot, meeting_id)
        await keys(pilot, "3", "4", "5")
        await keys(pilot, "down", "down", "shift+up")  # Tom up one place, by hand
        assert queue_lines(screen) == [
            " 3 Priya: has not spoken yet", " 5 Tom: moved up by a co-chair", " 4 Sam: has not spoken yet"]
        await keys(pilot, "down", "x")  # Sam leaves the queue
        assert [line.split(":")[0] for line in queue_lines(screen)] == [" 3 Priya", " 5 Tom"]
        await keys(pilot, "n")
        assert screen.live.state.name(screen.live.state.speaking.member_id) == "Priya"
        assert text(screen, "#live-speaker").startswith("Priya is speaking: 0:00 of 3:00 Next: Tom.")
        clock.tick(200)
        screen.tick()
        assert "Priya is speaking: 3:20 of 3:00" in text(screen, "#live-speaker")
        assert "Priya has spoken for 3 minutes, the time for one turn." in text(screen, "#live-alerts")
        assert screen.live.state.speaking is not None  # never cut off
        await keys(pilot, "enter")  # give the floor to the person picked in the queue (Tom)
        assert screen.live.state.name(screen.live.state.speaking.member_id) == "Tom"
        await keys(pilot, "n")
        assert screen.live.state.speaking is None
        await settle(app, pilot)
    again = LiveMeeting.open(service, meeting_id).state
    assert [again.name(t.member_id) for t in again.turns] == ["Priya", "Tom"] and again.speaking is None


async def test_go_round_with_a_pass_then_speaking_later(service, meeting_id, clock) -> None:
    live = LiveMeeting.open(service, meeting_id, clock=clock)
    for name in ("Hayley", "Jo", "Kit"):
        live.set_attendance(ID[name], "present")
    live.start()
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_live(app, pilot, meeting_id)
        await keys(pilot, "g")
        assert "Go-round: Hayley's go next." in text(screen, "#live-speaker")
        await keys(pilot, "n", "n", "p")
        assert "Go-round: everyone has had their go. Passed: Kit." in text(screen, "#live-speaker")
        assert "Kit: passed" in text(screen, "#live-people")
        await keys(pilot, "g", "1", "0", "n", "n")  # Kit is number 10: two digits
        assert screen.live.state.everyone_present_has_spoken(item_id(1))
        assert "Everyone present has spoken." in text(screen, "#live-people")
        await settle(app, pilot)


async def test_cards_red_pauses_and_the_word_is_explained(service, meeting_id, clock) -> None:
    live = LiveMeeting.open(service, meeting_id, clock=clock)
    for name in ("Hayley", "Jo", "Sam", "Tom"):
        live.set_attendance(ID[name], "present")
    live.start()
    live.give_turn(ID["Jo"])
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_live(app, pilot, meeting_id)
        await keys(pilot, "k", "r", "enter", "4")  # red card, Sam (number 4)
        await pilot.press(*"respite")
        await keys(pilot, "enter")
        assert "RED card: Sam does not understand 'respite'" in text(screen, "#live-alerts")
        assert "(timer paused for a red card)" in text(screen, "#live-speaker")
        await keys(pilot, "k", "2", "5")  # amber card, Tom (number 5)
        assert "AMBER card: Tom asks everyone to slow down" in text(screen, "#live-alerts")
        await keys(pilot, "k", "3", "1", "enter")  # green card: Hayley (1, or 10 to come: Enter) joins the queue
        assert queue_lines(screen) == [" 1 Hayley: has not spoken yet"]
        await keys(pilot, "k", "c", "enter", "1")  # clear Sam's red card, with what it means
        await pilot.press(*"a short break")
        await keys(pilot, "enter")
        assert "RED card" not in text(screen, "#live-alerts")
        assert "timer paused" not in text(screen, "#live-speaker")
        assert "Words explained: 'respite'." in text(screen, "#live-people")
        await settle(app, pilot)
    state = LiveMeeting.open(service, meeting_id).state
    assert state.words_explained == {"respite": "a short break"}
    assert [c.colour for c in state.open_cards] == ["amber"]


async def test_hand_over_items_break_and_end(service, meeting_id, clock) -> None:
    live = LiveMeeting.open(service, meeting_id, clock=clock)
    for name in ("Hayley", "Jo", "Ade"):
        live.set_attendance(ID[name], "present")
    clock.at(14, 0)
    live.start()
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_live(app, pilot, meeting_id)
        assert text(screen, "#live-chair").startswith("Chairing now: Hayley, who leads item 1 as planned.")
        await keys(pilot, "h")
        assert text(screen, "#live-chair").startswith(
            "Chairing now: Jo, handed over by Hayley at 2pm, until handed back or Hayley leads item 2 as planned.")
        await keys(pilot, "right_square_bracket", "right_square_bracket", "left_square_bracket")
        assert screen.live.state.current_item_id == item_id(2)
        await keys(pilot, "D")  # it asks first: N keeps the item here
        assert "Put off 'Apologies' to the next meeting?" in str(app.screen.query_one("#dialog-title").render())
        await keys(pilot, "n")
        assert screen.live.state.deferred == [] and app.screen is screen
        await keys(pilot, "D", "y")
        assert screen.live.state.deferred == [item_id(2)]
        assert text(screen, "#live-item").startswith("Item 2 of 7: Matters arising")
        await keys(pilot, "i")
        await pilot.press(*"Fire drill")
        await keys(pilot, "enter", "enter")
        assert screen.live.state.agenda[3].title == "Fire drill"
        await keys(pilot, "w", "6")  # Ade's written comment, read out by whoever chairs
        assert "Hayley is reading out Ade's written comment" in text(screen, "#live-speaker")
        await keys(pilot, "v", "6")
        assert "A supporter is speaking for Ade" in text(screen, "#live-speaker")
        clock.at(15, 0)
        screen.tick()
        assert "It is 1 hour since the meeting started. Offer everyone a break." in text(screen, "#live-alerts")
        await keys(pilot, "b")
        assert "On a break" in text(screen, "#live-alerts")
        clock.tick(minutes=10)
        await keys(pilot, "b")
        assert "Offer everyone a break" not in text(screen, "#live-alerts")
        await keys(pilot, "o", "t", "enter", "6")  # Ade (sixth on the list) is the timekeeper
        assert "Timekeeper: Ade." in text(screen, "#live-chair")
        await keys(pilot, "f")
        assert "Fair order is off" in text(screen, "#live-queue-title")
        await keys(pilot, "l")
        await keys(pilot, "ctrl+a", "ctrl+k", "2", "enter")
        assert screen.live.state.turn_limit() == 120
        await keys(pilot, "e", "y")
        assert screen.live.state.ended is not None
        assert text(screen, "#live-speaker").startswith("Hayley and Jo did not speak. People with lived")
        await keys(pilot, "n")  # nothing happens once it has ended
        await settle(app, pilot)
    assert LiveMeeting.open(service, meeting_id).state.ended is not None


async def test_saved_only_on_disk_and_a_failed_save_reloads(service, meeting_id, clock, monkeypatch) -> None:
    from coprod_meet.storage import durable

    live = LiveMeeting.open(service, meeting_id, clock=clock)
    live.set_attendance(ID["Hayley"], "present")
    live.set_attendance(ID["Jo"], "present")
    live.start()
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_live(app, pilot, meeting_id)
        assert text(screen, "#save-status") == "Nothing to save yet"

        def full_disk(fd, data):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(durable, "os_write", full_disk)
        await keys(pilot, "1", "enter")  # Hayley: 1 could be the start of 10, so Enter
        await settle(app, pilot)
        status = text(screen, "#save-status")
        assert status.startswith("NOT SAVED: The disk is full")
        assert "The screen shows the meeting as it was last saved." in status
        assert screen.live.state.queue == [] and queue_lines(screen) == []
        monkeypatch.undo()
        await keys(pilot, "2")
        await settle(app, pilot)
        assert isinstance(screen.query_one(SaveStatus), SaveStatus)
        assert text(screen, "#save-status").startswith("Saved at")
    assert [q.member_id for q in LiveMeeting.open(service, meeting_id).state.queue] == [ID["Jo"]]


async def test_the_timer_tick_writes_nothing(service, meeting_id, clock) -> None:
    live = LiveMeeting.open(service, meeting_id, clock=clock)
    play_to_item_five(live, clock)
    before = len(service.events(meeting_id))
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_live(app, pilot, meeting_id)
        for _ in range(3):
            clock.tick(30)
            screen.tick()
        await settle(app, pilot)
    # Only the app's own notes: it ran again after a stop (the service above was dropped while
    # the clock moved on), and it stopped at the end; the ticks in between write nothing.
    assert [e.type for e in service.events(meeting_id)[before:]] == [ev.CLOCK_RESUMED, ev.CLOCK_STOPPED]


async def test_resume_where_it_was_after_leaving(service, meeting_id, clock) -> None:
    live = LiveMeeting.open(service, meeting_id, clock=clock)
    play_to_item_five(live, clock)
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_live(app, pilot, meeting_id)
        first = (text(screen, "#live-item"), text(screen, "#live-speaker"), queue_lines(screen),
                 text(screen, "#live-people"))
        await keys(pilot, "escape")
        screen = await open_live(app, pilot, meeting_id)
        assert (text(screen, "#live-item"), text(screen, "#live-speaker"), queue_lines(screen),
                text(screen, "#live-people")) == first


async def test_help_lists_the_keys(service, meeting_id) -> None:
    from coprod_meet.tui.screens.help import HelpScreen

    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_live(app, pilot, meeting_id)
        await keys(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        help_text = str(app.screen.query_one("#help-text", Static).render())
        for words in ("Help: Running a meeting", "Next speaker", "Point of process", "Go-round",
                      "Hand over to the other co-chair", "Defer item to next meeting", "Attendance", "End meeting"):
            assert words in help_text


def test_every_live_binding_has_an_id_and_a_description() -> None:
    for binding in LiveScreen.BINDINGS:
        assert binding.id and binding.id.startswith("live.")
        assert binding.description
    keys = {b.key: b.action for b in LiveScreen.BINDINGS}
    assert (keys["d"], keys["c"]) == ("record_decision", "record_action")  # one key each


async def test_naughty_strings_as_member_names_render_literally(service, clock) -> None:
    from dataclasses import replace

    from coprod_meet.domain.errors import UserError
    from tests.scenario import march_meeting

    members = []
    for n, raw in enumerate(naughty_strings()):
        try:
            members.append(Member(id=f"naughty-{n}", name=raw[:80], voice_group=VoiceGroup.LIVED))
        except UserError:
            continue  # nothing left once cleaned: the app would ask for a name
    meeting = replace(march_meeting(), roster=tuple(members), co_chair_ids=(members[0].id, members[1].id))
    service.save_meeting(meeting)
    live = LiveMeeting.open(service, meeting.id, clock=clock, autosave=False)
    for m in members:
        live.set_attendance(m.id, "present")
    live.start()
    for m in members[:300]:
        live.queue_add(m.id)
    live.give_turn(members[5].id)
    live.raise_card(members[7].id, "red", members[8].name)
    live.save_pending()  # one durable write for the lot
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_live(app, pilot, meeting.id)
        lines = queue_lines(screen)
        names = [live.state.name(p.member_id) for p in live.state.queue_places()]
        width = len(str(len(members)))  # each line starts with the person's meeting number
        assert [line[width + 1:].rsplit(": ", 1)[0] for line in lines] == names
        numbers = {m.id: n for n, m in enumerate(members, start=1)}
        assert [int(line[:width]) for line in lines] == [numbers[p.member_id] for p in live.state.queue_places()]
        assert f"RED card: {members[7].name} does not understand '{members[8].name}'" in text(screen, "#live-alerts")
        assert app.screen is screen
        await keys(pilot, "n")
        assert screen.live.state.speaking.member_id == live.state.queue_places()[0].member_id
        await settle(app, pilot)
    assert ev.QUEUE_JOINED in {e.type for e in service.events(meeting.id)}


async def test_access_needs_stand_on_the_screen_until_the_start_and_cover_no_box(service, meeting_id) -> None:
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_live(app, pilot, meeting_id)
        alerts = text(screen, "#live-alerts")
        assert alerts.startswith("Before you start: Hayley needs easy read papers.")
        assert "Kit needs a BSL interpreter." in alerts
        assert not app._notifications  # a toast would lie over the attendance box
        await keys(pilot, "t")  # the attendance box opens over a screen with nothing on top
        assert app.screen is not screen
        await keys(pilot, "escape")
        for member_id in (ID["Hayley"], ID["Jo"]):
            screen.live.set_attendance(member_id, "present")
        await keys(pilot, "s")
        await keys(pilot, "enter")  # (if starting asks about people not yet marked)
        assert screen.live.state.started is not None
        assert "Before you start" not in text(screen, "#live-alerts")
