"""Entity merging, canonical names, titles, countries and government use, on hand-built Docs.

The Docs are built with ``spacy.blank("en")`` and hand-set entity spans, so these tests do
not depend on what a trained model happens to tag.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wiretag.document import Credit, Dateline, Document, Entity
from wiretag.extract.entities import (
    extract_entities,
    stage,
    translit_key,
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("en")


def make_doc(nlp: Language, text: str, spans: list[tuple[str, str]]) -> Doc:
    """Tag every whole-word occurrence of each (surface, label), first listed wins."""
    doc = nlp(text)
    ents = []
    taken: set[int] = set()
    for surface, label in spans:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            span = doc.char_span(m.start(), m.end(), label=label)
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            ents.append(span)
            taken.update(range(span.start, span.end))
    doc.ents = sorted(ents, key=lambda s: s.start)
    return doc


def by_name(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, [(e.name, [m.text for m in e.mentions]) for e in entities]
    return found[0]


def check_offsets(doc: Doc, entities: list[Entity]) -> None:
    for e in entities:
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text


TEXT_PEOPLE = (
    "Belarusian Foreign Minister Maxim Ryzhenkov met his Hungarian counterpart on Monday. "
    "Ryzhenkov said talks were useful. Hungarian Foreign Minister Peter Szijjarto said "
    "Budapest wanted calm. Ryzhenkov’s visit was his first. Szijjarto left on Tuesday."
)


def test_surname_merge_titles_and_country(nlp: Language) -> None:
    doc = make_doc(nlp, TEXT_PEOPLE, [
        ("Foreign Minister Maxim Ryzhenkov", "PERSON"), ("Peter Szijjarto", "PERSON"),
        ("Ryzhenkov’s", "PERSON"), ("Ryzhenkov", "PERSON"), ("Szijjarto", "PERSON"),
        ("Belarusian", "NORP"), ("Hungarian", "NORP"), ("Budapest", "GPE"),
    ])
    ents = extract_entities(doc)
    check_offsets(doc, ents)
    ryz = by_name(ents, "Maxim Ryzhenkov")
    assert ryz.type == "PERSON"
    assert ryz.titles == ["Foreign Minister"]
    assert ryz.country == "BLR"
    named = [m for m in ryz.mentions if m.basis != "pronoun"]
    # The possessive "Ryzhenkov’s" is trimmed to the name.
    assert [m.text for m in named] == ["Maxim Ryzhenkov", "Ryzhenkov", "Ryzhenkov"]
    assert [m.basis for m in named] == [None, "surname", "surname"]
    szi = by_name(ents, "Peter Szijjarto")
    assert szi.country == "HUN" and len(szi.mentions) == 2
    assert by_name(ents, "Hungarian").country == "HUN"
    assert [e.id for e in ents] == [f"E{i}" for i in range(1, len(ents) + 1)]


def test_transliteration_variants_merge(nlp: Language) -> None:
    text = ("President Volodymyr Zelenskiy spoke. Zelensky later added a line. "
            "Aides to Zelenskyy declined comment.")
    doc = make_doc(nlp, text, [("Volodymyr Zelenskiy", "PERSON"), ("Zelensky", "PERSON"),
                               ("Zelenskyy", "PERSON")])
    ents = extract_entities(doc)
    z = by_name(ents, "Volodymyr Zelenskiy")
    assert len(z.mentions) == 3
    assert z.titles == ["President"]
    assert {m.basis for m in z.mentions[1:]} <= {"surname", "variant"}
    assert len([e for e in ents if e.type == "PERSON"]) == 1


def test_translit_key_does_not_merge_different_names() -> None:
    assert translit_key("Zelenskiy") == translit_key("Zelenskyy") == translit_key("Zelensky")
    assert translit_key("Peskov") != translit_key("Petrov")


def test_acronym_and_long_form_merge(nlp: Language) -> None:
    text = ("Judges at the International Criminal Court (ICC) met on Friday. "
            "The ICC prosecutor said the court would rule soon.")
    doc = make_doc(nlp, text, [("the International Criminal Court", "ORG")])
    ents = extract_entities(doc)
    court = by_name(ents, "International Criminal Court")
    assert [m.text for m in court.mentions][:3] == ["International Criminal Court", "ICC", "ICC"]
    assert court.mentions[1].basis == "acronym"
    assert court.key == "ORG:international criminal court:-"


def test_place_variants_merge_to_modern_spelling(nlp: Language) -> None:
    text = ("Drones struck Kiev overnight, officials said. kyiv says air defences worked. "
            "Residents of Kyiv sheltered in metro stations.")
    doc = make_doc(nlp, text, [("Kiev", "GPE"), ("Kyiv", "GPE")])
    ents = extract_entities(doc)
    kyiv = by_name(ents, "Kyiv")
    assert [m.text for m in kyiv.mentions] == ["Kiev", "kyiv", "Kyiv"]  # "kyiv" found untagged
    assert kyiv.geo is not None and kyiv.geo.geonameid == 703448
    assert abs(kyiv.geo.lat - 50.45) < 0.1 and abs(kyiv.geo.lon - 30.52) < 0.1
    assert kyiv.country == "UKR"
    assert kyiv.key == "geonames:703448"
    assert kyiv.government  # "kyiv says"


def test_government_use_only_as_subject_of_speech_or_action(nlp: Language) -> None:
    text = "Moscow denies the report. Crowds gathered in Vienna on Sunday."
    doc = make_doc(nlp, text, [("Moscow", "GPE"), ("Vienna", "GPE")])
    ents = extract_entities(doc)
    assert by_name(ents, "Moscow").government
    assert not by_name(ents, "Vienna").government


def test_relative_clause_does_not_hide_government_subject(nlp: Language) -> None:
    text = "Hungary, which holds the rotating presidency, has rejected the plan."
    doc = make_doc(nlp, text, [("Hungary", "GPE")])
    assert by_name(extract_entities(doc), "Hungary").government


def test_mislabelled_spans_are_repaired(nlp: Language) -> None:
    text = "Officials in Kyiv said the Poland border was calm. Ukrainians queued at crossings."
    doc = make_doc(nlp, text, [("Kyiv", "PERSON"), ("the Poland", "ORG"),
                               ("Ukrainians", "GPE")])
    ents = extract_entities(doc)
    assert by_name(ents, "Kyiv").type == "GPE"
    poland = by_name(ents, "Poland")
    assert poland.type == "GPE" and poland.mentions[0].text == "Poland"
    assert by_name(ents, "Ukrainian").type == "NORP"


def test_junk_spans_dropped(nlp: Language) -> None:
    text = "He said 2024 would be hard, and President said nothing."
    doc = make_doc(nlp, text, [("He", "PERSON"), ("2024", "ORG"), ("President", "PERSON")])
    assert extract_entities(doc) == []


def test_credits_and_dateline(nlp: Language) -> None:
    text = "VIENNA, May 2 (Reuters) - Austria's chancellor spoke in Vienna. Jane Doe noted it."
    doc = make_doc(nlp, text, [("Reuters", "ORG"), ("Austria", "GPE"), ("Vienna", "GPE"),
                               ("Jane Doe", "PERSON")])
    dateline = Dateline(text="VIENNA, May 2 (Reuters)", start=0, end=23, place="Vienna",
                        agency="Reuters")
    ents = extract_entities(doc, dateline=dateline,
                            credits=[Credit(role="writing", name="Jane Doe")])
    names = [e.name for e in ents]
    assert "Reuters" not in names and "Jane Doe" not in names
    vienna = by_name(ents, "Vienna")
    assert vienna.mentions[0].text == "VIENNA"
    assert vienna.geo is not None and vienna.geo.country_code == "AT"


def test_org_typed_name_of_a_geocoded_place_joins_the_place(nlp: Language) -> None:
    text = ("Peterhead (AFP) - Fishermen in the Scottish port of Peterhead rallied on Monday. "
            "The Peterhead Harbour Trust said boats stayed in.")
    doc = make_doc(nlp, text, [("Peterhead Harbour Trust", "ORG"), ("Peterhead", "ORG")])
    dateline = Dateline(text="Peterhead (AFP)", start=0, end=15, place="Peterhead",
                        agency="AFP")
    ents = extract_entities(doc, dateline=dateline)
    town = by_name(ents, "Peterhead")
    assert town.type == "GPE" and len(town.mentions) == 2
    assert town.geo is not None and town.geo.country_code == "GB"
    # an organisation named after the town stays an organisation
    assert by_name(ents, "Peterhead Harbour Trust").type == "ORG"
    check_offsets(doc, ents)


def test_dateline_region_country_guides_geocoding(nlp: Language) -> None:
    """"PARIS, Texas" is not the French capital when the dateline says so."""
    text = "PARIS, Texas, May 2 (Reuters) - Storms hit Paris on Monday."
    doc = make_doc(nlp, text, [("Paris", "GPE"), ("PARIS", "GPE")])
    dateline = Dateline(text="PARIS, Texas, May 2 (Reuters)", start=0, end=29,
                        place="Paris", agency="Reuters", region="Texas")
    paris = by_name(extract_entities(doc, dateline=dateline), "Paris")
    assert paris.geo is not None and paris.geo.country_code == "US"


def test_pronoun_linked_only_with_a_single_candidate(nlp: Language) -> None:
    text = ("Kremlin spokesman Dmitry Peskov spoke on Monday. He said talks had stalled. "
            "Peskov met Sergei Lavrov later. He said nothing.")
    doc = make_doc(nlp, text, [("Dmitry Peskov", "PERSON"), ("Peskov", "PERSON"),
                               ("Sergei Lavrov", "PERSON")])
    ents = extract_entities(doc)
    peskov = by_name(ents, "Dmitry Peskov")
    pronouns = [m for m in peskov.mentions if m.basis == "pronoun"]
    assert [m.start for m in pronouns] == [text.index("He said talks")]
    lavrov = by_name(ents, "Sergei Lavrov")
    assert all(m.basis != "pronoun" for m in lavrov.mentions)
    assert peskov.titles == ["spokesman"]


def test_appositive_gives_description_and_title(nlp: Language) -> None:
    text = "Maria Zakharova, the Foreign Ministry spokeswoman, said the claims were false."
    doc = make_doc(nlp, text, [("Maria Zakharova", "PERSON")])
    z = by_name(extract_entities(doc), "Maria Zakharova")
    assert z.descriptions == ["the Foreign Ministry spokeswoman"]
    assert z.titles == ["Foreign Ministry spokeswoman"] or z.titles == ["spokeswoman"]


def test_unknown_place_keeps_null_geo(nlp: Language) -> None:
    text = "Shelling hit villages near the Black Sea coast."
    doc = make_doc(nlp, text, [("the Black Sea", "LOC")])
    sea = by_name(extract_entities(doc), "Black Sea")
    assert sea.geo is None and sea.key == "LOC:black sea:-"


def test_stage_fills_document(nlp: Language) -> None:
    text = "Kyiv says it will respond."
    doc = make_doc(nlp, text, [("Kyiv", "GPE")])
    document = Document(id="x", text=text)
    stage(doc, document)
    assert [e.name for e in document.entities] == ["Kyiv"]


def test_spacy_component_stores_entities_on_doc() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("wiretag_entities_v1")
    doc = nlp("Warsaw hosted the talks.")
    assert doc._.wiretag_entities == []  # blank pipeline: no NER spans, no entities
    assert "wiretag_entities_v1" in nlp.pipe_names


@pytest.mark.shared
def test_moscow_story_acceptance(shared_dir: Path) -> None:
    """Issue 4's acceptance case, end to end with the bundled backbone."""
    from wiretag.nlp import BUNDLED_MODEL_PATH, load_backbone
    from wiretag.pipeline import prepare
    from wiretag.story import Story

    if not (BUNDLED_MODEL_PATH / "config.cfg").is_file():
        pytest.skip("the bundled backbone is not built in this checkout")
    raw = (shared_dir / "examples" / "wire-moscow-miroshnik.txt").read_text("utf-8")
    document = prepare(Story(text=raw))
    doc = load_backbone()(document.text)
    ents = extract_entities(doc, dateline=document.dateline, credits=document.credits)
    check_offsets(doc, ents)
    miroshnik = by_name(ents, "Rodion Miroshnik")
    assert "Ambassador-at-Large" in miroshnik.titles and miroshnik.country == "RUS"
    assert len(miroshnik.mentions) >= 4
    putin = by_name(ents, "Vladimir Putin")
    assert "President" in putin.titles and len(putin.mentions) >= 4
    zelenskiy = by_name(ents, "Volodymyr Zelenskiy")
    assert "President" in zelenskiy.titles and zelenskiy.country == "UKR"
    icc = by_name(ents, "International Criminal Court")
    assert "ICC" in [m.text for m in icc.mentions]
    kyiv = by_name(ents, "Kyiv")
    assert {"Kiev", "kyiv"} <= {m.text for m in kyiv.mentions}
    assert kyiv.geo is not None and abs(kyiv.geo.lat - 50.45) < 0.1
    assert abs(kyiv.geo.lon - 30.52) < 0.1
    moscow = by_name(ents, "Moscow")
    assert moscow.geo is not None and abs(moscow.geo.lat - 55.75) < 0.1
    assert abs(moscow.geo.lon - 37.62) < 0.1 and moscow.government
    names = {e.name for e in ents}
    assert not names & {"Guy Faulconbridge", "Gareth Jones", "Timothy Heritage", "Reuters"}


