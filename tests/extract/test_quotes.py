"""Quotation extraction on hand-built inputs: no trained model needed."""

from __future__ import annotations

import time
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc
from tests.conftest import check_document

from wiretag.document import Document, Entity, Mention
from wiretag.extract.quotes import extract_quotes, find_quote_marks, stage


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    return spacy.blank("en")


def contents(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_quote_marks(text)]


# ------------------------------------------------------------------ the mark layer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” he said.", ["We will win,"]),
        ('"We will win," he said. "There is no doubt."', ["We will win,", "There is no doubt."]),
        ("«Nous gagnerons», a-t-il dit.", ["Nous gagnerons"]),
        ("'We are devastated,' he told TV.", ["We are devastated,"]),
        ("‘Not now,’ she said.", ["Not now,"]),
        ("Kiev’s allies’ view isn't quoted, nor is the '90s.", []),
        ('He said "yes" to the plan.', ["yes"]),
        ("“Outer ‘inner’ words,” he said.", ["Outer ‘inner’ words,"]),
        ("aimed at “demilitarizing ” Ukraine", ["demilitarizing"]),
    ],
)
def test_find_quote_marks_pairs_each_style(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_find_quote_marks_runs_over_reopened_paragraphs() -> None:
    text = "“First part of a speech.\n“Second part,” she said.\nNext story paragraph."
    marks = find_quote_marks(text)
    assert len(marks) == 1
    assert text[marks[0].start:marks[0].end] == "First part of a speech.\n“Second part,"
    assert marks[0].paragraphs == 2 and marks[0].closed


def test_find_quote_marks_bounds_unclosed_mark_at_paragraph_end() -> None:
    text = "He said “this never closes.\nThe rest of the story is not a quote.\n“Fine,” she said."
    marks = find_quote_marks(text)
    assert [text[m.start:m.end] for m in marks] == ["this never closes.", "Fine,"]
    assert marks[0].closed is False and marks[1].closed is True


def test_find_quote_marks_is_linear_on_pathological_input() -> None:
    for text in ('"' * 10_000, "“" * 10_000 + "x", ("“a " * 5_000 + "\n") * 2):
        started = time.perf_counter()
        marks = find_quote_marks(text)
        assert time.perf_counter() - started < 1.0
        for m in marks:
            assert 0 <= m.start < m.end <= len(text)


# ------------------------------------------------------------------ attribution, no parse


def test_split_quote_carries_running_speaker(blank: spacy.language.Language) -> None:
    text = '"We will win," he said. "There is no doubt."'
    quotes = extract_quotes(blank(text))
    assert [(q.id, q.kind, q.text) for q in quotes] == [
        ("Q1", "direct", "We will win"),
        ("Q2", "direct", "There is no doubt."),
    ]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "he"
    assert quotes[0].cue is not None and quotes[0].cue.text == "said"
    assert quotes[1].speaker is not None and quotes[1].speaker.start == quotes[0].speaker.start


def test_after_frame_with_title_and_inverted_frame(blank: spacy.language.Language) -> None:
    text = (
        "“The regime is toxic, we see no option,” Ambassador Ivan Petrov told reporters.\n"
        '"It is over," said Maria Lopez, a senior aide.'
    )
    quotes = extract_quotes(blank(text))
    assert [q.speaker.text for q in quotes if q.speaker] == ["Ambassador Ivan Petrov",
                                                            "Maria Lopez"]
    assert [q.cue.text for q in quotes if q.cue] == ["told", "said"]


def test_before_frame_with_colon(blank: spacy.language.Language) -> None:
    text = 'Maria Lopez said: "We will appeal the ruling."'
    (quote,) = extract_quotes(blank(text))
    assert quote.text == "We will appeal the ruling."
    assert quote.speaker is not None and quote.speaker.text == "Maria Lopez"


def test_scare_quotes_titles_and_nicknames_are_not_quotes(
    blank: spacy.language.Language,
) -> None:
    text = (
        "He criticised the so-called “regime” and the film “War and Peace”.\n"
        "The striker, nicknamed “The Bull”, scored twice."
    )
    assert extract_quotes(blank(text)) == []


def test_partial_quote_in_speaker_frame(blank: spacy.language.Language) -> None:
    text = "He said the regime was “absolutely toxic” and would fall."
    (quote,) = extract_quotes(blank(text))
    assert (quote.kind, quote.text) == ("partial", "absolutely toxic")
    assert quote.speaker is not None and quote.speaker.text == "He"


def test_offsets_always_point_at_reported_text(blank: spacy.language.Language) -> None:
    text = (
        "LONDON (Wire) - “One,” she said. «Two words» he wrote.\n"
        "'Three is here,' said Ann Lee. \"Unclosed at the end\n“Done,” he added."
    )
    for q in extract_quotes(blank(text)):
        assert text[q.start:q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text


# ------------------------------------------------------------------ attribution with a parse


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    vocab = spacy.blank("en").vocab
    # sentences follow from the heads: one ROOT per sentence
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_indirect_clause_from_parse_links_speaker_entity() -> None:
    #        0            1       2         3       4        5       6
    words = ["Miroshnik", "said", "Russia", "could", "resist", "NATO", "."]
    doc = parsed(words, [1, 1, 4, 4, 1, 4, 1],
                 ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "obj", "punct"],
                 ["PROPN", "VERB", "PROPN", "AUX", "VERB", "PROPN", "PUNCT"])
    miroshnik = Entity("E1", "PERSON", "Rodion Miroshnik",
                       mentions=[Mention(0, 9, "Miroshnik")])
    (quote,) = extract_quotes(doc, [miroshnik])
    assert (quote.kind, quote.text) == ("indirect", "Russia could resist NATO")
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.entity) == ("Miroshnik", "E1")
    assert quote.cue is not None and quote.cue.text == "said"


