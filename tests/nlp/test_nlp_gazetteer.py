"""The lists of the entity-type gazetteer (training/build_gazetteer.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from training.build_gazetteer import companies

GAZETTEER = Path(__file__).resolve().parents[2] / "src" / "wiretag" / "data" / "ner_gazetteer.json"


def test_company_names_lose_their_legal_form_and_unsafe_names_are_dropped():
    listed = [
        "Workday, Inc.",
        "The Cheesecake Factory",
        "Rémy Cointreau",
        "Central Garden & Pet Company (Class A)",
        "Shell plc",  # an ordinary word, more frequent in lower case
        "NOW Inc.",  # the same in capitals
        "Pearson plc",  # a common surname
        "Charles Schwab Corporation",  # a given name and a surname
        "Paris",  # a place
        "First Bancorp",
        "Old Second Bancorp",
        "Stellar Bancorp, Inc.",
        "Bancorp",  # the last word of three other names
        "AB",  # too short
    ]
    # "Workday" is written capitalised more often than the word "workday" is written
    prob = {"shell": -11.2, "Shell": -13.0, "now": -5.0, "NOW": -11.3, "workday": -16.0}
    prob["Workday"] = -15.0
    people = {"Pearson", "Charles", "Schwab"}
    out = companies(listed, {"Paris"}, people, prob)
    assert out == sorted(
        [
            "Workday",
            "Cheesecake Factory",
            "Rémy Cointreau",
            "Remy Cointreau",
            "Central Garden & Pet",
            "First Bancorp",
            "Old Second Bancorp",
            "Stellar Bancorp",
        ]
    )


def test_shipped_gazetteer_companies_do_not_shadow_places_or_our_organisations():
    gz = json.loads(GAZETTEER.read_text("utf-8"))
    firms = set(gz["company"])
    assert {"Danone", "Iberdrola", "Safaricom", "Jollibee Foods"} <= firms
    # firms on our own list are organisations, and the company list leaves them to it
    assert {"Novartis", "Deutsche Bank", "ArcelorMittal", "Siemens"} <= set(gz["org"])
    assert not firms & set(gz["gpe"])
    assert not firms & set(gz["org"])
    assert not firms & {"Next", "Target", "Block", "Pearson", "NOW"}



def test_shipped_gazetteer_surnames_are_no_place_organisation_or_company():
    # wiretag_entity_types_v1 turns a bare surname from this list into a person without
    # checking these lists again
    gz = json.loads(GAZETTEER.read_text("utf-8"))
    surnames = set(gz["surnames"])
    assert {"Barnier", "Guterres", "Odinga"} <= surnames
    for key in ("gpe", "gpe_strong", "loc", "org", "company", "norp"):
        assert not surnames & set(gz[key]), key
    assert "Ford" not in surnames  # a word of a listed company's name


def test_world_stock_names_are_cut_to_the_name_news_writes():
    from training.build_gazetteer import world_names

    full = [
        "Semen Baturaja Persero Tbk",
        "Fima Corporation Bhd",  # too short once the legal form is gone
        "Swedbank AB ser A",
        "Grupo Bimbo SAB de CV",
        "PT Astra International Tbk",
        "Jollibee Foods Corp",
        "Bank of Ayudhya PCL",
        "Kuwait Foundry Co SAK",  # "SAK" is not a legal form we know: kept whole
        "VAN CARGOES",  # all capitals: a ticker-like name
        "Hydraulics Construction No4",  # a digit
        "Pharaoh tech for control and communication systems",  # lower-case words
        "S Science",  # opens with a single letter
        "President Chain Store Corp",  # opens with a title
    ]
    assert world_names(full) == sorted(
        [
            "Semen Baturaja",
            "Swedbank",
            "Grupo Bimbo",
            "Astra International",
            "Jollibee Foods",
            "Bank of Ayudhya",
            "Kuwait Foundry Co SAK",
        ]
    )


def test_shipped_gazetteer_knows_companies_outside_the_big_indices():
    gz = json.loads(GAZETTEER.read_text("utf-8"))
    firms = set(gz["company"])
    assert {"Safaricom", "Ecopetrol", "Jollibee Foods", "Grupo Bimbo"} <= firms
    # one-word names that English text knows in any case stay with the model
    assert not firms & {"Ceres", "Demeter", "Excelsior", "Summit", "Koda"}


def test_one_word_world_names_must_be_unknown_to_english():
    from training.build_gazetteer import common_word

    prob = {"ceres": -16.7, "Ceres": -14.9, "koda": -18.4, "Koda": -16.6}
    prob |= {"safaricom": -19.5, "Safaricom": -19.5, "Jollibee": -17.5}
    assert common_word("Ceres", prob) and common_word("Koda", prob)
    assert not common_word("Safaricom", prob) and not common_word("Jollibee", prob)
    assert not common_word("Hanwha", prob)  # unknown
    assert not common_word("Grupo Bimbo", prob)  # names of two words are judged elsewhere


def test_shipped_gazetteer_sports_clubs_venues_and_name_lists():
    gz = json.loads(GAZETTEER.read_text("utf-8"))
    assert "Man Utd" in gz["club"]["Manchester United"]
    assert "Spurs" in gz["club"]["Tottenham Hotspur"]
    assert {"Old Trafford", "Anfield", "Roland Garros"} <= set(gz["venue"])
    assert {"john", "joe", "vladimir"} <= {g.lower() for g in gz["given"]}
    assert {"Smith", "Root", "Woods"} <= set(gz["surname_words"])
    # a firm whose name is function words only would re-case a headline's "IN THE"
    stop = spacy.blank("en").Defaults.stop_words
    assert not [f for f in gz["company"] if all(w.lower() in stop for w in f.split())]


def test_club_list_rejects_a_name_given_twice(monkeypatch):
    from training import sports_clubs

    monkeypatch.setattr(sports_clubs, "CLUBS", "Arsenal\nArsenal Ladies = Arsenal\n")
    with pytest.raises(ValueError, match="Arsenal"):
        sports_clubs.clubs()


def test_parties_market_bodies_firms_and_short_and_former_country_names():
    gaz = json.loads(GAZETTEER.read_text("utf-8"))
    org, strong = set(gaz["org"]), set(gaz["gpe_strong"])
    assert {"National Rally", "Bharatiya Janata Party", "Sinn Fein", "AfD", "Likud"} <= org
    # ordinary words and short acronyms of other things stay with the model
    assert not {"Labour", "Greens", "Renaissance", "PPP", "PAN"} & org
    assert {"Bosnia", "Trinidad", "Macedonia", "Yugoslavia", "Zaire", "Ceylon"} <= strong
    assert not {"Bosnia", "Yugoslavia"} & org
    # exchanges, central banks and rating agencies; a name on the body list is no longer
    # also a company
    assert {"London Metal Exchange", "NYMEX", "BOJ", "Swiss National Bank", "Fitch"} <= org
    assert not {"Euronext", "Moody's"} & set(gaz["company"])
    # firms news names by a short or private name; ordinary words and surnames are not
    assert {"OpenAI", "Samsung", "Alibaba", "Tencent", "Uber", "Huawei", "Vitol"} <= org
    assert not {"Visa", "Oracle", "Honda", "Tata"} & org


def test_a_list_of_countries_the_model_ran_together_is_one_place_each(blank_typer):
    from test_nlp_entity_types import run

    text = "The presidents of Bosnia, Serbia and Croatia signed the accord in Paris."
    out = run(blank_typer, text, [("Bosnia, Serbia and Croatia", "LOC"), ("Paris", "LOC")])
    assert out == [("Bosnia", "GPE"), ("Serbia", "GPE"), ("Croatia", "GPE"), ("Paris", "GPE")]


def test_a_party_in_a_headline_in_capitals_is_an_organisation():
    from wiretag.nlp import load_backbone

    doc = load_backbone()("FRANCE'S NATIONAL RALLY LEADS POLL AS SOCIALIST PARTY SLUMPS.")
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("NATIONAL RALLY", "ORG") in ents and ("SOCIALIST PARTY", "ORG") in ents


def test_case_table_keeps_the_usual_form_with_a_margin_for_capitals():
    from training.build_case_table import case_forms as build

    probs = {
        "masoud": -19.0, "Masoud": -15.0,  # a name
        "palace": -13.4, "Palace": -13.2,  # capitalised in titles, but not by enough
        "nato": -16.0, "NATO": -12.0, "Nato": -14.0,
        "xi": -15.9, "Xi": -15.3, "XI": -13.8,  # a Roman numeral is no form of "xi"
        "ceasefire": -14.0, "Ceasefire": -16.0,
        "rare": -25.0, "Rare": -24.0,  # too rare to keep
        "e-mail": -10.0, "O'Brien": -12.0,  # not plain words
    }
    assert build(probs, min_logprob=-18.0, margin=0.5) == [
        "Masoud", "NATO", "Xi", "ceasefire", "palace"
    ]


def test_packaged_case_table():
    from wiretag.lexicon.gazetteer import case_forms

    forms = case_forms()
    assert len(forms) > 100_000
    for low, form in (("nato", "NATO"), ("monday", "Monday"), ("russian", "Russian"),
                      ("putin", "Putin"), ("palace", "palace"), ("said", "said")):
        assert forms[low] == form
