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
