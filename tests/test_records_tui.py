"""The record forms by keyboard (Pilot), their snapshots at 80x24, and naughty text in every field."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, OptionList, Select, SelectionList, Static

from coprod_meet.domain.records import ActionStatus, Method, YouSaidState
from coprod_meet.domain.text import clean_note
from coprod_meet.services.records import RecordsService
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.action_form import ActionFormScreen
from coprod_meet.tui.screens.decision_form import DecisionFormScreen
from coprod_meet.tui.screens.evaluation import EvaluationScreen
from coprod_meet.tui.screens.meeting_view import MeetingViewScreen
from coprod_meet.tui.screens.dialog import DialogScreen
from coprod_meet.tui.screens.you_said import YouSaidScreen
from tests.conftest import naughty_strings
from tests.helpers.keys import burst
from tests.scenario import I, ID, MARCH, build_board

TODAY = date(2026, 3, 12)


@pytest.fixture
def board(service):
    return build_board(service)


def app_for(board) -> CoprodMeetApp:
    app = CoprodMeetApp(board.service)
    app.today = TODAY  # lateness is counted to the meeting's day, so screens are the same every run
    return app


async def open_view(app, pilot, board) -> None:
    app.open_meeting(board.march.id)
    await pilot.pause()
    assert isinstance(app.screen, MeetingViewScreen)


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_record_the_scenario_vote_by_keyboard(board) -> None:
    app = app_for(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(app, pilot, board)
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DecisionFormScreen)
        assert form.query_one("#decision-item", Select).value == I["breaks"]  # the current item
        await pilot.press(*"We will act.")
        await pilot.press("tab", "tab")  # past the agenda item to how it was decided
        assert "Consensus: Everyone agrees" in text_of(app, "#decision-meaning")
        await pilot.press("down", "down")
        assert text_of(app, "#decision-meaning").startswith("Vote: People vote for or against; we count the votes.")
        assert "Chosen now: Consensus. Press Space to choose Vote." in text_of(app, "#decision-meaning")
        await pilot.press("space")
        await pilot.pause()
        assert form.query_one("#decision-counts").display
        await pilot.press("tab", "7", "tab", "1", "tab", "1")
        form.query_one("#decision-dissent-by", SelectionList).select(ID["Tom"])
        form.query_one("#decision-dissent", Input).value = "Breaks should include evenings."
        form.query_one("#decision-agreed", Select).value = "yes"
        form.query_one("#decision-review", Input).value = "in 6 months"
        await pilot.pause()
        assert text_of(app, "#decision-review-said") == "That is Saturday 12 September 2026."
        here = len(RecordsService(board.service).prefill(board.march.id).present)
        form.query_one("#count-for", Input).value = str(here)  # more votes than people here: not saved
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(app, ".form-error") == (f"Not saved yet: The votes add up to {here + 2}, but only {here} "
                                               "people are here; please check the counts.")
        form.query_one("#count-for", Input).value = "7"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingViewScreen)
        shown = text_of(app, "#meeting-text")
    (d,) = RecordsService(board.service).decisions(board.march.id)
    assert d.text == "We will act." and d.method is Method.VOTE and d.counts == {"for": 7, "against": 1, "abstain": 1}
    assert d.dissent_by == (ID["Tom"],) and d.lived_experience_agreed is True and d.review_date == "2026-09-12"
    assert "Decided by a vote: 7 for, 1 against, 1 did not vote." in shown
    assert "Tom disagreed: Breaks should include evenings." in shown


async def test_the_form_says_what_is_missing_and_keeps_what_was_typed(board) -> None:
    app = app_for(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(app, pilot, board)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DecisionFormScreen)
        assert text_of(app, ".form-error") == "Not saved yet: Please write what was decided, in plain words."
        await pilot.press(*"We will ask again.")
        app.screen.query_one("#decision-method").query("ChoiceButton")[2].value = True  # vote, no counts
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "A vote needs its counts" in text_of(app, ".form-error")
        assert app.screen.query_one("#decision-text", Input).value == "We will ask again."
        await pilot.press("escape")  # words were typed: it asks before throwing them away
        await pilot.pause()
        assert isinstance(app.screen, DialogScreen)
        assert text_of(app, "#dialog-title") == "Throw away what you typed?"
        await pilot.press("n")  # no: back to the form, nothing lost
        await pilot.pause()
        assert app.screen.query_one("#decision-text", Input).value == "We will ask again."
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, MeetingViewScreen)
    assert RecordsService(board.service).decisions(board.march.id) == []


async def test_record_an_action_for_jo(board) -> None:
    app = app_for(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(app, pilot, board)
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionFormScreen)
        await pilot.press(*"ask")
        form.query_one("#action-text", Input).value = "ask providers for evening break options"
        form.query_one("#action-owner", Select).value = ID["Jo"]
        form.query_one("#action-due", Input).value = "in 2 weeks"
        await pilot.pause()
        assert text_of(app, "#action-due-said") == "That is Thursday 26 March 2026."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        shown = text_of(app, "#meeting-text")
    (a,) = RecordsService(board.service).actions(board.march.id)
    assert (a.owner, a.owner_id, a.due, a.item_id) == ("Jo Clark", ID["Jo"], "2026-03-26", I["breaks"])
    assert "Jo Clark will ask providers for evening break options by Thursday 26 March 2026 — due in 2 weeks" in shown


async def test_correct_a_decision_and_see_its_history(board) -> None:
    records = board.records
    d = records.record_decision(board.march.id, text="We will offer breaks.", method="consent")
    app = app_for(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(app, pilot, board)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, DialogScreen)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DecisionFormScreen) and form.existing == d
        assert form.query_one("#decision-text", Input).value == "We will offer breaks."
        form.query_one("#decision-text", Input).value = "We will offer short breaks."
        form.query_one("#decision-reason", Input).value = "A typo."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        shown = text_of(app, "#meeting-text")
        assert 'Corrected. On ' in shown and 'the wording was "We will offer breaks.", now "We will offer short breaks."' in shown
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Why: A typo." in str(app.screen.query_one(".form-history", Static).render())
    fixed = RecordsService(board.service).find_decision(d.id)
    assert fixed.text == "We will offer short breaks." and fixed.history[0].reason == "A typo."


async def test_mark_an_action_done_or_dropped_from_the_correct_form(board) -> None:
    records = board.records
    a = records.record_action(board.march.id, text="book a bigger room", organisation="County Hall")
    app = app_for(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(app, pilot, board)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"bigger", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionFormScreen)
        form.query_one("#action-status").query("ChoiceButton")[2].value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(app, ".form-error") == "Not saved yet: Please say why the action was dropped."
        form.query_one("#action-dropped-reason", Input).value = "The hall is closed for repairs."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    dropped = RecordsService(board.service).find_action(a.id)
    assert dropped.status is ActionStatus.DROPPED and dropped.reason == "The hall is closed for repairs."
    assert dropped.owner == "County Hall"


async def test_how_did_today_go_by_keys(board) -> None:
    app = app_for(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(app, pilot, board)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
        for key in "yyy":  # Hayley, Jo, Priya; each answer moves on to the next person
            await pilot.press(key)
            await settle(app, pilot)
        await pilot.press("p")  # Sam
        await settle(app, pilot)
        await pilot.press("up", "c")
        await pilot.pause()
        await pilot.press(*"I needed more time", "enter")
        await settle(app, pilot)
        await pilot.press("down", "down", "down", "down", "down", "s")  # Kit passes
        await settle(app, pilot)
        summary = text_of(app, "#evaluation-summary")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingViewScreen)
    assert summary.startswith("3 of 9 felt heard. 1 felt partly heard: Sam. Sam said: \"I needed more time\" "
                              "Kit passed. Not answered yet: Tom, Ade, Mary and Cllr Shah.")


async def test_you_said_we_did_by_keys(board) -> None:
    decision = board.records.record_decision(board.march.id, item_id=I["transport"], method="consensus",
                                             text="We will set up a transport working group.")
    app = app_for(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(app, pilot, board)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, YouSaidScreen)
        listed = app.screen.query_one(OptionList)
        assert str(listed.get_option_at_index(0).prompt) == (
            "Priya said on Thursday 15 January 2026: Buses stop too early — heard")
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert str(listed.get_option_at_index(0).prompt).endswith("— decided")
        await pilot.press("r")
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#said-member", Select).value = ID["Kit"]
        app.screen.query_one("#said-text", Input).value = "the forms are too long"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert listed.option_count == 2
        await pilot.press("escape")
        await pilot.pause()
    records = RecordsService(board.service)
    book = records.book_for(board.march.id)
    priya = next(y for y in book.you_said.values() if y.member_id == ID["Priya"])
    assert priya.decision_ids == (decision.id,) and priya.state is YouSaidState.REPORTED_BACK
    kit = next(y for y in book.you_said.values() if y.member_id == ID["Kit"])
    assert kit.meeting_id == board.march.id and kit.state is YouSaidState.HEARD


async def test_naughty_strings_in_every_field_on_every_screen(board) -> None:
    strings = [s for s in naughty_strings() if clean_note(s)]
    records = board.records
    for n, text in enumerate(strings[:25]):
        other = strings[-1 - n]
        d = records.record_decision(board.march.id, text=text, method="consent", dissent_by=[ID["Tom"]], dissent=other)
        records.record_action(board.march.id, text=other, organisation=text[:200], decision_id=d.id)
    records.record_you_said(board.march.id, text=strings[10], raised_by=strings[11][:200])
    records.record_evaluation(board.march.id, ID["Sam"], "partly", strings[12][:200])
    first = records.decisions(board.march.id)[0]
    records.correct_decision(first.id, text=strings[61], reason=strings[62])
    app = app_for(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(app, pilot, board)
        assert strings[61] in text_of(app, "#meeting-text")
        for key in ("d", "c", "h", "y"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, MeetingViewScreen)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")  # the corrected decision, with naughty history
        await pilot.pause()
        assert isinstance(app.screen, DecisionFormScreen)
        app.screen.query_one("#decision-text", Input).value = "[bold]x[/] [@click=app.quit]y[/] \x1b]0;pwned\x07"
        app.screen.query_one("#decision-reason", Input).value = "[/]"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.is_running and isinstance(app.screen, MeetingViewScreen)
    assert RecordsService(board.service).find_decision(first.id).text == "[bold]x[/] [@click=app.quit]y[/] ]0;pwned"


# -- snapshots at 80x24 -------------------------------------------------------------------------


def snap_app(board, keys_then):
    app = app_for(board)

    async def run_before(pilot) -> None:
        app.open_meeting(board.march.id)
        await pilot.pause()
        await keys_then(app, pilot)
        await pilot.pause()

    return app, run_before


def test_snapshot_decision_form(board, snap_compare) -> None:
    async def keys(app, pilot):
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one("#decision-text", Input).value = "We will offer more short breaks for carers."
        await pilot.press("tab", "tab", "down", "down", "space")

    app, run_before = snap_app(board, keys)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_snapshot_action_form(board, snap_compare) -> None:
    async def keys(app, pilot):
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#action-text", Input).value = "ask providers for evening break options"
        app.screen.query_one("#action-owner", Select).value = ID["Jo"]
        app.screen.query_one("#action-due", Input).value = "in 2 weeks"

    app, run_before = snap_app(board, keys)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_snapshot_evaluation(board, snap_compare) -> None:
    for member_id in (ID["Hayley"], ID["Jo"], ID["Priya"], ID["Tom"], ID["Mary"], ID["Cllr Shah"]):
        board.records.record_evaluation(board.march.id, member_id, "yes")
    board.records.record_evaluation(board.march.id, ID["Sam"], "partly", "I needed more time")
    board.records.record_evaluation(board.march.id, ID["Kit"], "pass")

    async def keys(app, pilot):
        await pilot.press("h")

    app, run_before = snap_app(board, keys)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_snapshot_meeting_view_with_records(board, snap_compare) -> None:
    d = board.records.record_decision(
        board.march.id, text="We will offer more short breaks for carers.", method="vote",
        counts={"for": "7", "against": "1", "abstain": "1"}, dissent="Breaks should include evenings.",
        dissent_by=[ID["Tom"]], lived_experience_agreed=True, review="in 6 months")
    board.records.record_action(board.march.id, text="ask providers for evening break options", owner_id=ID["Jo"],
                                due="in 2 weeks", decision_id=d.id)

    async def keys(app, pilot):
        app.screen.query_one("#meeting-body").scroll_to(y=17, animate=False)

    app, run_before = snap_app(board, keys)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_snapshot_correct_form_with_history(board, snap_compare) -> None:
    d = board.records.record_decision(board.march.id, text="We will offer breaks.", method="consent")
    board.at(MARCH.replace(day=13))
    board.records.correct_decision(d.id, text="We will offer short breaks.", reason="A typo.")

    async def keys(app, pilot):
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")

    app, run_before = snap_app(board, keys)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)



async def test_keys_in_one_burst_with_tab_go_to_the_box_tab_moves_to(board) -> None:
    app = app_for(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(app, pilot, board)
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DecisionFormScreen)
        # text, past the item, how, who proposed and who disagreed, to their view; then back one
        keys = (*"We act.", *["tab"] * 5, *"Too soon.", "shift+tab", "shift+tab")
        await pilot.press(*keys)
        assert form.value("#decision-text") == "We act."
        assert form.value("#decision-dissent") == "Too soon."
        form.query_one("#decision-text", Input).focus()
        form.query_one("#decision-text", Input).value = ""
        form.query_one("#decision-dissent", Input).value = ""
        await pilot.pause()
        burst(app, *"We act.", *["tab"] * 5, *"Too soon.")
        await pilot.pause(0.3)
        assert form.value("#decision-text") == "We act."
        assert form.value("#decision-dissent") == "Too soon."


async def test_keys_in_the_same_burst_as_the_enter_that_opens_a_drop_down_are_kept(board) -> None:
    app = app_for(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(app, pilot, board)
        await pilot.press("d")
        await pilot.pause()
        proposer = app.screen.query_one("#decision-proposer", Select)
        proposer.focus()
        await pilot.pause()
        burst(app, "enter", "down", "down", "enter")  # open, past Hayley to Jo, choose
        await pilot.pause(0.3)
        assert proposer.value == ID["Jo"] and not proposer.expanded
        assert app.focused is proposer
