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
NAUGHTY = Path("shared") / "data" / "naughty-strings.json"


def _naughty_path() -> Path | None:
    """``../shared/data/naughty-strings.json`` beside the repository; a git worktree one folder
    deeper (``wt/NAME``) finds the one beside the main checkout, further up."""
    for folder in REPO.parents:
        if (folder / NAUGHTY).is_file():
            return folder / NAUGHTY
    return None


def naughty_strings() -> list[str]:
    """The Big List of Naughty Strings (../shared/data/naughty-strings.json, 515 strings). The only
    place the tests find it; a test that needs it fails with a plain message when it is missing."""
    return list(_read_naughty_strings())


@functools.cache
def _read_naughty_strings() -> tuple[str, ...]:
    path = _naughty_path()
    if path is None:
        pytest.fail(f"The naughty strings are missing: the untrusted-text tests need {NAUGHTY} in the folder "
                    f"that holds the repository ({REPO.parent}). Put the project's shared folder there.",
                    pytrace=False)
    return tuple(json.loads(path.read_text(encoding="utf-8")))


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
