"""Who did what to whom: political events coded in PLOVER and CAMEO, with actors and modality.

``extract_events(doc, document)`` reads each sentence's dependency parse and codes an event
for every trigger in a curated lexicon (``data/events/triggers.tsv``: verbs and
nominalisations -> PLOVER category, mode and closest CAMEO code) that has at least one actor:

* **triggers**: verbs ("accused"), phrasal verbs ("ruled out"), nominalisations ("the
  invasion", "an arrest warrant"); a row may require an object ("sent *troops*"), a
  modifier ("*air* strike") or a preposition ("talks *with*");
* **actors**: subjects, objects, prepositional targets ("accused X of", "talks with Y", "an
  arrest warrant for Z"), passive agents ("was accused by"), possessors and nationality
  adjectives of nominalisations ("Russia's invasion of Ukraine", "allegations from Kyiv"),
  light-verb subjects ("X held talks", "X faces allegations" — the subject of *face*
  is the target), relative pronouns, pronouns inside reported speech ("kyiv says it will"),
  with one event per pair of coordinated actors (the CAMEO dyadic convention);
* **codes** come from ``wiretag.extract.actors``; **modality** and **dates** from
  ``wiretag.extract.modality``; an event inside a quote links the quote.

PLOVER rules applied on top of the lexicon (manual sections in brackets): future
cooperation is AGREE [AGREE]; a future retreat is CONCEDE [CONCEDE]; a government
"protesting" is ACCUSE disapprove, not a street protest [PROTEST]; the content of a
request, rejection, promise or threat is not a separate event — it refines the mode
(the manual's "return the single event category") [Auxiliary modes]. Denials of an
accusation are coded CAMEO 016 with no PLOVER type, as the contract asks.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from typing import TYPE_CHECKING

from spacy.language import Language

from wiretag.document import Actor, Document, Entity, Event, Quote, SpanRef
from wiretag.extract import actors as actor_codes
from wiretag.extract import modality as mod
from wiretag.extract.modality import (
    APPOS,
    CONJ,
    IOBJ,
    MODIFIER,
    OBJ,
    PASS_SUBJ,
    POSS,
    PRT,
    RELCL,
    SUBJ,
    WH_PRONOUNS,
    children,
    dep,
    lemma,
    preps,
)
from wiretag.nlp.sentences import content_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
#: categories whose object is a proposal or demand: their content refines the mode and is
#: not an event of its own ("threatened to attack" is one THREATEN, not an ASSAULT too)
FRAMING = frozenset({"REQUEST", "REJECT", "AGREE", "THREATEN", "CONCEDE", None})
#: categories whose content noun names the partner ("rejected talks *with Putin*")
PARTNERED = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT", "AGREE"})
#: light verbs whose subject is the recipient of the nominal event ("faces allegations")
REVERSE_LIGHT = frozenset({"face", "receive", "suffer", "endure", "get", "come", "draw",
                           "attract", "undergo", "sustain", "win"})
#: verbs that carry a nominal event and lend it their subject ("X held talks", "X imposed
#: sanctions"); a verb outside this list ("citing the threat") lends nothing
LIGHT = frozenset({"trade", "exchange", "declare", "enforce", "hold", "have", "conduct",
                   "launch", "carry",
                   "stage", "make", "issue", "impose", "announce", "begin", "start", "resume",
                   "open", "continue",
                   "step", "intensify", "escalate", "mount", "commit", "lodge", "file",
                   "express", "voice", "offer", "give", "provide", "send", "deliver", "reach",
                   "level", "order", "complete", "conclude", "attend", "join", "lead",
                   "expand", "extend", "approve", "adopt", "introduce", "unveil", "slap",
                   "renew", "tighten", "pledge", "promise", "seal", "finalise", "finalize",
                   "perform", "pay", "undertake", "wage", "unleash", "press", "keep",
                   "maintain", "plan", "prepare", "organise", "organize", "call", "host",
                   "accept", "secure", "grant", "allocate", "ship", "airlift"})
SPEECH = frozenset({"say", "tell", "state", "announce", "add", "claim", "insist", "argue",
                    "warn", "stress", "declare", "write", "report", "note", "believe",
                    "think", "assert", "maintain", "reiterate", "confirm"})
TARGET_PREPS = ("with", "against", "on", "upon", "at", "to", "toward", "towards", "for", "into",
                "of")
VERB_TARGET_PREPS = ("with", "against", "on", "upon", "at", "to", "into", "toward", "towards",
                     "between")
PLACE_PREPS = ("in", "at", "near", "inside", "across", "outside")
PRONOUNS = frozenset({"it", "they", "them", "its", "their", "he", "she", "him", "his", "her",
                      "itself", "themselves"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
ARMED = ("MIL", "REB")

#: words naming the content of a request, rejection or promise (PLOVER's shared modes)
_MEET = ("talk", "meeting", "negotiation", "negotiate", "meet", "summit", "dialogue",
         "mediation", "visit", "discussion", "resolve", "settle", "settlement")
_ASSIST = ("aid", "help", "assistance", "support", "weapon", "arm", "funding", "loan",
           "cooperation", "supply", "ammunition", "missile", "jet", "tank", "send", "provide",
           "deliver", "give", "system", "equipment")
_YIELD = ("release", "free", "ceasefire", "truce", "withdrawal", "withdraw", "lift", "ease",
          "surrender", "retreat", "halt", "stop", "end", "pull", "allow", "let", "reinstate",
          "return", "leave", "quit")
_CHANGE = ("resign", "resignation", "reform", "change", "election", "step", "overhaul")
_THREATS: tuple[tuple[tuple[str, ...], tuple[str, str]], ...] = (
    (("attack", "strike", "invade", "bomb", "retaliate", "retaliation", "war", "force",
      "respond", "response", "hit", "destroy", "kill", "shoot", "fire", "crush", "punish",
      "eliminate", "wipe", "annihilate", "weapon", "nuclear", "missile", "bomb"),
     ("violence", "138")),
    (("sanction", "embargo", "boycott", "blockade", "restrict", "ban"), ("restrict", "1312")),
    (("arrest", "jail", "detain", "prosecute", "imprison"), ("arrest", "132")),
    (("expel", "deport", "expulsion"), ("expel", "136")),
    (("tie", "relation", "cut", "sever", "suspend", "withdraw", "quit", "leave"),
     ("relations", "1313")),
    (("occupy", "seize", "annex", "capture", "take"), ("territory", "1382")),
)


def _content_modes() -> dict[str, dict[str, tuple[str, str]]]:
    """category -> content lemma -> (mode, cameo): "called for *talks*" is REQUEST meet 106."""
    table: dict[str, dict[str, tuple[str, str]]] = {
        "REQUEST": {}, "REJECT": {}, "THREATEN": {}, "AGREE": {},
    }
    groups: tuple[tuple[tuple[str, ...], tuple[str, str], tuple[str, str], tuple[str, str]],
                  ...] = (
        (_MEET, ("meet", "106"), ("meet", "125"), ("", "036")),
        (_ASSIST, ("assist", "103"), ("assist", "122"), ("", "033")),
        (_YIELD, ("yield", "105"), ("yield", "124"), ("", "035")),
        (_CHANGE, ("change", "104"), ("change", "123"), ("", "034")),
    )
    for words, req, rej, agr in groups:
        for w in words:
            table["REQUEST"][w] = req
            table["REJECT"][w] = rej
            table["AGREE"][w] = agr
    for words, threat in _THREATS:
        for w in words:
            table["THREATEN"][w] = threat
    return table


_CONTENT_MODES = _content_modes()
_APPEALS = {"meet": "026", "assist": "023", "yield": "025", "change": "024"}
#: future cooperation is AGREE (PLOVER manual, AGREE): closest CAMEO "express intent" codes
_FUTURE_AGREE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033"}


# --- the trigger lexicon ----------------------------------------------------------------------
_CONDITIONS = frozenset({"obj", "!obj", "mod", "!mod", "prep", "clause", "comp"})
_FLAGS = frozenset({"poss_target", "swap", "mil", "civil", "crowd", "of_source"})

@dataclass(frozen=True)
class TriggerRule:
    key: str
    pos: str
    type: str | None
    mode: str | None
    cameo: str
    conditions: tuple[tuple[str, frozenset[str]], ...] = ()
    flags: frozenset[str] = frozenset()

    @property
    def head(self) -> str:
        return self.key.split()[0]

    @property
    def particle(self) -> str | None:
        parts = self.key.split()
        return parts[1] if len(parts) > 1 else None


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], tuple[TriggerRule, ...]]:
    """(head lemma, "V"|"N") -> rules in file order (the first whose conditions hold wins)."""
    text = files("wiretag").joinpath("data/events/triggers.tsv").read_text("utf-8")
    table: dict[tuple[str, str], list[TriggerRule]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + [""] * 7
        conditions: list[tuple[str, frozenset[str]]] = []
        for cond in filter(None, cols[5].split(";")):
            name, _, values = cond.partition("=")
            if name not in _CONDITIONS:
                raise ValueError(f"triggers.tsv: unknown condition {cond!r} in {line!r}")
            conditions.append((name, frozenset(values.split("|")) if values else frozenset()))
        flags = frozenset(filter(None, cols[6].split(",")))
        if flags - _FLAGS or (cols[2] != "-" and cols[2] not in PLOVER_TYPES):
            raise ValueError(f"triggers.tsv: bad flags or category in {line!r}")
        rule = TriggerRule(
            key=cols[0],
            pos=cols[1],
            type=None if cols[2] == "-" else cols[2],
            mode=cols[3] or None,
            cameo=cols[4],
            conditions=tuple(conditions),
            flags=flags,
        )
        table.setdefault((rule.head, rule.pos), []).append(rule)
    return {k: tuple(v) for k, v in table.items()}


# --- per-story context ----------------------------------------------------------------------
@dataclass
class _Story:
    doc: Doc
    document: Document
    story_date: date | None
    #: char offset -> (entity, mention start, mention end)
    mention_at: dict[int, tuple[Entity, int, int]] = field(default_factory=dict)
    sent_index: dict[int, int] = field(default_factory=dict)
    sents: list[Span] = field(default_factory=list)
    skip_before: int = 0
    entity_words: dict[str, list[str]] = field(default_factory=dict)
    #: the dateline's country: "the army" in a Khartoum story is Sudan's army
    home: str | None = None
    sentence_home: dict[int, str] = field(default_factory=dict)
    #: per-token memo of the two lookups every rule asks for again and again
    triggers: dict[int, TriggerRule | None] = field(default_factory=dict)
    actors: dict[int, _Arg | None] = field(default_factory=dict)

    def entity_for_char(self, char: int) -> tuple[Entity, int, int] | None:
        return self.mention_at.get(char)

    def entity_for(self, token: Token) -> tuple[Entity, int, int] | None:
        for i in range(token.idx, token.idx + max(len(token.text), 1)):
            hit = self.mention_at.get(i)
            if hit is not None:
                return hit
        return None


def _story(doc: Doc, document: Document) -> _Story:
    story_date = _story_date(document)
    st = _Story(doc, document, story_date)
    people = {actor_codes.norm(e.name.split()[-1]): e for e in document.entities
              if e.type == "PERSON" and e.name}
    for ent in document.entities:
        use = ent
        if ent.type in ("GPE", "LOC") and ent.country is None and ent.geo is None:
            # an ungeocodable "place" that is a person's surname elsewhere in the story is
            # that person (NER confuses unfamiliar surnames with towns)
            use = people.get(actor_codes.norm(ent.name.split()[-1]), ent) if ent.name else ent
        for m in ent.mentions:
            if "," in m.text or len(m.text.split()) > 6:
                continue  # a runaway mention would swallow the actors around it
            for i in range(m.start, m.end):
                st.mention_at.setdefault(i, (use, m.start, m.end))
    # the parser's own sentences (less whitespace) bound the rules' context windows; the
    # reported index is mapped onto Document.sentences at the end (extract_events)
    st.sents = [sent for sent in doc.sents if sent.text.strip()]
    scene = ""
    for n, sent in enumerate(st.sents):
        for tok in sent:
            st.sent_index[tok.i] = n
        # a sentence-initial "In Brazil," sets the scene until another one does
        if len(sent) > 3 and sent[0].lower_ == "in":
            for t in sent[1:5]:
                hit = st.entity_for(t)
                if hit is not None and hit[0].type == "GPE" and hit[0].country:
                    scene = hit[0].country
                    break
        st.sentence_home[n] = scene
    if document.dateline is not None:
        st.skip_before = document.dateline.end
        place = document.dateline.place
        if place:
            found = actor_codes.country_of_word(place)
            if found is None:
                hit = st.entity_for_char(document.dateline.start)
                found = (hit[0].country, False) if hit and hit[0].country else None
            st.home = found[0] if found else None
    return st


def _story_date(document: Document) -> date | None:
    for raw in (document.dateline.date if document.dateline else None, document.published):
        if raw:
            try:
                return date.fromisoformat(raw[:10])
            except ValueError:
                continue
    return None


# --- trigger matching ---------------------------------------------------------------------------
def _pos_class(token: Token) -> str | None:
    if token.pos_ == "VERB":
        return "V"
    if token.pos_ == "ADJ" and token.lower_.endswith("ed") and children(token, OBJ):
        return "V"  # "warplanes bombed RSF positions" mis-tagged as an adjective
    if token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.tag_.startswith("NN")):
        return "N"
    return None


def _noun_lemmas(token: Token) -> list[str]:
    base = lemma(token)
    out = [base]
    low = token.lower_
    if low != base:
        out.append(low)
    single = actor_codes._singular(low)
    if single not in out:
        out.append(single)
    return out


def _object(token: Token, story: _Story) -> Token | None:
    """The thing acted on: a verb's direct object (its passive subject when passive), a
    noun's "of" object or, where the rule says so, its possessor."""
    if _pos_class(token) == "V":
        objs = children(token, OBJ)
        if objs:
            return objs[0]
        if mod.is_passive(token):
            subj = children(token, PASS_SUBJ)
            if subj:
                return subj[0]
            if dep(token) in ("acl", "amod") and token.head != token:
                return token.head
        return None
    for word, obj in preps(token):
        if word == "of":
            return obj
    return None


