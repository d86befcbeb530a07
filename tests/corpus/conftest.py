"""Synthetic story sets for dedup and clustering, written for these tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from wiretag.document import Document, Entity, Mention

DATA = Path(__file__).with_name("data")

PairScorer = Callable[[set[tuple[str, str]], dict[str, str]], tuple[float, float]]


def _load(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def copies() -> list[Document]:
    """Four ~220-word wire stories, each with rewrites, plus another agency's write-up."""
    return [Document(id=r["id"], text=r["text"]) for r in _load("wire_copies.jsonl")]


@pytest.fixture(scope="session")
def copy_groups() -> dict[str, str]:
    return {r["id"]: r["group"] for r in _load("wire_copies.jsonl")}


@pytest.fixture(scope="session")
def stories() -> list[Document]:
    """23 short stories in 11 events, with same-subject distractors, entities by hand."""
    out = []
    for rec in _load("clusters.jsonl"):
        entities = [
            Entity(id=f"E{i}", type=t, name=n, key=f"{t}:{n}", mentions=[Mention(0, 0, n)])
            for i, (t, n) in enumerate(rec["entities"], start=1)
        ]
        out.append(
            Document(
                id=rec["id"], text=rec["text"], headline=rec["headline"],
                published=rec["published"], entities=entities,
            )
        )
    return out


@pytest.fixture(scope="session")
def story_events() -> dict[str, str]:
    return {r["id"]: r["cluster"] for r in _load("clusters.jsonl")}


@pytest.fixture(scope="session")
def pair_scores() -> PairScorer:
    """Pairwise precision and recall of predicted same-group pairs against gold groups."""

    def score(predicted: set[tuple[str, str]], groups: dict[str, str]) -> tuple[float, float]:
        gold = {(a, b) for a, b in combinations(sorted(groups), 2) if groups[a] == groups[b]}
        tp = len(predicted & gold)
        return (tp / len(predicted) if predicted else 1.0, tp / len(gold) if gold else 1.0)

    return score
