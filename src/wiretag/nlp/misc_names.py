"""Names that are no body, person or place: laws, market indexes, crude grades, storms
and ships.

The ner learns people, organisations and places only, so a law ("Digital Markets Act",
"Rome Statute"), a market index ("Topix", "the Nikkei share average"), a crude grade
("Brent"), a storm ("Storm Daniel", "Typhoon Haiyan") or a ship ("the container ship
Dali", "USS Gerald R. Ford") comes out as an organisation, a place, a person, or not at
all. ``misc_spans`` types them as the contract's ``LAW``, ``MISC`` and ``EVENT``, so
that they are not counted as bodies or places (nor coded as actors, nor geocoded):

- ``LAW``: a name whose last word is a law's ("Act", "Treaty", "Convention",
  "Protocol", "Statute", "Charter", "Amendment", "Directive", "Regulation", "Agreement",
  "Accords", "Bill", "Law"; "Code" after a code's kind: "Penal Code"), or that opens
  with one before "of"/"on" ("Treaty of Versailles", "Convention on the Rights of the
  Child"); a place before such a word is part of the name ("Paris Agreement", "Northern
  Ireland Protocol"), a body or a country before a name of two or more words is not
  ("EU" + "Artificial Intelligence Act"). Not: a body's name ("School of Law", "Harvard
  Law", "Democratic National Convention" is an EVENT), a person ("John Law").
- ``MISC``: the market indexes and crude grades of ``INDEXES`` and ``CRUDES``; a name
  ending in "Index" or "Composite"; "Nikkei", "Dow" and "Nasdaq" (also a newspaper, a
  chemical maker and an exchange) only where the next word moves a market ("the Nikkei
  fell", "Nasdaq composite") or in a list of indexes. Ships: after a ship's prefix
  ("USS", "HMS") or a vessel's noun ("the tanker Grace Ocean"; not "budget carrier
  Ryanair").
- ``EVENT``: a storm's name after "Hurricane", "Typhoon", "Cyclone", "Storm" (not the
  "Storm Shadow" missile).
"""

from __future__ import annotations

from collections.abc import Callable, Container

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

