"""Merging laptops without blending (issue 15 point 5) and archives that are not there (point 7)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from coprod_meet.cli import main
from coprod_meet.domain.model import Group, Member, VoiceGroup
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import build_demo
from coprod_meet.services.merge import export_meeting, import_paths


def make_archive(root: Path, seed: int = 3, salt: int = 0, meetings: int = 4) -> ArchiveService:
    service = ArchiveService.open(root)
    groups, items = build_demo(meetings=meetings, seed=seed, id_salt=salt)
    for g in groups:
        service.save_group(g)
    service.write_whole_meetings(items)
    return service


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_group_with_the_same_name_and_another_id_is_reported_not_added(tmp_path: Path) -> None:
    here = make_archive(tmp_path / "here")
    make_archive(tmp_path / "there", seed=3, salt=12345).close()  # the same story, other ids
    names_before = sorted(g.name for g in here.groups())
    report = import_paths(here, [tmp_path / "there"])
    assert sorted(g.name for g in here.groups()) == names_before  # never a second group of a name
    assert not report.added and sorted(report.same_name_groups) == names_before
    assert report.lines()[0] == "Nothing was imported."  # not "nothing new": it was left out, and why follows
    assert any(p.startswith("The group Better Together Board being imported has the same name as a group here but "
                            "is a different group, so it and its 2 meetings were not imported; to merge the two "
                            "into one group, import again with --merge-groups.") for p in report.problems)
    assert len(here.list_meetings()) == 4
    # Asked to merge: the meetings come into the group here, the members join it.
    report = import_paths(here, [tmp_path / "there"], merge_groups=True)
    assert sorted(report.groups_merged) == names_before and not report.problems
    assert sorted(g.name for g in here.groups()) == names_before
    assert len(here.list_meetings()) == 8
    ids = {g.id for g in here.groups()}
    assert all(m.group_id in ids for m in here.list_meetings())
    board = next(g for g in here.groups() if g.name == "Better Together Board")
    assert sum(1 for m in here.list_meetings() if m.group_id == board.id) == 4
    # the same names on both laptops are kept as two people, with a word
    assert any("Both laptops have a member called" in n for n in report.notes)
    here.close()


def test_an_import_that_leaves_things_out_never_says_there_was_nothing_new(tmp_path: Path) -> None:
    here = make_archive(tmp_path / "here")
    make_archive(tmp_path / "there", seed=3, salt=12345).close()  # the same story, other ids
    ours = export_meeting(here, here.list_meetings()[0].id, tmp_path / "ours.json")  # already here
    report = import_paths(here, [ours, tmp_path / "there"])
    assert report.unchanged == 1 and report.same_name_groups
    assert report.lines()[0] == "Nothing new was imported; 1 meeting was already here."
    assert import_paths(here, [ours]).lines() == [
        "Nothing new: this archive already had everything in the 1 meeting file read."]
    here.close()


def test_two_copies_of_one_meeting_id_with_another_group_or_date_are_refused(tmp_path: Path) -> None:
    here = make_archive(tmp_path / "here")
    meeting = here.get_meeting(here.list_meetings()[0].id)
    moved = replace(meeting, start=meeting.start + timedelta(days=3), end=meeting.end + timedelta(days=3))
    other = ArchiveService.open(tmp_path / "there")
    for g in here.groups():
        other.save_group(g)
    other.save_meeting(moved)
    other.close()
    before = here.get_meeting(meeting.id)
    report = import_paths(here, [tmp_path / "there"])
    assert here.get_meeting(meeting.id) == before
    assert any(p.startswith(f"The meeting {meeting.title} was not imported: this archive has a meeting with the "
                            "same id but another date") for p in report.problems)
    # two files being imported that disagree about one meeting are refused too
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    export_meeting(here, meeting.id, one)
    with ArchiveService.open(tmp_path / "there") as service:
        export_meeting(service, meeting.id, two)
    fresh = ArchiveService.open(tmp_path / "fresh")
    report = import_paths(fresh, [one, two])
    assert not fresh.list_meetings()
    assert any("another file being imported has a meeting with the same id but another date" in p
               for p in report.problems)
    fresh.close()
    here.close()


def test_cli_import_merge_groups_and_check_reports_same_names(tmp_path: Path, capsys) -> None:
    make_archive(tmp_path / "here").close()
    make_archive(tmp_path / "there", salt=99).close()
    code, out, err = run(capsys, "import", "--archive", str(tmp_path / "here"), str(tmp_path / "there"))
    assert code == 1 and "import again with --merge-groups." in err
    code, out, err = run(capsys, "import", "--archive", str(tmp_path / "here"), str(tmp_path / "there"),
                         "--merge-groups")
    assert (code, err) == (0, "")
    assert "Merged the other laptop's group Better Together Board into the group of that name here." in out
    assert run(capsys, "check", "--archive", str(tmp_path / "here"))[0] == 0
    # An archive that already has two groups of one name (from an older version) is reported.
    with ArchiveService.open(tmp_path / "here") as service:
        service.save_group(Group(name="Better Together Board", members=(Member(name="Al", voice_group=VoiceGroup.CARER),)))
        assert [g.name for g in service.groups()].count("Better Together Board") == 2
    code, out, _ = run(capsys, "check", "--archive", str(tmp_path / "here"))
    assert code == 1 and "2 groups are called Better Together Board (ids starting " in out


def test_two_demo_archives_merge_into_two_of_each_only_when_asked(tmp_path: Path, capsys) -> None:
    for name in ("a", "b"):
        assert run(capsys, "demo", "--archive", str(tmp_path / name), "--meetings", "4")[0] == 0
    code, out, err = run(capsys, "import", "--archive", str(tmp_path / "a"), str(tmp_path / "b"))
    assert code == 1 and "same name as a group here" in err
    assert out.strip() == "Nothing was imported."
    _, out, _ = run(capsys, "meetings", "--archive", str(tmp_path / "a"), "--json")
    assert len(json.loads(out)) == 4 + 2  # its own past meetings and the two to run next


# -- archives that are not there ------------------------------------------------------------


def test_a_mistyped_archive_folder_is_not_made_silently(tmp_path: Path, capsys) -> None:
    wrong = tmp_path / "archvie"
    code, out, err = run(capsys, "meetings", "--archive", str(wrong))
    assert (code, out) == (1, "")
    assert err == (f"coprod-meet: There is no archive at {wrong}; check the folder name, or add --create to make "
                   "a new, empty one there.\n")
    assert not wrong.exists()
    code, out, err = run(capsys, "meetings", "--archive", str(wrong), "--create")
    assert (code, err) == (0, "") and (wrong / "catalogue.sqlite").exists()
    # now it is an archive: no --create needed
    assert run(capsys, "meetings", "--archive", str(wrong))[0] == 0


def test_a_folder_of_other_files_is_not_taken_for_an_archive(tmp_path: Path, capsys) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "letter.txt").write_text("hello", encoding="utf-8")
    code, out, err = run(capsys, "meetings", "--archive", str(documents))
    assert code == 1 and "holds other files and is not a coprod-meet archive" in err
    assert sorted(p.name for p in documents.iterdir()) == ["letter.txt"]


def test_an_empty_folder_and_the_user_data_folder_are_made_into_archives(tmp_path: Path, capsys) -> None:
    import os

    empty = tmp_path / "new-archive"
    empty.mkdir()
    assert run(capsys, "meetings", "--archive", str(empty))[0] == 0
    # The default archive in the user data folder is made on first run, as a new user expects.
    default = Path(os.environ["XDG_DATA_HOME"]) / "coprod-meet" / "archive"
    assert not default.exists()
    assert run(capsys, "meetings")[0] == 0
    assert (default / "catalogue.sqlite").exists()


def test_the_environment_folder_is_checked_like_a_named_one(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("COPROD_MEET_ARCHIVE", str(tmp_path / "typo"))
    code, _, err = run(capsys, "meetings")
    assert code == 1 and "There is no archive at" in err
    # demo makes its archive wherever it is pointed
    assert run(capsys, "demo", "--meetings", "2")[0] == 0
    assert (tmp_path / "typo" / "catalogue.sqlite").exists()
