"""The wire parser: dateline, credits, boilerplate, trailing tags and headline of a story.

Agencies wrap a story in a fixed furniture of lines that are not part of the report itself:
a dateline opening the lede (``MOSCOW, Nov 21 (Reuters) -``), credits at the foot
(``Reporting by A; Editing by B``), trust and sign-up lines, copyright notices and, in
Reuters copy, a line of topic codes (``Gn En world``). ``parse_wire`` separates that
furniture from the story and reports it, so that every later stage reads only the report.

The returned ``text`` keeps the story exactly as written (dateline included): only whole
furniture lines (or a trailing parenthesised credits block) are cut out, because every
offset downstream is an offset into this text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date

from wiretag.document import Boilerplate, Credit, Dateline, DatePrecision
from wiretag.lexicon import countries

__all__ = [
    "WireParse",
    "byline_credits",
    "find_dateline",
    "normalize_text",
    "parse_byline",
    "parse_credits",
    "parse_wire",
]


@dataclass
class WireParse:
    text: str
    headline: str | None = None
    dateline: Dateline | None = None
    credits: list[Credit] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    agency: str | None = None


# --------------------------------------------------------------------------- normalising


def normalize_text(raw: str) -> str:
    """Line endings to LF; byte-order marks and NUL characters dropped; nothing else."""
    return raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\x00", "")


# --------------------------------------------------------------------------- agencies

#: lower-cased spelling -> the name we report. Datelines spell agencies many ways.
_AGENCY_NAMES: dict[str, str] = {
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "prnewswire": "PRNewswire",
    "pr newswire": "PRNewswire",
    "globe newswire": "GlobeNewswire",
    "globenewswire": "GlobeNewswire",
    "business wire": "Business Wire",
    "businesswire": "Business Wire",
    "accesswire": "ACCESSWIRE",
    "cnw": "CNW",
    "xinhua": "Xinhua",
    "upi": "UPI",
    "dpa": "dpa",
    "cnn": "CNN",
    "bloomberg": "Bloomberg",
    "ani": "ANI",
    "pti": "PTI",
    "ians": "IANS",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "yonhap": "Yonhap",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "anadolu": "Anadolu",
    "aa": "Anadolu",
    "efe": "EFE",
    "ansa": "ANSA",
    "aap": "AAP",
    "cp": "The Canadian Press",
    "the canadian press": "The Canadian Press",
    "bernama": "Bernama",
    "irna": "IRNA",
    "wafa": "WAFA",
    "jiji": "Jiji",
    "belga": "Belga",
    "anp": "ANP",
    "pa": "PA",
    "pa media": "PA",
    "nan": "NAN",
    "apa": "APA",
    "sapa": "SAPA",
    "ukrinform": "Ukrinform",
    "rtrs": "Reuters",
}


def normalize_agency(name: str) -> str:
    """The reported name of an agency as a dateline or credit spells it."""
    clean = " ".join(name.strip().strip("/").split())
    key = clean.lower()
    if key in _AGENCY_NAMES:
        return _AGENCY_NAMES[key]
    # Release wires add a channel after a hyphen: /PRNewswire-FirstCall/
    head = key.split("-", 1)[0].strip()
    if head in _AGENCY_NAMES:
        return _AGENCY_NAMES[head]
    return clean


def _known_agency(name: str) -> bool:
    """A news agency by name ("Reuters", "dpa", "PRNewswire-FirstCall")."""
    key = " ".join(name.split()).lower()
    return key in _AGENCY_NAMES or key.split("-", 1)[0] in _AGENCY_NAMES


def _looks_like_agency(name: str) -> bool:
    """A parenthesised dateline credit: a known agency, or a short capitalised name."""
    clean = " ".join(name.split())
    if clean.lower() in _AGENCY_NAMES or clean.lower().split("-", 1)[0] in _AGENCY_NAMES:
        return True
    words = clean.split()
    return (
        0 < len(words) <= 4
        and all(w[:1].isupper() for w in words if w.lower() not in ("of", "the", "and"))
        and not any(ch.isdigit() for ch in clean)
    )


# --------------------------------------------------------------------------- dates

_MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

_MONTH_RE = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
# "Nov 21", "Nov. 21, 2023", "November 21 2023"
_DATE_MDY = re.compile(
    rf",?[ \t]*(?P<month>{_MONTH_RE})[ \t]+(?P<day>[0-3]?\d)\b"
    r"(?:(?:,[ \t]*|[ \t]+)(?P<year>(?:19|20)\d\d)\b)?"
)
# AFP and European papers: "21 Nov", "21 November 2023"
_DATE_DMY = re.compile(
    rf",?[ \t]*(?P<day>[0-3]?\d)[ \t]+(?P<month>{_MONTH_RE})(?:,?[ \t]+(?P<year>(?:19|20)\d\d)\b)?"
)
# "March 2024" (month precision)
_DATE_MY = re.compile(rf",?[ \t]*(?P<month>{_MONTH_RE})[ \t]+(?P<year>(?:19|20)\d\d)\b")
_DATE_ISO = re.compile(r",?[ \t]*(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
# Some papers put the weekday in the dateline ("NEW YORK, Tuesday -"); it carries no date.
_DATE_WEEKDAY = re.compile(
    r",?[ \t]*(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)

_DAY_NAMES = r"(?P<day>(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
_WEEKDAY_IN_TEXT = re.compile(rf"\b{_DAY_NAMES}\b")
_REPORT_VERBS = (r"(?:said|says|told|announced|reported|added|warned|stated|confirmed|"
                 r"declared|denied|insisted|urged|called|wrote|tweeted|posted)")
_WEEKDAY_AFTER_VERB = re.compile(
    rf"\b{_REPORT_VERBS}\s+(?:\w+\s+)?(?:on\s+)?{_DAY_NAMES}\b(?!\s+(?:night|evening))"
)
_WEEKDAY_BEFORE_VERB = re.compile(rf"\bon\s+{_DAY_NAMES}\s+{_REPORT_VERBS}\b")


def _weekday_of_report(text: str) -> re.Match[str] | None:
    found = [m for m in (_WEEKDAY_AFTER_VERB.search(text), _WEEKDAY_BEFORE_VERB.search(text))
             if m is not None]
    return min(found, key=lambda m: m.start()) if found else None
_YEAR_IN_TEXT = re.compile(r"(?<![\d,.])\b((?:19|20)\d\d)\b(?![\d,]\d)")
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def _parse_iso_date(value: str | None) -> date | None:
    if not value:
        return None
    m = _ISO_PREFIX.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(
    month: int, day: int, text: str, *, lede: str, today: date
) -> int | None:
    """The year of a dateline that names only month and day, or None.

    Reuters datelines omit the year; the lede names the weekday of the news day ("said on
    Tuesday"), which fixes the year within the 28-year calendar cycle. We take the latest
    year in which that day fell on that weekday which is not in the future and not earlier
    than any (past) year the story itself mentions ("in February 2022"). Without a weekday
    nothing supports a year, and we return None rather than guess.
    """
    # "said on Tuesday" names the news day; "a strike on Monday night" may be the day before
    match = (_weekday_of_report(lede) or _WEEKDAY_IN_TEXT.search(lede)
             or _weekday_of_report(text) or _WEEKDAY_IN_TEXT.search(text))
    if match is None:
        return None
    weekday = _WEEKDAYS[match.group("day").lower()]
    # Years later than today are plans ("net zero by 2050"), not evidence of when it was written.
    mentioned = [int(y) for y in _YEAR_IN_TEXT.findall(text) if int(y) <= today.year]
    floor = max(mentioned, default=today.year - 60)
    for year in range(today.year, floor - 1, -1):
        candidate = _valid_date(year, month, day)
        if candidate is not None and candidate <= today and candidate.weekday() == weekday:
            return year
    return None


def _year_from_published(month: int, published: date) -> int:
    """The dateline's year given the publication date: its year, moved across New Year
    when a December dateline is published in January (or the reverse)."""
    if month == 12 and published.month == 1:
        return published.year - 1
    if month == 1 and published.month == 12:
        return published.year + 1
    return published.year


# --------------------------------------------------------------------------- datelines

# An upper-case place: "MOSCOW", "NEW YORK", "ST. PETERSBURG", "PORT-AU-PRINCE",
# "RIO DE JANEIRO", "N'DJAMENA". Hyphens only between letters so "BEIJING-" stops before it.
_UPPER_WORD = r"[A-Z][A-Z'’.]*(?:-(?:[A-Z][A-Z'’.]*|au|de|la|en|sur))*"
_PARTICLE = r"(?:de|da|do|del|dos|la|le|of|al|el|es|sur|am|upon|on)"
_UPPER_PLACE = re.compile(rf"{_UPPER_WORD}(?:[ ](?:{_PARTICLE}[ ])?{_UPPER_WORD}){{0,4}}")
# A title-case place, accepted only before an agency credit: "Berlin (dpa) -".
_TITLE_WORD = r"[A-Z][^\W\d_]+(?:[-'’][A-Za-z][^\W\d_]*)*\.?"
_TITLE_PLACE = re.compile(rf"{_TITLE_WORD}(?:[ ](?:{_PARTICLE}[ ])?{_TITLE_WORD}){{0,3}}")
# A place in copy that has lost its case ("moscow, nov 21 (reuters) -"), accepted only
# before a known agency's credit.
_LOWER_WORD = r"[a-z][a-z'’.]*(?:-[a-z][a-z'’.]*)*"
_LOWER_PLACE = re.compile(rf"{_LOWER_WORD}(?:[ ]{_LOWER_WORD}){{0,3}}(?=[ \t]*[,(])")
# ", Ukraine", ", Ill.", ", D.C.", ", Calif." after the place
_REGION = re.compile(
    r",[ \t]*(?P<region>(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][^\W\d_]*\.?)(?:[ ][A-Z][^\W\d_]*\.?){0,3})"
)
# ", ukraine", ", calif." in copy that has lost its case
_REGION_LOWER = re.compile(
    r",[ \t]*(?P<region>(?:[a-z]\.(?:[a-z]\.)+|[a-z][^\W\d_A-Z]*\.?)"
    r"(?:[ ][a-z][^\W\d_A-Z]*\.?){0,3})(?=[ \t]*[,(])"
)
_AGENCY_PAREN = re.compile(r"[ \t]*\((?P<agency>[^()\n\d]{2,40})\)")
_AGENCY_SLASH = re.compile(r"[ \t]*/(?P<agency>[A-Za-z][A-Za-z .&\-]{1,40})/")
# Business Wire: "NEW YORK--(BUSINESS WIRE)--"
_AGENCY_DASHED = re.compile(r"[ \t]*-{2}[ \t]*\((?P<agency>[^()\n\d]{2,40})\)")
_SEP_DASH = re.compile(r"[ \t]*(?:-{2,3}|[–—‒―])[ \t]*|[ \t]+-[ \t]+|[ \t]*-[ \t]+")
_SEP_HYPHEN_TIGHT = re.compile(r"-(?=\S)")
_SEP_COLON = re.compile(r":[ \t]+")

_LOWER_PARTICLES = {"de", "da", "do", "del", "dos", "la", "le", "of", "al", "el", "es", "sur",
                    "am", "upon", "on", "au", "en", "the"}


def title_place(place: str) -> str:
    """An upper-case dateline place in title case: "NEW YORK" -> "New York"."""

    def word(w: str, first: bool) -> str:
        parts = re.split(r"(-)", w)
        out = []
        for i, part in enumerate(parts):
            low = part.lower()
            if part == "-":
                out.append(part)
            elif low in _LOWER_PARTICLES and not (first and i == 0):
                out.append(low)
            elif re.fullmatch(r"(?:[A-Z]\.)+", part):  # "D.C." stays as written
                out.append(part)
            elif low.startswith("mc") and len(low) > 2:
                out.append("Mc" + low[2:].capitalize())
            else:
                # capitalise after apostrophes too: N'DJAMENA -> N'Djamena
                out.append(re.sub(r"(^|['’])(\w)", lambda m: m.group(1) + m.group(2).upper(),
                                  low))
        return "".join(out)

    if not any(ch.islower() for ch in place):
        return " ".join(word(w, i == 0) for i, w in enumerate(place.split()))
    return place


@dataclass
class _DatelineMatch:
    start: int
    end: int
    place: str | None
    agency: str | None
    month: int | None
    day: int | None
    year: int | None
    region: str | None = None


def _match_dateline(text: str) -> _DatelineMatch | None:
    """Recognise a dateline at the start of ``text`` (leading whitespace allowed)."""
    pos = len(text) - len(text.lstrip())
    start = pos
    place: str | None = None
    title_case = lower_case = False
    m = _UPPER_PLACE.match(text, pos)
    if m and sum(ch.isalpha() for ch in m.group()) >= 2 and _is_upper_place(m.group()):
        place = m.group()
        pos = m.end()
    else:
        m = _TITLE_PLACE.match(text, pos)
        if m:
            place, title_case, pos = m.group().rstrip("."), True, m.end()
        else:
            m = _LOWER_PLACE.match(text, pos)
            if m and _lower_place_words(m.group()):
                place, lower_case, pos = m.group(), True, m.end()
                if not re.search(r"(?:\b[a-z]\.){2,}$", place):  # "d.c." keeps its stop
                    place = place.rstrip(".")
    month = day = year = None
    region_seen = False
    region: str | None = None
    if place is not None:
        # ", Ukraine" — but not when that word is the date (", Nov. 21") or a weekday.
        r = (_REGION_LOWER if lower_case else _REGION).match(text, pos)
        if r and not _is_date_word(r.group("region")):
            region_seen = True
            region = r.group("region").strip()
            if lower_case:
                region = title_place(region.upper())
            pos = r.end()
        for pattern in (_DATE_MDY, _DATE_DMY, _DATE_MY, _DATE_ISO):
            d = pattern.match(text, pos)
            if d:
                groups = d.groupdict()
                month_raw = groups["month"]
                month = int(month_raw) if month_raw.isdigit() else _MONTHS[
                    month_raw.rstrip(".").lower()
                ]
                day = int(groups["day"]) if groups.get("day") else None
                year = int(groups["year"]) if groups.get("year") else None
                if day is not None and _valid_date(year or 2000, month, day) is None:
                    month = day = year = None
                    continue
                pos = d.end()
                break
        else:
            w = _DATE_WEEKDAY.match(text, pos)
            if w:
                pos = w.end()
    dated_end = pos
    agency: str | None = None
    for pattern in (_AGENCY_DASHED, _AGENCY_PAREN, _AGENCY_SLASH):
        a = pattern.match(text, pos)
        if a and _looks_like_agency(a.group("agency")):
            agency = normalize_agency(a.group("agency"))
            pos = a.end()
            break
    if place is None and agency is None:
        return None
    if title_case and agency is None:
        return None
    if lower_case and (agency is None or not _known_agency(agency)):
        return None
    end = pos if agency is not None else dated_end
    sep = _SEP_DASH.match(text, end) or _SEP_COLON.match(text, end)
    if sep is None and agency is not None:
        sep = _SEP_HYPHEN_TIGHT.match(text, end)
    if sep is None:
        # "MOSCOW (Reuters) Russia said ..." without the dash still opens with a credit;
        # "BONN 1996-08-24" alone on its line is a dateline too (the lede follows)
        dated_line = month is not None and not text[end:].split("\n", 1)[0].strip()
        if not dated_line and (agency is None or not text[end:end + 1].isspace()):
            return None
    elif sep.group().strip() == ":" and (agency is not None or month is not None or region_seen):
        # colon datelines ("NEW DELHI: ") are a bare upper-case place only
        return None
    if sep is not None and sep.end() >= len(text):
        return None
    if place is not None and not title_case and agency is None and month is None:
        # A bare "BEIJING — " must be followed by the lede, not end the line, and not by
        # the rest of a headline in capitals ("SOCCER - LEEDS HOLD NEWCASTLE.": a slug)
        nxt = text[sep.end():sep.end() + 1] if sep is not None else ""
        if not nxt or nxt == "\n":
            return None
        if sep is not None and _mostly_upper(text[sep.end():].split("\n", 1)[0]):
            return None
    return _DatelineMatch(
        start=start,
        end=end,
        place=(title_place(place.upper()) if place and lower_case
               else title_place(place) if place and not title_case else place),
        agency=agency,
        month=month,
        day=day,
        year=year,
        region=title_place(region) if region and _is_upper_place(region) else region,
    )


#: words that open no lower-case dateline place ("said on monday (reuters)")
_NOT_PLACE_WORDS = frozenset({"said", "says", "the", "a", "an", "on", "in", "at", "by", "and",
                              "from", "to", "for", "with", "update", "updated", "exclusive",
                              "analysis", "factbox", "breakingviews", "corrected"})


def _lower_place_words(candidate: str) -> bool:
    """A lower-case dateline place: no weekday, month or sentence word, no particle first."""
    words = candidate.rstrip(".").split()
    if not words or words[0] in _LOWER_PARTICLES:
        return False
    return not any(
        w in _NOT_PLACE_WORDS or w.rstrip(".") in _MONTHS or w in _WEEKDAYS
        for w in words
    )


def _is_upper_place(candidate: str) -> bool:
    letters = [ch for ch in candidate if ch.isalpha()]
    upper = [ch for ch in letters if ch.isupper()]
    return len(upper) >= 2 and len(upper) >= len(letters) * 0.7


def _mostly_upper(line: str) -> bool:
    """A line written in capitals (a wire headline): two words or more, 70% of its
    letters upper case."""
    letters = [ch for ch in line if ch.isalpha()]
    return (
        len(line.split()) >= 2
        and bool(letters)
        and sum(ch.isupper() for ch in letters) >= 0.7 * len(letters)
    )


def _is_date_word(word: str) -> bool:
    first = word.split()[0].rstrip(".").lower()
    return first in _MONTHS or first in _WEEKDAYS


#: how many short lines (web furniture: "3 minute read", a timestamp) may precede the dateline
_HEAD_LINES = 4
_HEAD_LINE_MAX = 100


def _head_starts(text: str) -> list[int]:
    """Offsets where a dateline may start: the first line, then the next few lines while
    every line before them is short and unpunctuated (headings, not paragraphs)."""
    starts = [0]
    pos = 0
    for _ in range(_HEAD_LINES):
        nl = text.find("\n", pos)
        if nl == -1:
            break
        line = text[pos:nl].strip()
        if len(line) > _HEAD_LINE_MAX or (
            line and line[-1] in '.!?"”' and not _mostly_upper(line)
        ):
            break  # a paragraph; a headline in capitals may end with a full stop
        pos = nl + 1
        starts.append(pos)
    return starts


def find_dateline(
    text: str, *, published: str | None = None, today: date | None = None
) -> Dateline | None:
    """The dateline opening ``text`` (or a paragraph after its headings), with its date
    resolved (or inferred) where possible."""
    m = None
    for start in _head_starts(text):
        m = _match_dateline(text[start:])
        if m is not None:
            m.start += start
            m.end += start
            break
    if m is None:
        return None
    the_date: str | None = None
    precision: DatePrecision | None = None
    inferred = False
    if m.month is not None:
        year = m.year
        if year is None:
            pub = _parse_iso_date(published)
            if pub is not None:
                year = _year_from_published(m.month, pub)
            elif m.day is not None:
                lede = text[m.start:].split("\n", 1)[0]
                year = infer_year(m.month, m.day, text, lede=lede, today=today or date.today())
            inferred = year is not None
        if year is not None:
            if m.day is not None:
                the_date = f"{year:04d}-{m.month:02d}-{m.day:02d}"
                precision = "day"
            else:
                the_date = f"{year:04d}-{m.month:02d}"
                precision = "month"
    return Dateline(
        text=text[m.start:m.end],
        start=m.start,
        end=m.end,
        place=m.place,
        agency=m.agency,
        date=the_date,
        date_precision=precision,
        year_inferred=inferred,
        region=m.region,
    )


# --------------------------------------------------------------------------- credits

#: the words before "by" in a credit, and the role we report for them
_ROLES: dict[str, str] = {
    "additional reporting": "additional reporting",
    "additional writing": "additional writing",
    "additional editing": "additional editing",
    "reporting": "reporting",
    "reported": "reporting",
    "editing": "editing",
    "edited": "editing",
    "writing": "writing",
    "written": "writing",
    "compiled": "compiling",
    "compiling": "compiling",
    "graphics": "graphics",
    "graphic": "graphics",
    "photos": "photography",
    "photo": "photography",
    "photography": "photography",
    "video": "video",
    "research": "research",
    "fact-checking": "fact-checking",
    "translated": "translation",
    "translation": "translation",
    "translating": "translation",
    "produced": "production",
    "production": "production",
    "design": "design",
    "data": "data",
    "sub-editing": "editing",
    "story by": "writing",
}
_ROLE_ALTERNATION = "|".join(
    sorted((re.escape(r) for r in _ROLES if not r.endswith(" by")), key=len, reverse=True)
)
_ROLE_MARK = re.compile(rf"(?i)(?:^|(?<=[\s;,(/]))(?P<role>{_ROLE_ALTERNATION})\s+by\b\s*")
#: "Reuters reporting", "Reuters reporting and writing": a credit naming no person
_AGENCY_ROLE = re.compile(
    r"(?i)^(?P<agency>[A-Z][\w.]*(?: [A-Z][\w.]*)?)\s+(?:reporting|writing|editing)"
    r"(?:\s+and\s+(?:reporting|writing|editing))?\s*[,;]?\s*"
)
_CONTRIBUTED = re.compile(
    r"(?i)^(?:the\s+)?(?:associated press|ap|afp|reuters)(?:'s)?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:writers?|reporters?|"
    r"correspondents?|journalists?|staff writers?|videojournalists?)\s+(?P<names>.+?)\s+"
    r"contributed(?:\s+to\s+this\s+(?:report|story)|\s+reporting)?(?:\s+from\s+[^.]+)?\.?$"
)
_CONTRIBUTING = re.compile(r"(?i)^contributing(?:\s+reporting)?\s*:\s*(?P<names>.+?)\.?$")
_TRAILING_CREDITS = re.compile(
    rf"[ \t]*\((?P<body>(?i:{_ROLE_ALTERNATION})\s+by\b[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)[ \t]*$"
)
_NAME_PARTICLES = {"de", "van", "von", "da", "del", "der", "den", "bin", "al", "la", "le", "el",
                   "dos", "das", "di", "du", "ter", "ten", "y", "e", "st.", "ben", "abu", "ibn",
                   "mc", "mac"}
#: words that end a name when a place follows ("A in Kyiv", "B from Moscow")
_LOCATIVE = re.compile(r"\s+(?:in|from|at|and in|for)\s+[A-Z][^,;]*$")
_LOCATIVE_LOWER = re.compile(r"\s+(?:in|from|at|and in|for)\s+[a-z][^,;]*$")
_AGENCY_WORDS = {"reuters", "ap", "afp", "staff", "bloomberg", "reuters tv", "dpa", "xinhua",
                 "the associated press", "associated press"}


_DESK_WORDS = {"staff", "desk", "team", "newsroom", "reporters", "editors", "bureau", "wire",
               "news", "agencies", "service", "writers"}


#: words no name in a lower-case credits line holds ("editing by hand is required")
_NOT_NAME_WORDS = frozenset({
    "a", "an", "the", "is", "are", "was", "were", "be", "been", "to", "of", "this", "that",
    "it", "its", "for", "on", "with", "as", "at", "by", "from", "has", "have", "had", "not",
    "no", "our", "we", "you", "they", "he", "she", "his", "her", "their", "report", "story",
    "reports", "stories", "required", "editing", "reporting", "writing",
})


def _is_name(candidate: str, *, lower: bool = False) -> bool:
    """A person's name as credits write it: capitalised words, or in copy that has lost
    its case (``lower``) two to four plain words."""
    words = candidate.split()
    if not 1 <= len(words) <= 6:
        return False
    if candidate.lower() in _AGENCY_WORDS:
        return False
    if lower:
        return 2 <= len(words) <= 4 and all(
            w not in _NOT_NAME_WORDS and w[:1].isalpha()
            and all(ch.isalpha() or ch in "'’.-" for ch in w)
            for w in words
        )
    capitalised = 0
    for w in words:
        if w.lower() in _NAME_PARTICLES:
            continue
        if not (w[:1].isupper() and all(ch.isalpha() or ch in "'’.-" for ch in w)):
            return False
        capitalised += 1
    return capitalised >= 1


def _known_place(name: str) -> bool:
    """A country or a populated place in the packaged gazetteer ("New York")."""
    return countries.lookup(name) is not None or name in _gpe_names()


@functools.cache
def _gpe_names() -> frozenset[str]:
    """The gazetteer's place names, read on first use (only credits naming places ask)."""
    from wiretag.lexicon.gazetteer import gazetteer

    return frozenset(gazetteer()["gpe"])


def _clean_name(name: str, *, lower: bool = False) -> str:
    name = name.strip().strip(".;,").strip()
    if lower:
        return title_place(name.upper())  # "guy faulconbridge" -> "Guy Faulconbridge"
    if name.isupper() and len(name) > 3:
        # AP bylines shout names: "By JANE DOE" -> "Jane Doe"
        name = " ".join(w.capitalize() if w.lower() not in _NAME_PARTICLES else w.lower()
                        for w in name.split())
    return name


def _split_names(segment: str, *, lower: bool = False) -> list[str] | None:
    """Names in "A, B and C" / "A in Kyiv and B in Moscow"; None when not a list of names.
    ``lower``: the line has lost its case ("a in kyiv and b in moscow")."""
    locative = _LOCATIVE_LOWER if lower else _LOCATIVE
    segment = segment.strip().strip(";,.").strip()
    if not segment:
        return []
    parts = [p.strip() for p in re.split(r"\s*(?:,|;|\band\b|&|\s+with\s+)\s*", segment)]
    # An outlet shouted after mixed-case names ("Jane Doe, USA TODAY") is not a person.
    if any(p != p.upper() for p in parts):
        parts = [p for p in parts if p != p.upper() or len(p) <= 3]
    names: list[str] = []
    after_place = False
    for part in parts:
        placed_before = after_place
        located = locative.sub("", part)
        had_place, part = located != part, located.strip().strip(".")
        part = re.sub(r"\s+(?:in|from)\s*$", "", part)
        if not part:
            continue
        if after_place and not had_place and countries.lookup(part) is not None:
            # "A in Tallinn, Estonia, and B": the country completes A's place
            after_place = False
            continue
        after_place = had_place
        if placed_before and not had_place and (
            len(part.split()) == 1 or _known_place(_clean_name(part, lower=lower))
        ):
            # "A in Kyiv and Moscow", "... and New York": another place of the name before
            after_place = True
            continue
        if (part.lower() in _AGENCY_WORDS or re.fullmatch(r"(?i)(?:reuters|ap|afp) \w+", part)
                or (part.split()[-1].lower() in _DESK_WORDS
                    and _is_name(part.rsplit(" ", 1)[0], lower=lower))):
            continue  # "Reporting by Reuters TV", "Example News Staff": not a person
        if not _is_name(part, lower=lower):
            # a place after "in" split by "and": "A in Kyiv and New York" -> "New York"
            if names and (part[:1].isupper() or (lower and placed_before)) \
                    and len(part.split()) <= 3:
                continue
            return None
        names.append(_clean_name(part, lower=lower))
    return names


def parse_credits(line: str) -> list[Credit] | None:
    """The credits in one line, or None when the line is not a credits line.

    Shapes: "Reporting by A and B; Editing by C", "Reuters reporting, editing by A, B and C",
    "Additional reporting by A in Kyiv and B in Moscow", "Writing by A; Compiled by B",
    "(Reporting by A; Editing by B)", "AP writers A and B contributed to this report."
    """
    body = line.strip()
    if body.startswith("(") and body.endswith(")"):
        body = body[1:-1].strip()
    if not body or len(body) > 400:
        return None
    m = _CONTRIBUTED.match(body) or _CONTRIBUTING.match(body)
    if m:
        names = _split_names(m.group("names"))
        return [Credit("contributing", n) for n in names] if names else None
    pre = _AGENCY_ROLE.match(body)
    marks = list(_ROLE_MARK.finditer(body))
    if not marks:
        # "Reuters reporting" alone credits the agency, no person
        if pre and pre.end() >= len(body.rstrip(".")):
            return []
        return None
    lead = body[: marks[0].start()].strip(" ;,(")
    if lead and not (pre and pre.end() >= marks[0].start()):
        return None
    credits: list[Credit] = []
    lower = not any(ch.isupper() for ch in body)  # copy that has lost its case
    for i, mark in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        names = _split_names(body[mark.end():stop], lower=lower)
        if names is None:
            return None
        role = _ROLES[mark.group("role").lower()]
        credits.extend(Credit(role, n) for n in names)
    return credits


_BYLINE = re.compile(r"^(?i:by)\s+(?P<names>[^\n]{2,200}?)\s*$")
_BYLINE_TAIL = re.compile(
    r"(?i)(?:,|\s)\s*(?:the\s+)?(?:associated press|ap|reuters|afp|bloomberg news|bloomberg|"
    r"staff writers?|staff reporters?|correspondents?|special correspondent)\s*$"
)


def parse_byline(line: str) -> list[Credit] | None:
    """Credits from a byline ("By Jane Doe and John Roe, Reuters"), or None."""
    m = _BYLINE.match(line.strip())
    if m is None:
        return None
    names = _split_names(_BYLINE_TAIL.sub("", m.group("names")))
    if not names:
        return None
    return [Credit("byline", n) for n in names]


_EMAIL = re.compile(r"\S+@\S+")


def byline_credits(byline: str) -> list[Credit]:
    """Credits from a byline field that inputs carry beside the text (HTML author,
    feed author): "By Jane Doe", "Jane Doe; John Roe", "jane@example.com (Jane Doe)"."""
    clean = _EMAIL.sub("", byline).strip().strip("()").strip()
    if not clean:
        return []
    if not re.match(r"(?i)by\s", clean):
        clean = "By " + clean
    return parse_byline(clean) or []


# --------------------------------------------------------------------------- boilerplate

_TAIL_OPENS = r"(?:,?\s*opens new tab)?"
#: (kind, whole-line pattern), checked in order
_BOILERPLATE: list[tuple[str, re.Pattern[str]]] = [
    ("standards", re.compile(
        rf"(?i)^(?:our standards\s*:.*|the thomson reuters trust principles\.?){_TAIL_OPENS}$")),
    ("standards", re.compile(r"(?i)^.{0,100}\btrust principles\b.{0,40}$")),
    ("signup", re.compile(rf"(?i)^(?:.*\s)?sign up here\.?{_TAIL_OPENS}$")),
    ("signup", re.compile(
        r"(?i)^(?:sign up|subscribe|get)\b.{0,160}\b(?:newsletter|briefing|inbox)\b.{0,60}$")),
    # a year or "all rights reserved" must follow, so "Copyright lawyers said ..." stays
    ("copyright", re.compile(
        r"(?i)^(?:©|\(c\)|copyright\b)(?=.{0,160}(?:\b(?:19|20)\d\d\b|all rights reserved))"
        r".{0,200}$")),
    ("copyright", re.compile(r"(?i)^.{0,120}\ball rights reserved\.?$")),
    ("follow", re.compile(
        r"(?i)^follow\s+(?:us|@\w+|\w+(?:'s|’s)?(?:\s+\w+){0,6})\s+(?:on|at|via)\s+.{0,160}$")),
    ("graphics", re.compile(
        r"(?i)^\(?(?:reuters|ap|afp)\s+(?:graphics?|photo|photos|video|interactive)\)?$")),
    ("refiled", re.compile(
        r"(?i)^\((?:this (?:story|article|version) (?:has been|was|is) )?"
        r"(?:refiled|refiles|re-?files)\b[^\n]*\)$")),
    ("correction", re.compile(
        r"(?i)^\((?:this (?:story|article) (?:has been|was) )?(?:corrects?|corrected)\b[^\n]*\)$")),
    ("update", re.compile(
        r"(?i)^\((?:adds?|updates?|recasts?|changes|writes through|rewrites|removes|"
        r"inserts?|fixes)\b[^\n]*\)$")),
    ("licensing", re.compile(rf"(?i)^purchase licensing rights{_TAIL_OPENS}$")),
    ("advertisement", re.compile(
        r"(?i)^(?:advertisement|advertising|scroll to continue(?: reading)?|"
        r"advertisement\s*[·•-]\s*scroll to continue)$")),
    # only with a colon or arrow after them: "Related talks collapsed ..." is story text
    ("promo", re.compile(
        r"(?i)^(?:read more|related(?: stories| coverage| content| articles)?|also read|"
        r"more from [\w ]{1,30}|see also)\s*(?:[:»›>|]|$)[^\n]{0,200}$")),
    ("promo", re.compile(
        r"(?i)^(?:for more (?:news|coverage|stories)\b|click here (?:to|for)\b)[^\n]{0,200}$")),
    ("release_source", re.compile(r"^SOURCE\s+[A-Z][^\n]{1,100}$")),
    ("disclaimer", re.compile(
        r"(?i)^(?:the views expressed (?:here )?are|this (?:article|story|content) "
        r"(?:was|is) (?:produced|provided|generated)|the associated press receives support)"
        r"[^\n]*$")),
    ("end_marker", re.compile(r"(?i)^(?:#{3}|-+\s*0\s*-+|\(?end\)?|-*\s*ends?\s*-*|\*{3})$")),
    ("signup", re.compile(r"(?i)^register (?:now )?for free\b.{0,120}$")),
    ("separator", re.compile(r"^(?:_{3,}|-{4,}|={3,}|~{3,}|\*\s\*\s\*)$")),
    ("correction", re.compile(
        r"(?i)^(?:this (?:story|article|version) (?:has been|was) (?:corrected|updated|refiled)"
        r"|correction:)\b.{0,300}$")),
    # photo captions scraped from galleries: "[1/3] Smoke rises ... REUTERS/Jane Doe"
    ("caption", re.compile(r"^\[\d{1,2}/\d{1,2}\]\s.{0,400}$")),
    # AFP's closing staff slug: "bur-ach/sst", "jm/mlm"
    ("slug", re.compile(r"^[a-z]{2,5}(?:-[a-z]{2,5})*(?:/[a-z]{2,5}(?:-[a-z]{2,5})*)+$")),
]


def classify_boilerplate(line: str) -> str | None:
    """The boilerplate kind of a whole line, or None when it is story text."""
    stripped = line.strip()
    if not stripped or len(stripped) > 400:
        return None
    for kind, pattern in _BOILERPLATE:
        if pattern.match(stripped):
            return kind
    return None


_AGENCY_IN_BOILERPLATE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?i)thomson reuters|\breuters\b"), "Reuters"),
    (re.compile(r"(?i)associated press"), "AP"),
    (re.compile(r"(?i)agence france|\bafp\b"), "AFP"),
]


