"""Pilot tests of the planning screens: groups, members, settings, meeting set-up, agenda."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select, SelectionList, Static

from coprod_meet.domain import planning as plan
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import AccessNeed, Member, Naming
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.planning import Planner
from coprod_meet.services.templates import load_template
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.agenda_editor import AgendaEditorScreen
from coprod_meet.tui.screens.group import GroupScreen
from coprod_meet.tui.screens.groups import GroupsScreen
from coprod_meet.tui.screens.help import HelpScreen
from coprod_meet.tui.screens.item_form import ItemFormScreen, papers_from_text, papers_to_text
from coprod_meet.tui.screens.meeting_setup import MeetingSetupScreen
from coprod_meet.tui.screens.member_form import MemberFormScreen
from tests.conftest import naughty_strings
from tests.scenario import MEMBERS, board_archive

MEETINGS = Path(__file__).resolve().parents[1] / "meetings"
SIZE = (80, 24)


def BEFORE_THE_SCENARIO() -> datetime:  # noqa: N802  the clock of SCENARIO.md: planning is done in early March
    return datetime(2026, 3, 1, 9)


async def settle(app, pilot) -> None:
    """Wait for queued saves (they run off the event loop) and the screen to catch up."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def type_into(pilot, widget_id: str, words: str) -> None:
    field = pilot.app.screen.query_one(f"#{widget_id}", Input)
    field.focus()
    field.value = words  # typing key by key is tested where it matters; it costs time
    await pilot.pause()


def rows(app, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{table_id}", DataTable)
    return [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]


@pytest.fixture
def board(service: ArchiveService):
    group = board_archive(service)
    return service, group


# --- groups and members ------------------------------------------------------------------------


async def test_groups_list_adds_a_group_and_opens_members(board) -> None:
    service, group = board
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, GroupsScreen)
        assert rows(app, "groups-table") == [["Better Together Board", "10 members", "1"]]
        await pilot.press("a")
        app.screen.query_one(Input).value = "Young Voices"
        await pilot.press("enter")
        await settle(app, pilot)
        assert [r[0] for r in rows(app, "groups-table")] == ["Better Together Board", "Young Voices"]
        assert any(g.name == "Young Voices" for g in service.groups())
        assert "2 groups" in text(app, "#groups-summary")
        await pilot.press("up", "enter")
        assert isinstance(app.screen, GroupScreen)
        await pilot.press("escape", "m")
        assert isinstance(app.screen, GroupScreen)
        await pilot.press("escape", "escape")
        assert type(app.screen).__name__ == "MeetingsScreen"


async def test_adding_a_member_with_every_field_by_keyboard(board) -> None:
    service, group = board
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(GroupScreen(group.id))
        await pilot.pause()
        assert "Sam needs large print papers and a break every hour." in text(app, "#group-access")
        await pilot.press("a")
        assert isinstance(app.screen, MemberFormScreen)
        await pilot.press(*"Bea", "tab")
        app.screen.query_one("#full-name", Input).value = "Bea Jones"
        await pilot.press("tab", *"carer")
        await pilot.press("tab", "enter", "up", "up", "enter")  # naming: from "not named" up to "first name only"
        await pilot.press("tab", "enter", "up", "up", "enter")  # voice: from "other" up to "carer"
        await pilot.press("tab", "space", "down", "down", "down", "down", "space")  # large print, hearing loop
        await pilot.press("tab")
        app.screen.query_one("#notes", Input).value = "a quiet room"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, GroupScreen)
        bea = next(m for m in service.group(group.id).members if m.name == "Bea")
        assert (bea.full_name, bea.role, bea.naming, bea.voice_group.value) == ("Bea Jones", "carer", Naming.FIRST,
                                                                               "carer")
        assert bea.access_needs == (AccessNeed.LARGE_PRINT, AccessNeed.HEARING_LOOP)
        assert "Bea needs large print papers, a hearing loop and a quiet room." in text(app, "#group-access")
        assert app.screen.query_one(DataTable).get_row_index(bea.id) == app.screen.query_one(DataTable).cursor_row


