"""Were members' access needs met? Recorded by the co-chairs at the end of a meeting.

For each member who came and has a need (easy read papers, a BSL interpreter, ...) the co-chairs
say yes, partly or no, with a note. Each answer is an event in the meeting's log
(``access_need_met``: {member_id, need, met, note}); the latest answer for a member's need
counts. Paper needs (easy read, large print) start from the plan: were the papers sent on time?

The minutes never read these events (they are about people's health and needs). Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable

from coprod_meet.domain.dates import date_in_words, days_between_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import AccessNeed, Event, Meeting, Member, join_words
from coprod_meet.domain.text import clean_short

ACCESS_MET = "access_need_met"  # {member_id, need: an AccessNeed value or "other", met, note}
PAPERS_SENT = "access_papers_sent"  # {member_id, need: easy_read|large_print, sent: ISO date} — in the plan
OTHER = "other"  # a need written in the member's own words (their access note)
MET_ANSWERS = ("yes", "partly", "no")
MET_WORDS = {"yes": "met", "partly": "partly met", "no": "not met"}
PLAN_WORDS = {"yes": "papers on time", "partly": "some papers late", "no": "papers late"}  # short, for a table
PAPER_NEEDS = (AccessNeed.EASY_READ, AccessNeed.LARGE_PRINT)

# "Easy read papers were on time for 9 of 11 meetings."
MET_SENTENCE = {
    AccessNeed.EASY_READ.value: "Easy read papers were on time",
    AccessNeed.LARGE_PRINT.value: "Large print papers were on time",
    AccessNeed.BSL.value: "A BSL interpreter was there",
    AccessNeed.INTERPRETER.value: "An interpreter was there",
    AccessNeed.HEARING_LOOP.value: "The hearing loop worked",
    AccessNeed.EXTRA_TIME.value: "Extra time was given",
    AccessNeed.BREAKS.value: "Regular breaks were given",
    OTHER: "Members' other needs were met",
}


def need_words(need: str) -> str:
    return AccessNeed(need).words if need in AccessNeed._value2member_map_ else "their other needs"


def needs_of(member: Member) -> list[str]:
    """A member's needs as keys: each AccessNeed value, and "other" for their own words."""
    out = [n.value for n in member.access_needs]
    if member.access_notes:
        out.append(OTHER)
    return out


@dataclass(frozen=True)
class NeedCheck:
    """One member's one need at one meeting, and what the co-chairs said about it."""

    member_id: str
    name: str
    need: str
    met: str = ""  # yes | partly | no, "" when not recorded yet
    note: str = ""
    suggested: str = ""  # from the plan, for paper needs
    why: str = ""  # why it was suggested, in words

    def need_in_words(self) -> str:
        return need_words(self.need)

    def sentence(self) -> str:
        """ "Sam, large print papers: partly met. They came the day before." """
        what = f"{self.name}, {self.need_in_words()}"
        if not self.met:
            return f"{what}: not recorded yet." + (f" {self.why}" if self.why else "")
        note = self.note[:1].upper() + self.note[1:] if self.note else ""
        if note and note[-1] not in ".!?":
            note += "."
        return f"{what}: {MET_WORDS[self.met]}." + (f" {note}" if note else "")


def record(member_id: str, need: str, met: str, note: str = "", *, at: datetime | None = None) -> Event:
    """The event that keeps one answer."""
    from coprod_meet.domain.events import event

    if met not in MET_ANSWERS:
        raise UserError("Please answer yes, partly or no.")
    if need not in AccessNeed._value2member_map_ and need != OTHER:
        raise UserError("That is not an access need this member has; please choose from the list.")
    return event(ACCESS_MET, at=at, member_id=member_id, need=need, met=met, note=clean_short(note, "note"))


def answers(events: Iterable[Event]) -> dict[tuple[str, str], tuple[str, str]]:
    """(member id, need) -> (met, note), the latest answer for each."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for e in sorted(events, key=lambda e: e.sort_key):
        if e.type == ACCESS_MET and e.data.get("met") in MET_ANSWERS:
            out[(str(e.data.get("member_id", "")), str(e.data.get("need", "")))] = (
                e.data["met"], str(e.data.get("note", "")))
    return out


def papers_sent_record(member_id: str, need: str, sent: date, *, at: datetime | None = None) -> Event:
    """The event that keeps, in the plan, the day a member's papers in their format went out."""
    from coprod_meet.domain.events import event

    if need not in {n.value for n in PAPER_NEEDS}:
        raise UserError("Only easy read and large print papers are sent in a member's format.")
    return event(PAPERS_SENT, at=at, member_id=member_id, need=need, sent=sent.isoformat())


def papers_sent(events: Iterable[Event]) -> dict[tuple[str, str], date]:
    """(member id, need) -> the day their papers in that format went out (the latest record)."""
    out: dict[tuple[str, str], date] = {}
    for e in sorted(events, key=lambda e: e.sort_key):
        if e.type == PAPERS_SENT:
            try:
                out[(str(e.data.get("member_id", "")), str(e.data.get("need", "")))] = date.fromisoformat(
                    str(e.data.get("sent", "")))
            except ValueError:
                continue
    return out


