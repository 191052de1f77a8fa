"""Run a meeting: the current item, who chairs, who is here, the speaker queue, cards and timers.

Every key is one action of ``LiveMeeting``: the screen changes at once, the change is written
off the event loop, and the status line says "Saved" only once it is on disk.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from coprod_meet.domain.dates import parse_duration
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.live_view import LiveView, card_in_words, live_view, resumed_in_words
from coprod_meet.domain.model import Event, Naming, VoiceGroup, now
from coprod_meet.domain.numbering import could_grow, member_id_by_number, number_width, person_numbers
from coprod_meet.domain.records import RecordPrefill
from coprod_meet.domain.timing import turn_reached_limit
from coprod_meet.domain.voice import voice_summary
from coprod_meet.domain.queue import changes_in_words
from coprod_meet.services.live import (
    QUEUE_CHOICE_WORDS,
    QUEUE_CHOICES,
    ROLES,
    LiveMeeting,
    PeopleWaiting,
    attendance_in_words,
)
from coprod_meet.tui import textual_compat
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.screens.dialog import Choice, DialogScreen
from coprod_meet.tui.screens.form_base import Filled, records_service
from coprod_meet.tui.widgets.containers import Column, Row
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.save_status import SaveStatus
from coprod_meet.tui.widgets.words import Words

# Actions that make sense only while the meeting runs (hidden from the footer otherwise).
RUNNING_ACTIONS = {
    "next_speaker", "add", "add_number", "add_typed", "remove", "move", "round", "pass_turn", "card",
    "hand_over", "next_item", "previous_item", "defer", "contribution", "brk", "end", "turn_time",
}


# The parts of the screen that show words (``#live-item`` and so on).
PARTS = ("item", "chair", "speaker", "alerts", "queue-title", "shares", "people")


def _b(key: str, action: str, description: str, name: str, show: bool = False) -> Binding:
    return Binding(key, action, description, show=show, id=f"live.{name}")


class LiveScreen(HelpfulScreen):
    TITLE_WORDS = "Running a meeting"
    HELP = """
This screen runs a meeting. At the top: the item you are on, who leads it, and how much of its time is used.
It also shows who is chairing now, and who is speaking with their time.
Below, in words: cards that are up, a reminder to offer a break, and whether any group has had less than its share of say.

The queue (left) shows who is waiting to speak and why they are in that place.
Points of process come first, then clarifications, then direct replies.
Then, with fair order on, people who have not spoken on this item go before people who have.
On the right is who is here (with their numbers) and who has not been heard yet.

