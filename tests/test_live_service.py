"""Running a live meeting through the services, on a real archive: every flow, and the meeting
part of ../shared/SCENARIO.md step by step."""

from __future__ import annotations

import re

import pytest

from coprod_meet.domain import events as ev
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.records import Action, Decision, Method, actions_from, decisions_from
from coprod_meet.domain.timing import break_reminder, item_time_in_words, turn_in_words, turn_warning
from coprod_meet.domain.voice import not_heard_in_words, share_warnings, voice_summary
from coprod_meet.services.live import LiveMeeting, attendance_in_words
from tests.scenario import ID, Clock, item_id, save_board


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def live(service, clock) -> LiveMeeting:
    meeting = save_board(service)
    return LiveMeeting.open(service, meeting.id, clock=clock)


def names(live: LiveMeeting, ids) -> list[str]:
    return [live.state.name(i) for i in ids]


def queue(live: LiveMeeting) -> list[tuple[str, str]]:
    return [(live.state.name(p.member_id), p.reason) for p in live.state.queue_places()]


def take_attendance(live: LiveMeeting) -> None:
    for name in ("Hayley", "Jo", "Priya", "Sam", "Tom", "Ade", "Mary", "Kit"):
        live.set_attendance(ID[name], "present")
    live.set_attendance(ID["Dr Lee"], "apologies")


def speak(live: LiveMeeting, clock: Clock, name: str, seconds: int) -> None:
    live.give_turn(ID[name])
    clock.tick(seconds)
    live.end_turn()