def test_truncated_and_glued_spans_are_repaired(nlp: Language) -> None:
    text = ("Officials of the self-proclaimed Luhansk People’s Republic met Georgia Governor "
            "Brian Kemp. Floods hit Gomel and Brest. The Organization for Security and "
            "Co-operation in Europe sent observers. Ursula von der Leyen spoke.")
    doc = make_doc(nlp, text, [("Luhansk People", "PERSON"),
                               ("Georgia Governor Brian Kemp", "GPE"),
                               ("Gomel and Brest", "GPE"), ("Organization for Security", "ORG"),
                               ("Europe", "LOC"), ("Leyen", "PERSON")])
    ents = extract_entities(doc)
    check_offsets(doc, ents)
    names = {e.name: e.type for e in ents}
    assert names["Luhansk People’s Republic"] == "GPE"
    assert names["Brian Kemp"] == "PERSON" and names["Georgia"] == "GPE"
    assert by_name(ents, "Brian Kemp").titles == ["Governor"]
    surfaces = {m.text: e.type for e in ents for m in e.mentions}
    assert surfaces["Gomel"] == "GPE" and surfaces["Brest"] == "GPE"
    assert names["Organization for Security and Co-operation in Europe"] == "ORG"
    assert names["Ursula von der Leyen"] == "PERSON"
    assert "Luhansk People" not in names and "Europe" not in names


