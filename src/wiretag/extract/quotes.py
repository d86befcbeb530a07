"""Who said what: direct, partial, mixed and indirect quotations, attributed to speakers.

Two layers, deliberately independent:

1. **The quotation-mark layer** (:func:`find_quote_marks`) works on the raw text alone, in
   one linear pass. It pairs straight, curly, single and guillemet marks, follows the news
   convention where a quote runs over several paragraphs and each new paragraph reopens the
   mark without closing the previous one, and bounds an unclosed mark at the end of its
   paragraph so that scraped copy with a stray mark never swallows the rest of the story.
2. **The attribution layer** (:func:`extract_quotes`) uses the spaCy ``Doc``: surface cue
   verbs ("said", "told") found around the marks for direct quotes — wire copy's frames are
   regular enough that a lexical window beats a parser trained on other genres — and the
   dependency parse (a cue verb's clausal complement, its subject the speaker) for reported
   speech without marks.

Kinds (``wiretag/1``):

* ``direct`` — a whole utterance inside marks: ``"We will win," he said.``
* ``partial`` — a quoted fragment of two or more words inside a speaker's frame:
  ``He said the regime was "absolutely toxic"``; the content is the fragment.
* ``mixed`` — the reported clause of an indirect frame that carries such a fragment; the
  content is the whole clause, marks included. A fragment inside a reported clause thus
  yields both a ``partial`` (the exact words) and a ``mixed`` (the statement they sit in).
* ``indirect`` — reported speech without marks: the cue's clausal complement
  (``X said (that) ...``, ``..., X said.``, ``according to X, ...``, ``X accused Y of ...``,
  ``..., saying ...``; ``it was announced that ...`` with a null speaker). The parse is a
  hint, not the rule: a weak parser's errors are overruled by lexical frames (a fronted
  clause closed by ``, X said on Tuesday after ...``, an apposition or relative clause
  between speaker and cue, a listener after "told"), and the clause ends where the
  reporter's sentence resumes (``... and ordered ...``, ``, adding``, ``when ...``).

Single quoted words and title-case names in marks are scare quotes, nicknames or titles:
not quotes; the short ones outside any speaker frame are returned apart as scare quotes
(:func:`extract_quotes_and_scare_quotes`, ``Document.scare_quotes``).

A speaker's ``entity`` is set only from clear evidence (the running speaker of a quote
sequence for a pronoun, a mention inside the speaker phrase, a name in apposition, a
matching name, a pronoun or nominal with one compatible antecedent, a lede nominal named
later with its title); otherwise it stays ``None``. Entities named only in the dateline
are nobody's antecedent.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from wiretag.document import Document, Entity, Quote, QuoteKind, SpanRef, Speaker
from wiretag.extract.quote_lexicon import (
    ATTITUDE_CUES,
    CUE_FORMS,
    OBJECT_OF_CUES,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    SPEAKER_CUE_FILLERS,
    SPEAKER_PRONOUNS,
    THING_PRONOUNS,
    TITLE_SMALL_WORDS,
    TITLE_TRIGGERS,
)
from wiretag.nlp.truecase import reading_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "QuoteMarks",
    "extract_quotes",
    "extract_quotes_and_scare_quotes",
    "find_quote_marks",
    "stage",
]

# ------------------------------------------------------------------ quotation-mark layer

_DOUBLE_OPEN = frozenset("“„‟")
_DOUBLE_CLOSE = frozenset("”")
_GUILLEMET_OPEN = frozenset("«")
_GUILLEMET_CLOSE = frozenset("»")
_SINGLE_OPEN = frozenset("‘‛")
_SINGLE_CLOSE = frozenset("’")
_ALL_MARKS = frozenset("\"'“”„‟«»‘’‛")
#: characters after which a straight mark is an opener ("(", a dash, a space, line start)
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/:;")


@dataclass(frozen=True)
class QuoteMarks:
    """One top-level quotation found by its marks. ``start``/``end`` bound the content."""

    open: int
    close: int | None
    start: int
    end: int
    style: str  # "double", "single" or "guillemet"
    closed: bool
    paragraphs: int = 1


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: wire copy puts one paragraph per line."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _family(ch: str) -> str | None:
    if ch in _DOUBLE_OPEN or ch in _DOUBLE_CLOSE or ch == '"':
        return "double"
    if ch in _GUILLEMET_OPEN or ch in _GUILLEMET_CLOSE:
        return "guillemet"
    if ch in _SINGLE_OPEN or ch in _SINGLE_CLOSE or ch == "'":
        return "single"
    return None


def _reopens(text: str, para: tuple[int, int], family: str) -> int | None:
    """Index of the mark reopening a continued quote at the start of ``para``, if any."""
    i = para[0]
    while i < para[1] and text[i] in " \t\r":
        i += 1
    if i >= para[1]:
        return None
    ch = text[i]
    if family == "double" and (ch in _DOUBLE_OPEN or ch == '"'):
        return i
    if family == "guillemet" and (ch in _GUILLEMET_OPEN or ch in _GUILLEMET_CLOSE):
        return i
    if family == "single" and (ch in _SINGLE_OPEN or ch == "'"):
        return i
    return None


def _is_opener(text: str, i: int, lo: int, hi: int) -> bool:
    """Whether the mark at ``i`` opens a quotation (when nothing of its family is open)."""
    ch = text[i]
    if ch in _DOUBLE_OPEN or ch in _GUILLEMET_OPEN or ch in _SINGLE_OPEN:
        return i + 1 < hi and not text[i + 1].isspace()
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if after.isspace():
        return False
    if ch in ('"', "”"):
        # a straight mark, or a closing curly mark that scraped copy uses for both sides
        return before in _OPEN_CONTEXT or before in _ALL_MARKS
    if ch in ("'", "’"):
        # an apostrophe inside or at the end of a word is not a quotation mark
        return (before in _OPEN_CONTEXT or before in "\"“«") and after.isalnum()
    return False


def _is_closer(text: str, i: int, lo: int, hi: int, family: str) -> bool:
    ch = text[i]
    if family == "double":
        if ch in _DOUBLE_CLOSE:
            return True
        if ch == '"':
            before = text[i - 1] if i > lo else " "
            after = text[i + 1] if i + 1 < hi else " "
            # `said "yes" to` closes at the second mark; `" Hello` with a space after the
            # mark and a space before it is still a closer once a quote is open.
            return not (before.isspace() and after.isalnum())
        return False
    if family == "guillemet":
        return ch in _GUILLEMET_CLOSE
    if ch in _SINGLE_CLOSE or ch == "'":
        before = text[i - 1] if i > lo else " "
        after = text[i + 1] if i + 1 < hi else " "
        # "Kiev’s", "don't": a mark between letters is an apostrophe
        return not before.isspace() and not after.isalnum()
    return False


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """All top-level quotations delimited by marks, in text order, in linear time.

    Single quotes nested inside double quotes (or guillemets) belong to the outer quote and
    are not reported. A quote still open at the end of a paragraph continues when the next
    paragraph reopens the same kind of mark (the multi-paragraph convention); otherwise it
    is bounded at the paragraph's end and reported with ``closed=False``. An unclosed single
    mark is dropped: in scraped copy it is far more often a stray apostrophe.
    """
    paras = _paragraphs(text)
    out: list[QuoteMarks] = []
    family: str | None = None
    open_at = -1
    n_paras = 1
    skip_reopen: int | None = None
    for p_index, (lo, hi) in enumerate(paras):
        i = lo
        while i < hi:
            ch = text[i]
            if ch not in _ALL_MARKS or i == skip_reopen:
                i += 1
                continue
            if family is None:
                fam = _family(ch)
                if fam is not None and _is_opener(text, i, lo, hi):
                    family, open_at, n_paras = fam, i, 1
            elif _family(ch) == family and _is_closer(text, i, lo, hi, family):
                _emit(out, text, open_at, i, family, closed=True, paragraphs=n_paras)
                family = None
            i += 1
        if family is None:
            continue
        nxt = paras[p_index + 1] if p_index + 1 < len(paras) else None
        reopen = _reopens(text, nxt, family) if nxt is not None and family != "single" else None
        if reopen is not None and _has_later_mark(text, reopen, nxt):
            skip_reopen = reopen
            n_paras += 1
            continue
        if family != "single":
            _emit(out, text, open_at, None, family, closed=False, paragraphs=n_paras,
                  bound=hi)
        family = None
    return out


def _has_later_mark(text: str, reopen: int, para: tuple[int, int] | None) -> bool:
    """A reopening mark is only a continuation if the paragraph reads as quoted speech.

    Without this, a paragraph that merely begins with an unrelated short quote ("'Fire!'
    someone shouted") would be glued onto an unclosed quote before it; we accept the
    continuation when the new paragraph is not itself a complete short quote.
    """
    if para is None:
        return False
    close = -1
    for j in range(reopen + 1, para[1]):
        if text[j] in _DOUBLE_CLOSE or text[j] in _GUILLEMET_CLOSE or text[j] == '"':
            close = j
            break
    # continued when the paragraph never closes, or closes late (an attributed last part)
    return close == -1 or close - reopen > 3


def _emit(
    out: list[QuoteMarks],
    text: str,
    open_at: int,
    close: int | None,
    family: str,
    *,
    closed: bool,
    paragraphs: int,
    bound: int | None = None,
) -> None:
    start = open_at + 1
    end = close if close is not None else (bound if bound is not None else len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(QuoteMarks(open_at, close, start, end, family, closed, paragraphs))


# ------------------------------------------------------------------ attribution layer


@dataclass
class _Cand:
    kind: QuoteKind
    start: int
    end: int
    speaker: tuple[int, int] | None = None  # token range [a, b)
    cue: tuple[int, int] | None = None  # token range
    confidence: float = 0.5
    running: bool = False
    speaker_ref: Speaker | None = None  # inherited speaker (running)
    marks: QuoteMarks | None = None
    extra: dict[str, Any] = field(default_factory=dict)


_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SENT_END = frozenset(".!?")


def _dep(token: Token) -> str:
    """The dependency label without its UD subtype ("nsubj:pass" -> "nsubj"), lower case."""
    return str(token.dep_).split(":", 1)[0].lower()


def _is_cue(token: Token) -> bool:
    lemma = CUE_FORMS.get(token.lower_)
    if lemma is None:
        return False
    # A tagged token must be a verb; an untagged one (blank pipeline) is taken on its form.
    # Forms that are never nouns in news copy are taken whatever a weak tagger says.
    return token.pos_ in ("", "VERB", "AUX") or token.lower_ in _VERB_ONLY_FORMS


#: cue forms that are verbs whatever their tag ("Prosecutors accuse ..." tagged as a noun)
_VERB_ONLY_FORMS = frozenset(
    {"says", "said", "told", "tells", "accuse", "accuses", "accused", "denied", "denies",
     "warned", "added", "insisted", "urged", "argued", "stressed", "claimed",
     "announced", "confirmed", "acknowledged", "admitted"}
)


def _cue_lemma(token: Token) -> str:
    return CUE_FORMS.get(token.lower_, token.lemma_.lower())


#: "MOSCOW, Nov 21 (Reuters) – ": the dateline is never part of a quote or a speaker
_DATELINE_RE = re.compile(r"^[^\n]{0,80}?\([^()\n]{1,40}\)\s*[-–—]+\s*")


class _Story:
    """Per-Doc indexes shared by the attribution rules."""

    def __init__(self, doc: Doc, entities: Sequence[Entity]) -> None:
        self.doc = doc
        #: the story's own words, quoted in the output
        self.original: str = doc.text
        #: the text the rules read: a story written all in lower case is read in the
        #: running-text case the backbone gave it (same offsets), so titles of works,
        #: names and qualifiers ("a senior Russian official") look as they would in print
        self.text: str = reading_text(doc, self.original)
        self.tok_starts: list[int] = [t.idx for t in doc]
        self.paras = _paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.has_parse = bool(doc.has_annotation("DEP"))
        self.has_sents = self.has_parse or bool(doc.has_annotation("SENT_START"))
        self.sent_starts: list[int] = [sent.start for sent in doc.sents] \
            if self.has_sents and len(doc) else []
        self.entities = list(entities)
        mentions: list[tuple[int, int, Entity]] = []
        for ent in self.entities:
            for m in ent.mentions:
                mentions.append((m.start, m.end, ent))
        mentions.sort(key=lambda m: (m[0], m[1]))
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        match = _DATELINE_RE.match(self.text)
        self.body_start = self.tok_at(match.end()) if match and len(doc) else 0
        #: the dateline's place and agency are never antecedents of a speaker
        self.body_char = match.end() if match else 0

    # --- positions
    def tok_at(self, char: int) -> int:
        """Index of the token containing (or first after) character ``char``."""
        i = bisect.bisect_right(self.tok_starts, char) - 1
        if i < 0:
            return 0
        tok = self.doc[i]
        if char >= tok.idx + len(tok.text) and i + 1 < len(self.doc):
            return i + 1
        return i

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def para_bounds(self, char: int) -> tuple[int, int]:
        if not self.paras:
            return 0, len(self.text)
        return self.paras[self.para_of(char)]

    def span_chars(self, a: int, b: int) -> tuple[int, int]:
        """Character range of tokens [a, b)."""
        first, last = self.doc[a], self.doc[b - 1]
        return first.idx, last.idx + len(last.text)

    def sentence_of(self, tok: int) -> tuple[int, int]:
        """Token range of the sentence holding ``tok`` (the paragraph when unparsed)."""
        lo, hi = self.para_bounds(self.doc[tok].idx)
        p_lo, p_hi = self.tok_at(lo), self.tok_at(hi - 1) + 1
        if self.has_sents:
            # a weak segmenter glues a paragraph onto the last sentence of the one before;
            # wire copy never runs a sentence over a paragraph break
            s_lo, s_hi = self._sent_bounds(tok)
            lo_t, hi_t = max(s_lo, p_lo), min(s_hi, p_hi)
            # ... and splits mid-sentence ("..., Commerce ministry spokeswoman | Li Ying
            # told ..."): join a neighbour across a boundary with no final punctuation
            for _ in range(3):
                if lo_t <= p_lo or self._ends_sentence(lo_t - 1):
                    break
                lo_t = max(self._sent_bounds(lo_t - 1)[0], p_lo)
            for _ in range(3):
                if hi_t >= p_hi or self._ends_sentence(hi_t - 1):
                    break
                hi_t = min(self._sent_bounds(hi_t)[1], p_hi)
            return lo_t, hi_t
        return p_lo, p_hi

    def _sent_bounds(self, tok: int) -> tuple[int, int]:
        """The segmenter's sentence around ``tok``, in log time: ``Token.sent`` walks the
        whole sentence, which made a paragraph-long "sentence" of quotes quadratic."""
        k = bisect.bisect_right(self.sent_starts, tok) - 1
        lo = self.sent_starts[k] if k >= 0 else 0
        hi = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return lo, hi

    def _ends_sentence(self, i: int) -> bool:
        """Whether token ``i`` can end a sentence (final punctuation, maybe in marks)."""
        doc = self.doc
        while i > 0 and (doc[i].text in _ALL_MARKS or doc[i].text in (")", "]")):
            i -= 1
        return doc[i].text in _SENT_END or doc[i].text.endswith((".", "!", "?", ":"))


def extract_quotes(doc: Doc, entities: Sequence[Entity] = ()) -> list[Quote]:
    """The quotations of ``doc`` in text order, with speakers linked into ``entities``.

    ``entities`` are the story's entities (``Document.entities``); speakers are linked to
    them through mention offsets. Works on any Doc: without a parse, only the mark layer and
    the lexical frames around the marks are used.
    """
    return extract_quotes_and_scare_quotes(doc, entities)[0]


def extract_quotes_and_scare_quotes(
    doc: Doc, entities: Sequence[Entity] = ()
) -> tuple[list[Quote], list[SpanRef]]:
    """:func:`extract_quotes` plus the scare quotes met on the way: quoted words of one to
    four words with no speaker frame ("the current “regime”", a so-called “special
    operation”), titles and nicknames excluded. Their spans hold the words, marks excluded.
    """
    story = _Story(doc, entities)
    marks = find_quote_marks(story.text)
    cands: list[_Cand] = []
    direct_spans: list[tuple[int, int]] = []
    fragments: list[_Cand] = []
    scare: list[SpanRef] = []
    for qm in marks:
        cand = _classify_marks(story, qm)
        if cand is None:
            if _is_scare(story, qm):
                scare.append(SpanRef(story.original[qm.start:qm.end], qm.start, qm.end))
            continue
        if cand.kind == "direct":
            direct_spans.append((qm.open, qm.close if qm.close is not None else qm.end))
            cands.append(cand)
        else:
            fragments.append(cand)
    if story.has_parse:
        cands.extend(_indirect(story, direct_spans, fragments))
    for frag in fragments:
        if frag.speaker is not None:
            cands.append(frag)
        elif frag.marks is not None and _is_scare(story, frag.marks):
            scare.append(SpanRef(story.original[frag.start:frag.end], frag.start, frag.end))
    cands.sort(key=lambda c: (c.start, c.end))
    scare.sort(key=lambda r: r.start)
    return _finish(story, cands), scare


def _is_scare(story: _Story, qm: QuoteMarks) -> bool:
    """Short quoted words outside any speaker frame, and not a title or a nickname."""
    content = story.text[qm.start:qm.end]
    words = _words(content)
    if not 1 <= len(words) <= 4 or content.rstrip()[-1:] in (".", "!", "?"):
        return False
    prev = _words(_prefix(story, qm)[-40:])
    prev_word = prev[-1].lower() if prev else ""
    if prev_word == "so-called" or (prev_word == "called" and prev[-2:-1] == ["so"]):
        return True
    return prev_word not in TITLE_TRIGGERS and not _is_title_case(words)


# --- direct quotes and fragments


def _prefix(story: _Story, qm: QuoteMarks) -> str:
    """The text of the paragraph before the opening mark."""
    lo, _ = story.para_bounds(qm.open)
    # a bounded window keeps a paragraph of thousands of quotes linear
    return story.text[max(lo, qm.open - 200):qm.open]


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _is_title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _classify_marks(story: _Story, qm: QuoteMarks) -> _Cand | None:
    text = story.text
    content = text[qm.start:qm.end]
    words = _words(content)
    if not words:
        return None
    prefix = _prefix(story, qm).rstrip()
    prev_words = _words(prefix[-40:])
    prev_word = prev_words[-1].lower() if prev_words else ""
    after_frame = _after_frame(story, qm)
    utterance_start = (
        not prefix
        or prefix[-1] in ".!?:;—–"
        or prefix[-1] in _ALL_MARKS
        or (prefix[-1] == "," and prev_word in CUE_FORMS)
        or (prev_word in CUE_FORMS and content[:1].isupper())
        or (prefix[-1] == "," and after_frame is not None)
    )
    if utterance_start and (len(words) >= 2 or after_frame is not None):
        if len(words) <= 6 and _is_title_case(words) and after_frame is None \
                and not content.rstrip().endswith((".", "!", "?", ",")):
            return None  # a headline-style title or name standing alone
        end = qm.end
        # the comma before the attribution belongs to the frame, not to the speech
        if text[end - 1] == "," and after_frame is not None:
            end -= 1
        cand = _Cand("direct", qm.start, end, marks=qm)
        cand.confidence = 0.95 if qm.closed else 0.6
        frame = after_frame or _before_frame(story, qm)
        if frame is not None:
            cand.speaker, cand.cue = frame
        return cand
    if len(words) < 2:
        return None  # scare quote or quoted term: "the current “regime”"
    if prev_word in TITLE_TRIGGERS or _is_title_case(words):
        return None  # title of a work, nickname, slogan
    cand = _Cand("partial", qm.start, qm.end, marks=qm, confidence=0.75)
    frame = after_frame or _fragment_frame(story, qm)
    if frame is not None:
        cand.speaker, cand.cue = frame
    return cand


def _np_back(story: _Story, end: int, floor: int) -> tuple[int, int] | None:
    """A speaker noun phrase ending just before token ``end`` (exclusive), not below floor."""
    doc = story.doc
    j = _skip_fillers(story, end - 1, floor)
    if j < floor:
        return None
    b = j + 1
    while j >= floor:
        tok = doc[j]
        if (tok.is_punct and tok.text not in ("-", ".", "’", "'")) or tok.text in _ALL_MARKS:
            break
        if tok.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") and tok.lower_ not in ("and",):
            break
        if tok.text in _SUBORDINATORS:  # lower case only: "WHO" is no relative pronoun
            break  # "Shares fell after the company warned": the speaker starts after it
        if tok.lower_ in CUE_FORMS and j != b - 1:
            break
        if tok.is_space or "\n" in tok.text:
            break
        j -= 1
    a = j + 1
    if a >= b:
        return None
    return _trim_np(story, a, b)


_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def _skip_fillers(story: _Story, j: int, floor: int) -> int:
    """Step back over auxiliaries, adverbs and a day ("Regulators on Thursday accused")
    between a speaker and the cue; returns the index of the last speaker token."""
    doc = story.doc
    while j >= floor:
        low = doc[j].lower_
        if low in SPEAKER_CUE_FILLERS:
            j -= 1
        elif low in _WEEKDAYS and j - 1 >= floor and doc[j - 1].lower_ == "on":
            j -= 2
        else:
            break
    return j


def _trim_np(story: _Story, a: int, b: int) -> tuple[int, int] | None:
    doc = story.doc
    for k in range(b - 2, a - 1, -1):
        if doc[k].text in _SUBORDINATORS:
            a = k + 1  # a parse that hangs "5% after the company" on the speaker
            break
    # a parser may hang a paragraph break on a phrase's edge ("\n\nUkraine is ...")
    while a < b and (doc[a].is_punct or doc[a].is_space
                     or doc[a].lower_ in ("and", "but", "while", "as")):
        a += 1
    while b > a and ((doc[b - 1].is_punct and doc[b - 1].text != ".") or doc[b - 1].is_space):
        b -= 1
    if a >= b or not any(t.is_alpha for t in doc[a:b]):
        return None
    return a, b


_NP_STOP = frozenset(
    {"on", "in", "at", "to", "after", "before", "during", "when", "while", "as", "from",
     "with", "about", "who", "which", "that", "late", "earlier", "later", "yesterday",
     "today", "tonight", "last", "this", "via", "through", "told", "adding", "in."}
)


def _np_forward(
    story: _Story, start: int, limit: int, *, counted: bool = False
) -> tuple[int, int] | None:
    """A speaker noun phrase starting at token ``start`` ("said Rodion Miroshnik, ...").

    ``counted`` lets the phrase open with a number ("according to two diplomats").
    """
    doc = story.doc
    j = start
    while j < limit:
        tok = doc[j]
        if (tok.is_punct and tok.text not in ("-", "’", "'", ".")) or tok.text in _ALL_MARKS:
            break
        if tok.lower_ in _NP_STOP or (tok.like_num and not (counted and j == start)) \
                or "\n" in tok.text:
            break
        if tok.pos_ in ("VERB", "AUX", "SCONJ", "ADP") and tok.lower_ != "of" and not (
                # "tanker tracking firm Kpler", "the ruling party": a participle inside
                # a name-like phrase, between two nouns
                (tok.tag_ in ("VBG", "VBN") or tok.lower_.endswith("ing"))
                and j > start and j + 1 < limit
                and doc[j - 1].pos_ in ("NOUN", "PROPN") and doc[j + 1].pos_ == "NOUN"):
            break
        if tok.text == "." and (j + 1 >= limit or doc[j + 1].is_sent_start):
            break
        j += 1
    return _trim_np(story, start, j)


def _frame_limit(story: _Story, tok: int) -> int:
    """Token index where the attribution window after ``tok`` ends: sentence or paragraph."""
    doc = story.doc
    _lo, hi = story.para_bounds(doc[min(tok, len(doc) - 1)].idx)
    limit = tok
    while limit < len(doc) and doc[limit].idx < hi and limit - tok < 40:
        if doc[limit].text in _SENT_END:
            break
        limit += 1
    return limit


def _after_frame(
    story: _Story, qm: QuoteMarks
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``"...," X said`` / ``"...," said X``: speaker and cue after the closing mark."""
    if qm.close is None:
        return None
    doc = story.doc
    text = story.text
    _, p_hi = story.para_bounds(qm.close)
    k = story.tok_at(qm.close + 1)
    if k >= len(doc) or doc[k].idx >= p_hi:
        return None
    # skip the comma/dash between the mark and the frame (", he said")
    while k < len(doc) and doc[k].idx < p_hi and (doc[k].text in (",", "—", "–", "-")
                                                   or doc[k].text in _ALL_MARKS):
        k += 1
    if k >= len(doc) or doc[k].idx >= p_hi:
        return None
    inner_end = text[qm.start:qm.end].rstrip()
    ends_sentence = inner_end[-1:] in (".",) or text[qm.close + 1:qm.close + 2] == "."
    if ends_sentence and doc[k].is_title and doc[k].lower_ not in SPEAKER_PRONOUNS:
        # `"... doubt." Putin said ...` usually opens a new sentence with its own content;
        # accept it only when the cue closes that sentence (checked below).
        pass
    limit = _frame_limit(story, k)
    if _is_cue(doc[k]):
        lemma = _cue_lemma(doc[k])
        if lemma in ("tell",):
            return None
        np = _np_forward(story, k + 1, limit)
        if np is None:
            return None
        return np, (k, k + 1)
    # `X (has) said` within the window, the speaker phrase between the mark and the cue
    for j in range(k, min(limit, k + 16)):
        tok = doc[j]
        if _is_cue(tok) and j > k:
            if ends_sentence and _opens_clause(story, j, limit):
                return None
            cut = j
            # stop the speaker at an appositive comma: "Miroshnik, a former official, said"
            for m in range(k, j):
                if doc[m].text == ",":
                    cut = m
                    break
            np = _np_back(story, cut, k)
            if np is None or np[0] != k:
                return None
            return np, (j, j + 1)
        if tok.pos_ in ("VERB",) and tok.lower_ not in SPEAKER_CUE_FILLERS:
            return None
    return None


def _opens_clause(story: _Story, cue: int, limit: int) -> bool:
    """Whether the cue at ``cue`` introduces content of its own (``Putin said that ...``)."""
    doc = story.doc
    if story.has_parse and any(_dep(c) == "ccomp" and c.i > cue for c in doc[cue].children):
        return True
    rest = [t for t in doc[cue + 1:limit] if not t.is_punct]
    return len(rest) > 6 or any(t.lower_ == "that" for t in rest[:2])


def _before_frame(
    story: _Story, qm: QuoteMarks
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``X said: "..."`` / ``X told reporters, "..."``: frame before the opening mark.

    Also looks at the end of the previous paragraph when it closes with a colon, the wire
    convention for introducing a long quote.
    """
    doc = story.doc
    text = story.text
    lo, _ = story.para_bounds(qm.open)
    lo = max(lo, qm.open - 300)  # a bounded window keeps long paragraphs linear
    prefix = text[lo:qm.open].rstrip()
    end_char = lo + len(prefix)
    if not prefix:
        p = story.para_of(qm.open)
        if p == 0:
            return None
        plo, phi = story.paras[p - 1]
        prev = text[plo:phi].rstrip()
        if not prev.endswith(":"):
            return None
        lo, end_char = plo, plo + len(prev)
    elif prefix[-1] not in ":," and not (
        # `He said "We will win."`: the cue word right before the mark, no punctuation
        prefix[-1].isalpha() and _words(prefix)[-1].lower() in CUE_FORMS
    ):
        return None
    first = story.tok_at(lo)
    last = story.tok_at(end_char - 1)
    # the frame is the clause right before the mark: back to the previous sentence end
    start = last
    first = max(first, last - 60)
    while start > first and doc[start - 1].text not in _SENT_END \
            and doc[start - 1].text not in _ALL_MARKS:
        start -= 1
    for j in range(last, start - 1, -1):
        if _is_cue(doc[j]):
            subj = _subject(story, doc[j])
            if subj is None:
                subj = _speaker_back(story, j, start)
            if subj is None:
                return None
            return subj, (j, j + 1)
    return None


def _fragment_frame(
    story: _Story, qm: QuoteMarks
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The cue and speaker of a quoted fragment: a cue earlier in its sentence."""
    doc = story.doc
    tok = story.tok_at(qm.open)
    s_lo, s_hi = story.sentence_of(tok)
    s_lo = max(s_lo, story.body_start)
    s_lo = max(s_lo, tok - 60)
    s_hi = min(s_hi, tok + 60)
    for j in range(tok - 1, s_lo - 1, -1):
        t = doc[j]
        if t.text in _ALL_MARKS:
            continue
        if _is_cue(t) and _cue_lemma(t) not in ATTITUDE_CUES:
            subj = _subject(story, t)
            if subj is None or subj[0] < s_lo:
                subj = _speaker_back(story, j, s_lo)
            if subj is not None:
                return subj, (j, j + 1)
    # "... “fragment”, X said." later in the sentence
    for j in range(tok + 1, s_hi):
        t = doc[j]
        if t.idx < qm.end:
            continue
        if _is_cue(t):
            subj = _subject(story, t)
            if subj is not None:
                return subj, (j, j + 1)
    return None


# --- reported speech from the parse


def _subject(story: _Story, cue: Token) -> tuple[int, int] | None:
    """The speaker phrase of ``cue``: its nominal subject, trimmed of appositions."""
    head = cue
    for _ in range(3):
        subjs = [c for c in head.children if _dep(c) in ("nsubj", "csubj")]
        if subjs:
            rng = _phrase(story, subjs[0])
            # a weak parser splits a name into two subjects ("Alistair" and "Reid"):
            # adjacent ones make one phrase
            for extra in subjs[1:]:
                more = _phrase(story, extra)
                if rng is not None and more is not None and more[0] == rng[1]:
                    rng = (rng[0], more[1])
            return rng
        if _dep(head) in ("conj", "xcomp") and head.head is not head:
            head = head.head
            continue
        if _dep(head) == "advcl" and head.lower_.endswith("ing") and head.i > 0 \
                and head.doc[head.i - 1].text == "," and head.head is not head:
            # "The minister resigned, saying he ...": the participle's speaker is the
            # subject of the clause it hangs from
            head = head.head
            continue
        break
    return None


_PHRASE_DROP = frozenset(
    {"appos", "acl", "relcl", "punct", "parataxis", "advcl", "dep", "discourse", "cc",
     "conj", "list", "vocative", "dislocated", "advmod"}
)


def _phrase(story: _Story, head: Token) -> tuple[int, int] | None:
    """Contiguous token range of ``head`` and its modifiers, without appositions/clauses."""
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            dep = _dep(child)
            if dep == "appos" and tok is head and child.pos_ == "PROPN" \
                    and child.i - head.i <= 3 and child.right_edge.i - child.i <= 3:
                # "its chairman, Wafula Chege": the name in apposition is the speaker
                keep.update(range(head.i + 1, child.right_edge.i + 1))
                continue
            if dep in _PHRASE_DROP and not (dep == "conj" and tok is head and any(
                    _dep(c) == "cc" for c in child.children)):
                continue
            if dep == "cc" or child.text in _ALL_MARKS:
                continue
            keep.add(child.i)
            stack.append(child)
    a = b = head.i
    while a - 1 in keep:
        a -= 1
    while b + 1 in keep:
        b += 1
    return _trim_np(story, a, b + 1)


def _inside(spans: Sequence[tuple[int, int]], char: int) -> bool:
    """Whether ``char`` lies in one of ``spans`` (sorted, disjoint), in log time."""
    i = bisect.bisect_right(spans, (char, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= char < spans[i][1]


def _overlaps(spans: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    i = bisect.bisect_left(spans, (b, -1)) - 1
    return i >= 0 and spans[i][1] > a


def _content_range(
    story: _Story, a: int, b: int, exclude: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """Character range of tokens [a, b), trimmed of "that", commas and final punctuation."""
    doc = story.doc
    while a < b and (doc[a].lower_ in ("that", ",", "—", "–", ":") or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space) \
            and doc[b - 1].text not in _ALL_MARKS and doc[b - 1].text not in (")",):
        b -= 1
    if exclude is not None and a < exclude[1] and exclude[0] < b:
        if exclude[0] > a:
            b = exclude[0]
        else:
            a = exclude[1]
        return _content_range(story, a, b) if a < b else None
    if b - a < 2:
        return None
    return story.span_chars(a, b)


def _indirect(
    story: _Story, direct_spans: list[tuple[int, int]], fragments: list[_Cand]
) -> list[_Cand]:
    doc = story.doc
    out: list[_Cand] = []
    claimed: list[tuple[int, int]] = []
    frag_starts = [f.start for f in fragments]  # fragments come in text order
    for tok in doc:
        if _inside(direct_spans, tok.idx):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cand = _according(story, tok)
        elif _is_cue(tok) and _cue_lemma(tok) not in ATTITUDE_CUES:
            cand = _passive(story, tok) or _cue_clause(story, tok)
        else:
            cand = None
        if cand is None:
            continue
        if _overlaps(direct_spans, cand.start, cand.end):
            continue
        # candidates come in token order: only the last few can enclose this one
        if any(s <= cand.start and cand.end <= e for s, e in claimed[-4:]):
            continue  # nested reporting ("he said officials told him ...") keeps the outer
        _mark_mixed(story, cand, fragments, frag_starts)
        if cand.kind == "partial":
            continue
        claimed.append((cand.start, cand.end))
        out.append(cand)
    return out


_TELL_CUES = frozenset({"tell", "warn", "urge", "ask", "remind", "assure", "inform"})
_TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
     "yesterday", "tonight", "earlier", "later", "last", "week", "month", "year", "night",
     "morning", "afternoon", "evening", "late", "again", "also", "previously", "repeatedly",
     "separately", "privately", "publicly", "recently", "afterwards", "on", "this"}
)
#: words that, after a comma, open the reporter's own framing rather than more speech
_CLAUSE_BREAKS = frozenset(
    {"adding", "saying", "according", "citing", "as", "while", "where", "but", "although",
     "though", "after", "before", "reaffirming", "noting", "amid", "despite", "raising",
     "sending", "joining", "alleging", "speaking", "declining", "in", "when", "which"}
)
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(tok: Token) -> bool:
    if tok.tag_:
        return tok.tag_ in _FINITE_TAGS
    return tok.pos_ in ("AUX", "VERB")


def _clause_end(story: _Story, a: int, s_hi: int, *, hard_only: bool = False) -> int:
    """Where reported speech starting at ``a`` ends: the sentence end, or the comma that
    hands over to the reporter's framing (", adding ...", ", according to ...").

    ``hard_only`` keeps only the breaks that hold even against a parse whose complement
    runs further (a participle frame, a second predicate, a scene clause).
    """
    doc = story.doc
    j = a
    while j < s_hi:
        tok = doc[j]
        if tok.text in (";", "—", "–") or "\n" in tok.text:
            return j
        if tok.text == "," and j + 1 < s_hi and hard_only:
            if doc[j + 1].lower_ in _FRAME_PARTICIPLES and j > a:
                return j
        elif tok.text == "," and j + 1 < s_hi:
            nxt = doc[j + 1]
            if nxt.lower_ in _CLAUSE_BREAKS and j > a:
                return j
            # ", X said" closes the clause ("..., the ministry added")
            k = j + 1
            while k < min(s_hi, j + 8) and doc[k].text != "," and not _is_cue(doc[k]):
                k += 1
            if k < s_hi and _is_cue(doc[k]) and k > j + 1 and not _finite(doc[j + 1]):
                return j
        if tok.lower_ in ("and", "but") and j >= a + 2 and _new_predicate(story, j + 1, s_hi, a):
            # "said the trial would resume and ordered the state to ...": a second verb of
            # the reporter's sentence, with no subject of its own, is not reported speech
            return j - 1 if doc[j - 1].text == "," else j
        if tok.lower_ in _CONTEXT_SUBORDINATORS and j > a + 3 \
                and any(_finite(t) for t in doc[a:j]) \
                and any(_finite(t) for t in doc[j + 1:min(s_hi, j + 9)]):
            # "told investors their savings were safe when most of the money had gone":
            # the reporter's circumstance, not the speaker's words
            return j
        j += 1
    return s_hi


#: participles after a comma that always open the reporter's frame, never more speech
_FRAME_PARTICIPLES = frozenset(
    {"adding", "saying", "alleging", "citing", "according", "noting", "reaffirming",
     "joining", "speaking", "declining", "referring"}
)

#: participles opening the reporter's scene before a speaker, never reported speech
_FRAME_OPENERS = frozenset(
    {"asked", "speaking", "responding", "commenting", "referring", "pressed", "writing",
     "addressing", "answering", "interviewed", "questioned", "reacting"}
)

#: subordinators whose clause, after a complete reported clause, sets the reporter's scene
_CONTEXT_SUBORDINATORS = frozenset({"when", "after"})


def _new_predicate(story: _Story, k: int, s_hi: int, a: int) -> bool:
    """Whether a subjectless finite verb (or a cue) starts at ``k`` after "and"/"but"."""
    doc = story.doc
    while k < s_hi and doc[k].lower_ in ("also", "then", "later", "quickly", "again"):
        k += 1
    if k >= s_hi:
        return False
    tok = doc[k]
    if _is_cue(tok):
        return True
    if not (tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBZ")):
        return False
    # a verb the parser hangs inside the clause so far is coordinated speech, or a noun
    # mistagged as a verb ("cod and mackerel"): only one attached outside it ends it
    if not (story.has_parse and a <= tok.head.i < k):
        return True
    # "the trial would resume and ordered ...": a plain past after a modal or perfect
    # clause changes the speaker's tense for the reporter's
    first = next((t for t in doc[a:k] if _finite(t)), None)
    return (first is not None and first.tag_ == "MD") or (
        first is not None and first.lower_ in ("had", "has", "have") and tok.tag_ == "VBD")


_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})


def _lexical_start(story: _Story, cue: Token, s_hi: int) -> int | None:
    """Start of a reported clause after ``cue`` when the parse gives no complement:
    skip "that", time phrases, a listener ("told reporters") and short adverbials."""
    doc = story.doc
    lemma = _cue_lemma(cue)
    j = cue.i + 1
    for _ in range(12):
        if j >= s_hi:
            return None
        tok = doc[j]
        if tok.lower_ == "that":
            return j + 1
        if (tok.lower_ in _TIME_WORDS and tok.pos_ != "ADP") or tok.like_num:
            j += 1
            continue
        if tok.pos_ == "ADP" and tok.lower_ not in ("that",):
            # "in a statement", "at a news conference in Moscow", "on state television";
            # a possessive may follow ("in his statement"), a subject pronoun may not
            k = j + 1
            while k < s_hi and (doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                                or doc[k].lower_ in _POSSESSIVES) and not _finite(doc[k]):
                k += 1
            if k == j + 1:
                return None
            j = k
            continue
        break
    if lemma in _TELL_CUES and j < s_hi and doc[j].pos_ in ("NOUN", "PROPN", "DET", "ADJ"):
        # the listener: "told reporters", "told state television", "told the BBC"
        k = j
        while k < s_hi and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN") and k - j < 4:
            k += 1
            if k < s_hi and doc[k].pos_ in ("DET", "PRON", "NUM") and not doc[k].like_num:
                break
        k = _listener_end(story, j, k, s_hi)
        if lemma != "tell" and not any(t.lower_ in _LISTENERS for t in doc[j:k]) \
                and not (k < s_hi and doc[k].lower_ in ("that", "to", "of")):
            k = j  # "warned the outlook ... remained weak": no listener, the clause's subject
        if lemma in ("urge", "ask", "warn") and k < s_hi and doc[k].lower_ == "to":
            return j  # "urged the unions to return": the object is the content's subject
        j = k
        while j < s_hi and (doc[j].pos_ == "ADP" or doc[j].lower_ in _TIME_WORDS):
            k = j + 1
            while k < s_hi and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
                k += 1
            j = k
        if j < s_hi and doc[j].lower_ == "that":
            j += 1
    if j < s_hi and doc[j].lower_ in _SUBORDINATORS:
        return None  # "told reporters as he left the building": the reporter's scene
    # a clause: a short subject then a finite verb
    for k in range(j, min(s_hi, j + 8)):
        if doc[k].lower_ in ("what", "which", "who", "whom", "whose"):
            return None  # "reaffirming the goals of what Putin calls ...": a relative's verb
        # a weak tagger writes "reserves stood" as a participle: a bare VBN right after a
        # noun, with no auxiliary, is the clause's past-tense verb
        if _finite(doc[k]) or (k > j and doc[k].tag_ == "VBN" and doc[k].pos_ == "VERB"
                               and doc[k - 1].pos_ in ("NOUN", "PROPN", "PRON")):
            return j if k > j else None
        if doc[k].is_punct or _is_cue(doc[k]):
            return None
    return None


#: heads of the listener phrase after "told": the reported clause starts after them
_LISTENERS = frozenset(
    {"reporters", "journalists", "parliament", "lawmakers", "legislators", "television",
     "tv", "radio", "broadcaster", "investors", "employees", "staff", "workers", "court",
     "jury", "judge", "senators", "delegates", "supporters", "students", "analysts",
     "shareholders", "congress", "committee", "newspaper", "agency", "audience", "crowd",
     "members", "conference", "briefing", "interviewers", "podcast", "magazine"}
)


def _listener_end(story: _Story, j: int, k: int, s_hi: int) -> int:
    """End of the listener phrase [j, k) after "told", where the clause's subject may have
    been swallowed: "told state television Baghdad was ...", "told reporters talks had".

    Ends after a known listener head (and a name right after it: "state broadcaster RTS");
    otherwise, when a finite verb follows at once, gives the last word back as subject.
    """
    doc = story.doc
    for m in range(j, k):
        if doc[m].lower_ in _LISTENERS:
            end = m + 1
            if doc[m].lower_ in ("broadcaster", "newspaper", "agency", "magazine", "radio") \
                    and end < k and doc[end].pos_ == "PROPN" and end + 1 < k:
                end += 1
            return end
    if k < s_hi and _finite(doc[k]) and k - j >= 2:
        return k - 1
    return k


def _accusation(story: _Story, cue: Token) -> bool:
    """"Regulators on Thursday accused Navix of ...": a parse that reads the verb as an
    adjective is overruled when a noun phrase precedes it and "of"/"for" follows."""
    doc = story.doc
    if _cue_lemma(cue) not in OBJECT_OF_CUES:
        return False
    j = _skip_fillers(story, cue.i - 1, 0)
    if j < 0 or doc[j].pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    return any(t.lower_ in ("of", "for") for t in doc[cue.i + 1:cue.i + 10])


#: tokens either side of a cue that its speaker and reported clause may span
_WINDOW = 100


def _cue_clause(story: _Story, cue: Token) -> _Cand | None:
    lemma = _cue_lemma(cue)
    if _dep(cue) in ("amod", "acl", "relcl") and (cue.tag_ in ("VBN", "JJ") or cue.pos_ == "ADJ") \
            and cue.i < cue.head.i and not _accusation(story, cue):
        return None  # "the alleged crimes": an adjective, not a report
    if cue.i > 0 and story.doc[cue.i - 1].lower_ in ("to", "the", "a", "an", "be", "been"):
        return None  # "to say", "the report", "has been accused"
    comps = [c for c in cue.children if _dep(c) == "ccomp"]
    rng: tuple[int, int] | None = None
    conf = 0.8
    s_lo, s_hi = story.sentence_of(cue.i)
    s_lo = max(s_lo, story.body_start)
    if cue.i < s_lo:
        return None
    # a bounded window: a run-on "sentence" of thousands of reports stays linear
    s_lo, s_hi = max(s_lo, cue.i - _WINDOW), min(s_hi, cue.i + _WINDOW)
    subj = _subject(story, cue)
    if subj is not None and (subj[0] < s_lo or subj[0] > cue.i):
        subj = None  # a parse reaching into the dateline, or an inverted subject
    if subj is not None and subj[1] - subj[0] == 1 and story.doc[subj[0]].lower_ in (
            "who", "which") and subj[0] - 1 > s_lo and story.doc[subj[0] - 1].text == ",":
        subj = _np_back(story, subj[0] - 1, s_lo)  # "China, which insists ...": China
    shared = _shared_subject(story, cue, s_lo)
    if shared is not None:
        subj = shared
    if subj is None:
        subj = _speaker_back(story, cue.i, s_lo)
        conf = 0.7
    fronted = _fronted(story, cue, subj, s_lo)
    if fronted is None:
        lex = _fronted_lexical(story, cue, s_lo, s_hi)
        if lex is not None:
            fronted, subj, s_lo = lex
    elif subj is not None:
        s_lo = _content_start(story, s_lo, fronted)
    after = [c for c in comps if c.i > cue.i]
    if fronted is not None and story.doc[s_lo].lower_ in _FRAME_OPENERS:
        return None  # "Asked whether he would resign, the minister said no."
    if fronted is not None:
        rng = _content_range(story, s_lo, fronted)
        conf = 0.75
    elif after:
        a = min(c.left_edge.i for c in after)
        a = max(a, cue.i + 1)
        if a > cue.i + 1 and "," in (story.doc[a - 1].text, story.doc[a].text):
            # a complement found only past a comma ("told parliament reserves stood at
            # 23%, the lowest level") is an apposition; the clause starts right after the cue
            a2 = _lexical_start(story, cue, s_hi)
            if a2 is not None and a2 < a:
                a = a2
        else:
            # a complement that swallowed a listener or an adverbial ("said on state
            # television late on Wednesday they had ..."): the clause starts after them
            a2 = _lexical_start(story, cue, s_hi)
            if a2 is not None and a < a2 <= min(c.i for c in after):
                a = a2
        b = max(max(c.right_edge.i + 1 for c in after), _clause_end(story, a, s_hi))
        b = _clause_end(story, a, min(b, s_hi), hard_only=True)
        if story.doc[a - 1].text == "," and story.doc[a].tag_ == "VBG":
            return None  # `said, reading a statement`: a participle frame, not a complement
        rng = _content_range(story, a, min(b, s_hi), exclude=subj)
    elif lemma in OBJECT_OF_CUES:
        right = max((c.right_edge.i for c in cue.children if c.i > cue.i), default=cue.i)
        b = max(right + 1, _clause_end(story, cue.i + 1, s_hi))
        rng = _content_range(story, cue.i + 1, min(b, s_hi))
        conf = 0.7
    else:
        a2 = _lexical_start(story, cue, s_hi)
        if a2 is not None:
            rng = _content_range(story, a2, _clause_end(story, a2, s_hi))
            conf = 0.65
        elif lemma in ("urge", "promise", "pledge", "vow", "threaten", "ask", "demand", "warn"):
            xc = next((c for c in cue.children if c.i > cue.i and (
                _dep(c) == "xcomp" or (_dep(c) == "advcl" and any(
                    m.lower_ == "to" and m.i < c.i for m in c.children)))), None)
            if xc is not None:
                rng = _content_range(story, cue.i + 1, min(xc.right_edge.i + 1, s_hi))
                conf = 0.65
    if rng is None or subj is None:
        return None
    if not _sane_speaker(story, subj):
        return None
    return _Cand("indirect", rng[0], rng[1], speaker=subj, cue=(cue.i, cue.i + 1),
                 confidence=conf)


_PASSIVE_CUES = frozenset({"announce", "report", "confirm", "say", "state", "reveal",
                           "disclose", "claim", "allege"})


def _passive(story: _Story, cue: Token) -> _Cand | None:
    """``It was announced (on Tuesday) that ...``: reported speech with no speaker.

    Kept with ``speaker: null`` (the contract allows it) rather than guessing who spoke.
    """
    doc = story.doc
    i = cue.i
    if _cue_lemma(cue) not in _PASSIVE_CUES or i < 2:
        return None
    j = i - 1
    if doc[j].lower_ == "been":
        j -= 1
    if doc[j].lower_ not in ("was", "is", "has", "had", "been") or j < 1 \
            or doc[j - 1].lower_ != "it":
        return None
    _s_lo, s_hi = story.sentence_of(i)
    s_hi = min(s_hi, i + _WINDOW)
    k = i + 1
    while k < s_hi and k - i <= 6 and doc[k].lower_ != "that":
        k += 1
    if k >= s_hi or doc[k].lower_ != "that":
        return None
    rng = _content_range(story, k + 1, _clause_end(story, k + 1, s_hi))
    if rng is None:
        return None
    cand = _Cand("indirect", rng[0], rng[1], cue=(i, i + 1), confidence=0.5)
    cand.extra["passive"] = True
    return cand


def _fronted(
    story: _Story, cue: Token, subj: tuple[int, int] | None, s_lo: int
) -> int | None:
    """``S, X said [on Tuesday].``: the token index ending S, or None.

    The cue must close its clause (nothing but adverbials, a listener or a participle
    phrase after it) and its speaker must follow a comma that ends S.
    """
    doc = story.doc
    if subj is None or subj[1] > cue.i or subj[0] - 1 <= s_lo:
        return None
    comma = subj[0] - 1
    if doc[comma].text != "," or comma - s_lo < 3:
        return None
    if any(_finite(t) for t in doc[s_lo:comma]) is False:
        return None
    j = cue.i + 1
    _, s_hi = story.sentence_of(cue.i)
    while j < s_hi and not doc[j].is_punct and j - cue.i <= 6 and not _finite(doc[j]) \
            and doc[j].lower_ != "that":
        j += 1
    if j < s_hi and not (doc[j].is_punct and doc[j].text in ",.;:!?"):
        return None
    return comma


def _shared_subject(story: _Story, cue: Token, s_lo: int) -> tuple[int, int] | None:
    """The speaker of an earlier cue in the sentence when ``cue`` is its second verb:
    "Chege said the count was open and warned that ..." — Chege warned."""
    doc = story.doc
    j = _skip_fillers(story, cue.i - 1, s_lo)
    if j < s_lo or doc[j].lower_ not in ("and", "but"):
        return None
    for k in range(j - 1, max(s_lo, j - 40) - 1, -1):
        # a cue form used as an adjective ("alleged war crimes") is no earlier report
        if _is_cue(doc[k]) and _cue_lemma(doc[k]) not in ATTITUDE_CUES \
                and doc[k].pos_ != "ADJ" and doc[k].tag_ not in ("JJ", "VBN"):
            subj = _subject(story, doc[k])
            if subj is None or subj[0] < s_lo or subj[0] > k:
                subj = _speaker_back(story, k, s_lo)
            return subj
    return None


def _speaker_back(story: _Story, cue: int, floor: int) -> tuple[int, int] | None:
    """The speaker phrase right before ``cue`` when the parse gives no subject.

    Beyond a plain noun phrase ("the ministry said"), wire copy puts an apposition or a
    relative clause between the speaker and the verb: "Hale's lawyer, Simon Ashworth,
    said" (the whole phrase) and "Dlamini, who ran the utility, denied" (the name).
    """
    doc = story.doc
    j = _skip_fillers(story, cue - 1, floor)
    if j < floor:
        return None
    if doc[j].text != ",":
        return _np_back(story, j + 1, floor)
    k = j - 1
    while k > floor and doc[k].text != "," and j - k <= 25:
        k -= 1
    if k <= floor or doc[k].text != ",":
        return None
    inner = doc[k + 1:j]
    head = _np_back(story, k, floor)
    if head is None:
        return None
    if inner[0].lower_ in ("who", "whose", "which") or inner[0].tag_ == "VBG":
        return head  # "Kiprop, speaking at a rally in Eldoret, urged ..."
    if len(inner) <= 8 and not any(t.pos_ in ("VERB", "AUX") and not t.text[:1].isupper()
                                   for t in inner):
        return head[0], j
    return None


def _closes_clause(story: _Story, cue: Token, s_hi: int) -> bool:
    """Whether ``cue`` ends its clause: ``..., X said on Tuesday after talks ended.``

    Adverbials, a listener and subordinate clauses may follow; "that" or a finite verb
    outside a subordinate clause means the cue has content of its own after it.
    """
    doc = story.doc
    sub = False
    j = cue.i + 1
    if j < s_hi and doc[j].text in _ALL_MARKS:
        return False
    while j < s_hi:
        tok = doc[j]
        if tok.text in (",", ";", ":") or tok.text in _SENT_END:
            return True
        if tok.lower_ == "that" and not sub:
            return False
        if tok.lower_ in _SUBORDINATORS or tok.lower_ in _CLAUSE_BREAKS:
            sub = True
        elif _finite(tok) and not sub:
            return False
        j += 1
    return True


_SUBORDINATORS = frozenset(
    {"after", "as", "when", "while", "before", "because", "following", "amid", "since",
     "until", "if", "where", "ahead", "who", "which"}
)


def _content_start(story: _Story, s_lo: int, end: int) -> int:
    """Start of a fronted reported clause: after a ", and"/", but" that joins it to the
    reporter's own clause ("Firefighters battled the blaze, and winds were rising, the
    fire service said")."""
    doc = story.doc
    for k in range(end - 2, s_lo, -1):
        if doc[k].lower_ in ("and", "but") and doc[k - 1].text == "," and end - k >= 3 \
                and any(t.pos_ in ("VERB", "AUX") for t in doc[k + 1:end]) \
                and any(_finite(t) for t in doc[s_lo:k]):
            return k + 1
    return s_lo


def _fronted_lexical(
    story: _Story, cue: Token, s_lo: int, s_hi: int
) -> tuple[int, tuple[int, int], int] | None:
    """``S, X said.`` / ``S, said X.`` found from the words alone when the parse is wrong.

    Returns (token ending S, speaker range, token starting S).
    """
    doc = story.doc
    if not _closes_clause(story, cue, s_hi):
        return None
    speaker = _speaker_back(story, cue.i, s_lo)
    if speaker is not None:
        comma = speaker[0] - 1
    elif cue.i - 1 > s_lo and doc[cue.i - 1].text == ",":
        comma = cue.i - 1
        speaker = _np_forward(story, cue.i + 1, s_hi)  # "..., said Rodion Miroshnik."
    else:
        return None
    if speaker is None or comma - s_lo < 3 or doc[comma].text != ",":
        return None
    start = _content_start(story, s_lo, comma)
    # a clause, though a weak tagger may miss its finite verb ("earthquake struck/ADJ")
    if not any(_finite(t) or t.pos_ in ("VERB", "AUX") for t in doc[start:comma]):
        return None
    return comma, speaker, start


def _sane_speaker(story: _Story, rng: tuple[int, int]) -> bool:
    toks = story.doc[rng[0]:rng[1]]
    if len(toks) > 14:
        return False
    low = toks.text.lower()
    # a prepositional phrase or a relative clause is no speaker: "in a dispute that
    # threatens to ..."
    if toks[0].pos_ == "ADP" or toks[-1].lower_ in ("that", "which", "who"):
        return False
    # expletive and relative subjects report nothing: "it is said", "which said"
    return low not in ("it", "there", "which", "that", "this", "who", "what")


def _according(story: _Story, tok: Token) -> _Cand | None:
    doc = story.doc
    s_lo, s_hi = story.sentence_of(tok.i)
    s_lo, s_hi = max(s_lo, tok.i - _WINDOW), min(s_hi, tok.i + _WINDOW)
    np = _np_forward(story, tok.i + 2, s_hi, counted=True)
    if np is None:
        return None
    # the np stops at the first comma or preposition; keep "of"-phrases
    after = np[1]
    if tok.i - 1 >= s_lo and doc[tok.i - 1].text == ",":
        start = s_lo
        for k in range(tok.i - 2, s_lo, -1):
            # a segmenter that missed a full stop: "... decades. Hundreds of schools ..."
            if doc[k].text in _SENT_END and doc[k + 1].is_title:
                start = k + 1
                break
        rng = _content_range(story, start, tok.i - 1)
    elif tok.i == s_lo or doc[tok.i - 1].text in _ALL_MARKS:
        comma = after
        while comma < s_hi and doc[comma].text != ",":
            comma += 1
        rng = _content_range(story, comma + 1, s_hi)
    else:
        return None
    if rng is None:
        return None
    return _Cand("indirect", rng[0], rng[1], speaker=np, cue=(tok.i, tok.i + 2),
                 confidence=0.75)


def _mark_mixed(
    story: _Story, cand: _Cand, fragments: list[_Cand], frag_starts: list[int]
) -> None:
    """Reported clauses carrying a quoted fragment are ``mixed``; the fragment's speaker."""
    i = bisect.bisect_left(frag_starts, cand.start)
    inside = []
    while i < len(fragments) and fragments[i].start < cand.end:
        if fragments[i].end <= cand.end + 1:
            inside.append(fragments[i])
        i += 1
    if not inside:
        return
    quoted = sum(f.end - f.start for f in inside)
    unquoted_words = len(_words(story.text[cand.start:cand.end])) - sum(
        len(_words(story.text[f.start:f.end])) for f in inside)
    for f in inside:
        if f.speaker is None or f.cue is None:
            f.speaker, f.cue = cand.speaker, cand.cue
    if unquoted_words < 3 or quoted >= 0.8 * (cand.end - cand.start):
        cand.kind = "partial"  # the fragment says it all: keep only the partial
        return
    cand.kind = "mixed"
    # extend over the closing mark so the content holds whole quoted material
    last = max(f.marks.close for f in inside if f.marks is not None and f.marks.close)
    if story.text[cand.end:last + 1].strip() in ("", "”", '"', "»", "’", "'") and last >= cand.end:
        cand.end = last + 1


# --- speakers


def _finish(story: _Story, cands: list[_Cand]) -> list[Quote]:
    quotes: list[Quote] = []
    last_speaker: Speaker | None = None
    last_para = -10
    last_kind: str | None = None
    for cand in cands:
        para = story.para_of(cand.start)
        speaker: Speaker | None = None
        if cand.speaker is not None:
            speaker = _make_speaker(story, cand.speaker, cand.start, last_speaker)
        elif cand.kind == "direct" and last_speaker is not None and (
            para == last_para or (para == last_para + 1 and _starts_para(story, cand))
        ):
            # the running speaker of a quote split by its attribution, or of the next
            # paragraph of a speech; indirect speech right before counts too
            speaker = Speaker(last_speaker.text, last_speaker.start, last_speaker.end,
                              last_speaker.entity,
                              round((last_speaker.confidence or 0.5) * 0.85, 2))
            cand.confidence = min(cand.confidence, 0.8)
        if speaker is None and cand.kind != "direct" and not cand.extra.get("passive"):
            continue
        cue = None
        if cand.cue is not None:
            a, b = story.span_chars(*cand.cue)
            cue = SpanRef(story.original[a:b], a, b)
        text = story.original[cand.start:cand.end]
        conf = cand.confidence if speaker is not None else min(cand.confidence, 0.5)
        quotes.append(Quote(id="", kind=cand.kind, text=text, start=cand.start, end=cand.end,
                            speaker=speaker, cue=cue, confidence=round(conf, 2)))
        if speaker is not None:
            last_speaker, last_para, last_kind = speaker, para, cand.kind
        elif cand.kind == "direct":
            last_para = para if last_kind is not None else last_para
    _link_cataphora(story, quotes)
    for i, q in enumerate(quotes, 1):
        q.id = f"Q{i}"
    return quotes


def _starts_para(story: _Story, cand: _Cand) -> bool:
    lo, _ = story.para_bounds(cand.start)
    return cand.start - lo <= 8 and not story.text[lo:cand.start].strip(" \t\"“«'‘")


def _make_speaker(
    story: _Story, rng: tuple[int, int], quote_start: int, running: Speaker | None
) -> Speaker:
    a, b = story.span_chars(*rng)
    # a phrase that starts a paragraph can carry the line breaks before it as tokens
    a += len(story.text[a:b]) - len(story.text[a:b].lstrip())
    b -= len(story.text[a:b]) - len(story.text[a:b].rstrip())
    text = story.original[a:b]
    entity, conf = _resolve(story, story.doc[rng[0]:rng[1]], running)
    return Speaker(text=text, start=a, end=b, entity=entity, confidence=conf)


_TYPE_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 3, "FAC": 4, "NORP": 6}


def _head_token(span: Span, parsed: bool) -> Token:
    """The syntactic head of a speaker phrase; its last non-punct word when unparsed.

    ``parsed`` comes from the story's index: ``Doc.has_annotation`` scans every token, and
    asking it once per speaker made a paragraph of thousands of quotes quadratic.
    """
    if parsed:
        return span.root
    words = [t for t in span if not t.is_punct]
    return words[-1] if words else span[-1]


def _resolve(
    story: _Story, span: Span, running: Speaker | None
) -> tuple[str | None, float | None]:
    """Link a speaker phrase to an entity id, with a confidence; (None, conf) when unclear.

    Evidence, strongest first: for a pronoun, the running speaker of the quote sequence;
    a mention in the phrase (the one holding its head; a named person over the places and
    bodies around them; the body a spokesperson or a "party"/"union" speaks for); a name
    in apposition right after the phrase ("Its chief executive, Elspeth Macdonald,"); the
    same name written differently; a pronoun's one compatible antecedent; a definite
    nominal's one matching entity before it.
    """
    a, b = span.start_char, span.end_char
    head = _head_token(span, story.has_parse)
    if not story.entities:
        return None, 0.5
    low = span.text.lower().strip()
    pronoun = low in PERSON_PRONOUNS or low in THING_PRONOUNS or low in PLURAL_PRONOUNS
    want = ("PERSON",) if low in PERSON_PRONOUNS else ("ORG", "GPE")
    if pronoun and low not in PLURAL_PRONOUNS and running is not None \
            and running.entity is not None and running.end <= a:
        ent_r = _entity(story, running.entity)
        if ent_r is not None and ent_r.type in want:
            return ent_r.id, 0.8
    inside = _mentions_in(story, a, b)
    # "his lawyer": a possessive the entities stage resolved names the lawyer's client
    named = [m for m in inside if story.text[m[0]:m[1]].lower() not in _POSSESSIVES]
    if named and not pronoun:
        picked = _pick_mention(story, named, head, b)
        if picked is not None:
            return picked.id, 0.95
    if pronoun:
        # the entities stage's own coreference ("he" as a mention of a person)
        same = [m[2] for m in inside if m[2].type in want and _in_body(story, m[2])]
        if len({e.id for e in same}) == 1 and low not in PLURAL_PRONOUNS:
            return same[0].id, 0.75
        if low in PLURAL_PRONOUNS:
            return None, 0.5
        cand = _nearest_before(story, a, want, sentences=2)
        return (cand.id, 0.7) if cand is not None else (None, 0.5)
    appos = _apposed_name(story, b)
    if appos is not None:
        return appos.id, 0.9
    words = [t for t in span if t.is_alpha]
    # the same name written differently ("kyiv" for Kyiv, "Miroshnik" before a mention)
    ent = _match_name(story, story.text[a:b])
    if ent is not None:
        return ent.id, 0.85
    head_low = head.lower_
    if (words and words[0].lower_ in ("the", "its", "their", "his", "her")) or \
            head_low in ("kremlin",):
        if head_low in ORG_NOUNS:
            cand = _nearest_named(story, a, head_low, ("ORG", "GPE"))
            return (cand.id, 0.65) if cand is not None else (None, 0.4)
        if head_low in PERSON_NOUNS:
            cand = _nearest_titled(story, a, head_low)
            return (cand.id, 0.6) if cand is not None else (None, 0.4)
    return None, 0.5


#: speaker heads that stand for the state named in them ("Kosovo's government")
_GOVERNMENT_NOUNS = frozenset({"government", "authorities", "administration", "cabinet"})
#: speaker heads that speak for the body named beside them ("a NATO spokesman")
_SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "statement"})
#: speaker heads that are the body named right before them ("the United Auto Workers union")
_BODY_NOUNS = frozenset(
    {"party", "union", "federation", "group", "company", "firm", "agency", "association",
     "alliance", "coalition", "movement", "bank", "council", "committee", "commission",
     "organisation", "organization", "institute", "body", "regulator", "watchdog",
     "consultancy", "airline", "carrier", "planemaker", "automaker", "maker", "giant"}
)


