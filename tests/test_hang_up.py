"""The real `coprod-meet` command in a pseudo-terminal, as a person's terminal window runs it.

Closing the terminal window (SIGHUP) closes the app as Ctrl+Q does: queued saves are written, and
it ends as a clean close ends and lets go of the archive. A kill loses nothing saved either. And
the first frame it writes is the finished meetings list."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from coprod_meet.domain.dates import when_in_words
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import build_demo
from coprod_meet.tui.screens.meetings import shown_title
from tests.helpers.terminal import Terminal

ROOT = Path(__file__).resolve().parents[1]


def _archive(root: Path) -> str:
    """A small demo archive, its meetings folder untouched for a while (as a day-old archive is),
    and the title of its newest meeting."""
    groups, meetings = build_demo(meetings=12, seed=1)
    with ArchiveService.open(root) as service:
        for group in groups:
            service.save_group(group)
        service.write_whole_meetings(meetings)
        newest = service.newest_first()[0].title
    past = time.time() - 60
    os.utime(root / "meetings", (past, past))
    return newest


def _run(root: Path) -> Terminal:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TEXTUAL_ANIMATIONS="none",
               COPROD_MEET_SETTINGS=str(root.parent / "settings.toml"))
    return Terminal([sys.executable, "-m", "coprod_meet", "--archive", str(root)], env=env, cwd=str(ROOT))


@pytest.mark.parametrize("how", ["window closed", "SIGHUP"])
def test_closing_the_terminal_closes_the_archive_cleanly(tmp_path: Path, how: str) -> None:
    root = tmp_path / "archive"
    newest = _archive(root)
    with _run(root) as terminal:
        assert terminal.wait_for(shown_title(newest), timeout=60), bytes(terminal.output[-2000:])
        if how == "window closed":
            terminal.hang_up()  # the system sends SIGHUP, and the terminal is gone
        else:
            os.kill(terminal.pid, signal.SIGHUP)
        assert terminal.wait(timeout=30) == 0  # a clean close (a kill ends otherwise)
    with ArchiveService.open(root) as again:  # the lock was let go
        assert again.newest_first()[0].title == newest
        assert not again.problems


def test_the_first_frame_is_the_finished_list(tmp_path: Path) -> None:
    """The newest meeting's row comes whole in the first frame: its date is not cut to the
    width of the column's heading ("Frid"), as when the table was drawn before it had measured
    its rows (the bench's clock stops at this frame, so it must be the one a person reads)."""
    root = tmp_path / "archive"
    newest = _archive(root)
    with ArchiveService.open(root, lock=False) as service:
        start = service.newest_first()[0].start
    with _run(root) as terminal:
        assert terminal.wait_for(shown_title(newest), timeout=60), bytes(terminal.output[-2000:])
        first_frame = bytes(terminal.output).split(shown_title(newest).encode())[0]
        terminal.kill()
    assert when_in_words(start).encode() in first_frame, first_frame[-1500:]


def test_a_killed_app_leaves_the_list_as_it_was(tmp_path: Path) -> None:
    """An app stopped at once (SIGKILL) writes nothing on the way out; the next open lists the
    same meetings from the catalogue, with nothing to report."""
    root = tmp_path / "archive"
    newest = _archive(root)
    with ArchiveService.open(root) as before:
        listed = before.list_meetings()
    with _run(root) as terminal:
        assert terminal.wait_for(shown_title(newest), timeout=60)
        terminal.kill()
    with ArchiveService.open(root) as again:
        assert again.list_meetings() == listed
        assert not again.problems
