"""The first page of the meetings list (storage/first_page.py): a big archive's first screen
without reading the whole catalogue, and never a wrong list because of it."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from coprod_meet.domain.errors import UserError
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import build_demo
from coprod_meet.storage import first_page
from coprod_meet.storage.first_page import FIRST_PAGE_FILE
from coprod_meet.tui.app import CoprodMeetApp

PAGE_FILE = FIRST_PAGE_FILE


@pytest.fixture(autouse=True)
def _small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(first_page, "FIRST_PAGE_LINES", 5)


def settle(archive_dir: Path) -> None:
    """Make the meetings folder look last changed a minute ago, as after a calm close."""
    when = time.time_ns() - 60 * 1_000_000_000
    os.utime(archive_dir / "meetings", ns=(when, when))


def make(archive_dir: Path, meetings: int = 12) -> list[str]:
    """An archive closed cleanly with its first page; the meeting ids newest first."""
    with ArchiveService.open(archive_dir) as service:
        groups, items = build_demo(meetings=meetings, seed=3)
        for g in groups:
            service.save_group(g)
        service.write_whole_meetings(items)
        ids = [m.id for m in service.list_meetings()]
        settle(archive_dir)
    assert (archive_dir / PAGE_FILE).exists()
    return ids


def test_a_clean_close_keeps_the_first_page_and_the_next_open_lists_from_it(archive_dir: Path) -> None:
    ids = make(archive_dir)
    with ArchiveService.open(archive_dir) as service:
        assert service.archive.first_page is not None
        assert not (archive_dir / PAGE_FILE).exists()  # it vouches for this one open only
        rows = service.newest_first()
        assert len(rows) == len(ids)
        assert [m.id for m in rows[:5]] == ids[:5]
        assert not service.archive.catalogue_read  # the first screen needed nothing more
        # Scrolling past the first page reads the whole list, in the same order.
        assert [m.id for m in rows[:len(ids)]] == ids
        assert service.archive.catalogue_read
        assert rows[7] == service.list_meetings()[7]


def test_the_page_is_kept_again_after_a_run_that_changed_nothing(archive_dir: Path) -> None:
    ids = make(archive_dir)
    with ArchiveService.open(archive_dir) as service:
        assert [m.id for m in service.newest_first()[:3]] == ids[:3]
    with ArchiveService.open(archive_dir) as service:
        assert service.archive.first_page is not None


def test_a_meeting_saved_after_the_page_makes_the_next_open_read_everything(archive_dir: Path) -> None:
    ids = make(archive_dir)
    # Another run (killed before it could close) renamed a meeting: the page no longer holds.
    with ArchiveService.open(archive_dir) as service:
        meeting = service.get_meeting(ids[0])
        service.save_meeting(replace(meeting, title="Renamed at the last minute"))
        service.archive._lock.release()  # as if the process died here: no clean close
        service.archive._lock = None
    with ArchiveService.open(archive_dir) as service:
        assert service.archive.first_page is None
        assert service.newest_first()[0].title == "Renamed at the last minute"


def test_a_file_copied_into_the_meetings_folder_after_the_page_is_listed(archive_dir: Path, tmp_path: Path) -> None:
    make(archive_dir)
    other = tmp_path / "other"
    with ArchiveService.open(other) as service:
        groups, items = build_demo(meetings=1, seed=9)
        service.write_whole_meetings(items)
        [extra] = service.list_meetings()
    (archive_dir / "meetings" / f"{extra.id}.json").write_bytes((other / "meetings" / f"{extra.id}.json").read_bytes())
    with ArchiveService.open(archive_dir) as service:
        assert service.archive.first_page is None
        assert extra.id in [m.id for m in service.newest_first()[:13]]


def test_a_recently_changed_folder_keeps_no_page(archive_dir: Path) -> None:
    # A change in the same tick of the file system's clock could not be told apart later.
    with ArchiveService.open(archive_dir) as service:
        groups, items = build_demo(meetings=3, seed=3)
        service.write_whole_meetings(items)
    assert not (archive_dir / PAGE_FILE).exists()


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"_meta":{"1":{"kind":"first-page"}}}'])
def test_a_damaged_page_is_ignored_quietly(archive_dir: Path, damage: bytes) -> None:
    ids = make(archive_dir)
    (archive_dir / PAGE_FILE).write_bytes(damage)
    with ArchiveService.open(archive_dir) as service:
        assert service.archive.first_page is None
        assert service.problems == []
        assert [m.id for m in service.newest_first()[:12]] == ids


def test_a_page_with_a_different_count_is_never_trusted_past_its_stamp(archive_dir: Path) -> None:
    ids = make(archive_dir)
    with ArchiveService.open(archive_dir) as service:
        # Saving a meeting replaces the catalogue: its file number changes, so the page goes.
        meeting = service.get_meeting(ids[-1])
        service.save_meeting(meeting)
        settle(archive_dir)
    with ArchiveService.open(archive_dir) as service:
        assert len(service.newest_first()) == 12


def test_problems_to_report_mean_no_page(archive_dir: Path) -> None:
    ids = make(archive_dir)
    path = archive_dir / "meetings" / f"{ids[2]}.json"
    with open(path, "r+b") as f:  # spoilt in place: only found when the meeting is opened
        f.write(b"garbage")
    with ArchiveService.open(archive_dir) as service:
        with pytest.raises(UserError, match="moved aside"):
            service.get_meeting(ids[2])
        settle(archive_dir)
    assert not (archive_dir / PAGE_FILE).exists()  # said again on the next open, which is full
    with ArchiveService.open(archive_dir) as service:
        assert ids[2] not in [m.id for m in service.newest_first()[:12]]


async def test_the_meetings_screen_opens_from_the_page_and_scrolls_past_it(archive_dir: Path) -> None:
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


def test_a_page_from_a_newer_app_is_not_trusted(archive_dir: Path) -> None:
    make(archive_dir)
    page = archive_dir / PAGE_FILE
    raw = page.read_bytes()
    assert b'"schema":1' in raw
    page.write_bytes(raw.replace(b'"schema":1', b'"schema":2'))
    with ArchiveService.open(archive_dir) as service:
        assert service.archive.first_page is None  # a full open, which refuses newer files plainly
