"""How the say was shared: speaking time and turns per person and voice group, in plain words.

Used by the live meeting screen (calm warnings to the co-chairs) and by the minutes (the summary
sentence at the end).
"""

from __future__ import annotations

from datetime import datetime

from coprod_meet.domain.hybrid import joins_share_sentence
from coprod_meet.domain.model import VoiceGroup, join_words
from coprod_meet.domain.state import MeetingState, voice_key_in_words
from coprod_meet.domain.text import count

# No warnings until this much has been said: a share of the first minute means little.
WARN_AFTER_SECONDS = 120


def percent(fraction: float) -> int:
    return int(fraction * 100 + 0.5)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def share_lines(state: MeetingState, now: datetime | None = None, item_id: str | None = None) -> list[str]:
    """One line per voice group that has spoken: "Lived experience 45% (6 turns)"."""
    seconds = state.seconds_by_voice_group(item_id, now)
    whole = sum(seconds.values())
    turns: dict[VoiceGroup, int] = {vg: 0 for vg in VoiceGroup}
    for member_id, taken in state.turns_by_member(item_id).items():
        m = state.person(member_id)
        turns[m.voice_group if m else VoiceGroup.OTHER] += taken
    lines = []
    for vg in VoiceGroup:
        if not turns[vg]:
            continue
        share = percent(seconds[vg] / whole) if whole else 0
        lines.append(f"{_cap(vg.words)} {share}% ({count(turns[vg], 'turn')})")
    return lines


def share_warnings(state: MeetingState, now: datetime | None = None) -> list[str]:
    """Calm words for each voice target not met so far in the meeting ([] when all are met)."""
    if sum(state.seconds_by_member(None, now).values()) < WARN_AFTER_SECONDS:
        return []
    warnings = []
    for key, target, actual in state.target_shares(None, now):
        if percent(actual) < target:
            warnings.append(
                f"{_cap(voice_key_in_words(key))} have had {percent(actual)}% of the speaking time; "
                f"the aim is {target}%. You might invite them in."
            )
    return warnings


def not_heard_in_words(state: MeetingState, item_id: str | None = None) -> list[str]:
    """ "Priya has not spoken yet", "Kit passed in the round and has not spoken yet"."""
    passed = set(state.passed_ids(item_id))
    lines = []
    for member_id in state.not_heard_yet(item_id):
        name = state.name(member_id)
        if member_id in passed:
            lines.append(f"{name} passed and has not spoken yet")
        else:
            lines.append(f"{name} has not spoken yet")
    return lines


def everyone_spoke_in_words(state: MeetingState, item_id: str | None = None) -> str:
    """ "Everyone present has spoken." or "" when someone has not."""
    return "Everyone present has spoken." if state.everyone_present_has_spoken(item_id) else ""


def voice_summary(state: MeetingState, now: datetime | None = None, item_id: str | None = None) -> str:
    """The say in plain words, for the end of the meeting and the minutes.

    "Everyone present spoke. People with lived experience and carers had 64% of the speaking
    time; the target was 60%."
    """
    ever = state.ever_present_ids
    spoken = state.spoken_ids(item_id)
    silent = [state.name(m) for m in ever if m not in spoken]
    if not ever:
        sentences = ["Nobody was recorded as present."]
    elif not silent:
        sentences = ["Everyone present spoke."]
    elif len(silent) == 1:
        sentences = [f"Everyone present spoke except {silent[0]}."]
    else:
        sentences = [f"{join_words(silent)} did not speak."]
    if sum(state.seconds_by_member(item_id, now).values()) > 0:
        for key, target, actual in state.target_shares(item_id, now):
            sentences.append(
                f"{_cap(voice_key_in_words(key))} had {percent(actual)}% of the speaking time; "
                f"the target was {target}%."
            )
    else:
        sentences.append("No speaking time was recorded.")
    joined = joins_share_sentence(state, now, item_id)
    return " ".join(sentences + ([joined] if joined else []))
