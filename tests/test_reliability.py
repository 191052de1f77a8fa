"""Nothing the app said was saved is ever lost, and the archive is never left unreadable.

- A writer process is SIGKILLed at random moments, over insert, update and delete workloads.
- Faults are injected into write, fsync and replace; the disk fills up.
- A second process cannot open an archive that is open; once the first is killed it can.
- Every naughty string survives a round trip through the archive.
"""

from __future__ import annotations

import errno
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coprod_meet.domain.errors import TextTooLong, UserError
from coprod_meet.domain.model import Event, Group, Meeting, Member, new_id, note_event
from coprod_meet.domain.text import clean_name, clean_note, clean_title
from coprod_meet.services.archive import ArchiveService
from coprod_meet.storage import durable
from coprod_meet.storage.archive import ArchiveBusy
from coprod_meet.storage.durable import CorruptFile, SaveFailed, decode, is_temp_file

from .conftest import naughty_strings

WRITER = Path(__file__).with_name("helpers") / "writer.py"
ROOT = Path(__file__).resolve().parents[1]
START = datetime(2026, 3, 12, 14, 0)

TRIALS_PER_LANE = 36
LANES = ["insert", "update", "delete"] * 2  # 6 archives, 216 kills in all
SEED = int(os.environ.get("COPROD_RELIABILITY_SEED", "20260312"))


def plain_meeting(title: str = "Title 0") -> Meeting:
    return Meeting(group_id=new_id(), group_name="Board", title=title, start=START, end=START + timedelta(hours=2))


def files_of(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and p.parent.name != "quarantine"]


def temp_files(root: Path) -> list[Path]:
    return [p for p in files_of(root) if is_temp_file(p)]


def unreadable(root: Path) -> list[str]:
    """Every archive file that will not parse, in plain words."""
    found = []
    for p in files_of(root):
        if p.suffix == ".json" and not is_temp_file(p):
            try:
                decode(p, p.read_bytes())
            except CorruptFile as error:
                found.append(str(error))
    return found


def writer_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


# --- SIGKILL at random moments ----------------------------------------------------------------------


class ForkServer:
    """tests/helpers/writer.py --serve: starts writer processes without paying Python's start-up."""

    def __init__(self, log: Path) -> None:
        ours, theirs = socket.socketpair()
        self.sock = ours
        self.log = log.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), "--serve", str(theirs.fileno())],
            pass_fds=[theirs.fileno()], stdout=subprocess.DEVNULL, stderr=self.log, env=writer_env(),
        )
        theirs.close()

    def _answer(self) -> int:
        data = b""
        while not data.endswith(b"\n"):
            chunk = self.sock.recv(64)
            assert chunk, f"the fork server stopped; see {self.log.name}"
            data += chunk
        return int(data)

    def start(self, args: list[str]) -> tuple[int, object]:
        """A new writer with ``args``: its pid and its stdout (text, line by line)."""
        read_end, write_end = os.pipe()
        try:
            socket.send_fds(self.sock, ["\0".join(["run", *args]).encode()], [write_end])
            pid = self._answer()
        finally:
            os.close(write_end)
        return pid, os.fdopen(read_end, "r")

    def kill(self, pid: int) -> int:
        """SIGKILL the writer and return its wait status."""
        os.kill(pid, signal.SIGKILL)
        self.sock.sendall(f"wait\0{pid}".encode())
        return self._answer()

    def close(self) -> None:
        self.sock.close()
        self.proc.wait(timeout=30)
        self.log.close()

    def log_text(self) -> str:
        return Path(self.log.name).read_text()