def _pick_mention(
    story: _Story, inside: list[tuple[int, int, Entity]], head: Token, span_end: int
) -> Entity | None:
    """The entity a speaker phrase names among the mentions inside it, or None."""
    text = story.text
    head_low = head.lower_
    holding = [m for m in inside if m[0] <= head.idx < m[1]]
    # "Hale's lawyer": a possessor is not the speaker
    persons = [m for m in inside if m[2].type == "PERSON"
               and text[m[1]:m[1] + 2] not in ("'s", "’s")]
    # a name in apposition or closing the phrase is the speaker: "Iran's foreign ministry
    # spokesman, Nasser Kanaani", "U.S. Secretary of State Antony Blinken"
    named = [m for m in persons if text[m[0] - 2:m[0]] == ", " or m[1] == span_end]
    if named:
        return max(named, key=lambda m: m[1] - m[0])[2]
    if holding and holding[0][2].type == "PERSON":
        return holding[0][2]
    if persons and head_low not in _SPOKES_NOUNS and head_low not in _BODY_NOUNS:
        # "WHO Director-General Amara Diallo", "Professor Okafor of University College
        # London": the named person, not the body or place around them
        return max(persons, key=lambda m: m[1] - m[0])[2]
    if holding:
        return min(holding, key=lambda m: (_TYPE_RANK.get(m[2].type, 5), -m[0]))[2]
    if head_low in _GOVERNMENT_NOUNS:
        # "Kosovo's government", "the Serbian authorities": the state speaks
        states = [m for m in inside if m[2].type == "GPE"]
        if len({m[2].id for m in states}) == 1:
            return states[0][2]
    if head_low in _SPOKES_NOUNS or head_low in _BODY_NOUNS:
        # "a Navix spokesman" speaks for Navix even when the recogniser took it for a person
        bodies = [m for m in inside if m[2].type in ("ORG", "GPE", "PERSON")
                  and (head_low in _SPOKES_NOUNS or m[2].type == "ORG")]
        if len({m[2].id for m in bodies}) == 1:
            return bodies[0][2]
    return None


