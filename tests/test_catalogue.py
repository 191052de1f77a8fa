"""The catalogue of meetings in SQLite (storage/catalogue.py): the first screen reads only its
first lines, after a clean close or a crash alike, and the list is never wrong because of it."""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import build_demo
from coprod_meet.storage import read_model
from coprod_meet.storage.catalogue import CATALOGUE_FILE, Catalogue
from coprod_meet.storage.durable import CorruptFile
from coprod_meet.tui.app import CoprodMeetApp


@pytest.fixture(autouse=True)
def _small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_model, "PAGE", 5)


def make(archive_dir: Path, meetings: int = 12) -> list[str]:
    """An archive of ``meetings``; their ids newest first."""
    with ArchiveService.open(archive_dir) as service:
        groups, items = build_demo(meetings=meetings, seed=3)
        for g in groups:
            service.save_group(g)
        service.write_whole_meetings(items)
        return [m.id for m in service.list_meetings()]


def settle(archive_dir: Path) -> None:
    """Make the meetings folder look last changed a minute ago, as a day-old archive's is."""
    when = time.time_ns() - 60 * 1_000_000_000
    os.utime(archive_dir / "meetings", ns=(when, when))


def crash(service: ArchiveService) -> None:
    """As if the process died here: nothing more is written, the lock goes with the process."""
    service.archive._lock.release()
    service.archive._lock = None


def test_the_first_screen_reads_only_the_first_lines_and_scrolling_reads_the_rest(archive_dir: Path) -> None:
    ids = make(archive_dir)
    with ArchiveService.open(archive_dir) as service:
        rows = service.newest_first()
        assert len(rows) == len(ids)
        assert [m.id for m in rows[:5]] == ids[:5]
        assert service.archive._newest is None  # the first screen needed nothing more
        # Past the first lines the whole list is read, in the same order.
        assert [m.id for m in rows[:len(ids)]] == ids
        assert service.archive._newest is not None
        assert rows[7] == service.list_meetings()[7]


def test_after_a_crash_the_list_is_whole_and_up_to_date(archive_dir: Path) -> None:
    ids = make(archive_dir)
    with ArchiveService.open(archive_dir) as service:
        meeting = service.get_meeting(ids[0])
        service.save_meeting(replace(meeting, title="Renamed at the last minute"))
        crash(service)
    with ArchiveService.open(archive_dir) as service:
        assert service.problems == []
        rows = service.newest_first()
        assert rows[0].title == "Renamed at the last minute"
        assert [m.id for m in rows[:len(ids)]] == ids


def test_a_file_copied_into_the_meetings_folder_is_listed(archive_dir: Path, tmp_path: Path) -> None:
    make(archive_dir)
    other = tmp_path / "other"
    with ArchiveService.open(other) as service:
        groups, items = build_demo(meetings=1, seed=9)
        service.write_whole_meetings(items)
        [extra] = service.list_meetings()
    (archive_dir / "meetings" / f"{extra.id}.json").write_bytes((other / "meetings" / f"{extra.id}.json").read_bytes())
    with ArchiveService.open(archive_dir) as service:
        assert extra.id in [m.id for m in service.newest_first()[:13]]


@pytest.mark.parametrize("damage", [b"", b"{not a database", "first page only"])
def test_an_emptied_or_damaged_catalogue_is_made_again_from_the_meeting_files(archive_dir: Path, damage) -> None:
    ids = make(archive_dir)
    path = archive_dir / CATALOGUE_FILE
    path.write_bytes(path.read_bytes()[:4096] if damage == "first page only" else damage)
    with ArchiveService.open(archive_dir) as service:
        assert [m.id for m in service.newest_first()[:12]] == ids
        # An empty file is only a new catalogue; anything else was moved aside and said.
        assert [p.path.name for p in service.problems] == ([] if damage == b"" else [CATALOGUE_FILE])
    with ArchiveService.open(archive_dir) as service:  # made again on disk, not only in memory
        assert [m.id for m in service.newest_first()[:12]] == ids
        assert service.problems == []


def _spoil_its_table(archive_dir: Path) -> None:
    """Damage the table of lines but not the index the count reads (the file's second page)."""
    path = archive_dir / CATALOGUE_FILE
    raw = path.read_bytes()
    path.write_bytes(raw[:4096] + b"\xff" * 4096 + raw[8192:])


def test_damage_found_while_listing_is_said_and_the_list_made_again(archive_dir: Path) -> None:
    ids = make(archive_dir)
    _spoil_its_table(archive_dir)
    with ArchiveService.open(archive_dir) as service:
        assert [m.id for m in service.newest_first()[:12]] == ids
        assert [p.path.name for p in service.problems] == [CATALOGUE_FILE]
        assert "moved aside" in str(service.problems[0])


