"""What the room sees: a calm, large-text summary of a running meeting for a projector or a call.

Only what everyone may see: the item, who is speaking, who is next, cards up and a break. No
reasons for places in the queue, no timers and no shares of say (those are for the co-chairs).
One pure function of the state, shared by the room screen and its line mode, so both say the same.

``name`` says how to name a person: the name the group uses, or the public copy's name (see
``services/room.py``), so consent is kept by the same rule as the public minutes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from coprod_meet.domain.live_view import card_sentence
from coprod_meet.domain.model import join_words
from coprod_meet.domain.queue import KIND_WORDS
from coprod_meet.domain.state import MeetingState

# How many people "next" names after the first: more would not fit a projector at a big size.
THEN_SHOWN = 4


@dataclass(frozen=True)
class RoomView:
    """The room's lines, each a plain sentence ("" when there is nothing to say)."""

    title: str
    status: str = ""  # "The meeting has not started yet." / "The meeting has ended." / ""
    item: str = ""  # "Item 5 of 8: Carers' breaks"
    speaking: str = ""  # "Speaking now: Priya (online)" / "Nobody is speaking."
    next_up: str = ""  # "Next: Tom. Then: Jo and Mary."
    cards: list[str] = field(default_factory=list)  # "RED card: Sam does not understand 'respite'."
    on_break: str = ""  # "We are on a break."

    def lines(self) -> list[str]:
        """Every line worth saying, in the order they are shown."""
        parts = [self.status, self.item, self.on_break, self.speaking, self.next_up, *self.cards]
        return [p for p in parts if p]

    def changes(self, before: RoomView | None) -> list[str]:
        """The lines that say what changed since ``before`` (all lines when there was none).

        A part that became empty says so in words, so a listener is never left with old news.
        """
        if before is None:
            return [self.title, *self.lines()]
        if self.status:  # not started or ended: that is all there is to say
            return [self.status] if self.status != before.status else []
        said: list[str] = []
        for part in ("status", "item", "on_break", "speaking", "next_up"):
            old, new = getattr(before, part), getattr(self, part)
            if new == old:
                continue
            if new:
                said.append(new)
            elif part == "on_break":
                said.append("The break is over.")
            elif part == "next_up":
                said.append("Nobody is waiting to speak.")
        said += [c for c in self.cards if c not in before.cards]
        # "RED card: Sam ..." -> "RED card down: Sam ..." (the prefix is ours, before any typed word)
        said += [c.replace(" card: ", " card down: ", 1) for c in before.cards if c not in self.cards]
        return said


def _item_line(state: MeetingState) -> str:
    item = state.current_item
    if item is None:
        return "No agenda item is open."
    open_items = [i for i in state.agenda if i.id not in state.deferred or i.id == item.id]
    number = next((n for n, i in enumerate(open_items, start=1) if i.id == item.id), 0)
    return f"Item {number} of {len(open_items)}: {item.title}"


def _speaking_line(state: MeetingState, name: Callable[[str], str]) -> str:
    turn = state.speaking
    if turn is None:
        return "Nobody is speaking."
    who = name(turn.member_id)
    if turn.via == "written":
        return f"Now: {who}'s written comment, read out."
    if turn.via == "supporter":
        return f"Now: a supporter speaks for {who}."
    return f"Speaking now: {who}."


def _next_line(state: MeetingState, name: Callable[[str], str]) -> str:
    if state.round_on:
        nxt = state.round_next
        return f"Go-round: {name(nxt)} is next." if nxt else "Go-round: everyone has had their go."
    places = state.queue_places()
    if not places:
        return ""
    first = places[0]
    kind = f" ({KIND_WORDS[first.kind]})" if first.kind != "normal" else ""
    text = f"Next: {name(first.member_id)}{kind}."
    then = [name(p.member_id) for p in places[1:1 + THEN_SHOWN]]
    more = len(places) - 1 - len(then)
    if more:
        then.append(f"{more} more")
    if then:
        text += f" Then: {join_words(then)}."
    return text


def room_view(state: MeetingState, name: Callable[[str], str] | None = None) -> RoomView:
    """The room's view of the meeting as it stands."""
    name = name or state.name
    title = state.meeting.title
    if state.ended is not None:
        return RoomView(title=title, status="The meeting has ended. Thank you for coming.")
    if state.started is None:
        return RoomView(title=title, status="The meeting has not started yet.")
    cards = [card_sentence(name(c.member_id), c.colour, c.word) + "." for c in state.open_cards]
    if state.on_break:
        return RoomView(title=title, item=_item_line(state), on_break="We are on a break.",
                        next_up=_next_line(state, name), cards=cards)
    return RoomView(
        title=title,
        item=_item_line(state),
        speaking=_speaking_line(state, name),
        next_up=_next_line(state, name),
        cards=cards,
    )