async def test_changing_and_archiving_a_member_keeps_history(board) -> None:
    service, group = board
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    sam = MEMBERS["Sam"]
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(GroupScreen(group.id))
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(sam.id))
        await pilot.press("enter")
        assert isinstance(app.screen, MemberFormScreen)
        assert app.screen.query_one("#name", Input).value == "Sam"
        await pilot.press("end", *" B", "ctrl+s")
        await settle(app, pilot)
        assert service.group(group.id).member(sam.id).name == "Sam B"
        await pilot.press("x")
        await settle(app, pilot)
        assert service.group(group.id).member(sam.id).archived
        row = rows(app, "members-table")[-1]
        assert row[0] == "Sam B" and row[-1] == "archived"
        assert "9 members, 1 archived" in text(app, "#group-name")
        assert "Sam" not in text(app, "#group-access")
        # Old meetings still have Sam on their roster.
        feb = Planner(service).group_meetings(group.id)[0]
        assert feb.person(sam.id).name == "Sam"
        await pilot.press("x")
        await settle(app, pilot)
        assert not service.group(group.id).member(sam.id).archived


async def test_a_member_without_a_name_is_not_saved_and_says_why(board) -> None:
    service, group = board
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(GroupScreen(group.id))
        await pilot.pause()
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MemberFormScreen)
        assert text(app, "#form-hint") == "Not saved: Please give the member a name."
        await pilot.press("escape")
        assert isinstance(app.screen, GroupScreen)
        assert len(service.group(group.id).members) == 10


async def test_group_settings_are_changed_in_words(board) -> None:
    service, group = board
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(GroupScreen(group.id))
        await pilot.pause()
        await pilot.press("s")
        await type_into(pilot, "papers", "10")
        await type_into(pilot, "breaks", "90 minutes")
        await type_into(pilot, "target", "70")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        settings = service.group(group.id).settings
        assert (settings.papers_days, settings.break_every_minutes) == (10, 90)
        assert dict(settings.voice_targets)["lived_experience+carer"] == 70
        assert "Papers go out 10 days before. A break every 90 minutes." in text(app, "#group-settings")
        assert "a break every 90 minutes" in text(app, "#group-access")
        await pilot.press("s")
        await type_into(pilot, "papers", "soon")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Please type the days for papers as a whole number" in text(app, "#form-hint")


# --- meeting set-up and agenda: the scenario ------------------------------------------------------


async def test_mary_plans_the_march_meeting_by_keyboard(board) -> None:
    """SCENARIO.md "Before the meeting", through the screens."""
    service, group = board
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        setup = app.screen
        assert isinstance(setup, MeetingSetupScreen)
        assert Path(str(setup.query_one("#template", Select).value)).name == "board-co-chaired.toml"
        assert setup.query_one("#title", Input).value == "Board meeting"
        await type_into(pilot, "when", "Thursday 12 March 2026 at 2pm")
        assert text(app, "#when-hint") == "Understood: Thursday 12 March 2026 at 2pm."
        await type_into(pilot, "when", "Friday 12 March 2026")
        assert "12 March 2026 is a Thursday, not a Friday" in text(app, "#when-hint")
        await type_into(pilot, "when", "12/3/2026 2pm")
        assert text(app, "#length-hint") == "Understood: 2 hours, until 4pm."
        await type_into(pilot, "place", "County Hall room 4")
        await type_into(pilot, "link", "https://meet.example.org/btb")
        chairs = setup.query_one("#chairs", SelectionList)
        hayley, jo, mary = MEMBERS["Hayley"], MEMBERS["Jo"], MEMBERS["Mary"]
        assert set(chairs.selected) == {hayley.id, jo.id}  # as at the last meeting
        assert text(app, "#chairs-hint") == "Hayley brings lived experience to the chair."
        chairs.focus()
        chairs.highlighted = next(n for n in range(chairs.option_count)
                                  if chairs.get_option_at_index(n).value == hayley.id)
        await pilot.press("space")
        assert text(app, "#chairs-hint").startswith("Warning: No co-chair has lived experience.")
        await pilot.press("space")
        setup.query_one("#note_taker", Select).value = mary.id
        await pilot.press("ctrl+s")
        await settle(app, pilot)

        editor = app.screen
        assert isinstance(editor, AgendaEditorScreen)
        meeting = editor.meeting
        assert meeting.start == datetime(2026, 3, 12, 14) and meeting.place == "County Hall room 4"
        assert dict(meeting.roles) == {"note_taker": mary.id}
        table = rows(app, "agenda-table")
        assert [r[0] for r in table] == ["1", "2", "3", "3.1", "3.2", "4", "5", "6", "7", "8"]
        assert table[3][1].strip().startswith("Action for Jo Clark") and table[3][4] == "carried forward"
        assert table[6][1] == "Transport to day centres" and table[6][3] == "Jo"

        # Mary adds "Carers' breaks" after item 4, with papers sent on 10 March.
        editor.query_one(DataTable).move_cursor(row=5)
        await pilot.press("a")
        assert isinstance(app.screen, ItemFormScreen)
        await pilot.press(*"Carers")
        app.screen.query_one("#title", Input).value += "' breaks"
        await type_into(pilot, "minutes", "30")
        form = app.screen
        form.query_one("#lead", Select).value = hayley.id
        form.query_one("#papers").text = "Carers' breaks briefing | papers/breaks.pdf | 10/3/2026"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        table = rows(app, "agenda-table")
        assert [r[1] for r in table[5:8]] == ["Updates from the council and the …", "Carers' breaks",
                                             "Transport to day centres"]
        checks = text(app, "#agenda-checks")
        assert "Warning: The agenda is 10 minutes longer than the meeting." in checks
        assert "Warning: Papers for item 5 went out 2 days before — members asked for a week." in checks
        assert "Sam needs large print papers and a break every hour." in checks

        # She trims any other business by 10 minutes.
        aob = next(n for n, r in enumerate(table) if r[1] == "Any other business")
        editor.query_one(DataTable).move_cursor(row=aob)
        await pilot.press("e")
        await type_into(pilot, "minutes", "5")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        checks = text(app, "#agenda-checks")
        assert "Fine: The agenda fills the meeting exactly (2 hours)." in checks
        assert "longer than the meeting" not in checks

    saved = service.get_meeting(meeting.id)
    assert plan.agenda_minutes(saved.agenda) == 120
    assert [w.text for w in plan.meeting_checks(saved) if w.warning] == [
        "Papers for item 5 went out 2 days before — members asked for a week.",
        "By the end of item 5 the meeting has gone 1 hour 15 minutes without a break, and the group asks for a "
        "break every hour; please add a break to the agenda."]