def test_nationality_split_from_ministry_and_igos_relabelled(nlp: Language) -> None:
    text = "The Russian Defence Ministry said NATO and the WHO were wrong. A U.S. envoy agreed."
    doc = make_doc(nlp, text, [("Russian Defence Ministry", "ORG"), ("NATO", "GPE"),
                               ("WHO", "PERSON"), ("A U.S.", "GPE")])
    ents = extract_entities(doc)
    names = {e.name: e.type for e in ents}
    assert names["Russian"] == "NORP" and names["Defence Ministry"] == "ORG"
    assert names["NATO"] == "ORG" and names["WHO"] == "ORG"
    assert names["United States"] == "GPE"


def test_regions_stay_distinct_without_geo(nlp: Language) -> None:
    text = ("Violence surged in the West Bank and the Gaza Strip. Ships left the Black Sea "
            "for Crimea.")
    doc = make_doc(nlp, text, [("West Bank", "GPE"), ("Gaza Strip", "GPE"),
                               ("Black Sea", "LOC"), ("Crimea", "GPE")])
    ents = extract_entities(doc)
    for name in ("West Bank", "Gaza Strip", "Black Sea", "Crimea"):
        assert by_name(ents, name).geo is None


def test_river_is_not_the_city(nlp: Language) -> None:
    text = "A missile hit Dnipro on Saturday. The city straddles the Dnipro River."
    doc = make_doc(nlp, text, [("Dnipro River", "LOC"), ("Dnipro", "GPE")])
    ents = extract_entities(doc)
    rivers = [e for e in ents if e.type == "LOC"]
    cities = [e for e in ents if e.type == "GPE"]
    assert len(rivers) == 1 and rivers[0].geo is None
    assert len(cities) == 1 and cities[0].geo is not None


