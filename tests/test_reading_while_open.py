"""Reading while a meeting runs (issue 15, point 6).

Commands that only read work while another process (the app) holds the archive's lock, and
read a consistent state: every file is replaced whole, so a reader sees the old file or the new
one, never half. They write nothing then (not even the catalogue or index they would heal).
Commands that write are still refused in one plain sentence.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_meet.cli import main
from coprod_meet.domain.errors import UserError
from coprod_meet.services.archive import ArchiveService
from tests.test_lookups import demo_archive  # noqa: F401  (a fixture: the demo archive, closed)

WRITER = Path(__file__).parent / "helpers" / "writer.py"


def start_writer(root: Path, *workload: str) -> subprocess.Popen:
    """The app's part, played by a real second process holding the archive open."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen([sys.executable, str(WRITER), str(root), *workload], stdout=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout.readline().strip() == "ready"
    return proc


def stop(proc: subprocess.Popen) -> None:
    proc.kill()
    proc.wait()


def files_as_they_are(root: Path) -> dict[str, tuple[int, int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_ino, p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_reading_commands_work_while_the_app_holds_the_archive_and_write_nothing(demo_archive, capsys) -> None:
    root = str(demo_archive)
    with ArchiveService.open(demo_archive) as service:
        meeting = service.list_meetings()[-1]
        group = meeting.group_name
    before_out = {argv: run(capsys, *argv, "--archive", root)[1]
                  for argv in (("meetings",), ("decisions",), ("actions",), ("members",))}
    holder = start_writer(demo_archive, "hold")
    try:
        # A temp file of a write the app has under way must be left alone by a reader.
        in_flight = demo_archive / "meetings" / ".in-flight.0123456789ab.tmp"
        in_flight.write_bytes(b"{")
        before = files_as_they_are(demo_archive)
        for argv in (("meetings",), ("decisions",), ("actions",), ("members",)):
            code, out, err = run(capsys, *argv, "--archive", root)
            assert code == 0 and err == "", (argv, err)
            assert out == before_out[argv]  # the same state as when nobody had it open
        for argv in (("meetings", "--json"), ("decisions", "--json"), ("actions", "--json", "--overdue"),
                     ("trends", "--group", group, "--json"), ("minutes", meeting.id[:8]),
                     ("minutes", meeting.id, "--format", "txt"), ("export-meeting", meeting.id, "-o",
                                                                   str(demo_archive.parent / "one.json"))):
            code, out, err = run(capsys, *argv, "--archive", root)
            assert code == 0 and "Traceback" not in err, (argv, err)
            if "--json" in argv:
                assert json.loads(out) is not None
        code, out, _ = run(capsys, "check", "--archive", root)
        assert code == 0 and out.startswith("All ") and "sound" in out
        assert files_as_they_are(demo_archive) == before  # nothing written, nothing removed
        # Writers are refused plainly.
        for argv in (("demo", "--meetings", "1"), ("import", str(demo_archive.parent / "one.json"))):
            code, out, err = run(capsys, *argv, "--archive", root)
            assert code == 1 and err.startswith("coprod-meet: This archive is already open in another coprod-meet")
            assert err.count("\n") == 1
        assert files_as_they_are(demo_archive) == before
    finally:
        stop(holder)


def test_a_reader_sees_whole_states_while_the_app_writes(demo_archive, capsys) -> None:
    root = str(demo_archive)
    with ArchiveService.open(demo_archive) as service:
        meeting = service.list_meetings()[0]
    writer = start_writer(demo_archive, "update", meeting.id, "0")
    try:
        assert writer.stdout.readline().startswith("ack")
        titles = set()
        for _ in range(6):
            code, out, err = run(capsys, "meetings", "--archive", root, "--json")
            assert code == 0 and err == ""
            listed = {m["id"]: m for m in json.loads(out)}
            titles.add(listed[meeting.id]["title"])
            code, out, err = run(capsys, "decisions", "--archive", root, "--json")
            assert code == 0 and err == "" and json.loads(out)
        assert all(t.startswith("Title ") for t in titles)  # each a title the app saved
    finally:
        stop(writer)


def test_a_change_through_a_reader_is_refused_in_plain_words(demo_archive) -> None:
    holder = start_writer(demo_archive, "hold")
    try:
        before = files_as_they_are(demo_archive)
        with ArchiveService.open_to_read(demo_archive) as service:
            assert service.only_read
            group = service.groups()[0]
            meeting = service.get_meeting(service.list_meetings()[0].id)
            for change in (lambda: service.save_group(group), lambda: service.save_meeting(meeting)):
                with pytest.raises(UserError) as refused:
                    change()
                assert str(refused.value) == ("The app has this archive open, so this command can only read it; "
                                              "close the app first, then try again.")
            assert service.get_meeting(meeting.id) == meeting  # what is read is still the file as it is
        assert files_as_they_are(demo_archive) == before
    finally:
        stop(holder)
    with ArchiveService.open_to_read(demo_archive) as service:  # free again: opened as usual
        assert not service.only_read
