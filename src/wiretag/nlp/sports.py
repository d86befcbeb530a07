"""Teams in sports copy: a club named after its town is an organisation.

"Leeds United held Newcastle to a 1-1 draw", "Arsenal 2 Chelsea 0", "Everton striker
...": in a sports story a town or city name that plays, scores, wins or loses is the
club, and the model (and the gazetteer) type it as a place. National sides named by
their country ("Pakistan beat England") keep the country's type, as GPE.

``sports_story`` says whether a story is sports copy; ``team_spans`` types the known
clubs and venues (``known_names``), retypes the place names that act as teams, adds the
teams of results and standings lines the model missed, and types every other mention of
a team's name in the story alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Mapping

from spacy.tokens import Doc, Span, Token

from wiretag.nlp.sentences import DASHES
from wiretag.nlp.truecase import base_form, line_ranges

#: wire slugs that open a sports story's headline: "SOCCER - ...", "CRICKET-..."
SLUGS = frozenset(
    {
        "soccer", "football", "cricket", "tennis", "golf", "rugby", "athletics", "cycling",
        "boxing", "baseball", "basketball", "hockey", "motor", "motorcycling", "formula",
        "skiing", "swimming", "olympics", "snooker", "racing", "nfl", "nba", "nhl", "mlb",
        "sailing", "rowing", "badminton", "volleyball", "handball", "sport", "sports",
    }
)
#: words that only sports copy uses (two different ones make a story sports copy)
CUES = frozenset(
    {
        "goal", "goals", "striker", "strikers", "midfielder", "defender", "goalkeeper",
        "keeper", "wicket", "wickets", "innings", "equaliser", "equalizer", "hat-trick",
        "half-time", "halftime", "touchdown", "touchdowns", "quarterback", "birdie",
        "birdies", "bogey", "tiebreak", "tiebreaker", "semi-final", "semi-finals",
        "semifinal", "quarter-final", "quarter-finals", "quarterfinal", "relegation",
        "kickoff", "batsman", "batsmen", "bowler", "playoff", "playoffs", "podium",
        "scored", "scorer", "scorers", "winger", "fixture", "fixtures", "league", "derby",
        "penalty", "stoppage", "unbeaten", "seeded", "seed", "coach", "draw", "drew",
        "points", "standings", "leaderboard", "par", "lap", "laps", "inning", "homer",
        "pitcher", "rebounds", "try", "tries", "match", "matches",
    }
)
#: verbs whose subject or object is a team: "Leeds held Newcastle", "Chelsea lost"
TEAM_VERBS = frozenset(
    {
        "beat", "defeat", "draw", "hold", "hammer", "thrash", "edge", "rout", "stun",
        "overcome", "outplay", "trounce", "lose", "win", "host", "play", "face", "top",
        "lead", "sign", "sack", "score", "concede", "eliminate", "knock", "earn", "clinch",
        "relegate", "promote", "battle", "fight", "come", "go",
    }
)
#: nouns whose owner or whose "over"/"against"/"to" is a team: "Chelsea's defeat",
#: "a 2-0 win over Chelsea", "defeat to Everton"
TEAM_NOUNS = frozenset(
    {
        "win", "victory", "defeat", "draw", "loss", "match", "game", "clash", "tie",
        "triumph", "success", "comeback", "striker", "midfielder", "defender", "goalkeeper",
        "keeper", "coach", "manager", "captain", "forward", "winger", "fans", "supporters",
        "squad", "side", "team", "player", "players", "boss", "goal", "goals", "lead",
        "equaliser", "equalizer", "debut", "season", "title", "bench",
    }
)
#: team roles after a club's name: "Everton striker", "Newcastle manager"
ROLE_AFTER = frozenset(
    {
        "striker", "midfielder", "defender", "goalkeeper", "keeper", "coach", "manager",
        "captain", "forward", "winger", "fans", "supporters", "squad", "boss", "players",
        "player", "side", "team", "academy", "chairman", "owner", "owners",
    }
)
#: last words of club names: "Leeds United", "Blackburn Rovers", "Aston Villa"
CLUB_LAST = frozenset(
    {
        "United", "City", "Rovers", "Athletic", "Wanderers", "Albion", "Hotspur", "Villa",
        "Argyle", "Rangers", "Celtic", "FC", "F.C.", "CF", "SC", "AFC", "Town", "County",
        "Forest", "Palace", "Wednesday", "Orient", "Alexandra", "Stanley", "Thistle",
        "Hearts", "Academicals", "Olympic", "Dynamo", "Juniors", "Calcio", "Hotspurs",
    }
)
#: first words of club names: "Real Madrid", "FC Porto", "Borussia Dortmund"
CLUB_FIRST = frozenset(
    {
        "FC", "AC", "AS", "SC", "SV", "VfB", "VfL", "TSG", "Real", "Atletico", "Athletic",
        "Sporting", "Olympique", "Borussia", "Dynamo", "Dinamo", "Racing", "Inter",
        "Bayer", "Hertha", "Eintracht", "Werder", "Fortuna", "Union", "Deportivo",
        "Club", "PSV", "Ajax", "Benfica", "Galatasaray", "Fenerbahce", "Besiktas",
    }
)
#: irregular forms of TEAM_VERBS (the typer runs before the lemmatizer)
IRREGULAR = {
    "held": "hold", "won": "win", "lost": "lose", "drew": "draw", "drawn": "draw",
    "went": "go", "gone": "go", "came": "come", "fought": "fight", "led": "lead",
    "overcame": "overcome", "beaten": "beat", "beats": "beat", "beating": "beat",
}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: club-name first words that are English words in a headline's capitals
ENGLISH_CLUB_WORDS = frozenset({"as", "real", "union", "club", "racing", "sporting", "athletic"})
#: prepositions of place: "in Newcastle" is the town even in a match report
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "outside", "to"})
INTEGER = re.compile(r"\d{1,3}")
#: a score and a bracket opening on a name ("Leeds 0 (Wallace 45"), or a scorers' label
SCORE_BRACKET = re.compile(r"\b\d{1,3} ?\( ?[A-Z]|\b(?:[Gg]oal)?[Ss]corers? ?:|\bGoals ?:")
#: a standings column: games, points, a percentage (".886"), a goal difference ("+12")
STANDING = re.compile(r"[+-]?\d*\.?\d+")


#: ``Doc.user_data`` key of the story's headline when the wire parser took it out of the
#: text (``wiretag.pipeline`` sets it): its slug still says sports copy
HEADLINE_KEY = "wiretag_headline"
#: a wire slug before a dash, as a headline opens: "SOCCER -", "MOTOR RACING-"
SLUG_OPENING = re.compile(r"\s*([A-Z]+(?: [A-Z]+){0,2})\s*[-\u2013\u2014]")


def sports_story(doc: Doc) -> bool:
    """A wire sports slug opens a line ("SOCCER - ...") or the story's headline, the
    story uses two different words only sports copy uses, or a line is a result with its
    scorers."""
    headline = doc.user_data.get(HEADLINE_KEY)
    if isinstance(headline, str):
        slug = SLUG_OPENING.match(headline)
        if slug is not None and set(slug.group(1).lower().split()) & SLUGS:
            return True
    if line_slugs(doc, upper=True):
        return True  # "SOCCER -", "MOTOR RACING -", "ICE HOCKEY -", "AMERICAN FOOTBALL-"
    seen: set[str] = set()
    for tok in doc:
        low = tok.lower_
        if low in CUES:
            seen.add(low)
            if len(seen) >= 2:
                return True
    # a results line with its scorers: "Leeds 0 (Wallace 45) Chelsea 2 (Zola 12 pen)"
    if SCORE_BRACKET.search(doc.text) is None:
        return False  # one regular expression spares most stories the two line scans
    lines = _lines(doc)
    return bool(scorer_names(doc, lines)) and bool(result_names(doc, lines))


def line_slugs(doc: Doc, *, upper: bool = False) -> set[int]:
    """Token indices of the wire slugs that open lines, one to three words before a dash:
    in capitals with ``upper`` ("SOCCER - LEEDS HOLD NEWCASTLE.", "MOTOR RACING-"), else in
    lower case ("soccer - leicester hold newcastle."), whose words are no names though a
    line's first word is capitalised when such copy is re-cased."""
    out: set[int] = set()
    for lo, hi in line_ranges(doc):
        words: list[Token] = []
        for tok in doc[lo : min(hi, lo + 4)]:
            if tok.text in DASHES:
                if words and {w.lower_ for w in words} & SLUGS:
                    out.update(w.i for w in words)
                break
            if not (tok.is_alpha and (tok.is_upper if upper else tok.is_lower)):
                break
            words.append(tok)
    return out


