"""The room view in line mode (`coprod-meet room --plain`): each change as one short line.

For a screen reader or braille display following the meeting: it says what is happening once,
then one line for each change (a new item, a new speaker, who is next, a card, a break). It only
reads; press Ctrl+C to stop following. It stops by itself when the meeting ends.
"""

from __future__ import annotations

import time
from typing import Callable

from coprod_meet.domain.room_view import RoomView
from coprod_meet.plain.console import Console
from coprod_meet.services.room import POLL_SECONDS, RoomFollower


def follow(follower: RoomFollower, console: Console, *, sleep: Callable[[float], None] = time.sleep,
           polls: int | None = None) -> int:
    """Say each change until the meeting ends (or after ``polls`` looks, for tests)."""
    follower.poll()
    console.say("Following the meeting. Press Ctrl+C to stop.")
    console.say(follower.names_in_words)
    shown: RoomView | None = None
    problem = ""
    done = 0
    while True:
        if follower.problem != problem:
            if follower.problem:
                console.say(follower.problem)
            elif problem:
                console.say("The meeting can be read again.")
            problem = follower.problem
        view = follower.view
        if view is not None and view != shown:
            for line in view.changes(shown):
                console.say(line)
            shown = view
        if follower.state is not None and follower.state.ended is not None:
            return 0
        done += 1
        if polls is not None and done >= polls:
            return 0
        sleep(POLL_SECONDS)
        follower.poll()
