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
        given = message.split("invalid choice:", 1)[1].split("(choose from", 1)[0].strip()
        choices = message.split("(choose from", 1)[-1].rstrip(")").replace("'", "").strip()
        return f"I do not know {given}; the choices are {choices}; {hint}"
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

    check = sub.add_parser("check", help="read every file of the archive and report problems")
    _archive_option(check)
    check.set_defaults(handler=cmd_check)
    return parser


def _open(args: argparse.Namespace) -> ArchiveService:
    return ArchiveService.open(getattr(args, "archive", None))


def cmd_demo(args: argparse.Namespace) -> int:
    from coprod_meet.services.demo import build_demo

    groups, meetings = build_demo(meetings=args.meetings, seed=args.seed)
    with _open(args) as service:
        for g in groups:
            service.save_group(g)
        service.write_whole_meetings(meetings)
        print(f"Added {len(groups)} groups and {len(meetings)} meetings to {service.root}.")
    return EXIT_OK


def cmd_meetings(args: argparse.Namespace) -> int:
    with _open(args) as service:
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


def cmd_check(args: argparse.Namespace) -> int:
    with _open(args) as service:
        report = service.check()
        if report.sound:
            print(f"All {report.files_checked} files in the archive are sound.")
            return EXIT_OK
        print(f"I checked {report.files_checked} files and found {len(report.problems)} problem(s):")
        for problem in report.problems:
            print(f"- {problem}")
        return EXIT_PROBLEM


def cmd_tui(args: argparse.Namespace) -> int:
    from coprod_meet.tui.app import CoprodMeetApp

    service = _open(args)
    try:
        CoprodMeetApp(service).run()
    finally:
        service.close()
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a plain usage error already said
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
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
