"""No hidden failures on save (issue 14, point 4).

Whatever makes a background save fail, a plain sentence reaches the screen and the "Saving…"
state ends; the archive keeps no file open for the run but its lock.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from coprod_meet.services import review as rv
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import ANCHOR
from coprod_meet.storage import durable
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.review_actions import ReviewActionsScreen
from coprod_meet.tui.screens.review_decisions import ReviewDecisionsScreen


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def failing(error: BaseException):
    def fault(*_args, **_kwargs):
        raise error

    return fault


@pytest.mark.parametrize(("layer", "error", "said"), [
    # A fault in coprod-meet itself (not an OSError): before, the worker died and "Saving…" stayed.
    ("os_fsync", RuntimeError("controller fault"), "The last change was not saved because of a fault in coprod-meet"),
    # A folder that has become read-only (as a full or read-only disk would be).
    ("os_replace", OSError(errno.EROFS, "Read-only file system"),
     "The archive folder cannot be written to, so the last change was not saved"),
])
async def test_a_failed_save_is_said_and_saving_ends(demo_service: ArchiveService, monkeypatch, layer, error,
                                                     said) -> None:
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ReviewActionsScreen(now=ANCHOR))
        await settle(pilot)
        target = app.screen.found[0].action
        monkeypatch.setattr(durable, layer, failing(error))
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one(Input).value = "Sent"
        await pilot.press("enter")
        await settle(pilot)
        status = str(app.screen.query_one("#save-status", Static).render())
        assert status.startswith(f"NOT SAVED: {said}") and "Saving" not in status
        assert any(n.message.startswith(said) and n.title == "Not saved" for n in app._notifications)
        monkeypatch.undo()
        assert rv.find_action(demo_service, target.id).action.status.value == "open"  # nothing half-saved


def _open_files(root: Path) -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(root)):
            found.append(os.path.relpath(target, root))
    return sorted(found)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to list open files")
async def test_no_file_stays_open_for_the_run_but_the_lock(demo_service: ArchiveService) -> None:
    """The lock must hold an open file: flock belongs to an open file, and the operating system
    lets go of it when the process ends however it ends. Every other file is read whole and
    closed (``DurableStorage`` keeps what it read in memory, not a handle)."""
    root = demo_service.root
    app = CoprodMeetApp(demo_service)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        meeting = demo_service.list_meetings()[0]
        app.open_meeting(meeting.id)
        await settle(pilot)
        await pilot.press("escape")
        app.push_screen(ReviewDecisionsScreen(now=ANCHOR))
        await settle(pilot)
        await pilot.press("enter")  # open one decision: its meeting and history are read
        await settle(pilot)
        assert _open_files(root) == [".lock"]
    assert _open_files(root) == [".lock"]  # (the service is closed by its fixture)
