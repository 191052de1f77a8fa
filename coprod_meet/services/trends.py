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
from coprod_meet.domain.events import JOINS
from coprod_meet.domain.hybrid import joins_share_sentence, seconds_by_joins
from coprod_meet.domain.evaluation import HEARD_ANSWERS
from coprod_meet.domain.model import Event, Meeting, Member, VoiceGroup
from coprod_meet.domain.state import MeetingState, voice_key_in_words
from coprod_meet.domain.text import csv_cell
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
    joins_seconds: dict[str, float] = field(default_factory=dict)  # "online", "phone", "room" (issue 16)
    joins_words: str = ""  # "People online had 12% of the say. ..." or "" when all were in the room
    # What each member answered to "did you feel heard?", with their voice group.
    answers: tuple[tuple[str, VoiceGroup, str], ...] = ()

    @property
    def joins_share(self) -> dict[str, float]:
        whole = sum(self.joins_seconds.values())
        return {k: (v / whole if whole else 0.0) for k, v in self.joins_seconds.items()}

    def heard_of(self, vg: VoiceGroup) -> dict[str, int]:
        """The answers of one voice group, counted."""
        counts = {k: 0 for k in HEARD_ANSWERS}
        for _member, group, answer in self.answers:
            if group is vg:
                counts[answer] += 1
        return counts

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
            "share_by_joins": {k: round(v, 4) for k, v in self.joins_share.items()},
            "heard_by_voice_group": {vg.value: self.heard_of(vg) for vg in VoiceGroup},
        }


@dataclass(frozen=True)
class QuietMember:
    member_id: str
    name: str
    meetings: int

    def invitation(self) -> str:
        return (f"{self.name} has not spoken in the last {self.meetings} meetings they came to — "
                f"you might invite {self.name} to speak first next time.")


def _share_of(figures: list[MeetingFigures], key: str) -> float | None:
    """The share of all speaking time over some meetings that the voice groups in ``key`` had."""
    groups = [VoiceGroup(k) for k in key.split("+") if k in VoiceGroup._value2member_map_]
    whole = sum(sum(m.seconds.values()) for m in figures)
    if not whole:
        return None
    return sum(m.seconds.get(vg, 0.0) for m in figures for vg in groups) / whole


def _member_words(vg: VoiceGroup, count: int) -> str:
    """ "5 lived-experience members", "1 carer", "3 professionals"."""
    nouns = {VoiceGroup.LIVED: ("lived-experience member", "lived-experience members"),
             VoiceGroup.CARER: ("carer", "carers"), VoiceGroup.PROFESSIONAL: ("professional", "professionals"),
             VoiceGroup.OTHER: ("other member", "other members")}[vg]
    return f"{count} {nouns[0] if count == 1 else nouns[1]}"


def heard_by_group(figures: list[MeetingFigures]) -> dict[VoiceGroup, tuple[set[str], set[str], set[str]]]:
    """For each voice group over some meetings: (members who answered, who said "partly" at least
    once, who said "no" at least once). Passing is not an answer."""
    found: dict[VoiceGroup, tuple[set[str], set[str], set[str]]] = {}
    for m in figures:
        for member, vg, answer in m.answers:
            if answer == "pass":
                continue
            answered, partly, no = found.setdefault(vg, (set(), set(), set()))
            answered.add(member)
            if answer == "partly":
                partly.add(member)
            elif answer == "no":
                no.add(member)
    return found


def heard_sentence(vg: VoiceGroup, answered: set[str], partly: set[str], no: set[str]) -> str:
    """ "2 of 5 lived-experience members felt only partly heard", "all 3 carers who answered felt heard"."""
    if not partly and not no:
        everyone = "the 1" if len(answered) == 1 else f"all {len(answered)}"
        return f"{everyone} {_member_words(vg, len(answered)).split(' ', 1)[1]} who answered felt heard"
    parts = []
    only_partly = partly - no
    if only_partly:
        parts.append(f"{len(only_partly)} of {_member_words(vg, len(answered))} felt only partly heard")
    if no:
        start = f"{len(no)}" if only_partly else f"{len(no)} of {_member_words(vg, len(answered))}"
        parts.append(f"{start} did not feel heard at least once")
    return " and ".join(parts)


