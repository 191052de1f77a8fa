"""Make docs/meeting-screen.svg: the meeting screen in the middle of the scenario's item 5.

Run from the project folder: .venv/bin/python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coprod_meet.services.archive import ArchiveService  # noqa: E402
from coprod_meet.services.live import LiveMeeting  # noqa: E402
from coprod_meet.tui.app import CoprodMeetApp  # noqa: E402
from coprod_meet.tui.screens.live import LiveScreen  # noqa: E402
from tests.scenario import Clock, play_to_item_five, save_board  # noqa: E402


async def main(target: Path) -> None:
    with tempfile.TemporaryDirectory() as folder, ArchiveService.open(Path(folder) / "archive") as service:
        clock = Clock()
        meeting = save_board(service)
        play_to_item_five(LiveMeeting.open(service, meeting.id, clock=clock), clock)
        app = CoprodMeetApp(service, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            app.push_screen(LiveScreen(meeting.id))
            await pilot.pause()
            app.save_screenshot(filename=target.name, path=str(target.parent))
    print(f"Wrote {target}")


if __name__ == "__main__":
    asyncio.run(main(ROOT / "docs" / "meeting-screen.svg"))
