"""Write a meeting's minutes in plain English, as a :class:`Document`.

``compose(meeting, events, copy="members"|"public", easy_read=False, ...)`` gives the same
sections in every copy, in this order: who came (and apologies, and roles), what we talked
about (who led each item, a short summary, cards), decisions (how they were made, in words),
actions (who, what, by when), "you said, we did", how the say was shared, cards and words
explained, how people felt the meeting went, the next meeting; easy read adds the words we
used. Every person is named through :class:`Namer`, so the public copy keeps consent.
"""

from __future__ import annotations

import re
import sys
from datetime import date, datetime
from typing import Iterable

from coprod_meet.domain.chairing import leads_in_words
from coprod_meet.domain.dates import MONTHS, WEEKDAYS, date_in_words, time_in_words, when_in_words
from coprod_meet.domain.hybrid import joins_share_sentence
from coprod_meet.domain.evaluation import HEARD_ANSWERS
from coprod_meet.domain.model import Event, Meeting, VoiceGroup, join_words
from coprod_meet.domain.notes import named_first
from coprod_meet.domain.records import Action, ActionStatus, Decision, Method
from coprod_meet.domain.state import voice_key_in_words
from coprod_meet.domain.text import clean_text, count
from coprod_meet.minutes.document import (
    MEMBERS,
    Block,
    Bullets,
    CalendarEntry,
    Document,
    Heading,
    Paragraph,
    Quote,
    Table,
)
from coprod_meet.minutes.easy import shorten
from coprod_meet.minutes.facts import Facts, YouSaid, gather
from coprod_meet.minutes.glossary import Glossary, Term, meaning_of, shipped
from coprod_meet.minutes.naming import Namer, capitalise

ROLE_WORDS = {
    "note_taker": "took the notes",
    "timekeeper": "kept time",
    "jargon_buster": "watched out for hard words",
    "remote_buddy": "passed on what people online said",
}
# What the minutes say for each state of a "you said". A record starts as "heard" by itself, so
# "heard" promises nothing: it says only what is true.
YOU_SAID_STATES = {
    "heard": "We wrote this down. Nothing has been decided about it yet.",
    "decided": "We made a decision about this.",
    "acted_on": "We have acted on this.",
    "reported_back": "We have reported back on what happened.",
}
_SENTENCE_BREAK = r"(?<=[.!?])\s+"  # compiled when first used (easy read only)
_FIRST_PERSON = {"I", "I'm", "I've", "I'd", "I'll", "My", "We", "We're", "We've", "Our", "Me"}
_KEEP_CAPITAL = {"I", "I'm", "I've", "I'd", "I'll", *WEEKDAYS, *MONTHS}


# -- small text helpers ---------------------------------------------------------------------


def one_line(text: str) -> str:
    return " ".join(text.split())


def sentence(text: str) -> str:
    """One line of text ending with a full stop (unless it ends with . ! or ?)."""
    text = one_line(text)
    if not text:
        return text
    text = capitalise(text)
    return text if text[-1] in ".!?" else text + "."


def lower_first(text: str, keep: Iterable[str] = ()) -> str:
    """'Breaks should include evenings' -> 'breaks should include evenings'.

    Names, 'I', days, months and words in capitals keep their capital.
    """
    text = one_line(text)
    first = text.split(" ", 1)[0] if text else ""
    if not first or first in _KEEP_CAPITAL or re.sub(r"(?:['’]s)?[:,;]?$", "", first) in keep or first.endswith(":"):
        return text  # a name, "I", a day or a month; "Priya: the buses…" names someone
    if len(first) > 1 and first[1:] != first[1:].lower():
        return text  # "NHS", "McDonald"
    return text[:1].lower() + text[1:]


def without_stop(text: str) -> str:
    return one_line(text).rstrip(".")


