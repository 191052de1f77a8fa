"""Recording, correcting and listing decisions, actions, "you said" and evaluations in a real archive.

Follows the SCENARIO: matters arising (the late action, Jo marks it done), item 5's vote,
Jo's action, item 6's consensus answering Priya's January idea, and "How did today go?".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coprod_meet.domain import events as ev
from coprod_meet.domain.errors import NotFound, UserError
from coprod_meet.domain.records import ActionStatus, Method, YouSaidState
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services import review as rv
from coprod_meet.services.records import RecordsService
from tests.scenario import FEBRUARY_ITEMS, I, ID, MARCH, build_board, leave

TODAY = MARCH.date()


@pytest.fixture
def board(service):
    return build_board(service)


def test_matters_arising_shows_the_late_action_and_jo_marks_it_done(board) -> None:
    arising = board.records.open_actions(board.march.id)
    assert [a.text for a in arising] == ["write to the bus company about late buses",
                                         "send easy read letters to the print team"]
    late = arising[0]
    assert late.sentence(TODAY) == ("Jo Clark will write to the bus company about late buses by Thursday 26 February "
                                    "2026 — 2 weeks late")
    assert arising[1].sentence(TODAY).startswith("Mary Fisher will send easy read letters")
    february_log = board.service.events(board.february.id)
    done = board.records.mark_done(late.id, in_meeting=board.march.id)
    assert done.status is ActionStatus.DONE and done.meeting_id == board.february.id
    assert done.history[0].meeting_id == board.march.id
    # The correction is an event in March's log; February's log is as it was.
    assert [e.type for e in board.service.events(board.march.id)][-1] == ev.ACTION_EDITED
    assert board.service.events(board.february.id) == february_log
    assert [a.text for a in board.records.open_actions(board.march.id)] == ["send easy read letters to the print team"]


def test_item_five_vote_dissent_review_and_jos_action(board) -> None:
    decision = board.records.record_decision(
        board.march.id, text="We will offer more short breaks for carers.", method="vote",
        counts={"for": "7", "against": "1", "abstain": "1"}, dissent="Breaks should include evenings.",
        dissent_by=[ID["Tom"]], proposed_by=ID["Hayley"], lived_experience_agreed=True, review="in 6 months")
    assert decision.item_id == I["breaks"] and decision.item_title == "Carers' breaks"
    assert decision.review_date == "2026-09-12"
    action = board.records.record_action(board.march.id, text="ask providers for evening break options",
                                         owner_id=ID["Jo"], due="in 2 weeks", decision_id=decision.id)
    assert action.sentence(TODAY) == ("Jo Clark will ask providers for evening break options by Thursday 26 March "
                                      "2026 — due in 2 weeks")
    (stored,) = board.records.decisions(board.march.id)
    assert stored == decision and stored.counts == {"for": 7, "against": 1, "abstain": 1}
    assert board.records.actions(board.march.id) == [action]


def test_a_vote_cannot_count_more_than_the_nine_present(board) -> None:
    with pytest.raises(UserError, match="only 9 people are here"):
        board.records.record_decision(board.march.id, text="x", method="vote", counts={"for": "10"})
    assert board.service.events(board.march.id)[-1].type == ev.ITEM_STARTED  # nothing written


def test_item_six_answers_priyas_idea_from_january(board) -> None:
    (said,) = board.records.you_said_for(board.march.id)
    assert said.text == "Buses stop too early" and said.member_id == ID["Priya"] and said.state is YouSaidState.HEARD
    assert said.meeting_id == board.january.id
    decision = board.records.record_decision(board.march.id, item_id=I["transport"], method=Method.CONSENSUS,
                                             text="We will set up a transport working group.")
    linked = board.records.link_you_said(said.id, in_meeting=board.march.id, decision_id=decision.id)
    assert linked.state is YouSaidState.DECIDED
    # Still shown under "you said, we did" at later meetings until it is reported back.
    assert [y.id for y in board.records.you_said_for(board.march.id)] == [said.id]
    board.records.report_back(said.id, in_meeting=board.march.id)
    (shown,) = board.records.you_said_for(board.march.id)
    assert shown.state is YouSaidState.REPORTED_BACK and shown.reported_in == board.march.id
    later = board.march.__class__(**{**board.march.__dict__, "id": "meeting-apr",
                                      "start": MARCH + timedelta(days=28), "end": MARCH + timedelta(days=28, hours=2)})
    board.service.save_meeting(later)
    assert board.records.you_said_for("meeting-apr") == []


def test_how_did_today_go(board) -> None:
    leave(board, ID["Ade"], MARCH + timedelta(minutes=90))
    answers = {ID["Hayley"]: "yes", ID["Jo"]: "yes", ID["Priya"]: "yes", ID["Tom"]: "yes", ID["Mary"]: "yes", ID["Cllr Shah"]: "yes",
               ID["Sam"]: "partly", ID["Kit"]: "pass"}
    summary = board.records.evaluation_summary(board.march.id)
    assert summary.sentences()[0] == "Nobody has said how today went yet."
    for member_id, heard in answers.items():
        board.records.record_evaluation(board.march.id, member_id, heard,
                                        "I needed more time" if member_id == ID["Sam"] else "")
    summary = board.records.evaluation_summary(board.march.id)
    assert summary.asked == 8 and summary.counts == {"yes": 6, "partly": 1, "pass": 1}
    assert summary.sentences() == ["6 of 8 felt heard.", "1 felt partly heard: Sam.", 'Sam said: "I needed more time"',
                                   "Kit passed."]
    with pytest.raises(UserError, match="Dr Lee is not marked as here"):
        board.records.record_evaluation(board.march.id, ID["Dr Lee"], "yes")
    with pytest.raises(UserError, match="yes, partly or no"):
        board.records.record_evaluation(board.march.id, ID["Sam"], "meh")


def test_evaluation_summary_names_who_has_not_answered(board) -> None:
    board.records.record_evaluation(board.march.id, ID["Sam"], "no", "Nobody asked me.")
    lines = board.records.evaluation_summary(board.march.id).sentences()
    assert lines[:3] == ["0 of 9 felt heard.", "1 did not feel heard: Sam.", 'Sam said: "Nobody asked me."']
    assert lines[-1].startswith("Not answered yet: Hayley, Jo, Priya, Tom, Ade, Mary, Cllr Shah and Kit")


def test_correcting_a_decision_keeps_history_and_checks_the_rules(board) -> None:
    d = board.records.record_decision(board.march.id, text="We will offer breaks.", method="consent")
    board.at(datetime(2026, 3, 20, 10, 0))
    fixed = board.records.correct_decision(d.id, text="We will offer short breaks.", reason="A typo.")
    assert fixed.text == "We will offer short breaks."
    assert fixed.history[0].changes == (("text", "We will offer breaks.", "We will offer short breaks."),)
    assert fixed.history[0].at == datetime(2026, 3, 20, 10, 0) and fixed.history[0].reason == "A typo."
    with pytest.raises(UserError, match="Nothing was changed"):
        board.records.correct_decision(d.id, text="We will offer short breaks.")
    with pytest.raises(UserError, match="voted against"):
        board.records.correct_decision(d.id, method="vote", counts={"for": 5, "against": 2})
    with pytest.raises(NotFound):
        board.records.correct_decision("no-such-id", text="x")


def test_a_new_decision_replaces_an_earlier_one_picked_from_the_list(board) -> None:
    board.at(datetime(2026, 2, 12, 15, 0))
    old = board.records.record_decision(board.february.id, text="We will meet monthly.", method="consensus",
                                        item_id=FEBRUARY_ITEMS["letters"])
    board.at(MARCH + timedelta(hours=1))
    assert [d.id for d in board.records.earlier_decisions(board.march.id)] == [old.id]
    new = board.records.record_decision(board.march.id, text="We will meet every two months.", method="consent",
                                        supersedes=old.id)
    assert board.records.find_decision(old.id).superseded_by == new.id
    assert board.records.earlier_decisions(board.march.id) == [board.records.find_decision(new.id)]
    with pytest.raises(UserError, match="already replaced"):
        board.records.record_decision(board.march.id, text="Weekly.", method="consent", supersedes=old.id)
    with pytest.raises(NotFound, match="not in this group"):
        board.records.record_decision(board.march.id, text="Weekly.", method="consent", supersedes="nope")


def test_dropping_an_action_needs_a_reason(board) -> None:
    action = board.records.open_actions(board.march.id)[1]
    with pytest.raises(UserError, match="why the action was dropped"):
        board.records.correct_action(action.id, status="dropped")
    dropped = board.records.drop_action(action.id, "The event was cancelled.", in_meeting=board.march.id)
    assert dropped.status is ActionStatus.DROPPED and dropped.reason == "The event was cancelled."
    reopened = board.records.correct_action(dropped.id, status="open", due="2026-05-31", reason="It is back on.")
    assert reopened.reason == "" and reopened.due == "2026-05-31" and len(reopened.history) == 2


def test_listing_decisions_with_filters(board) -> None:
    board.at(datetime(2026, 2, 12, 15, 0))
    board.records.record_decision(board.february.id, text="We will write in plain English.", method="consensus",
                                  item_id=FEBRUARY_ITEMS["letters"], review="in 2 weeks")
    board.at(MARCH + timedelta(hours=1))
    board.records.record_decision(board.march.id, text="We will offer more short breaks.", method="vote",
                                  counts={"for": "7", "against": "1"}, dissent="Breaks should include evenings.")

    def texts(search: str = "", **words) -> list[str]:
        return [f.decision.text for f in rv.search_decisions(board.service, search, now=datetime(2026, 3, 13), **words)]

    assert texts() == ["We will offer more short breaks.", "We will write in plain English."]  # newest first
    assert texts(search="EVENINGS") == ["We will offer more short breaks."]  # in the dissent
    assert texts(search="breaks holidays") == []  # every word must be there
    assert texts(search="carers' breaks") == ["We will offer more short breaks."]  # in the item title
    assert texts(since="March") == ["We will offer more short breaks."]
    assert texts(until="February") == ["We will write in plain English."]
    assert texts(since="last month", until="last month") == ["We will write in plain English."]
    assert texts(group="better together board") == texts()
    with pytest.raises(UserError, match="There is no group called 'Another group'"):
        texts(group="Another group")
    assert texts(review="due") == ["We will write in plain English."]
    assert texts(period="between February and March") == texts()
    with pytest.raises(UserError):
        texts(since="the day after never")


def test_listing_actions_with_filters(board) -> None:
    now = datetime.combine(TODAY, datetime.min.time())

    def texts(**words) -> list[str]:
        return [f.action.text for f in rv.search_actions(board.service, now=now, **words)]

    assert texts(overdue=True) == ["write to the bus company about late buses"]
    assert texts(owner="mary") == ["book County Hall room 4", "send easy read letters to the print team"]
    assert texts(owner="jo clark", status="open") == ["write to the bus company about late buses"]
    assert texts(status="done") == ["book County Hall room 4"]
    assert texts(group="Better Together Board", since="1/2/2026", until="28/2/2026") == texts()
    with pytest.raises(UserError, match="open, overdue, done, dropped"):
        texts(status="finished")


def test_records_survive_reopening_the_archive(board, archive_dir) -> None:
    d = board.records.record_decision(board.march.id, text="We will offer breaks.", method="co_chairs")
    board.service.close()
    with ArchiveService.open(archive_dir) as again:
        assert RecordsService(again).decisions(board.march.id) == [d]


def test_demo_archive_lists_every_method_and_action_state(archive_dir) -> None:
    from coprod_meet.services.demo import build_demo, demo_today

    groups, meetings = build_demo(meetings=24, seed=1)
    with ArchiveService.open(archive_dir) as service:
        for g in groups:
            service.save_group(g)
        service.write_whole_meetings(meetings)
        records = RecordsService(service)
        decisions = [f.decision for f in rv.search_decisions(service)]
        actions = [f.action for f in rv.search_actions(service)]
        book = records._book()
    assert {d.method for d in decisions} == set(Method)
    assert any(d.dissent and d.counts.get("against") for d in decisions)
    assert any(d.superseded_by for d in decisions) and any(d.history for d in decisions)
    assert {a.status for a in actions} == set(ActionStatus)
    assert all(a.reason for a in actions if a.status is ActionStatus.DROPPED)
    assert any(a.is_overdue(demo_today()) for a in actions)
    assert any(not a.is_overdue(demo_today()) and a.status is ActionStatus.OPEN for a in actions)
    assert {y.state for y in book.you_said.values()} == set(YouSaidState)
    assert book.skipped == 0


def test_a_damaged_file_or_event_in_the_group_leaves_the_other_records_whole(board) -> None:
    """The group's records are read from every meeting file of the group: one that will not
    parse is left out (``check`` says so), and an event that cannot be read is skipped; the
    other meetings' records are as before, and nothing fails."""
    arising = [a.text for a in board.records.open_actions(board.march.id)]
    assert arising  # February's open actions
    # An action event in January with its time torn off, and one whose action cannot be read.
    january = board.service.archive.meeting_file(board.january.id)
    january.append_events([{"id": "e1", "type": ev.ACTION_RECORDED, "data": {"id": "torn"}},
                           {"id": "e2", "type": ev.ACTION_RECORDED, "at": "2026-01-15T15:00:00",
                            "data": {"id": "torn too"}}])
    assert [a.text for a in board.records.open_actions(board.march.id)] == arising
    # February's file will not parse: its actions are no longer known, and March still opens.
    board.service.archive.meeting_path(board.february.id).write_text("{ not json", encoding="utf-8")
    assert board.records.open_actions(board.march.id) == []
    assert board.records.book_for(board.march.id).skipped == 1  # the action that could not be read


def test_the_forms_lists_come_from_the_index_not_the_groups_files(board) -> None:
    """What the decision and action forms list (earlier decisions to replace, the meeting's own
    decisions) is read through the index: a key press in a meeting does not read every file of
    the group. February's file spoilt in place (as only `check` would find) changes nothing."""
    board.at(datetime(2026, 2, 12, 15, 0))
    feb = board.records.record_decision(board.february.id, text="We will meet monthly.", method="consensus",
                                        item_id=FEBRUARY_ITEMS["letters"])
    board.at(MARCH + timedelta(hours=1))
    first = board.records.record_decision(board.march.id, text="We will offer breaks.", method="consent")
    board.at(MARCH + timedelta(hours=2))
    second = board.records.record_decision(board.march.id, text="We will print in large type.", method="consent")
    path = board.service.archive.meeting_path(board.february.id)
    with open(path, "r+b") as f:
        f.write(b"spoilt")
    assert [d.id for d in board.records.decisions(board.march.id)] == [first.id, second.id]  # as recorded
    assert [d.id for d in board.records.earlier_decisions(board.march.id)] == [second.id, first.id, feb.id]
