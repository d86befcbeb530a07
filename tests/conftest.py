"""Shared test set-up: the --slow flag, the ../shared fixture, and schema validation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="run slow tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip_slow = pytest.mark.skip(reason="slow: run with --slow")
    skip_shared = pytest.mark.skip(reason="../shared is not beside this checkout")
    for item in items:
        if "slow" in item.keywords and not config.getoption("--slow"):
            item.add_marker(skip_slow)
        if "shared" in item.keywords and not SHARED.is_dir():
            item.add_marker(skip_shared)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def wiretag_schema() -> dict[str, Any]:
    from wiretag.document import load_schema

    return load_schema()


def check_document(data: dict[str, Any], schema: dict[str, Any]) -> None:
    """Validate a wiretag/1 dict against the schema and check every reported span."""
    from wiretag.validate import check_document as check

    check(data, schema)


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A tiny spaCy pipeline saved to disk (sentencizer + empty ner): fast, model-free tests
    of the CLI, the API and batch paths through ``--model``/``model=``."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("ner")
    nlp.initialize()
    path = tmp_path_factory.mktemp("model") / "tiny"
    nlp.to_disk(path)
    return str(path)


@pytest.fixture(scope="session")
def bundled_nlp() -> Any:
    """The bundled backbone, loaded once per test session; tests that need it skip with a
    clear reason when the model has not been built (``wiretag train``)."""
    from wiretag.nlp import BUNDLED_MODEL_PATH, load_backbone

    if not (BUNDLED_MODEL_PATH / "config.cfg").is_file():
        pytest.skip(f"bundled model is absent ({BUNDLED_MODEL_PATH}); build it with wiretag train")
    return load_backbone()