@dataclass
class Lane:
    """One archive, killed again and again while one kind of write is under way."""

    workload: str
    root: Path
    rng: random.Random
    server: ForkServer
    meeting_id: str = ""
    acked_ever: set[str] = field(default_factory=set)  # insert: every acknowledged event id
    gone_ever: set[str] = field(default_factory=set)  # delete: every acknowledged removal
    title_n: int = 0  # update: the title number on disk
    kills: int = 0
    mid_write: int = 0  # trials that left a temp file behind: killed in the middle of a write
    in_flight_landed: int = 0  # trials where the write under way when killed reached the disk
    with_acks: int = 0  # trials in which the writer acknowledged at least one write

    def set_up(self) -> None:
        with ArchiveService.open(self.root) as service:
            meeting = service.save_meeting(plain_meeting())
            self.meeting_id = meeting.id

    def top_up(self, service: ArchiveService) -> None:
        """Give the delete workload events to remove."""
        f = service.archive.meeting_file(self.meeting_id)
        if f.event_count() < 40:
            count = f.event_count()
            f.append_events(
                [Event(type="note", data={"text": f"to remove {n}"}, at=START, seq=count + n).to_dict()
                 for n in range(1, 121)]
            )

    def trial(self) -> None:
        with ArchiveService.open(self.root) as service:
            if self.workload == "delete":
                self.top_up(service)
            before = [e.id for e in service.events(self.meeting_id)]
        args = {
            "insert": [self.meeting_id],
            "update": [self.meeting_id, str(self.title_n + 1)],
            "delete": [self.meeting_id],
        }[self.workload]
        pid, stdout = self.server.start([str(self.root), self.workload, *args])
        seen: list[str] = []
        with stdout:
            try:
                if self.rng.random() < 0.1:
                    # Now and then, kill it while it opens the archive.
                    time.sleep(self.rng.uniform(0, 0.01))
                else:
                    # Let it acknowledge a random number of writes, then kill it at a random
                    # moment within the next one (a write takes a millisecond or two here).
                    for _ in range(1 + self.rng.randint(0, 12)):
                        seen.append(stdout.readline())
                        assert seen[-1].startswith(("ready", "ack ")), f"the writer failed; see {self.server.log.name}"
                    time.sleep(self.rng.uniform(0, 0.004))
            finally:
                status = self.server.kill(pid)
            # Read through the same buffered pipe as readline() did, so no line is skipped.
            lines = [line.rstrip("\n") for line in seen] + stdout.read().splitlines()
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
        acks = [line.split(" ", 1)[1] for line in lines if line.startswith("ack ")]
        self.kills += 1
        self.with_acks += bool(acks)
        self.verify(before, acks)

    def verify(self, before: list[str], acks: list[str]) -> None:
        assert unreadable(self.root) == []
        if temp_files(self.root):
            self.mid_write += 1
        with ArchiveService.open(self.root) as service:
            assert temp_files(self.root) == [], "temp files must be gone after the next open"
            assert service.problems == []
            after = [e.id for e in service.events(self.meeting_id)]
            meeting = service.get_meeting(self.meeting_id)
            listed = {m.id: m.title for m in service.list_meetings()}
            if self.workload == "insert":
                self.acked_ever.update(acks)
                missing = self.acked_ever - set(after)
                assert not missing, f"acknowledged events lost: {missing}"
                assert after[: len(before)] == before
                unacked = set(after) - set(before) - set(acks)
                assert len(unacked) <= 1, "only the write under way may land without an acknowledgement"
                self.in_flight_landed += len(unacked)
                self.acked_ever.update(unacked)
            elif self.workload == "update":
                last = int(acks[-1]) if acks else self.title_n
                on_disk = int(meeting.title.split()[-1])
                assert on_disk in (last, last + 1), (on_disk, last)
                in_list = int(listed[self.meeting_id].split()[-1])
                assert in_list == on_disk, "the list must agree with the meeting after reopening"
                self.in_flight_landed += on_disk - last
                self.title_n = on_disk
            else:
                self.gone_ever.update(acks)
                back = self.gone_ever & set(after)
                assert not back, f"acknowledged removals came back: {back}"
                expected = [i for i in before if i not in set(acks)]
                lost = [i for i in expected if i not in set(after)]
                in_flight = expected[:1]
                assert lost in ([], in_flight), "only the removal under way may land unacknowledged"
                self.in_flight_landed += len(lost)
                self.gone_ever.update(lost)
            assert service.check().sound


