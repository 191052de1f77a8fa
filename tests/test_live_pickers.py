"""People's numbers and the "who?" pickers on the meeting screen: one number per person for the
whole meeting, only people who are here offered, and no key typed into a picker ever running as
a meeting command, even when keys come in one burst (a fast typist, a paste)."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from coprod_meet.domain.numbering import could_grow, member_id_by_number, person_numbers
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.dialog import DialogScreen
from coprod_meet.tui.screens.live import LiveScreen
from coprod_meet.tui.widgets.words import Words
from coprod_meet.services.live import LiveMeeting
from tests.helpers.keys import typed
from tests.scenario import ID, MEMBERS, Clock, save_board
from tests.test_live_responsive import _open, _started


def picker_lines(box: DialogScreen) -> list[str]:
    options = box.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def test_numbers_follow_the_attendance_list_not_who_is_here() -> None:
    roster = list(MEMBERS.values())
    numbers = person_numbers(roster)
    assert numbers[ID["Hayley"]] == 1 and numbers[ID["Kit"]] == 10
    assert member_id_by_number(roster, "10") == ID["Kit"]
    assert member_id_by_number(roster, "11") == "" and member_id_by_number(roster, "x") == ""
    assert could_grow("1", numbers.values()) and not could_grow("2", numbers.values())
    assert not could_grow("10", numbers.values())


async def test_a_burst_a_then_mary_queues_mary_and_runs_no_meeting_command(service) -> None:
    meeting_id = _started(service, "Hayley", "Jo", "Sam", "Tom", "Mary")
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        before = len(service.events(meeting_id))
        await typed(app, pilot, "a", "M", "a", "r", "y")
        box = app.screen
        assert isinstance(box, DialogScreen)  # letters only narrow the list: nothing chosen yet
        assert picker_lines(box) == [" 7. Mary"]
        assert "Typed: Mary." in box.query_one("#dialog-keys", Words).words
        await typed(app, pilot, "enter")
        assert app.screen is screen
        await app.workers.wait_for_complete()
        state = screen.live.state
        assert [q.member_id for q in state.queue] == [ID["Mary"]]
        assert state.speaking is None and not state.round_on and not state.open_cards
        assert len(service.events(meeting_id)) == before + 1  # one event: Mary joined the queue


async def test_numbers_stay_when_someone_leaves_and_absent_people_say_why(service) -> None:
    meeting_id = _started(service, "Hayley", "Jo", "Sam", "Kit")
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        people = screen.query_one("#live-people", Words).words
        assert " 4 Sam:" in people and "10 Kit:" in people
        screen.live.set_attendance(ID["Jo"], "left")  # Jo leaves: nobody's number moves
        screen.refresh_view()
        await pilot.pause()
        people = screen.query_one("#live-people", Words).words
        assert " 4 Sam:" in people and "Jo:" not in people.split("Not heard")[0]
        await typed(app, pilot, "k", "1")  # a red card: whose? Jo (2) has left
        box = app.screen
        assert isinstance(box, DialogScreen)
        assert picker_lines(box) == [" 1. Hayley", " 4. Sam", "10. Kit"]
        await typed(app, pilot, "2")
        assert app.screen is box  # Jo cannot be chosen; the box stays and says why
        await typed(app, pilot, "J")
        assert "Jo (number 2) is not marked as here" in box.query_one("#dialog-keys", Words).words
        await typed(app, pilot, "backspace", "1", "0")  # two digits: Kit, then the box asks the word
        assert app.screen is box and box.query_one("#dialog-input").display
        await typed(app, pilot, *"jargonx", "backspace", "enter")
        assert app.screen is screen
        await app.workers.wait_for_complete()
        assert [(c.member_id, c.word) for c in screen.live.state.open_cards] == [(ID["Kit"], "jargon")]


@pytest.mark.parametrize("keys, who", [(("1", "enter"), "Hayley"), (("1", "0"), "Kit"), (("4",), "Sam")])
async def test_numbers_on_the_meeting_screen_with_ten_people(service, keys, who) -> None:
    meeting_id = _started(service, "Hayley", "Jo", "Sam", "Kit")
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        await typed(app, pilot, *keys)
        assert app.screen is screen
        assert [screen.live.state.name(q.member_id) for q in screen.live.state.queue] == [who]
        await app.workers.wait_for_complete()


def footer_words(screen: LiveScreen) -> list[str]:
    """The keys the footer shows (bindings with show=True that are on at this stage)."""
    return [a.binding.description for a in screen.active_bindings.values() if a.binding.show]


async def test_the_footer_shows_the_next_likely_step_and_the_palette_this_app_s_keys(service) -> None:
    from coprod_meet.tui.commands import ScreenKeysProvider

    meeting_id = save_board(service).id
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        assert footer_words(screen) == ["Attendance", "Start meeting", "Quit", "Help"]
        screen.live.set_attendance(ID["Hayley"], "present")
        await typed(app, pilot, "s")
        assert footer_words(screen) == [
            "Next speaker", "Card", "Decision", "Next item", "End meeting", "Quit", "Help"]
        names = [description for description, _run, _key in ScreenKeysProvider(screen)._commands()]
        assert names[:3] == ["Back to the list", "Attendance", "Next speaker"] and "Scroll Up" not in names
        await typed(app, pilot, "e", "y")
        assert screen.live.state.ended is not None
        assert footer_words(screen) == ["Back to the list", "Export minutes", "How did today go", "Quit", "Help"]
        await app.workers.wait_for_complete()


async def test_attendance_takes_two_digit_numbers(service) -> None:
    meeting_id = save_board(service).id
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        await typed(app, pilot, "t", "1", "0", "p", "4", "p", "escape")  # Kit (10), then Sam (4)
        assert screen.live.state.present_ids == [ID["Sam"], ID["Kit"]]
        await app.workers.wait_for_complete()


async def test_naughty_names_in_a_who_box_show_as_plain_text(service) -> None:
    from tests.conftest import naughty_strings

    names = [n for n in naughty_strings() if n.strip() and "\n" not in n and n.isprintable()][:120]
    chosen: list[str] = []
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        box = DialogScreen()
        box.choose("Who?", [(str(n), name) for n, name in enumerate(names)], chosen.append)
        await pilot.pause()
        width = len(str(len(names)))
        assert [line[width + 2:] for line in picker_lines(box)] == names
        await typed(app, pilot, "1", "enter")
        assert chosen == ["0"] and app.screen is not box


def _log(service, meeting_id: str) -> list[tuple[str, dict]]:
    return [(e.type, e.data) for e in service.events(meeting_id)]


# SCENARIO.md up to Sam's red card: each line one burst of keys on the meeting screen...
SCENARIO_START_KEYS = (
    ("t", *"ppppppp", "a", "1", "0", "p", "escape"),  # attendance: Kit is 10
    ("s", "right_square_bracket", "right_square_bracket"),
    ("t", "9", "l", "escape"),  # Cllr Shah arrives late
    ("right_square_bracket", "right_square_bracket"),
    ("2", "n", "7", "n", "n"),  # Jo, then Mary, speak
    ("2", "7", "3", "5", "question_mark", "9", "n", "n"),  # the queue; Cllr Shah asks
    ("k", "1", "4", *"respite", "enter"),  # Sam's red card
)


def _scenario_start_by_service(live: LiveMeeting) -> None:
    """...and the same steps through the service."""
    for name in ("Hayley", "Jo", "Priya", "Sam", "Tom", "Ade", "Mary"):
        live.set_attendance(ID[name], "present")
    live.set_attendance(ID["Dr Lee"], "apologies")
    live.set_attendance(ID["Kit"], "present")
    live.start()
    live.next_item()
    live.next_item()
    live.set_attendance(ID["Cllr Shah"], "late")
    live.next_item()
    live.next_item()
    for name in ("Jo", "Mary"):
        live.queue_add(ID[name])
        live.next_speaker()
    live.next_speaker()
    for name in ("Jo", "Mary", "Priya", "Tom"):
        live.queue_add(ID[name])
    live.queue_add(ID["Cllr Shah"], "clarification")
    live.next_speaker()
    live.next_speaker()
    live.raise_card(ID["Sam"], "red", "respite")


async def test_the_scenario_start_by_keys_in_bursts_writes_the_same_log_as_the_service(
        service, tmp_path) -> None:
    """SCENARIO.md up to Sam's red card, typed as a fast typist or a paste would (each line one
    burst), gives the same events as the same steps done through the service."""
    from coprod_meet.services.archive import ArchiveService

    with ArchiveService.open(tmp_path / "reference") as reference:
        ref_id = save_board(reference).id
        live = LiveMeeting.open(reference, ref_id, clock=Clock())
        _scenario_start_by_service(live)
        expected = _log(reference, ref_id)

    meeting_id = save_board(service).id
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot, meeting_id)
        for keys in SCENARIO_START_KEYS:
            await typed(app, pilot, *keys)
            await pilot.pause()
        await app.workers.wait_for_complete()
    # Closing the app notes when its clock stopped (see domain/state.py); the service run has no app.
    got = [(t, d) for t, d in _log(service, meeting_id) if t != "clock_stopped"]
    strip = {"member_id", "by_id", "item_id", "colour", "word", "kind", "status", "via"}
    assert [(t, {k: v for k, v in d.items() if k in strip}) for t, d in got] == [
        (t, {k: v for k, v in d.items() if k in strip}) for t, d in expected]


async def test_a_second_burst_into_the_kept_box_leaves_the_meeting_screen_open(service) -> None:
    meeting_id = _started(service, "Hayley", "Jo", "Sam", "Mary")
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        await typed(app, pilot, "k", "1", "4", *"respite", "enter")  # the box asks three questions
        await typed(app, pilot, "question_mark", "M", "a", "backspace", "r", "y", "enter")  # then again
        assert app.screen is screen  # (an old "box shown again" message once closed this screen too)
        state = screen.live.state
        assert [(q.member_id, q.kind) for q in state.queue] == [(ID["Mary"], "clarification")]
        assert [(c.member_id, c.word) for c in state.open_cards] == [(ID["Sam"], "respite")]
        await app.workers.wait_for_complete()


def _scenario_rest_by_service(live: LiveMeeting) -> None:
    """SCENARIO.md from Sam's red card to the end, step by step through the service."""
    from coprod_meet.domain.records import Action, Decision, Method

    live.clear_card(ID["Sam"], "red", "a short break from caring")
    live.give_turn(ID["Ade"], via="written")  # read out by whoever chairs: Hayley
    live.round_start()
    for _ in range(8):  # everyone present in turn; Kit (10) is last and passes
        live.next_speaker()
    live.round_pass()
    live.round_end()
    live.queue_add(ID["Kit"])  # Kit speaks later
    live.next_speaker()
    live.next_speaker()
    vote = Decision(
        meeting_id=live.meeting_id, text="We will offer more short breaks for carers.", method=Method.VOTE,
        counts={"for": 7, "against": 1, "abstain": 1}, dissent="Breaks should include evenings.",
        dissent_by=(ID["Tom"],), lived_experience_agreed=True, review_date="2026-09-12")
    live.record_decision(vote)
    live.record_action(Action(meeting_id=live.meeting_id, text="ask providers for evening break options",
                              owner="Jo Clark", owner_id=ID["Jo"], due="2026-03-26", decision_id=vote.id))
    live.next_item()
    live.record_decision(Decision(meeting_id=live.meeting_id, text="We will set up a transport working group.",
                                  method=Method.CONSENSUS))
    live.start_break()
    live.end_break()
    live.set_attendance(ID["Ade"], "left")
    live.end_meeting()


