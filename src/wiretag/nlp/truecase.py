"""Case for lines written in capitals: wire headlines ("SOCCER - LEEDS HOLD NEWCASTLE AS
ARSENAL GO TOP.", "SAMPRAS ADVANCES AT U.S. OPEN").

A statistical NER learns that names are capitalised; in a line of capitals every word is,
and the model finds little or nothing there. ``caps_lines`` finds such lines and
``truecase`` gives each of their words the case it would have in running text, so the
entity typer can run the pipeline on the re-cased words and put the names it finds back
on the original tokens (the words keep their lengths, so the offsets do not move).

A word's case comes, in this order, from:

1. a name the gazetteer knows in capitals ("NATO", "FIFA", "U.S.") -- kept;
2. the story itself: how the same word is written inside the story's other sentences
   (the headline's "BECKER" is the body's "Boris Becker");
3. English function words -- lower case;
4. a name the gazetteer knows ("MOSCOW" -> "Moscow");
5. how English text usually writes the word (``wiretag.lexicon.gazetteer.case_forms``,
   from word probabilities: "MASOUD" -> "Masoud", though WordNet knows "masoud");
6. the dictionary: an English word (or an inflection of one) -- lower case;
7. otherwise a name: short words without vowels stay in capitals ("NBA"), others are
   capitalised ("SAMPRAS" -> "Sampras").

The first word of the line is capitalised, as a sentence's is.

A story written all in lower case ("kyiv", "vladimir putin said") is re-cased whole by
``truecase_lower``, from the same evidence but for the story's own spellings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from wiretag.nlp.sentences import DASHES

#: ``Doc.user_data`` key of a story written all in lower case: its text as the entity
#: typer re-cased it (same length, same offsets), for the stages after the backbone
RECASED_KEY = "wiretag.recased_text"


def reading_text(doc: Doc, text: str | None = None) -> str:
    """The text the stages after the backbone read ``doc`` in: its re-cased copy when the
    backbone re-cased a story written all in lower case (same offsets), else ``text``
    (``doc.text`` when not given). Output spans still quote the story's own words."""
    original = doc.text if text is None else text
    recased = doc.user_data.get(RECASED_KEY)
    return recased if isinstance(recased, str) and len(recased) == len(original) else original
#: at least this many words with letters make a line a headline, not "LONDON 1996-08-30"
MIN_CAPS_WORDS = 2
#: share of a line's words with letters that are written in capitals
MIN_CAPS_SHARE = 0.8
VOWELS = frozenset("AEIOUY")


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def line_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges (start, end) of the lines of ``doc`` (separated by line breaks),
    without the whitespace tokens at their edges; empty lines are left out."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(doc)
    for i in range(n + 1):
        if (
            i < n
            and not (doc[i].is_space and "\n" in doc[i].text)
            and (i == 0 or "\n" not in doc[i - 1].whitespace_)
        ):
            continue
        # a line is doc[start:i] (the token at i is a line break, or the line ended
        # with a newline in the whitespace of the token before i)
        lo, hi = start, i
        while lo < hi and doc[lo].is_space:
            lo += 1
        while hi > lo and doc[hi - 1].is_space:
            hi -= 1
        if hi > lo:
            out.append((lo, hi))
        start = i + 1 if i < n and doc[i].is_space else i
    return out


