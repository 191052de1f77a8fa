"""The coprod-meet command: version, demo, meetings, check, archive choice and plain errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from coprod_meet import __version__
from coprod_meet.cli import main
from coprod_meet.domain.dates import when_in_words
from coprod_meet.services.archive import ArchiveService

ROOT = Path(__file__).resolve().parents[1]


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as stop:  # --help, --version and usage errors stop in argparse
        code = stop.code
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def one_plain_sentence(err: str) -> str:
    """The error is one line, starting with the program's name, with no Python in it."""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("coprod-meet")
    for python in ("Traceback", "Error:", "usage:", "error:"):
        assert python not in err, err
    return err.strip()


def total(meetings: int, seed: int = 1) -> int:
    """How many meetings `demo` adds: the past ones, and each group's next one."""
    from coprod_meet.services.demo import build_demo

    return len(build_demo(meetings=meetings, seed=seed, upcoming=True)[1])


def listing(capsys, archive: Path) -> list[dict]:
    code, out, err = run(capsys, "meetings", "--archive", str(archive), "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def test_version(capsys) -> None:
    assert run(capsys, "--version") == (0, f"coprod-meet {__version__}\n", "")


def test_help_is_plain_and_lists_the_commands(capsys) -> None:
    code, out, err = run(capsys, "--help")
    assert (code, err) == (0, "")
    for command in ("demo", "meetings", "check", "--archive", "--version"):
        assert command in out


def test_demo_builds_a_realistic_archive(capsys, tmp_path: Path) -> None:
    archive = tmp_path / "a"
    code, out, err = run(capsys, "demo", "--archive", str(archive), "--meetings", "60", "--seed", "7")
    assert (code, err) == (0, "")
    assert out == f"Added 4 groups, 60 past meetings and 4 meetings to run next to {archive}.\n"
    with ArchiveService.open(archive) as service:
        groups = service.groups()
        meetings = service.list_meetings()
        assert 2 <= len(groups) <= 4
        assert len(meetings) == 64 == total(60, seed=7)
        for g in groups:
            assert 8 <= len(g.members) <= 15
            assert len({m.voice_group for m in g.members}) >= 3
            assert len({m.id for m in g.members}) == len(g.members)
        everyone = [m for g in groups for m in g.members]
        assert len({m.naming for m in everyone}) >= 3
        assert sum(bool(m.access_needs) for m in everyone) >= 3
        assert len({n for m in everyone for n in m.access_needs}) >= 4
        # Past meetings with agendas and full event logs.
        newest = next(service.get_meeting(m.id) for m in meetings if service.events(m.id))
        assert len(newest.agenda) >= 6 and len(newest.co_chair_ids) == 2
        kinds = Counter(e.type for e in service.events(newest.id))
        assert kinds["attendance"] == len(newest.roster)
        assert kinds["turn_started"] >= 5 and kinds["meeting_ended"] == 1
        assert service.check().sound


def test_demo_the_seed_fixes_the_story_not_the_ids(capsys, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert run(capsys, "demo", "--archive", str(a), "--meetings", "12", "--seed", "3")[0] == 0
    assert run(capsys, "demo", "--archive", str(b), "--meetings", "12", "--seed", "3")[0] == 0
    first, second = listing(capsys, a), listing(capsys, b)
    story = sorted((m["group"], m["title"], m["start"]) for m in first)
    assert story == sorted((m["group"], m["title"], m["start"]) for m in second)
    # Two demo archives never share an id: merging them cannot blend two meetings into one.
    assert not {m["id"] for m in first} & {m["id"] for m in second}
    with ArchiveService.open(a) as one, ArchiveService.open(b, lock=False) as two:
        assert [g.name for g in one.groups()] == [g.name for g in two.groups()]
        assert not {g.id for g in one.groups()} & {g.id for g in two.groups()}
    # Another seed gives another story.
    assert run(capsys, "demo", "--archive", str(tmp_path / "c"), "--meetings", "12", "--seed", "4")[0] == 0
    def names(root: Path) -> list[str]:
        with ArchiveService.open(root, lock=False) as service:
            return [m.name for g in service.groups() for m in g.members]

    assert names(a) == names(b)
    assert names(tmp_path / "c") != names(a)
    # A second demo into the same archive is refused: it would make groups with the same names.
    code, out, err = run(capsys, "demo", "--archive", str(a), "--meetings", "12", "--seed", "3")
    assert code == 1 and out == ""
    assert err.startswith("coprod-meet: This archive already has Better Together Board, ")
    assert err.endswith("make the demo in a new folder, such as --archive demo-2.\n")
    assert listing(capsys, a) == first
    with ArchiveService.open(a) as service:
        assert len(service.groups()) == 3


def test_meetings_lists_newest_first_in_json_and_in_words(capsys, tmp_path: Path) -> None:
    archive = tmp_path / "a"
    run(capsys, "demo", "--archive", str(archive), "--meetings", "10")
    rows = listing(capsys, archive)
    assert len(rows) == total(10)
    assert all(set(r) == {"id", "group", "title", "start"} for r in rows)
    starts = [datetime.fromisoformat(r["start"]) for r in rows]
    assert starts == sorted(starts, reverse=True)
    assert all(r["start"] == s.isoformat() for r, s in zip(rows, starts))
    code, out, err = run(capsys, "meetings", "--archive", str(archive))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines == [f"{when_in_words(s)} | {r['group']} | {r['title']} | {r['id']}" for r, s in zip(rows, starts)]


def test_meetings_in_an_empty_archive_says_what_to_do(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "meetings", "--archive", str(tmp_path / "new"), "--create")
    assert (code, err) == (0, "")
    assert out == "There are no meetings in this archive yet. Type coprod-meet demo to add some.\n"
    assert listing(capsys, tmp_path / "new") == []


def test_check_is_quiet_on_a_sound_archive_and_reports_a_broken_one(capsys, tmp_path: Path) -> None:
    archive = tmp_path / "a"
    run(capsys, "demo", "--archive", str(archive), "--meetings", "5")
    files = 5 + total(5)  # catalogue, groups, the three files of the index of decisions and actions, and the meetings
    assert run(capsys, "check", "--archive", str(archive)) == (0, f"All {files} files in the archive are sound.\n", "")
    victim = listing(capsys, archive)[2]["id"]
    path = archive / "meetings" / f"{victim}.json"
    path.write_bytes(path.read_bytes()[:100])
    code, out, err = run(capsys, "check", "--archive", str(archive))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == f"I checked {files} files and found 1 problem:"
    assert lines[1].startswith(f"- {victim}.json could not be read (the file is cut short); it was moved aside to quarantine/")
    assert len(lines) == 2
    assert not path.exists()
    assert len(listing(capsys, archive)) == total(5) - 1
    # The file stays in quarantine, and check keeps saying so until someone looks at it.
    code, out, _ = run(capsys, "check", "--archive", str(archive))
    assert code == 1 and "moved aside earlier" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--bogus"], "coprod-meet: I do not know '--bogus'; type coprod-meet --help to see what you can type."),
        (["frobnicate"], "coprod-meet: That is not one of the choices ({commands}); "
                         "type coprod-meet --help to see what you can type."),
        (["demo", "--meetings", "abc"], "coprod-meet demo: --meetings needs a whole number, such as 1; "
                                        "type coprod-meet --help to see what you can type."),
        (["demo", "--meetings", "-5"], "coprod-meet demo: --meetings must be between 0 and 100000; "
                                       "type coprod-meet --help to see what you can type."),
        (["demo", "--meetings"], "coprod-meet demo: --meetings needs a value after it; "
                                 "type coprod-meet --help to see what you can type."),
        (["demo", "--seed", "x"], "coprod-meet demo: --seed needs a whole number; "
                                  "type coprod-meet --help to see what you can type."),
        (["meetings", "--json", "extra"], "coprod-meet: I do not know 'extra'; "
                                          "type coprod-meet --help to see what you can type."),
        (["--archive"], "coprod-meet: --archive needs a value after it; "
                        "type coprod-meet --help to see what you can type."),
    ],
)
def test_bad_arguments_get_one_plain_sentence_and_exit_2(capsys, args, expected) -> None:
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert one_plain_sentence(err) == expected.format(commands=", ".join(repr(c) for c in commands()))


