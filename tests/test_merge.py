"""Merging laptops: import meeting files or another archive; export one meeting (issue 7)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from coprod_meet.cli import main
from coprod_meet.domain import events as ev
from coprod_meet.domain.model import Member, VoiceGroup
from coprod_meet.services import review as rv
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import ANCHOR, build_demo
from coprod_meet.services.merge import export_meeting, import_paths
from coprod_meet.storage.record_index import DECISIONS
from tests.conftest import naughty_strings


def make_archive(root: Path, meetings: int = 6, seed: int = 3) -> ArchiveService:
    service = ArchiveService.open(root)
    groups, items = build_demo(meetings=meetings, seed=seed)
    for g in groups:
        service.save_group(g)
    service.write_whole_meetings(items)
    return service


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.json"))}


@pytest.fixture
def laptops(tmp_path: Path):
    a = make_archive(tmp_path / "laptop-a")
    b = make_archive(tmp_path / "laptop-b")
    yield a, b
    a.close()
    b.close()


def test_importing_the_same_archive_twice_changes_nothing(laptops, tmp_path: Path) -> None:
    a, _b = laptops
    other = make_archive(tmp_path / "other", meetings=4, seed=9)
    other.close()
    # Another demo has groups with the same names but other ids: merged only when asked.
    first = import_paths(a, [tmp_path / "other"], merge_groups=True)
    assert len(first.added) == 4 and first.groups_merged and not first.problems
    before = snapshot(a.root)
    again = import_paths(a, [tmp_path / "other"], merge_groups=True)
    assert not again.changed and again.unchanged == 4 and snapshot(a.root) == before
    assert "Nothing new" in again.lines()[0]
    # Same demo seed on both laptops: nothing new either way.
    assert not import_paths(a, [tmp_path / "laptop-b"]).changed


def test_two_laptops_edit_the_same_meeting(laptops, tmp_path: Path) -> None:
    a, b = laptops
    meeting = a.list_meetings()[0]
    found = rv.search_decisions(a, now=ANCHOR)
    decision = next(f.decision for f in found if f.decision.meeting_id == meeting.id)
    person = a.get_meeting(meeting.id).roster[2]
    late = meeting.start + timedelta(hours=3)
    # Laptop A: a note, then a change of the decision's words.
    a.append_event(meeting.id, ev.event(ev.NOTE, at=late, text="Room was cold"))
    a.append_event(meeting.id, ev.event(ev.DECISION_EDITED, at=late + timedelta(minutes=1), id=decision.id,
                                        text="Version from laptop A"))
    # Laptop B, at the same time: a turn, and another change of the same decision.
    b.append_event(meeting.id, ev.event(ev.TURN_STARTED, at=late + timedelta(seconds=30), member_id=person.id))
    b.append_event(meeting.id, ev.event(ev.TURN_ENDED, at=late + timedelta(seconds=90), member_id=person.id))
    b.append_event(meeting.id, ev.event(ev.DECISION_EDITED, at=late + timedelta(minutes=2), id=decision.id,
                                        text="Version from laptop B"))
    events_a, events_b = a.events(meeting.id), b.events(meeting.id)
    b.close()

    report = import_paths(a, [tmp_path / "laptop-b"])
    assert report.merged == [meeting.title] and report.events_added == 3 and report.unchanged == 5
    assert len(report.conflicts) == 1 and "changed on both laptops" in report.conflicts[0]
    assert "Both versions are kept" in report.conflicts[0]
    merged = a.events(meeting.id)
    assert {e.id for e in merged} == {e.id for e in events_a} | {e.id for e in events_b}
    assert [e.at for e in merged] == sorted(e.at for e in merged)  # one time order
    assert [e.type for e in merged if e.at >= late] == [ev.NOTE, ev.TURN_STARTED, ev.DECISION_EDITED,
                                                         ev.TURN_ENDED, ev.DECISION_EDITED]
    ctx = rv.open_decision(a, decision.id)
    history = [h.words for h in ctx.history]
    assert any("Version from laptop A" in h for h in history) and any("Version from laptop B" in h for h in history)
    assert ctx.decision.text == "Version from laptop B"  # the later change shows
    assert ctx.found.conflict and any("Please check" in line for line in ctx.lines(ANCHOR.date()))
    # Importing again: nothing changes, and no new conflict is reported.
    before = snapshot(a.root)
    again = import_paths(a, [tmp_path / "laptop-b"])
    assert not again.changed and not again.conflicts and snapshot(a.root) == before


def test_one_after_the_other_is_not_a_conflict(laptops, tmp_path: Path) -> None:
    a, b = laptops
    meeting = a.list_meetings()[0]
    decision = next(f.decision for f in rv.search_decisions(a, now=ANCHOR) if f.decision.meeting_id == meeting.id)
    a.append_event(meeting.id, ev.event(ev.DECISION_EDITED, at=meeting.start + timedelta(hours=3), id=decision.id,
                                        text="First change, on A"))
    a.close()
    assert not import_paths(b, [tmp_path / "laptop-a"]).conflicts  # B takes A's change
    b.append_event(meeting.id, ev.event(ev.DECISION_EDITED, at=meeting.start + timedelta(hours=4), id=decision.id,
                                        text="Second change, on B"))
    b.close()
    with ArchiveService.open(tmp_path / "laptop-a") as a2:
        report = import_paths(a2, [tmp_path / "laptop-b"])
        assert report.events_added == 1 and not report.conflicts
        assert a2.archive.records.row(DECISIONS, decision.id)["text"] == "Second change, on B"


def test_an_action_closed_on_the_other_laptop_is_closed_here(laptops, tmp_path: Path) -> None:
    a, b = laptops
    later = ANCHOR + timedelta(days=60)
    late = rv.search_actions(b, overdue=True, now=later)[0]
    rv.close_action(b, late.action.id, "done", now=later)  # (closed after it was agreed)
    b.close()
    import_paths(a, [tmp_path / "laptop-b"])
    assert rv.find_action(a, late.action.id).action.status.value == "done"


def test_newest_plan_wins_and_groups_merge_by_member(laptops, tmp_path: Path) -> None:
    a, b = laptops
    meeting_id = a.list_meetings()[0].id
    from dataclasses import replace

    plan = b.get_meeting(meeting_id)
    b.save_meeting(replace(plan, title="Renamed on laptop B", place="Town Hall"))
    group = b.groups()[0]
    b.save_group(group.with_member(Member(name="Zia", voice_group=VoiceGroup.CARER)))
    b.close()
    report = import_paths(a, [tmp_path / "laptop-b"])
    assert a.get_meeting(meeting_id).title == "Renamed on laptop B"
    assert report.members_added == 1
    assert any(m.name == "Zia" for m in a.group(group.id).members)
    # A plan saved later here is kept when the older one comes back.
    a.save_meeting(replace(a.get_meeting(meeting_id), title="Renamed again here"))
    assert not import_paths(a, [tmp_path / "laptop-b"]).changed
    assert a.get_meeting(meeting_id).title == "Renamed again here"


def test_export_meeting_then_import_round_trip(tmp_path: Path) -> None:
    source = make_archive(tmp_path / "coordinator-source", meetings=4, seed=5)
    meeting = source.list_meetings()[0]
    file = export_meeting(source, meeting.id[:8], tmp_path / "one-meeting.json")
    assert oct(file.stat().st_mode & 0o777) == "0o600"
    events = source.events(meeting.id)
    source.close()
    with ArchiveService.open(tmp_path / "coordinator") as target:
        report = import_paths(target, [file])
        assert report.added == [meeting.title] and report.groups_added
        assert target.get_meeting(meeting.id) == source_meeting(tmp_path / "coordinator-source", meeting.id)
        assert [e.id for e in target.events(meeting.id)] == [e.id for e in events]
        assert target.groups()[0].members  # the group came with it
        assert rv.search_decisions(target, now=ANCHOR)  # indexed for search
        assert not import_paths(target, [file]).changed


def source_meeting(root: Path, meeting_id: str):
    with ArchiveService.open(root) as s:
        return s.get_meeting(meeting_id)


def test_broken_and_foreign_files_are_named_and_skipped(tmp_path: Path, capsys) -> None:
    source = make_archive(tmp_path / "src", meetings=4, seed=5)
    good = export_meeting(source, source.list_meetings()[0].id, tmp_path / "good.json")
    source.close()
    bad = {
        "cut.json": good.read_bytes()[:200],
        "foreign.json": json.dumps({"people": {"1": {"name": "x"}}}).encode(),
        "newer.json": json.dumps({"_meta": {"1": {"schema": 99, "kind": "meeting"}}}).encode(),
        "path.json": good.read_bytes().replace(b'"id":"', b'"id":"../../evil-', 1),
        "empty.json": b"",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    archive = tmp_path / "target"
    code = main(["import", "--archive", str(archive), "--create", *[str(tmp_path / n) for n in bad], str(good)])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == len(bad)
    for name in bad:
        assert sum(name in line for line in lines) == 1
    assert "newer coprod-meet" in err
    assert "Added 1 meeting." in out  # the good file still came in
    assert not list(tmp_path.glob("evil*")) and not list((tmp_path / "target").rglob("*evil*"))
    with ArchiveService.open(archive) as target:
        assert len(target.list_meetings()) == 1


def test_naughty_text_in_an_imported_file_is_cleaned(tmp_path: Path) -> None:
    source = make_archive(tmp_path / "src", meetings=2, seed=5)
    meeting = source.list_meetings()[0]
    for n, text in enumerate(naughty_strings()[:120]):
        source.append_event(meeting.id, ev.event(ev.NOTE, text=text + f" #{n}"))
    file = export_meeting(source, meeting.id, tmp_path / "m.json")
    source.close()
    raw = json.loads(file.read_text())
    raw["events"]["1"]["data"]["sneaky"] = "\x1b]0;retitled\x07[@click=app.quit]"
    file.write_text(json.dumps(raw))
    with ArchiveService.open(tmp_path / "t") as target:
        assert not import_paths(target, [file]).problems
        texts = [str(e.data) for e in target.events(meeting.id)]
        assert not any("\x1b" in t or "\x07" in t for t in texts)
        assert any("[@click=app.quit]" in t for t in texts)  # kept as text, shown without markup


def test_cli_export_and_import(tmp_path: Path, capsys) -> None:
    source = make_archive(tmp_path / "src", meetings=2, seed=5)
    meeting = source.list_meetings()[0]
    source.close()
    out_file = tmp_path / "m.json"
    assert main(["export-meeting", "--archive", str(tmp_path / "src"), meeting.id[:8], "-o", str(out_file)]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert main(["export-meeting", "--archive", str(tmp_path / "src"), "zzzz", "-o", str(out_file)]) == 1
    assert "No meeting id starts with" in capsys.readouterr().err
    assert main(["import", "--archive", str(tmp_path / "t"), "--create", str(out_file)]) == 0
    assert main(["import", "--archive", str(tmp_path / "t"), str(tmp_path / "nothing-here")]) == 1
    assert "does not exist" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "--archive", str(tmp_path / "t")])
    assert exit_info.value.code == 2


# -- the merge rule, for any split of one meeting's log between two laptops --------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_GROUPS, _MEETINGS = build_demo(meetings=1, seed=11)
_MEETING, _LOG = _MEETINGS[0]


def _laptop(root: Path, keep: list[bool]) -> ArchiveService:
    service = ArchiveService.open(root)
    for g in _GROUPS:
        service.save_group(g)
    service.write_whole_meetings([(_MEETING, [e for e, k in zip(_LOG, keep) if k])])
    return service


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_split_merges_to_the_union_in_time_order(tmp_path_factory, data) -> None:
    n = len(_LOG)
    on_a = data.draw(st.lists(st.booleans(), min_size=n, max_size=n), label="on laptop A")
    on_b = data.draw(st.lists(st.booleans(), min_size=n, max_size=n), label="on laptop B")
    root = tmp_path_factory.mktemp("split")
    _laptop(root / "b", on_b).close()
    with _laptop(root / "a", on_a) as a:
        import_paths(a, [root / "b"])
        merged = [e.id for e in a.events(_MEETING.id)]
        assert sorted(merged) == sorted(e.id for e, x, y in zip(_LOG, on_a, on_b) if x or y)
        at = {e.id: e.at for e in _LOG}
        assert [at[i] for i in merged] == sorted(at[i] for i in merged)  # time order
        for side in (on_a, on_b):  # each laptop's own order is kept, also within one second
            own = [e.id for e, k in zip(_LOG, side) if k]
            assert [i for i in merged if i in set(own)] == own
        before = snapshot(a.root)
        assert not import_paths(a, [root / "b"]).changed and snapshot(a.root) == before


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_merge_logs_keeps_every_event_once_in_order(data) -> None:
    from coprod_meet.services.merge import merge_logs

    n = len(_LOG)
    on_a = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
    on_b = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
    ours = [e for e, k in zip(_LOG, on_a) if k]
    theirs = [e for e, k in zip(_LOG, on_b) if k]
    merged = merge_logs(ours, theirs)
    ids = [e.id for e in merged]
    assert sorted(ids) == sorted(e.id for e, x, y in zip(_LOG, on_a, on_b) if x or y)
    assert [e.at for e in merged] == sorted(e.at for e in merged)
    for side in (ours, theirs):
        kept = {e.id for e in side}
        assert [i for i in ids if i in kept] == [e.id for e in side]
    assert merge_logs(merged, theirs) == merged and merge_logs(merged, ours) == merged
