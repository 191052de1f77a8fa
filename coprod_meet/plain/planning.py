"""Planning a meeting in line mode: a group, a template, when, how long, and how it repeats.

The same services and the same checks as the plan form in the app. A date without a year is the
next one to come; a start with no time of day is asked for one; a date that has gone is a
question ("That is 11 months ago. Plan it anyway?"). Each answer is checked as it is typed, and a
wrong one gets one short sentence and the question again.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from coprod_meet.domain.dates import has_time_of_day, minutes_in_words, parse_duration, parse_when, when_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.planning import Repeat, no_time_question, parse_repeat, past_question, series_warnings
from coprod_meet.domain.templates import Template
from coprod_meet.plain.console import Console
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.planning import MAX_SERIES, Planner
from coprod_meet.services.templates import find_template, load_template, ready_made

EMPTY = Template(name="", title="Meeting", items=())
YES = ("y", "yes")


class PlanInLineMode:
    """One conversation that plans one meeting (and perhaps a series)."""

    def __init__(self, service: ArchiveService, console: Console, clock: Callable[[], datetime]) -> None:
        self.service = service
        self.console = console
        self.clock = clock
        self.planner = Planner(service)

    def run(self) -> None:
        say = self.console.say
        groups = [g for g in self.service.groups() if not g.archived]
        if not groups:
            say("There are no groups yet. Add a group in the app first: press G there.")
            return
        index = self.console.choose("Which group is it for", [g.name for g in groups])
        if index is None:
            say("Nothing was planned.")
            return
        group = groups[index]
        template = self.ask_template()
        if template is None:
            say("Nothing was planned.")
            return
        start = self.ask_when()
        if start is None:
            say("Nothing was planned.")
            return
        length = self.ask_length(template.length_minutes)
        if length is None:
            say("Nothing was planned.")
            return
        meeting = self.planner.new_meeting(group, template, start, length_minutes=length)
        repeat, count = self.ask_repeat(start)
        say(f"{meeting.title} for {group.name}: {when_in_words(start)}, {minutes_in_words(length)}.")
        say(f"The agenda has {len(meeting.agenda)} items.")
        for check in self.planner.checks(meeting):
            if check.warning:
                say(f"Warning: {check}")
        answer = self.console.ask("Save it? Type yes or no:")
        if (answer or "").strip().casefold() not in YES:
            say("Nothing was planned.")
            return
        saved = self.planner.save_meeting(meeting)
        say(f"Planned {saved.title} on {when_in_words(saved.start)}.")
        if repeat is not None:
            later = self.planner.save_series(saved, repeat, count)
            say(f"Also planned {len(later)} more.")
        say("Type list to hear the meetings.")

    def ask_template(self) -> Template | None:
        found = ready_made(own=True)
        options = [f"{t.title} ({p.name})" for p, t in found]
        options += ["No template: an empty agenda", "A template file from another folder"]
        index = self.console.choose("Which template", options)
        if index is None:
            return None
        if index < len(found):
            return found[index][1]
        if index == len(found):
            return EMPTY
        while True:
            answer = self.console.ask("Type the path of the template file, or press Enter to go back:")
            if answer is None or not answer.strip():
                return None
            try:
                template = load_template(find_template(Path(answer.strip())))
            except UserError as error:
                self.console.say(str(error))
                continue
            self.console.say(f"Using {template.title}.")
            return template

    def ask_when(self) -> datetime | None:
        while True:
            answer = self.console.ask('When is it? For example "next Tuesday 2pm":')
            if answer is None or not answer.strip():
                return None
            now = self.clock().replace(second=0, microsecond=0)
            try:
                start = parse_when(answer, now=now, prefer="future")
            except UserError as error:
                self.console.say(str(error))
                continue
            self.console.say(f"That is {when_in_words(start)}.")
            if not has_time_of_day(answer):
                self.console.say(no_time_question(answer))
                continue
            question = past_question(start, now, with_date=False)
            if question:
                sure = self.console.ask(f"{question} Type yes or no:")
                if (sure or "").strip().casefold() not in YES:
                    continue
            return start

    def ask_length(self, minutes: int) -> int | None:
        while True:
            answer = self.console.ask(f"How long is it? Press Enter for {minutes_in_words(minutes)}:")
            if answer is None:
                return None
            if not answer.strip():
                return minutes
            try:
                return parse_duration(answer)
            except UserError as error:
                self.console.say(str(error))

    def ask_repeat(self, start: datetime) -> tuple[Repeat | None, int]:
        while True:
            answer = self.console.ask("Does it repeat? Type how, such as every month, or press Enter for no:")
            if answer is None or not answer.strip():
                return None, 0
            try:
                repeat = parse_repeat(answer)
            except UserError as error:
                self.console.say(str(error))
                continue
            count = self.ask_count()
            if count is None:
                return None, 0
            later = repeat.after(start, count)
            self.console.say(f"Then {repeat.anchored(start).in_words()}:")
            for moment in later:
                self.console.say(f"- {when_in_words(moment)}")
            for warning in series_warnings(later):
                self.console.say(f"Warning: {warning}")
            return repeat, count

    def ask_count(self) -> int | None:
        while True:
            answer = self.console.ask(f"How many more meetings? Type 1 to {MAX_SERIES}:")
            if answer is None:
                return None
            if answer.strip().isdigit() and 1 <= int(answer) <= MAX_SERIES:
                return int(answer)
            self.console.say(f"Please type a whole number from 1 to {MAX_SERIES}.")
