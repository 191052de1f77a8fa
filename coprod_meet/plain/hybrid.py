"""Line mode for hybrid meetings: how each person joins, and hands and cards from the chat.

    joins 9 online      Kit joins online (or phone, or room)
    hand 9              Kit's hand is up in the call: Kit joins the queue
    chatcard 6 amber    Ade showed an amber card on the phone or typed one in the chat
    recorder 7          Mary records hands and cards from now on (a co-chair or the remote buddy)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.hybrid import JOINS_WORDS
from coprod_meet.domain.live_view import card_in_words
from coprod_meet.domain.queue import KIND_WORDS
from coprod_meet.services import hybrid

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.plain.meeting import MeetingSession
    from coprod_meet.plain.session import Command

JOINS_TYPED = {"online": "online", "phone": "phone", "room": "room"}


class HybridCommands:
    """The hybrid commands of one meeting session; ``by_id`` is who records from the chat."""

    def __init__(self, meeting: MeetingSession) -> None:
        self.m = meeting
        self.by_id = ""

    def commands(self) -> list[Command]:
        from coprod_meet.plain.session import Command

        return [
            Command("joins", "Say how someone joins: joins 9 online, joins 9 phone, or joins 9 room.", self.cmd_joins),
            Command("hand", "Someone online has their hand up: hand 9. Add clarification, process or reply "
                            "for a special point.", self.cmd_hand),
            Command("chatcard", "A card from someone online: chatcard 6 amber, chatcard 9 red respite.",
                    self.cmd_card),
            Command("recorder", "Who records hands and cards from the chat: recorder 7. "
                                "A co-chair or the remote buddy.", self.cmd_recorder),
        ]

    @property
    def recorder(self) -> str:
        return self.by_id or hybrid.default_recorder(self.m.state)

    def _by(self) -> str:
        return f"recorded by {self.m.state.name(self.recorder)}"

    def cmd_joins(self, rest: str) -> None:
        who, more = self.m.person_then(rest)
        word = more[0].lower() if more else ""
        if word not in JOINS_TYPED:
            raise UserError("Please type joins, a number and online, phone or room, like joins 9 online.")
        hybrid.set_joins(self.m.live, who.id, JOINS_TYPED[word])
        self.m.say(f"{who.name} joins {JOINS_WORDS[JOINS_TYPED[word]]}.")

    def cmd_hand(self, rest: str) -> None:
        from coprod_meet.plain.meeting import QUEUE_KINDS

        who, more = self.m.person_then(rest)
        word = more[0].lower() if more else "speak"
        if word not in QUEUE_KINDS:
            raise UserError("After the number, type process, clarification or reply, or nothing to speak.")
        kind = QUEUE_KINDS[word]
        hybrid.remote_hand(self.m.live, who.id, kind, self.recorder)
        what = "is waiting to speak" if kind == "normal" else f"is waiting with {KIND_WORDS[kind]}"
        self.m.say(f"{who.name} {what}, {self._by()}.")
        self.m.say_queue()

    def cmd_card(self, rest: str) -> None:
        who, more = self.m.person_then(rest)
        colour = more[0].lower() if more else ""
        if colour not in ("red", "amber", "green"):
            raise UserError("Please type chatcard, a number and a colour: red, amber or green.")
        word = " ".join(more[1:]).strip()
        hybrid.remote_card(self.m.live, who.id, colour, word, self.recorder)
        if colour == "green":
            self.m.say(f"{who.name} would like to speak, and is in the queue, {self._by()}.")
            return
        self.m.say(f"{card_in_words(self.m.state, who.id, colour, word)}, {self._by()}.")

    def cmd_recorder(self, rest: str) -> None:
        who = self.m.person(rest)
        if who.id not in hybrid.recorders(self.m.state):
            raise UserError(f"{who.name} is not a co-chair or the remote buddy; choose one of them, "
                            "or make them the remote buddy with role.")
        self.by_id = who.id
        self.m.say(f"{who.name} records hands and cards from the chat.")
