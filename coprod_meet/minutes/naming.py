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
from coprod_meet.minutes.mentions import ORDINARY_WORDS, Form, Mention, NameFilter, fold

TITLES = frozenset({"dr", "cllr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "rev", "sir", "dame"})
SOMEONE = "a member"
_WORDS = re.compile(r"[^\W_]+")


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
        self._filter: NameFilter | None = None
        self.mentions: list[Mention] = []  # uncertain mentions found so far (public copy)

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

        Someone may type "sam asked for more time" in a note that goes in the minutes. In the
        public copy each form of a name the person did not agree to show becomes the words this
        copy uses for them ("a member", "a carer", or their first name); see ``mentions`` for
        how sure matches are told from uncertain ones, which are kept and listed in
        ``self.mentions`` for the export to ask about.
        """
        if not self.public or not text:
            return text
        return self.filter().redact(text, self.mentions)

    def filter(self) -> NameFilter:
        if self._filter is None:
            self._filter = NameFilter(self.private_forms())
        return self._filter

    def private_forms(self) -> list[Form]:
        """Every form of a name this copy must not show, with the words it shows instead."""
        if not self.public:
            return []
        shown_words: set[str] = set()
        for m in self.members.values():
            if self.named(m.id):
                shown_words.update(fold(w) for w in self.name(m.id).replace("-", " ").split())
        forms: dict[tuple[str, ...], Form] = {}
        for m in self.members.values():
            shown = self.name(m.id)
            shown_folded = tuple(fold(w) for w in shown.split())
            candidates = [m.full_name, m.name, *m.full_name.split(), *m.name.split()]
            for typed in candidates:
                words = tuple(fold(w) for w in _WORDS.findall(typed))
                if not words or words == shown_folded:
                    continue
                # A title on its own ("Dr") names nobody, unless it is what the person is called.
                title = words[0].rstrip(".") in TITLES and words[0] != fold(m.name)
                if len(words) == 1 and (title or words[0] in shown_folded):
                    continue
                uncertain = len(words) == 1 and (words[0] in ORDINARY_WORDS or words[0] in shown_words)
                earlier = forms.get(words)
                if earlier is not None:
                    # Two members share it (or it came twice): cannot tell which one is meant.
                    uncertain = uncertain or earlier.uncertain or earlier.member_id != m.id
                forms[words] = Form(words, shown, m.id, uncertain)
        return list(forms.values())

    def private_words(self) -> set[str]:
        """Folded words of the names this copy must not show (for checks)."""
        return {w for f in self.private_forms() for w in f.words}
