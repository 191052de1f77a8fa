"""The "Better Together Board" of ../shared/SCENARIO.md as real archive data, and a test clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from coprod_meet.domain.model import (
    AccessNeed,
    AgendaItem,
    Group,
    GroupSettings,
    ItemKind,
    Meeting,
    Member,
    Naming,
    VoiceGroup,
)

START = datetime(2026, 3, 12, 14, 0)


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


def _m(key: str, name: str, full: str, naming: Naming, vg: VoiceGroup, role: str = "",
       needs: tuple[AccessNeed, ...] = ()) -> Member:
    return Member(id=f"00000000-0000-4000-8000-{key:0>12}", name=name, full_name=full, naming=naming,
                  voice_group=vg, role=role, access_needs=needs)


MEMBERS = {
    "Hayley": _m("1", "Hayley", "Hayley Brook", Naming.FULL, VoiceGroup.LIVED, "co-chair", (AccessNeed.EASY_READ,)),
    "Jo": _m("2", "Jo", "Jo Clark", Naming.FULL, VoiceGroup.PROFESSIONAL, "commissioner"),
    "Priya": _m("3", "Priya", "Priya", Naming.FIRST, VoiceGroup.LIVED, "", (AccessNeed.EXTRA_TIME,)),
    "Sam": _m("4", "Sam", "Sam", Naming.NOT_NAMED, VoiceGroup.LIVED, "",
              (AccessNeed.LARGE_PRINT, AccessNeed.BREAKS)),
    "Tom": _m("5", "Tom", "Tom", Naming.ROLE, VoiceGroup.CARER, "a carer", (AccessNeed.HEARING_LOOP,)),
    "Ade": _m("6", "Ade", "Ade", Naming.NOT_NAMED, VoiceGroup.CARER),
    "Mary": _m("7", "Mary", "Mary Fisher", Naming.FULL, VoiceGroup.PROFESSIONAL, "coordinator"),
    "Dr Lee": _m("8", "Dr Lee", "Dr Ravi Lee", Naming.FULL, VoiceGroup.PROFESSIONAL, "clinician"),
    "Cllr Shah": _m("9", "Cllr Shah", "Cllr Nadia Shah", Naming.FULL, VoiceGroup.PROFESSIONAL, "councillor"),
    "Kit": _m("10", "Kit", "Kit", Naming.FIRST, VoiceGroup.LIVED, "", (AccessNeed.BSL,)),
}
ID = {name: m.id for name, m in MEMBERS.items()}
NAME = {m.id: name for name, m in MEMBERS.items()}

SETTINGS = GroupSettings(papers_days=7, break_every_minutes=60, turn_limit_seconds=180,
                         voice_targets=(("lived_experience+carer", 60),))
ITEMS = [
    ("Welcome and introductions", 5, "welcome"),
    ("Apologies", 5, "apologies"),
    ("Matters arising", 10, "matters_arising"),
    ("Budget update", 15, ""),
    ("Carers' breaks", 30, ""),
    ("Transport to day centres", 20, ""),
    ("Any other business", 5, "aob"),
    ("How did today go?", 5, "how_did_today_go"),
]


def board_group() -> Group:
    return Group(id="00000000-0000-4000-8000-0000000000aa", name="Better Together Board",
                 members=tuple(MEMBERS.values()), settings=SETTINGS)


def board_meeting(roster: tuple[Member, ...] | None = None) -> Meeting:
    """Hayley leads every item in the plan; Jo takes items 4 and 6 by hand-over in the meeting."""
    agenda = tuple(
        AgendaItem(id=f"00000000-0000-4000-8000-0000000001{n:02d}", title=title, minutes=minutes,
                   lead_id=ID["Hayley"], standing=standing,
                   kind=ItemKind.DECISION if title == "Carers' breaks" else ItemKind.DISCUSSION)
        for n, (title, minutes, standing) in enumerate(ITEMS, start=1)
    )
    return Meeting(
        id="00000000-0000-4000-8000-0000000000bb", group_id=board_group().id, group_name="Better Together Board",
        title="Better Together Board: March 2026", start=START, end=START + timedelta(hours=2),
        place="County Hall room 4", co_chair_ids=(ID["Hayley"], ID["Jo"]),
        roles=(("note_taker", ID["Mary"]),), agenda=agenda,
        roster=roster if roster is not None else tuple(MEMBERS.values()), settings=SETTINGS,
    )


def save_board(service, roster: tuple[Member, ...] | None = None) -> Meeting:
    service.save_group(board_group())
    return service.save_meeting(board_meeting(roster))


def item_id(n: int) -> str:
    return f"00000000-0000-4000-8000-0000000001{n:02d}"


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
    live.next_item()
    live.hand_over()
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
