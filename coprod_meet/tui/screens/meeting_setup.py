"""Plan a new meeting (or change a planned one): when, how long, where, who co-chairs, repeats."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Header, Input, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from coprod_meet.domain.dates import (
    ago_in_words,
    has_time_of_day,
    minutes_in_words,
    parse_duration,
    parse_when,
    time_in_words,
    when_in_words,
)
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Group, Meeting, join_words
from coprod_meet.domain.planning import day_warning, no_time_question, parse_repeat, past_question, power_check, series_warnings
from coprod_meet.domain.templates import ROLE_WORDS, Template
from coprod_meet.services.planning import Planner
from coprod_meet.services.templates import find_template, load_template, ready_made, templates_dir, user_templates_dir
from coprod_meet.tui.screens.form_base import FormScreen
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.forms import TickList, hint, label, member_options, options, select_value
from coprod_meet.tui.widgets.save_status import SaveStatus

EMPTY_TEMPLATE = Template(name="", title="Meeting", items=())
ROLES = ("note_taker", "timekeeper")
OTHER_FILE = "\x00another file"  # the template choice that asks for a file from any folder


class MeetingSetupScreen(FormScreen):
    TITLE_WORDS = "Plan a meeting"
    HELP = """
Plan a meeting here. Choose the group and a template (a ready-made agenda you can change
later). The list has the ready-made templates and your own (the templates folder in your config
folder). Choose "Another template file" to type the path of a template from any folder.
Type when it is in your own words, such as "next Tuesday 2pm" or "12/3/2026 14:00":
the line under it says the date it understood. A date without a year is the next one to come.
Give a time of day. A date that has gone is asked about before it is saved.
Type how long it lasts, such as "2 hours".
Tick the co-chairs with Space. The app warns when no co-chair has lived experience.
To plan a series, type how it repeats, such as "every 2nd Tuesday of the month", and how many
more meetings to plan. Open actions and items put off at the last meeting are added to the
agenda for you. Press Ctrl+S to save and go on to the agenda, Escape to go back.
"""
    ENTER_SAVES = False  # Enter moves on to the next box: the plan is saved with Ctrl+S

    def __init__(self, meeting_id: str = "", group_id: str = "", now: datetime | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.group_id = group_id
        self.now = now
        self._title_from_template = ""
        self._past_agreed: datetime | None = None  # a start in the past the person said yes to

    # -- building the form ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        service = self.app.service
        self.meeting: Meeting | None = service.get_meeting(self.meeting_id) if self.meeting_id else None
        groups = [g for g in service.groups() if not g.archived]
        self.templates: list[tuple[Path, Template]] = ready_made(own=True)
        m = self.meeting
        yield Header()
        with VerticalScroll(id="form-body"):
            if m is None:
                yield Static("Plan a new meeting", classes="form-title", markup=False)
                yield label("Group", "group")
                chosen = self.group_id or (groups[0].id if groups else "")
                yield Select(options((g.name, g.id) for g in groups), id="group", allow_blank=not groups,
                             value=chosen if groups else Select.NULL, prompt="No groups yet: add one first")
                yield label("Template", "template")
                choices = self._template_choices()
                yield Select(options(choices), id="template", allow_blank=False, value=choices[0][1])
            else:
                yield Static(f"Change the plan of {m.title}", classes="form-title", markup=False)
            yield label("Title", "title")
            yield Input(m.title if m else "", id="title", placeholder="for example Board meeting")
            yield label("When", "when")
            yield Input(_when_text(m.start) if m else "", id="when", placeholder="for example next Tuesday 2pm")
            yield hint("", "when")
            yield label("How long", "length")
            yield Input(minutes_in_words(m.planned_minutes) if m else "", id="length", placeholder="for example 2 hours")
            yield hint("", "length")
            yield label("Place", "place")
            yield Input(m.place if m else "", id="place", placeholder="for example County Hall room 4")
            yield label("Online link", "link")
            yield Input(m.online_link if m else "", id="link", placeholder="a link, if people can join online")
            yield label("Co-chairs (Space to tick)", "chairs")
            yield TickList(id="chairs")
            yield hint("", "chairs")
            for role in ROLES:
                yield label(ROLE_WORDS[role].capitalize(), role)
                yield Select(member_options(()), id=role, allow_blank=False, value="")
            yield label("Repeats (leave empty for one meeting)", "repeat")
            yield Input("", id="repeat", placeholder="for example every 2nd Tuesday of the month")
            yield label("How many more meetings to plan", "count")
            yield Input("3", id="count")
            yield hint("", "repeat")
        yield SaveStatus(id="save-status")
        yield Footer()

    def on_mount(self) -> None:
        if self.meeting is None:
            self._template_chosen()
        self._fill_people()
        self._update_hints()

    def _group(self) -> Group | None:
        if self.meeting is not None:
            return self.app.service.group(self.meeting.group_id)
        group_id = select_value(self.query_one("#group", Select))
        return self.app.service.group(group_id) if group_id else None

    def _template_choices(self) -> list[tuple[str, str]]:
        def where(path: Path) -> str:
            if path.parent == templates_dir():
                return path.name
            if path.parent == user_templates_dir():
                return f"yours: {path.name}"
            return str(path)

        choices = [(f"{t.title} ({where(p)})", str(p)) for p, t in self.templates]
        return [*choices, ("No template: an empty agenda", ""), ("Another template file…", OTHER_FILE)]

    def _template(self) -> Template:
        path = select_value(self.query_one("#template", Select))
        if not path or path == OTHER_FILE:
            return EMPTY_TEMPLATE
        return next((t for p, t in self.templates if str(p) == path), None) or load_template(path)

    def _ask_for_template_file(self) -> None:
        """Ask for the path of a template file from any folder, then add it to the list and choose it."""
        from coprod_meet.tui.screens.dialog import ask

        select = self.query_one("#template", Select)
        previous = str(self.templates[0][0]) if self.templates else ""

        def done(answer: str | None) -> None:
            if not answer or not answer.strip():
                select.value = previous
                return
            try:
                path = find_template(answer.strip()).resolve()
                template = load_template(path)
            except UserError as error:
                self.app.notify(str(error), title="Template not used", severity="warning", markup=False)
                select.value = previous
                return
            if not any(p == path for p, _t in self.templates):
                self.templates.append((path, template))
            select.set_options(options(self._template_choices()))
            select.value = str(path)

        ask("Use a template file", "Type the path of a template file (.toml) from any folder, such as "
            "~/Documents/our-meeting.toml, or the name of a ready-made one, then press Enter.", done)

    def _fill_people(self) -> None:
        group = self._group()
        members = group.current_members if group else ()
        chosen = set(self.meeting.co_chair_ids) if self.meeting else set(self._default_chairs(group))
        chairs = self.query_one("#chairs", SelectionList)
        chairs.clear_options()
        chairs.add_options(
            Selection(Text(f"{m.name} ({m.voice_group.words})"), m.id, m.id in chosen) for m in members
        )
        roles = dict(self.meeting.roles) if self.meeting else {}
        for role in ROLES:
            select = self.query_one(f"#{role}", Select)
            select.set_options(member_options(members))
            value = roles.get(role, "")
            select.value = value if any(m.id == value for m in members) else ""

    def _default_chairs(self, group: Group | None) -> list[str]:
        if group is None:
            return []
        try:
            return Planner(self.app.service)._co_chairs(group, self._template())
        except UserError:
            return []

    def _template_chosen(self) -> None:
        template = self._template()
        title = self.query_one("#title", Input)
        if not title.value or title.value == self._title_from_template:
            title.value = template.title if template.items else ""
        self._title_from_template = title.value
        length = self.query_one("#length", Input)
        length.value = minutes_in_words(template.length_minutes)
        place = self.query_one("#place", Input)
        if not place.value:
            place.value = template.place
        link = self.query_one("#link", Input)
        if not link.value:
            link.value = template.online_link

    # -- reacting to typing -------------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "group":
            self._fill_people()
        elif event.select.id == "template":
            if select_value(event.select) == OTHER_FILE:
                self._ask_for_template_file()
                return
            self._template_chosen()
            self._fill_people()
        self._update_hints()

    def on_input_changed(self, _event: Input.Changed) -> None:
        self._update_hints()

    def on_selection_list_selected_changed(self, _event: SelectionList.SelectedChanged) -> None:
        self._update_hints()

    def _value(self, wid: str) -> str:
        return self.query_one(f"#{wid}", Input).value

    def _now(self) -> datetime:
        if self.now is not None:
            return self.now
        clock = getattr(self.app, "clock", None)
        return (clock() if clock else datetime.now()).replace(second=0, microsecond=0)

    def _start(self) -> datetime:
        return parse_when(self._value("when"), now=self._now(), prefer="future")

    def _start_changed(self, start: datetime) -> bool:
        return self.meeting is None or start != self.meeting.start

    def _length(self) -> int:
        return parse_duration(self._value("length"))

    def _update_hints(self) -> None:
        when_hint = self.query_one("#when-hint", Static)
        start = None
        if not self._value("when").strip():
            when_hint.update('Type when, for example "next Tuesday 2pm" or "12/3/2026 14:00".')
        else:
            try:
                start = self._start()
                words = f"Understood: {when_in_words(start)}."
                if not has_time_of_day(self._value("when")):
                    words += f" {no_time_question(self._value('when'))}"
                elif start < self._now() and self._start_changed(start):
                    words += f" Warning: that is {ago_in_words(start, self._now())}."
                if day := day_warning(start):
                    words += f" Warning: {day}"
                when_hint.update(words)
            except UserError as error:
                when_hint.update(str(error))
        length_hint = self.query_one("#length-hint", Static)
        try:
            minutes = self._length()
            ends = f", until {time_in_words(start + timedelta(minutes=minutes))}" if start else ""
            length_hint.update(f"Understood: {minutes_in_words(minutes)}{ends}.")
        except UserError as error:
            length_hint.update(str(error))
        self.query_one("#chairs-hint", Static).update(self._power_words())
        self.query_one("#repeat-hint", Static).update(self._repeat_words(start))

    def _power_words(self) -> str:
        group = self._group()
        if group is None:
            return ""
        chairs = tuple(self.query_one("#chairs", SelectionList).selected)
        check = power_check(Meeting(group_id=group.id, group_name=group.name, title="check", start=datetime(2000, 1, 1),
                                    end=datetime(2000, 1, 1), co_chair_ids=chairs, roster=group.members))
        return ("Warning: " if check.warning else "") + check.text

    def _repeat_words(self, start: datetime | None) -> str:
        text = self._value("repeat").strip()
        if not text:
            return "One meeting only."
        try:
            repeat = parse_repeat(text)
            count = self._count()
        except UserError as error:
            return str(error)
        if start is None:
            return f"Understood: {repeat.in_words()}."
        later = repeat.after(start, count)
        warnings = "".join(f" Warning: {w}" for w in series_warnings(later))
        return (f"Understood: {repeat.anchored(start).in_words()}. Then: {join_words([when_in_words(d) for d in later])}."
                f"{warnings}")

    def _count(self) -> int:
        text = self._value("count").strip() or "0"
        if not text.isdigit() or not 1 <= int(text) <= 52:
            raise UserError("Please type how many more meetings to plan, from 1 to 52.")
        return int(text)

    # -- saving --------------------------------------------------------------------------------

    def action_save(self) -> None:
        try:
            if not has_time_of_day(self._value("when")):
                self._start()  # a date that cannot be read says so first
                raise UserError(no_time_question(self._value("when")))
            start = self._start()
            question = past_question(start, self._now())
            if question and self._start_changed(start) and self._past_agreed != start:
                self._ask_about_the_past(start, question)
                return
            write, opening = self._write()
        except UserError as error:
            self.app.notify(str(error), title="Not saved yet", severity="warning", markup=False)
            self.query_one(SaveStatus).failed(str(error))
            return
        status = self.query_one(SaveStatus)
        status.saving()

        def saved(meeting: Meeting) -> None:
            status.saved()
            self.forget_draft()
            if opening:
                from coprod_meet.tui.screens.agenda_editor import AgendaEditorScreen

                self.app.switch_screen(AgendaEditorScreen(meeting.id))
            else:
                self.dismiss(meeting)

        self.app.save(write, on_saved=saved, on_failed=status.failed)

    def _ask_about_the_past(self, start: datetime, question: str) -> None:
        from coprod_meet.tui.screens.dialog import confirm

        def done(yes: bool) -> None:
            if yes:
                self._past_agreed = start
                self.action_save()
            else:
                self.query_one("#when", Input).focus()

        confirm(question, lambda: done(True), "Press N to change the date.", otherwise=lambda: done(False))

    def _write(self):
        """The save to run off the event loop, and whether to open the agenda after it."""
        group = self._group()
        if group is None:
            raise UserError("Please add a group first: press Escape, then G for groups.")
        start, length = self._start(), self._length()
        repeat = parse_repeat(self._value("repeat")) if self._value("repeat").strip() else None
        count = self._count() if repeat else 0
        chairs = list(self.query_one("#chairs", SelectionList).selected)
        roles = [(r, v) for r in ROLES if (v := select_value(self.query_one(f"#{r}", Select)))]
        fields = dict(title=self._value("title").strip(), place=self._value("place"), online_link=self._value("link"))
        planner = Planner(self.app.service)
        if self.meeting is None:
            template = self._template()
            fields["title"] = fields["title"] or template.title

            def create() -> Meeting:
                meeting = planner.save_meeting(planner.new_meeting(
                    group, template, start, length_minutes=length, co_chair_ids=chairs, roles=roles, **fields))
                if repeat is not None:
                    planner.save_series(meeting, repeat, count)
                return meeting

            return create, True
        if not fields["title"]:
            raise UserError("Please give the meeting a title.")
        changed = replace(self.meeting, start=start, end=start + timedelta(minutes=length), co_chair_ids=tuple(chairs),
                          roles=tuple(roles), **fields)

        def update() -> Meeting:
            meeting = planner.save_meeting(changed)
            if repeat is not None:
                planner.save_series(meeting, repeat, count)
            return meeting

        return update, False


def _when_text(start: datetime) -> str:
    """A planned start as text that parse_when reads back exactly."""
    return start.strftime("%d/%m/%Y %H:%M")
