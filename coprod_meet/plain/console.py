"""Line mode's input and output: short plain lines, no colour, no cursor movement, no escapes.

Everything written goes through ``say``, which removes every control character but newline, so
no name or title can send an escape sequence to a screen reader or braille display.
"""

from __future__ import annotations

import re
import textwrap
from typing import Callable, TextIO

WIDTH = 72
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(text: str) -> str:
    """Text with every control character (but newline) and bidi override removed."""
    return _CONTROL.sub("", text.replace("\t", " "))


class Console:
    """Reads lines and writes short lines. ``ask`` returns None at the end of input."""

    def __init__(self, read: Callable[[], str], out: TextIO, width: int = WIDTH) -> None:
        self._read = read
        self._out = out
        self.width = width

    @classmethod
    def from_streams(cls, stdin: TextIO, stdout: TextIO) -> Console:
        def read() -> str:
            line = stdin.readline()
            if not line:
                raise EOFError
            return line

        return cls(read, stdout)

    def say(self, text: str = "") -> None:
        for line in plain(text).split("\n"):
            indent = " " * (len(line) - len(line.lstrip(" ")))  # kept on the lines it wraps onto
            wrapped = textwrap.wrap(line, self.width, break_long_words=True, break_on_hyphens=False,
                                    subsequent_indent=indent) or [""]
            for part in wrapped:
                self._out.write(part + "\n")
        self._out.flush()

    def ask(self, prompt: str) -> str | None:
        """Say the prompt (ending with a colon) and read one line; None when input has ended."""
        lines = textwrap.wrap(plain(prompt).strip(), self.width - 1, break_long_words=True,
                              break_on_hyphens=False) or [""]
        self._out.write("\n".join(lines) + " \n")
        self._out.flush()
        try:
            return self._read().rstrip("\r\n")
        except (EOFError, KeyboardInterrupt):
            return None

    def choose(self, title: str, options: list[str], *, allow_none: bool = True) -> int | None:
        """A numbered list; returns the chosen index, or None for "back" or end of input."""
        if not options:
            self.say(f"{title}: there is nothing to choose from.")
            return None
        self.say(f"{title}:")
        for n, option in enumerate(options, start=1):
            self.say(f"{n}. {option}")
        while True:
            hint = f"Type a number from 1 to {len(options)}" + (", or 0 to go back:" if allow_none else ":")
            answer = self.ask(hint)
            if answer is None:
                return None
            answer = answer.strip()
            if allow_none and answer in ("0", "", "back"):
                return None
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return int(answer) - 1
            self.say(f"{answer!r} is not one of the numbers.")
