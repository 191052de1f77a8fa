"""The "Better Together Board" of ../shared/SCENARIO.md as test data: the one place tests build it.

One cast, one group, one agenda, one clock. Every id is fixed (``fixed_id``), so golden files and
snapshots stay the same from run to run. The sections, in the order of the story:

- ids and the clock: ``fixed_id``, ``START``, ``Clock``
- the cast: ``MEMBERS`` and ``ID`` (by the name the group uses: "Hayley", "Dr Lee", "Cllr Shah")
- the group: ``SETTINGS``, ``GROUP``
- the agenda: ``ITEMS``, ``I`` (item ids by key) and ``item_id(n)`` (by number, 1 to 8)
- the meetings: ``january()``, ``february()``, ``march_meeting()`` (as planned), ``april()``
- the March meeting as it happened: ``Log`` and ``march()`` (the whole log)
- archives: ``save_board`` (planned March), ``board_archive`` (up to February), ``store`` (January,
  March as it happened, April), ``build_board`` (the records board: January, February, March under way)
- the live meeting: ``play_to_item_five``
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
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.records import RecordsService

# --- Ids and the clock -------------------------------------------------------------------------


def fixed_id(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"coprod-meet-scenario/{name}"))


START = MARCH = datetime(2026, 3, 12, 14, 0)  # Thursday 12 March 2026 at 2pm


@dataclass
class Clock:
    """A clock the test moves by hand: ``clock()`` is now, ``clock.tick(seconds)`` moves it."""

    now: datetime = START - timedelta(minutes=5)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: float = 0, *, minutes: float = 0) -> datetime:
        self.now += timedelta(seconds=seconds, minutes=minutes)
        return self.now

    def at(self, hour: int, minute: int = 0) -> datetime:
        self.now = self.now.replace(hour=hour, minute=minute, second=0)
        return self.now


# --- The cast: SCENARIO.md's table ---------------------------------------------------------------
# The full names SCENARIO.md leaves out (Priya, Sam, Tom, Ade, Kit) are made up here, so the tests can
# check that a member's consent keeps their surname out of the minutes.

L, C, P = VoiceGroup.LIVED, VoiceGroup.CARER, VoiceGroup.PROFESSIONAL
_CAST = [  # name, full name, voice group, named in public minutes, role, access needs
    ("Hayley", "Hayley Brook", L, Naming.FULL, "elected co-chair", (AccessNeed.EASY_READ,)),
    ("Jo", "Jo Clark", P, Naming.FULL, "commissioner", ()),
    ("Priya", "Priya Patel", L, Naming.FIRST, "", (AccessNeed.EXTRA_TIME,)),
    ("Sam", "Sam Jones", L, Naming.NOT_NAMED, "", (AccessNeed.LARGE_PRINT, AccessNeed.BREAKS)),
    ("Tom", "Tom Walsh", C, Naming.ROLE, "a carer", (AccessNeed.HEARING_LOOP,)),
    ("Ade", "Ade Okafor", C, Naming.NOT_NAMED, "", ()),
    ("Mary", "Mary Fisher", P, Naming.FULL, "coordinator", ()),
    ("Dr Lee", "Dr Ravi Lee", P, Naming.FULL, "clinician", ()),
    ("Cllr Shah", "Cllr Nadia Shah", P, Naming.FULL, "councillor", ()),
    ("Kit", "Kit Evans", L, Naming.FIRST, "", (AccessNeed.BSL,)),
]
MEMBERS = {name: Member(id=fixed_id(name.split()[-1].lower()), name=name, full_name=full, voice_group=vg,
                        naming=naming, role=role, access_needs=needs)
           for name, full, vg, naming, role, needs in _CAST}
ID = {name: m.id for name, m in MEMBERS.items()}
NAME = {m.id: name for name, m in MEMBERS.items()}

# --- The group -----------------------------------------------------------------------------------

SETTINGS = GroupSettings(papers_days=7, break_every_minutes=60, turn_limit_seconds=180,
                         voice_targets=(("lived_experience+carer", 60),))
GROUP = Group(id=fixed_id("group"), name="Better Together Board", members=tuple(MEMBERS.values()), settings=SETTINGS)

# --- The agenda of 12 March (after Mary trimmed AOB: 2 hours) --------------------------------------
# Hayley leads items 1-3, 5, 7 and 8; Jo leads items 4 and 6.

ITEMS = [  # key, title, kind, lead, minutes, standing item, summary
    ("welcome", "Welcome and introductions", ItemKind.INFORMATION, "Hayley", 10, "welcome", ""),
    ("apologies", "Apologies", ItemKind.INFORMATION, "Hayley", 5, "apologies", ""),
    ("matters", "Matters arising", ItemKind.DISCUSSION, "Hayley", 15, "matters_arising", ""),
    ("plan", "The plan for next year", ItemKind.DISCUSSION, "Jo", 15, "", "Jo shared the draft plan for next year."),
    ("breaks", "Carers' breaks", ItemKind.DECISION, "Hayley", 40, "",
     "We talked about short breaks for carers and what carers want from them."),
    ("transport", "Transport to day centres", ItemKind.DECISION, "Jo", 20, "",
     "We talked about how people get to day centres."),
    ("aob", "Any other business", ItemKind.DISCUSSION, "Hayley", 5, "aob", ""),
    ("today", "How did today go?", ItemKind.DISCUSSION, "Hayley", 10, "how_did_today_go", ""),
]
I = {key: fixed_id(f"item/{key}") for key, *_ in ITEMS}
BREAKS_PAPER = Paper("Carers' breaks: options", "papers/breaks.pdf", "2026-03-10")  # sent 2 days before, not 7


def item_id(n: int) -> str:
    """The id of agenda item ``n`` (1 to 8), as SCENARIO.md numbers them."""
    return I[ITEMS[n - 1][0]]


AGENDA = tuple(
    AgendaItem(id=I[key], title=title, kind=kind, lead_id=ID[lead], minutes=minutes, standing=standing,
               summary=summary, papers=(BREAKS_PAPER,) if key == "breaks" else ())
    for key, title, kind, lead, minutes, standing, summary in ITEMS
)

# --- The meetings --------------------------------------------------------------------------------


def _meeting(key: str, title: str, start: datetime, agenda: tuple[AgendaItem, ...] = (),
             roster: tuple[Member, ...] | None = None) -> Meeting:
    return Meeting(id=fixed_id(f"meeting/{key}"), group_id=GROUP.id, group_name=GROUP.name, title=title,
                   start=start, end=start + timedelta(hours=2), place="County Hall room 4",
                   online_link="https://meet.example.org/btb", co_chair_ids=(ID["Hayley"], ID["Jo"]),
                   roles=(("note_taker", ID["Mary"]),), agenda=agenda,
                   roster=roster if roster is not None else GROUP.members, settings=SETTINGS)


def march_meeting(roster: tuple[Member, ...] | None = None) -> Meeting:
    """Thursday 12 March 2026 at 2pm, 2 hours, County Hall room 4 and online, as Mary planned it."""
    return _meeting("march", "Better Together Board: March 2026", START, AGENDA, roster)


MARCH_ID = march_meeting().id


def april() -> Meeting:
    return _meeting("april", "Better Together Board: April 2026", datetime(2026, 4, 9, 14, 0))


@dataclass
class Log:
    """A meeting's events, written one by one with fixed ids; ``after`` is seconds since the last one."""

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
                 speaker_id=ID[who] if who else "", written=written, author_id=ID["Mary"])

    def turn(self, who: str, seconds: int, item: str, via: str = "spoken", by: str = "") -> None:
        self.add(ev.TURN_STARTED, 5, member_id=ID[who], item_id=I[item], via=via, by_id=ID[by] if by else "")
        self.add(ev.TURN_ENDED, seconds, member_id=ID[who])


