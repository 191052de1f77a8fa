"""Line mode: decisions, actions, "you said" and "how did today go", asked step by step.

Everything is written through ``RecordsService`` (the same rules as the TUI's forms); typed
dates ("in 2 weeks") count from the meeting's day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.records import COUNT_KEYS, COUNT_WORDS, Method, decision_lines, make_action, make_decision
from coprod_meet.plain.meeting import Cancelled, sentence
from coprod_meet.services.views import records_lines

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.plain.meeting import MeetingSession

AGREED = {"yes": True, "y": True, "no": False, "n": False, "not asked": None, "": None}


def cmd_decision(m: MeetingSession, _rest: str) -> None:
    prefill = m.records.prefill(m.live.meeting_id, state=m.state)
    text = m.ask_needed("What was decided? Type it in plain words:")
    methods = list(Method)
    index = m.console.choose("How was it decided", [f"{x.label}: {x.meaning}" for x in methods])
    if index is None:
        raise Cancelled
    method = methods[index]
    counts: dict[str, str] = {}
    if method is Method.VOTE:
        for key in COUNT_KEYS:
            counts[key] = m.ask_optional(f"How many {COUNT_WORDS[key]}? Type a number:")
    dissent = m.ask_optional("Did anyone disagree? Type their view, or press Enter if nobody did:")
    dissent_by: list[str] = []
    if dissent:
        who = m.ask_optional("Who disagreed? Type their numbers from who, or press Enter to skip:")
        dissent_by = [p.id for p in m.people(who)] if who else []
    answer = m.ask_optional("Did the members with lived experience who are here agree? "
                            "Type yes, no, or not asked:").lower()
    if answer not in AGREED:
        raise UserError("Please answer yes, no, or not asked. Type decision to start again.")
    review = m.ask_optional("When should we look at it again? Type a date, like in 6 months, "
                            "or press Enter for never:")
    decision = make_decision(prefill, text=text, method=method, counts=counts, dissent=dissent,
                             dissent_by=dissent_by, lived_experience_agreed=AGREED[answer], review=review)
    m.records.save_decision(decision)
    m.after_records()
    m.say("Decision saved:")
    names = {p.id: p.name for p in m.roster()}
    for line in decision_lines(decision, names):
        m.say(f"  {line}")


def cmd_action(m: MeetingSession, _rest: str) -> None:
    prefill = m.records.prefill(m.live.meeting_id, state=m.state)
    text = m.ask_needed("What will be done? Type it, like ask providers for options:")
    owner = m.ask_needed("Who will do it? Type their number from who, or an organisation's name:")
    owner_id, organisation = "", ""
    try:
        owner_id = m.person(owner).id
    except UserError:
        if owner.isdigit():
            raise
        organisation = owner
    due = m.ask_optional("When is it due? Type a date, like in 2 weeks, or press Enter for none:")
    action = make_action(prefill, text=text, owner_id=owner_id, organisation=organisation, due=due)
    m.records.save_action(action)
    m.after_records()
    m.say("Action saved:")
    m.say(f"  {action.sentence(prefill.today).split(' — ')[0]}.")


def cmd_said(m: MeetingSession, _rest: str) -> None:
    who = m.ask_needed("Who said it? Type their number from who:")
    member = m.person(who)
    text = m.ask_needed("What did they say? Type it in a few words:")
    said = m.records.record_you_said(m.live.meeting_id, member_id=member.id, text=text,
                                     item_id=m.state.current_item_id)
    m.after_records()
    m.say(f"Saved: {member.name} said {said.text}.")


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
