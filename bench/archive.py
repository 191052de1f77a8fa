"""How fast is a durable event write, and does it depend on the size of the archive?

    python bench/archive.py [--repeat N] [--large] [--dir DIR]

In one run this builds archives with the demo (1 and 2,000 meetings; 20,000 too with --large),
adds the same meeting to each, then times, over many repetitions and interleaved so that disk
noise falls on all of them alike:

- an event write: ``ArchiveService.append_event`` into that meeting (TinyDB, encoding, atomic
  durable write: temp file, fsync, replace, folder fsync);
- the floor: ``durable.atomic_write`` of exactly the bytes that event write produced, to a file
  in the same folder (the least any durable write of that file can cost).

It prints medians and ends with one line: ``ratio: <2000 vs 1> floor: <event vs floor>``.
Goals: event write <= 2x the floor; the 2,000-meeting archive <= 1.2x the 1-meeting archive.
Figures are ratios measured in the same run, never absolute times to compare across machines.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coprod_meet.domain import events as ev  # noqa: E402
from coprod_meet.services.archive import ArchiveService  # noqa: E402
from coprod_meet.services.demo import build_demo  # noqa: E402
from coprod_meet.storage import durable  # noqa: E402


@dataclass
class Subject:
    """One archive under test, with the meeting the events go into."""

    name: str
    meetings: int
    service: ArchiveService
    meeting_id: str
    member_id: str
    item_id: str
    event_times: list[float] = field(default_factory=list)
    floor_times: list[float] = field(default_factory=list)

    @property
    def meeting_path(self) -> Path:
        return self.service.archive.meeting_path(self.meeting_id)

    @property
    def floor_path(self) -> Path:
        # Same folder as the meeting files (same folder fsync), a name the archive ignores.
        return self.service.archive.meetings_dir / "bench-floor.bin"

    def one_round(self, n: int) -> None:
        event = ev.event(ev.TURN_STARTED, member_id=self.member_id, item_id=self.item_id, via="spoken", by_id="")
        start = time.perf_counter()
        self.service.append_event(self.meeting_id, event)
        self.event_times.append(time.perf_counter() - start)
        payload = self.meeting_path.read_bytes()  # exactly what the event write put on disk
        start = time.perf_counter()
        durable.atomic_write(self.floor_path, payload)
        self.floor_times.append(time.perf_counter() - start)

    def close(self) -> None:
        self.floor_path.unlink(missing_ok=True)
        self.service.close()


def run_demo(archive: Path, meetings: int) -> float:
    """`coprod-meet demo --meetings N` as a person would type it; returns the seconds it took."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "coprod_meet", "demo", "--archive", str(archive), "--meetings", str(meetings)],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def subject(name: str, archive: Path, meetings: int) -> tuple[Subject, float]:
    """Open ``archive`` and add the benchmark's meeting (the same in every archive)."""
    start = time.perf_counter()
    service = ArchiveService.open(archive)
    service.list_meetings()
    opened = time.perf_counter() - start
    _groups, [(meeting, log)] = build_demo(meetings=1, seed=2026)
    service.write_whole_meetings([(meeting, log)])
    item = next(i for i in meeting.agenda if i.papers)
    return Subject(name, len(service.list_meetings()), service, meeting.id, meeting.roster[0].id, item.id), opened


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=300, help="timed writes per archive (default 300)")
    parser.add_argument("--large", action="store_true", help="also an archive of 20,000 meetings")
    parser.add_argument("--dir", type=Path, help="where to build the archives (default: a temp folder)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="coprod-bench-", dir=args.dir) as tmp:
        base = Path(tmp)
        sizes = [1, 2000] + ([20_000] if args.large else [])
        subjects: list[Subject] = []
        for size in sizes:
            archive = base / f"archive-{size}"
            took = run_demo(archive, size) if size > 1 else None
            if took is not None:
                print(f"coprod-meet demo --meetings {size}: {took:.1f} s")
            if size == 1:
                ArchiveService.open(archive).close()  # an empty archive: the benchmark meeting is its one meeting
            s, opened = subject(f"{size} meetings", archive, size)
            print(f"opening the archive of {s.meetings} meetings and listing them: {ms(opened)}")
            subjects.append(s)
        # Warm up (file caches, the meeting file opened), then interleave the timed rounds.
        for s in subjects:
            for n in range(10):
                s.one_round(n)
            s.event_times.clear()
            s.floor_times.clear()
        for n in range(args.repeat):
            for s in subjects:
                s.one_round(n)
        size_kb = subjects[0].meeting_path.stat().st_size / 1024
        print(f"\nmedians over {args.repeat} writes each; the meeting file grew to {size_kb:.0f} KB")
        medians = {}
        for s in subjects:
            event, floor = statistics.median(s.event_times), statistics.median(s.floor_times)
            medians[s.name] = (event, floor)
            print(f"  {s.name:>16}: event write {ms(event)}, floor {ms(floor)}, event vs floor {event / floor:.2f}x")
        for s in subjects:
            s.close()

    event_1, floor_1 = medians[subjects[0].name]
    event_2000, floor_2000 = medians[subjects[1].name]
    ratio = event_2000 / event_1
    floor_ratio = event_2000 / floor_2000
    print()
    if args.large:
        event_20000, floor_20000 = medians[subjects[2].name]
        print(f"20,000 vs 1 meetings: {event_20000 / event_1:.2f}x; event vs floor there: {event_20000 / floor_20000:.2f}x")
    print(f"goal: event write <= 2x floor: {'met' if floor_ratio <= 2 else 'MISSED'} ({floor_ratio:.2f}x)")
    print(f"goal: 2000-meeting archive <= 1.2x 1-meeting archive: {'met' if ratio <= 1.2 else 'MISSED'} ({ratio:.2f}x)")
    print(f"ratio: {ratio:.2f} floor: {floor_ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
