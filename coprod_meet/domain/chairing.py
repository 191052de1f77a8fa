"""Who chairs, in words: now (for the meeting screen and line mode) and for each item (for the
minutes and the read view). One source, the chair spells the state folds from the events, so
the screen, the read view and the minutes always agree.
"""

from __future__ import annotations

from typing import Callable

from coprod_meet.domain.dates import time_in_words
from coprod_meet.domain.state import MeetingState


def item_number(state: MeetingState, item_id: str) -> int:
    """The item's number as the co-chairs see it: deferred items (but the one open) not counted."""
    open_items = [i for i in state.agenda if i.id not in state.deferred or i.id == state.current_item_id]
    return next((n for n, i in enumerate(open_items, start=1) if i.id == item_id), 0)


def _next_planned(state: MeetingState) -> tuple[int, str]:
    """The next open item after the current one that has a planned lead: (its number, lead id)."""
    ids = [i.id for i in state.agenda]
    here = ids.index(state.current_item_id) if state.current_item_id in ids else -1
    for item in state.agenda[here + 1:]:
        lead = state.planned_leads.get(item.id, "")
        if item.id not in state.deferred and lead:
            return item_number(state, item.id), lead
    return 0, ""


def chairing_in_words(state: MeetingState) -> str:
    """ "Chairing now: Ade, who leads item 3 as planned", "Chairing now: Jo, handed over by Hayley
    at 2:40pm, until handed back or Hayley leads item 5 as planned"."""
    if not state.meeting.co_chair_ids:
        return "No co-chairs chosen"
    who = state.chairing_now
    name = state.name(who)
    spell = state.chair_spell
    if spell is None or state.ended is not None:
        return f"Chairing now: {name}" if state.ended is None else f"Chaired last: {name}"
    number = item_number(state, spell.item_id)
    if spell.how == "planned":
        return f"Chairing now: {name}, who leads item {number} as planned"
    if spell.how == "handover":
        text = f"Chairing now: {name}, handed over by {state.name(spell.by_id)} at {time_in_words(spell.start)}"
        after, lead = _next_planned(state)
        if after and lead != who:
            return f"{text}, until handed back or {state.name(lead)} leads item {after} as planned"
        return f"{text}, until handed back"
    if spell.how == "carried":
        return f"Chairing now: {name}, carrying on, as item {number} has no planned lead"
    return f"Chairing now: {name}"


def leads_in_words(state: MeetingState, item_id: str, who: Callable[[str], str] | None = None,
                   later: Callable[[str], str] | None = None) -> str:
    """Who led an item, hand-overs included: "Gwen led this item; Ade took over at 2:40pm."

    ``who`` gives the words for a person starting the sentence and ``later`` within it (the
    minutes pass their naming rule: "A carer led this item; a professional took over"); ""
    when nobody known led it. An item never opened says who was to lead it.
    """
    who = who or state.name
    later = later or who
    spells = [s for s in state.chairs_of(item_id) if state.person(s.member_id) is not None]
    if not spells:
        lead = state.lead_of(item_id)
        return f"{who(lead)} was to lead this item." if state.person(lead) is not None else ""
    parts = [f"{who(spells[0].member_id)} led this item"]
    for spell in spells[1:]:
        parts.append(f"{later(spell.member_id)} took over at {time_in_words(spell.start)}")
    return "; ".join(parts) + "."
