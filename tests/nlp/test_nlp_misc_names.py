"""Laws, market indexes, crude grades, storms and ships through the entity typer
(``wiretag.nlp.misc_names``), and through the bundled pipeline end to end."""

from __future__ import annotations

from itertools import pairwise

from test_nlp_entity_types import run  # the typer on given model entities

from wiretag.nlp.misc_names import index_table


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_model_names_ending_in_a_law_word_are_laws(blank):
    text = "Apple was fined under the Digital Markets Act and Israel cited the Rome Statute."
    given = [
        ("Apple", "ORG"),
        ("Digital Markets Act", "ORG"),
        ("Israel", "GPE"),
        ("Rome Statute", "GPE"),
    ]
    out = run(blank, text, given)
    assert out == [
        ("Apple", "ORG"),
        ("Digital Markets Act", "LAW"),
        ("Israel", "GPE"),
        ("Rome Statute", "LAW"),
    ]


def test_law_words_after_of_or_in_a_body_or_a_person_make_no_law(blank):
    text = "Harvard Law School, the School of Law, John Law and the Democratic National Convention."
    given = [
        ("Harvard Law School", "ORG"),
        ("School of Law", "ORG"),
        ("John Law", "PERSON"),
        ("Democratic National Convention", "ORG"),
    ]
    assert run(blank, text, given) == [(name, label) for name, label in given]
    assert run(blank, "He read the Da Vinci Code.", [("Da Vinci Code", "ORG")]) == [
        ("Da Vinci Code", "ORG")
    ]


def test_unfound_law_names_read_back_from_their_law_word(blank):
    text = "Britain passed the Safety of Rwanda Bill and the Inflation Reduction Act was signed."
    out = run(blank, text, [("Britain", "GPE")])
    assert out == [
        ("Britain", "GPE"),
        ("Safety of Rwanda Bill", "LAW"),
        ("Inflation Reduction Act", "LAW"),
    ]


def test_a_place_before_a_law_word_is_part_of_the_law_a_body_before_a_long_name_is_not(blank):
    text = "Under the Paris Agreement and the EU Artificial Intelligence Act, it was legal."
    out = run(blank, text, [("Paris", "GPE"), ("EU", "ORG")])
    assert out == [
        ("Paris Agreement", "LAW"),
        ("EU", "ORG"),
        ("Artificial Intelligence Act", "LAW"),
    ]


def test_law_opening_with_its_law_word_runs_to_its_last_capitalised_word(blank):
    text = "They cited the Convention on the Rights of the Child and the Convention on Monday."
    assert run(blank, text) == [("Convention on the Rights of the Child", "LAW")]


def test_law_acronym_in_brackets_is_a_law_wherever_named(blank):
    text = "The Digital Markets Act (DMA) took effect. Apple said the DMA hurt users."
    out = run(
        blank,
        text,
        [("Digital Markets Act", "ORG"), ("DMA", "ORG"), ("Apple", "ORG"), ("DMA", "ORG", 1)],
    )
    assert out == [("Digital Markets Act", "LAW"), ("DMA", "LAW"), ("Apple", "ORG"), ("DMA", "LAW")]


def test_market_indexes_and_crude_grades_are_misc(blank):
    text = (
        "The Nikkei share average fell while the Topix lost 0.8%. The FTSE 100 and the "
        "S&P 500 rose. Brent crude gained."
    )
    out = run(blank, text, [("Nikkei", "ORG"), ("Topix", "GPE"), ("FTSE", "ORG"), ("S&P", "ORG")])
    assert out == [
        ("Nikkei share average", "MISC"),
        ("Topix", "MISC"),
        ("FTSE 100", "MISC"),
        ("S&P 500", "MISC"),
        ("Brent", "MISC"),
    ]


def test_index_names_that_are_also_bodies_need_a_market_word(blank):
    text = "The Nikkei newspaper said Dow Chemical and Hang Seng Bank gained, and S&P cut Italy."
    given = [
        ("Nikkei", "ORG"),
        ("Dow Chemical", "ORG"),
        ("Hang Seng Bank", "ORG"),
        ("S&P", "ORG"),
        ("Italy", "GPE"),
    ]
    assert run(blank, text, given) == [(name, label) for name, label in given]
    out = run(
        blank,
        "The Nasdaq fell and the Dow and the S&P 500 rose.",
        [("Nasdaq", "ORG"), ("Dow", "ORG")],
    )
    assert out == [("Nasdaq", "MISC"), ("Dow", "MISC"), ("S&P 500", "MISC")]


