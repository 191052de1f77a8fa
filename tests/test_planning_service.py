"""Planning through the services, on real archives: the board's March meeting from SCENARIO.md."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from coprod_meet.domain import planning as p
from coprod_meet.domain.errors import NotFound, UserError
from coprod_meet.domain.model import AccessNeed, GroupSettings, Member, Naming, VoiceGroup
from coprod_meet.domain.templates import parse_template
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.planning import Planner
from coprod_meet.services.templates import load_template
from tests.conftest import naughty_strings
from tests.scenario import MEMBERS, board_archive

MEETINGS = Path(__file__).resolve().parents[1] / "meetings"
MARCH_1 = datetime(2026, 3, 1, 9, 0)


def test_mary_plans_the_march_march_meeting(service: ArchiveService, archive_dir: Path) -> None:
    """SCENARIO.md "Before the meeting", through the services."""
    group = board_archive(service)
    planner = Planner(service)
    meeting = planner.plan_from_file(MEETINGS / "example-meeting.toml", now=MARCH_1)

    assert (meeting.start, meeting.planned_minutes) == (datetime(2026, 3, 12, 14, 0), 120)
    assert meeting.place == "County Hall room 4" and meeting.online_link.startswith("https://")
    assert [meeting.person(c).name for c in meeting.co_chair_ids] == ["Hayley", "Jo"]
    assert dict(meeting.roles) == {"note_taker": MEMBERS["Mary"].id}

    number = p.numbers(meeting.agenda)
    by_number = {number[i.id]: i for i in meeting.agenda}
    assert by_number["3"].standing == "matters_arising"
    # Two open actions carried under matters arising, linked to where they came from; the done one is not.
    actions = [by_number["3.1"], by_number["3.2"]]
    assert [a.title for a in actions] == [
        "Action for Jo Clark: write to the bus company about late buses",
        "Action for Mary Fisher: send easy read letters to the print team",
    ]
    feb = planner.group_meetings(group.id)[0]
    assert all(a.carried_from.startswith(feb.id + "/") for a in actions)
    assert "2 weeks late by the day of this meeting" in actions[0].summary
    assert "Due Thursday 19 March 2026: 7 days after this meeting." in actions[1].summary
    assert not any("book County Hall" in i.title for i in meeting.agenda)
    # The deferred item comes back as item 6, still led by Jo.
    transport = by_number["6"]
    assert transport.title == "Transport to day centres" and transport.carried_from.startswith(feb.id + "/")
    assert meeting.person(transport.lead_id).name == "Jo"
    assert [meeting.person(by_number[n].lead_id).name for n in ("1", "2", "3", "5")] == ["Hayley"] * 4
    assert meeting.person(by_number["4"].lead_id).name == "Jo"

    warnings = [c.text for c in p.meeting_checks(meeting) if c.warning]
    assert warnings == [
        "The agenda is 10 minutes longer than the meeting.",
        "Papers for item 5 went out 2 days before — members asked for a week.",
        # The board asks for a break every hour and the template has none.
        "By the end of item 5 the meeting has gone 1 hour 15 minutes without a break, and the group asks for "
        "a break every hour; please add a break to the agenda.",
    ]
    assert "Sam needs large print papers and a break every hour." in p.access_lines(
        meeting.roster, meeting.settings.break_every_minutes)

    # Mary trims any other business by 10 minutes and saves.
    aob = next(i for i in meeting.agenda if i.standing == "aob")
    trimmed = replace(meeting, agenda=p.replace_item(meeting.agenda, replace(aob, minutes=aob.minutes - 10)))
    planner.save_meeting(trimmed)
    service.close()

    with ArchiveService.open(archive_dir) as again:
        saved = again.get_meeting(meeting.id)
        assert not p.time_check(saved).warning
        assert p.time_check(saved).text == "The agenda fills the meeting exactly (2 hours)."
        assert [i.id for i in saved.agenda] == [i.id for i in meeting.agenda]
        assert again.list_meetings()[0].id == meeting.id


def test_carry_forward_happens_once_and_again_after_a_new_deferral(service: ArchiveService) -> None:
    group = board_archive(service)
    planner = Planner(service)
    template = load_template(MEETINGS / "board-co-chaired.toml")
    meeting = planner.new_meeting(group, template, datetime(2026, 3, 12, 14))
    again = planner.carry_forward(meeting)
    assert [i.id for i in again.agenda] == [i.id for i in meeting.agenda]
    carried = [i for i in meeting.agenda if i.carried_from]
    assert len(carried) == 3


def test_actions_done_at_a_later_meeting_are_not_carried(service: ArchiveService) -> None:
    from coprod_meet.domain import events as ev
    from coprod_meet.domain.model import Event

    group = board_archive(service)
    planner = Planner(service)
    template = load_template(MEETINGS / "board-co-chaired.toml")
    march = planner.save_meeting(planner.new_meeting(group, template, datetime(2026, 3, 12, 14)))
    late = next(c for c in planner.open_actions(group.id, march.start) if "bus company" in c.action.text)
    service.append_event(march.id, Event(type=ev.ACTION_EDITED, data={"id": late.action.id, "status": "done"},
                                         at=datetime(2026, 3, 12, 14, 30)))
    april = planner.new_meeting(group, template, datetime(2026, 4, 9, 14))
    titles = [i.title for i in april.agenda]
    assert not any("bus company" in t for t in titles)
    assert any("print team" in t for t in titles)
    assert "Transport to day centres" not in titles  # deferred in February, not in March


def test_a_template_without_matters_arising_gets_one_for_the_actions(service: ArchiveService) -> None:
    group = board_archive(service)
    template = parse_template('title = "Short"\n[[item]]\nstanding = "welcome"\n[[item]]\ntitle = "Talk"\n', "t")
    meeting = Planner(service).new_meeting(group, template, datetime(2026, 3, 12, 14))
    number = p.numbers(meeting.agenda)
    assert [(number[i.id], i.title) for i in meeting.agenda if not i.parent_id] == [
        ("1", "Welcome and introductions"), ("2", "Matters arising"), ("3", "Talk"),
        ("4", "Transport to day centres"),
    ]


def test_a_group_with_no_meetings_plans_without_carry_forward(service: ArchiveService) -> None:
    planner = Planner(service)
    group = planner.add_group("New Group")
    jo = Member(name="Jo", voice_group=VoiceGroup.PROFESSIONAL)
    group = planner.save_member(group.id, jo)
    meeting = planner.new_meeting(group, load_template(MEETINGS / "first-meeting.toml"), datetime(2026, 5, 1, 10),
                                  co_chair_ids=[jo.id])
    assert not any(i.carried_from for i in meeting.agenda)
    assert p.power_check(meeting).text.startswith("No co-chair has lived experience.")
    assert meeting.person(meeting.agenda[0].lead_id) == jo  # falls back to the only co-chair


def test_the_next_meeting_keeps_the_last_co_chairs(service: ArchiveService) -> None:
    group = board_archive(service)
    template = load_template(MEETINGS / "board-co-chaired.toml")
    meeting = Planner(service).new_meeting(group, template, datetime(2026, 3, 12, 14))
    assert [meeting.person(c).name for c in meeting.co_chair_ids] == ["Hayley", "Jo"]


def test_a_series_of_meetings_every_second_tuesday(service: ArchiveService) -> None:
    group = board_archive(service)
    planner = Planner(service)
    first = planner.save_meeting(planner.new_meeting(group, load_template(MEETINGS / "example-meeting.toml"),
                                                     datetime(2026, 3, 10, 14)))
    later = planner.save_series(first, p.parse_repeat("every 2nd Tuesday of the month"), 3)
    assert [m.start for m in later] == [datetime(2026, 4, 14, 14), datetime(2026, 5, 12, 14), datetime(2026, 6, 9, 14)]
    assert all(m.planned_minutes == 120 and m.co_chair_ids == first.co_chair_ids for m in later)
    for m in later:
        assert not any(i.carried_from or i.papers for i in m.agenda)
        assert not {i.id for i in m.agenda} & {i.id for i in first.agenda}
    assert len(service.list_meetings()) == 5
    with pytest.raises(UserError, match="between 1 and 52"):
        planner.series(first, p.parse_repeat("weekly"), 0)


def test_members_are_added_edited_and_archived_never_deleted(service: ArchiveService) -> None:
    group = board_archive(service)
    planner = Planner(service)
    sam = MEMBERS["Sam"]
    planner.save_member(group.id, replace(sam, access_needs=(AccessNeed.LARGE_PRINT,), naming=Naming.FIRST))
    assert service.group(group.id).member(sam.id).naming is Naming.FIRST
    planner.archive_member(group.id, sam.id)
    now_group = service.group(group.id)
    assert now_group.member(sam.id).archived and sam.id not in {m.id for m in now_group.current_members}
    assert [m.name for _g, m in planner.members("better together board")].count("Sam") == 0
    assert "Sam" in [m.name for _g, m in planner.members("Better Together Board", include_archived=True)]
    # Old meetings still know Sam.
    feb = planner.group_meetings(group.id)[0]
    assert feb.person(sam.id) is not None
    # New meetings do not.
    meeting = planner.new_meeting(now_group, load_template(MEETINGS / "board-co-chaired.toml"),
                                  datetime(2026, 3, 12, 14))
    assert meeting.person(sam.id) is None
    planner.archive_member(group.id, sam.id, archived=False)
    assert not service.group(group.id).member(sam.id).archived


def test_member_and_group_names_must_be_told_apart(service: ArchiveService) -> None:
    group = board_archive(service)
    planner = Planner(service)
    with pytest.raises(UserError, match="already a member called 'sam'"):
        planner.save_member(group.id, Member(name="sam"))
    with pytest.raises(UserError, match="already a group called"):
        planner.add_group("better together board")
    with pytest.raises(NotFound):
        planner.archive_member(group.id, "nobody")
    other = planner.add_group("Second")
    with pytest.raises(UserError, match="already a group called"):
        planner.rename_group(other.id, "Better Together Board")
    assert planner.rename_group(other.id, "Second group").name == "Second group"


def test_group_settings_are_checked_and_kept(service: ArchiveService) -> None:
    group = board_archive(service)
    planner = Planner(service)
    planner.save_settings(group.id, replace(group.settings, papers_days=10, break_every_minutes=45))
    assert service.group(group.id).settings.papers_days == 10
    for bad in (replace(group.settings, papers_days=99), replace(group.settings, break_every_minutes=-1),
                replace(group.settings, turn_limit_seconds=99999),
                replace(group.settings, voice_targets=(("lived_experience", 140),))):
        with pytest.raises(UserError):
            planner.save_settings(group.id, bad)


def test_naughty_names_and_titles_are_stored_and_read_back_as_typed(service: ArchiveService) -> None:
    planner = Planner(service)
    group = planner.add_group("Naughty")
    kept = 0
    for n, text in enumerate(naughty_strings()[:200]):
        try:
            member = Member(name=f"{text}{n}", role=text, access_notes=text, access_needs=(AccessNeed.BSL,))
        except UserError:
            continue
        group = planner.save_member(group.id, member)
        kept += 1
    assert kept > 150
    back = service.group(group.id)
    assert [m.name for m in back.members] == [m.name for m in group.members]
    meeting = planner.new_meeting(back, load_template(MEETINGS / "co-production-group.toml"), datetime(2026, 5, 1, 10))
    assert len(p.access_lines(meeting.roster)) == kept
