"""Topics: IPTC Media Topics for a story, from a transparent weighted-cue model.

There is no openly licensed news corpus labelled with Media Topics to train on, so topics
come from a lexicon anyone can read and correct: ``wiretag/data/topics/cues.tsv`` lists, per
topic, weighted base forms and multiword cues ("interest rate", "tear gas"). A story's
evidence for a topic is the weighted count of its cue matches:

- a word matches a cue through its lower-cased form, its spaCy lemma, or a light
  suffix-stripping of plurals and verb endings (so the model keeps working with pipelines
  that have no lemmatizer, and does not change when the backbone is retrained);
- the headline counts double and the lede one and a half times, as an editor's first
  words say what the story is about (the inverted pyramid);
- repeats of one cue count less each time (1, 1/2, 1/3, ...), so one word repeated does not
  outweigh varied vocabulary;
- names of people are skipped ("Hope Hicks", "Martin Luther King").

A topic's score in 0..1 combines how strong the evidence is for the story's length
(``1 - exp(-raw / (SCALE * (1 + words / LENGTH_UNIT)))``) with how it compares with the
best-supported topic (``(raw / best) ** SHARE_POWER``): a war story that mentions an
election once gets politics far below conflict. Topics under ``THRESHOLD``, or with less than
``MIN_EVIDENCE``, are dropped, so a story with no clear subject gets no topics. The constants
sit in a broad plateau of a grid search on the golden stories in ``tests/golden/topics`` (see
``python -m wiretag.evaluation.topics``).

Second-level topics (e.g. 16002000 armed conflict) are reported only under a reported parent
and only when their own evidence clears the stricter ``CHILD_THRESHOLD``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

from wiretag.document import Document, Topic

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "SCHEME",
    "TopicLexicon",
    "TopicTerm",
    "classify_topics",
    "load_topic_lexicon",
    "score_topics",
    "stage",
]

SCHEME = "iptc-mediatopic"

#: evidence (in cue-weight units) that gives a short story a strength of 1 - 1/e ≈ 0.63
SCALE = 4.0
#: story length (words) over which the evidence needed for the same strength doubles
LENGTH_UNIT = 250.0
#: minimum score for a top-level topic to be reported
THRESHOLD = 0.4
#: least raw evidence for any topic: one strong cue in the lede (2 x 1.5) is not enough,
#: so "The committee will meet on Tuesday." gets no topic
MIN_EVIDENCE = 4.0
#: minimum score for a second-level topic (stricter: they are narrower claims)
CHILD_THRESHOLD = 0.45
#: how steeply a topic's score falls with its evidence relative to the best topic's
SHARE_POWER = 1.5
HEADLINE_BOOST = 2.0
LEDE_BOOST = 1.5
#: words of a story without sentence boundaries that count as its lede
LEDE_WORDS = 40
#: entity types whose tokens are not topic evidence: people's names ("Hope", "King")
SKIP_ENTITY_TYPES = frozenset({"PERSON"})

_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*|\d+[a-zA-Z]\w*")


@dataclass(frozen=True)
class TopicTerm:
    code: str
    label: str
    parent: str | None


@dataclass(frozen=True)
class TopicLexicon:
    """The topic scheme and its cues, indexed by a cue's first word for matching."""

    topics: dict[str, TopicTerm]
    #: first word -> [(cue words, code, weight)], longest cues first
    index: dict[str, list[tuple[tuple[str, ...], str, float]]]


@lru_cache(maxsize=1)
def load_topic_lexicon() -> TopicLexicon:
    """Load and index ``mediatopics.tsv`` and ``cues.tsv`` once per process."""
    root = files("wiretag").joinpath("data/topics")
    topics: dict[str, TopicTerm] = {}
    for line in _data_lines(root.joinpath("mediatopics.tsv").read_text("utf-8")):
        code, parent, label = line.split("\t")
        topics[code] = TopicTerm(code, label, None if parent == "-" else parent)
    weights: dict[tuple[str, tuple[str, ...]], float] = {}
    for line in _data_lines(root.joinpath("cues.tsv").read_text("utf-8")):
        code, weight_text, cues = line.split("\t")
        if code not in topics:
            raise ValueError(f"cues.tsv names unknown topic {code}")
        weight = float(weight_text)
        for cue in cues.split("|"):
            words = tuple(w for w in re.split(r"[\s-]+", cue.strip().lower()) if w)
            # a second-level cue is evidence for its parent too
            for target in (code, topics[code].parent):
                if target is not None and words:
                    key = (target, words)
                    # weight 0 ("not evidence for this topic") overrides any other weight
                    if weight == 0.0 or weights.get(key) == 0.0:
                        weights[key] = 0.0
                    else:
                        weights[key] = max(weights.get(key, 0.0), weight)
    index: dict[str, list[tuple[tuple[str, ...], str, float]]] = defaultdict(list)
    for (code, words), weight in weights.items():
        index[words[0]].append((words, code, weight))
    for entries in index.values():
        entries.sort(key=lambda e: (-len(e[0]), e[1], e[0]))
    return TopicLexicon(topics=topics, index=dict(index))


def _data_lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=65536)
def _forms(word: str) -> frozenset[str]:
    """The lower-cased word and its plausible base forms (plural and verb endings off).

    Over-generation is harmless: a candidate only matters if it is a cue.
    """
    w = word.lower().replace("’", "'")
    out = {w}
    if len(w) > 3:
        if w.endswith("ies"):
            out.add(w[:-3] + "y")
        if w.endswith("es"):
            out.add(w[:-2])
        if w.endswith("s") and not w.endswith("ss"):
            out.add(w[:-1])
        if w.endswith("ied"):
            out.add(w[:-3] + "y")
        if w.endswith("ed"):
            out.update((w[:-2], w[:-1]))
            if len(w) > 4 and w[-3] == w[-4]:
                out.add(w[:-3])  # "stabbed" -> "stab"
        if w.endswith("ing") and len(w) > 5:
            out.update((w[:-3], w[:-3] + "e"))
            if w[-4] == w[-5]:
                out.add(w[:-4])  # "kidnapping" -> "kidnap"
    return frozenset(out)


