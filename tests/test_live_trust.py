"""Issue 12 points 3, 4, 5, 6 and 8 through the live service on a real archive: nobody waiting
is dropped, the queue keeps its word, chairing holds, guests are recorded, time is true."""

from __future__ import annotations

import pytest

from coprod_meet.domain import events as ev
from coprod_meet.domain.chairing import chairing_in_words, leads_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.live_view import live_view
from coprod_meet.domain.timing import item_over
from coprod_meet.services.live import LiveMeeting, PeopleWaiting
from tests.scenario import ID, Clock, item_id, save_board


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def live(service, clock) -> LiveMeeting:
    meeting = save_board(service)
    live = LiveMeeting.open(service, meeting.id, clock=clock)
    for name in ("Hayley", "Jo", "Priya", "Sam", "Tom", "Ade", "Mary", "Kit"):
        live.set_attendance(ID[name], "present")
    clock.at(14, 0)
    live.start()
    return live


def names(live: LiveMeeting) -> list[str]:
    return [live.state.name(p.member_id) for p in live.state.queue_places()]


def types(live: LiveMeeting) -> list[str]:
    return [e.type for e in live.service.events(live.meeting_id)]


def test_leaving_an_item_while_people_wait_asks_and_every_choice_is_an_event(live, clock) -> None:
    live.queue_add(ID["Priya"])
    live.queue_add(ID["Sam"])
    with pytest.raises(PeopleWaiting, match="Priya and Sam are waiting to speak. Carry them"):
        live.next_item()
    assert live.state.current_item_id == item_id(1)

    live.next_item(queue="stay")
    assert live.state.current_item_id == item_id(1) and names(live) == ["Priya", "Sam"]
    assert types(live)[-1] == ev.QUEUE_STAYED

    live.next_item(queue="carry")
    assert live.state.current_item_id == item_id(2) and names(live) == ["Priya", "Sam"]
    assert types(live)[-2:] == [ev.QUEUE_CARRIED, ev.ITEM_STARTED]

    clock.tick(60)
    live.next_item(queue="clear")
    assert live.state.queue == [] and types(live)[-2:] == [ev.QUEUE_CLEARED, ev.ITEM_STARTED]
    live.previous_item()  # nobody waits on item 3: no question
    view = live_view(live.state, clock.now)
    assert "Waiting when this item was left: Priya and Sam. Add them again if they still want to speak" in view.alerts
    live.queue_add(ID["Priya"])
    assert any("Waiting when this item was left: Sam." in a for a in live_view(live.state, clock.now).alerts)

    # The log in words, and the same after a restart.
    again = LiveMeeting.open(live.service, live.meeting_id, clock=clock)
    said = [words for _at, words in again.state.happenings]
    assert "Stayed on this item, as Priya and Sam were waiting" in said
    assert "Carried to the next item, still waiting: Priya and Sam" in said
    assert "The queue was cleared; waiting were Priya and Sam" in said


def test_defer_asks_too(live, clock) -> None:
    live.queue_add(ID["Tom"])
    with pytest.raises(PeopleWaiting):
        live.defer_item()
    assert live.state.deferred == []
    live.defer_item(queue="carry")
    assert live.state.deferred == [item_id(1)] and names(live) == ["Tom"]
    for _ in range(6):
        live.next_item(queue="carry")
    assert live.state.current_item_id == item_id(8)
    with pytest.raises(UserError, match="no next item to carry them to"):
        live.defer_item(queue="carry")
    assert names(live) == ["Tom"] and live.state.deferred == [item_id(1)]


