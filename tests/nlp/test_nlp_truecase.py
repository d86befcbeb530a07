"""Lines in capitals: found, re-cased, and read again by the bundled pipeline."""

from __future__ import annotations

import spacy

from wiretag.nlp.tokenizer import news_tokenizer
from wiretag.nlp.truecase import (
    RECASED_KEY,
    People,
    base_form,
    caps_lines,
    is_english_word,
    reading_text,
    running_forms,
    sentence_openers,
    truecase,
    truecase_lower,
)

DICTIONARY = {"hold", "draw", "go", "top", "win", "lucky", "soccer", "arsenal", "beat", "wicket"}
IRREGULAR = {"held"}
FUNCTION = {"to", "as", "at", "by", "in", "the", "for"}


def _nlp():
    nlp = spacy.blank("en")
    nlp.tokenizer = news_tokenizer(nlp)
    return nlp


def _case(words, story=None, known=None):
    return truecase(
        words,
        story=story or {},
        known=known or (lambda w: None),
        function_words=FUNCTION,
        dictionary=DICTIONARY,
        irregular=IRREGULAR,
    )


def test_caps_lines_cut_at_the_slug_dash_and_skip_datelines():
    nlp = _nlp()
    doc = nlp("SOCCER - LEEDS HOLD NEWCASTLE.\nLONDON 1996-08-30\nLeeds held Newcastle.")
    spans = [doc[a:b].text for a, b in caps_lines(doc)]
    assert spans == ["SOCCER", "LEEDS HOLD NEWCASTLE."]


def test_caps_lines_ignore_mixed_case_lines_and_single_acronyms():
    nlp = _nlp()
    doc = nlp("NATO said on Friday that its AWACS planes flew.\nThe IAEA met.")
    assert caps_lines(doc) == []


def test_truecase_order_of_evidence():
    story = {"leeds": "Leeds", "newcastle": "Newcastle"}
    known = {"NATO": "NATO", "MOSCOW": "Moscow"}.get
    out = _case(["LEEDS", "HOLD", "NEWCASTLE", "TO", "DRAW", "AS", "SAMPRAS", "GOES", "TOP"],
                story=story, known=known)
    assert out == ["Leeds", "hold", "Newcastle", "to", "draw", "as", "Sampras", "goes", "top"]
    assert _case(["NATO", "HOLD", "MOSCOW"], known=known) == ["NATO", "hold", "Moscow"]
    # the story's own spelling beats the dictionary; short words without vowels stay
    assert _case(["WIN", "FOR", "ARSENAL", "NBA"], story={"arsenal": "Arsenal"}) == [
        "Win", "for", "Arsenal", "NBA"
    ]
    assert _case(["INZAMAM-UL-HAQ", "HELD"]) == ["Inzamam-Ul-Haq", "held"]


def test_is_english_word_knows_inflections():
    words = {"advance", "firm", "wicket", "rule", "take", "stop", "win", "try"}
    for w in ("advances", "firms", "wickets", "ruled", "taking", "stopped", "winning", "tries"):
        assert is_english_word(w, words, ())
    assert not is_english_word("sampras", words, ())


def test_running_forms_skip_openings_unless_a_name():
    nlp = _nlp()
    doc = nlp("Results came in. Arsenal went top, and the results pleased Leeds.")
    for tok in doc:
        tok.is_sent_start = tok.i in (0, 4)  # as a parser sets them
    forms = running_forms(list(doc), skip=set())
    assert forms["leeds"] == "Leeds" and forms["results"] == "results"
    assert "arsenal" not in forms  # a sentence's first word says nothing by itself
    forms = running_forms(list(doc), skip=set(), names={doc[4].i})
    assert forms["arsenal"] == "Arsenal"


def test_peoples_names_the_dictionary_knows_as_words():
    words = {"john", "smith", "mark", "wood", "will", "meet", "root", "bush", "say", "president"}
    verbs = {"mark", "will", "meet", "root", "say"}
    people = People(
        given={"john", "mark", "will", "joe"},
        surnames={"smith", "wood", "root", "bush"},
        titles={"president"},
        verbs=lambda w: base_form(w, verbs) is not None,
        inflected=lambda w: base_form(w, verbs) not in (None, w),
    )

    def case(line: str) -> str:
        return " ".join(truecase(line.split(), story={}, known=lambda w: None,
                                 function_words=FUNCTION, dictionary=words, people=people))

    assert case("JOHN SMITH SAYS") == "John Smith says"
    assert case("TALKS FOR JOE ROOT") == "Talks for Joe Root"
    assert case("MARK WOOD TO PRESIDENT BUSH") == "Mark Wood to president Bush"
    assert case("THEY WILL MEET") == "They will meet"  # "will" is a verb, "meet" no surname
    assert case("JOHN SAYS") == "John says"  # an inflected verb is no surname


def test_base_form_can_ask_for_a_true_inflection():
    words = {"face", "faced"}  # "faced" is also an adjective in WordNet
    assert base_form("faced", words) == "faced"
    assert base_form("faced", words, itself=False) == "face"
    assert base_form("face", words, itself=False) is None


def test_sentence_openers_in_copy_without_case():
    nlp = _nlp()
    doc = nlp('kyiv (reuters) - he spoke. "we will win," she said!\nnew line? yes')
    assert [doc[i].text for i in sorted(sentence_openers(doc))] == [
        "kyiv", "we", "new", "yes"
    ]
    # runs of marks the tokenizer keeps whole end a sentence too
    doc = nlp("really?! so it goes... then he left")
    assert [doc[i].text for i in sorted(sentence_openers(doc))] == ["really", "so", "then"]


