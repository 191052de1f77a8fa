"""Who speaks next: the order of the speaker queue ("hands up") and the reason for each place.

The rules, in order:

1. A **point of process** goes first (about how the meeting is run).
2. Anyone who has **waited through ``PATIENCE`` speakers** goes next, longest first, so nobody
   waits forever, whatever else joins the queue.
3. A **point of clarification** ("can you explain what you mean?").
4. A **direct reply** to the person it was raised against goes straight after them.
5. Everyone else. With fair order on (the default): people who have not spoken on this item go
   before people who have; then people whose voice group is under its target share; then those
   who have spoken fewer times on this item; then first come. With fair order off: first come.
   A group may choose "remote first among equals": then, among people the rules above put
   level, those online or on the phone go first (nobody sees their hand go up).

A co-chair can move someone up or down by hand. The move holds: the order the co-chair sees
after the move is kept (``held``) until a co-chair changes it again, or turns fair order on or
off (which puts everyone back in the order of the rules, and says who moved). A later move of
someone else changes only the two places it swaps. People who join after a move go after the
people in the held order, unless the rules put them at the front (1 to 4 above); nobody held
goes before a point of process.

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
    ``pinned`` their place in the order a co-chair set by hand (None: placed by the rules);
    ``moved`` "up" or "down" for the person a co-chair moved; ``turns_on_item`` how many times
    they have spoken on this item; ``reply_to`` the name of the person a direct reply answers.
    """

    member_id: str
    seq: int
    kind: str = "normal"
    waited: int = 0
    spoken_on_item: bool = False
    under_target: str = ""  # the words of the voice group under its share ("carers"), or ""
    pinned: int | None = None
    remote: bool = False  # joins online or by phone
    moved: str = ""
    turns_on_item: int = 0
    reply_to: str = ""


@dataclass(frozen=True)
class Place:
    """A place in the queue and why it is there, in words."""

    member_id: str
    kind: str
    reason: str


def _automatic_key(w: Waiting, fair: bool, remote_first: bool = False) -> tuple[int, ...]:
    if w.kind == "process":
        return (0, 0, 0, 0, 0, w.seq)
    if w.waited >= PATIENCE:
        return (1, 0, 0, 0, 0, w.seq)
    if w.kind == "clarification":
        return (2, 0, 0, 0, 0, w.seq)
    if w.kind == "reply":
        return (3, 0, 0, 0, 0, w.seq)
    if not fair:
        return (4, 0, 0, 0, 0, w.seq)
    return (4, int(w.spoken_on_item), int(not w.under_target), w.turns_on_item if w.spoken_on_item else 0,
            int(remote_first and not w.remote), w.seq)


def times_in_words(n: int) -> str:
    """ "once", "twice", "3 times"."""
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _reason(w: Waiting, fair: bool, speaker_name: str, remote_first: bool = False) -> str:
    if w.kind == "process":
        return "point of process"
    if w.pinned is not None and w.moved:
        return f"moved {w.moved} by a co-chair"
    if w.pinned is None and w.waited >= PATIENCE:
        return f"has waited through {w.waited} speakers"
    if w.kind == "clarification":
        return "point of clarification"
    if w.kind == "reply":
        to = w.reply_to or speaker_name
        return f"direct reply to {to}" if to else "direct reply"
    if not fair:
        return "first come"
    if not w.spoken_on_item:
        return "has not spoken yet"
    if w.under_target:
        return f"{w.under_target} are under their share"
    if remote_first and w.remote:
        return "joins from afar: first among equals"
    if w.turns_on_item:
        return f"has spoken {times_in_words(w.turns_on_item)} on this item"
    return "has spoken on this item"


def order(waiting: list[Waiting], *, fair: bool = True, speaker_name: str = "",
          remote_first: bool = False) -> list[Place]:
    """The queue in speaking order, each place with its reason in words."""
    process = sorted((w for w in waiting if w.kind == "process"), key=lambda w: w.seq)
    held = sorted((w for w in waiting if w.pinned is not None and w.kind != "process"),
                  key=lambda w: (w.pinned, w.seq))
    free = sorted((w for w in waiting if w.pinned is None and w.kind != "process"),
                  key=lambda w: _automatic_key(w, fair, remote_first))
    urgent = [w for w in free if _automatic_key(w, fair, remote_first)[0] < 4]
    rest = [w for w in free if _automatic_key(w, fair, remote_first)[0] >= 4]
    line = process + urgent + held + rest
    return [Place(w.member_id, w.kind, _reason(w, fair, speaker_name, remote_first)) for w in line]


def changes_in_words(before: list[Place], after: list[Place], name) -> list[str]:
    """Who changed place between two orders of the queue, and why: "Priya moves up to 1: has
    not spoken yet". ``name`` gives a person's name from their id."""
    was = {p.member_id: n for n, p in enumerate(before, start=1)}
    lines = []
    for n, p in enumerate(after, start=1):
        old = was.get(p.member_id)
        if old is not None and old != n:
            way = "up" if n < old else "down"
            lines.append(f"{name(p.member_id)} moves {way} from {old} to {n}: {p.reason}")
    return lines