def _in_body(story: _Story, ent: Entity) -> bool:
    """Whether ``ent`` is named in the story proper, not only in its dateline ("(Newswire)"
    read as a person by a weak recogniser is nobody's antecedent)."""
    return any(m.start >= story.body_char and m.text.lower() not in SPEAKER_PRONOUNS
               and m.text.lower() not in _POSSESSIVES and m.text.lower() not in _OBJECTS
               for m in ent.mentions)


_OBJECTS = frozenset({"him", "them", "us", "me", "himself", "herself", "itself"})


def _apposed_name(story: _Story, end: int) -> Entity | None:
    """A name right after a speaker phrase: "Its chief executive, Elspeth Macdonald," or a
    title left outside the phrase by the parse ("Opposition leader Elly Schlein")."""
    text = story.text
    j = end
    if text[j:j + 2] == ", ":
        j += 2
    elif text[j:j + 1] == " ":
        j += 1
    else:
        return None
    i = bisect.bisect_left(story.mention_starts, j)
    if i < len(story.mentions) and story.mentions[i][0] == j:
        m_end, ent = story.mentions[i][1], story.mentions[i][2]
        after = text[m_end:m_end + 1]
        if ent.type in ("PERSON", "ORG") and (after in (",", "") or j == end + 1):
            return ent
    return None