def _lines(doc: Doc) -> list[list[Token]]:
    """The tokens of each line of ``doc``, whitespace left out (the line readers below
    take them as ``lines`` so that one story is split once)."""
    return [[t for t in doc[lo:hi] if not t.is_space] for lo, hi in line_ranges(doc)]


def _name_run(line: list[Token], k: int) -> int:
    """End of the run of capitalised words (with "." "&" "'" inside) from ``line[k]``."""
    j = k
    while j < len(line) and (
        (line[j].text[:1].isupper() and any(ch.isalpha() for ch in line[j].text))
        or (j > k and line[j].text in ("&", "'", "of", "de", "del", "la"))
    ):
        j += 1
    while j > k and not line[j - 1].text[:1].isupper():
        j -= 1
    return j


def _skip_brackets(line: list[Token], k: int) -> int:
    if k < len(line) and line[k].text == "(":
        depth = 0
        while k < len(line):
            depth += line[k].text == "("
            depth -= line[k].text == ")"
            k += 1
            if depth == 0:
                break
    return k


def result_names(doc: Doc, lines: list[list[Token]] | None = None) -> list[tuple[int, int]]:
    """Token ranges of the team names of results and standings lines: "Arsenal 2
    Chelsea 0", "Real Madrid 3 (Vinicius 12) Getafe 1 (Mayoral 55)", "1. Liverpool 10 8 1
    1 25 8 25"; a result may end in a sentence ("... Volendam 0. Attendance 28,500.")."""
    out: list[tuple[int, int]] = []
    for line in _lines(doc) if lines is None else lines:
        k = 0
        if len(line) > 2 and INTEGER.fullmatch(line[0].text) and line[1].text in (".", ")"):
            k = 2  # standings: "1. Liverpool ..."
            j = _name_run(line, k)
            nums = line[j:]
            if j > k and len(nums) >= 3 and all(INTEGER.fullmatch(t.text) for t in nums):
                out.append((line[k].i, line[j - 1].i + 1))
            continue
        names: list[tuple[int, int]] = []
        while k < len(line):
            if len(names) == 2 and line[k].text in (".", ";"):
                break  # "... Volendam 0. Attendance 28,500."
            j = _name_run(line, k)
            if j == k or j >= len(line) or not INTEGER.fullmatch(line[j].text):
                names = []
                break
            names.append((line[k].i, line[j - 1].i + 1))
            k = _skip_brackets(line, j + 1)
        if len(names) == 2:
            out.extend(names)
    return out