def test_pronoun_gender_evidence_picks_between_two_people(nlp: Language) -> None:
    text = ("Danish Prime Minister Mette Frederiksen said the talks were hard. NATO chief "
            "Jens Stoltenberg praised Frederiksen and said he was confident. "
            "Lopez Obrador congratulated her.")
    doc = make_doc(nlp, text, [("Mette Frederiksen", "PERSON"), ("Frederiksen", "PERSON"),
                               ("Jens Stoltenberg", "PERSON"), ("Lopez Obrador", "PERSON"),
                               ("NATO", "ORG")])
    ents = extract_entities(doc)
    he = text.index("he was")
    stoltenberg = by_name(ents, "Jens Stoltenberg")
    assert [m.start for m in stoltenberg.mentions if m.basis == "pronoun"] == [he]
    frederiksen = by_name(ents, "Mette Frederiksen")
    # "her": a woman by first name, the other candidates are men or unknown.
    assert [m.text for m in frederiksen.mentions if m.basis == "pronoun"] == ["her"]


def test_unknown_gender_and_two_candidates_stays_unlinked(nlp: Language) -> None:
    text = "Ngozi Adeyemi met Chidi Okafor on Monday. They talked, and then she left."
    doc = make_doc(nlp, text, [("Ngozi Adeyemi", "PERSON"), ("Chidi Okafor", "PERSON")])
    ents = extract_entities(doc)
    assert all(m.basis != "pronoun" for e in ents for m in e.mentions)