def _entity(story: _Story, entity_id: str) -> Entity | None:
    return next((e for e in story.entities if e.id == entity_id), None)


def _mentions_in(story: _Story, a: int, b: int) -> list[tuple[int, int, Entity]]:
    i = bisect.bisect_left(story.mention_starts, a)
    out = []
    while i < len(story.mentions) and story.mentions[i][0] < b:
        m = story.mentions[i]
        # a mention running past the phrase counts when it starts it ("Treasurer" of
        # "Treasurer Jim Chalmers", the phrase cut short by the parse)
        if m[1] <= b or m[0] == a:
            out.append(m)
        i += 1
    return out


def _fold(text: str) -> str:
    from wiretag.lexicon.countries import fold

    return fold(text)


def _match_name(story: _Story, text: str) -> Entity | None:
    key = _fold(text)
    if not key or key in SPEAKER_PRONOUNS:
        return None  # a pronoun the entities stage linked is no name to match
    exact = [e for e in story.entities
             if _fold(e.name) == key or any(_fold(m.text) == key for m in e.mentions)]
    if len({e.id for e in exact}) == 1:
        return exact[0]
    # a surname alone ("Miroshnik said") names the one PERSON whose name ends with it
    if " " not in key and text[:1].isupper():
        by_surname = [e for e in story.entities
                      if e.type == "PERSON" and _fold(e.name).split()[-1:] == [key]]
        if len(by_surname) == 1:
            return by_surname[0]
    # Kiev/Kyiv, Russia/Moscow-as-government: the same country or capital in the lexicon
    from wiretag.lexicon.countries import from_capital, lookup

    place = from_capital(text) or lookup(text)
    if place is not None:
        same = [e for e in story.entities if e.type in ("GPE", "LOC", "ORG")
                and (from_capital(e.name) or lookup(e.name)) == place
                and _same_kind(text, e.name)]
        if len({e.id for e in same}) == 1:
            return same[0]
    return None