def test_sigkill_at_random_moments_loses_nothing_acknowledged(tmp_path: Path) -> None:
    master = random.Random(SEED)
    servers = [ForkServer(tmp_path / f"server{n}.log") for n in range(len(LANES))]
    lanes = [
        Lane(w, tmp_path / f"lane{n}-{w}", random.Random(master.getrandbits(32)), servers[n])
        for n, w in enumerate(LANES)
    ]
    for lane in lanes:
        lane.set_up()

    def run(lane: Lane) -> Lane:
        for _ in range(TRIALS_PER_LANE):
            lane.trial()
        return lane

    # A few writer processes at once, each on its own archive, to keep the wall time down.
    try:
        with ThreadPoolExecutor(max_workers=3) as pool:
            done = list(pool.map(run, lanes))
    finally:
        for server in servers:
            server.close()
    logs = "".join(server.log_text() for server in servers)
    assert "Traceback" not in logs, logs
    kills = sum(lane.kills for lane in done)
    print(
        f"{kills} kills (seed {SEED}): {sum(lane.mid_write for lane in done)} inside a write, "
        f"{sum(lane.in_flight_landed for lane in done)} with the write under way reaching the disk unacknowledged, "
        f"{sum(len(lane.acked_ever) for lane in done)} events and {sum(len(lane.gone_ever) for lane in done)} "
        f"removals checked"
    )
    assert kills >= 200
    for workload in ("insert", "update", "delete"):
        assert sum(lane.kills for lane in done if lane.workload == workload) >= 60
    # The kills really landed in the middle of writes, not only between them.
    mid = sum(lane.mid_write for lane in done)
    assert mid >= kills // 10, f"only {mid} of {kills} kills landed inside a write (seed {SEED})"
    # Most kills came after some writes were acknowledged, so there was something to lose.
    for workload in ("insert", "update", "delete"):
        trials = [lane for lane in done if lane.workload == workload]
        assert sum(lane.with_acks for lane in trials) >= sum(lane.kills for lane in trials) // 2, workload


# --- faults injected into write, fsync and replace -----------------------------------------------


class Fault:
    """Make the n-th call of an OS function fail with ``errno``."""

    def __init__(self, real, n: int, err: int = errno.EIO) -> None:
        self.real, self.n, self.err, self.calls = real, n, err, 0
        self.lock = threading.Lock()  # many meeting files may be written at once

    def __call__(self, *args):
        with self.lock:
            self.calls += 1
            failing = self.calls == self.n
        if failing:
            raise OSError(self.err, os.strerror(self.err))
        return self.real(*args)


def open_meeting(root: Path) -> tuple[ArchiveService, str]:
    service = ArchiveService.open(root)
    meeting = service.save_meeting(plain_meeting())
    service.append_event(meeting.id, note_event("first"))
    return service, meeting.id


def texts(service: ArchiveService, meeting_id: str) -> list[str]:
    return [e.data["text"] for e in service.events(meeting_id)]


