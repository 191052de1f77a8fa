"""The decisions list shows a screenful at first and fills in as the person moves or scrolls
down; every match is reachable, and the count says how many there are (issue 7)."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Static

from coprod_meet.domain import events as ev
from coprod_meet.domain.model import Meeting
from coprod_meet.domain.records import Decision
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import ANCHOR
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.decision_view import DecisionViewScreen
from coprod_meet.tui.screens.review_decisions import ReviewDecisionsScreen

MANY = 130


def many_decisions(service: ArchiveService) -> list[str]:
    """MANY decisions over five meetings; their texts, newest first."""
    items, texts = [], []
    for m in range(5):
        start = ANCHOR - timedelta(days=30 * (5 - m))
        meeting = Meeting(group_id="g1", group_name="Board", title=f"Meeting {m}", start=start,
                          end=start + timedelta(hours=1))
        events = []
        for n in range(MANY // 5):
            d = Decision(meeting_id=meeting.id, text=f"Decision {m}-{n:02d} about buses")
            events.append(ev.event(ev.DECISION_RECORDED, at=start + timedelta(minutes=n), **d.to_dict()))
            texts.append((start, n, d.text))
        items.append((meeting, events))
    service.write_whole_meetings(items)
    return [text for _start, _n, text in sorted(texts, reverse=True)]  # newest meeting, then last recorded, first


async def review(pilot) -> ReviewDecisionsScreen:
    pilot.app.push_screen(ReviewDecisionsScreen(now=ANCHOR))
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # the list is read off the event loop
    await pilot.pause()
    return pilot.app.screen


def rows(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[2]) for i in range(table.row_count)]


async def test_a_screenful_first_then_more_as_the_cursor_moves_down(service: ArchiveService) -> None:
    texts = many_decisions(service)
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await review(pilot)
        table = screen.query_one(DataTable)
        first = table.row_count
        assert table.size.height <= first < MANY  # a screenful, not the whole list
        assert rows(app) == texts[:first]
        assert str(screen.query_one("#review-filters", Static).render()).startswith(f"{MANY} decisions.")
        assert len(screen.found) == MANY
        await pilot.press("pagedown")  # near the end of those shown: the next page comes
        await pilot.pause()
        assert first < table.row_count and rows(app) == texts[:table.row_count]
        for _ in range(12):
            await pilot.press("ctrl+end")  # the last row shown; the next page comes too
            await pilot.pause()
        assert rows(app) == texts and table.cursor_row == MANY - 1
        chosen = str(screen.query_one("#decision-chosen", Static).render())
        assert chosen.startswith(f"Chosen: {texts[-1]} ")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DecisionViewScreen)
        assert texts[-1] in str(app.screen.query_one("#decision-text", Static).render())


async def test_scrolling_with_the_mouse_brings_more_rows(service: ArchiveService) -> None:
    many_decisions(service)
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        table = (await review(pilot)).query_one(DataTable)
        first = table.row_count
        for _ in range(10):
            table.scroll_down(animate=False)  # as the mouse wheel does
            await pilot.pause()
        assert table.row_count > first and table.cursor_row == 0  # the cursor stays put


async def test_filters_start_the_list_again_from_the_top(service: ArchiveService) -> None:
    texts = many_decisions(service)
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await review(pilot)
        for _ in range(4):
            await pilot.press("ctrl+end")
            await pilot.pause()
        screen.words = "4-1"
        screen.load()
        await pilot.pause()
        wanted = [t for t in texts if "4-1" in t]
        assert rows(app) == wanted and len(screen.found) == len(wanted)
        assert screen.query_one(DataTable).cursor_row == 0
        assert str(screen.query_one("#decision-chosen", Static).render()).startswith(f"Chosen: {wanted[0]} ")
