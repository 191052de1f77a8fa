"""Line mode: decisions, actions, "you said" and "how did today go", asked step by step.

Everything is written through ``RecordsService`` (the same rules as the TUI's forms); typed
dates ("in 2 weeks") count from the meeting's day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, TypeVar

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.records import (
    COUNT_KEYS,
    COUNT_WORDS,
    Method,
    check_when,
    decision_lines,
    make_action,
    make_decision,
    parse_count,
)
from coprod_meet.plain.meeting import Cancelled, sentence
from coprod_meet.services.views import records_lines

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.plain.meeting import MeetingSession

T = TypeVar("T")
AGREED = {"yes": True, "y": True, "no": False, "n": False, "not asked": None, "": None}


def line_words(error: UserError) -> str:
    """A records rule's message said for line mode: no boxes, no screens."""
    return str(error).replace(" in the dissent box", "").replace("the dissent box", "the other view")


def ask_until(m: MeetingSession, prompt: str, check: Callable[[str], T]) -> T:
    """Ask until the answer passes ``check`` (which raises a plain UserError); say why and ask
    again on a bad answer. ``who`` lists the people and asks again. Cancelled at the end of input."""
    while True:
        answer = m.ask_optional(prompt)
        if answer.lower() == "who":
            m.cmd_who()
            continue
        try:
            return check(answer)
        except Cancelled:
            raise
        except UserError as error:
            m.say(line_words(error))
            m.say("Please try again.")


def _choose_method(m: MeetingSession) -> Method:
    methods = list(Method)
    index = m.console.choose("How was it decided", [f"{x.label}: {x.meaning}" for x in methods])
    if index is None:
        raise Cancelled
    return methods[index]


def _ask_counts(m: MeetingSession, here: int) -> dict[str, str]:
    """The vote counts, each checked as typed, then checked together against who is here."""
    while True:
        counts = {key: str(ask_until(m, f"How many {COUNT_WORDS[key]}? Type a number:",
                                     lambda t, key=key: parse_count(t, COUNT_WORDS[key])))
                  for key in COUNT_KEYS}
        total = sum(int(v) for v in counts.values())
        if int(counts["for"]) + int(counts["against"]) == 0:
            m.say("A vote needs its counts: nobody voted for or against. Please type the counts again.")
        elif here and total > here:
            m.say(f"The counts add up to {total}, but only {here} people are here. Please type the counts again.")
        else:
            return counts


def _ask_view(m: MeetingSession, why: str) -> str:
    m.say(why)
    return ask_until(m, "Type their view in a few words:", lambda t: t if t else _nothing())


def _nothing() -> str:
    raise UserError("Nothing was typed; their view is needed for the minutes.")


def cmd_decision(m: MeetingSession, _rest: str) -> None:
    prefill = m.records.prefill(m.live.meeting_id, state=m.state)
    here = len(prefill.present)
    text = m.ask_needed("What was decided? Type it in plain words:")
    method = _choose_method(m)
    counts: dict[str, str] = _ask_counts(m, here) if method is Method.VOTE else {}
    dissent = m.ask_optional("Did anyone disagree? Type their view, or press Enter if nobody did:")
    while dissent and method is Method.CONSENSUS:
        m.say("Consensus means everyone agrees. As someone disagreed, please choose another way it was decided.")
        method = _choose_method(m)
        counts = _ask_counts(m, here) if method is Method.VOTE else {}
    if not dissent and counts and int(counts["against"]):
        dissent = _ask_view(m, "Someone voted against, so the minutes need their view.")
    dissent_by: list[str] = []
    if dissent:
        dissent_by = ask_until(m, "Who disagreed? Type their numbers from who, or press Enter to skip:",
                               lambda t: [p.id for p in m.people(t)] if t else [])
    agreed = ask_until(m, "Did the members with lived experience who are here agree? Type yes, no, or not asked:",
                       _agreed)
    if agreed is False and not dissent:
        dissent = _ask_view(m, "The members with lived experience did not all agree, so the minutes need their view.")
    review = ask_until(m, "When should we look at it again? Type a date, like in 6 months, or press Enter for never:",
                       lambda t: (check_when(t, prefill.today, "review date"), t)[1])
    while True:
        try:
            decision = make_decision(prefill, text=text, method=method, counts=counts, dissent=dissent,
                                     dissent_by=dissent_by, lived_experience_agreed=agreed, review=review)
            break
        except UserError as error:  # nothing typed is thrown away: fix the one thing, keep the rest
            m.say(line_words(error))
            method = _choose_method(m)
            counts = _ask_counts(m, here) if method is Method.VOTE else {}
    m.records.save_decision(decision)
    m.after_records()
    m.say("Decision saved:")
    names = {p.id: p.name for p in m.roster()}
    for line in decision_lines(decision, names):
        m.say(f"  {line}")


def _agreed(text: str) -> bool | None:
    answer = text.strip().lower()
    if answer not in AGREED:
        raise UserError("Please answer yes, no, or not asked.")
    return AGREED[answer]


def _owner(m: MeetingSession, text: str) -> tuple[str, str]:
    """(member id, "") for a number or a name on the list, ("", organisation) for other words."""
    if not text:
        raise UserError("Please say who will do it: a number from who, or an organisation's name.")
    try:
        return m.person(text).id, ""
    except UserError:
        if text.isdigit():
            raise
        return "", text


def cmd_action(m: MeetingSession, _rest: str) -> None:
    prefill = m.records.prefill(m.live.meeting_id, state=m.state)
    text = m.ask_needed("What will be done? Type it, like ask providers for options:")
    owner_id, organisation = ask_until(
        m, "Who will do it? Type their number from who, or an organisation's name:", lambda t: _owner(m, t))
    due = ask_until(m, "When is it due? Type a date, like in 2 weeks, or press Enter for none:",
                    lambda t: (check_when(t, prefill.today, "due date"), t)[1])
    action = make_action(prefill, text=text, owner_id=owner_id, organisation=organisation, due=due)
    m.records.save_action(action)
    m.after_records()
    m.say("Action saved:")
    m.say(f"  {action.sentence(prefill.today).split(' — ')[0]}.")


def cmd_said(m: MeetingSession, _rest: str) -> None:
    member = ask_until(m, "Who said it? Type their number from who:",
                       lambda t: m.person(t) if t else _no_one())
    text = m.ask_needed("What did they say? Type it in a few words:")
    said = m.records.record_you_said(m.live.meeting_id, member_id=member.id, text=text,
                                     item_id=m.state.current_item_id)
    m.after_records()
    m.say(f"Saved: {member.name} said {said.text}.")


def _no_one():
    raise Cancelled


def cmd_evaluate(m: MeetingSession, rest: str) -> None:
    member, words = m.person_then(rest)
    if not words:
        raise UserError("Please type evaluate, a number and yes, partly, no or pass, like evaluate 4 yes.")
    heard, comment = words[0], " ".join(words[1:])
    m.records.record_evaluation(m.live.meeting_id, member.id, heard, comment)
    m.after_records()
    m.say(f"Saved how today went for {member.name}.")


def cmd_records(m: MeetingSession, _rest: str) -> None:
    meeting = m.state.meeting
    book = m.records.book_for(meeting.id)
    lines = [line for line in records_lines(meeting, book, today=m.now().date()) if line]
    if not lines:
        m.say("No decisions or actions yet.")
    for line in lines:
        m.say(line)
    summary = m.records.evaluation_summary(meeting.id)
    m.say("How did today go:")
    for line in summary.sentences():
        m.say(f"  {sentence(line)}")
