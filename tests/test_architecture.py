"""The import-linter contracts in pyproject.toml: Textual only in the TUI, a pure domain."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Textual stays in the TUI KEPT" in result.stdout
    assert "The domain is pure Python KEPT" in result.stdout
    assert "The index of decisions and actions does not import the archive KEPT" in result.stdout


def test_services_read_through_the_read_model_not_the_storage() -> None:
    """Only services/archive.py holds the storage (``ArchiveService.archive``); every other
    service reads through ``service.read_model`` and the service's own methods."""
    import re

    reaching = re.compile(r"\bservice\.archive\b")
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted((ROOT / "coprod_meet" / "services").glob("*.py")) if path.name != "archive.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if reaching.search(line)
    ]
    assert found == []


def test_only_tests_scenario_builds_the_scenario_board() -> None:
    """SCENARIO.md's Better Together Board is built in one module, tests/scenario.py: no other test
    module defines its builders, and the old builder modules stay gone."""
    import re

    builders = re.compile(r"^\s*(?:async\s+)?def\s+(board_group|board_meeting|march_meeting|february_meeting|"
                          r"build_board|board_archive|save_board|store|play_to_item_five)\b|^(MEMBERS|GROUP|ITEMS)\s*=")
    tests = ROOT / "tests"
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted(tests.rglob("*.py")) if path.name != "scenario.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if builders.search(line)
    ]
    assert found == [], "build the board in tests/scenario.py only:\n" + "\n".join(found)
    assert (tests / "scenario.py").is_file()
    assert not [n for n in ("scenario_board.py", "scenario_meeting.py", "records_scenario.py") if (tests / n).exists()]
