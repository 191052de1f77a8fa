"""A meeting as it stands: the event log folded into one state.

``MeetingState.replay(meeting, events)`` rebuilds everything from the log, so a meeting killed at
any moment resumes exactly where it was. ``apply`` takes one more event. The state never changes
the log; the services write events and then apply them here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Iterable

from coprod_meet.domain import events as ev
from coprod_meet.domain.model import AgendaItem, Event, Meeting, Member, VoiceGroup, join_words
from coprod_meet.domain.queue import KINDS, Place, Waiting
from coprod_meet.domain.queue import order as order_queue

PRESENT_STATUSES = ("present", "late")


@dataclass
class Turn:
    """One contribution. ``via``: "spoken", "written" (read out by ``by_id``) or "supporter"."""

    member_id: str
    item_id: str
    start: datetime
    end: datetime | None = None
    via: str = "spoken"
    by_id: str = ""
    paused_seconds: float = 0.0
    paused_since: datetime | None = None  # a red card paused this turn and is still up

    def seconds(self, now: datetime | None = None) -> float:
        """Time spoken, pauses (red cards, the app not running) not counted."""
        end = self.end or now or self.start
        paused = self.paused_seconds
        if self.paused_since is not None and self.end is None:
            paused += max(0.0, (end - self.paused_since).total_seconds())
        return max(0.0, (end - self.start).total_seconds() - paused)


@dataclass
class QueueEntry:
    member_id: str
    kind: str = "normal"  # normal | process | clarification | reply
    joined: datetime = field(default_factory=datetime.now)
    seq: int = 0  # order of joining, for first come
    position: int | None = None  # their place in the order a co-chair set by hand (None: the rules')
    joined_turn: int = 0  # how many turns had started when they joined
    moved: str = ""  # "up" or "down": a co-chair moved this person
    reply_to: str = ""  # a direct reply: the member it answers


@dataclass(frozen=True)
class ChairSpell:
    """Who chaired an item from when, and how they came to: "planned" (the item's planned lead),
    "handover" (handed over by ``by_id``), "carried" (the item has no planned lead, so whoever
    chaired carries on) or "first" (the first co-chair, as nobody chaired yet)."""

    item_id: str
    member_id: str
    start: datetime
    how: str
    by_id: str = ""


@dataclass
class Card:
    member_id: str
    colour: str  # red | amber | green
    word: str
    raised: datetime
    cleared: datetime | None = None


@dataclass
class MeetingState:
    meeting: Meeting
    agenda: list[AgendaItem] = field(default_factory=list)
    attendance: dict[str, str] = field(default_factory=dict)
    arrived: dict[str, datetime] = field(default_factory=dict)
    left: dict[str, datetime] = field(default_factory=dict)
    started: datetime | None = None
    ended: datetime | None = None
    current_item_id: str = ""
    item_spans: dict[str, list[list[datetime | None]]] = field(default_factory=dict)
    leads: dict[str, str] = field(default_factory=dict)
    deferred: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    turns: list[Turn] = field(default_factory=list)
    passes: list[tuple[str, str]] = field(default_factory=list)  # (member_id, item_id)
    round_item_id: str = ""
    round_done: list[str] = field(default_factory=list)
    queue: list[QueueEntry] = field(default_factory=list)
    fair_order: bool = True
    cards: list[Card] = field(default_factory=list)
    words_explained: dict[str, str] = field(default_factory=dict)
    jargon: list[str] = field(default_factory=list)  # words that stopped someone (red cards)
    turn_limits: dict[str, int] = field(default_factory=dict)  # item id ("" = meeting) -> seconds
    timer_paused_at: datetime | None = None
    breaks: list[list[datetime | None]] = field(default_factory=list)
    evaluations: dict[str, tuple[str, str]] = field(default_factory=dict)
    last_event_at: datetime | None = None
    planned_leads: dict[str, str] = field(default_factory=dict)  # item id -> its lead in the plan
    chair_spells: list[ChairSpell] = field(default_factory=list)
    waiting_when_left: dict[str, list[str]] = field(default_factory=dict)  # item id -> who waited
    gaps: list[tuple[datetime, datetime]] = field(default_factory=list)  # the app was not running
    happenings: list[tuple[datetime, str]] = field(default_factory=list)  # the log, in words
    joins: dict[str, list[tuple[datetime, str]]] = field(default_factory=dict)  # how each joins, over time
    _queue_seq: int = 0
    _carry_to: str = ""

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def replay(cls, meeting: Meeting, events: Iterable[Event]) -> MeetingState:
        state = cls(
            meeting=meeting,
            agenda=list(meeting.agenda),
            leads={i.id: i.lead_id for i in meeting.agenda},
            planned_leads={i.id: i.lead_id for i in meeting.agenda},
            roles=dict(meeting.roles),
            fair_order=meeting.settings.fair_order,
        )
        for e in sorted(events, key=lambda e: e.sort_key):
            state.apply(e)
        return state

    def apply(self, e: Event) -> None:  # noqa: C901 - one branch per kind of event, on purpose
        d = e.data
        at = e.at
        self.last_event_at = at
        t = e.type
        if t in (ev.ATTENDANCE, ev.JOINS_SET) and d.get("joins") in ev.JOINS:
            self.joins.setdefault(d.get("member_id", ""), []).append((at, d["joins"]))
        if t == ev.ATTENDANCE:
            member_id, status = d.get("member_id", ""), d.get("status", "")
            self.attendance[member_id] = status
            if status in PRESENT_STATUSES:
                self.arrived[member_id] = at
                self.left.pop(member_id, None)
            elif status == "left":
                self.left[member_id] = at
                self.queue = [q for q in self.queue if q.member_id != member_id]
        elif t == ev.MEETING_STARTED:
            self.started = self.started or at
        elif t == ev.MEETING_ENDED:
            self._end_turn(at)
            self._close_item(at)
            self.ended = at
        elif t == ev.ITEM_STARTED:
            self._end_turn(at)
            self._close_item(at)
            item_id = d.get("item_id", "")
            if self.queue and self._carry_to != item_id:  # (a log from before the question was asked)
                self.waiting_when_left[self.current_item_id] = [q.member_id for q in self.queue]
            if self._carry_to != item_id:
                self.queue = []
            self._carry_to = ""
            for q in self.queue:
                q.position, q.moved = None, ""  # a new item: the order of the rules again
            self.current_item_id = item_id
            self.item_spans.setdefault(item_id, []).append([at, None])
            self._chair_item(item_id, at)
            self.round_item_id = ""
            self.round_done = []
            if item_id in self.deferred:
                self.deferred.remove(item_id)
        elif t == ev.ITEM_DEFERRED:
            item_id = d.get("item_id", "")
            if item_id not in self.deferred:
                self.deferred.append(item_id)
        elif t == ev.ITEM_ADDED:
            item = AgendaItem.from_dict(d["item"])
            after = d.get("after_id", "")
            index = next((n + 1 for n, i in enumerate(self.agenda) if i.id == after), len(self.agenda))
            self.agenda.insert(index, item)
            self.leads[item.id] = item.lead_id
            self.planned_leads[item.id] = item.lead_id
        elif t == ev.CHAIR_HANDOVER:
            item_id, lead_id = d.get("item_id", ""), d.get("lead_id", "")
            before = self.chairing_now
            self.leads[item_id] = lead_id
            self.chair_spells.append(ChairSpell(item_id, lead_id, at, "handover", before))
            self._happened(at, f"{self.name(before)} handed the chair to {self.name(lead_id)}")
        elif t == ev.QUEUE_CARRIED:
            self._carry_to = d.get("to_item_id", "")
            self._happened(at, f"Carried to the next item, still waiting: {self._names(d.get('member_ids', []))}")
        elif t == ev.QUEUE_CLEARED:
            ids = list(d.get("member_ids", [])) or [q.member_id for q in self.queue]
            self.waiting_when_left[d.get("item_id") or self.current_item_id] = ids
            self.queue = []
            self._happened(at, f"The queue was cleared; waiting were {self._names(ids)}")
        elif t == ev.QUEUE_STAYED:
            self._happened(at, f"Stayed on this item, as {self._names(d.get('member_ids', []))} "
                               f"{'was' if len(d.get('member_ids', [])) == 1 else 'were'} waiting")
        elif t == ev.QUEUE_KIND_SET:
            for q in self.queue:
                if q.member_id == d.get("member_id") and d.get("kind") in KINDS:
                    q.kind, q.position, q.moved = d["kind"], None, ""
        elif t == ev.PERSON_ADDED:
            member = Member.from_dict(d.get("member", {}))
            if self.meeting.person(member.id) is None:
                self.meeting = replace(self.meeting, roster=(*self.meeting.roster, member))
            self._happened(at, f"{member.name} was added to the list" + (" as a guest" if d.get("guest") else ""))
        elif t == ev.CLOCK_RESUMED:
            stopped = _moment(d.get("stopped_at")) or at
            if stopped < at and not self.on_break:
                self.gaps.append((stopped, at))
                turn = self.speaking
                if turn is not None and turn.paused_since is None:
                    turn.paused_seconds += (at - stopped).total_seconds()
        elif t == ev.ROLE_SET:
            self.roles[d.get("role", "")] = d.get("member_id", "")
        elif t == ev.QUEUE_JOINED:
            member_id = d.get("member_id", "")
            if not any(q.member_id == member_id for q in self.queue):
                self._queue_seq += 1
                kind = d.get("kind", "normal")
                speaking = self.speaking
                reply_to = (d.get("to_id") or (speaking.member_id if speaking else "")) if kind == "reply" else ""
                self.queue.append(QueueEntry(member_id, kind, at, self._queue_seq, joined_turn=len(self.turns),
                                             reply_to=reply_to))
                left = self.waiting_when_left.get(self.current_item_id, [])
                if member_id in left:
                    left.remove(member_id)
        elif t == ev.QUEUE_LEFT:
            self.queue = [q for q in self.queue if q.member_id != d.get("member_id")]
        elif t == ev.QUEUE_MOVED:
            self._hold_order(d.get("member_id", ""), int(d.get("position", 0)))
        elif t == ev.FAIR_ORDER_SET:
            self.fair_order = bool(d.get("on", True))
            for q in self.queue:
                q.position, q.moved = None, ""  # everyone back in the order of the rules
        elif t == ev.TURN_STARTED:
            self._end_turn(at)
            self.timer_paused_at = None  # a pause belongs to one turn
            member_id = d.get("member_id", "")
            self.queue = [q for q in self.queue if q.member_id != member_id]
            self.turns.append(
                Turn(member_id, d.get("item_id") or self.current_item_id, at, None, d.get("via", "spoken"),
                     d.get("by_id", ""))
            )
            if self.round_item_id and member_id not in self.round_done:
                self.round_done.append(member_id)
        elif t == ev.TURN_ENDED:
            self._end_turn(at)
        elif t == ev.ROUND_STARTED:
            self.round_item_id = d.get("item_id") or self.current_item_id
            self.round_done = []
        elif t == ev.ROUND_PASSED:
            member_id = d.get("member_id", "")
            self.passes.append((member_id, self.round_item_id or self.current_item_id))
            if member_id not in self.round_done:
                self.round_done.append(member_id)
        elif t == ev.ROUND_ENDED:
            self.round_item_id = ""
            self.round_done = []
        elif t == ev.CARD_RAISED:
            self.cards.append(Card(d.get("member_id", ""), d.get("colour", ""), d.get("word", ""), at))
            if d.get("colour") == "red":
                self._note_jargon(d.get("word", ""))
        elif t == ev.CARD_CLEARED:
            for card in self.cards:
                if card.member_id == d.get("member_id") and card.colour == d.get("colour") and card.cleared is None:
                    card.cleared = at
        elif t == ev.WORD_EXPLAINED:
            word = d.get("word", "")
            if word:
                self.words_explained[word] = d.get("meaning", "")
                self._note_jargon(word)
        elif t == ev.TURN_LIMIT_SET:
            self.turn_limits[d.get("item_id", "")] = max(0, int(d.get("seconds", 0)))
        elif t == ev.TIMER_PAUSED:
            self.timer_paused_at = self.timer_paused_at or at
            if self.speaking is not None and self.speaking.paused_since is None:
                self.speaking.paused_since = self.timer_paused_at
        elif t == ev.TIMER_RESUMED:
            turn = self.speaking
            if turn is not None and turn.paused_since is not None:
                turn.paused_seconds += (at - turn.paused_since).total_seconds()
                turn.paused_since = None
            self.timer_paused_at = None
        elif t == ev.BREAK_STARTED:
            self._end_turn(at)
            self.breaks.append([at, None])
        elif t == ev.BREAK_ENDED:
            if self.breaks and self.breaks[-1][1] is None:
                self.breaks[-1][1] = at
        elif t == ev.EVALUATION:
            self.evaluations[d.get("member_id", "")] = (d.get("heard", "pass"), d.get("comment", ""))
        # Other events (decisions, actions, notes, "you said") are read by their own folds.

    def _note_jargon(self, word: str) -> None:
        if word and word.lower() not in (w.lower() for w in self.jargon):
            self.jargon.append(word)

    def _end_turn(self, at: datetime) -> None:
        if self.turns and self.turns[-1].end is None:
            turn = self.turns[-1]
            if turn.paused_since is not None:
                turn.paused_seconds += (at - turn.paused_since).total_seconds()
                turn.paused_since = None
            self.timer_paused_at = None
            turn.end = at

    def _happened(self, at: datetime, words: str) -> None:
        self.happenings.append((at, words))

    def _names(self, ids: Iterable[str]) -> str:
        return join_words([self.name(m) for m in ids]) or "nobody"

    def _chair_item(self, item_id: str, at: datetime) -> None:
        """An item opens: its planned lead takes the chair; with none, whoever chairs carries on."""
        planned = self.planned_leads.get(item_id, "")
        before = self.chair_spells[-1].member_id if self.chair_spells else ""
        if planned:
            who, how = planned, "planned"
        elif before:
            who, how = before, "carried"
        else:
            who, how = (self.meeting.co_chair_ids[0] if self.meeting.co_chair_ids else ""), "first"
        self.leads[item_id] = who
        self.chair_spells.append(ChairSpell(item_id, who, at, how, before if before != who else ""))

    def _hold_order(self, member_id: str, position: int) -> None:
        """A co-chair moved someone: the order as it now is holds, with them at ``position``."""
        order = [p.member_id for p in self.queue_places()]
        if member_id not in order:
            return
        was = order.index(member_id)
        order.remove(member_id)
        order.insert(max(0, min(position, len(order))), member_id)
        by_id = {q.member_id: q for q in self.queue}
        rank = 0
        for m in order:
            q = by_id[m]
            if q.kind == "process":
                continue
            q.position = rank
            rank += 1
        moved = by_id[member_id]
        if moved.kind != "process" and position != was:
            moved.moved = "up" if position < was else "down"

    def _close_item(self, at: datetime) -> None:
        spans = self.item_spans.get(self.current_item_id)
        if spans and spans[-1][1] is None:
            spans[-1][1] = at

    # -- questions --------------------------------------------------------------------------

    def person(self, member_id: str) -> Member | None:
        return self.meeting.person(member_id)

    def name(self, member_id: str) -> str:
        m = self.person(member_id)
        return m.name if m else "someone"

    @property
    def present_ids(self) -> list[str]:
        """Members here now, in roster order."""
        return [m.id for m in self.meeting.roster if self.attendance.get(m.id) in PRESENT_STATUSES]

    @property
    def ever_present_ids(self) -> list[str]:
        """Members who were here at some point (including those who left early)."""
        return [m.id for m in self.meeting.roster if m.id in self.arrived]

    @property
    def current_item(self) -> AgendaItem | None:
        return next((i for i in self.agenda if i.id == self.current_item_id), None)

    def lead_of(self, item_id: str) -> str:
        return self.leads.get(item_id, "") or (self.meeting.co_chair_ids[0] if self.meeting.co_chair_ids else "")

    @property
    def chairing_now(self) -> str:
        """Who chairs now, from the events: the current item's planned lead, or whoever it was
        handed over to (a hand-over lasts until handed back or until the next item's planned lead
        takes over). Before the start: whoever leads the first item."""
        if self.chair_spells:
            return self.chair_spells[-1].member_id
        first = next((i.id for i in self.agenda if i.id not in self.deferred), "")
        return self.lead_of(first)

    @property
    def chair_spell(self) -> ChairSpell | None:
        """How the person chairing now came to chair (None before the start)."""
        return self.chair_spells[-1] if self.chair_spells else None

    def chairs_of(self, item_id: str) -> list[ChairSpell]:
        """Who chaired an item, in time order, each change once (a hand-back included)."""
        spells: list[ChairSpell] = []
        for spell in self.chair_spells:
            if spell.item_id == item_id and (not spells or spells[-1].member_id != spell.member_id):
                spells.append(spell)
        return spells

    @property
    def speaking(self) -> Turn | None:
        if self.turns and self.turns[-1].end is None:
            return self.turns[-1]
        return None

    @property
    def on_break(self) -> bool:
        return bool(self.breaks) and self.breaks[-1][1] is None

    @property
    def open_red_cards(self) -> list[Card]:
        return [c for c in self.cards if c.colour == "red" and c.cleared is None]

    @property
    def open_cards(self) -> list[Card]:
        return [c for c in self.cards if c.cleared is None]

    def item_seconds(self, item_id: str, now: datetime | None = None) -> float:
        """Time spent on an item so far, breaks not counted."""
        total = 0.0
        for start, end in self.item_spans.get(item_id, []):
            finish = end or now or self.last_event_at or start
            total += max(0.0, (finish - start).total_seconds())
            for b_start, b_end in [*self.breaks, *self.gaps]:
                overlap_start = max(start, b_start)
                overlap_end = min(finish, b_end or finish)
                total -= max(0.0, (overlap_end - overlap_start).total_seconds())
        return max(0.0, total)

    def speaking_seconds(self, now: datetime | None = None) -> float:
        """How long the person speaking now has spoken, pauses (red cards) not counted."""
        turn = self.speaking
        if turn is None:
            return 0.0
        return turn.seconds(now or self.last_event_at or turn.start)

    @property
    def timer_paused(self) -> bool:
        return self.timer_paused_at is not None and self.speaking is not None

    def turn_limit(self, item_id: str | None = None) -> int:
        """Seconds one turn may take (0: no limit): set for the item, else for the meeting."""
        item_id = self.current_item_id if item_id is None else item_id
        if item_id in self.turn_limits:
            return self.turn_limits[item_id]
        return self.turn_limits.get("", self.meeting.settings.turn_limit_seconds)

    def joins_now(self, member_id: str, at: datetime | None = None) -> str:
        """How someone joins (at a moment, or now): "room" (the default), "online" or "phone"."""
        mode = "room"
        for when, how in self.joins.get(member_id, []):
            if at is not None and when > at:
                break
            mode = how
        return mode

    # -- the queue and the go-round -------------------------------------------------------

    def in_queue(self, member_id: str) -> bool:
        return any(q.member_id == member_id for q in self.queue)

    def under_target_words(self, now: datetime | None = None) -> dict[str, str]:
        """Member id -> words of the voice group that is under its target share ("carers").

        Only once someone has spoken: at the start nobody is under or over.
        """
        if not any(self.seconds_by_member(None, now).values()):
            return {}
        result: dict[str, str] = {}
        for key, target, actual in self.target_shares(None, now):
            if actual * 100 >= target:
                continue
            groups = set(key.split("+"))
            for m in self.meeting.roster:
                if m.voice_group.value in groups and m.id not in result:
                    result[m.id] = voice_key_in_words(key)
        return result

    def queue_places(self) -> list[Place]:
        """The queue in speaking order, each place with its reason in words."""
        counts = self.turns_by_member(self.current_item_id)
        under = self.under_target_words()
        turns = len(self.turns)
        waiting = [
            Waiting(
                member_id=q.member_id,
                seq=q.seq,
                kind=q.kind if q.kind in KINDS else "normal",
                waited=turns - q.joined_turn,
                spoken_on_item=q.member_id in counts,
                under_target=under.get(q.member_id, ""),
                pinned=q.position,
                moved=q.moved,
                turns_on_item=counts.get(q.member_id, 0),
                reply_to=self.name(q.reply_to) if q.reply_to else "",
                remote=self.joins_now(q.member_id) != "room",
            )
            for q in self.queue
        ]
        speaker = self.speaking
        return order_queue(waiting, fair=self.fair_order, speaker_name=self.name(speaker.member_id) if speaker else "",
                           remote_first=self.meeting.settings.remote_order == "remote_first")

    @property
    def round_on(self) -> bool:
        return bool(self.round_item_id)

    @property
    def round_next(self) -> str:
        """In a go-round: the next present person who has not had their go ("" when all have)."""
        if not self.round_item_id:
            return ""
        speaker = self.speaking
        return next(
            (m for m in self.present_ids
             if m not in self.round_done and (speaker is None or speaker.member_id != m)),
            "",
        )

    def passed_ids(self, item_id: str | None = None) -> list[str]:
        """Who passed in a go-round (on the item, or in the meeting), first pass first."""
        found: list[str] = []
        for member_id, on_item in self.passes:
            if (item_id is None or on_item == item_id) and member_id not in found:
                found.append(member_id)
        return found

    def spoken_ids(self, item_id: str | None = None) -> set[str]:
        """Who has had a turn (spoken, written or through a supporter), on one item or at all."""
        return {t.member_id for t in self.turns if item_id is None or t.item_id == item_id}

    def not_heard_yet(self, item_id: str | None = None) -> list[str]:
        """Present members who have not had a turn (on the item, or in the meeting)."""
        spoken = self.spoken_ids(item_id)
        return [m for m in self.present_ids if m not in spoken]

    def everyone_present_has_spoken(self, item_id: str | None = None) -> bool:
        return bool(self.present_ids) and not self.not_heard_yet(item_id)

    def seconds_by_member(self, item_id: str | None = None, now: datetime | None = None) -> dict[str, float]:
        totals: dict[str, float] = {}
        for t in self.turns:
            if item_id is None or t.item_id == item_id:
                totals[t.member_id] = totals.get(t.member_id, 0.0) + t.seconds(now)
        return totals

    def turns_by_member(self, item_id: str | None = None) -> dict[str, int]:
        counts: dict[str, int] = {}
        for t in self.turns:
            if item_id is None or t.item_id == item_id:
                counts[t.member_id] = counts.get(t.member_id, 0) + 1
        return counts

    def seconds_by_voice_group(self, item_id: str | None = None, now: datetime | None = None) -> dict[VoiceGroup, float]:
        totals = {vg: 0.0 for vg in VoiceGroup}
        for member_id, seconds in self.seconds_by_member(item_id, now).items():
            m = self.person(member_id)
            totals[m.voice_group if m else VoiceGroup.OTHER] += seconds
        return totals

    def voice_share(self, item_id: str | None = None, now: datetime | None = None) -> dict[VoiceGroup, float]:
        """Share of speaking time per voice group, as fractions that add up to 1 (or all 0)."""
        totals = self.seconds_by_voice_group(item_id, now)
        whole = sum(totals.values())
        return {vg: (s / whole if whole else 0.0) for vg, s in totals.items()}

    def target_shares(self, item_id: str | None = None, now: datetime | None = None) -> list[tuple[str, int, float]]:
        """Each target of the group as (key, target %, actual fraction).

        A key names one voice group ("lived_experience") or several joined by "+".
        """
        share = self.voice_share(item_id, now)
        result = []
        for key, target in self.meeting.settings.voice_targets:
            groups = [VoiceGroup(k) for k in key.split("+") if k in VoiceGroup._value2member_map_]
            result.append((key, target, sum(share[g] for g in groups)))
        return result


def voice_key_in_words(key: str) -> str:
    """"lived_experience+carer" -> "people with lived experience and carers"."""
    words = {
        "lived_experience": "people with lived experience",
        "carer": "carers",
        "professional": "professionals",
        "other": "others",
    }
    parts = [words.get(k, k) for k in key.split("+")]
    return " and ".join(parts)


def _moment(text: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text)) if text else None
    except ValueError:
        return None
