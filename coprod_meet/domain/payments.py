"""Paying people for their time: a group's payment policy and the claims made from attendance.

Co-production groups pay members with lived experience (and carers) for their time and
expenses under their organisation's involvement-payment policy. The policy is a TOML file a
person can read (see ``meetings/payment-policy-example.toml``); a claim is worked out from the
real attendance in the meeting's event log, by the policy's rule for arriving late and leaving
early. Money is kept in whole pence, never as a float.

Payment details are private: nothing here is read by the minutes.

Pure Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Iterable

from coprod_meet.domain import events as ev
from coprod_meet.domain.dates import date_in_words, minutes_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Event, Meeting, Member, VoiceGroup, new_id, now
from coprod_meet.domain.templates import _Reader, read_toml
from coprod_meet.domain.text import clean_name, clean_short, clean_text, clean_title, csv_cell

PER = ("hour", "meeting")
RULES = {
    "pro_rata": "pay for the time they were there",
    "full": "pay the whole meeting",
}
EXPENSE_KINDS = {"travel": "travel", "carer": "carer or replacement care costs", "other": "other costs"}
MAX_PENCE = 100_000_00  # £100,000: more than any one claim line can be


class PolicyProblem(UserError):
    """A payment policy file that cannot be used; the message names the file and the line."""


class ClaimState(StrEnum):
    TO_PAY = "to_pay"
    PAID = "paid"
    DECLINED = "declined"

    @property
    def words(self) -> str:
        return {ClaimState.TO_PAY: "to pay", ClaimState.PAID: "paid", ClaimState.DECLINED: "declined"}[self]


class PaidAs(StrEnum):
    MONEY = "money"
    VOUCHERS = "vouchers"


def money(pence: int) -> str:
    """ "£12.50" """
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(int(pence)), 100)
    return f"{sign}£{pounds:,}.{rest:02d}"


_MONEY = re.compile(r"^£?\s*(\d{1,6})(?:\.(\d{1,2}))?$")


def parse_money(text: str) -> int:
    """Pence from typed money: "12.50", "£12.50", "12", "£4.5" (= £4.50)."""
    cleaned = str(text).strip().replace(",", "")
    found = _MONEY.match(cleaned)
    if not found:
        raise UserError(f"{clean_text(str(text), limit=10_000)[:30]!r} is not an amount of money; "
                        "type pounds and pence, such as 12.50.")
    pence = int(found[1]) * 100 + int((found[2] or "0").ljust(2, "0"))
    if pence > MAX_PENCE:
        raise UserError("That amount is too big for one claim line; please check it.")
    return pence


# ---------------------------------------------------------------------------
# The policy


@dataclass(frozen=True)
class Policy:
    """How a group pays for time and expenses. Rates in pence."""

    name: str
    per: str = "hour"  # "hour" or "meeting"
    rate_pence: int = 0
    voice_groups: tuple[VoiceGroup, ...] = (VoiceGroup.LIVED, VoiceGroup.CARER)
    preparation_minutes: int = 0  # paid at the hourly rate (per = "hour")
    preparation_pence: int = 0  # a fixed sum for preparation (either kind of rate)
    rule: str = "pro_rata"  # how late arrival and early leaving count
    grace_minutes: int = 0  # this late (or this early) still counts as the whole meeting
    round_up_minutes: int = 1  # time is paid in blocks of this many minutes
    minimum_minutes: int = 0  # less time than this at the meeting: no payment for time
    travel: bool = True
    carer_costs: bool = True
    other_expenses: bool = True
    receipts_over_pence: int = 0  # expenses above this need a receipt (0: every one)
    decline: bool = True  # a member may decline payment (for example because of benefits)
    vouchers: bool = False  # a member may take vouchers instead of money
    notes: str = ""

    def expense_allowed(self, kind: str) -> bool:
        return {"travel": self.travel, "carer": self.carer_costs, "other": self.other_expenses}.get(kind, False)

    def pays(self, member: Member) -> bool:
        return member.voice_group in self.voice_groups

    def lines(self) -> list[str]:
        """The policy in a few plain sentences."""
        who = " and ".join(vg.words for vg in self.voice_groups) or "nobody"
        out = [f"Payment policy: {self.name}."]
        rate = f"{money(self.rate_pence)} an hour" if self.per == "hour" else f"{money(self.rate_pence)} a meeting"
        out.append(f"Members paid: {who}. Time is paid at {rate}.")
        if self.preparation_minutes:
            out.append(f"Preparation: {minutes_in_words(self.preparation_minutes)} a meeting, at the same rate.")
        if self.preparation_pence:
            out.append(f"Preparation: {money(self.preparation_pence)} a meeting.")
        rule = RULES[self.rule]
        late = f"Arriving late or leaving early: {rule}"
        if self.rule == "pro_rata" and self.grace_minutes:
            late += f"; up to {minutes_in_words(self.grace_minutes)} late or early still counts as the whole meeting"
        out.append(late + ".")
        if self.rule == "pro_rata" and self.round_up_minutes > 1:
            out.append(f"Time is rounded up to the next {minutes_in_words(self.round_up_minutes)}.")
        if self.minimum_minutes:
            out.append(f"Less than {minutes_in_words(self.minimum_minutes)} at the meeting: no payment for time.")
        kinds = [EXPENSE_KINDS[k] for k in EXPENSE_KINDS if self.expense_allowed(k)]
        out.append(f"Expenses paid: {', '.join(kinds) if kinds else 'none'}."
                   + (f" Receipts are needed for expenses over {money(self.receipts_over_pence)}."
                      if self.receipts_over_pence else ""))
        choices = []
        if self.decline:
            choices.append("decline payment")
        if self.vouchers:
            choices.append("take vouchers instead of money")
        if choices:
            out.append(f"Members may {' or '.join(choices)}.")
        if self.notes:
            out.append(self.notes)
        return out


_TOP = {"name", "paid_voice_groups", "notes", "time", "preparation", "late_or_early", "expenses", "choices"}
_SECTIONS = {
    "time": {"per", "rate"},
    "preparation": {"minutes", "amount"},
    "late_or_early": {"rule", "grace_minutes", "round_up_to_minutes", "minimum_minutes"},
    "expenses": {"travel", "carer_costs", "other", "receipts_over"},
    "choices": {"decline", "vouchers"},
}


class _PolicyReader(_Reader):
    def problem(self, line: int, what: str) -> PolicyProblem:  # type: ignore[override]
        return PolicyProblem(f"The payment policy {self.name} has a problem on line {line}: {what}")

    def section_line(self, name: str) -> int:
        header = re.compile(rf"^\s*\[\s*{re.escape(name)}\s*\]")
        return next((n for n, line in enumerate(self.lines, start=1) if header.match(line)), 1)

    def table(self, data: dict[str, Any], name: str) -> tuple[dict[str, Any], int]:
        value = data.get(name, {})
        line = self.section_line(name)
        if not isinstance(value, dict):
            raise self.problem(self.line_of(name), f"write {name} as a section: a line [{name}] and its settings below it.")
        self.keys(value, _SECTIONS[name], line, f"The [{name}] section")
        return value, line

    def whole(self, table: dict[str, Any], key: str, line: int, default: int, high: int = 24 * 60) -> int:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
            raise self.problem(self.line_of(key, line), f'"{key}" should be a whole number from 0 to {high}, such as 15.')
        return value

    def pence(self, table: dict[str, Any], key: str, line: int) -> int:
        value = table.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            value = None
        try:
            if value is None:
                raise UserError("")
            text = f"{value:.2f}" if isinstance(value, float) else str(value)
            return parse_money(text)
        except UserError:
            raise self.problem(self.line_of(key, line), f'"{key}" should be an amount in pounds, such as 25.00.') from None

    def yes_no(self, table: dict[str, Any], key: str, line: int, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            raise self.problem(self.line_of(key, line), f'"{key}" should be true or false.')
        return value

    def choice(self, table: dict[str, Any], key: str, line: int, default: str, allowed: Iterable[str]) -> str:
        allowed = list(allowed)
        value = self.text(table, key, line, limit=40) or default
        if value not in allowed:
            raise self.problem(self.line_of(key, line), f'"{value[:40]}" is not one I know; use {" or ".join(allowed)}.')
        return value


def parse_policy(text: str, name: str = "policy.toml") -> Policy:
    """Read a payment policy from TOML text; ``name`` (the file's name) is used in messages."""
    data = read_toml(text, name, "payment policy", PolicyProblem)
    reader = _PolicyReader(name, text)
    reader.keys(data, _TOP, 1, "The payment policy")
    title = reader.text(data, "name", 1)
    if not title:
        raise reader.problem(1, 'it needs a name, such as: name = "Involvement payments 2026".')
    groups_raw = data.get("paid_voice_groups", ["lived_experience", "carer"])
    known = {vg.value: vg for vg in VoiceGroup} | {vg.words: vg for vg in VoiceGroup}
    if not isinstance(groups_raw, list) or not all(isinstance(g, str) and g in known for g in groups_raw):
        raise reader.problem(reader.line_of("paid_voice_groups"),
                             f'write paid_voice_groups as a list from {", ".join(v.value for v in VoiceGroup)}, '
                             'such as ["lived_experience", "carer"].')
    time, tline = reader.table(data, "time")
    per = reader.choice(time, "per", tline, "hour", PER)
    if "rate" not in time:
        raise reader.problem(tline, 'the [time] section needs a rate, such as: rate = 25.00.')
    prep, pline = reader.table(data, "preparation")
    prep_minutes = reader.whole(prep, "minutes", pline, 0)
    if prep_minutes and per != "hour":
        raise reader.problem(reader.line_of("minutes", pline),
                             "preparation minutes are paid at an hourly rate; with a rate per meeting, "
                             "write a fixed amount instead, such as: amount = 10.00.")
    late, lline = reader.table(data, "late_or_early")
    expenses, eline = reader.table(data, "expenses")
    choices, cline = reader.table(data, "choices")
    return Policy(
        name=title,
        per=per,
        rate_pence=reader.pence(time, "rate", tline),
        voice_groups=tuple(dict.fromkeys(known[g] for g in groups_raw)),
        preparation_minutes=prep_minutes,
        preparation_pence=reader.pence(prep, "amount", pline),
        rule=reader.choice(late, "rule", lline, "pro_rata", RULES),
        grace_minutes=reader.whole(late, "grace_minutes", lline, 0),
        round_up_minutes=max(1, reader.whole(late, "round_up_to_minutes", lline, 1, 240)),
        minimum_minutes=reader.whole(late, "minimum_minutes", lline, 0),
        travel=reader.yes_no(expenses, "travel", eline, True),
        carer_costs=reader.yes_no(expenses, "carer_costs", eline, True),
        other_expenses=reader.yes_no(expenses, "other", eline, True),
        receipts_over_pence=reader.pence(expenses, "receipts_over", eline),
        decline=reader.yes_no(choices, "decline", cline, True),
        vouchers=reader.yes_no(choices, "vouchers", cline, False),
        notes=reader.text(data, "notes", 1, limit=2000),
    )


# ---------------------------------------------------------------------------
# Attendance, from the event log


@dataclass(frozen=True)
class Attendance:
    """One member's time at a meeting, in whole minutes, from the event log."""

    member_id: str
    minutes: int  # at the meeting (between its start and its end)
    late: int  # minutes after the start they first arrived
    early: int  # minutes before the end they last left
    meeting_minutes: int


def meeting_span(events: Iterable[Event]) -> tuple[datetime | None, datetime | None]:
    started = ended = None
    for e in sorted(events, key=lambda e: e.sort_key):
        if e.type == ev.MEETING_STARTED and started is None:
            started = e.at
        elif e.type == ev.MEETING_ENDED:
            ended = e.at
    return started, ended


def _minutes(seconds: float) -> int:
    return int(seconds // 60)


def attendance_of(events: list[Event]) -> dict[str, Attendance]:
    """Each member who was there, with their real time (arriving, leaving and coming back)."""
    started, ended = meeting_span(events)
    if started is None or ended is None:
        return {}
    spans: dict[str, list[list[datetime | None]]] = {}
    for e in sorted(events, key=lambda e: e.sort_key):
        if e.type != ev.ATTENDANCE:
            continue
        who, status = e.data.get("member_id", ""), e.data.get("status", "")
        theirs = spans.setdefault(who, [])
        open_span = bool(theirs) and theirs[-1][1] is None
        if status in ("present", "late") and not open_span:
            theirs.append([e.at, None])
        elif status == "late" and open_span:  # marked here by mistake earlier: they came now
            theirs[-1][0] = e.at
        elif status in ("left", "absent", "apologies") and open_span:
            theirs[-1][1] = e.at
            if status != "left":  # marked here by mistake: they were never here
                theirs.pop()
    whole = (ended - started).total_seconds()
    out = {}
    for who, theirs in spans.items():
        clipped = [(max(a, started), min(b or ended, ended)) for a, b in theirs]
        clipped = [(a, b) for a, b in clipped if b > a]
        if not clipped:
            continue
        seconds = sum((b - a).total_seconds() for a, b in clipped)
        out[who] = Attendance(who, _minutes(seconds), _minutes((clipped[0][0] - started).total_seconds()),
                              _minutes((ended - clipped[-1][1]).total_seconds()), _minutes(whole))
    return out


# ---------------------------------------------------------------------------
# Claims


@dataclass(frozen=True)
class Expense:
    kind: str  # travel | carer | other
    pence: int
    note: str = ""
    receipt: bool = False
    receipt_needed: bool = False  # the policy asks for a receipt for this much
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "note", clean_short(self.note, "expense note"))
        if self.kind not in EXPENSE_KINDS:
            raise UserError(f"{self.kind[:30]!r} is not a kind of expense; use {', '.join(EXPENSE_KINDS)}.")
        if not 0 < int(self.pence) <= MAX_PENCE:
            raise UserError("An expense must be more than nothing; type pounds and pence, such as 4.20.")

    def words(self) -> str:
        said = [self.note] if self.note else []
        if self.receipt_needed and not self.receipt:
            said.append("receipt needed")
        what = f"{EXPENSE_KINDS[self.kind]} {money(self.pence)}"
        return f"{what} ({', '.join(said)})" if said else what

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "pence": self.pence, "note": self.note, "receipt": self.receipt,
                "receipt_needed": self.receipt_needed}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Expense:
        return cls(kind=d["kind"], pence=int(d["pence"]), note=d.get("note", ""), receipt=bool(d.get("receipt")),
                   receipt_needed=bool(d.get("receipt_needed")), id=d.get("id") or new_id())


