"""A story written all in lower case through the whole pipeline (bundled model): the
backbone reads it re-cased, the wire parser finds its dateline and credits, the entity
and quote stages read the re-cased text (canonical names, speakers, titles of works)
while every mention, quote and speaker keeps the story's own words at their offsets."""

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
    assert "Reuters" not in by_name
    for entity in result["entities"]:
        for m in entity["mentions"]:
            assert STORY[m["start"] : m["end"]] == m["text"]
            assert m["text"].islower() or not any(c.isalpha() for c in m["text"])


QUOTED = (
    "moscow, nov 21 (reuters) - russia cannot live with the current government in kyiv, "
    "a senior russian official said on tuesday.\n"
    "\"the current regime in kiev is toxic,\" russian ambassador-at-large sergei lavrenko told "
    "reporters, adding that the \"luhansk people's republic\" would hold a vote.\n"
    "lavrenko said russia could resist nato for as long as necessary.\n"
    "(reporting by guy hale; editing by gail jones)\n"
)


def test_a_story_in_lower_case_keeps_its_wire_structure_and_speakers(wiretag_schema):
    result = wiretag.analyze(QUOTED, today=date(2026, 11, 25)).to_dict()
    check_document(result, wiretag_schema)
    dateline = result["dateline"]
    assert (dateline["place"], dateline["agency"], dateline["date"]) == (
        "Moscow", "Reuters", "2023-11-21")  # the year from "on tuesday"
    assert [(c["role"], c["name"]) for c in result["credits"]] == [
        ("reporting", "Guy Hale"), ("editing", "Gail Jones")]
    names = {e["name"]: e for e in result["entities"]}
    assert "Guy Hale" not in names and "Gail Jones" not in names
    lavrenko = names["Sergei Lavrenko"]
    assert lavrenko["titles"] == ["ambassador-at-large"] and lavrenko["country"] == "RUS"
    assert "Luhansk People's Republic" in names, sorted(names)
    by_id = {e["id"]: e["name"] for e in result["entities"]}
    speakers = [(q["speaker"]["text"], by_id.get(q["speaker"]["entity"] or ""))
                for q in result["quotes"] if q["speaker"]]
    # the unnamed official of the lede is the Russian official quoted below
    assert ("a senior russian official", "Sergei Lavrenko") in speakers, speakers
    assert ("lavrenko", "Sergei Lavrenko") in speakers, speakers
    for q in result["quotes"]:
        assert QUOTED[q["start"] : q["end"]] == q["text"]
        assert q["text"] != "luhansk people's republic"  # a name in marks, not a quote