def test_nominal_links_to_nearest_fitting_organisation(nlp: Language) -> None:
    text = ("The International Criminal Court issued warrants. Moscow rejected them. "
            "The court said the case was strong. The Economic Community of West African "
            "States met in Abuja, and the bloc set a deadline.")
    doc = make_doc(nlp, text, [("International Criminal Court", "ORG"), ("Moscow", "GPE"),
                               ("Economic Community of West African States", "ORG"),
                               ("Abuja", "GPE")])
    ents = extract_entities(doc)
    icc = by_name(ents, "International Criminal Court")
    assert [(m.text, m.basis) for m in icc.mentions[1:]] == [("court", "nominal")]
    ecowas = by_name(ents, "Economic Community of West African States")
    assert ("bloc", "nominal") in [(m.text, m.basis) for m in ecowas.mentions]


def test_government_from_conjoined_verbs_in_the_parse(nlp: Language) -> None:
    words = ["Ukraine", "is", "conducting", "strikes", "and", "accuses", "Moscow", "of",
             "lying", "."]
    heads = [2, 2, 2, 2, 5, 2, 5, 8, 6, 2]
    deps = ["nsubj", "aux", "ROOT", "obj", "cc", "conj", "obj", "mark", "acl", "punct"]
    pos = ["PROPN", "AUX", "VERB", "NOUN", "CCONJ", "VERB", "PROPN", "SCONJ", "VERB", "PUNCT"]
    lemmas = ["Ukraine", "be", "conduct", "strike", "and", "accuse", "Moscow", "of", "lie", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              ents=["B-GPE", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "O"])
    ents = extract_entities(doc)
    assert by_name(ents, "Ukraine").government
    assert not by_name(ents, "Moscow").government


def test_place_after_a_preposition_is_not_a_speaker(nlp: Language) -> None:
    text = "The hurricane centre in Miami said the storm would weaken."
    doc = make_doc(nlp, text, [("Miami", "GPE")])
    assert not by_name(extract_entities(doc), "Miami").government


def test_untagged_city_found_only_with_its_country_named(nlp: Language) -> None:
    text = "Ukraine said drones hit Kharkiv and Mykolaiv overnight."
    doc = make_doc(nlp, text, [("Ukraine", "GPE"), ("Kharkiv", "GPE")])
    surfaces = {m.text for e in extract_entities(doc) for m in e.mentions}
    assert "Mykolaiv" in surfaces
    text = "Officials said drones hit Mykolaiv overnight."
    doc = make_doc(nlp, text, [])
    assert extract_entities(doc) == []


def test_place_glued_to_title_and_name_is_split(nlp: Language) -> None:
    text = "Fires spread on Monday, Washington Governor Jay Inslee said in Seattle."
    doc = make_doc(nlp, text, [("Washington Governor Jay Inslee", "GPE"), ("Seattle", "GPE")])
    ents = extract_entities(doc)
    inslee = by_name(ents, "Jay Inslee")
    assert inslee.type == "PERSON" and inslee.titles == ["Governor"]
    assert "Washington" in {m.text for e in ents for m in e.mentions}


