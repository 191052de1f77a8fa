"""Access needs met: what the co-chairs recorded at each meeting, and a group's year of them."""

from __future__ import annotations

from datetime import date, datetime

from coprod_meet.domain import access
from coprod_meet.domain.access import MeetingAccess, NeedCheck
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Event, Meeting, Member
from coprod_meet.domain.state import MeetingState
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.decision_list import group_ids_of, period_of


def _came(meeting: Meeting, events: list[Event]) -> list[str]:
    return MeetingState.replay(meeting, events).ever_present_ids


class AccessService:
    def __init__(self, service: ArchiveService) -> None:
        self.service = service

    def checks(self, meeting_id: str) -> list[NeedCheck]:
        """Each need of each member who came, with what has been recorded so far."""
        meeting = self.service.get_meeting(meeting_id)
        events = self.service.events(meeting_id)
        return access.checks(meeting, events, _came(meeting, events))

    def record(self, meeting_id: str, member_id: str, need: str, met: str, note: str = "",
               at: datetime | None = None) -> Event:
        """Keep one answer (saved before this returns)."""
        meeting = self.service.get_meeting(meeting_id)
        member = meeting.person(member_id)
        if member is None or need not in access.needs_of(member):
            raise UserError("That member does not have that need at this meeting; please choose from the list.")
        return self.service.append_event(meeting_id, access.record(member_id, need, met, note, at=at))

    def paper_needs(self, meeting_id: str) -> list[tuple[Member, str, date | None]]:
        """Members of the plan who need papers in their format, and when theirs went out."""
        return access.paper_needs(self.service.get_meeting(meeting_id), self.service.events(meeting_id))

    def record_papers_sent(self, meeting_id: str, member_id: str, need: str, sent: date) -> str:
        """Keep the day a member's papers in their format went out; returns whether that was on
        time, in words."""
        meeting = self.service.get_meeting(meeting_id)
        member = meeting.person(member_id)
        if member is None or need not in [n.value for n in member.access_needs]:
            raise UserError("That member does not need papers in that format for this meeting.")
        self.service.append_event(meeting_id, access.papers_sent_record(member_id, need, sent))
        answer, why = access.member_papers_on_time(meeting, sent, need)
        return f"{why} {'That is on time.' if answer == 'yes' else 'That is late.'}"

    def group_meetings(self, group: str, *, since: str = "", until: str = "", year: int | None = None,
                       meeting_ids: set[str] | None = None) -> list[MeetingAccess]:
        """The group's meetings (oldest first) where someone with a need came."""
        ids = group_ids_of(service=self.service, group=group) or set()
        if year is not None:
            first, last = date(year, 1, 1), date(year, 12, 31)
        else:
            first, last = period_of(None, since or None, until or None)
        out = []
        for s in sorted(self.service.list_meetings(), key=lambda s: (s.start, s.id)):
            day = s.start.date()
            if s.group_id not in ids or first and day < first or last and day > last:
                continue
            if meeting_ids is not None and s.id not in meeting_ids:
                continue
            loaded = self.service.read_meeting(s.id)
            if loaded is None:
                continue
            meeting, events = loaded
            found = access.checks(meeting, events, _came(meeting, events))
            if found:
                out.append(MeetingAccess(meeting.id, meeting.title, meeting.start, tuple(found)))
        return out

    def report_lines(self, group: str, *, year: int | None = None, since: str = "", until: str = "") -> list[str]:
        """A group's access needs in plain lines: one per need, then what was not fully met."""
        name = self.service.find_group(group).name if group.strip() else group
        meetings = self.group_meetings(group, since=since, until=until, year=year)
        span = f" in {year}" if year is not None else ""
        if not meetings:
            return [f"{name}: no meetings{span} where a member with an access need came."]
        out = [f"{name}: access needs at {len(meetings)} {'meeting' if len(meetings) == 1 else 'meetings'}{span}."]
        out += [f"  {line}" for line in access.summary_lines(meetings)]
        gaps = access.not_met_lines(meetings)
        if gaps:
            out.append("Not fully met:")
            out += [f"  {line}" for line in gaps]
        return out


def access_trend_lines(service: ArchiveService, group_id: str, meeting_ids: set[str]) -> list[str]:
    """The access-needs lines of a group's trends (for the meetings the trends show)."""
    meetings = AccessService(service).group_meetings(group_id, meeting_ids=meeting_ids)
    lines = access.summary_lines(meetings, recorded_only=True)
    return ["", "Access needs met:", *(f"  {line}" for line in lines)] if lines else []
