"""Modality and time of a coded event: did it happen, is it claimed, denied, planned, past?

A claims ledger is only as trustworthy as its modality: "alleged Russian war crimes" is not
a war crime on record, "Moscow denies these allegations" is a denial, "does not recognize"
is a negated act, "could resist" and "will continue" have not happened yet. PLOVER calls
these *auxiliary modes* (historical, future, hypothetical, negation; manual section
"Auxiliary modes"); we add ``alleged``, ``denied`` and ``reported`` for the claims that news
stories are made of.

The rules read the dependency parse and work with both label sets spaCy pipelines use:
ClearNLP (``dobj``, ``prep``/``pobj``, ``neg``, ``nsubjpass``) and Universal Dependencies
(``obj``, ``obl``/``nmod`` + ``case``, ``advmod`` "not", ``nsubj:pass``) — the bundled
pipeline is trained on UD treebanks, other installed pipelines use ClearNLP.

This module also resolves time expressions ("on Tuesday", "in February 2022", "last week")
against the story date, because tense and date together decide ``historical`` and
``future``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from wiretag.document import Modality

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# --- dependency labels in both schemes --------------------------------------------------
SUBJ = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "csubj:pass", "expl"})
PASS_SUBJ = frozenset({"nsubjpass", "nsubj:pass"})
OBJ = frozenset({"dobj", "obj"})
IOBJ = frozenset({"iobj", "dative"})
POSS = frozenset({"poss", "nmod:poss"})
PRT = frozenset({"prt", "compound:prt"})
MODIFIER = frozenset({"compound", "amod", "nn", "nmod:npmod"})
CLAUSE = frozenset({"ccomp", "xcomp"})
RELCL = frozenset({"relcl", "acl:relcl"})
AUX = frozenset({"aux", "aux:pass", "auxpass"})
CONJ = frozenset({"conj"})
APPOS = frozenset({"appos"})
#: UD attaches a prepositional phrase's noun to its head with one of these plus a ``case``
UD_PREP = ("obl", "nmod")
NEGATORS = frozenset({"not", "n't", "never", "no"})
WH_PRONOUNS = frozenset({"which", "who", "that", "whom"})

HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "ought"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
#: verbs whose to-infinitive complement is a plan, not a fact
FUTURE_VERBS = frozenset({"plan", "intend", "expect", "aim", "prepare", "schedule", "set",
                          "want", "hope", "seek", "try", "attempt", "decide", "vow",
                          "ready", "willing", "prepared", "eager", "keen", "poised"})
#: verbs of saying: "would" in what they report is a future seen from the past
SPEECH_VERBS = frozenset({"say", "tell", "state", "announce", "add", "claim", "insist",
                          "warn", "declare", "write", "report", "note", "confirm", "pledge",
                          "promise", "vow", "signal", "indicate"})
NEGATING_VERBS = frozenset({"fail", "refuse", "decline", "avoid", "stop", "cease"})
#: words whose content is a claim: the events inside are alleged, not established
ALLEGING = frozenset({"accuse", "accusation", "allege", "allegation", "claim", "charge",
                      "blame", "suspect", "suspicion", "indict", "indictment", "warrant",
                      "report", "rumour", "rumor", "evidence", "investigation", "probe",
                      "inquiry", "investigate", "lawsuit", "sue", "complaint"})
ALLEGED_MODIFIERS = frozenset({"alleged", "allegedly", "suspected", "purported",
                               "purportedly", "reported", "reportedly", "apparent"})
_DENY_FORMS = frozenset({"deny", "denies", "denied", "denying", "denial"})


def dep(token: Token) -> str:
    return str(token.dep_).lower()


def lemma(token: Token) -> str:
    """Lower-case lemma; falls back to the lower-cased text where the pipeline has no
    lemmatizer (spacy.blank, hand-built Docs)."""
    return str(token.lemma_ or token.lower_).lower()


def children(token: Token, labels: frozenset[str]) -> list[Token]:
    return [c for c in token.children if dep(c) in labels]


def preps(token: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs hanging off a token, in either label scheme:
    ClearNLP ``prep`` -> ``pobj``/``pcomp``, UD ``obl``/``nmod`` carrying a ``case`` child,
    and ClearNLP ``agent`` ("by") phrases."""
    for c in token.children:
        d = dep(c)
        if d in ("prep", "agent"):
            word = "by" if d == "agent" else c.lower_
            for g in c.children:
                if dep(g) in ("pobj", "pcomp"):
                    yield word, g
        elif (d.startswith(UD_PREP) and d != "nmod:poss") or d == "obl:agent" or d == "advcl":
            cases = [g for g in c.children if dep(g) in ("case", "mark") and g.i < c.i]
            if cases:
                yield " ".join(g.lower_ for g in cases), c