def _same_kind(a: str, b: str) -> bool:
    """Both capitals or both countries: "kyiv" names Kyiv, not Ukraine."""
    from wiretag.lexicon.countries import from_capital

    return (from_capital(a) is None) == (from_capital(b) is None)


def _nearest_before(
    story: _Story, char: int, types: tuple[str, ...], *, sentences: int
) -> Entity | None:
    """The one compatible entity mentioned shortly before ``char``; None when ambiguous."""
    tok = story.tok_at(char)
    lo = tok
    for _ in range(sentences + 1):
        s_lo, _s = story.sentence_of(max(lo - 1, 0)) if lo > 0 else (0, 0)
        lo = s_lo
        if lo == 0:
            break
    lo_char = story.doc[lo].idx if len(story.doc) else 0
    i = bisect.bisect_right(story.mention_starts, char) - 1
    seen: list[Entity] = []
    lo_char = max(lo_char, story.body_char)
    while i >= 0 and story.mentions[i][0] >= lo_char:
        ent = story.mentions[i][2]
        if ent.type in types and ent not in seen and _in_body(story, ent):
            seen.append(ent)
        i -= 1
    if len(seen) == 1:
        return seen[0]
    return None


def _nearest_named(
    story: _Story, char: int, noun: str, types: tuple[str, ...]
) -> Entity | None:
    """The nearest earlier ORG/GPE whose name holds the nominal's head ("the ministry")."""
    i = bisect.bisect_right(story.mention_starts, char) - 1
    while i >= 0 and story.mentions[i][0] >= story.body_char:
        ent = story.mentions[i][2]
        if ent.type in types and noun in _fold(ent.name).split():
            return ent
        i -= 1
    return None