#: a time, distance or score after a competitor: "3:30.06", "12.45", "69", "1:39:47.2"
RESULT = re.compile(r"\d+(?:[.:,]\d+)*")
#: a country's code in results: "(KEN)", "(GBR)"
COUNTRY_CODE = re.compile(r"[A-Z]{3}")


def competitor_names(
    doc: Doc,
    lines: list[list[Token]] | None = None,
    *,
    is_country: Callable[[str], bool],
) -> list[tuple[int, int, str]]:
    """Token ranges of the people (PERSON) and their teams (ORG) in individual results:
    "2. Regina Jacobs (U.S.) 4:21.35", "6. Finn Christian Jagge (Norway) 1:39.47",
    "1. Mika Hakkinen (Finland) McLaren 1:32.057", golf's "277 Ian Woosnam 71 69 68 69"
    and several on one line ("279 Colin Montgomerie 70 72 69 68, Miguel Angel Jimenez
    (Spain) 68 72 70 69"). A name counts when it is two or more capitalised words after
    a rank or a total, and either a country stands in brackets after it or golf rounds
    (60-89) follow; a team's name between the country and the result is the team."""
    out: list[tuple[int, int, str]] = []
    for line in _lines(doc) if lines is None else lines:
        if len(line) < 3 or not INTEGER.fullmatch(line[0].text):
            continue
        k = 2 if line[1].text in (".", ")") else 1
        while k < len(line):
            j = _name_run(line, k)
            if j - k < 2:
                break
            m, country, team, code = j, False, None, None
            if m < len(line) and line[m].text == "(":
                close = _skip_brackets(line, m)
                inner = line[m + 1 : close - 1]
                if inner:
                    words = doc[inner[0].i : inner[-1].i + 1].text
                    country = is_country(words)
                    if not country and COUNTRY_CODE.fullmatch(words):
                        country, code = True, (inner[0].i, inner[0].i + 1)
                m = close
                t = _name_run(line, m) if country else m
                if t > m:
                    team, m = (line[m].i, line[t - 1].i + 1), t
            n = m
            while n < len(line) and RESULT.fullmatch(line[n].text):
                n += 1
            if n == m:
                break
            rounds = [t.text for t in line[m:n]]
            golf = len(rounds) >= 2 and all(r.isdigit() and 60 <= int(r) <= 89 for r in rounds)
            if not (country or golf):
                break
            out.append((line[k].i, line[j - 1].i + 1, "PERSON"))
            if code is not None:
                out.append((*code, "GPE"))  # "(KEN)"
            if team is not None:
                out.append((*team, "ORG"))
            while n < len(line) and not (line[n].text == "," or line[n].text[:1].isupper()):
                n += 1  # "world record", "(49.40, 49.25)"
            k = n + 1 if n < len(line) and line[n].text == "," else n
    return out


