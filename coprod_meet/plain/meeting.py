"""Line mode: run a whole meeting by typing short commands, over ``LiveMeeting``.

People are chosen by their number in ``who`` (or by name). Line mode has no clock tick, so
after every command it says a turn's time warning once per turn and a break reminder once per
stretch without a break; ``status`` says every warning that stands. It says the same words as
the TUI's meeting screen: both come from ``domain.live_view``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Callable

from coprod_meet.domain.dates import time_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.live_view import card_in_words, live_view, resumed_in_words, status_line
from coprod_meet.domain.model import Member, Naming, VoiceGroup, join_words
from coprod_meet.domain.queue import KIND_WORDS, changes_in_words
from coprod_meet.domain.timing import break_reminder, item_over, minutes_since_rest, turn_in_words, turn_warning
from coprod_meet.domain.numbering import member_id_by_number, person_numbers
from coprod_meet.plain.console import Console
from coprod_meet.plain.hybrid import HybridCommands
from coprod_meet.services.live import (
    QUEUE_CHOICE_WORDS,
    QUEUE_CHOICES,
    LiveMeeting,
    PeopleWaiting,
    ROLES,
    attendance_in_words,
)
from coprod_meet.services.records import RecordsService

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.plain.session import Command, PlainSession

# What people type for each kind of queue place.
QUEUE_KINDS = {"speak": "normal", "process": "process", "clarification": "clarification", "reply": "reply"}
ATTENDANCE = {"here": "present", "apologies": "apologies", "late": "late", "left": "left"}


def sentence(text: str) -> str:
    """The text ending with a full stop (unless it ends with one already)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?:" else text + "."


class Cancelled(UserError):
    """The person typed nothing where something was needed, or input ended."""

    def __init__(self, message: str = "Nothing was written down, as nothing was typed.") -> None:
        super().__init__(message)


