"""A writer the reliability tests kill at random moments (run with ``sys.executable``).

    writer.py ARCHIVE insert MEETING_ID       append note events for ever
    writer.py ARCHIVE update MEETING_ID N     save the meeting with the title "Title N", N+1, ...
    writer.py ARCHIVE delete MEETING_ID       remove the meeting's events, oldest first
    writer.py ARCHIVE hold                    keep the archive open (and locked) until killed
    writer.py --serve FD                      a fork server on the Unix socket FD (see serve)

It prints "ready" once the archive is open, then "ack X" for each write, flushed, and only after
the call that made the write has returned (so only once it is on disk).
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> None:
    from coprod_meet.domain.model import Event
    from coprod_meet.services.archive import ArchiveService

    root, workload, *rest = argv
    service = ArchiveService.open(root)
    say("ready")
    if workload == "insert":
        (meeting_id,) = rest
        for n in range(100_000):
            event = service.append_event(meeting_id, Event(type="note", data={"text": f"write {n}"}))
            say(f"ack {event.id}")
    elif workload == "update":
        meeting_id, start = rest
        meeting = service.get_meeting(meeting_id)
        for n in range(int(start), int(start) + 100_000):
            service.save_meeting(replace(meeting, title=f"Title {n}"))
            say(f"ack {n}")
    elif workload == "delete":
        (meeting_id,) = rest
        meeting_file = service.archive.meeting_file(meeting_id)
        for event in service.events(meeting_id):
            if meeting_file.remove_event(event.id):
                say(f"ack {event.id}")
    elif workload != "hold":
        raise SystemExit(f"unknown workload {workload!r}")
    while True:  # wait to be killed, holding the archive open
        time.sleep(60)


def serve(fd: int) -> None:
    """Start writers quickly: import once, then fork one writer per request.

    Requests come on the Unix socket ``fd``: ``run\0ARG\0ARG...`` with the write end of a pipe
    attached (the writer's stdout), answered with the writer's pid; ``wait\0PID``, answered with
    its wait status once it has died. The writer is a whole process of its own, killed by the
    test with SIGKILL like any other; only the start-up cost is shared.
    """
    import os
    import socket

    import coprod_meet.services.archive  # noqa: F401  (the imports are the start-up cost)

    sock = socket.socket(fileno=fd)
    while True:
        message, fds, _flags, _addr = socket.recv_fds(sock, 65536, 1)
        if not message:
            return
        command, *args = message.decode().split("\0")
        if command == "run":
            pid = os.fork()
            if pid == 0:  # the writer
                try:
                    sock.close()
                    os.dup2(fds[0], 1)
                    os.close(fds[0])
                    main(args)
                finally:
                    os._exit(1)
            os.close(fds[0])
            sock.sendall(f"{pid}\n".encode())
        elif command == "wait":
            _pid, status = os.waitpid(int(args[0]), 0)
            sock.sendall(f"{status}\n".encode())


if __name__ == "__main__":
    if sys.argv[1] == "--serve":
        serve(int(sys.argv[2]))
    else:
        main(sys.argv[1:])
