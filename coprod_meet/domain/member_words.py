"""A member's voice group, naming consent and access needs from typed words ("carer", "easy read").

Shared by the command line and line mode, so both read the same words. Pure Python.
"""

from __future__ import annotations

from dataclasses import replace

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import AccessNeed, Member, Naming, VoiceGroup


def _key(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


_VOICE = {_key(v.value): v for v in VoiceGroup} | {_key(v.words): v for v in VoiceGroup} | {
    "lived": VoiceGroup.LIVED, "expert by experience": VoiceGroup.LIVED, "carers": VoiceGroup.CARER,
    "professionals": VoiceGroup.PROFESSIONAL}
_NAMING = {_key(n.value): n for n in Naming} | {_key(n.words): n for n in Naming} | {
    "first": Naming.FIRST, "role": Naming.ROLE, "none": Naming.NOT_NAMED, "no": Naming.NOT_NAMED}
_NEEDS = {_key(n.value): n for n in AccessNeed} | {_key(n.words): n for n in AccessNeed} | {
    _key(n.words.removeprefix("a ").removeprefix("an ")): n for n in AccessNeed} | {
    "bsl": AccessNeed.BSL, "easy read": AccessNeed.EASY_READ, "large print": AccessNeed.LARGE_PRINT,
    "interpreter": AccessNeed.INTERPRETER, "hearing loop": AccessNeed.HEARING_LOOP, "loop": AccessNeed.HEARING_LOOP,
    "breaks": AccessNeed.BREAKS}

VOICE_CHOICES = "lived experience, carer, professional or other"
NAMING_CHOICES = "full, first, role or not named"
NEED_CHOICES = ", ".join(n.words for n in AccessNeed)


def voice_group(text: str) -> VoiceGroup:
    found = _VOICE.get(_key(text))
    if found is None:
        raise UserError(f"{text[:30]!r} is not a voice group I know; type {VOICE_CHOICES}.")
    return found


def naming(text: str) -> Naming:
    found = _NAMING.get(_key(text))
    if found is None:
        raise UserError(f"{text[:30]!r} is not a way of naming I know; type {NAMING_CHOICES}.")
    return found


def access_needs(text: str) -> tuple[AccessNeed, ...]:
    """Needs from a list separated by commas ("easy read, bsl"); "none" or "" for none."""
    if _key(text) in ("", "none", "no"):
        return ()
    out = []
    for part in text.split(","):
        found = _NEEDS.get(_key(part))
        if found is None:
            raise UserError(f"{part.strip()[:30]!r} is not an access need I know; use {NEED_CHOICES}, "
                            "or write it in the access note.")
        if found not in out:
            out.append(found)
    return tuple(out)


def member_with(member: Member, *, name: str | None = None, full_name: str | None = None, role: str | None = None,
                voice: str | None = None, naming: str | None = None, needs: str | None = None,
                access_note: str | None = None) -> Member:
    """The member with the details given (None: unchanged), read from typed words."""
    changes: dict[str, object] = {}
    if name is not None:
        changes["name"] = name
    if full_name is not None:
        changes["full_name"] = full_name
    if role is not None:
        changes["role"] = role
    if voice is not None:
        changes["voice_group"] = _read_voice(voice)
    if naming is not None:
        changes["naming"] = _read_naming(naming)
    if needs is not None:
        changes["access_needs"] = _read_needs(needs)
    if access_note is not None:
        changes["access_notes"] = access_note
    return replace(member, **changes)


_read_voice, _read_naming, _read_needs = voice_group, naming, access_needs  # (member_with's arguments hide them)
