"""Teams in sports copy, and lines in capitals, through the entity typer."""

from __future__ import annotations

import pytest
import spacy
from test_nlp_entity_types import run  # the typer on given model entities

import wiretag.nlp  # noqa: F401  (registers the factory)
from wiretag.nlp import load_backbone
from wiretag.nlp.sports import result_names, sports_story
from wiretag.nlp.tokenizer import news_tokenizer


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.tokenizer = news_tokenizer(nlp)
    nlp.add_pipe("wiretag_entity_types_v1")
    return nlp


def test_sports_story_by_slug_or_two_cues(blank):
    assert sports_story(blank.make_doc("SOCCER - LEEDS HOLD NEWCASTLE.\nText."))
    assert sports_story(blank.make_doc("The striker scored twice."))
    assert not sports_story(blank.make_doc("Leeds council scored a budget win."))
    assert not sports_story(blank.make_doc("Markets - shares fell in Leeds."))


def test_result_names_of_results_and_standings_lines(blank):
    doc = blank.make_doc(
        "Results on Saturday:\nArsenal 2 Chelsea 0\n"
        "Real Madrid 3 (Vinicius 12, Mbappe 88) Getafe 1 (Mayoral 55)\n"
        "1. Liverpool 10 8 1 1 25 8 25\n66 Colin Montgomerie\nPakistan beat England by 9 wickets"
    )
    assert [doc[a:b].text for a, b in result_names(doc)] == [
        "Arsenal", "Chelsea", "Real Madrid", "Getafe", "Liverpool"
    ]


def test_towns_in_results_lines_are_clubs_and_every_mention_follows(blank):
    text = "The striker scored twice.\nLeeds 1 Newcastle 1\nEngland 2 Wales 0\nIn Leeds, fans sang."
    out = run(blank, text, [("Leeds", "GPE"), ("Newcastle", "GPE"), ("Leeds,", "GPE")][:2])
    assert ("Leeds", "ORG") in out and ("Newcastle", "ORG") in out
    assert ("England", "GPE") in out and ("Wales", "GPE") in out  # national sides
    # the same story outside sports copy keeps its places
    assert run(blank, "Leeds 1 Newcastle 1", [("Leeds", "GPE")]) == [("Leeds", "GPE")]


def test_club_names_are_organisations_but_a_known_city_is_not(blank):
    text = "The striker scored as Leeds United beat Kansas City in the league."
    out = run(blank, text, [("Leeds United", "GPE"), ("Kansas City", "GPE")])
    assert out == [("Leeds United", "ORG"), ("Kansas City", "GPE")]


@pytest.fixture(scope="module")
def bundled():
    return load_backbone()


STORY = (
    "SOCCER - LEEDS HOLD NEWCASTLE AS ARSENAL GO TOP.\n"
    "LONDON, Aug 30 (Reuters) - Arsenal went top of the Premier League on Saturday after a "
    "2-0 win over Chelsea, while Leeds United held Newcastle to a 1-1 draw at Elland Road.\n"
    "Dennis Bergkamp scored twice and coach Arsene Wenger praised his side.\n"
    "TENNIS - SAMPRAS ADVANCES AT U.S. OPEN.\n"
    "NEW YORK (Reuters) - Top seed Pete Sampras beat Germany's Boris Becker on Thursday."
)


def test_bundled_pipeline_reads_headlines_and_teams(bundled):
    doc = bundled(STORY)
    ents = {(e.text, e.label_) for e in doc.ents}
    teams = ("LEEDS", "NEWCASTLE", "ARSENAL", "Arsenal", "Chelsea", "Leeds United", "Newcastle")
    for name in teams:
        assert (name, "ORG") in ents, name
    assert ("SAMPRAS", "PERSON") in ents
    assert ("Pete Sampras", "PERSON") in ents and ("Germany", "GPE") in ents
    assert not any(e.text in ("SOCCER", "TENNIS") for e in doc.ents)
    for e in doc.ents:
        assert STORY[e.start_char : e.end_char] == e.text


def test_bundled_pipeline_keeps_places_outside_sports(bundled):
    doc = bundled("UKRAINE SAYS RUSSIAN DRONES HIT KHARKIV\nKYIV (Reuters) - Leeds officials said.")
    ents = {(e.text, e.label_) for e in doc.ents}
    want = {("UKRAINE", "GPE"), ("RUSSIAN", "NORP"), ("KHARKIV", "GPE"), ("Leeds", "GPE")}
    assert want <= ents


def test_scorers_scorecards_and_club_names(blank):
    text = (
        "The striker scored.\nReal Madrid 3 (Vinicius 12, Bellingham 40) Getafe 1 (Mayoral 55)\n"
        "Joe Root c Carey b Cummins 84\nSheffield Wednesday and West Ham drew."
    )
    ents = [("Madrid", "GPE"), ("Joe Root c Carey b Cummins", "PERSON"), ("Sheffield", "GPE"),
            ("West", "LOC")]
    out = run(blank, text, ents)
    assert ("Real Madrid", "ORG") in out and ("Getafe", "ORG") in out
    for name in ("Vinicius", "Bellingham", "Mayoral", "Joe Root", "Carey", "Cummins"):
        assert (name, "PERSON") in out, name
    assert ("Sheffield Wednesday", "ORG") in out and ("West Ham", "ORG") in out
