"""A story written all in lower case through the whole pipeline (bundled model): the
backbone reads it re-cased, and the entity stage names its entities in running-text
case while every mention keeps the story's own words at their offsets."""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import check_document

import wiretag
from wiretag.nlp import BUNDLED_MODEL_PATH

pytestmark = pytest.mark.skipif(
    not (BUNDLED_MODEL_PATH / "config.cfg").is_file(),
    reason="the bundled model has not been trained into this checkout",
)

STORY = (
    "kyiv, march 3 (reuters) - ukrainian president volodymyr zelenskiy said on monday "
    "that the u.s. and nato had promised more air defence systems.\n"
    "kremlin spokesman dmitry peskov said russia would respond, and zelenskiy told "
    "reporters in kyiv that the european union was ready to help.\n"
)


def test_a_story_in_lower_case_gets_canonical_names_and_exact_mentions(wiretag_schema):
    result = wiretag.analyze(STORY, today=date(2026, 11, 25)).to_dict()
    check_document(result, wiretag_schema)  # the schema, and text[start:end] for every span
    by_name = {e["name"]: e for e in result["entities"]}
    for name, kind in (("Volodymyr Zelenskiy", "PERSON"), ("Dmitry Peskov", "PERSON"),
                       ("NATO", "ORG"), ("Russia", "GPE"), ("Kyiv", "GPE")):
        assert name in by_name and by_name[name]["type"] == kind, (name, sorted(by_name))
    zelenskiy = by_name["Volodymyr Zelenskiy"]
    assert [m["text"] for m in zelenskiy["mentions"]] == ["volodymyr zelenskiy", "zelenskiy"]
    for entity in result["entities"]:
        for m in entity["mentions"]:
            assert STORY[m["start"] : m["end"]] == m["text"]
            assert m["text"].islower() or not any(c.isalpha() for c in m["text"])
