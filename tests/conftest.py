"""Shared test set-up: real archives in tmp_path, a fixed terminal, no colour surprises."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest

# A calm, repeatable terminal for Pilot and snapshot tests.
os.environ.pop("NO_COLOR", None)
os.environ["TEXTUAL_ANIMATIONS"] = "none"
os.environ["COLUMNS"] = "80"
os.environ["LINES"] = "24"

REPO = Path(__file__).resolve().parents[1]
NAUGHTY = Path("data") / "naughty-strings.json"


def shared_file(relative: str | Path) -> Path:
    """A file of ``../shared`` (the folder beside the checkout that holds GUIDE.md, SCENARIO.md and
    data/). A git worktree one folder deeper (``wt/NAME``) finds the one beside the main checkout,
    further up. The only place the tests look for it: a test that needs it fails with a plain
    sentence when it is missing."""
    for folder in REPO.parents:
        if (folder / "shared" / relative).is_file():
            return folder / "shared" / relative
    pytest.fail(f"../shared is missing: put the shared folder beside the checkout (this test needs "
                f"shared/{Path(relative).as_posix()}, looked for in {REPO.parent} and the folders above it).",
                pytrace=False)


def naughty_strings() -> list[str]:
    """The Big List of Naughty Strings (../shared/data/naughty-strings.json, 515 strings), a fresh
    copy for each test."""
    return list(_read_naughty_strings())


@functools.cache
def _read_naughty_strings() -> tuple[str, ...]:
    return tuple(json.loads(shared_file(NAUGHTY).read_text(encoding="utf-8")))


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
