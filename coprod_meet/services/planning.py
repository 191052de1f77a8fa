"""Planning: groups and members, new meetings from templates, repeating series, carry-forward.

A new meeting of a group gets the open actions of its earlier meetings under "matters arising"
and the items its previous meeting deferred, each linked to where it came from
(``AgendaItem.carried_from`` is "meeting_id/action_id" or "meeting_id/item_id").

Members are never deleted: archiving keeps them in old meetings' rosters and in the group's
history, and takes them off new meetings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Sequence

from coprod_meet.domain import planning as plan
from coprod_meet.domain.dates import date_in_words, has_time_of_day, lateness_in_words, parse_when
from coprod_meet.domain.errors import NotFound, UserError
from coprod_meet.domain.model import AgendaItem, Event, Group, GroupSettings, ItemKind, Meeting, Member, new_id
from coprod_meet.domain.records import Action, ActionStatus, Method, actions_from, decisions_from
from coprod_meet.domain.state import MeetingState
from coprod_meet.domain.templates import Template, agenda_from, find_member
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.templates import find_template, load_template

# Standing items that close a meeting: carried items go before them.
CLOSING_ITEMS = ("you_said_we_did", "aob", "how_did_today_go")
OPENING_ITEMS = ("welcome", "apologies", "minutes")
ACTION_MINUTES = 5
MAX_SERIES = 52


@dataclass(frozen=True)
class CarriedAction:
    """An open action from an earlier meeting, with where it came from."""

    action: Action
    meeting: Meeting


class Planner:
    """The planning use cases, over one open archive."""

    def __init__(self, service: ArchiveService) -> None:
        self.service = service

    # -- groups and members ---------------------------------------------------------------

    def add_group(self, name: str, settings: GroupSettings | None = None) -> Group:
        group = Group(name=name, settings=settings or GroupSettings())
        if any(g.name.lower() == group.name.lower() for g in self.service.groups()):
            raise UserError(f"There is already a group called {group.name!r}; please choose another name.")
        return self.service.save_group(group)

    def rename_group(self, group_id: str, name: str) -> Group:
        group = replace(self.service.group(group_id), name=name)
        if any(g.name.lower() == group.name.lower() and g.id != group_id for g in self.service.groups()):
            raise UserError(f"There is already a group called {group.name!r}; please choose another name.")
        return self.service.save_group(group)

    def save_settings(self, group_id: str, settings: GroupSettings) -> Group:
        if not 0 <= settings.papers_days <= 60:
            raise UserError("Papers can be asked for from 0 to 60 days before a meeting; please choose a number in that range.")
        if not 0 <= settings.break_every_minutes <= 480:
            raise UserError("Please choose a break every 480 minutes or less (0 means no reminder).")
        if not 0 <= settings.turn_limit_seconds <= 3600:
            raise UserError("Please keep the turn limit to an hour or less (0 means no limit).")
        for _key, percent in settings.voice_targets:
            if not 0 <= percent <= 100:
                raise UserError("A share of the say is a percentage from 0 to 100; please check the targets.")
        return self.service.save_group(replace(self.service.group(group_id), settings=settings))

    def save_member(self, group_id: str, member: Member) -> Group:
        """Add a member, or change one (the same id). Names must be told apart."""
        group = self.service.group(group_id)
        for other in group.current_members:
            if other.id != member.id and other.name.lower() == member.name.lower() and not member.archived:
                raise UserError(
                    f"There is already a member called {member.name!r} in {group.name}; "
                    "please add an initial or a surname so people can tell them apart."
                )
        return self.service.save_group(group.with_member(member))

    def archive_member(self, group_id: str, member_id: str, archived: bool = True) -> Group:
        """Take a member off future meetings (or bring them back). Their history stays."""
        group = self.service.group(group_id)
        member = group.member(member_id)
        if member is None:
            raise NotFound("That member is not in this group any more; please choose another.")
        if not archived:
            return self.save_member(group_id, replace(member, archived=False))
        return self.service.save_group(group.with_member(replace(member, archived=True)))

    def members(self, group_name: str | None = None, *, include_archived: bool = False) -> list[tuple[Group, Member]]:
        groups = [self.service.find_group(group_name)] if group_name else self.service.groups()
        return [
            (g, m)
            for g in groups
            for m in sorted(g.members, key=lambda m: m.name.lower())
            if include_archived or not m.archived
        ]

    # -- a group's meetings -----------------------------------------------------------------

    def group_meetings(self, group_id: str, *, before: datetime | None = None, leave_out: str = "") -> list[Meeting]:
        """The group's meetings, oldest first (before a moment, if given)."""
        rows = [
            s for s in self.service.list_meetings()
            if s.group_id == group_id and s.id != leave_out and (before is None or s.start < before)
        ]
        rows.sort(key=lambda s: (s.start, s.id))
        return [self.service.get_meeting(s.id) for s in rows]

    def open_actions(self, group_id: str, before: datetime, leave_out: str = "") -> list[CarriedAction]:
        """Actions from the group's meetings before ``before`` that are still open.

        An action may be marked done at a later meeting, so the logs are read together.
        """
        meetings = self.group_meetings(group_id, before=before, leave_out=leave_out)
        by_id = {m.id: m for m in meetings}
        log: list[Event] = []
        for m in meetings:
            log += self.service.events(m.id)
        log.sort(key=lambda e: e.sort_key)
        return [
            CarriedAction(a, by_id[a.meeting_id])
            for a in actions_from(log)
            if a.status is ActionStatus.OPEN and a.meeting_id in by_id
        ]

    def deferred_items(self, meeting: Meeting) -> list[AgendaItem]:
        """Items the meeting put off to a later meeting (deferred, or decided "later")."""
        events = self.service.events(meeting.id)
        state = MeetingState.replay(meeting, events)
        wanted = list(state.deferred)
        wanted += [d.item_id for d in decisions_from(events) if d.method is Method.DEFERRED and d.item_id]
        items = {i.id: i for i in state.agenda}
        result: list[AgendaItem] = []
        for item_id in dict.fromkeys(wanted):
            if item_id in items:
                result.append(items[item_id])
        return result

    # -- carry-forward ----------------------------------------------------------------------

    def carry_forward(self, meeting: Meeting) -> Meeting:
        """The meeting with earlier open actions and deferred items added (once each)."""
        already = {i.carried_from for i in meeting.agenda if i.carried_from}
        agenda = plan.ordered(meeting.agenda)
        actions = [
            c for c in self.open_actions(meeting.group_id, meeting.start, leave_out=meeting.id)
            if f"{c.meeting.id}/{c.action.id}" not in already
        ]
        if actions:
            holder = next((i for i in agenda if i.standing == "matters_arising"), None)
            if holder is None:
                holder = AgendaItem(
                    title="Matters arising", kind=ItemKind.DISCUSSION, minutes=10, standing="matters_arising",
                    summary="What happened to the actions from earlier meetings.",
                    lead_id=meeting.co_chair_ids[0] if meeting.co_chair_ids else "",
                )
                after = next((i.id for i in reversed(agenda) if i.standing in OPENING_ITEMS and not i.parent_id), "")
                agenda = _put_first(agenda, holder) if not after else plan.insert_after(agenda, holder, after)
            for carried in actions:
                agenda = plan.insert_after(agenda, action_item(carried, meeting, holder))
        previous = self.group_meetings(meeting.group_id, before=meeting.start, leave_out=meeting.id)
        if previous:
            last = previous[-1]
            closing = next((i for i in agenda if i.standing in CLOSING_ITEMS and not i.parent_id), None)
            for item in self.deferred_items(last):
                link = f"{last.id}/{item.id}"
                if link in already:
                    continue
                copy = deferred_item(item, last, meeting)
                agenda = _insert_before(agenda, copy, closing.id if closing else "")
        return replace(meeting, agenda=plan.ordered(agenda))

    # -- new meetings -----------------------------------------------------------------------

    def new_meeting(
        self,
        group: Group,
        template: Template,
        start: datetime,
        *,
        length_minutes: int | None = None,
        title: str = "",
        place: str | None = None,
        online_link: str | None = None,
        co_chair_ids: Sequence[str] | None = None,
        roles: Sequence[tuple[str, str]] | None = None,
    ) -> Meeting:
        """A meeting from a template, with carry-forward (not saved yet)."""
        members = group.current_members
        if co_chair_ids is None:
            co_chair_ids = self._co_chairs(group, template)
        if roles is None:
            roles = [(role, m.id) for role, name in template.roles if (m := find_member(members, name))]
        length = length_minutes if length_minutes is not None else template.length_minutes
        if not 1 <= length <= 24 * 60:
            raise UserError("A meeting can last from 1 minute to 24 hours; please check its length.")
        meeting = Meeting(
            group_id=group.id,
            group_name=group.name,
            title=title or template.title,
            start=start,
            end=start + timedelta(minutes=length),
            place=template.place if place is None else place,
            online_link=template.online_link if online_link is None else online_link,
            co_chair_ids=tuple(co_chair_ids),
            roles=tuple(roles),
            agenda=agenda_from(template, members, co_chair_ids),
            roster=members,
            settings=group.settings,
        )
        return self.carry_forward(meeting)

    def _co_chairs(self, group: Group, template: Template) -> list[str]:
        """Who co-chairs: the template's names, else the co-chairs of the group's last meeting."""
        members = group.current_members
        if template.co_chairs:
            found = []
            for name in template.co_chairs:
                member = find_member(members, name)
                if member is None:
                    raise UserError(
                        f"The template names {name!r} as a co-chair, but {group.name} has no current member "
                        "called that; please check the names."
                    )
                found.append(member.id)
            return found
        current = {m.id for m in members}
        previous = self.group_meetings(group.id)
        if previous:
            return [c for c in previous[-1].co_chair_ids if c in current]
        return []

    def checks(self, meeting: Meeting) -> list[plan.Check]:
        """Every planning check of a meeting, with the archive's other meetings for double-booking."""
        return plan.meeting_checks(meeting, self.service.list_meetings())

    def plan_from_file(
        self, template_path: Path | str, *, when: str = "", group_name: str = "", now: datetime | None = None,
        allow_past: bool = False,
    ) -> Meeting:
        """Plan and save a meeting from a template file or a ready-made template's name (the ``plan``
        command). A start in the past is refused unless ``allow_past``; a start with no time of day is
        refused with a question."""
        template = load_template(find_template(template_path))
        group_name = group_name or template.group
        if not group_name:
            raise UserError("Please say which group the meeting is for, for example --group \"Better Together Board\".")
        group = self.service.find_group(group_name)
        when = when or template.when
        if not when:
            raise UserError('Please say when the meeting is, for example --when "next Tuesday 2pm".')
        start = start_from_words(when, now=now, allow_past=allow_past, past_hint="add --past")
        return self.save_meeting(self.new_meeting(group, template, start))

    def save_meeting(self, meeting: Meeting) -> Meeting:
        return self.service.save_meeting(replace(meeting, agenda=plan.ordered(meeting.agenda)))

    def series(self, first: Meeting, repeat: plan.Repeat, count: int) -> list[Meeting]:
        """The next ``count`` meetings after ``first``, same plan, fresh agenda (not saved).

        Carried items and papers stay with the first meeting; each later meeting gets its own
        carry-forward when it is planned in detail.
        """
        if not 1 <= count <= MAX_SERIES:
            raise UserError(f"Please plan between 1 and {MAX_SERIES} more meetings at a time.")
        length = first.end - first.start
        result = []
        for start in repeat.after(first.start, count):
            result.append(
                replace(first, id=new_id(), start=start, end=start + length, agenda=fresh_agenda(first.agenda))
            )
        return result

    def save_series(self, first: Meeting, repeat: plan.Repeat, count: int) -> list[Meeting]:
        later = self.series(first, repeat, count)
        self.service.write_whole_meetings([(m, []) for m in later])
        return later


