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
from coprod_meet.domain.text import count
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
    parser.add_argument("--create", action="store_true", default=argparse.SUPPRESS,
                        help="make a new, empty archive if there is none in that folder yet")


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
    plan.add_argument("--template", required=True, metavar="NAME_OR_FILE",
                      help="a ready-made template's name, such as board-co-chaired, or a template or meeting "
                           "file (TOML) from any folder")
    plan.add_argument("--when", default="", metavar="TEXT", help='when the meeting is, such as "next Tuesday 2pm"')
    plan.add_argument("--past", action="store_true", help="plan it even though that date has gone (to record an "
                                                          "old meeting)")
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
    from coprod_meet.cli_involvement import add_commands, add_member_commands

    add_member_commands(members, _archive_option, PlainParser)
    add_commands(sub, _archive_option)
    _add_record_commands(sub)

    check = sub.add_parser("check", help="read every file of the archive and report problems")
    _archive_option(check)
    check.set_defaults(handler=cmd_check)
    _review_commands(sub)
    _room_command(sub)

    minutes = sub.add_parser("minutes", help="write a meeting's minutes in plain English")
    _archive_option(minutes)
    minutes.add_argument("meeting_id", metavar="MEETING_ID", help="the meeting's id (the first few characters do)")
    minutes.add_argument("--format", dest="fmt", choices=["md", "html", "txt", "docx", "ics"], default="md",
                         help="md (default), html, txt, docx (Word) or ics (calendar of due dates)")
    minutes.add_argument("--copy", choices=["members", "public"], default="members",
                         help="members (default) or public (names only as each member agreed)")
    minutes.add_argument("--easy-read", action="store_true", help="easy read: short sentences and a word list")
    minutes.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of the screen")
    minutes.add_argument("--force", action="store_true", help="replace FILE if it is there already")
    minutes.add_argument("--accept-mentions", action="store_true",
                         help="public copy: write it even where typed words may be a hidden member's name")
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
    trends.add_argument("--meetings", type=_whole_number(1, 1000, "--meetings"), metavar="N",
                        help="only the last N meetings (of the period, if one is given)")
    form = trends.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON for scripts")
    form.add_argument("--csv", action="store_true", help="print CSV for a spreadsheet")
    trends.set_defaults(handler=cmd_trends)

    merge = sub.add_parser("import", help="merge meeting files or another archive folder into this archive")
    _archive_option(merge)
    merge.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="meeting files or archive folders")
    merge.add_argument("--merge-groups", action="store_true",
                       help="merge a group into the group here of the same name, though they have different ids")
    merge.set_defaults(handler=cmd_import)

    export = sub.add_parser("export-meeting", help="write one meeting to a file, to give to a coordinator")
    _archive_option(export)
    export.add_argument("meeting_id", metavar="MEETING_ID", help="the meeting's id (its first few characters do)")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="the file to write")
    export.add_argument("--with-payments", action="store_true",
                        help="also put the meeting's payment claims in the file (they are private; left out unless asked)")
    export.set_defaults(handler=cmd_export_meeting)


def _room_command(sub) -> None:
    """Issue 16: the room view of the running meeting (read only, for a projector or a call)."""
    room = sub.add_parser("room", help="show the running meeting in large text for the room or the call (read only)")
    _archive_option(room)
    room.add_argument("meeting_id", nargs="?", default="", metavar="MEETING",
                      help="the meeting's id (the first few characters do); default: the meeting running now")
    room.add_argument("--plain", action="store_true", default=argparse.SUPPRESS,
                      help="line mode: say each change as one short line, for a screen reader")
    room.add_argument("--public-names", action="store_true", default=None,
                      help="name people only as in the public minutes (as each member agreed)")
    room.add_argument("--theme", choices=THEME_NAMES, default=argparse.SUPPRESS,
                      help="colours: high-contrast-dark (the default) or high-contrast-light")
    room.set_defaults(handler=cmd_room)


def cmd_room(args: argparse.Namespace) -> int:
    from coprod_meet.services.room import RoomFollower, find_meeting
    from coprod_meet.storage.archive import default_archive_dir

    root = getattr(args, "archive", None) or default_archive_dir()
    found = find_meeting(root, args.meeting_id)
    follower = RoomFollower(root, found.id, public_names=args.public_names)
    if args.plain:
        from coprod_meet.plain.console import Console
        from coprod_meet.plain.room import follow

        try:
            return follow(follower, Console.from_streams(sys.stdin, sys.stdout))
        except KeyboardInterrupt:
            print("Stopped following the meeting.")
            return EXIT_OK
    from coprod_meet.services.settings import Settings
    from coprod_meet.tui.room_app import RoomApp

    RoomApp(follower, theme=getattr(args, "theme", None) or Settings.load().theme).run()
    return EXIT_OK


def cmd_trends(args: argparse.Namespace) -> int:
    from coprod_meet.services.trends import group_trends

    with _open_to_read(args) as service:
        trends = group_trends(service, args.group, last_n=args.last, period=args.dates, since=args.since,
                              until=args.until, meetings=args.meetings)
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
        report = import_paths(service, args.paths, merge_groups=args.merge_groups)
        for line in report.lines():
            stream = sys.stderr if line in report.problems else sys.stdout
            stream.write(f"{line}\n")
    return EXIT_PROBLEM if report.problems else EXIT_OK