def commands() -> list[str]:
    from coprod_meet.cli import build_parser

    [sub] = [a for a in build_parser()._actions if a.dest == "command"]
    names = list(sub.choices)
    assert names[:2] == ["demo", "meetings"] and "check" in names
    return names


def test_an_unusable_archive_folder_is_one_plain_sentence_and_exit_1(capsys, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    code, out, err = run(capsys, "meetings", "--archive", str(tmp_path / "file"))
    assert (code, out) == (1, "")
    assert one_plain_sentence(err) == (
        f"coprod-meet: {tmp_path / 'file'} is a file, not a folder; please give a folder for the archive."
    )
    code, _, err = run(capsys, "check", "--archive", str(tmp_path / "file" / "below"))
    assert code == 1
    assert one_plain_sentence(err).endswith("cannot be created or opened; check the path and its permissions.")


def test_an_os_error_is_a_plain_sentence_not_a_traceback(capsys, tmp_path: Path, monkeypatch) -> None:
    from coprod_meet.services import archive as services

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "a" / "catalogue.json"))

    monkeypatch.setattr(services, "Archive", refuse)
    code, out, err = run(capsys, "meetings", "--archive", str(tmp_path / "a"), "--create")
    assert (code, out) == (1, "")
    assert one_plain_sentence(err) == (
        f"coprod-meet: A file of the archive could not be used ({tmp_path / 'a' / 'catalogue.json'}): "
        "permission denied; check the archive folder and its permissions."
    )


