"""Evaluation: scorers over our golden corpora, used by the evaluation-gate tests."""

from __future__ import annotations

import hashlib
from pathlib import Path


def corpus_hash(path: Path, pattern: str = "*.txt") -> str:
    """SHA-256 over a folder of golden files (names and bytes, in name order), so a gate's
    floors name the exact corpus they were measured on."""
    digest = hashlib.sha256()
    for f in sorted(path.glob(pattern)):
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()