@dataclass(frozen=True)
class Claim:
    """One member's claim for one meeting."""

    group_id: str
    meeting_id: str
    member_id: str
    member_name: str
    meeting_title: str
    meeting_start: datetime
    attended_minutes: int
    paid_minutes: int  # the time paid for, by the policy's rule
    preparation_minutes: int
    time_pence: int
    how_counted: str  # the rule, in words, for this member
    expenses: tuple[Expense, ...] = ()
    state: ClaimState = ClaimState.TO_PAY
    paid_as: PaidAs = PaidAs.MONEY
    state_on: str = ""  # ISO date the state was last set (paid on, declined on)
    note: str = ""
    id: str = field(default_factory=new_id)
    updated: str = field(default_factory=lambda: now().isoformat())

    def __post_init__(self) -> None:
        # Claims may come from another laptop's file: every text is cleaned like typed text.
        object.__setattr__(self, "note", clean_short(self.note, "note"))
        object.__setattr__(self, "member_name", clean_name(self.member_name))
        object.__setattr__(self, "meeting_title", clean_title(self.meeting_title))
        object.__setattr__(self, "how_counted", clean_short(self.how_counted, "how it was counted"))
        object.__setattr__(self, "state", ClaimState(self.state))
        object.__setattr__(self, "paid_as", PaidAs(self.paid_as))
        object.__setattr__(self, "expenses", tuple(self.expenses))

    @property
    def expenses_pence(self) -> int:
        return sum(e.pence for e in self.expenses)

    @property
    def total_pence(self) -> int:
        return 0 if self.state is ClaimState.DECLINED else self.time_pence + self.expenses_pence

    def sentence(self) -> str:
        """ "Priya: 2 hours at the meeting and 1 hour preparation, £75.00; travel £4.20. £79.20 to pay." """
        time = f"{minutes_in_words(self.attended_minutes)} at the meeting" if self.attended_minutes else "not at the meeting"
        if self.preparation_minutes:
            time += f" and {minutes_in_words(self.preparation_minutes)} preparation"
        parts = [f"{self.member_name}: {time}, {money(self.time_pence)} for time"]
        if self.expenses:
            parts.append("; expenses: " + ", ".join(e.words() for e in self.expenses))
        tail = {
            ClaimState.TO_PAY: f"{money(self.total_pence)} to pay",
            ClaimState.PAID: f"{money(self.total_pence)} paid" + (f" on {_day(self.state_on)}" if self.state_on else ""),
            ClaimState.DECLINED: f"{self.member_name} declined payment",
        }[self.state]
        if self.paid_as is PaidAs.VOUCHERS and self.state is not ClaimState.DECLINED:
            tail += " in vouchers"
        return "".join(parts) + f". {tail}."

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "group_id": self.group_id, "meeting_id": self.meeting_id, "member_id": self.member_id,
            "member_name": self.member_name, "meeting_title": self.meeting_title,
            "meeting_start": self.meeting_start.isoformat(), "attended_minutes": self.attended_minutes,
            "paid_minutes": self.paid_minutes, "preparation_minutes": self.preparation_minutes,
            "time_pence": self.time_pence, "how_counted": self.how_counted,
            "expenses": [e.to_dict() for e in self.expenses], "state": self.state.value,
            "paid_as": self.paid_as.value, "state_on": self.state_on, "note": self.note, "updated": self.updated,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(
            id=d["id"], group_id=d["group_id"], meeting_id=d["meeting_id"], member_id=d["member_id"],
            member_name=d.get("member_name", ""), meeting_title=d.get("meeting_title", ""),
            meeting_start=datetime.fromisoformat(d["meeting_start"]),
            attended_minutes=int(d.get("attended_minutes", 0)), paid_minutes=int(d.get("paid_minutes", 0)),
            preparation_minutes=int(d.get("preparation_minutes", 0)), time_pence=int(d.get("time_pence", 0)),
            how_counted=d.get("how_counted", ""),
            expenses=tuple(Expense.from_dict(e) for e in d.get("expenses", [])),
            state=d.get("state", ClaimState.TO_PAY), paid_as=d.get("paid_as", PaidAs.MONEY),
            state_on=d.get("state_on", ""), note=d.get("note", ""), updated=d.get("updated", ""),
        )

    def touched(self, **changes: Any) -> Claim:
        return replace(self, **changes, updated=now().isoformat())