def _is_person(token: Token, story: _Story) -> bool:
    hit = story.entity_for(token)
    return (hit is not None and hit[0].type == "PERSON") or token.ent_type_ == "PERSON"


def _is_place(token: Token, story: _Story) -> bool:
    hit = story.entity_for(token)
    if hit is not None:
        return hit[0].type in ("GPE", "LOC", "FAC")
    return token.ent_type_ in ("GPE", "LOC", "FAC") or (
        token.pos_ == "PROPN" and actor_codes.country_of_word(token.text) is not None
    )


def _condition_holds(name: str, values: frozenset[str], token: Token, story: _Story) -> bool:
    if name in ("obj", "!obj"):
        obj = _object(token, story)
        if obj is None:
            return name == "!obj"
        words = set(_noun_lemmas(obj))
        # "fired dozens of rockets", "tear gas": the quantity's and compound's nouns count
        for w, o in preps(obj):
            if w == "of":
                words.update(_noun_lemmas(o))
        words.update(lemma(c) for c in obj.children if dep(c) == "compound")
        hit = bool(words & values)
        if "@PERSON" in values and _is_person(obj, story):
            hit = True
        if "@PLACE" in values and _is_place(obj, story):
            hit = True
        if "@ACTOR" in values and make_actor(obj, story) is not None:
            hit = True
        return hit if name == "obj" else not hit
    if name in ("mod", "!mod"):
        mods = {lemma(c) for c in token.children if dep(c) in MODIFIER}
        mods |= {c.lower_ for c in token.children if dep(c) in MODIFIER}
        hit = bool(mods & values)
        return hit if name == "mod" else not hit
    if name == "prep":
        return any(w in values for w, _ in preps(token))
    if name == "clause":
        return any(dep(c) in mod.CLAUSE for c in token.children)
    if name == "comp":
        return any(dep(c) in mod.CLAUSE and lemma(c) in values for c in token.children)
    return False


