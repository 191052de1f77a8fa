"""The ``coprod-meet`` command (also ``python -m coprod_meet``).

With no command it opens the app. Every error a person can cause is one plain sentence on
stderr and a non-zero exit code: 2 for arguments we cannot use, 1 for everything else.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from coprod_meet import __version__
from coprod_meet.domain.dates import when_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.services.archive import ArchiveService

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2
# The names of our themes (kept here so the command line does not need to load Textual).
THEME_NAMES = ("high-contrast-dark", "high-contrast-light")


class PlainParser(argparse.ArgumentParser):
    """argparse that answers bad arguments with one plain sentence and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: {_plain_usage_error(message)}\n")
        raise SystemExit(EXIT_USAGE)


def _plain_usage_error(message: str) -> str:
    hint = "type coprod-meet --help to see what you can type."
    if message.startswith("unrecognized arguments:"):
        return f"I do not know {message.split(':', 1)[1].strip()!r}; {hint}"
    if message.startswith("argument ") and "invalid choice" in message:
        return f"That is not one of the choices ({message.split('(choose from', 1)[-1].rstrip(')').strip()}); {hint}"
    if "expected one argument" in message:
        option = message.split(":", 1)[0].replace("argument ", "")
        return f"{option} needs a value after it; {hint}"
    if "invalid int value" in message:
        option = message.split(":", 1)[0].replace("argument ", "")
        return f"{option} needs a whole number; {hint}"
    if message.startswith("the following arguments are required"):
        return f"Something is missing ({message.split(':', 1)[1].strip()}); {hint}"
    if message.startswith("argument ") and ": " in message:
        # Our own checks (see _whole_number) already speak in a plain sentence, ending with a
        # full stop; argparse's own messages do not.
        own = message.split(": ", 1)[1]
        if own.endswith("."):
            return f"{own[:-1]}; {hint}"
    return f"I could not use those arguments ({message}); {hint}"


def _whole_number(low: int, high: int, option: str) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, or a plain sentence."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{option} needs a whole number, such as {low + 1}.") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{option} must be between {low} and {high}.")
        return value

    return parse


def _archive_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--archive",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="the archive folder (default: $COPROD_MEET_ARCHIVE or your user data folder)",
    )


def build_parser() -> PlainParser:
    parser = PlainParser(
        prog="coprod-meet",
        description="Run co-production meetings where every voice is heard.",
    )
    parser.add_argument("--version", action="version", version=f"coprod-meet {__version__}")
    _archive_option(parser)
    parser.add_argument(
        "--plain",
        action="store_true",
        help="line mode for screen readers and braille displays: numbered menus, short lines, no colour",
    )
    parser.add_argument(
        "--theme",
        choices=THEME_NAMES,
        help="colours: high-contrast-dark (the default) or high-contrast-light; the app remembers your choice",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=PlainParser)

    demo = sub.add_parser("demo", help="add a realistic demo to the archive")
    _archive_option(demo)
    demo.add_argument("--meetings", type=_whole_number(0, 100_000, "--meetings"), default=24, metavar="N",
                      help="how many past meetings (default 24)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="the same seed gives the same demo")
    demo.set_defaults(handler=cmd_demo)

    meetings = sub.add_parser("meetings", help="list meetings, newest first")
    _archive_option(meetings)
    meetings.add_argument("--json", action="store_true", help="print JSON for scripts")
    meetings.set_defaults(handler=cmd_meetings)

    plan = sub.add_parser("plan", help="plan a meeting from a template, with last meeting's open actions")
    _archive_option(plan)
    plan.add_argument("--template", required=True, type=Path, metavar="FILE",
                      help="a template or meeting file (TOML), such as meetings/board-co-chaired.toml")
    plan.add_argument("--when", default="", metavar="TEXT", help='when the meeting is, such as "next Tuesday 2pm"')
    plan.add_argument("--group", default="", metavar="NAME", help="the group the meeting is for")
    plan.add_argument("--repeat", default="", metavar="TEXT",
                      help='also plan the next meetings, such as "every 2nd Tuesday of the month"')
    plan.add_argument("--count", type=int, default=3, metavar="N", help="how many more meetings with --repeat (default 3)")
    plan.set_defaults(handler=cmd_plan)

    members = sub.add_parser("members", help="list the members of the groups")
    _archive_option(members)
    members.add_argument("--group", default="", metavar="NAME", help="only this group")
    members.add_argument("--json", action="store_true", help="print JSON for scripts")
    members.set_defaults(handler=cmd_members)
    _add_record_commands(sub)

    check = sub.add_parser("check", help="read every file of the archive and report problems")
    _archive_option(check)
    check.set_defaults(handler=cmd_check)
    _review_commands(sub)

    minutes = sub.add_parser("minutes", help="write a meeting's minutes in plain English")
    _archive_option(minutes)
    minutes.add_argument("meeting_id", metavar="MEETING_ID", help="the meeting's id (the first few characters do)")
    minutes.add_argument("--format", dest="fmt", choices=["md", "html", "txt", "docx", "ics"], default="md",
                         help="md (default), html, txt, docx (Word) or ics (calendar of due dates)")
    minutes.add_argument("--copy", choices=["members", "public"], default="members",
                         help="members (default) or public (names only as each member agreed)")
    minutes.add_argument("--easy-read", action="store_true", help="easy read: short sentences and a word list")
    minutes.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of the screen")
    minutes.set_defaults(handler=cmd_minutes)
    return parser


def _review_commands(sub) -> None:
    """Issue 7: trends, import (merge laptops) and export-meeting."""
    trends = sub.add_parser("trends", help="how a group shared the say, came and felt heard, over time")
    _archive_option(trends)
    trends.add_argument("--group", required=True, metavar="NAME", help="the group's name")
    trends.add_argument("--last", type=int, default=3, metavar="N",
                        help="invite members who have not spoken in their last N meetings (default 3)")
    trends.add_argument("--since", metavar="WORDS", help='only meetings since then, such as "April" or "last year"')
    trends.add_argument("--until", metavar="WORDS", help='only meetings until then, such as "June"')
    trends.add_argument("--dates", metavar="WORDS", help=_DATES_HELP)
    form = trends.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON for scripts")
    form.add_argument("--csv", action="store_true", help="print CSV for a spreadsheet")
    trends.set_defaults(handler=cmd_trends)

    merge = sub.add_parser("import", help="merge meeting files or another archive folder into this archive")
    _archive_option(merge)
    merge.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="meeting files or archive folders")
    merge.set_defaults(handler=cmd_import)

    export = sub.add_parser("export-meeting", help="write one meeting to a file, to give to a coordinator")
    _archive_option(export)
    export.add_argument("meeting_id", metavar="MEETING_ID", help="the meeting's id (its first few characters do)")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="the file to write")
    export.set_defaults(handler=cmd_export_meeting)