def test_the_scenario_meeting_step_by_step(service, live, clock) -> None:
    # 1. Attendance: everyone but Dr Lee; Cllr Shah arrives at 2:20pm; Ade leaves at 3:30pm.
    take_attendance(live)
    assert attendance_in_words(live.state, ID["Dr Lee"]) == "Dr Lee sent apologies"
    assert attendance_in_words(live.state, ID["Cllr Shah"]) == "Cllr Shah: not marked yet"
    clock.at(14, 0)
    live.start()
    assert live.state.started == clock.now
    with pytest.raises(UserError, match="Cllr Shah is not marked as here yet"):
        live.queue_add(ID["Cllr Shah"])

    # 2. Hayley leads items 1-3 and 5; Jo leads items 4 and 6, as planned.
    assert live.state.current_item_id == item_id(1)
    assert live.state.name(live.state.chairing_now) == "Hayley"
    speak(live, clock, "Hayley", 120)
    clock.at(14, 5)
    live.next_item()
    clock.at(14, 10)
    live.next_item()
    clock.at(14, 20)
    live.set_attendance(ID["Cllr Shah"], "late")
    assert attendance_in_words(live.state, ID["Cllr Shah"]) == "Cllr Shah arrived late"
    live.next_item()
    assert live.state.current_item_id == item_id(4)
    assert live.state.name(live.state.chairing_now) == "Jo"
    clock.tick(minutes=19)
    assert item_time_in_words(live.state, clock.now) == "4 minutes over (19 used of 15 minutes)"
    live.next_item()
    assert live.state.current_item_id == item_id(5)
    assert live.state.name(live.state.chairing_now) == "Hayley"  # item 5 is Hayley's in the plan

    # 4. Carers' breaks. Jo presents the paper and Mary adds to it, so both have spoken on it.
    speak(live, clock, "Jo", 150)
    speak(live, clock, "Mary", 60)
    for name in ("Jo", "Mary", "Priya", "Tom"):
        live.queue_add(ID[name])
        clock.tick(5)
    assert queue(live) == [
        ("Priya", "has not spoken yet"),
        ("Tom", "has not spoken yet"),
        ("Jo", "has spoken once on this item"),
        ("Mary", "has spoken once on this item"),
    ]
    live.queue_add(ID["Cllr Shah"], "clarification")
    assert queue(live)[0] == ("Cllr Shah", "point of clarification")
    live.next_speaker()
    assert live.state.name(live.state.speaking.member_id) == "Cllr Shah"
    clock.tick(40)
    live.next_speaker()
    assert live.state.name(live.state.speaking.member_id) == "Priya"
    clock.tick(30)

    # Sam raises a red card on "respite": the timer pauses until Hayley has explained it.
    live.raise_card(ID["Sam"], "red", "respite")
    assert live.state.timer_paused
    assert live.state.jargon == ["respite"]
    before = live.state.speaking_seconds(clock.now)
    clock.tick(90)
    assert live.state.speaking_seconds(clock.now) == before
    assert "timer paused" in turn_in_words(live.state, clock.now)
    live.clear_card(ID["Sam"], "red", "A short break for a carer, while someone else gives the care.")
    assert not live.state.timer_paused
    assert live.state.words_explained["respite"].startswith("A short break")
    clock.tick(150)
    assert turn_warning(live.state, clock.now) == (
        "Priya has spoken for 3 minutes, the time for one turn. You might gently ask them to finish."
    )
    assert live.state.speaking is not None  # a warning, never a cut-off
    live.next_speaker()
    assert live.state.name(live.state.speaking.member_id) == "Tom"
    clock.tick(100)

    # Ade's written comment is read out by Hayley and counts as Ade's voice.
    live.give_turn(ID["Ade"], via="written")
    turn = live.state.speaking
    assert (turn.via, turn.by_id) == ("written", ID["Hayley"])
    assert "Hayley is reading out Ade's written comment" in turn_in_words(live.state, clock.now)
    clock.tick(45)
    live.end_turn()
    assert ID["Ade"] in live.state.spoken_ids(item_id(5))

    # Go-round: everyone present speaks or passes; Kit passes, then speaks later.
    live.round_start()
    while live.state.round_next:
        who = live.state.name(live.state.round_next)
        if who == "Kit":
            live.round_pass()
        else:
            live.next_speaker()
            clock.tick(50)
    live.end_turn()
    assert live.state.passed_ids(item_id(5)) == [ID["Kit"]]
    assert not_heard_in_words(live.state, item_id(5)) == ["Kit passed and has not spoken yet"]
    live.round_end()
    live.queue_add(ID["Kit"])
    live.next_speaker()
    clock.tick(60)
    live.end_turn()
    assert live.state.everyone_present_has_spoken(item_id(5))

    # 5. The decision and the action on item 5.
    live.record_decision(Decision(meeting_id="", text="We will offer more short breaks for carers.",
                                  method=Method.VOTE, counts={"for": 7, "against": 1, "abstain": 1},
                                  dissent="Breaks should include evenings.", dissent_by=(ID["Tom"],),
                                  lived_experience_agreed=True, review_date="2026-09-12"))
    live.record_action(Action(meeting_id="", text="ask providers for evening break options",
                              owner="Jo Clark", owner_id=ID["Jo"], due="2026-03-26"))

    # 7. At 3:00pm the app reminds the co-chairs to offer a break; they take 10 minutes.
    clock.at(14, 59)
    assert break_reminder(live.state, clock.now) == ""
    clock.at(15, 0)
    assert break_reminder(live.state, clock.now) == (
        "It is 1 hour since the meeting started. Offer everyone a break."
    )
    live.start_break()
    assert break_reminder(live.state, clock.now) == ""
    clock.tick(minutes=10)
    live.end_break()
    assert break_reminder(live.state, clock.now) == ""

    # 6. Item 6, led by Jo as planned.
    live.next_item()
    assert live.state.name(live.state.chairing_now) == "Jo"
    speak(live, clock, "Priya", 100)
    clock.at(15, 30)
    live.set_attendance(ID["Ade"], "left")
    assert attendance_in_words(live.state, ID["Ade"]) == "Ade left early"
    with pytest.raises(UserError, match="Ade is not marked as here"):
        live.queue_add(ID["Ade"])

    # 8. How did today go (8 still present): 6 felt heard, 1 partly, Kit passed.
    live.next_item()
    live.next_item()
    present = names(live, live.state.present_ids)
    assert len(present) == 8
    for name in present:
        heard = {"Sam": "partly", "Kit": "pass"}.get(name, "yes")
        live.record_evaluation(ID[name], heard, "I needed more time" if name == "Sam" else "")
    live.end_meeting()

    # Everything is on disk: a fresh replay finds exactly the same meeting.
    again = LiveMeeting.open(service, live.meeting_id, clock=clock)
    s = again.state
    assert s.ended is not None
    assert s.words_explained == live.state.words_explained
    assert s.seconds_by_member() == live.state.seconds_by_member()
    assert s.passed_ids() == [ID["Kit"]]
    assert s.leads[item_id(4)] == ID["Jo"] and s.leads[item_id(6)] == ID["Jo"]
    assert sorted(v[0] for v in s.evaluations.values()) == ["partly", "pass"] + ["yes"] * 6
    assert [(t.via, t.seconds()) for t in s.turns if t.member_id == ID["Ade"]] == [("written", 45), ("spoken", 50)]
    events = service.events(live.meeting_id)
    assert [d.counts for d in decisions_from(events)] == [{"for": 7, "against": 1, "abstain": 1}]
    assert actions_from(events)[0].due == "2026-03-26"
    summary = voice_summary(s, item_id=item_id(5))
    assert summary.startswith("Everyone present spoke. People with lived experience and carers had ")
    share = round(100 * sum(v for k, v in s.voice_share(item_id(5)).items() if k.value in ("lived_experience", "carer")))
    assert f"had {share}% of the speaking time; the target was 60%." in summary

    # What the minutes must show (SCENARIO), from the same archive through the minutes service.
    from coprod_meet.services.minutes import MinutesService

    minutes = MinutesService(service)
    members = minutes.export(live.meeting_id, "md").data.decode()
    assert "7 for, 1 against, 1 did not vote. Tom said breaks should include evenings." in members
    assert "Jo Clark will ask providers for evening break options by Thursday 26 March 2026." in members
    assert "respite" in members
    report = minutes.export(live.meeting_id, "txt").readability
    assert report.longest_words <= 25 and report.average <= 20 and report.flesch >= 60
    public = minutes.export(live.meeting_id, "txt", copy="public").data.decode()
    for shown in ("Hayley Brook", "Jo Clark", "Priya", "a carer"):
        assert shown in public
    for hidden in ("Sam", "Ade"):
        assert re.search(rf"\b{hidden}\b", public) is None
    easy = minutes.export(live.meeting_id, "txt", easy_read=True)
    assert easy.readability.longest_words <= 15
    assert "Respite means" in easy.data.decode().split("Words we used")[-1]


