"""The involvement record on the command line: payments, access needs met, and members.

    coprod-meet payments [--group] [--since] [--until] [--csv|--json]
    coprod-meet payment-policy --group NAME [--set FILE]
    coprod-meet claims MEETING_ID            claim lines from the meeting's attendance
    coprod-meet claim CLAIM_ID [--paid|--declined|--to-pay] [--vouchers|--money] [--expense KIND AMOUNT [NOTE]]
    coprod-meet papers-sent MEETING_ID --member NAME [--need easy-read|large-print] [--on DATE]
    coprod-meet access-needs [--group NAME] [--year YYYY | --since --until] [--json]
    coprod-meet members add|change|archive ...   (plain `coprod-meet members` still lists them)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_meet.domain.errors import NotFound, UserError

if TYPE_CHECKING:  # pragma: no cover  (loaded by the commands that use them: the app's start needs neither)
    from coprod_meet.domain.model import Group, Member

EXIT_OK, EXIT_PROBLEM = 0, 1


def add_commands(sub, archive_option) -> None:
    """Add the commands to the ``coprod-meet`` parser (``archive_option`` comes from cli.py)."""
    payments = sub.add_parser("payments", help="payment claims for members' time and expenses (private)")
    archive_option(payments)
    payments.add_argument("--group", default="", metavar="NAME", help="only this group")
    payments.add_argument("--since", default="", metavar="WORDS", help='meetings on or after, e.g. "April"')
    payments.add_argument("--until", default="", metavar="WORDS", help='meetings on or before, e.g. "last month"')
    form = payments.add_mutually_exclusive_group()
    form.add_argument("--csv", action="store_true", help="CSV for finance (safe to open in a spreadsheet)")
    form.add_argument("--json", action="store_true", help="print JSON for scripts")
    payments.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of the screen")
    payments.set_defaults(handler=cmd_payments)

    policy = sub.add_parser("payment-policy", help="show or set a group's payment policy (a TOML file)")
    archive_option(policy)
    policy.add_argument("--group", required=True, metavar="NAME", help="the group")
    policy.add_argument("--set", dest="file", type=Path, metavar="FILE",
                        help="check this policy file and use it for the group, such as "
                             "meetings/payment-policies/nihr-style-example.toml")
    policy.set_defaults(handler=cmd_payment_policy)

    claims = sub.add_parser("claims", help="make payment claims from a meeting's attendance, once it has ended")
    archive_option(claims)
    claims.add_argument("meeting_id", metavar="MEETING_ID", help="the meeting's id (the first few characters do)")
    claims.add_argument("--again", action="store_true",
                        help="after attendance was corrected: work out the claims still to pay again")
    claims.set_defaults(handler=cmd_claims)

    claim = sub.add_parser("claim", help="change one claim: paid, declined, vouchers, an expense")
    archive_option(claim)
    claim.add_argument("claim_id", metavar="CLAIM_ID", help="the claim's id (the first few characters do)")
    state = claim.add_mutually_exclusive_group()
    state.add_argument("--paid", action="store_const", dest="state", const="paid", help="mark it paid today")
    state.add_argument("--declined", action="store_const", dest="state", const="declined",
                       help="the member declined payment")
    state.add_argument("--to-pay", action="store_const", dest="state", const="to_pay", help="mark it to pay again")
    how = claim.add_mutually_exclusive_group()
    how.add_argument("--vouchers", action="store_const", dest="paid_as", const="vouchers", help="pay in vouchers")
    how.add_argument("--money", action="store_const", dest="paid_as", const="money", help="pay in money")
    claim.add_argument("--expense", nargs="+", metavar="WORDS",
                       help="add an expense: KIND (travel, carer or other), AMOUNT and a note, "
                            "such as --expense travel 4.20 bus fare")
    claim.add_argument("--receipt", action="store_true", help="the expense has a receipt")
    claim.set_defaults(handler=cmd_claim)

    papers = sub.add_parser("papers-sent", help="for the plan: when a member's papers in their format went out")
    archive_option(papers)
    papers.add_argument("meeting_id", metavar="MEETING_ID", help="the meeting's id (the first few characters do)")
    papers.add_argument("--member", required=True, metavar="NAME", help="the member (their name or id)")
    papers.add_argument("--need", choices=["easy-read", "large-print"], help="which format, if they need both")
    papers.add_argument("--on", default="today", metavar="DATE", help='when they went out (default today), e.g. "3/3/2026"')
    papers.set_defaults(handler=cmd_papers_sent)

    needs = sub.add_parser("access-needs", help="whether members' access needs were met, per group")
    archive_option(needs)
    needs.add_argument("--group", default="", metavar="NAME", help="only this group (default: every group)")
    needs.add_argument("--year", type=int, metavar="YYYY", help="one calendar year, such as 2026")
    needs.add_argument("--since", default="", metavar="WORDS", help="meetings on or after")
    needs.add_argument("--until", default="", metavar="WORDS", help="meetings on or before")
    needs.add_argument("--json", action="store_true", help="print JSON for scripts")
    needs.set_defaults(handler=cmd_access_needs)


def _open(args: argparse.Namespace):
    from coprod_meet.services.archive import ArchiveService

    return ArchiveService.open(getattr(args, "archive", None))


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from coprod_meet.storage.durable import atomic_write

    target = output.expanduser()
    if not target.parent.is_dir():
        raise UserError(f"The folder {target.parent} does not exist; please choose a folder that does.")
    atomic_write(target, text.encode("utf-8"))
    print(f"Wrote the claims to {target}.")


def cmd_payments(args: argparse.Namespace) -> int:
    from coprod_meet.services.payments import PaymentsService, claims_csv, claims_lines, period_words

    with _open(args) as service:
        rows = PaymentsService(service).claims(group=args.group, since=args.since, until=args.until)
        if args.csv:
            _write(claims_csv(rows), args.output)
        elif args.json:
            _write(json.dumps([r.to_json() for r in rows], indent=2) + "\n", args.output)
        else:
            period = period_words(args.since, args.until)
            _write("\n".join(([period] if period else []) + claims_lines(rows)) + "\n", args.output)
    return EXIT_OK


def cmd_payment_policy(args: argparse.Namespace) -> int:
    from coprod_meet.services.payments import PaymentsService

    with _open(args) as service:
        group = service.find_group(args.group)
        payments = PaymentsService(service)
        if args.file is not None:
            policy = payments.set_policy(group.id, args.file)
            print(f"{group.name} now uses the payment policy in {args.file.name}:")
        else:
            policy = payments.policy(group.id)
            if policy is None:
                print(f"{group.name} has no payment policy yet. Set one with --set FILE; examples are in "
                      "meetings/payment-policies/.")
                return EXIT_OK
            print(f"{group.name}'s payment policy (kept in {payments.policy_file(group.id)}):")
        for line in policy.lines():
            print(f"  {line}")
    return EXIT_OK


def cmd_claims(args: argparse.Namespace) -> int:
    from coprod_meet.services.payments import PaymentsService, claims_lines

    with _open(args) as service:
        payments = PaymentsService(service)
        if args.again:
            for line in payments.refresh_claims(args.meeting_id):
                print(line)
            return EXIT_OK
        fresh, before = payments.make_claims(args.meeting_id)
        if not fresh and not before:
            print("Nobody the payment policy pays came to this meeting, so there are no claims.")
            return EXIT_OK
        print(f"Made {len(fresh)} new {'claim' if len(fresh) == 1 else 'claims'}"
              + (f"; {len(before)} made before {'was' if len(before) == 1 else 'were'} kept as they are "
                 "(add --again if the attendance was corrected since)." if before else "."))
        mid = service.find_meeting_id(args.meeting_id)
        meeting = service.get_meeting(mid)
        for line in claims_lines(payments.claims(group=meeting.group_id, meeting_id=mid)):
            print(line)
    return EXIT_OK


def cmd_claim(args: argparse.Namespace) -> int:
    from coprod_meet.domain.payments import parse_money
    from coprod_meet.services.payments import PaymentsService

    with _open(args) as service:
        payments = PaymentsService(service)
        claim, _group = payments.claim(args.claim_id)
        if args.expense:
            if len(args.expense) < 2:
                raise UserError("Please give the kind and the amount, such as --expense travel 4.20 bus fare.")
            kind, amount, *note = args.expense
            claim = payments.add_expense(claim, kind.lower(), parse_money(amount), " ".join(note), args.receipt)
        if args.paid_as:
            claim = payments.pay_as(claim, args.paid_as)
        if args.state:
            claim = payments.mark(claim, args.state)
        print(claim.sentence())
    return EXIT_OK


def cmd_papers_sent(args: argparse.Namespace) -> int:
    from coprod_meet.domain.dates import parse_date
    from coprod_meet.domain.model import AccessNeed
    from coprod_meet.services.access import AccessService

    day = parse_date(args.on)
    with _open(args) as service:
        mid = service.find_meeting_id(args.meeting_id)
        meeting = service.get_meeting(mid)
        member = find_member(_roster_group(meeting), args.member)
        formats = [n.value for n in member.access_needs if n in (AccessNeed.EASY_READ, AccessNeed.LARGE_PRINT)]
        if args.need:
            formats = [f for f in formats if f == args.need.replace("-", "_")]
        if not formats:
            raise UserError(f"{member.name} does not need papers in "
                            f"{args.need.replace('-', ' ') if args.need else 'easy read or large print'}.")
        if len(formats) > 1:
            raise UserError(f"{member.name} needs both easy read and large print; add --need easy-read or "
                            "--need large-print.")
        print(AccessService(service).record_papers_sent(mid, member.id, formats[0], day))
    return EXIT_OK


def _roster_group(meeting) -> Group:
    """The meeting's roster as a group, to find a member of it by name."""
    from coprod_meet.domain.model import Group

    return Group(id=meeting.group_id, name=meeting.group_name or "this meeting", members=meeting.roster)


