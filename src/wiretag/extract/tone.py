"""Tone: how positive or negative a story's wording is, in the manner of GDELT's GKG tone.

GDELT's Global Knowledge Graph reports, per article, the percentage of words with a
positive and with a negative connotation, and their difference as the tone. ``score_tone``
does the same with an openly licensed lexicon (VADER's word list, MIT, adjusted for news
copy: see ``wiretag/data/tone/README.md``) and adds VADER's negation rule: a sentiment word
within three words after "not", "never", "no", "without", ... counts with its sign flipped
and dampened (Hutto & Gilbert 2014, N_SCALAR = -0.74).

- ``positive`` / ``negative``: the share (0..1) of the story's words that carry positive /
  negative valence after negation: GDELT's PositiveScore and NegativeScore divided by 100,
  because the ``wiretag/1`` contract reports shares (DESIGN.md's example: 0.03, 0.19).
- ``polarity``: in [-1, 1], the balance of summed valence, ``(P - N) / (P + N + k)``; ``k``
  damps stories with only one or two sentiment words so they do not swing to ±1.
- ``words``: the number of word tokens (tokens with a letter; punctuation and numbers are not
  words).

Tokens inside named entities are counted as words but never as sentiment: "Hope", "Justice
Department", "United Nations" and "Liberty Bank" are names, not opinions.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

from wiretag.document import Document, Tone

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["load_lexicon", "score_tone", "stage"]

#: VADER's negation list (less "despite", which concedes rather than negates), plus "no",
#: spaCy's "n't" token, and failure verbs: "failed to reach agreement" is not agreement.
NEGATORS = frozenset(
    {
        "not", "n't", "no", "never", "neither", "nor", "none", "nothing", "nowhere", "nobody",
        "without", "cannot", "rarely", "seldom", "hardly", "barely", "lack", "lacked", "lacks",
        "lacking", "fail", "fails", "failed", "failing",
        "aint", "arent", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt",
        "havent", "isnt", "mightnt", "mustnt", "neednt", "shouldnt", "wasnt", "werent",
        "wont", "wouldnt",
    }
)
#: VADER's dampened sign flip for a negated sentiment word.
NEGATION_SCALAR = -0.74
#: how many following words a negator reaches (VADER looks three words back).
NEGATION_WINDOW = 3
#: punctuation that ends a negation's reach: a new clause starts after it.
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", ".", "!", "?"})
#: polarity damping, in valence units: about one strongly valenced word (VADER's scale is
#: -4..+4), so a story whose only sentiment word is "good" (+1.9) scores +0.32, not +1.
POLARITY_DAMPING = 4.0


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, float]:
    """The token → valence table: VADER's words with wiretag's news overrides applied.

    Loaded once per process (the stage runs per story; the table has ~7,300 entries).
    """
    root = files("wiretag").joinpath("data/tone")
    lexicon: dict[str, float] = {}
    for name in ("vader_lexicon.tsv", "news_overrides.tsv"):
        for line in root.joinpath(name).read_text("utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            word, value = line.split("\t")
            valence = float(value)
            if valence == 0.0:
                lexicon.pop(word, None)
            else:
                lexicon[word] = valence
    return lexicon


def score_tone(doc: Doc) -> Tone:
    """GDELT-style tone of a parsed story: shares of positive/negative words, polarity."""
    lexicon = load_lexicon()
    words = positive = negative = 0
    pos_sum = neg_sum = 0.0
    negation_left = 0
    for token in doc:
        if token.is_sent_start or token.text in CLAUSE_BREAKS:
            negation_left = 0
        if not any(ch.isalpha() for ch in token.text):
            continue
        words += 1
        low = token.lower_
        if token.ent_type_:
            negation_left = max(0, negation_left - 1)
            continue
        valence = _valence(lexicon, low, token.lemma_.lower())
        if low in NEGATORS:
            # a failure verb still carries its own (negative) valence; "not" and "no" do not
            negation_left = NEGATION_WINDOW
            if not low.startswith("fail"):
                continue
        elif negation_left:
            negation_left -= 1
            if valence is not None:
                valence *= NEGATION_SCALAR
        if valence is None:
            continue
        if valence > 0:
            positive += 1
            pos_sum += valence
        elif valence < 0:
            negative += 1
            neg_sum -= valence
    if words == 0:
        return Tone(polarity=0.0, positive=0.0, negative=0.0, words=0)
    polarity = (pos_sum - neg_sum) / (pos_sum + neg_sum + POLARITY_DAMPING)
    return Tone(
        polarity=round(polarity, 4),
        positive=round(positive / words, 5),
        negative=round(negative / words, 5),
        words=words,
    )


def _valence(lexicon: dict[str, float], low: str, lemma: str) -> float | None:
    valence = lexicon.get(low)
    if valence is None and lemma:
        valence = lexicon.get(lemma)
    if valence is None and len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
        # plural of a listed noun ("deaths", "threats") when the pipeline has no lemmatizer
        valence = lexicon.get(low[:-1])
    return valence


def stage(doc: Doc, document: Document) -> None:
    """Pipeline stage: fill ``document.tone``."""
    document.tone = score_tone(doc)
