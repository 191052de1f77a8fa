"""Drafts: what a person was typing in a form, kept so that a crash or a kill loses nothing.

One small file per form in ``drafts/`` under the archive folder, written whole with the same
atomic write as everything else (temp file, fsync, rename). Drafts are not meetings: the
catalogue never reads this folder.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from coprod_meet.storage.durable import atomic_write, encode, ensure_private_dir, is_temp_name

FOLDER = "drafts"
_KEY = re.compile(r"^[A-Za-z0-9_.-]{1,160}$")


def _path(root: Path, key: str) -> Path:
    if not _KEY.match(key) or key.startswith("."):
        raise ValueError(f"not a draft key: {key!r}")
    return Path(root) / FOLDER / f"{key}.json"


def save_draft(root: Path, key: str, data: dict[str, Any]) -> None:
    """Keep ``data`` as the draft ``key`` (replacing any earlier one), durably."""
    target = _path(root, key)
    ensure_private_dir(target.parent)
    atomic_write(target, encode(data))


def drop_draft(root: Path, key: str) -> None:
    """Forget the draft ``key`` (it was saved or thrown away)."""
    _path(root, key).unlink(missing_ok=True)


def read_drafts(root: Path) -> list[dict[str, Any]]:
    """Every draft kept, oldest first. Leftover temp files from a crash are removed; a file that
    will not read is left where it is and skipped."""
    folder = Path(root) / FOLDER
    if not folder.is_dir():
        return []
    found: list[tuple[float, dict[str, Any]]] = []
    for entry in os.scandir(folder):
        if is_temp_name(entry.name):
            Path(entry.path).unlink(missing_ok=True)
            continue
        if not entry.name.endswith(".json"):
            continue
        try:
            data = json.loads(Path(entry.path).read_bytes())
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            data["key"] = entry.name.removesuffix(".json")
            found.append((entry.stat().st_mtime, data))
    return [d for _t, d in sorted(found, key=lambda pair: pair[0])]
