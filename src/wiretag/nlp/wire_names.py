"""Names in the wire's own furniture: instrument codes, story slugs and credits lines.

Agency copy carries text that no training corpus has and that a ner reads wrongly:

- **Instrument codes.** Reuters writes a Reuters Instrument Code (RIC) in brackets after a
  listed company or an index: "Nvidia Corp (NVDA.O)", "Toyota (7203.T)", "Deutsche Bank
  (DBKGn.DE)", "the S&P 500 (.SPX)", "Brent crude futures (LCOc1)", "the euro <EUR=>"
  (angle brackets in older copy); press releases write "(NYSE: GE)". A code is an
  identifier, not a name: the model took them for a firm, a place or a person ("STAN.L"
  a place, "GAZP.MM" a person). ``code_brackets`` finds them (``code_tokens``: their
  tokens); ``drop_codes`` removes every name over one and cuts a name that runs into the
  bracket. The news tokenizer keeps a code with a market suffix whole (``RIC_TOKEN``:
  "DBKGn.DE" is one token, not three). A code also says what the name before it is:
  ``coded_names`` makes it a company before a share's code ("Leapmotor (9863.HK)", which
  the model took for a person; its other mentions in the story follow) and an index before
  an index's code, and adds a company the model missed there. Before a code the model
  also leaves a firm's "& Co" out of its name ("JPMorgan Chase & Co (JPM.N)");
  ``and_company`` puts it back.
- **Story slugs.** A headline of Reuters copy may open with the story's slug: "UPDATE
  2-Nvidia shares slide", "EXCLUSIVE-Boeing weighs job cuts", "Factbox-Who are the
  candidates", "BREAKINGVIEWS-Unilever's ice cream split". ``slug_tokens`` finds them; the
  model read "Factbox-Who" and "BREAKINGVIEWS-Unilever" as people. ``drop_codes`` takes
  them out of names too.
- **Credits lines.** "(Reporting by Olena Harmash in Kyiv; Editing by Daniel Wallis,
  Timothy Heritage and Sandra Maler)": every name in the lists after "Reporting by",
  "Writing by", "Editing by", "Additional reporting by", "Compiled by" is a person, and
  the name after "in" is a place. The model, reading a list of names, sometimes takes the
  last one for a place ("Timothy Heritage"). ``credit_people`` makes the listed names
  people (not a desk: "Bengaluru Newsroom"), and adds the ones the model missed. Only
  where the credits word opens a credits list (a line, a bracket, after ";" or ","), not
  in running text ("according to reporting by The New York Times").
"""

from __future__ import annotations

import re
from collections.abc import Container

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from wiretag.nlp.sentences import DASHES
from wiretag.nlp.truecase import line_ranges

#: A code with a market suffix, kept one token by the news tokenizer: "NVDA.O", "7203.T",
#: "DBKGn.DE", "VOWG_p.DE", "005930.KS" (two capitals or digits at least, so "Mr.X" is no
#: code).
RIC_TOKEN = r"(?=(?:[a-z_]*[A-Z0-9]){2})[A-Z0-9][A-Za-z0-9_]{1,9}\.[A-Z]{1,3}[a-z]?"
RIC_TOKEN_RE = re.compile(RIC_TOKEN)
#: Every kind of code: a market suffix; an index's (".SPX", ".N225"); a currency's or a
#: rate's ("EUR=", "JPY=EBS", "US10YT=RR"); a continuous future's ("LCOc1", "CLc1").
CODE_RE = re.compile(
    rf"(?:{RIC_TOKEN}|\.[A-Z0-9][A-Za-z0-9]{{1,9}}|[A-Z0-9]{{2,9}}=[A-Z]{{0,4}}"
    r"|[A-Z]{1,4}c\d{1,2})"
)
#: Exchanges before a ticker in press-release style: "(NYSE: GE)", "(Nasdaq: AAPL)".
EXCHANGES = frozenset(
    {
        "NYSE",
        "NASDAQ",
        "Nasdaq",
        "TSX",
        "TSXV",
        "LSE",
        "ASX",
        "AMEX",
        "OTC",
        "OTCQX",
        "HKEX",
        "SGX",
        "JSE",
        "NSE",
        "BSE",
        "TASE",
        "Euronext",
        "XETRA",
        "Xetra",
        "TYO",
    }
)
TICKER_RE = re.compile(r"[A-Z0-9][A-Z0-9.\-]{0,9}")
OPEN_CLOSE = {"(": ")", "<": ">"}

