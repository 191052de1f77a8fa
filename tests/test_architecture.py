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