def test_a_reply_keeps_whom_it_answers_and_a_waiting_person_can_raise_a_point_of_process(live, clock) -> None:
    live.give_turn(ID["Jo"])
    live.queue_add(ID["Tom"], "reply")
    live.queue_add(ID["Priya"])
    clock.tick(30)
    live.give_turn(ID["Mary"])
    assert live.state.queue_places()[0].reason == "direct reply to Jo"
    live.queue_add(ID["Priya"], "process")
    assert [(live.state.name(p.member_id), p.reason) for p in live.state.queue_places()] == [
        ("Priya", "point of process"), ("Tom", "direct reply to Jo")]
    with pytest.raises(UserError, match="already waiting"):
        live.queue_add(ID["Priya"], "process")
    with pytest.raises(UserError, match="cannot be moved"):
        live.queue_move(ID["Priya"], 1)
    with pytest.raises(UserError, match="cannot go before a point of process"):
        live.queue_move(ID["Tom"], -1)


def test_a_move_is_not_undone_by_a_later_move_of_someone_else(live, clock) -> None:
    for name in ("Priya", "Sam", "Tom", "Ade"):
        live.queue_add(ID[name])
    live.queue_move(ID["Ade"], -1)
    assert names(live) == ["Priya", "Sam", "Ade", "Tom"]
    live.queue_move(ID["Tom"], -1)  # this only swaps Tom and Ade back
    assert names(live) == ["Priya", "Sam", "Tom", "Ade"]
    live.queue_move(ID["Ade"], -2)
    live.queue_move(ID["Priya"], 1)
    assert names(live) == ["Ade", "Priya", "Sam", "Tom"]
    live.queue_add(ID["Kit"])  # has not spoken yet, but joins after the order the co-chair set
    assert names(live) == ["Ade", "Priya", "Sam", "Tom", "Kit"]
    live.next_speaker()
    assert names(live) == ["Priya", "Sam", "Tom", "Kit"]


def test_chairing_holds_until_handed_back_or_the_next_planned_lead(live, clock, service) -> None:
    s = live.state
    assert chairing_in_words(s) == "Chairing now: Hayley, who leads item 1 as planned"
    clock.at(14, 40)
    live.hand_over()
    assert chairing_in_words(s) == ("Chairing now: Jo, handed over by Hayley at 2:40pm, "
                                    "until handed back or Hayley leads item 2 as planned")
    clock.at(14, 45)
    live.next_item()
    assert chairing_in_words(live.state) == "Chairing now: Hayley, who leads item 2 as planned"
    assert leads_in_words(live.state, item_id(1)) == "Hayley led this item; Jo took over at 2:40pm."
    assert leads_in_words(live.state, item_id(2)) == "Hayley led this item."
    # An item added on the fly has no other lead than whoever chairs: a hand-over lasts into it.
    live.hand_over()
    live.add_item("Fire drill", 5)
    live.next_item()
    assert chairing_in_words(live.state) == "Chairing now: Jo, who leads item 3 as planned"

    from coprod_meet.services.minutes import MinutesService

    members = MinutesService(service).export(live.meeting_id, "md").data.decode()
    assert "Hayley led this item; Jo took over at 2:40pm." in members
    from coprod_meet.services.views import describe_meeting

    read = describe_meeting(service.get_meeting(live.meeting_id), service.events(live.meeting_id))
    assert "     Hayley led this item; Jo took over at 2:40pm." in read.splitlines()
    assert "  2:40pm: Hayley handed the chair to Jo." in read.splitlines()