#: last words of a law's name
LAW_TAILS = frozenset(
    {
        "Act", "Acts", "Treaty", "Treaties", "Convention", "Conventions", "Protocol", "Statute",
        "Charter", "Amendment", "Directive", "Regulation", "Agreement", "Accord", "Accords",
        "Bill", "Law", "Code",
    }
)
#: law words a person's name may end in ("John Law", "Buffalo Bill")
PERSON_TAILS = frozenset({"Bill", "Law", "Code"})
#: first words of a law's name before "of"/"on": "Treaty of Lisbon"
LAW_OPENERS = frozenset({"Treaty", "Convention", "Charter", "Statute", "Protocol", "Act"})
#: a code's kind: "Penal Code", "Criminal Code" (not "Da Vinci Code")
CODE_KINDS = frozenset(
    {
        "Penal", "Criminal", "Civil", "Tax", "Labour", "Labor", "Commercial", "Electoral",
        "Family", "Administrative", "Military", "Customs", "Land", "Investment",
    }
)
#: words before "Convention" that make it a gathering: "Democratic National Convention"
GATHERINGS = frozenset({"National", "Constitutional", "Annual", "Party"})
#: words inside a law's name after its law word: "Convention on the Rights of the Child"
LAW_JOINERS = frozenset({"of", "on", "the", "for", "and", "in", "to", "&"})
#: words inside a law's name before its law word: "Safety of Rwanda Bill", "Dodd-Frank
#: Wall Street Reform and Consumer Protection Act"
BACK_JOINERS = frozenset({"of", "on", "for", "and", "&"})
#: market indexes, as written (the tokenizer splits them as it splits the text)
INDEXES = (
    "Nikkei 225", "Nikkei share average", "Nikkei stock average", "Topix", "TOPIX",
    "Hang Seng index", "Hang Seng Index", "Hang Seng", "Hang Seng China Enterprises Index",
    "Shanghai Composite index", "Shanghai Composite Index", "Shanghai Composite", "CSI 300",
    "CSI300", "Shenzhen Component Index", "Kospi", "KOSPI", "Kosdaq", "KOSDAQ", "Sensex",
    "SENSEX", "Nifty 50", "NIFTY 50", "Nifty", "NIFTY", "S&P/ASX 200", "ASX 200",
    "All Ordinaries", "Straits Times Index", "Jakarta Composite Index", "Taiex", "TAIEX",
    "PSEi", "FTSE 100", "FTSE 250", "FTSE MIB", "FTSE All-Share", "DAX", "MDAX", "CAC 40",
    "CAC-40", "IBEX 35", "Ibex 35", "AEX", "Swiss Market Index", "STOXX 600",
    "STOXX Europe 600", "Stoxx 600", "Stoxx Europe 600", "Euro STOXX 50", "Euro Stoxx 50",
    "EURO STOXX 50", "S&P 500", "S&P/TSX composite index", "S&P/TSX Composite Index",
    "Dow Jones Industrial Average", "Dow Jones industrial average",
    "Dow Jones Transportation Average", "Nasdaq Composite", "Nasdaq composite", "Nasdaq 100",
    "Nasdaq-100", "Russell 2000", "Bovespa", "Ibovespa", "Merval", "MSCI World",
    "MSCI Emerging Markets", "Cboe Volatility Index", "VIX", "BIST 100",
    "Philadelphia SE Semiconductor index",
)
#: crude oil grades
CRUDES = ("Brent", "BRENT", "West Texas Intermediate", "WTI", "Urals")
#: words after which a crude grade's name is meant: "Brent crude", "Urals oil"
CRUDE_NEXT = frozenset({"crude", "oil", "futures", "blend", "price", "prices", "benchmark"})
#: index names that are also a body's: a newspaper, a chemical maker, an exchange
AMBIGUOUS_INDEXES = frozenset({"Nikkei", "NIKKEI", "Dow", "DOW", "Nasdaq", "NASDAQ"})
#: names only meant as the market with a market's next word
NEEDS_MARKET_WORD = frozenset({"Urals", "Nifty", "NIFTY"})
#: words after an index's name that say the market is meant: "the Nikkei fell 1%"
MARKET_WORDS = frozenset(
    {
        "share", "stock", "average", "index", "composite", "industrials", "futures", "fell",
        "rose", "gained", "lost", "climbed", "slipped", "dropped", "declined", "advanced",
        "edged", "jumped", "slid", "tumbled", "surged", "rallied", "ended", "closed",
        "finished", "added", "shed", "eased", "firmed", "hit", "touched", "was", "rebounded",
        "sank", "plunged", "soared", "dipped", "opened", "extended", "fall", "rise", "gain",
        "falls", "rises", "gains", "225", "100", "closes", "ends", "hits", "jumps", "slips",
        "climbs", "drops", "tumbles", "surges", "rallies", "sinks", "plunges", "soars", "dips",
        "edges", "extends", "slides", "sheds", "tops", "smashes", "record",
    }
)
#: first words of a storm's name
STORM_WORDS = frozenset({"Hurricane", "Typhoon", "Cyclone", "Storm"})
#: words before a storm word that belong to it: "Tropical Storm", "Super Typhoon"
STORM_MODIFIERS = frozenset({"Tropical", "Super", "Severe", "Post-Tropical", "Extratropical"})
#: capitalised words after a storm word that name no storm ("Storm Shadow" missiles)
NOT_STORMS = frozenset({"Shadow", "Center", "Centre", "Season", "Warning", "Watch"})
#: prefixes of a ship's name: "USS Carney", "HMS Queen Elizabeth"
SHIP_PREFIXES = frozenset({"USS", "HMS", "HMAS", "HMCS", "HMNZS", "USNS", "INS", "MV", "RV"})
#: nouns before a ship's name: "the container ship Dali", "the tanker Grace Ocean"
VESSEL_NOUNS = frozenset(
    {
        "ship", "vessel", "tanker", "freighter", "frigate", "destroyer", "corvette",
        "submarine", "cruiser", "warship", "yacht", "ferry", "bulker", "trawler", "supertanker",
        "icebreaker", "liner", "boat", "dredger", "barge",
    }
)
#: months and weekdays: "Storm Monday" names no storm
CALENDAR = frozenset(
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday",
    }
)


def _cap(tok: Token) -> bool:
    """A word written with a capital (or a figure inside a name: "Nasdaq 100")."""
    return tok.text[:1].isupper() or (tok.text[:1].isdigit() and tok.i > 0)