def unranked_standings(
    doc: Doc, lines: list[list[Token]] | None = None
) -> list[tuple[int, int, bool, int]]:
    """Token ranges of the names opening lines of a table without ranks: "Chicago 70 9
    .886 -" (a standings line) -- or "Tiger Woods 68 70 71 209" (a leaderboard's), with
    True when the numbers are golf rounds (60-89, a total last), and how many figures
    follow the name."""
    out: list[tuple[int, int, bool, int]] = []
    for line in _lines(doc) if lines is None else lines:
        j = _name_run(line, 0)
        nums = line[j:]
        if (
            j > 0
            and len(nums) >= 3
            and INTEGER.fullmatch(nums[0].text)
            and INTEGER.fullmatch(nums[1].text)
            and all(STANDING.fullmatch(t.text) or t.text in DASHES for t in nums)
        ):
            values = [t.text for t in nums]
            rounds = all(v.isdigit() and 60 <= int(v) <= 89 for v in values[:-1]) and (
                values[-1].isdigit()
            )
            out.append((line[0].i, line[j - 1].i + 1, rounds, len(nums)))
    return out


def _base(tok: Token, words: Container[str]) -> str:
    """The word of ``words`` that ``tok`` inflects ("held" -> "hold", "wins" -> "win");
    the lower-case text when none (the typer runs before the lemmatizer)."""
    low = tok.lower_
    return IRREGULAR.get(low) or base_form(low, words) or low


#: prepositions before a team: "a win over Chelsea", "lost to Everton", "drew with Leeds"
TEAM_CASES = frozenset({"over", "against", "with", "to", "for"})


def _team_context(span: Span) -> bool:
    """The words around a name say it plays: it wins, loses or is beaten, it has a
    defeat or a striker, it is what a win came over. (Universal Dependencies labels, as
    our parser gives them; spaCy's English labels too.)"""
    doc = span.doc
    root = span.root
    head = root.head
    dep = root.dep_
    if dep in ("nsubj", "obj", "dobj", "nsubj:pass", "nsubjpass") and (
        _base(head, TEAM_VERBS) in TEAM_VERBS
    ):
        return True
    if dep in ("nmod:poss", "poss") and _base(head, TEAM_NOUNS) in TEAM_NOUNS:
        return True
    case = [c.lower_ for c in root.children if c.dep_ == "case" and c.lower_ in TEAM_CASES]
    if dep == "pobj" and head.lower_ in TEAM_CASES:
        case, head = [head.lower_], head.head
    if case and dep in ("nmod", "obl", "pobj"):
        gov = _base(head, TEAM_NOUNS | TEAM_VERBS)
        if case[0] in ("with", "to") and gov not in ("draw", "lose", "defeat", "loss"):
            return False
        if case[0] == "for" and gov not in ("score", "play", "sign", "goal"):
            return False
        return gov in TEAM_NOUNS or gov in TEAM_VERBS
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.is_lower and nxt.text in ROLE_AFTER