#: words before "by" that open a credits list
CREDIT_WORDS = frozenset(
    {
        "reporting",
        "writing",
        "editing",
        "compiled",
        "compiling",
        "graphics",
    }
)
#: a credited name that is a desk, not a person
DESK_WORDS = frozenset(
    {
        "Newsroom",
        "Desk",
        "Bureau",
        "Staff",
        "Team",
        "Service",
        "Reuters",
        "Graphics",
        "Breakingviews",
        "TV",
        "Television",
        "Polling",
        "Unit",
        "AP",
        "AFP",
        "Agencies",
        "News",
        "Times",
        "Post",
        "Journal",
        "Press",
        "Agency",
    }
)
#: words after which a credited name is a place or a desk: "in Kyiv", "for Reuters"
AWAY_WORDS = frozenset({"in", "from", "at", "for", "of", "with", "via", "on"})
#: Reuters story slugs that open a headline before a dash ("UPDATE 2-", "RPT-INSIGHT-")
STORY_SLUGS = frozenset(
    {
        "update",
        "exclusive",
        "wrapup",
        "factbox",
        "breakingviews",
        "analysis",
        "insight",
        "rpt",
        "refile",
        "corrected",
        "correction",
        "explainer",
        "timeline",
        "interview",
        "poll",
        "column",
        "feature",
        "preview",
        "brief",
        "instant view",
        "global markets",
        "forex",
        "precious",
        "metals",
        "grains",
        "softs",
        "oil",
        "urgent",
        "flash",
        "q&a",
        "graphic",
        "view",
        "live",
        "sources",
        "emerging markets",
        "reuters poll",
    }
)
#: what ends a slug: a dash (``wiretag.nlp.sentences.DASHES``) or a colon
SLUG_ENDS = DASHES | {":"}