def whole_percents(shares: dict[VoiceGroup, float]) -> dict[VoiceGroup, int]:
    """Fractions as whole percentages that add up to 100 (largest remainders get the rest)."""
    total = sum(shares.values())
    if not total:
        return {k: 0 for k in shares}
    exact = {k: v * 100 / total for k, v in shares.items()}
    result = {k: int(v) for k, v in exact.items()}
    spare = 100 - sum(result.values())
    for k in sorted(exact, key=lambda k: (exact[k] - result[k], -list(exact).index(k)), reverse=True)[:spare]:
        result[k] += 1
    return result


def month_year(at: datetime | date) -> str:
    return f"{MONTHS[at.month - 1]} {at.year}"


# -- the composer ---------------------------------------------------------------------------


class _Writer:
    def __init__(self, facts: Facts, copy: str, easy_read: bool, next_meeting: Meeting | None) -> None:
        self.f = facts
        self.m = facts.meeting
        self.copy = copy
        self.easy = easy_read
        self.next_meeting = next_meeting
        self.names = Namer(self.m.roster, copy)
        self.keep = {w for member in self.m.roster for w in (member.name + " " + member.full_name).split()}
        self.blocks: list[Block] = []

    # output helpers
    def h(self, text: str, level: int = 2) -> None:
        self.blocks.append(Heading(one_line(text), level))

    def p(self, *sentences: str) -> None:
        text = " ".join(s for s in sentences if s)
        if text:
            self.blocks.append(Paragraph(text))

    def bullets(self, items: list[str], prose: bool = True) -> None:
        if items:
            self.blocks.append(Bullets(tuple(items), prose))

    def u(self, text: str) -> str:
        """People's own words, on one line, with hidden names taken out of the public copy."""
        return self.names.redact(one_line(clean_text(text, limit=sys.maxsize, multiline=True)))

    def who(self, member_id: str) -> str:
        return self.names.subject(member_id)

    def whose_words(self, ids: Iterable[str]) -> str:
        """'Tom', 'Tom and Priya', 'One member', 'Tom and one other member'."""
        ids = list(ids)
        shown = [self.names.name(i) for i in ids if not self.names.hidden(i)]
        hidden = len(ids) - len(shown)
        if hidden:
            shown.append(("one member" if not shown else "one other member") if hidden == 1
                         else f"{hidden} {'members' if not shown else 'other members'}")
        return capitalise(join_words(shown))

    # sections
    def title(self) -> str:
        return f"{'Easy read minutes' if self.easy else 'Minutes'}: {self.u(self.m.title)}"

    def opening(self) -> None:
        place = self.u(self.m.place)
        online = bool(self.m.online_link) or place.casefold() in ("online", "on line")
        if place.casefold() in ("online", "on line"):
            place = ""  # "We met online.", not "We met at Online."
        if place and online:
            where = f"We met at {place}, and also online."
        elif place:
            where = f"We met at {place}."
        else:
            where = "We met online." if online else ""
        started = self.f.state.started
        begun = started or self.m.start  # the real start, from the log; the planned one if none yet
        if self.easy or started:
            self.p(sentence(f"{self.u(self.m.group_name)} met on {date_in_words(begun)}"), where)
            self.p(*self.times())
        else:
            self.p(sentence(f"{self.u(self.m.group_name)} met on {when_in_words(begun)}"), where)
        copy = "the members' copy" if self.copy == MEMBERS else "the public copy"
        lines = [f"This is {'the easy read version of ' if self.easy else ''}{copy} of the minutes."]
        if self.copy != MEMBERS and any(not self.names.named(m.id) for m in self.m.roster):
            lines.append("Some members are not named in it, as they asked.")
        self.p(*lines)
        if not self.f.held:
            self.p("Nothing has been recorded for this meeting yet.")

    def times(self) -> list[str]:
        """When we really started and finished, and the breaks, from the log."""
        started, ended = self.f.state.started, self.f.state.ended
        if started is None:
            return [f"We planned to start at {time_in_words(self.m.start)}."]
        lines = [f"We started at {time_in_words(started)}."]
        if ended is not None:
            lines.append(f"We finished at {time_in_words(ended)}.")
        else:  # still running, or never ended in the app: say so, and say up to when
            last = self.f.state.last_event_at or started
            lines.append(f"The meeting was not ended in the app, so these minutes say what happened up to "
                         f"{time_in_words(last)}.")
        for start, end in self.f.breaks():
            length = round((end - start).total_seconds() / 60) if end else 0
            lines.append(f"We took a {length} minute break at {time_in_words(start)}." if length
                         else f"We took a break at {time_in_words(start)}.")
        return lines

    def who_came(self) -> None:
        self.h("Who came")
        chairs = [self.names.name(c) for c in self.m.co_chair_ids if self.names.member(c)]
        lines = []
        if chairs:
            lines.append(sentence(f"The co-chairs were {join_words(chairs)}"))
        for role, member_id in self.f.state.roles.items():
            # A role planned for someone who then sent apologies was not done by them: not said.
            if role in ROLE_WORDS and self.names.member(member_id) and member_id in self.f.state.ever_present_ids:
                lines.append(f"{self.who(member_id)} {ROLE_WORDS[role]}.")
        self.p(*lines)
        notes = {m: f"came at {time_in_words(at)}" for m, at in self.f.arrived_late().items()}
        notes |= {m: f"left at {time_in_words(at)}" for m, at in self.f.left_early().items()}
        came = self.f.came()
        if came:
            self.p(f"{count(len(came), 'person', 'people')} came:" if self.easy else "These people came:")
            self.bullets(self.names.people(came, notes), prose=False)
        elif self.f.held:
            self.p("Nobody's attendance was recorded.")
        sorry = self.f.apologies()
        if sorry:
            self.p("These people could not come. They said sorry:" if self.easy
                   else "These people could not come and said sorry:")
            self.bullets(self.names.people(sorry), prose=False)
        absent = self.f.absent()
        if absent:
            self.p("These people did not come:")
            self.bullets(self.names.people(absent), prose=False)

    def led_by(self, item_id: str) -> list[str]:
        """Who led the item, hand-overs included, as sentences."""
        said = leads_in_words(self.f.state, item_id, self.who, self.names.name)
        return [said] if said else []

    def items(self) -> None:
        self.h("What we talked about")
        for n, item in enumerate(self.f.state.agenda, start=1):
            self.h(f"{n}. {self.u(item.title)}", 3)
            lines: list[str] = self.led_by(item.id)
            if item.summary:
                lines.append(sentence(self.u(item.summary)))
            if item.id in self.f.state.deferred:
                lines.append("We moved this item to a later meeting.")
            elif self.f.held and not self.f.discussed(item.id):
                lines.append("We did not get to this item." if self.f.state.ended is not None
                             else "We had not got to this item by then.")
            lines += self.talk(item.id)
            lines += self.cards_sentences(self.f.cards_on(item.id))
            self.p(*lines)
            notes = [self.note_sentence(note) for note in self.f.notes_on(item.id, public=self.copy != MEMBERS)]
            if notes:
                self.p("What was said:")
                self.bullets(notes)
            made = [d for d in self.f.decisions if d.item_id == item.id]
            decided = [sentence(f"We decided: {lower_first(self.u(d.text), self.keep)}") for d in made if d.text]
            if made:
                more = "You can read how we decided under Decisions."
                self.p(*decided, more if decided else f"We made {count(len(made), 'decision')}. {more}")
            todo = [self.action_sentences(a) for a in self.f.actions if a.item_id == item.id]
            if todo:
                self.p("Actions:" if len(todo) > 1 else "Action:")
                self.bullets(todo)

    def note_sentence(self, note) -> str:
        """One note in plain words: "Priya said buses stop at 4pm.", never "Priya said Priya said"."""
        speaker = self.names.member(note.speaker_id)
        text, named = named_first(note.text, speaker)
        text = self.u(text)
        if speaker is None or named:
            return sentence(text)
        who = self.who(note.speaker_id)
        if note.written:
            return sentence(f"{who} wrote: {text}")
        if text.split(" ", 1)[0].rstrip(",") in _FIRST_PERSON:
            return sentence(f"{who} said: {text}")  # "Priya said: I would like…", not "Priya said I would like"
        return sentence(f"{who} said {lower_first(text, self.keep)}")

    def talk(self, item_id: str) -> list[str]:
        turns = self.f.turns_on(item_id)
        if not turns:
            return []
        speakers = list(dict.fromkeys(t.member_id for t in turns))
        lines = [f"{count(len(speakers), 'person', 'people')} had their say."]
        present = self.f.present_during(item_id)
        if len(present) > 1 and all(p in speakers for p in present):
            lines.append("Everyone here had their say on this item.")
        passes = {m for m, i in self.f.state.passes if i == item_id and m not in speakers}
        if passes:
            lines.append(f"{count(len(passes), 'person', 'people')} chose not to speak.")
        for t in turns:
            if t.via == "written":
                reader = f" {self.who(t.by_id)} read it out." if self.names.member(t.by_id) else ""
                lines.append(f"{self.who(t.member_id)} sent a written comment.{reader}")
            elif t.via == "supporter":
                helper = self.who(t.by_id) if self.names.member(t.by_id) else "A supporter"
                lines.append(f"{helper} spoke for {self.names.name(t.member_id)}.")
        return lines

    def cards_sentences(self, cards, explained: bool = True) -> list[str]:
        lines = []
        for card in cards:
            if card.colour == "red":
                word = f" at the word “{self.u(card.word)}”" if card.word else ""
                lines.append(f"{self.who(card.member_id)} raised a red card{word}.")
                if explained and card.word and self.f.state.words_explained.get(card.word) is not None:
                    lines.append("We stopped and explained it.")
            elif card.colour == "amber":
                lines.append(f"{self.who(card.member_id)} raised an amber card to ask us to slow down.")
        return lines

    def decisions(self) -> None:
        if not self.f.decisions:
            return
        self.h("Decisions")
        seen: dict[str, int] = {}
        for d in self.f.decisions:
            title = d.item_title or (self.m.item(d.item_id).title if self.m.item(d.item_id) else "Other business")
            seen[title] = seen.get(title, 0) + 1
            self.h(self.u(title) if seen[title] == 1 else f"{self.u(title)} ({seen[title]})", 3)
            self.p(sentence(self.u(d.text)) if d.text else "The decision was not written down.")
            self.p(*self.how_decided(d))

    def how_decided(self, d: Decision) -> list[str]:
        lines: list[str] = []
        counts = {k: int(v or 0) for k, v in d.counts.items()}
        yes, no, abstain = counts.get("for", 0), counts.get("against", 0), counts.get("abstain", 0)
        if d.method is Method.VOTE:
            if self.easy:
                lines += ["We voted.", f"{count(yes, 'person', 'people')} voted yes.",
                          f"{count(no, 'person', 'people')} voted no."]
                if abstain:
                    lines.append(f"{count(abstain, 'person', 'people')} did not vote.")
            else:
                parts = [f"{yes} for", f"{no} against"] + ([f"{abstain} did not vote"] if abstain else [])
                lines.append(f"We voted: {', '.join(parts)}.")
        elif d.method is Method.CONSENSUS:
            lines.append("Everyone agreed.")
        elif d.method is Method.CONSENT:
            lines.append("Nobody objected strongly enough to stop it.")
        elif d.method is Method.CO_CHAIRS:
            lines.append("The co-chairs decided together, after hearing everyone.")
        elif d.method is Method.DEFERRED:
            lines.append("We will decide at a later meeting.")
        if d.dissent:
            lines.append(self.dissent(d, no))
        if d.lived_experience_agreed is True:
            lines.append("The members with lived experience who were here agreed.")
        elif d.lived_experience_agreed is False:
            lines.append("Not all the members with lived experience who were here agreed.")
        if self.names.member(d.proposed_by):
            lines.append(f"{self.who(d.proposed_by)} suggested it.")
        if d.review_date:
            lines.append(f"We will look at it again on {date_in_words(date.fromisoformat(d.review_date))}.")
        if d.supersedes:
            lines.append("It replaces an earlier decision.")
        if d.superseded_by:
            lines.append("A later decision replaced it.")
        return lines

    def dissent(self, d: Decision, against: int) -> str:
        view = without_stop(lower_first(self.u(d.dissent), self.keep))
        by = [i for i in d.dissent_by if self.names.member(i)]
        if by:
            who = self.whose_words(by)
        elif d.method is Method.CONSENT:
            who = "The people who objected"
        elif against == 1:
            who = "The person who disagreed"
        elif against > 1:
            who = "The people who disagreed"
        else:
            who = "Another view was that"
            return sentence(f"{who} {view}")
        return sentence(f"{who} said {view}")

    def action_owner(self, a: Action) -> tuple[str, str]:
        """(the owner as a subject, the owner's member id or "")."""
        member_id = a.owner_id if self.names.member(a.owner_id) else ""
        if not member_id and a.owner:
            wanted = a.owner.casefold()
            member_id = next((m.id for m in self.m.roster
                              if wanted in (m.name.casefold(), m.full_name.casefold())), "")
        if member_id:
            if self.copy == MEMBERS and a.owner:
                return capitalise(self.u(a.owner)), member_id
            if self.names.hidden(member_id):
                return "A member of the group", member_id
            return self.who(member_id), member_id
        if a.owner:
            return capitalise(self.u(a.owner)), ""
        return "", ""

    def action_sentences(self, a: Action) -> str:
        owner, _member = self.action_owner(a)
        what = without_stop(lower_first(self.u(a.text), self.keep)) or "do what was agreed"
        by = f" by {date_in_words(a.due_date)}" if a.due_date else ""
        if self.easy:
            lines = [sentence(what)]
            lines.append(f"{owner} will do this{by}." if owner else "Nobody has said they will do this yet.")
            if not owner and by:
                lines.append(f"It needs doing{by}.")
        else:
            lines = [f"{owner} will {what}{by}." if owner else f"Nobody has taken this on yet: {what}{by}."]
        if a.status is ActionStatus.DONE:
            lines.append("This is done.")
        elif a.status is ActionStatus.DROPPED:
            lines.append("We stopped this." + (f" The reason: {without_stop(self.u(a.reason))}." if a.reason else ""))
        return " ".join(lines)

    def actions(self) -> None:
        if not self.f.actions:
            return
        self.h("Actions")
        self.p("Who will do what, and by when:" if not self.easy else "Who will do what:")
        self.bullets([self.action_sentences(a) for a in self.f.actions])

    def you_said(self) -> None:
        records = self.f.you_said
        if not records:
            return
        self.h("You said, we did")
        lines = [self.you_said_sentences(r) for r in records]
        self.bullets(lines)

    def you_said_sentences(self, r: YouSaid) -> str:
        known = self.names.member(r.member_id)
        when = "" if r.raised.date() >= self.m.start.date() else f"In {month_year(r.raised)}, "
        if known:
            said = self.names.name(r.member_id) if when else self.who(r.member_id)
        elif r.raised_by:
            said = self.u(r.raised_by) if when else capitalise(self.u(r.raised_by))
        else:
            said = "a member" if when else "A member"
        lines = [sentence(f"{when}{said} said {without_stop(lower_first(self.u(r.text), self.keep))}")]
        lines.append(YOU_SAID_STATES.get(r.state, YOU_SAID_STATES["heard"]))
        for link in r.decision_ids:
            d = self.f.decision(link)
            if d is not None and d.text:
                lines.append(sentence(f"We decided: {lower_first(self.u(d.text), self.keep)}"))
        for link in r.action_ids:
            a = self.f.action(link)
            if a is not None:
                lines.append(f"What was done: {lower_first(self.action_sentences(a), self.keep)}"
                             if a.status is not ActionStatus.OPEN else
                             f"Still to do: {lower_first(self.action_sentences(a), self.keep)}")
        return " ".join(lines)

    def say_shared(self) -> None:
        self.h("How the say was shared")
        state = self.f.state
        came = self.f.came()
        spoke = state.spoken_ids()
        if not state.turns:
            self.p("No speaking time was recorded at this meeting.")
            return
        quiet = [m for m in came if m not in spoke]
        lines = ["Everyone present spoke." if not quiet else
                 f"{count(len(quiet), 'person', 'people')} who came did not speak."]
        end = state.ended or state.last_event_at
        share = state.voice_share(now=end)
        whole = whole_percents(share)
        for key, target, actual in state.target_shares(now=end):
            # The same rounded figures as the table, added up, so the sentence and the table agree;
            # whether the goal was met is worked out from the real share.
            said = sum(whole[vg] for vg in VoiceGroup if vg.value in key.split("+"))
            lines.append(sentence(f"{capitalise(voice_key_in_words(key))} had {said}% of the speaking time"))
            lines.append(f"The goal was at least {target}%.")
            if actual * 100 + 1e-9 >= target:
                lines.append("We met the goal.")
            else:
                lines.append("We just missed the goal this time." if said >= target
                             else "We did not meet the goal this time.")
        lines += [s for s in [joins_share_sentence(state, end)] if s]  # people online, on the phone, in the room
        if not state.meeting.settings.voice_targets:
            top = max(share, key=share.get)
            lines.append(sentence(f"{capitalise(voice_key_in_words(top.value))} had {whole[top]}% of the speaking time"))
        self.p(*lines)
        turns: dict[VoiceGroup, int] = {vg: 0 for vg in VoiceGroup}
        for t in state.turns:
            person = state.person(t.member_id)
            turns[person.voice_group if person else VoiceGroup.OTHER] += 1
        rows = tuple((capitalise(voice_key_in_words(vg.value)), f"{whole[vg]}%", str(turns[vg]))
                     for vg in VoiceGroup if turns[vg])
        self.blocks.append(Table("Share of speaking time by group", ("Group", "Share of speaking time", "Turns"), rows))

    def cards_and_words(self) -> None:
        self.h("Cards and words explained")
        cards = self.f.state.cards
        lines = []
        reds = [c for c in cards if c.colour == "red"]
        ambers = [c for c in cards if c.colour == "amber"]
        greens = [c for c in cards if c.colour == "green"]
        if reds:
            lines.append(f"{count(len(reds), 'red card')} {'was' if len(reds) == 1 else 'were'} raised. "
                         "A red card means: stop, I do not understand.")
        if ambers:
            lines.append(f"{count(len(ambers), 'amber card')} asked us to slow down.")
        if greens:
            lines.append(f"{count(len(greens), 'green card')} showed someone wanted to speak.")
        if not cards:
            lines.append("Nobody raised a card.")
        self.p(*lines)
        self.bullets(self.cards_sentences(reds, explained=False))
        words = {w: m for w, m in self.f.state.words_explained.items() if w}
        if words:
            self.p("We explained these words:")
            self.bullets([sentence(f"{capitalise(self.u(w))}: {lower_first(meaning_of(w, self.u(m)), self.keep)}") if m
                          else sentence(f"{capitalise(self.u(w))}: we talked about what it means")
                          for w, m in words.items()])

    def feelings(self) -> None:
        self.h("How people felt the meeting went")
        ev = self.f.state.evaluations
        if not ev:
            self.p("We did not ask how the meeting went this time.")
            return
        tally = {k: sum(1 for heard, _ in ev.values() if heard == k) for k in HEARD_ANSWERS}
        lines = [f"{count(len(ev), 'person', 'people')} told us how the meeting went."]
        if tally["yes"]:
            lines.append(f"{count(tally['yes'], 'person', 'people')} felt heard.")
        if tally["partly"]:
            lines.append(f"{count(tally['partly'], 'person', 'people')} felt partly heard.")
        if tally["no"]:
            lines.append(f"{count(tally['no'], 'person', 'people')} did not feel heard.")
        if tally["pass"]:
            lines.append(f"{count(tally['pass'], 'person', 'people')} chose not to say.")
        self.p(*lines)
        comments = [(m, c) for m, (_h, c) in ev.items() if one_line(c)]
        if comments:
            self.p("What people said:")
            self.bullets([sentence(f"{self.who(m) if self.names.member(m) else 'A member'} said: {self.u(c)}")
                          for m, c in comments])

    def next_meeting_section(self) -> None:
        self.h("Next meeting")
        nxt = self.next_meeting
        if nxt is None:
            self.p("The date of the next meeting is not set yet.")
            return
        lines = [sentence(f"The next meeting is on {when_in_words(nxt.start)}")]
        if nxt.place:
            lines.append(sentence(f"It will be at {self.u(nxt.place)}" + (", and also online" if nxt.online_link else "")))
        elif nxt.online_link:
            lines.append("It will be online.")
        self.p(*lines)

    # easy read: explain hard words the first time, and list them at the end
    def meeting_terms(self) -> list[Term]:
        base = shipped()
        terms = []
        for word, meaning in self.f.state.words_explained.items():
            if word and meaning:
                terms.append(Term(self.u(word), "", lower_first(meaning_of(word, self.u(meaning)), self.keep)))
        for card in self.f.state.cards:
            word = self.u(card.word)
            if card.colour == "red" and word and word not in [t.word for t in terms]:
                known = base.get(word)
                terms.append(known or Term(word, "", "a word someone asked about at the meeting"))
        return terms

    def explain_words(self, glossary: Glossary) -> list[Term]:
        explained: list[Term] = []
        pending: list[Term] = []
        out: list[Block] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                pending += [t for t in glossary.find(block.text) if t not in explained and t not in pending]
                out.append(block)
            elif isinstance(block, Paragraph):
                out.append(Paragraph(self._with_meanings(block.text, glossary, explained, pending)))
            elif isinstance(block, Bullets) and block.prose:
                items = tuple(self._with_meanings(i, glossary, explained, pending) for i in block.items)
                out.append(Bullets(items, block.prose))
            else:
                out.append(block)  # lists of names and tables: roles such as "a carer" are not jargon
        self.blocks = out
        return explained

    @staticmethod
    def _with_meanings(text: str, glossary: Glossary, explained: list[Term], pending: list[Term]) -> str:
        """The text with each hard word explained just after the sentence it first appears in."""
        out: list[str] = []
        for part in re.split(_SENTENCE_BREAK, text):
            out.append(part)
            new = [t for t in [*pending, *glossary.find(part)] if t not in explained]
            pending.clear()
            while new:
                term = new.pop(0)
                if term in explained:
                    continue
                explained.append(term)
                out.append(term.explained())
                new += [t for t in glossary.find(term.meaning) if t not in explained and t not in new]
        return " ".join(out)

    def keep_short(self) -> None:
        """Easy read: long sentences split at their clauses, or quoted as people's own words in
        a box after the paragraph or list they stood in (see ``easy``)."""
        out: list[Block] = []
        for block in self.blocks:
            if isinstance(block, Paragraph) or (isinstance(block, Bullets) and block.prose):
                texts = [block.text] if isinstance(block, Paragraph) else list(block.items)
                kept, quoted = [], []
                for text in texts:
                    short, long_ones = shorten(text)
                    if short:
                        kept.append(short)
                    quoted += long_ones
                if kept:
                    out.append(Paragraph(kept[0]) if isinstance(block, Paragraph) else Bullets(tuple(kept), True))
                if quoted:
                    if kept or not (out and isinstance(out[-1], Paragraph) and out[-1].text.endswith(":")):
                        out.append(Paragraph("In their own words:"))  # else "What was said:" says it
                    out += [Quote(q) for q in quoted]
            else:
                out.append(block)
        self.blocks = out

    def glossary(self, explained: list[Term], meeting_terms: list[Term]) -> None:
        terms = list(dict.fromkeys([*meeting_terms, *explained]))
        if not terms:
            return
        self.h("Words we used")
        self.p("These words can be hard. Here is what they mean.")
        self.bullets([t.explained() for t in terms])

    def calendar(self) -> tuple[CalendarEntry, ...]:
        entries = []
        source = f"From {self.u(self.m.title)} on {date_in_words(self.m.start)}."
        for a in self.f.actions:
            if a.due_date and a.status is ActionStatus.OPEN:
                owner, _ = self.action_owner(a)
                what = without_stop(lower_first(self.u(a.text), self.keep)) or "do what was agreed"
                summary = f"{owner} will {what}" if owner else f"Action: {what}"
                entries.append(CalendarEntry(uid=f"action-{a.id}@coprod-meet", summary=summary,
                                             description=source, day=a.due_date))
        if self.next_meeting is not None:
            nxt = self.next_meeting
            link = self.u(nxt.online_link)
            about = f"The next meeting of {self.u(nxt.group_name)}." + (f" Join online: {link}" if link else "")
            place = self.u(nxt.place)
            where = f"{place}, and online" if place and link else place or ("Online" if link else "")
            entries.append(CalendarEntry(uid=f"meeting-{nxt.id}@coprod-meet", summary=f"Meeting: {self.u(nxt.title)}",
                                         description=about, start=nxt.start, end=nxt.end, location=where, url=link))
        return tuple(entries)

    def write(self) -> Document:
        self.opening()
        self.who_came()
        self.items()
        self.decisions()
        self.actions()
        self.you_said()
        self.say_shared()
        self.cards_and_words()
        self.feelings()
        self.next_meeting_section()
        if self.easy:
            meeting_terms = self.meeting_terms()
            explained = self.explain_words(shipped().with_terms(meeting_terms))
            self.keep_short()
            self.glossary(explained, meeting_terms)
        made_at = self.f.state.ended or self.f.state.last_event_at or self.m.end
        title, calendar = self.title(), self.calendar()
        mentions = tuple(dict.fromkeys(m.in_words() for m in self.names.mentions))
        return Document(title=title, blocks=tuple(self.blocks), copy=self.copy, easy_read=self.easy,
                        made_at=made_at, calendar=calendar, mentions=mentions)


def compose_from(facts: Facts, *, copy: str = MEMBERS, easy_read: bool = False,
                 next_meeting: Meeting | None = None) -> Document:
    return _Writer(facts, copy, easy_read, next_meeting).write()


def compose(
    meeting: Meeting,
    events: Iterable[Event],
    *,
    copy: str = MEMBERS,
    easy_read: bool = False,
    group_events: Iterable[Event] = (),
    next_meeting: Meeting | None = None,
) -> Document:
    """The minutes of ``meeting`` from its event log, as a document for any renderer.

    ``group_events`` are the events of the group's earlier meetings ("you said, we did"
    records raised before); ``next_meeting`` is the group's next meeting, if planned.
    """
    return compose_from(gather(meeting, events, group_events), copy=copy, easy_read=easy_read,
                        next_meeting=next_meeting)

