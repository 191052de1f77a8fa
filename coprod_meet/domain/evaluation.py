"""How did today go? Each member present says whether they felt heard, or passes.

The answers are ``evaluation`` events ({member_id, heard, comment}); ``MeetingState.evaluations``
holds the latest answer of each member. This module checks an answer and says the result in
words for the co-chairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import join_words
from coprod_meet.domain.text import clean_short

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.domain.state import MeetingState

HEARD_ANSWERS = ("yes", "partly", "no", "pass")
HEARD_WORDS = {"yes": "felt heard", "partly": "felt partly heard", "no": "did not feel heard", "pass": "passed"}


def check_answer(heard: str, comment: str = "") -> tuple[str, str]:
    """A clean (heard, comment) pair, or a plain ``UserError``. A pass keeps no comment."""
    heard = (heard or "").strip().lower()
    if heard not in HEARD_ANSWERS:
        raise UserError("Please answer yes, partly or no, or pass.")
    comment = clean_short(comment, "comment")
    return heard, "" if heard == "pass" else comment


@dataclass(frozen=True)
class EvaluationSummary:
    """The answers of one meeting, counted."""

    asked: int  # members here (or who answered)
    counts: dict[str, int]
    comments: tuple[tuple[str, str, str], ...]  # (name, heard, comment)
    passed: tuple[str, ...]  # names
    waiting: tuple[str, ...]  # names of members here who have not answered yet

    def sentences(self) -> list[str]:
        """ "6 of 8 felt heard.", "Sam felt partly heard: "I needed more time".", "Kit passed." """
        answered = sum(self.counts.values())
        if not answered:
            return ["Nobody has said how today went yet."] + self._waiting()
        yes = self.counts.get("yes", 0)
        lines = [f"{yes} of {self.asked} felt heard."]
        for heard in ("partly", "no"):
            n = self.counts.get(heard, 0)
            if n:
                people = [c for c in self.comments if c[1] == heard]
                lines.append(f"{n} {HEARD_WORDS[heard]}" + (f": {join_words([p[0] for p in people])}." if people else "."))
        for name, heard, comment in self.comments:
            if comment:
                lines.append(f'{name} said: "{comment}"')
        if self.passed:
            lines.append(f"{join_words(list(self.passed))} passed.")
        return lines + self._waiting()

    def _waiting(self) -> list[str]:
        return [f"Not answered yet: {join_words(list(self.waiting))}."] if self.waiting else []


def summarise(state: MeetingState) -> EvaluationSummary:
    """The answers so far, against the members here now (and anyone who answered then left)."""
    answers = state.evaluations
    here = [m for m in state.present_ids]
    asked_ids = here + [m for m in answers if m not in here]
    counts: dict[str, int] = {}
    comments: list[tuple[str, str, str]] = []
    passed: list[str] = []
    for member_id in asked_ids:
        if member_id not in answers:
            continue
        heard, comment = answers[member_id]
        heard = heard if heard in HEARD_ANSWERS else "pass"
        counts[heard] = counts.get(heard, 0) + 1
        if heard == "pass":
            passed.append(state.name(member_id))
        elif heard != "yes" or comment:
            comments.append((state.name(member_id), heard, comment))
    waiting = tuple(state.name(m) for m in here if m not in answers)
    return EvaluationSummary(len(asked_ids), counts, tuple(comments), tuple(passed), waiting)