def _word(tok: Token) -> str:
    """``tok``'s text as running text writes it: "ACT" in a headline is "Act"."""
    return tok.text.title() if tok.is_upper and len(tok.text) > 1 else tok.text


def _law_tail(words: list[Token]) -> bool:
    """Whether ``words`` (two or more) end in a law's word, and are no body's name."""
    if len(words) < 2:
        return False
    last = _word(words[-1])
    if last not in LAW_TAILS:
        return False
    before = _word(words[-2])
    if before in ("of", "for", "and", "Of", "For"):
        return False  # "School of Law", "Office of Financial Regulation"
    if last == "Code" and before not in CODE_KINDS:
        return False  # "Da Vinci Code"
    return not (last in ("Convention", "Conventions") and before in GATHERINGS)


def _law_opener(words: list[Token]) -> bool:
    """ "Treaty of Versailles", "Convention on the Rights of the Child", "European
    Convention on Human Rights": a law's word before "of", "on" or "against"."""
    for k, tok in enumerate(words[:-1]):
        if _word(tok) in LAW_OPENERS and words[k + 1].lower_ in ("of", "on", "against"):
            return k < 3
    return False


#: first token -> (tokens, kind) of the names in ``INDEXES`` and ``CRUDES``, longest first
IndexTable = dict[str, list[tuple[tuple[str, ...], str]]]


def index_table(tokenize: Callable[[str], list[str]]) -> IndexTable:
    """The names of ``INDEXES`` ("MISC"), ``CRUDES`` ("CRUDE") and
    ``AMBIGUOUS_INDEXES`` ("AMBIGUOUS") as the pipeline's tokenizer splits them."""
    table: IndexTable = {}
    for names, kind in ((INDEXES, "MISC"), (CRUDES, "CRUDE"), (AMBIGUOUS_INDEXES, "AMBIGUOUS")):
        for name in {n for written in names for n in (written, written.upper())}:
            words = tuple(tokenize(name))  # and as a headline in capitals writes it
            if (words, kind) not in table.get(words[0], []):
                table.setdefault(words[0], []).append((words, kind))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


def _market_next(doc: Doc, end: int, table: IndexTable) -> bool:
    """Whether the words after ``doc[:end]`` say a market is meant: "fell", "share
    average", or another index after "and" or a comma ("the Dow and the S&P 500")."""
    if end >= len(doc):
        return False
    nxt = doc[end].lower_
    if nxt in MARKET_WORDS:
        return True
    if nxt in ("and", ",", "or"):
        k = end + 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        if k < len(doc):
            return any(kind == "MISC" for _w, kind in table.get(doc[k].text, ()))
    return False


def _index_spans(doc: Doc, ents: list[Span], table: IndexTable) -> list[Span]:
    """Spans of the market indexes and crude grades written in ``doc``, and of the
    model's names ending in "Index" or "Composite" ("Human Development Index")."""
    out = [
        Span(doc, e.start, e.end, label="MISC")
        for e in ents
        if len(e) >= 2 and _word(e[-1]) in ("Index", "Composite") and e.label_ != "PERSON"
    ]
    oil_story: bool | None = None
    i = 0
    while i < len(doc):
        entries = table.get(doc[i].text)
        if entries and oil_story is None:
            oil_story = any(t.lower_ in ("crude", "oil", "barrel", "barrels") for t in doc)
        found = None
        for words, kind in entries or ():
            end = i + len(words)
            if end > len(doc) or tuple(t.text for t in doc[i:end]) != words:
                continue
            if end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
                continue  # "Hang Seng Bank", "Dow Chemical", "Nikkei Asia"
            if (kind == "AMBIGUOUS" or words[0] in NEEDS_MARKET_WORD) and not _market_next(
                doc, end, table
            ):
                continue
            if (
                kind == "CRUDE"
                and words[0] in ("Brent", "BRENT", "Urals", "URALS")
                and not (
                    (end < len(doc) and doc[end].lower_ in CRUDE_NEXT)
                    or (words[0] != "Urals" and oil_story)
                )
            ):
                continue  # "Brent" a given name, the "Urals" mountains
            found = Span(doc, i, end, label="MISC")
            break
        if found is None:
            i += 1
        else:
            out.append(found)
            i = found.end
    return out


