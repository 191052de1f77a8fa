"""Time until a person sees coprod-meet's first screen with big archives, against a bare Textual app.

Each program starts as a person starts it: the real ``coprod-meet --archive FOLDER`` command runs
in a terminal (a pseudo-terminal of 80x24, whose output is read through the pyte terminal
emulator), and the clock stops when the newest meeting's row is on the screen, whole: its date and
title on one line (a frame drawn before the table had measured its rows showed the title with the
date cut to "Frid", and was not yet what a person reads). The bare Textual
app (``bench/bare.py``: Header, Label, Footer) is started the same way in the same run, and its
clock stops when its word is on the screen. Peak memory is the process's largest resident size at
that moment. Each program is started several times, in turns, and the medians are compared.

The archive is opened after each way the app can have been closed: a clean close (Ctrl+Q, or
closing the terminal window, which sends SIGHUP) and an unclean one (the app was killed). The
catalogue is an SQLite file (``catalogue.sqlite``, see storage/catalogue.py): the first screen
reads its newest lines and how many there are, after either close alike.

Goals, for both: 2,000 meetings <= 1.3x the bare app, 20,000 <= 1.5x; memory <= 1.5x. A second
line gives the headless figure (the app run in-process with ``run(headless=True)`` until its first
screen is drawn), as measured before the terminal was used.

    .venv/bin/python bench/startup.py [--runs 7] [--sizes 2000,20000]

Needs pyte (``pip install -e '.[bench]'``). The demo archives are built once in the temp folder
and reused by later runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyte

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from bare import BARE_APP, BARE_IN_A_TERMINAL, BARE_WORDS, as_installed  # noqa: E402

from tests.helpers.terminal import Terminal  # noqa: E402

SIZE = (80, 24)
GOALS = {2000: 1.3, 20000: 1.5}
MEMORY_GOAL = 1.5
CTRL_Q = b"\x11"

# Headless, in-process: exits once the first screen is drawn (the figure measured before).
REPORT_MEMORY = """
import atexit, sys

def _peak():
    with open("/proc/self/status") as status:
        line = next(l for l in status if l.startswith("VmHWM:"))
    sys.stderr.write("peak-kib " + line.split()[1] + "\\n")

atexit.register(_peak)
"""

HEADLESS_BARE = REPORT_MEMORY + BARE_APP

HEADLESS_COPROD = REPORT_MEMORY + """
import sys
from coprod_meet.services.archive import ArchiveService
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.meetings import MeetingsScreen

shown = MeetingsScreen.on_mount

def on_mount(self):
    shown(self)
    self.call_after_refresh(self.app.exit)  # the first screen is mounted and drawn

MeetingsScreen.on_mount = on_mount
service = ArchiveService.open(sys.argv[1])
try:
    CoprodMeetApp(service).run(headless=True, size=(80, 24))
finally:
    service.close()