async def _tab_to(app, pilot, form, selector: str) -> None:
    """Tab, one press at a time (a person pausing at each field), until the field has the focus."""
    target = form.query_one(selector)
    for _ in range(15):
        if app.focused is target:
            return
        await typed(app, pilot, "tab")
    assert app.focused is target, f"Tab never reached {selector}"


async def _type_into(app, pilot, form, selector: str, words: str) -> None:
    await _tab_to(app, pilot, form, selector)
    await typed(app, pilot, *words)


async def test_the_whole_scenario_by_keys_in_bursts_writes_the_same_log_and_minutes_as_the_service(
        service, tmp_path) -> None:
    """SCENARIO.md from start to end, typed in bursts (a fast typist, a paste), the form words too,
    gives the same events and the same members' minutes as the same steps through the service."""
    from textual.widgets import Select, SelectionList

    from coprod_meet.services.archive import ArchiveService
    from coprod_meet.services.minutes import MinutesService
    from coprod_meet.tui.screens.action_form import ActionFormScreen
    from coprod_meet.tui.screens.decision_form import DecisionFormScreen

    with ArchiveService.open(tmp_path / "reference") as reference:
        ref_id = save_board(reference).id
        live = LiveMeeting.open(reference, ref_id, clock=Clock())
        _scenario_start_by_service(live)
        _scenario_rest_by_service(live)
        expected = _log(reference, ref_id)
        expected_minutes = MinutesService(reference).export(ref_id, "md").data.decode()

    meeting_id = save_board(service).id
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        for keys in (*SCENARIO_START_KEYS,
                     ("k", "4", "1", *"a short break from caring", "enter"),  # put down, explained
                     ("w", "6"),  # Ade's written comment, read out by Hayley
                     ("g", *"nnnnnnnn", "p", "g"),  # the go-round: Kit (last) passes
                     ("1", "0", "n", "n")):  # Kit speaks later
            await typed(app, pilot, *keys)
            await pilot.pause()
        await typed(app, pilot, "d")
        form = app.screen
        assert isinstance(form, DecisionFormScreen)
        await _type_into(app, pilot, form, "#decision-text", "We will offer more short breaks for carers.")
        await _tab_to(app, pilot, form, "#decision-method")
        await typed(app, pilot, "down", "down", "space")
        for key, count in (("for", "7"), ("against", "1"), ("abstain", "1")):
            await _type_into(app, pilot, form, f"#count-{key}", count)
        await _tab_to(app, pilot, form, "#decision-dissent-by")
        await typed(app, pilot, "down", "down", "down", "down", "space")  # Tom: fifth of those here
        assert form.query_one("#decision-dissent-by", SelectionList).selected == [ID["Tom"]]
        await _type_into(app, pilot, form, "#decision-dissent", "Breaks should include evenings.")
        await _tab_to(app, pilot, form, "#decision-agreed")
        await typed(app, pilot, "enter")  # a Select's list opens; a key in the same burst is lost
        await typed(app, pilot, "down", "enter")  # "Yes, they agreed"
        assert form.query_one("#decision-agreed", Select).value == "yes"
        await _type_into(app, pilot, form, "#decision-review", "in 6 months")
        await typed(app, pilot, "ctrl+s")
        assert app.screen is screen, "the decision form did not close"
        await app.workers.wait_for_complete()
        await typed(app, pilot, "c")
        form = app.screen
        assert isinstance(form, ActionFormScreen)
        await _type_into(app, pilot, form, "#action-text", "ask providers for evening break options")
        await _tab_to(app, pilot, form, "#action-owner")
        await typed(app, pilot, "enter")
        # Arrows, not letters: Textual's type-to-search skips options shown as Content (our names are).
        await typed(app, pilot, "down", "down", "enter")  # past "Not a member" and Hayley: Jo
        assert form.query_one("#action-owner", Select).value == ID["Jo"]
        await _type_into(app, pilot, form, "#action-due", "in 2 weeks")
        await typed(app, pilot, "ctrl+s")
        assert app.screen is screen, "the action form did not close"
        await app.workers.wait_for_complete()
        await typed(app, pilot, "right_square_bracket")  # nobody waits: the go-round took them off the queue
        await typed(app, pilot, "d")
        form = app.screen
        assert isinstance(form, DecisionFormScreen)
        await _type_into(app, pilot, form, "#decision-text", "We will set up a transport working group.")
        await typed(app, pilot, "ctrl+s")
        assert app.screen is screen, "the second decision form did not close"
        await app.workers.wait_for_complete()
        for keys in (("b", "b"),  # the break
                     ("t", "6", "e", "escape"),  # Ade leaves
                     ("e", "y")):  # the meeting ends
            await typed(app, pilot, *keys)
            await pilot.pause()
        await app.workers.wait_for_complete()
    # The app notes when its clock stopped and resumed (a form open, closing; see domain/state.py).
    got = [(t, d) for t, d in _log(service, meeting_id) if t not in ("clock_stopped", "clock_resumed")]
    keep = {"member_id", "by_id", "item_id", "colour", "word", "kind", "status", "via", "meaning", "queue",
            "text", "method", "counts", "dissent", "dissent_by", "lived_experience_agreed", "review_date",
            "owner", "owner_id", "due", "proposed_by", "item_title", "supersedes", "organisation"}
    assert [(t, {k: v for k, v in d.items() if k in keep}) for t, d in got] == [
        (t, {k: v for k, v in d.items() if k in keep}) for t, d in expected]
    recorded = {t: d for t, d in got if t in ("decision_recorded", "action_recorded")}  # the last of each
    first_decision = next(d for t, d in got if t == "decision_recorded")
    assert recorded["action_recorded"]["decision_id"] == first_decision["id"]  # the form links the vote
    assert MinutesService(service).export(meeting_id, "md").data.decode() == expected_minutes
    for words in ("We voted: 7 for, 1 against, 1 did not vote. Tom said breaks should include evenings.",
                  "Jo Clark will ask providers for evening break options by Thursday 26 March 2026.",
                  "Ade sent a written comment. Hayley read it out.", "- Respite: a short break from caring.",
                  "- Ade (left at", "We will set up a transport working group.\n\nEveryone agreed."):
        assert words in expected_minutes
