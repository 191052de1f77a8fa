"""Where payments are kept: one private file per group, apart from the meetings.

    ARCHIVE/payments/<group id>.json          the group's claims and what members asked for
                                              (decline, vouchers), one TinyDB file
    ARCHIVE/payments/<group id>-policy.toml   the group's payment policy, as the person wrote it

Why not in the meeting files: everything that makes minutes, exports or imports a meeting reads
the meeting file, and a meeting file is handed to others (`export-meeting`). Payment details are
private (what someone is paid, whether they decline because of benefits), so they live where no
minutes code ever looks, written the same durable way (temp file, fsync, rename), 0600 in a 0700
folder. They travel with a meeting only when asked (`export-meeting --with-payments`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from coprod_meet.domain.errors import UserError
from coprod_meet.storage.archive import Archive, RecordFile
from coprod_meet.storage.durable import CorruptFile, atomic_write, ensure_private_dir

_SAFE = re.compile(r"^[A-Za-z0-9-]{1,64}$")


def payments_dir(archive: Archive) -> Path:
    return archive.root / "payments"


def _name(group_id: str) -> str:
    if not _SAFE.match(group_id):  # ids are UUIDs; anything else must not make a path
        raise ValueError("not a group id")
    return group_id


def policy_path(archive: Archive, group_id: str) -> Path:
    return payments_dir(archive) / f"{_name(group_id)}-policy.toml"


def read_policy_text(archive: Archive, group_id: str) -> str | None:
    path = policy_path(archive, group_id)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def write_policy_text(archive: Archive, group_id: str, text: str) -> Path:
    ensure_private_dir(payments_dir(archive))
    path = policy_path(archive, group_id)
    atomic_write(path, text.encode("utf-8"))
    return path


def claims_path(archive: Archive, group_id: str) -> Path:
    return payments_dir(archive) / f"{_name(group_id)}.json"


def has_claims_file(archive: Archive, group_id: str) -> bool:
    return claims_path(archive, group_id).exists()


class PaymentsFile:
    """One group's claims (``claims``) and members' wishes (``wishes``: member id -> declined|vouchers)."""

    def __init__(self, archive: Archive, group_id: str) -> None:
        ensure_private_dir(payments_dir(archive))
        path = claims_path(archive, group_id)
        try:
            self.file = RecordFile(path, "payments")
        except CorruptFile as error:
            # Moved aside, never overwritten: a person can mend it; the group starts a fresh file.
            problem = archive.quarantine(path, error.reason)
            raise UserError(f"The payments file of a group could not be read, so it was moved aside to "
                            f"{problem.moved_to.parent.name}/{problem.moved_to.name}; nothing in it was "
                            "changed. Try again to start a fresh one, and ask for help to mend the old one."
                            ) from None

    def close(self) -> None:
        self.file.close()

    def claims(self) -> list[dict[str, Any]]:
        return [dict(d) for d in self.file.table("claims").all()]

    def put_claims(self, claims: list[dict[str, Any]]) -> None:
        """Add or replace claims (by id) in one durable write."""
        storage = self.file.db.storage
        tables = storage.read() or {}
        table = tables.setdefault("claims", {})
        where = {d.get("id"): key for key, d in table.items() if isinstance(d, dict)}
        last = max((int(k) for k in table if k.isdigit()), default=0)
        for claim in claims:
            key = where.get(claim["id"])
            if key is None:
                last += 1
                key = str(last)
            table[key] = claim
        storage.write(tables)

    def wishes(self) -> dict[str, str]:
        doc = self.file.table("wishes").get(doc_id=1)
        return {str(k): str(v) for k, v in (doc or {}).items()}

    def put_wish(self, member_id: str, wish: str) -> None:
        storage = self.file.db.storage
        tables = storage.read() or {}
        doc = tables.setdefault("wishes", {}).setdefault("1", {})
        if wish:
            doc[member_id] = wish
        else:
            doc.pop(member_id, None)
        storage.write(tables)


class PaymentStore:
    """The payments folder of one archive, for the payments service (through ``ArchiveService``)."""

    def __init__(self, archive: Archive) -> None:
        self._archive = archive

    def policy_path(self, group_id: str) -> Path:
        return policy_path(self._archive, group_id)

    def read_policy_text(self, group_id: str) -> str | None:
        return read_policy_text(self._archive, group_id)

    def write_policy_text(self, group_id: str, text: str) -> Path:
        return write_policy_text(self._archive, group_id, text)

    def has_claims_file(self, group_id: str) -> bool:
        return has_claims_file(self._archive, group_id)

    def file(self, group_id: str) -> PaymentsFile:
        return PaymentsFile(self._archive, group_id)
