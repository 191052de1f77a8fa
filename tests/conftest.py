"""Shared test set-up: real archives in tmp_path, a fixed terminal, no colour surprises."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# A calm, repeatable terminal for Pilot and snapshot tests.
os.environ.pop("NO_COLOR", None)
os.environ["TEXTUAL_ANIMATIONS"] = "none"
os.environ["COLUMNS"] = "80"
os.environ["LINES"] = "24"

SHARED = Path(__file__).resolve().parents[2] / "shared"
NAUGHTY_PATH = SHARED / "data" / "naughty-strings.json"


def naughty_strings() -> list[str]:
    """The Big List of Naughty Strings (../shared/data/naughty-strings.json)."""
    return json.loads(NAUGHTY_PATH.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every data folder at a temp folder, so no test touches the real archive."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("COPROD_MEET_ARCHIVE", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    return tmp_path / "archive"


@pytest.fixture
def service(archive_dir: Path):
    """An open, empty archive service (a real TinyDB archive in tmp_path)."""
    from coprod_meet.services.archive import ArchiveService

    svc = ArchiveService.open(archive_dir)
    yield svc
    svc.close()


@pytest.fixture
def demo_service(archive_dir: Path):
    """An archive holding the small deterministic demo."""
    from coprod_meet.services.archive import ArchiveService
    from coprod_meet.services.demo import build_demo

    svc = ArchiveService.open(archive_dir)
    groups, meetings = build_demo(meetings=8, seed=1)
    for g in groups:
        svc.save_group(g)
    svc.write_whole_meetings(meetings)
    yield svc
    svc.close()