def _cases(trigger: Token, head: Token) -> list[Token]:
    """The preposition(s) of the phrase that links ``trigger`` (or its ancestor) to
    ``head``."""
    cur = trigger
    while cur.head != head and cur.head != cur:
        cur = cur.head
    return [c for c in cur.children if dep(c) in ("case", "mark")]


def is_verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or (dep(token) == "root" and token.pos_ != "NOUN")


def is_passive(verb: Token) -> bool:
    if any(dep(c) in PASS_SUBJ or dep(c) in ("aux:pass", "auxpass") for c in verb.children):
        return True
    # reduced passives ("war crimes committed by Russian forces")
    # ... with or without the agent ("fishermen rescued at sea"): a participle after its
    # noun, with no object of its own
    return (
        verb.tag_ == "VBN"
        and dep(verb) in ("acl", "amod")
        and verb.head.i < verb.i
        and not any(dep(c) in OBJ for c in verb.children)
    )


def is_negated(token: Token) -> bool:
    for c in token.children:
        d = dep(c)
        if d == "neg" or (d in ("advmod", "det", "part") and c.lower_ in NEGATORS):
            return True
    return False


def auxiliaries(token: Token) -> list[str]:
    return [c.lower_ for c in token.children if dep(c) in AUX]


def clause_verb(token: Token) -> Token:
    """The verb whose clause a (possibly nominal) trigger sits in: the trigger itself when it
    is a verb, else the first verbal ancestor reached through argument links."""
    cur = token
    for _ in range(4):
        if is_verbal(cur) or cur.head == cur:
            return cur
        if dep(cur) in RELCL or dep(cur) in ("acl", "appos", "conj"):
            return cur
        cur = cur.head
    return cur


def content_chain(token: Token, limit: int = 7) -> Iterator[tuple[str, Token]]:
    """Walk up the heads of a trigger while we are inside the content of something said,
    claimed or denied: stops at coordinated and paratactic clauses (separate assertions)."""
    cur = token
    for _ in range(limit):
        d = dep(cur)
        if cur.head == cur or d in ("conj", "parataxis", "root", "list", "appos"):
            return
        yield d, cur.head
        cur = cur.head


# --- time expressions ---------------------------------------------------------------------
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH_RE = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
             r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+"
                       + _YEAR + r")?\b")),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH_RE + r"(?:\s+" + _YEAR + r")?\b")),
    ("my", re.compile(r"\b(?:in|during|by|until|from|of|last|early|late|mid-?)\s+"
                      + _MONTH_RE + r"(?:\s+" + _YEAR + r")?\b")),
    ("year", re.compile(r"\b(?:in|during|by|until|from)\s+(?:early\s+|late\s+|mid-?)?"
                        + _YEAR + r"\b")),
    ("decade", re.compile(r"\b(?:in|since|during|from|until)\s+the\s+"
                          r"(?P<decade>(?:19|20)\d0)s\b")),
    ("weekday", re.compile(r"\b(?:(?P<rel>last|next|this)\s+|on\s+)?" + _WEEKDAY + r"\b")),
    ("rel", re.compile(r"\b(?P<rel>last|this|next|earlier this|later this|past)\s+"
                       r"(?P<unit>week|month|year)\b", re.I)),
    ("deixis", re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                       r"(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
]
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}


@dataclass(frozen=True)
class TimeExpr:
    """A resolved time expression: ``value`` is ISO 8601 (day ``2023-11-21``, month
    ``2023-11``, year ``2023`` or week ``2023-W46``); ``first``/``last`` bound the period."""

    start: int
    end: int
    text: str
    value: str
    first: date
    last: date