# --------------------------------------------------------------------------- tags

#: Reuters topic codes seen on the tag line; a line holding one of them is a tag line
_KNOWN_TAGS = {"gn", "en", "ww", "wrapup", "world", "business", "markets", "pix", "tv",
               "uk", "us", "de", "fr", "asia", "europe", "politics", "sports", "lifestyle"}
_TAG_TOKEN = re.compile(r"^[A-Za-z][A-Za-z0-9&]{0,14}$")


def _tag_tokens(line: str) -> list[str] | None:
    tokens = line.split()
    if not 1 <= len(tokens) <= 10 or not all(_TAG_TOKEN.match(t) for t in tokens):
        return None
    # Two-letter codes ("Gn", "En") and lowercase desks mark a tag line; a plain phrase
    # such as "Ukraine War" does not.
    if any(t.lower() in _KNOWN_TAGS or (len(t) == 2 and t[0].isupper() and t[1].islower())
           for t in tokens):
        return tokens
    return None


# --------------------------------------------------------------------------- headline


def _looks_like_headline(line: str, next_line: str) -> bool:
    """A first line that is clearly a headline: short, unpunctuated (but for the full stop
    of one in capitals), in title style or capitals, followed by body text (a dateline, or
    a longer line)."""
    s = line.strip()
    words = s.split()
    if not 2 <= len(words) <= 25 or len(s) > 200 or s.startswith("("):
        return False
    if s[-1] in ",;:" or (s[-1] == "." and not _mostly_upper(s)):
        return False  # a sentence; an agency headline in capitals may end with a full stop
    if _match_dateline(line) is not None:
        return False
    if _match_dateline(next_line) is not None:
        return True
    content = [w for w in words if w[:1].isalpha() and w.lower() not in _LOWER_PARTICLES
               and w.lower() not in {"a", "an", "and", "or", "to", "for", "in", "at", "by",
                                     "with", "as", "is", "but", "from", "into", "over"}]
    titled = sum(1 for w in content if w[:1].isupper())
    return bool(content) and titled >= 0.75 * len(content) and len(next_line.strip()) > len(s)


