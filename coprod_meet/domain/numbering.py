"""One number per person for the whole meeting, the same in every list, picker and line mode.

A person's number is their place in the meeting's attendance list (its roster), counted from 1.
It follows the member id, not a row on screen: it does not change when someone arrives late,
leaves, or is not here, and a person added to the list later gets the next number.

Numbers above 9 are typed as two digits. Typing stays simple and never depends on how fast
someone types: a number is chosen as soon as no longer number starts with what was typed
("4" with 12 people is 4 at once; "1" could still become 10, 11 or 12, so it waits for the
next digit, or Enter for 1).
"""

from __future__ import annotations

from typing import Iterable, Protocol


class HasId(Protocol):
    @property
    def id(self) -> str: ...


def person_numbers(roster: Iterable[HasId]) -> dict[str, int]:
    """Member id -> their number in the meeting (1, 2, 3 ... in attendance list order)."""
    numbers: dict[str, int] = {}
    for member in roster:
        numbers.setdefault(member.id, len(numbers) + 1)
    return numbers


def member_id_by_number(roster: Iterable[HasId], typed: str) -> str:
    """The member id with the typed number, or "" when no one has it."""
    typed = typed.strip()
    if not typed.isdigit():
        return ""
    wanted = int(typed)
    return next((m for m, n in person_numbers(roster).items() if n == wanted), "")


def could_grow(typed: str, numbers: Iterable[int]) -> bool:
    """Whether more digits after ``typed`` could still make another number in ``numbers``."""
    return any(str(n) != typed and str(n).startswith(typed) for n in numbers)


def number_width(count: int) -> int:
    """How many characters the widest number takes, to line names up."""
    return len(str(max(count, 1)))
