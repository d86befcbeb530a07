"""Titles and roles of people, from the words before a name and from appositives after it.

Wire copy states roles in two places: a pre-modifier ("Russian Ambassador-at-Large Rodion
Miroshnik", "Kremlin spokesman Dmitry Peskov") and an appositive ("Miroshnik, a former
official of the ... administration, accused ..."). Both are read here with a title lexicon;
a demonym or a country's possessive in the same phrase gives the person's country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wiretag.lexicon import countries as lex

# Roles as newsrooms write them, longest first when compiled. "[X] Minister" and
# "[X] Secretary" are open classes (Foreign, Defence, Energy ...) handled by the patterns
# below the list.
TITLES: tuple[str, ...] = (
    "President", "Vice President", "President-elect", "Prime Minister", "Premier",
    "Chancellor", "Vice Chancellor", "Deputy Prime Minister", "First Deputy Prime Minister",
    "Minister", "Secretary of State", "Secretary-General", "Secretary General",
    "Under-Secretary-General", "Ambassador-at-Large", "ambassador-at-large", "Ambassador",
    "envoy", "special envoy",
    "Special Envoy", "spokesman", "spokeswoman", "spokesperson", "press secretary",
    "King", "Queen", "Crown Prince", "Prince", "Princess", "Emperor", "Pope", "Patriarch",
    "Metropolitan", "Archbishop", "Cardinal", "Bishop", "Emir", "Sheikh", "Sultan", "Ayatollah",
    "Supreme Leader", "General", "Gen.", "Lieutenant General", "Lt. Gen.", "Major General",
    "Maj. Gen.", "Brigadier General", "Brig. Gen.", "Colonel", "Col.", "Lieutenant Colonel",
    "Lt. Col.", "Admiral", "Adm.", "Vice Admiral", "Field Marshal", "Marshal", "Captain",
    "Capt.", "Major", "Maj.", "Sergeant", "Sgt.", "commander", "Commander",
    "Commander-in-Chief", "Chief of Staff", "chief of staff", "Mayor", "mayor", "Governor",
    "governor", "Gov.", "Senator", "Sen.", "Representative", "Rep.", "Congressman",
    "Congresswoman", "lawmaker", "Speaker", "Chief Justice", "Justice", "Judge", "judge",
    "Prosecutor", "prosecutor", "Prosecutor General", "Chief Prosecutor", "chief prosecutor",
    "Attorney General", "Chairman", "chairman", "Chairwoman", "chairwoman", "Chair", "chair",
    "Chief Executive", "chief executive", "CEO", "Chief Executive Officer", "Director",
    "director", "Director-General", "Director General", "head", "leader", "Leader",
    "opposition leader", "Deputy", "deputy", "MP", "Ombudsman", "ombudsman",
    "High Commissioner", "Commissioner", "commissioner", "Foreign Policy Chief",
    "foreign policy chief", "minister", "ambassador", "president", "prime minister",
    "Chief Minister", "First Minister", "chief", "founder", "co-founder", "Adviser",
    "adviser", "Advisor", "advisor",
    # sport: "Liverpool manager Juergen Klopp", "Mercedes team principal Toto Wolff"
    "manager", "coach", "head coach", "captain", "skipper", "striker", "midfielder",
    "defender", "goalkeeper", "winger", "quarterback", "pitcher", "batsman", "bowler",
    "team principal", "team boss", "trainer", "jockey",
)
# Titles that are complete in themselves: a word before them is a place, not a portfolio
# ("Maharashtra Chief Minister" is a Chief Minister; "Energy Minister" is its own title).
_CLOSED_SUFFIXES = ("Chief Minister", "Prime Minister", "First Minister")

# Words that qualify a title in time or rank; kept out of the title itself.
_TIME = r"(?:former|acting|interim|outgoing|incoming|then|then-|late|newly appointed|senior|top)"
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Madam|Mme|M)\.?$")

_TITLE_ALT = "|".join(re.escape(t) for t in sorted(set(TITLES), key=len, reverse=True))
_OPEN_TITLE = (
    r"(?:(?:First\s+)?(?:Deputy|Vice)\s+)?(?:[A-Z][a-z]+\s+){1,2}(?:Minister|Secretary|Ministry\s+spokes(?:man|woman|person))"
)
TITLE_RE = re.compile(rf"(?:{_OPEN_TITLE}|(?:Deputy\s+|Vice\s+)?(?:{_TITLE_ALT}))(?![\w-])")
#: Only the listed titles, without the open "[X] Minister" class.
CLOSED_TITLE_RE = re.compile(rf"(?:Deputy\s+|Vice\s+)?(?:{_TITLE_ALT})(?![\w-])")

# The pre-modifier: [former] [Russian | Ukraine's] [Kremlin | Foreign Ministry ...] TITLE
# right before the name (only spaces between).
_WORD = r"[A-Z][\w.&-]*"
_PREMOD_RE = re.compile(
    rf"(?P<phrase>(?:(?P<time>{_TIME})[\s-]+)?"
    rf"(?:(?P<nat>{_WORD}(?:\s+{_WORD})??)(?:['’]s)?\s+)??"
    rf"(?P<title>{TITLE_RE.pattern}))\s+$"
)
_APPOSITIVE_RE = re.compile(r"^\s*,\s+(?P<app>[^,;:()\[\]]{3,200}?)\s*(?=,|;|\.\s|\.$|\)|$)")
_APP_START = re.compile(rf"^(?:the|a|an|{_TIME}|[A-Z][\w.-]*(?:['’]s)?)\b")


@dataclass
class RoleInfo:
    """What the text around a name says about the person's roles and nationality."""

    titles: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    country: str | None = None
    #: where the pre-modifier phrase starts (for speaker spans), if there was one
    start: int | None = None


