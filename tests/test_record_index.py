"""The index of decisions and actions on disk (storage/record_index.py).

The decisions list reads only its own short lines; actions and the rest of each decision are in
files of their own. An index of the old shape (everything in records.json) is brought over once,
and a crash at any moment of that, or between a meeting's write and the index's, loses nothing.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from coprod_meet.domain import events as ev
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.records import Action, Decision
from coprod_meet.services import review as rv
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.decision_list import list_decisions
from coprod_meet.services.demo import ANCHOR, build_demo
from coprod_meet.storage import durable
from coprod_meet.storage.record_index import (
    ACTIONS,
    DECISIONS,
    INDEX_FILES,
    LINE_FIELDS,
    OLD_INDEX_FILE,
    search_text,
)

NOW = ANCHOR


def old_shape_index(service: ArchiveService) -> dict[str, Any]:
    """The index as coprod-meet kept it before, all in records.json: whole rows with every field,
    and the lower-cased words a search matched."""
    records = service.archive.records
    decisions, actions = {}, {}
    for n, row in enumerate(records.rows(DECISIONS), start=1):
        d = Decision.from_dict(row)
        decisions[str(n)] = d.to_dict() | {
            "meetings": row["meetings"], "group_id": row.get("group_id", ""), "group_name": row.get("group_name", ""),
            "start": row.get("start", ""), "edits": row.get("edits", 0),
            "search": search_text(d.text, d.item_title, d.dissent)}
    for n, row in enumerate(records.rows(ACTIONS), start=1):
        a = Action.from_dict(row)
        actions[str(n)] = a.to_dict() | {
            "meetings": row["meetings"], "group_id": row.get("group_id", ""), "group_name": row.get("group_name", ""),
            "start": row.get("start", ""), "edits": row.get("edits", 0), "search": search_text(a.text, a.owner)}
    conflicts = {str(n): c for n, c in enumerate(records.conflicts().values(), start=1)}
    return {"_meta": {"1": {"schema": 1, "kind": "records", "records": 1}}, "decisions": decisions,
            "actions": actions, "conflicts": conflicts}


def everything(service: ArchiveService) -> tuple:
    """What a person can find: whole decisions (with their conflicts), actions, and the history
    of each decision."""
    found = rv.search_decisions(service, now=NOW)
    return ([(f.decision, f.conflict, f.group_name, f.meeting_start) for f in found],
            rv.search_actions(service, now=NOW),
            {f.decision.id: [e.id for e in service.archive.records.events_about(DECISIONS, f.decision.id)]
             for f in found})


def put_old_index(root: Path, tables: dict[str, Any]) -> bytes:
    """Leave an archive as an earlier coprod-meet did: the whole index in records.json."""
    for name in INDEX_FILES:
        (root / name).unlink(missing_ok=True)
    raw = json.dumps(tables).encode()
    (root / OLD_INDEX_FILE).write_bytes(raw)
    return raw


def read_paths(monkeypatch) -> list[str]:
    """Names of the files the storage parses from now on."""
    from coprod_meet.storage import archive

    seen: list[str] = []
    original = durable.decode

    def decode(path, raw):
        seen.append(Path(path).name)
        return original(path, raw)

    monkeypatch.setattr(durable, "decode", decode)
    monkeypatch.setattr(archive, "decode", decode)  # meeting files read whole, once
    return seen


@pytest.fixture
def conflicted(demo_service: ArchiveService) -> ArchiveService:
    """The demo, with one decision noted as changed on two laptops (kept only in the index)."""
    first = rv.search_decisions(demo_service, now=NOW)[0]
    demo_service.archive.records.note_conflict(first.decision.id, "changed on both laptops", NOW.isoformat())
    return demo_service


# -- reading only what is needed ---------------------------------------------------------------


def test_the_decisions_list_reads_only_the_decisions_file(demo_service: ArchiveService, monkeypatch) -> None:
    root = demo_service.root
    expected = [f.decision.id for f in rv.search_decisions(demo_service, now=NOW)]
    demo_service.close()
    with ArchiveService.open(root) as service:
        seen = read_paths(monkeypatch)
        lines = list_decisions(service, now=NOW)
        assert [line.id for line in lines] == expected
        assert lines[0].text and lines[0].group_name and lines[0].meeting_start
        assert seen == ["decisions.json"]  # not the actions, not the rest of each decision
        list_decisions(service, "transport", group=lines[0].group_name, state="current", now=NOW)
        assert seen == ["decisions.json"]


def test_lines_hold_only_what_the_list_needs_as_columns_newest_first(demo_service: ArchiveService) -> None:
    decisions = json.loads((demo_service.root / "decisions.json").read_bytes())["decisions"]
    actions = json.loads((demo_service.root / "actions.json").read_bytes())["actions"]
    details = json.loads((demo_service.root / "record-details.json").read_bytes())
    for name, columns in ((DECISIONS, decisions), (ACTIONS, actions)):
        assert list(columns) == list(LINE_FIELDS[name])
        assert len({len(column) for column in columns.values()}) == 1 and columns["id"]
        starts = list(zip(columns["start"], columns["recorded"], columns["id"]))
        assert starts == sorted(starts, reverse=True)
        assert all(set(rest) >= {"id", "meetings"} for rest in details[name].values())
        assert all(v not in (None, "", [], {}) for rest in details[name].values() for v in rest.values())
    # A "no" from the members with lived experience is kept, not taken for nothing.
    assert any(rest.get("lived_experience_agreed") is False for rest in details[DECISIONS].values())


def test_lines_spoilt_by_hand_are_read_as_well_as_they_can_be(demo_service: ArchiveService) -> None:
    root = demo_service.root
    expected = [line.id for line in list_decisions(demo_service, now=NOW)]
    demo_service.close()
    tables = json.loads((root / "decisions.json").read_bytes())
    columns = tables["decisions"]
    columns["group_name"] = columns["group_name"][:-1]  # one short: read as empty
    del columns["dissent"]
    columns["start"][0] = 2026  # not text
    columns["text"][1] = None
    columns["id"].append(columns["id"][2])  # a record twice, and one without an id
    columns["id"].append(None)
    for key in columns:
        if key != "id":
            columns[key] += ["", ""]
    (root / "decisions.json").write_bytes(json.dumps(tables).encode())
    with ArchiveService.open(root) as service:
        lines = list_decisions(service, now=NOW)
        assert [line.id for line in lines] == expected
        assert {line.group_name for line in lines} == {""} and lines[0].meeting_start is None
        assert len(list_decisions(service, "anything", since="April", state="current", review="due", now=NOW)) == 0
        assert len(rv.search_decisions(service, now=NOW)) == len(expected)


# -- bringing over the old shape ---------------------------------------------------------------


def test_an_index_of_the_old_shape_is_brought_over_once(conflicted: ArchiveService) -> None:
    root = conflicted.root
    before = everything(conflicted)
    old = old_shape_index(conflicted)
    conflicted.close()
    put_old_index(root, old)
    with ArchiveService.open(root) as service:
        assert everything(service) == before
        assert before[0][0][1] == "changed on both laptops"
    assert not (root / OLD_INDEX_FILE).exists()
    assert all((root / name).exists() for name in INDEX_FILES)
    with ArchiveService.open(root) as service:
        assert everything(service) == before
        assert service.check().sound


@pytest.mark.parametrize("fail_at", [0, 1, 2])
def test_a_crash_while_bringing_over_loses_nothing(conflicted: ArchiveService, monkeypatch, fail_at: int) -> None:
    """The new files are written one by one (decisions, actions, details) and records.json is
    removed last: a failure at any write leaves records.json whole, and the next opening
    brings it over again."""
    root = conflicted.root
    before = everything(conflicted)
    old = old_shape_index(conflicted)
    conflicted.close()
    raw = put_old_index(root, old)
    replaced = []
    real_replace = durable.os_replace

    def replace(src, dst):
        replaced.append(Path(dst).name)
        if len([n for n in replaced if n in INDEX_FILES]) > fail_at:
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(durable, "os_replace", replace)
    with ArchiveService.open(root) as service:
        with pytest.raises(UserError, match="could not be saved"):
            rv.search_decisions(service, now=NOW)
    assert (root / OLD_INDEX_FILE).read_bytes() == raw
    monkeypatch.setattr(durable, "os_replace", real_replace)
    with ArchiveService.open(root) as service:
        assert everything(service) == before
    assert not (root / OLD_INDEX_FILE).exists()


def test_a_crash_just_before_records_json_is_removed_brings_it_over_again(conflicted: ArchiveService) -> None:
    root = conflicted.root
    before = everything(conflicted)
    old = old_shape_index(conflicted)
    conflicted.close()
    raw = put_old_index(root, old)
    with ArchiveService.open(root) as service:
        everything(service)
    (root / OLD_INDEX_FILE).write_bytes(raw)  # as if the crash came before it was removed
    with ArchiveService.open(root) as service:
        assert everything(service) == before
    assert not (root / OLD_INDEX_FILE).exists()


def test_an_unfinished_or_broken_old_index_is_made_again(demo_service: ArchiveService) -> None:
    root = demo_service.root
    before = everything(demo_service)[:2]
    old = old_shape_index(demo_service)
    demo_service.close()
    old["_meta"]["1"]["records"] = 0  # an earlier coprod-meet died while making it
    old["decisions"] = {}
    put_old_index(root, old)
    with ArchiveService.open(root) as service:
        assert everything(service)[:2] == before
    (root / OLD_INDEX_FILE).write_text("{ broken", encoding="utf-8")
    with ArchiveService.open(root) as service:
        assert everything(service)[:2] == before
        assert [p.path.name for p in service.problems] == [OLD_INDEX_FILE]


# -- catching up after a crash -----------------------------------------------------------------


def _decision_event(meeting_id: str, text: str):
    return ev.event(ev.DECISION_RECORDED, at=NOW + timedelta(minutes=5),
                    **Decision(meeting_id=meeting_id, text=text).to_dict())


def test_a_crash_between_a_meeting_write_and_the_index_loses_nothing(demo_service: ArchiveService) -> None:
    root = demo_service.root
    meeting = demo_service.list_meetings()[0]
    rv.search_decisions(demo_service, now=NOW)
    # The event reaches the meeting's file, then the app dies before the index is written.
    event = _decision_event(meeting.id, "We will meet in the library")
    demo_service.archive.meeting_file(meeting.id).append_event(event.to_dict())
    demo_service.close()
    with ArchiveService.open(root) as service:
        assert [line.text for line in list_decisions(service, "library", now=NOW)] == ["We will meet in the library"]
        [found] = rv.search_decisions(service, "library", now=NOW)
        assert found.decision.meeting_id == meeting.id


def test_a_crash_between_the_index_files_loses_nothing(demo_service: ArchiveService, monkeypatch) -> None:
    """The decision's line is written, then the app dies before record-details.json is."""
    root = demo_service.root
    meeting = demo_service.list_meetings()[0]
    rv.search_decisions(demo_service, now=NOW)
    real_replace = durable.os_replace

    def replace(src, dst):
        if Path(dst).name == "record-details.json":
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(durable, "os_replace", replace)
    with pytest.raises(UserError):
        demo_service.append_event(meeting.id, _decision_event(meeting.id, "We will meet in the library"))
    monkeypatch.setattr(durable, "os_replace", real_replace)
    demo_service.close()
    with ArchiveService.open(root) as service:
        [found] = rv.search_decisions(service, "library", now=NOW)
        assert service.archive.records.row(DECISIONS, found.decision.id)["meetings"] == [meeting.id]
        assert everything(service)[0] == [(f.decision, f.conflict, f.group_name, f.meeting_start)
                                          for f in rv.search_decisions(service, now=NOW)]