YOU_SAID_ID = fixed_id("you-said/buses")


def january() -> tuple[Meeting, list[Event]]:
    """Thursday 15 January 2026: Priya says buses stop too early (a "you said", heard)."""
    meeting = _meeting("january", "Better Together Board: January 2026", datetime(2026, 1, 15, 14, 0))
    log = Log("january", meeting.start)
    log.add(ev.YOU_SAID, 60 * 40, id=YOU_SAID_ID, member_id=ID["Priya"], text="Buses stop too early",
            state="heard")
    return meeting, log.events


FEBRUARY = datetime(2026, 2, 12, 14, 0)
FEBRUARY_ITEMS = {key: fixed_id(f"february/item/{key}") for key in ("welcome", "letters", "transport", "today")}
ACTION_LATE, ACTION_LETTERS, ACTION_ROOM = (fixed_id(f"february/action/{k}") for k in ("late", "letters", "room"))


def february() -> tuple[Meeting, list[Event]]:
    """Last month's meeting: two actions left open (Jo's was due 26 February), one done, one item deferred."""
    f = FEBRUARY_ITEMS
    agenda = (
        AgendaItem(id=f["welcome"], title="Welcome and introductions", minutes=10, lead_id=ID["Hayley"],
                   standing="welcome"),
        AgendaItem(id=f["letters"], title="Easy read letters", minutes=30, lead_id=ID["Hayley"]),
        AgendaItem(id=f["transport"], title="Transport to day centres", kind=ItemKind.DISCUSSION, lead_id=ID["Jo"],
                   minutes=15, summary="How people get to day centres when buses stop early."),
        AgendaItem(id=f["today"], title="How did today go?", minutes=10, lead_id=ID["Hayley"],
                   standing="how_did_today_go"),
    )
    meeting = _meeting("february", "Better Together Board: February 2026", FEBRUARY, agenda)
    late = Action(id=ACTION_LATE, meeting_id=meeting.id, text="write to the bus company about late buses",
                  owner="Jo Clark", owner_id=ID["Jo"], due="2026-02-26", item_id=f["letters"])
    letters = Action(id=ACTION_LETTERS, meeting_id=meeting.id, text="send easy read letters to the print team",
                     owner="Mary Fisher", owner_id=ID["Mary"], due="2026-03-19", item_id=f["letters"])
    room = Action(id=ACTION_ROOM, meeting_id=meeting.id, text="book County Hall room 4", owner="Mary Fisher",
                  owner_id=ID["Mary"], due="2026-02-20")
    log = Log("february", FEBRUARY)
    log.add(ev.MEETING_STARTED)
    log.add(ev.ACTION_RECORDED, 30 * 60, **late.to_dict())
    log.add(ev.ACTION_RECORDED, 60, **letters.to_dict())
    log.add(ev.ACTION_RECORDED, 60, **room.to_dict())
    log.add(ev.ACTION_EDITED, 60, id=room.id, status="done")
    log.add(ev.ITEM_STARTED, 37 * 60, item_id=f["transport"])
    log.add(ev.ITEM_DEFERRED, 60, item_id=f["transport"])
    log.at(16, 0).add(ev.MEETING_ENDED)
    return meeting, log.events


