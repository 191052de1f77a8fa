"""People online and on the phone, during a meeting (J on the meeting screen).

Everyone here, with the numbers of the meeting screen and how they join. A number (or Enter)
puts up the hand of someone online or on the phone, so J then a number queues a remote hand.
O, P and R say how the chosen person joins; K records a card they showed or typed in the chat.
Hands and cards are recorded by the remote buddy (or the co-chair chairing now); W changes who.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from coprod_meet.domain.hybrid import JOINS_WORDS
from coprod_meet.domain.model import ROLE_WORDS
from coprod_meet.domain.numbering import number_width, person_numbers
from coprod_meet.services import hybrid
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.words import Words

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.tui.screens.live import LiveScreen


class RemoteScreen(ModalScreen[None]):
    """How each person here joins, and hands and cards from the chat."""

    BINDINGS = [
        Binding("o", "joins('online')", "Online", id="remote.online"),
        Binding("p", "joins('phone')", "On the phone", id="remote.phone"),
        Binding("r", "joins('room')", "In the room", id="remote.room"),
        Binding("k", "card", "Card from the chat", id="remote.card"),
        Binding("w", "recorder", "Who records", id="remote.recorder"),
        Binding("escape", "close", "Done", id="remote.done"),
    ]
    HELP = ("Everyone here, with their numbers from the meeting screen and how they join. "
            "Press the number of someone online or on the phone to put their hand up: "
            "it joins the queue as if they were in the room. "
            "Move to a person with the arrows, then press O if they join online, P on the phone, "
            "or R in the room. Press K to record a card they showed or typed in the chat. "
            "The queue and the minutes say who recorded a hand or card: the remote buddy, "
            "or the co-chair chairing now. Press W to change who. Press Escape when you are done.")

    def __init__(self, screen: LiveScreen) -> None:
        super().__init__()
        self.owner = screen
        self.by_id = hybrid.default_recorder(screen.live.state)

    def compose(self) -> ComposeResult:
        with Vertical(id="remote-box"):
            yield Words("People online and on the phone", id="remote-title", bold=True)
            yield Words("A number puts up that person's hand. O online, P phone, R room, K card, "
                        "W who records. Escape when done.", id="remote-keys")
            yield Words(id="remote-by")
            yield OptionList(id="remote-list")
        yield Footer()

    def on_mount(self) -> None:
        self._fill(0)
        self.query_one(OptionList).focus()

    @property
    def state(self):
        return self.owner.live.state

    def _fill(self, highlighted: int) -> None:
        state = self.state
        role = ROLE_WORDS["remote_buddy"].lower() if state.roles.get("remote_buddy") == self.by_id else "co-chair"
        self.query_one("#remote-by", Words).show(f"Recording as: {state.name(self.by_id)} ({role}).")
        options = self.query_one(OptionList)
        options.clear_options()
        numbers = person_numbers(state.meeting.roster)  # the meeting screen's numbers, for the whole meeting
        width = number_width(max(numbers.values(), default=1))
        for member_id in state.present_ids:
            number = f"{numbers.get(member_id, 0):>{width}}."
            mode = JOINS_WORDS[state.joins_now(member_id)]
            waiting = ", waiting to speak" if state.in_queue(member_id) else ""
            options.add_option(Option(Text(f"{number} {state.name(member_id)}: {mode}{waiting}"), id=member_id))
        if options.option_count:
            options.highlighted = min(highlighted, options.option_count - 1)
        elif not state.present_ids:
            self.query_one("#remote-by", Words).show("Nobody is marked as here yet; take attendance first (T).")

    def _chosen(self) -> str:
        options = self.query_one(OptionList)
        if options.highlighted is None or not options.option_count:
            return ""
        return options.get_option_at_index(options.highlighted).id or ""

    def on_key(self, event) -> None:
        """A person's meeting number puts up their hand. The digit goes to the one "who?" box with
        the meeting's numbers, which waits for a second digit when one could follow (1 for 10)
        and says why someone not here cannot be chosen."""
        char = event.character or ""
        if char.isdigit():
            event.stop()
            self.owner._choose("Whose hand goes up?", self.owner._people(),
                               lambda m: self.call_later(self._hand, m), typed=char)  # once the box is gone

    def _hand(self, member_id: str) -> None:
        name = self.state.name(member_id)
        by = self.state.name(self.by_id)
        if self.owner.do(lambda: hybrid.remote_hand(self.owner.live, member_id, by_id=self.by_id),
                         f"{name}'s hand is up, recorded by {by} from the call."):
            self.dismiss(None)

    def action_joins(self, joins: str) -> None:
        member_id = self._chosen()
        if not member_id:
            return
        index = self.query_one(OptionList).highlighted or 0
        name = self.state.name(member_id)
        if self.owner.do(lambda: hybrid.set_joins(self.owner.live, member_id, joins),
                         f"{name} joins {JOINS_WORDS[joins]}."):
            self._fill(index)

    def action_card(self) -> None:
        member_id = self._chosen()
        if not member_id:
            return
        live, by_id = self.owner.live, self.by_id
        name = self.state.name(member_id)
        colours = [("red", "Red: stop, I do not understand"), ("amber", "Amber: slow down"),
                   ("green", "Green: I want to speak")]

        def raised(colour: str) -> None:
            if colour == "red":
                self.owner._ask("Red card from the chat", f"Which word or idea does {name} not understand? "
                                "(You can leave this empty.)",
                                lambda word: self.owner.do(lambda: hybrid.remote_card(live, member_id, "red", word,
                                                                                      by_id)))
            else:
                self.owner.do(lambda: hybrid.remote_card(live, member_id, colour, by_id=by_id))

        self.owner._choose(f"Card from the chat: {name}", colours, raised)

    def action_recorder(self) -> None:
        people = hybrid.recorders(self.state)
        if not people:
            self.notify("This meeting has no co-chairs or remote buddy to record hands and cards.",
                        severity="warning", markup=False)
            return
        here = people.index(self.by_id) if self.by_id in people else -1
        self.by_id = people[(here + 1) % len(people)]
        self._fill(self.query_one(OptionList).highlighted or 0)

    def action_close(self) -> None:
        self.dismiss(None)
