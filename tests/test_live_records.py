"""From the meeting screen: a decision and an action in one key each, forms prefilled from the
meeting as it stands; access needs shown before the start; minutes export from the same screen."""

from __future__ import annotations

from textual.widgets import Input, Select, SelectionList

from coprod_meet.domain.records import Method
from coprod_meet.services.live import LiveMeeting
from coprod_meet.services.records import RecordsService
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.action_form import ActionFormScreen
from coprod_meet.tui.screens.decision_form import DecisionFormScreen
from coprod_meet.tui.screens.export import ExportScreen
from coprod_meet.tui.screens.live import LiveScreen
from tests.scenario import ID, Clock, item_id, play_to_item_five, save_board


async def _live_at_item_five(service, clock: Clock):
    meeting = save_board(service)
    live = LiveMeeting.open(service, meeting.id, clock=clock)
    play_to_item_five(live, clock)
    return meeting


async def _on_meeting_screen(app: CoprodMeetApp, pilot, meeting_id: str) -> None:
    app.push_screen(LiveScreen(meeting_id))
    await pilot.pause()


async def test_decision_and_action_from_the_meeting_screen(service) -> None:
    clock = Clock()
    meeting = await _live_at_item_five(service, clock)
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _on_meeting_screen(app, pilot, meeting.id)
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DecisionFormScreen)
        assert form.query_one("#decision-item", Select).value == item_id(5)  # the current item
        form.query_one("#decision-text", Input).value = "We will offer more short breaks for carers."
        await pilot.press("tab", "tab", "down", "down", "space")
        await pilot.pause()
        await pilot.press("tab", "7", "tab", "1", "tab", "1")
        form.query_one("#decision-dissent-by", SelectionList).select(ID["Tom"])
        form.query_one("#decision-dissent", Input).value = "Breaks should include evenings."
        form.query_one("#decision-agreed", Select).value = "yes"
        form.query_one("#decision-review", Input).value = "in 6 months"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)

        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionFormScreen)
        form.query_one("#action-text", Input).value = "ask providers for evening break options"
        form.query_one("#action-owner", Select).value = ID["Jo"]
        form.query_one("#action-due", Input).value = "in 2 weeks"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.live.unsaved == 0

        await pilot.press("X")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)

    records = RecordsService(service)
    (d,) = records.decisions(meeting.id)
    assert d.method is Method.VOTE and d.counts == {"for": 7, "against": 1, "abstain": 1}
    assert d.item_id == item_id(5) and d.dissent_by == (ID["Tom"],)
    (a,) = records.actions(meeting.id)
    assert (a.owner, a.due, a.decision_id) == ("Jo Clark", "2026-03-26", d.id)


async def test_access_needs_are_shown_before_the_meeting_starts(service) -> None:
    meeting = save_board(service)
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await _on_meeting_screen(app, pilot, meeting.id)
        shown = str(app.screen.query_one("#live-alerts").render())
    assert "Sam needs large print papers" in shown and shown.startswith("Before you start: ")


async def test_typing_letters_in_an_open_list_jumps_to_the_name(service) -> None:
    clock = Clock()
    meeting = await _live_at_item_five(service, clock)
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _on_meeting_screen(app, pilot, meeting.id)
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionFormScreen)
        owner = form.query_one("#action-owner", Select)
        owner.focus()
        await pilot.pause()
        await pilot.press("enter", *"pri", "enter")  # open the list, type, choose
        await pilot.pause()
        assert owner.value == ID["Priya"]
        await pilot.press("enter", *"[b", "enter")  # words are never markup, and nothing matches: stays
        await pilot.pause()
        assert owner.value == ID["Priya"]


async def test_words_typed_in_the_same_burst_as_d_go_into_the_decision_and_its_draft(service) -> None:
    """A fast typist or a paste: "d" and the words at once. The words reached the meeting screen
    before the form was open; they go into the form's first box, in order, and into its draft."""
    from coprod_meet.storage.drafts import read_drafts
    from tests.helpers.keys import burst

    clock = Clock()
    meeting = await _live_at_item_five(service, clock)
    before = len(service.events(meeting.id))
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _on_meeting_screen(app, pilot, meeting.id)
        burst(app, "d", *"We agree")
        await pilot.pause(1.0)
        await app.workers.wait_for_complete()
        form = app.screen
        assert isinstance(form, DecisionFormScreen)
        assert form.query_one("#decision-text", Input).value == "We agree"
        assert len(read_drafts(service.root)) == 1  # kept, should the laptop die now
    # No letter ran as a key of the meeting screen: only the app's own clock notes were written.
    assert {e.type for e in service.events(meeting.id)[before:]} <= {"clock_resumed", "clock_stopped"}


async def test_the_forms_of_the_meeting_screen_list_the_groups_decisions_through_the_index(service) -> None:
    """D and C read what their forms list in a thread (the index, not the group's files): the
    decision form offers the group's earlier decisions newest first, the action form this
    meeting's decisions, the latest chosen."""
    clock = Clock()
    meeting = await _live_at_item_five(service, clock)
    records = RecordsService(service)
    first = records.record_decision(meeting.id, text="We will offer breaks.", method="consent")
    second = records.record_decision(meeting.id, text="We will print in large type.", method="consent")
    app = CoprodMeetApp(service, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _on_meeting_screen(app, pilot, meeting.id)

        async def opened(key: str):
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            return app.screen

        form = await opened("d")
        assert isinstance(form, DecisionFormScreen)
        assert [d.id for d in form.earlier] == [second.id, first.id]
        await pilot.press("escape")
        await pilot.pause()
        form = await opened("c")
        assert isinstance(form, ActionFormScreen)
        assert [d.id for d in form.decisions] == [first.id, second.id]
        assert form.decision_id == second.id