@dataclass(frozen=True)
class GroupTrends:
    group_id: str
    group_name: str
    meetings: list[MeetingFigures]
    quiet: list[QuietMember]
    last_n: int
    members: int = 0
    notes: list[str] = field(default_factory=list)
    # The same number of meetings just before these (for "down from 52%"), and how they were chosen.
    before: list[MeetingFigures] = field(default_factory=list)
    chosen_by_count: bool = True

    def summary(self) -> str:
        """One or two sentences over the whole period, first of all the figures.

        "Over the last 6 meetings lived experience had 41% of the say, down from 52%; 2 of 5
        lived-experience members felt only partly heard."
        """
        if not self.meetings:
            if not self.chosen_by_count:
                return f"{self.group_name} has no meetings with anything recorded in that period."
            return f"{self.group_name} has no meetings with anything recorded yet."
        n = len(self.meetings)
        if self.chosen_by_count:
            over = "At the last meeting" if n == 1 else f"Over the last {n} meetings"
        else:
            over = (f"At the meeting on {date_in_words(self.meetings[0].start)}" if n == 1 else
                    f"Over the {n} meetings from {date_in_words(self.meetings[0].start)} to "
                    f"{date_in_words(self.meetings[-1].start)}")
        target = next((m for m in reversed(self.meetings) if m.target_key), None)
        key = target.target_key if target else VoiceGroup.LIVED.value
        who = voice_key_in_words(key).replace("people with lived experience", "lived experience")
        share = _share_of(self.meetings, key)
        if share is None:
            say = "nobody's speaking time was recorded"
        else:
            say = f"{who} had {percent(share)} of the say"
            earlier = _share_of(self.before, key)
            if earlier is not None and percent(earlier) != percent(share):
                say += f", {'down' if share < earlier else 'up'} from {percent(earlier)} the {len(self.before)} "                        f"meeting{'' if len(self.before) == 1 else 's'} before"
            elif earlier is not None:
                say += f", the same as the {len(self.before)} meeting{'' if len(self.before) == 1 else 's'} before"
            if target is not None:
                say += f" (the aim is at least {target.target_percent}%)"
        heard = heard_by_group(self.meetings)
        felt = [heard_sentence(vg, *heard[vg]) for vg in VoiceGroup if vg in heard]
        tail = "; ".join(felt) if felt else "nobody answered whether they felt heard"
        return f"{over} {say}. {tail[0].upper()}{tail[1:]}."

    def to_json(self) -> dict[str, Any]:
        heard = heard_by_group(self.meetings)
        return {
            "group": self.group_name,
            "group_id": self.group_id,
            "summary": self.summary(),
            "heard_by_voice_group": {
                vg.value: {"answered": len(a), "partly": len(p - n), "no": len(n)} for vg, (a, p, n) in heard.items()
            },
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
                         "target_actual", "came", "expected", "apologies", *[f"heard_{h}" for h in HEARD_ANSWERS],
                         *[f"share_{j}" for j in JOINS]])
        for m in self.meetings:
            writer.writerow([
                m.start.date().isoformat(), m.meeting_id, _csv_safe(m.title),
                *[f"{m.share[v]:.4f}" for v in vgs], *[round(m.seconds.get(v, 0.0)) for v in vgs],
                m.target_key, m.target_percent, f"{m.target_share:.4f}", m.came, m.expected, m.apologies,
                *[m.heard.get(h, 0) for h in HEARD_ANSWERS],
                *[f"{m.joins_share.get(j, 0.0):.4f}" for j in JOINS],
            ])
        return out.getvalue()

    def lines(self, width: int = 20, *, summary: bool = True) -> list[str]:
        """The figures in a few plain lines, each with a text bar and its number; the summary first
        (unless the caller shows it itself)."""
        if not self.meetings:
            return [self.summary()] if summary else []
        first, last = self.meetings[0].start, self.meetings[-1].start
        out = [self.summary(), ""] if summary else []
        out += [f"{self.group_name}: {len(self.meetings)} meetings, from {date_in_words(first)} "
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
        hybrid = [m for m in self.meetings if m.joins_words]
        if hybrid:
            out += ["", "The say by how people joined:"]
            out += [f"  {_short_date(m.start)}  {m.joins_words}" for m in hybrid]
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
        heard = heard_by_group(self.meetings)
        if heard:
            out += ["", "How heard people felt, by voice group (members who answered at any of these meetings):"]
            for vg in VoiceGroup:
                if vg not in heard:
                    continue
                answered, partly, no = heard[vg]
                fine = len(answered - partly - no)
                out.append(f"  {VOICE_WORDS[vg]:<16}  {bar(fine / len(answered), width)}  "
                           f"{heard_sentence(vg, answered, partly, no)}")
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


_csv_safe = csv_cell  # keeps a spreadsheet from running a cell that starts like a formula


def figures_of(meeting: Meeting, events: list[Event]) -> MeetingFigures | None:
    """One meeting's figures, or None if nothing happened in it yet."""
    state = MeetingState.replay(meeting, events)
    if state.started is None and not state.turns and not state.attendance:
        return None
    heard = {k: 0 for k in HEARD_ANSWERS}
    answers = []
    for member_id, (answer, _comment) in state.evaluations.items():
        answer = answer if answer in heard else "pass"
        heard[answer] += 1
        person = meeting.person(member_id)
        answers.append((member_id, person.voice_group if person else VoiceGroup.OTHER, answer))
    target_key, target_percent = meeting.settings.voice_targets[0] if meeting.settings.voice_targets else ("", 0)
    expected = [m for m in meeting.roster if not m.archived]
    return MeetingFigures(
        meeting_id=meeting.id, title=meeting.title, start=meeting.start,
        seconds=state.seconds_by_voice_group(),
        came=len(state.ever_present_ids), expected=len(expected),
        apologies=sum(1 for s in state.attendance.values() if s == "apologies"),
        heard=heard, target_key=target_key, target_percent=target_percent,
        spoke_ids=frozenset(state.spoken_ids()), came_ids=frozenset(state.ever_present_ids),
        joins_seconds=seconds_by_joins(state), joins_words=joins_share_sentence(state),
        answers=tuple(sorted(answers)),
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
    meetings: int | None = None,
    now: datetime | None = None,
) -> GroupTrends:
    """The trends of one group (by name or id), oldest meeting first.

    ``period``/``since``/``until`` keep the meetings in a period; ``meetings`` keeps the last that
    many of them. The meetings just before (as many again) are read too, for the summary's
    "down from 52%".
    """
    if not 1 <= last_n <= 50:
        raise UserError("The number of meetings to look back must be between 1 and 50.")
    if meetings is not None and not 1 <= meetings <= 1000:
        raise UserError("The number of meetings to show must be between 1 and 1000.")
    if not group or not group.strip():
        names = ", ".join(g.name for g in service.groups()) or "none yet"
        raise UserError(f"Please name a group; the groups are: {names}.")
    ids = group_ids_of(service, group) or set()
    first, last = period_of(period, since, until, now=now)
    summaries = sorted((s for s in service.list_meetings() if s.group_id in ids), key=lambda s: (s.start, s.id))
    # Newest first, so that "the last N" and the N before them read no more files than needed.
    inside: list[MeetingFigures] = []
    before: list[MeetingFigures] = []
    latest: Meeting | None = None
    for s in reversed(summaries):
        day = s.start.date()
        if last and day > last:
            continue
        early = bool(first and day < first) or (meetings is not None and len(inside) >= meetings)
        if early and len(before) >= len(inside):
            break
        loaded = service.read_meeting(s.id)
        if loaded is None:
            continue
        meeting, events = loaded
        found = figures_of(meeting, events)
        if found is None:
            continue
        if early:
            before.append(found)
        else:
            inside.append(found)
            latest = latest or meeting
    figures = inside[::-1]
    known = [g for g in service.groups() if g.id in ids]
    if known:
        members = list(known[0].current_members)
        group_id, name = known[0].id, known[0].name
    else:
        members = [m for m in (latest.roster if latest else ()) if not m.archived]
        group_id = latest.group_id if latest else next(iter(ids))
        name = latest.group_name if latest else group.strip()
    return GroupTrends(group_id, name, figures, quiet_members(members, figures, last_n), last_n, len(members),
                       before=before[::-1], chosen_by_count=not (first or last) or meetings is not None,
                       notes=access_notes(service, group_id, figures))



def access_notes(service: ArchiveService, group_id: str, figures: list[MeetingFigures]) -> list[str]:
    """Whether access needs were met at these meetings ("Easy read papers were on time for ...")."""
    from coprod_meet.services.access import access_trend_lines

    return access_trend_lines(service, group_id, {f.meeting_id for f in figures})