def _club_name(ent: Span, taken: Container[int]) -> Span:
    """A place or person span the model cut out of a club's name, widened to the name:
    "Real" + "Madrid", "Sheffield" + "Wednesday", "West" + "Ham", "Bayer" + "Leverkusen"."""
    doc = ent.doc
    start, end = ent.start, ent.end
    before = doc[start - 1] if start > 0 else None
    if (
        before is not None
        and before.text in CLUB_FIRST
        and before.i not in taken
        and not (before.is_upper and before.lower_ in ENGLISH_CLUB_WORDS)  # "AS ARSENAL GO"
    ):
        start -= 1
    nxt = doc[end] if end < len(doc) else None
    if (
        nxt is not None
        and nxt.i not in taken
        and (
            nxt.text in CLUB_LAST
            or (
                (ent.text in CLUB_FIRST or ent.text in ("West", "East", "North", "South"))
                and nxt.is_title
                and bool(ent[-1].whitespace_)
            )
        )
    ):
        end += 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


def _dateline(span: Span) -> bool:
    """A place opening a line before a comma, a bracket, a dash or a date: a dateline's
    place ("NEWCASTLE, England, Dec 26 -", "LONDON 1996-08-30"), not a team."""
    doc = span.doc
    if span.start > 0 and not doc[span.start - 1].is_space:
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and (nxt.text in (",", "(") or nxt.text in DASHES or nxt.like_num)


def scorer_names(doc: Doc, lines: list[list[Token]] | None = None) -> list[tuple[int, int]]:
    """Token ranges of the scorers in brackets after a score ("Real Madrid 3 (Vinicius 12,
    Bellingham 40) Getafe 1 (Mayoral 55)") and after a "Scorers:" label ("Scorers:
    Shearer 12, Ferdinand 66")."""
    out: list[tuple[int, int]] = []
    for line in _lines(doc) if lines is None else lines:
        for k in range(1, len(line) - 2):
            bracket = line[k].text == "(" and INTEGER.fullmatch(line[k - 1].text)
            label = line[k].text == ":" and line[k - 1].lower_ in SCORER_LABELS
            if not (bracket or label):
                continue
            j = k + 1
            while j < len(line) and line[j].text != ")" and not (label and line[j].text == "."):
                end = _name_run(line, j)
                minute = line[end].text[:3].rstrip("+") if end < len(line) else ""
                if end > j and INTEGER.fullmatch(minute):
                    out.append((line[j].i, line[end - 1].i + 1))
                    j = end
                j += 1
    return out


#: labels before a list of scorers and their minutes ("Scorers: Shearer 12, Ferdinand 66")
SCORER_LABELS = frozenset({"scorer", "scorers", "goalscorer", "goalscorers", "goals"})
#: a cricket scorecard's words between players: "Joe Root c Carey b Cummins 84"
SCORECARD_WORDS = frozenset({"b", "c", "st", "lbw", "c&b"})
#: how a batsman was out, on a cricket scorecard line ("c Carey b Cummins", "lbw b Wasim")
DISMISSALS = SCORECARD_WORDS | {"run", "not", "retired", "hit", "handled"}
#: a bowler's figures: overs-maidens-runs-wickets ("25-4-72-3", "38 - 5 - 94 - 2")
FIGURES = re.compile(r"\d{1,3}(?:\.\d)?\s*-\s*\d{1,3}\s*-\s*\d{1,3}\s*-\s*\d{1,2}")