def test_guests_and_late_members_join_the_list_and_are_not_named_unless_they_agreed(live, clock, service) -> None:
    from coprod_meet.domain.model import Member, VoiceGroup

    live.add_guest("Rosa", "carer")
    rosa = next(m for m in live.state.meeting.roster if m.name == "Rosa")
    assert rosa.naming.value == "not_named" and rosa.voice_group is VoiceGroup.CARER
    live.set_attendance(rosa.id, "late")
    live.give_turn(rosa.id)
    clock.tick(40)
    live.end_turn()
    with pytest.raises(UserError, match="already on the list"):
        live.add_guest("rosa")
    group = service.group(live.state.meeting.group_id)
    newcomer = Member(name="Lin", voice_group=VoiceGroup.LIVED, naming="first")
    service.save_group(group.with_member(newcomer))
    assert [m.name for m in live.members_not_listed()] == ["Lin"]
    live.add_person(newcomer)
    assert live.members_not_listed() == []
    live.set_attendance(newcomer.id, "present")

    again = LiveMeeting.open(service, live.meeting_id, clock=clock)
    assert [m.name for m in again.state.present_ids and again.state.meeting.roster][-2:] == ["Rosa", "Lin"]
    assert service.get_meeting(live.meeting_id).person(rosa.id) is not None  # the plan knows her too
    live.end_meeting()
    from coprod_meet.services.minutes import MinutesService

    minutes = MinutesService(service)
    assert "Rosa" in minutes.export(live.meeting_id, "md").data.decode()
    public = minutes.export(live.meeting_id, "md", copy="public").data.decode()
    assert "Rosa" not in public and "Lin" in public


def test_a_red_card_pauses_the_share_of_say_too(live, clock) -> None:
    live.give_turn(ID["Jo"])
    clock.tick(30)
    live.raise_card(ID["Sam"], "red", "commissioning")
    clock.tick(120)
    assert live.state.seconds_by_member(now=clock.now)[ID["Jo"]] == 30
    assert live.state.speaking_seconds(clock.now) == 30
    live.clear_card(ID["Sam"], "red", "buying services")
    clock.tick(10)
    assert live.state.seconds_by_member(now=clock.now)[ID["Jo"]] == 40


def test_time_while_the_app_is_not_running_is_nobodys(service, live, clock) -> None:
    live.give_turn(ID["Jo"])
    clock.tick(80)
    live.stop_clock()  # the co-chair leaves the meeting screen
    clock.tick(minutes=25)
    again = LiveMeeting.open(service, live.meeting_id, clock=clock)
    assert again.resume_clock()
    assert again.state.speaking_seconds(clock.now) == 80
    assert again.state.seconds_by_member(now=clock.now)[ID["Jo"]] == 80
    assert int(again.state.item_seconds(item_id(1), clock.now)) == 80
    view = live_view(again.state, clock.now)
    assert "Jo is speaking: 1:20" in view.speaker
    from coprod_meet.domain.live_view import resumed_in_words

    assert resumed_in_words(again.state) == ("The app was not running for 25 minutes, from 2:01pm; that time is "
                                            "nobody's speaking time. Jo's turn carries on from 1:20")
    # A crash (no stop noted): the time since the last event is nobody's either.
    clock.tick(10)
    again.give_turn(ID["Priya"])
    clock.tick(minutes=10)
    third = LiveMeeting.open(service, live.meeting_id, clock=clock)
    third.resume_clock()
    assert third.state.speaking_seconds(clock.now) == 0
    assert third.resume_clock() == []  # no time has passed since


def test_the_item_running_over_is_said(live, clock) -> None:
    assert item_over(live.state, clock.now) == ""
    clock.tick(minutes=11)
    assert item_over(live.state, clock.now) == "Welcome and introductions has run over its 10 minutes."


def test_a_role_planned_for_someone_who_sent_apologies_asks_for_someone_else(service, clock) -> None:
    meeting = save_board(service)  # Mary is to take the notes
    live = LiveMeeting.open(service, meeting.id, clock=clock)
    for name in ("Hayley", "Jo", "Priya", "Sam", "Tom", "Ade", "Kit"):
        live.set_attendance(ID[name], "present")
    live.set_attendance(ID["Mary"], "apologies")
    clock.at(14, 0)
    live.start()
    assert live_view(live.state, clock.now).roles == "Note-taker: nobody yet (Mary sent apologies)"
    live.set_role("note_taker", ID["Kit"])
    assert live_view(live.state, clock.now).roles == "Note-taker: Kit"
    live.set_role("note_taker", ID["Mary"])
    live.set_attendance(ID["Mary"], "present")  # she came after all
    assert live_view(live.state, clock.now).roles == "Note-taker: Mary"