def start_from_words(
    when: str, *, now: datetime | None = None, allow_past: bool = False, past_hint: str = "add --past"
) -> datetime:
    """A meeting's start from typed words, looking forward ("5 January" is the next one).

    Refused with one plain sentence when it has no time of day, or (unless ``allow_past``) when it
    is in the past; ``past_hint`` says how to plan it anyway.
    """
    moment = datetime.now() if now is None else now
    start = parse_when(when, now=moment, prefer="future")
    if not has_time_of_day(when):
        raise UserError(plan.no_time_question(when))
    question = plan.past_question(start, moment)
    if question and not allow_past:
        raise UserError(f"{question.removesuffix(' Plan it anyway?')} To plan it anyway, {past_hint}.")
    return start


def fresh_agenda(agenda: Sequence[AgendaItem]) -> tuple[AgendaItem, ...]:
    """The agenda with new ids, without carried items and without papers (they are per meeting)."""
    ids: dict[str, str] = {}
    result = []
    for item in plan.ordered(agenda):
        if item.carried_from or item.parent_id and item.parent_id not in ids:
            continue
        ids[item.id] = new_id()
        result.append(replace(item, id=ids[item.id], parent_id=ids.get(item.parent_id, ""), papers=()))
    return tuple(result)


def action_item(carried: CarriedAction, meeting: Meeting, holder: AgendaItem) -> AgendaItem:
    """An open action as a sub-item of "matters arising"."""
    action = carried.action
    owner = action.owner or "someone"
    text = " ".join(action.text.split())
    title = f"Action for {owner}: {text}"
    if len(title) > 190:
        title = title[:189].rstrip() + "…"
    came = f"From {carried.meeting.title} on {date_in_words(carried.meeting.start)}."
    due = action.due_date
    when = f" Due {date_in_words(due)}: {action_due_words(due, meeting.start.date())}." if due else " No due date."
    return AgendaItem(
        title=title,
        kind=ItemKind.DISCUSSION,
        minutes=ACTION_MINUTES,
        lead_id=holder.lead_id,
        summary=came + when,
        parent_id=holder.id,
        carried_from=f"{carried.meeting.id}/{action.id}",
    )