"""


def archive_of(size: int) -> Path:
    folder = Path(tempfile.gettempdir()) / f"coprod-meet-bench-{size}"
    if (folder / "catalogue.sqlite").exists():
        return folder
    from coprod_meet.services.archive import ArchiveService
    from coprod_meet.services.demo import build_demo

    print(f"Building a demo archive of {size:,} meetings in {folder} (once)...", flush=True)
    groups, meetings = build_demo(meetings=size, seed=1)
    with ArchiveService.open(folder) as service:
        for g in groups:
            service.save_group(g)
        for start in range(0, len(meetings), 1000):
            service.write_whole_meetings(meetings[start:start + 1000])
    return folder


def newest_row(folder: Path) -> tuple[str, ...]:
    """The newest meeting's row as the meetings list shows it: its date in words and the words of
    its title (a title longer than its column is cut, with "…"). Both must be on one line of the
    screen: a frame drawn before the table has measured its rows shows the date cut short."""
    from coprod_meet.domain.dates import when_in_words
    from coprod_meet.services.archive import ArchiveService
    from coprod_meet.tui.screens.meetings import shown_title

    with ArchiveService.open(folder, lock=False) as service:
        newest = service.newest_first()[0]
    return when_in_words(newest.start), shown_title(newest.title).rstrip()


def environment() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), TEXTUAL_ANIMATIONS="none",
                COPROD_MEET_SETTINGS=str(Path(tempfile.gettempdir()) / "coprod-meet-bench-no-settings.toml"))


def peak_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return int(next(line for line in status if line.startswith("VmHWM:")).split()[1])


def in_a_terminal(argv: list[str], words: tuple[str, ...], *, then: str) -> tuple[float, int]:
    """Start ``argv`` in a terminal; seconds until ``words`` are on one line of its screen and peak memory
    (KiB) then. Afterwards the program is closed with Ctrl+Q (``then="quit"``) or killed."""
    screen = pyte.Screen(*SIZE)
    stream = pyte.ByteStream(screen)
    started = time.perf_counter()
    with Terminal(argv, size=SIZE, env=environment(), cwd=str(ROOT)) as terminal:
        while True:
            data = terminal.read(60)
            arrived = time.perf_counter()
            if not data:
                raise SystemExit(f"{argv[-1]}: nothing showed {words!r} within a minute:\n"
                                 + "\n".join(screen.display))
            stream.feed(data)
            if any(all(w in line for w in words) for line in screen.display):
                break
        seconds, peak = arrived - started, peak_kib(terminal.pid)
        if then == "quit":
            terminal.send(CTRL_Q)
            if terminal.wait(60) != 0:
                raise SystemExit(f"{argv[-1]} did not close cleanly after Ctrl+Q.")
    return seconds, peak


def headless(code: str, *args: str) -> tuple[float, int]:
    """Seconds to exit and peak resident memory (KiB) of one headless process."""
    started = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=environment(),
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    peak = [line for line in child.stderr.splitlines() if line.startswith("peak-kib ")]
    if child.returncode != 0 or not peak:
        raise SystemExit(f"The app did not start: {child.stderr}")
    return seconds, int(peak[-1].split()[1])


def medians(runs: list[tuple[float, int]]) -> tuple[float, float]:
    return statistics.median(t for t, _ in runs), statistics.median(m for _, m in runs)


def main() -> None:
    as_installed()  # our bytecode compiled, as pip leaves an installed copy
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="2000,20000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    archives = {size: archive_of(size) for size in sizes}
    rows = {size: newest_row(archives[size]) for size in sizes}
    command = str(Path(sys.executable).with_name("coprod-meet"))
    bare_argv = [sys.executable, "-c", BARE_IN_A_TERMINAL]

    def coprod(size: int) -> list[str]:
        return [command, "--archive", str(archives[size])]

    # Warm the file cache; each archive is left as after a crash (the app killed).
    in_a_terminal(bare_argv, (BARE_WORDS,), then="quit")
    for size in sizes:
        in_a_terminal(coprod(size), rows[size], then="kill")

    # Taken in turns, so a busy moment of a shared machine falls on all of them alike. Each run of
    # coprod-meet opens the archive as the run before left it, and leaves it the other way.
    bare: list[tuple[float, int]] = []
    bare_headless: list[tuple[float, int]] = []
    clean: dict[int, list[tuple[float, int]]] = {size: [] for size in sizes}
    unclean: dict[int, list[tuple[float, int]]] = {size: [] for size in sizes}
    clean_headless: dict[int, list[tuple[float, int]]] = {size: [] for size in sizes}
    for _ in range(args.runs):
        bare.append(in_a_terminal(bare_argv, (BARE_WORDS,), then="quit"))
        bare_headless.append(headless(HEADLESS_BARE))
        for size in sizes:
            unclean[size].append(in_a_terminal(coprod(size), rows[size], then="quit"))
            clean_headless[size].append(headless(HEADLESS_COPROD, str(archives[size])))
            clean[size].append(in_a_terminal(coprod(size), rows[size], then="kill"))

    bare_time, bare_memory = medians(bare)
    headless_time, headless_memory = medians(bare_headless)
    print(f"bare Textual app in a terminal, until its word is on the screen: {bare_time * 1000:.0f} ms, "
          f"{bare_memory / 1024:.0f} MiB (medians of {args.runs} runs, taken in turns with the runs below)")
    ratios = []
    for size in sizes:
        goal = GOALS.get(size, 1.5)
        for how, runs in (("clean", clean[size]), ("unclean", unclean[size])):
            app_time, app_memory = medians(runs)
            t, m = app_time / bare_time, app_memory / bare_memory
            print(f"coprod-meet, {size:,} meetings, after {'a' if how == 'clean' else 'an'} {how} close, until the newest row is on the screen: "
                  f"{app_time * 1000:.0f} ms ({t:.2f}x, goal <= {goal}x), {app_memory / 1024:.0f} MiB "
                  f"({m:.2f}x, goal <= {MEMORY_GOAL}x)")
            ratios.append(f"{size} {how}: time {t:.2f}x memory {m:.2f}x")
        app_time, app_memory = medians(clean_headless[size])
        print(f"  headless, in-process, after a clean close: {app_time * 1000:.0f} ms "
              f"({app_time / headless_time:.2f}x the headless bare app's {headless_time * 1000:.0f} ms), "
              f"{app_memory / 1024:.0f} MiB ({app_memory / headless_memory:.2f}x)")
    print("ratio: " + "; ".join(ratios))


if __name__ == "__main__":
    main()