# --- The March meeting as it happened --------------------------------------------------------------

DECISION_BREAKS = fixed_id("decision/breaks")
DECISION_TRANSPORT = fixed_id("decision/transport")
ACTION_JO = fixed_id("action/jo")
PRIVATE_NOTE = "Sam seemed upset at the break; Mary to phone Sam tomorrow."


def march() -> tuple[Meeting, list[Event]]:
    """The whole log of 12 March, items 1 to 8, as SCENARIO.md tells it."""
    meeting = march_meeting()
    log = Log("march", START - timedelta(minutes=5))
    for who in ("Hayley", "Jo", "Priya", "Sam", "Tom", "Ade", "Mary", "Kit"):
        log.add(ev.ATTENDANCE, 1, member_id=ID[who], status="present")
    log.add(ev.ATTENDANCE, 1, member_id=ID["Dr Lee"], status="apologies")
    log.at(14, 0).add(ev.MEETING_STARTED)
    # 1-3: Hayley leads.
    log.add(ev.ITEM_STARTED, 5, item_id=I["welcome"])
    log.turn("Hayley", 240, "welcome")
    log.at(14, 10).add(ev.ITEM_STARTED, item_id=I["apologies"])
    log.turn("Hayley", 60, "apologies")
    log.at(14, 15).add(ev.ITEM_STARTED, item_id=I["matters"])
    log.turn("Jo", 120, "matters")
    log.note("matters", "Jo said the letter to the bus company about late buses has gone.", who="Jo")
    log.at(14, 20).add(ev.ATTENDANCE, member_id=ID["Cllr Shah"], status="late")
    log.turn("Hayley", 90, "matters")
    # 4: Jo leads (hand-over).
    log.at(14, 30).add(ev.CHAIR_HANDOVER, item_id=I["plan"], lead_id=ID["Jo"])
    log.add(ev.ITEM_STARTED, 5, item_id=I["plan"])
    log.turn("Jo", 300, "plan")
    log.turn("Priya", 150, "plan")
    log.note("plan", "The draft plan puts more money into support for carers.")
    # 5: Carers' breaks, Hayley leads.
    log.at(14, 45).add(ev.CHAIR_HANDOVER, item_id=I["breaks"], lead_id=ID["Hayley"])
    log.add(ev.ITEM_STARTED, 5, item_id=I["breaks"])
    for who in ("Jo", "Mary", "Priya", "Tom"):
        log.add(ev.QUEUE_JOINED, 5, member_id=ID[who], kind="normal")
    log.add(ev.QUEUE_JOINED, 5, member_id=ID["Cllr Shah"], kind="clarification")
    log.turn("Cllr Shah", 60, "breaks")
    log.turn("Priya", 170, "breaks")
    log.note("breaks", "Priya said weekend breaks matter most to her.", who="Priya")
    log.add(ev.CARD_RAISED, 5, member_id=ID["Sam"], colour="red", word="respite")
    log.add(ev.TIMER_PAUSED, 1)
    log.add(ev.WORD_EXPLAINED, 60, word="respite", meaning="A short break from caring, so the carer can rest.")
    log.add(ev.CARD_CLEARED, 1, member_id=ID["Sam"], colour="red")
    log.add(ev.TIMER_RESUMED, 1)
    log.turn("Tom", 175, "breaks")
    log.turn("Jo", 100, "breaks")
    log.turn("Mary", 80, "breaks")
    log.turn("Ade", 60, "breaks", via="written", by="Hayley")
    log.note("breaks", "I can only get away in the evenings, when my wife's sister can sit with her.", who="Ade",
             written=True)
    log.note("breaks", "Sam finds the forms for breaks too long.", who="Sam", public=False)
    log.at(15, 0).add(ev.BREAK_STARTED)
    log.at(15, 10).add(ev.BREAK_ENDED)
    log.add(ev.ROUND_STARTED, 5, item_id=I["breaks"])
    log.turn("Hayley", 60, "breaks")
    log.turn("Sam", 90, "breaks")
    log.add(ev.ROUND_PASSED, 5, member_id=ID["Kit"])
    for who, seconds in (("Ade", 45), ("Priya", 30), ("Tom", 40), ("Jo", 30), ("Mary", 30), ("Cllr Shah", 30),
                         ("Kit", 70)):
        log.turn(who, seconds, "breaks")
    log.add(ev.ROUND_ENDED, 5)
    log.add(ev.NOTE, 5, text=PRIVATE_NOTE, author_id=ID["Mary"])
    decision = Decision(
        id=DECISION_BREAKS, meeting_id=meeting.id, item_id=I["breaks"], item_title="Carers' breaks",
        text="We will offer more short breaks for carers.", method=Method.VOTE,
        counts={"for": 7, "against": 1, "abstain": 1}, dissent="Breaks should include evenings.",
        proposed_by=ID["Hayley"], lived_experience_agreed=True, review_date="2026-09-12",
    )
    log.at(15, 25).add(ev.DECISION_RECORDED, **(decision.to_dict() | {"dissent_by": [ID["Tom"]]}))
    action = Action(id=ACTION_JO, meeting_id=meeting.id, text="ask providers for evening break options",
                    owner="Jo Clark", owner_id=ID["Jo"], due="2026-03-26", item_id=I["breaks"],
                    decision_id=DECISION_BREAKS)
    log.add(ev.ACTION_RECORDED, 30, **action.to_dict())
    log.at(15, 30).add(ev.ATTENDANCE, member_id=ID["Ade"], status="left")
    # 6: Transport, Jo leads.
    log.add(ev.CHAIR_HANDOVER, 5, item_id=I["transport"], lead_id=ID["Jo"])
    log.add(ev.ITEM_STARTED, 5, item_id=I["transport"])
    log.turn("Priya", 120, "transport")
    log.note("transport", "Buses stop at 4pm, which is too early to get home from the day centre.", who="Priya")
    log.turn("Kit", 60, "transport")
    log.turn("Jo", 90, "transport")
    transport = Decision(id=DECISION_TRANSPORT, meeting_id=meeting.id, item_id=I["transport"],
                         item_title="Transport to day centres", text="We will set up a transport working group.",
                         method=Method.CONSENSUS, proposed_by=ID["Priya"], lived_experience_agreed=True)
    log.add(ev.DECISION_RECORDED, 20, **transport.to_dict())
    log.add(ev.YOU_SAID, 10, id=YOU_SAID_ID, state="decided", decision_ids=[DECISION_TRANSPORT])
    # 7: AOB trimmed; 8: how did today go.
    log.at(15, 45).add(ev.CHAIR_HANDOVER, item_id=I["aob"], lead_id=ID["Hayley"])
    log.add(ev.ITEM_STARTED, 5, item_id=I["aob"])
    log.at(15, 48).add(ev.ITEM_STARTED, item_id=I["today"])
    for who, heard, comment in [("Hayley", "yes", ""), ("Jo", "yes", ""), ("Priya", "yes", "Good to be heard."),
                                ("Sam", "partly", "I needed more time"), ("Tom", "yes", ""), ("Mary", "yes", ""),
                                ("Cllr Shah", "yes", ""), ("Kit", "pass", "")]:
        log.add(ev.EVALUATION, 10, member_id=ID[who], heard=heard, comment=comment)
    log.at(15, 55).add(ev.MEETING_ENDED)
    return meeting, log.events