def test_surname_first_and_name_suffix_repeats_found(nlp: Language) -> None:
    text = ("President Xi Jinping met Philippine President Ferdinand Marcos Jr. on Monday. "
            "Xi said ties were good. Marcos agreed.")
    doc = make_doc(nlp, text, [("Xi Jinping", "PERSON"), ("Ferdinand Marcos Jr.", "PERSON")])
    ents = extract_entities(doc)
    assert "Xi" in {m.text for m in by_name(ents, "Xi Jinping").mentions}
    marcos = [e for e in ents if e.name.startswith("Ferdinand Marcos")]
    assert len(marcos) == 1 and "Marcos" in {m.text for m in marcos[0].mentions}


def test_known_clubs_merge_under_their_full_name(nlp: Language) -> None:
    text = ("Man Utd beat Spurs on Saturday. Manchester United's striker scored twice against "
            "Tottenham Hotspur, and Tottenham's coach left.")
    doc = make_doc(nlp, text, [("Man Utd", "ORG"), ("Spurs", "ORG"), ("Manchester United", "ORG"),
                               ("Tottenham Hotspur", "ORG"), ("Tottenham", "ORG")])
    ents = extract_entities(doc)
    check_offsets(doc, ents)
    united = by_name(ents, "Manchester United")
    assert [m.text for m in united.mentions] == ["Man Utd", "Manchester United"]
    spurs = by_name(ents, "Tottenham Hotspur")
    assert [m.text for m in spurs.mentions] == ["Spurs", "Tottenham Hotspur", "Tottenham"]


def test_a_persons_surname_in_capitals_is_not_a_capital_city(nlp: Language) -> None:
    text = "HAMILTON WINS IN BRAZIL.\nLewis Hamilton won the race on Sunday."
    doc = make_doc(nlp, text, [("HAMILTON", "PERSON"), ("Lewis Hamilton", "PERSON"),
                               ("BRAZIL", "GPE")])
    ents = extract_entities(doc)
    hamilton = by_name(ents, "Lewis Hamilton")
    assert [m.text for m in hamilton.mentions] == ["HAMILTON", "Lewis Hamilton"]


def test_a_club_named_like_the_dateline_town_stays_a_club(nlp: Language) -> None:
    # sports copy (two words only sports copy uses: "striker", "scored")
    text = ("LIVERPOOL, England, April 24 (Reuters) - Liverpool beat Everton 2-0 on Sunday. "
            "Liverpool manager Juergen Klopp praised striker Divock Origi, who scored.")
    doc = make_doc(nlp, text, [("Juergen Klopp", "PERSON"), ("Divock Origi", "PERSON"),
                               ("Everton", "ORG")])
    # the model tagged the club once (after the dateline) and missed its repeat
    start = text.index("Liverpool beat")
    doc.ents = sorted([*doc.ents, doc.char_span(start, start + 9, label="ORG")],
                      key=lambda s: s.start)
    dateline = Dateline(text="LIVERPOOL, England, April 24 (Reuters)", start=0, end=39,
                        place="Liverpool", agency="Reuters")
    ents = extract_entities(doc, dateline=dateline)
    check_offsets(doc, ents)
    club = [e for e in ents if e.type == "ORG" and e.name == "Liverpool"]
    assert len(club) == 1 and [m.text for m in club[0].mentions] == ["Liverpool", "Liverpool"]
    town = [e for e in ents if e.type == "GPE" and e.name == "Liverpool"]
    assert len(town) == 1 and [m.text for m in town[0].mentions] == ["LIVERPOOL"]
    assert by_name(ents, "Juergen Klopp").titles == ["manager"]
    assert by_name(ents, "Divock Origi").titles == ["striker"]


def test_names_of_a_story_in_capitals_are_canonical_in_running_text_case(
    nlp: Language,
) -> None:
    text = "PRESIDENT VLADIMIR PUTIN MET NATO AND THE KREMLIN ON FRIDAY. PUTIN SAID NO."
    doc = make_doc(nlp, text, [("VLADIMIR PUTIN", "PERSON"), ("PUTIN", "PERSON"),
                               ("NATO", "ORG"), ("KREMLIN", "ORG")])
    ents = extract_entities(doc)
    check_offsets(doc, ents)
    assert [m.text for m in by_name(ents, "Vladimir Putin").mentions] == [
        "VLADIMIR PUTIN", "PUTIN"]
    by_name(ents, "NATO")  # an acronym stays in capitals
    by_name(ents, "Kremlin")
