"""Where the archive is: a mistyped folder never silently becomes a new, empty archive.

The user data folder (the default) is made on first run, as a first-time user expects. A folder
someone names (``--archive`` or ``COPROD_MEET_ARCHIVE``) is opened when it holds an archive or is
an empty folder; otherwise the front end asks, or says to add ``--create``.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path

from coprod_meet.domain.errors import UserError
from coprod_meet.storage.archive import default_archive_dir


class Place(Enum):
    ARCHIVE = "archive"  # holds an archive (or is an empty folder, ready to be one)
    MISSING = "missing"  # nothing there yet
    OTHER = "other"  # a folder of other files


class NoArchiveHere(UserError):
    """The folder named is not an archive, and making one there was not asked for."""


def chosen_root(root: Path | str | None) -> tuple[Path, bool]:
    """The archive folder and whether a person named it (``False`` for the user data folder)."""
    if root is not None:
        return Path(root).expanduser(), True
    return default_archive_dir(), bool(os.environ.get("COPROD_MEET_ARCHIVE"))


def place_of(root: Path) -> Place:
    """What is at ``root``. A file is left to the archive to refuse in its own words."""
    if not root.exists():
        # Under a file, or somewhere that cannot be made: opening it says so in its own words.
        blocked = next((p for p in root.parents if p.exists()), None)
        return Place.MISSING if blocked is not None and blocked.is_dir() else Place.ARCHIVE
    if not root.is_dir():
        return Place.ARCHIVE
    if any((root / name).exists() for name in ("catalogue.sqlite", "catalogue.json", "groups.json", "meetings")):
        return Place.ARCHIVE
    try:
        empty = not any(p for p in root.iterdir() if p.name != ".lock")
    except OSError:
        return Place.ARCHIVE  # let opening it say what is wrong
    return Place.ARCHIVE if empty else Place.OTHER


def why_not(root: Path, place: Place, how_to_create: str = "add --create") -> str:
    """The plain sentence for a folder that is not an archive."""
    if place is Place.OTHER:
        return (f"{root} holds other files and is not a coprod-meet archive; check the folder name, or "
                f"{how_to_create} to make an archive in it.")
    return f"There is no archive at {root}; check the folder name, or {how_to_create} to make a new, empty one there."


def check_place(root: Path | str | None, *, create: bool = False) -> Path:
    """The archive folder to open. Raises :class:`NoArchiveHere` for a named folder that is not an
    archive, unless ``create``."""
    path, named = chosen_root(root)
    place = place_of(path)
    if place is not Place.ARCHIVE and named and not create:
        raise NoArchiveHere(why_not(path, place))
    return path
