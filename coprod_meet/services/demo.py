"""A realistic, deterministic demo archive: groups, members and past meetings with full logs.

The same seed always gives the same story (names, dates, events), so screenshots and tests can
rely on it. Dates are anchored on a fixed day, not on today. The ids are the same too unless an
``id_salt`` is given: the ``demo`` command gives a fresh one for every archive it fills, so two
demo archives never share an id and merging them never blends two groups or meetings into one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Callable

from coprod_meet.domain import events as ev
from coprod_meet.domain.model import (
    AccessNeed,
    AgendaItem,
    Event,
    Group,
    GroupSettings,
    ItemKind,
    Meeting,
    Member,
    Naming,
    Paper,
    VoiceGroup,
)
from coprod_meet.domain.records import Action, Decision, Method

ANCHOR = datetime(2026, 11, 20, 14, 0)

GROUPS = [
    ("Better Together Board", "County Hall room 4", (("lived_experience+carer", 60),)),
    ("Young Voices Forum", "Youth centre, Mill Lane", (("lived_experience", 70),)),
    ("Dementia Carers Network", "Library meeting room", (("lived_experience+carer", 50),)),
    ("Mental Health Partnership", "Online", (("lived_experience+carer", 50),)),
]
FIRST = [
    "Hayley", "Priya", "Sam", "Tom", "Ade", "Kit", "Mary", "Ravi", "Nadia", "Jo", "Amir", "Bea",
    "Carlos", "Dee", "Eilidh", "Femi", "Gwen", "Hamid", "Iris", "Jamal", "Kerry", "Leon", "Mei",
    "Niamh", "Olu", "Pat", "Rosa", "Sunil", "Tess", "Uma", "Vic", "Wes", "Yusuf", "Zara",
]
SURNAMES = [
    "Brook", "Clark", "Fisher", "Lee", "Shah", "Patel", "Jones", "Okafor", "Walsh", "Evans",
    "Nowak", "Hughes", "Khan", "Murray", "Reid", "Singh", "Taylor", "Wood",
]
PRO_ROLES = [("commissioner", ""), ("clinician", "Dr "), ("councillor", "Cllr "), ("coordinator", ""),
             ("social worker", ""), ("nurse", "")]
TOPICS = [
    ("Carers' breaks", "respite", "offer more short breaks for carers"),
    ("Transport to day centres", "eligibility", "set up a transport working group"),
    ("Easy read letters", "easy read", "send every appointment letter in easy read on request"),
    ("Hospital discharge", "discharge", "ask the hospital to phone carers before discharge"),
    ("Waiting times for assessments", "assessment", "publish waiting times every month"),
    ("Direct payments", "direct payments", "run a drop-in session about direct payments"),
    ("Peer support groups", "peer support", "fund two new peer support groups"),
    ("Digital appointments", "digital exclusion", "keep phone and face-to-face appointments"),
    ("Budget for next year", "commissioning", "ask members before the budget is set"),
    ("Advocacy services", "advocacy", "tell every new member how to get an advocate"),
]
YOU_SAID = [
    "buses stop too early", "letters are too hard to read", "nobody phoned before discharge",
    "the waiting list is not explained", "meetings clash with school pick-up",
]
COMMENTS_PARTLY = ["I needed more time", "It went too fast for me", "Too much jargon today"]
DROPPED_REASONS = ["The provider closed the service.", "The council changed the plan, so it is no longer needed.",
                   "Another group is already doing this."]
CORRECTIONS = ["The note-taker wrote it down wrongly.", "Members asked for clearer words when the minutes were read."]


@dataclass
class _Memory:
    """What a group's later meetings follow up: "you said" chains, decisions to correct or replace.

    It draws from its own random stream and adds its events without moving the clock, so the rest
    of the demo is the same as without it.
    """

    rng: random.Random
    new_id: Callable[[], str]
    heard: list[str] = field(default_factory=list)  # "you said" ids not yet linked to a decision
    linked: list[str] = field(default_factory=list)  # linked at an earlier meeting, not reported back
    last_decisions: list[Decision] = field(default_factory=list)
    by_topic: dict[str, str] = field(default_factory=dict)  # item title -> latest decision id
    # Dropped actions stay in the list of open ones so the main random stream is drawn as before.
    dropped: set[str] = field(default_factory=set)
    retired: set[str] = field(default_factory=set)


@dataclass
class _Ids:
    rng: random.Random
    salt: int = 0

    def __call__(self) -> str:
        # The same string as str(uuid.UUID(int=bits, version=4)), several times faster. The salt
        # changes every id without drawing anything more from the story's random stream.
        bits = self.rng.getrandbits(128) ^ self.salt
        bits = (bits & ~(0xC000 << 48) | (0x8000 << 48)) & ~(0xF000 << 64) | (4 << 76)
        h = f"{bits:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _members(rng: random.Random, new_id: Callable[[], str], size: int) -> list[Member]:
    names = rng.sample(FIRST, size)
    surnames = [rng.choice(SURNAMES) for _ in names]
    groups = [VoiceGroup.LIVED] * (size // 3 + 1) + [VoiceGroup.CARER] * (size // 4)
    groups += [VoiceGroup.PROFESSIONAL] * (size - len(groups) - 1) + [VoiceGroup.OTHER]
    groups = groups[:size]
    rng.shuffle(groups)
    # The first two are the co-chairs: one with lived experience, one professional.
    groups[0], groups[1] = VoiceGroup.LIVED, VoiceGroup.PROFESSIONAL
    members = []
    for first, last, vg in zip(names, surnames, groups):
        role, title = ("", "")
        if vg is VoiceGroup.PROFESSIONAL:
            role, title = rng.choice(PRO_ROLES)
        elif vg is VoiceGroup.CARER:
            role = "carer"
        elif vg is VoiceGroup.LIVED:
            role = "member with lived experience"
        else:
            role = "supporter"
        name = f"{title}{last}" if title else first
        needs = tuple(sorted(rng.sample(list(AccessNeed), rng.choice([0, 0, 0, 1, 1, 2])), key=list(AccessNeed).index))
        members.append(
            Member(
                id=new_id(),
                name=name,
                full_name=f"{title}{first} {last}",
                role=role,
                naming=rng.choice([Naming.FULL, Naming.FULL, Naming.FIRST, Naming.ROLE, Naming.NOT_NAMED]),
                voice_group=vg,
                access_needs=needs,
            )
        )
    return members


def _agenda(rng: random.Random, new_id: Callable[[], str], chairs: list[str], topics: list[tuple[str, str, str]],
            start: datetime) -> list[AgendaItem]:
    lead, other = chairs
    items = [
        AgendaItem(id=new_id(), title="Welcome and introductions", kind=ItemKind.INFORMATION, lead_id=lead,
                   minutes=10, standing="welcome"),
        AgendaItem(id=new_id(), title="Apologies", kind=ItemKind.INFORMATION, lead_id=lead, minutes=5,
                   standing="apologies"),
        AgendaItem(id=new_id(), title="Matters arising", kind=ItemKind.DISCUSSION, lead_id=lead, minutes=10,
                   standing="matters_arising"),
    ]
    for n, (title, _word, _decision) in enumerate(topics):
        sent = (start - timedelta(days=rng.choice([2, 7, 8, 10]))).date().isoformat()
        items.append(
            AgendaItem(
                id=new_id(), title=title, kind=ItemKind.DECISION if n == 0 else ItemKind.DISCUSSION,
                lead_id=other if n % 2 else lead, minutes=rng.choice([20, 25, 30]),
                summary=f"We talk about {title.lower()} and what members want to change.",
                papers=(Paper(title=f"{title}: briefing", where=f"papers/{title.lower().replace(' ', '-')}.pdf",
                              sent=sent),),
            )
        )
    items += [
        AgendaItem(id=new_id(), title="You said, we did", kind=ItemKind.FEEDBACK, lead_id=other, minutes=10,
                   standing="you_said_we_did"),
        AgendaItem(id=new_id(), title="Any other business", kind=ItemKind.DISCUSSION, lead_id=lead, minutes=5,
                   standing="aob"),
        AgendaItem(id=new_id(), title="How did today go?", kind=ItemKind.DISCUSSION, lead_id=lead, minutes=5,
                   standing="how_did_today_go"),
    ]
    return items


class _Log:
    """Builds a meeting's event log with a moving clock."""

    def __init__(self, new_id: Callable[[], str], start: datetime) -> None:
        self.new_id = new_id
        self.clock = start
        self.events: list[Event] = []

    def add(self, event_type: str, seconds: int = 0, **data) -> None:
        self.clock += timedelta(seconds=seconds)
        self.events.append(Event(type=event_type, data=data, id=self.new_id(), at=self.clock))

    def follow_up(self, memory: _Memory, event_type: str, **data) -> None:
        """An event of the follow-up stream: its own ids, the clock stands still."""
        self.events.append(Event(type=event_type, data=data, id=memory.new_id(), at=self.clock))


