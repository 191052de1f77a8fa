"""Issue 16 points 2 and 3: how each person joins, the fair place of remote members, the say by
how people joined, and hands and cards recorded from the chat (with who recorded them)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from coprod_meet.domain import events as ev
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.hybrid import joins_share_line, joins_share_sentence, share_by_joins
from coprod_meet.domain.live_view import live_view
from coprod_meet.domain.model import Event, GroupSettings
from coprod_meet.domain.queue import Waiting, order
from coprod_meet.services import hybrid
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.live import LiveMeeting
from coprod_meet.services.minutes import MinutesService
from coprod_meet.services.trends import group_trends
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.hybrid import RemoteScreen
from coprod_meet.tui.screens.live import LiveScreen
from tests.scenario import GROUP, ID, SETTINGS, Clock, item_id, march_meeting
from tests.test_plain_meeting import run_lines

HERE = ("Hayley", "Jo", "Priya", "Sam", "Tom", "Ade", "Mary", "Kit")


def _meeting(service: ArchiveService, settings: GroupSettings = SETTINGS) -> tuple[LiveMeeting, Clock]:
    service.save_group(GROUP)
    meeting = service.save_meeting(replace(march_meeting(), settings=settings))
    clock = Clock()
    live = LiveMeeting.open(service, meeting.id, clock=clock)
    for name in HERE:
        live.set_attendance(ID[name], "present", joins="online" if name in ("Priya", "Kit") else "")
    clock.at(14, 0)
    live.start()
    return live, clock


def _logged(service: ArchiveService, live: LiveMeeting, kind: str) -> list[Event]:
    return [e for e in service.events(live.meeting_id) if e.type == kind]


# -- how each person joins ----------------------------------------------------------------------


def test_attendance_says_how_each_person_joins_and_it_can_change(service: ArchiveService) -> None:
    live, clock = _meeting(service)
    state = live.state
    assert [state.joins_now(ID[n]) for n in ("Priya", "Kit", "Tom")] == ["online", "online", "room"]
    assert hybrid.set_joins(live, ID["Tom"], "phone")[0].type == ev.JOINS_SET
    clock.tick(60)
    hybrid.set_joins(live, ID["Priya"], "room")  # she came in after all
    again = LiveMeeting.open(service, live.meeting_id, clock=clock).state  # from the file
    assert again.joins_now(ID["Tom"]) == "phone" and again.joins_now(ID["Priya"]) == "room"
    assert again.joins_now(ID["Priya"], clock.now.replace(hour=14, minute=0)) == "online"
    with pytest.raises(UserError, match="Tom is already marked as on the phone"):
        hybrid.set_joins(live, ID["Tom"], "phone")
    with pytest.raises(UserError, match="Dr Lee is not marked as here yet"):
        hybrid.set_joins(live, ID["Dr Lee"], "online")
    with pytest.raises(UserError, match="Please choose in the room, online or on the phone"):
        hybrid.set_joins(live, ID["Tom"], "zoom")
    with pytest.raises(UserError, match="Please say how someone here joins"):
        live.set_attendance(ID["Dr Lee"], "apologies", joins="online")


def test_the_queue_and_the_people_list_say_who_is_online(service: ArchiveService) -> None:
    live, clock = _meeting(service)
    live.queue_add(ID["Tom"])
    hybrid.remote_hand(live, ID["Priya"])
    view = live_view(live.state, clock())
    assert [text for _m, text in view.queue] == ["Tom: has not spoken yet", "Priya (online): has not spoken yet"]
    notes = {p.name: p.notes for p in view.present}
    assert notes["Priya"] == "not heard yet, online" and notes["Tom"] == "not heard yet"


def test_remote_first_among_equals_is_a_setting_of_the_group(service: ArchiveService) -> None:
    live, _clock = _meeting(service, replace(SETTINGS, remote_order="remote_first"))
    live.queue_add(ID["Tom"])
    live.queue_add(ID["Jo"], "clarification")
    hybrid.remote_hand(live, ID["Kit"])
    hybrid.remote_hand(live, ID["Priya"])
    places = live.state.queue_places()
    # A clarification still goes first; then Kit and Priya, level with Tom, go before him.
    assert [p.member_id for p in places] == [ID["Jo"], ID["Kit"], ID["Priya"], ID["Tom"]]
    alike, _ = _meeting(ArchiveService.open(service.root.parent / "other"))
    alike.queue_add(ID["Tom"])
    hybrid.remote_hand(alike, ID["Kit"])
    assert [p.member_id for p in alike.state.queue_places()] == [ID["Tom"], ID["Kit"]]
    alike.service.close()


def test_remote_first_gives_its_reason_only_where_it_decides() -> None:
    waiting = [Waiting("room", 1, spoken_on_item=True), Waiting("far", 2, spoken_on_item=True, remote=True),
               Waiting("new", 3)]
    places = order(waiting, remote_first=True)
    assert [(p.member_id, p.reason) for p in places] == [
        ("new", "has not spoken yet"),
        ("far", "joins from afar: first among equals"),
        ("room", "has spoken on this item"),
    ]
    assert [p.member_id for p in order(waiting)] == ["new", "room", "far"]
    assert [p.member_id for p in order(waiting, fair=False, remote_first=True)] == ["room", "far", "new"]


# -- the say by how people joined ---------------------------------------------------------------


def test_the_say_by_how_people_joined_live_in_minutes_and_trends(service: ArchiveService) -> None:
    live, clock = _meeting(service)
    for name, seconds in (("Priya", 30), ("Tom", 170), ("Kit", 0)):
        live.give_turn(ID[name])
        clock.tick(seconds)
    hybrid.set_joins(live, ID["Tom"], "phone")  # counts from his next turn on
    live.give_turn(ID["Tom"])
    clock.tick(50)
    live.end_turn()
    share = share_by_joins(live.state)
    assert round(share["online"], 2) == 0.12 and round(share["phone"], 2) == 0.2
    sentence = "People online had 12% of the say. People on the phone had 20%. People in the room had 68%."
    assert joins_share_sentence(live.state) == sentence
    assert joins_share_line(live.state) == "Online 12%, on the phone 20%, in the room 68%"
    assert "Online 12%, on the phone 20%, in the room 68%" in live_view(live.state, clock()).shares
    live.end_meeting()
    minutes = " ".join(MinutesService(service).export(live.meeting_id, "txt").data.decode().split())
    assert sentence in minutes
    trends = group_trends(service, "Better Together Board")
    assert f"  12 Mar 2026  {sentence}" in trends.lines()
    assert trends.to_json()["meetings"][0]["share_by_joins"] == {"room": 0.68, "online": 0.12, "phone": 0.2}
    assert "share_online" in trends.to_csv().splitlines()[0]


def test_the_say_by_joining_is_said_only_when_someone_joined_from_afar(service: ArchiveService) -> None:
    live, clock = _meeting(service)
    hybrid.set_joins(live, ID["Priya"], "room")
    hybrid.set_joins(live, ID["Kit"], "room")
    live.give_turn(ID["Tom"])
    clock.tick(60)
    live.end_turn()
    # Priya and Kit were online at the start, so the share is still said.
    assert joins_share_sentence(live.state).startswith("People online had 0% of the say.")
    with ArchiveService.open(service.root.parent / "all-here") as other:
        plain, _clock = _meeting(other)
        state = replace(plain.state, joins={})
        assert joins_share_sentence(state) == "" and joins_share_line(state) == ""


def test_the_hybrid_settings_of_a_group_are_kept_and_checked() -> None:
    settings = replace(SETTINGS, remote_order="remote_first", room_public_names=True)
    assert GroupSettings.from_dict(settings.to_dict()) == settings
    odd = GroupSettings.from_dict({"remote_order": "zoom first", "room_public_names": "yes"})
    assert (odd.remote_order, odd.room_public_names) == ("alike", False)
    assert GroupSettings.from_dict({}) == GroupSettings()  # files saved before issue 16


# -- hands and cards from the chat --------------------------------------------------------------


def test_hands_and_cards_from_the_chat_say_who_recorded_them(service: ArchiveService) -> None:
    live, _clock = _meeting(service)
    live.give_turn(ID["Tom"])
    hybrid.remote_hand(live, ID["Kit"])  # no remote buddy yet: the co-chair chairing now records
    live.set_role("remote_buddy", ID["Mary"])
    hybrid.remote_card(live, ID["Priya"], "red", "respite")
    hybrid.remote_card(live, ID["Kit"], "amber", by_id=ID["Jo"])
    joined = _logged(service, live, ev.QUEUE_JOINED)
    cards = _logged(service, live, ev.CARD_RAISED)
    assert [hybrid.recorded_by(e) for e in joined] == [ID["Hayley"]]
    assert [(e.data["member_id"], hybrid.recorded_by(e)) for e in cards] == [(ID["Priya"], ID["Mary"]),
                                                                             (ID["Kit"], ID["Jo"])]
    assert live.state.timer_paused  # a red card from the chat pauses the timer like any other
    assert hybrid.recorders(live.state) == [ID["Mary"], ID["Hayley"], ID["Jo"]]
    live.queue_add(ID["Sam"])
    assert hybrid.recorded_by(_logged(service, live, ev.QUEUE_JOINED)[-1]) == ""  # a hand in the room


def test_hands_from_the_chat_are_for_people_online_by_a_co_chair_or_the_buddy(service: ArchiveService) -> None:
    live, _clock = _meeting(service)
    with pytest.raises(UserError, match="Tom is marked as in the room; mark them as online or on the phone first"):
        hybrid.remote_hand(live, ID["Tom"])
    with pytest.raises(UserError, match="Sam is not a co-chair or the remote buddy"):
        hybrid.remote_hand(live, ID["Kit"], by_id=ID["Sam"])
    with pytest.raises(UserError, match="Dr Lee is not marked as here yet"):
        hybrid.remote_card(live, ID["Dr Lee"], "red")
    hybrid.remote_hand(live, ID["Kit"])
    with pytest.raises(UserError, match="Kit is already waiting to speak"):
        hybrid.remote_hand(live, ID["Kit"])
    assert live.state.roles.get("remote_buddy") is None
    live.set_role("remote_buddy", ID["Sam"])
    hybrid.remote_hand(live, ID["Priya"], by_id=ID["Sam"])
    assert hybrid.recorded_by(_logged(service, live, ev.QUEUE_JOINED)[-1]) == ID["Sam"]


# -- the meeting screen: J -----------------------------------------------------------------------


@pytest.mark.asyncio
async def test_j_then_a_number_queues_a_remote_hand(archive_dir: Path) -> None:
    service = ArchiveService.open(archive_dir)
    live, clock = _meeting(service)
    live.set_role("remote_buddy", ID["Mary"])
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(LiveScreen(live.meeting_id))
        await pilot.pause()
        await pilot.press("j", "1", "0")  # Kit is number 10 in this meeting, on every screen
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveScreen)
        assert [text for _m, text in live_view(screen.live.state, clock()).queue] == [
            "Kit (online): has not spoken yet"]
        # J, down to Tom (5), P: on the phone; then K, 2: an amber card from the chat.
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, RemoteScreen)
        await pilot.press("down", "down", "down", "down", "p")
        await pilot.press("k", "2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert "Press W to change who" in app.screen.query_one("#help-text").render().plain
        await pilot.press("escape", "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
    service.close()
    with ArchiveService.open(archive_dir) as again:
        events = again.events(live.meeting_id)
        hand = [e for e in events if e.type == ev.QUEUE_JOINED][-1]
        card = [e for e in events if e.type == ev.CARD_RAISED][-1]
        assert (hand.data["member_id"], hybrid.recorded_by(hand)) == (ID["Kit"], ID["Mary"])
        assert (card.data["member_id"], card.data["colour"], hybrid.recorded_by(card)) == (ID["Tom"], "amber",
                                                                                           ID["Mary"])
        state = LiveMeeting.open(again, live.meeting_id).state
        assert state.joins_now(ID["Tom"]) == "phone"


# -- line mode ---------------------------------------------------------------------------------------


def test_line_mode_joins_hands_and_chat_cards(service: ArchiveService) -> None:
    from tests.scenario import save_board

    save_board(service)
    clock = Clock()
    out = run_lines(service, clock, [
        "run 1", "here 1 2 3 4 5 7 10", "@14:00", "start",
        "joins 10 online", "joins 10 zoom", "joins 10 online",
        "hand 5", "hand 10", "hand 10",
        "recorder 4", "role", "4", "7", "recorder 7",
        "chatcard 10 red respite", "chatcard 10 blue",
        "queue", "quit",
    ])
    out = " ".join(out.split())  # line mode wraps long lines
    assert "Kit joins online." in out
    assert "Please type joins, a number and online, phone or room, like joins 9 online." in out
    assert "Kit is already marked as online." in out
    assert "Tom is marked as in the room; mark them as online or on the phone first." in out
    assert "Kit is waiting to speak, recorded by Hayley." in out
    assert "Kit is already waiting to speak; remove them first to change why." in out
    assert "Sam is not a co-chair or the remote buddy; choose one of them, or make them the remote buddy" in out
    assert "Mary records hands and cards from the chat." in out
    assert "RED card: Kit does not understand 'respite', recorded by Mary." in out
    assert "Please type chatcard, a number and a colour: red, amber or green." in out
    assert "10. Kit (online): has not spoken yet." in out
    assert "Traceback" not in out
    assert item_id(1) in {e.data.get("item_id") for e in service.events(march_meeting().id)}
