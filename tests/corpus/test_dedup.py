"""Exact and near-duplicate detection on republished wire copy."""

from __future__ import annotations

import json
import random
from itertools import combinations
from pathlib import Path

import pytest

from wiretag.corpus.dedup import (
    BANDS,
    exact_duplicates,
    find_near_duplicates,
    key_similarity,
    lsh_bands,
    near_duplicate_key,
    shingles,
    unique_documents,
)
from wiretag.document import Document, content_id

# No conftest.py here on purpose: tests elsewhere import the top-level one as ``conftest``.
DATA = Path(__file__).parent / "data" / "wire_copies.jsonl"
RECORDS = [json.loads(line) for line in DATA.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def copies() -> list[Document]:
    """Four ~220-word wire stories, each with rewrites, plus another agency's write-up."""
    return [Document(id=r["id"], text=r["text"]) for r in RECORDS]


def pair_scores(predicted: set[tuple[str, str]], groups: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of predicted same-group pairs against gold groups."""
    gold = {(a, b) for a, b in combinations(sorted(groups), 2) if groups[a] == groups[b]}
    tp = len(predicted & gold)
    return (tp / len(predicted) if predicted else 1.0, tp / len(gold) if gold else 1.0)


def test_dedup_near_duplicates_precision_recall(copies: list[Document]) -> None:
    """Rewrites (new last paragraph, extra paragraph, copy edits, trims) are found; the same
    event written up independently by another agency is not a duplicate."""
    pairs = find_near_duplicates(copies, threshold=0.8)
    predicted = {(a, b) for a, b, _ in pairs}
    precision, recall = pair_scores(predicted, {r["id"]: r["group"] for r in RECORDS})
    assert precision == 1.0
    assert recall >= 0.95
    assert all(0.8 <= score <= 1.0 and a < b for a, b, score in pairs)


def test_dedup_other_agency_is_not_duplicate(copies: list[Document]) -> None:
    pairs = find_near_duplicates(copies, threshold=0.3)
    assert not [p for p in pairs if "other-agency" in p[0] + p[1]]


def test_dedup_order_independent(copies: list[Document]) -> None:
    shuffled = copies[:]
    random.Random(7).shuffle(shuffled)
    assert find_near_duplicates(shuffled) == find_near_duplicates(copies)


def test_dedup_exact_duplicates_by_id() -> None:
    text = "KYIV, May 2 - The talks ended without agreement, officials said."
    a = Document(id=content_id(text), text=text, headline="Talks end")
    b = Document(id=content_id(text), text=text, headline="Talks end without a deal")
    c = Document(id=content_id(text + " More."), text=text + " More.")
    assert exact_duplicates([a, b, c]) == {a.id: 2}
    assert [d.headline for d in unique_documents([a, b, c])] == ["Talks end", None]
    # one story, not a pair with itself
    assert all(p[0] != p[1] for p in find_near_duplicates([a, b, c], threshold=0.5))


def test_dedup_key_similarity_estimates_overlap(copies: list[Document]) -> None:
    by_id = {d.id: d for d in copies}
    key = {i: near_duplicate_key(d.text) for i, d in by_id.items()}
    close = key_similarity(key["quake-original"], key["quake-new-last-paragraph"])
    assert 0.8 < close <= 1.0
    assert key_similarity(key["quake-original"], key["quake-other-agency"]) < 0.2
    assert key_similarity(key["chip-original"], key["chip-original"]) == 1.0
    # keys are stable strings: shingle count, then 128 x 8 hex digits
    count, _, hexes = key["chip-original"].partition(":")
    assert int(count) == len(shingles(by_id["chip-original"].text)) and len(hexes) == 1024
    assert near_duplicate_key(by_id["chip-original"].text) == key["chip-original"]


def test_dedup_lsh_bands_shared_by_copies(copies: list[Document]) -> None:
    by_id = {d.id: d for d in copies}
    bands = {i: set(lsh_bands(near_duplicate_key(d.text))) for i, d in by_id.items()}
    assert len(bands["port-original"]) == BANDS
    assert bands["port-original"] & bands["port-copy-edited"]
    assert not bands["port-original"] & bands["vaccine-original"]


def test_dedup_length_mismatch_is_excerpt_not_copy() -> None:
    sentence = "Paragraph {} says the port strike went on for a long time."
    long = " ".join(sentence.format(i) for i in range(40))
    short = " ".join(sentence.format(i) for i in range(5))
    docs = [Document(id="long", text=long), Document(id="short", text=short)]
    assert find_near_duplicates(docs, threshold=0.5) == []


def test_dedup_empty_and_tiny_texts() -> None:
    assert shingles("") == frozenset()
    assert len(shingles("Two words")) == 1
    docs = [Document(id="a", text=""), Document(id="b", text="!!!")]
    assert find_near_duplicates(docs) == []
    assert near_duplicate_key("").startswith("0:")
