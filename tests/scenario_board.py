"""The Better Together Board from SCENARIO.md, as a real archive: the group and its February meeting."""

from __future__ import annotations

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
    VoiceGroup,
)
from coprod_meet.domain.records import Action

L, C, P = VoiceGroup.LIVED, VoiceGroup.CARER, VoiceGroup.PROFESSIONAL

MEMBERS = [
    ("Hayley", "Hayley Brook", L, Naming.FULL, (AccessNeed.EASY_READ,), "elected co-chair"),
    ("Jo", "Jo Clark", P, Naming.FULL, (), "commissioner"),
    ("Priya", "", L, Naming.FIRST, (AccessNeed.EXTRA_TIME,), ""),
    ("Sam", "", L, Naming.NOT_NAMED, (AccessNeed.LARGE_PRINT, AccessNeed.BREAKS), ""),
    ("Tom", "", C, Naming.ROLE, (AccessNeed.HEARING_LOOP,), "a carer"),
    ("Ade", "", C, Naming.NOT_NAMED, (), ""),
    ("Mary", "Mary Fisher", P, Naming.FULL, (), "coordinator"),
    ("Dr Lee", "Dr Ravi Lee", P, Naming.FULL, (), "clinician"),
    ("Cllr Shah", "Cllr Nadia Shah", P, Naming.FULL, (), "councillor"),
    ("Kit", "", L, Naming.FIRST, (AccessNeed.BSL,), ""),
]

FEBRUARY = datetime(2026, 2, 12, 14, 0)


def board_group() -> Group:
    members = tuple(
        Member(name=n, full_name=f, voice_group=v, naming=nm, access_needs=a, role=r)
        for n, f, v, nm, a, r in MEMBERS
    )
    settings = GroupSettings(papers_days=7, break_every_minutes=60, turn_limit_seconds=180,
                             voice_targets=(("lived_experience+carer", 60),))
    return Group(name="Better Together Board", members=members, settings=settings)


def who(group: Group, name: str) -> Member:
    return next(m for m in group.members if m.name == name)


def february_meeting(group: Group) -> tuple[Meeting, list[Event]]:
    """Last month's meeting: two actions left open (one due 26 February), one done, one item deferred."""
    hayley, jo, mary = who(group, "Hayley"), who(group, "Jo"), who(group, "Mary")
    transport = AgendaItem(title="Transport to day centres", kind=ItemKind.DISCUSSION, lead_id=jo.id, minutes=15,
                           summary="How people get to day centres when buses stop early.")
    agenda = (
        AgendaItem(title="Welcome and introductions", minutes=10, lead_id=hayley.id, standing="welcome"),
        AgendaItem(title="Easy read letters", minutes=30, lead_id=hayley.id),
        transport,
        AgendaItem(title="How did today go?", minutes=10, lead_id=hayley.id, standing="how_did_today_go"),
    )
    meeting = Meeting(group_id=group.id, group_name=group.name, title="Better Together Board: February 2026",
                      start=FEBRUARY, end=FEBRUARY + timedelta(hours=2), place="County Hall room 4",
                      co_chair_ids=(hayley.id, jo.id), agenda=agenda, roster=group.members, settings=group.settings)
    late = Action(meeting_id=meeting.id, text="write to the bus company about late buses", owner="Jo Clark",
                  owner_id=jo.id, due="2026-02-26", item_id=agenda[1].id)
    later = Action(meeting_id=meeting.id, text="send easy read letters to the print team", owner="Mary Fisher",
                   owner_id=mary.id, due="2026-03-19", item_id=agenda[1].id)
    done = Action(meeting_id=meeting.id, text="book County Hall room 4", owner="Mary Fisher", owner_id=mary.id,
                  due="2026-02-20")
    at = FEBRUARY + timedelta(minutes=30)
    events = [
        Event(type=ev.MEETING_STARTED, at=FEBRUARY),
        Event(type=ev.ACTION_RECORDED, data=late.to_dict(), at=at),
        Event(type=ev.ACTION_RECORDED, data=later.to_dict(), at=at + timedelta(minutes=1)),
        Event(type=ev.ACTION_RECORDED, data=done.to_dict(), at=at + timedelta(minutes=2)),
        Event(type=ev.ACTION_EDITED, data={"id": done.id, "status": "done"}, at=at + timedelta(minutes=3)),
        Event(type=ev.ITEM_STARTED, data={"item_id": transport.id}, at=at + timedelta(minutes=40)),
        Event(type=ev.ITEM_DEFERRED, data={"item_id": transport.id}, at=at + timedelta(minutes=41)),
        Event(type=ev.MEETING_ENDED, at=FEBRUARY + timedelta(hours=2)),
    ]
    return meeting, events


def board_archive(service) -> Group:
    """Put the board and its February meeting into ``service``'s archive."""
    group = board_group()
    service.save_group(group)
    service.write_whole_meetings([february_meeting(group)])
    return group
