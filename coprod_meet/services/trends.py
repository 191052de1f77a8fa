"""Participation over time, per group: who had the say, who came, who felt heard, who is quiet.

Each meeting is folded with ``MeetingState.replay`` (the same fold the live meeting uses), so the
figures here are the ones the co-chairs saw on the day. The same figures come as plain lines with
text bars, as JSON and as CSV.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from coprod_meet.domain.dates import date_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.evaluation import HEARD_ANSWERS
from coprod_meet.domain.model import Event, Meeting, Member, VoiceGroup
from coprod_meet.domain.state import MeetingState, voice_key_in_words
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.lookup import group_ids_of, period_of

VOICE_LETTERS = {
    VoiceGroup.LIVED: "L",
    VoiceGroup.CARER: "C",
    VoiceGroup.PROFESSIONAL: "P",
    VoiceGroup.OTHER: "O",
}
VOICE_WORDS = {
    VoiceGroup.LIVED: "lived experience",
    VoiceGroup.CARER: "carers",
    VoiceGroup.PROFESSIONAL: "professionals",
    VoiceGroup.OTHER: "others",
}
BAR_FULL, BAR_EMPTY = "#", "."


def bar(fraction: float, width: int) -> str:
    """A text bar: ``#`` for the part, ``.`` for the rest (readable without colour)."""
    fraction = min(1.0, max(0.0, fraction))
    filled = round(fraction * width)
    return BAR_FULL * filled + BAR_EMPTY * (width - filled)


def stacked_bar(share: dict[VoiceGroup, float], width: int) -> str:
    """One letter per voice group (L, C, P, O), as long as its share; ``.`` when nobody spoke."""
    if not any(share.values()):
        return BAR_EMPTY * width
    cells: list[str] = []
    edges = 0.0
    for vg in VoiceGroup:
        edges += share.get(vg, 0.0)
        cells += VOICE_LETTERS[vg] * (round(edges * width) - len(cells))
    return "".join(cells).ljust(width, BAR_EMPTY)[:width]


def percent(fraction: float) -> str:
    return f"{round(fraction * 100)}%"


@dataclass(frozen=True)
class MeetingFigures:
    meeting_id: str
    title: str
    start: datetime
    seconds: dict[VoiceGroup, float]
    came: int
    expected: int
    apologies: int
    heard: dict[str, int]
    target_key: str = ""
    target_percent: int = 0
    spoke_ids: frozenset[str] = frozenset()
    came_ids: frozenset[str] = frozenset()

    @property
    def share(self) -> dict[VoiceGroup, float]:
        whole = sum(self.seconds.values())
        return {vg: (self.seconds.get(vg, 0.0) / whole if whole else 0.0) for vg in VoiceGroup}

    @property
    def target_share(self) -> float:
        keys = [VoiceGroup(k) for k in self.target_key.split("+") if k in VoiceGroup._value2member_map_]
        return sum(self.share[k] for k in keys)

    @property
    def answered(self) -> int:
        return sum(self.heard.get(k, 0) for k in ("yes", "partly", "no"))

    @property
    def heard_fraction(self) -> float:
        """Of those who answered (not passing), the share who felt heard."""
        return self.heard.get("yes", 0) / self.answered if self.answered else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "meeting_id": self.meeting_id,
            "title": self.title,
            "date": self.start.date().isoformat(),
            "seconds": {vg.value: round(self.seconds.get(vg, 0.0)) for vg in VoiceGroup},
            "share": {vg.value: round(self.share[vg], 4) for vg in VoiceGroup},
            "target": {"voice_groups": self.target_key, "percent": self.target_percent,
                       "actual": round(self.target_share, 4)} if self.target_key else None,
            "came": self.came,
            "expected": self.expected,
            "apologies": self.apologies,
            "heard": {k: self.heard.get(k, 0) for k in HEARD_ANSWERS},
        }


@dataclass(frozen=True)
class QuietMember:
    member_id: str
    name: str
    meetings: int

    def invitation(self) -> str:
        return (f"{self.name} has not spoken in the last {self.meetings} meetings they came to — "
                f"you might invite {self.name} to speak first next time.")