def test_pronoun_speaker_resolves_to_single_person_before_it() -> None:
    words = ["Anna", "Kovacs", "arrived", ".", "She", "said", "talks", "had", "failed", "."]
    doc = parsed(words, [1, 2, 2, 2, 5, 5, 8, 8, 5, 5],
                 ["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "nsubj", "aux",
                  "ccomp", "punct"],
                 ["PROPN", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "NOUN", "AUX", "VERB",
                  "PUNCT"])
    kovacs = Entity("E1", "PERSON", "Anna Kovacs", mentions=[Mention(0, 11, "Anna Kovacs")])
    (quote,) = extract_quotes(doc, [kovacs])
    assert quote.text == "talks had failed"
    assert quote.speaker is not None and quote.speaker.entity == "E1"


def test_unresolvable_speaker_keeps_null_entity() -> None:
    words = ["They", "said", "talks", "had", "failed", "."]
    doc = parsed(words, [1, 1, 4, 4, 1, 1],
                 ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
                 ["PRON", "VERB", "NOUN", "AUX", "VERB", "PUNCT"])
    a = Entity("E1", "PERSON", "Ann Lee", mentions=[])
    (quote,) = extract_quotes(doc, [a])
    assert quote.speaker is not None and quote.speaker.entity is None


def test_stage_records_scare_quotes_apart_from_quotes(
    blank: spacy.language.Language, wiretag_schema: dict[str, Any]
) -> None:
    text = ("He attacked the so-called “special military operation” and the “regime”.\n"
            "The film “War and Peace” opened. “We will win,” she said.")
    document = Document(id="x", text=text)
    stage(blank(text), document)
    assert [q.text for q in document.quotes] == ["We will win"]
    assert [s.text for s in document.scare_quotes] == ["special military operation",
                                                       "regime"]
    check_document(document.to_dict(), wiretag_schema)


def test_stage_and_spacy_component(blank: spacy.language.Language) -> None:
    text = '"We will win," he said.'
    document = Document(id="x", text=text)
    stage(blank(text), document)
    assert [q.id for q in document.quotes] == ["Q1"]

    nlp = spacy.blank("en")
    nlp.add_pipe("wiretag_quotes_v1")
    doc = nlp(text)
    assert [q.text for q in doc._.wiretag_quotes] == ["We will win"]


# ------------------------------------------------------------------ reported speech, weak parse
#
# A weak parser attaches everything to the cue with no labels: the lexical frames must
# still find the speaker and the reported clause from the words and tags alone.


def flat(spec: str) -> Doc:
    """A one-sentence Doc from "word/POS/TAG ..." with every token hanging off the ROOT."""
    items = [item.rsplit("/", 2) for item in spec.split()]
    root = next(i for i, (_w, _p, t) in enumerate(items) if t == "ROOT")
    words = [w for w, _p, _t in items]
    pos = [p for _w, p, _t in items]
    tags = [("VBD" if p == "VERB" else "") if t == "ROOT" else t for _w, p, t in items]
    deps = ["ROOT" if i == root else "dep" for i in range(len(items))]
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, tags=tags,
               heads=[root] * len(items), deps=deps)


