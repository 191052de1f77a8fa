"""Searching decisions and actions through the catalogue (issue 7), with dates in words."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from coprod_meet.domain import events as ev
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Event
from coprod_meet.domain.records import Decision, Method, actions_from, decisions_from
from coprod_meet.services import review as rv
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import ANCHOR
from coprod_meet.storage.record_index import ACTIONS, DECISIONS, INDEX_FILES
from tests.conftest import naughty_strings
from tests.test_record_index import old_shape_index

NOW = ANCHOR  # Friday 20 November 2026, the demo's "today"


def brute_force(service: ArchiveService) -> tuple[dict[str, Decision], dict]:
    """Fold every meeting file's events in time order: what the catalogue must agree with."""
    every: list[Event] = []
    for m in service.list_meetings():
        every += service.events(m.id)
    every.sort(key=lambda e: e.sort_key)
    return {d.id: d for d in decisions_from(every)}, {a.id: a for a in actions_from(every)}


def test_catalogue_agrees_with_a_fold_over_every_file(demo_service: ArchiveService) -> None:
    decisions, actions = brute_force(demo_service)
    found = {f.decision.id: f.decision for f in rv.search_decisions(demo_service, now=NOW)}
    assert found == decisions
    listed = {f.action.id: f.action for f in rv.search_actions(demo_service, now=NOW)}
    assert listed == actions
    # Actions marked done at a later meeting are done in the catalogue too.
    assert any(a.status.value == "done" and len(demo_service.archive.records.row(ACTIONS, a.id)["meetings"]) > 1
               for a in actions.values())


def test_words_match_decision_item_and_dissent_in_any_case(demo_service: ArchiveService) -> None:
    decisions, _ = brute_force(demo_service)
    for word in ("TRANSPORT", "evenings", "carers' breaks", "waiting times"):
        expected = {d.id for d in decisions.values()
                    if all(w in f"{d.text}\n{d.item_title}\n{d.dissent}".casefold() for w in word.casefold().split())}
        assert {f.decision.id for f in rv.search_decisions(demo_service, word, now=NOW)} == expected
    assert rv.search_decisions(demo_service, "no such words anywhere", now=NOW) == []


def test_dates_in_words(demo_service: ArchiveService) -> None:
    everything = rv.search_decisions(demo_service, now=NOW)
    starts = sorted({f.meeting_start.date() for f in everything})
    assert len(starts) > 2
    since = rv.search_decisions(demo_service, since="October", now=NOW)
    assert {f.decision.id for f in since} == {f.decision.id for f in everything
                                              if f.meeting_start.date() >= date(2026, 10, 1)}
    period = rv.search_decisions(demo_service, period="between 1/9/2026 and 31/10/2026", now=NOW)
    assert {f.decision.id for f in period} == {f.decision.id for f in everything
                                               if date(2026, 9, 1) <= f.meeting_start.date() <= date(2026, 10, 31)}
    assert rv.search_decisions(demo_service, period="last year", now=NOW) == []  # all of 2025: no meetings
    until = rv.search_decisions(demo_service, until="September", now=NOW)
    assert all(f.meeting_start.date() <= date(2026, 9, 30) for f in until) and until
    # Newest first.
    assert [f.meeting_start for f in everything] == sorted((f.meeting_start for f in everything), reverse=True)
    with pytest.raises(UserError, match="date or period"):
        rv.search_decisions(demo_service, period="the day after never", now=NOW)


