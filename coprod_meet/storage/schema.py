"""The format version every archive file carries, and bringing an older file up to date.

Each TinyDB file of an archive has a ``_meta`` table whose first document says its ``schema``
(the file format). A file of today's format is used as it is; an older one is migrated step by
step (``MIGRATIONS``); a newer one is refused with a plain sentence, never changed.

Both the archive (``storage/archive.py``) and the index of decisions and actions
(``storage/record_index.py``) read files through :func:`check_schema`, so neither needs the other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from coprod_meet.domain.errors import UserError
from coprod_meet.storage.durable import CorruptFile

SCHEMA_VERSION = 1

# Migrations from one schema version to the next: {old_version: function(tables) -> tables}.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class SchemaTooNew(UserError):
    pass


def too_new(path: Path, version: int) -> SchemaTooNew:
    """The plain sentence for a file written by a newer coprod-meet."""
    return SchemaTooNew(
        f"{path.name} was saved by a newer coprod-meet (file format {version}); "
        f"please update coprod-meet to open this archive."
    )


def schema_version(path: Path, tables: dict[str, Any]) -> int:
    """The format version a file's tables say they are in (today's when they do not say)."""
    meta = tables.get("_meta", {}).get("1", {})
    version = meta.get("schema", SCHEMA_VERSION) if isinstance(meta, dict) else SCHEMA_VERSION
    if not isinstance(version, int) or isinstance(version, bool):
        raise CorruptFile(path, "its format version is not a number")
    return version


def check_schema(path: Path, tables: dict[str, Any]) -> dict[str, Any]:
    """The file's tables in today's format: migrated if older, refused if newer."""
    version = schema_version(path, tables)
    if version > SCHEMA_VERSION:
        raise too_new(path, version)
    while version < SCHEMA_VERSION:
        tables = MIGRATIONS[version](tables)
        version += 1
        meta = tables.setdefault("_meta", {}).setdefault("1", {})
        meta["schema"] = version
    return tables
