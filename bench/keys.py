"""The slowest handler on the event loop while a 100-turn meeting is run by keys through Pilot.

Every callback the asyncio loop runs is timed (key handling, screen updates, saves coming back,
the timer tick). The same is done for a bare Textual app that moves through a list with the same
number of key presses, measured in the same run as a baseline. Goal: the slowest handler <= 50 ms.

The bare app runs first, before coprod-meet is imported, so nothing coprod-meet loads can change
the baseline.

    .venv/bin/python bench/keys.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual.app import App  # noqa: E402
from textual.widgets import Footer, Header, OptionList  # noqa: E402

GOAL_MS = 50.0
TURNS = 100


class Timed:
    """Times every callback the event loop runs; keeps the slowest and all durations."""

    def __init__(self) -> None:
        self.durations: list[float] = []
        self._run = asyncio.events.Handle._run

    def __enter__(self) -> Timed:
        durations = self.durations
        run = self._run

        def timed_run(handle: asyncio.events.Handle) -> None:
            started = time.perf_counter()
            try:
                run(handle)
            finally:
                took = time.perf_counter() - started
                durations.append(took)

        asyncio.events.Handle._run = timed_run  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.events.Handle._run = self._run  # type: ignore[method-assign]


def script() -> list[str]:
    """Keys for a 100-turn meeting: people join the queue by number, N gives the floor; cards,
    a go-round with passes, hand-overs and item changes on the way."""
    keys: list[str] = []
    turns = 0
    item = 0
    while turns < TURNS:
        for n in (3, 5, 4, 6, 7, 8):
            keys.append(str(n))
        keys += ["question_mark", "k"]  # Kit asks a clarification (by first letter)
        keys += ["n"] * 7
        turns += 7
        keys += ["k", "r", "4", "r", "e", "s", "p", "i", "t", "e", "enter"]  # Sam's red card
        keys += ["k", "c", "1", "enter"]  # cleared
        keys += ["g"] + ["n", "p"] * 4 + ["g"]  # go-round, some pass
        turns += 4
        keys += ["h"]
        item += 1
        if item < 7:
            keys.append("right_square_bracket")
    return keys


async def run_meeting() -> tuple[list[float], int]:
    from coprod_meet.services.archive import ArchiveService
    from coprod_meet.services.live import LiveMeeting
    from coprod_meet.tui.app import CoprodMeetApp
    from coprod_meet.tui.screens.live import LiveScreen
    from tests.scenario import ID, save_board

    with tempfile.TemporaryDirectory() as folder, ArchiveService.open(Path(folder) / "archive") as service:
        meeting = save_board(service)
        live = LiveMeeting.open(service, meeting.id)
        for name in ("Hayley", "Jo", "Priya", "Sam", "Tom", "Ade", "Mary", "Cllr Shah", "Kit"):
            live.set_attendance(ID[name], "present")
        live.start()
        app = CoprodMeetApp(service)
        keys = script()
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(LiveScreen(meeting.id))
            await pilot.pause()
            worst: list[tuple[float, int, str]] = []
            with Timed() as timed:
                for n, key in enumerate(keys):
                    before = len(timed.durations)
                    await pilot.press(key)
                    worst.append((max(timed.durations[before:], default=0.0), n, key))
                await app.workers.wait_for_complete()
                await pilot.pause()
            print("slowest keys:", ", ".join(f"#{n} {key} {t * 1000:.0f} ms" for t, n, key in sorted(worst)[-5:]))
            turns = len(app.screen.live.state.turns) if isinstance(app.screen, LiveScreen) else 0
        return timed.durations, turns


class Bare(App):
    def compose(self):
        yield Header()
        yield OptionList(*[f"Person {n}" for n in range(30)])
        yield Footer()


async def run_bare(presses: int) -> list[float]:
    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        with Timed() as timed:
            for n in range(presses):
                await pilot.press("down" if (n // 25) % 2 == 0 else "up")
            await pilot.pause()
    return timed.durations


def main() -> None:
    presses = len(script())
    bare = asyncio.run(run_bare(presses))
    ours, turns = asyncio.run(run_meeting())
    slow_bare, slow_ours = max(bare) * 1000, max(ours) * 1000
    p99 = statistics.quantiles(ours, n=100)[98] * 1000
    print(f"{presses} key presses, {turns} turns recorded")
    print(f"bare Textual app: slowest handler {slow_bare:.1f} ms")
    print(f"coprod-meet meeting screen: slowest handler {slow_ours:.1f} ms ({slow_ours / slow_bare:.2f}x bare), "
          f"99th percentile {p99:.1f} ms; goal <= {GOAL_MS:.0f} ms")
    print(f"ratio: {slow_ours / GOAL_MS:.2f} of the 50 ms goal ({slow_ours / slow_bare:.2f}x the bare app)")


if __name__ == "__main__":
    main()
