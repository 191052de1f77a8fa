"""What the co-chairs need to see during a meeting, as plain lines of words.

One pure function of the state and a moment, shared by the TUI's meeting screen and the line
mode, so both say exactly the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from coprod_meet.domain.chairing import chairing_in_words, item_number
from coprod_meet.domain.dates import seconds_in_words, time_in_words
from coprod_meet.domain.hybrid import JOINS_WORDS, joins_share_line, joins_suffix
from coprod_meet.domain.model import ROLE_WORDS, join_words
from coprod_meet.domain.queue import KIND_WORDS
from coprod_meet.domain.state import MeetingState
from coprod_meet.domain.timing import break_in_words, break_reminder, item_time_in_words, turn_in_words, turn_warning
from coprod_meet.domain.voice import everyone_spoke_in_words, share_lines, share_warnings


@dataclass(frozen=True)
class Person:
    member_id: str
    name: str
    notes: str  # "spoke", "not heard yet", "passed", "co-chair"


@dataclass(frozen=True)
class LiveView:
    title: str
    item: str
    item_time: str
    chairing: str
    roles: str
    speaker: str
    alerts: list[str] = field(default_factory=list)
    queue: list[tuple[str, str]] = field(default_factory=list)  # (member id, "Priya: has not spoken yet")
    next_up: str = ""
    round: str = ""
    present: list[Person] = field(default_factory=list)
    away: str = ""
    not_heard: str = ""
    shares: list[str] = field(default_factory=list)
    fair_order: str = ""
    jargon: str = ""
    before_start: str = ""  # what members need, until the meeting starts ("Before you start: ...")


def card_in_words(state: MeetingState, member_id: str, colour: str, word: str) -> str:
    """ "RED card: Sam does not understand 'respite'", "AMBER card: Tom asks everyone to slow down"."""
    return card_sentence(state.name(member_id), colour, word)


def card_sentence(name: str, colour: str, word: str) -> str:
    """A raised card in words, the same on the chairs' screen, in line mode and in the room view.
    The colour is a word in capitals, so the card is plain without colour."""
    if colour == "red":
        what = f"does not understand '{word}'" if word else "does not understand: please stop and explain"
        return f"RED card: {name} {what}"
    if colour == "amber":
        return f"AMBER card: {name} asks everyone to slow down"
    return f"GREEN card: {name} would like to speak"


def _needs_line(state: MeetingState) -> str:
    """Until the meeting starts: the access needs of the people on its list."""
    if state.started is not None or state.ended is not None:
        return ""
    from coprod_meet.domain.planning import access_lines  # (planning loads the date rules)

    needs = access_lines(state.meeting.roster, state.meeting.settings.break_every_minutes)
    return f"Before you start: {' '.join(needs)}" if needs else ""


def _role_line(state: MeetingState, role: str, member_id: str) -> str:
    """ "Timekeeper: Jo"; a role planned for someone who sent apologies needs someone else."""
    if state.attendance.get(member_id) == "apologies" and member_id not in state.arrived:
        return f"{ROLE_WORDS[role].capitalize()}: nobody yet ({state.name(member_id)} sent apologies)"
    return f"{ROLE_WORDS[role].capitalize()}: {state.name(member_id)}"


def _item_line(state: MeetingState) -> str:
    if state.ended is not None:
        return "The meeting has ended."
    if state.started is None:
        return "The meeting has not started yet."
    item = state.current_item
    if item is None:
        return "No agenda item is open."
    open_items = [i for i in state.agenda if i.id not in state.deferred or i.id == item.id]
    number = item_number(state, item.id)
    return f"Item {number} of {len(open_items)}: {item.title}, led by {state.name(state.lead_of(item.id))}"


def waiting_before_in_words(state: MeetingState) -> str:
    """Back on an item that was left while people waited: who they were."""
    if state.ended is not None:
        return ""
    left = state.waiting_when_left.get(state.current_item_id, [])
    if not left:
        return ""
    names = join_words([state.name(m) for m in left])
    return f"Waiting when this item was left: {names}. Add them again if they still want to speak"


def resumed_in_words(state: MeetingState) -> str:
    """After the app ran again: the stop, and that the turn carries on from where it stopped."""
    if not state.gaps:
        return ""
    stopped, back = state.gaps[-1]
    text = (f"The app was not running for {seconds_in_words((back - stopped).total_seconds())}, "
            f"from {time_in_words(stopped)}; that time is nobody's speaking time")
    turn = state.speaking
    if turn is not None:
        from coprod_meet.domain.timing import clock

        text += f". {state.name(turn.member_id)}'s turn carries on from {clock(state.speaking_seconds(back))}"
    return text


def _round_line(state: MeetingState) -> str:
    if not state.round_on:
        return ""
    passed = [state.name(m) for m in state.passed_ids(state.round_item_id)]
    nxt = state.round_next
    text = f"Go-round: {state.name(nxt)}'s go next." if nxt else "Go-round: everyone has had their go."
    if passed:
        text += f" Passed: {join_words(passed)}."
    return text


def _person_notes(state: MeetingState, member_id: str, spoken: set[str], passed: set[str]) -> str:
    notes = []
    if member_id in state.meeting.co_chair_ids:
        notes.append("co-chair")
    speaking = state.speaking
    if speaking is not None and speaking.member_id == member_id:
        notes.append("speaking")
    elif member_id in spoken:
        notes.append("spoke")
    elif member_id in passed:
        notes.append("passed")
    else:
        notes.append("not heard yet")
    if state.attendance.get(member_id) == "late":
        notes.append("arrived late")
    if state.joins_now(member_id) != "room":
        notes.append(JOINS_WORDS[state.joins_now(member_id)])
    return ", ".join(notes)


def _jargon_line(state: MeetingState) -> str:
    explained = [f"'{w}'" for w in state.jargon if w in state.words_explained]
    waiting = [f"'{w}'" for w in state.jargon if w not in state.words_explained]
    parts = []
    if waiting:
        parts.append(f"To explain: {join_words(waiting)}.")
    if explained:
        parts.append(f"Words explained: {join_words(explained)}.")
    return " ".join(parts)


def status_line(state: MeetingState) -> str:
    """Where the meeting is, in one line: "Running since 2pm: item 3 of 8, Budget update. Jo is
    speaking. 2 waiting to speak." (or "Planned, not started yet." / "Ended at 4pm.")."""
    if state.ended is not None:
        return f"This meeting ended at {time_in_words(state.ended)}."
    if state.started is None:
        return "This meeting is planned and has not started yet."
    parts = [f"Running since {time_in_words(state.started)}: {_item_line(state)}."]
    if state.on_break:
        parts.append("On a break.")
    turn = state.speaking
    parts.append(f"{state.name(turn.member_id)} is speaking." if turn else "Nobody is speaking.")
    waiting = len(state.queue)
    parts.append(f"{waiting} waiting to speak." if waiting else "Nobody is waiting to speak.")
    return " ".join(parts)


