"""Durable, atomic files and the TinyDB storage built on them.

A write goes to a temp file in the same folder, is flushed and fsynced, replaces the old file
with ``os.replace`` and then the folder is fsynced. A crash at any moment leaves either the old
file or the new one, never a mix. The OS calls are module attributes so the reliability tests can
inject faults into them.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any, Iterable

from tinydb.storages import Storage

from coprod_meet.domain.errors import UserError

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"

# Indirection for fault injection in tests.
os_write = os.write
os_fsync = os.fsync
os_replace = os.replace


class SaveFailed(UserError):
    """A write did not reach the disk. The previous state is intact."""


class OnlyReading(UserError):
    """A change asked of an archive opened only to read (while the app has it open)."""


ONLY_READING = ("The app has this archive open, so this command can only read it; "
                "close the app first, then try again.")

# What a storage does with a change (see ``DurableStorage``).
WRITE, IN_MEMORY, REFUSE = "write", "in memory", "refuse"


class CorruptFile(Exception):
    """A file that will not parse. ``reason`` is plain words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents we create) as 0700, whatever the umask."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    os.chmod(path, DIR_MODE)
    return path


def temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.urandom(6).hex()}{TEMP_SUFFIX}")  # (secrets costs 20 ms to import)


def is_temp_name(name: str) -> bool:
    """Whether a file name is one of our temp files (``.NAME.RANDOM.tmp``)."""
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def is_temp_file(path: Path) -> bool:
    return is_temp_name(path.name)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os_fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable (after ``atomic_write(..., sync_folder=False)``)."""
    try:
        _fsync_dir(folder)
    except OSError as error:
        raise _plain_os_error(error) from error


def _plain_os_error(error: OSError) -> SaveFailed:
    if error.errno == errno.ENOSPC:
        text = "The disk is full, so the last change was not saved; free some space and try again."
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        text = "The archive folder cannot be written to, so the last change was not saved; check its permissions."
    else:
        text = "The last change could not be saved to disk; please try again, and check the disk if it keeps happening."
    return SaveFailed(text)


def failure_in_words(error: BaseException) -> str:
    """Why a save failed, as one plain sentence, whatever went wrong (a disk full, a folder that
    cannot be written, or a fault in coprod-meet itself): never a traceback, never nothing."""
    if isinstance(error, UserError):
        return str(error)
    if isinstance(error, OSError):
        return str(_plain_os_error(error))
    return (f"The last change was not saved because of a fault in coprod-meet ({type(error).__name__}); "
            "please try again, and tell whoever looks after coprod-meet if it keeps happening.")


def atomic_write(target: Path, payload: bytes, *, sync_folder: bool = True) -> None:
    """Write ``payload`` to ``target`` so that a crash leaves the old or the new file whole.

    Returns only when the bytes and the rename are on disk. Raises ``SaveFailed`` (plain words)
    and leaves the old file untouched if anything goes wrong. Writing many files in one go, pass
    ``sync_folder=False`` and call :func:`fsync_folder` once at the end: until then each file is
    whole, old or new, but the new ones are not yet sure to be there after a power cut.
    """
    tmp = temp_name(target)
    fd = -1
    replaced = False
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        view = memoryview(payload)
        while view:
            written = os_write(fd, view)
            view = view[written:]
        os_fsync(fd)
        os.close(fd)
        fd = -1
        os_replace(tmp, target)
        replaced = True
        if sync_folder:
            _fsync_dir(target.parent)
    except OSError as error:
        raise _plain_os_error(error) from error
    finally:
        if fd >= 0:
            os.close(fd)
        if not replaced:
            tmp.unlink(missing_ok=True)


def encode(data: Any) -> bytes:
    # ASCII-only JSON: any text (even a lone surrogate) round-trips and the file is valid UTF-8.
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def decode(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse a TinyDB file, or raise ``CorruptFile`` saying in plain words what is wrong."""
    if not raw.strip():
        raise CorruptFile(path, "the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CorruptFile(path, "the file is not readable text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg.startswith("Extra data"):
            raise CorruptFile(path, "the file has extra data after its end") from None
        if _ends_early(text, error):
            raise CorruptFile(path, "the file is cut short") from None
        raise CorruptFile(path, "the file is not valid JSON") from None
    except RecursionError:
        raise CorruptFile(path, "the file is nested too deeply") from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise CorruptFile(path, "the file does not hold a coprod-meet record")
    return data


def _ends_early(text: str, error: json.JSONDecodeError) -> bool:
    """True when ``text`` looks like the start of a whole file: it stops inside a string or with
    brackets still open, and the parser only failed on its last few characters."""
    depth, in_string, escaped = 0, False, False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
    if not (in_string or depth > 0):
        return False
    # The longest token that can be cut is a literal such as "false".
    return error.msg.startswith("Unterminated string") or error.pos >= len(text.rstrip()) - 5


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


class DurableStorage(Storage):
    """TinyDB storage: atomic durable writes, and the last state kept in memory.

    TinyDB reads the whole file before every operation; keeping the parsed state means a live
    event costs one write of one small file. If a write fails, the memory copy is dropped so the
    next read comes from disk and matches what is really saved.

    The JSON text of each table is kept too, and used again while the table is the same object:
    TinyDB replaces a table's dict whenever it changes one, so a table that is still the same
    object is unchanged. Tables must never be changed in place, except through :meth:`append`
    and :meth:`remove`, which keep the text up to date. A live event is then the encoding of one
    event, not of the whole meeting.
    """

    def __init__(self, path: str | Path, changes: str = WRITE) -> None:
        self.path = Path(path)
        # WRITE: to disk, durably. IN_MEMORY: kept in memory only (a file worked out from the
        # others, such as the catalogue, read while the app has the archive open). REFUSE: a
        # change raises ``OnlyReading``.
        self.changes = changes
        self._cache: dict[str, Any] | None = None
        self._text: dict[str, tuple[Any, str]] = {}  # table name -> (the table, its JSON)

    def read(self) -> dict[str, Any] | None:
        if self._cache is None:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return None
            self._cache = decode(self.path, raw)
        return self._cache

    def _table_text(self, name: str, table: Any) -> str:
        known = self._text.get(name)
        if known is not None and known[0] is table:
            return known[1]
        text = _dumps(table)
        self._text[name] = (table, text)
        return text

    def _write_tables(self, data: dict[str, Any]) -> None:
        """Write ``data`` (the same bytes as ``encode(data)``); forget everything if it fails."""
        if self.changes != WRITE:
            self._text = {}
            if self.changes == REFUSE:
                self._cache = None  # read again from the file, which is as it was
                raise OnlyReading(ONLY_READING)
            self._cache = data
            return
        try:
            body = ",".join(f"{_dumps(name)}:{self._table_text(name, table)}" for name, table in data.items())
            atomic_write(self.path, ("{" + body + "}").encode("ascii"))
        except BaseException:
            self._cache = None
            self._text = {}
            raise
        self._cache = data
        for name in [n for n in self._text if n not in data]:
            del self._text[name]

    def write(self, data: dict[str, Any]) -> None:
        self._write_tables(data)

    def keep(self, data: dict[str, Any]) -> None:
        """Use ``data`` from now on without writing it (a file migrated while only reading)."""
        self._cache = data
        self._text = {}

    def append(self, name: str, docs: dict[str, dict[str, Any]]) -> None:
        """Add documents (by doc id) to a table and write, encoding only the new documents."""
        data = self.read() or {}
        table = data.get(name)
        if not isinstance(table, dict):
            table = data[name] = {}
        text = self._table_text(name, table)
        for key, doc in docs.items():
            if key in table:
                raise ValueError(f"document {key} is already in {name}")
            table[key] = doc
            piece = f"{_dumps(key)}:{_dumps(doc)}"
            text = "{" + piece + "}" if text == "{}" else text[:-1] + "," + piece + "}"
        self._text[name] = (table, text)
        self._write_tables(data)

    def remove(self, name: str, keys: Iterable[str]) -> None:
        """Take documents out of a table and write."""
        data = self.read() or {}
        table = data.get(name)
        if not isinstance(table, dict):
            return
        for key in keys:
            table.pop(key, None)
        self._text.pop(name, None)
        self._write_tables(data)

    def close(self) -> None:
        self._cache = None
        self._text = {}
