"""Line mode: look back at decisions and actions across the archive, in short lines.

The same look-ups as the review screens and the command line (``services/lookup.py``): the
same dates in words, owner matching, review rule and order (newest meeting first). What was
asked for is said first, dates as they were read ("since April: since Wednesday 1 April 2026").

    decisions                           the newest decisions
    decisions since April about buses   dates, then words after "about"
    decisions review                    reviews due within four weeks, or late
    actions late by jo                  late, open, done, dropped or all; "by" a name
    actions between March and June
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from coprod_meet.domain.dates import date_in_words
from coprod_meet.services.review import search_actions, search_decisions

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.plain.session import PlainSession

SHOWN = 20  # the newest this many are said; dates or words narrow the list
ACTION_KINDS = {"late": "overdue", "overdue": "overdue", "open": "open", "done": "done", "dropped": "dropped",
                "all": None, "every": None}
DECISIONS_HELP = ("List decisions, newest first. Add dates and words, like decisions since April about buses, "
                  "or decisions review for reviews due.")
ACTIONS_HELP = ("List actions, newest first. Add late, open, done or dropped, dates, about words, or by a name, "
                "like actions late by jo.")


def _split(rest: str, word: str) -> tuple[str, str]:
    """("since April", "buses") from "since April about buses" (``word`` = "about")."""
    padded = f" {rest} "
    at = padded.lower().find(f" {word} ")
    if at < 0:
        return rest.strip(), ""
    return padded[:at].strip(), padded[at + len(word) + 2:].strip()


def _when(start: datetime | None) -> str:
    return date_in_words(start) if start else "an unknown date"


def _say_found(session: PlainSession, found, noun: str) -> bool:
    """Say how many matched and what was asked; False when there is nothing to list."""
    say = session.console.say
    asked = found.lookup.in_words()
    count = found.total
    things = noun if count == 1 else f"{noun}s"
    if not count:
        say(f"No {noun}s match ({asked})." if asked != "no filters" else f"There are no {noun}s yet.")
        return False
    say(f"{count} {things}, newest first ({asked}).")
    return True


def _say_more(session: PlainSession, found, noun: str) -> None:
    if found.total > len(found):
        more = found.total - len(found)
        session.console.say(f"And {more} more {noun}{'' if more == 1 else 's'}: add dates or words to narrow the list.")


def cmd_decisions(session: PlainSession, rest: str) -> None:
    period, words = _split(rest, "about")
    review = None
    if period.lower().split()[:1] == ["review"]:
        review, period = "due", period[len("review"):].strip()
    found = search_decisions(session.service, words, limit=SHOWN, period=period or None, review=review,
                             now=session.clock())
    if not _say_found(session, found, "decision"):
        return
    today = session.clock().date()
    for n, f in enumerate(found, start=1):
        d = f.decision
        session.console.say(f"{n}. {_when(f.meeting_start)}. {f.group_name}.")
        session.console.say(f"   {d.text}")
        session.console.say(f"   {d.how_in_words()} {f.review_in_words(today).capitalize()}.")
    _say_more(session, found, "decision")


def cmd_actions(session: PlainSession, rest: str) -> None:
    words = rest.split()
    status = "open"
    if words and words[0].lower() in ACTION_KINDS:
        status, rest = ACTION_KINDS[words[0].lower()], rest.strip()[len(words[0]):]
    rest, owner = _split(rest, "by")
    period, about = _split(rest, "about")
    if " by " in f" {about} ":
        about, owner = _split(about, "by")
    found = search_actions(session.service, about, limit=SHOWN, status=status, owner=owner or None,
                           period=period or None, now=session.clock())
    if not _say_found(session, found, "action"):
        return
    today: date = session.clock().date()
    for n, f in enumerate(found, start=1):
        session.console.say(f"{n}. {f.action.sentence(today)}.")
        session.console.say(f"   Agreed at {f.group_name}, {_when(f.meeting_start)}.")
    _say_more(session, found, "action")

