"""`coprod-meet minutes` and the minutes service over a real archive."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as read_docx

from coprod_meet.cli import main
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.minutes import MinutesService
from tests.scenario import store


@pytest.fixture
def scenario_archive(archive_dir: Path) -> tuple[Path, str]:
    with ArchiveService.open(archive_dir) as service:
        meeting_id = store(service)
    return archive_dir, meeting_id


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_markdown_to_the_screen_by_default_with_the_report_after(scenario_archive, capsys) -> None:
    archive, meeting_id = scenario_archive
    code, out, err = run(capsys, "minutes", meeting_id[:8], "--archive", str(archive))
    assert code == 0
    assert out.startswith("# Minutes: Better Together Board: March 2026\n")
    assert "Jo Clark will ask providers for evening break options by Thursday 26 March 2026." in out
    assert "Readability: meets the goals for this copy." in err and "Flesch reading ease" in err
    # the service found the group's January "you said" and the April meeting
    assert "In January 2026, Priya said buses stop too early." in out
    assert "The next meeting is on Thursday 9 April 2026 at 2pm." in out


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "docx", "ics"])
def test_every_format_to_a_file(scenario_archive, capsys, tmp_path: Path, fmt: str) -> None:
    archive, meeting_id = scenario_archive
    target = tmp_path / f"out.{fmt}"
    code, out, err = run(capsys, "minutes", meeting_id, "--format", fmt, "--copy", "public", "--easy-read",
                         "-o", str(target), "--archive", str(archive))
    assert code == 0, err
    assert out.startswith(f"Wrote the easy read public copy as ") and str(target) in out
    data = target.read_bytes()
    if fmt == "docx":
        text = "\n".join(p.text for p in read_docx(io.BytesIO(data)).paragraphs)
    else:
        text = data.decode("utf-8")
    assert "Jo Clark" in text and "Sam" not in text
    if fmt == "ics":
        assert "The calendar has 2 dates." in out
    else:
        assert "No sentence is over 15 words." in out


def test_word_needs_a_file(scenario_archive, capsys) -> None:
    archive, meeting_id = scenario_archive
    code, out, err = run(capsys, "minutes", meeting_id, "--format", "docx", "--archive", str(archive))
    assert code == 2 and out == ""
    assert err.strip() == "coprod-meet: A Word file cannot be shown on the screen; add -o FILE, such as -o minutes.docx."


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["minutes", "nope"], 1, "No meeting id starts with 'nope'"),
        (["minutes", "x", "--format", "pdf"], 2, "That is not one of the choices"),
        (["minutes", "x", "--copy", "everyone"], 2, "That is not one of the choices"),
        (["minutes"], 2, "Something is missing"),
    ],
)
def test_bad_input_gets_one_plain_sentence(scenario_archive, capsys, args, code, message) -> None:
    archive, _ = scenario_archive
    if code == 2:
        with pytest.raises(SystemExit) as caught:
            main([*args, "--archive", str(archive)])
        got = caught.value.code
    else:
        got = main([*args, "--archive", str(archive)])
    _out, err = capsys.readouterr()
    assert got == code
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_a_folder_that_does_not_exist(scenario_archive, capsys, tmp_path: Path) -> None:
    archive, meeting_id = scenario_archive
    code, out, err = run(capsys, "minutes", meeting_id, "-o", str(tmp_path / "missing" / "m.md"),
                         "--archive", str(archive))
    assert code == 1
    assert "does not exist; please choose a folder that does." in err and err.count("\n") == 1


def test_export_suggests_a_file_name(scenario_archive) -> None:
    archive, meeting_id = scenario_archive
    with ArchiveService.open(archive) as service:
        export = MinutesService(service).export(meeting_id, "html", copy="public", easy_read=True)
    assert export.suggested_name == "minutes-2026-03-12-public-easy-read.html"
    assert export.describe() == "the easy read public copy as a web page (HTML)"


def test_an_existing_file_is_replaced_only_with_force(scenario_archive, capsys, tmp_path: Path) -> None:
    archive, meeting_id = scenario_archive
    target = tmp_path / "minutes.md"
    target.write_text("my own notes, not minutes\n", encoding="utf-8")
    code, out, err = run(capsys, "minutes", meeting_id, "-o", str(target), "--archive", str(archive))
    assert code == 1 and out == ""
    assert f"There is already a file called {target}; add --force to replace it" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "my own notes, not minutes\n"
    assert not list(tmp_path.glob(".*.part"))
    code, out, err = run(capsys, "minutes", meeting_id, "-o", str(target), "--force", "--archive", str(archive))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("# Minutes: Better Together Board")


def test_the_service_never_replaces_a_file_unless_told(scenario_archive, tmp_path: Path) -> None:
    from coprod_meet.services.minutes import FileExists

    archive, meeting_id = scenario_archive
    target = tmp_path / "m.txt"
    with ArchiveService.open(archive) as service:
        export = MinutesService(service).export(meeting_id, "txt")
    MinutesService.write(export, target)
    target.write_text("changed by hand", encoding="utf-8")
    with pytest.raises(FileExists):
        MinutesService.write(export, target)
    assert target.read_text(encoding="utf-8") == "changed by hand"
    MinutesService.write(export, target, replace=True)
    assert target.read_bytes() == export.data