def _nearest_titled(story: _Story, char: int, noun: str) -> Entity | None:
    """The nearest earlier PERSON whose title or description holds the nominal's head."""
    i = bisect.bisect_right(story.mention_starts, char) - 1
    while i >= 0 and story.mentions[i][0] >= story.body_char:
        start, _end, ent = story.mentions[i]
        low = story.text[start:_end].lower()
        if ent.type == "PERSON" and low not in SPEAKER_PRONOUNS and low not in _POSSESSIVES \
                and _in_body(story, ent):
            titles = " ".join(ent.titles + ent.descriptions).lower()
            before = story.text[max(0, start - 40):start].lower()
            if noun in _words(titles) or noun in _words(before)[-3:]:
                return ent
        i -= 1
    return None


def _link_cataphora(story: _Story, quotes: list[Quote]) -> None:
    """Link a lede's "a senior Russian official" to the one named speaker it introduces.

    Wire stories open with an unnamed speaker and name them a few paragraphs down. We link
    only when exactly one PERSON speaker quoted later in the story shares the nominal's
    qualifying words (its nationality, "senior" excluded) in their speaker phrase or title.
    """
    for q in quotes:
        sp = q.speaker
        if sp is None or sp.entity is not None:
            continue
        words = _words(story.text[sp.start:sp.end])  # the running-text case
        if len(words) < 2 or words[-1].lower() not in PERSON_NOUNS:
            continue
        if words[0].lower() in ("a", "an"):
            quals = {w.lower() for w in words[1:-1] if w[:1].isupper()}
        elif story.para_of(sp.start) == 0 and (
                words[0].lower() in ("its", "their", "the") or words[0].endswith(("'s", "’s"))):
            # the lede's "its president" / "Kenya's main opposition leader", named in a
            # later paragraph with that title
            quals = {words[-1].lower()}
        else:
            continue
        if not quals:
            continue
        found: dict[str, Entity] = {}
        for other in quotes:
            osp = other.speaker
            if osp is None or osp.entity is None or osp.start <= sp.end:
                continue
            ent = _entity(story, osp.entity)
            if ent is None or ent.type != "PERSON":
                continue
            context = " ".join([osp.text, *ent.titles, *ent.descriptions]).lower()
            if quals <= set(_words(context)):
                found[ent.id] = ent
        if len(found) == 1:
            sp.entity = next(iter(found))
            sp.confidence = 0.55