def cmd_trends(args: argparse.Namespace) -> int:
    from coprod_meet.services.trends import group_trends

    with _open_to_read(args) as service:
        trends = group_trends(service, args.group, last_n=args.last, period=args.dates, since=args.since,
                              until=args.until)
        if args.json:
            json.dump(trends.to_json(), sys.stdout, indent=2)
            sys.stdout.write("\n")
        elif args.csv:
            sys.stdout.write(trends.to_csv())
        else:
            _say_period(args)
            print("\n".join(trends.lines()))
    return EXIT_OK


def _say_period(args: argparse.Namespace) -> None:
    """The period asked for, as it was read ("Dates: since April: since Wednesday 1 April 2026.")."""
    from coprod_meet.services.lookup import period_of

    period = period_of(args.dates, args.since, args.until)
    if not period.any:
        print(f"Dates: {period.in_words()}.")


def cmd_import(args: argparse.Namespace) -> int:
    from coprod_meet.services.merge import import_paths

    with _open(args) as service:
        report = import_paths(service, args.paths)
        for line in report.lines():
            stream = sys.stderr if line in report.problems else sys.stdout
            stream.write(f"{line}\n")
    return EXIT_PROBLEM if report.problems else EXIT_OK


def cmd_export_meeting(args: argparse.Namespace) -> int:
    from coprod_meet.services.merge import export_meeting

    with _open_to_read(args) as service:
        path = export_meeting(service, args.meeting_id, args.output)
        meeting = service.get_meeting(service.find_meeting_id(args.meeting_id))
        print(f"Wrote {meeting.title} ({when_in_words(meeting.start)}) to {path}.")
    return EXIT_OK


def _open(args: argparse.Namespace) -> ArchiveService:
    return ArchiveService.open(getattr(args, "archive", None))


def _open_to_read(args: argparse.Namespace) -> ArchiveService:
    """The archive for a command that only reads: it works while the app has the archive open
    (reading the files as they were last replaced whole) and then writes nothing."""
    return ArchiveService.open_to_read(getattr(args, "archive", None))


def cmd_demo(args: argparse.Namespace) -> int:
    from coprod_meet.services.demo import build_demo

    groups, meetings = build_demo(meetings=args.meetings, seed=args.seed, upcoming=True)
    with _open(args) as service:
        for g in groups:
            service.save_group(g)
        service.write_whole_meetings(meetings)
        coming = sum(1 for _m, events in meetings if not events)
        print(f"Added {len(groups)} groups, {len(meetings) - coming} past meetings and {coming} "
              f"meetings to run next to {service.root}.")
    return EXIT_OK