def _month_period(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _week(day: date) -> tuple[str, date, date]:
    iso = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return f"{iso[0]}-W{iso[1]:02d}", monday, monday + timedelta(days=6)


def _resolve(kind: str, m: re.Match[str], story: date | None) -> tuple[str, date, date] | None:
    g = m.groupdict()
    if kind in ("mdy", "dmy"):
        mon = _MONTHS[g["mon"].lower().rstrip(".")[:4] if g["mon"].lower().startswith("sept")
                      else g["mon"].lower().rstrip(".")[:3]]
        day = int(g["day"])
        year = int(g["year"]) if g.get("year") else None
        if year is None:
            if story is None:
                return None
            year = story.year
            # a month after the story's month without a year is last year's (wire style)
            if mon > story.month + 1:
                year -= 1
        try:
            d = date(year, mon, day)
        except ValueError:
            return None
        return d.isoformat(), d, d
    if kind == "my":
        key = g["mon"].lower().rstrip(".")
        mon = _MONTHS[key[:4] if key.startswith("sept") else key[:3]]
        if g.get("year"):
            year = int(g["year"])
        elif story is not None:
            year = story.year if mon <= story.month else story.year - 1
        else:
            return None
        first, last = _month_period(year, mon)
        return f"{year:04d}-{mon:02d}", first, last
    if kind == "decade":
        first_year = int(g["decade"])
        return f"{first_year // 10}X", date(first_year, 1, 1), date(first_year + 9, 12, 31)
    if kind == "year":
        year = int(g["year"])
        return f"{year:04d}", date(year, 1, 1), date(year, 12, 31)
    if story is None:
        return None
    if kind == "weekday":
        wd = _WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        if rel == "next":
            delta = (wd - story.weekday()) % 7 or 7
            d = story + timedelta(days=delta)
        else:
            # wire style: a bare weekday is the most recent one (the story's own day included)
            d = story - timedelta(days=(story.weekday() - wd) % 7)
            if rel == "last" and d == story:
                d -= timedelta(days=7)
        return d.isoformat(), d, d
    if kind == "deixis":
        word = g["word"].lower()
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        d = story + timedelta(days=offset)
        return d.isoformat(), d, d
    if kind == "rel":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = -1 if rel in ("last", "past") else 1 if rel == "next" else 0
        if unit == "week":
            return _week(story + timedelta(days=7 * step))
        if unit == "month":
            y, mo = divmod(story.year * 12 + story.month - 1 + step, 12)
            first, last = _month_period(y, mo + 1)
            return f"{y:04d}-{mo + 1:02d}", first, last
        y = story.year + step
        return f"{y:04d}", date(y, 1, 1), date(y, 12, 31)
    if kind == "ago":
        n = _NUMBERS.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower()
        if unit == "day":
            d = story - timedelta(days=n)
            return d.isoformat(), d, d
        if unit == "week":
            return _week(story - timedelta(days=7 * n))
        if unit == "month":
            y, mo = divmod(story.year * 12 + story.month - 1 - n, 12)
            first, last = _month_period(y, mo + 1)
            return f"{y:04d}-{mo + 1:02d}", first, last
        y = story.year - n
        return f"{y:04d}", date(y, 1, 1), date(y, 12, 31)
    return None


def find_times(text: str, offset: int, story: date | None) -> list[TimeExpr]:
    """Time expressions in a sentence (``text`` starts at character ``offset``), resolved
    against the story date; overlapping matches keep the longest."""
    found: list[TimeExpr] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            resolved = _resolve(kind, m, story)
            if resolved is None:
                continue
            value, first, last = resolved
            s, e = offset + m.start(), offset + m.end()
            if any(t.start <= s and e <= t.end for t in found):
                continue
            found = [t for t in found if not (s <= t.start and t.end <= e)]
            found.append(TimeExpr(s, e, m.group(0), value, first, last))
    return sorted(found, key=lambda t: t.start)


def attached_time(trigger: Token, sent: Span, times: list[TimeExpr]) -> TimeExpr | None:
    """The time expression that modifies the trigger's clause: one whose words hang (within
    a few links) off the trigger or the verb heading it. A sentence with a single time
    expression and a single clause-level verb uses it."""
    if not times:
        return None
    anchors = {trigger.i, clause_verb(trigger).i}
    best: TimeExpr | None = None
    for t in times:
        toks = [tok for tok in sent if t.start <= tok.idx < t.end]
        for tok in toks:
            cur = tok
            for _ in range(4):
                if cur.i in anchors:
                    best = best or t
                    break
                if cur.head == cur:
                    break
                cur = cur.head
    return best


# --- modality -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ModalityResult:
    modality: Modality
    #: the word that decided it ("not", "could", "denies", "alleged"), for explanations
    cue: str | None = None


def _in_past_speech(verb: Token) -> bool:
    cur = verb
    for _ in range(3):
        if cur.head == cur:
            return False
        if dep(cur) == "ccomp" and lemma(cur.head) in SPEECH_VERBS:
            return cur.head.tag_ in ("VBD", "VBN")
        cur = cur.head
    return False


def _verb_marks(verb: Token) -> tuple[bool, str | None, str | None]:
    """(negated, hypothetical cue, future cue) of one verb's own auxiliaries and markers."""
    aux = auxiliaries(verb)
    hyp = next((a for a in aux if a in HYPOTHETICAL_AUX), None)
    fut = next((a for a in aux if a in FUTURE_AUX), None)
    if hyp == "would" and _in_past_speech(verb) and not any(
        dep(c) == "mark" and c.lower_ in ("if", "unless") for c in verb.children
    ):
        # "Moscow said it would retaliate": reported intent, a future seen from the past
        hyp, fut = None, fut or "would"
    for c in verb.children:
        if dep(c) == "mark" and c.lower_ in ("if", "unless"):
            hyp = hyp or c.lower_
    # "is going to attack": going + xcomp
    if verb.head != verb and verb.head.lower_ == "going" and dep(verb) == "xcomp":
        fut = fut or "going to"
    return is_negated(verb), hyp, fut


def decide(
    trigger: Token,
    *,
    story: date | None = None,
    when: TimeExpr | None = None,
    in_quote: bool = False,
) -> ModalityResult:
    """The modality of the event a trigger denotes.

    Order of precedence (the first that applies wins): negated, denied, hypothetical,
    future, alleged, historical, reported, asserted. The cue inside the event's own
    clause outranks the frame it is reported in: "kyiv says it will continue fighting" is
    ``future`` (with its quote linked), not merely ``reported``.
    """
    verb = clause_verb(trigger)
    negated, hyp, fut = _verb_marks(verb)
    if trigger != verb and is_negated(trigger):
        negated = True
    # modals and plans reach down through to-infinitive and purpose complements
    cur = verb
    for _ in range(4):
        d = dep(cur)
        if d not in ("xcomp", "advcl", "acl") or cur.head == cur:
            break
        head = cur.head
        if d == "xcomp" and lemma(head) in NEGATING_VERBS:
            negated = True
        if d == "xcomp" and lemma(head) in FUTURE_VERBS:
            fut = fut or lemma(head)
        n2, h2, f2 = _verb_marks(head)
        if d == "xcomp" and n2:
            negated = True  # "we are not planning to attack anyone"
        hyp, fut = hyp or h2, fut or f2
        cur = head
    if negated:
        return ModalityResult("negated", "not")
    for _d, head in content_chain(trigger):
        if head != trigger and (lemma(head) == "deny" or head.lower_ in _DENY_FORMS):
            return ModalityResult("denied", head.text)
    if hyp:
        return ModalityResult("hypothetical", hyp)
    if fut:
        return ModalityResult("future", fut)
    if when is not None and story is not None and when.first > story:
        return ModalityResult("future", when.text)
    for c in trigger.children:
        if c.lower_ in ALLEGED_MODIFIERS and dep(c) in ("amod", "advmod", "compound"):
            return ModalityResult("alleged", c.text)
    for c in verb.children:
        if c.lower_ in ALLEGED_MODIFIERS and dep(c) == "advmod":
            return ModalityResult("alleged", c.text)
    for d, head in content_chain(trigger):
        if lemma(head) in ALLEGING and head != trigger:
            return ModalityResult("alleged", head.text)
        if d.startswith(("obl", "nmod", "advcl")) and any(
            c.lower_ in ("for", "into", "over") for c in _cases(trigger, head)
        ):
            # "issued an arrest warrant ... for the illegal expulsion of children": the
            # grounds of a warrant, charge or inquiry hang off its verb
            grounds = [c for c in head.children if dep(c) in OBJ and lemma(c) in ALLEGING]
            if grounds:
                return ModalityResult("alleged", grounds[0].text)
        for c in head.lefts:
            # "accused Ukrainian forces of committing ...", the verb misread as a modifier
            if c != trigger and c.pos_ == "VERB" and dep(c) == "amod" and (
                lemma(c) in ALLEGING
            ):
                return ModalityResult("alleged", c.text)
    # "had expelled ... a day earlier": the pluperfect orders recent events, it does not
    # make them history
    recent = any(t.lower_ in ("earlier", "later", "before", "previously")
                 for t in verb.sent)
    if (
        "had" in auxiliaries(verb)
        and verb.tag_ == "VBN"
        and not _in_past_speech(verb)
        and not recent
    ):
        # in reported speech "had struck" is only the tense shifted back, not old history
        return ModalityResult("historical", "had")
    if when is not None and story is not None and (story - when.last).days > 180:
        return ModalityResult("historical", when.text)
    if in_quote:
        return ModalityResult("reported")
    return ModalityResult("asserted")
