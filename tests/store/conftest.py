"""A store filled with hand-annotated Documents: no NLP model involved."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiretag.samples import examples
from wiretag.store import Store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "test.db")
    for doc in examples():
        assert s.add(doc)
    return s