def test_fronted_clause_with_day_and_scene_after_the_cue() -> None:
    doc = flat("Talks/NOUN/NNS have/AUX/VBP failed/VERB/VBN again/ADV/RB ,/PUNCT/, "
               "the/DET/DT minister/NOUN/NN said/VERB/ROOT on/ADP/IN Tuesday/PROPN/NNP "
               "after/ADP/IN the/DET/DT meeting/NOUN/NN ended/VERB/VBD ./PUNCT/.")
    (quote,) = extract_quotes(doc)
    assert (quote.kind, quote.text) == ("indirect", "Talks have failed again")
    assert quote.speaker is not None and quote.speaker.text == "the minister"


def test_fronted_clause_with_appositive_speaker() -> None:
    doc = flat("Prices/NOUN/NNS will/AUX/MD rise/VERB/VB ,/PUNCT/, the/DET/DT bank/NOUN/NN "
               "'s/PART/POS economist/NOUN/NN ,/PUNCT/, Ann/PROPN/NNP Lee/PROPN/NNP ,/PUNCT/, "
               "said/VERB/ROOT ./PUNCT/.")
    (quote,) = extract_quotes(doc)
    assert quote.text == "Prices will rise"
    assert quote.speaker is not None and quote.speaker.text == "the bank 's economist , Ann Lee"


def test_reporters_clause_after_and_is_not_fronted_content() -> None:
    doc = flat("Firefighters/NOUN/NNS fought/VERB/VBD the/DET/DT blaze/NOUN/NN ,/PUNCT/, "
               "and/CCONJ/CC winds/NOUN/NNS were/AUX/VBD rising/VERB/VBG ,/PUNCT/, "
               "the/DET/DT service/NOUN/NN said/VERB/ROOT ./PUNCT/.")
    (quote,) = extract_quotes(doc)
    assert quote.text == "winds were rising"


def test_second_predicate_ends_the_reported_clause_and_shares_the_speaker() -> None:
    doc = flat("The/DET/DT judge/NOUN/NN said/VERB/ROOT the/DET/DT trial/NOUN/NN "
               "would/AUX/MD resume/VERB/VB soon/ADV/RB and/CCONJ/CC warned/VERB/VBD "
               "that/SCONJ/IN delays/NOUN/NNS were/AUX/VBD costly/ADJ/JJ ./PUNCT/.")
    quotes = extract_quotes(doc)
    assert [q.text for q in quotes] == ["the trial would resume soon", "delays were costly"]
    assert [q.speaker.text for q in quotes if q.speaker] == ["The judge", "The judge"]
    assert [q.cue.text for q in quotes if q.cue] == ["said", "warned"]


def test_according_to_a_counted_source() -> None:
    doc = flat("According/VERB/VBG to/ADP/IN two/NUM/CD diplomats/NOUN/NNS ,/PUNCT/, "
               "France/PROPN/NNP dropped/VERB/ROOT its/PRON/PRP$ demand/NOUN/NN ./PUNCT/.")
    (quote,) = extract_quotes(doc)
    assert quote.text == "France dropped its demand"
    assert quote.speaker is not None and quote.speaker.text == "two diplomats"


def test_relative_clause_between_speaker_and_cue() -> None:
    doc = flat("Dlamini/PROPN/NNP ,/PUNCT/, who/PRON/WP ran/VERB/VBD it/PRON/PRP ,/PUNCT/, "
               "denied/VERB/ROOT that/SCONJ/IN he/PRON/PRP had/VERB/VBD a/DET/DT "
               "role/NOUN/NN ./PUNCT/.")
    (quote,) = extract_quotes(doc)
    assert quote.text == "he had a role"
    assert quote.speaker is not None and quote.speaker.text == "Dlamini"


def test_second_cue_after_but_takes_its_own_object_clause() -> None:
    doc = flat("The/DET/DT bank/NOUN/NN said/VERB/ROOT prices/NOUN/NNS rose/VERB/VBD "
               "but/CCONJ/CC warned/VERB/VBD the/DET/DT outlook/NOUN/NN "
               "remained/VERB/VBD weak/ADJ/JJ ./PUNCT/.")
    quotes = extract_quotes(doc)
    assert [q.text for q in quotes] == ["prices rose", "the outlook remained weak"]
    assert [q.speaker.text for q in quotes if q.speaker] == ["The bank", "The bank"]


