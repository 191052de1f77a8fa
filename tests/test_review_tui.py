"""The review screens through Pilot, and their snapshots at 80x24 (issue 7)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import DataTable, Static

from coprod_meet.domain import events as ev
from coprod_meet.domain.model import Meeting
from coprod_meet.domain.records import Action, Decision
from coprod_meet.services import review as rv
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import ANCHOR, build_demo
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.decision_view import DecisionViewScreen
from coprod_meet.tui.screens.review_actions import ReviewActionsScreen
from coprod_meet.tui.screens.review_decisions import ReviewDecisionsScreen
from coprod_meet.tui.screens.trends import TrendsScreen
from tests.conftest import naughty_strings

SIZE = (80, 24)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def answer(pilot, text: str) -> None:
    """Fill in the one-line question and press Enter."""
    from textual.widgets import Input

    await pilot.pause()
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await settle(pilot)


def table_text(app) -> str:
    table = app.screen.query_one(DataTable)
    return "\n".join(" | ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count))


async def test_meetings_screen_reaches_the_review_screens(demo_service: ArchiveService) -> None:
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=SIZE) as pilot:
        for key, screen in (("v", ReviewDecisionsScreen), ("a", ReviewActionsScreen), ("t", TrendsScreen)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, screen)
            await pilot.press("f1")
            await pilot.pause()
            help_text = str(app.screen.query_one("#help-text", Static).render())
            assert screen.TITLE_WORDS in help_text
            await pilot.press("escape", "escape")
            await pilot.pause()
        bindings = {b.id: b for b in app.screen.BINDINGS}
        for bid in ("meetings.review_decisions", "meetings.review_actions", "meetings.trends"):
            assert bindings[bid].description


async def test_decision_filters_and_opening_one(demo_service: ArchiveService) -> None:
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ReviewDecisionsScreen(now=ANCHOR))
        await settle(pilot)
        screen = app.screen
        total = len(screen.found)
        assert [f.id for f in screen.found] == [f.decision.id for f in rv.search_decisions(demo_service, now=ANCHOR)]
        await pilot.press("slash")
        await answer(pilot, "transport")
        assert screen.found and len(screen.found) < total
        before = list(screen.found)
        assert "words 'transport'" in str(screen.query_one("#review-filters", Static).render())
        before_october = [f for f in screen.found if f.meeting_start < datetime(2026, 10, 1)]
        assert before_october  # the word is found in September's meetings
        await pilot.press("d")
        await answer(pilot, "since October")
        assert len(screen.found) == len(before) - len(before_october)
        assert all(f.meeting_start >= datetime(2026, 10, 1) for f in screen.found)
        await pilot.press("d")
        await answer(pilot, "the twelfth of never")
        assert screen.period == "since October"  # a date it cannot read changes nothing
        await pilot.press("c", "g")
        await settle(pilot)
        assert screen.group and {f.group_name for f in screen.found} == {screen.group}
        await pilot.press("c", "m")
        await settle(pilot)
        assert {f.method for f in screen.found} == {screen.method}
        await pilot.press("c", "s", "s")
        await settle(pilot)
        assert screen.state == "superseded" and screen.found and not any(f.current for f in screen.found)
        await pilot.press("c", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DecisionViewScreen)
        text = str(app.screen.query_one("#decision-text", Static).render())
        assert "Who was there:" in text and "What happened to it:" in text
        await pilot.press("o")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingViewScreen"


async def test_mark_an_action_done_and_drop_one(demo_service: ArchiveService) -> None:
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ReviewActionsScreen(now=ANCHOR))
        await settle(pilot)
        screen = app.screen
        first = screen.found[0].action
        assert first.text[:20] in table_text(app).splitlines()[0]  # newest meeting first
        assert first.meeting_id == max(screen.found, key=lambda a: a.meeting_start).action.meeting_id
        await pilot.press("d")
        await answer(pilot, "Sent to everyone")
        assert rv.find_action(demo_service, first.id).action.status.value == "done"
        assert "Saved at" in str(screen.query_one("#save-status", Static).render())
        assert first.id not in {a.action.id for a in screen.found}  # open actions only
        events = demo_service.events(first.meeting_id)
        assert events[-1].type == ev.ACTION_EDITED and events[-1].data["status"] == "done"
        second = screen.found[0].action
        await pilot.press("x", "enter")  # no reason: not dropped
        await settle(pilot)
        assert rv.find_action(demo_service, second.id).action.status.value == "open"
        await pilot.press("x")
        await answer(pilot, "No money left")
        assert rv.find_action(demo_service, second.id).action.reason == "No money left"
        await pilot.press("f", "f")  # open -> late -> done
        await settle(pilot)
        assert screen.status == "done" and first.id in {a.action.id for a in screen.found}
        await pilot.press("o")
        await answer(pilot, first.owner.split()[0])
        assert screen.found and all(a.action.owner.split()[0] == first.owner.split()[0] for a in screen.found)


async def test_naughty_text_on_the_review_screens(service: ArchiveService) -> None:
    from datetime import timedelta

    meeting = Meeting(group_id="g1", group_name="[bold]Board[/]", title="[@click=app.quit]x",
                      start=ANCHOR, end=ANCHOR + timedelta(hours=1))
    strings = [s for s in naughty_strings() if s.strip()][:200]
    events = []
    for n, text in enumerate(strings):
        d = Decision(meeting_id=meeting.id, text=text, dissent=text)
        events.append(ev.event(ev.DECISION_RECORDED, at=ANCHOR + timedelta(seconds=n), **d.to_dict()))
        a = Action(meeting_id=meeting.id, text=text, owner=text[:50], due="2026-11-01", decision_id=d.id)
        events.append(ev.event(ev.ACTION_RECORDED, at=ANCHOR + timedelta(seconds=n), **a.to_dict()))
    service.write_whole_meetings([(meeting, events)])
    app = CoprodMeetApp(service)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ReviewDecisionsScreen(now=ANCHOR))
        await settle(pilot)
        assert len(app.screen.found) == len(strings)
        for n in range(0, len(strings), 50):
            app.screen.query_one(DataTable).move_cursor(row=n)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, DecisionViewScreen)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("escape")
        app.push_screen(ReviewActionsScreen(now=ANCHOR))
        await settle(pilot)
        assert len(app.screen.found) == len(strings)
        await pilot.press("escape")
        app.push_screen(TrendsScreen("[bold]Board[/]", now=ANCHOR))
        await settle(pilot)
        assert app.is_running


# -- snapshots (80x24, fixed "today") ----------------------------------------------------------


def _demo_app(tmp_path: Path) -> CoprodMeetApp:
    service = ArchiveService.open(tmp_path / "snap-archive")
    groups, meetings = build_demo(meetings=8, seed=1)
    for g in groups:
        service.save_group(g)
    service.write_whole_meetings(meetings)
    return CoprodMeetApp(service)


def _snap(snap_compare, tmp_path: Path, make_screen, keys=()) -> bool:
    app = _demo_app(tmp_path)

    async def before(pilot) -> None:
        app.push_screen(make_screen(app))
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    try:
        return snap_compare(app, terminal_size=SIZE, run_before=before)
    finally:
        app.service.close()


def test_snapshot_review_decisions(snap_compare, tmp_path: Path) -> None:
    assert _snap(snap_compare, tmp_path, lambda app: ReviewDecisionsScreen(now=ANCHOR), keys=("g",))


def test_snapshot_decision_view(snap_compare, tmp_path: Path) -> None:
    def screen(app):
        found = rv.search_decisions(app.service, now=ANCHOR)
        return DecisionViewScreen(next(f for f in found if f.decision.dissent).decision.id, now=ANCHOR)

    assert _snap(snap_compare, tmp_path, screen)


def test_snapshot_review_actions(snap_compare, tmp_path: Path) -> None:
    assert _snap(snap_compare, tmp_path, lambda app: ReviewActionsScreen(now=ANCHOR))


def test_snapshot_trends(snap_compare, tmp_path: Path) -> None:
    assert _snap(snap_compare, tmp_path, lambda app: TrendsScreen("Young Voices Forum", now=ANCHOR))


async def test_the_chosen_action_is_said_in_full_on_a_small_screen(demo_service: ArchiveService) -> None:
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=(60, 20)) as pilot:
        app.push_screen(ReviewActionsScreen(now=ANCHOR))
        await settle(pilot)
        screen = app.screen
        first = screen.found[0]
        shown = str(screen.query_one("#action-chosen", Static).render())
        assert shown == f"Chosen: {first.action.sentence(ANCHOR.date())}"
        await pilot.press("down")
        await pilot.pause()
        second = screen.found[1]
        assert str(screen.query_one("#action-chosen", Static).render()).endswith(
            second.action.sentence(ANCHOR.date()))


async def test_the_chosen_decision_is_said_in_full_on_a_small_screen(demo_service: ArchiveService) -> None:
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=(60, 20)) as pilot:
        app.push_screen(ReviewDecisionsScreen(now=ANCHOR))
        await settle(pilot)
        screen = app.screen
        shown = str(screen.query_one("#decision-chosen", Static).render())
        assert shown.startswith(f"Chosen: {screen.found[0].text}") and shown.endswith("Enter shows it all.")