@pytest.mark.parametrize("name", ["os_write", "os_fsync", "os_replace"])
@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_a_fault_leaves_the_old_state_and_the_next_write_works(tmp_path: Path, monkeypatch, name: str, n: int) -> None:
    root = tmp_path / "archive"
    service, meeting_id = open_meeting(root)
    path = service.archive.meeting_path(meeting_id)
    fault = Fault(getattr(durable, name), n)
    monkeypatch.setattr(durable, name, fault)
    written = ["first"]
    failed_at = None
    for k in range(4):  # each append makes 1 write, 2 fsyncs (file and folder) and 1 replace
        text = f"note {k}"
        old = path.read_bytes()
        try:
            service.append_event(meeting_id, note_event(text))
        except SaveFailed as error:
            failed_at = k
            assert str(error) == (
                "The last change could not be saved to disk; please try again, "
                "and check the disk if it keeps happening."
            )
            now_on_disk = path.read_bytes()
            if name == "os_fsync" and fault.calls == n and n % 2 == 0:
                # The folder fsync after the replace: the new state may already be in place.
                assert now_on_disk in (old, now_on_disk)
                tables = decode(path, now_on_disk)
                if len(tables["events"]) == len(written) + 1:
                    written.append(text)
            else:
                assert now_on_disk == old, "the old state must stay exactly as it was"
            assert temp_files(root) == []
            assert texts(service, meeting_id) == written  # memory agrees with the disk
        else:
            written.append(text)
    assert failed_at is not None and fault.calls >= n
    # The next write works, and everything is readable after a reopen.
    service.append_event(meeting_id, note_event("after"))
    written.append("after")
    service.close()
    monkeypatch.undo()
    assert unreadable(root) == []
    with ArchiveService.open(root) as again:
        assert texts(again, meeting_id) == written
        assert again.check().sound


@pytest.mark.parametrize("name", ["os_write", "os_fsync", "os_replace"])
def test_a_fault_while_saving_a_meeting_keeps_the_old_plan(tmp_path: Path, monkeypatch, name: str) -> None:
    root = tmp_path / "archive"
    service, meeting_id = open_meeting(root)
    meeting = service.get_meeting(meeting_id)
    monkeypatch.setattr(durable, name, Fault(getattr(durable, name), 1))
    with pytest.raises(SaveFailed):
        service.save_meeting(replace(meeting, title="Changed"))
    assert service.get_meeting(meeting_id).title == "Title 0"
    assert [m.title for m in service.list_meetings()] == ["Title 0"]
    service.save_meeting(replace(meeting, title="Changed again"))
    service.close()
    with ArchiveService.open(root) as again:
        assert again.get_meeting(meeting_id).title == "Changed again"
        assert [m.title for m in again.list_meetings()] == ["Changed again"]


