"""`coprod-meet demo` leaves each group a meeting to run next, so `make run` has one to try."""

from __future__ import annotations

from coprod_meet.cli import main
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.demo import ANCHOR, build_demo


def test_demo_adds_a_meeting_to_run_for_each_group(archive_dir, capsys) -> None:
    assert main(["demo", "--archive", str(archive_dir), "--meetings", "8"]) == 0
    out = capsys.readouterr().out
    with ArchiveService.open(archive_dir) as service:
        groups = service.groups()
        upcoming = [m for m in service.list_meetings() if m.start > ANCHOR]
        assert len(upcoming) == len(groups) and {m.group_id for m in upcoming} == {g.id for g in groups}
        for m in upcoming:
            assert service.events(m.id) == []
            assert service.get_meeting(m.id).agenda
    assert f"{len(groups)} meetings to run next" in out


def test_the_past_is_the_same_with_or_without_upcoming_meetings() -> None:
    _, plain = build_demo(8, seed=3)
    _, more = build_demo(8, seed=3, upcoming=True)
    assert [m.to_dict() for m, _ in plain] == [m.to_dict() for m, _ in more[: len(plain)]]
    assert len(more) > len(plain) and all(not events for _m, events in more[len(plain):])


def test_every_demo_meeting_is_on_a_weekday_and_each_group_keeps_its_day() -> None:
    """A board meets on a weekday, the same one each time: the demo's past and upcoming meetings
    never fall on a Saturday or a Sunday, whatever the number of meetings."""
    for size in (8, 24, 800, 2000):
        groups, meetings = build_demo(size, seed=1, upcoming=True)
        days: dict[str, set[int]] = {}
        for m, _events in meetings:
            days.setdefault(m.group_id, set()).add(m.start.weekday())
        assert len(days) == len(groups)
        assert all(len(d) == 1 and d <= {0, 1, 2, 3, 4} for d in days.values()), (size, days)