def cmd_access_needs(args: argparse.Namespace) -> int:
    from coprod_meet.services.access import AccessService

    if args.year is not None and not 1900 <= args.year <= 2999:
        raise UserError("Please give a year such as 2026.")
    with _open(args) as service:
        found = AccessService(service)
        groups = [service.find_group(args.group)] if args.group.strip() else service.groups()
        if not groups:
            print("There are no groups yet.")
            return EXIT_OK
        if args.json:
            data = []
            for g in groups:
                for m in found.group_meetings(g.id, since=args.since, until=args.until, year=args.year):
                    data.append({"group": g.name, "meeting_id": m.meeting_id, "title": m.title,
                                 "date": m.start.date().isoformat(),
                                 "needs": [{"member_id": c.member_id, "name": c.name, "need": c.need,
                                            "met": c.met, "note": c.note} for c in m.checks]})
            json.dump(data, sys.stdout, indent=2)
            sys.stdout.write("\n")
        else:
            for n, g in enumerate(groups):
                if n:
                    print()
                print("\n".join(found.report_lines(g.id, year=args.year, since=args.since, until=args.until)))
    return EXIT_OK


# -- members ----------------------------------------------------------------------------------


def add_member_commands(members: argparse.ArgumentParser, archive_option, parser_class) -> None:
    """``members add``, ``members change`` and ``members archive`` under ``coprod-meet members``."""
    actions = members.add_subparsers(dest="member_action", metavar="ACTION", parser_class=parser_class)

    def details(p: argparse.ArgumentParser) -> None:
        p.add_argument("--full-name", metavar="TEXT", help='their full name, such as "Hayley Brook"')
        p.add_argument("--role", metavar="TEXT", help='what they do, for "role only" naming, such as "a carer"')
        p.add_argument("--voice", metavar="GROUP", help="lived experience, carer, professional or other")
        p.add_argument("--naming", metavar="HOW", help="how public minutes may name them: full, first, role or not named")
        p.add_argument("--needs", metavar="LIST", help='access needs, such as "easy read, bsl"; "none" for none')
        p.add_argument("--access-note", metavar="TEXT", help="any other need, in their words")

    add = actions.add_parser("add", help="add a member to a group")
    archive_option(add)
    add.add_argument("name", metavar="NAME", help="what the group calls them")
    add.add_argument("--group", dest="member_group", required=True, metavar="NAME", help="the group")
    details(add)
    add.set_defaults(handler=cmd_member_add)

    change = actions.add_parser("change", help="change a member's details")
    archive_option(change)
    change.add_argument("member", metavar="MEMBER", help="their name or id")
    change.add_argument("--group", dest="member_group", required=True, metavar="NAME", help="the group")
    change.add_argument("--name", metavar="TEXT", help="a new name")
    details(change)
    change.set_defaults(handler=cmd_member_change)

    archive = actions.add_parser("archive", help="take a member off future meetings (their history stays)")
    archive_option(archive)
    archive.add_argument("member", metavar="MEMBER", help="their name or id")
    archive.add_argument("--group", dest="member_group", required=True, metavar="NAME", help="the group")
    archive.add_argument("--bring-back", action="store_true", help="bring an archived member back")
    archive.set_defaults(handler=cmd_member_archive)