def _meeting_log(rng: random.Random, new_id: Callable[[], str], meeting: Meeting, topics, open_actions: list[Action],
                 memory: _Memory | None = None) -> tuple[list[Event], list[Action]]:
    memory = memory or _Memory(random.Random(0), _Ids(random.Random(0)))
    linked_now: list[str] = []
    heard_now: list[str] = []
    decisions_now: list[Decision] = []
    log = _Log(new_id, meeting.start - timedelta(minutes=5))
    roster = list(meeting.roster)
    chairs = list(meeting.co_chair_ids)
    status = {}
    for m in roster:
        status[m.id] = "present" if m.id in chairs else rng.choice(["present"] * 7 + ["apologies", "late"])
        log.add(ev.ATTENDANCE, member_id=m.id, status="apologies" if status[m.id] == "apologies" else "present"
                if status[m.id] == "present" else "absent")
    log.add(ev.MEETING_STARTED, 300)
    present = [m for m in roster if status[m.id] == "present"]
    new_actions: list[Action] = []
    minutes_since_break = 0
    for index, item in enumerate(meeting.agenda):
        log.add(ev.ITEM_STARTED, 20, item_id=item.id)
        if index == 1:
            for m in roster:
                if status[m.id] == "late":
                    log.add(ev.ATTENDANCE, 30, member_id=m.id, status="late")
                    present.append(m)
        if item.standing == "matters_arising":
            for action in open_actions[:3]:
                done = rng.random() < 0.5
                if action.id in memory.dropped:
                    if done:  # draw the id, move the clock and retire it as ever, so the rest stays the same
                        new_id()
                        log.clock += timedelta(seconds=40)
                        memory.retired.add(action.id)
                    continue
                if done:
                    log.add(ev.ACTION_EDITED, 40, id=action.id, status="done")
                elif memory.rng.random() < 0.25:
                    log.follow_up(memory, ev.ACTION_EDITED, id=action.id, status="dropped",
                            reason=memory.rng.choice(DROPPED_REASONS))
                    memory.dropped.add(action.id)
            for decision in memory.last_decisions:
                if memory.rng.random() < 0.3:
                    log.follow_up(memory, ev.DECISION_EDITED, id=decision.id, text=decision.text.rstrip(".") + " this year.",
                            edit_reason=memory.rng.choice(CORRECTIONS))
                    break
        if item.standing == "you_said_we_did":
            for said_id in list(memory.linked):
                if memory.rng.random() < 0.6:
                    log.follow_up(memory, ev.YOU_SAID, id=said_id, state="reported_back", reported_in=meeting.id)
                    memory.linked.remove(said_id)
        topic = next((t for t in topics if t[0] == item.title), None)
        if topic is None:
            speaker = rng.choice(present)
            log.add(ev.TURN_STARTED, 5, member_id=speaker.id, item_id=item.id, via="spoken", by_id="")
            log.add(ev.TURN_ENDED, rng.randint(40, 200), member_id=speaker.id)
            minutes_since_break += 5
        else:
            if rng.random() < 0.5:
                log.add(ev.ROUND_STARTED, 10, item_id=item.id)
                for m in present:
                    if rng.random() < 0.15:
                        log.add(ev.ROUND_PASSED, 5, member_id=m.id)
                    else:
                        log.add(ev.TURN_STARTED, 5, member_id=m.id, item_id=item.id, via="spoken", by_id="")
                        log.add(ev.TURN_ENDED, rng.randint(30, 150), member_id=m.id)
                log.add(ev.ROUND_ENDED, 5)
            speakers = rng.sample(present, min(len(present), rng.randint(3, 6)))
            for m in speakers:
                log.add(ev.QUEUE_JOINED, 10, member_id=m.id, kind=rng.choice(["normal"] * 5 + ["clarification"]))
            if rng.random() < 0.4:
                m = rng.choice(present)
                log.add(ev.CARD_RAISED, 20, member_id=m.id, colour="red", word=topic[1])
                log.add(ev.TIMER_PAUSED, 1)
                log.add(ev.WORD_EXPLAINED, 60, word=topic[1], meaning=f"What we mean by {topic[1]}, in plain words.")
                log.add(ev.CARD_CLEARED, 1, member_id=m.id, colour="red")
                log.add(ev.TIMER_RESUMED, 1)
            if rng.random() < 0.3:
                m = rng.choice(present)
                log.add(ev.CARD_RAISED, 30, member_id=m.id, colour="amber", word="")
                log.add(ev.CARD_CLEARED, 40, member_id=m.id, colour="amber")
            for m in speakers:
                log.add(ev.TURN_STARTED, 5, member_id=m.id, item_id=item.id, via="spoken", by_id="")
                log.add(ev.TURN_ENDED, rng.randint(45, 240), member_id=m.id)
            absent = [m for m in roster if status[m.id] == "apologies"]
            if absent and rng.random() < 0.5:
                writer = rng.choice(absent)
                log.add(ev.TURN_STARTED, 5, member_id=writer.id, item_id=item.id, via="written", by_id=chairs[0])
                log.add(ev.TURN_ENDED, 60, member_id=writer.id)
            minutes_since_break += item.minutes
            if item.kind is ItemKind.DECISION or rng.random() < 0.4:
                method = rng.choice(list(Method))
                voters = len(present)
                against = rng.randint(0, 2) if method is Method.VOTE else 0
                abstain = rng.randint(0, 1) if method is Method.VOTE else 0
                dissent = ""
                if against:
                    dissent = rng.choice(["Breaks should include evenings.", "It does not go far enough.",
                                          "We need the money for something else first."])
                elif method is Method.CONSENT and rng.random() < 0.5:
                    dissent = "One member asked us to look again in three months."
                decision_id = new_id()  # drawn in the same order as ever, so the demo stays the same
                proposer = rng.choice(present).id
                agreed = rng.random() < 0.9
                if not agreed and not dissent:
                    dissent = "Members with lived experience wanted more time to think about it."
                    method = Method.CO_CHAIRS if method is Method.CONSENSUS else method
                decision = Decision(
                    id=decision_id, meeting_id=meeting.id, item_id=item.id, item_title=item.title,
                    text=f"We will {topic[2]}." if method is not Method.DEFERRED else f"We will decide about {item.title.lower()} next time.",
                    method=method,
                    counts={"for": voters - against - abstain, "against": against, "abstain": abstain}
                    if method is Method.VOTE else {},
                    dissent=dissent, proposed_by=proposer,
                    lived_experience_agreed=agreed,
                    review_date=(meeting.start + timedelta(days=182)).date().isoformat(),
                    supersedes=memory.by_topic.get(item.title, "") if method is not Method.DEFERRED else "",
                )
                log.add(ev.DECISION_RECORDED, 30, **decision.to_dict())
                decisions_now.append(decision)
                if method is not Method.DEFERRED:
                    memory.by_topic[item.title] = decision.id
                owner = rng.choice(present)
                action = Action(
                    id=new_id(), meeting_id=meeting.id, text=f"Find out how to {topic[2]}",
                    owner=owner.full_name or owner.name, owner_id=owner.id,
                    due=(meeting.start + timedelta(days=rng.choice([14, 28, 42]))).date().isoformat(),
                    item_id=item.id, decision_id=decision.id,
                )
                log.add(ev.ACTION_RECORDED, 20, **action.to_dict())
                new_actions.append(action)
                if memory.heard and method is not Method.DEFERRED:
                    said_id = memory.heard.pop(0)
                    log.follow_up(memory, ev.YOU_SAID, id=said_id, decision_ids=[decision.id], action_ids=[action.id])
                    linked_now.append(said_id)
            if rng.random() < 0.3:
                m = rng.choice([p for p in present if p.voice_group in (VoiceGroup.LIVED, VoiceGroup.CARER)] or present)
                said_id = new_id()
                log.add(ev.YOU_SAID, 10, id=said_id, member_id=m.id, text=rng.choice(YOU_SAID), state="heard",
                        item_id=item.id, meeting_id=meeting.id)
                heard_now.append(said_id)
        if minutes_since_break >= meeting.settings.break_every_minutes:
            log.add(ev.BREAK_STARTED, 10)
            log.add(ev.BREAK_ENDED, 600)
            minutes_since_break = 0
    for m in present:
        heard = rng.choice(["yes"] * 6 + ["partly", "pass"])
        log.add(ev.EVALUATION, 5, member_id=m.id, heard=heard,
                comment=rng.choice(COMMENTS_PARTLY) if heard == "partly" else "")
    log.add(ev.MEETING_ENDED, 30)
    memory.heard += heard_now
    memory.linked += linked_now
    memory.last_decisions = decisions_now
    return log.events, new_actions