def cmd_export_meeting(args: argparse.Namespace) -> int:
    from coprod_meet.services.merge import export_meeting

    with _open_to_read(args) as service:
        path = export_meeting(service, args.meeting_id, args.output, with_payments=args.with_payments)
        meeting = service.get_meeting(service.find_meeting_id(args.meeting_id))
        print(f"Wrote {meeting.title} ({when_in_words(meeting.start)}) to {path}.")
    return EXIT_OK


def _open(args: argparse.Namespace, *, create: bool = False) -> ArchiveService:
    """The archive the arguments name. A named folder that is not an archive is refused with a
    sentence saying to add --create (the user data folder is made on first run)."""
    from coprod_meet.services.archive_place import check_place

    root = check_place(getattr(args, "archive", None), create=create or getattr(args, "create", False))
    return ArchiveService.open(root)


def _open_asking(args: argparse.Namespace) -> ArchiveService:
    """For the app and line mode: a named folder that is not an archive is a question when a person
    is at the keyboard ("Make a new, empty archive there?"), else the sentence of :func:`_open`."""
    from coprod_meet.services.archive_place import NoArchiveHere, chosen_root

    try:
        return _open(args)
    except NoArchiveHere as refused:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise
        path, _named = chosen_root(getattr(args, "archive", None))
        there = "in it" if path.exists() else "there"
        sys.stdout.write(f"{refused}\nMake a new, empty archive {there} now? Type y and Enter for yes, "
                         "or just Enter for no: ")
        sys.stdout.flush()
        answer = sys.stdin.readline().strip().casefold()
        if answer not in ("y", "yes"):
            raise UserError("Nothing was made; check the folder name and try again.") from None
        return _open(args, create=True)


def _open_to_read(args: argparse.Namespace) -> ArchiveService:
    """The archive for a command that only reads: it works while the app has the archive open
    (reading the files as they were last replaced whole) and then writes nothing. A named folder
    that is not an archive is refused as in :func:`_open`."""
    from coprod_meet.services.archive_place import check_place

    return ArchiveService.open_to_read(check_place(getattr(args, "archive", None), create=getattr(args, "create", False)))


def cmd_demo(args: argparse.Namespace) -> int:
    from coprod_meet.services.demo import build_demo, fresh_salt

    # The seed fixes the story, not the ids: two demo archives never share an id.
    groups, meetings = build_demo(meetings=args.meetings, seed=args.seed, upcoming=True, id_salt=fresh_salt())
    with _open(args, create=True) as service:
        taken = sorted({g.name for g in service.groups()} & {g.name for g in groups})
        if taken:
            raise UserError(f"This archive already has {', '.join(taken)}; make the demo in a new folder, "
                            "such as --archive demo-2.")
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
    from coprod_meet.domain.planning import parse_repeat, series_warnings
    from coprod_meet.services.planning import Planner

    repeat = parse_repeat(args.repeat) if args.repeat else None
    with _open(args) as service:
        planner = Planner(service)
        meeting = planner.plan_from_file(args.template, when=args.when, group_name=args.group, allow_past=args.past)
        print(f"Planned {meeting.title} for {meeting.group_name} on {when_in_words(meeting.start)}.")
        print(f"Meeting id: {meeting.id}")
        carried = [i for i in meeting.agenda if i.carried_from]
        if carried:
            print(f"Carried forward from earlier meetings: {count(len(carried), 'item')}.")
        for check in planner.checks(meeting):
            if check.warning:
                print(f"Warning: {check}")
        if repeat is not None:
            later = planner.save_series(meeting, repeat, args.count)
            print(f"Also planned {len(later)} more, {repeat.anchored(meeting.start).in_words()}:")
            for m in later:
                print(f"- {when_in_words(m.start)} | {m.id}")
            for warning in series_warnings(m.start for m in later):
                print(f"Warning: {warning} Please check people can come.")
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
    from coprod_meet.services.merge import same_name_problems

    with _open_to_read(args) as service:
        report = service.check()
        report.problems += same_name_problems(service)
        if report.sound:
            print(f"All {report.files_checked} files in the archive are sound.")
            return EXIT_OK
        print(f"I checked {report.files_checked} files and found {count(len(report.problems), 'problem')}:")
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

    with _open_asking(args) as service:
        return PlainSession(service, Console.from_streams(sys.stdin, sys.stdout)).run()


def cmd_minutes(args: argparse.Namespace) -> int:
    from coprod_meet.services.minutes import FileExists, MinutesService, UnsureMentions

    if args.fmt == "docx" and args.output is None:
        sys.stderr.write("coprod-meet: A Word file cannot be shown on the screen; add -o FILE, such as "
                         "-o minutes.docx.\n")
        return EXIT_USAGE
    with _open_to_read(args) as service:
        minutes = MinutesService(service)
        export = minutes.export(service.find_meeting_id(args.meeting_id), args.fmt, copy=args.copy,
                                easy_read=args.easy_read)
        if not args.accept_mentions and export.mentions:
            raise UnsureMentions(export.mentions, "add --accept-mentions if they are not names")
        if args.output is None:
            sys.stdout.write(export.data.decode("utf-8"))
            sys.stdout.flush()
            report_to = sys.stderr
        else:
            try:
                path = minutes.write(export, args.output, replace=args.force)
            except FileExists as error:
                raise UserError(f"There is already a file called {error.path}; add --force to replace it, "
                                "or choose another name.") from None
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

    service = _open_asking(args)
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
