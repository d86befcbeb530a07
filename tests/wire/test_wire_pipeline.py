"""Every golden wire story through the full pipeline (bundled model, every stage): the
output must validate against the schema and every reported span must hold."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import check_document

import wiretag
from wiretag.document import Document
from wiretag.nlp import BUNDLED_MODEL_PATH

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "wire"


@pytest.mark.skipif(not (BUNDLED_MODEL_PATH / "config.cfg").is_file(),
                    reason="the bundled model has not been trained into this checkout")
def test_wire_golden_stories_through_pipeline(wiretag_schema: dict[str, Any]) -> None:
    paths = sorted(GOLDEN.glob("*.txt"))
    records = []
    for path in paths:
        exp = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
        record = {"id": path.stem, "text": path.read_text("utf-8")}
        if exp.get("published"):
            record["published"] = exp["published"]
        records.append(record)
    results = list(wiretag.analyze_many(records, today=date(2026, 11, 25)))
    assert len(results) == len(paths)
    for path, result in zip(paths, results, strict=True):
        assert isinstance(result, Document), (path.name, str(result))
        assert result.input.id == path.stem
        check_document(result.to_dict(), wiretag_schema)