async def test_a_repeating_series_is_previewed_and_planned(board) -> None:
    service, group = board
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await type_into(pilot, "when", "10/3/2026 2pm")
        await type_into(pilot, "repeat", "every 2nd Tuesday of the month")
        await type_into(pilot, "count", "4")
        assert text(app, "#repeat-hint") == (
            "Understood: every month on the second Tuesday. Then: Tuesday 14 April 2026 at 2pm, "
            "Tuesday 12 May 2026 at 2pm, Tuesday 9 June 2026 at 2pm and Tuesday 14 July 2026 at 2pm."
        )
        await type_into(pilot, "repeat", "now and then")
        assert "as a way to repeat" in text(app, "#repeat-hint")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingSetupScreen)  # not saved
        assert len(service.list_meetings()) == 1
        await type_into(pilot, "repeat", "every 2nd Tuesday of the month")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaEditorScreen)
        starts = sorted(m.start for m in service.list_meetings())
        assert starts[1:] == [datetime(2026, 3, 10, 14), datetime(2026, 4, 14, 14), datetime(2026, 5, 12, 14),
                              datetime(2026, 6, 9, 14), datetime(2026, 7, 14, 14)]
        await pilot.press("escape")
        assert len(rows(app, "meetings-table")) == 6  # the list was refreshed


async def test_setup_of_a_planned_meeting_changes_it(board) -> None:
    service, group = board
    feb = Planner(service).group_meetings(group.id)[0]
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(AgendaEditorScreen(feb.id))
        await pilot.pause()
        await pilot.press("m")
        assert isinstance(app.screen, MeetingSetupScreen)
        assert app.screen.query_one("#when", Input).value == "12/02/2026 14:00"
        assert text(app, "#when-hint") == "Understood: Thursday 12 February 2026 at 2pm."
        await type_into(pilot, "length", "90 minutes")
        await type_into(pilot, "title", "February board")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaEditorScreen)
        assert "February board: Thursday 12 February 2026 at 2pm, 1 hour 30 minutes." in text(app, "#agenda-heading")
    assert service.get_meeting(feb.id).planned_minutes == 90