def match_trigger(token: Token, story: _Story) -> TriggerRule | None:
    """The lexicon rule a token triggers, if any."""
    if token.i not in story.triggers:
        story.triggers[token.i] = _match_trigger(token, story)
    return story.triggers[token.i]


def _match_trigger(token: Token, story: _Story) -> TriggerRule | None:
    cls = _pos_class(token)
    if cls is None:
        return None
    table = lexicon()
    candidates = [lemma(token)] if cls == "V" else _noun_lemmas(token)
    if cls == "V" and lemma(token) == token.lower_:
        # no lemmatizer (or an unknown form): strip the inflection
        low = token.lower_
        for suffix, repl in (("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                             ("es", ""), ("s", "")):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                base = low[: -len(suffix)] + repl
                if base.endswith(("bb", "gg", "pp", "tt", "nn", "mm", "dd")) and repl == "":
                    candidates.append(base[:-1])
                candidates.append(base)
    particles = {c.lower_ for c in token.children if dep(c) in PRT or dep(c) == "advmod"}
    prep_words = {w for w, _ in preps(token)}
    if cls == "N" and dep(token) == "root" and token.tag_ in ("NNS", "NNPS"):
        # "Moscow denies": a weak tagger reads a present-tense verb as a plural noun
        stem = actor_codes._singular(token.lower_)
        if (stem, "V") in table and (stem, "N") not in table:
            cls, candidates = "V", [stem]
    for cand in candidates:
        rules = sorted(table.get((cand, cls), ()), key=lambda r: r.particle is None)
        for rule in rules:
            part = rule.particle
            if part is not None and part not in particles and part not in prep_words:
                continue
            if all(_condition_holds(n, v, token, story) for n, v in rule.conditions):
                return rule
    return None


# --- actors -------------------------------------------------------------------------------------
def _phrase(token: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``token``: the contiguous run of
    compound, adjective, possessive and name modifiers before it (never across a comma or
    a verb), without a leading determiner."""
    doc = token.doc
    allowed: set[int] = set()
    for c in token.lefts:
        d = dep(c)
        if d in MODIFIER or d in POSS or d in ("flat", "flat:name", "nummod", "det"):
            allowed.update(t.i for t in c.subtree)
    left = token.i
    j = token.i - 1
    while j >= 0 and j in allowed:
        t = doc[j]
        if t.text in (",", ";", ":", "(", ")") or _verbal_modifier(t) or (
            t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP")
        ):
            break
        left = j
        j -= 1
    right = token.i
    for c in token.rights:
        if dep(c) in ("flat", "flat:name", "compound") and c.i == right + 1:
            right = c.i
            # UD chains names: "President" <- flat "Volodymyr" <- flat "Zelenskiy"
            while True:
                nxt = [g for g in token.doc[right].rights
                       if dep(g) in ("flat", "flat:name") and g.i == right + 1]
                if not nxt:
                    break
                right = nxt[0].i
    doc = token.doc
    while left < token.i and (doc[left].pos_ in ("DET", "PUNCT") or doc[left].is_punct):
        left += 1
    return left, right + 1


def _span(token: Token, story: _Story) -> tuple[int, int]:
    """The actor phrase's token range, widened to the whole entity mention it heads."""
    start, end = _phrase(token)
    own = story.entity_for(token)
    if own is not None:
        span = story.doc.char_span(own[1], own[2], alignment_mode="expand")
        if span is not None:
            start, end = min(start, span.start), max(end, span.end)
    return start, end


def _entity_words(ent: Entity, story: _Story) -> list[str]:
    """Words around every mention of an entity: a person's title is usually written once,
    at first mention ("Russian Ambassador-at-Large Rodion Miroshnik")."""
    cached = story.entity_words.get(ent.id)
    if cached is not None:
        return cached
    words: list[str] = []
    for m in ent.mentions:
        span = story.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        # the title words written right before the name, however the parser attached them
        j = span.start - 1
        while j >= max(0, span.start - 6):
            t = story.doc[j]
            if t.is_space or not (t.pos_ in ("PROPN", "ADJ", "NOUN") or t.text == "-"):
                break
            j -= 1
        words += [t.text for t in story.doc[j + 1 : span.start] if t.text != "-"]
    story.entity_words[ent.id] = words
    return words


def _actor_code(token: Token, story: _Story) -> tuple[str | None, Entity | None]:
    """(code, entity) for the noun phrase headed by ``token``."""
    doc = story.doc
    start, end = _span(token, story)
    words = [t.text for t in doc[start:end] if not t.is_punct and dep(t) not in POSS]
    own = story.entity_for(token)
    if own is not None:
        ent = own[0]
        code = actor_codes.code_entity(ent, story.story_date, words)
        if ent.type == "PERSON" and (code is None or len(code) < 6):
            wider = actor_codes.code_entity(
                ent, story.story_date, _entity_words(ent, story) + words
            )
            if wider is not None and len(wider) > len(code or ""):
                code = wider
        if code is not None or ent.type == "PERSON":
            return code, ent
        # an entity we cannot code ("RSF" alone): try the words and acronyms below
    # a common-noun head modified by a named country, nationality or organisation:
    # "Ukrainian forces", "Russia's army", "Kiev's leadership", "a UN-mandated body"
    head_words = [t.text for t in doc[start : token.i + 1] if not t.is_punct
                  and story.entity_for(t) is None]
    sector = actor_codes.sector_of(head_words or [token.text], anywhere=False)
    for t in doc[start:end]:
        if t.i == token.i:
            continue
        hit = story.entity_for(t)
        if hit is not None and dep(t) in POSS and sector is None:
            continue  # "his supporters" are not him
        if hit is not None:
            ent = hit[0]
            named = actor_codes.code_entity(ent, story.story_date)
            if named and named.startswith(("IGO", "NGO")):
                return named, ent  # "ECOWAS defence chiefs", "a UN-mandated body"
            country = ent.country or (named[:3] if named else None)
            if sector is None and named:
                return named, ent
            return actor_codes.combine(country, sector), ent
    if sector is not None and not any(story.entity_for(t) for t in doc[start:end]):
        # "the leaders of Kenya", "the president of France"
        for w, o in preps(token):
            hit = story.entity_for(o) if w == "of" else None
            if hit is not None and hit[0].type == "GPE" and hit[0].country:
                return actor_codes.combine(hit[0].country, sector), None
    poss_country = _possessor_country(token, story)
    if poss_country and sector:
        # "its forces" with "its" = Moscow: Russian forces
        return poss_country + sector, None
    if token.pos_ == "NOUN" and (sector is not None or token.lower_ in _GROUP_NOUNS):
        body = _earlier_body(token, story)
        if body is not None:
            return actor_codes.code_entity(body, story.story_date), body
    if token.pos_ == "PROPN" or token.text.isupper():
        person = _named_elsewhere(token, story)
        if person is not None:
            return actor_codes.code_entity(person, story.story_date), person
        expansion = _acronym_expansion(token, story)
        if expansion is not None:
            return _actor_code(expansion, story)
    code = actor_codes.code_words(words, story.story_date)
    if code is None:
        return None, None
    # a bare capitalised word that only the country table knows ("Russia") is fine; a
    # lower-case common noun with no sector is not an actor
    return code, None


def _local_home(token: Token, story: _Story) -> str | None:
    """The country a sentence's scene is set in ("In Brazil, the Supreme Court ..." and the
    sentences after it, in a round-up), else the dateline's."""
    n = story.sent_index.get(token.i)
    scene = story.sentence_home.get(n, "") if n is not None else ""
    return scene or story.home


def _named_elsewhere(token: Token, story: _Story) -> Entity | None:
    """A person named in full elsewhere, mentioned here by a name part the entities stage
    did not link ("Qin" for "Qin Gang": Chinese names put the surname first)."""
    word = token.text
    if not word[:1].isupper() or len(word) < 3:
        return None
    fits = [e for e in story.document.entities if e.type == "PERSON"
            and word in e.name.split() and len(e.name.split()) > 1]
    return fits[0] if len(fits) == 1 else None


def _acronym_expansion(token: Token, story: _Story) -> Token | None:
    """ "RSF" after "Rapid Support Forces": the last word of an earlier capitalised run
    whose initials spell the acronym."""
    acro = token.text
    if not (2 <= len(acro) <= 6 and acro.isupper() and acro.isalpha()):
        return None
    doc = story.doc
    run: list[Token] = []
    for t in doc[: token.i]:
        if t.text[:1].isupper() and t.is_alpha and not t.text.isupper():
            run.append(t)
            if len(run) >= len(acro) and "".join(x.text[0] for x in run[-len(acro):]) == acro:
                return run[-1]
        elif t.lower_ not in ("of", "for", "and", "the"):
            run = []
    return None


def _possessor_country(token: Token, story: _Story) -> str | None:
    for c in children(token, POSS):
        if c.lower_ in PRONOUNS:
            ante = _antecedent(c, story)
            if ante is not None:
                code, _ent = _actor_code(ante, story)
                if code and _is_country(code[:3]):
                    return code[:3]
    return None


_GROUP_NOUNS = frozenset({"group", "movement", "organisation", "organization", "militia",
                          "alliance", "bloc", "party"})


def _earlier_body(token: Token, story: _Story) -> Entity | None:
    """ "the court" after "the International Criminal Court": a definite common noun naming
    an organisation mentioned earlier (its name's last word), when exactly one fits; "the
    group" is the organisation named last in the two sentences before."""
    if not any(dep(c) == "det" and c.lower_ == "the" for c in token.children):
        return None
    word = token.lower_
    if word in _GROUP_NOUNS:
        sent_no = story.sent_index.get(token.i, 0)
        floor = story.sents[max(0, sent_no - 2)].start_char
        latest: tuple[int, Entity] | None = None
        for e in story.document.entities:
            if e.type != "ORG":
                continue
            for m in e.mentions:
                if floor <= m.start < token.idx and (latest is None or m.start > latest[0]):
                    latest = (m.start, e)
        return latest[1] if latest else None
    fits = {
        e.id: e for e in story.document.entities
        if e.type == "ORG" and e.name.lower().split()[-1:] == [word]
        and any(m.start < token.idx for m in e.mentions)
    }
    return next(iter(fits.values())) if len(fits) == 1 else None


def _antecedent(token: Token, story: _Story) -> Token | None:
    """What a pronoun or relative pronoun stands for, when the parse makes it plain."""
    low = token.lower_
    if low in WH_PRONOUNS:
        head = token.head
        if dep(head) in RELCL:
            return head.head
        # a misattached relative clause ("Russia, which does not ..."): the noun before it
        j = token.i - 1
        while j >= 0 and token.doc[j].is_punct:
            j -= 1
        if j >= 0 and token.doc[j].pos_ in ("PROPN", "NOUN"):
            return token.doc[j]
        return None
    if low not in PRONOUNS:
        return None
    if low in PERSON_PRONOUNS:
        sent_no = story.sent_index.get(token.i, 0)
        floor = story.sents[max(0, sent_no - 2)].start
        for j in range(token.i - 1, floor - 1, -1):
            hit = story.entity_for(token.doc[j])
            if hit is not None and hit[0].type == "PERSON":
                return token.doc[j]
        return None
    # "kyiv says it will ...": the speaker of the clause the pronoun is in
    cur = token
    for _ in range(6):
        if cur.head == cur:
            break
        if dep(cur) == "ccomp" and lemma(cur.head) in SPEECH:
            subj = _subject(cur.head, story)
            if subj is not None and subj.lower_ not in PRONOUNS:
                return subj
        cur = cur.head
    # otherwise the nearest non-pronoun subject before it in the sentence or the one before
    sent_no = story.sent_index.get(token.i, 0)
    floor = story.sents[max(0, sent_no - 1)].start
    for j in range(token.i - 1, floor - 1, -1):
        t = token.doc[j]
        if dep(t) in SUBJ and t.lower_ not in PRONOUNS and t.lower_ not in WH_PRONOUNS:
            hit = story.entity_for(t)
            if (hit is not None and hit[0].type in ("GPE", "ORG", "NORP")) or t.pos_ == "PROPN":
                return t
    return None


@dataclass
class _Arg:
    actor: Actor
    token: Token
    resolved: bool = False
    #: the country came from the dateline, not the phrase
    homed: bool = False


def make_actor(token: Token, story: _Story) -> _Arg | None:
    """An Actor for the phrase headed by ``token`` (resolving pronouns), or None when the
    phrase is not a political actor (no entity, no agent noun, no country)."""
    if token.i not in story.actors:
        story.actors[token.i] = _make_actor(token, story)
    return story.actors[token.i]


def _make_actor(token: Token, story: _Story) -> _Arg | None:
    resolved = False
    target = token
    hit = story.entity_for(token)
    if hit is None and token.lower_ in FIRST_PERSON:
        speaker = _quote_speaker(token, story)
        if speaker is None:
            return None
        target, resolved = speaker, True
    elif hit is None and (token.lower_ in PRONOUNS or token.lower_ in WH_PRONOUNS):
        ante = _antecedent(token, story)
        if ante is None:
            return None
        target, resolved = ante, True
    code, ent = _actor_code(target, story)
    if code is None and ent is not None and ent.type == "PERSON":
        code = ""
    if code is None:
        return None
    start, end = _span(target, story)
    if target.idx < story.skip_before:
        return None
    while start < target.i and story.doc[start].idx < story.skip_before:
        start += 1
    span = story.doc[start:end]
    # an appositive can supply the sector a bare name lacks ("Miroshnik, a former official")
    if ent is not None and len(code) <= 3 and ent.type == "PERSON":
        for ap in children(target, APPOS):
            sector = actor_codes.sector_of([t.text for t in ap.subtree][:4])
            if sector:
                code = code + sector
                break
    if not code:
        return None
    if len(code) > 6 and _is_country(code[:3]):
        # Phoenix adds secondary sectors (PAKGOVLEG); the contract's codes are country +
        # primary sector
        code = code[:6]
    homed = False
    home = _local_home(target, story)

    if code in _INSTITUTIONS and home:
        # wire convention: an unnamed institution ("the army", "police", "the interior
        # minister") belongs to the one country its sentence names, else to the country
        # the story is datelined in
        code, homed = home + code, True
    span = _strip_space(span)
    text = story.document.text[span.start_char : span.end_char]
    return _Arg(
        Actor(text=text, start=span.start_char, end=span.end_char,
              entity=ent.id if ent is not None else None, actor=code),
        target,
        resolved,
        homed,
    )


FIRST_PERSON = frozenset({"we", "i", "us", "our", "me", "my"})


def _quote_speaker(token: Token, story: _Story) -> Token | None:
    """ "We are not planning to attack anyone," Lavrov said: the speaker of the quote."""
    quote = _quote_for(token.idx, story.document.quotes)
    if quote is None or quote.speaker is None:
        return None
    span = story.doc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
    return span.root if span is not None else None


def _expand(token: Token) -> list[Token]:
    """A head and the heads coordinated with it ("kyiv and its allies")."""
    out = [token]
    stack = list(children(token, CONJ))
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(children(t, CONJ))
    return out


def _subject(verb: Token, story: _Story | None = None, depth: int = 0) -> Token | None:
    """The verb's (active) subject, inherited through coordination, control and relative
    clauses where it has none of its own."""
    subj = [c for c in verb.children if dep(c) in SUBJ and dep(c) not in PASS_SUBJ
            and (story is None or c.idx >= story.skip_before)]
    if subj:
        # "which Moscow now claims": a misparse giving the verb two subjects; of two
        # named ones ("A body documented ..., and the Court issued") the nearer wins
        named = [c for c in subj if c.lower_ not in WH_PRONOUNS] or subj
        before = [c for c in named if c.i < verb.i]
        return before[-1] if before else named[0]
    if story is not None:
        # a named actor the parser hung off the verb as a modifier ("kyiv says" with a
        # lower-case kyiv read as an adjective)
        for c in verb.lefts:
            hit = story.entity_for(c)
            if hit is not None and hit[0].type in ("GPE", "ORG", "PERSON") and dep(c) in (
                "amod", "compound", "nmod", "advmod", "dep", "obl"
            ):
                return c
    if depth > 3 or verb.head == verb:
        return None
    d = dep(verb)
    if d == "conj" and verb.head.pos_ in ("PROPN", "NOUN"):
        # "Miroshnik, a former official ..., accused": a misparse coordinating the verb
        # with its own subject (or with a noun inside the subject's apposition)
        cur = verb.head
        while dep(cur) in ("conj", "appos", "nmod", "obl") and cur.head.pos_ in ("PROPN", "NOUN"):
            cur = cur.head
        # ... or a nominal root the parser gave the real subject to
        nominal_subj = children(cur, SUBJ)
        return nominal_subj[0] if nominal_subj else cur
    if d in ("advcl", "acl") and any(
        dep(c) in ("mark", "case") and c.lower_ in ("of", "for") for c in verb.children
    ):
        # "accused Ukrainian forces of committing": the accused commits
        host = verb.head
        if dep(host) in OBJ:
            return host
        objs = children(host, OBJ)
        if objs:
            return objs[0]
    if d == "acl" and any(dep(c) == "mark" and c.lower_ == "to" for c in verb.children):
        # "visit Washington next week to seek aid" read as modifying a noun: the purpose
        # belongs to the clause the noun is in
        host = verb.head
        while dep(host) not in SUBJ and host.head != host and not mod.is_verbal(host):
            host = host.head
        return _subject(host, story, depth + 1) if mod.is_verbal(host) else None
    if d in RELCL or (d == "acl" and not mod.is_passive(verb)):
        return verb.head
    if d in ("conj", "xcomp", "parataxis", "advcl") and not mod.is_passive(verb.head):
        if d == "xcomp":
            # "urged Russia to withdraw": object control
            objs = children(verb.head, OBJ)
            if objs and lemma(verb.head) not in ("promise", "pledge", "vow"):
                return objs[0]
        return _subject(verb.head, story, depth + 1)
    if d in ("advcl", "acl", "pcomp") or d.startswith("obl"):
        # "accused Ukrainian forces of committing": the accused commits
        host = verb.head
        if dep(host) in OBJ:
            return host
        objs = children(host, OBJ)
        if objs:
            return objs[0]
    return None


def _verbal_modifier(token: Token) -> bool:
    """A verb the parser hung off its own object as a modifier ("Miroshnik, a former
    official ..., accused Ukrainian forces": "accused" as an adjective of "forces")."""
    if token.pos_ != "VERB" or dep(token) not in ("amod", "compound") or token.i == 0:
        return False
    if token.head.i <= token.i:
        return False
    before = token.doc[token.i - 1]
    return before.text == "," or before.pos_ in ("PROPN", "NOUN", "PRON")


def _verb_args(
    verb: Token, rule: TriggerRule, story: _Story
) -> tuple[list[Token], list[Token]]:
    sources: list[Token] = []
    targets: list[Token] = []
    if _verbal_modifier(verb):
        obj = verb.head
        top = obj
        while dep(top) == "conj" and top.head != top:
            top = top.head
        subj = children(top, SUBJ)
        src = subj[0] if subj else (top if top != obj else None)
        return ([src] if src is not None else []), [obj]
    passive = mod.is_passive(verb)
    if passive:
        sources += [o for w, o in preps(verb) if w == "by"]
        targets += children(verb, PASS_SUBJ)
        if not targets and dep(verb) in ("acl", "amod"):
            targets.append(verb.head)
    else:
        s = _subject(verb, story)
        if s is not None:
            sources.append(s)
        for c in verb.children:
            if dep(c) in SUBJ and c.idx < story.skip_before:
                # "NEW DELHI, July 20 (Reuters) - India and the UAE signed": the parser
                # hung the real subjects off the dateline's place name
                sources += [g for g in c.children
                            if dep(g) in APPOS | CONJ and g.idx >= story.skip_before]
        for obj in children(verb, OBJ):
            targets.append(obj)
            if make_actor(obj, story) is None:
                # "does not recognize the jurisdiction of the ICC": the actor inside;
                # "does not support Sweden's bid": the possessor
                targets += [o for w, o in preps(obj) if w in ("of", "over")]
                targets += children(obj, POSS)
            if rule.type not in ("ASSAULT", "MOBILIZE", "COERCE"):
                # "signed a defence agreement with Somalia"
                targets += [o for w, o in preps(obj) if w == "with"]
            # "sent troops to Ukraine", "supplied weapons to Kyiv", "fired rockets at Israel"
            carried = ("to", "into", "at", "on", "against") if rule.type in (
                "ASSAULT", "MOBILIZE", "AID") else ("to", "into")
            targets += [o for w, o in preps(obj) if w in carried]
            for w, inner in preps(obj):
                if w == "of":  # "fired dozens of rockets at Israel"
                    targets += [o for w2, o in preps(inner) if w2 in carried]
        # an acl participle's "object" is the noun it modifies only when passive
    targets += children(verb, IOBJ)
    if rule.particle is not None:
        targets += [o for w, o in preps(verb) if w == rule.particle and w == "on"]
    instrument = rule.type in ("ASSAULT", "MOBILIZE", "COERCE")
    targets += [
        o for w, o in preps(verb)
        if w in VERB_TARGET_PREPS and not (instrument and w == "with")
    ]
    if "swap" in rule.flags:
        sources, targets = targets, sources
    return sources, targets


def _noun_args(noun: Token, rule: TriggerRule, story: _Story) -> tuple[list[Token], list[Token]]:
    sources: list[Token] = []
    targets: list[Token] = []
    poss_target = "poss_target" in rule.flags
    for c in children(noun, POSS):
        (targets if poss_target else sources).append(c)
    for c in noun.lefts:
        if dep(c) in ("amod", "compound") and c.i != noun.i:
            hit = story.entity_for(c)
            if (hit is not None and hit[0].type in ("NORP", "GPE", "ORG")) or (
                actor_codes.country_of_word(c.text) is not None and c.text[:1].isupper()
            ):
                (targets if poss_target else sources).append(c)
    for word, obj in preps(noun):
        if word in ("by", "from"):
            sources.append(obj)
        elif word == "between":
            both = _expand(obj)
            sources.append(both[0])
            targets += both[1:2]
        elif word == "of" and "of_source" in rule.flags:
            sources.append(obj)  # "the deployment of North Korean troops"
            targets += [o for w2, o in preps(obj) if w2 in ("to", "into")]  # "... to Russia"
        elif word in TARGET_PREPS:
            targets.append(obj)
            if word in ("into", "of", "over") and make_actor(obj, story) is None:
                # "investigations into alleged Russian war crimes": the nation named inside
                targets += [
                    c for c in obj.lefts
                    if dep(c) in MODIFIER and actor_codes.country_of_word(c.text) is not None
                ]
    # "war crimes committed by Russian forces"
    for c in noun.children:
        if dep(c) in ("acl", "relcl", "acl:relcl") and mod.is_passive(c):
            sources += [o for w, o in preps(c) if w == "by"]
            # "sanctions imposed by Washington on Venezuela"
            targets += [o for w, o in preps(c) if w in ("on", "against", "to")]
    # the verb that carries the nominalisation: "X held talks", "X faces allegations";
    # a verb that is itself a trigger ("documented war crimes") carries nothing
    d = dep(noun)
    head = noun.head
    if (
        head != noun
        and (d in OBJ or d in ("attr", "oprd"))
        and head.pos_ in ("VERB", "AUX")
        and (lemma(head) in LIGHT or lemma(head) in REVERSE_LIGHT)
        and match_trigger(head, story) is None
    ):
        subj = _subject(head, story)
        if subj is not None:
            if lemma(head) in REVERSE_LIGHT:
                # "North Korea's test drew condemnation": the possessor of a non-actor
                targets.insert(0, subj)
                targets += children(subj, POSS)
            elif not sources or all(t.lower_ in PRONOUNS for t in sources):
                # "Russia and the US completed *their* swap": the named subjects
                sources = [subj]
        if not targets:
            # "delivered food aid to 50,000 people", "imposed sanctions on Iran"
            targets += [o for w, o in preps(head) if w in ("to", "for", "against", "on", "with")]
            # "conducting investigations into alleged Russian war crimes": the nation named
            for w, o in preps(head):
                if w == "into" and make_actor(o, story) is not None:
                    targets.append(o)
                elif w == "into":
                    targets += [
                        c for c in o.lefts
                        if dep(c) in MODIFIER and actor_codes.country_of_word(c.text) is not None
                    ]
    elif head != noun and lemma(head) == "come" and d.startswith("obl"):
        subj = _subject(head, story)
        if subj is not None:
            targets.insert(0, subj)
    return sources, targets


def _content_objects(token: Token, sources: list[Token]) -> list[Token]:
    """Named actors acted on inside a framing verb's content clause (two levels deep)."""
    out: list[Token] = []
    frontier = [c for c in token.children if dep(c) in mod.CLAUSE]
    for _ in range(2):
        nxt: list[Token] = []
        for clause in frontier:
            objs = [c for c in clause.children if (dep(c) in OBJ or dep(c) in IOBJ)
                    and c not in sources]
            out += objs
            for o in objs:  # "offered to lead a police mission to Haiti"
                out += [t for w, t in preps(o) if w == "to"]
            nxt += [c for c in clause.children if dep(c) in mod.CLAUSE or dep(c) == "advcl"]
        frontier = nxt
    return out


def _content_noun(token: Token, story: _Story) -> Token | None:
    """The proposal a framing verb acts on: its object, its "for" object, or the object of
    its clause ("pledged to strengthen security *cooperation* with the US")."""
    objs = children(token, OBJ)
    for w, o in preps(token):
        if w == "for":
            objs.append(o)
    for clause in token.children:
        if dep(clause) in mod.CLAUSE:
            objs += children(clause, OBJ)
    return objs[0] if objs else None


_NOMINAL_FRAMES = frozenset({"right", "freedom", "ability", "capacity", "power", "chance",
                             "opportunity", "duty", "obligation", "permission", "authority",
                             "way", "time", "need", "willingness"})
_CARRIERS = frozenset({"call", "demand", "request", "appeal", "proposal", "offer", "plan",
                       "idea", "suggestion", "push", "bid", "pressure", "effort"})


def _content_words(token: Token) -> list[str]:
    """Lemmas that may name what is requested, rejected or promised, best first: "called
    for *talks*", "rejected calls for a *withdrawal*", "urged X to *send* ..."."""
    found: list[Token] = [c for c in token.children if dep(c) in OBJ or dep(c) in mod.CLAUSE]
    found += [o for w, o in preps(token) if w in ("for", "to", "of")]
    out: list[str] = []
    for f in found:
        if lemma(f) in _CARRIERS:
            out += [lemma(o) for w, o in preps(f) if w in ("for", "of", "to")]
            out += [lemma(c) for c in f.children if dep(c) in mod.CLAUSE or dep(c) == "acl"]
        out.append(lemma(f))
        if dep(f) in mod.CLAUSE:
            # "threatened to use force": the verb's object says more than the verb
            out += [lemma(c) for c in f.children if dep(c) in OBJ]
        out += [lemma(o) for w, o in preps(f) if w in ("for", "of")]
    return out


# --- events -------------------------------------------------------------------------------------
@dataclass
class _Draft:
    rule: TriggerRule
    trigger: Token
    sentence: int
    type: str | None
    mode: str | None
    cameo: str
    sources: list[_Arg]
    targets: list[_Arg]
    location: Actor | None = None


def _is_framed(token: Token, story: _Story, depth: int = 0) -> bool:
    """True when a trigger is the content of a framing trigger above it (a proposal,
    demand, rejection, threat or denial), which codes it instead."""
    cur = token
    for _ in range(4):
        d = dep(cur)
        head = cur.head
        if head == cur:
            return False
        if (
            d in OBJ
            or d in mod.CLAUSE
            or d.startswith(("obl", "nmod"))
            or d in ("pobj", "prep", "advcl")
        ):
            rule = match_trigger(head, story)
            if rule is not None and rule.type is None and rule.cameo == "016":
                # "Moscow denies these allegations": the allegation is not re-coded under
                # the denial; a denied act ("denied attacking") is kept, modality denied
                inner = match_trigger(token, story)
                return inner is not None and inner.type == "ACCUSE"
            if rule is not None and rule.type in FRAMING:
                return True
            if rule is not None and rule.type == "SANCTION" and rule.pos == "V" and d in OBJ:
                return True  # "suspended all development aid": the aid stops
            if rule is not None and depth < 2 and _is_framed(head, story, depth + 1):
                return True  # "urged Israel to allow aid": the allowing is requested
            if rule is None and (d in ("pobj", "advcl") or d.startswith(("nmod", "obl"))
                                 or d in OBJ or d in mod.CLAUSE):
                # through a plain noun or clause: "blocked packages of EU aid"
                cur = head
                continue
            return False
        return False
    return False


def _purpose(noun: Token) -> bool:
    d = dep(noun)
    if d == "pobj":
        return noun.head.lower_ in ("for", "to", "toward", "towards")
    if d.startswith(("obl", "nmod")):
        return any(
            dep(c) == "case" and c.lower_ in ("for", "to", "toward", "towards")
            for c in noun.children
        )
    return False


def _location(token: Token, story: _Story, taken: set[int]) -> Actor | None:
    for anchor in (token, *children(token, OBJ)):
        for word, obj in preps(anchor):
            if word in PLACE_PREPS and obj.i not in taken and _is_place(obj, story):
                hit = story.entity_for(obj)
                start, end = _phrase(obj)
                span = story.doc[start:end]
                country = None
                if hit is not None:
                    country = hit[0].country
                else:
                    found = actor_codes.country_of_word(obj.text)
                    country = found[0] if found else None
                span = _strip_space(span)
                return Actor(
                    text=story.document.text[span.start_char : span.end_char],
                    start=span.start_char, end=span.end_char,
                    entity=hit[0].id if hit is not None else None, actor=country,
                )
    return None


def _strip_space(span: Span) -> Span:
    """The span without line-break tokens at its edges (a phrase opening a paragraph)."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].is_space:
        start += 1
    while end - 1 > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


def _drafts(sent: Span, n: int, story: _Story) -> Iterator[_Draft]:
    for token in sent:
        if token.idx < story.skip_before:
            continue
        rule = match_trigger(token, story)
        if rule is None:
            continue
        is_verb = rule.pos == "V"
        finite = token.tag_ in ("VBD", "VBZ", "VBP") or _verbal_modifier(token)
        if (dep(token) in MODIFIER and not finite) or (
            token.i > 0 and token.doc[token.i - 1].text == "-"
        ):
            # "arrest" in "arrest warrant"; "backed" in "Russia-backed", "U.S.-led"
            continue
        if _is_framed(token, story):
            continue
        if is_verb and dep(token) in ("acl", "xcomp") and lemma(token.head) in _NOMINAL_FRAMES:
            continue  # "the right to protest": a capacity, not an event
        if is_verb and dep(token) in ("advcl", "xcomp") and token.head != token:
            outer = match_trigger(token.head, story)
            family = {"PROTEST": "ACCUSE"}
            if outer is not None and family.get(outer.type or "", outer.type) == family.get(
                rule.type or "", rule.type
            ):
                continue  # "met in Buenos Aires to discuss": one consultation
        if not is_verb and rule.type in PARTNERED and _purpose(token):
            continue  # "left the door open for negotiations": a prospect, not an event
        if is_verb:
            src_toks, tgt_toks = _verb_args(token, rule, story)
        else:
            src_toks, tgt_toks = _noun_args(token, rule, story)
        mode_, cameo = rule.mode, rule.cameo
        content = None
        if rule.type in _CONTENT_MODES:
            table = _CONTENT_MODES[rule.type]
            word = next((w for w in _content_words(token) if w in table), None)
            if word is not None:
                new_mode, cameo = table[word]
                mode_ = new_mode or mode_
                if rule.cameo.startswith("02") and rule.type == "REQUEST":
                    # appeals keep CAMEO's 02 family: 023 appeal for aid, 026 to meet ...
                    cameo = _APPEALS.get(new_mode, rule.cameo)
            content = _content_noun(token, story)
        if rule.type in ("THREATEN", "REQUEST", "REJECT", "AGREE") and not any(
            make_actor(t, story) for t in tgt_toks
        ):
            # "threatened to use force to bring Taiwan under its control": the actor
            # acted on inside the content
            tgt_toks = tgt_toks + [
                t for t in _content_objects(token, src_toks)
                if (arg := make_actor(t, story)) is not None and not arg.homed
                and _is_country((arg.actor.actor or "")[:3])
            ]
        if rule.type in FRAMING and content is not None and not any(
            make_actor(t, story) for t in tgt_toks
        ):
            inner = match_trigger(content, story)
            if inner is not None and inner.type in PARTNERED:
                _s, inner_targets = _noun_args(content, inner, story)
                tgt_toks = [t for t in inner_targets if t.i != content.i]
        if is_verb and rule.type in ("AID", "COOPERATE", "MOBILIZE"):
            destinations = [o for w, o in preps(token) if w in ("to", "into")]
            if any(make_actor(t, story) for t in destinations):
                # "extradited a suspect to Kigali": the partner is where it goes
                tgt_toks = [t for t in tgt_toks if dep(t) not in OBJ]
        if rule.mode == "investigate" and cameo == "090":
            scope = token.head if not is_verb and dep(token) in OBJ else token
            if "war crime" in " ".join(t.lemma_.lower() for t in scope.subtree):
                cameo = "094"  # CAMEO: investigate war crimes
        sources = _args(src_toks, story)
        targets = _args(tgt_toks, story)
        # "talks between Serbia and Kosovo": a conjunct named as a target is not a source
        pinned = {t.i for t in tgt_toks}
        sources = [a for a in sources if a.token.i not in pinned]
        lexical = frozenset().union(*(v for n, v in rule.conditions if n == "obj"))
        if lexical and is_verb:
            # "sent troops to Ukraine": the troops are the instrument, Ukraine the target
            targets = [
                t for t in targets
                if not (set(_noun_lemmas(t.token)) & lexical
                        and (len(t.actor.actor or "") <= 3 or t.homed)
                        and dep(t.token) in OBJ)
            ]
        targets = [t for t in targets if all(t.token.i != s.token.i for s in sources)]
        if not sources and not targets:
            continue
        taken = {a.token.i for a in sources + targets}
        yield _Draft(rule, token, n, rule.type, mode_, cameo, sources, targets,
                     _location(token, story, taken))


_INSTITUTIONS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "CRM"})
_QUANTITIES = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens",
                         "scores", "million", "millions", "some", "many", "most", "group",
                         "groups", "crowd", "crowds", "number", "handful", "all", "members",
                         "member", "several", "few", "none"})


def _args(tokens: Iterable[Token], story: _Story) -> list[_Arg]:
    out: list[_Arg] = []
    seen: set[int] = set()
    for tok in tokens:
        for t in _expand(tok):
            arg = make_actor(t, story)
            if arg is None and t.lower_ in _QUANTITIES:
                # "thousands of protesters", "dozens of people": the people counted
                inner = next((o for w, o in preps(t) if w == "of"), None)
                arg = make_actor(inner, story) if inner is not None else None
            if arg is not None and arg.token.i not in seen:
                seen.add(arg.token.i)
                out.append(arg)
    return out


def _quote_for(start: int, quotes: Sequence[Quote]) -> Quote | None:
    inside = [q for q in quotes if q.start <= start < q.end]
    return min(inside, key=lambda q: q.end - q.start) if inside else None


def _is_country(code: str | None) -> bool:
    from wiretag.lexicon import countries as lex

    return code is not None and len(code) == 3 and lex.by_iso3(code) is not None


def _sector(arg: _Arg | None) -> str:
    code = arg.actor.actor if arg is not None else None
    return (code or "")[3:6] if code and len(code) >= 6 else (code or "")


def _finish(draft: _Draft, story: _Story, times: list[mod.TimeExpr], prior: list[Event],
            source: _Arg | None, target: _Arg | None) -> Event | None:
    trig = draft.trigger
    quote = _quote_for(trig.idx, story.document.quotes)
    when = mod.attached_time(trig, story.sents[draft.sentence], times)
    if when is None and len(times) == 1:
        when = times[0]
    result = mod.decide(trig, story=story.story_date, when=when, in_quote=quote is not None)
    type_, mode_, cameo = draft.type, draft.mode, draft.cameo
    modality = result.modality
    if "mil" in draft.rule.flags and not any(
        _sector(a) in ARMED or (a is not None and (a.actor.actor or "")[3:6] in ARMED)
        for a in (source, target)
    ):
        return None
    if "crowd" in draft.rule.flags and _sector(source) not in ("OPP", "CVL", "LAB", "EDU", "REF"):
        return None  # leaders "gathering" in Brussels are not a protest
    if "civil" in draft.rule.flags and _sector(source) in ("MIL", "COP", "REB", "UAF", "CRM"):
        # armed forces storming a town are not protesters (PLOVER: PROTEST is civilian)
        type_, mode_, cameo = "ASSAULT", None, "190"
    if (type_ == "PROTEST" and _sector(source) in ("GOV", "IGO", "JUD", "LEG")) or (
        type_ == "PROTEST" and source is not None and _is_country(source.actor.actor)
    ):
        # diplomatic protests are ACCUSE disapprove (PLOVER manual, PROTEST ambiguities)
        type_, mode_, cameo = "ACCUSE", "disapprove", "111"
    if modality == "future" and type_ in _FUTURE_AGREE:
        type_, mode_, cameo = "AGREE", None, _FUTURE_AGREE[type_]
    elif modality == "future" and type_ == "RETREAT":
        type_, mode_, cameo = "CONCEDE", None, "035"
    if type_ is None and cameo == "016":
        modality = "denied"
        if target is None:
            target = _accuser(draft, source, prior)
    if source is None and target is None:
        return None
    date_value = when.value if when is not None else None
    if date_value is None and modality in ("asserted", "denied") and story.story_date:
        # event coders date a reported event by its story when the text gives no other date
        date_value = story.story_date.isoformat()
    confidence = 0.85 if draft.rule.pos == "V" else 0.75
    if source is None or target is None:
        confidence -= 0.15
    if any(a is not None and a.resolved for a in (source, target)):
        confidence -= 0.1
    return Event(
        id="",
        type=type_,
        trigger=SpanRef(trig.text, trig.idx, trig.idx + len(trig.text)),
        sentence=draft.sentence,
        cameo=cameo,
        mode=mode_,
        modality=modality,
        negated=modality == "negated",
        source=source.actor if source is not None else None,
        target=target.actor if target is not None else None,
        date=date_value,
        location=draft.location,
        quote=quote.id if quote is not None else None,
        confidence=round(confidence, 2),
    )


def _accuser(draft: _Draft, source: _Arg | None, prior: list[Event]) -> _Arg | None:
    """Whom a denial answers: the source of the latest accusation (this or the previous two
    sentences) aimed at the denier's country."""
    if source is None or not source.actor.actor:
        return None
    country = source.actor.actor[:3]
    for ev in reversed(prior):
        if draft.sentence - ev.sentence > 2:
            break
        if (
            ev.type == "ACCUSE"
            and ev.target
            and (ev.target.actor or "")[:3] == country
            and ev.source is not None
        ):
            return _Arg(ev.source, draft.trigger, resolved=True)
    return None


def extract_events(doc: Doc, document: Document) -> list[Event]:
    """Code the events of a parsed story (see the module docstring)."""
    story = _story(doc, document)
    events: list[Event] = []
    seen: set[tuple[int, int | None, int | None]] = set()
    for n, sent in enumerate(story.sents):
        times = mod.find_times(sent.text, sent.start_char, story.story_date)
        for draft in _drafts(sent, n, story):
            srcs: list[_Arg | None] = [*draft.sources] or [None]
            tgts: list[_Arg | None] = [*draft.targets] or [None]
            pairs = [(s, t) for s in srcs for t in tgts]
            for source, target in pairs:
                key = (
                    draft.trigger.idx,
                    source.actor.start if source else None,
                    target.actor.start if target else None,
                )
                if key in seen:
                    continue
                seen.add(key)
                event = _finish(draft, story, times, events, source, target)
                if event is not None:
                    events.append(event)
    starts = [s.start for s in document.sentences] or [
        s.start_char for s in content_sentences(doc)
    ]
    for i, event in enumerate(events, 1):
        event.id = f"V{i}"
        event.sentence = max(0, bisect.bisect_right(starts, event.trigger.start) - 1)
    return events


def stage(doc: Doc, document: Document) -> None:
    """Pipeline stage: fill ``document.events`` (after the entities and quotes stages)."""
    document.events = extract_events(doc, document)


# spaCy forbids dots in factory names, hence ``wiretag_events_v1`` for "wiretag.events.v1"
@Language.factory(
    "wiretag_events_v1",
    requires=["token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.wiretag_events"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    """spaCy factory: ``nlp.add_pipe("wiretag_events_v1")`` after the parser (and, for
    actor linking, after the wiretag entities and quotes components)."""
    from spacy.tokens import Doc as _Doc

    # registered here, not at import, so importing wiretag changes no Doc state
    if not _Doc.has_extension("wiretag_events"):
        _Doc.set_extension("wiretag_events", default=None)
    return EventsComponent()


class EventsComponent:
    """spaCy component: stores ``extract_events`` on ``doc._.wiretag_events``, reading the
    entities and quotes the wiretag components left on the Doc, if any."""

    def __call__(self, doc: Doc) -> Doc:
        from wiretag.document import content_id

        document = Document(id=content_id(doc.text), text=doc.text)
        if doc.has_extension("wiretag_entities") and doc._.wiretag_entities:
            document.entities = list(doc._.wiretag_entities)
        if doc.has_extension("wiretag_quotes") and doc._.wiretag_quotes:
            document.quotes = list(doc._.wiretag_quotes)
        doc._.wiretag_events = extract_events(doc, document)
        return doc