def scenario() -> tuple[Group, tuple[Meeting, list[Event]], tuple[Meeting, list[Event]], Meeting]:
    """The group, January (with its log), March (with its whole log) and April (next)."""
    return GROUP, january(), march(), april()


# --- Archives at points in the story ---------------------------------------------------------------


def save_board(service: ArchiveService, roster: tuple[Member, ...] | None = None) -> Meeting:
    """The group and the March meeting as planned, not yet started (for the live meeting)."""
    service.save_group(GROUP)
    return service.save_meeting(march_meeting(roster))


def board_archive(service: ArchiveService) -> Group:
    """The group and its February meeting: what Mary plans March from."""
    service.save_group(GROUP)
    service.write_whole_meetings([february()])
    return GROUP


def store(service: ArchiveService) -> str:
    """January, March as it happened and April (planned); returns the March meeting id."""
    group, jan, mar, apr = scenario()
    service.save_group(group)
    service.write_whole_meetings([jan, mar, (apr, [])])
    return mar[0].id


@dataclass
class Board:
    """The records board: January and February done, 12 March under way at item 5 (decisions, actions)."""

    service: ArchiveService
    records: RecordsService
    group: Group
    january: Meeting
    february: Meeting
    march: Meeting
    clock: Clock

    def at(self, when: datetime) -> None:
        """Move the clock the records service stamps events with."""
        self.clock.now = when