def slug_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens of the story slugs that open lines: "UPDATE 2-",
    "EXCLUSIVE-", "RPT-INSIGHT-", "GLOBAL MARKETS-", with their numbers and dashes."""
    out: set[int] = set()
    for lo, hi in line_ranges(doc):
        i = lo
        while i < hi:
            j, words = i, []
            while j < hi and j - i < 2 and doc[j].is_alpha:
                words.append(doc[j].lower_)
                j += 1
                if " ".join(words) in STORY_SLUGS:
                    break
            if " ".join(words) not in STORY_SLUGS:
                break
            if j < hi and doc[j].like_num:
                j += 1
            if j >= hi or doc[j].text not in SLUG_ENDS or doc[j].whitespace_:
                break  # "Update on the talks", "Oil - prices rise" (a sports slug's shape)
            out.update(range(i, j + 1))
            i = j + 1
    return out


def _is_code(tok: Token) -> bool:
    return CODE_RE.fullmatch(tok.text) is not None


def code_brackets(doc: Doc) -> list[tuple[int, int, str]]:
    """(open, close, kind) of every bracketed instrument code: "(NVDA.O)", "<MSFT.O>",
    "(.SPX)", "(7203.T, 7201.T)", "(NYSE: GE)". ``kind``: "listed" (a share's code: the
    name before it is a listed company), "index" (".SPX": the name before it is an
    index) or "other" (a currency's, a future's)."""
    out: list[tuple[int, int, str]] = []
    n = len(doc)
    for i, tok in enumerate(doc):
        close = OPEN_CLOSE.get(tok.text)
        if close is None:
            continue
        j, kinds, ok = i + 1, set(), True
        while j < n and doc[j].text != close and j - i <= 8:
            t = doc[j]
            if t.text in (",", ";", "/", "and") or (
                t.text == ":" and j > i + 1 and doc[j - 1].text in EXCHANGES
            ):
                pass
            elif _is_code(t):
                kinds.add(
                    "listed"
                    if RIC_TOKEN_RE.fullmatch(t.text)
                    else "index"
                    if t.text.startswith(".")
                    else "other"
                )
            elif t.text in EXCHANGES and j + 1 < n and doc[j + 1].text == ":":
                pass
            elif j > i + 1 and doc[j - 1].text == ":" and TICKER_RE.fullmatch(t.text):
                kinds.add("listed")  # "(NYSE: GE)"
            else:
                ok = False
                break
            j += 1
        if ok and kinds and j < n and doc[j].text == close:
            out.append((i, j, kinds.pop() if len(kinds) == 1 else "other"))
    return out


def code_tokens(doc: Doc, brackets: list[tuple[int, int, str]] | None = None) -> set[int]:
    """Indices of the tokens of every bracketed instrument code, brackets included."""
    found = code_brackets(doc) if brackets is None else brackets
    return {i for lo, hi, _ in found for i in range(lo, hi + 1)}


#: what the name before a code is, by the code's kind
CODED_LABELS = {"listed": "ORG", "index": "MISC"}


def _name_before(doc: Doc, i: int) -> int:
    """End of the name before the bracket at ``i``: "Ivanhoe Mines' (IVN.TO)" and
    "Alibaba's (9988.HK)" end before the possessive."""
    end = i
    if end > 0 and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return end


def _acronym(doc: Doc, i: int) -> bool:
    """``doc[i]`` is an acronym among words in lower case, not a word of a line in
    capitals."""
    tok = doc[i]
    return (
        tok.is_upper
        and tok.is_alpha
        and not (i > 0 and doc[i - 1].is_upper and doc[i - 1].is_alpha)
        and not (i + 1 < len(doc) and doc[i + 1].is_upper and doc[i + 1].is_alpha)
    )


def _words(span: Span) -> tuple[str, ...]:
    return tuple(t.text for t in span)


def coded_names(doc: Doc, ents: list[Span], brackets: list[tuple[int, int, str]]) -> list[Span]:
    """``ents`` with the name before a share's code a company ("Leapmotor (9863.HK)",
    which the model took for a person) and the name before an index's code an index; a
    company the model missed before its code is added ("Kesar Foods (KSR.NS)": its run
    of capitalised words). Other names of the story written the same way are the same
    company ("Leapmotor delivered a record")."""
    if not brackets:
        return ents
    labels: dict[int, str] = {}
    for lo, _hi, kind in brackets:
        if kind in CODED_LABELS:
            labels[_name_before(doc, lo)] = CODED_LABELS[kind]
    out: list[Span] = []
    firms: set[tuple[str, ...]] = set()
    taken = {i for e in ents for i in range(e.start, e.end)}
    for e in ents:
        label = labels.pop(e.end, None)
        if label is not None and e.label_ != label and e.label_ not in ("LAW", "EVENT"):
            e = Span(doc, e.start, e.end, label=label)
        if label == "ORG":
            firms.add(_words(e))
        out.append(e)
    for end, label in labels.items():
        start = end
        while start > 0 and start - 1 not in taken and doc[start - 1].is_title:
            start -= 1
        if start == end and end > 0 and end - 1 not in taken and _acronym(doc, end - 1):
            start -= 1  # "BHP (BHP.AX)"; not a line in capitals
        while start < end and doc[start].is_stop:
            start += 1  # "The" opening a sentence
        if label == "ORG" and start < end:
            out.append(Span(doc, start, end, label="ORG"))
            firms.add(_words(doc[start:end]))
    if not firms:
        return out
    out = [
        Span(doc, e.start, e.end, label="ORG")
        if _words(e) in firms and e.label_ in ("PERSON", "GPE", "LOC", "FAC", "NORP")
        else e
        for e in out
    ]
    return sorted(filter_spans(out + _same_names(doc, out, firms)), key=lambda s: s.start)


def _same_names(doc: Doc, ents: list[Span], firms: set[tuple[str, ...]]) -> list[Span]:
    """Uncovered mentions of ``firms`` written the same way, not inside a longer run of
    capitalised words: "Xpeng said" after "Xpeng (9868.HK)"."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in firms:
        by_first.setdefault(words[0], []).append(words)
    out = []
    n = len(doc)
    for tok in doc:
        for words in by_first.get(tok.text, ()):
            end = tok.i + len(words)
            if end > n or any(i in taken for i in range(tok.i, end)):
                continue
            if _words(doc[tok.i : end]) != words:
                continue
            if (tok.i > 0 and doc[tok.i - 1].is_title and not doc[tok.i].is_sent_start) or (
                end < n and doc[end].is_title
            ):
                continue  # part of another name
            out.append(Span(doc, tok.i, end, label="ORG"))
            taken.update(range(tok.i, end))
    return out