def action_due_words(due: date, meeting_day: date) -> str:
    """ "2 weeks late by the day of this meeting", "7 days after this meeting"."""
    words = lateness_in_words(due, meeting_day)
    if words.endswith("late"):
        return f"{words} by the day of this meeting"
    if words == "due today":
        return "the day of this meeting"
    if words == "due tomorrow":
        return "the day after this meeting"
    return f"{words.removeprefix('due in ')} after this meeting"


def deferred_item(item: AgendaItem, source: Meeting, meeting: Meeting) -> AgendaItem:
    note = f"Carried forward: put off at {source.title} on {date_in_words(source.start)}."
    summary = f"{note}\n{item.summary}" if item.summary else note
    return replace(
        item,
        id=new_id(),
        parent_id="",
        summary=summary[:5000],
        lead_id=item.lead_id if item.lead_id in meeting.co_chair_ids else "",
        presenter_id=item.presenter_id if meeting.person(item.presenter_id) else "",
        carried_from=f"{source.id}/{item.id}",
        standing="",
    )


def _put_first(agenda: Sequence[AgendaItem], item: AgendaItem) -> tuple[AgendaItem, ...]:
    return (item, *agenda)


def _insert_before(agenda: Sequence[AgendaItem], item: AgendaItem, before_id: str) -> tuple[AgendaItem, ...]:
    agenda = tuple(agenda)
    index = next((n for n, i in enumerate(agenda) if i.id == before_id), len(agenda))
    return (*agenda[:index], item, *agenda[index:])