def scorecard_names(doc: Doc, lines: list[list[Token]] | None = None) -> list[tuple[int, int]]:
    """Token ranges of the players of a cricket scorecard: the batsman who opens a line
    and the fielders and bowlers of his dismissal ("M. Atherton c Inzamam b Mushtaq 31",
    "A. Stewart lbw b Wasim 44", "N. Hussain not out 12"), and the bowler who opens a
    line of figures ("Wasim Akram 25-4-72-3")."""
    out: list[tuple[int, int]] = []
    for line in _lines(doc) if lines is None else lines:
        if len(line) < 3 or not line[0].text[:1].isupper():
            continue
        end = _name_run(line, 0)
        if end == 0 or end >= len(line):
            continue
        rest = line[end:]
        if FIGURES.fullmatch(doc[rest[0].i : rest[-1].i + 1].text):
            out.append((line[0].i, line[end - 1].i + 1))
            continue
        if rest[0].text not in DISMISSALS or not INTEGER.fullmatch(rest[-1].text):
            continue
        names = [(line[0].i, line[end - 1].i + 1)]
        k, ok = 0, True
        while k < len(rest) - 1:
            word = rest[k].text
            if word in ("c", "b", "st", "c&b") and k + 1 < len(rest) - 1:
                j = _name_run(rest, k + 1)
                if j > k + 1:
                    names.append((rest[k + 1].i, rest[j - 1].i + 1))
                    k = j
                    continue
                if word == "c" and rest[k + 1].text in ("and", "&"):
                    k += 2  # "c and b Wasim"
                    continue
                ok = False
                break
            if word in DISMISSALS or word in ("out", "hurt", "wicket", "ball", "the", "and"):
                k += 1
                continue
            ok = False
            break
        if ok:
            out.extend(names)
    return out


def _scorecard_split(ent: Span) -> list[Span]:
    """A person span run across a scorecard line ("Joe Root c Carey b Cummins") as one
    person per name."""
    if ent.label_ != "PERSON" or not any(t.text in SCORECARD_WORDS for t in ent[1:-1]):
        return [ent]
    out, start = [], ent.start
    for tok in [*ent[1:-1], None]:
        if tok is None or tok.text in SCORECARD_WORDS:
            end = ent.end if tok is None else tok.i
            if end > start and ent.doc[start].text[:1].isupper():
                out.append(Span(ent.doc, start, end, label="PERSON"))
            start = end + 1
    return out


#: prepositions before a town that is the town even when a club bears its name ("in
#: Barcelona"; "a move to Barcelona" is the club)
TOWN_PREPOSITIONS = frozenset({"in", "near", "outside"})


def name_table(
    names: Iterable[str], tokens: Callable[[str], list[str]]
) -> dict[tuple[str, ...], str]:
    """Known names (clubs, venues) by their lower-case tokens -> the name as written."""
    table: dict[tuple[str, ...], str] = {}
    for name in names:
        key = tuple(t.lower() for t in tokens(name))
        if key:
            table.setdefault(key, name)
    return table


def _known_as(span: Span, known: Mapping[tuple[str, ...], tuple[str, str]], label: str) -> bool:
    """``span`` is a name of ``known`` with ``label``, in any case."""
    entry = known.get(tuple(t.lower_ for t in span))
    return entry is not None and entry[1] == label


def _written_as(span: Span, name: str) -> bool:
    """``span`` is ``name`` as running text or a headline in capitals writes it."""
    return span.text == name or span.text == name.upper()


def known_names(
    doc: Doc,
    ents: list[Span],
    known: Mapping[tuple[str, ...], tuple[str, str]],
    common: Container[str],
) -> list[Span]:
    """``ents`` with the known clubs and venues of a sports story typed: ``known`` maps
    their lower-case tokens to (the name as written, its label), ORG for a club
    ("Barcelona", "Chelsea", "PSG", "Lakers", "REAL MADRID"), FAC for a venue ("Anfield",
    "Wembley"). A club that the model typed as something else is
    retyped, one it cut ("Bayer" of "Bayer Leverkusen") is widened, one it missed is
    added. Left alone: a town after "in" ("in Barcelona"), a dateline's place, the
    surname of a person of the story ("Antonio Valencia" ... "Valencia"), a name inside
    a longer one ("Chelsea Clinton", "Kentucky Derby"), an English word opening a
    sentence ("Reading the game ..."), and in capitals an English word the story's
    running text never writes as the club ("CELTIC" needs a "Celtic" elsewhere).
    ``common``: English words (lower case)."""
    if not known:
        return ents
    longest = max(len(k) for k in known)
    lowers = [t.lower_ for t in doc]
    texts = {t.text for t in doc if not t.is_upper}
    surnames = {e[-1].lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1}
    out = list(ents)
    owner = {i: e for e in ents for i in range(e.start, e.end)}
    i = 0
    while i < len(doc):
        for n in range(min(longest, len(doc) - i), 0, -1):
            entry = known.get(tuple(lowers[i : i + n]))
            if entry is None:
                continue
            name, label = entry
            span = doc[i : i + n]
            prev = doc[i - 1] if i > 0 else None
            if (
                not _written_as(span, name)
                or (prev is not None and prev.lower_ in TOWN_PREPOSITIONS)
                or _dateline(span)
                or (n == 1 and lowers[i] in surnames)
            ):
                continue
            inside = {owner[k] for k in range(i, i + n) if k in owner}
            if any(e.start < i or e.end > i + n for e in inside):
                continue  # part of a longer name
            if not inside:
                nxt = doc[i + n] if i + n < len(doc) else None
                if span.text.isupper():
                    if any(t is not None and t.i in owner for t in (prev, nxt)):
                        continue
                    if n == 1 and lowers[i] in common and name not in texts:
                        continue
                else:
                    if nxt is not None and nxt.is_title and nxt.is_alpha:
                        continue
                    opens = prev is None or span[0].is_sent_start or prev.is_space or prev.is_punct
                    if prev is not None and not opens and prev.is_title and prev.is_alpha:
                        continue
                    if opens and n == 1 and lowers[i] in common:
                        continue
            elif any(e.label_ == label and (e.start, e.end) == (i, i + n) for e in inside):
                i += n - 1
                break  # the model's already
            out = [e for e in out if e not in inside] + [Span(doc, i, i + n, label=label)]
            i += n - 1
            break
        i += 1
    return sorted(out, key=lambda s: s.start)