def test_the_archive_comes_from_the_option_then_the_environment_then_the_user_data_folder(
    capsys, tmp_path: Path, monkeypatch
) -> None:
    # conftest points XDG_DATA_HOME at a temp folder, so the default is there.
    default = Path(os.environ["XDG_DATA_HOME"]) / "coprod-meet" / "archive"
    run(capsys, "demo", "--meetings", "2", "--seed", "1")
    assert (default / "catalogue.sqlite").exists()
    assert len(listing_default(capsys)) == total(2)

    env_archive = tmp_path / "from-env"
    monkeypatch.setenv("COPROD_MEET_ARCHIVE", str(env_archive))
    run(capsys, "demo", "--meetings", "3", "--seed", "2")
    assert len(listing(capsys, env_archive)) == total(3, seed=2)
    assert len(listing_default(capsys)) == total(3, seed=2)  # the environment now wins over the default

    option = tmp_path / "from-option"
    run(capsys, "--archive", str(option), "demo", "--meetings", "4")  # before the command
    run(capsys, "demo", "--meetings", "1", "--seed", "9", "--archive", str(tmp_path / "after"))  # or after it
    assert len(listing(capsys, option)) == total(4)
    assert len(listing(capsys, tmp_path / "after")) == total(1, seed=9)
    assert len(listing(capsys, env_archive)) == total(3, seed=2)


def listing_default(capsys) -> list[dict]:
    code, out, err = run(capsys, "meetings", "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "coprod_meet", *args], capture_output=True, text=True,
                          cwd=ROOT, env=full, timeout=120)


def test_python_dash_m_is_the_same_command(tmp_path: Path) -> None:
    done = cli("--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"coprod-meet {__version__}\n", "")
    done = cli("demo", "--meetings", "3", env={"COPROD_MEET_ARCHIVE": str(tmp_path / "a")})
    assert done.returncode == 0 and done.stderr == ""
    done = cli("meetings", "--json", env={"COPROD_MEET_ARCHIVE": str(tmp_path / "a")})
    assert len(json.loads(done.stdout)) == total(3)


def test_console_script_gives_plain_errors_without_a_traceback(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("coprod-meet")
    done = subprocess.run([str(script), "meetings", "--nonsense"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert one_plain_sentence(done.stderr) == (
        "coprod-meet: I do not know '--nonsense'; type coprod-meet --help to see what you can type."
    )
    done = subprocess.run([str(script), "check", "--archive", str(tmp_path / "new"), "--create"],
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (0, "All 2 files in the archive are sound.\n", "")


def test_no_command_opens_the_app_on_the_chosen_archive(capsys, tmp_path: Path, monkeypatch) -> None:
    from coprod_meet.tui.app import CoprodMeetApp

    opened: list[tuple[Path, int]] = []

    def fake_run(app: CoprodMeetApp, *args, **kwargs) -> None:
        opened.append((app.service.root, len(app.service.list_meetings())))

    monkeypatch.setattr(CoprodMeetApp, "run", fake_run)
    archive = tmp_path / "a"
    run(capsys, "demo", "--archive", str(archive), "--meetings", "3")
    assert run(capsys, "--archive", str(archive)) == (0, "", "")
    assert opened == [(archive, total(3))]
    # The app let go of the archive when it closed.
    ArchiveService.open(archive).close()
