"""Payments for members' time and expenses: a group's policy, claims from attendance, finance export.

Claims live in a private file per group (see ``storage/payments.py``), never in a meeting file,
so no minutes copy and no plain `export-meeting` can hold them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from coprod_meet.domain.dates import when_in_words
from coprod_meet.domain.errors import NotFound, UserError
from coprod_meet.domain.model import Group
from coprod_meet.domain.payments import (
    CSV_COLUMNS,
    Claim,
    ClaimState,
    Expense,
    PaidAs,
    Policy,
    PolicyProblem,
    add_expense,
    claims_for,
    csv_row,
    money,
    parse_policy,
    set_paid_as,
    set_state,
)
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.decision_list import period_of
from coprod_meet.services.templates import read_text, templates_dir
from coprod_meet.storage import payments as store

WISHES = ("declined", "vouchers", "")


def example_policies() -> list[Path]:
    """The example policy files shipped in ``meetings/payment-policies/``."""
    return sorted((templates_dir() / "payment-policies").glob("*.toml"))


@dataclass(frozen=True)
class ClaimRow:
    claim: Claim
    group_name: str

    def to_json(self) -> dict[str, Any]:
        return self.claim.to_dict() | {"group": self.group_name, "total_pence": self.claim.total_pence,
                                       "sentence": self.claim.sentence()}


class PaymentsService:
    """A group's payment policy and claims."""

    def __init__(self, service: ArchiveService) -> None:
        self.service = service

    # -- the policy -----------------------------------------------------------------------

    def set_policy(self, group_id: str, path: Path | str) -> Policy:
        """Check a policy file and keep a copy of it (as written) for the group."""
        path = Path(path)
        text = read_text(path, "payment policy", PolicyProblem, "a payment policy")
        policy = parse_policy(text, path.name)
        self.service.group(group_id)  # the group must be there
        self.service.payments.write_policy_text(group_id, text)
        return policy

    def policy(self, group_id: str) -> Policy | None:
        text = self.service.payments.read_policy_text(group_id)
        if text is None:
            return None
        return parse_policy(text, self.service.payments.policy_path(group_id).name)

    def needed_policy(self, group: Group) -> Policy:
        policy = self.policy(group.id)
        if policy is None:
            raise UserError(
                f"{group.name} has no payment policy yet; give it one first, such as "
                f"coprod-meet payment-policy --group \"{group.name}\" --set "
                "meetings/payment-policies/nihr-style-example.toml."
            )
        return policy

    def policy_file(self, group_id: str) -> Path:
        return self.service.payments.policy_path(group_id)

    # -- claims ---------------------------------------------------------------------------

    def _file(self, group_id: str) -> store.PaymentsFile:
        return self.service.payments.file(group_id)

    def _group_of_meeting(self, meeting_group_id: str, group_name: str) -> Group:
        try:
            return self.service.group(meeting_group_id)
        except NotFound:
            raise UserError(f"The group {group_name!r} of this meeting is not in this archive, so it has no "
                            "payment policy; import its group first.") from None

    def make_claims(self, meeting_id: str) -> tuple[list[Claim], list[Claim]]:
        """Claims from the meeting's attendance: (new ones, ones made before and kept as they are)."""
        mid = self.service.find_meeting_id(meeting_id)
        meeting = self.service.get_meeting(mid)
        events = self.service.events(mid)
        group = self._group_of_meeting(meeting.group_id, meeting.group_name)
        policy = self.needed_policy(group)
        f = self._file(group.id)
        try:
            existing = [Claim.from_dict(d) for d in f.claims() if d.get("meeting_id") == mid]
            had = {c.member_id for c in existing}
            fresh = [c for c in claims_for(meeting, events, policy, f.wishes()) if c.member_id not in had]
            if fresh:
                f.put_claims([c.to_dict() for c in fresh])
        finally:
            f.close()
        return fresh, existing

    def ended_meetings(self, group_id: str, limit: int = 30) -> list[Any]:
        """The group's latest meetings that have ended (newest first), to make claims for."""
        from coprod_meet.domain.payments import meeting_span

        out = []
        for m in self.service.list_meetings():
            if m.group_id != group_id:
                continue
            loaded = self.service.read_meeting(m.id)
            if loaded is not None and meeting_span(loaded[1])[1] is not None:
                out.append(m)
                if len(out) == limit:
                    break
        return out

    def refresh_claims(self, meeting_id: str) -> list[str]:
        """Work out again, from the attendance as it is now, the time of the meeting's claims that
        are still to pay (after attendance was corrected). Expenses, paid and declined claims stay
        as they are. Returns what changed, in words (and new claims are made too)."""
        mid = self.service.find_meeting_id(meeting_id)
        meeting = self.service.get_meeting(mid)
        group = self._group_of_meeting(meeting.group_id, meeting.group_name)
        policy = self.needed_policy(group)
        f = self._file(group.id)
        said: list[str] = []
        try:
            now = {c.member_id: c for c in claims_for(meeting, self.service.events(mid), policy, f.wishes())}
            existing = [Claim.from_dict(d) for d in f.claims() if d.get("meeting_id") == mid]
            changed = []
            for old in existing:
                new = now.pop(old.member_id, None)
                if new is None:
                    said.append(f"{old.member_name} is no longer in this meeting's attendance; their claim is "
                                f"kept as it was ({old.state.words}). Mark it declined if they did not come.")
                    continue
                if old.state is not ClaimState.TO_PAY:
                    continue
                fields = ("attended_minutes", "paid_minutes", "preparation_minutes", "time_pence", "how_counted")
                if all(getattr(old, k) == getattr(new, k) for k in fields):
                    continue
                changed.append(old.touched(**{k: getattr(new, k) for k in fields}))
                said.append(f"{old.member_name}: {money(old.time_pence)} for time before, "
                            f"{money(new.time_pence)} now. {new.how_counted}")
            fresh = list(now.values())
            said += [f"New claim: {c.sentence()}" for c in fresh]
            if changed or fresh:
                f.put_claims([c.to_dict() for c in (*changed, *fresh)])
        finally:
            f.close()
        return said or ["Nothing changed: the claims still to pay agree with the attendance."]

    def claims(self, *, group: str = "", since: str = "", until: str = "",
               meeting_id: str = "") -> list[ClaimRow]:
        """Claims, oldest meeting first, for one group (by name) or all, within a period."""
        first, last = period_of(None, since or None, until or None)
        groups = [self.service.find_group(group)] if group.strip() else self.service.groups()
        rows = []
        for g in groups:
            if not self.service.payments.has_claims_file(g.id):
                continue
            f = self._file(g.id)
            try:
                found = [Claim.from_dict(d) for d in f.claims()]
            finally:
                f.close()
            for c in found:
                day = c.meeting_start.date()
                if first and day < first or last and day > last or meeting_id and c.meeting_id != meeting_id:
                    continue
                rows.append(ClaimRow(c, g.name))
        rows.sort(key=lambda r: (r.claim.meeting_start, r.group_name.casefold(), r.claim.member_name.casefold()))
        return rows

    def claim(self, claim_id: str) -> tuple[Claim, Group]:
        """One claim by its id (or the unique start of it)."""
        text = claim_id.strip()
        found = [r for r in self.claims() if text and r.claim.id.startswith(text)]
        if not found:
            raise NotFound(f"No claim id starts with {text!r}; type coprod-meet payments to list them.")
        if len(found) > 1:
            raise UserError(f"More than one claim id starts with {text!r}; please type more of the id.")
        return found[0].claim, self.service.group(found[0].claim.group_id)

    def _save(self, claim: Claim) -> Claim:
        f = self._file(claim.group_id)
        try:
            f.put_claims([claim.to_dict()])
        finally:
            f.close()
        return claim

    def mark(self, claim: Claim, state: ClaimState | str, day: date | None = None) -> Claim:
        group = self.service.group(claim.group_id)
        return self._save(set_state(claim, self.needed_policy(group), state, (day or date.today()).isoformat()))

    def pay_as(self, claim: Claim, paid_as: PaidAs | str) -> Claim:
        group = self.service.group(claim.group_id)
        return self._save(set_paid_as(claim, self.needed_policy(group), paid_as))

    def add_expense(self, claim: Claim, kind: str, pence: int, note: str = "", receipt: bool = False) -> Claim:
        group = self.service.group(claim.group_id)
        policy = self.needed_policy(group)
        expense = Expense(kind=kind, pence=pence, note=note, receipt=receipt,
                          receipt_needed=pence > policy.receipts_over_pence)
        return self._save(add_expense(claim, policy, expense))

    def remember_wish(self, group_id: str, member_id: str, wish: str) -> None:
        """What a member asked for every time: "declined", "vouchers" or "" (money)."""
        if wish not in WISHES:
            raise UserError("Please choose declined, vouchers or money.")
        group = self.service.group(group_id)
        policy = self.needed_policy(group)
        if wish == "declined" and not policy.decline:
            raise UserError("This group's payment policy does not let members decline payment.")
        if wish == "vouchers" and not policy.vouchers:
            raise UserError("This group's payment policy does not offer vouchers.")
        f = self._file(group_id)
        try:
            f.put_wish(member_id, wish)
        finally:
            f.close()

    def wishes(self, group_id: str) -> dict[str, str]:
        f = self._file(group_id)
        try:
            return f.wishes()
        finally:
            f.close()

    # -- for a meeting file going elsewhere (export-meeting --with-payments) ----------------

    def claims_of_meeting(self, meeting_id: str, group_id: str) -> list[dict[str, Any]]:
        if not self.service.payments.has_claims_file(group_id):
            return []
        f = self._file(group_id)
        try:
            return [d for d in f.claims() if d.get("meeting_id") == meeting_id]
        finally:
            f.close()

    def take_claims(self, claims: list[dict[str, Any]]) -> int:
        """Claims from another laptop: the newer of two versions of a claim is kept. Returns how
        many changed here."""
        by_group: dict[str, list[Claim]] = {}
        for raw in claims:
            try:
                c = Claim.from_dict(raw)
                self.service.payments.policy_path(c.group_id)  # a safe group id
            except (KeyError, ValueError, TypeError, UserError):
                continue
            by_group.setdefault(c.group_id, []).append(c)
        changed = 0
        for group_id, theirs in by_group.items():
            f = self._file(group_id)
            try:
                ours = {d.get("id"): d for d in f.claims()}
                newer = [c for c in theirs if c.id not in ours or str(ours[c.id].get("updated", "")) < c.updated]
                if newer:
                    f.put_claims([c.to_dict() for c in newer])
                changed += len(newer)
            finally:
                f.close()
        return changed


