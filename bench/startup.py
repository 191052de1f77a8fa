"""Time to first screen of coprod-meet with big archives, against a bare Textual app.

Each app runs in its own process that exits as soon as its first screen has been drawn; each is
started several times, in turns, and the medians are compared. Peak memory is the process's largest
resident size. Goals: 2,000 meetings <= 1.3x the bare app, 20,000 <= 1.5x; memory <= 1.5x.

    .venv/bin/python bench/startup.py [--runs 7] [--sizes 2000,20000]

The demo archives are built once in the temp folder and reused by later runs. Each run opens the
archive as a person does after closing the app normally: the archive keeps the first page of its
meetings list (``first-page.json``), so the first screen does not read all 20,000 catalogue lines.
A last line, for information, gives the first open after an unclean stop, which reads everything.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bare import BARE_APP, as_installed  # noqa: E402  (the same baseline in every benchmark)

# The process's own peak (VmHWM starts afresh at exec; ru_maxrss would count the parent's pages).
REPORT_MEMORY = """
import atexit, sys

def _peak():
    with open("/proc/self/status") as status:
        line = next(l for l in status if l.startswith("VmHWM:"))
    sys.stderr.write("peak-kib " + line.split()[1] + "\\n")

atexit.register(_peak)
"""

BARE = REPORT_MEMORY + BARE_APP

COPROD = REPORT_MEMORY + """
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
    if (folder / "catalogue.json").exists():
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


def run_once(code: str, *args: str) -> tuple[float, int]:
    """Seconds to exit and peak resident memory (KiB) of one process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), TEXTUAL_ANIMATIONS="none")
    started = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    peak = [line for line in child.stderr.splitlines() if line.startswith("peak-kib ")]
    if child.returncode != 0 or not peak:
        raise SystemExit(f"The app did not start: {child.stderr}")
    return seconds, int(peak[-1].split()[1])


def main() -> None:
    as_installed()  # our bytecode compiled, as pip leaves an installed copy
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="2000,20000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    goals = {2000: 1.3, 20000: 1.5}
    archives = {size: archive_of(size) for size in sizes}
    run_once(BARE)  # warm the file cache
    for size in sizes:
        run_once(COPROD, str(archives[size]))
    # Taken in turns, so a busy moment of a shared machine falls on all of them alike.
    bare: list[tuple[float, int]] = []
    ours: dict[int, list[tuple[float, int]]] = {size: [] for size in sizes}
    for _ in range(args.runs):
        bare.append(run_once(BARE))
        for size in sizes:
            ours[size].append(run_once(COPROD, str(archives[size])))
    bare_time = statistics.median(t for t, _ in bare)
    bare_memory = statistics.median(m for _, m in bare)
    print(f"bare Textual app (Header, Label, Footer): {bare_time * 1000:.0f} ms, {bare_memory / 1024:.0f} MiB "
          f"(medians of {args.runs} runs, taken in turns with the runs below)")
    ratios = []
    for size in sizes:
        app_time = statistics.median(t for t, _ in ours[size])
        app_memory = statistics.median(m for _, m in ours[size])
        t, m = app_time / bare_time, app_memory / bare_memory
        goal = goals.get(size, 1.5)
        print(f"coprod-meet, {size:,} meetings: {app_time * 1000:.0f} ms ({t:.2f}x, goal <= {goal}x), "
              f"{app_memory / 1024:.0f} MiB ({m:.2f}x, goal <= 1.5x)")
        ratios.append(f"{size}: time {t:.2f}x memory {m:.2f}x")
    # For information: the first open after an unclean stop has no first page and reads the whole
    # catalogue (and looks at the meetings folder) to catch up. The figures above are the usual case:
    # the archive was closed cleanly, which keeps the first page (see coprod_meet/storage/first_page.py).
    size = max(sizes)
    page = archives[size] / "first-page.json"
    full = []
    for _ in range(3):
        page.unlink(missing_ok=True)
        full.append(run_once(COPROD, str(archives[size])))
    full_time = statistics.median(t for t, _ in full)
    full_memory = statistics.median(m for _, m in full)
    print(f"for information, {size:,} meetings after an unclean stop (no first page): {full_time * 1000:.0f} ms "
          f"({full_time / bare_time:.2f}x), {full_memory / 1024:.0f} MiB ({full_memory / bare_memory:.2f}x)")
    print("ratio: " + "; ".join(ratios))


if __name__ == "__main__":
    main()