# --------------------------------------------------------------------------- the parser


#: the Reuters trust line closing a paragraph when scrapers flatten line breaks, possibly
#: followed by the tag line: "... Heritage Our Standards: The Thomson ... Principles. Gn En world"
_STANDARDS_SUFFIX = re.compile(
    r"[ \t]*(?P<line>Our Standards:\s*The Thomson Reuters Trust Principles\.?"
    r"(?:,?\s*opens new tab)?)(?P<tags>(?:[ \t]+[A-Za-z][A-Za-z0-9&]{0,14}){1,8})?[ \t]*$"
)
#: credits closing a paragraph after its last sentence: "... Ukraine. Reporting by A; Editing by B"
_CREDITS_SUFFIX = re.compile(
    r"(?<=[.!?\"”’])[ \t]+(?P<body>(?:Additional reporting|Reporting|Reuters reporting|"
    r"Writing|Editing|Compiled|Written|Edited|Reported)\b[^\n]{0,400})$"
)


def _cut_furniture_suffix(
    norm: str,
    last: _Line,
    found_boilerplate: list[tuple[int, Boilerplate]],
    found_credits: list[tuple[int, list[Credit]]],
    tags_out: list[str] | None,
) -> int | None:
    """Where the furniture glued to the end of the last paragraph starts, or None.

    Scraped copy often loses its line breaks, so credits, the trust line and tags end the
    last paragraph instead of standing on their own lines. Older Reuters copy closes it
    with "(Reporting by ...; Editing by ...)". Only text that parses as furniture is cut.
    """
    end = last.end
    cut: int | None = None
    while end > last.start:
        segment = norm[last.start:end]
        m = _STANDARDS_SUFFIX.search(segment)
        if m and m.start() > 0:
            tokens = _tag_tokens(m.group("tags")) if m.group("tags") else None
            if m.group("tags") and tokens is None:
                break
            if tokens and tags_out is not None:
                tags_out.extend(tokens)
            found_boilerplate.append(
                (last.start + m.start("line"), Boilerplate("standards", m.group("line")))
            )
            end = cut = last.start + m.start()
            continue
        m = _TRAILING_CREDITS.search(segment) or _CREDITS_SUFFIX.search(segment)
        if m and m.start() > 0:
            credit = parse_credits(m.group("body"))
            if credit is None:
                break
            found_credits.append((last.start + m.start("body"), credit))
            end = cut = last.start + m.start()
            continue
        break
    return cut


