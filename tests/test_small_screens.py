"""Every screen at 60x20 (a zoomed terminal, a projector), and at 80x24 where no other test
snapshots it; and focus is always visible: Tab through every screen's widgets.

One small archive for the whole module (the SCENARIO's board with its three meetings and their
records), copied for each test so that every app has its own lock and files.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

import pytest
from textual.screen import Screen

from coprod_meet.services.archive import ArchiveService
from coprod_meet.tui.app import CoprodMeetApp
from tests.scenario import GROUP, ID, MARCH, MARCH_ID, build_board

NOW = MARCH + timedelta(hours=1)


@pytest.fixture(scope="module")
def seed_archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("small") / "archive"
    service = ArchiveService.open(root)
    board = build_board(service)
    d = board.records.record_decision(
        board.march.id, text="We will offer more short breaks for carers.", method="vote",
        counts={"for": "7", "against": "1", "abstain": "1"}, dissent="Breaks should include evenings.",
        dissent_by=[ID["Tom"]], lived_experience_agreed=True, review="in 6 months")
    board.records.record_action(board.march.id, text="ask providers for evening break options", owner_id=ID["Jo"],
                                due="in 2 weeks", decision_id=d.id)
    for member_id in (ID["Hayley"], ID["Jo"], ID["Priya"], ID["Tom"], ID["Mary"], ID["Cllr Shah"]):
        board.records.record_evaluation(board.march.id, member_id, "yes")
    board.records.record_evaluation(board.march.id, ID["Sam"], "partly", "I needed more time")
    service.close()
    return root


@pytest.fixture
def archive(seed_archive: Path, tmp_path: Path) -> Path:
    target = tmp_path / "archive"
    shutil.copytree(seed_archive, target)
    return target


def _records(app):
    from coprod_meet.services.records import RecordsService

    return RecordsService(app.service, clock=lambda: NOW)


def _decision_form(app) -> Screen:
    from coprod_meet.tui.screens.decision_form import DecisionFormScreen

    records = _records(app)
    return DecisionFormScreen(records.prefill(MARCH_ID), earlier=records.earlier_decisions(MARCH_ID))


def _action_form(app) -> Screen:
    from coprod_meet.tui.screens.action_form import ActionFormScreen

    records = _records(app)
    return ActionFormScreen(records.prefill(MARCH_ID), decisions=records.decisions(MARCH_ID))


def _decision_view(app) -> Screen:
    from coprod_meet.tui.screens.decision_view import DecisionViewScreen

    decision = _records(app).decisions(MARCH_ID)[0]
    return DecisionViewScreen(decision.id, now=NOW)


def _member_form(app) -> Screen:
    from coprod_meet.tui.screens.member_form import MemberFormScreen

    group = app.service.find_group(GROUP.id)
    return MemberFormScreen(group.members[2], group.name)


def _item_form(app) -> Screen:
    from coprod_meet.tui.screens.item_form import ItemFormScreen

    meeting = app.service.get_meeting(MARCH_ID)
    return ItemFormScreen(meeting.agenda[4], meeting, "5")


def _screen(module: str, name: str, *args, **kwargs) -> Callable[[CoprodMeetApp], Screen]:
    def make(app: CoprodMeetApp) -> Screen:
        import importlib

        return getattr(importlib.import_module(f"coprod_meet.tui.screens.{module}"), name)(*args, **kwargs)
    return make


# name -> how to open it over the meetings list (None: the meetings list itself; "help": F1 there)
SCREENS: dict[str, Callable[[CoprodMeetApp], Screen] | str | None] = {
    "meetings": None,
    "help": "help",
    "meeting_view": _screen("meeting_view", "MeetingViewScreen", MARCH_ID),
    "live": _screen("live", "LiveScreen", MARCH_ID),
    "groups": _screen("groups", "GroupsScreen"),
    "group": _screen("group", "GroupScreen", GROUP.id),
    "member_form": _member_form,
    "meeting_setup": _screen("meeting_setup", "MeetingSetupScreen", meeting_id=MARCH_ID, now=NOW),
    "agenda_editor": _screen("agenda_editor", "AgendaEditorScreen", MARCH_ID),
    "item_form": _item_form,
    "decision_form": _decision_form,
    "action_form": _action_form,
    "you_said": _screen("you_said", "YouSaidScreen", MARCH_ID),
    "evaluation": _screen("evaluation", "EvaluationScreen", MARCH_ID),
    "export": _screen("export", "ExportScreen", MARCH_ID),
    "review_decisions": _screen("review_decisions", "ReviewDecisionsScreen", now=NOW),
    "decision_view": _decision_view,
    "review_actions": _screen("review_actions", "ReviewActionsScreen", now=NOW),
    "trends": _screen("trends", "TrendsScreen", now=NOW),
}
# Screens no other test snapshots at 80x24.
ALSO_80x24 = ("meetings", "help", "you_said", "item_form")


async def open_screen(app: CoprodMeetApp, pilot, name: str) -> None:
    from coprod_meet.tui.screens.dialog import DialogScreen

    await pilot.pause()
    if isinstance(app.screen, DialogScreen):  # a meeting is running: the app offers it first; say no
        await pilot.press("2")
        await pilot.pause()
    how = SCREENS[name]
    if how == "help":
        await pilot.press("f1")
    elif how is not None:
        app.push_screen(how(app))
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def _app(archive: Path) -> CoprodMeetApp:
    return CoprodMeetApp(ArchiveService.open(archive), clock=lambda: NOW)


CASES = [(name, (60, 20)) for name in SCREENS] + [(name, (80, 24)) for name in ALSO_80x24]


@pytest.mark.parametrize(("name", "size"), CASES, ids=[f"{n}-{w}x{h}" for n, (w, h) in CASES])
def test_screen_at_size(snap_compare, archive: Path, name: str, size: tuple[int, int]) -> None:
    app = _app(archive)

    async def run_before(pilot) -> None:
        await open_screen(app, pilot, name)

    try:
        assert snap_compare(app, terminal_size=size, run_before=run_before)
    finally:
        app.service.close()


def _looks(widget) -> tuple:
    """What a person sees change when a widget takes focus: border, outline, colours, text style,
    of the widget and its own parts (a Select shows focus on its SelectCurrent)."""
    looks = []
    for w in (widget, *widget.children):
        s = w.styles
        looks.append((s.border, s.outline, s.background, s.color, s.text_style, s.tint, s.background_tint,
                      s.border_title_color, s.border_title_background))
    return tuple(looks)


async def _focus_shows(app, pilot, widget) -> bool:
    focused = _looks(widget)
    app.set_focus(None)
    await pilot.pause()
    unfocused = _looks(widget)
    app.set_focus(widget)
    await pilot.pause()
    return focused != unfocused


async def test_tab_through_every_screen_and_focus_is_always_visible(archive: Path) -> None:
    """One app; each screen in turn over the meetings list, every focusable widget reached by Tab."""
    app = _app(archive)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            home = None
            for name in SCREENS:
                await open_screen(app, pilot, name)
                home = home or (app.screen if SCREENS[name] is None else None)
                screen = app.screen
                chain = list(screen.focus_chain)
                assert chain, f"{name}: nothing can take focus"
                seen = []
                for _ in range(len(chain)):
                    await pilot.press("tab")
                    await pilot.pause()
                    widget = app.focused
                    assert widget is not None, f"{name}: Tab left nothing focused"
                    assert app.screen is screen
                    seen.append(widget)
                    assert await _focus_shows(app, pilot, widget), (
                        f"{name}: {type(widget).__name__}#{widget.id} looks the same with and without focus")
                assert set(seen) == set(chain), f"{name}: Tab did not reach every focusable widget"
                while app.screen is not home:
                    app.pop_screen()
                    await pilot.pause()
    finally:
        app.service.close()