def _country_of(phrase: str) -> str | None:
    """ISO alpha-3 of the first demonym or country name in ``phrase``."""
    words = re.findall(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?", phrase)
    for w in words:
        for cand in (w, w.split()[0]):
            cand = re.sub(r"['’]s$", "", cand)
            country = lex.from_demonym(cand) or lex.lookup(cand)
            if country is not None:
                return country.iso3
    return None


def _clean_title(title: str) -> str:
    return " ".join(title.split())


def _normalise_title(title: str) -> str:
    for suffix in _CLOSED_SUFFIXES:
        head = title[: -len(suffix)].strip()
        if title.endswith(suffix) and head and head not in {"Deputy", "Vice", "First Deputy"}:
            return suffix
    spokes = re.search(r"\bMinistry\s+(spokes(?:man|woman|person))$", title)
    return spokes.group(1) if spokes else title


def _split_nationality(title: str) -> tuple[str, str]:
    """("Belarusian Foreign Minister") -> ("Foreign Minister", "Belarusian")."""
    words = title.split()
    lead: list[str] = []
    while len(words) > 1:
        head = re.sub(r"['’]s$", "", words[0])
        if lex.from_demonym(head) is None and lex.lookup(head) is None:
            break
        lead.append(words.pop(0))
    return " ".join(words), " ".join(lead)


def premodifier(text: str, start: int) -> RoleInfo:
    """Titles, country and phrase start from the words right before ``text[start:]``."""
    window_start = max(0, start - 120)
    before = text[window_start:start]
    # Stop at the sentence or clause boundary: a title never spans one.
    cut = max(before.rfind(ch) for ch in ",;:(“\"\n")
    # A sentence end too ("Strasbourg. Hungarian ..."), but not an initialism ("U.S. ").
    ends = list(re.finditer(r"(?<![A-Z])[.!?]\s+", before))
    if ends:
        cut = max(cut, ends[-1].end() - 1)
    if cut >= 0:
        before = before[cut + 1:]
    m = _PREMOD_RE.search(before)
    info = RoleInfo()
    if m is None:
        return info
    title = _clean_title(m.group("title"))
    nat = m.group("nat") or ""
    phrase_offset = m.start("phrase")
    if nat.split()[:1] == ["The"]:
        # A sentence-initial "The" ("The Kremlin spokesman ...") is not a qualifier.
        nat = " ".join(nat.split()[1:])
        phrase_offset = m.start("nat") + 4
    if nat and TITLE_RE.fullmatch(f"{nat} {title}"):
        title, nat = f"{nat} {title}", ""  # "Lt. Gen.", "Deputy Foreign Minister"
    title, lead = _split_nationality(title)
    nat = f"{nat} {lead}".strip()
    title = _normalise_title(title)
    stacked = re.search(rf"(?:{TITLE_RE.pattern})$", nat) if nat else None
    country = _country_of(nat) if nat else None
    if nat and country is None and not nat[:1].isupper():
        nat = ""
    info.titles.append(title)
    info.country = country
    # Stacked titles: "Saudi Energy Minister Prince Abdulaziz" gives both.
    outer_end = start - len(before) + (m.start("title") if stacked else phrase_offset)
    if stacked:
        info.country = None
    if outer_end > 0 and (stacked or not nat):
        outer = premodifier(text, outer_end)
        if outer.titles:
            info.titles = outer.titles + info.titles
            info.country = outer.country
    info.start = start - len(before) + phrase_offset
    return info


def appositive(text: str, end: int) -> RoleInfo:
    """Titles, descriptions and country from ", the Kremlin spokesman," after a name."""
    info = RoleInfo()
    m = _APPOSITIVE_RE.match(text[end:end + 200])
    if m is None:
        return info
    app = m.group("app").strip()
    if not _APP_START.match(app) or len(app.split()) > 25:
        return info
    first = app.split()[0]
    # A clause ("Putin said", "who ...") is not an appositive: require a noun phrase start.
    if first.lower() in {"who", "which", "that", "he", "she", "it", "they", "and", "but"}:
        return info
    if first[:1].isupper() and first.lower() not in {"the", "a", "an"}:
        # Capitalised starts must be a nationality, country's or a title ("Russia's envoy").
        head = re.sub(r"['’]s$", "", first)
        possessive_title = re.match(r"^[A-Z][\w.&-]*['’]s\s+", app) and TITLE_RE.match(
            app.split(None, 1)[1] if " " in app else "")
        if not (lex.from_demonym(head) or lex.lookup(head) or TITLE_RE.match(app)
                or possessive_title):
            return info
    head_words = " ".join(app.split()[:6])
    tm = TITLE_RE.search(head_words)
    if tm is not None and not re.search(r"\bof\b", head_words[: tm.start()]):
        info.titles.append(_normalise_title(_split_nationality(_clean_title(tm.group(0)))[0]))
    info.descriptions.append(app)
    info.country = _country_of(" ".join(app.split()[:4]))
    return info


def strip_honorific(words: list[str]) -> int:
    """How many leading words of a name are honorifics or titles ("Mr.", "President")."""
    n = 0
    while n < len(words) - 1:
        w = words[n]
        if _HONORIFIC.match(w) or TITLE_RE.fullmatch(w) or lex.from_demonym(w):
            n += 1
            continue
        break
    return n


def is_honorific(word: str) -> bool:
    return bool(_HONORIFIC.match(word))