def _storm_spans(doc: Doc, common: Container[str]) -> list[Span]:
    """ "Hurricane Katrina", "Tropical Storm Alberto", "Super Typhoon Mangkhut"."""
    out: list[Span] = []
    for tok in doc[:-1]:
        if _word(tok) not in STORM_WORDS:
            continue
        name = doc[tok.i + 1]
        if not (name.is_alpha and name.text[:1].isupper()) or _word(name) in NOT_STORMS:
            continue
        if _word(name) in CALENDAR or _word(name) in STORM_WORDS:
            continue
        low = name.lower_
        if low.endswith("s") and (low[:-1] in common or low[:-2] in common):
            continue  # a headline's verb: "Storm Forces Evacuation", "Typhoon Lashes Coast"
        if tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ in ("missile", "missiles"):
            continue
        start = tok.i
        if start > 0 and _word(doc[start - 1]) in STORM_MODIFIERS:
            start -= 1
        out.append(Span(doc, start, tok.i + 2, label="EVENT"))
    return out


def _ship_spans(doc: Doc, ents: list[Span], known: Container[str]) -> list[Span]:
    """Ships: a prefix and its capitalised words ("USS Gerald R. Ford"), or a name the
    model found right after a vessel's noun ("the container ship Dali")."""
    out: list[Span] = []
    for tok in doc[:-1]:
        if tok.text in SHIP_PREFIXES and doc[tok.i + 1].text[:1].isupper():
            end = tok.i + 1
            while end < len(doc) and (
                _cap(doc[end]) and not doc[end].is_sent_start and not doc[end].is_punct
            ):  # "USS Gerald R. Ford"
                end += 1
            out.append(Span(doc, tok.i, end, label="MISC"))
    for e in ents:
        if e.label_ in ("MISC", "EVENT", "LAW") or e.start < 1:
            continue
        noun = doc[e.start - 1]
        if noun.lower_ not in VESSEL_NOUNS or not noun.is_lower or e.text in known:
            continue
        if e.end < len(doc) and doc[e.end].text in ("'s", "’s", "'", "’"):
            continue  # "the ship Russia's navy seized"
        out.append(Span(doc, e.start, e.end, label="MISC"))
    return out


def _law_spans(
    doc: Doc,
    ents: list[Span],
    *,
    common: Container[str],
    bodies: Container[str],
    known: Container[str],
    named: Container[int],
) -> list[Span]:
    """Laws: the model's names that are a law's, a place's name before a law's word
    ("Paris" + "Agreement"), and capitalised names ending in a law's word the model
    did not find ("the Inflation Reduction Act")."""
    out: list[Span] = []
    for e in ents:
        words = list(e)
        if e.label_ == "PERSON" and _word(words[-1]) in PERSON_TAILS:
            continue  # "John Law"
        for k in range(1, len(words) - 1):
            if e[:k].text in known and _law_tail(words[k:]):
                # "European Union" + "Deforestation Regulation": a known body before it
                out.append(Span(doc, e.start, e.start + k, label="ORG"))
                out.append(Span(doc, e.start + k, e.end, label="LAW"))
                break
        else:
            if any(_word(t) in bodies for t in words):
                continue  # "Center for International Environmental Law"
            if _law_tail(words) or _law_opener(words):
                out.append(Span(doc, e.start, e.end, label="LAW"))
    starts = {e.start for e in out if e.label_ == "LAW"}
    people = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    # the capitalised words ending in a law's word, read back from that word
    for tok in doc:
        if _word(tok) not in LAW_TAILS or tok.i == 0 or not tok.is_title or tok.i in named:
            # in a headline in capitals, only the model's names; a law's word inside a
            # model's name was read with that name above ("John Law", "Hong Kong
            # Convention and Exhibition Centre")
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and not doc[tok.i + 1].is_sent_start:
            continue  # "Harvard Law School": the name goes on
        k = tok.i + 2 if tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("and", "&") else len(doc)
        while k < len(doc) and doc[k].is_title and _word(doc[k]) not in bodies:
            k += 1
        if k < len(doc) and _word(doc[k]) in bodies:
            continue  # "Hong Kong Convention and Exhibition Centre": a body's name goes on
        start = tok.i
        k = tok.i - 1
        while k >= 0 and not doc[k + 1].is_sent_start and k not in people:
            word = doc[k]
            if _cap(word) and not word.is_punct and word.text not in ("The", "THE"):
                start = k
            elif word.text in BACK_JOINERS and k > 0 and _cap(doc[k - 1]) and start == k + 1:
                pass  # "Safety of Rwanda Bill": a joiner between capitalised words
            else:
                break
            k -= 1
        while start < tok.i and doc[start].is_sent_start and doc[start].lower_ in common:
            start += 1  # "Under the Paris Agreement": a sentence's first word
        end = tok.i + 1
        if tok.text in LAW_OPENERS and end + 1 < len(doc) and doc[end].lower_ in ("of", "on"):
            # "European Convention on Human Rights", "Treaty of Rome"
            k, last = end + 1, end - 1
            while k < len(doc) and not doc[k].is_sent_start:
                if doc[k].is_title and doc[k].is_alpha and doc[k].text not in CALENDAR:
                    last = k
                elif doc[k].text not in LAW_JOINERS or (
                    doc[k].text in ("and", "&") and (k + 1 >= len(doc) or not doc[k + 1].is_title)
                ):
                    break  # "Charter of the United Nations and the Convention ..."
                k += 1
            end = max(end, last + 1)
        if start in starts:
            continue
        for e in ents:
            # a body or a country before a name of two or more words is no part of it:
            # "EU" + "Artificial Intelligence Act"; "Paris Agreement" is one name
            if (
                e.start == start
                and e.label_ in ("ORG", "GPE")
                and e.end <= tok.i - 1
                and (e.label_ == "ORG" or e.text in COUNTRYISH)
            ):
                start = e.end
        span_words = list(doc[start : tok.i + 1])
        if any(_word(t) in bodies for t in span_words):
            continue  # "Hong Kong Convention and Exhibition Centre"
        opener = end > tok.i + 1 and tok.text != "Act"  # "Convention on the Rights of ..."
        if not (_law_tail(span_words) or opener):
            continue
        out.append(Span(doc, start, end, label="LAW"))
    return out