def _day(iso: str) -> str:
    try:
        return date_in_words(date.fromisoformat(iso))
    except ValueError:
        return iso


def _round_up(minutes: int, block: int) -> int:
    return -(-minutes // block) * block


def paid_time(policy: Policy, seen: Attendance) -> tuple[int, str]:
    """The minutes paid for (by the policy's rule) and how they were counted, in words."""
    whole = seen.meeting_minutes
    late = seen.late if seen.late > policy.grace_minutes else 0
    early = seen.early if seen.early > policy.grace_minutes else 0
    said = []
    if seen.late:
        said.append(f"arrived {minutes_in_words(seen.late)} late")
    if seen.early:
        said.append(f"left {minutes_in_words(seen.early)} early")
    if policy.minimum_minutes and seen.minutes < policy.minimum_minutes:
        return 0, (f"Was there for {minutes_in_words(seen.minutes)}, less than the "
                   f"{minutes_in_words(policy.minimum_minutes)} the policy asks for, so no payment for time.")
    if policy.rule == "full" or (not late and not early and seen.minutes >= whole - 2 * policy.grace_minutes):
        why = "paid for the whole meeting"
        if said and policy.rule == "pro_rata":
            why += f" (within the {minutes_in_words(policy.grace_minutes)} the policy allows)"
        return whole, (f"{' and '.join(said).capitalize()}; {why}." if said else "There for the whole meeting.")
    # Lateness (or leaving early) within the grace counts as time there.
    there = seen.minutes + (seen.late if not late else 0) + (seen.early if not early else 0)
    counted = min(whole, _round_up(there, policy.round_up_minutes))
    rounding = (f", rounded up to {minutes_in_words(counted)}" if counted != there else "")
    graced = " (with the time the policy allows)" if there != seen.minutes else ""
    return counted, (f"{' and '.join(said).capitalize() or 'Was away for part of it'}; paid for the "
                     f"{minutes_in_words(there)} they were there{graced}{rounding}.")


def time_pence(policy: Policy, paid_minutes: int, meeting_minutes: int) -> tuple[int, int]:
    """(pence for time, preparation minutes) for one claim."""
    prep = policy.preparation_minutes if paid_minutes else 0
    if policy.per == "hour":
        pence = round(policy.rate_pence * (paid_minutes + prep) / 60)
    else:
        pence = round(policy.rate_pence * paid_minutes / meeting_minutes) if meeting_minutes else 0
    if paid_minutes:
        pence += policy.preparation_pence
    return pence, prep


def claims_for(meeting: Meeting, events: list[Event], policy: Policy,
               preferences: dict[str, str] | None = None) -> list[Claim]:
    """A claim line for each member the policy pays who was at the (ended) meeting.

    ``preferences`` holds, by member id, "declined" or "vouchers" as the member asked before.
    """
    started, ended = meeting_span(events)
    if started is None:
        raise UserError("This meeting has not started, so there is no attendance to pay for yet.")
    if ended is None:
        raise UserError("This meeting has not ended yet; claims are made from the attendance once it ends.")
    preferences = preferences or {}
    seen = attendance_of(events)
    out = []
    for member in meeting.roster:
        if not policy.pays(member) or member.id not in seen:
            continue
        minutes, how = paid_time(policy, seen[member.id])
        pence, prep = time_pence(policy, minutes, seen[member.id].meeting_minutes)
        wish = preferences.get(member.id, "")
        state = ClaimState.DECLINED if wish == "declined" and policy.decline else ClaimState.TO_PAY
        paid_as = PaidAs.VOUCHERS if wish == "vouchers" and policy.vouchers else PaidAs.MONEY
        out.append(Claim(
            group_id=meeting.group_id, meeting_id=meeting.id, member_id=member.id, member_name=member.name,
            meeting_title=meeting.title, meeting_start=meeting.start, attended_minutes=seen[member.id].minutes,
            paid_minutes=minutes, preparation_minutes=prep, time_pence=pence, how_counted=how,
            state=state, paid_as=paid_as,
            note="Declined payment, as they asked before." if state is ClaimState.DECLINED else "",
        ))
    return out


def add_expense(claim: Claim, policy: Policy, expense: Expense) -> Claim:
    if not policy.expense_allowed(expense.kind):
        raise UserError(f"This group's payment policy does not pay {EXPENSE_KINDS[expense.kind]}.")
    if claim.state is ClaimState.PAID:
        raise UserError(f"{claim.member_name}'s claim is already paid; mark it to pay again first to add to it.")
    return claim.touched(expenses=(*claim.expenses, expense))


def set_state(claim: Claim, policy: Policy, state: ClaimState | str, day: str = "") -> Claim:
    state = ClaimState(state)
    if state is ClaimState.DECLINED and not policy.decline:
        raise UserError("This group's payment policy does not let members decline payment.")
    return claim.touched(state=state, state_on=day if state is not ClaimState.TO_PAY else "")


def set_paid_as(claim: Claim, policy: Policy, paid_as: PaidAs | str) -> Claim:
    paid_as = PaidAs(paid_as)
    if paid_as is PaidAs.VOUCHERS and not policy.vouchers:
        raise UserError("This group's payment policy does not offer vouchers.")
    return claim.touched(paid_as=paid_as)


# ---------------------------------------------------------------------------
# For finance

CSV_COLUMNS = (
    "claim_id", "group", "meeting_date", "meeting", "member", "member_id", "minutes_at_meeting",
    "minutes_paid", "preparation_minutes", "time", "expenses", "total", "paid_as", "state", "state_on",
    "how_counted", "expense_details", "note",
)


def csv_row(claim: Claim, group_name: str) -> list[str]:
    pounds = lambda p: f"{p / 100:.2f}"  # noqa: E731 - plain numbers a spreadsheet can add up
    return [csv_cell(v) for v in (
        claim.id, group_name, claim.meeting_start.date().isoformat(), claim.meeting_title, claim.member_name,
        claim.member_id, claim.attended_minutes, claim.paid_minutes, claim.preparation_minutes,
        pounds(claim.time_pence), pounds(claim.expenses_pence), pounds(claim.total_pence), claim.paid_as.value,
        claim.state.value, claim.state_on, claim.how_counted, "; ".join(e.words() for e in claim.expenses),
        claim.note,
    )]