def test_brent_is_a_crude_grade_only_in_oil_copy(blank):
    assert run(blank, "Oil prices fell. Brent lost 9%.", [("Brent", "GPE")]) == [("Brent", "MISC")]
    assert run(blank, "Brent Smith said Brent was fine.", [("Brent Smith", "PERSON")]) == [
        ("Brent Smith", "PERSON")
    ]


def test_headline_in_capitals_index_names(blank):
    out = run(blank, "HANG SENG JUMPS 4% AS DOW CLOSES HIGHER", [("SENG", "PERSON")])
    assert out == [("HANG SENG", "MISC"), ("DOW", "MISC")]


def test_named_storms_are_events_not_missiles_or_months(blank):
    text = (
        "Storm Daniel hit Derna after Tropical Storm Alberto; Storm Shadow missiles; Storm Monday."
    )
    out = run(blank, text, [("Daniel", "PERSON"), ("Derna", "GPE")])
    assert out == [("Storm Daniel", "EVENT"), ("Derna", "GPE"), ("Tropical Storm Alberto", "EVENT")]


def test_ships_after_a_prefix_or_a_vessel_noun_are_misc(blank):
    text = "The container ship Dali hit it; USS Gerald R. Ford sailed; budget carrier Ryanair flew."
    out = run(blank, text, [("Dali", "GPE"), ("Gerald R. Ford", "PERSON"), ("Ryanair", "ORG")])
    assert out == [("Dali", "MISC"), ("USS Gerald R. Ford", "MISC"), ("Ryanair", "ORG")]


def test_index_table_holds_running_text_and_capitals_forms(blank):
    table = index_table(lambda n: [t.text for t in blank.make_doc(n)])
    assert (("FTSE", "100"), "MISC") in table["FTSE"]
    assert (("HANG", "SENG"), "MISC") in table["HANG"]
    assert (("Nikkei",), "AMBIGUOUS") in table["Nikkei"]
    assert all(len(a[0]) >= len(b[0]) for entries in table.values() for a, b in pairwise(entries))


def test_bundled_pipeline_types_laws_indexes_storms_and_ships(bundled_nlp):
    out = ents(
        bundled_nlp,
        "The EU fined Apple under the Digital Markets Act (DMA). The Nikkei share average "
        "fell 1% and Brent crude rose. Storm Daniel hit Derna. The container ship Dali "
        "struck the bridge. Oasis opened their reunion tour.",
    )
    for want in [
        ("Digital Markets Act", "LAW"),
        ("DMA", "LAW"),
        ("Nikkei share average", "MISC"),
        ("Brent", "MISC"),
        ("Storm Daniel", "EVENT"),
        ("Dali", "MISC"),
        ("Derna", "GPE"),
        ("Apple", "ORG"),
    ]:
        assert want in out
    assert not any(text == "reunion" for text, _ in out)  # a common word, not Reunion


def test_bodies_named_after_law_are_no_laws_and_a_known_body_before_a_law_is_split(blank):
    text = (
        "The Center for International Environmental Law backs the European Union "
        "Deforestation Regulation."
    )
    given = [
        ("Center for International Environmental Law", "ORG"),
        ("European Union Deforestation Regulation", "ORG"),
    ]
    assert run(blank, text, given) == [
        ("Center for International Environmental Law", "ORG"),
        ("European Union", "ORG"),
        ("Deforestation Regulation", "LAW"),
    ]
    assert run(blank, "They met at the Hong Kong Convention and Exhibition Centre.") == [
        ("Hong Kong", "GPE")
    ]


def test_a_title_case_headline_verb_after_storm_names_no_storm(bundled_nlp):
    # the verb is read from the lemmatizer's dictionary: the bundled pipeline's
    out = ents(bundled_nlp, "Storm Forces Evacuation of Coastal Towns\nStorm Dennis hit Wales.")
    assert ("Storm Dennis", "EVENT") in out
    assert not any(text.startswith("Storm Forces") for text, _ in out)
