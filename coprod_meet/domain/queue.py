"""Who speaks next: the order of the speaker queue ("hands up") and the reason for each place.

The rules, in order:

1. A **point of process** goes first (about how the meeting is run).
2. Anyone who has **waited through ``PATIENCE`` speakers** goes next, longest first, so nobody
   waits forever, whatever else joins the queue.
3. A **point of clarification** ("can you explain what you mean?").
4. A **direct reply** to the person speaking goes straight after them.
5. Everyone else. With fair order on (the default): people who have not spoken on this item go
   before people who have; then people whose voice group is under its target share; then first
   come. With fair order off: first come.
   A group may choose "remote first among equals": then, among people the rules above put
   level, those online or on the phone go first (nobody sees their hand go up).

A co-chair can move someone up or down by hand. The move holds: the person keeps the place they
were moved to, and comes one place nearer the front with every turn that starts, so a moved
person never waits forever either. Nobody moved by hand goes before a point of process.

Ties are always broken by the order people joined the queue, so the order is the same every
time for the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass

PATIENCE = 6  # speakers someone may wait through before "waiting longest" puts them forward

KINDS = ("normal", "process", "clarification", "reply")
KIND_WORDS = {
    "normal": "to speak",
    "process": "a point of process",
    "clarification": "a point of clarification",
    "reply": "a direct reply",
}


@dataclass(frozen=True)
class Waiting:
    """One person in the queue, as the ordering rules see them.

    ``seq`` is the order of joining; ``waited`` how many turns have started since they joined;
    ``pinned`` the place a co-chair moved them to (already counted down by turns since), or None.
    """

    member_id: str
    seq: int
    kind: str = "normal"
    waited: int = 0
    spoken_on_item: bool = False
    under_target: str = ""  # the words of the voice group under its share ("carers"), or ""
    pinned: int | None = None
    remote: bool = False  # joins online or by phone


@dataclass(frozen=True)
class Place:
    """A place in the queue and why it is there, in words."""

    member_id: str
    kind: str
    reason: str


def _automatic_key(w: Waiting, fair: bool, remote_first: bool = False) -> tuple[int, ...]:
    if w.kind == "process":
        return (0, 0, 0, w.seq)
    if w.waited >= PATIENCE:
        return (1, 0, 0, w.seq)
    if w.kind == "clarification":
        return (2, 0, 0, w.seq)
    if w.kind == "reply":
        return (3, 0, 0, w.seq)
    if not fair:
        return (4, 0, 0, w.seq)
    return (4, int(w.spoken_on_item), int(not w.under_target), int(remote_first and not w.remote), w.seq)


def _reason(w: Waiting, fair: bool, speaker_name: str, remote_first: bool = False) -> str:
    if w.kind == "process":
        return "point of process"
    if w.pinned is not None:
        return "moved by a co-chair"
    if w.waited >= PATIENCE:
        return f"has waited through {w.waited} speakers"
    if w.kind == "clarification":
        return "point of clarification"
    if w.kind == "reply":
        return f"direct reply to {speaker_name}" if speaker_name else "direct reply"
    if not fair:
        return "first come"
    if not w.spoken_on_item:
        return "has not spoken yet"
    if w.under_target:
        return f"{w.under_target} are under their share"
    if remote_first and w.remote:
        return "joins from afar: first among equals"
    return "first come"


def order(waiting: list[Waiting], *, fair: bool = True, speaker_name: str = "",
          remote_first: bool = False) -> list[Place]:
    """The queue in speaking order, each place with its reason in words."""
    free = sorted((w for w in waiting if w.pinned is None or w.kind == "process"),
                  key=lambda w: _automatic_key(w, fair, remote_first))
    pinned = sorted((w for w in waiting if w.pinned is not None and w.kind != "process"),
                    key=lambda w: (w.pinned, w.seq))
    line = list(free)
    front = sum(1 for w in free if w.kind == "process")
    for w in pinned:
        index = min(max(int(w.pinned or 0), front), len(line))
        line.insert(index, w)
    return [Place(w.member_id, w.kind, _reason(w, fair, speaker_name, remote_first)) for w in line]
