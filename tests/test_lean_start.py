"""Starting the app on the review screen reads and loads only what that screen needs, and the
garbage collector waits until the first screen is up (speed figures live in bench/search.py;
these are the habits behind them, which a later change could lose without noticing)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import ANCHOR
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.review_decisions import ReviewDecisionsScreen

ROOT = Path(__file__).resolve().parents[1]

# Runs the app straight onto the review screen, exits once it is drawn, and says what it loaded.
START = """
import json, sys
import coprod_meet.tui.app as app_module
from coprod_meet.services.archive import ArchiveService
from coprod_meet.tui.screens.review_decisions import ReviewDecisionsScreen

shown = []

class Review(ReviewDecisionsScreen):
    def on_mount(self):
        self.app.call_after_refresh(lambda: (shown.append(self.query_one("DataTable").row_count), self.app.exit()))

app_module.MeetingsScreen = Review
with ArchiveService.open(sys.argv[1]) as service:
    app_module.CoprodMeetApp(service).run(headless=True, size=(80, 24))
print(json.dumps({"modules": sorted(sys.modules), "rows": shown}))
"""

# Heavy or unneeded to list decisions: domain objects, the settings reader (no settings file),
# help, Rich's emoji table (only read for markup), the whole decisions and actions.
NOT_NEEDED = [
    "coprod_meet.domain.model",
    "coprod_meet.domain.records",
    "coprod_meet.domain.state",
    "coprod_meet.services.review",
    "coprod_meet.tui.screens.help",
    "rich._emoji_codes",
    "tomllib",
]


def _last_line(code: str, demo_service: ArchiveService):
    """Run ``code`` on the demo archive in a fresh Python (no settings file) and read the JSON
    it prints last."""
    root = demo_service.root
    demo_service.close()
    done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                            "HOME": str(root.parent), "COPROD_MEET_SETTINGS": str(root / "none.toml")})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_the_review_screen_starts_with_only_what_it_needs(demo_service: ArchiveService) -> None:
    report = _last_line(START, demo_service)
    assert report["rows"] and report["rows"][0] > 0  # it did show decisions
    assert [m for m in NOT_NEEDED if m in report["modules"]] == []


async def test_no_garbage_collection_until_the_first_screen_is_up(demo_service: ArchiveService) -> None:
    seen = []

    class Starting(CoprodMeetApp):
        def on_mount(self) -> None:
            seen.append(gc.isenabled())

    assert gc.isenabled()
    app = Starting(demo_service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert seen == [False]  # off while the first screen was being made
        assert gc.isenabled()  # back on once it is up
        app.push_screen(ReviewDecisionsScreen(now=ANCHOR))
        await pilot.pause()
        assert gc.isenabled()
    assert gc.isenabled()


async def test_an_app_that_ends_before_its_first_screen_turns_collection_back_on(service: ArchiveService) -> None:
    class Quick(CoprodMeetApp):
        def on_load(self) -> None:
            self.exit()  # before any screen is up

    async with Quick(service).run_test(size=(80, 24)):
        pass
    assert gc.isenabled()


# The real command up to the moment the app starts: what it has loaded by then.
COMMAND = """
import json, sys
import textual.app

def run(self, *args, **kwargs):
    print(json.dumps(sorted(sys.modules)))

textual.app.App.run = run  # (this test's own stand-in: stop where the app would start)
from coprod_meet.cli import main
main(["--archive", sys.argv[1]])
"""


def test_the_command_reaches_the_app_without_loading_the_commands_it_does_not_run(demo_service) -> None:
    """Reading the command line knows every command's words but loads none of their code: the
    member commands' domain objects, for one, are loaded only when a member command runs."""
    modules = _last_line(COMMAND, demo_service)
    assert "coprod_meet.tui.app" in modules
    assert [m for m in NOT_NEEDED if m in modules] == []