@dataclass
class _Line:
    start: int
    end: int  # end of the line's content, before its newline
    stop: int  # after its newline
    keep: bool = True


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        if nl == -1:
            if pos < len(text):
                out.append(_Line(pos, len(text), len(text)))
            break
        out.append(_Line(pos, nl, nl + 1))
        pos = nl + 1
    return out


def parse_wire(
    raw: str,
    *,
    published: str | None = None,
    headline: str | None = None,
    today: date | None = None,
) -> WireParse:
    """Separate a story's wire furniture from its text.

    ``published`` (ISO date) fixes the year of a dateline that omits it; ``headline`` is
    the headline the input carried (HTML title, JSONL field); ``today`` bounds year
    inference (default: today's date).
    """
    norm = normalize_text(raw)
    lines = _lines(norm)
    content = [ln for ln in lines if norm[ln.start:ln.end].strip()]
    found_boilerplate: list[tuple[int, Boilerplate]] = []
    found_credits: list[tuple[int, list[Credit]]] = []
    tags: list[str] = []

    # Boilerplate lines are recognised anywhere: sign-up prompts and "Reuters Graphics"
    # sit between paragraphs, "(Refiles to ...)" notes above the dateline.
    for ln in content:
        kind = classify_boilerplate(norm[ln.start:ln.end])
        if kind is not None:
            ln.keep = False
            found_boilerplate.append((ln.start, Boilerplate(kind, norm[ln.start:ln.end].strip())))

    # The foot of the story: tags, credits and boilerplate in any order, up to the last
    # line of report text. Tag lines only count while report text remains above them.
    body = [ln for ln in content if ln.keep]
    while len(body) > 1:
        ln = body[-1]
        line = norm[ln.start:ln.end]
        tokens = _tag_tokens(line) if not found_credits else None
        if tokens is not None and not tags:
            tags = tokens
        else:
            credit = parse_credits(line)
            if credit is None:
                break
            found_credits.append((ln.start, credit))
        ln.keep = False
        body.pop()
    cut_from: int | None = None
    if body:
        cut_from = _cut_furniture_suffix(
            norm, body[-1], found_boilerplate, found_credits, tags if not tags else None
        )
        if cut_from is not None and cut_from <= body[-1].start:
            body[-1].keep = False
            body.pop()
            cut_from = None

    # The head: a given headline repeated as the first line, or a clear title line; then
    # a byline ("By Jane Doe").
    body = [ln for ln in content if ln.keep]
    the_headline = " ".join(headline.split()) if headline and headline.strip() else None
    if body:
        first = norm[body[0].start:body[0].end].strip()
        if the_headline is not None:
            flat = " ".join(first.split())
            # the page title often carries the site name ("... | Example News") that the
            # article's own heading line lacks
            same = flat == the_headline or (
                len(flat) >= 15 and (flat in the_headline or the_headline in flat))
            if same and len(body) > 1:
                body[0].keep = False
                body.pop(0)
        elif (len(body) > 1 and parse_byline(first) is None
              and _looks_like_headline(first, norm[body[1].start:body[1].end])):
            the_headline = first
            body[0].keep = False
            body.pop(0)
    if len(body) > 1:
        byline = parse_byline(norm[body[0].start:body[0].end])
        if byline:
            found_credits.append((body[0].start, byline))
            body[0].keep = False
            body.pop(0)

    pieces: list[str] = []
    for ln in lines:
        if not ln.keep:
            continue
        if cut_from is not None and ln.start <= cut_from < ln.stop:
            pieces.append(norm[ln.start:cut_from])
        else:
            pieces.append(norm[ln.start:ln.stop])
    text = "".join(pieces).strip()

    dateline = find_dateline(text, published=published, today=today)
    boilerplate = [b for _, b in sorted(found_boilerplate, key=lambda item: item[0])]
    agency = dateline.agency if dateline is not None else None
    if agency is None:
        for b in boilerplate:
            for pattern, name in _AGENCY_IN_BOILERPLATE:
                if b.kind in ("standards", "copyright") and pattern.search(b.text):
                    agency = name
                    break
            if agency is not None:
                break
    return WireParse(
        text=text,
        headline=the_headline,
        dateline=dateline,
        credits=[c for _, group in sorted(found_credits, key=lambda item: item[0]) for c in group],
        boilerplate=boilerplate,
        tags=tags,
        agency=agency,
    )
