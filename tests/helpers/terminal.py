"""A program run in a pseudo-terminal, as a person's terminal window runs it.

The program gets the terminal as its controlling terminal, in a session of its own, so closing
the window (``hang_up``) sends it SIGHUP just as closing a real terminal window does. What it
writes is read as bytes; ``bench/startup.py`` feeds them to a screen emulator (pyte) to see what a
person sees.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from typing import Callable, Sequence


def _take_terminal() -> None:
    """In the child, after it has a session of its own: make stdin its controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """``argv`` running in a terminal of ``size`` (columns, lines)."""

    def __init__(self, argv: Sequence[str], *, size: tuple[int, int] = (80, 24),
                 env: dict[str, str] | None = None, cwd: str | None = None) -> None:
        columns, lines = size
        self.master, child = os.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        env = dict(os.environ if env is None else env, TERM="xterm-256color", COLUMNS=str(columns),
                   LINES=str(lines))
        self.process = subprocess.Popen(list(argv), stdin=child, stdout=child, stderr=child, env=env, cwd=cwd,
                                        start_new_session=True, preexec_fn=_take_terminal)
        os.close(child)
        self.output = bytearray()  # everything the program wrote
        self.open = True

    @property
    def pid(self) -> int:
        return self.process.pid

    def read(self, timeout: float) -> bytes:
        """What the program writes within ``timeout`` seconds (b"" if nothing, or once it has gone)."""
        if not self.open:
            return b""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            data = os.read(self.master, 65536)
        except OSError:  # the program has closed the terminal (EIO)
            data = b""
        if not data:
            self.close()
        self.output += data
        return data

    def read_until(self, seen: Callable[[bytes], bool], timeout: float) -> bool:
        """Read until ``seen(data)`` is true for a piece read, or ``timeout`` seconds pass."""
        end = time.monotonic() + timeout
        while time.monotonic() < end and self.open:
            data = self.read(min(0.2, max(0.0, end - time.monotonic())))
            if data and seen(data):
                return True
        return False

    def wait_for(self, words: str, timeout: float) -> bool:
        """Whether ``words`` came out (in one piece of output) within ``timeout`` seconds."""
        wanted = words.encode()
        return wanted in self.output or self.read_until(lambda _data: wanted in self.output, timeout)

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def hang_up(self) -> None:
        """Close the window: the terminal goes, and the program gets SIGHUP from the system."""
        self.close()

    def close(self) -> None:
        if self.open:
            self.open = False
            os.close(self.master)

    def wait(self, timeout: float) -> int | None:
        """The program's exit code, or None if it is still running after ``timeout`` seconds
        (reading what it writes meanwhile, so it never waits for the terminal)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            code = self.process.poll()
            if code is not None:
                return code
            if self.open:
                self.read(0.05)
            else:
                time.sleep(0.05)
        return self.process.poll()

    def kill(self) -> None:
        """Stop the program at once (SIGKILL), as a crash would."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()
        self.close()
