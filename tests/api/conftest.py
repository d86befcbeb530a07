"""An app over a real SQLite file filled with hand-annotated Documents."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from wiretag.api import create_app
from wiretag.samples import examples
from wiretag.store import Store

with warnings.catch_warnings():
    # starlette 1.x warns (StarletteDeprecationWarning, a UserWarning) that its TestClient's
    # httpx backend is deprecated: not ours to fix
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


def filled_store(path: Path) -> Path:
    with Store(path) as store:
        for doc in examples():
            store.add(doc)
        store.cluster(None)
    return path


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return filled_store(tmp_path / "api.db")


@pytest.fixture()
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, max_request_bytes=10_000)) as c:
        yield c