Each person has one number for the whole meeting: their place on the attendance list. It is
beside their name in the Here list, in the queue and in every "who?" question. It does not
change when someone comes late or leaves. To add someone to the queue, press their number, or
press A, type the first letters of their name and press Enter. Numbers above 9 are two digits:
with 12 people, press 1 then 2 for 12, or 1 then Enter for 1. Only people marked as here can be
chosen; the question says why someone cannot. Press ! for a point of process, ? for a
clarification, R for a direct reply. N gives the floor to whoever is next; Enter gives it to the
person picked in the queue.
Timers never cut anyone off: they only say when a turn has had its time.
Press D to record a decision and C to record an action; the forms start from this item and who is here.
Press Y for "you said, we did", U for how did today go, and Shift+X to export the minutes.
Press J for people online and on the phone: J then their number puts up their hand.
Press M to write a note for the minutes: what was said on this item, or a written comment read out.
After the meeting has ended, press Shift+A to record whether each member's access needs were met.
Press T to take attendance and S to start. Shift+D puts the item off to the next meeting, after
asking. Press E to end the meeting, after asking.
The keys at the bottom are the next likely steps. Before the meeting: attendance and start.
While it runs: next speaker, cards, decision, next item and end. Once it has ended: export,
how did today go, and back. Every key is listed below, and Ctrl+P finds any of them by name.
Escape goes back to the list; the meeting stays where it is and carries on when you open it again.
While the app is not running nobody is speaking: the turn's clock carries on from where it stopped.
Moving to another item while people wait asks whether to carry them to the next item, clear
the queue, or stay. Coming back to an item says who was waiting there.
Shift+Up and Shift+Down move the picked person in the queue. The order you set holds until you
move someone again. Turning fair order on or off puts the rules' order back, and says who moved.
Someone already waiting can raise a point of process (!) or clarification (?).
The chairing line says who chairs and why: the item's planned lead, or a hand-over.
A hand-over lasts until handed back, or until the next item's planned lead takes over.
In attendance (T), press G to add a guest or a new member of the group.
"""
    # The footer shows the keys for the next likely step: before the start, attendance and start;
    # while the meeting runs, next speaker, cards, decision, next item and end (and Pass in a
    # go-round); once it has ended, export, how did today go, and back. F1 lists every key.
    # A key shown at one stage only has a twin with a parameter (``attendance('first')``) that
    # ``check_action`` turns on for that stage; the twin without it works at every stage, unshown.
    BINDINGS = [
        _b("escape", "back('after')", "Back to the list", "back_after", show=True),
        _b("escape", "back", "Back to the list", "back"),
        _b("t", "attendance('first')", "Attendance", "attendance_first", show=True),
        _b("s", "start", "Start meeting", "start", show=True),
        _b("n", "next_speaker", "Next speaker", "next_speaker", show=True),
        _b("a", "add('normal')", "Add", "add"),
        *[_b(str(n), f"add_number({n})", "Add person by number", f"add_{n}") for n in range(1, 10)],
        _b("exclamation_mark", "add('process')", "Point of process", "add_process"),
        _b("question_mark", "add('clarification')", "Point of clarification", "add_clarification"),
        _b("r", "add('reply')", "Direct reply", "add_reply"),
        _b("x", "remove", "Remove from queue", "remove"),
        _b("shift+up", "move(-1)", "Move up the queue", "move_up"),
        _b("shift+down", "move(1)", "Move down the queue", "move_down"),
        _b("g", "round", "Go-round", "round"),
        _b("p", "pass_turn", "Pass", "pass", show=True),
        _b("k", "card", "Card", "card", show=True),
        _b("d", "record_decision('running')", "Decision", "decision_running", show=True),
        _b("d", "record_decision", "Decision", "decision"),
        _b("h", "hand_over", "Hand over to the other co-chair", "hand_over"),
        _b("right_square_bracket", "next_item('running')", "Next item", "next_item_shown", show=True),
        _b("right_square_bracket", "next_item", "Next item", "next_item"),
        _b("left_square_bracket", "previous_item", "Previous item", "previous_item"),
        _b("D", "defer", "Defer item to next meeting", "defer"),
        _b("i", "add_item", "Add an item", "add_item"),
        _b("t", "attendance", "Attendance", "attendance"),
        _b("o", "roles", "Roles", "roles"),
        _b("w", "contribution('written')", "Read out a written comment", "written"),
        _b("v", "contribution('supporter')", "A supporter speaks for someone", "supporter"),
        _b("b", "brk", "Break", "break"),
        _b("f", "fair_order", "Fair order on or off", "fair_order"),
        _b("l", "turn_time", "Time for one turn", "turn_time"),
        _b("B", "bell", "Bell on or off", "bell"),
        _b("e", "end", "End meeting", "end", show=True),
        _b("c", "record_action", "Record an action", "action"),
        _b("y", "you_said", "You said, we did", "you_said"),
        _b("X", "export('after')", "Export minutes", "export_after", show=True),
        _b("X", "export", "Export minutes", "export"),
        _b("u", "how_did_it_go('after')", "How did today go", "evaluation_after", show=True),
        _b("u", "how_did_it_go", "How did today go", "evaluation"),
        _b("A", "access_needs", "Were access needs met", "access_needs"),
        _b("j", "remote", "People online and on the phone", "remote"),
        _b("m", "item_note", "Note for the minutes", "item_note"),
    ]

    def __init__(self, meeting_id: str, *, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self._clock = clock
        self.live: LiveMeeting
        self.bell = False
        self._belled: tuple[str, datetime] | None = None
        self._queue_shown: list[tuple[str, str]] | None = None
        self._footer_shape: tuple[bool, bool, bool] | None = None
        self._dialog_screen: DialogScreen | None = None
        self._parts: dict[str, Words] = {}
        self._behind = False  # changes not shown yet (a box was open over the screen)

    # -- building -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Column(id="live-top"):
            yield Words(id="live-item")
            yield Words(id="live-chair")
            yield Words(id="live-speaker")
        yield Words(id="live-alerts", bold=True)
        with Row(id="live-main"):
            with Column(id="live-queue-box"):
                yield Words(id="live-queue-title")
                yield OptionList(id="live-queue")
                yield Words(id="live-shares")
            with VerticalScroll(id="live-people-box"):  # scrolls on a small screen
                yield Words(id="live-people")
        yield SaveStatus(id="save-status")
        yield Footer(show_command_palette=False, compact=True)

    def clock(self) -> datetime:
        return (self._clock or getattr(self.app, "clock", None) or now)()

    def on_mount(self) -> None:
        self.sub_title = "Running a meeting"
        self.live = LiveMeeting.open(self.app.service, self.meeting_id, clock=self.clock, autosave=False)
        self._parts = {name: self.query_one(f"#live-{name}", Words) for name in PARTS}
        # The first time this run of the app opens the meeting: the time the app was not running
        # is nobody's (back to the list and in again, the app ran all along).
        opened = getattr(self.app, "live_opened", None)
        first = opened is None or self.meeting_id not in opened
        if opened is not None:
            opened.add(self.meeting_id)
        resumed = first and self.do(self.live.resume_clock)
        self.refresh_view()
        if resumed and self.live.state.gaps:
            self.notify(resumed_in_words(self.live.state) + ".", title="Carrying on", timeout=15, markup=False)
        self.query_one("#live-queue", OptionList).focus()
        self.set_interval(1.0, self.tick)
        # The index of decisions and actions is read now, in a thread, so that D and C find the
        # group's decisions in memory when pressed, not on the disk (an error here is only a
        # head start lost: they read it themselves).
        records = records_service(self.app)
        self.run_worker(lambda: records.earlier_decisions(self.meeting_id), thread=True, exit_on_error=False)
        self.call_after_refresh(textual_compat.settle_brisk_screen)

    def on_unmount(self) -> None:
        dialog, self._dialog_screen = self._dialog_screen, None
        if dialog is not None and dialog not in self.app.screen_stack:  # (in it only as the app closes)
            self.app.uninstall_screen(dialog)  # the box for questions goes with the screen
            dialog.remove()
        textual_compat.brisk_screen_gone()
        self.app.call_after_refresh(textual_compat.resettle)

    def on_screen_resume(self) -> None:
        if self._behind:  # changed while a box was open over it: show the changes once it is drawn
            self._behind = False
            self.call_after_refresh(self.refresh_view)

    def help_keys(self) -> list[tuple[str, str]]:
        """Every key of this screen, also those that wait for the meeting to start."""
        keys: list[tuple[str, str]] = []
        seen: set[str] = set()
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            if binding.description not in seen:
                seen.add(binding.description)
                keys.append((self.app.get_key_display(binding), binding.description))
        return keys + [(k, d) for k, d in super().help_keys() if d not in seen]

    # -- showing --------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        if not self.is_active:  # a box is open over this screen: catch up when it closes
            self._behind = True
            return
        view = live_view(self.live.state, self.clock())
        self._show_time(view)
        self._show_queue(view)
        self._show_people(view)
        state = self.live.state
        shape = (state.started is None, state.ended is None, state.round_on)
        if shape != self._footer_shape:  # the footer is rebuilt only when its keys change
            self._footer_shape = shape
            self.refresh_bindings()

    def tick(self) -> None:
        """Once a second: the clock moves. Nothing is written. A calm moment for a full garbage
        collection, if one is due, so it never delays a key press."""
        textual_compat.collect_if_due()
        moment = self.clock()
        state = self.live.state
        self._show_time(live_view(state, moment))
        turn = state.speaking
        if self.bell and turn is not None and turn_reached_limit(state, moment):
            if self._belled != (turn.member_id, turn.start):
                self._belled = (turn.member_id, turn.start)
                self.app.bell()

    def _show_time(self, view: LiveView) -> None:
        state = self.live.state
        item = view.item
        if state.started is None and state.ended is None:
            item += " Press T to take attendance, then S to start."
        elif view.item_time:
            item += f". {view.item_time[:1].upper()}{view.item_time[1:]}."
        self._put("item", item)
        chair = view.chairing + "."
        if len(state.meeting.co_chair_ids) > 1 and state.started is not None and state.ended is None:
            chair += " Press H to hand over."
        if view.roles:
            chair += f" {view.roles}."
        self._put("chair", chair)
        if state.ended is not None:
            speaker = voice_summary(state)
        else:
            speaker = view.speaker
            if view.next_up and state.started is not None:
                speaker += f" Next: {view.next_up}."
            if view.round:
                speaker += f" {view.round}"
        self._put("speaker", speaker)
        alerts = self._parts["alerts"]
        lines = [f"! {a}" for a in view.alerts] + ([view.before_start] if view.before_start else [])
        alerts.show("\n".join(lines))
        if alerts.display != bool(lines):
            alerts.display = bool(lines)

    def _show_queue(self, view: LiveView) -> None:
        title = f"Queue: {len(view.queue)} waiting" if view.queue else "Queue: nobody is waiting"
        self._put("queue-title", f"{title}. {view.fair_order}.")
        self._put("shares", f"Say so far: {'; '.join(view.shares)}." if view.shares else "")
        if view.queue == self._queue_shown:
            return
        self._queue_shown = list(view.queue)
        options = self.query_one("#live-queue", OptionList)
        keep = options.highlighted
        numbers = self._numbers()  # each person's meeting number, as in the Here list
        width = number_width(len(numbers))
        options.set_options(Option(Text(f"{numbers.get(member_id, 0):>{width}} {line}"), id=member_id)
                            for member_id, line in view.queue)
        if options.option_count:
            options.highlighted = min(keep or 0, options.option_count - 1)

    def _show_people(self, view: LiveView) -> None:
        lines = ["Here (press a number to queue):" if view.present else "Nobody is marked as here yet."]
        numbers = self._numbers()
        width = number_width(len(numbers))
        for person in view.present:
            lines.append(f"{numbers.get(person.member_id, 0):>{width}} {person.name}: {person.notes}")
        for extra in (view.away, view.not_heard, view.jargon):
            if extra:
                lines.append(extra)
        self._put("people", "\n".join(lines))

    def _put(self, part: str, words: str) -> None:
        """Show ``words`` in one part of the screen; only a part whose words change is drawn again."""
        self._parts[part].show(words)

    # -- decisions, actions, "you said", how did today go, minutes --------------------------------

    def _prefill(self) -> RecordPrefill:
        return RecordPrefill.from_state(self.live.state, today=self.clock().date())

    def action_record_decision(self, _when: str = "") -> None:
        from coprod_meet.tui.screens.decision_form import DecisionFormScreen

        def done(filled: Filled | None) -> None:
            if filled is not None:
                self.do(lambda: self.live.record_decision(filled.record), "The decision is recorded.")

        earlier = records_service(self.app).earlier_decisions(self.meeting_id)
        form = DecisionFormScreen(self._prefill(), earlier=earlier)
        self.app.push_screen(form.drafting("live", "record_decision", self.meeting_id), done)

    def action_record_action(self) -> None:
        from coprod_meet.tui.screens.action_form import ActionFormScreen

        def done(filled: Filled | None) -> None:
            if filled is not None:
                self.do(lambda: self.live.record_action(filled.record), "The action is recorded.")

        decisions = records_service(self.app).decisions(self.meeting_id)
        latest = decisions[-1].id if decisions else ""
        form = ActionFormScreen(self._prefill(), decisions=decisions, decision_id=latest)
        self.app.push_screen(form.drafting("live", "record_action", self.meeting_id), done)

    def _after_records_screen(self, _result: object = None) -> None:
        """Those screens save through the app's one writer; catch up once their writes are done."""

        def caught_up(_r: object) -> None:
            if self.live.unsaved == 0:
                self.live.reload()
                self.refresh_view()

        self.app.save(lambda: None, on_saved=caught_up)

    def action_you_said(self) -> None:
        from coprod_meet.tui.screens.you_said import YouSaidScreen

        self.app.push_screen(YouSaidScreen(self.meeting_id), self._after_records_screen)

    def action_how_did_it_go(self, _when: str = "") -> None:
        from coprod_meet.tui.screens.evaluation import EvaluationScreen

        self.app.push_screen(EvaluationScreen(self.meeting_id), self._after_records_screen)

    def action_remote(self) -> None:
        from coprod_meet.tui.screens.hybrid import RemoteScreen

        self.app.push_screen(RemoteScreen(self))

    def action_item_note(self) -> None:
        from coprod_meet.tui.screens.item_note import ask_item_note

        ask_item_note(self)

    def action_access_needs(self) -> None:
        from coprod_meet.tui.screens.access_needs import AccessNeedsScreen

        if self.live.state.ended is None:
            self.notify("Access needs are recorded once the meeting has ended; press E to end it.", markup=False)
            return
        self.app.push_screen(AccessNeedsScreen(self.meeting_id), self._after_records_screen)

    def action_export(self, _when: str = "") -> None:
        from coprod_meet.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.meeting_id))

    # -- doing ----------------------------------------------------------------------------------

    def do(self, make: Callable[[], list[Event]], say: str = "") -> bool:
        """Run one action: show it at once, save it off the loop, say "Saved" once on disk."""
        try:
            events = make()
        except UserError as error:
            self.notify(str(error), severity="warning", markup=False)
            return False
        self.refresh_view()
        if events:
            status = self.query_one(SaveStatus)
            status.saving()
            self.app.save(self.live.save_pending, on_saved=self._saved, on_failed=self._not_saved)
        if say:
            self.notify(say, markup=False)
        return True

    def _saved(self, _written: object) -> None:
        if self.live.unsaved == 0:
            self.query_one(SaveStatus).saved(self.clock())

    def _not_saved(self, message: str) -> None:
        self.live.reload()
        self._queue_shown = None
        self.refresh_view()
        self.query_one(SaveStatus).failed(f"{message} The screen shows the meeting as it was last saved.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not hasattr(self, "live"):
            return True
        state = self.live.state
        if parameters == ("first",):  # shown before the meeting starts
            return state.started is None and state.ended is None
        if parameters == ("after",):  # shown once the meeting has ended
            return state.ended is not None
        if parameters == ("running",):  # shown while the meeting runs (Next item: not in a go-round)
            running = state.started is not None and state.ended is None
            return running and not (action == "next_item" and state.round_on)
        if action == "start":
            return state.started is None and state.ended is None
        if action in RUNNING_ACTIONS and (state.started is None or state.ended is not None):
            return False
        if action == "pass_turn":
            return state.round_on
        if action == "hand_over":
            return len(state.meeting.co_chair_ids) > 1
        return True

    def _who(self, member_id: str) -> str:
        return self.live.state.name(member_id)

    def _dialog(self) -> DialogScreen:
        """The box for this screen's small questions, built once and kept while the screen is."""
        if self._dialog_screen is None:
            self._dialog_screen = DialogScreen()
            self.app.install_screen(self._dialog_screen, f"live-dialog-{id(self)}")
        return self._dialog_screen

    def _choose(self, title: str, choices: list[tuple[str, str]] | list[Choice], then: Callable[[str], None],
                empty: str = "There is nobody to choose.", typed: str = "") -> None:
        if not any(not isinstance(c, Choice) or not c.why_not for c in choices):
            self.notify(empty, severity="warning", markup=False)
            return
        self._dialog().choose(title, choices, then, typed=typed)

    def _ask(self, title: str, prompt: str, then: Callable[[str], None], value: str = "") -> None:
        self._dialog().ask(title, prompt, then, value)

    def _numbers(self) -> dict[str, int]:
        """Each person's number for the whole meeting (their place in the attendance list)."""
        return person_numbers(self.live.state.meeting.roster)

    def _people(self, *, present_only: bool = True, waiting_why: str = "", raising: str = "") -> list[Choice]:
        """Everyone on the list with their meeting number. With ``present_only``, those not here
        are not offered, and their number or name says why; with ``waiting_why``, nor are those
        already waiting to speak (but for ``raising`` a point of process or clarification, which
        someone waiting may raise unless their place is that already)."""
        state = self.live.state
        here = set(state.present_ids)
        waiting = {q.member_id for q in state.queue if not raising or q.kind == raising} if waiting_why else set()
        people = []
        for member_id, n in self._numbers().items():
            name = self._who(member_id)
            why = ""
            if present_only and member_id not in here:
                why = f"{name} (number {n}) is not marked as here, so cannot be chosen; press T for attendance."
            elif member_id in waiting:
                why = f"{name} {waiting_why}"
            people.append(Choice(member_id, name, n, why))
        return people

    def _highlighted(self) -> str:
        options = self.query_one("#live-queue", OptionList)
        if options.highlighted is None or not options.option_count:
            return ""
        return options.get_option_at_index(options.highlighted).id or ""

    # -- actions --------------------------------------------------------------------------------

    def action_back(self, _when: str = "") -> None:
        self.app.pop_screen()  # the meeting goes on in the room: its clock too, while the app runs

    def action_start(self) -> None:
        self.do(self.live.start)

    def action_next_speaker(self) -> None:
        before = self.live.state.speaking
        if self.do(self.live.next_speaker) and self.live.state.speaking is None:
            self.notify("Nobody is waiting to speak." if before is None else
                        f"{self._who(before.member_id)} has finished. Nobody is waiting to speak.", markup=False)

    def action_add(self, kind: str) -> None:
        titles = {"normal": "Add to the queue", "process": "Point of process", "clarification":
                  "Point of clarification", "reply": "Direct reply"}
        self._add(kind, titles[kind])

    def _add(self, kind: str, title: str, typed: str = "") -> None:
        # Someone already waiting can raise a point of process or clarification: it becomes theirs.
        raising = kind if kind in ("process", "clarification") else ""
        self._choose(f"{title}: who?", self._people(waiting_why="is already waiting to speak.", raising=raising),
                     lambda m: self.do(lambda: self.live.queue_add(m, kind), f"{self._who(m)} is in the queue."),
                     "Everyone here is already waiting, or nobody is marked as here yet.", typed=typed)

    def action_add_number(self, n: int) -> None:
        """A number pressed on the screen: that person joins the queue. With 10 or more people,
        a number that could be the start of a longer one (1 could be 10 to 19) opens the
        "who?" box with it typed, so the next digit or Enter finishes it."""
        numbers = self._numbers()
        if could_grow(str(n), numbers.values()):
            self._add("normal", "Add to the queue", typed=str(n))
            return
        member_id = member_id_by_number(self.live.state.meeting.roster, str(n))
        if not member_id:
            self.notify(f"There is nobody number {n}; the numbers are beside the names on the right.",
                        severity="warning", markup=False)
            return
        self.do(lambda: self.live.queue_add(member_id), f"{self._who(member_id)} is in the queue.")

    def action_remove(self) -> None:
        member_id = self._highlighted()
        if not member_id:
            self.notify("Nobody is waiting to speak.", severity="warning", markup=False)
            return
        self.do(lambda: self.live.queue_remove(member_id), f"{self._who(member_id)} left the queue.")

    def action_move(self, by: int) -> None:
        member_id = self._highlighted()
        if not member_id:
            return
        if self.do(lambda: self.live.queue_move(member_id, by)):
            options = self.query_one("#live-queue", OptionList)
            ids = [member for member, _ in self._queue_shown or []]
            if member_id in ids:
                options.highlighted = ids.index(member_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "live-queue" and event.option.id:
            member_id = event.option.id
            self.do(lambda: self.live.give_turn(member_id))

    def action_round(self) -> None:
        if self.live.state.round_on:
            self.do(self.live.round_end, "The go-round has ended.")
        else:
            self.do(self.live.round_start, "Go-round: press N for each person in turn, P when someone passes.")

    def action_pass_turn(self) -> None:
        member_id = self.live.state.round_next
        self.do(self.live.round_pass, f"{self._who(member_id)} passed." if member_id else "")

    def action_card(self) -> None:
        colours = [("red", "Red: stop, I do not understand"), ("amber", "Amber: slow down"),
                   ("green", "Green: I want to speak"), ("clear", "Clear: put one down")]
        self._choose("Which card?", colours, self._card_colour)

    def _card_colour(self, colour: str) -> None:
        state = self.live.state
        if colour == "clear":
            cards = [(f"{c.member_id}|{c.colour}", card_in_words(state, c.member_id, c.colour, c.word))
                     for c in state.open_cards]
            self._choose("Which card goes down?", cards, self._clear_card, "No cards are up.")
            return
        waiting_why = "is already waiting to speak." if colour == "green" else ""

        def raised(member_id: str) -> None:
            if colour == "red":
                self._ask("Red card", f"Which word or idea does {self._who(member_id)} not understand? "
                          "(You can leave this empty.)",
                          lambda word: self.do(lambda: self.live.raise_card(member_id, "red", word)))
            else:
                self.do(lambda: self.live.raise_card(member_id, colour))

        self._choose(f"{colour.title()} card: whose?", self._people(waiting_why=waiting_why), raised)

    def _clear_card(self, key: str) -> None:
        member_id, colour = key.split("|", 1)
        card = next((c for c in self.live.state.open_cards if c.member_id == member_id and c.colour == colour), None)
        if card is not None and colour == "red" and card.word:
            self._ask("Words explained", f"How was '{card.word}' explained? It goes in the minutes' list "
                      "of words explained. (You can leave this empty.)",
                      lambda meaning: self.do(lambda: self.live.clear_card(member_id, colour, meaning)))
        else:
            self.do(lambda: self.live.clear_card(member_id, colour))

    def action_hand_over(self) -> None:
        if self.do(self.live.hand_over):
            self.notify(f"{self._who(self.live.state.chairing_now)} is chairing now.", markup=False)

    def _leave_item(self, move: Callable[[str], list[Event]], say: str = "") -> None:
        """Change the item; if people are waiting, ask first what happens to them."""
        try:
            events = move("")
        except PeopleWaiting as waiting:
            def chosen(choice: str) -> None:
                words = {"carry": "They wait on the next item.", "clear": "The queue is cleared.",
                         "stay": "You stay on this item; nobody left the queue."}[choice]
                if self.do(lambda: move(choice), words if choice == "stay" else f"{words} {say}".strip()):
                    self._say_waiting_before()

            self._dialog().choose("People are waiting", [(c, QUEUE_CHOICE_WORDS[c]) for c in QUEUE_CHOICES],
                                  chosen, prompt=f"{waiting} Press 1, 2 or 3.")
            return
        except UserError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        self.do(lambda: events, say)
        self._say_waiting_before()

    def _say_waiting_before(self) -> None:
        lines = [a for a in live_view(self.live.state, self.clock()).alerts if a.startswith("Waiting when")]
        if lines:
            self.notify(lines[0] + ".", markup=False)

    def action_next_item(self, _when: str = "") -> None:
        self._leave_item(self.live.next_item)

    def action_previous_item(self) -> None:
        self._leave_item(self.live.previous_item)

    def action_defer(self) -> None:
        item = self.live.state.current_item
        if item is None:
            return
        self._dialog().confirm(f"Put off '{item.title}' to the next meeting?",
                               lambda: self._leave_item(self.live.defer_item,
                                                        f"'{item.title}' is deferred to the next meeting."),
                               "It goes on the next meeting's agenda. Press Y to put it off, N to keep it here.")

    def action_add_item(self) -> None:
        def titled(title: str) -> None:
            def timed(text: str) -> None:
                try:
                    minutes = parse_duration(text) if text.strip() else 10
                except UserError as error:
                    self.notify(str(error), severity="warning", markup=False)
                    return
                self.do(lambda: self.live.add_item(title, minutes), "The item is added after this one.")

            self._ask("Add an item", "How long for it? (for example: 10 minutes)", timed, "10 minutes")

        self._ask("Add an item", "Type the title of the new item, then press Enter.", titled)

    def action_attendance(self, _when: str = "") -> None:
        from coprod_meet.tui.screens.attendance import AttendanceScreen

        state = self.live.state

        def people() -> list[tuple[str, str]]:
            return [(m.id, attendance_in_words(self.live.state, m.id)) for m in state.meeting.roster]

        def mark(member_id: str, status: str) -> bool:
            return self.do(lambda: self.live.set_attendance(member_id, status))

        def people_now() -> list[tuple[str, str]]:
            return [(m.id, attendance_in_words(self.live.state, m.id)) for m in self.live.state.meeting.roster]

        self.app.push_screen(AttendanceScreen(people_now, mark, add=self._add_person))

    def _add_person(self) -> None:
        """A member added to the group after planning, or a guest: name, voice, naming consent."""
        newcomers = self.live.members_not_listed()

        def guest(_key: str = "") -> None:
            self._ask("Add a guest", "Type the guest's name, then press Enter.", named)

        def named(name: str) -> None:
            if not name.strip():
                self.notify("Nobody was added, as no name was typed.", severity="warning", markup=False)
                return
            try:
                name = self.live.check_new_name(name)  # before the other questions
            except UserError as error:
                self.notify(str(error), severity="warning", markup=False)
                return
            voices = [(g.value, g.words.capitalize()) for g in VoiceGroup]
            self._choose(f"Whose voice does {name.strip()} bring?", voices, lambda v: voiced(name, v))

        def voiced(name: str, voice: str) -> None:
            namings = [(Naming.NOT_NAMED.value, "Not named (the usual choice)"),
                       (Naming.FIRST.value, "First name only"), (Naming.FULL.value, "Full name"),
                       (Naming.ROLE.value, "Role only")]
            self._choose("How may the public minutes name them?", namings,
                         lambda n: self.do(lambda: self.live.add_guest(name, voice, n),
                                           f"{name.strip()} is on the list. Press P if they are here."))

        if not newcomers:
            guest()
            return
        choices = [(m.id, f"{m.name}, a member of the group") for m in newcomers] + [("guest", "Someone else: a guest")]

        def picked(key: str) -> None:
            if key == "guest":
                guest()
                return
            member = next(m for m in newcomers if m.id == key)
            self.do(lambda: self.live.add_person(member), f"{member.name} is on the list. Press P if they are here.")

        self._choose("Who joins the list?", choices, picked)

    def action_roles(self) -> None:
        def role_chosen(role: str) -> None:
            self._choose(f"Who is the {ROLES[role]}?", self._people(),
                         lambda m: self.do(lambda: self.live.set_role(role, m)))

        self._choose("Which role?", [(key, words.capitalize()) for key, words in ROLES.items()], role_chosen)

    def action_contribution(self, via: str) -> None:
        if via == "written":  # a written comment may come from someone who is not here
            people = self._people(present_only=False)
            title = "Whose written comment is read out? (They need not be here.)"
        else:
            people = self._people()
            title = "A supporter speaks for whom?"
        self._choose(title, people, lambda m: self.do(lambda: self.live.give_turn(m, via=via)))

    def action_brk(self) -> None:
        if self.live.state.on_break:
            self.do(self.live.end_break, "Welcome back. The break has ended.")
        else:
            self.do(self.live.start_break, "Break started. Press B again when everyone is back.")

    def action_fair_order(self) -> None:
        on = not self.live.state.fair_order
        before = self.live.state.queue_places()
        if self.do(lambda: self.live.set_fair_order(on)):
            moved = changes_in_words(before, self.live.state.queue_places(), self._who)
            words = "Fair order is on." if on else "Fair order is off: first come, first served."
            self.notify(" ".join([words, *(f"{line}." for line in moved)]), timeout=10, markup=False)

    def action_turn_time(self) -> None:
        def answered(text: str) -> None:
            try:
                minutes = parse_duration(text) if text.strip() else 0
            except UserError as error:
                self.notify(str(error), severity="warning", markup=False)
                return
            self.do(lambda: self.live.set_turn_limit(minutes * 60),
                    f"Each turn on this item has {minutes} minutes." if minutes else "Turns on this item have no time.")

        current = self.live.state.turn_limit() // 60
        self._ask("Time for one turn", "How many minutes for one turn on this item? (0 for no limit)",
                  answered, str(current))

    def action_bell(self) -> None:
        self.bell = not self.bell
        self.notify("The bell rings once when a turn reaches its time." if self.bell else "The bell is off.",
                    markup=False)

    def action_end(self) -> None:
        def confirmed() -> None:
            if self.do(self.live.end_meeting):
                self.notify(voice_summary(self.live.state), title="The meeting has ended", timeout=20,
                            markup=False)

        self._dialog().confirm("End the meeting?", confirmed, yes="Yes, end the meeting now", no="No, carry on")
