"""The rules of decisions, actions and "you said, we did", and the fold that keeps their history."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_meet.domain import events as ev
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.evaluation import check_answer
from coprod_meet.domain.model import Event
from coprod_meet.domain.records import (
    Action,
    ActionStatus,
    Decision,
    Method,
    RecordBook,
    RecordPrefill,
    YouSaidState,
    actions_from,
    check_decision,
    counts_in_words,
    decision_lines,
    decisions_from,
    make_action,
    make_decision,
    make_you_said,
)

MEETING = "m-march"
PREFILL = RecordPrefill(
    meeting_id=MEETING,
    group_id="g",
    today=date(2026, 3, 12),
    items=(("i5", "Carers' breaks"), ("i6", "Transport to day centres")),
    item_id="i5",
    members=(("hayley", "Hayley"), ("jo", "Jo"), ("tom", "Tom"), ("priya", "Priya")),
    present=("hayley", "jo", "tom", "priya"),
    lead_id="hayley",
    co_chair_ids=("hayley", "jo"),
    owners=(("hayley", "Hayley Brook"), ("jo", "Jo Clark"), ("tom", "Tom"), ("priya", "Priya")),
)
NINE = PREFILL.__class__(**{**PREFILL.__dict__, "present": tuple(f"p{n}" for n in range(9))})


def at(minute: int) -> datetime:
    return datetime(2026, 3, 12, 14, 0) + timedelta(minutes=minute)


# -- every method's rules ----------------------------------------------------------------------


def test_every_method_has_a_plain_one_line_meaning() -> None:
    for method in Method:
        assert method.meaning.endswith(".") and "\n" not in method.meaning and len(method.meaning) < 80
        assert method.label and method.words


def test_the_scenario_vote() -> None:
    d = make_decision(NINE, text="We will offer more short breaks for carers.", method="vote",
                      counts={"for": "7", "against": "1", "abstain": "1"}, dissent="Breaks should include evenings.",
                      lived_experience_agreed=True, review="in 6 months")
    assert d.counts == {"for": 7, "against": 1, "abstain": 1}
    assert counts_in_words(d.counts) == "7 for, 1 against, 1 did not vote"
    assert d.how_in_words() == "Decided by a vote: 7 for, 1 against, 1 did not vote."
    assert d.review_date == "2026-09-12"
    assert d.item_title == "Carers' breaks"


def test_a_vote_needs_counts() -> None:
    with pytest.raises(UserError, match="A vote needs its counts"):
        make_decision(PREFILL, text="We will do it.", method=Method.VOTE)
    with pytest.raises(UserError, match="whole number"):
        make_decision(PREFILL, text="We will do it.", method=Method.VOTE, counts={"for": "seven"})


def test_a_vote_cannot_count_more_people_than_are_here() -> None:
    with pytest.raises(UserError, match="only 4 people are here"):
        make_decision(PREFILL, text="We will do it.", method=Method.VOTE, counts={"for": "5"})


def test_dissent_is_required_when_anyone_voted_against() -> None:
    with pytest.raises(UserError, match="voted against"):
        make_decision(PREFILL, text="We will do it.", method=Method.VOTE, counts={"for": "3", "against": "1"})


@given(st.integers(0, 30), st.integers(1, 30), st.integers(0, 5))
def test_any_vote_against_needs_a_dissent(for_: int, against: int, abstain: int) -> None:
    d = Decision(meeting_id=MEETING, text="x", method=Method.VOTE,
                 counts={"for": for_, "against": against, "abstain": abstain})
    with pytest.raises(UserError):
        check_decision(d)
    assert check_decision(Decision(**{**d.__dict__, "dissent": "No."}))


def test_consent_records_objections_and_needs_their_view() -> None:
    with pytest.raises(UserError, match="disagreed or objected"):
        make_decision(PREFILL, text="We will do it.", method="consent", dissent_by=["tom"])
    d = make_decision(PREFILL, text="We will do it.", method="consent", dissent_by=["tom"],
                      dissent="Tom asked us to look again in three months.")
    assert d.dissent_by == ("tom",)
    assert "Tom disagreed: Tom asked us to look again" in "\n".join(decision_lines(d, dict(PREFILL.members)))


def test_consensus_cannot_have_anyone_disagreeing() -> None:
    with pytest.raises(UserError, match="Consensus means everyone agrees"):
        make_decision(PREFILL, text="We will do it.", method="consensus", dissent_by=["tom"], dissent="No.")


def test_only_a_vote_has_counts() -> None:
    for method in (Method.CONSENSUS, Method.CONSENT, Method.CO_CHAIRS, Method.DEFERRED):
        with pytest.raises(UserError, match="Only a vote has counts"):
            make_decision(PREFILL, text="We will do it.", method=method, counts={"for": "3"})
        assert make_decision(PREFILL, text="We will do it.", method=method, counts={"for": ""}).counts == {}


def test_co_chairs_and_deferred_decisions() -> None:
    d = make_decision(PREFILL, text="We will ask the board.", method="co_chairs", proposed_by="jo")
    assert d.how_in_words() == "Decided by the co-chairs."
    assert "Proposed by Jo." in decision_lines(d, dict(PREFILL.members))
    later = make_decision(PREFILL, text="We will decide in May.", method="deferred", review="1/5/2026")
    assert later.how_in_words() == "Put off to a later meeting."
    assert later.review_date == "2026-05-01"


def test_the_lived_experience_check_is_recorded_and_shown() -> None:
    lines = lambda d: decision_lines(d, {})  # noqa: E731
    yes = make_decision(PREFILL, text="x", method="consent", lived_experience_agreed=True)
    asked_not = make_decision(PREFILL, text="x", method="consent")
    assert "The members with lived experience who were there agreed." in lines(yes)
    assert "The members with lived experience were not asked if they agreed." in lines(asked_not)
    with pytest.raises(UserError, match="did not all agree"):
        make_decision(PREFILL, text="x", method="consent", lived_experience_agreed=False)
    no = make_decision(PREFILL, text="x", method="consent", lived_experience_agreed=False, dissent="Too soon.")
    assert "The members with lived experience who were there did not all agree." in lines(no)


def test_plain_errors_for_missing_or_unknown_things() -> None:
    with pytest.raises(UserError, match="write what was decided"):
        make_decision(PREFILL, text="   ", method="consensus")
    with pytest.raises(UserError, match="choose how it was decided"):
        make_decision(PREFILL, text="x", method="shouting")
    with pytest.raises(UserError, match="review date"):
        make_decision(PREFILL, text="x", method="consensus", review="when pigs fly")
    with pytest.raises(UserError, match="proposed it"):
        make_decision(PREFILL, text="x", method="consensus", proposed_by="stranger")
    with pytest.raises(UserError, match="agenda item"):
        make_decision(PREFILL, text="x", method="consensus", item_id="nope")
    with pytest.raises(UserError, match="cannot replace itself"):
        make_decision(PREFILL, text="x", method="consensus", decision_id="d1", supersedes="d1")


# -- actions -----------------------------------------------------------------------------------


def test_the_scenario_action_in_words() -> None:
    a = make_action(PREFILL, text="ask providers for evening break options", owner_id="jo", due="in 2 weeks")
    assert a.owner == "Jo Clark" and a.due == "2026-03-26" and a.item_id == "i5"
    assert a.sentence(date(2026, 3, 12)) == (
        "Jo Clark will ask providers for evening break options by Thursday 26 March 2026 — due in 2 weeks")
    assert a.sentence(date(2026, 4, 9)).endswith("— 2 weeks late")
    assert a.is_overdue(date(2026, 4, 9)) and not a.is_overdue(date(2026, 3, 26))


def test_an_action_can_belong_to_an_organisation() -> None:
    a = make_action(PREFILL, text="Send the leaflet.", organisation="Carers UK", due="")
    assert a.owner == "Carers UK" and a.owner_id == ""
    assert a.sentence(date(2026, 3, 12)) == "Carers UK will send the leaflet — no date set"
    with pytest.raises(UserError, match="not both"):
        make_action(PREFILL, text="x", owner_id="jo", organisation="Carers UK")
    with pytest.raises(UserError, match="who will do it"):
        make_action(PREFILL, text="x")


def test_a_dropped_action_needs_a_reason() -> None:
    with pytest.raises(UserError, match="why the action was dropped"):
        make_action(PREFILL, text="x", owner_id="jo", status="dropped")
    a = make_action(PREFILL, text="x", owner_id="jo", status="dropped", reason="The service closed.")
    assert a.standing_in_words(date(2026, 3, 12)) == "dropped: The service closed."
    assert make_action(PREFILL, text="x", owner_id="jo", status="done", reason="ignored").reason == ""


# -- the fold: history, replaced by, you said ------------------------------------------------


def test_corrections_keep_the_earlier_wording_as_history() -> None:
    d = Decision(id="d1", meeting_id=MEETING, text="We will offer breaks.", method=Method.CONSENSUS)
    log = [
        Event(ev.DECISION_RECORDED, d.to_dict(), at=at(0)),
        Event(ev.DECISION_EDITED, {"id": "d1", "text": "We will offer short breaks.", "edit_reason": "A typo."},
              at=at(60)),
        Event(ev.DECISION_EDITED, {"id": "d1", "review_date": "2026-09-12"}, at=at(120)),
        Event(ev.DECISION_EDITED, {"id": "d1", "meeting_id": "elsewhere", "review_date": "2026-09-12"}, at=at(130)),
    ]
    (now,) = decisions_from(log)
    assert now.text == "We will offer short breaks." and now.review_date == "2026-09-12"
    assert now.meeting_id == MEETING  # an edit never moves a record
    assert len(now.history) == 2  # the last edit changed nothing
    first = now.history[0]
    assert first.changes == (("text", "We will offer breaks.", "We will offer short breaks."),)
    assert first.in_words() == ('On Thursday 12 March 2026: the wording was "We will offer breaks.", '
                                'now "We will offer short breaks.". Why: A typo.')
    assert "the review date was nothing, now Saturday 12 September 2026" in now.history[1].in_words()


def test_an_edit_in_a_later_meeting_reaches_the_earlier_record() -> None:
    a = Action(id="a1", meeting_id="feb", text="Send the survey", owner="Jo Clark", due="2026-02-26")
    pairs = [
        ("march", Event(ev.ACTION_EDITED, {"id": "a1", "status": "done"}, at=at(30))),  # given out of order
        ("feb", Event(ev.ACTION_RECORDED, a.to_dict(), at=at(-40000))),
    ]
    book = RecordBook.fold(pairs)
    done = book.actions["a1"]
    assert done.status is ActionStatus.DONE and done.meeting_id == "feb"
    assert done.history[0].meeting_id == "march"
    assert done.history[0].in_words() == "On Thursday 12 March 2026: the status was \"open\", now \"done\"."


def test_a_replaced_decision_shows_replaced_by() -> None:
    old = Decision(id="old", meeting_id="jan", text="Meet monthly.")
    new = Decision(id="new", meeting_id=MEETING, text="Meet every two months.", supersedes="old")
    book = RecordBook.fold([Event(ev.DECISION_RECORDED, old.to_dict(), at=at(-9000)),
                            Event(ev.DECISION_RECORDED, new.to_dict(), at=at(0))])
    assert book.decisions["old"].superseded_by == "new"
    assert book.decisions["new"].superseded_by == ""
    lines = decision_lines(book.decisions["old"], {}, {"new": new.text})
    assert "Replaced by a later decision: Meet every two months." in lines
    assert not book.decisions["old"].review_due(date(2100, 1, 1))


def test_you_said_moves_from_heard_to_reported_back() -> None:
    said = make_you_said(PREFILL, text="buses stop too early", member_id="priya")
    d = Decision(id="d6", meeting_id=MEETING, text="Set up a transport working group.")
    a = Action(id="a6", meeting_id=MEETING, text="Invite members", owner="Jo Clark")
    log = [Event(ev.YOU_SAID, said.to_dict(), at=at(0))]
    assert RecordBook.fold(log).you_said[said.id].state is YouSaidState.HEARD
    log += [Event(ev.DECISION_RECORDED, d.to_dict(), at=at(1)), Event(ev.ACTION_RECORDED, a.to_dict(), at=at(2)),
            Event(ev.YOU_SAID, {"id": said.id, "decision_ids": ["d6"], "action_ids": ["a6"]}, at=at(3))]
    assert RecordBook.fold(log).you_said[said.id].state is YouSaidState.DECIDED
    log.append(Event(ev.ACTION_EDITED, {"id": "a6", "status": "done"}, at=at(4)))
    assert RecordBook.fold(log).you_said[said.id].state is YouSaidState.ACTED_ON
    log.append(Event(ev.YOU_SAID, {"id": said.id, "state": "reported_back", "reported_in": "may"}, at=at(5)))
    final = RecordBook.fold(log).you_said[said.id]
    assert final.state is YouSaidState.REPORTED_BACK and final.reported_in == "may"
    assert [c.changes[0][0] for c in final.history] == ["decision_ids", "state"]


def test_you_said_needs_words_and_a_person() -> None:
    with pytest.raises(UserError, match="who said it"):
        make_you_said(PREFILL, text="buses")
    with pytest.raises(UserError, match="what was said"):
        make_you_said(PREFILL, text=" ", member_id="priya")
    assert make_you_said(PREFILL, text="more buses", raised_by="a survey of carers").raised_by == "a survey of carers"


def test_unreadable_events_are_skipped_not_fatal() -> None:
    good = Action(id="a1", meeting_id=MEETING, text="x", owner="Jo")
    log = [
        Event(ev.ACTION_RECORDED, {"text": "no id"}, at=at(0)),
        Event(ev.DECISION_RECORDED, {"id": "d", "meeting_id": MEETING, "method": "shouting"}, at=at(1)),
        Event(ev.ACTION_RECORDED, good.to_dict(), at=at(2)),
        Event(ev.ACTION_EDITED, {"id": "a1", "status": "exploded"}, at=at(3)),
        Event(ev.ACTION_EDITED, {"id": "a1", "due": "not a date"}, at=at(4)),
    ]
    book = RecordBook.fold(log)
    assert book.skipped == 3
    assert actions_from(log) == [good]


def test_the_evaluation_answers() -> None:
    assert check_answer("Partly", " I needed more time ") == ("partly", "I needed more time")
    assert check_answer("pass", "hidden") == ("pass", "")
    with pytest.raises(UserError, match="yes, partly or no"):
        check_answer("maybe")


def test_records_round_trip_through_their_dicts() -> None:
    d = make_decision(NINE, text="x", method="vote", counts={"for": "2", "against": "1"}, dissent="No.",
                      dissent_by=["tom"], proposed_by="jo", lived_experience_agreed=True, review="in 6 months")
    assert Decision.from_dict(d.to_dict()) == d
    a = make_action(PREFILL, text="x", owner_id="jo", due="in 2 weeks", decision_id=d.id)
    assert Action.from_dict(a.to_dict()) == a
    assert set(d.to_json()) >= {"id", "meeting_id", "item", "text", "method", "counts", "dissent", "review_date",
                                "supersedes", "superseded_by", "history"}
    assert set(a.to_json()) >= {"id", "meeting_id", "text", "owner", "due", "status", "history"}


def test_naughty_strings_in_every_field_of_every_record() -> None:
    from coprod_meet.domain.text import clean_note, clean_short

    from tests.conftest import naughty_strings

    for text in naughty_strings():
        note, short = clean_note(text), clean_short(text, "x")[:200]
        if note:
            d = make_decision(NINE, text=text, method="vote", counts={"for": "3", "against": "1"}, dissent=text,
                              dissent_by=["tom"])
            assert d.text == note and d.dissent == note
            assert decision_lines(d, {"tom": text}, {}) and Decision.from_dict(d.to_dict()) == d
            a = make_action(PREFILL, text=text, organisation=short, status="dropped", reason=short)
            assert a.sentence(date(2026, 3, 12)) and Action.from_dict(a.to_dict()) == a
            assert make_you_said(PREFILL, text=text, raised_by=short).text == note
        else:
            with pytest.raises(UserError):
                make_decision(PREFILL, text=text, method="consensus")
        try:  # a review date in naughty words is read or refused in one plain sentence
            make_decision(PREFILL, text="x", method="consensus", review=text)
        except UserError as error:
            assert str(error).startswith("I could not read the review date")
        before = Decision(id="d", meeting_id=MEETING, text="x")
        book = RecordBook.fold([Event(ev.DECISION_RECORDED, before.to_dict(), at=at(0)),
                                Event(ev.DECISION_EDITED, {"id": "d", "text": text + "!", "edit_reason": text},
                                      at=at(1))])
        assert book.decisions["d"].history[0].in_words()


def test_votes_cannot_add_up_to_more_than_the_people_here() -> None:
    from coprod_meet.domain.errors import UserError
    from coprod_meet.domain.records import check_votes_against_present

    check_votes_against_present({"for": 2, "against": 1, "abstain": 0}, 3)
    check_votes_against_present({"for": 9}, 0)  # nobody marked here: nothing to check against
    with pytest.raises(UserError, match=r"^The votes add up to 2, but only 1 person is here; please check"):
        check_votes_against_present({"for": 1, "against": 1}, 1)