def test_group_method_review_and_state(demo_service: ArchiveService) -> None:
    everything = rv.search_decisions(demo_service, now=NOW)
    group = everything[0].group_name
    assert {f.group_name for f in rv.search_decisions(demo_service, group=group.upper(), now=NOW)} == {group}
    with pytest.raises(UserError, match="no group called"):
        rv.search_decisions(demo_service, group="Knitting Circle", now=NOW)
    methods = {f.decision.method for f in everything}
    assert len(methods) > 1
    for method in methods:
        typed = method.value.replace("_", "-").upper()
        found = rv.search_decisions(demo_service, method=typed, now=NOW)
        assert {f.decision.id for f in found} == {f.decision.id for f in everything if f.decision.method is method}
    assert {f.decision.method for f in rv.search_decisions(demo_service, method="co-chairs", now=NOW)} <= {Method.CO_CHAIRS}
    with pytest.raises(UserError, match="way of deciding"):
        rv.search_decisions(demo_service, method="coin toss", now=NOW)
    # Demo reviews are six months after each meeting: none due yet on the demo's "today"...
    assert rv.search_decisions(demo_service, review="overdue", now=NOW) == []
    # ...but four months later the earliest ones are late, and a few more are coming up.
    later = NOW + timedelta(days=120)
    overdue = rv.search_decisions(demo_service, review="overdue", now=later)
    due = rv.search_decisions(demo_service, review="due", now=later)
    assert overdue and set(f.decision.id for f in overdue) < set(f.decision.id for f in due)
    assert len(due) < len(everything)
    assert all(f.review_date < later.date() for f in overdue)
    assert all(f.review_date <= later.date() + timedelta(days=28) for f in due)
    assert "late" in overdue[0].review_in_words(later.date())


def test_superseded_and_current(demo_service: ArchiveService) -> None:
    current = rv.search_decisions(demo_service, state="current", now=NOW)
    before = {f.decision.id for f in rv.search_decisions(demo_service, state="superseded", now=NOW)}
    old = current[-1]
    new = next(f for f in current if not f.decision.supersedes and f is not old)
    # The later decision says which one it replaces; the earlier one then shows "replaced by".
    demo_service.append_event(new.decision.meeting_id, ev.event(ev.DECISION_EDITED, id=new.decision.id,
                                                                supersedes=old.decision.id))
    superseded = rv.search_decisions(demo_service, state="superseded", now=NOW)
    assert {f.decision.id for f in superseded} == before | {old.decision.id}
    assert old.decision.id not in {f.decision.id for f in rv.search_decisions(demo_service, state="current", now=NOW)}
    ctx = rv.open_decision(demo_service, old.decision.id)
    assert ctx.superseded_by is not None and ctx.superseded_by.decision.id == new.decision.id
    assert any("replaced by a later decision" in line for line in ctx.lines(NOW.date()))


def test_actions_open_overdue_done_owner_and_group(demo_service: ArchiveService) -> None:
    today = NOW.date()
    overdue = rv.search_actions(demo_service, overdue=True, now=NOW)
    assert overdue and all(a.overdue(today) and a.due_in_words(today).endswith("late") for a in overdue)
    assert rv.search_actions(demo_service, status="overdue", now=NOW) == overdue
    done = rv.search_actions(demo_service, status="done", now=NOW)
    assert done and all(a.due_in_words(today) == "done" for a in done)
    owner = overdue[0].action.owner
    first = owner.split()[0]
    mine = rv.search_actions(demo_service, owner=first.lower(), now=NOW)
    assert mine and all(any(n.casefold().startswith(first.casefold()) for n in a.action.owner.split()) for a in mine)
    assert rv.search_actions(demo_service, owner=first[1:] + "zz", now=NOW) == []
    group = overdue[0].group_name
    assert {a.group_name for a in rv.search_actions(demo_service, group=group, now=NOW)} == {group}
    with pytest.raises(UserError, match="kind of action"):
        rv.search_actions(demo_service, status="lost", now=NOW)


def test_close_action_is_an_event_in_its_own_meeting(demo_service: ArchiveService) -> None:
    target = rv.search_actions(demo_service, overdue=True, now=NOW)[0]
    with pytest.raises(UserError, match="say why"):
        rv.close_action(demo_service, target.action.id, "dropped", "  ", now=NOW)
    before = len(demo_service.events(target.action.meeting_id))
    closed = rv.close_action(demo_service, target.action.id, "dropped", "The service closed", now=NOW)
    assert closed.due_in_words(NOW.date()) == "dropped: The service closed"
    events = demo_service.events(target.action.meeting_id)
    assert len(events) == before + 1 and events[-1].type == ev.ACTION_EDITED
    assert events[-1].data == {"id": target.action.id, "status": "dropped", "reason": "The service closed"}
    with pytest.raises(UserError, match="already dropped"):
        rv.close_action(demo_service, target.action.id, "done", now=NOW)
    # It survives reopening the archive, and the brute-force fold agrees.
    root = demo_service.root
    demo_service.close()
    with ArchiveService.open(root) as again:
        assert again.archive.records.row(ACTIONS, target.action.id)["status"] == "dropped"
        assert brute_force(again)[1][target.action.id].status.value == "dropped"