def cmd_meetings(args: argparse.Namespace) -> int:
    with _open_to_read(args) as service:
        rows = service.list_meetings()
        if args.json:
            json.dump([m.to_json() for m in rows], sys.stdout, indent=2)
            sys.stdout.write("\n")
        elif not rows:
            print("There are no meetings in this archive yet. Type coprod-meet demo to add some.")
        else:
            for m in rows:
                print(f"{when_in_words(m.start)} | {m.group_name} | {m.title} | {m.id}")
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    from coprod_meet.domain.planning import meeting_checks, parse_repeat
    from coprod_meet.services.planning import Planner

    repeat = parse_repeat(args.repeat) if args.repeat else None
    with _open(args) as service:
        planner = Planner(service)
        meeting = planner.plan_from_file(args.template, when=args.when, group_name=args.group)
        print(f"Planned {meeting.title} for {meeting.group_name} on {when_in_words(meeting.start)}.")
        print(f"Meeting id: {meeting.id}")
        carried = [i for i in meeting.agenda if i.carried_from]
        if carried:
            print(f"Carried forward from earlier meetings: {len(carried)} item(s).")
        for check in meeting_checks(meeting):
            if check.warning:
                print(f"Warning: {check}")
        if repeat is not None:
            later = planner.save_series(meeting, repeat, args.count)
            print(f"Also planned {len(later)} more, {repeat.in_words()}:")
            for m in later:
                print(f"- {when_in_words(m.start)} | {m.id}")
    return EXIT_OK