def test_meetings_written_before_a_crash_in_an_import_are_found(archive_dir: Path, monkeypatch) -> None:
    """Writing many meetings writes their files, then the catalogue, then the index: a crash
    before the index loses nothing either."""
    from coprod_meet.storage.record_index import RecordIndex

    groups, meetings = build_demo(meetings=6, seed=1)
    with ArchiveService.open(archive_dir) as service:
        for g in groups:
            service.save_group(g)
        service.write_whole_meetings(meetings[:3])
        expected_after = None

        def crash(self, given, only=None):
            raise OSError(5, "the app died here")

        monkeypatch.setattr(RecordIndex, "update", crash)
        with pytest.raises(OSError):
            service.write_whole_meetings(meetings[3:])
    monkeypatch.undo()
    with ArchiveService.open(archive_dir) as service:
        found = {f.decision.meeting_id for f in rv.search_decisions(service, now=NOW)}
        expected_after = {m.id for m, events in meetings if any(e.type == ev.DECISION_RECORDED for e in events)}
        assert found == expected_after


def test_after_catching_up_the_next_opening_reads_no_meeting_file(demo_service: ArchiveService, monkeypatch) -> None:
    root = demo_service.root
    meeting = demo_service.list_meetings()[0]
    member = demo_service.get_meeting(meeting.id).roster[0]
    rv.search_decisions(demo_service, now=NOW)
    demo_service.append_event(meeting.id, ev.event(ev.TURN_STARTED, member_id=member.id))  # after the index
    demo_service.close()
    with ArchiveService.open(root) as service:
        seen = read_paths(monkeypatch)
        list_decisions(service, now=NOW)
        assert f"{meeting.id}.json" in seen  # looked at once, found nothing to change
    monkeypatch.undo()
    details = (root / "record-details.json").stat().st_mtime_ns
    assert details > (root / "meetings" / f"{meeting.id}.json").stat().st_mtime_ns
    with ArchiveService.open(root) as service:
        seen = read_paths(monkeypatch)
        list_decisions(service, now=NOW)
        assert seen == ["decisions.json"]


def test_an_older_coprod_meet_writing_records_json_again_is_followed(conflicted: ArchiveService) -> None:
    """Opened by an older coprod-meet after this one, the archive gets a records.json again (made
    from the meeting files, without the conflicts); this one brings it over, keeping both."""
    root = conflicted.root
    before = everything(conflicted)
    meeting = conflicted.list_meetings()[0]
    conflicted.append_event(meeting.id, _decision_event(meeting.id, "We will meet in the library"))
    newer = old_shape_index(conflicted)
    conflicted.close()
    newer["conflicts"] = {}
    (root / OLD_INDEX_FILE).write_bytes(json.dumps(newer).encode())  # the others stay, as it leaves them
    with ArchiveService.open(root) as service:
        found = everything(service)
        assert len(found[0]) == len(before[0]) + 1
        assert [c for _d, c, *_ in found[0] if c] == ["changed on both laptops"]
    assert not (root / OLD_INDEX_FILE).exists()


def test_files_of_the_index_stay_private(demo_service: ArchiveService) -> None:
    for name in INDEX_FILES:
        assert os.stat(demo_service.root / name).st_mode & 0o777 == 0o600
