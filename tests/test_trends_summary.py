"""Coordinator questions answered (issue 15 point 8): a summary first, heard split by voice group,
--until and --meetings."""

from __future__ import annotations

import json

import pytest

from coprod_meet.cli import main
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.trends import group_trends
from tests.test_trends import small_group


def test_the_summary_compares_with_the_meetings_before(service: ArchiveService) -> None:
    small_group(service, meetings=3, kit_speaks_at=0)
    trends = group_trends(service, "Better Together Board", meetings=2)
    assert [m.title for m in trends.meetings] == ["Board 2", "Board 3"]
    assert [m.title for m in trends.before] == ["Board 1"]
    # Board 2 and 3: Hayley 120s, Jo 60s each: 67%. Board 1 also had Kit's 30s: 150 of 210 is 71%.
    assert trends.summary() == (
        "Over the last 2 meetings people with lived experience and carers had 67% of the say, down from 71% the "
        "1 meeting before (the aim is at least 60%). The 1 lived-experience member who answered felt heard; "
        "1 of 1 professional felt only partly heard."
    ).replace("people with lived experience", "lived experience")
    lines = trends.lines()
    assert lines[0] == trends.summary()
    split = lines[lines.index("How heard people felt, by voice group (members who answered at any of these "
                              "meetings):") + 1:]
    assert split[0].startswith("  lived experience  ")
    assert split[0].endswith("the 1 lived-experience member who answered felt heard")
    assert split[1].startswith("  professionals") and "...." in split[1]
    assert split[1].endswith("1 of 1 professional felt only partly heard")


def test_all_meetings_have_no_comparison(service: ArchiveService) -> None:
    small_group(service, meetings=3)
    trends = group_trends(service, "Better Together Board")
    assert not trends.before
    assert trends.summary().startswith("Over the last 3 meetings lived experience and carers had 67% of the say "
                                       "(the aim is at least 60%).")


def test_trends_command_until_and_meetings(service: ArchiveService, capsys) -> None:
    small_group(service, meetings=3)  # 15 January, 12 February and 12 March 2026
    root = str(service.root)
    service.close()
    assert main(["trends", "--archive", root, "--group", "Better Together Board", "--until", "20/2/2026",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["title"] for m in data["meetings"]] == ["Board 1", "Board 2"]
    assert data["summary"].startswith("Over the 2 meetings from Thursday 15 January 2026 to Thursday 12 February "
                                      "2026 lived experience and carers had 67% of the say")
    assert data["heard_by_voice_group"]["professional"] == {"answered": 1, "partly": 1, "no": 0}
    assert data["meetings"][0]["heard_by_voice_group"]["lived_experience"]["pass"] == 1  # Kit passed
    assert main(["trends", "--archive", root, "--group", "Better Together Board", "--meetings", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("At the last meeting lived experience and carers had 67% of the say, the same as the "
                          "1 meeting before")
    with pytest.raises(SystemExit) as exit_info:
        main(["trends", "--archive", root, "--group", "Better Together Board", "--meetings", "0"])
    assert exit_info.value.code == 2
    assert "--meetings must be between 1 and 1000" in capsys.readouterr().err
