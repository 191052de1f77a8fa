"""The SCENARIO's Better Together Board, for decision, action and "you said" tests.

Three meetings of the board in a real archive: January (Priya says buses stop too early),
February (Jo's action, due 26 February) and the meeting of Thursday 12 March 2026 with its
attendance (everyone but Dr Lee; Ade leaves early) and agenda.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from coprod_meet.domain import events as ev
from coprod_meet.domain.model import AgendaItem, Group, GroupSettings, ItemKind, Meeting, Member, Naming, VoiceGroup
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.records import RecordsService

MARCH = datetime(2026, 3, 12, 14, 0)

PEOPLE = [
    ("hayley", "Hayley", "Hayley Brook", VoiceGroup.LIVED, Naming.FULL),
    ("jo", "Jo", "Jo Clark", VoiceGroup.PROFESSIONAL, Naming.FULL),
    ("priya", "Priya", "Priya Patel", VoiceGroup.LIVED, Naming.FIRST),
    ("sam", "Sam", "Sam Jones", VoiceGroup.LIVED, Naming.NOT_NAMED),
    ("tom", "Tom", "Tom Evans", VoiceGroup.CARER, Naming.ROLE),
    ("ade", "Ade", "Ade Okafor", VoiceGroup.CARER, Naming.NOT_NAMED),
    ("mary", "Mary", "Mary Fisher", VoiceGroup.PROFESSIONAL, Naming.FULL),
    ("lee", "Dr Lee", "Dr Ravi Lee", VoiceGroup.PROFESSIONAL, Naming.FULL),
    ("shah", "Cllr Shah", "Cllr Nadia Shah", VoiceGroup.PROFESSIONAL, Naming.FULL),
    ("kit", "Kit", "Kit Walsh", VoiceGroup.LIVED, Naming.FIRST),
]
ITEMS = [
    ("welcome", "Welcome and introductions", ItemKind.INFORMATION, "welcome"),
    ("apologies", "Apologies", ItemKind.INFORMATION, "apologies"),
    ("arising", "Matters arising", ItemKind.DISCUSSION, "matters_arising"),
    ("i4", "Direct payments", ItemKind.DISCUSSION, ""),
    ("i5", "Carers' breaks", ItemKind.DECISION, ""),
    ("i6", "Transport to day centres", ItemKind.DECISION, ""),
    ("ysd", "You said, we did", ItemKind.FEEDBACK, "you_said_we_did"),
    ("how", "How did today go?", ItemKind.DISCUSSION, "how_did_today_go"),
]


@dataclass
class Board:
    service: ArchiveService
    records: RecordsService
    group: Group
    january: Meeting
    february: Meeting
    march: Meeting
    clock: dict[str, datetime]

    def at(self, when: datetime) -> None:
        """Move the clock the records service stamps events with."""
        self.clock["now"] = when


def _meeting(group: Group, start: datetime, key: str) -> Meeting:
    leads = {"i4": "jo", "i6": "jo", "ysd": "jo"}
    agenda = tuple(
        AgendaItem(id=f"{key}-{i}", title=title, kind=kind, standing=standing, lead_id=leads.get(i, "hayley"))
        for i, title, kind, standing in ITEMS
    )
    return Meeting(id=f"meeting-{key}", group_id=group.id, group_name=group.name, title=f"Board {key}",
                   start=start, end=start + timedelta(hours=2), co_chair_ids=("hayley", "jo"), agenda=agenda,
                   roster=group.members, settings=group.settings)


def build_board(service: ArchiveService, *, clock_at: datetime = MARCH + timedelta(hours=1)) -> Board:
    members = tuple(Member(id=i, name=n, full_name=f, voice_group=v, naming=nm) for i, n, f, v, nm in PEOPLE)
    group = Group(id="board", name="Better Together Board", members=members,
                  settings=GroupSettings(voice_targets=(("lived_experience+carer", 60),)))
    service.save_group(group)
    january = _meeting(group, datetime(2026, 1, 15, 14, 0), "jan")
    february = _meeting(group, datetime(2026, 2, 12, 14, 0), "feb")
    march = _meeting(group, MARCH, "mar")
    for m in (january, february, march):
        service.save_meeting(m)
    clock = {"now": datetime(2026, 1, 15, 15, 0)}
    records = RecordsService(service, clock=lambda: clock["now"])
    records.record_you_said(january.id, text="buses stop too early", member_id="priya", item_id="jan-i4")
    clock["now"] = datetime(2026, 2, 12, 15, 0)
    records.record_action(february.id, text="send the carers' survey to every member", owner_id="jo",
                          due="in 2 weeks", item_id="feb-i4")
    records.record_action(february.id, text="book the room for the summer event", organisation="County Hall",
                          due="30/4/2026", item_id="feb-i4")
    at = MARCH - timedelta(minutes=5)
    for member_id, *_ in PEOPLE:
        status = "apologies" if member_id == "lee" else "present"
        at += timedelta(seconds=1)
        service.append_event(march.id, ev.event(ev.ATTENDANCE, at=at, member_id=member_id, status=status))
    service.append_event(march.id, ev.event(ev.MEETING_STARTED, at=MARCH))
    service.append_event(march.id, ev.event(ev.ITEM_STARTED, at=MARCH + timedelta(minutes=50), item_id="mar-i5"))
    clock["now"] = clock_at
    return Board(service, records, group, january, february, march, clock)


def leave(board: Board, member_id: str, at: datetime) -> None:
    board.service.append_event(board.march.id, ev.event(ev.ATTENDANCE, at=at, member_id=member_id, status="left"))
