"""Issue 12 points 3, 4, 6, 8 and 9 on the meeting screen, driven by keys through Pilot."""

from __future__ import annotations

from textual.widgets import Static

from coprod_meet.domain import events as ev
from coprod_meet.services.live import LiveMeeting
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.attendance import AttendanceScreen
from coprod_meet.tui.screens.dialog import DialogScreen
from coprod_meet.tui.screens.live import LiveScreen
from coprod_meet.tui.screens.meetings import MeetingsScreen
from tests.scenario import ID, Clock, item_id, save_board


def started(service, clock: Clock) -> LiveMeeting:
    live = LiveMeeting.open(service, save_board(service).id, clock=clock)
    for name in ("Hayley", "Jo", "Priya", "Sam", "Tom"):
        live.set_attendance(ID[name], "present")
    clock.at(14, 0)
    live.start()
    return live


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def said(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_moving_on_with_people_waiting_asks_and_going_back_says_who_waited(service) -> None:
    clock = Clock()
    live = started(service, clock)
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(LiveScreen(live.meeting_id))
        await pilot.pause()
        screen = app.screen
        await pilot.press("3", "4")  # Priya and Sam wait
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert isinstance(app.screen, DialogScreen)
        assert "Priya and Sam are waiting to speak" in text(app.screen, "#dialog-prompt")
        await pilot.press("3")  # stay
        await pilot.pause()
        assert screen.live.state.current_item_id == item_id(1) and len(screen.live.state.queue) == 2
        await pilot.press("right_square_bracket", "1")  # carry
        await pilot.pause()
        assert screen.live.state.current_item_id == item_id(2) and len(screen.live.state.queue) == 2
        await pilot.press("right_square_bracket", "2", "left_square_bracket")  # clear, then back
        await pilot.pause()
        assert screen.live.state.current_item_id == item_id(2)
        assert "Waiting when this item was left: Priya and Sam." in text(screen, "#live-alerts")
        await app.workers.wait_for_complete()
    kinds = [e.type for e in service.events(live.meeting_id)]
    assert [k for k in kinds if k.startswith("queue_") and k != ev.QUEUE_JOINED] == [
        ev.QUEUE_STAYED, ev.QUEUE_CARRIED, ev.QUEUE_CLEARED]


async def test_a_waiting_person_raises_a_point_of_process_and_fair_order_says_who_moved(service) -> None:
    clock = Clock()
    live = started(service, clock)
    live.give_turn(ID["Priya"])
    clock.tick(30)
    live.end_turn()
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(LiveScreen(live.meeting_id))
        await pilot.pause()
        screen = app.screen
        await pilot.press("3", "4", "5")
        await pilot.pause()
        assert [screen.live.state.name(p.member_id) for p in screen.live.state.queue_places()] == ["Sam", "Tom", "Priya"]
        await pilot.press("exclamation_mark", "5")  # Tom, already waiting, raises a point of process
        await pilot.pause()
        assert screen.live.state.queue_places()[0].reason == "point of process"
        await pilot.press("down", "down", "shift+up")  # Priya moved up by hand
        await pilot.pause()
        assert [p.reason for p in screen.live.state.queue_places()][1] == "moved up by a co-chair"
        await pilot.press("f", "f")  # off and on again: the rules' order, with who moved and why
        await pilot.pause()
        assert "Sam moves up from 3 to 2: has not spoken yet." in said(app)
        assert "Priya moves down from 2 to 3: has spoken once on this item." in said(app)


async def test_a_guest_is_added_from_attendance(service) -> None:
    clock = Clock()
    live = started(service, clock)
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(LiveScreen(live.meeting_id))
        await pilot.pause()
        screen = app.screen
        await pilot.press("t", "g")
        await pilot.pause()
        await pilot.press(*"[b]Rosa", "enter")
        await pilot.press("2", "1")  # a carer; not named in public minutes
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        rosa = screen.live.state.meeting.roster[-1]
        assert (rosa.name, rosa.voice_group.value, rosa.naming.value) == ("[b]Rosa", "carer", "not_named")
        await pilot.press("end", "p", "escape")
        await pilot.pause()
        assert rosa.id in screen.live.state.present_ids
        await app.workers.wait_for_complete()
    assert service.get_meeting(live.meeting_id).person(rosa.id) is not None


async def test_opening_the_app_offers_to_go_back_to_a_running_meeting(service) -> None:
    clock = Clock()
    live = started(service, clock)
    live.give_turn(ID["Jo"])
    clock.tick(minutes=20)
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DialogScreen)
        assert "Running since 2pm" in text(app.screen, "#dialog-prompt")
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert text(app.screen, "#live-speaker").startswith("Jo is speaking: 0:00")
        assert "The app was not running for 20 minutes" in said(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        clock.tick(60)  # back at the list, the app runs: Jo is still speaking in the room
        app.push_screen(LiveScreen(live.meeting_id))
        await pilot.pause()
        assert text(app.screen, "#live-speaker").startswith("Jo is speaking: 1:00")
        await app.workers.wait_for_complete()
    kinds = [e.type for e in service.events(live.meeting_id)]
    assert kinds.count(ev.CLOCK_RESUMED) == 1 and kinds[-1] == ev.CLOCK_STOPPED  # noted as the app closed
