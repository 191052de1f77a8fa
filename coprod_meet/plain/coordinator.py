"""Line mode for coordinators: groups, members, planning, payments, access needs and review.

Everything a coordinator does between meetings, asked one short question at a time, so a blind
coordinator can do the whole job with a screen reader. The commands join the main menu of
``PlainSession``; each asks what it needs and says what it did.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coprod_meet.domain import access as access_domain
from coprod_meet.domain import member_words
from coprod_meet.domain.member_words import member_with
from coprod_meet.domain.dates import when_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Group, Member
from coprod_meet.plain.meeting import Cancelled

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.plain.session import Command, PlainSession

YES = ("yes", "y")


class Coordinator:
    """The coordinator's commands of line mode, over the same services as the app."""

    def __init__(self, session: PlainSession) -> None:
        self.session = session

    @property
    def service(self):
        return self.session.service

    @property
    def console(self):
        return self.session.console

    def commands(self) -> list[Command]:
        from coprod_meet.plain.session import Command

        return [
            Command("groups", "List the groups. Type groups add to add one, or groups rename.", self.cmd_groups),
            Command("members", "List a group's members.", self.cmd_members),
            Command("member", "Add, change or archive a member: type member add, member change "
                              "or member archive.", self.cmd_member),
            Command("payments", "Payments: the policy, claims after a meeting, paid or declined, "
                                "expenses, and a file for finance.", self.cmd_payments),
            Command("access", "Access needs: when papers in members' formats went out, whether each "
                              "need was met at a meeting, or a group's report.", self.cmd_access),
            Command("review", "Look back: decisions, actions and how the say was shared.", self.cmd_review),
        ]

    # -- small helpers ------------------------------------------------------------------------

    def say(self, text: str = "") -> None:
        self.console.say(text)

    def ask(self, prompt: str, *, needed: bool = False) -> str:
        answer = self.console.ask(prompt)
        if answer is None or (needed and not answer.strip()):
            raise Cancelled
        return answer.strip()

    def ask_until(self, prompt: str, read, *, needed: bool = True):
        """Ask until the answer reads (``read`` raises UserError otherwise); Enter on nothing cancels
        (or, when not ``needed``, is read too)."""
        while True:
            answer = self.ask(prompt, needed=needed)
            try:
                return read(answer)
            except UserError as error:
                self.say(str(error))

    def pick_group(self) -> Group:
        groups = [g for g in self.service.groups() if not g.archived]
        if not groups:
            raise UserError("There are no groups yet. Type groups add to add one.")
        if len(groups) == 1:
            self.say(f"Group: {groups[0].name}.")
            return groups[0]
        index = self.console.choose("Groups", [g.name for g in groups])
        if index is None:
            raise Cancelled("Back at the menu; nothing was changed.")
        return groups[index]

    def pick_member(self, group: Group) -> Member:
        members = sorted(group.members, key=lambda m: m.name.lower())
        index = self.console.choose(f"Members of {group.name}",
                                    [m.name + (" (archived)" if m.archived else "") for m in members])
        if index is None:
            raise Cancelled("Back at the menu; nothing was changed.")
        return members[index]

    def pick_meeting(self, group: Group | None = None, *, ended: bool = False):
        if ended and group is not None:
            from coprod_meet.services.payments import PaymentsService

            rows = PaymentsService(self.service).ended_meetings(group.id)
        else:
            rows = [m for m in self.service.list_meetings() if group is None or m.group_id == group.id]
        if not rows:
            raise UserError("There are no meetings that have ended yet." if ended else "There are no meetings yet.")
        rows = rows[:30]
        index = self.console.choose("Meetings, newest first", [f"{when_in_words(m.start)}. {m.title}." for m in rows])
        if index is None:
            raise Cancelled("Back at the menu; nothing was changed.")
        return rows[index]

    # -- groups and members -------------------------------------------------------------------

    def cmd_groups(self, rest: str) -> None:
        from coprod_meet.services.planning import Planner

        if rest.lower() == "add":
            name = self.ask("The new group's name. Type it, or press Enter to go back:", needed=True)
            group = Planner(self.service).add_group(name)
            self.say(f"Added the group {group.name}. Type member add to add its members.")
            return
        if rest.lower() == "rename":
            group = self.pick_group()
            name = self.ask(f"The new name for {group.name}. Type it, or press Enter to go back:", needed=True)
            renamed = Planner(self.service).rename_group(group.id, name)
            self.say(f"{group.name} is now called {renamed.name}. Its past meetings keep the name they had.")
            return
        if rest:
            raise UserError("Please type groups, groups add or groups rename.")
        groups = self.service.groups()
        if not groups:
            self.say("There are no groups yet. Type groups add to add one.")
            return
        self.say(f"{len(groups)} {'group' if len(groups) == 1 else 'groups'}:")
        for n, g in enumerate(groups, start=1):
            self.say(f"{n}. {g.name}: {len(g.current_members)} members.")

    def cmd_members(self, _rest: str) -> None:
        group = self.pick_group()
        members = sorted(group.members, key=lambda m: m.name.lower())
        if not members:
            self.say(f"{group.name} has no members yet. Type member add to add one.")
            return
        self.say(f"{group.name} has {len(group.current_members)} members:")
        for m in members:
            line = f"{m.name}: {m.voice_group.words}; in public minutes: {m.naming.words}."
            if m.archived:
                line += " Archived."
            self.say(line)
            if m.access_in_words():
                self.say(f"  {m.access_in_words()}")

    def cmd_member(self, rest: str) -> None:
        action = rest.lower() or self.ask("Type add, change or archive:", needed=True).lower()
        if action not in ("add", "change", "archive"):
            raise UserError("Please type member add, member change or member archive.")
        from coprod_meet.services.planning import Planner

        planner = Planner(self.service)
        group = self.pick_group()
        if action == "archive":
            member = self.pick_member(group)
            back = member.archived
            planner.archive_member(group.id, member.id, archived=not back)
            self.say(f"{member.name} is back in {group.name}." if back else
                     f"{member.name} is archived: off future meetings. Their history stays.")
            return
        if action == "add":
            member = Member(name=self.ask("Their name, as the group calls them:", needed=True))
        else:
            member = self.pick_member(group)
        member = self.ask_details(member, new=action == "add")
        planner.save_member(group.id, member)
        self.say(f"Saved {member.name}: {member.voice_group.words}; in public minutes: {member.naming.words}.")
        self.say(member.access_in_words() or f"{member.name} has no access needs written down.")

    def ask_details(self, member: Member, *, new: bool) -> Member:
        def optional(what: str, now: str, example: str = "") -> str | None:
            """Ask for one detail; None keeps it as it is (for a member already there)."""
            if new:
                return self.ask(f"{what}{example}. Type it, or press Enter for none:")
            answer = self.ask(f"{what}: {now or 'none'}. Type a new one, or press Enter to keep it:")
            return answer or None

        if not new:
            name = self.ask(f"Name: {member.name}. Type a new name, or press Enter to keep it:")
            member = member_with(member, name=name or None)
        member = member_with(member, full_name=optional("Full name", member.full_name))
        voice = self.ask_until(f"Voice group ({member_words.VOICE_CHOICES}). Type one:"
                               + ("" if new else f" Now: {member.voice_group.words}."),
                               member_words.voice_group)
        member = member_with(member, voice=voice.value)
        naming = self.ask_until(f"How may public minutes name them ({member_words.NAMING_CHOICES})? Type one:"
                                + ("" if new else f" Now: {member.naming.words}."), member_words.naming)
        member = member_with(member, naming=naming.value)
        if naming.value == "role":
            role = optional("Their role, as public minutes say it", member.role, ", like a carer")
            member = member_with(member, role=role)
        now = ", ".join(n.words for n in member.access_needs) or "none"
        while True:
            needs = self.ask(f"Access needs, separated by commas ({member_words.NEED_CHOICES}), or none."
                             + ("" if new else f" Now: {now}. Press Enter to keep them."))
            if not needs and not new:
                break
            try:
                member = member_with(member, needs=needs)
                break
            except UserError as error:
                self.say(str(error))
        note = optional("Any other need, in their words", member.access_notes)
        return member_with(member, access_note=note)

    # -- payments -----------------------------------------------------------------------------

    def cmd_payments(self, _rest: str) -> None:
        from coprod_meet.plain.session import Command

        def commands() -> list[Command]:
            return [
                Command("policy", "Hear a group's payment policy, or give it a policy file.", self.pay_policy),
                Command("claims", "Make the claims for a meeting that has ended, from who came and for how long.",
                        self.pay_claims),
                Command("list", "Hear the claims of a group, with what is still to pay.", self.pay_list),
                Command("paid", "Mark a claim as paid.", self.pay_state("paid")),
                Command("declined", "Mark a claim as declined by the member.", self.pay_state("declined")),
                Command("topay", "Mark a claim as still to pay.", self.pay_state("to_pay")),
                Command("expense", "Add an expense to a claim: travel, carer costs or other.", self.pay_expense),
                Command("vouchers", "Pay a claim in vouchers, or in money again.", self.pay_vouchers),
                Command("wish", "Remember that a member always declines, or takes vouchers.", self.pay_wish),
                Command("csv", "Write the claims to a file for finance.", self.pay_csv),
                Command("help", "Say these commands again.",
                        lambda _r: self.session.say_commands("Payment commands:", commands())),
                Command("back", "Back to the main menu.", lambda _r: True),
            ]

        self.say("Payments. Payment details are private: they are never in the minutes.")
        self.session.say_commands("Payment commands:", commands())
        self.session.loop("Payments. Type a command, then press Enter:", commands)
        self.say("Back at the main menu.")

    def _payments(self):
        from coprod_meet.services.payments import PaymentsService

        return PaymentsService(self.service)

    def pay_policy(self, _rest: str) -> None:
        payments = self._payments()
        group = self.pick_group()
        policy = payments.policy(group.id)
        if policy is not None:
            for line in policy.lines():
                self.say(line)
            if self.ask("Give it another policy file? Type yes or no:").lower() not in YES:
                return
        else:
            self.say(f"{group.name} has no payment policy yet.")
        from coprod_meet.services.payments import example_policies

        examples = example_policies()
        options = [p.name for p in examples] + ["Another file: type its path"]
        index = self.console.choose("Policy files", options)
        if index is None:
            raise Cancelled("Back at payments; the policy was not changed.")
        path = Path(self.ask("The policy file's path:", needed=True)).expanduser() if index == len(examples) \
            else examples[index]
        policy = payments.set_policy(group.id, path)
        self.say(f"{group.name} now uses this policy:")
        for line in policy.lines():
            self.say(line)

    def pay_claims(self, _rest: str) -> None:
        from coprod_meet.services.payments import claims_lines

        group = self.pick_group()
        meeting = self.pick_meeting(group, ended=True)
        payments = self._payments()
        fresh, before = payments.make_claims(meeting.id)
        if not fresh and not before:
            self.say("Nobody the payment policy pays came to this meeting, so there are no claims.")
            return
        self.say(f"Made {len(fresh)} new claims." + (f" {len(before)} made before were kept." if before else ""))
        for line in claims_lines(payments.claims(group=group.id, meeting_id=meeting.id)):
            self.say(line)
        if before and self.ask("Was the attendance corrected since? Type yes to work out the claims still "
                               "to pay again, or press Enter:").lower() in YES:
            for line in payments.refresh_claims(meeting.id):
                self.say(line)

    def pay_list(self, _rest: str) -> None:
        from coprod_meet.services.payments import claims_lines, period_words

        group = self.pick_group()
        since = self.ask_until("Since when? Type a date or month, or press Enter for all:", _period_or_all,
                               needed=False)
        rows = self._payments().claims(group=group.id, since=since)
        for line in ([period_words(since)] if since else []) + claims_lines(rows):
            self.say(line)

    def pick_claim(self):
        group = self.pick_group()
        rows = self._payments().claims(group=group.id)[-30:]
        if not rows:
            raise UserError(f"{group.name} has no claims yet. Type claims to make them for a meeting.")
        index = self.console.choose("Claims", [f"{when_in_words(r.claim.meeting_start)}. {r.claim.sentence()}"
                                               for r in rows])
        if index is None:
            raise Cancelled("Back at payments; nothing was changed.")
        return rows[index].claim

    def pay_state(self, state: str):
        def run(_rest: str) -> None:
            claim = self._payments().mark(self.pick_claim(), state)
            self.say(f"Saved. {claim.sentence()}")
        return run

    def pay_expense(self, _rest: str) -> None:
        from coprod_meet.domain.payments import EXPENSE_KINDS, parse_money

        claim = self.pick_claim()
        kinds = list(EXPENSE_KINDS)
        index = self.console.choose("Kind of expense", [EXPENSE_KINDS[k] for k in kinds])
        if index is None:
            raise Cancelled("Back at payments; nothing was changed.")
        pence = self.ask_until("How much? Type pounds and pence, like 4.20:", parse_money)
        note = self.ask("A note, like bus fare, or press Enter for none:")
        receipt = self.ask("Is there a receipt? Type yes or no:").lower() in YES
        claim = self._payments().add_expense(claim, kinds[index], pence, note, receipt)
        self.say(f"Saved. {claim.sentence()}")

    def pay_vouchers(self, _rest: str) -> None:
        claim = self.pick_claim()
        paid_as = "money" if claim.paid_as.value == "vouchers" else "vouchers"
        claim = self._payments().pay_as(claim, paid_as)
        self.say(f"Saved: paid in {paid_as}. {claim.sentence()}")

    def pay_wish(self, _rest: str) -> None:
        group = self.pick_group()
        member = self.pick_member(group)
        choices = [("declined", "Always declines payment"), ("vouchers", "Takes vouchers"), ("", "Takes money")]
        index = self.console.choose(f"What does {member.name} ask for", [c[1] for c in choices])
        if index is None:
            raise Cancelled("Back at payments; nothing was changed.")
        self._payments().remember_wish(group.id, member.id, choices[index][0])
        self.say(f"Saved. New claims for {member.name} will start as: {choices[index][1].lower()}.")

    def pay_csv(self, _rest: str) -> None:
        from coprod_meet.services.payments import claims_csv, period_words
        from coprod_meet.storage.durable import atomic_write

        group = self.pick_group()
        since = self.ask_until("Since when? Type a date or month, or press Enter for all:", _period_or_all,
                               needed=False)
        until = self.ask_until("Until when? Type a date or month, or press Enter for no end:", _period_or_all,
                               needed=False)
        rows = self._payments().claims(group=group.id, since=since, until=until)
        if since or until:
            self.say(period_words(since, until))
        target = Path(self.ask("The file to write, like claims.csv:", needed=True)).expanduser()
        if not target.parent.is_dir():
            raise UserError(f"The folder {target.parent} does not exist; please choose a folder that does.")
        if target.exists() and self.ask(f"{target.name} is there already. Replace it? Type yes or no:").lower() \
                not in YES:
            raise Cancelled("The file was not written.")
        atomic_write(target, claims_csv(rows).encode("utf-8"))
        self.say(f"Wrote {len(rows)} claims to {target}.")

    # -- access needs ---------------------------------------------------------------------------

    def cmd_access(self, rest: str) -> None:
        from coprod_meet.services.access import AccessService

        found = AccessService(self.service)
        what = rest.lower() or self.ask("Type papers to say when papers in members' formats went out, record "
                                        "to say how needs were met at a meeting, or report to hear a group's "
                                        "year:", needed=True).lower()
        if what == "papers":
            group = self.pick_group()
            meeting = self.pick_meeting(group)
            self.record_papers(meeting.id)
            return
        if what == "report":
            group = self.pick_group()
            year = self.ask_until("Which year? Type it, like 2026:", _year)
            for line in found.report_lines(group.id, year=year):
                self.say(line)
            return
        if what != "record":
            raise UserError("Please type access papers, access record or access report.")
        group = self.pick_group()
        meeting = self.pick_meeting(group)
        self.record_access(meeting.id)

    def record_papers(self, meeting_id: str) -> None:
        """For the plan: when each member's papers in their format went out."""
        from coprod_meet.domain.access import need_words
        from coprod_meet.domain.dates import date_in_words, parse_date
        from coprod_meet.services.access import AccessService

        found = AccessService(self.service)
        needs = found.paper_needs(meeting_id)
        if not needs:
            self.say("Nobody at this meeting needs papers in easy read or large print.")
            return
        for member, need, sent in needs:
            now = f"sent on {date_in_words(sent)}" if sent else "not marked as sent yet"
            self.say(f"{member.name} needs {need_words(need)}: {now}.")
            day = self.ask_until("When did they go out? Type a date, like today or 3/3/2026, or press Enter "
                                 "to skip:", lambda text: parse_date(text) if text else None, needed=False)
            if day is None:
                self.say("Skipped.")
                continue
            self.say(f"Saved. {found.record_papers_sent(meeting_id, member.id, need, day)}")

    def record_access(self, meeting_id: str) -> None:
        """Ask about each need of each member who came, one at a time."""
        from coprod_meet.services.access import AccessService

        found = AccessService(self.service)
        checks = found.checks(meeting_id)
        if not checks:
            self.say("Nobody with an access need came to this meeting.")
            return
        self.say(f"{len(checks)} needs to ask about. For each, type yes, partly or no. "
                 "Press Enter to skip one.")
        for c in checks:
            self.say(c.sentence())
            hint = f" Press Enter for {c.suggested}, as the plan says." if c.suggested and not c.met else ""
            while True:
                answer = self.console.ask(f"{c.name}, {c.need_in_words()}: was it met? Type yes, partly or no.{hint}")
                if answer is None:
                    raise Cancelled("Stopped; the answers given so far are saved.")
                answer = answer.strip().lower() or (c.suggested if not c.met else "")
                if not answer or answer in access_domain.MET_ANSWERS:
                    break
                self.say(f"{answer!r} is not yes, partly or no.")
            if not answer:
                self.say("Skipped.")
                continue
            note = ""
            if answer != "yes":
                note = self.ask("What happened? Type a short note, or press Enter for none:")
            found.record(meeting_id, c.member_id, c.need, answer, note)
            self.say(f"Saved: {c.name}, {c.need_in_words()}: {access_domain.MET_WORDS[answer]}.")
        self.say("All the needs have been asked about.")

    # -- review ---------------------------------------------------------------------------------

    def cmd_review(self, _rest: str) -> None:
        from coprod_meet.plain import review as review_words
        from coprod_meet.plain.session import Command

        def commands() -> list[Command]:
            return [
                Command("decisions", review_words.DECISIONS_HELP, self.review_decisions),
                Command("actions", review_words.ACTIONS_HELP, self.review_actions),
                Command("trends", "Hear how a group shared the say, came and felt heard.", self.review_trends),
                Command("help", "Say these commands again.",
                        lambda _r: self.session.say_commands("Review commands:", commands())),
                Command("back", "Back to the main menu.", lambda _r: True),
            ]

        self.session.say_commands("Review commands:", commands())
        self.session.loop("Review. Type a command, then press Enter:", commands)
        self.say("Back at the main menu.")

    def review_decisions(self, rest: str) -> None:
        """The same look-up as the main menu's decisions command (one set of rules everywhere)."""
        from coprod_meet.plain import review

        review.cmd_decisions(self.session, rest)

    def review_actions(self, rest: str) -> None:
        from coprod_meet.plain import review

        review.cmd_actions(self.session, rest)

    def review_trends(self, _rest: str) -> None:
        from coprod_meet.services.trends import group_trends

        group = self.pick_group()
        for line in group_trends(self.service, group.id).lines():
            self.say(line)


def _year(text: str) -> int:
    if not text.isdigit() or not 1900 <= int(text) <= 2999:
        raise UserError("Please type a year, like 2026.")
    return int(text)


def _period_or_all(text: str) -> str:
    """The words as typed, once they are known to read as a date or period ("" for all)."""
    if text:
        from coprod_meet.services.decision_list import period_of

        period_of(None, text, None)
    return text
