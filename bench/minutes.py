"""How long exporting a long meeting's minutes takes, against starting a bare Textual app.

A 3-hour meeting (300 turns, 20 decisions, 40 actions, 15 members) is written to a real archive
in a temp folder. Then, in fresh processes, each measured in the same run:

- export: open the archive, compose the members' copy once and render it to every format (md,
  html, txt, docx, ics) with its readability report, and exit;
- baseline: start a bare Textual app (Header, Label, Footer) and exit once it is mounted.

Both include starting Python and importing what they need. Each is repeated and the medians
compared. Goal: export of every format <= 1x a bare app start. The last line is `ratio: ...`.

Run: .venv/bin/python bench/minutes.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bare import BARE_APP, as_installed  # noqa: E402  (the same baseline in every benchmark)
sys.path.insert(0, str(ROOT))


EXPORT = """
import sys
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.minutes import MinutesService

with ArchiveService.open(sys.argv[1]) as service:
    exports = MinutesService(service).exports(sys.argv[2], ("md", "html", "txt", "docx", "ics"))
    assert all(export.data for export in exports)
"""


def build_long_meeting(archive: Path) -> str:
    from coprod_meet.domain import events as ev
    from coprod_meet.domain.model import AgendaItem, Event, Group, Meeting, Member, Naming, VoiceGroup
    from coprod_meet.domain.records import Action, Decision, Method
    from coprod_meet.services.archive import ArchiveService

    groups = list(VoiceGroup)
    namings = list(Naming)
    members = [Member(id=f"m{i}", name=f"Member {i}", full_name=f"Member Number{i}", role="carer",
                      naming=namings[i % 4], voice_group=groups[i % 4]) for i in range(15)]
    group = Group(id="g1", name="Long Meeting Board", members=tuple(members))
    start = datetime(2026, 3, 12, 10, 0)
    agenda = [AgendaItem(id=f"i{n}", title=f"Item {n}: services and support", lead_id=members[n % 2].id,
                         summary="We talked about what members want to change.") for n in range(20)]
    meeting = Meeting(id="long-meeting", group_id=group.id, group_name=group.name, title="A long meeting",
                      start=start, end=start + timedelta(hours=3), co_chair_ids=("m0", "m1"),
                      agenda=tuple(agenda), roster=tuple(members), place="Town Hall")
    log: list[Event] = []
    clock = start

    def add(kind: str, seconds: int = 0, **data) -> None:
        nonlocal clock
        clock += timedelta(seconds=seconds)
        log.append(Event(type=kind, data=data, at=clock, id=f"e{len(log)}"))

    for m in members:
        add(ev.ATTENDANCE, member_id=m.id, status="present")
    add(ev.MEETING_STARTED)
    for n, item in enumerate(agenda):
        add(ev.ITEM_STARTED, 5, item_id=item.id)
        for t in range(15):  # 20 items x 15 turns = 300 turns, 30 s each: 2.5 hours of talk
            who = members[(n + t) % len(members)].id
            add(ev.TURN_STARTED, 2, member_id=who, item_id=item.id, via="spoken", by_id="")
            add(ev.TURN_ENDED, 28, member_id=who)
        add(ev.CARD_RAISED, 5, member_id=members[n % 15].id, colour="red", word="commissioning")
        add(ev.WORD_EXPLAINED, 30, word="commissioning", meaning="Deciding which services to pay for.")
        decision = Decision(id=f"d{n}", meeting_id=meeting.id, item_id=item.id, item_title=item.title,
                            text="We will ask members before anything changes.", method=list(Method)[n % 5],
                            counts={"for": 10, "against": 3, "abstain": 2}, dissent="It should happen sooner.",
                            lived_experience_agreed=True, review_date="2026-09-12",
                            dissent_by=(members[n % 15].id,))
        add(ev.DECISION_RECORDED, 30, **decision.to_dict())
        for k in range(2):
            owner = members[(n + k) % 15]
            action = Action(id=f"a{n}-{k}", meeting_id=meeting.id, text="write to the council about it",
                            owner=owner.full_name, owner_id=owner.id, due="2026-03-26", item_id=item.id)
            add(ev.ACTION_RECORDED, 10, **action.to_dict())
    for m in members:
        add(ev.EVALUATION, 5, member_id=m.id, heard="yes", comment="Good meeting.")
    add(ev.MEETING_ENDED, 30)
    with ArchiveService.open(archive) as service:
        service.save_group(group)
        service.write_whole_meetings([(meeting, log)])
    assert sum(e.type == ev.TURN_STARTED for e in log) == 300
    return meeting.id


def timed(args: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - began


def main() -> None:
    as_installed()  # our bytecode compiled, as pip leaves an installed copy
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "archive"
        meeting_id = build_long_meeting(archive)
        export_cmd = [sys.executable, "-c", EXPORT, str(archive), meeting_id]
        bare_cmd = [sys.executable, "-c", BARE_APP]
        timed(export_cmd), timed(bare_cmd)  # warm the file cache
        exports, bares = [], []
        for _ in range(args.repeat):  # interleaved, so both see the same machine
            exports.append(timed(export_cmd))
            bares.append(timed(bare_cmd))

        # In-process figures, for information: where the time goes once Python is running.
        from coprod_meet.services.archive import ArchiveService
        from coprod_meet.services.minutes import MinutesService

        with ArchiveService.open(archive) as service:
            minutes = MinutesService(service)
            per_format = {}
            for fmt in ("md", "html", "txt", "docx", "ics"):
                runs = []
                for _ in range(3):
                    began = time.perf_counter()
                    minutes.export(meeting_id, fmt)
                    runs.append(time.perf_counter() - began)
                per_format[fmt] = statistics.median(runs)

    export, bare = statistics.median(exports), statistics.median(bares)
    print("A 3-hour meeting: 300 turns, 20 decisions, 40 actions, 15 members.")
    print(f"export to every format, in a new process: median {export * 1000:.0f} ms over {args.repeat} runs")
    print(f"bare Textual app start to mounted:        median {bare * 1000:.0f} ms over {args.repeat} runs")
    print("once running, one export each: " + ", ".join(f"{f} {t * 1000:.0f} ms" for f, t in per_format.items()))
    print(f"goal: <= 1x; {'met' if export <= bare else 'NOT met'}")
    print(f"ratio: {export / bare:.2f}")


if __name__ == "__main__":
    main()