def test_only_present_people_join_the_queue(live, clock) -> None:
    live.set_attendance(ID["Hayley"], "present")
    live.set_attendance(ID["Sam"], "apologies")
    live.start()
    with pytest.raises(UserError, match="Sam is not marked as here yet; mark them present first."):
        live.queue_add(ID["Sam"])
    with pytest.raises(UserError, match="Priya is not marked as here yet"):
        live.raise_card(ID["Priya"], "green")
    live.queue_add(ID["Hayley"])
    with pytest.raises(UserError, match="already waiting"):
        live.queue_add(ID["Hayley"])
    with pytest.raises(UserError, match="not on this meeting's list"):
        live.queue_add("nobody")


def test_queue_remove_move_and_next_speaker(live, clock) -> None:
    take_attendance(live)
    live.start()
    for name in ("Priya", "Tom", "Sam"):
        live.queue_add(ID[name])
    live.queue_move(ID["Sam"], -2)
    assert queue(live)[0] == ("Sam", "moved up by a co-chair")
    with pytest.raises(UserError, match="already first"):
        live.queue_move(ID["Sam"], -1)
    live.queue_remove(ID["Priya"])
    assert [n for n, _ in queue(live)] == ["Sam", "Tom"]
    live.next_speaker()
    live.next_speaker()
    assert live.state.name(live.state.speaking.member_id) == "Tom"
    assert live.next_speaker()[0].type == ev.TURN_ENDED
    assert live.state.speaking is None
    assert live.next_speaker() == []