def score_topics(
    body: Sequence[tuple[frozenset[str], float]],
    headline: Sequence[frozenset[str]] = (),
    *,
    lexicon: TopicLexicon | None = None,
) -> dict[str, float]:
    """Raw evidence per topic code from word forms with their position weights.

    ``body`` holds, per word of the story, its candidate forms and a position boost (lede
    words more than later ones); ``headline`` the headline words' forms. Pure and
    model-free, so it can be tested and reused without spaCy.
    """
    lex = lexicon if lexicon is not None else load_topic_lexicon()
    hits: dict[tuple[str, tuple[str, ...], float], list[float]] = defaultdict(list)
    _match(list(body), lex, hits)
    _match([(forms, HEADLINE_BOOST) for forms in headline], lex, hits)
    raw: dict[str, float] = defaultdict(float)
    for (code, _words, weight), boosts in hits.items():
        for rank, boost in enumerate(sorted(boosts, reverse=True), start=1):
            raw[code] += weight * boost / rank
    return dict(raw)


def _match(
    seq: Sequence[tuple[frozenset[str], float]],
    lex: TopicLexicon,
    hits: dict[tuple[str, tuple[str, ...], float], list[float]],
) -> None:
    # per topic, the longest cue starting at a word wins and consumes its words, so "prime
    # minister" counts once for politics rather than also as "minister"; a weight-0 cue
    # ("civil defence" under conflict) thereby blocks a topic's shorter cue ("defence")
    covered: dict[str, int] = {}
    for i, (forms, boost) in enumerate(seq):
        candidates = sorted(
            {entry for form in forms for entry in lex.index.get(form, ())},
            key=lambda e: (-len(e[0]), e[1], e[0]),
        )
        for words, code, weight in candidates:
            n = len(words)
            if covered.get(code, 0) > i or i + n > len(seq):
                continue
            if all(words[k] in seq[i + k][0] for k in range(1, n)):
                if weight > 0:
                    hits[(code, words, weight)].append(boost)
                covered[code] = i + n


def _doc_words(doc: Doc, start_char: int) -> tuple[list[tuple[frozenset[str], float]], int]:
    has_sents = doc.has_annotation("SENT_START")
    words: list[tuple[frozenset[str], float]] = []
    count = 0
    in_lede = True
    for token in doc:
        if token.idx < start_char:
            continue
        if has_sents and token.is_sent_start and count > 0:
            in_lede = False
        if not any(ch.isalpha() for ch in token.text):
            continue
        count += 1
        if not has_sents and count > LEDE_WORDS:
            in_lede = False
        if token.ent_type_ in SKIP_ENTITY_TYPES:
            # keep the position so a cue cannot span the name
            words.append((frozenset(), 1.0))
            continue
        forms = _forms(token.text)
        lemma = token.lemma_.lower()
        if lemma and lemma not in forms:
            forms = forms | {lemma}
        words.append((forms, LEDE_BOOST if in_lede else 1.0))
    return words, count


def classify_topics(doc: Doc, document: Document | None = None, *, top: int = 3) -> list[Topic]:
    """The story's IPTC Media Topics, best first: at most ``top`` top-level topics, then any
    second-level topics under them with strong evidence. Empty when nothing is clear.

    ``document`` supplies the headline and dateline when given (the dateline's words are
    not evidence).
    """
    lex = load_topic_lexicon()
    start = document.dateline.end if document is not None and document.dateline else 0
    body, n_words = _doc_words(doc, start)
    headline = (
        [_forms(w) for w in _WORD_RE.findall(document.headline)]
        if document is not None and document.headline
        else []
    )
    raw = score_topics(body, headline, lexicon=lex)
    return _select(raw, n_words + len(headline), lex, top=top)


def _select(raw: dict[str, float], n_words: int, lex: TopicLexicon, *, top: int) -> list[Topic]:
    def strength(evidence: float) -> float:
        return 1.0 - math.exp(-evidence / (SCALE * (1.0 + n_words / LENGTH_UNIT)))

    tops = {c: r for c, r in raw.items() if lex.topics[c].parent is None and r >= MIN_EVIDENCE}
    if not tops:
        return []
    best = max(tops.values())
    scored = sorted(
        ((strength(r) * (r / best) ** SHARE_POWER, c) for c, r in tops.items()),
        key=lambda sc: (-sc[0], sc[1]),
    )
    chosen = [(s, c) for s, c in scored if s >= THRESHOLD][:top]
    out = [_topic(lex, c, s) for s, c in chosen]
    children: list[tuple[float, str]] = []
    for _s, parent in chosen:
        for code, r in raw.items():
            if lex.topics[code].parent == parent and r >= MIN_EVIDENCE:
                s = strength(r) * math.sqrt(min(1.0, r / raw[parent]))
                if s >= CHILD_THRESHOLD:
                    children.append((s, code))
    children.sort(key=lambda sc: (-sc[0], sc[1]))
    out.extend(_topic(lex, c, s) for s, c in children)
    return out


def _topic(lex: TopicLexicon, code: str, score: float) -> Topic:
    return Topic(scheme=SCHEME, code=code, label=lex.topics[code].label, score=round(score, 3))


def stage(doc: Doc, document: Document) -> None:
    """Pipeline stage: fill ``document.topics``."""
    document.topics = classify_topics(doc, document)