def live_view(state: MeetingState, now: datetime) -> LiveView:
    item_id = state.current_item_id or None
    spoken = state.spoken_ids(item_id)
    passed = set(state.passed_ids(item_id))
    present = [Person(m, state.name(m), _person_notes(state, m, spoken, passed)) for m in state.present_ids]

    alerts = [card_in_words(state, c.member_id, c.colour, c.word) for c in state.open_cards]
    waited = waiting_before_in_words(state)
    if waited:
        alerts.append(waited)
    for text in (break_in_words(state, now), turn_warning(state, now), break_reminder(state, now)):
        if text:
            alerts.append(text)
    if state.started is not None and state.ended is None:
        alerts += share_warnings(state, now)

    places = state.queue_places()
    queue = []
    for p in places:
        says_kind = p.reason.startswith(("point of", "direct reply"))
        kind = f" ({KIND_WORDS[p.kind]})" if p.kind != "normal" and not says_kind else ""
        queue.append((p.member_id, f"{state.name(p.member_id)}{joins_suffix(state, p.member_id)}: {p.reason}{kind}"))
    nxt = state.round_next if state.round_on else (places[0].member_id if places else "")

    missing = state.not_heard_yet(item_id)
    if state.started is None:
        not_heard = ""
    elif not missing:
        not_heard = everyone_spoke_in_words(state, item_id) or "Nobody is marked as here."
    else:
        not_heard = "Not heard yet on this item: " + join_words([state.name(m) for m in missing])

    roles = [_role_line(state, r, m) for r, m in state.roles.items() if m and r in ROLE_WORDS]
    away = []
    for m in state.meeting.roster:
        status = state.attendance.get(m.id, "")
        if status == "apologies":
            away.append(f"{m.name} (apologies)")
        elif status == "left":
            away.append(f"{m.name} (left early)")
    chairing = chairing_in_words(state)
    return LiveView(
        title=state.meeting.title,
        item=_item_line(state),
        item_time=item_time_in_words(state, now) if state.started and not state.ended else "",
        chairing=chairing,
        roles=". ".join(roles),
        speaker=turn_in_words(state, now) if state.started and not state.ended else "",
        alerts=alerts,
        queue=queue,
        next_up=state.name(nxt) if nxt else "",
        round=_round_line(state),
        present=present,
        away=("Away: " + join_words(away)) if away else "",
        not_heard=not_heard,
        shares=share_lines(state, now) + [line for line in [joins_share_line(state, now)] if line],
        fair_order="Fair order is on" if state.fair_order else "Fair order is off: first come, first served",
        jargon=_jargon_line(state),
        before_start=_needs_line(state),
    )
