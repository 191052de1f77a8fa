"""Meetings described in plain lines of text, for any front end (TUI views, line mode)."""

from __future__ import annotations

from coprod_meet.domain import events as ev
from coprod_meet.domain.dates import minutes_in_words, when_in_words
from coprod_meet.domain.model import Event, Meeting, join_words
from coprod_meet.domain.records import actions_from, decisions_from


def describe_meeting(meeting: Meeting, events: list[Event]) -> str:
    """The meeting in plain lines of text (user text included as-is; shown without markup)."""
    name = {m.id: m.name for m in meeting.roster}
    lines = [meeting.title, f"{meeting.group_name}", f"When: {when_in_words(meeting.start)}, "
             f"planned for {minutes_in_words(meeting.planned_minutes)}."]
    where = [w for w in (meeting.place, meeting.online_link) if w]
    if where:
        lines.append(f"Where: {' and '.join(where)}")
    chairs = [name.get(c, "someone who has left the group") for c in meeting.co_chair_ids]
    lines.append(f"Co-chairs: {join_words(chairs) or 'not chosen yet'}")
    lines += ["", "Agenda:"]
    for n, item in enumerate(meeting.agenda, start=1):
        lead = name.get(item.lead_id, "")
        led = f", led by {lead}" if lead else ""
        lines.append(f"  {n}. {item.title} ({minutes_in_words(item.minutes)}{led})")
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
    decisions = decisions_from(events)
    if decisions:
        lines += ["", "Decisions:"]
        lines += [f"  - {d.text}" for d in decisions]
    actions = actions_from(events)
    if actions:
        lines += ["", "Actions:"]
        lines += [f"  - {a.owner or 'Someone'}: {a.text}" + (f" (due {a.due})" if a.due else "") for a in actions]
    notes = [e for e in events if e.type == ev.NOTE]
    if notes:
        lines += ["", "Private notes (never in the minutes):"]
        lines += [f"  - {e.data.get('text', '')}" for e in notes]
    lines += ["", f"{len(events)} things were recorded during this meeting."]
    return "\n".join(lines)