def caps_lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges (start, end) of the lines of ``doc`` written in capitals. A line is
    cut at a spaced dash, which ends a wire slug ("SOCCER - ...") or a dateline, so each
    part is read alone."""
    out: list[tuple[int, int]] = []
    for lo, hi in line_ranges(doc):
        words = [t.text for t in doc[lo:hi] if _has_letters(t.text)]
        caps = sum(1 for w in words if w.isupper())
        if caps < MIN_CAPS_WORDS or caps < MIN_CAPS_SHARE * len(words):
            continue
        cuts = [
            k
            for k in range(lo + 1, hi - 1)
            if doc[k].text in DASHES and doc[k - 1].whitespace_ and doc[k].whitespace_
        ]
        for a, b in zip([lo, *(k + 1 for k in cuts)], [*cuts, hi], strict=True):
            if any(_has_letters(t.text) for t in doc[a:b]):
                out.append((a, b))
    return out


#: A line in title case ("Storm Forces Evacuation of Coastal Towns") is read like a line
#: in capitals when it has this many capitalised common words at least ...
MIN_TITLE_WORDS = 3
#: ... and is no longer than this (a headline, not a sentence of names)
MAX_TITLE_LINE = 20


def _headline_shape(line: Span) -> bool:
    """No full stop, colon or bracket at the end, no bracket at the start, no
    semicolon, no number at the end and no "by" (a credits line, a table's row, a
    table's head: "(Reporting by ...; Editing by ...)", "Associated Cement Companies
    1,145.00 (1,160.00)", "Results of the Abu Dhabi Grand Prix on Sunday:")."""
    first, last = line[0], line[-1]
    return not (
        first.text[:1] in ("(", "[")
        or last.text[-1:] in (".", ":", ")", "]")
        or last.like_num
        or any(t.text == ";" or t.lower_ == "by" for t in line)
    )


def title_lines(doc: Doc, common: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Token ranges (start, end) of the lines of ``doc`` written in title case, as web
    pages write headlines: every word capitalised but short function words, at least
    ``MIN_TITLE_WORDS`` of them common words (``common(lower-case word)``) in title case
    (so never a line in capitals: ``caps_lines``), and the shape of a headline
    (``_headline_shape``). Case says nothing there about which words are names, as in
    capitals."""
    out: list[tuple[int, int]] = []
    for lo, hi in line_ranges(doc):
        toks = [t for t in doc[lo:hi] if t.is_alpha]
        if not toks or len(toks) > MAX_TITLE_LINE or not _headline_shape(doc[lo:hi]):
            continue
        content = [t for t in toks if not (t.is_lower and len(t) <= 4)]  # "of", "as", "in"
        if any(not t.text[:1].isupper() for t in content):
            continue
        if sum(1 for t in content if t.is_title and common(t.lower_)) >= MIN_TITLE_WORDS:
            out.append((lo, hi))
    return out


def running_forms(
    tokens: list[Token], skip: Container[int], names: Container[int] = ()
) -> dict[str, str]:
    """How the story writes each word in running text: lower-case word -> its most
    frequent written form among tokens that are not in capitals and not inside ``skip``
    (token indices of caps lines), and are not at a sentence's, line's or quotation's
    opening -- unless they are inside ``names`` (token indices of the story's entities:
    "Arsenal went top ..." after a dateline)."""
    counts: dict[str, Counter[str]] = {}
    for tok in tokens:
        text = tok.text
        if tok.i in skip or not _has_letters(text) or text.isupper() or tok.is_space:
            continue
        if tok.i not in names:
            if tok.is_sent_start or tok.i == 0:
                continue
            prev = tok.doc[tok.i - 1]
            if prev.is_quote or prev.is_space or prev.text in DASHES or prev.text == ":":
                continue
        counts.setdefault(text.lower(), Counter())[text] += 1
    return {low: c.most_common(1)[0][0] for low, c in counts.items()}


def base_form(low: str, words: Container[str], *, itself: bool = True) -> str | None:
    """The word of ``words`` that the lower-case ``low`` is or regularly inflects
    ("advances" -> "advance", "firms" -> "firm", "ruled" -> "rule", "stopped" -> "stop",
    "winning" -> "win"); None when there is none. ``itself=False``: only a word ``low``
    inflects ("faced" -> "face", though "faced" is an adjective in the dictionary)."""
    if itself and low in words:
        return low
    candidates = []
    if low.endswith("ies"):
        candidates.append(low[:-3] + "y")
    if low.endswith("es"):
        candidates.append(low[:-2])
    if low.endswith("s"):
        candidates.append(low[:-1])
    if low.endswith("ied"):
        candidates.append(low[:-3] + "y")
    if low.endswith("ed"):
        candidates += [low[:-2], low[:-1]]
        if len(low) > 4 and low[-3] == low[-4]:
            candidates.append(low[:-3])  # "stopped"
    if low.endswith("ing"):
        candidates += [low[:-3], low[:-3] + "e"]
        if len(low) > 5 and low[-4] == low[-5]:
            candidates.append(low[:-4])  # "winning"
    return next((c for c in candidates if len(c) >= 2 and c in words), None)


def _hyphenated(low: str, dictionary: Container[str], irregular: Container[str]) -> str:
    """The running-text case of a hyphenated word in lower case: its English parts in lower
    case, the others capitalised ("inzamam-ul-haq" -> "Inzamam-Ul-Haq", "russia-backed"
    -> "Russia-backed"); all in lower case when every part is English ("first-round")."""
    return "-".join(
        p if not p or is_english_word(p, dictionary, irregular) else p.title()
        for p in low.split("-")
    )


def _capitalised(word: str) -> str:
    """``word`` with its first letter in capitals ("kyiv" -> "Kyiv", "u.s." -> "U.s.")."""
    return word[:1].upper() + word[1:]


def is_english_word(low: str, words: Container[str], irregular: Container[str]) -> bool:
    """``low`` is in the dictionary ``words``, or an irregular form or regular inflection
    of a word in it ("advances", "firms", "wickets", "hit", "ruled", "taking")."""
    return low in irregular or base_form(low, words) is not None


def truecase(
    words: list[str],
    *,
    story: Mapping[str, str],
    known: Callable[[str], str | None],
    function_words: Container[str],
    dictionary: Container[str],
    irregular: Container[str] = (),
    people: People | None = None,
    forms: Mapping[str, str] | None = None,
) -> list[str]:
    """The running-text case of the words of one line of capitals (same lengths).

    ``story``: running_forms of the story; ``known(word)``: the gazetteer's written form
    of a name (None when unknown); ``function_words``: lower-case stop words;
    ``dictionary``/``irregular``: lower-case English words and irregular inflections;
    ``people``: given names, surnames and titles, for names the dictionary also knows as
    words ("JOHN SMITH", "JOE ROOT", "PRESIDENT BUSH"); ``forms``: lower-case word -> how
    English text usually writes it, asked before the dictionary."""
    out: list[str] = []
    first = True
    for word in words:
        if not word.isupper():
            out.append(word)
            if _has_letters(word):
                first = False
            continue
        low = word.lower()
        name = known(word)
        if name is not None and name == word:
            cased = word  # "NATO", "U.S."
        elif low in story and len(story[low]) == len(word):
            cased = story[low]
        elif low in function_words:
            cased = low
        elif name is not None and len(name) == len(word):
            cased = name
        elif forms is not None and low in forms:
            cased = forms[low]
        elif "-" in word and not word.startswith("-"):
            cased = _hyphenated(low, dictionary, irregular)
        elif people is not None and low in people.rare_surnames:
            cased = word[:1] + low[1:]  # "PUTIN": WordNet knows "putin", news a person
        elif is_english_word(low, dictionary, irregular):
            cased = low
        elif len(word) <= 3 or not (VOWELS & set(word)):
            cased = word  # "NBA", "PSG", "CSKA"
        else:
            cased = word[:1] + word[1:].lower()
        if first and _has_letters(word):
            cased = cased[:1].upper() + cased[1:]
            first = False
        out.append(cased)
    if people is not None:
        _people_names(words, out, people, function_words, known)
    return out


@dataclass(frozen=True)
class People:
    """Lower-case word lists for people's names in capitals: ``given`` names, ``surnames``
    (those that are also ordinary words count), ``titles`` ("president", "coach"),
    ``verbs`` (words that can be a verb, adjective or adverb: "mark", "will", "said"),
    ``inflected`` (inflected verb forms: "says", "won", "taking") and ``rare_surnames``
    (surnames that are no ordinary word, a name wherever they stand: "putin")."""

    given: Container[str]
    surnames: Container[str]
    titles: Container[str]
    verbs: Callable[[str], bool]
    inflected: Callable[[str], bool]
    rare_surnames: Container[str] = ()


def _people_names(
    words: list[str],
    out: list[str],
    people: People,
    function_words: Container[str],
    known: Callable[[str], str | None],
) -> None:
    """Capitalise in ``out`` the people's names of a line in capitals that the dictionary
    lower-cased: a given name and the word after it ("JOHN SMITH", "JOE ROOT"; a given name
    that is also a verb, "MARK", "WILL", needs a known surname after it: "MARK WOOD", not
    "WILL MEET"), and a known surname after a title ("PRESIDENT BUSH")."""
    for i in range(len(words) - 1):
        a, b = words[i], words[i + 1]
        if not (a.isupper() and b.isupper() and a.isalpha() and b.isalpha()):
            continue
        la, lb = a.lower(), b.lower()
        if lb in function_words or lb in people.titles or known(b) is not None:
            continue  # not "SAID TURKEY": a place the gazetteer knows is no surname
        if la in people.given:
            # after a given name that is no verb, any word but an inflected verb
            # ("JOHN SAYS", "DONALD WON") is the surname ("DONALD TRUMP", "JOE ROOT")
            if lb in people.surnames or not (people.verbs(la) or people.inflected(lb)):
                out[i] = _title(a, out[i])  # also "JOE", which short words leave in capitals
                out[i + 1] = _title(b, out[i + 1])
        elif la in people.titles and lb in people.surnames:
            out[i + 1] = _title(b, out[i + 1])


def _title(word: str, cased: str) -> str:
    """``word`` (in capitals) as a name: the case already given when it is mixed ("McCain"
    from the story), else a capital and lower case."""
    if cased != cased.upper() and cased != cased.lower():
        return cased
    return word[:1] + word[1:].lower()


#: a word after one of these (or after a line break) opens a sentence
SENTENCE_ENDS = frozenset({".", "!", "?"})


def sentence_openers(doc: Doc) -> set[int]:
    """Token indices of the words that open a sentence in copy whose case says nothing:
    the first word of the text and of each line, and the first word after a full stop,
    a question or an exclamation mark (past the quotes and brackets that follow one)."""
    out: set[int] = set()
    opening = True
    for tok in doc:
        if tok.is_space:
            if "\n" in tok.text:
                opening = True
            continue
        if _has_letters(tok.text) or tok.like_num:
            if opening and _has_letters(tok.text):
                out.add(tok.i)
            opening = False
        elif set(tok.text) <= SENTENCE_ENDS:
            opening = True  # also "...", "?!", which the tokenizer keeps whole
        elif not (tok.is_quote or tok.is_bracket or tok.text in DASHES):
            opening = False
        if "\n" in tok.whitespace_:
            opening = True
    return out


_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: the possessive nouns inside the names of parties, states and fronts
_NAME_POSSESSORS = frozenset({"people", "women", "workers", "children", "citizens",
                              "farmers", "nations", "martyrs", "patriots", "veterans"})


def _possessive_names(words: list[str], out: list[str], openers: Container[int]) -> None:
    """A possessive such as "people's" between two names is part of one name: "luhansk
    people's republic" -> "Luhansk People's Republic", "kenya women's league" (not "the
    trump administration's china policy")."""
    for i in range(1, len(words) - 2):
        before, word, mark, after = out[i - 1], words[i], words[i + 1], out[i + 2]
        if (
            word in _NAME_POSSESSORS
            and out[i] == word
            and mark in _POSSESSIVE
            and before[:1].isupper()
            and before.isalpha()
            and i - 1 not in openers
            and after[:1].isupper()
            and after.isalpha()
            and i + 2 not in openers
        ):
            out[i] = _capitalised(word)


def truecase_lower(
    words: list[str],
    *,
    openers: Container[int],
    known: Callable[[str], str | None],
    forms: Mapping[str, str],
    function_words: Container[str],
    dictionary: Container[str],
    irregular: Container[str] = (),
    people: People | None = None,
) -> list[str]:
    """The running-text case of the words of a story written all in lower case (scraped
    copy that lost its case: "kyiv", "vladimir putin said"), the same lengths.

    A word's case comes, in this order, from: English function words (lower case: "us"
    and "who" are the pronouns here, not the country and the agency); a name the
    gazetteer knows (``known`` is asked with the word in capitals: "nato" -> "NATO",
    "moscow" -> "Moscow", "u.s." -> "U.S."); ``forms``, how English text usually writes
    the word ("masoud" -> "Masoud", "palace" stays); a surname that is no ordinary word
    ("putin"); the dictionary (an English word or an inflection of one stays in lower
    case); otherwise a name ("miroshnik" -> "Miroshnik"), except words of three letters
    or fewer, which are more often abbreviations than names ("pct", "mln"). Words at
    ``openers`` (token indices: sentence openings) are capitalised, and so are people's
    names the dictionary lower-cased after a given name ("joe root") and known surnames
    after a word re-cased as a name ("declan rice")."""
    out: list[str] = []
    named: list[int] = []  # words re-cased as names of no place or body the gazetteer knows
    proper: set[int] = set()  # words re-cased as names, not only as sentence openers
    for i, word in enumerate(words):
        if not word.islower():
            out.append(word)
            continue
        cased = word
        if word in function_words:
            pass
        elif (name := known(word.upper())) is not None and len(name) == len(word):
            cased = name
        elif word in forms:
            cased = forms[word]
            if cased.istitle():
                named.append(i)
        elif people is not None and word in people.rare_surnames:
            cased = _capitalised(word)
            named.append(i)
        elif "-" in word and not word.startswith("-"):
            cased = _hyphenated(word, dictionary, irregular)
        elif is_english_word(word, dictionary, irregular) or len(word) <= 3:
            pass
        elif word.replace(".", "").replace("'", "").isalpha():
            cased = _capitalised(word)
            named.append(i)
        if cased[:1].isupper():
            proper.add(i)
        if i in openers:
            cased = _capitalised(cased)
        out.append(cased)
    _possessive_names(words, out, openers)
    if people is not None:
        # round 9's rule for lines in capitals, asked with the words in capitals
        _people_names([w.upper() for w in words], out, people, function_words, known)
        for i in named:
            # a known surname the dictionary kept in lower case after a name: "declan rice"
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if (
                nxt.isalpha()
                and nxt.islower()
                and out[i + 1] == nxt
                and nxt in people.surnames
                and nxt not in function_words
                and not people.inflected(nxt)
                and known(nxt.upper()) is None
            ):
                out[i + 1] = _capitalised(nxt)
        _surnames_again(words, out, people, function_words, forms)
    _venue_names(words, out, function_words, openers, proper)
    return out


#: the last word of a venue's name that lower-case copy writes like the common noun
VENUE_HEADS = frozenset({"stadium", "arena"})


def _venue_names(
    words: list[str],
    out: list[str],
    function_words: Container[str],
    openers: Container[int],
    proper: Container[int],
) -> None:
    """"Stadium" and "Arena" after a word re-cased as a name end a venue's name, as print
    writes it: "at lusail stadium" -> "Lusail Stadium", "diego armando maradona stadium".
    Not after a function word, a word that stays in lower case ("the new stadium") or one
    capitalised only as a sentence's first ("new stadium plans were ...")."""
    for i in range(1, len(words)):
        prev = i - 1
        if (
            words[i] in VENUE_HEADS
            and out[i] == words[i]
            and out[prev][:1].isupper()
            and words[prev].islower()
            and words[prev] not in function_words
            and (prev not in openers or prev in proper)
        ):
            out[i] = _capitalised(words[i])


def _surnames_again(
    words: list[str],
    out: list[str],
    people: People,
    function_words: Container[str],
    forms: Mapping[str, str],
) -> None:
    """The surname of a person named in full ("emmanuel macron", "keir starmer": a given
    name, then a word re-cased as a name) keeps its capital wherever else the story uses
    it alone ("macron disagreed"), as print would write it. Not a word that text usually
    writes in lower case unless it is a known surname ("smith"): "mercedes team", "per
    euro" and "donald trump" lend no capital to "team", "euro" or "trump"."""

    def name_like(word: str) -> bool:
        form = forms.get(word)
        return form is None or form[:1].isupper()

    surnames: set[str] = set()
    for i in range(len(words) - 1):
        given, last = words[i], words[i + 1]
        if (
            given in people.given
            and name_like(given)
            and out[i][:1].isupper()
            and last.isalpha()
            and last.islower()
            and out[i + 1][:1].isupper()
            and last not in function_words
            and (name_like(last) or last in people.surnames)
        ):
            surnames.add(last)
    if surnames:
        for i, word in enumerate(words):
            if word in surnames and out[i] == word:
                out[i] = _capitalised(word)
