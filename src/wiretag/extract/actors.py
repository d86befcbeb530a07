"""CAMEO-convention actor codes for event sources and targets.

A CAMEO actor code is a country (ISO alpha-3) followed by a sector: ``RUSGOV`` (Russian
government), ``UKRMIL`` (Ukrainian military), ``IGOUNO`` (the United Nations). The codes here
come from three places, tried in order:

1. named actors: our curated table (``actors_curated.tsv``) and the PETRARCH2/Phoenix actor
   dictionaries converted by ``scripts/build_event_lexicons.py`` (``actors.tsv``), whose
   leaders carry validity windows ("Vladimir Putin" is RUSGOV from 2000-05-07 on), so a
   leader is coded by the role they held on the story's date;
2. the entity the actor phrase refers to (from the entities stage): its country, its titles
   ("Russian Ambassador-at-Large" -> GOV) and whether a place stands for its government;
3. the words of the phrase itself: a demonym or country name ("Ukrainian forces" -> UKR +
   MIL) and an agent noun from the Phoenix agents dictionary or our curated list.

Conventions (documented because other coders differ): a country name alone is coded with
the bare country code (``RUS``), as CAMEO does; a capital city used as an actor ("Moscow
denies") is its government (``RUSGOV``); the International Criminal Court is ``IGOJUD``
(an IGO whose sector is judicial); an actor whose country is unknown gets its sector alone
(``CVL`` for "civilians").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources import files

from wiretag.document import Entity
from wiretag.lexicon import countries as lex

_WORD = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True)
class NamedCode:
    code: str
    start: date | None = None
    end: date | None = None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def norm(text: str) -> str:
    """Lookup key: case-, accent- and punctuation-insensitive, single spaces."""
    key = lex.fold(text.replace("’", "'"))
    key = re.sub(r"^(the)\s+", "", key)
    return re.sub(r"'s$", "", key)


def _data(name: str) -> str:
    return files("wiretag").joinpath(f"data/events/{name}").read_text("utf-8")


def _rows(name: str) -> Iterable[list[str]]:
    for line in _data(name).splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _iso(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@functools.lru_cache(maxsize=1)
def named_table() -> dict[str, tuple[NamedCode, ...]]:
    """name -> codes; curated rows shadow the Phoenix rows of the same name."""
    table: dict[str, tuple[NamedCode, ...]] = {}
    for cols in _rows("actors.tsv"):
        cells = []
        for cell in cols[1].split(";"):
            code, _, window = cell.partition("@")
            start, _, end = window.partition("..")
            cells.append(NamedCode(code, _iso(start), _iso(end)))
        table[cols[0]] = tuple(cells)
    for cols in _rows("actors_curated.tsv"):
        table[cols[0]] = (NamedCode(cols[1]),)
    return table


@functools.lru_cache(maxsize=1)
def agent_table() -> dict[str, str]:
    """agent phrase (lower case) -> sector code; curated rows shadow Phoenix rows."""
    table: dict[str, str] = {}
    for cols in _rows("agents.tsv"):
        table.setdefault(cols[0], cols[1])
    for cols in _rows("agents_curated.tsv"):
        table[cols[0]] = cols[1]
    return table


@functools.lru_cache(maxsize=1)
def curated_table() -> dict[str, str]:
    return {cols[0]: cols[1] for cols in _rows("actors_curated.tsv")}


def named_code(name: str, on: date | None) -> str | None:
    """The code of a named actor on a day: the latest-starting window that covers the day,
    else an undated code. A leader out of office on that day gets no GOV code from here."""
    codes = named_table().get(norm(name))
    if not codes:
        return None
    dated = [c for c in codes if (c.start or c.end) and c.valid_on(on)]
    if dated:
        best = max(dated, key=lambda c: c.start or date.min)
        return best.code
    undated = [c for c in codes if not (c.start or c.end)]
    if on is None and not undated:
        # no story date: a leader's open-ended current role is the best evidence we have
        current = [c for c in codes if c.end is None]
        return current[-1].code if current else None
    return undated[0].code if undated else None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def sector_of(words: Sequence[str], *, anywhere: bool = True) -> str | None:
    """Sector of an agent phrase such as ["Russian", "Ambassador-at-Large"] or ["forces"]:
    the longest agent-table match ending at the phrase's last words, else (for titles,
    ``anywhere``) the last agent word found in them."""
    low = [_singular(w.lower().strip(".,")) for w in words if w.strip()]
    raw = [w.lower().strip(".,") for w in words if w.strip()]
    table = agent_table()
    # "human rights groups": only the head noun is plural in the table's key
    mixed = raw[:-1] + low[-1:]
    for n in (3, 2, 1):
        for seq in (low, raw, mixed):
            if len(seq) >= n:
                key = " ".join(seq[-n:])
                if key in table:
                    return table[key][:3]
    # titles such as "Ambassador-at-Large" or "Deputy Foreign Minister" put the agent word
    # first or in the middle; take the last agent word found. A noun phrase's modifiers
    # ("military aid") are not its head, so common-noun phrases match their head only.
    for w in reversed(low if anywhere else low[-1:]):
        for part in (w, *w.split("-")):
            if part in table:
                return table[part][:3]
    return None


def country_of_word(word: str) -> tuple[str, bool] | None:
    """(ISO3, is_capital) for a country name, demonym or capital city."""
    w = word.strip(" ,.")
    if not w:
        return None
    hit = lex.from_demonym(w) or lex.lookup(w)
    if hit is not None:
        return hit.iso3, False
    cap = lex.from_capital(w)
    if cap is not None:
        return cap.iso3, True
    return None


def country_of_words(words: Sequence[str]) -> str | None:
    """The country named by a demonym or name among the words, or by adjacent word pairs
    ("United States", "South Korea")."""
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            found = country_of_word(" ".join(words[i : i + n]))
            if found is not None:
                return found[0]
    return None


def combine(country: str | None, sector: str | None) -> str | None:
    if sector in ("IGO", "NGO") and country:
        return sector + country if len(country) == 3 else sector
    if country and sector:
        return country + sector
    return country or sector


def code_entity(entity: Entity, on: date | None, words: Sequence[str] = ()) -> str | None:
    """Code an entity, using the words of the phrase that named it (its titles in
    context: "Ukrainian President Volodymyr Zelenskiy") as extra evidence."""
    names = (entity.name, *(m.text for m in entity.mentions))
    if entity.type in ("PERSON", "ORG", "MISC"):
        for name in names:
            cur = curated_table().get(norm(name))
            if cur is not None:
                return cur
        for name in names:
            code = named_code(name, on)
            if code is not None:
                return code
        if entity.type == "ORG":
            # "United Nations General Assembly", "UN Security Council": the body's parent
            key = norm(entity.name)
            for prefix, code in curated_table().items():
                if code.startswith(("IGO", "NGO")) and key.startswith(prefix + " "):
                    return code
    else:
        # place and nationality names in the Phoenix tables are mostly institutions that
        # share a word with the place ("Moscow" in a city-council entry): curated only
        for name in names:
            cur = curated_table().get(norm(name))
            if cur is not None:
                return cur
    country = entity.country
    if entity.type in ("GPE", "LOC", "FAC"):
        found = country_of_word(entity.name)
        if found is not None and found[1]:
            # a capital city acting ("Moscow denies") stands for the government
            return found[0] + "GOV"
        if entity.government and found is None and country:
            return country + "GOV"
        return country
    if entity.type == "NORP":
        sector = sector_of(list(words)) if words else None
        return combine(country, sector if sector not in (None, "CVL") or words else None)
    # the name's own words are no evidence of a sector ("Qin Gang" is not a gang)
    own = {w.lower() for w in _WORD.findall(entity.name)}
    words = [w for w in words if w.lower() not in own]
    title_words = [w for t in entity.titles for w in _WORD.findall(t)]
    desc_words = [w for d in entity.descriptions for w in _WORD.findall(d)[:6]]
    sector = None
    for evidence in (list(words), title_words, desc_words):
        if evidence:
            sector = sector_of(evidence)
            if sector is not None:
                break
    if country is None:
        country = country_of_words(list(words)) or country_of_words(title_words)
    if country is None:
        # "Kremlin spokesman Dmitry Peskov": an institution named in the title
        for w in [*words, *title_words]:
            cur = curated_table().get(norm(w))
            if cur is not None and not cur.startswith(("IGO", "NGO")) and len(cur) >= 3:
                country = cur[:3]
                break
    if entity.type == "ORG":
        org_sector = sector_of(_WORD.findall(entity.name))
        sector = org_sector or sector
    if entity.type == "PERSON" and sector == "ELI":
        sector = None
    return combine(country, sector)


def code_words(words: Sequence[str], on: date | None) -> str | None:
    """Code an actor phrase with no entity behind it ("Ukrainian forces", "the Kremlin",
    "civilians", "Western allies")."""
    if not words:
        return None
    phrase = " ".join(words)
    for n in range(len(words), 0, -1):
        tail = words[-n:]
        if n == 1 and (not tail[0][:1].isupper() or country_of_word(tail[0]) is not None):
            # a lone common noun or country word is coded below, not by a name table that
            # holds odd institutions named "Army" or "Russia"
            cur = curated_table().get(norm(tail[0]))
            if cur is not None:
                return cur
            continue
        code = named_code(" ".join(tail), on)
        if code is not None:
            return code
    sector = sector_of(words, anywhere=False)
    country = None
    for i, w in enumerate(words):
        found = country_of_word(w)
        if found is None and i + 1 < len(words):
            found = country_of_word(f"{w} {words[i + 1]}")
        if found is not None:
            country = found[0]
            if found[1] and sector is None and len(words) == 1:
                return country + "GOV"
            break
    if country is None:
        for w in words:
            code = named_code(w, on) if w[:1].isupper() or w.lower() == "western" else None
            if code is not None and code.startswith(("IGO", "NGO")):
                return code  # an organisation's organ: "ECOWAS defence chiefs"
            if code is not None and len(code) == 3:
                country = code
                break
    if country is None and sector is None:
        found = country_of_word(phrase)
        return found[0] if found else None
    return combine(country, sector)