# ------------------------------------------------------------------ pipeline and spaCy


def stage(doc: Doc, document: Document) -> None:
    """Pipeline stage: fill ``document.quotes`` (after the entities stage)."""
    document.quotes, document.scare_quotes = extract_quotes_and_scare_quotes(
        doc, document.entities)


# spaCy forbids dots in factory names, hence ``wiretag_quotes_v1`` for "wiretag.quotes.v1"
@Language.factory(
    "wiretag_quotes_v1",
    requires=["token.dep", "token.pos"],
    assigns=["doc._.wiretag_quotes"],
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    """spaCy factory: ``nlp.add_pipe("wiretag_quotes_v1")`` after the parser."""
    from spacy.tokens import Doc as _Doc

    # registered here, not at import, so importing wiretag changes no Doc state
    if not _Doc.has_extension("wiretag_quotes"):
        _Doc.set_extension("wiretag_quotes", default=None)
    return QuotesComponent()


class QuotesComponent:
    """spaCy component: stores ``extract_quotes(doc)`` on ``doc._.wiretag_quotes``."""

    def __call__(self, doc: Doc) -> Doc:
        entities: Sequence[Entity] = ()
        if doc.has_extension("wiretag_entities") and doc._.wiretag_entities:
            entities = doc._.wiretag_entities
        doc._.wiretag_quotes = extract_quotes(doc, entities)
        return doc
