"""Meetings described in plain lines of text, for any front end (TUI views, line mode)."""

from __future__ import annotations

from datetime import date

from coprod_meet.domain import events as ev
from coprod_meet.domain.chairing import leads_in_words
from coprod_meet.domain.dates import minutes_in_words, time_in_words, when_in_words
from coprod_meet.domain.evaluation import summarise
from coprod_meet.domain.model import Event, Meeting, join_words
from coprod_meet.domain.records import Action, RecordBook, YouSaid, decision_lines
from coprod_meet.domain.state import MeetingState


def describe_meeting(meeting: Meeting, events: list[Event], *, book: RecordBook | None = None,
                     you_said: list[YouSaid] | None = None, arising: list[Action] | None = None,
                     today: date | None = None) -> str:
    """The meeting in plain lines of text (user text included as-is; shown without markup).

    ``book`` holds the group's records (so a correction made at a later meeting shows); by
    default the meeting's own events are used. ``you_said`` is what to show under "you said,
    we did" and ``arising`` the open actions of earlier meetings; ``today`` is the day lateness
    is counted to.
    """
    name = {m.id: m.name for m in meeting.roster}
    lines = [meeting.title, f"{meeting.group_name}", f"When: {when_in_words(meeting.start)}, "
             f"planned for {minutes_in_words(meeting.planned_minutes)}."]
    where = [w for w in (meeting.place, meeting.online_link) if w]
    if where:
        lines.append(f"Where: {' and '.join(where)}")
    chairs = [name.get(c, "someone who has left the group") for c in meeting.co_chair_ids]
    lines.append(f"Co-chairs: {join_words(chairs) or 'not chosen yet'}")
    lines += ["", "Agenda:"]
    state = MeetingState.replay(meeting, events)
    for n, item in enumerate(meeting.agenda, start=1):
        lead = name.get(item.lead_id, "")
        led = f", led by {lead}" if lead else ""
        lines.append(f"  {n}. {item.title} ({minutes_in_words(item.minutes)}{led})")
        chairs = [c.member_id for c in state.chairs_of(item.id)]
        if chairs and chairs != [item.lead_id]:  # who really chaired it, when not as planned
            lines.append(f"     {leads_in_words(state, item.id)}")
    if state.happenings:
        lines += ["", "What happened to the queue and the chair:"]
        lines += [f"  {time_in_words(at)}: {words}." for at, words in state.happenings]
    status: dict[str, str] = {}
    for e in events:
        if e.type == ev.ATTENDANCE:
            status[e.data.get("member_id", "")] = e.data.get("status", "")
    if status:
        came = [name[m] for m, s in status.items() if s in ("present", "late", "left") and m in name]
        sorry = [name[m] for m, s in status.items() if s == "apologies" and m in name]
        lines += ["", f"Came: {join_words(came) or 'nobody recorded'}"]
        if sorry:
            lines.append(f"Apologies: {join_words(sorry)}")
    book = book or RecordBook.fold(events)
    lines += records_lines(meeting, book, today=today or meeting.start.date(), you_said=you_said, arising=arising)
    lines += evaluation_lines(meeting, events)
    notes = [e for e in events if e.type == ev.NOTE]
    if notes:
        lines += ["", "Private notes (never in the minutes):"]
        lines += [f"  - {e.data.get('text', '')}" for e in notes]
    lines += ["", f"{len(events)} things were recorded during this meeting."]
    return "\n".join(lines)


def records_lines(meeting: Meeting, book: RecordBook, *, today: date, you_said: list[YouSaid] | None = None,
                  arising: list[Action] | None = None) -> list[str]:
    """Matters arising, decisions, actions and "you said, we did" of one meeting, in plain lines."""
    name = {m.id: m.name for m in meeting.roster}
    texts = {d.id: d.text for d in book.decisions.values()}
    lines: list[str] = []
    if arising:
        lines += ["", "Matters arising (actions still open from earlier meetings):"]
        lines += [f"  - {a.sentence(today)}" for a in arising]
    decisions = book.decisions_of(meeting.id)
    if decisions:
        lines += ["", "Decisions:"]
        for n, d in enumerate(decisions, start=1):
            body = decision_lines(d, name, texts)
            lines.append(f"  {n}. {d.item_title + ': ' if d.item_title else ''}{body[0]}")
            lines += [f"     {line}" for line in body[1:]]
            lines += [f"     Corrected. {c.in_words()}" for c in d.history]
    actions = book.actions_of(meeting.id)
    if actions:
        lines += ["", "Actions:"]
        for n, a in enumerate(actions, start=1):
            lines.append(f"  {n}. {a.sentence(today)}")
            lines += [f"     Corrected. {c.in_words()}" for c in a.history]
    shown = you_said if you_said is not None else []
    heard_here = [y for y in book.you_said.values() if y.meeting_id == meeting.id and y not in shown]
    for title, group in (("You said, we did (from earlier meetings):", shown),
                         ("You said (heard at this meeting):", heard_here)):
        if group:
            lines += ["", title]
            for y in group:
                who = name.get(y.member_id, "") or y.raised_by or "Someone"
                lines.append(f"  - {who} said: {y.text} ({y.state.words})")
                lines += [f"     We did: {texts[i]}" for i in y.decision_ids if i in texts]
    return lines


def evaluation_lines(meeting: Meeting, events: list[Event]) -> list[str]:
    """ "How did today go?" in words, or nothing when nobody has answered."""
    state = MeetingState.replay(meeting, events)
    if not state.evaluations:
        return []
    return ["", "How did today go?"] + [f"  {line}" for line in summarise(state).sentences()]