def cmd_members(args: argparse.Namespace) -> int:
    from coprod_meet.services.planning import Planner

    with _open_to_read(args) as service:
        rows = Planner(service).members(args.group or None)
        if args.json:
            data = [
                {"id": m.id, "name": m.name, "group": g.name, "voice_group": m.voice_group.value,
                 "naming": m.naming.value}
                for g, m in rows
            ]
            json.dump(data, sys.stdout, indent=2)
            sys.stdout.write("\n")
        elif not rows:
            print("There are no members yet. Open the app and press G to add a group and its members.")
        else:
            for g, m in rows:
                print(f"{g.name} | {m.name} | {m.voice_group.words} | named: {m.naming.words}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    with _open_to_read(args) as service:
        report = service.check()
        if report.sound:
            print(f"All {report.files_checked} files in the archive are sound.")
            return EXIT_OK
        print(f"I checked {report.files_checked} files and found {len(report.problems)} problem(s):")
        for problem in report.problems:
            print(f"- {problem}")
        if service.only_read:
            print("The app has this archive open, so nothing was moved aside; "
                  "run check again once the app is closed to move these files aside.")
        return EXIT_PROBLEM


_DATES_HELP = 'meetings in a period in words, such as "last year" or "between March and June"'


def _add_record_commands(sub: argparse._SubParsersAction) -> None:
    decisions = sub.add_parser("decisions", help="list decisions across the archive, newest first")
    _archive_option(decisions)
    decisions.add_argument("--json", action="store_true", help="print JSON for scripts")
    decisions.add_argument("--search", default="", metavar="TEXT", help="words in the decision, its item or the other view")
    decisions.add_argument("--since", default="", metavar="WORDS", help='meetings on or after, e.g. "April" or "1/4/2026"')
    decisions.add_argument("--until", default="", metavar="WORDS", help='meetings on or before, e.g. "last month"')
    decisions.add_argument("--dates", default="", metavar="WORDS", help=_DATES_HELP)
    decisions.add_argument("--group", default="", metavar="NAME", help="only this group")
    decisions.add_argument("--review-due", action="store_true", help="only those due to be looked at again within four weeks, or late")
    decisions.set_defaults(handler=cmd_decisions)

    actions = sub.add_parser("actions", help="list actions across the archive, newest first")
    _archive_option(actions)
    actions.add_argument("--json", action="store_true", help="print JSON for scripts")
    actions.add_argument("--overdue", action="store_true", help="only open actions past their due date")
    actions.add_argument("--owner", default="", metavar="NAME", help="only actions of this person or organisation (the start of a name)")
    actions.add_argument("--status", default="", choices=["open", "overdue", "done", "dropped"], help="only actions in this state")
    actions.add_argument("--search", default="", metavar="TEXT", help="words in the action or its owner")
    actions.add_argument("--group", default="", metavar="NAME", help="only this group")
    actions.add_argument("--since", default="", metavar="WORDS", help="agreed at meetings on or after")
    actions.add_argument("--until", default="", metavar="WORDS", help="agreed at meetings on or before")
    actions.add_argument("--dates", default="", metavar="WORDS", help=_DATES_HELP)
    actions.set_defaults(handler=cmd_actions)


def _query(build: Callable[[], object]) -> object:
    """A filter from typed words; words we cannot read are a usage error (exit 2)."""
    try:
        return build()
    except UserError as error:
        sys.stderr.write(f"coprod-meet: {error}\n")
        raise SystemExit(EXIT_USAGE) from None


def _start_listing(args: argparse.Namespace, found: list, noun: str, as_json: Callable[[object], dict]) -> bool:
    """JSON for scripts; or the dates said as they were read, and a word when nothing matched.
    True when the records are still to be printed."""
    if args.json:
        json.dump([as_json(f) for f in found], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return False
    _say_period(args)
    if not found:
        print(f"No {noun} match." if found.lookup.in_words() != "no filters"
              else f"There are no {noun} in this archive yet.")
        return False
    return True


def cmd_decisions(args: argparse.Namespace) -> int:
    from datetime import date

    from coprod_meet.domain.records import decision_lines
    from coprod_meet.services.review import people_named, search_decisions

    today = date.today()
    with _open_to_read(args) as service:
        found = _query(lambda: search_decisions(service, args.search, period=args.dates, since=args.since,
                                                until=args.until, group=args.group,
                                                review="due" if args.review_due else None))
        if not _start_listing(args, found, "decisions", lambda f: f.decision.to_json() | f.to_json(today)):
            return EXIT_OK
        names = people_named(service, found)
        for f in found:
            d = f.decision
            links = {i: row["text"] for i in (d.supersedes, d.superseded_by)
                     if i and (row := service.read_model.record("decisions", i))}
            when = when_in_words(f.meeting_start) if f.meeting_start else "A meeting no longer listed"
            print(f"{when} | {f.group_name} | {d.item_title or 'no agenda item'}")
            for line in decision_lines(d, names, links):
                print(f"  {line}")
            for change in d.history:
                print(f"  Corrected. {change.in_words()}")
            print(f"  id: {d.id}")
    return EXIT_OK


def cmd_actions(args: argparse.Namespace) -> int:
    from datetime import date

    from coprod_meet.services.review import search_actions

    today = date.today()
    with _open_to_read(args) as service:
        found = _query(lambda: search_actions(service, args.search, overdue=args.overdue, owner=args.owner,
                                              status=args.status, group=args.group, period=args.dates,
                                              since=args.since, until=args.until))
        if not _start_listing(args, found, "actions",
                              lambda f: f.action.to_json() | f.to_json(today) | {"standing": f.due_in_words(today)}):
            return EXIT_OK
        for f in found:
            when = when_in_words(f.meeting_start) if f.meeting_start else "A meeting no longer listed"
            print(f"{f.action.sentence(today)} | {when} | {f.group_name} | id: {f.action.id}")
    return EXIT_OK


def cmd_plain(args: argparse.Namespace) -> int:
    from coprod_meet.plain.console import Console
    from coprod_meet.plain.session import PlainSession

    with _open(args) as service:
        return PlainSession(service, Console.from_streams(sys.stdin, sys.stdout)).run()


def cmd_minutes(args: argparse.Namespace) -> int:
    from coprod_meet.services.minutes import MinutesService

    if args.fmt == "docx" and args.output is None:
        sys.stderr.write("coprod-meet: A Word file cannot be shown on the screen; add -o FILE, such as "
                         "-o minutes.docx.\n")
        return EXIT_USAGE
    with _open_to_read(args) as service:
        minutes = MinutesService(service)
        export = minutes.export(service.find_meeting_id(args.meeting_id), args.fmt, copy=args.copy,
                                easy_read=args.easy_read)
        if args.output is None:
            sys.stdout.write(export.data.decode("utf-8"))
            sys.stdout.flush()
            report_to = sys.stderr
        else:
            path = minutes.write(export, args.output)
            print(f"Wrote {export.describe()} to {path}.")
            report_to = sys.stdout
        if args.fmt == "ics":
            dates = len(export.document.calendar)
            report_to.write(f"The calendar has {dates} {'date' if dates == 1 else 'dates'}.\n")
        else:
            report_to.write("\n".join(export.readability.lines()) + "\n")
    return EXIT_OK


def cmd_tui(args: argparse.Namespace) -> int:
    if args.plain:
        return cmd_plain(args)
    from coprod_meet.services.settings import Settings
    from coprod_meet.tui.app import CoprodMeetApp

    service = _open(args)
    try:
        CoprodMeetApp(service, theme=args.theme, settings=Settings.load()).run()
    finally:
        service.close()
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # --help, --version and usage errors end here (SystemExit)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", cmd_tui)
    try:
        return handler(args)
    except UserError as error:
        sys.stderr.write(f"coprod-meet: {error}\n")
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        sys.stderr.write("coprod-meet: stopped.\n")
        return 130
    except BrokenPipeError:
        # The reader (e.g. `head`) stopped reading; that is fine.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        reason = (error.strerror or "it could not be read or written").lower()
        sys.stderr.write(
            f"coprod-meet: A file of the archive could not be used{where}: {reason}; "
            "check the archive folder and its permissions.\n"
        )
        return EXIT_PROBLEM


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