def test_typed_entries_jump_in_their_order(live, clock) -> None:
    take_attendance(live)
    live.start()
    live.queue_add(ID["Priya"])
    with pytest.raises(UserError, match="Nobody is speaking"):
        live.queue_add(ID["Tom"], "reply")
    live.give_turn(ID["Jo"])
    live.queue_add(ID["Tom"], "reply")
    live.queue_add(ID["Sam"], "clarification")
    live.queue_add(ID["Kit"], "process")
    assert queue(live) == [
        ("Kit", "point of process"),
        ("Sam", "point of clarification"),
        ("Tom", "direct reply to Jo"),
        ("Priya", "has not spoken yet"),
    ]


def test_fair_order_can_be_switched_off(live, clock) -> None:
    take_attendance(live)
    live.start()
    speak(live, clock, "Jo", 60)
    live.queue_add(ID["Jo"])
    live.queue_add(ID["Priya"])
    assert [n for n, _ in queue(live)] == ["Priya", "Jo"]
    live.set_fair_order(False)
    assert queue(live) == [("Jo", "first come"), ("Priya", "first come")]
    again = LiveMeeting.open(live.service, live.meeting_id)
    assert again.state.fair_order is False


def test_voice_group_under_its_share_goes_first_among_those_who_spoke(live, clock) -> None:
    take_attendance(live)
    live.start()
    speak(live, clock, "Jo", 300)
    speak(live, clock, "Tom", 20)
    speak(live, clock, "Mary", 60)
    live.queue_add(ID["Mary"])
    live.queue_add(ID["Jo"])
    live.queue_add(ID["Tom"])
    assert queue(live) == [
        ("Tom", "people with lived experience and carers are under their share"),
        ("Mary", "has spoken once on this item"),
        ("Jo", "has spoken once on this item"),
    ]
    assert share_warnings(live.state, clock.now) == [
        "People with lived experience and carers have had 5% of the speaking time; the aim is 60%. "
        "You might invite them in."
    ]


def test_agenda_flow_previous_defer_and_add(live, clock) -> None:
    take_attendance(live)
    with pytest.raises(UserError, match="has not started"):
        live.next_item()
    live.start()
    with pytest.raises(UserError, match="already started"):
        live.start()
    with pytest.raises(UserError, match="first item"):
        live.previous_item()
    live.next_item()
    live.previous_item()
    assert live.state.current_item_id == item_id(1)
    live.add_item("Fire drill next week", 3)
    assert live.state.agenda[1].title == "Fire drill next week"
    live.next_item()
    assert live.state.current_item.title == "Fire drill next week"
    live.defer_item()
    assert live.state.deferred == [live.state.agenda[1].id]
    assert live.state.current_item_id == item_id(2)
    live.previous_item()
    assert live.state.current_item_id == item_id(1)  # the deferred item is skipped
    for _ in range(7):
        live.next_item()
    assert live.state.current_item_id == item_id(8)
    with pytest.raises(UserError, match="last item"):
        live.next_item()
    with pytest.raises(UserError, match="give the new item a title"):
        live.add_item("   ")