async def test_agenda_reorder_nest_remove_and_bring_forward_by_keyboard(board) -> None:
    service, group = board
    planner = Planner(service)
    meeting = planner.save_meeting(planner.new_meeting(service.group(group.id),
                                                       load_template(MEETINGS / "board-co-chaired.toml"),
                                                       datetime(2026, 3, 12, 14)))
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        titles = lambda: [r[1].strip() for r in rows(app, "agenda-table")]  # noqa: E731
        numbers = lambda: [r[0] for r in rows(app, "agenda-table")]  # noqa: E731
        start = titles()
        assert start[:2] == ["Welcome and introductions", "Apologies"]
        await pilot.press("down", "ctrl+up")  # Apologies up
        assert titles()[:2] == ["Apologies", "Welcome and introductions"]
        await pilot.press("shift+down")  # and back down
        assert titles() == start
        await pilot.press("n")  # Apologies under Welcome
        assert numbers()[:3] == ["1", "1.1", "2"]
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("u")
        assert numbers()[:3] == ["1", "2", "3"]
        await settle(app, pilot)
        assert [i.title for i in service.get_meeting(meeting.id).agenda] == [i.title for i in meeting.agenda]

        # Remove "matters arising" and its two carried actions, after saying yes.
        app.screen.query_one(DataTable).move_cursor(row=2)
        await pilot.press("delete")
        assert str(app.screen.query_one("#dialog-title").render()).startswith(
            "Remove item 3, Minutes of the last meeting and matters arising?")
        assert "Its 2 sub-items will go too." in str(app.screen.query_one("#dialog-prompt").render())
        await pilot.press("n")
        assert len(titles()) == len(start)
        await pilot.press("d", "y")
        await settle(app, pilot)
        assert len(titles()) == len(start) - 3
        # Bring forward puts the open actions back under a new "matters arising".
        await pilot.press("c")
        await settle(app, pilot)
        assert "Matters arising" in titles() and len(titles()) == len(start)
        await pilot.press("c")
        await settle(app, pilot)
        assert len(titles()) == len(start)
        await pilot.press("escape")
        assert type(app.screen).__name__ == "MeetingsScreen"


async def test_a_bad_paper_line_says_which_line(board) -> None:
    service, group = board
    feb = Planner(service).group_meetings(group.id)[0]
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(AgendaEditorScreen(feb.id))
        await pilot.pause()
        await pilot.press("e")
        app.screen.query_one("#papers").text = "Briefing | a.pdf | 1/1/2026\nMap | m.pdf | someday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text(app, "#form-hint").startswith('Not saved: Paper line 2: I could not understand "someday"')


def test_papers_round_trip_through_text() -> None:
    papers = papers_from_text("Briefing | papers/a.pdf | 10 March 2026\n\nMap\nList | https://x.org/l")
    assert [(p.title, p.where, p.sent) for p in papers] == [
        ("Briefing", "papers/a.pdf", "2026-03-10"), ("Map", "", ""), ("List", "https://x.org/l", "")]
    assert papers_from_text(papers_to_text(papers)) == papers


# --- help, and untrusted text ----------------------------------------------------------------------


async def test_every_planning_screen_has_f1_help(board) -> None:
    service, group = board
    feb = Planner(service).group_meetings(group.id)[0]
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    screens = [GroupsScreen(), GroupScreen(group.id), MemberFormScreen(None, group.name), MeetingSetupScreen(),
               AgendaEditorScreen(feb.id), ItemFormScreen(None, feb)]
    async with app.run_test(size=SIZE) as pilot:
        for screen in screens:
            app.push_screen(screen)
            await pilot.pause()
            assert screen.HELP.strip() and screen.TITLE_WORDS
            await pilot.press("f1")
            assert isinstance(app.screen, HelpScreen)
            help_text = str(app.screen.query_one("#help-text").render())
            assert f"Help: {screen.TITLE_WORDS}" in help_text
            await pilot.press("escape")
            assert app.screen is screen
            for binding in screen.BINDINGS:
                assert binding.id and binding.description
            app.pop_screen()
            await pilot.pause()


async def test_naughty_names_and_titles_show_as_plain_text(service: ArchiveService) -> None:
    planner = Planner(service)
    group = planner.add_group("[bold]Naughty[/] [@click=app.quit]group[/]")
    shown = []
    for n, bad in enumerate(naughty_strings()[::4]):
        try:
            member = Member(name=f"{bad}"[:70] + str(n), access_notes=bad[:400])
        except UserError:  # text a member cannot have is refused in words; tested elsewhere
            continue
        group = group.with_member(member)
        shown.append(member.name)
    service.save_group(group)
    meeting = planner.save_meeting(planner.new_meeting(group, load_template(MEETINGS / "first-meeting.toml"),
                                                       datetime(2026, 5, 1, 10), title="[/] [red]x", place="[/]"))
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert rows(app, "groups-table")[0][0] == "[bold]Naughty[/] [@click=app.quit]group[/]"
        await pilot.press("enter")
        await pilot.pause()
        assert sorted(r[0] for r in rows(app, "members-table")) == sorted(shown)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, MemberFormScreen)
        await pilot.press("escape", "escape", "escape")
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        assert text(app, "#agenda-heading").startswith("[/] [red]x:")
        app.push_screen(MeetingSetupScreen(meeting_id=meeting.id))
        await pilot.pause()
        assert app.is_running