def find_member(group: Group, words: str, *, archived: bool = True) -> Member:
    """A member of the group by name, full name or id (or the start of the id)."""
    from coprod_meet.domain.templates import find_member as by_name

    members = [m for m in group.members if archived or not m.archived]
    found = by_name(members, words)
    if found is None:
        starts = [m for m in members if words.strip() and m.id.startswith(words.strip())]
        found = starts[0] if len(starts) == 1 else None
    if found is None:
        names = ", ".join(m.name for m in group.current_members) or "nobody yet"
        raise NotFound(f"{group.name} has no member called {words.strip()!r}; its members are: {names}.")
    return found


def _details(args: argparse.Namespace) -> dict[str, str | None]:
    return {"full_name": args.full_name, "role": args.role, "voice": args.voice, "naming": args.naming,
            "needs": args.needs, "access_note": args.access_note}


def _say_member(group: Group, member: Member, verb: str) -> None:
    print(f"{verb} {member.name} in {group.name}: {member.voice_group.words}; in public minutes: "
          f"{member.naming.words}.")
    needs = member.access_in_words()
    print(needs or f"{member.name} has no access needs written down.")
    print(f"Member id: {member.id}")


def cmd_member_add(args: argparse.Namespace) -> int:
    from coprod_meet.domain.member_words import member_with
    from coprod_meet.domain.model import Member
    from coprod_meet.services.planning import Planner

    with _open(args) as service:
        group = service.find_group(args.member_group)
        member = member_with(Member(name=args.name), **_details(args))
        Planner(service).save_member(group.id, member)
        _say_member(group, member, "Added")
    return EXIT_OK


def cmd_member_change(args: argparse.Namespace) -> int:
    from coprod_meet.domain.member_words import member_with
    from coprod_meet.services.planning import Planner

    with _open(args) as service:
        group = service.find_group(args.member_group)
        member = member_with(find_member(group, args.member), name=args.name, **_details(args))
        Planner(service).save_member(group.id, member)
        _say_member(group, member, "Changed")
    return EXIT_OK


def cmd_member_archive(args: argparse.Namespace) -> int:
    from coprod_meet.services.planning import Planner

    with _open(args) as service:
        group = service.find_group(args.member_group)
        member = find_member(group, args.member)
        Planner(service).archive_member(group.id, member.id, archived=not args.bring_back)
        if args.bring_back:
            print(f"{member.name} is back in {group.name} and will be on the next meetings.")
        else:
            print(f"{member.name} is archived: off future meetings of {group.name}; their history stays. "
                  "Bring them back with --bring-back.")
    return EXIT_OK


__all__ = ["add_commands", "add_member_commands", "find_member"]