def member_papers_on_time(meeting: Meeting, sent: date, need: str) -> tuple[str, str]:
    """("yes" | "no", why) for one member's papers in their format, sent on ``sent``."""
    days = meeting.settings.papers_days
    before = (meeting.start.date() - sent).days
    answer = "yes" if before >= days else "no"
    return answer, (f"The {need_words(need)} went out on {date_in_words(sent)}, "
                    f"{days_between_in_words(sent, meeting.start)} (the group asks for {days} days before).")


def papers_on_time(meeting: Meeting) -> tuple[str, str]:
    """From the plan: ("yes" | "partly" | "no" | "", why in words) for papers sent before the meeting."""
    papers = [p for i in meeting.agenda for p in i.papers]
    if not papers:
        return "", "The plan has no papers."
    days = meeting.settings.papers_days
    day = meeting.start.date()
    on_time = late = not_sent = 0
    for p in papers:
        try:
            sent = date.fromisoformat(p.sent) if p.sent else None
        except ValueError:
            sent = None
        if sent is None:
            not_sent += 1
        elif (day - sent).days >= days:
            on_time += 1
        else:
            late += 1
    said = [f"{on_time} on time" if on_time else "", f"{late} too late" if late else "",
            f"{not_sent} not marked as sent" if not_sent else ""]
    why = (f"The plan says the papers went out: {join_words([s for s in said if s])} "
           f"(the group asks for {days} days before).")
    if on_time == len(papers):
        return "yes", why
    return ("partly" if on_time else "no"), why


def checks(meeting: Meeting, events: list[Event], came: Iterable[str]) -> list[NeedCheck]:
    """One line for each need of each member who came, with any answer already given."""
    given = answers(events)
    sent = papers_sent(events)
    came = set(came)
    paper_answer, paper_why = papers_on_time(meeting)
    out = []
    for m in meeting.roster:
        if m.id not in came:
            continue
        for need in needs_of(m):
            met, note = given.get((m.id, need), ("", ""))
            suggested = why = ""
            if need in {n.value for n in PAPER_NEEDS}:
                own = sent.get((m.id, need))
                suggested, why = member_papers_on_time(meeting, own, need) if own else (paper_answer, paper_why)
            out.append(NeedCheck(m.id, m.name, need, met, note, suggested, why))
    return out


def paper_needs(meeting: Meeting, events: list[Event]) -> list[tuple[Member, str, date | None]]:
    """For the plan: each member on the roster with a paper need, and when their papers went out."""
    sent = papers_sent(events)
    return [(m, n.value, sent.get((m.id, n.value))) for m in meeting.roster if not m.archived
            for n in m.access_needs if n in PAPER_NEEDS]


def meeting_result(found: list[NeedCheck]) -> dict[str, str]:
    """Need -> how it went at one meeting for everyone who had it: yes (all met), no (none met),
    partly; "" when some were not recorded and none answered."""
    by_need: dict[str, list[str]] = {}
    for c in found:
        by_need.setdefault(c.need, []).append(c.met)
    out = {}
    for need, mets in by_need.items():
        answered = [m for m in mets if m]
        if not answered:
            out[need] = ""
        elif all(m == "yes" for m in answered):
            out[need] = "yes"
        elif all(m == "no" for m in answered):
            out[need] = "no"
        else:
            out[need] = "partly"
    return out


@dataclass(frozen=True)
class MeetingAccess:
    meeting_id: str
    title: str
    start: datetime
    checks: tuple[NeedCheck, ...]


def summary_lines(meetings: list[MeetingAccess], *, recorded_only: bool = False) -> list[str]:
    """ "Easy read papers were on time for 9 of 11 meetings (partly at 1, not at 1)." per need.

    ``recorded_only``: leave out the needs nobody recorded yet, and say nothing at all when
    nothing was recorded (for trends, where a group that does not record them sees no noise)."""
    tally: dict[str, dict[str, int]] = {}
    for m in meetings:
        for need, result in meeting_result(list(m.checks)).items():
            counts = tally.setdefault(need, {"yes": 0, "partly": 0, "no": 0, "": 0})
            counts[result] += 1
    order = [n.value for n in AccessNeed] + [OTHER]
    out = []
    for need in sorted(tally, key=order.index):
        c = tally[need]
        recorded = c["yes"] + c["partly"] + c["no"]
        if recorded:
            words = f"{MET_SENTENCE[need]} for {c['yes']} of {recorded} meetings"
            extra = [f"partly at {c['partly']}" if c["partly"] else "", f"not at {c['no']}" if c["no"] else ""]
            extra = [e for e in extra if e]
            line = words + (f" ({', '.join(extra)})" if extra else "") + "."
        elif recorded_only:
            continue
        else:
            line = f"{MET_SENTENCE[need]}: not recorded yet."
        if recorded and c[""]:
            line += f" Not recorded at {c['']} more {'meeting' if c[''] == 1 else 'meetings'}."
        out.append(line)
    return out


def not_met_lines(meetings: list[MeetingAccess]) -> list[str]:
    """Each need that was partly met or not met, with its note, meeting by meeting."""
    out = []
    for m in meetings:
        for c in m.checks:
            if c.met in ("partly", "no"):
                out.append(f"{date_in_words(m.start)}: {c.sentence()}")
    return out