def test_disk_full_is_said_plainly_and_nothing_is_lost(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "archive"
    service, meeting_id = open_meeting(root)
    path = service.archive.meeting_path(meeting_id)
    old = path.read_bytes()
    monkeypatch.setattr(durable, "os_write", Fault(durable.os_write, 1, errno.ENOSPC))
    with pytest.raises(SaveFailed) as caught:
        service.append_event(meeting_id, note_event("lost?"))
    assert str(caught.value) == "The disk is full, so the last change was not saved; free some space and try again."
    assert path.read_bytes() == old
    assert temp_files(root) == []
    assert texts(service, meeting_id) == ["first"]
    service.append_event(meeting_id, note_event("space again"))
    service.close()
    with ArchiveService.open(root) as again:
        assert texts(again, meeting_id) == ["first", "space again"]


def test_a_partial_write_is_finished_not_cut_short(tmp_path: Path, monkeypatch) -> None:
    real = os.write
    monkeypatch.setattr(durable, "os_write", lambda fd, data: real(fd, bytes(data[:7])))
    root = tmp_path / "archive"
    service, meeting_id = open_meeting(root)
    service.append_event(meeting_id, note_event("slowly"))
    service.close()
    monkeypatch.undo()
    with ArchiveService.open(root) as again:
        assert texts(again, meeting_id) == ["first", "slowly"]


# --- a second instance ------------------------------------------------------------------------------


def test_a_second_process_is_refused_until_the_first_is_killed(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    ArchiveService.open(root).close()
    holder = subprocess.Popen([sys.executable, str(WRITER), str(root), "hold"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=writer_env())
    try:
        assert holder.stdout.readline() == "ready\n"
        with pytest.raises(ArchiveBusy):
            ArchiveService.open(root)
        # A command that writes is refused (one that only reads works: tests/test_reading_while_open.py).
        cli = subprocess.run([sys.executable, "-m", "coprod_meet", "demo", "--meetings", "1", "--archive", str(root)],
                             capture_output=True, text=True, env=writer_env(), timeout=60)
        assert cli.returncode == 1
        assert cli.stdout == ""
        assert cli.stderr == (
            "coprod-meet: This archive is already open in another coprod-meet; close that one first, "
            "or choose another folder with --archive.\n"
        )
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.communicate()
    with ArchiveService.open(root) as service:
        assert service.list_meetings() == []


# --- naughty strings ----------------------------------------------------------------------------------


def expect(clean, s: str):
    """What cleaning makes of ``s``, or the error a person would see."""
    try:
        return clean(s)
    except TextTooLong as error:
        return error


def test_every_naughty_string_survives_a_round_trip(tmp_path: Path) -> None:
    strings = naughty_strings()
    assert len(strings) == 515
    root = tmp_path / "archive"
    members: list[tuple[str, Member]] = []
    meetings: list[tuple[str, Meeting]] = []
    refused = 0
    with ArchiveService.open(root) as service:
        host = service.save_meeting(plain_meeting("Naughty notes"))
        for s in strings:
            name, title, note = expect(clean_name, s), expect(clean_title, s), expect(clean_note, s)
            for cleaned, make, bucket in (
                (name, lambda: Member(name=s, full_name=s if isinstance(name, str) else ""), members),
                (title, lambda: plain_meeting(s), meetings),
            ):
                if isinstance(cleaned, TextTooLong) or cleaned == "":
                    with pytest.raises(UserError):
                        make()
                    refused += 1
                else:
                    bucket.append((cleaned, make()))
            if isinstance(note, str) and note:
                service.append_event(host.id, note_event(s))
        service.save_group(Group(name="Naughty", members=tuple(m for _, m in members)))
        service.write_whole_meetings([(m, [note_event("about " + m.title)]) for _, m in meetings])
    assert len(members) > 400 and len(meetings) > 400 and refused > 0
    with ArchiveService.open(root) as service:
        assert service.problems == []
        [group] = service.groups()
        assert [m.name for m in group.members] == [cleaned for cleaned, _ in members]
        assert group.members == tuple(m for _, m in members)
        for cleaned, meeting in meetings:
            back = service.get_meeting(meeting.id)
            assert back.title == cleaned
            assert back == meeting
        listed = {m.id: m.title for m in service.list_meetings()}
        assert all(listed[m.id] == cleaned for cleaned, m in meetings)
        notes = [e.data["text"] for e in service.events(host.id)]
        assert notes == [clean_note(s) for s in strings if isinstance(expect(clean_note, s), str) and clean_note(s)]
        assert service.check().sound


# --- many meetings written in one go -----------------------------------------------------------------


def test_writing_many_meetings_syncs_the_folder_once_and_a_failure_lists_nothing(tmp_path: Path, monkeypatch) -> None:
    from coprod_meet.services.demo import build_demo

    _groups, items = build_demo(meetings=5, seed=1)
    root = tmp_path / "archive"
    synced: list[str] = []
    real = durable.os_fsync

    def spy(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(durable, "os_fsync", spy)
    with ArchiveService.open(root) as service:
        synced.clear()
        service.write_whole_meetings(items)
    # Each meeting file once, and the meetings folder once for them all.
    meetings_dir = str((root / "meetings").resolve())
    assert synced.count(meetings_dir) == 1
    files = sorted(Path(p).name for p in synced if p.startswith(meetings_dir + "/"))
    assert sorted(name.split(".")[1] for name in files) == sorted(m.id for m, _ in items)  # .ID.json.X.tmp
    # A failure of that one folder fsync: nothing is listed as saved, and the files that did
    # land are whole, so the next open lists them.
    other = tmp_path / "other"
    with ArchiveService.open(other) as service:
        monkeypatch.setattr(durable, "os_fsync", Fault(real, 6))
        with pytest.raises(SaveFailed):
            service.write_whole_meetings(items)
        assert service.list_meetings() == []
    monkeypatch.undo()
    assert unreadable(other) == []
    with ArchiveService.open(other) as service:
        assert len(service.list_meetings()) == 5