def test_accusation_read_as_an_adjective_by_the_parse() -> None:
    words = ["Regulators", "on", "Thursday", "accused", "Navix", "of", "abusing", "power", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              heads=[4, 2, 0, 4, 4, 6, 4, 6, 4],
              deps=["dep", "case", "nmod", "amod", "ROOT", "mark", "advcl", "obj", "punct"],
              pos=["NOUN", "ADP", "PROPN", "VERB", "PROPN", "SCONJ", "VERB", "NOUN", "PUNCT"],
              tags=["NNS", "IN", "NNP", "VBN", "NNP", "IN", "VBG", "NN", "."])
    (quote,) = extract_quotes(doc)
    assert quote.text == "Navix of abusing power"
    assert quote.speaker is not None and quote.speaker.text == "Regulators"


def test_speaker_starts_after_a_subordinator() -> None:
    doc = flat("Shares/NOUN/NNS fell/VERB/VBD after/ADP/IN the/DET/DT company/NOUN/NN "
               "warned/VERB/ROOT that/SCONJ/IN profits/NOUN/NNS would/AUX/MD "
               "drop/VERB/VB ./PUNCT/.")
    (quote,) = extract_quotes(doc)
    assert quote.text == "profits would drop"
    assert quote.speaker is not None and quote.speaker.text == "the company"


def test_participle_scene_before_the_speaker_is_not_speech() -> None:
    doc = flat("Asked/VERB/VBN whether/SCONJ/IN he/PRON/PRP would/AUX/MD quit/VERB/VB "
               ",/PUNCT/, the/DET/DT minister/NOUN/NN said/VERB/ROOT no/INTJ/UH ./PUNCT/.")
    assert extract_quotes(doc) == []


def test_passive_report_keeps_a_null_speaker() -> None:
    doc = flat("It/PRON/PRP was/AUX/VBD announced/VERB/ROOT on/ADP/IN Tuesday/PROPN/NNP "
               "that/SCONJ/IN talks/NOUN/NNS would/AUX/MD resume/VERB/VB ./PUNCT/.")
    (quote,) = extract_quotes(doc)
    assert (quote.kind, quote.text, quote.speaker) == ("indirect", "talks would resume", None)
    assert quote.cue is not None and quote.cue.text == "announced"


# ------------------------------------------------------------------ scale


def _seconds(blank: spacy.language.Language, n: int) -> float:
    text = " ".join(f'"We will win round {i}," Ann Lee said.' for i in range(n))
    doc = blank(text)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        quotes = extract_quotes(doc)
        best = min(best, time.perf_counter() - started)
    assert len(quotes) == n
    return best


def test_one_paragraph_of_many_quotes_scales_linearly(blank: spacy.language.Language) -> None:
    # ten times the quotes may cost about ten times the time; a per-quote scan of the whole
    # Doc (as Doc.has_annotation per speaker was) costs a hundred times
    ratio = _seconds(blank, 2000) / _seconds(blank, 200)
    assert ratio < 35, f"2000 quotes took {ratio:.0f}x the time of 200"


# ------------------------------------------------------------------ linking speakers


