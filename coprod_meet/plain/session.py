"""Line mode (`coprod-meet --plain`): numbered menus and short lines, read in order by a screen reader.

It runs over the same services as the TUI. Every prompt says what to type; `help` lists the
commands with one plain line each; `quit` leaves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from coprod_meet.domain.dates import when_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import now
from coprod_meet.plain import review
from coprod_meet.plain.console import Console
from coprod_meet.plain.coordinator import Coordinator
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.views import describe_meeting


@dataclass(frozen=True)
class Command:
    words: str  # what to type, e.g. "open"
    what: str  # one plain line
    run: Callable[[str], bool | None]  # returns True to leave this level


class PlainSession:
    """The main menu of line mode."""

    def __init__(self, service: ArchiveService, console: Console, *,
                 clock: Callable[[], datetime] = now) -> None:
        self.service = service
        self.console = console
        self.clock = clock
        self.quitting = False  # set by quit inside a meeting: leave the main menu too
        self.live_opened: set[str] = set()  # meetings run in this session (their clocks stop at the end)

    def commands(self) -> list[Command]:
        return [
            Command("list", "List the meetings, newest first.", self.cmd_list),
            Command("open", "Open a meeting to read it. Type open and a number from the list.", self.cmd_open),
            Command("run", "Run a meeting: attendance, agenda, queue, decisions and minutes. "
                           "Type run and a number from the list.", self.cmd_run),
            Command("plan", "Plan a new meeting: the group, a template, when and how long.", self.cmd_plan),
            *Coordinator(self).commands(),
            Command("decisions", review.DECISIONS_HELP, lambda rest: review.cmd_decisions(self, rest)),
            Command("actions", review.ACTIONS_HELP, lambda rest: review.cmd_actions(self, rest)),
            Command("help", "Say the commands again.", self.cmd_help),
            Command("quit", "Leave coprod-meet.", lambda _rest: True),
        ]

    def run(self) -> int:
        say = self.console.say
        say("coprod-meet line mode.")
        say(f"Archive: {self.service.root}")
        for problem in self.service.problems:
            say(str(problem))
        running = {m.id for m in self.service.running_meetings()}
        for n, m in enumerate(self._meetings() if running else [], start=1):
            if m.id in running:
                say(f"{m.title} is running. Type run {n} to go back to it.")
        say("Type help to hear the commands, or quit to leave.")
        try:
            self.loop("Main menu. Type a command, then press Enter:", self.commands)
        finally:
            self.stop_clocks()
        say("Goodbye.")
        return 0

    def stop_clocks(self) -> None:
        """Line mode ends: note the moment in each meeting it ran, so that the time until it runs
        again is nobody's speaking time."""
        from coprod_meet.services.live import LiveMeeting

        for meeting_id in sorted(self.live_opened):
            try:
                LiveMeeting.open(self.service, meeting_id, clock=self.clock).stop_clock()
            except UserError:
                pass

    def loop(self, prompt: str, commands: Callable[[], list[Command]],
             after: Callable[[], None] | None = None) -> None:
        """Read commands until one says to leave or input ends; ``after`` runs after each one."""
        while True:
            line = self.console.ask(prompt)
            if line is None:
                return
            line = line.strip()
            if not line:
                continue
            word, _, rest = line.partition(" ")
            found = [c for c in commands() if c.words == word.lower()]
            if not found:
                self.console.say(f"I do not know {word!r}. Type help to hear the commands.")
                continue
            try:
                if found[0].run(rest.strip()):
                    return
            except UserError as error:
                self.console.say(str(error))
            if after is not None:
                after()

    def cmd_help(self, _rest: str = "") -> None:
        self.say_commands("Commands:", self.commands())

    def say_commands(self, title: str, commands: list[Command]) -> None:
        """Each command with one plain line, then what any glossary word in them means."""
        from coprod_meet.minutes.glossary import words_used

        self.console.say(title)
        for c in commands:
            self.console.say(f"  {c.words}: {c.what}")
        words = words_used(*(c.what for c in commands))
        if words:
            self.console.say("Words used here:")
            for line in words:
                self.console.say(f"  {line}")

    def _meetings(self):
        return self.service.list_meetings()

    def cmd_list(self, _rest: str = "") -> None:
        rows = self._meetings()
        if not rows:
            self.console.say("There are no meetings yet.")
            return
        self.console.say(f"{len(rows)} meetings, newest first:")
        statuses = self.service.meeting_statuses()
        for n, m in enumerate(rows, start=1):
            status = statuses.get(m.id, "planned").capitalize()
            self.console.say(f"{n}. {status}. {when_in_words(m.start)}. {m.group_name}. {m.title}.")
        self.console.say("Type open and a number to open one.")

    def pick_meeting(self, rest: str) -> str | None:
        rows = self._meetings()
        if rest.isdigit() and 1 <= int(rest) <= len(rows):
            return rows[int(rest) - 1].id
        if rest:
            raise UserError(f"There is no meeting number {rest}; type list to hear the numbers.")
        index = self.console.choose("Meetings", [f"{when_in_words(m.start)}. {m.title}." for m in rows])
        return None if index is None else rows[index].id

    def cmd_open(self, rest: str) -> None:
        meeting_id = self.pick_meeting(rest)
        if meeting_id is None:
            return
        meeting = self.service.get_meeting(meeting_id)
        self.console.say(describe_meeting(meeting, self.service.events(meeting_id)))

    def cmd_plan(self, _rest: str = "") -> None:
        from coprod_meet.plain.planning import PlanInLineMode

        PlanInLineMode(self.service, self.console, self.clock).run()

    def cmd_run(self, rest: str) -> bool:
        from coprod_meet.plain.meeting import MeetingSession

        meeting_id = self.pick_meeting(rest)
        if meeting_id is None:
            return False
        MeetingSession(self, meeting_id, self.clock).run()
        if not self.quitting:
            self.console.say("Back at the main menu. Type help to hear the commands.")
        return self.quitting