def fresh_salt() -> int:
    """A new id salt: 128 random bits from the system."""
    import secrets

    return secrets.randbits(128)


def build_demo(
    meetings: int = 24, seed: int = 1, *, upcoming: bool = False, id_salt: int = 0
) -> tuple[list[Group], list[tuple[Meeting, list[Event]]]]:
    """Groups and past meetings (with event logs). Deterministic for a given seed and salt.

    With ``upcoming``, each group also gets its next meeting, planned but not yet held, so there
    is a meeting to run (its ids come from their own random stream: the rest is unchanged).
    ``id_salt`` changes every id and nothing else (see :func:`fresh_salt`).
    """
    rng = random.Random(seed)
    new_id = _Ids(rng, id_salt)
    group_count = max(2, min(4, 2 + meetings // 10)) if meetings < 40 else 4
    groups: list[Group] = []
    for name, _place, targets in GROUPS[:group_count]:
        members = _members(rng, new_id, rng.randint(8, 15))
        groups.append(Group(id=new_id(), name=name, members=tuple(members),
                            settings=GroupSettings(voice_targets=targets)))
    per_group = [meetings // group_count + (1 if i < meetings % group_count else 0) for i in range(group_count)]
    # Whole weeks apart (one to four), so each group keeps its weekday, as a real group does.
    spacing = 7 * max(1, min(4, 3650 // max(1, max(per_group)) // 7))
    result: list[tuple[Meeting, list[Event]]] = []
    follow_up = random.Random(seed * 1_000_003 + 7)
    for g, (group, count, (_name, place, _t)) in enumerate(zip(groups, per_group, GROUPS)):
        open_actions: list[Action] = []
        memory = _Memory(follow_up, _Ids(follow_up, id_salt))
        chairs = [group.members[0].id, group.members[1].id]
        first = ANCHOR - timedelta(days=spacing * count + g)
        for n in range(count):
            start = first + timedelta(days=spacing * (n + 1))
            topics = rng.sample(TOPICS, rng.randint(2, 3))
            meeting = Meeting(
                id=new_id(), group_id=group.id, group_name=group.name,
                title=f"{start.strftime('%B %Y')} meeting",
                start=start, end=start + timedelta(hours=2), place=place,
                online_link="https://meet.example.org/" + group.name.split()[0].lower() if place == "Online" else "",
                co_chair_ids=tuple(chairs),
                roles=(("note_taker", group.members[2].id), ("timekeeper", group.members[3].id)),
                agenda=tuple(_agenda(rng, new_id, chairs, topics, start)),
                roster=group.members, settings=group.settings,
            )
            log, made = _meeting_log(rng, new_id, meeting, topics, open_actions, memory)
            done = {e.data["id"] for e in log if e.type == ev.ACTION_EDITED and e.data.get("status") == "done"}
            open_actions = [a for a in open_actions if a.id not in done and a.id not in memory.retired] + made
            result.append((meeting, log))
    if upcoming:
        result += _upcoming(groups, seed, spacing, id_salt)
    return groups, result


def _upcoming(groups: list[Group], seed: int, spacing: int, id_salt: int = 0) -> list[tuple[Meeting, list[Event]]]:
    """Each group's next meeting: planned, with papers, nobody marked yet."""
    rng = random.Random(seed * 7_919 + 13)
    new_id = _Ids(rng, id_salt)
    found = []
    for g, (group, (_name, place, _t)) in enumerate(zip(groups, GROUPS)):
        chairs = [group.members[0].id, group.members[1].id]
        start = ANCHOR + timedelta(days=spacing - g)  # the group's weekday, as its past meetings
        meeting = Meeting(
            id=new_id(), group_id=group.id, group_name=group.name, title=f"{start.strftime('%B %Y')} meeting",
            start=start, end=start + timedelta(hours=2), place=place, co_chair_ids=tuple(chairs),
            roles=(("note_taker", group.members[2].id), ("timekeeper", group.members[3].id)),
            agenda=tuple(_agenda(rng, new_id, chairs, rng.sample(TOPICS, 2), start)),
            roster=group.members, settings=group.settings,
        )
        found.append((meeting, []))
    return found


def demo_today() -> date:
    """The day the demo archive treats as today when it speaks of late actions."""
    return ANCHOR.date()
