"""Kill the app mid-meeting (SIGKILL, no clean-up) and start again: the meeting is where it was."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.live import LiveMeeting
from tests.scenario import ID, Clock, play_to_item_five, save_board

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys
from coprod_meet.services.archive import ArchiveService
from tests.test_live_resume import run_meeting

service = ArchiveService.open(sys.argv[1], lock=False)
run_meeting(service, sys.argv[2], True, lambda d: print(json.dumps(d), flush=True))
print("END", flush=True)
"""


def digest(state) -> dict:
    """What a co-chair sees, as plain data."""
    speaking = state.speaking
    return {
        "item": state.current_item_id,
        "chair": state.chairing_now,
        "present": state.present_ids,
        "queue": [[p.member_id, p.reason] for p in state.queue_places()],
        "speaking": [speaking.member_id, speaking.start.isoformat()] if speaking else None,
        "paused": state.timer_paused,
        "cards": [[c.member_id, c.colour] for c in state.open_cards],
        "round_next": state.round_next,
        "turns": len(state.turns),
        "jargon": list(state.jargon),
    }


def run_meeting(service: ArchiveService, meeting_id: str, autosave: bool, report: Callable[[dict], None]) -> None:
    """The scenario up to a go-round on item 5, reporting what is seen after every action."""
    clock = Clock()
    live = LiveMeeting.open(service, meeting_id, clock=clock, autosave=autosave)
    real_record = live._record

    def record(*items):
        made = real_record(*items)  # with autosave, this returns only once the events are on disk
        report(digest(live.state))
        clock.tick(7)
        return made

    live._record = record  # type: ignore[method-assign]
    play_to_item_five(live, clock)
    live.clear_card(ID["Sam"], "red", "a short break")
    live.round_start()
    while live.state.round_next:
        live.next_speaker()


@pytest.mark.parametrize("kill_after", [1, 17, 33])
def test_kill_mid_meeting_and_resume_exactly(tmp_path: Path, archive_dir: Path, kill_after: int) -> None:
    every_step: list[dict] = []
    with ArchiveService.open(tmp_path / "reference") as reference:
        run_meeting(reference, save_board(reference).id, False, every_step.append)
    with ArchiveService.open(archive_dir) as service:
        meeting_id = save_board(service).id
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(archive_dir), meeting_id], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    confirmed = 0
    for line in child.stdout:
        assert not line.startswith("END"), "the meeting finished before it could be killed"
        confirmed += 1
        if confirmed == kill_after:
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    with ArchiveService.open(archive_dir) as service:
        again = digest(LiveMeeting.open(service, meeting_id).state)
    # Exactly the state after one of the actions: the last one confirmed on disk, or a later one
    # (the child goes on while the kill is on its way; on a busy machine it may do several more).
    # Never a half-done action, never less than what was confirmed.
    assert again in every_step[kill_after - 1:]