def team_spans(
    doc: Doc,
    ents: list[Span],
    *,
    is_country: Callable[[str], bool],
    places: Container[str],
    known: Mapping[tuple[str, ...], tuple[str, str]] | None = None,
    common: Container[str] = (),
    given: Container[str] = (),
) -> list[Span]:
    """``ents`` with the teams of a sports story typed ORG. Call only for sports copy
    (``sports_story``). ``is_country``: a country's name (a national side, left alone);
    ``places``: known place names (a club-named span such as "Kansas City" that is a
    known place needs a team context); ``known``: known clubs (ORG) and venues (FAC) by
    their lower-case tokens, typed by ``known_names``; ``common``: English words (lower
    case); ``given``: given names (lower case)."""
    teams: set[str] = set()  # lower case: the headline's "LEEDS" is the body's "Leeds"
    out: list[Span] = []
    known = known or {}
    lines = _lines(doc)  # read once for the four kinds of line below
    ents = known_names(doc, ents, known, common)
    teams.update(e.text.lower() for e in ents if e.label_ == "ORG" and _known_as(e, known, "ORG"))
    taken = {i for e in ents for i in range(e.start, e.end)}
    for e in ents:
        if e.label_ == "EVENT":
            out.append(e)  # "Paris Olympics", "Kentucky Derby": a competition, not a club
            continue
        widened = False
        if e.label_ != "ORG" and not is_country(e.text):
            club_name = _club_name(e, taken)
            widened, e = len(club_name) > len(e), club_name
        text = e.text
        if e.label_ == "ORG" or is_country(text):
            out.append(e)
            continue
        club = (len(e) > 1 and (e[-1].text in CLUB_LAST or e[0].text in CLUB_FIRST)) or (
            # "Los Angeles Lakers", "Pittsburgh Steelers": a town and a plural nickname
            len(e) > 1
            and e[:-1].text in places
            and e[-1].is_title
            and e[-1].text.endswith("s")
        )
        club = widened or (club and text not in places)
        if club or (e.label_ in PLACE_LABELS and not _dateline(e) and _team_context(e)):
            teams.add(text.lower())
            if len(e) > 1 and e[-1].text in CLUB_LAST:
                teams.add(e[:-1].text.lower())  # "Leeds United" is also "Leeds"
            out.append(Span(doc, e.start, e.end, label="ORG"))
        else:
            out.append(e)
    covered = {i for e in out for i in range(e.start, e.end)}
    added: list[Span] = []
    for start, end in result_names(doc, lines):
        span = doc[start:end]
        inside = [e for e in out if start <= e.start and e.end <= end]
        if any(i in covered for i in range(start, end)) and not (
            len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end)
        ):
            continue
        if is_country(span.text):
            if not inside:
                added.append(Span(doc, start, end, label="GPE"))
            continue
        if (
            inside
            and inside[0].label_ == "PERSON"
            and len(inside[0]) > 1
            and inside[0][0].lower_ in given
        ):
            continue  # "Colin Montgomerie 66" is not a results line's team
        teams.add(span.text.lower())
        out = [e for e in out if e not in inside]
        added.append(Span(doc, start, end, label="ORG"))
    for start, end, rounds, figures in unranked_standings(doc, lines):
        name = doc[start:end]
        town_or_club = (
            name.text in places or name.text.title() in places or _known_as(name, known, "ORG")
        )
        if (town_or_club or (not rounds and figures >= 6)) and not is_country(
            name.text
        ):
            # a town or club: "Chicago 70 9 .886 -"; a full standings row names a club
            # whatever its name: "Motherwell 9 2 2 5 8 14 8"
            label = "ORG"
        elif not town_or_club and rounds and len(name) > 1:
            label = "PERSON"  # a golfer: "Tiger Woods 68 70 71 209"
        else:
            continue
        if label == "ORG":
            teams.add(name.text.lower())
        inside = [e for e in out if start <= e.start and e.end <= end]
        if any(e.start < end and start < e.end for e in out if e not in inside):
            continue
        out = [e for e in out if e not in inside] + [Span(doc, start, end, label=label)]
    covered = {i for e in out + added for i in range(e.start, e.end)}
    for start, end in [*scorer_names(doc, lines), *scorecard_names(doc, lines)]:
        if not any(i in covered for i in range(start, end)):
            added.append(Span(doc, start, end, label="PERSON"))
        else:
            out = [
                Span(doc, start, end, label="PERSON")
                if e.start == start
                and e.end >= end
                and (e.label_ != "PERSON" or e.end > end)
                and all(t.like_num or t.is_punct for t in doc[end : e.end])
                else e
                for e in out
            ]  # "Machlas 55" of "(Machlas 55)" is the scorer without the minute
    for start, end, label in competitor_names(doc, lines, is_country=is_country):
        name = doc[start:end]
        if label == "PERSON" and (
            name.text in places
            or _known_as(name, known, "ORG")
            or name[-1].text in CLUB_LAST
            or name[0].text in CLUB_FIRST
        ):
            continue
        inside = [e for e in out + added if start <= e.start and e.end <= end]
        if label != "PERSON":
            # a team or a country's code: a span the model ran on into the result
            # ("Williams 1:32.500") is cut back to the name
            inside += [e for e in out + added if start <= e.start < end and e.end > end]
        if any(e.start < end and start < e.end for e in out + added if e not in inside):
            continue
        if label != "PERSON" and any(
            e.label_ == label and (e.end <= end or label == "GPE") for e in inside
        ):
            continue  # a team the model or the rules already typed
        out = [e for e in out if e not in inside]
        added = [e for e in added if e not in inside] + [Span(doc, start, end, label=label)]
    out += added
    out = [part for e in out for part in _scorecard_split(e)]
    if not teams:
        return sorted(out, key=lambda s: s.start)
    final: list[Span] = []
    for e in out:
        prev = doc[e.start - 1] if e.start > 0 else None
        if (
            e.text.lower() in teams
            and (e.label_ in PLACE_LABELS or (e.label_ == "PERSON" and len(e) == 1))
            and not (prev is not None and prev.lower_ in PLACE_PREPOSITIONS)
            and not _dateline(e)
        ):
            e = Span(doc, e.start, e.end, label="ORG")
        final.append(e)
    return sorted(final + _team_last_words(doc, final, teams), key=lambda s: s.start)


def _team_last_words(doc: Doc, ents: list[Span], teams: set[str]) -> list[Span]:
    """A club's last word alone, when the story names the club in full: "City" after
    "Manchester City", "United" after "Leeds United" -- not inside a longer name
    ("United States", "City Hall")."""
    lasts = {t.rsplit(" ", 1)[-1] for t in teams if " " in t}
    lasts = {w for w in lasts if w.title() in CLUB_LAST}
    if not lasts:
        return []
    covered = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    for tok in doc:
        if tok.i in covered or tok.lower_ not in lasts or not (tok.is_title or tok.is_upper):
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
            continue
        if prev is not None and prev.text[:1].isupper() and prev.is_alpha and not (
            prev.is_sent_start or prev.text in ("The", "THE")
        ):
            continue
        out.append(Span(doc, tok.i, tok.i + 1, label="ORG"))
    return out
