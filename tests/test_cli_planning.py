"""The plan and members commands: plain output, plain errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_meet.cli import main
from coprod_meet.services.archive import ArchiveService
from tests.scenario import board_archive

MEETINGS = Path(__file__).resolve().parents[1] / "meetings"


@pytest.fixture
def board_dir(archive_dir: Path) -> Path:
    with ArchiveService.open(archive_dir) as service:
        board_archive(service)
    return archive_dir


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_prints_the_id_and_date_in_words(board_dir: Path, capsys) -> None:
    code, out, err = run(capsys, "plan", "--archive", str(board_dir), "--template",
                         str(MEETINGS / "board-co-chaired.toml"), "--when", "Thursday 12 March 2026 at 2pm",
                         "--group", "better together board", "--past")
    assert (code, err) == (0, "")
    assert "Planned Board meeting for Better Together Board on Thursday 12 March 2026 at 2pm." in out
    meeting_id = out.split("Meeting id: ")[1].split()[0]
    assert "Carried forward from earlier meetings: 3 items." in out
    with ArchiveService.open(board_dir) as service:
        meeting = service.get_meeting(meeting_id)
        assert meeting.group_name == "Better Together Board"
        assert sum(1 for i in meeting.agenda if i.carried_from) == 3


def test_plan_the_example_meeting_warns_in_words_and_repeats(board_dir: Path, capsys) -> None:
    code, out, _err = run(capsys, "plan", "--archive", str(board_dir), "--template",
                          str(MEETINGS / "example-meeting.toml"), "--repeat", "every 2nd Thursday of the month",
                          "--count", "2", "--past")
    assert code == 0
    assert "on Thursday 12 March 2026 at 2pm." in out
    assert "Warning: The agenda is 10 minutes longer than the meeting." in out
    assert "Warning: Papers for item 5 went out 2 days before — members asked for a week." in out
    assert "Also planned 2 more, every month on the second Thursday:" in out
    assert "- Thursday 9 April 2026 at 2pm |" in out and "- Thursday 14 May 2026 at 2pm |" in out
    code, out, _err = run(capsys, "meetings", "--archive", str(board_dir), "--json")
    assert len(json.loads(out)) == 4


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--when", "the day after never", "--group", "Better Together Board"], "I could not understand"),
        (["--when", "tomorrow 2pm", "--group", "Nobody"], "There is no group called 'Nobody'"),
        (["--when", "tomorrow 2pm"], "Please say which group"),
        (["--group", "Better Together Board"], "Please say when the meeting is"),
        (["--when", "tomorrow", "--group", "Better Together Board", "--repeat", "now and then"], "as a way to repeat"),
    ],
)
def test_plan_mistakes_get_one_plain_sentence(board_dir: Path, capsys, args: list[str], words: str) -> None:
    code, out, err = run(capsys, "plan", "--archive", str(board_dir), "--template",
                         str(MEETINGS / "co-production-group.toml"), *args)
    assert code == 1 and out == ""
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
    with ArchiveService.open(board_dir) as service:
        assert len(service.list_meetings()) == 1  # nothing was planned


def test_plan_with_a_broken_template_names_file_and_line(board_dir: Path, tmp_path: Path, capsys) -> None:
    broken = tmp_path / "mine.toml"
    broken.write_text('title = "Mine"\n[[item]]\ntitle = "Welcome\n', encoding="utf-8")
    code, out, err = run(capsys, "plan", "--archive", str(board_dir), "--template", str(broken), "--when",
                         "tomorrow", "--group", "Better Together Board")
    assert code == 1 and out == ""
    assert err.startswith("coprod-meet: The template mine.toml has a mistake on line 3")
    code, _out, err = run(capsys, "plan", "--archive", str(board_dir), "--template", str(tmp_path / "gone.toml"),
                          "--when", "tomorrow", "--group", "Better Together Board")
    assert code == 1 and "There is no template file" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--when", "tomorrow"], "Something is missing (--template)"),
        (["--template", "x.toml", "--count", "many"], "--count needs a whole number"),
    ],
)
def test_plan_arguments_we_cannot_use_exit_2(board_dir: Path, capsys, args: list[str], words: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["plan", "--archive", str(board_dir), *args])
    assert caught.value.code == 2
    assert words in capsys.readouterr().err


def test_members_lists_and_prints_json(board_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "members", "--archive", str(board_dir), "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 10
    assert set(rows[0]) == {"id", "name", "group", "voice_group", "naming"}
    by_name = {r["name"]: r for r in rows}
    assert by_name["Sam"]["naming"] == "not_named" and by_name["Tom"]["naming"] == "role"
    assert by_name["Priya"]["naming"] == "first" and by_name["Hayley"]["naming"] == "full"
    assert by_name["Tom"]["voice_group"] == "carer"
    assert {r["naming"] for r in rows} <= {"full", "first", "role", "not_named"}
    code, out, _ = run(capsys, "members", "--archive", str(board_dir), "--group", "Better Together Board")
    assert code == 0 and "Better Together Board | Sam | lived experience | named: not named" in out
    code, _out, err = run(capsys, "members", "--archive", str(board_dir), "--group", "Nope")
    assert code == 1 and "There is no group called 'Nope'" in err


def test_members_of_an_empty_archive(archive_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "members", "--archive", str(archive_dir), "--create")
    assert code == 0 and "There are no members yet." in out
    code, out, _ = run(capsys, "members", "--archive", str(archive_dir), "--json")
    assert json.loads(out) == []
