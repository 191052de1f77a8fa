"""Participation trends per group (issue 7): figures, quiet members, JSON, CSV and the command."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta

import pytest

from coprod_meet.cli import main
from coprod_meet.domain import events as ev
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Group, GroupSettings, Meeting, Member, VoiceGroup
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.trends import bar, group_trends, stacked_bar

START = datetime(2026, 1, 15, 14, 0)


def small_group(service: ArchiveService, meetings: int = 3, kit_speaks_at: int | None = None) -> Group:
    hayley = Member(name="Hayley", voice_group=VoiceGroup.LIVED)
    jo = Member(name="Jo", voice_group=VoiceGroup.PROFESSIONAL)
    kit = Member(name="Kit", voice_group=VoiceGroup.LIVED)
    tom = Member(name="Tom", voice_group=VoiceGroup.CARER)
    group = Group(name="Better Together Board", members=(hayley, jo, kit, tom),
                  settings=GroupSettings(voice_targets=(("lived_experience+carer", 60),)))
    service.save_group(group)
    items = []
    for n in range(meetings):
        start = START + timedelta(weeks=4 * n)
        meeting = Meeting(group_id=group.id, group_name=group.name, title=f"Board {n + 1}", start=start,
                          end=start + timedelta(hours=2), roster=group.members, settings=group.settings)
        at = start
        log = [ev.event(ev.ATTENDANCE, at=at, member_id=m.id, status="present") for m in (hayley, jo, kit)]
        log.append(ev.event(ev.ATTENDANCE, at=at, member_id=tom.id, status="apologies"))
        log.append(ev.event(ev.MEETING_STARTED, at=at))
        speakers = [(hayley, 120), (jo, 60)] + ([(kit, 30)] if kit_speaks_at == n else [])
        for member, seconds in speakers:
            log.append(ev.event(ev.TURN_STARTED, at=at, member_id=member.id))
            at += timedelta(seconds=seconds)
            log.append(ev.event(ev.TURN_ENDED, at=at, member_id=member.id))
        log += [ev.event(ev.EVALUATION, at=at, member_id=hayley.id, heard="yes"),
                ev.event(ev.EVALUATION, at=at, member_id=jo.id, heard="partly"),
                ev.event(ev.EVALUATION, at=at, member_id=kit.id, heard="pass"),
                ev.event(ev.MEETING_ENDED, at=at + timedelta(minutes=1))]
        items.append((meeting, log))
    service.write_whole_meetings(items)
    return group


def test_figures_per_meeting(service: ArchiveService) -> None:
    small_group(service)
    trends = group_trends(service, "better together board")
    assert len(trends.meetings) == 3
    first = trends.meetings[0]
    assert first.share[VoiceGroup.LIVED] == pytest.approx(2 / 3)
    assert first.target_share == pytest.approx(2 / 3) and first.target_percent == 60
    assert (first.came, first.expected, first.apologies) == (3, 4, 1)
    assert first.heard == {"yes": 1, "partly": 1, "no": 0, "pass": 1}
    assert first.heard_fraction == pytest.approx(0.5)
    text = "\n".join(trends.lines())
    assert "67%  meets the aim" in text and "3 of 4 came, 1 sent apologies" in text
    assert "1 yes, 1 partly, 0 no, 1 passed" in text
    assert "L 67% C 0% P 33% O 0%" in text


def test_quiet_members_get_an_invitation(service: ArchiveService) -> None:
    small_group(service)
    trends = group_trends(service, "Better Together Board", last_n=3)
    assert [q.name for q in trends.quiet] == ["Kit"]
    assert trends.quiet[0].invitation() == (
        "Kit has not spoken in the last 3 meetings they came to — you might invite Kit to speak first next time.")
    assert group_trends(service, "Better Together Board", last_n=4).quiet == []  # Kit came only 3 times


def test_speaking_once_recently_is_enough(service: ArchiveService) -> None:
    small_group(service, meetings=4, kit_speaks_at=2)
    assert group_trends(service, "Better Together Board", last_n=2).quiet == []
    assert [q.name for q in group_trends(service, "Better Together Board", last_n=1).quiet] == ["Kit"]


def test_json_and_csv_carry_the_same_figures(service: ArchiveService) -> None:
    small_group(service)
    trends = group_trends(service, "Better Together Board")
    data = trends.to_json()
    assert [m["share"]["lived_experience"] for m in data["meetings"]] == [0.6667] * 3
    assert data["quiet"][0]["name"] == "Kit"
    rows = list(csv.DictReader(io.StringIO(trends.to_csv())))
    assert [r["share_lived_experience"] for r in rows] == ["0.6667"] * 3
    assert rows[0]["came"] == "3" and rows[0]["heard_pass"] == "1"


def test_bars_never_rely_on_colour() -> None:
    assert bar(0.5, 10) == "#####....."
    assert bar(1.4, 4) == "####" and bar(-1, 4) == "...."
    share = {VoiceGroup.LIVED: 0.5, VoiceGroup.CARER: 0.25, VoiceGroup.PROFESSIONAL: 0.25, VoiceGroup.OTHER: 0.0}
    assert stacked_bar(share, 8) == "LLLLCCPP"
    assert stacked_bar({vg: 0.0 for vg in VoiceGroup}, 4) == "...."


def test_trends_command(service: ArchiveService, capsys) -> None:
    small_group(service)
    root = str(service.root)
    service.close()
    assert main(["trends", "--archive", root, "--group", "better together board", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["group"] == "Better Together Board"
    assert main(["trends", "--archive", root, "--group", "Better Together Board", "--csv"]) == 0
    assert capsys.readouterr().out.startswith("date,meeting_id,title,")
    assert main(["trends", "--archive", root, "--group", "Better Together Board"]) == 0
    assert "Kit has not spoken" in capsys.readouterr().out
    assert main(["trends", "--archive", root, "--group", "Choir"]) == 1
    assert "no group called 'Choir'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["trends", "--archive", root, "--group", "x", "--json", "--csv"])
    assert exit_info.value.code == 2


def test_a_group_name_is_needed(service: ArchiveService) -> None:
    with pytest.raises(UserError, match="name a group"):
        group_trends(service, " ")
