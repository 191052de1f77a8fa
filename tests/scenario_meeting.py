"""SCENARIO.md's meeting ("Better Together Board", Thursday 12 March 2026 at 2pm) as events.

Deterministic: fixed ids and times, so golden files stay the same. Used by the minutes tests;
other tests may reuse it. ``scenario()`` gives the group, the January meeting (where Priya's
"you said" was raised), the March meeting with its full log, and the April meeting (next).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

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
from coprod_meet.domain.notes import ITEM_NOTE
from coprod_meet.domain.records import Action, Decision, Method


def fixed_id(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"coprod-meet-scenario/{name}"))


def _member(key: str, name: str, full: str, naming: Naming, vg: VoiceGroup, role: str = "",
            needs: tuple[AccessNeed, ...] = ()) -> Member:
    return Member(id=fixed_id(key), name=name, full_name=full, role=role, naming=naming, voice_group=vg,
                  access_needs=needs)


MEMBERS = {
    "hayley": _member("hayley", "Hayley", "Hayley Brook", Naming.FULL, VoiceGroup.LIVED,
                      "member with lived experience", (AccessNeed.EASY_READ,)),
    "jo": _member("jo", "Jo", "Jo Clark", Naming.FULL, VoiceGroup.PROFESSIONAL, "commissioner"),
    "priya": _member("priya", "Priya", "Priya Patel", Naming.FIRST, VoiceGroup.LIVED,
                     "member with lived experience", (AccessNeed.EXTRA_TIME,)),
    "sam": _member("sam", "Sam", "Sam Jones", Naming.NOT_NAMED, VoiceGroup.LIVED,
                   "member with lived experience", (AccessNeed.LARGE_PRINT, AccessNeed.BREAKS)),
    "tom": _member("tom", "Tom", "Tom Walsh", Naming.ROLE, VoiceGroup.CARER, "carer", (AccessNeed.HEARING_LOOP,)),
    "ade": _member("ade", "Ade", "Ade Okafor", Naming.NOT_NAMED, VoiceGroup.CARER, "carer"),
    "mary": _member("mary", "Mary", "Mary Fisher", Naming.FULL, VoiceGroup.PROFESSIONAL, "coordinator"),
    "lee": _member("lee", "Dr Lee", "Dr Ravi Lee", Naming.FULL, VoiceGroup.PROFESSIONAL, "clinician"),
    "shah": _member("shah", "Cllr Shah", "Cllr Nadia Shah", Naming.FULL, VoiceGroup.PROFESSIONAL, "councillor"),
    "kit": _member("kit", "Kit", "Kit Evans", Naming.FIRST, VoiceGroup.LIVED, "member with lived experience",
                   (AccessNeed.BSL,)),
}
M = {k: m.id for k, m in MEMBERS.items()}
SETTINGS = GroupSettings(papers_days=7, break_every_minutes=60, turn_limit_seconds=180,
                         voice_targets=(("lived_experience+carer", 60),))
GROUP = Group(id=fixed_id("group"), name="Better Together Board", members=tuple(MEMBERS.values()), settings=SETTINGS)

START = datetime(2026, 3, 12, 14, 0)
ITEMS = [
    ("welcome", "Welcome and introductions", ItemKind.INFORMATION, "hayley", 10, ""),
    ("apologies", "Apologies", ItemKind.INFORMATION, "hayley", 5, ""),
    ("matters", "Matters arising", ItemKind.DISCUSSION, "hayley", 15, ""),
    ("plan", "The plan for next year", ItemKind.DISCUSSION, "jo", 15,
     "Jo shared the draft plan for next year."),
    ("breaks", "Carers' breaks", ItemKind.DECISION, "hayley", 40,
     "We talked about short breaks for carers and what carers want from them."),
    ("transport", "Transport to day centres", ItemKind.DECISION, "jo", 20,
     "We talked about how people get to day centres."),
    ("aob", "Any other business", ItemKind.DISCUSSION, "hayley", 5, ""),
    ("today", "How did today go?", ItemKind.DISCUSSION, "hayley", 10, ""),
]
I = {key: fixed_id(f"item/{key}") for key, *_ in ITEMS}
YOU_SAID_ID = fixed_id("you-said/buses")
DECISION_BREAKS = fixed_id("decision/breaks")
DECISION_TRANSPORT = fixed_id("decision/transport")
ACTION_JO = fixed_id("action/jo")
PRIVATE_NOTE = "Sam seemed upset at the break; Mary to phone Sam tomorrow."


def _meeting(key: str, title: str, start: datetime, agenda: tuple[AgendaItem, ...] = ()) -> Meeting:
    return Meeting(id=fixed_id(f"meeting/{key}"), group_id=GROUP.id, group_name=GROUP.name, title=title,
                   start=start, end=start + timedelta(hours=2), place="County Hall room 4",
                   online_link="https://meet.example.org/btb", co_chair_ids=(M["hayley"], M["jo"]),
                   roles=(("note_taker", M["mary"]),), agenda=agenda, roster=GROUP.members, settings=SETTINGS)


@dataclass
class Log:
    key: str
    clock: datetime
    events: list[Event] = field(default_factory=list)

    def at(self, hour: int, minute: int, second: int = 0) -> Log:
        self.clock = self.clock.replace(hour=hour, minute=minute, second=second)
        return self

    def add(self, event_type: str, after: int = 0, **data) -> None:
        self.clock += timedelta(seconds=after)
        n = len(self.events) + 1
        self.events.append(Event(type=event_type, data=data, id=fixed_id(f"{self.key}/event/{n}"), at=self.clock,
                                 seq=n))

    def note(self, item: str, text: str, *, public: bool = True, who: str = "", written: bool = False) -> None:
        """A note for the minutes, written by Mary (the note-taker)."""
        n = len(self.events) + 1
        self.add(ITEM_NOTE, 1, id=fixed_id(f"{self.key}/note/{n}"), item_id=I[item], text=text, public=public,
                 speaker_id=M[who] if who else "", written=written, author_id=M["mary"])

    def turn(self, who: str, seconds: int, item: str, via: str = "spoken", by: str = "") -> None:
        self.add(ev.TURN_STARTED, 5, member_id=M[who], item_id=I[item], via=via, by_id=M[by] if by else "")
        self.add(ev.TURN_ENDED, seconds, member_id=M[who])


def january() -> tuple[Meeting, list[Event]]:
    meeting = _meeting("january", "Better Together Board: January 2026", datetime(2026, 1, 15, 14, 0))
    log = Log("january", meeting.start)
    log.add(ev.YOU_SAID, 60 * 40, id=YOU_SAID_ID, member_id=M["priya"], text="Buses stop too early",
            state="heard")
    return meeting, log.events


def april() -> Meeting:
    return _meeting("april", "Better Together Board: April 2026", datetime(2026, 4, 9, 14, 0))


def march() -> tuple[Meeting, list[Event]]:
    agenda = tuple(
        AgendaItem(id=I[key], title=title, kind=kind, lead_id=M[lead], minutes=minutes, summary=summary,
                   papers=(Paper("Carers' breaks: options", "papers/breaks.pdf", "2026-03-10"),) if key == "breaks"
                   else ())
        for key, title, kind, lead, minutes, summary in ITEMS
    )
    meeting = _meeting("march", "Better Together Board: March 2026", START, agenda)
    log = Log("march", START - timedelta(minutes=5))
    for key in ("hayley", "jo", "priya", "sam", "tom", "ade", "mary", "kit"):
        log.add(ev.ATTENDANCE, 1, member_id=M[key], status="present")
    log.add(ev.ATTENDANCE, 1, member_id=M["lee"], status="apologies")
    log.at(14, 0).add(ev.MEETING_STARTED)
    # 1-3: Hayley leads.
    log.add(ev.ITEM_STARTED, 5, item_id=I["welcome"])
    log.turn("hayley", 240, "welcome")
    log.at(14, 10).add(ev.ITEM_STARTED, item_id=I["apologies"])
    log.turn("hayley", 60, "apologies")
    log.at(14, 15).add(ev.ITEM_STARTED, item_id=I["matters"])
    log.turn("jo", 120, "matters")
    log.note("matters", "Jo said the letter to the bus company about late buses has gone.", who="jo")
    log.at(14, 20).add(ev.ATTENDANCE, member_id=M["shah"], status="late")
    log.turn("hayley", 90, "matters")
    # 4: Jo leads (hand-over).
    log.at(14, 30).add(ev.CHAIR_HANDOVER, item_id=I["plan"], lead_id=M["jo"])
    log.add(ev.ITEM_STARTED, 5, item_id=I["plan"])
    log.turn("jo", 300, "plan")
    log.turn("priya", 150, "plan")
    log.note("plan", "The draft plan puts more money into support for carers.")
    # 5: Carers' breaks, Hayley leads.
    log.at(14, 45).add(ev.CHAIR_HANDOVER, item_id=I["breaks"], lead_id=M["hayley"])
    log.add(ev.ITEM_STARTED, 5, item_id=I["breaks"])
    for who in ("jo", "mary", "priya", "tom"):
        log.add(ev.QUEUE_JOINED, 5, member_id=M[who], kind="normal")
    log.add(ev.QUEUE_JOINED, 5, member_id=M["shah"], kind="clarification")
    log.turn("shah", 60, "breaks")
    log.turn("priya", 170, "breaks")
    log.note("breaks", "Priya said weekend breaks matter most to her.", who="priya")
    log.add(ev.CARD_RAISED, 5, member_id=M["sam"], colour="red", word="respite")
    log.add(ev.TIMER_PAUSED, 1)
    log.add(ev.WORD_EXPLAINED, 60, word="respite", meaning="A short break from caring, so the carer can rest.")
    log.add(ev.CARD_CLEARED, 1, member_id=M["sam"], colour="red")
    log.add(ev.TIMER_RESUMED, 1)
    log.turn("tom", 175, "breaks")
    log.turn("jo", 100, "breaks")
    log.turn("mary", 80, "breaks")
    log.turn("ade", 60, "breaks", via="written", by="hayley")
    log.note("breaks", "I can only get away in the evenings, when my wife's sister can sit with her.", who="ade",
             written=True)
    log.note("breaks", "Sam finds the forms for breaks too long.", who="sam", public=False)
    log.at(15, 0).add(ev.BREAK_STARTED)
    log.at(15, 10).add(ev.BREAK_ENDED)
    log.add(ev.ROUND_STARTED, 5, item_id=I["breaks"])
    log.turn("hayley", 60, "breaks")
    log.turn("sam", 90, "breaks")
    log.add(ev.ROUND_PASSED, 5, member_id=M["kit"])
    log.turn("ade", 45, "breaks")
    log.turn("priya", 30, "breaks")
    log.turn("tom", 40, "breaks")
    log.turn("jo", 30, "breaks")
    log.turn("mary", 30, "breaks")
    log.turn("shah", 30, "breaks")
    log.turn("kit", 70, "breaks")
    log.add(ev.ROUND_ENDED, 5)
    log.add(ev.NOTE, 5, text=PRIVATE_NOTE, author_id=M["mary"])
    decision = Decision(
        id=DECISION_BREAKS, meeting_id=meeting.id, item_id=I["breaks"], item_title="Carers' breaks",
        text="We will offer more short breaks for carers.", method=Method.VOTE,
        counts={"for": 7, "against": 1, "abstain": 1}, dissent="Breaks should include evenings.",
        proposed_by=M["hayley"], lived_experience_agreed=True, review_date="2026-09-12",
    )
    log.at(15, 25).add(ev.DECISION_RECORDED, **(decision.to_dict() | {"dissent_by": [M["tom"]]}))
    action = Action(id=ACTION_JO, meeting_id=meeting.id, text="ask providers for evening break options",
                    owner="Jo Clark", owner_id=M["jo"], due="2026-03-26", item_id=I["breaks"],
                    decision_id=DECISION_BREAKS)
    log.add(ev.ACTION_RECORDED, 30, **action.to_dict())
    log.at(15, 30).add(ev.ATTENDANCE, member_id=M["ade"], status="left")
    # 6: Transport, Jo leads.
    log.add(ev.CHAIR_HANDOVER, 5, item_id=I["transport"], lead_id=M["jo"])
    log.add(ev.ITEM_STARTED, 5, item_id=I["transport"])
    log.turn("priya", 120, "transport")
    log.note("transport", "Buses stop at 4pm, which is too early to get home from the day centre.", who="priya")
    log.turn("kit", 60, "transport")
    log.turn("jo", 90, "transport")
    transport = Decision(id=DECISION_TRANSPORT, meeting_id=meeting.id, item_id=I["transport"],
                         item_title="Transport to day centres", text="We will set up a transport working group.",
                         method=Method.CONSENSUS, proposed_by=M["priya"], lived_experience_agreed=True)
    log.add(ev.DECISION_RECORDED, 20, **transport.to_dict())
    log.add(ev.YOU_SAID, 10, id=YOU_SAID_ID, state="decided", decision_ids=[DECISION_TRANSPORT])
    # 7: AOB trimmed; 8: how did today go.
    log.at(15, 45).add(ev.CHAIR_HANDOVER, item_id=I["aob"], lead_id=M["hayley"])
    log.add(ev.ITEM_STARTED, 5, item_id=I["aob"])
    log.at(15, 48).add(ev.ITEM_STARTED, item_id=I["today"])
    for who, heard, comment in [("hayley", "yes", ""), ("jo", "yes", ""), ("priya", "yes", "Good to be heard."),
                                ("sam", "partly", "I needed more time"), ("tom", "yes", ""), ("mary", "yes", ""),
                                ("shah", "yes", ""), ("kit", "pass", "")]:
        log.add(ev.EVALUATION, 10, member_id=M[who], heard=heard, comment=comment)
    log.at(15, 55).add(ev.MEETING_ENDED)
    return meeting, log.events


def scenario() -> tuple[Group, tuple[Meeting, list[Event]], tuple[Meeting, list[Event]], Meeting]:
    return GROUP, january(), march(), april()


def store(service) -> str:
    """Put the scenario in a real archive (through the services); returns the March meeting id."""
    group, jan, mar, apr = scenario()
    service.save_group(group)
    service.write_whole_meetings([jan, mar, (apr, [])])
    return mar[0].id