class MeetingSession:
    """The commands for one meeting being run."""

    def __init__(self, session: PlainSession, meeting_id: str, clock: Callable[[], datetime]) -> None:
        self.session = session
        self.console: Console = session.console
        self.live = LiveMeeting.open(session.service, meeting_id, clock=clock)
        self.records = RecordsService(session.service, clock=clock)
        self._warned_turn: tuple[str, datetime] | None = None
        self._reminded_rest: datetime | None = None
        self._said_over: tuple[str, int] | None = None  # (item, its time on) the run-over was said for

    @property
    def hybrid(self) -> HybridCommands:
        """The commands for people online (plain/hybrid.py), made once; they remember who records."""
        if "_hybrid" not in self.__dict__:
            self._hybrid = HybridCommands(self)
        return self._hybrid

    @property
    def state(self):
        return self.live.state

    def now(self) -> datetime:
        return self.live.clock()

    def say(self, text: str = "") -> None:
        self.console.say(text)

    # -- the command set ----------------------------------------------------------------------

    def commands(self) -> list[Command]:
        from coprod_meet.plain.export import cmd_export
        from coprod_meet.plain.notes import cmd_note
        from coprod_meet.plain.records import cmd_action, cmd_decision, cmd_evaluate, cmd_records, cmd_said
        from coprod_meet.plain.session import Command

        c = Command
        return [
            c("status", "Say the item, who chairs, who speaks, the queue and any warnings.", self.cmd_status),
            c("who", "List everyone with a number, and whether they are here.", self.cmd_who),
            c("agenda", "List the agenda items, and which one is open.", self.cmd_agenda),
            c("here", "Mark people as here. Type here and their numbers: here 1 2 3.", self.attendance("here")),
            c("apologies", "Mark people who sent apologies: apologies 8.", self.attendance("apologies")),
            c("late", "Mark someone who arrived late: late 9.", self.attendance("late")),
            c("left", "Mark someone who left early: left 6.", self.attendance("left")),
            c("start", "Start the meeting and open the first item.", self.cmd_start),
            c("nextitem", "Move on to the next agenda item. If people are waiting, I ask: "
                          "nextitem carry, nextitem clear or stay.", self.cmd_next_item),
            c("previtem", "Go back to the item before this one.", self.cmd_previous_item),
            c("defer", "Put this item off to the next meeting, and move on.", self.cmd_defer),
            c("additem", "Add an item after this one: additem and its title.", self.cmd_add_item),
            c("handover", "Hand this item to the other co-chair.", self.cmd_hand_over),
            c("guest", "Add a guest, or a new member of the group, to this meeting's list.", self.cmd_guest),
            c("role", "Choose a timekeeper, note-taker or jargon buster.", self.cmd_role),
            c("queue", "Say who waits to speak. queue 3 adds person 3. "
                       "Add process, clarification or reply for a special point. "
                       "Someone waiting can raise process or clarification too.", self.cmd_queue),
            c("remove", "Take someone out of the queue: remove 3.", self.cmd_remove),
            c("up", "Move someone one place up the queue: up 3.", self.move(-1)),
            c("down", "Move someone one place down the queue: down 3.", self.move(+1)),
            c("next", "Give the floor to whoever is next.", self.cmd_next),
            c("speak", "Give the floor to someone now: speak 3.", self.give("spoken")),
            c("written", "Read out someone's written comment. It counts as their say.", self.give("written")),
            c("supporter", "A supporter speaks for someone. It counts as their say.", self.give("supporter")),
            c("stop", "End the turn of whoever is speaking.", self.cmd_stop),
            c("round", "Start a go-round: everyone here gets a go, in turn.", self.cmd_round),
            c("pass", "The person whose go it is passes.", self.cmd_pass),
            c("endround", "End the go-round.", self.cmd_end_round),
            c("card", "Note a card: card 4 red respite, card 5 amber, card 6 green.", self.cmd_card),
            c("clear", "Take a card down: clear 4 red. I ask what the word means.", self.cmd_clear),
            c("turntime", "Set the minutes for one turn on this item: turntime 3. 0 is no limit.",
              self.cmd_turn_time),
            c("fair", "Turn fair order on or off: fair on, or fair off.", self.cmd_fair),
            c("break", "Start a break.", self.cmd_break),
            c("resume", "End the break and carry on.", self.cmd_resume),
            c("decision", "Write down a decision. I ask about it step by step.", lambda r: cmd_decision(self, r)),
            c("action", "Write down an action: what, who, and by when.", lambda r: cmd_action(self, r)),
            c("said", "Write down something a member said, for you said, we did.", lambda r: cmd_said(self, r)),
            c("records", "Say this meeting's decisions, actions and how today went.",
              lambda r: cmd_records(self, r)),
            c("evaluate", "How did today go for someone: evaluate 4 partly, and a comment if they like. "
                          "Answers are yes, partly, no or pass.", lambda r: cmd_evaluate(self, r)),
            c("end", "End the meeting.", self.cmd_end),
            c("note", "Write a note for the minutes on this item: what was said, or a written comment. "
                      "note and the words, or just note.", lambda r: cmd_note(self, r)),
            c("export", "Write the minutes to a file. I ask which copy, format and file.",
              lambda r: cmd_export(self, r)),
            *self.hybrid.commands(),  # joins, hand, chatcard, recorder (plain/hybrid.py)
            c("help", "Say these commands again.", self.cmd_help),
            c("back", "Go back to the main menu. The meeting stays as it is.", lambda _r: True),
            c("quit", "Leave coprod-meet. The meeting stays as it is.", self.cmd_quit),
        ]

    def run(self) -> None:
        s = self.state
        self.say(status_line(s))
        if self.live.meeting_id not in self.session.live_opened:  # (back and run again: it ran all along)
            self.session.live_opened.add(self.live.meeting_id)
            if self.live.resume_clock():
                self.say(sentence(resumed_in_words(self.state)))
        self.say(f"Running {s.meeting.title}.")
        self.say(f"{len(s.meeting.roster)} people on the list. Type who to hear them with numbers.")
        self.say("Type status to hear where the meeting is, or help for the commands.")
        self._said_over = self._over_key() if item_over(self.state, self.now()) else None
        self.session.loop("Meeting. Type a command, then press Enter:", self.commands, after=self.reminders)

    def cmd_help(self, _rest: str = "") -> None:
        self.session.say_commands("Meeting commands:", self.commands())

    def cmd_quit(self, _rest: str) -> bool:
        self.session.quitting = True
        return True

    # -- choosing people ------------------------------------------------------------------------

    def roster(self) -> list[Member]:
        return list(self.state.meeting.roster)

    def person(self, text: str) -> Member:
        """A member by their number in ``who``, or by name."""
        text = text.strip()
        people = self.roster()
        if text.isdigit():
            found = member_id_by_number(people, text)
            if found:
                return next(m for m in people if m.id == found)
            raise UserError(f"There is nobody number {text}; type who to hear the numbers.")
        wanted = text.casefold()
        for m in people:
            if wanted in (m.name.casefold(), (m.full_name or "").casefold()):
                return m
        if not text:
            raise UserError("Please type a person's number from who, like 3.")
        raise UserError(f"I cannot find {text!r}; type who to hear the numbers.")

    def people(self, text: str) -> list[Member]:
        """Several people by number ("1 2 3" or "1, 2, 3"), or one by name."""
        words = text.replace(",", " ").split()
        if words and all(w.isdigit() for w in words):
            return [self.person(w) for w in words]
        return [self.person(text)]

    def person_then(self, rest: str) -> tuple[Member, list[str]]:
        """A person's number first, then other words ("4 red respite")."""
        first, _, more = rest.strip().partition(" ")
        return self.person(first), more.split()

    # -- what the co-chairs hear --------------------------------------------------------------

    def cmd_status(self, _rest: str = "") -> None:
        v = live_view(self.state, self.now())
        lines = [v.item]
        if v.item_time:
            lines.append(f"Time on this item: {v.item_time}")
        lines.append(v.chairing)
        if v.roles:
            lines.append(v.roles)
        if v.speaker:
            lines.append(v.speaker)
        lines += v.alerts
        if v.before_start:
            lines.append(v.before_start)
        if self.state.started is not None and self.state.ended is None:
            if v.queue:
                lines.append("Waiting to speak, in order:")
                numbers = person_numbers(self.roster())
                lines += [f"{numbers.get(m, 0)}. {text}" for m, text in v.queue]
            else:
                lines.append("Nobody is waiting to speak.")
        lines += [v.round, v.not_heard, v.away, v.jargon]
        lines += v.shares
        if self.state.started is not None:
            lines.append(v.fair_order)
        for line in lines:
            if line:
                self.say(sentence(line))
        self._mark_warned()

    def cmd_who(self, _rest: str = "") -> None:
        v = live_view(self.state, self.now())
        notes = {p.member_id: p.notes for p in v.present}
        self.say("Everyone on the list:")
        numbers = person_numbers(self.roster())
        for m in self.roster():
            n = numbers[m.id]
            extra = f" ({notes[m.id]})" if m.id in notes else ""
            self.say(f"{n}. {attendance_in_words(self.state, m.id)}{extra}.")

    def cmd_agenda(self, _rest: str = "") -> None:
        s = self.state
        self.say("The agenda:")
        for n, item in enumerate(s.agenda, start=1):
            marks = []
            if item.id == s.current_item_id:
                marks.append("open now")
            if item.id in s.deferred:
                marks.append("put off to the next meeting")
            mark = f" ({', '.join(marks)})" if marks else ""
            self.say(f"{n}. {item.title}, led by {s.name(s.lead_of(item.id))}{mark}.")

    def reminders(self) -> None:
        """Warnings with no clock tick: a turn over its time (once a turn), a break (once a stretch)."""
        now = self.now()
        turn = self.state.speaking
        warning = turn_warning(self.state, now)
        if warning and turn is not None and self._warned_turn != (turn.member_id, turn.start):
            self._warned_turn = (turn.member_id, turn.start)
            self.say(warning)
        reminder = break_reminder(self.state, now)
        rest = self._rest_started()
        if reminder and rest != self._reminded_rest:
            self._reminded_rest = rest
            self.say(reminder)
        over = item_over(self.state, now)
        if over and self._said_over != self._over_key():
            self._said_over = self._over_key()
            self.say(over)

    def _over_key(self) -> tuple[str, int]:
        """Which item's run-over was said: said again only if the item gets more time or reopens."""
        s = self.state
        item = s.current_item
        return (s.current_item_id, len(s.item_spans.get(s.current_item_id, [])) * 10000 + (item.minutes if item else 0))

    def _rest_started(self) -> datetime | None:
        s = self.state
        ends = [end for _start, end in s.breaks if end is not None]
        return max(ends) if ends else s.started

    def _mark_warned(self) -> None:
        """``status`` has just said every warning; do not say them again straight after."""
        now = self.now()
        turn = self.state.speaking
        if turn is not None and turn_warning(self.state, now):
            self._warned_turn = (turn.member_id, turn.start)
        if break_reminder(self.state, now):
            self._reminded_rest = self._rest_started()
        if item_over(self.state, now):
            self._said_over = self._over_key()

    def say_speaker(self) -> None:
        self.say(sentence(turn_in_words(self.state, self.now())))

    def say_item(self) -> None:
        self.say(sentence(live_view(self.state, self.now()).item))

    # -- attendance and roles -------------------------------------------------------------------

    def attendance(self, word: str) -> Callable[[str], None]:
        def run(rest: str) -> None:
            if not rest.strip():
                raise UserError(f"Please type {word} and the numbers of the people, like {word} 3.")
            for m in self.people(rest):
                self.live.set_attendance(m.id, ATTENDANCE[word])
                self.say(sentence(attendance_in_words(self.state, m.id)))
        return run

    def cmd_role(self, rest: str) -> None:
        roles = list(ROLES)
        index = self.console.choose("Which role", [ROLES[r].capitalize() for r in roles])
        if index is None:
            return
        while True:
            answer = self.console.ask("Who? Type their number from who, or press Enter for nobody:")
            if answer is None:
                return
            try:
                member_id = self.person(answer).id if answer.strip() else ""
                break
            except UserError as error:
                self.say(str(error))
        self.live.set_role(roles[index], member_id)
        who = self.state.name(member_id) if member_id else "nobody"
        self.say(f"{ROLES[roles[index]].capitalize()}: {who}.")

    # -- the agenda -----------------------------------------------------------------------------

    def cmd_start(self, _rest: str) -> None:
        self.live.start()
        self.say(f"The meeting started at {time_in_words(self.now())}.")
        self.say_item()

    def leave_item(self, move: Callable[[str], object], rest: str) -> bool:
        """Change the item; if people wait, ask what happens to them. False if we stay."""
        choice = rest.strip().lower()
        if choice and choice not in QUEUE_CHOICES:
            raise UserError("After the command, type carry, clear or stay, or nothing.")
        try:
            move(choice)
        except PeopleWaiting as waiting:
            self.say(str(waiting))
            index = self.console.choose("What happens to them", [QUEUE_CHOICE_WORDS[c] for c in QUEUE_CHOICES],
                                        allow_none=False)
            choice = QUEUE_CHOICES[index] if index is not None else "stay"
            move(choice)
            names = join_words([self.state.name(m) for m in waiting.member_ids])
            self.say({"carry": f"Still waiting on the next item: {names}.",
                      "clear": f"The queue is cleared. {names} can be added again.",
                      "stay": "We stay on this item. Nobody left the queue."}[choice])
        if choice == "stay":
            return False
        return True

    def cmd_next_item(self, rest: str) -> None:
        if self.leave_item(lambda c: self.live.next_item(c), rest):
            self.say_item()

    def cmd_previous_item(self, rest: str) -> None:
        if self.leave_item(lambda c: self.live.previous_item(c), rest):
            self.say_item()
            waited = live_view(self.state, self.now()).alerts
            for line in waited:
                if line.startswith("Waiting when this item was left"):
                    self.say(sentence(line))

    def cmd_defer(self, rest: str) -> None:
        title = self.state.current_item.title if self.state.current_item else "This item"
        if self.leave_item(lambda c: self.live.defer_item(c), rest):
            self.say(f"{title} is put off to the next meeting.")
            self.say_item()

    def cmd_add_item(self, rest: str) -> None:
        title = rest.strip() or self.ask_needed("Type the new item's title:")
        while True:  # the title typed is kept: a wrong number is asked again
            minutes = self.ask_optional("How many minutes for it? Type a number, or press Enter for 10:") or "10"
            if minutes.isdigit() and int(minutes) <= 600:
                break
            self.say("Please type the minutes as a whole number from 0 to 600, like 10.")
        self.live.add_item(title, int(minutes))
        self.say(f"Added {title!r} after this item, for {minutes} minutes.")

    def cmd_hand_over(self, rest: str) -> None:
        self.live.hand_over(self.person(rest).id if rest.strip() else "")
        self.say(sentence(self.live_view_chairing()))

    def live_view_chairing(self) -> str:
        return live_view(self.state, self.now()).chairing

    def cmd_guest(self, rest: str) -> None:
        """A member of the group not on the list yet, or a guest: name, voice, naming consent."""
        newcomers = self.live.members_not_listed()
        if newcomers:
            options = [f"{m.name}, a member of the group" for m in newcomers] + ["Someone else: a guest"]
            index = self.console.choose("Who joins the list", options)
            if index is None:
                self.say("Nobody was added.")
                return
            if index < len(newcomers):
                self.live.add_person(newcomers[index])
                self.say_added(newcomers[index].id)
                return
        name = rest.strip()
        while True:  # the name is checked first, before any other question
            name = name or self.ask_needed("What is the guest's name?")
            try:
                name = self.live.check_new_name(name)
                break
            except UserError as error:
                self.say(str(error))
                name = ""
        groups = list(VoiceGroup)
        index = self.console.choose("Whose voice do they bring", [g.words.capitalize() for g in groups])
        if index is None:
            self.say("Nobody was added.")
            return
        namings = [Naming.NOT_NAMED, Naming.FIRST, Naming.FULL, Naming.ROLE]
        words = ["Not named (the usual choice)", "First name only", "Full name", "Role only"]
        which = self.console.choose("How may the public minutes name them", words)
        naming = namings[which] if which is not None else Naming.NOT_NAMED
        self.live.add_guest(name, groups[index].value, naming.value)
        self.say_added(self.state.meeting.roster[-1].id)

    def say_added(self, member_id: str) -> None:
        number = next(n for n, m in enumerate(self.roster(), start=1) if m.id == member_id)
        m = self.state.person(member_id)
        assert m is not None
        self.say(f"{m.name} is on the list as number {number}. In public minutes: {m.naming.words}.")
        self.say(f"Type here {number} if they are here now.")

    def cmd_turn_time(self, rest: str) -> None:
        text = rest.strip()
        if not text.isdigit():
            raise UserError("Please type turntime and the minutes as a whole number, like turntime 3.")
        self.live.set_turn_limit(int(text) * 60)
        self.say("There is no time limit for a turn on this item." if text == "0"
                 else f"A turn on this item is {int(text)} minutes.")

    def cmd_fair(self, rest: str) -> None:
        word = rest.strip().lower()
        if word not in ("on", "off"):
            raise UserError("Please type fair on, or fair off.")
        before = self.state.queue_places()
        self.live.set_fair_order(word == "on")
        self.say(sentence(live_view(self.state, self.now()).fair_order))
        for line in changes_in_words(before, self.state.queue_places(), self.state.name):
            self.say(sentence(line))

    # -- the queue and turns --------------------------------------------------------------------

    def cmd_queue(self, rest: str) -> None:
        if not rest.strip():
            self.say_queue()
            return
        m, more = self.person_then(rest)
        word = more[0].lower() if more else "speak"
        if word not in QUEUE_KINDS:
            raise UserError("After the number, type process, clarification or reply, or nothing to speak.")
        kind = QUEUE_KINDS[word]
        already = self.state.in_queue(m.id)
        self.live.queue_add(m.id, kind)
        if already:
            self.say(f"{m.name} was waiting, and now has {KIND_WORDS[kind]}.")
        else:
            self.say(f"{m.name} is waiting to speak." if kind == "normal"
                     else f"{m.name} is waiting with {KIND_WORDS[kind]}.")
        self.say_queue()

    def say_queue(self) -> None:
        v = live_view(self.state, self.now())
        if not v.queue:
            self.say("Nobody is waiting to speak.")
            return
        self.say("Waiting to speak, in order:")
        numbers = person_numbers(self.roster())
        for m, text in v.queue:
            self.say(f"{numbers.get(m, 0)}. {text}.")

    def cmd_remove(self, rest: str) -> None:
        m = self.person(rest)
        self.live.queue_remove(m.id)
        self.say(f"{m.name} is out of the queue.")

    def move(self, by: int) -> Callable[[str], None]:
        def run(rest: str) -> None:
            self.live.queue_move(self.person(rest).id, by)
            self.say_queue()
        return run

    def cmd_next(self, _rest: str) -> None:
        if not self.live.next_speaker():
            self.say("Nobody is waiting to speak, and nobody is speaking.")
            return
        self.say_speaker()

    def give(self, via: str) -> Callable[[str], None]:
        def run(rest: str) -> None:
            self.live.give_turn(self.person(rest).id, via)
            self.say_speaker()
        return run

    def cmd_stop(self, _rest: str) -> None:
        self.live.end_turn()
        self.say("The turn has ended. Nobody is speaking.")

    def cmd_round(self, _rest: str) -> None:
        self.live.round_start()
        self.say(sentence(live_view(self.state, self.now()).round))
        self.say("Type next to give them the floor, or pass if they pass.")

    def cmd_pass(self, rest: str) -> None:
        who = self.person(rest).id if rest.strip() else ""
        self.live.round_pass(who)
        self.say(sentence(live_view(self.state, self.now()).round))

    def cmd_end_round(self, _rest: str) -> None:
        self.live.round_end()
        self.say("The go-round has ended.")
        not_heard = live_view(self.state, self.now()).not_heard
        if not_heard:
            self.say(sentence(not_heard))

    # -- cards ----------------------------------------------------------------------------------

    def cmd_card(self, rest: str) -> None:
        m, more = self.person_then(rest)
        colour = more[0].lower() if more else ""
        if colour not in ("red", "amber", "green"):
            raise UserError("Please type card, a number and a colour: red, amber or green.")
        word = " ".join(more[1:])
        if colour == "red" and not word:
            word = (self.console.ask("Which word or part was hard? Type it, or press Enter if unsure:") or "")
        self.live.raise_card(m.id, colour, word.strip())
        if colour == "green":
            self.say(f"{m.name} would like to speak, and is in the queue.")
            return
        self.say(card_in_words(self.state, m.id, colour, word.strip()) + ".")
        if colour == "red" and self.state.timer_paused:
            self.say("The turn timer is paused until the card is cleared.")

    def cmd_clear(self, rest: str) -> None:
        m, more = self.person_then(rest)
        colour = more[0].lower() if more else ""
        if colour not in ("red", "amber", "green"):
            raise UserError("Please type clear, a number and the card's colour, like clear 4 red.")
        card = next((c for c in self.state.open_cards if c.member_id == m.id and c.colour == colour), None)
        meaning = ""
        if card is not None and colour == "red" and card.word:
            meaning = self.console.ask(f"How was '{card.word}' explained? Type it in a few words:") or ""
        self.live.clear_card(m.id, colour, meaning.strip())
        self.say(f"{m.name}'s {colour} card is down.")
        if card is not None and card.word and colour == "red":
            self.say(f"'{card.word}' is on the list of words explained.")

    # -- breaks and the end ---------------------------------------------------------------------

    def cmd_break(self, _rest: str) -> None:
        minutes = int(minutes_since_rest(self.state, self.now()))
        self.live.start_break()
        self.say(f"Break started, after {minutes} minutes. Type resume to carry on.")

    def cmd_resume(self, _rest: str) -> None:
        said = live_view(self.state, self.now()).alerts
        self.live.end_break()
        length = next((a for a in said if a.startswith("On a break")), "")
        self.say("The break is over." + (f" {length.replace('On a break for', 'It lasted')}" if length else ""))

    def cmd_end(self, _rest: str) -> None:
        answer = self.console.ask("End the meeting? Type yes to end it, or no to carry on:")
        if (answer or "").strip().lower() not in ("yes", "y"):
            self.say("The meeting carries on.")
            return
        self.live.end_meeting()
        self.say("The meeting has ended. Type export to write the minutes.")

    # -- helpers for the step-by-step commands --------------------------------------------------

    def ask_needed(self, prompt: str) -> str:
        """Ask until something is typed; Cancelled when the person presses Enter on nothing."""
        answer = self.console.ask(prompt)
        if answer is None or not answer.strip():
            raise Cancelled
        return answer.strip()

    def ask_optional(self, prompt: str) -> str:
        answer = self.console.ask(prompt)
        if answer is None:
            raise Cancelled
        return answer.strip()

    def after_records(self) -> None:
        """Records are written by the records service; read the meeting again from disk."""
        self.live.reload()
