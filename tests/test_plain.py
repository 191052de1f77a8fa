"""Line mode: a script of input lines in, a transcript out; plain short lines, no escapes."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

from coprod_meet.plain.console import Console
from coprod_meet.plain.session import PlainSession

ESCAPES = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def run_script(service, lines: list[str]) -> str:
    out = io.StringIO()
    console = Console.from_streams(io.StringIO("\n".join(lines) + "\n"), out)
    assert PlainSession(service, console).run() == 0
    return out.getvalue()


def assert_plain(transcript: str) -> None:
    assert not ESCAPES.search(transcript), "line mode wrote a control character"
    assert all(len(line) <= 72 for line in transcript.splitlines())


def test_help_list_open_quit(demo_service) -> None:
    text = run_script(demo_service, ["help", "list", "open 1", "quit"])
    assert_plain(text)
    assert "list: List the meetings, newest first." in text
    assert "quit: Leave coprod-meet." in text
    newest = demo_service.list_meetings()[0]
    assert f"1. Ended. {newest.start.strftime('%A')}" in text
    assert "Agenda:" in text
    assert text.rstrip().endswith("Goodbye.")


def test_unknown_commands_and_bad_numbers_get_one_plain_sentence(demo_service) -> None:
    text = run_script(demo_service, ["dance", "open 999", "quit"])
    assert "I do not know 'dance'. Type help to hear the commands." in text
    assert "There is no meeting number 999; type list to hear the numbers." in text


def test_end_of_input_leaves_quietly(demo_service) -> None:
    text = run_script(demo_service, ["list"])
    assert text.rstrip().endswith("Goodbye.")


def test_open_by_choosing_from_a_numbered_list(demo_service) -> None:
    text = run_script(demo_service, ["open", "x", "2", "quit"])
    assert "Type a number from 1 to" in text
    assert "'x' is not one of the numbers." in text
    assert "Agenda:" in text


def test_naughty_titles_come_out_without_escapes(service) -> None:
    from datetime import datetime

    from coprod_meet.domain.model import Meeting

    for n, title in enumerate(["\x1b]0;pwned\x07Evil", "[bold]x[/]", "<script>alert(1)</script>"]):
        service.save_meeting(
            Meeting(group_id="g", group_name="G\u202eroup", title=title, start=datetime(2026, 1, 1 + n, 10),
                    end=datetime(2026, 1, 1 + n, 11))
        )
    text = run_script(service, ["list", "open 1", "quit"])
    assert_plain(text)
    assert "[bold]x[/]" in text and "<script>alert(1)</script>" in text


def test_plain_flag_from_the_command_line(archive_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "coprod_meet", "--plain", "--archive", str(archive_dir), "--create"],
        input="help\nquit\n", capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "coprod-meet line mode." in result.stdout
    assert_plain(result.stdout)