def test_check_finds_damage_the_open_did_not_read_and_makes_the_list_again(archive_dir: Path) -> None:
    ids = make(archive_dir, meetings=150)
    settle(archive_dir)  # so the open looks at no meeting file (and reads no old line)
    path = archive_dir / CATALOGUE_FILE
    raw = path.read_bytes()
    # A page of old lines spoilt: the open reads only the newest lines and the count, so it
    # does not notice; `check` reads every page.
    for start in range(len(raw) - 4096, 4096, -4096):
        spoilt = raw[:start] + b"\xff" * 4096 + raw[start + 4096:]
        path.write_bytes(spoilt)
        try:
            found = Catalogue(path)
        except CorruptFile:
            continue
        with closing(found):
            if found.problem() is not None:
                break
    else:
        pytest.fail("no page whose damage only a check finds")
    with ArchiveService.open(archive_dir) as service:
        assert service.problems == []
        report = service.check()
        assert [p.path.name for p in report.problems] == [CATALOGUE_FILE]
        assert report.problems[0].moved_to.read_bytes() == spoilt
        assert [m.id for m in service.list_meetings()] == ids
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_files_of_the_json_days_left_beside_the_catalogue_are_removed(archive_dir: Path) -> None:
    ids = make(archive_dir)
    # A crash after the lines were brought over but before the old file was removed.
    (archive_dir / "catalogue.json").write_text('{"_meta": {"1": {"schema": 1, "kind": "catalogue"}}, '
                                                '"meetings": {"1": {"id": "gone", "title": "Old"}}}')
    (archive_dir / "first-page.json").write_text("{}")  # kept by earlier versions on a clean close
    with ArchiveService.open(archive_dir) as service:
        assert [m.id for m in service.list_meetings()] == ids
    assert not (archive_dir / "catalogue.json").exists()
    assert not (archive_dir / "first-page.json").exists()


def test_reading_while_the_app_has_it_open_puts_the_list_right_in_memory_only(archive_dir: Path) -> None:
    ids = make(archive_dir, meetings=3)
    groups, items = build_demo(meetings=1, seed=9)
    [(extra, events)] = items
    with ArchiveService.open(archive_dir) as app:
        # A meeting file the catalogue does not list yet (as a crash between the two writes leaves).
        app.archive.write_meeting_whole(extra.to_dict(), [e.to_dict() for e in events])
        before = (archive_dir / CATALOGUE_FILE).read_bytes()
        with ArchiveService.open_to_read(archive_dir) as reader:
            assert reader.only_read
            assert sorted(m.id for m in reader.list_meetings()) == sorted([*ids, extra.id])
        assert (archive_dir / CATALOGUE_FILE).read_bytes() == before


def test_lines_another_tool_left_without_text_still_list(archive_dir: Path) -> None:
    ids = make(archive_dir, meetings=3)
    with ArchiveService.open(archive_dir) as service:
        service.archive.index_meeting({"id": ids[0], "title": None, "group_name": 7, "start": "not a date"})
        rows = service.list_meetings()
        assert [m.id for m in rows] == ids[1:]  # a line whose start is not a date is not shown
        assert len(service.newest_first()) == 3


async def test_the_meetings_screen_opens_from_the_first_lines_and_scrolls_past_them(archive_dir: Path) -> None:
    ids = make(archive_dir)
    with ArchiveService.open(archive_dir) as service:
        app = CoprodMeetApp(service)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            table = app.screen.query_one("DataTable")
            assert table.row_count == len(ids)
            for _ in range(len(ids) - 1):
                await pilot.press("down")
            assert app.screen.chosen_id() == ids[-1]
            assert "12 meetings" in str(app.screen.query_one("#meetings-summary").render())


def test_a_change_undone_by_a_crash_does_not_hide_a_meeting_file_written_before_it(archive_dir: Path) -> None:
    """A kill in the middle of a change to the catalogue: SQLite undoes it when the file is next
    opened, but the file's own time has moved. What the catalogue agrees with is kept inside
    it, with the lines, so the meeting file written just before is still read again."""
    make(archive_dir, meetings=3)
    groups, items = build_demo(meetings=1, seed=9)
    [(extra, events)] = items
    with ArchiveService.open(archive_dir) as service:
        service.archive.write_meeting_whole(extra.to_dict(), [e.to_dict() for e in events])
        crash(service)  # before its line was put in the catalogue
    later = time.time_ns() + 60 * 1_000_000_000
    os.utime(archive_dir / CATALOGUE_FILE, ns=(later, later))  # as the undone change leaves it
    with ArchiveService.open(archive_dir) as service:
        assert extra.id in [m.id for m in service.list_meetings()]


def test_a_fill_cut_short_is_made_again(archive_dir: Path) -> None:
    """A catalogue made afresh vouches for nothing until it has been filled from the meeting
    files in one change: one killed half way (some lines, no time it agrees as of) is filled again."""
    ids = make(archive_dir)
    path = archive_dir / CATALOGUE_FILE
    path.unlink()
    half = Catalogue(path)
    half.change(put=[{"id": ids[0], "title": "One line only", "start": "2026-01-01T10:00:00"}])
    settle(archive_dir)
    with ArchiveService.open(archive_dir) as service:
        assert [m.id for m in service.newest_first()[:12]] == ids