#: short names of countries and unions before a law's name: "U.S. Inflation Reduction Act"
COUNTRYISH = frozenset({"U.S.", "US", "UK", "U.K.", "EU", "E.U.", "America", "Britain"})


def misc_spans(
    doc: Doc,
    ents: list[Span],
    *,
    table: IndexTable,
    known: Container[str],
    common: Container[str] = (),
    bodies: Container[str] = (),
) -> list[Span]:
    """``ents`` with the laws (``LAW``), market indexes, crude grades and ships
    (``MISC``) and storms (``EVENT``) of ``doc`` typed as such; they replace the
    entities they overlap. A law's acronym in brackets after it ("Digital Markets Act
    (DMA)") is a law wherever the story names it. ``table``: ``index_table`` for the
    pipeline's tokenizer; ``known``: names of known bodies (never a ship's name);
    ``common``: English words in lower case (a sentence's first word is no law's, a
    headline's verb no storm's name); ``bodies``: last words of bodies' names ("Center",
    "Institute"): a name with one is no law."""
    named = {i for e in ents for i in range(e.start, e.end)}  # tokens of the model's names
    found = _law_spans(doc, ents, common=common, bodies=bodies, known=known, named=named)
    found += _index_spans(doc, ents, table)
    found += [s for s in _storm_spans(doc, common) if not s[-1].is_upper or s[-1].i in named]
    found += _ship_spans(doc, ents, known)
    if not found:
        return ents
    new = filter_spans(found)
    acronyms = {
        doc[s.end + 1].text
        for s in new
        if s.label_ == "LAW"
        and s.end + 2 < len(doc)
        and doc[s.end].text == "("
        and doc[s.end + 2].text == ")"
        and doc[s.end + 1].is_upper
    }
    if acronyms:
        taken = {i for s in new for i in range(s.start, s.end)}
        new += [
            Span(doc, t.i, t.i + 1, label="LAW")
            for t in doc
            if t.text in acronyms
            and t.i not in taken
            and not any(e.start <= t.i < e.end and len(e) > 1 for e in ents)
        ]
    taken = {i for s in new for i in range(s.start, s.end)}
    kept = [e for e in ents if not any(i in taken for i in range(e.start, e.end))]
    return sorted(kept + new, key=lambda s: s.start)
