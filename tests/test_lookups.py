"""One set of rules for look-ups, and periods everywhere (issue 15, points 3 and 4).

The command line, the review screens and line mode list decisions and actions through one
service: for the same period, words, owner and status they list the same records in the same
order (newest meeting first); "between X and Y" and --since/--until mean the same; a phrase that
cannot be read gets an example that works; the filter line says what a phrase resolved to.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from coprod_meet.cli import main
from coprod_meet.plain.console import Console
from coprod_meet.plain.session import PlainSession
from coprod_meet.services import review as rv
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import ANCHOR, build_demo
from coprod_meet.services.lookup import period_of
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.review_actions import ReviewActionsScreen
from coprod_meet.tui.screens.review_decisions import ReviewDecisionsScreen

PERIOD = "between 1/10/2026 and 15/11/2026"
FIRST, LAST = date(2026, 10, 1), date(2026, 11, 15)
RESOLVED = "between Thursday 1 October 2026 and Sunday 15 November 2026"


@pytest.fixture
def demo_archive(archive_dir: Path) -> Path:
    groups, meetings = build_demo(meetings=8, seed=1)
    with ArchiveService.open(archive_dir) as service:
        for g in groups:
            service.save_group(g)
        service.write_whole_meetings(meetings)
    return archive_dir


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def cli_json(capsys, *argv: str) -> list[dict]:
    code, out, err = cli(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def in_period(start: str | None) -> bool:
    return start is not None and FIRST <= date.fromisoformat(start[:10]) <= LAST


def line_mode(root: Path, *lines: str) -> str:
    out = io.StringIO()
    with ArchiveService.open(root) as service:
        PlainSession(service, Console.from_streams(io.StringIO("\n".join([*lines, "quit"]) + "\n"), out)).run()
    return " ".join(out.getvalue().split())  # lines are wrapped for reading; the words are what count


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_answer(pilot, key: str, text: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await settle(pilot)


def test_between_and_since_until_are_the_same_period_for_decisions_actions_and_trends(demo_archive, capsys) -> None:
    root = str(demo_archive)
    between = cli_json(capsys, "decisions", "--archive", root, "--dates", PERIOD)
    since_until = cli_json(capsys, "decisions", "--archive", root, "--since", "1/10/2026", "--until", "15/11/2026")
    everything = cli_json(capsys, "decisions", "--archive", root)
    assert between == since_until
    assert [d["id"] for d in between] == [d["id"] for d in everything if in_period(d["meeting_start"])]
    assert 0 < len(between) < len(everything)
    starts = [d["meeting_start"] for d in everything]
    assert starts == sorted(starts, reverse=True)  # newest first

    actions = cli_json(capsys, "actions", "--archive", root, "--dates", PERIOD)
    assert actions == cli_json(capsys, "actions", "--archive", root, "--since", "1/10/2026", "--until", "15/11/2026")
    every_action = cli_json(capsys, "actions", "--archive", root)
    assert [a["id"] for a in actions] == [a["id"] for a in every_action if in_period(a["meeting_start"])]
    assert 0 < len(actions) < len(every_action)

    group = everything[0]["group"]
    trends = cli_json(capsys, "trends", "--archive", root, "--group", group, "--dates", PERIOD)
    assert trends == cli_json(capsys, "trends", "--archive", root, "--group", group, "--since", "1/10/2026",
                              "--until", "15/11/2026")
    assert len(trends["meetings"]) < len(cli_json(capsys, "trends", "--archive", root, "--group", group)["meetings"])

    code, out, _ = cli(capsys, "decisions", "--archive", root, "--dates", PERIOD)
    assert code == 0 and out.startswith(f"Dates: {PERIOD}: {RESOLVED}.\n")
    code, out, _ = cli(capsys, "trends", "--archive", root, "--group", group, "--since", "1/10/2026")
    assert code == 0 and out.startswith("Dates: since 1/10/2026: since Thursday 1 October 2026.\n")


async def test_the_screens_and_line_mode_list_what_the_command_line_lists(demo_archive, capsys) -> None:
    root = str(demo_archive)
    decisions = [d["id"] for d in cli_json(capsys, "decisions", "--archive", root, "--dates", PERIOD)]
    owner = cli_json(capsys, "actions", "--archive", root)[0]["owner"].split()[0][:3].lower()
    actions = [a["id"] for a in cli_json(capsys, "actions", "--archive", root, "--owner", owner, "--dates", PERIOD,
                                         "--status", "open")]
    assert decisions and actions

    app = CoprodMeetApp(ArchiveService.open(demo_archive))
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ReviewDecisionsScreen())
        await settle(pilot)
        await type_answer(pilot, "d", PERIOD)
        assert [line.id for line in app.screen.found] == decisions
        assert f"{PERIOD}: {RESOLVED}" in str(app.screen.query_one("#review-filters", Static).render())
        await pilot.press("escape")
        app.push_screen(ReviewActionsScreen())
        await settle(pilot)
        await type_answer(pilot, "o", owner)
        await type_answer(pilot, "p", PERIOD)
        assert [f.action.id for f in app.screen.found] == actions
        shown = str(app.screen.query_one("#review-filters", Static).render())
        assert f"{PERIOD}: {RESOLVED}" in shown and f"owner {owner!r}" in shown
    app.service.close()

    said = line_mode(demo_archive, f"decisions {PERIOD}", f"actions open {PERIOD} by {owner}")
    assert f"{len(decisions)} decisions, newest first ({PERIOD}: {RESOLVED})." in said
    assert f"{len(actions)} action{'s' if len(actions) > 1 else ''}, newest first (" in said
    with ArchiveService.open(demo_archive) as service:
        texts = [f.decision.text for f in rv.search_decisions(service, period=PERIOD)]
        owned = [f.action.text for f in rv.search_actions(service, period=PERIOD, owner=owner, status="open")]
    places = [said.index(f". {text}") for text in texts[:20]]
    assert places == sorted(places)  # the same order
    assert all(text.rstrip(".").lower()[:30] in said.lower() for text in owned)


async def test_a_phrase_that_cannot_be_read_gets_an_example_that_works(demo_archive, capsys) -> None:
    root = str(demo_archive)
    for argv in (["decisions", "--dates", "whenever"], ["actions", "--since", "whenever"],
                 ["decisions", "--until", "the twelfth of never"]):
        with pytest.raises(SystemExit) as stop:
            main([*argv, "--archive", root])
        err = capsys.readouterr().err
        assert stop.value.code == 2 and err.count("\n") == 1 and ("such as" in err or "like" in err), err
    code, _, err = cli(capsys, "trends", "--archive", root, "--group", "Young Voices Forum", "--dates", "whenever")
    assert code == 1 and "since April" in err and "Traceback" not in err

    said = line_mode(demo_archive, "decisions whenever", "actions late whenever")
    assert said.count('I could not understand "whenever" as a date or period; try something like "since April"') == 2

    app = CoprodMeetApp(ArchiveService.open(demo_archive))
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ReviewDecisionsScreen(now=ANCHOR))
        await settle(pilot)
        await type_answer(pilot, "d", "whenever")
        assert any("since April" in n.message for n in app._notifications)
        assert app.screen.period == ""  # the list stays as it was
        await type_answer(pilot, "d", "since April")
        expected = period_of("since April", now=ANCHOR).resolved()
        assert expected == "since Wednesday 1 April 2026"
        assert f"since April: {expected}" in str(app.screen.query_one("#review-filters", Static).render())
    app.service.close()


def test_one_owner_rule_and_one_review_rule(demo_archive, capsys) -> None:
    """An owner is matched by the start of their names, and "review due" means within four
    weeks or late, wherever the look-up is typed."""
    root = str(demo_archive)
    owners = {a["owner"] for a in cli_json(capsys, "actions", "--archive", root)}
    name = sorted(owners)[0]
    part = name.split()[-1][1:4].lower()  # from inside a name, not its start
    starting = name.split()[-1][:3].lower()
    assert all(starting in o.lower() for o in
               (a["owner"] for a in cli_json(capsys, "actions", "--archive", root, "--owner", starting)))
    inside = cli_json(capsys, "actions", "--archive", root, "--owner", part)
    assert all(any(n.lower().startswith(part) for n in a["owner"].split()) for a in inside)
    with ArchiveService.open(demo_archive) as service:
        late = rv.search_decisions(service, review="due", now=ANCHOR.replace(year=2027, month=5))
        assert late and all(f.current and f.review_date for f in late)
        assert all((f.review_date - date(2027, 5, 20)).days <= 28 for f in late)


async def test_naughty_words_in_every_look_up_are_shown_as_typed(service: ArchiveService) -> None:
    """Typed look-ups and records with naughty text: line mode and the filter line say them as
    they are, never as markup, and never fail."""
    from coprod_meet.domain import events as ev
    from coprod_meet.domain.model import Meeting
    from tests.conftest import naughty_strings

    strings = [s for s in naughty_strings() if s.strip()][:60]
    meeting = Meeting(title="Naughty", group_id="g1", group_name="Group", start=ANCHOR, end=ANCHOR)
    service.save_meeting(meeting)
    for n, text in enumerate(strings):
        service.append_event(meeting.id, ev.event(ev.DECISION_RECORDED, at=ANCHOR, id=f"d{n}", meeting_id=meeting.id,
                                                  text=text or "x", method="consent"))
        service.append_event(meeting.id, ev.event(ev.ACTION_RECORDED, at=ANCHOR, id=f"a{n}", meeting_id=meeting.id,
                                                  text=text or "x", owner=text[:100]))
    out = io.StringIO()
    lines = [f"decisions about {strings[3]}", f"actions all by {strings[5]}", "decisions", "actions all"]
    PlainSession(service, Console.from_streams(io.StringIO("\n".join([*lines, "quit"]) + "\n"), out)).run()
    said = out.getvalue()
    assert "Traceback" not in said and "20 decisions, newest first" not in said  # (60 of them)
    assert "60 decisions, newest first (no filters)." in said and "And 40 more decisions" in said
    app = CoprodMeetApp(service)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ReviewActionsScreen(now=ANCHOR))
        await settle(pilot)
        for text in (strings[0], "[b]bold[/b]", "[@click=app.quit]x[/]"):
            await type_answer(pilot, "o", text)
            shown = str(app.screen.query_one("#review-filters", Static).render())
            assert f"owner {text.strip()!r}" in shown
        assert app.is_running


async def test_the_trends_screen_takes_dates_in_words_too(demo_archive) -> None:
    from coprod_meet.tui.screens.trends import TrendsScreen

    app = CoprodMeetApp(ArchiveService.open(demo_archive))
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(TrendsScreen("Young Voices Forum", now=ANCHOR))
        await settle(pilot)
        every = str(app.screen.query_one("#trends-text", Static).render())
        await type_answer(pilot, "d", "whenever")
        assert any("since April" in n.message for n in app._notifications) and app.screen.period == ""
        await type_answer(pilot, "d", PERIOD)
        title = str(app.screen.query_one("#trends-title", Static).render())
        assert f"Dates: {PERIOD}: {RESOLVED}." in title
        some = str(app.screen.query_one("#trends-text", Static).render())
        assert some != every
    app.service.close()