def build_board(service: ArchiveService, *, clock_at: datetime = MARCH + timedelta(hours=1)) -> Board:
    jan, feb, mar = january(), february(), march_meeting()
    log = Log("march-so-far", START - timedelta(minutes=5))
    for who in MEMBERS:
        log.add(ev.ATTENDANCE, 1, member_id=ID[who], status="apologies" if who == "Dr Lee" else "present")
    log.at(14, 0).add(ev.MEETING_STARTED)
    log.at(14, 50).add(ev.ITEM_STARTED, item_id=I["breaks"])
    service.save_group(GROUP)
    service.write_whole_meetings([jan, feb, (mar, log.events)])
    clock = Clock(clock_at)
    return Board(service, RecordsService(service, clock=clock), GROUP, jan[0], feb[0], mar, clock)


def leave(board: Board, member_id: str, at: datetime) -> None:
    board.service.append_event(board.march.id, ev.event(ev.ATTENDANCE, at=at, member_id=member_id, status="left"))


# --- The live meeting ----------------------------------------------------------------------------


def play_to_item_five(live, clock: Clock) -> None:
    """Run the scenario up to the middle of item 5: a queue, a red card, Kit's pass in a go-round."""
    for name in ("Hayley", "Jo", "Priya", "Sam", "Tom", "Ade", "Mary", "Kit"):
        live.set_attendance(ID[name], "present")
    live.set_attendance(ID["Dr Lee"], "apologies")
    clock.at(14, 0)
    live.start()
    for hour, minute in ((14, 6), (14, 14)):
        clock.at(hour, minute)
        live.next_item()
    clock.at(14, 20)
    live.set_attendance(ID["Cllr Shah"], "late")
    live.next_item()  # item 4: Jo leads
    clock.at(14, 37)
    live.next_item()
    for name, seconds in (("Jo", 150), ("Mary", 60)):
        live.give_turn(ID[name])
        clock.tick(seconds)
    live.end_turn()
    for name in ("Jo", "Mary", "Priya", "Tom"):
        live.queue_add(ID[name])
        clock.tick(5)
    live.queue_add(ID["Cllr Shah"], "clarification")
    live.next_speaker()
    clock.tick(40)
    live.next_speaker()
    clock.tick(70)
    live.raise_card(ID["Sam"], "red", "respite")
    clock.tick(20)
