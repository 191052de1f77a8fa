"""People's numbers and the "who?" pickers on the meeting screen: one number per person for the
whole meeting, only people who are here offered, and no key typed into a picker ever running as
a meeting command, even when keys come in one burst (a fast typist, a paste)."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import OptionList

from coprod_meet.domain.numbering import could_grow, member_id_by_number, person_numbers
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.dialog import DialogScreen
from coprod_meet.tui.screens.live import LiveScreen
from coprod_meet.tui.widgets.words import Words
from tests.scenario import ID, MEMBERS, Clock, save_board
from tests.test_live_responsive import _open, _started


async def burst(app: CoprodMeetApp, pilot, *keys: str) -> None:
    """Keys as a terminal sends a paste or a fast typist: all queued at once, none waited for."""
    for key in keys:
        char = key if len(key) == 1 else None
        app.post_message(events.Key(key, char))
    await pilot.pause()
    await pilot.pause()


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
        await burst(app, pilot, "a", "M", "a", "r", "y")
        box = app.screen
        assert isinstance(box, DialogScreen)  # letters only narrow the list: nothing chosen yet
        assert picker_lines(box) == [" 7. Mary"]
        assert "Typed: Mary." in box.query_one("#dialog-keys", Words).words
        await burst(app, pilot, "enter")
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
        await burst(app, pilot, "k", "1")  # a red card: whose? Jo (2) has left
        box = app.screen
        assert isinstance(box, DialogScreen)
        assert picker_lines(box) == [" 1. Hayley", " 4. Sam", "10. Kit"]
        await burst(app, pilot, "2")
        assert app.screen is box  # Jo cannot be chosen; the box stays and says why
        await burst(app, pilot, "J")
        assert "Jo (number 2) is not marked as here" in box.query_one("#dialog-keys", Words).words
        await burst(app, pilot, "backspace", "1", "0")  # two digits: Kit, then the box asks the word
        assert app.screen is box and box.query_one("#dialog-input").display
        await burst(app, pilot, *"jargon", "enter")
        assert app.screen is screen
        await app.workers.wait_for_complete()
        assert [(c.member_id, c.word) for c in screen.live.state.open_cards] == [(ID["Kit"], "jargon")]


@pytest.mark.parametrize("keys, who", [(("1", "enter"), "Hayley"), (("1", "0"), "Kit"), (("4",), "Sam")])
async def test_numbers_on_the_meeting_screen_with_ten_people(service, keys, who) -> None:
    meeting_id = _started(service, "Hayley", "Jo", "Sam", "Kit")
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        await burst(app, pilot, *keys)
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
        await burst(app, pilot, "s")
        assert footer_words(screen) == [
            "Next speaker", "Card", "Decision", "Next item", "End meeting", "Quit", "Help"]
        names = [description for description, _run, _key in ScreenKeysProvider(screen)._commands()]
        assert names[:3] == ["Back to the list", "Attendance", "Next speaker"] and "Scroll Up" not in names
        await burst(app, pilot, "e", "y")
        assert screen.live.state.ended is not None
        assert footer_words(screen) == ["Back to the list", "Export minutes", "How did today go", "Quit", "Help"]
        await app.workers.wait_for_complete()


async def test_attendance_takes_two_digit_numbers(service) -> None:
    meeting_id = save_board(service).id
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        await burst(app, pilot, "t", "1", "0", "p", "4", "p", "escape")  # Kit (10), then Sam (4)
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
        await burst(app, pilot, "1", "enter")
        assert chosen == ["0"] and app.screen is not box
