"""Duplicates across stories: exact (same content id) and near (republished wire copy).

Wire copy is republished with a new headline, a trimmed or added last paragraph, a fixed
typo or another dateline. Media monitors count such copies once. Two stories are near
duplicates when most of the word shingles (overlapping runs of ``SHINGLE_WORDS`` words) of
the shorter one also occur in the other — the overlap coefficient ``|A ∩ B| / min(|A|, |B|)``
rather than Jaccard, so a story with a replaced last paragraph still scores above 0.8 — and
the two are of comparable length (``MAX_LENGTH_RATIO``): a two-paragraph brief lifted from a
long feature is an excerpt, not a copy.

Comparing every pair is quadratic, so candidates come from MinHash locality-sensitive
hashing (Broder 1997; Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3):
each story gets a ``NUM_PERM``-value MinHash signature, cut into ``BANDS`` bands; stories
sharing a band are compared exactly. ``near_duplicate_key`` returns the signature as a
string a store can keep, ``lsh_bands`` the band keys it can index, and ``key_similarity``
estimates the overlap from two keys alone, so a store can find the copies of a new story
without re-reading old ones.

Everything is deterministic: hash functions come from fixed seeds, never from Python's
per-process salted ``hash``.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import combinations

import numpy as np
import numpy.typing as npt

from wiretag.document import Document

__all__ = [
    "BANDS",
    "NUM_PERM",
    "SHINGLE_WORDS",
    "exact_duplicates",
    "find_near_duplicates",
    "key_similarity",
    "lsh_bands",
    "minhash",
    "near_duplicate_key",
    "shingles",
    "unique_documents",
]

#: words per shingle: short enough that one edited word breaks few shingles
SHINGLE_WORDS = 4
NUM_PERM = 128
#: 64 bands of 2 rows: pairs with Jaccard 0.3 (overlap ~0.5) become candidates with
#: probability 0.998; exact verification discards the rest
BANDS = 64
ROWS = NUM_PERM // BANDS
#: stories more than twice as long as each other are not copies (excerpt vs full story)
MAX_LENGTH_RATIO = 2.0
_MERSENNE = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)
_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _permutations() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    # PCG64 with a fixed seed yields the same stream on every platform and numpy version
    rng = np.random.Generator(np.random.PCG64(20231121))
    a = rng.integers(1, 1 << 31, size=NUM_PERM, dtype=np.uint64)
    b = rng.integers(0, 1 << 31, size=NUM_PERM, dtype=np.uint64)
    return a, b


def shingles(text: str) -> frozenset[int]:
    """32-bit hashes of the text's lower-cased ``SHINGLE_WORDS``-word shingles.

    A text shorter than one shingle is a single shingle of all its words.
    """
    words = _WORD_RE.findall(text.lower())
    if not words:
        return frozenset()
    n = max(1, len(words) - SHINGLE_WORDS + 1)
    return frozenset(
        int.from_bytes(
            hashlib.blake2b(
                " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8"), digest_size=4
            ).digest(),
            "little",
        )
        for i in range(n)
    )


def minhash(hashes: Iterable[int]) -> npt.NDArray[np.uint64]:
    """The MinHash signature of a set of 32-bit shingle hashes (all 0xFFFFFFFF when empty)."""
    x = np.fromiter(hashes, dtype=np.uint64)
    if x.size == 0:
        return np.full(NUM_PERM, _MASK32, dtype=np.uint64)
    a, b = _permutations()
    # a < 2^31 and x < 2^32, so a * x + b < 2^63: no uint64 overflow before the modulus
    values = (np.outer(a, x) + b[:, None]) % _MERSENNE & _MASK32
    result: npt.NDArray[np.uint64] = values.min(axis=1)
    return result


def near_duplicate_key(text: str) -> str:
    """A storable signature of ``text``: ``"<shingle count>:<NUM_PERM x 8 hex digits>"``."""
    sh = shingles(text)
    signature = minhash(sh)
    return f"{len(sh)}:" + "".join(f"{int(v):08x}" for v in signature)


def _parse_key(key: str) -> tuple[int, npt.NDArray[np.uint64]]:
    count, _, hexes = key.partition(":")
    sig = np.array([int(hexes[i : i + 8], 16) for i in range(0, len(hexes), 8)], dtype=np.uint64)
    return int(count), sig


def lsh_bands(key: str) -> list[str]:
    """The key's band hashes (``"<band>:<hex>"``): two stories that share one are candidates."""
    _count, sig = _parse_key(key)
    out = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        out.append(f"{band}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return out


def key_similarity(key_a: str, key_b: str) -> float:
    """Estimated overlap coefficient of two stories from their keys alone.

    MinHash estimates the Jaccard index J; with the shingle counts in the keys,
    ``|A ∩ B| = J / (1 + J) * (|A| + |B|)``. Returns 0.0 for stories of too different length.
    """
    na, sa = _parse_key(key_a)
    nb, sb = _parse_key(key_b)
    if min(na, nb) == 0 or max(na, nb) > MAX_LENGTH_RATIO * min(na, nb):
        return 0.0
    jaccard = float(np.mean(sa == sb))
    return min(1.0, jaccard / (1.0 + jaccard) * (na + nb) / min(na, nb))


def _overlap(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b or max(len(a), len(b)) > MAX_LENGTH_RATIO * min(len(a), len(b)):
        return 0.0
    return len(a & b) / min(len(a), len(b))


def unique_documents(docs: Iterable[Document]) -> list[Document]:
    """The documents with exact duplicates (same content id) dropped; first one kept."""
    seen: set[str] = set()
    out = []
    for doc in docs:
        if doc.id not in seen:
            seen.add(doc.id)
            out.append(doc)
    return out


def exact_duplicates(docs: Iterable[Document]) -> dict[str, int]:
    """Content ids that occur more than once, with how many times."""
    counts: dict[str, int] = defaultdict(int)
    for doc in docs:
        counts[doc.id] += 1
    return {i: n for i, n in sorted(counts.items()) if n > 1}


def find_near_duplicates(
    docs: Sequence[Document] | Iterable[Document], threshold: float = 0.8
) -> list[tuple[str, str, float]]:
    """Pairs of distinct stories that are near duplicates: ``(id_a, id_b, overlap)``.

    ``id_a < id_b``; pairs sorted by falling overlap, then ids. Exact duplicates (same id)
    are one story here: see ``exact_duplicates``. The result does not depend on input order.
    """
    unique = unique_documents(docs)
    shingle_sets = {d.id: shingles(d.text) for d in unique}
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for doc_id, sh in shingle_sets.items():
        if not sh:
            continue
        sig = minhash(sh)
        for band in range(BANDS):
            buckets[(band, sig[band * ROWS : (band + 1) * ROWS].tobytes())].append(doc_id)
    candidates: set[tuple[str, str]] = set()
    for ids in buckets.values():
        for a, b in combinations(sorted(set(ids)), 2):
            candidates.add((a, b))
    pairs = []
    for a, b in candidates:
        score = _overlap(shingle_sets[a], shingle_sets[b])
        if score >= threshold:
            pairs.append((a, b, round(score, 4)))
    pairs.sort(key=lambda p: (-p[2], p[0], p[1]))
    return pairs