def period_words(since: str = "", until: str = "") -> str:
    """What typed dates resolved to: "Meetings from Sunday 1 March 2026 to Tuesday 31 March 2026." ("" for all)."""
    from coprod_meet.domain.dates import date_in_words

    first, last = period_of(None, since or None, until or None)
    if first and last:
        return f"Meetings from {date_in_words(first)} to {date_in_words(last)}."
    if first:
        return f"Meetings from {date_in_words(first)} on."
    if last:
        return f"Meetings up to {date_in_words(last)}."
    return ""


def claims_csv(rows: list[ClaimRow]) -> str:
    """Claims for finance, one line each, every cell safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow(csv_row(r.claim, r.group_name))
    return out.getvalue()


def claims_lines(rows: list[ClaimRow]) -> list[str]:
    """Claims in plain lines, meeting by meeting, with totals."""
    if not rows:
        return ["There are no claims to show."]
    out: list[str] = []
    heading = None
    for r in rows:
        this = (r.group_name, r.claim.meeting_id)
        if this != heading:
            heading = this
            out.append(f"{r.group_name}: {r.claim.meeting_title}, {when_in_words(r.claim.meeting_start)}.")
        out.append(f"  {r.claim.sentence()}")
        out.append(f"    {r.claim.how_counted} Claim id: {r.claim.id[:8]}.")
    to_pay = sum(r.claim.total_pence for r in rows if r.claim.state is ClaimState.TO_PAY)
    paid = sum(r.claim.total_pence for r in rows if r.claim.state is ClaimState.PAID)
    declined = sum(1 for r in rows if r.claim.state is ClaimState.DECLINED)
    out.append(f"Altogether: {money(to_pay)} to pay, {money(paid)} paid, {declined} declined.")
    return out