@dataclass(frozen=True)
class GroupTrends:
    group_id: str
    group_name: str
    meetings: list[MeetingFigures]
    quiet: list[QuietMember]
    last_n: int
    members: int = 0
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group_name,
            "group_id": self.group_id,
            "meetings": [m.to_json() for m in self.meetings],
            "quiet": [{"member_id": q.member_id, "name": q.name, "meetings": q.meetings,
                       "invitation": q.invitation()} for q in self.quiet],
            "quiet_after_meetings": self.last_n,
        }

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        vgs = list(VoiceGroup)
        writer.writerow(["date", "meeting_id", "title", *[f"share_{v.value}" for v in vgs],
                         *[f"seconds_{v.value}" for v in vgs], "target_voice_groups", "target_percent",
                         "target_actual", "came", "expected", "apologies", *[f"heard_{h}" for h in HEARD_ANSWERS]])
        for m in self.meetings:
            writer.writerow([
                m.start.date().isoformat(), m.meeting_id, _csv_safe(m.title),
                *[f"{m.share[v]:.4f}" for v in vgs], *[round(m.seconds.get(v, 0.0)) for v in vgs],
                m.target_key, m.target_percent, f"{m.target_share:.4f}", m.came, m.expected, m.apologies,
                *[m.heard.get(h, 0) for h in HEARD_ANSWERS],
            ])
        return out.getvalue()

    def lines(self, width: int = 20) -> list[str]:
        """The figures in a few plain lines, each with a text bar and its number."""
        if not self.meetings:
            return [f"{self.group_name} has no meetings with anything recorded yet."]
        first, last = self.meetings[0].start, self.meetings[-1].start
        out = [f"{self.group_name}: {len(self.meetings)} meetings, from {date_in_words(first)} "
               f"to {date_in_words(last)}."]
        target = next((m for m in reversed(self.meetings) if m.target_key), None)
        if target is not None:
            out += ["", f"Share of speaking time, {voice_key_in_words(target.target_key)} "
                        f"(the group's aim: at least {target.target_percent}%):"]
            for m in self.meetings:
                mark = "meets the aim" if m.target_share * 100 >= m.target_percent else "below the aim"
                out.append(f"  {_short_date(m.start)}  {bar(m.target_share, width)}  "
                           f"{percent(m.target_share):>4}  {mark}")
        out += ["", "Who had the say (L lived experience, C carers, P professionals, O others):"]
        for m in self.meetings:
            s = m.share
            numbers = " ".join(f"{VOICE_LETTERS[v]} {percent(s[v])}" for v in VoiceGroup)
            out.append(f"  {_short_date(m.start)}  {stacked_bar(s, width)}  {numbers}")
        out += ["", "Who came:"]
        for m in self.meetings:
            frac = m.came / m.expected if m.expected else 0.0
            out.append(f"  {_short_date(m.start)}  {bar(frac, width)}  {m.came} of {m.expected} came"
                       + (f", {m.apologies} sent apologies" if m.apologies else ""))
        out += ["", "How heard people felt (from the end-of-meeting check):"]
        for m in self.meetings:
            if not m.answered and not m.heard.get("pass"):
                out.append(f"  {_short_date(m.start)}  {'':{width}}  nobody was asked")
                continue
            parts = [f"{m.heard.get('yes', 0)} yes", f"{m.heard.get('partly', 0)} partly", f"{m.heard.get('no', 0)} no"]
            if m.heard.get("pass"):
                parts.append(f"{m.heard['pass']} passed")
            out.append(f"  {_short_date(m.start)}  {bar(m.heard_fraction, width)}  {', '.join(parts)}")
        out += [""]
        if self.quiet:
            out.append(f"Members to invite (not heard in their last {self.last_n} meetings):")
            out += [f"  {q.invitation()}" for q in self.quiet]
        else:
            out.append(f"Everyone who came to {self.last_n} or more meetings spoke at least once in their "
                       f"last {self.last_n}.")
        out += self.notes
        return out


def _short_date(when: datetime) -> str:
    return when.strftime("%d %b %Y")


def _csv_safe(text: str) -> str:
    """Keep a spreadsheet from running a cell that starts like a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def figures_of(meeting: Meeting, events: list[Event]) -> MeetingFigures | None:
    """One meeting's figures, or None if nothing happened in it yet."""
    state = MeetingState.replay(meeting, events)
    if state.started is None and not state.turns and not state.attendance:
        return None
    heard = {k: 0 for k in HEARD_ANSWERS}
    for answer, _comment in state.evaluations.values():
        heard[answer if answer in heard else "pass"] += 1
    target_key, target_percent = meeting.settings.voice_targets[0] if meeting.settings.voice_targets else ("", 0)
    expected = [m for m in meeting.roster if not m.archived]
    return MeetingFigures(
        meeting_id=meeting.id, title=meeting.title, start=meeting.start,
        seconds=state.seconds_by_voice_group(),
        came=len(state.ever_present_ids), expected=len(expected),
        apologies=sum(1 for s in state.attendance.values() if s == "apologies"),
        heard=heard, target_key=target_key, target_percent=target_percent,
        spoke_ids=frozenset(state.spoken_ids()), came_ids=frozenset(state.ever_present_ids),
    )


def quiet_members(members: list[Member], figures: list[MeetingFigures], last_n: int) -> list[QuietMember]:
    """Members who came to at least ``last_n`` meetings and had no turn in the last ``last_n``."""
    quiet = []
    for m in members:
        theirs = [f for f in figures if m.id in f.came_ids][-last_n:]
        if len(theirs) == last_n and not any(m.id in f.spoke_ids for f in theirs):
            quiet.append(QuietMember(m.id, m.name, last_n))
    return quiet


def group_trends(
    service: ArchiveService,
    group: str,
    *,
    last_n: int = 3,
    period: str | None = None,
    since: str | None = None,
    until: str | None = None,
    now: datetime | None = None,
) -> GroupTrends:
    """The trends of one group (by name or id), oldest meeting first."""
    if not 1 <= last_n <= 50:
        raise UserError("The number of meetings to look back must be between 1 and 50.")
    if not group or not group.strip():
        names = ", ".join(g.name for g in service.groups()) or "none yet"
        raise UserError(f"Please name a group; the groups are: {names}.")
    ids = group_ids_of(service, group) or set()
    first, last = period_of(period, since, until, now=now)
    summaries = sorted((s for s in service.list_meetings() if s.group_id in ids), key=lambda s: (s.start, s.id))
    figures: list[MeetingFigures] = []
    latest: Meeting | None = None
    for s in summaries:
        day = s.start.date()
        if first and day < first or last and day > last:
            continue
        loaded = service.read_meeting(s.id)
        if loaded is None:
            continue
        meeting, events = loaded
        found = figures_of(meeting, events)
        if found is not None:
            figures.append(found)
            latest = meeting
    known = [g for g in service.groups() if g.id in ids]
    if known:
        members = list(known[0].current_members)
        group_id, name = known[0].id, known[0].name
    else:
        members = [m for m in (latest.roster if latest else ()) if not m.archived]
        group_id = latest.group_id if latest else next(iter(ids))
        name = latest.group_name if latest else group.strip()
    return GroupTrends(group_id, name, figures, quiet_members(members, figures, last_n), last_n, len(members))
