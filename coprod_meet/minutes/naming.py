"""How each person is named in a copy of the minutes.

The members' copy uses the name the group uses (``Member.name``). The public copy follows each
member's consent: full name, first name, role only ("a carer") or not named at all ("a member").
Every name in every format goes through :class:`Namer`, so consent is kept in one place.
"""

from __future__ import annotations

import re
from typing import Iterable

from coprod_meet.domain.model import Member, Naming
from coprod_meet.minutes.document import MEMBERS

TITLES = frozenset({"dr", "cllr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "rev", "sir", "dame"})
SOMEONE = "a member"


def with_article(phrase: str) -> str:
    """'commissioner' -> 'a commissioner'; 'a carer' stays; 'advocate' -> 'an advocate'."""
    words = phrase.split()
    if not words:
        return phrase
    if words[0].lower() in ("a", "an", "the"):
        return phrase
    return ("an " if words[0][0].lower() in "aeiou" else "a ") + phrase


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def first_name(member: Member) -> str:
    """The first name, skipping titles: 'Dr Ravi Lee' -> 'Ravi'."""
    words = (member.full_name or member.name).split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return words[0] if words else member.name


class Namer:
    """Names for one copy: ``name(id)`` in running text, ``subject(id)`` at a sentence start."""

    def __init__(self, roster: Iterable[Member], copy: str) -> None:
        self.members = {m.id: m for m in roster}
        self.public = copy != MEMBERS

    def member(self, member_id: str) -> Member | None:
        return self.members.get(member_id)

    def named(self, member_id: str) -> bool:
        """Whether this person appears by a name (not by a role, not hidden)."""
        m = self.members.get(member_id)
        if m is None:
            return False
        return not self.public or m.naming in (Naming.FULL, Naming.FIRST)

    def hidden(self, member_id: str) -> bool:
        """Whether this person must not appear at all (public copy, not named)."""
        m = self.members.get(member_id)
        return m is None or (self.public and m.naming is Naming.NOT_NAMED)

    def name(self, member_id: str) -> str:
        m = self.members.get(member_id)
        if m is None:
            return "someone"
        if not self.public:
            return m.name
        if m.naming is Naming.FULL:
            return m.full_name or m.name
        if m.naming is Naming.FIRST:
            return first_name(m)
        if m.naming is Naming.ROLE:
            return with_article(m.role) if m.role else m.voice_group.someone
        return SOMEONE

    def subject(self, member_id: str) -> str:
        return capitalise(self.name(member_id))

    def people(self, member_ids: Iterable[str], notes: dict[str, str] | None = None) -> list[str]:
        """One line per person for a list; people not named are counted at the end."""
        notes = notes or {}
        lines: list[str] = []
        unnamed = 0
        for member_id in member_ids:
            if self.hidden(member_id):
                unnamed += 1
                continue
            note = notes.get(member_id, "")
            lines.append(capitalise(self.name(member_id)) + (f" ({note})" if note else ""))
        if unnamed:
            lines.append(f"{unnamed} {'member' if unnamed == 1 else 'members'} not named in this copy")
        return lines

    def redact(self, text: str) -> str:
        """People's own words with hidden names replaced, for the public copy.

        Someone may type "Sam asked for more time" in a note that goes in the minutes. In the
        public copy each form of a name the person did not agree to show becomes the words
        this copy uses for them ("a member", "a carer", or their first name).
        """
        if not self.public or not text:
            return text
        pattern, shown = self._redaction()
        if pattern is None:
            return text

        def swap(match: re.Match[str]) -> str:
            words = shown[match.group(0)]
            before = text[: match.start()].rstrip()
            return capitalise(words) if not before or before[-1] in ".!?:" else words

        return pattern.sub(swap, text)

    def _redaction(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        if hasattr(self, "_redaction_cache"):
            return self._redaction_cache
        replace: dict[str, str] = {}
        private = self.private_words()
        for m in self.members.values():
            shown = self.name(m.id)
            for form in (m.full_name, m.name, *m.full_name.split(), *m.name.split()):
                if form and form != shown and (" " in form or form in private):
                    replace.setdefault(form, shown)
        ordered = sorted(replace, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in ordered) + r")(?!\w)") if ordered else None
        self._redaction_cache = (pattern, replace)
        return self._redaction_cache

    def private_words(self) -> set[str]:
        """Names that must not appear in this copy (for checks): every form of a hidden name."""
        if not self.public:
            return set()
        words: set[str] = set()
        shown: set[str] = set()
        for m in self.members.values():
            shown.update(self.name(m.id).split())
            for source in (m.name, m.full_name):
                words.update(w for w in source.split() if w.lower().rstrip(".") not in TITLES)
        return words - shown
