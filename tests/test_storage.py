"""The archive on disk: atomic durable files, layout, permissions, healing, schema, quarantine."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Event, Group, Member, note_event
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import build_demo
from coprod_meet.storage import schema as schema_mod
from coprod_meet.storage.archive import (
    SCHEMA_VERSION,
    Archive,
    ArchiveBusy,
    NotAnArchive,
    SchemaTooNew,
)
from coprod_meet.storage.durable import (
    CorruptFile,
    DurableStorage,
    atomic_write,
    decode,
    encode,
    is_temp_file,
    temp_name,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def fill(service: ArchiveService, meetings: int = 4, seed: int = 1) -> None:
    groups, items = build_demo(meetings=meetings, seed=seed)
    for g in groups:
        service.save_group(g)
    service.write_whole_meetings(items)


def titles(service: ArchiveService) -> list[str]:
    return [m.title for m in service.list_meetings()]


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if is_temp_file(p)]


# --- atomic durable files ---------------------------------------------------------------------------


def test_atomic_write_creates_and_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    atomic_write(target, b'{"a":1}')
    assert target.read_bytes() == b'{"a":1}'
    atomic_write(target, b'{"a":2}' * 10_000)
    assert target.read_bytes() == b'{"a":2}' * 10_000
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.json"]


def test_temp_names_live_beside_the_target_and_are_recognised(tmp_path: Path) -> None:
    target = tmp_path / "catalogue.json"
    a, b = temp_name(target), temp_name(target)
    assert a.parent == tmp_path and a != b
    assert is_temp_file(a) and not is_temp_file(target)
    assert not is_temp_file(tmp_path / "notes.tmp")  # only our hidden temp files


def test_atomic_write_to_a_missing_folder_is_a_plain_save_failed(tmp_path: Path) -> None:
    from coprod_meet.storage.durable import SaveFailed

    with pytest.raises(SaveFailed) as caught:
        atomic_write(tmp_path / "nowhere" / "f.json", b"{}")
    assert "could not be saved" in str(caught.value)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(max_size=8), st.dictionaries(st.text(max_size=8), st.text(), max_size=4),
                       max_size=4))
def test_encode_is_ascii_and_round_trips_any_text(tables) -> None:
    raw = encode(tables)
    raw.decode("ascii")
    assert decode(Path("x.json"), raw) == tables


def test_encode_survives_lone_surrogates() -> None:
    tables = {"t": {"1": {"text": "a\ud800b"}}}
    assert decode(Path("x.json"), encode(tables)) == tables


def test_durable_storage_writes_reads_and_keeps_state(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = DurableStorage(path)
    assert storage.read() is None
    storage.write({"t": {"1": {"x": 1}}})
    assert json.loads(path.read_bytes()) == {"t": {"1": {"x": 1}}}
    assert storage.read() == {"t": {"1": {"x": 1}}}
    assert DurableStorage(path).read() == {"t": {"1": {"x": 1}}}
    storage.close()
    assert storage.read() == {"t": {"1": {"x": 1}}}


def test_durable_storage_forgets_memory_when_a_write_fails(tmp_path: Path, monkeypatch) -> None:
    from coprod_meet.storage import durable
    from coprod_meet.storage.durable import SaveFailed

    path = tmp_path / "db.json"
    storage = DurableStorage(path)
    storage.write({"t": {"1": {"x": 1}}})
    state = storage.read()
    state["t"]["2"] = {"x": 2}  # TinyDB changes the state in place before it writes

    def broken(*args):
        raise OSError(5, "I/O error")

    monkeypatch.setattr(durable, "os_fsync", broken)
    with pytest.raises(SaveFailed):
        storage.write(state)
    monkeypatch.undo()
    assert storage.read() == {"t": {"1": {"x": 1}}}  # what is really on disk


def test_durable_storage_raises_corrupt_file_for_junk(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(b"[1, 2]")
    with pytest.raises(CorruptFile) as caught:
        DurableStorage(path).read()
    assert caught.value.reason == "the file does not hold a coprod-meet record"
    assert caught.value.path == path


# --- what a broken file is called ------------------------------------------------------------------


def sample_file() -> bytes:
    return encode({"_meta": {"1": {"schema": 1, "kind": "meeting"}},
                   "events": {"1": {"id": "e1", "text": "hello \"world\" \\ [x]", "n": 12, "ok": False}}})


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "the file is empty"),
        (b"  \n", "the file is empty"),
        (sample_file() + b"{}", "the file has extra data after its end"),
        (sample_file() + b"x", "the file has extra data after its end"),
        (b"[1, 2]", "the file does not hold a coprod-meet record"),
        (b'"text"', "the file does not hold a coprod-meet record"),
        (b'{"events": [1]}', "the file does not hold a coprod-meet record"),
        (b"\xff\xfe" + sample_file(), "the file is not readable text"),
        (b"hello", "the file is not valid JSON"),
        (b'{"a": {"1": x}}', "the file is not valid JSON"),
        (b"[" * 100_000, "the file is nested too deeply"),
    ],
    ids=lambda v: repr(v)[:30] if isinstance(v, bytes) else None,
)
def test_decode_names_the_problem_in_plain_words(raw: bytes, reason: str) -> None:
    with pytest.raises(CorruptFile) as caught:
        decode(Path("m.json"), raw)
    assert caught.value.reason == reason
    assert str(caught.value) == f"m.json: {reason}"


def test_every_truncation_of_a_file_is_called_cut_short() -> None:
    raw = sample_file()
    for n in range(1, len(raw)):
        with pytest.raises(CorruptFile) as caught:
            decode(Path("m.json"), raw[:n])
        assert caught.value.reason == "the file is cut short", raw[:n]


# --- layout and permissions --------------------------------------------------------------------------


def test_archive_layout(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=3)
        ids = [m.id for m in service.list_meetings()]
    names = sorted(p.relative_to(archive_dir).as_posix() for p in archive_dir.rglob("*"))
    assert names == sorted([".lock", "catalogue.sqlite", "groups.json", "decisions.json", "actions.json",
                            "record-details.json", "status.json", "meetings",
                            *(f"meetings/{i}.json" for i in ids)])


def test_every_file_holds_its_kind_and_schema_version(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=2)
        meeting_id = service.list_meetings()[0].id
        service.append_event(meeting_id, note_event("one more"))
        # A meeting made event by event, not in one go, is stamped too.
        fresh = replace(service.get_meeting(meeting_id), id="a" * 8)
        service.save_meeting(fresh)
    files = {p: json.loads(p.read_bytes()) for p in archive_dir.rglob("*.json")}
    # groups, the three files of the index of decisions and actions, meeting statuses; 3 meetings
    assert len(files) == 5 + 3
    for path, tables in files.items():
        meta = tables["_meta"]["1"]
        assert meta["schema"] == SCHEMA_VERSION, path
        expected = {"groups.json": "groups", "decisions.json": "decisions",
                    "actions.json": "actions", "record-details.json": "record-details",
                    "status.json": "status"}.get(path.name, "meeting")
        assert meta["kind"] == expected


def test_private_files_and_folders_even_with_a_loose_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        root = tmp_path / "deep" / "archive"
        with ArchiveService.open(root) as service:
            fill(service, meetings=2)
            meeting_id = service.list_meetings()[0].id
            service.append_event(meeting_id, note_event("private"))
            broken = service.archive.meeting_path(meeting_id)
        broken.write_bytes(b"")
        broken.chmod(0o644)
        with ArchiveService.open(root) as service:
            with pytest.raises(UserError):
                service.get_meeting(meeting_id)  # moved to quarantine/
        # A folder that already existed with loose permissions is made private too.
        root.chmod(0o755)
        Archive(root).close()
    finally:
        os.umask(old)
    paths = [root, *root.rglob("*")]
    folders = [p for p in paths if p.is_dir()]
    files = [p for p in paths if p.is_file()]
    assert {p.name for p in folders} == {"archive", "meetings", "quarantine"}
    assert {p.name for p in files} >= {".lock", "catalogue.sqlite", "groups.json"}
    assert any(p.parent.name == "quarantine" for p in files)
    assert {(p.name, mode(p)) for p in folders} == {(p.name, 0o700) for p in folders}
    assert {(p.name, mode(p)) for p in files} == {(p.name, 0o600) for p in files}


def test_a_file_where_the_folder_should_be_is_a_plain_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("hello")
    with pytest.raises(NotAnArchive) as caught:
        ArchiveService.open(tmp_path / "a-file")
    assert str(caught.value).endswith("please give a folder for the archive.")


# --- lock ----------------------------------------------------------------------------------------------


def test_one_open_archive_at_a_time(archive_dir: Path) -> None:
    first = ArchiveService.open(archive_dir)
    with pytest.raises(ArchiveBusy) as caught:
        ArchiveService.open(archive_dir)
    assert str(caught.value) == (
        "This archive is already open in another coprod-meet; close that one first, "
        "or choose another folder with --archive."
    )
    first.close()
    ArchiveService.open(archive_dir).close()
    # Reading without the lock (for `check` by hand, or tests) is possible when asked for.
    with ArchiveService.open(archive_dir):
        ArchiveService.open(archive_dir, lock=False).close()


# --- temp files and catalogue healing ---------------------------------------------------------------


def test_leftover_temp_files_are_removed_on_open(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=2)
        before = titles(service)
    leftovers = [
        archive_dir / ".catalogue.json.0123456789ab.tmp",
        archive_dir / "meetings" / ".abc.json.ba9876543210.tmp",
    ]
    for p in leftovers:
        p.write_bytes(b'{"half": ')
    keep = archive_dir / "notes.tmp"
    keep.write_text("mine")
    with ArchiveService.open(archive_dir) as service:
        assert titles(service) == before
        assert service.problems == []
    assert temp_files(archive_dir) == []
    assert keep.read_text() == "mine"


def test_a_meeting_file_missing_from_the_catalogue_is_listed_after_reopen(archive_dir: Path) -> None:
    groups, items = build_demo(meetings=3, seed=2)
    with ArchiveService.open(archive_dir) as service:
        service.write_whole_meetings(items[:2])
        # A crash between writing the meeting file and the catalogue:
        meeting, events = items[2]
        service.archive.write_meeting_whole(meeting.to_dict(), [e.to_dict() for e in events])
        assert meeting.id not in [m.id for m in service.list_meetings()]
    with ArchiveService.open(archive_dir) as service:
        assert sorted(m.id for m in service.list_meetings()) == sorted(m.id for m, _ in items)
        assert service.get_meeting(meeting.id) == meeting
        assert service.problems == []


def test_a_catalogue_line_without_its_file_is_dropped_on_open(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=3)
        gone = service.list_meetings()[1]
        service.archive.meeting_path(gone.id).unlink()
    with ArchiveService.open(archive_dir) as service:
        assert gone.id not in [m.id for m in service.list_meetings()]
        assert len(service.list_meetings()) == 2


def test_a_corrupt_catalogue_is_quarantined_and_rebuilt(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=5)
        before = service.list_meetings()
    catalogue = archive_dir / "catalogue.sqlite"
    damaged = catalogue.read_bytes()[:4096]  # its first page only
    catalogue.write_bytes(damaged)
    with ArchiveService.open(archive_dir) as service:
        assert service.list_meetings() == before
        [problem] = service.problems
        assert problem.path == catalogue
        assert problem.moved_to is not None and problem.moved_to.read_bytes() == damaged
        assert str(problem) == (
            f"catalogue.sqlite could not be read (it is damaged, or is not a catalogue); it was moved aside to "
            f"quarantine/{problem.moved_to.name} and the rest of the archive carries on."
        )
    with ArchiveService.open(archive_dir) as service:  # rebuilt on disk, not only in memory
        assert service.list_meetings() == before
        assert service.problems == []


def test_corrupt_groups_file_is_quarantined_and_meetings_carry_on(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=3)
        before = service.list_meetings()
    (archive_dir / "groups.json").write_bytes(b"\xff\xfe\x00")
    with ArchiveService.open(archive_dir) as service:
        assert [p.reason for p in service.problems] == ["the file is not readable text"]
        assert service.groups() == []
        assert service.list_meetings() == before
        service.save_group(Group(name="Fresh start", members=(Member(name="Priya"),)))
        assert [g.name for g in service.groups()] == ["Fresh start"]


# --- schema versions --------------------------------------------------------------------------------


def set_schema(path: Path, version) -> bytes:
    tables = json.loads(path.read_bytes())
    tables["_meta"]["1"]["schema"] = version
    raw = encode(tables)
    path.write_bytes(raw)
    return raw


def test_a_newer_meeting_file_is_refused_plainly_and_left_alone(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=3)
        newer, other = service.list_meetings()[:2]
    path = archive_dir / "meetings" / f"{newer.id}.json"
    raw = set_schema(path, SCHEMA_VERSION + 1)
    with ArchiveService.open(archive_dir) as service:
        with pytest.raises(SchemaTooNew) as caught:
            service.get_meeting(newer.id)
        assert str(caught.value) == (
            f"{newer.id}.json was saved by a newer coprod-meet (file format {SCHEMA_VERSION + 1}); "
            "please update coprod-meet to open this archive."
        )
        assert service.get_meeting(other.id).id == other.id
        report = service.check()
        assert [p.path for p in report.problems] == [path]
        assert "please update coprod-meet" in str(report.problems[0])
    assert path.read_bytes() == raw
    assert not (archive_dir / "quarantine").exists()


def test_a_newer_meeting_file_unknown_to_the_catalogue_does_not_stop_the_archive(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=3)
        newer = service.list_meetings()[0]
    raw = set_schema(archive_dir / "meetings" / f"{newer.id}.json", SCHEMA_VERSION + 1)
    (archive_dir / "catalogue.sqlite").unlink()
    with ArchiveService.open(archive_dir) as service:
        assert len(service.list_meetings()) == 2
        assert ["newer coprod-meet" in str(p) for p in service.problems] == [True]
    assert (archive_dir / "meetings" / f"{newer.id}.json").read_bytes() == raw


def test_a_newer_catalogue_refuses_the_archive_and_lets_go_of_the_lock(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=1)
    path = archive_dir / "catalogue.sqlite"
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA user_version = 99")
    raw = path.read_bytes()
    for _ in range(2):  # the refusal must not leave the archive locked
        with pytest.raises(SchemaTooNew, match="catalogue.sqlite was saved by a newer coprod-meet"):
            ArchiveService.open(archive_dir)
    assert path.read_bytes() == raw


def test_a_version_that_is_not_a_number_is_a_corrupt_file(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=1)
    set_schema(archive_dir / "groups.json", "two")
    with ArchiveService.open(archive_dir) as service:
        assert [p.reason for p in service.problems] == ["its format version is not a number"]


def test_an_older_file_is_migrated_and_saved_in_the_new_format(archive_dir: Path, monkeypatch) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=2)
        meeting_id = service.list_meetings()[0].id

    def add_flag(tables):
        for doc in tables.get("meeting", {}).values():
            doc["place"] = doc["place"] + " (moved)"
        return tables

    monkeypatch.setattr(schema_mod, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema_mod.MIGRATIONS, 1, add_flag)
    with ArchiveService.open(archive_dir) as service:
        assert service.get_meeting(meeting_id).place.endswith(" (moved)")
        assert service.check().sound
    tables = json.loads((archive_dir / "meetings" / f"{meeting_id}.json").read_bytes())
    assert tables["_meta"]["1"]["schema"] == 2
    assert tables["meeting"]["1"]["place"].endswith(" (moved)")
    with closing(sqlite3.connect(archive_dir / "catalogue.sqlite")) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert db.execute("SELECT count(*) FROM meetings").fetchone()[0] == 2  # made afresh, whole


# --- quarantine ----------------------------------------------------------------------------------------

CORRUPTIONS = {
    "empty": (lambda raw: b"", "the file is empty"),
    "truncated": (lambda raw: raw[: len(raw) // 2], "the file is cut short"),
    "extra data": (lambda raw: raw + b'{"more": 1}', "the file has extra data after its end"),
    "not an object": (lambda raw: b'["a", "list"]', "the file does not hold a coprod-meet record"),
    "bad UTF-8": (lambda raw: raw[:10] + b"\xc3\x28" + raw[10:], "the file is not readable text"),
}


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_a_corrupt_meeting_file_is_moved_aside_untouched_and_the_rest_carries_on(archive_dir: Path, kind) -> None:
    damage, reason = CORRUPTIONS[kind]
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=4)
        broken, *others = service.list_meetings()
    path = archive_dir / "meetings" / f"{broken.id}.json"
    damaged = damage(path.read_bytes())
    path.write_bytes(damaged)
    # Damage that happened long ago: the file is only read when the meeting is opened.
    catalogue_time = (archive_dir / "catalogue.sqlite").stat().st_mtime_ns
    os.utime(path, ns=(catalogue_time - 10 * 10**9, catalogue_time - 10 * 10**9))
    with ArchiveService.open(archive_dir) as service:
        assert service.problems == []
        with pytest.raises(UserError) as caught:
            service.get_meeting(broken.id)
        [problem] = service.problems
        assert problem.reason == reason
        assert str(caught.value) == str(problem)
        assert str(problem).startswith(f"{broken.id}.json could not be read ({reason}); it was moved aside to ")
        assert "\n" not in str(problem)
        assert not path.exists()
        assert problem.moved_to.parent == archive_dir / "quarantine"
        assert problem.moved_to.read_bytes() == damaged
        # The rest of the archive carries on, and can still be written.
        assert service.list_meetings() == others
        for m in others:
            assert service.get_meeting(m.id).title == m.title
        service.append_event(others[0].id, note_event("still working"))
        assert service.events(others[0].id)[-1].data["text"] == "still working"
    with ArchiveService.open(archive_dir) as service:
        assert service.list_meetings() == others


def test_a_meeting_file_broken_since_the_catalogue_was_written_is_found_on_open(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=3)
        broken, *others = service.list_meetings()
    path = archive_dir / "meetings" / f"{broken.id}.json"
    damaged = path.read_bytes()[:-3]
    # Replaced after the catalogue was written, as editors and copying tools do (a new file put in
    # its place). A file changed in place is found when it is opened, or by `check`.
    fresh = path.with_name("new.partial")
    fresh.write_bytes(damaged)
    os.replace(fresh, path)
    with ArchiveService.open(archive_dir) as service:
        [problem] = service.problems
        assert problem.reason == "the file is cut short"
        assert problem.moved_to.read_bytes() == damaged
        assert service.list_meetings() == others
        with pytest.raises(UserError, match="There is no meeting with that id"):
            service.get_meeting(broken.id)


def test_a_stale_catalogue_line_is_brought_up_to_date_on_open(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=3)
        meeting = service.get_meeting(service.list_meetings()[0].id)
        # A crash between the two writes of a save: the meeting file is new, the catalogue old.
        f = service.archive.meeting_file(meeting.id)
        f.put_meeting(replace(meeting, title="Renamed").to_dict())
        assert [m.title for m in service.list_meetings()][0] == meeting.title
    with ArchiveService.open(archive_dir) as service:
        assert service.list_meetings()[0].title == "Renamed"
        assert service.get_meeting(meeting.id).title == "Renamed"


def test_quarantine_never_overwrites_an_earlier_broken_file(archive_dir: Path) -> None:
    path = archive_dir / "meetings" / "x.json"
    with Archive(archive_dir) as archive:
        moved = []
        for n in range(3):
            path.write_bytes(b"broken %d" % n)
            moved.append(archive.quarantine(path, "the file is not valid JSON").moved_to)
    assert len(set(moved)) == 3
    assert [p.read_bytes() for p in moved] == [b"broken 0", b"broken 1", b"broken 2"]


def test_a_meeting_file_holding_something_else_is_a_plain_error(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=1)
        meeting = service.list_meetings()[0]
        f = service.archive.meeting_file(meeting.id)
        f.put_meeting({"id": meeting.id, "title": 5})  # a whole replacement: no start any more
        assert {k: v for k, v in f.meeting().items() if not k.startswith("_")} == {"id": meeting.id, "title": 5}
        with pytest.raises(UserError, match="some of it is not a meeting record"):
            service.get_meeting(meeting.id)
        f.append_event({"no": "id"})
        with pytest.raises(UserError, match="run `coprod-meet check`"):
            service.events(meeting.id)


def test_an_unknown_meeting_id_is_a_plain_not_found(service: ArchiveService) -> None:
    with pytest.raises(UserError, match="There is no meeting with that id"):
        service.get_meeting("nope")


# --- check -----------------------------------------------------------------------------------------------


def test_check_a_sound_archive(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=6)
        report = service.check()
    assert report.sound
    assert report.files_checked == 5 + 6
    assert report.problems == []


def test_check_reports_and_moves_aside_every_broken_file(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=6)
        rows = service.list_meetings()
        service.get_meeting(rows[0].id)  # open, so the check must close it too
        for row, (kind, (damage, _)) in zip(rows, CORRUPTIONS.items()):
            p = service.archive.meeting_path(row.id)
            p.write_bytes(damage(p.read_bytes()))
        report = service.check()
        assert not report.sound
        assert report.files_checked == 5 + 6
        assert sorted(p.reason for p in report.problems) == sorted(r for _, r in CORRUPTIONS.values())
        assert all("moved aside" in str(p) for p in report.problems)
        assert [m.id for m in service.list_meetings()] == [rows[-1].id]
        with pytest.raises(UserError):
            service.get_meeting(rows[0].id)
        # Files moved aside earlier are still mentioned, so nobody forgets them.
        again = service.check()
        assert again.files_checked == 5 + 1
        assert len(again.problems) == len(CORRUPTIONS)
        assert all("moved aside earlier" in str(p) for p in again.problems)


def test_events_written_one_by_one_come_back_in_order(service: ArchiveService) -> None:
    fill(service, meetings=1)
    meeting_id = service.list_meetings()[0].id
    before = len(service.events(meeting_id))
    written = [service.append_event(meeting_id, Event(type="note", data={"text": str(n)})) for n in range(5)]
    assert [e.seq for e in written] == list(range(before + 1, before + 6))
    service.close()
    with ArchiveService.open(service.root) as again:
        assert [e.data.get("text") for e in again.events(meeting_id)[-5:]] == ["0", "1", "2", "3", "4"]


def test_remove_event_takes_one_event_out_durably(service: ArchiveService) -> None:
    fill(service, meetings=1)
    meeting_id = service.list_meetings()[0].id
    events = service.events(meeting_id)
    f = service.archive.meeting_file(meeting_id)
    assert f.remove_event(events[3].id) is True
    assert f.remove_event(events[3].id) is False
    service.close()
    with ArchiveService.open(service.root) as again:
        assert [e.id for e in again.events(meeting_id)] == [e.id for e in events if e.id != events[3].id]


# --- the events table: appended by encoding only the new event -------------------------------------


def test_storage_append_writes_the_same_bytes_as_a_full_encode(tmp_path: Path) -> None:
    storage = DurableStorage(tmp_path / "m.json")
    storage.write({"_meta": {"1": {"schema": 1}}, "events": {}})
    storage.append("events", {"1": {"id": "a", "text": "caf\u00e9 [x] \ud800"}})
    storage.append("events", {"2": {"id": "b"}, "3": {"id": "c"}})
    storage.append("other", {"1": {"n": 1}})
    raw = (tmp_path / "m.json").read_bytes()
    assert raw == encode(storage.read())
    assert DurableStorage(tmp_path / "m.json").read() == storage.read()
    with pytest.raises(ValueError):
        storage.append("events", {"2": {"id": "again"}})
    storage.remove("events", ["2"])
    assert list(DurableStorage(tmp_path / "m.json").read()["events"]) == ["1", "3"]
    assert (tmp_path / "m.json").read_bytes() == encode(storage.read())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(
    st.tuples(st.just("append"), st.lists(st.text(max_size=6), min_size=1, max_size=3)),
    st.tuples(st.just("plan"), st.text(max_size=6)),
    st.tuples(st.just("remove"), st.integers(0, 10)),
    st.tuples(st.just("reopen"), st.none()),
), max_size=12))
def test_a_meeting_file_always_holds_what_was_done_to_it(tmp_path_factory, steps) -> None:
    from coprod_meet.storage.archive import MeetingFile

    path = tmp_path_factory.mktemp("m") / "m.json"
    f = MeetingFile(path)
    events: list[dict] = []
    plan = None
    for n, (kind, arg) in enumerate(steps):
        if kind == "append":
            new = [{"id": f"{n}-{i}", "text": t} for i, t in enumerate(arg)]
            f.append_events(new) if len(new) > 1 else f.append_event(new[0])
            events += new
        elif kind == "plan":
            f.put_meeting({"id": "m", "title": arg})
            plan = arg
        elif kind == "remove" and events:
            gone = events.pop(arg % len(events))
            assert f.remove_event(gone["id"])
        elif kind == "reopen":
            f.close()
            f = MeetingFile(path)
        assert f.events() == events
        assert f.event_count() == len(events)
        assert (f.meeting() or {}).get("title") == plan
        assert path.read_bytes() == encode(json.loads(path.read_bytes()))
    f.close()
    again = MeetingFile(path)
    assert again.events() == events
    assert (again.meeting() or {}).get("title") == plan


# --- opening a big archive quickly ----------------------------------------------------------------


def _age_meetings_folder(archive_dir: Path, seconds: int) -> None:
    """Set the meetings folder's modified time ``seconds`` away from the catalogue's."""
    catalogue = (archive_dir / "catalogue.sqlite").stat().st_mtime_ns
    when = catalogue + seconds * 1_000_000_000
    os.utime(archive_dir / "meetings", ns=(when, when))


def test_an_archive_untouched_since_its_catalogue_opens_without_reading_each_meeting(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=3)
        victim = service.list_meetings()[0]
    path = archive_dir / "meetings" / f"{victim.id}.json"
    # Spoil the file in place (same name, so the folder's time does not move) and make the
    # folder older than the catalogue: opening trusts the catalogue and reads no meeting file.
    with open(path, "r+b") as f:
        f.write(b"not json at all")
    _age_meetings_folder(archive_dir, -5)
    with ArchiveService.open(archive_dir) as service:
        assert service.problems == []
        assert victim.id in [m.id for m in service.list_meetings()]
    # Once the folder has changed since the catalogue (as any save, copy or removal does), each
    # file written since is read again, and the spoilt one is moved aside and reported.
    _age_meetings_folder(archive_dir, +5)
    with ArchiveService.open(archive_dir) as service:
        [problem] = service.problems
        assert problem.path == path
        assert victim.id not in [m.id for m in service.list_meetings()]


def test_a_meeting_file_copied_in_is_listed_even_with_an_old_modified_time(archive_dir: Path, tmp_path: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=2)
    other = tmp_path / "other"
    with ArchiveService.open(other) as service:
        fill(service, meetings=1, seed=7)
        [extra] = service.list_meetings()
    source = other / "meetings" / f"{extra.id}.json"
    os.utime(source, ns=(1_000_000_000, 1_000_000_000))  # as `cp -p` would keep it: 1970
    target = archive_dir / "meetings" / source.name
    target.write_bytes(source.read_bytes())
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    with ArchiveService.open(archive_dir) as service:
        assert extra.id in [m.id for m in service.list_meetings()]


def test_the_first_screens_list_is_newest_first_and_filters_like_the_full_list(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=40)
    with ArchiveService.open(archive_dir) as service:
        lazy = service.newest_first()
        assert len(lazy) == 40
        assert list(lazy[:40]) == service.list_meetings()
        assert lazy[-1] == service.list_meetings()[-1]
        word = service.list_meetings()[3].group_name.split()[0].upper()
        wanted = [m for m in service.list_meetings() if word.lower() in f"{m.title} {m.group_name}".lower()]
        assert list(service.newest_first(word)) == wanted and wanted


def test_a_catalogue_line_with_a_time_zone_still_sorts_by_time(archive_dir: Path) -> None:
    with ArchiveService.open(archive_dir) as service:
        fill(service, meetings=3)
        lines = service.archive.summary_lines()
        # Written by another tool: 23:30 in New York is the next day in London, the newest.
        first = dict(lines[0], start="2099-01-01T23:30:00-05:00", end="")
        service.archive.index_meeting(first)
        service._summaries = None
        rows = service.newest_first()
        assert rows[0].id == first["id"]
        assert [m.id for m in rows] == [m.id for m in service.list_meetings()]