def test_roles_hand_over_and_turn_limit(live, clock) -> None:
    take_attendance(live)
    live.start()
    live.set_role("timekeeper", ID["Tom"])
    live.set_role("jargon_buster", ID["Kit"])
    assert live.state.roles == {"note_taker": ID["Mary"], "timekeeper": ID["Tom"], "jargon_buster": ID["Kit"]}
    with pytest.raises(UserError, match="timekeeper, note-taker, jargon buster or remote buddy"):
        live.set_role("boss", ID["Tom"])
    live.hand_over()
    live.hand_over()
    assert live.state.name(live.state.chairing_now) == "Hayley"
    with pytest.raises(UserError, match="Priya is not a co-chair"):
        live.hand_over(ID["Priya"])
    live.set_turn_limit(60)
    assert live.state.turn_limit() == 60
    live.next_item()
    assert live.state.turn_limit() == 180
    live.set_turn_limit(120, whole_meeting=True)
    assert live.state.turn_limit() == 120


def test_cards_amber_green_and_two_reds(live, clock) -> None:
    take_attendance(live)
    live.start()
    live.give_turn(ID["Jo"])
    live.raise_card(ID["Tom"], "amber")
    live.raise_card(ID["Priya"], "green")
    assert [n for n, _ in queue(live)] == ["Priya"]
    live.raise_card(ID["Sam"], "red", "eligibility")
    live.raise_card(ID["Kit"], "red")
    with pytest.raises(UserError, match="already has a red card"):
        live.raise_card(ID["Kit"], "red")
    live.clear_card(ID["Sam"], "red", "Who can get the service.")
    assert live.state.timer_paused  # Kit's red card is still up
    live.clear_card(ID["Kit"], "red")
    assert not live.state.timer_paused
    live.clear_card(ID["Tom"], "amber")
    assert live.state.open_cards == []
    with pytest.raises(UserError, match="has no amber card up"):
        live.clear_card(ID["Tom"], "amber")
    assert live.state.jargon == ["eligibility"]


def test_supporter_contribution_counts_as_the_members_voice(live, clock) -> None:
    take_attendance(live)
    live.start()
    live.give_turn(ID["Kit"], via="supporter")
    assert "A supporter is speaking for Kit" in turn_in_words(live.state, clock.now)
    clock.tick(30)
    live.end_turn()
    assert live.state.seconds_by_member() == {ID["Kit"]: 30}


def test_nothing_after_the_end(live, clock) -> None:
    take_attendance(live)
    live.start()
    live.end_meeting()
    with pytest.raises(UserError, match="has ended"):
        live.queue_add(ID["Priya"])
    with pytest.raises(UserError, match="has ended"):
        live.set_attendance(ID["Priya"], "left")


def test_resume_after_dropping_the_service_without_closing(archive_dir, clock) -> None:
    from coprod_meet.services.archive import ArchiveService

    first = ArchiveService.open(archive_dir, lock=False)
    live = LiveMeeting.open(first, save_board(first).id, clock=clock)
    take_attendance(live)
    live.start()
    live.queue_add(ID["Priya"])
    live.queue_add(ID["Tom"], "clarification")
    live.give_turn(ID["Jo"])
    live.raise_card(ID["Sam"], "red", "respite")
    live.round_start()
    live.round_pass()
    del first  # never closed, like a crash
    second = ArchiveService.open(archive_dir, lock=False)
    again = LiveMeeting.open(second, live.meeting_id, clock=clock)
    a, b = live.state, again.state
    assert [p for p in a.queue_places()] == [p for p in b.queue_places()]
    assert (a.current_item_id, a.speaking.member_id, a.timer_paused, a.round_next, a.passed_ids()) == (
        b.current_item_id, b.speaking.member_id, b.timer_paused, b.round_next, b.passed_ids())
    assert a.attendance == b.attendance
    second.close()


def test_autosave_failure_leaves_the_state_as_on_disk(live, clock, monkeypatch) -> None:
    from coprod_meet.storage import durable

    take_attendance(live)
    live.start()

    def full_disk(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(durable, "os_write", full_disk)
    with pytest.raises(UserError, match="The disk is full"):
        live.queue_add(ID["Priya"])
    assert live.state.queue == []
    assert live.unsaved == 0
