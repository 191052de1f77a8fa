"""Issue 17: access needs met (service, report, trends, TUI), coordinators in line mode, members CLI."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from coprod_meet.cli import main
from coprod_meet.domain.access import ACCESS_MET
from coprod_meet.domain.errors import UserError
from coprod_meet.plain.console import Console
from coprod_meet.plain.session import PlainSession
from coprod_meet.services.access import AccessService
from coprod_meet.services.minutes import MinutesService
from coprod_meet.services.payments import PaymentsService
from coprod_meet.services.trends import group_trends
from tests.scenario import GROUP, ID, store

NOTE = "Quokka-interpreter-late-9921"


def test_access_needs_are_asked_for_members_who_came_with_papers_from_the_plan(service) -> None:
    mid = store(service)
    found = AccessService(service)
    checks = found.checks(mid)
    assert [(c.name, c.need) for c in checks] == [
        ("Hayley", "easy_read"), ("Priya", "extra_time"), ("Sam", "large_print"), ("Sam", "regular_breaks"),
        ("Tom", "hearing_loop"), ("Kit", "bsl_interpreter")]
    hayley = checks[0]
    # The breaks paper went out on 10 March, 2 days before; the group asks for 7.
    assert hayley.suggested == "no" and "1 too late" in hayley.why
    with pytest.raises(UserError):
        found.record(mid, ID["Jo"], "easy_read", "yes")  # Jo has no such need
    with pytest.raises(UserError):
        found.record(mid, ID["Hayley"], "easy_read", "maybe")


def test_the_yearly_report_and_trends_say_how_often_each_need_was_met(service) -> None:
    mid = store(service)
    assert "Access needs met:" not in group_trends(service, GROUP.name).lines()  # nothing recorded: no noise
    found = AccessService(service)
    found.record(mid, ID["Hayley"], "easy_read", "no")
    found.record(mid, ID["Hayley"], "easy_read", "yes")  # corrected: the latest answer counts
    found.record(mid, ID["Kit"], "bsl_interpreter", "partly", NOTE)
    lines = found.report_lines(GROUP.name, year=2026)
    text = "\n".join(lines)
    assert lines[0] == "Better Together Board: access needs at 1 meeting in 2026."
    assert "Easy read papers were on time for 1 of 1 meetings." in text
    assert "A BSL interpreter was there for 0 of 1 meetings (partly at 1)." in text
    assert f"Thursday 12 March 2026: Kit, a BSL interpreter: partly met. {NOTE}." in text
    assert found.report_lines(GROUP.name, year=2025)[0].endswith("no meetings in 2025 where a member with an "
                                                                  "access need came.")
    trends = group_trends(service, GROUP.name)
    assert "Access needs met:" in trends.lines()
    assert "  Easy read papers were on time for 1 of 1 meetings." in trends.lines()
    # Health details stay out of every copy of the minutes.
    for copy in ("members", "public"):
        for export in MinutesService(service).exports(mid, ("md", "html", "txt"), copy=copy):
            assert NOTE not in export.data.decode("utf-8")


def test_access_needs_command(service, capsys) -> None:
    mid = store(service)
    AccessService(service).record(mid, ID["Tom"], "hearing_loop", "yes")
    root = str(service.root)
    service.close()
    assert main(["access-needs", "--archive", root, "--group", GROUP.name, "--year", "2026"]) == 0
    assert "The hearing loop worked for 1 of 1 meetings." in capsys.readouterr().out
    assert main(["access-needs", "--archive", root, "--group", GROUP.name, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"name": "Tom", "need": "hearing_loop", "met": "yes"}.items() <= next(
        n for n in data[0]["needs"] if n["name"] == "Tom").items()
    assert main(["access-needs", "--archive", root, "--group", "Nobody"]) == 1
    assert "There is no group called 'Nobody'" in capsys.readouterr().err


# -- members on the command line -------------------------------------------------------------------


def test_members_add_change_archive_and_list(service, capsys) -> None:
    store(service)
    root = str(service.root)
    service.close()
    assert main(["members", "add", "--archive", root, "--group", GROUP.name, "Zoe", "--voice", "carer",
                 "--naming", "first", "--needs", "easy read, BSL"]) == 0
    out = capsys.readouterr().out
    assert "Added Zoe in Better Together Board: carer; in public minutes: first name only." in out
    assert "Zoe needs easy read papers and a BSL interpreter." in out
    assert main(["members", "add", "--archive", root, "--group", GROUP.name, "zoe"]) == 1
    assert "already a member called 'zoe'" in capsys.readouterr().err
    assert main(["members", "change", "--archive", root, "zoe", "--group", GROUP.name, "--voice", "fish"]) == 1
    err = capsys.readouterr().err
    assert "'fish' is not a voice group I know" in err and len(err.strip().splitlines()) == 1
    assert main(["members", "change", "--archive", root, "zoe", "--group", GROUP.name, "--naming", "not named",
                 "--access-note", "a quiet room"]) == 0
    assert "Zoe needs easy read papers, a BSL interpreter and a quiet room." in capsys.readouterr().out
    assert main(["members", "--archive", root, "--group", GROUP.name, "--json"]) == 0
    zoe = next(m for m in json.loads(capsys.readouterr().out) if m["name"] == "Zoe")
    assert (zoe["voice_group"], zoe["naming"]) == ("carer", "not_named")
    assert main(["members", "archive", "--archive", root, "Zoe", "--group", GROUP.name]) == 0
    capsys.readouterr()
    assert main(["members", "--archive", root]) == 0
    listed = capsys.readouterr().out
    assert "Zoe" not in listed and "Better Together Board | Hayley | lived experience" in listed
    assert main(["members", "change", "--archive", root, "Nobody", "--group", GROUP.name, "--role", "x"]) == 1
    assert "has no member called 'Nobody'" in capsys.readouterr().err


# -- line mode ---------------------------------------------------------------------------------------


def run_script(service, lines: list[str]) -> str:
    out = io.StringIO()
    console = Console.from_streams(io.StringIO("\n".join(lines) + "\n"), out)
    PlainSession(service, console).run()
    return out.getvalue()


def _short_lines(transcript: str) -> None:
    assert "\x1b" not in transcript and "Traceback" not in transcript
    assert all(len(line) <= 73 for line in transcript.splitlines())
    assert not re.search(r"\b(screen|box|button|click)\b", transcript, re.I)


def test_a_coordinator_does_the_whole_job_in_line_mode(service, tmp_path) -> None:
    mid = store(service)
    csv_path = tmp_path / "claims.csv"
    transcript = run_script(service, [
        "help",
        "groups add", "Young Voices", "groups rename", "2", "Young Voices Forum", "groups fly",
        "member add", "1",  # two groups now: choose the board
        "Zed", "", "fish", "carer", "first", "easy read, lasers", "easy read", "",
        "member change", "1", "11", "", "", "lived experience", "full", "", "",
        "payments",
        "claims", "1", "1",  # no policy yet: one sentence
        "policy", "1", "1",
        "claims", "1", "1",
        "expense", "1", "1", "1", "4.x", "4.20", "bus", "no",
        "declined", "1", "2",
        "csv", "1", "", "", str(csv_path),
        "back",
        "access record", "1", "2", "yes", "", "no", "", "no loop", "partly", "ran late", "yes", "",
        "access report", "1", "20x6", "2026",
        "review", "trends", "1", "actions", "decisions about transport", "decisions since last decade", "back",
        "plan", "1", "1", "next tuesday 2pm", "", "", "yes",
        "quit",
    ])
    _short_lines(transcript)
    assert "Added the group Young Voices." in transcript
    assert "Young Voices is now called Young Voices Forum." in transcript
    assert "Please type groups, groups add or groups rename." in transcript
    assert "'fish' is not a voice group I know" in transcript
    assert "'lasers' is not an access need I know" in transcript
    assert "Saved Zed: carer; in public minutes: first name only." in transcript
    assert "Saved Zed: lived experience; in public minutes: full name." in transcript
    assert "has no payment policy yet" in transcript
    assert "Better Together Board now uses this policy:" in transcript
    assert "Made 6 new claims." in transcript
    assert "'4.x' is not an amount of money" in transcript
    assert "expenses: travel £4.20 (bus)" in transcript
    assert "Hayley declined payment." in transcript
    assert "Wrote 6 claims to" in transcript and len(csv_path.read_text().splitlines()) == 7
    assert "'no loop' is not yes, partly or no." in transcript
    assert "Please type a year, like 2026." in transcript
    assert "Easy read papers were on time for 1 of 1 meetings." in transcript
    assert "Share of speaking time" in transcript
    assert "We will set up a transport working group." in transcript
    assert 'I could not understand "since last decade"' in transcript  # with an example that works
    assert "ask providers for evening break options" in transcript
    assert "Planned Board meeting on" in transcript
    assert transcript.rstrip().endswith("Goodbye.")
    group = next(g for g in service.groups() if g.id == GROUP.id)
    zed = next(m for m in group.members if m.name == "Zed")
    assert zed.voice_group.value == "lived_experience" and [n.value for n in zed.access_needs] == ["easy_read"]
    kinds = [e for e in service.events(mid) if e.type == ACCESS_MET]
    assert [(e.data["need"], e.data["met"]) for e in kinds] == [
        ("easy_read", "yes"), ("large_print", "no"), ("regular_breaks", "partly"), ("hearing_loop", "yes")]
    # Priya's "extra time" was skipped with Enter; Kit's was left when input ended.
    states = sorted(r.claim.state.value for r in PaymentsService(service).claims())
    assert states.count("declined") == 1


def test_line_mode_access_needs_for_a_meeting_with_no_needs(service) -> None:
    store(service)
    transcript = run_script(service, ["access record", "3", "quit"])  # January: nobody came
    assert "Nobody with an access need came to this meeting." in transcript


# -- the TUI -----------------------------------------------------------------------------------------


async def test_the_meeting_screen_opens_access_needs_after_the_end(service) -> None:
    from coprod_meet.tui.app import CoprodMeetApp
    from coprod_meet.tui.screens.access_needs import AccessNeedsScreen
    from coprod_meet.tui.screens.live import LiveScreen

    mid = store(service)
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(LiveScreen(mid))
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AccessNeedsScreen)
        assert len(screen.checks) == 6
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")  # Priya's extra time; the next line is then highlighted
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("up", "c")
        await pilot.pause()
        for key in ["n", "o", "space", "t", "i", "m", "e"]:
            await pilot.press(key)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        assert "press Shift+A to record whether each member's access needs were met" in LiveScreen.help_text()
    got = {(e.data["member_id"], e.data["need"]): (e.data["met"], e.data["note"])
           for e in service.events(mid) if e.type == ACCESS_MET}
    assert got[(ID["Hayley"], "easy_read")] == ("yes", "")
    assert got[(ID["Priya"], "extra_time")] == ("no", "no time")


async def test_access_needs_wait_for_the_end_of_the_meeting(service) -> None:
    from coprod_meet.domain.model import Meeting
    from coprod_meet.tui.app import CoprodMeetApp
    from coprod_meet.tui.screens.live import LiveScreen

    store(service)
    april = next(m for m in service.list_meetings() if "April" in m.title)
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(LiveScreen(april.id))
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert any("once the meeting has ended" in str(n.message) for n in app._notifications)
    assert isinstance(service.get_meeting(april.id), Meeting)


async def test_naughty_names_show_as_plain_text_in_access_needs(service) -> None:
    from coprod_meet.domain.model import AccessNeed, Member, VoiceGroup
    from coprod_meet.domain import events as ev
    from coprod_meet.domain.model import Event, Meeting
    from datetime import datetime
    from coprod_meet.tui.app import CoprodMeetApp
    from coprod_meet.tui.screens.access_needs import AccessNeedsScreen

    here = Path(__file__).resolve()
    path = next(p / "shared" / "data" / "naughty-strings.json" for p in here.parents
                if (p / "shared" / "data" / "naughty-strings.json").exists())
    names = [s for s in json.loads(path.read_text(encoding="utf-8")) if s.strip()][:60]
    roster = []
    for n, text in enumerate(names):
        try:
            roster.append(Member(name=text, voice_group=VoiceGroup.LIVED, access_needs=(AccessNeed.EASY_READ,)))
        except UserError:
            continue
    start = datetime(2026, 6, 1, 10, 0)
    meeting = Meeting(group_id=GROUP.id, group_name=GROUP.name, title="Naughty", start=start, end=start,
                      roster=tuple(roster))
    service.save_meeting(meeting)
    service.append_events(meeting.id, [Event(ev.ATTENDANCE, {"member_id": m.id, "status": "present"}, at=start)
                                       for m in roster])
    app = CoprodMeetApp(service)
    async with app.run_test(size=(60, 20)) as pilot:
        app.push_screen(AccessNeedsScreen(meeting.id))
        await pilot.pause()
        assert len(app.screen.checks) == len(roster)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AccessNeedsScreen)


async def test_the_payments_screen_from_policy_to_paid(service, tmp_path, monkeypatch) -> None:
    from coprod_meet.tui.app import CoprodMeetApp
    from coprod_meet.tui.screens.group import GroupScreen
    from coprod_meet.tui.screens.payments import PaymentsScreen

    store(service)
    app = CoprodMeetApp(service)

    async def settle() -> None:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GroupScreen(GROUP.id))
        await settle()
        await pilot.press("p")
        await settle()
        screen = app.screen
        assert isinstance(screen, PaymentsScreen) and screen.claims == []
        await pilot.press("k")  # no policy yet: said in one sentence, nothing made
        await settle()
        await pilot.press("enter")
        await settle()
        assert screen.claims == []
        await pilot.press("o", "1")  # the NIHR-style example
        await settle()
        await pilot.press("k", "enter")
        await settle()
        assert sorted(c.member_name for c in screen.claims) == ["Ade", "Hayley", "Kit", "Priya", "Sam", "Tom"]
        await pilot.press("p")  # the first line (Ade) is paid
        await settle()
        await pilot.press("down", "d")  # Hayley declined
        await settle()
        await pilot.press("down", "e", "1")  # Kit: travel
        await settle()
        for key in "4.x":
            await pilot.press("full_stop" if key == "." else key)
        await pilot.press("enter")
        await settle()
        for key in "4.20":
            await pilot.press("full_stop" if key == "." else key)
        await pilot.press("enter")
        await settle()
        await pilot.press("b", "u", "s", "enter")
        await settle()
        await pilot.press("a", "t", "enter", "2")  # Tom (the only name with a "t", then Enter) takes vouchers
        await settle()
        await pilot.press("r", "enter")  # work out again: nothing changed
        await settle()
        assert any("Nothing changed" in str(n.message) for n in app._notifications)
        monkeypatch.chdir(tmp_path)
        await pilot.press("w", "enter")  # the file it offers: claims.csv, here
        await settle()
        await pilot.press("w", "enter")  # again: it asks before replacing the file
        await settle()
        await pilot.press("2")  # no, keep it
        await settle()
    states = {r.claim.member_name: r.claim for r in PaymentsService(service).claims()}
    assert states["Ade"].state.value == "paid" and states["Hayley"].state.value == "declined"
    assert [e.words() for e in states["Kit"].expenses] == ["travel £4.20 (bus)"]
    assert PaymentsService(service).wishes(GROUP.id) == {ID["Tom"]: "vouchers"}
    assert len((tmp_path / "claims.csv").read_text().splitlines()) == 7


def _naughty_names() -> list[str]:
    here = Path(__file__).resolve()
    path = next(p / "shared" / "data" / "naughty-strings.json" for p in here.parents
                if (p / "shared" / "data" / "naughty-strings.json").exists())
    return [s for s in json.loads(path.read_text(encoding="utf-8")) if s.strip()]


async def test_naughty_names_in_claims_the_csv_line_mode_and_the_payments_screen(service) -> None:
    import csv
    from datetime import datetime, timedelta

    from coprod_meet.domain import events as ev
    from coprod_meet.domain.model import Event, Group, Meeting, Member, VoiceGroup
    from coprod_meet.services.payments import claims_csv
    from coprod_meet.tui.app import CoprodMeetApp
    from coprod_meet.tui.screens.payments import PaymentsScreen

    members = []
    for text in _naughty_names()[:80]:
        try:
            members.append(Member(name=text, voice_group=VoiceGroup.CARER))
        except UserError:
            continue
    assert len(members) > 20
    group = Group(name="Naughty group", members=tuple(members))
    service.save_group(group)
    start = datetime(2026, 6, 1, 10, 0)
    meeting = Meeting(group_id=group.id, group_name=group.name, title="Naughty", start=start,
                      end=start + timedelta(hours=1), roster=group.members)
    service.save_meeting(meeting)
    service.append_events(meeting.id, [
        *(Event(ev.ATTENDANCE, {"member_id": m.id, "status": "present"}, at=start) for m in members),
        Event(ev.MEETING_STARTED, at=start), Event(ev.MEETING_ENDED, at=start + timedelta(hours=1))])
    payments = PaymentsService(service)
    payments.set_policy(group.id, Path(__file__).resolve().parents[1] / "meetings" / "payment-policies"
                        / "nihr-style-example.toml")
    fresh, _ = payments.make_claims(meeting.id)
    assert len(fresh) == len(members)
    for cell in (c for row in csv.reader(io.StringIO(claims_csv(payments.claims()))) for c in row):
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
    transcript = run_script(service, ["payments", "list", "", "back", "quit"])  # one group: not asked
    _short_lines(transcript)
    assert "Altogether:" in transcript
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(PaymentsScreen(group.id))
        await pilot.pause()
        assert len(app.screen.claims) == len(members)
        for _ in range(5):
            await pilot.press("down")
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PaymentsScreen)


def test_papers_in_a_members_format_are_marked_sent_in_the_plan(service, capsys) -> None:
    from datetime import date

    mid = store(service)
    found = AccessService(service)
    assert [(m.name, need, sent) for m, need, sent in found.paper_needs(mid)] == [
        ("Hayley", "easy_read", None), ("Sam", "large_print", None)]
    said = found.record_papers_sent(mid, ID["Hayley"], "easy_read", date(2026, 3, 3))
    assert said == ("The easy read papers went out on Tuesday 3 March 2026, 9 days before (the group asks for "
                    "7 days before). That is on time.")
    checks = {(c.name, c.need): c for c in found.checks(mid)}
    assert checks[("Hayley", "easy_read")].suggested == "yes"  # her own papers, not the plan's late one
    assert checks[("Sam", "large_print")].suggested == "no"
    with pytest.raises(UserError):
        found.record_papers_sent(mid, ID["Jo"], "easy_read", date(2026, 3, 3))
    root = str(service.root)
    service.close()
    assert main(["papers-sent", "--archive", root, mid[:8], "--member", "Sam", "--on", "11/3/2026"]) == 0
    assert "1 day before (the group asks for 7 days before). That is late." in capsys.readouterr().out
    assert main(["papers-sent", "--archive", root, mid[:8], "--member", "Sam", "--on", "the 40th"]) == 1
    assert "could not understand" in capsys.readouterr().err
    from coprod_meet.services.archive import ArchiveService

    with ArchiveService.open(root) as again:
        transcript = run_script(again, ["access papers", "2", "xx", "today", "", "quit"])
    assert "Hayley needs easy read papers: sent on Tuesday 3 March 2026." in transcript
    assert "I could not understand" in transcript and "Saved. The easy read papers went out on" in transcript
    assert "Skipped." in transcript