def _mention(text: str, phrase: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Mention(start, start + len(phrase), phrase)


def test_pronoun_follows_running_speaker_over_a_stray_coreference(
    blank: spacy.language.Language,
) -> None:
    text = '"We will win," Anna Kovacs said. "There is no doubt," he said. Ivan Petrov left.'
    kovacs = Entity("E1", "PERSON", "Anna Kovacs", mentions=[_mention(text, "Anna Kovacs")])
    # an entities stage that wrongly put this "he" among Petrov's mentions
    petrov = Entity("E2", "PERSON", "Ivan Petrov",
                    mentions=[_mention(text, "he"), _mention(text, "Ivan Petrov")])
    quotes = extract_quotes(blank(text), [kovacs, petrov])
    assert [q.speaker.entity for q in quotes if q.speaker] == ["E1", "E1"]


def test_nominal_speaker_links_to_the_name_in_apposition(
    blank: spacy.language.Language,
) -> None:
    text = '"The deal is bad," its chief executive, Elspeth Macdonald, said.'
    macdonald = Entity("E1", "PERSON", "Elspeth Macdonald",
                       mentions=[_mention(text, "Elspeth Macdonald")])
    (quote,) = extract_quotes(blank(text), [macdonald])
    assert quote.speaker is not None and quote.speaker.text == "its chief executive"
    assert quote.speaker.entity == "E1"


def test_spokesman_speaks_for_the_body_and_a_titled_name_for_the_person(
    blank: spacy.language.Language,
) -> None:
    text = ('"No comment," a NATO spokesman said.\n'
            '"We act now," WHO Director-General Amara Diallo said.')
    nato = Entity("E1", "ORG", "NATO", mentions=[_mention(text, "NATO")])
    who = Entity("E2", "ORG", "WHO", mentions=[_mention(text, "WHO")])
    diallo = Entity("E3", "PERSON", "Amara Diallo", mentions=[_mention(text, "Amara Diallo")])
    quotes = extract_quotes(blank(text), [nato, who, diallo])
    assert [q.speaker.entity for q in quotes if q.speaker] == ["E1", "E3"]


def test_plural_pronoun_and_unmatched_nominal_stay_unlinked(
    blank: spacy.language.Language,
) -> None:
    text = 'Ann Lee spoke. "We are ready," they said. "It is late," the official said.'
    lee = Entity("E1", "PERSON", "Ann Lee", mentions=[_mention(text, "Ann Lee")])
    quotes = extract_quotes(blank(text), [lee])
    assert [q.speaker.entity for q in quotes if q.speaker] == [None, None]


def _run_on_seconds(n: int) -> float:
    # one parsed "sentence" of n reports, as a run-on scraped paragraph gives
    unit = ("prices/NOUN/NNS rose/VERB/VBD again/ADV/RB ,/PUNCT/, the/DET/DT ministry/NOUN/NN "
            "said/VERB/VBD ,/PUNCT/, and/CCONJ/CC ")
    items = [item.rsplit("/", 2) for item in (unit * n).split()]
    deps = ["ROOT"] + ["dep"] * (len(items) - 1)
    doc = Doc(spacy.blank("en").vocab, words=[w for w, _p, _t in items],
              pos=[p for _w, p, _t in items], tags=[t for _w, _p, t in items],
              heads=[0] * len(items), deps=deps)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        quotes = extract_quotes(doc)
        best = min(best, time.perf_counter() - started)
    assert len(quotes) == n
    return best


def test_one_run_on_sentence_of_many_reports_scales_linearly() -> None:
    # Token.sent walks its whole sentence; looked up per cue, that is quadratic
    ratio = _run_on_seconds(2000) / _run_on_seconds(200)
    assert ratio < 35, f"2000 reports took {ratio:.0f}x the time of 200"


def test_dateline_agency_is_no_antecedent(blank: spacy.language.Language) -> None:
    text = 'MELBOURNE, Jan 28 (Newswire) - Prices rose. "It was a shock," he said.'
    # a weak recogniser took the agency for a person and hung the pronoun on it
    agency = Entity("E1", "PERSON", "Newswire",
                    mentions=[_mention(text, "Newswire"), _mention(text, "he", 0)])
    (quote,) = extract_quotes(blank(text), [agency])
    assert quote.speaker is not None and quote.speaker.text == "he"
    assert quote.speaker.entity is None


def test_government_of_a_state_links_to_the_state(blank: spacy.language.Language) -> None:
    text = '"The cars were not seized," Kosovo\'s government said.'
    kosovo = Entity("E1", "GPE", "Kosovo", mentions=[_mention(text, "Kosovo")])
    (quote,) = extract_quotes(blank(text), [kosovo])
    assert quote.speaker is not None and quote.speaker.entity == "E1"


def test_possessive_in_speaker_phrase_is_the_client_not_the_speaker(
    blank: spacy.language.Language,
) -> None:
    text = 'Ann Lee was charged. "She is innocent," his lawyer said.'
    # an entities stage that resolved "his" (wrongly or not) to a person
    lee = Entity("E1", "PERSON", "Ann Lee",
                 mentions=[_mention(text, "Ann Lee"), _mention(text, "his")])
    (quote,) = extract_quotes(blank(text), [lee])
    assert quote.speaker is not None and quote.speaker.text == "his lawyer"
    assert quote.speaker.entity is None
