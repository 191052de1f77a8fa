"""A co-chair's move holds (12.4): property tests over the meeting state, fed events as the
live service writes them."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_meet.domain import events as ev
from coprod_meet.domain.model import AgendaItem, Event, Meeting, Member
from coprod_meet.domain.queue import changes_in_words
from coprod_meet.domain.state import MeetingState

PEOPLE = [Member(name=f"P{n}", id=f"m{n}") for n in range(8)]
START = datetime(2026, 3, 12, 14, 0)


def fresh() -> tuple[MeetingState, list[datetime]]:
    meeting = Meeting(group_id="g", group_name="G", title="T", start=START, end=START + timedelta(hours=2),
                      roster=tuple(PEOPLE), agenda=(AgendaItem(title="One", id="i1"), AgendaItem(title="Two", id="i2")))
    state = MeetingState.replay(meeting, [])
    clock = [START]
    for m in PEOPLE:
        feed(state, clock, ev.ATTENDANCE, member_id=m.id, status="present")
    feed(state, clock, ev.MEETING_STARTED)
    feed(state, clock, ev.ITEM_STARTED, item_id="i1")
    return state, clock


def feed(state: MeetingState, clock: list[datetime], event_type: str, **data) -> None:
    clock[0] += timedelta(seconds=7)
    state.apply(Event(type=event_type, data=data, at=clock[0]))


def ids(state: MeetingState) -> list[str]:
    return [p.member_id for p in state.queue_places()]


OPS = st.lists(st.tuples(st.sampled_from(["join", "join", "move", "move", "turn", "process", "speak"]),
                         st.integers(0, 7), st.sampled_from([-1, 1, -2, 2])), max_size=30)


@settings(max_examples=60, deadline=None)
@given(OPS)
def test_a_move_changes_only_the_moved_person_and_holds_afterwards(ops) -> None:
    state, clock = fresh()
    held: list[str] = []  # the order a co-chair set, as far as it still stands
    for op, n, by in ops:
        member = f"m{n}"
        before = ids(state)
        if op == "join" and member not in before:
            feed(state, clock, ev.QUEUE_JOINED, member_id=member, kind="normal")
        elif op == "process" and member in before:
            feed(state, clock, ev.QUEUE_KIND_SET, member_id=member, kind="process")
            held = [m for m in held if m != member]
        elif op == "speak":
            feed(state, clock, ev.TURN_STARTED, member_id=member, item_id="i1")
            held = [m for m in held if m != member]
        elif op == "turn" and before:
            feed(state, clock, ev.TURN_STARTED, member_id=before[0], item_id="i1")
            held = [m for m in held if m != before[0]]
        elif op == "move" and member in before:
            processes = sum(1 for q in state.queue if q.kind == "process")
            here = before.index(member)
            there = max(processes, min(len(before) - 1, here + by))
            if here < processes or there == here:
                continue
            feed(state, clock, ev.QUEUE_MOVED, member_id=member, position=there)
            expected = [m for m in before if m != member]
            expected.insert(there, member)
            assert ids(state) == expected  # nobody else moves
            held = [m for m in expected if next(q for q in state.queue if q.member_id == m).kind != "process"]
        now = ids(state)
        assert [m for m in now if m in held] == held  # the order a co-chair set still stands
        assert sorted(now) == sorted(q.member_id for q in state.queue)


def test_turning_fair_order_on_again_says_who_moves_and_why() -> None:
    state, clock = fresh()
    feed(state, clock, ev.TURN_STARTED, member_id="m1", item_id="i1")
    feed(state, clock, ev.TURN_ENDED, member_id="m1")
    for m in ("m1", "m2", "m3"):
        feed(state, clock, ev.QUEUE_JOINED, member_id=m, kind="normal")
    assert ids(state) == ["m2", "m3", "m1"]
    feed(state, clock, ev.QUEUE_MOVED, member_id="m1", position=0)
    assert ids(state) == ["m1", "m2", "m3"]
    assert state.queue_places()[0].reason == "moved up by a co-chair"
    feed(state, clock, ev.QUEUE_JOINED, member_id="m4", kind="normal")  # has not spoken, joins after the held
    assert ids(state) == ["m1", "m2", "m3", "m4"]
    before = state.queue_places()
    feed(state, clock, ev.FAIR_ORDER_SET, on=True)
    after = state.queue_places()
    assert [p.member_id for p in after] == ["m2", "m3", "m4", "m1"]
    assert changes_in_words(before, after, state.name) == [
        "P2 moves up from 2 to 1: has not spoken yet",
        "P3 moves up from 3 to 2: has not spoken yet",
        "P4 moves up from 4 to 3: has not spoken yet",
        "P1 moves down from 1 to 4: has spoken once on this item",
    ]
