"""Story clusters: stories about the same event or developing story, across sources and days.

Each story becomes a TF-IDF vector (Salton & Buckley 1988) over two kinds of features:

- its entities, by cross-story key (``Entity.key``, else type + name): who and where the story
  is about — the strongest evidence that two stories cover one event, so weighted
  ``ENTITY_WEIGHT`` times a word;
- the content words of its headline (counted twice) and text, lower-cased, stop words and
  numbers removed, plurals folded ("strikes" → "strike").

Term frequencies are sublinear (``1 + ln tf``), inverse document frequencies smoothed
(``ln((1 + n) / (1 + df)) + 1``) over the stories given. Two stories are linked when the
cosine of their vectors reaches ``threshold``. Clusters grow by average linkage (UPGMA):
clusters merge, most similar pair first, while the mean cosine between their members reaches
``threshold`` — unlike single linkage, a chain of loosely similar stories does not collapse
into one cluster — and while the time gap between them (by ``published``, else the dateline
date) is at most ``window_days``: a developing story may run for weeks, but two stories on
one subject months apart are two stories. Undated stories link on similarity alone.

The result depends only on the set of stories given, never on their order or on how a
caller batched them before (ties break on story ids).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

import numpy as np
import numpy.typing as npt
from spacy.lang.en.stop_words import STOP_WORDS

from wiretag.corpus.dedup import unique_documents
from wiretag.document import Document

__all__ = ["cluster_stories", "similarity_matrix", "story_date", "story_features"]

#: an entity mention is worth this many word occurrences
ENTITY_WEIGHT = 5.0
HEADLINE_WEIGHT = 2.0
DEFAULT_THRESHOLD = 0.25
DEFAULT_WINDOW_DAYS = 4
#: news words so frequent in every story that they only add noise
_NEWS_STOP = frozenset(
    {
        "said", "says", "told", "according", "reuters", "ap", "afp", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "year", "years", "week", "weeks", "day", "days", "percent",
        "people", "statement", "official", "officials", "news", "agency", "time", "also",
    }
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _fold(word: str) -> str:
    # plural folding only: a stemmer would merge "state"/"statement"; "ies" -> "y"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def story_features(document: Document) -> dict[str, float]:
    """Weighted raw term counts of a story: ``e:<entity key>`` and ``w:<word>`` features."""
    feats: dict[str, float] = defaultdict(float)
    for ent in document.entities:
        key = ent.key or f"{ent.type}:{ent.name.lower()}"
        feats["e:" + key] += ENTITY_WEIGHT * max(1, len(ent.mentions))
    start = document.dateline.end if document.dateline else 0
    for text, weight in ((document.headline or "", HEADLINE_WEIGHT), (document.text[start:], 1.0)):
        for raw in _WORD_RE.findall(text):
            word = raw.lower().replace("’", "'")
            if len(word) < 3 or word in STOP_WORDS or word in _NEWS_STOP:
                continue
            feats["w:" + _fold(word)] += weight
    return dict(feats)


def story_date(document: Document) -> date | None:
    """The story's date: ``published``, else the dateline's; None when neither parses."""
    for value in (document.published, document.dateline.date if document.dateline else None):
        if value:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def _vectors(docs: list[Document]) -> list[dict[str, float]]:
    feats = [story_features(d) for d in docs]
    df: Counter[str] = Counter()
    for f in feats:
        df.update(f.keys())
    n = len(docs)
    vectors = []
    for f in feats:
        vec = {
            t: (1.0 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1.0)
            for t, c in f.items()
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def similarity_matrix(docs: list[Document]) -> npt.NDArray[np.float64]:
    """Pairwise TF-IDF cosine of the stories (IDF over ``docs``)."""
    vectors = _vectors(docs)
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for t, v in vec.items():
            postings[t].append((i, v))
    sims = np.zeros((len(docs), len(docs)), dtype=np.float64)
    for entries in postings.values():
        if len(entries) < 2:
            continue
        idx = np.array([i for i, _ in entries])
        val = np.array([v for _, v in entries])
        sims[np.ix_(idx, idx)] += np.outer(val, val)
    np.fill_diagonal(sims, 1.0)
    return sims


def cluster_stories(
    docs: Iterable[Document],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> list[list[str]]:
    """Group stories into story clusters; every story is in exactly one (maybe alone).

    Returns lists of story ids: members sorted by date then id, clusters by their first
    member's date then id. Exact duplicates (same id) count once. Cost is quadratic in the
    number of stories: pass one time window's stories at a time, not a whole archive.
    """
    unique = sorted(unique_documents(docs), key=lambda d: d.id)
    n = len(unique)
    if n == 0:
        return []
    dates = [story_date(d) for d in unique]
    # average linkage by the Lance-Williams update: the linkage of a merged cluster to any
    # other is the size-weighted mean of its parts' linkages
    link = similarity_matrix(unique)
    np.fill_diagonal(link, -np.inf)
    size = np.ones(n)
    first = np.array([d.toordinal() if d else np.inf for d in dates], dtype=np.float64)
    last = np.array([d.toordinal() if d else -np.inf for d in dates], dtype=np.float64)
    alive = np.ones(n, dtype=bool)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    while True:
        # the time gap between two clusters: from the end of the earlier to the start of the
        # later (negative when they overlap), so a developing story may run for weeks as long
        # as it never goes quiet for longer than the window; undated clusters never block
        dated = np.isfinite(first)
        gap = np.maximum.outer(np.where(dated, first, 0.0), np.where(dated, first, 0.0))
        gap -= np.minimum.outer(np.where(dated, last, 0.0), np.where(dated, last, 0.0))
        gap = np.where(np.outer(dated, dated), gap, -np.inf)
        ok = (link >= threshold) & (gap <= window_days) & np.outer(alive, alive)
        if not ok.any():
            break
        masked = np.where(ok, link, -np.inf)
        # argmax takes the first maximum in row-major order: ties break on sorted ids
        a, b = divmod(int(np.argmax(masked)), n)
        a, b = min(a, b), max(a, b)
        merged = (size[a] * link[a] + size[b] * link[b]) / (size[a] + size[b])
        link[a, :] = merged
        link[:, a] = merged
        link[a, a] = -np.inf
        link[b, :] = -np.inf
        link[:, b] = -np.inf
        size[a] += size[b]
        first[a] = min(first[a], first[b])
        last[a] = max(last[a], last[b])
        alive[b] = False
        members[a].extend(members.pop(b))

    def order(i: int) -> tuple[date, str]:
        return (dates[i] or date.max, unique[i].id)

    groups = [sorted(m, key=order) for m in members.values()]
    groups.sort(key=lambda g: order(g[0]))
    return [[unique[i].id for i in g] for g in groups]
