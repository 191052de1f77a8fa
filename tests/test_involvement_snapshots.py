"""Issue 17: how the payments and access-needs screens look at 80x24 (snapshots)."""

from __future__ import annotations

from pathlib import Path

from coprod_meet.services.access import AccessService
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.payments import PaymentsService
from coprod_meet.tui.app import CoprodMeetApp
from tests.scenario import GROUP, ID, store

SIZE = (80, 24)
NIHR = Path(__file__).resolve().parents[1] / "meetings" / "payment-policies" / "nihr-style-example.toml"


def _app(tmp_path: Path) -> tuple[CoprodMeetApp, str]:
    service = ArchiveService.open(tmp_path / "snap-archive")
    mid = store(service)
    return CoprodMeetApp(service), mid


def _snap(snap_compare, app: CoprodMeetApp, make_screen) -> bool:
    async def before(pilot) -> None:
        app.push_screen(make_screen())
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

    try:
        return snap_compare(app, terminal_size=SIZE, run_before=before)
    finally:
        app.service.close()


def test_snapshot_payments(snap_compare, tmp_path: Path) -> None:
    from coprod_meet.tui.screens.payments import PaymentsScreen

    app, mid = _app(tmp_path)
    payments = PaymentsService(app.service)
    payments.set_policy(GROUP.id, NIHR)
    fresh, _ = payments.make_claims(mid)
    ade = next(c for c in fresh if c.member_name == "Ade")
    payments.add_expense(ade, "travel", 420, "bus")
    payments.remember_wish(GROUP.id, ID["Tom"], "vouchers")
    assert _snap(snap_compare, app, lambda: PaymentsScreen(GROUP.id))


def test_snapshot_access_needs(snap_compare, tmp_path: Path) -> None:
    from coprod_meet.tui.screens.access_needs import AccessNeedsScreen

    app, mid = _app(tmp_path)
    found = AccessService(app.service)
    found.record(mid, ID["Hayley"], "easy_read", "yes")
    found.record(mid, ID["Priya"], "extra_time", "partly", "Needed more time on item 5")
    assert _snap(snap_compare, app, lambda: AccessNeedsScreen(mid))