def _lower(text: str, *, forms=None, known=None, people=None, dictionary=DICTIONARY) -> str:
    nlp = _nlp()
    doc = nlp(text)
    words = truecase_lower(
        [t.text for t in doc],
        openers=sentence_openers(doc),
        known=known or (lambda w: None),
        forms=forms or {},
        function_words=FUNCTION | {"us", "who", "he", "said", "and", "on", "a", "with", "them"},
        dictionary=dictionary,
        irregular=IRREGULAR,
        people=people,
    )
    assert [len(w) for w in words] == [len(t.text) for t in doc]  # offsets never move
    return "".join(w + t.whitespace_ for w, t in zip(words, doc, strict=True))


def test_truecase_lower_order_of_evidence():
    known = {"NATO": "NATO", "MOSCOW": "Moscow", "US": "US", "WHO": "WHO", "U.S.": "U.S."}.get
    forms = {"masoud": "Masoud", "monday": "Monday", "talks": "talks", "ceasefire": "ceasefire"}
    out = _lower(
        "masoud said nato and the u.s. hold talks in moscow on monday for us, who win "
        "a ceasefire with miroshnik at 5 pct",
        known=known,
        forms=forms,
    )
    # function words first ("us", "who" are pronouns), then the gazetteer, then the
    # table of written forms, then the dictionary; unknown long words are names and
    # unknown short ones ("pct") abbreviations
    assert out == (
        "Masoud said NATO and the U.S. hold talks in Moscow on Monday for us, who win "
        "a ceasefire with Miroshnik at 5 pct"
    )


def test_truecase_lower_people_after_a_given_name_or_a_name():
    verbs = {"mark", "will", "meet", "root", "say", "face"}
    people = People(
        given={"joe", "mark"},
        surnames={"root", "rice", "wood"},
        titles={"president"},
        verbs=lambda w: base_form(w, verbs) is not None,
        inflected=lambda w: base_form(w, verbs, itself=False) is not None,
    )
    words = DICTIONARY | {"root", "rice", "mark", "wood", "faced", "face", "scored"}
    forms = {"declan": "Declan", "scored": "scored"}
    out = _lower("joe root and declan rice scored. mark wood faced them",
                 forms=forms, people=people, dictionary=words)
    assert out == "Joe Root and Declan Rice scored. Mark Wood faced them"


def test_truecase_lower_a_surname_named_in_full_keeps_its_capital():
    verbs = {"meet", "speak", "win", "say"}
    people = People(
        given={"emmanuel", "john", "mercedes"},
        surnames={"smith"},
        titles={"president"},
        verbs=lambda w: base_form(w, verbs) is not None,
        inflected=lambda w: base_form(w, verbs, itself=False) is not None,
    )
    words = DICTIONARY | {"macron", "smith", "team", "met", "spoke", "won", "rate", "rose"}
    forms = {"emmanuel": "Emmanuel", "mercedes": "Mercedes", "team": "team", "rate": "rate",
             "rose": "rose", "met": "met", "spoke": "spoke", "won": "won"}
    out = _lower(
        "emmanuel macron met john smith. then macron and smith spoke; the mercedes team "
        "won and the team rose",
        forms=forms, people=people, dictionary=words,
    )
    # "macron" (no usual written form) and "smith" (a known surname) keep the capital of
    # their full names; "team", which text writes in lower case, does not
    assert out == (
        "Emmanuel Macron met John Smith. Then Macron and Smith spoke; the Mercedes Team "
        "won and the team rose"
    )


def test_reading_text_is_the_recased_copy_only_when_it_keeps_the_offsets():
    doc = _nlp()("kyiv said")
    assert reading_text(doc) == "kyiv said"
    doc.user_data[RECASED_KEY] = "Kyiv said"
    assert reading_text(doc) == "Kyiv said"
    doc.user_data[RECASED_KEY] = "Kyiv  said"  # a copy that moved an offset is not read
    assert reading_text(doc) == "kyiv said"


def test_truecase_lower_possessive_inside_a_name():
    known = {"LUHANSK": "Luhansk", "KENYA": "Kenya", "CHINA": "China", "TRUMP": "Trump"}.get
    forms = {"republic": "Republic", "league": "League", "people": "people",
             "administration": "administration", "policy": "policy", "women": "women",
             "views": "views"}
    out = _lower(
        "the luhansk people's republic and the kenya women's league met; the trump "
        "administration's china policy and the people's views",
        known=known, forms=forms,
    )
    # only a name-internal possessor between two names joins them
    assert out == (
        "The Luhansk People's Republic and the Kenya Women's League met; the Trump "
        "administration's China policy and the people's views"
    )


def test_truecase_caps_asks_the_table_of_written_forms_before_the_dictionary():
    # WordNet knows "masoud" and "xi" as nouns; web text writes them as names
    words = DICTIONARY | {"masoud", "xi", "palace"}
    forms = {"masoud": "Masoud", "xi": "Xi", "palace": "palace"}
    out = truecase(["MASOUD", "AND", "XI", "AT", "THE", "PALACE"], story={},
                   known=lambda w: None, function_words=FUNCTION | {"and"},
                   dictionary=words, forms=forms)
    assert out == ["Masoud", "and", "Xi", "at", "the", "palace"]


def test_truecase_lower_venue_names_end_in_stadium_or_arena():
    known = {"LUSAIL": "Lusail", "BOSTON": "Boston"}.get
    forms = {"stadium": "stadium", "arena": "arena", "new": "new", "plans": "plans"}
    out = _lower(
        "they won at lusail stadium. new stadium plans and the new arena; boston arena",
        known=known, forms=forms,
    )
    # after a name, "stadium" and "arena" end the venue's name; not after a word that
    # stays in lower case, nor after one capitalised only as a sentence's first
    assert out == (
        "They won at Lusail Stadium. New stadium plans and the new arena; Boston Arena"
    )