# --- issue 15: dates in the right direction, series warnings, templates from anywhere ------------


async def test_the_plan_form_looks_forward_asks_for_a_time_and_about_the_past(board) -> None:
    service, _group = board
    app = CoprodMeetApp(service, clock=lambda: datetime(2026, 12, 3, 9))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        setup = app.screen
        await type_into(pilot, "when", "5 January 10am")
        assert text(app, "#when-hint") == "Understood: Tuesday 5 January 2027 at 10am."
        await type_into(pilot, "when", "25/12/2026 2pm")
        assert text(app, "#when-hint") == ("Understood: Friday 25 December 2026 at 2pm. Warning: Friday 25 December "
                                           "2026 is a bank holiday (Christmas Day) in England and Wales.")
        await type_into(pilot, "when", "Thursday week")
        assert text(app, "#when-hint") == ('Understood: Thursday 17 December 2026. What time does it start? '
                                           'Please add a time, such as "Thursday week 2pm".')
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is setup and len(service.list_meetings()) == 1  # not saved: no time of day
        await type_into(pilot, "when", "5/1/2026 10am")
        assert text(app, "#when-hint") == "Understood: Monday 5 January 2026 at 10am. Warning: that is 11 months ago."
        await pilot.press("ctrl+s")
        await pilot.pause()
        from coprod_meet.tui.screens.dialog import DialogScreen as ConfirmScreen

        assert isinstance(app.screen, ConfirmScreen)
        assert str(app.screen.query_one("#dialog-title").render()) == (
            "That is 11 months ago (Monday 5 January 2026 at 10am). Plan it anyway?")
        await pilot.press("n")
        assert app.screen is setup and len(service.list_meetings()) == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaEditorScreen)
    assert datetime(2026, 1, 5, 10) in [m.start for m in service.list_meetings()]


async def test_a_series_preview_lists_every_date_and_warns_of_holidays(board) -> None:
    service, _group = board
    app = CoprodMeetApp(service, clock=lambda: datetime(2026, 12, 3, 9))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await type_into(pilot, "when", "Friday 18/12/2026 2pm")
        await type_into(pilot, "repeat", "every week")
        await type_into(pilot, "count", "5")
        hint = text(app, "#repeat-hint")
        assert hint.startswith("Understood: every week. Then: Friday 25 December 2026 at 2pm, ")
        assert "Friday 15 January 2027 at 2pm and Friday 22 January 2027 at 2pm." in hint
        assert "Warning: Friday 25 December 2026 is a bank holiday (Christmas Day) in England and Wales." in hint
        assert "Warning: Friday 1 January 2027 is a bank holiday (New Year's Day) in England and Wales." in hint


async def test_a_template_from_any_folder_and_ones_own_are_offered(board, tmp_path: Path) -> None:
    from coprod_meet.services.templates import user_templates_dir

    service, _group = board
    own = user_templates_dir()
    own.mkdir(parents=True)
    (own / "forum.toml").write_text('title = "Our forum"\n[[item]]\ntitle = "Welcome"\n', encoding="utf-8")
    elsewhere = tmp_path / "somewhere" / "away-day.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text('title = "Away day"\nlength = "3 hours"\n[[item]]\ntitle = "Welcome"\n', encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text('title = "Broken"\n[[item]\n', encoding="utf-8")
    app = CoprodMeetApp(service, clock=BEFORE_THE_SCENARIO)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        setup = app.screen
        select = setup.query_one("#template", Select)
        labels = [str(prompt) for prompt, _value in select._options]
        assert "Our forum (yours: forum.toml)" in labels
        assert "Another template file…" in labels
        from coprod_meet.tui.screens.dialog import DialogScreen as AskScreen
        from coprod_meet.tui.screens.meeting_setup import OTHER_FILE

        select.value = OTHER_FILE
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        app.screen.query_one(Input).value = str(broken)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is setup and select.value != OTHER_FILE  # a broken file is not used
        select.value = OTHER_FILE
        await pilot.pause()
        app.screen.query_one(Input).value = str(elsewhere)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is setup
        assert select.value == str(elsewhere.resolve())
        assert setup.query_one("#title", Input).value == "Away day"
        assert setup.query_one("#length", Input).value == "3 hours"