def drop_codes(doc: Doc, ents: list[Span], codes: set[int]) -> list[Span]:
    """``ents`` without the names over instrument codes or story slugs (``codes``); a
    name that runs into a code's bracket ends before it, one that runs on from a slug
    starts after it ("BREAKINGVIEWS-Unilever")."""
    if not codes:
        return ents
    out = []
    for e in ents:
        if not any(i in codes for i in range(e.start, e.end)):
            out.append(e)
            continue
        start, end = e.start, e.start
        if start in codes:
            while start < e.end and start in codes:
                start += 1
            end = start
        while end < e.end and end not in codes:
            end += 1
        if end > start and doc[start:end].text.strip():
            if start > e.start and end - start == 1 and doc[start].is_stop:
                continue  # "Factbox-Who are the candidates": no name left
            out.append(Span(doc, start, end, label=e.label_))
    return out


#: what follows "&" at the end of a firm's name: "JPMorgan Chase & Co", "Rothschild & Co"
AND_CO = frozenset({"Co", "Co.", "Cie", "Cie.", "Company", "Sons", "Partners"})


def and_company(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with a firm's "& Co" the model left out, as it does before a code:
    "JPMorgan Chase & Co (JPM.N)"."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for e in ents:
        end = e.end
        if (
            e.label_ == "ORG"
            and end + 1 < len(doc)
            and doc[end].text == "&"
            and doc[end + 1].text in AND_CO
            and not taken.intersection((end, end + 1))
        ):
            e = Span(doc, e.start, end + 2, label="ORG")
        out.append(e)
    return out


def _name_word(tok: Token, particles: Container[str]) -> bool:
    """A word of a person's name in a credits list: "Rosalba O'Brien", "Jan van der
    Berg" (``particles``: "van", "der", "al", ...)."""
    text = tok.text
    return (text[:1].isupper() and any(c.islower() for c in text)) or tok.lower_ in particles


def _opens_credits(doc: Doc, k: int) -> bool:
    """``doc[k]`` is a credits word opening a credits list: at a line's start, after a
    bracket, a semicolon or a comma ("(Reporting by", "; Editing by", "Reuters
    reporting, editing by"), after "Additional" or "and" ("Reporting and writing by").
    Not in running text: "according to reporting by The New York Times"."""
    if doc[k].lower_ not in CREDIT_WORDS:
        return False
    j = k - 1
    while j >= 0 and doc[j].lower_ in ("additional", "and", "writing", "reporting"):
        j -= 1
    return j < 0 or doc[j].text in ("(", ";", ",") or "\n" in doc[j].text_with_ws


def _credit_runs(doc: Doc, particles: Container[str]) -> list[tuple[int, int]]:
    """(start, end) of each name in a credits list: after "by", ",", "and", up to ";",
    ")", a line's end, "in" (what follows "in" is a place, up to the next "," or
    "and")."""
    runs: list[tuple[int, int]] = []
    n = len(doc)
    for i, tok in enumerate(doc):
        if tok.lower_ != "by" or i == 0 or not _opens_credits(doc, i - 1):
            continue
        j, person, start = i + 1, True, -1
        while j <= n:
            t = doc[j] if j < n else None
            if (
                t is not None
                and person
                and _name_word(t, particles)
                and not (start < 0 and t.lower_ in particles)
            ):
                start = j if start < 0 else start
                j += 1
                continue
            if start >= 0:
                runs.append((start, j))
                start = -1
            if t is None or t.text in (";", ")", ".") or t.is_space:
                break
            low = t.lower_
            if low in AWAY_WORDS:
                person = False
            elif low in (",", "and", "&"):
                person = True
            elif not _name_word(t, particles):
                break  # not a list of names any more: "Reporting by our staff"
            j += 1
    return runs


def credit_people(doc: Doc, ents: list[Span], *, particles: Container[str]) -> list[Span]:
    """``ents`` with every name of a credits list a person (see the module docstring);
    ``particles``: the lower-case words inside people's names ("van", "al")."""
    runs = _credit_runs(doc, particles)
    if not runs:
        return ents
    people = []
    for start, end in runs:
        while end > start and doc[end - 1].lower_ in particles:
            end -= 1
        words = [t.text for t in doc[start:end]]
        if end - start < 2 and not any(
            e.start == start and e.end == end and e.label_ == "PERSON" for e in ents
        ):
            continue  # one word: a person only where the model said so
        if any(w in DESK_WORDS for w in words):
            continue
        people.append(Span(doc, start, end, label="PERSON"))
    taken = {i for p in people for i in range(p.start, p.end)}
    kept = [e for e in ents if not any(i in taken for i in range(e.start, e.end))]
    return filter_spans(kept + people)