def test_open_decision_shows_its_context(demo_service: ArchiveService) -> None:
    found = next(f for f in rv.search_decisions(demo_service, now=NOW) if f.decision.dissent)
    demo_service.append_event(found.decision.meeting_id, ev.event(
        ev.DECISION_EDITED, at=datetime(2026, 11, 21, 10, 0), id=found.decision.id, text="We will look again."))
    ctx = rv.open_decision(demo_service, found.decision.id)
    text = "\n".join(ctx.lines(NOW.date()))
    meeting = demo_service.get_meeting(found.decision.meeting_id)
    assert meeting.title in text and found.decision.dissent in text
    assert ctx.item is not None and ctx.item.title in text
    assert ctx.came and all(name in text for name in ctx.came)
    assert [h.words.split(":")[0].split(" at ")[0] for h in ctx.history] == ["recorded", "changed the words; it now says"]
    assert ctx.decision.text == "We will look again."
    assert ctx.actions and all(a.action.decision_id == found.decision.id for a in ctx.actions)
    with pytest.raises(UserError):
        rv.open_decision(demo_service, "not-an-id")


def test_live_turns_never_touch_the_catalogue(demo_service: ArchiveService) -> None:
    files = [demo_service.root / name for name in ("catalogue.sqlite", *INDEX_FILES)]
    meeting = demo_service.list_meetings()[0]
    member = demo_service.get_meeting(meeting.id).roster[0]
    before = [p.read_bytes() for p in files]
    demo_service.append_event(meeting.id, ev.event(ev.TURN_STARTED, member_id=member.id))
    demo_service.append_event(meeting.id, ev.event(ev.TURN_ENDED, member_id=member.id))
    assert [p.read_bytes() for p in files] == before
    demo_service.append_event(meeting.id, ev.event(ev.DECISION_RECORDED, **Decision(
        meeting_id=meeting.id, text="We will meet in the library").to_dict()))
    after = dict(zip((p.name for p in files), (p.read_bytes() for p in files)))
    before_by_name = dict(zip((p.name for p in files), before))
    # The decision's line and the rest of it changed; the actions and the catalogue did not.
    assert {name for name in after if after[name] != before_by_name[name]} == {"decisions.json",
                                                                               "record-details.json"}
    assert [f.decision.text for f in rv.search_decisions(demo_service, "library", now=NOW)] == [
        "We will meet in the library"]


def test_the_first_screen_never_reads_the_index_of_decisions(demo_service: ArchiveService) -> None:
    """The meetings list reads only the small catalogue; decisions are read when first searched."""
    root = demo_service.root
    expected = [f.decision for f in rv.search_decisions(demo_service, now=NOW)]
    assert expected and b"decisions" not in (root / "catalogue.sqlite").read_bytes()
    demo_service.close()
    with ArchiveService.open(root) as again:
        assert again.list_meetings() and again.archive._records is None
        assert [f.decision for f in rv.search_decisions(again, now=NOW)] == expected
        assert again.archive._records is not None


