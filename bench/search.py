"""Search decisions over a 2,000-meeting archive, and open the review screen.

1. ``search_decisions(service, WORD)`` (in-process, the catalogue already open as in the app)
   against ``grep -ril WORD`` over the same archive folder, in the same run. Goal: <= 1x.
2. The command line's ``coprod-meet decisions --search WORD`` and ``coprod-meet actions --search
   WORD`` (the real command, a process each, as a person types it), read through the index,
   against the same ``grep -ril WORD``. Goal: each <= 1x. The whole lists (no words) are timed too.
3. Starting the app straight onto the review-decisions screen with that archive, against a bare
   Textual app (Header, Label, Footer); each in a subprocess that exits once mounted. Goal: <= 1.3x.
   Both run headless at 80x24. (The review app used to be started without a size, so it first
   laid out and drew its whole screen at the headless default of 80x25, then again at 80x24
   when the driver sent its size: a second drawing that neither a real terminal nor the bare
   app, which has always been given 80x24, ever does.)

Run: .venv/bin/python bench/search.py [--meetings 2000] [--word transport]
Prints its figures and ends with a line starting "ratio:".
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bare import BARE_APP, as_installed  # noqa: E402  (the same baseline in every benchmark)
sys.path.insert(0, str(ROOT))


REVIEW_APP = """
import sys
import coprod_meet.tui.app as app_module
from coprod_meet.services.archive import ArchiveService
from coprod_meet.tui.screens.review_decisions import ReviewDecisionsScreen

class Review(ReviewDecisionsScreen):
    def on_mount(self):
        # Textual calls ReviewDecisionsScreen.on_mount itself (handlers run for each class).
        self.app.call_after_refresh(self.app.exit)

# The app starts on the review screen instead of the meetings list.
app_module.MeetingsScreen = Review
service = ArchiveService.open(sys.argv[1])
try:
    app_module.CoprodMeetApp(service).run(headless=True, size=(80, 24))
finally:
    service.close()
"""


def best(times: list[float]) -> float:
    return min(times)


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    as_installed()  # our bytecode compiled, as pip leaves an installed copy
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=2000)
    parser.add_argument("--word", default="transport")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()

    from coprod_meet.services.archive import ArchiveService
    from coprod_meet.services.demo import build_demo
    from coprod_meet.services.review import search_decisions

    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        start = time.perf_counter()
        groups, meetings = build_demo(meetings=args.meetings, seed=1)
        with ArchiveService.open(archive) as service:
            for g in groups:
                service.save_group(g)
            service.write_whole_meetings(meetings)
        size = sum(p.stat().st_size for p in archive.rglob("*.json")) / 1e6
        print(f"Built a {args.meetings}-meeting demo archive ({size:.0f} MB) in {time.perf_counter() - start:.1f}s.")

        with ArchiveService.open(archive) as service:
            found = search_decisions(service, args.word)
            search = timed(lambda: search_decisions(service, args.word), args.repeat)
        cold = timed(lambda: _cold_search(archive, args.word), 3)
        grep = timed(lambda: subprocess.run(["grep", "-ril", args.word, str(archive)], capture_output=True,
                                            check=False), args.repeat)
        print(f"search_decisions({args.word!r}): {len(found)} decisions, best {best(search) * 1000:.1f} ms "
              f"(median {statistics.median(search) * 1000:.1f} ms)")
        print(f"  opening the archive and searching (cold): best {best(cold) * 1000:.1f} ms")
        print(f"grep -ril {args.word}: best {best(grep) * 1000:.1f} ms (median {statistics.median(grep) * 1000:.1f} ms)")

        # The command line, as typed: a process each time, taken in turns with grep.
        command = [str(Path(sys.executable).with_name("coprod-meet"))]
        cli: dict[str, list[float]] = {}
        grep_again: list[float] = []
        lines = {
            "decisions": ["decisions", "--search", args.word],
            "actions": ["actions", "--search", args.word],
            "decisions (whole list)": ["decisions"],
            "actions (whole list)": ["actions"],
        }
        for _ in range(args.repeat):
            grep_again += timed(lambda: subprocess.run(["grep", "-ril", args.word, str(archive)], capture_output=True,
                                                       check=False), 1)
            for name, argv in lines.items():
                cli.setdefault(name, []).extend(timed(lambda: _run([*command, *argv, "--archive", str(archive)]), 1))
        grep_best = min(best(grep), best(grep_again))
        for name, argv in lines.items():
            print(f"coprod-meet {' '.join(argv)}: best {best(cli[name]) * 1000:.0f} ms "
                  f"({best(cli[name]) / grep_best:.2f}x grep -ril)")
        # The least any command printing our decisions must do: start Python and load the modules
        # that say a decision in words. Shown so the goal above can be judged against it.
        floors = {"Python starting and stopping": [sys.executable, "-c", "pass"],
                  "Python loading the decision words (coprod_meet.domain.records)":
                      [sys.executable, "-c", "import coprod_meet.domain.records"],
                  "Python loading the command line alone (coprod_meet.cli, before it reads anything)":
                      [sys.executable, "-c", "import coprod_meet.cli"]}
        for name, argv in floors.items():
            floor = best(timed(lambda: _run(argv), args.repeat))
            print(f"  for comparison, {name}: best {floor * 1000:.0f} ms ({floor / grep_best:.2f}x grep -ril)")

        # Taken in turns, so a busy moment of the machine falls on both alike; the best of each counts.
        bare, review = [], []
        for _ in range(args.repeat):
            bare += timed(lambda: _run([sys.executable, "-c", BARE_APP]), 1)
            review += timed(lambda: _run([sys.executable, "-c", REVIEW_APP, str(archive)]), 1)
        print(f"bare Textual app start: best {best(bare) * 1000:.0f} ms")
        print(f"review-decisions screen with {args.meetings} meetings: best {best(review) * 1000:.0f} ms")

        search_ratio = best(search) / grep_best
        screen_ratio = best(review) / best(bare)
        print(f"ratio: search/grep = {search_ratio:.2f}x (goal <= 1), cold search/grep = "
              f"{best(cold) / grep_best:.2f}x, CLI decisions/grep = {best(cli['decisions']) / grep_best:.2f}x "
              f"and actions/grep = {best(cli['actions']) / grep_best:.2f}x (goal each <= 1), "
              f"review screen/bare app = {screen_ratio:.2f}x (goal <= 1.3)")


def _cold_search(archive: Path, word: str) -> None:
    from coprod_meet.services.archive import ArchiveService
    from coprod_meet.services.review import search_decisions

    with ArchiveService.open(archive) as service:
        search_decisions(service, word)


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(result.stderr.decode(errors="replace"))


if __name__ == "__main__":
    main()
