"""The speaker queue's rules (coprod_meet.domain.queue), checked as properties with hypothesis."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_meet.domain.queue import PATIENCE, Waiting, order

KIND = st.sampled_from(["normal", "normal", "normal", "process", "clarification", "reply"])


@st.composite
def queues(draw, pins: bool = True) -> list[Waiting]:
    n = draw(st.integers(0, 12))
    seqs = draw(st.lists(st.integers(1, 1000), min_size=n, max_size=n, unique=True))
    return [
        Waiting(
            member_id=f"m{seq}",
            seq=seq,
            kind=draw(KIND),
            waited=draw(st.integers(0, PATIENCE + 2)),
            spoken_on_item=(spoken := draw(st.booleans())),
            under_target=draw(st.sampled_from(["", "carers"])),
            pinned=draw(st.one_of(st.none(), st.integers(0, 6))) if pins else None,
            turns_on_item=draw(st.integers(1, 4)) if spoken else 0,
        )
        for seq in seqs
    ]


@given(queues(), st.booleans(), st.randoms())
def test_order_is_deterministic_whatever_order_facts_arrive_in(waiting, fair, rnd) -> None:
    shuffled = list(waiting)
    rnd.shuffle(shuffled)
    assert order(waiting, fair=fair) == order(shuffled, fair=fair)
    assert sorted(p.member_id for p in order(waiting, fair=fair)) == sorted(w.member_id for w in waiting)


@given(queues(), st.booleans())
def test_point_of_process_is_always_first(waiting, fair) -> None:
    kinds = [p.kind for p in order(waiting, fair=fair)]
    processes = kinds.count("process")
    assert kinds[:processes] == ["process"] * processes
    assert all(p.reason == "point of process" for p in order(waiting, fair=fair)[:processes])


@given(queues(pins=False), st.booleans())
def test_ties_are_broken_by_join_order(waiting, fair) -> None:
    placed = order(waiting, fair=fair)
    by_id = {w.member_id: w for w in waiting}
    for a, b in zip(placed, placed[1:]):
        wa, wb = by_id[a.member_id], by_id[b.member_id]
        same = (wa.kind, min(wa.waited, PATIENCE), wa.spoken_on_item, bool(wa.under_target), wa.turns_on_item) == (
            wb.kind, min(wb.waited, PATIENCE), wb.spoken_on_item, bool(wb.under_target), wb.turns_on_item)
        if same and (wa.waited >= PATIENCE) == (wb.waited >= PATIENCE):
            assert wa.seq < wb.seq


@given(queues(pins=False))
def test_fair_order_puts_those_not_heard_before_those_heard(waiting) -> None:
    placed = [p for p in order(waiting, fair=True) if p.reason == "has not spoken yet"
              or p.reason.startswith("has spoken") or p.reason.endswith("under their share")]
    spoken = {w.member_id: w.spoken_on_item for w in waiting}
    flags = [spoken[p.member_id] for p in placed]
    assert flags == sorted(flags)


@given(queues(pins=False))
def test_without_fair_order_normal_entries_are_first_come(waiting) -> None:
    placed = [p for p in order(waiting, fair=False) if p.reason == "first come"]
    seqs = [int(p.member_id[1:]) for p in placed]
    assert seqs == sorted(seqs)


@settings(max_examples=150)
@given(st.lists(st.lists(st.tuples(KIND, st.booleans(), st.booleans()), max_size=3), min_size=1, max_size=40),
       st.booleans())
def test_nobody_waits_forever(arrivals, fair) -> None:
    """Whatever joins later, someone is served within PATIENCE + (people ahead when they joined)
    + (points of process raised while they wait) turns."""
    queue: list[dict] = []
    seq = 0
    served_log: list[tuple[int, int]] = []  # (seq, turns waited)
    bound: dict[int, int] = {}
    process_since: dict[int, int] = {}
    steps = 0
    while steps < 400 and (steps < len(arrivals) or queue):
        for kind, spoken, under in (arrivals[steps] if steps < len(arrivals) else []):
            seq += 1
            bound[seq] = PATIENCE + len(queue)
            process_since[seq] = 0
            for q in queue:
                if kind == "process":
                    process_since[q["seq"]] += 1
            queue.append({"seq": seq, "kind": kind, "spoken": spoken, "under": under, "waited": 0})
        steps += 1
        if not queue:
            continue
        waiting = [Waiting(f"m{q['seq']}", q["seq"], q["kind"], q["waited"], q["spoken"],
                           "carers" if q["under"] else "") for q in queue]
        first = int(order(waiting, fair=fair)[0].member_id[1:])
        served = next(q for q in queue if q["seq"] == first)
        queue.remove(served)
        served_log.append((first, served["waited"]))
        for q in queue:
            q["waited"] += 1
    assert not queue
    for s, waited in served_log:
        assert waited <= bound[s] + process_since[s], (s, waited)


def test_a_held_order_keeps_newcomers_behind_it_but_not_points_of_process() -> None:
    held = [Waiting("m1", 1, pinned=0), Waiting("m5", 5, pinned=1, moved="up"), Waiting("m2", 2, pinned=2)]
    placed = order([*held, Waiting("m7", 7), Waiting("m9", 9, "process"), Waiting("m8", 8, "clarification")])
    assert [p.member_id for p in placed] == ["m9", "m8", "m1", "m5", "m2", "m7"]
    assert placed[3].reason == "moved up by a co-chair"
    assert placed[0].reason == "point of process"


def test_reasons_in_words() -> None:
    placed = order(
        [
            Waiting("a", 1, spoken_on_item=True, turns_on_item=3),
            Waiting("f", 6, spoken_on_item=True, turns_on_item=1),
            Waiting("b", 2, spoken_on_item=True, under_target="carers"),
            Waiting("c", 3),
            Waiting("d", 4, "reply"),
            Waiting("e", 5, waited=PATIENCE),
        ],
        speaker_name="Jo",
    )
    assert [(p.member_id, p.reason) for p in placed] == [
        ("e", f"has waited through {PATIENCE} speakers"),
        ("d", "direct reply to Jo"),
        ("c", "has not spoken yet"),
        ("b", "carers are under their share"),
        ("f", "has spoken once on this item"),
        ("a", "has spoken 3 times on this item"),
    ]
    assert order([Waiting("d", 4, "reply", reply_to="Sam")], speaker_name="Jo")[0].reason == "direct reply to Sam"