def test_an_archive_with_the_index_inside_the_catalogue_moves_it_out(demo_service: ArchiveService) -> None:
    """Archives saved by earlier versions kept their catalogue in catalogue.json, and before that
    decisions in it too: opened, the lines move into catalogue.sqlite and the index out to
    records.json (the index's shape of that time, which is then brought to today's files)."""
    root = demo_service.root
    expected = [f.decision for f in rv.search_decisions(demo_service, now=NOW)]
    meetings = demo_service.list_meetings()
    lines = {str(n): line for n, line in enumerate(demo_service.archive.summaries(), start=1)}
    old_index = old_shape_index(demo_service)
    demo_service.close()
    old = {"_meta": {"1": {"schema": 1, "kind": "catalogue", "records": 1}}, "meetings": lines} | old_index
    (root / "catalogue.json").write_text(json.dumps(old))
    (root / "catalogue.sqlite").unlink()
    for name in INDEX_FILES:
        (root / name).unlink()
    with ArchiveService.open(root) as moved:
        assert not (root / "catalogue.json").exists() and (root / "catalogue.sqlite").exists()
        assert (root / "records.json").exists() and moved.list_meetings() == meetings
        assert [f.decision for f in rv.search_decisions(moved, now=NOW)] == expected
        assert not (root / "records.json").exists() and all((root / name).exists() for name in INDEX_FILES)


@pytest.mark.parametrize("name", INDEX_FILES)
def test_a_lost_or_broken_index_of_decisions_is_rebuilt(demo_service: ArchiveService, name: str) -> None:
    root = demo_service.root
    expected = [f.decision for f in rv.search_decisions(demo_service, now=NOW)]
    actions = rv.search_actions(demo_service, now=NOW)
    demo_service.close()
    (root / name).write_text("{ broken", encoding="utf-8")
    with ArchiveService.open(root) as healed:
        assert [f.decision for f in rv.search_decisions(healed, now=NOW)] == expected
        assert rv.search_actions(healed, now=NOW) == actions
        assert [p.path.name for p in healed.problems] == [name]  # said plainly that it was moved aside
    (root / name).unlink()
    with ArchiveService.open(root) as healed:
        assert [f.decision for f in rv.search_decisions(healed, now=NOW)] == expected
        assert rv.search_actions(healed, now=NOW) == actions


def test_catalogue_is_rebuilt_when_it_is_lost_or_broken(demo_service: ArchiveService) -> None:
    root = demo_service.root
    expected = [f.decision for f in rv.search_decisions(demo_service, now=NOW)]
    demo_service.close()
    (root / "catalogue.sqlite").write_text("{ broken", encoding="utf-8")
    with ArchiveService.open(root) as healed:
        assert healed.problems  # said plainly that the broken file was moved aside
        assert [f.decision for f in rv.search_decisions(healed, now=NOW)] == expected
    (root / "catalogue.sqlite").unlink()
    with ArchiveService.open(root) as healed:
        assert [f.decision for f in rv.search_decisions(healed, now=NOW)] == expected


def test_naughty_strings_in_decisions_and_search_words(service: ArchiveService) -> None:
    from coprod_meet.domain.model import Meeting

    meeting = service.save_meeting(Meeting(group_id="g", group_name="Board", title="Naughty night",
                                           start=NOW, end=NOW + timedelta(hours=1)))
    strings = [s for s in naughty_strings() if s.strip()]
    events = []
    for n, text in enumerate(strings):
        decision = Decision(meeting_id=meeting.id, text=f"{text} #{n}", dissent=text)
        events.append(ev.event(ev.DECISION_RECORDED, at=NOW + timedelta(seconds=n), **decision.to_dict()))
    service.write_whole_meetings([(meeting, events)])
    assert len(rv.search_decisions(service, now=NOW)) == len(strings)
    for n, text in enumerate(strings):
        found = rv.search_decisions(service, f"{text} #{n}", now=NOW)
        assert f"#{n}" in "".join(f.decision.text for f in found), text
        if n % 25 == 0:
            rv.open_decision(service, found[0].decision.id).lines(NOW.date())
    for text in strings:
        rv.search_actions(service, owner=text, words=text, now=NOW)  # never crashes


def test_limit_keeps_the_newest_and_counts_them_all(demo_service: ArchiveService) -> None:
    everything = rv.search_decisions(demo_service, now=NOW)
    newest = rv.search_decisions(demo_service, now=NOW, limit=3)
    assert newest == everything[:3] and newest.total == everything.total == len(everything)
